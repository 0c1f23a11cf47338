/* SPDX-License-Identifier: MIT */
/* Who may run which command, and who may use which guarded option of it: two tables, read
 * by cli_open before any command touches the database. An import needs what its entity
 * says (cli_kinds.c); another command not listed only reads (every user may); an option
 * not listed for its command needs the admin. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "dpf/text.h"

static const struct {
    const char *name, *object;
    enum cap cap;
} caps[] = {
    { "person", "status", CAP_REGISTER },       { "update", "record", CAP_REGISTER },
    { "rehab", "delete", CAP_REGISTER },        { "insurance", "add", CAP_REGISTER },
    { "insurance", "remove", CAP_REGISTER },    { "insurance", "move", CAP_REGISTER },
    { "subsidy", "apply", CAP_REVIEW },         { "subsidy", "advance", CAP_REVIEW },
    { "subsidy", "refuse", CAP_REVIEW },        { "subsidy", "stop", CAP_REVIEW },
    { "subsidy", "review", CAP_REVIEW },        { "subsidy", "approve", CAP_REVIEW },
    { "subsidy", "roster", CAP_REVIEW },
    { "insurance", "policy", CAP_MANAGE },
    { "insurance", "cover", CAP_MANAGE },       { "insurance", "build", CAP_MANAGE },
    { "insurance", "confirm", CAP_MANAGE },     { "report", "annual", CAP_MANAGE },
    { "report", "period", CAP_MANAGE },
    { "user", NULL, CAP_ADMIN },                { "backup", NULL, CAP_ADMIN },
    { "restore", NULL, CAP_ADMIN },             { "audit", NULL, CAP_ADMIN },
};

enum cap cli_cap(const struct cli_cmd *cmd)
{
    enum cap kind_cap;

    if (cli_kind_cap(cmd, &kind_cap))
        return kind_cap;
    for (size_t i = 0; cmd && i < sizeof caps / sizeof caps[0]; i++)
        if (strcmp(cmd->name, caps[i].name) == 0 &&
            (!caps[i].object || (cmd->object && strcmp(cmd->object, caps[i].object) == 0)))
            return caps[i].cap;
    return CAP_READ;
}

/* Who may see full resident IDs, certificate numbers and bank accounts, by command and
 * option (object NULL: every object of the command). Whole lists leave the office in
 * files, so they need the reviewer (or, for the insurer's roster, the manager who builds
 * it); one person's record at a time is every clerk's daily work, allowed to all and
 * audited like the rest. Every use is audited (audit_disclose). */
static const struct {
    const char *name, *object, *option;
    enum cap cap;
} option_caps[] = {
    { "export", NULL, "full-id", CAP_REVIEW },
    { "subsidy", "roster", "full-id", CAP_REVIEW },
    { "subsidy", "review", "full-id", CAP_REVIEW },
    { "insurance", "roster", "full-id", CAP_MANAGE },
    { "person", "show", "full-id", CAP_READ },
    { "person", "history", "full-id", CAP_READ },
    { "rehab", "show", "full-id", CAP_READ },
    { "insurance", "show", "full-id", CAP_READ },
    { "audit", NULL, "full-id", CAP_ADMIN },
};

enum cap cli_option_cap(const struct cli_cmd *cmd, const char *option)
{
    for (size_t i = 0; cmd && i < sizeof option_caps / sizeof option_caps[0]; i++)
        if (strcmp(cmd->name, option_caps[i].name) == 0 &&
            strcmp(option, option_caps[i].option) == 0 &&
            (!option_caps[i].object ||
             (cmd->object && strcmp(cmd->object, option_caps[i].object) == 0)))
            return option_caps[i].cap;
    return CAP_ADMIN;
}

void cli_option(struct cli *c, const char *name)
{
    c->option = name;
}

int cli_disclose(struct cli *c, const char *what, int64_t person_id)
{
    struct dpf_err err;
    if (audit_disclose(c->db, what, person_id, NULL, -1, &err) != DPF_OK)
        return cli_fail(&err);
    return EXIT_OK;
}

const char *cli_safe(const char *s, char *buf, size_t cap)
{
    return text_safe(s ? s : "", buf, cap);
}
