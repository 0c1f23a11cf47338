/* SPDX-License-Identifier: MIT */
/* Who may run which command (its row's need; an import: what its entity says, cli_kinds.c),
 * and who may use which guarded option of it (the option row's need): read by cli_open
 * before any command touches the database. Who may see full resident IDs, certificate
 * numbers and bank accounts (--full-id) is such a need: whole lists leave the office in
 * files, so they need the reviewer (the insurer's roster, the manager who builds it); one
 * person's record at a time is every clerk's daily work, allowed to all. Every use is
 * audited (audit_disclose). */
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

enum cap cli_option_cap(const struct cli_cmd *cmd, const char *option)
{
    for (const struct cli_opt *o = cmd ? cmd->opts : NULL; o && o->name; o++)
        if (strcmp(o->name, option) == 0 && o->need)
            return (enum cap)(o->need - 1);
    return CAP_ADMIN;           /* a guarded option the row does not describe */
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
