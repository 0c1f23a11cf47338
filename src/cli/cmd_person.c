/* SPDX-License-Identifier: MIT */
/* One person: show, history (the audit log), status change. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
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

static int one_positional(int argc, char **argv, const struct option *opts, int *full,
                          const char **key)
{
    int ch;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 'f' && full)
            *full = 1;
        else
            return -1;
    }
    if (optind != argc - 1)
        return -1;
    *key = argv[optind];
    return 0;
}

static int cmd_person_show(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = { { "full-id", no_argument, NULL, 'f' },
                                           { NULL, 0, NULL, 0 } };
    struct person p;
    const char *key;
    char label[64], buf[64], safe[1024];
    int full = 0;

    if (one_positional(argc, argv, opts, &full, &key) != 0)
        return cli_usage(cli_find(cmd_person_show), NULL);
    if (full)
        cli_option(c, "full-id");
    if (load(c, key, &p) != EXIT_OK)
        return EXIT_FAIL;
    if (full && cli_disclose(c, "person", p.id) != EXIT_OK) {
        person_clear(&p);
        return EXIT_FAIL;
    }
    for (int i = 0; i < PERSON_NFIELDS; i++) {
        const struct field *f = &person_fields[i];
        printf("%s %s\n", text_fit(label, sizeof label, _(f->label), 26, 0),
               cli_safe(field_format(f, p.v[i], !full, buf, sizeof buf), safe, sizeof safe));
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
    char user[256];
    printf("%s  %s  %s\n", r->at, cli_safe(r->user, user, sizeof user),
           audit_action_label(r->action));
    if (person_audit_changes(h->db, r->before, r->after, !h->full, print_change, NULL, &err) !=
        DPF_OK)
        return cli_fail(&err), 1;
    return 0;
}

static int cmd_person_history(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = { { "full-id", no_argument, NULL, 'f' },
                                           { NULL, 0, NULL, 0 } };
    struct history h = { 0 };
    struct person p;
    char cert[32], name[256];
    struct dpf_err err;
    const char *key;
    int rc;

    if (one_positional(argc, argv, opts, &h.full, &key) != 0)
        return cli_usage(cli_find(cmd_person_history), NULL);
    if (h.full)
        cli_option(c, "full-id");
    if (load(c, key, &p) != EXIT_OK)
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

static int cmd_person_status(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        { "status", required_argument, NULL, 's' },
        { "date", required_argument, NULL, 'd' },
        { "reason", required_argument, NULL, 'r' },
        { NULL, 0, NULL, 0 },
    };
    const struct cli_cmd *self = cli_find(cmd_person_status);
    const char *status = NULL, *date = NULL, *reason = NULL;
    char *code = NULL, *day = NULL, cert[32], name[16];
    struct person p;
    struct dpf_err err;
    int ch, rc = EXIT_OK;

    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 's')
            status = optarg;
        else if (ch == 'd')
            date = optarg;
        else if (ch == 'r')
            reason = optarg;
        else
            return cli_usage(self, NULL);
    }
    if (optind != argc - 1 || !status)
        return cli_usage(self, _("name the person and --status"));
    if (load(c, argv[optind], &p) != EXIT_OK)
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
               field_format(&person_fields[PF_STATUS], code, 0, name, sizeof name));
    }
    free(code);
    free(day);
    person_clear(&p);
    return rc;
}

/* The person commands (cli.h: how to add a command). */
const struct cli_cmd cli_person_rows[] = {
    { .group = "person", .name = "show", .need = NEED_READ,
      .usage = "CERT|ID [--full-id]",
      .summary = N_("Show one person's record"),
      .run_argv = cmd_person_show },
    { .group = "person", .name = "history", .need = NEED_READ,
      .usage = "CERT|ID [--full-id]",
      .summary = N_("Show the audit history of one person"),
      .run_argv = cmd_person_history },
    { .group = "person", .name = "status", .need = NEED_REGISTER,
      .usage = "CERT|ID --status 在册|死亡|迁出|注销 --date YYYY-MM-DD [--reason TEXT]",
      .summary = N_("Change a person's status (death, moving out, cancellation, back to active)"),
      .run_argv = cmd_person_status },
    { 0 },
};
