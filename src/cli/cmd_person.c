/* SPDX-License-Identifier: MIT */
/* One person: show, history (the audit log), status change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/access.h"
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/text.h"

/* Loads the person named by a certificate number or resident ID; prints why not. */
static int load(struct cli *c, const char *key, struct person *p)
{
    struct dpf_err err;
    person_init(p);
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (person_find(c->db, key, p, &err) != DPF_OK)
        return cli_fail(&err);
    return EXIT_OK;
}

static int cmd_person_show(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct person p;
    char label[64], buf[64], safe[1024];
    int full = cli_has(a, "full-id");

    (void)self;
    if (load(c, a->operands[0], &p) != EXIT_OK)
        return EXIT_FAIL;
    if (full && cli_disclose(c, "person", p.id) != EXIT_OK) {
        person_clear(&p);
        return EXIT_FAIL;
    }
    for (int i = 0; i < PERSON_NFIELDS; i++) {
        const struct field *f = &person_fields[i];
        printf("%s %s\n", text_fit(label, sizeof label, _(f->label), 26, 0),
               cli_safe(field_show(f, p.v[i], !full, buf, sizeof buf), safe, sizeof safe));
    }
    person_clear(&p);
    return EXIT_OK;
}

struct history {
    struct db *db;
    int full;
};

static int print_change(const char *label, const char *before, const char *after, void *ctx)
{
    char sb[1024], sa[1024];
    (void)ctx;
    if (!*before && !*after)
        return 0;   /* a field left empty when the person was registered */
    after = cli_safe(after, sa, sizeof sa);
    if (*before)
        printf("    %s: %s -> %s\n", label, cli_safe(before, sb, sizeof sb),
               *after ? after : _("(empty)"));
    else
        printf("    %s: %s\n", label, after);
    return 0;
}

static int print_audit(const struct audit_row *r, void *ctx)
{
    struct history *h = ctx;
    struct dpf_err err;
    char user[256], shown[128];
    /* Who, by their display name when the admin gave one (dpf user name). */
    printf("%s  %s  %s\n", r->at,
           cli_safe(user_display(h->db, r->user, shown, sizeof shown), user, sizeof user),
           audit_action_label(r->action));
    if (person_audit_changes(h->db, r->before, r->after, !h->full, print_change, NULL, &err) !=
        DPF_OK)
        return cli_fail(&err), 1;
    return 0;
}

static int cmd_person_history(struct cli *c, const struct cli_cmd *self,
                              const struct cli_args *a)
{
    struct history h = { .full = cli_has(a, "full-id") };
    struct person p;
    char cert[32], name[256];
    struct dpf_err err;
    int rc;

    (void)self;
    if (load(c, a->operands[0], &p) != EXIT_OK)
        return EXIT_FAIL;
    if (h.full && cli_disclose(c, "person history", p.id) != EXIT_OK) {
        person_clear(&p);
        return EXIT_FAIL;
    }
    h.db = c->db;
    printf(_("History of %s (%s)\n"), cli_safe(p.v[PF_NAME], name, sizeof name),
           cli_cert(&p, cert, sizeof cert));
    rc = audit_history(c->db, "person", p.id, print_audit, &h, &err);
    person_clear(&p);
    return rc == DPF_OK ? EXIT_OK : cli_fail(&err);
}

/* --date is checked as a date by the parser, and here again as the status date (not in
 * the future; required for 死亡), which only the field knows. */
static int cmd_person_status(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const char *status = cli_str(a, "status"), *date = cli_str(a, "date"),
               *reason = cli_str(a, "reason");
    char *code = NULL, *day = NULL, cert[32], name[16];
    struct person p;
    struct dpf_err err;
    int rc = EXIT_OK;

    /* Its own message rather than the parser's (kept as it was). */
    if (!status)
        return cli_usage(self, _("name the person and --status"));
    if (load(c, a->operands[0], &p) != EXIT_OK)
        return EXIT_FAIL;
    if (field_parse(&person_fields[PF_STATUS], status, db_today(c->db), &code, &err) != DPF_OK ||
        field_parse(&person_fields[PF_STATUS_DATE], date, db_today(c->db), &day, &err) != DPF_OK ||
        db_begin(c->db, &err) != DPF_OK) {
        rc = cli_fail(&err);
    } else if (db_end(c->db, person_set_status(c->db, p.id, code ? code[0] - '0' : 0, day,
                                                 reason, &err), &err) != DPF_OK) {
        rc = cli_fail(&err);
    } else {
        printf(_("%s (%s): status is now %s\n"), p.v[PF_NAME], cli_cert(&p, cert, sizeof cert),
               field_show(&person_fields[PF_STATUS], code, 0, name, sizeof name));
    }
    free(code);
    free(day);
    person_clear(&p);
    return rc;
}

/* One person's record is every clerk's daily work: full IDs are allowed to all, and
 * audited like the rest (cli_disclose). */
static const struct cli_opt show_opts[] = {
    { "full-id", CK_FLAG, 0, NULL, N_("full resident ID and bank account (audited)"), NULL,
      NEED_READ },
    { 0 },
};

static const struct cli_opt status_opts[] = {
    { "status", CK_TEXT, CLI_SHOWN_REQUIRED, "在册|死亡|迁出|注销", N_("the new status"), NULL, 0 },
    { "date", CK_DATE, CLI_SHOWN_REQUIRED, NULL, N_("the day it took effect"), NULL, 0 },
    { "reason", CK_TEXT, 0, NULL, N_("why, as recorded"), NULL, 0 },
    { 0 },
};

/* The person commands (cli.h: how to add a command). */
const struct cli_cmd cli_person_rows[] = {
    { .group = "person", .name = "show", .operands = "CERT|ID", .min_operands = 1,
      .max_operands = 1, .need = NEED_READ, .opts = show_opts,
      .summary = N_("Show one person's record"),
      .run = cmd_person_show },
    { .group = "person", .name = "history", .operands = "CERT|ID", .min_operands = 1,
      .max_operands = 1, .need = NEED_READ, .opts = show_opts,
      .summary = N_("Show the audit history of one person"),
      .run = cmd_person_history },
    { .group = "person", .name = "status", .operands = "CERT|ID", .min_operands = 1,
      .max_operands = 1, .need = NEED_REGISTER, .opts = status_opts,
      .summary = N_("Change a person's status (death, moving out, cancellation, back to active)"),
      .run = cmd_person_status },
    { 0 },
};
