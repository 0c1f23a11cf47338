/* SPDX-License-Identifier: MIT */
/* Who may run which command (its row's need; an import: what its entity says, cli_kinds.c),
 * and who may use which guarded option of it (the option row's need; for legacy rows the
 * table below): read by cli_open before any command touches the database. An option
 * neither names needs the admin. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "dpf/text.h"

enum cap cli_cap(const struct cli_cmd *cmd)
{
    enum cap kind_cap;

    if (cli_kind_cap(cmd, &kind_cap))
        return kind_cap;
    return cmd->need > NEED_NONE ? (enum cap)(cmd->need - 1) : CAP_ADMIN;
}

/* Who may see full resident IDs, certificate numbers and bank accounts, by command and
 * option (object NULL: every object of the command), for the rows not yet converted: a
 * converted row says it in its option table. Whole lists leave the office in
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
    { "person", "show", "full-id", CAP_READ },
    { "person", "history", "full-id", CAP_READ },
    { "rehab", "show", "full-id", CAP_READ },
    { "audit", NULL, "full-id", CAP_ADMIN },
};

enum cap cli_option_cap(const struct cli_cmd *cmd, const char *option)
{
    for (const struct cli_opt *o = cmd && cmd->run ? cmd->opts : NULL; o && o->name; o++)
        if (strcmp(o->name, option) == 0 && o->need)
            return (enum cap)(o->need - 1);
    for (size_t i = 0; cmd && i < sizeof option_caps / sizeof option_caps[0]; i++)
        if (strcmp(cmd->group ? cmd->group : cmd->name, option_caps[i].name) == 0 &&
            strcmp(option, option_caps[i].option) == 0 &&
            (!option_caps[i].object ||
             (cmd->group && strcmp(cmd->name, option_caps[i].object) == 0)))
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
