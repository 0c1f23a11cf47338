/* SPDX-License-Identifier: MIT */
/* The admin's commands: users and their roles, the audit log, backups and restores. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "dpf/audit.h"
#include "dpf/backup.h"
#include "dpf/i18n.h"
#include "dpf/person.h"

static int print_user(const char *login, int role, const char *on, const char *by, void *ctx)
{
    (void)ctx;
    cli_cell(login, 16, 0);
    cli_cell(role_names[role - 1], 8, 0);
    printf("  %s  %s\n", on, by);
    return 0;
}

/* dpf user add LOGIN --role 管理员 --first-admin: root names the first admin of a file that
 * has no users (one restored from before roles existed). */
static int first_admin(struct cli *c, const char *login)
{
    struct dpf_err err;
    int rc;

    if (cli_open(c, CLI_NO_ACCESS) != EXIT_OK)
        return EXIT_FAIL;
    if ((rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, user_first_admin(c->db, login, (unsigned)getuid(), &err), &err);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(_("%s is now %s\n"), login, role_names[ROLE_ADMIN - 1]);
    return EXIT_OK;
}

/* dpf user list | add LOGIN --role R [--first-admin] | remove LOGIN */
static int cmd_user(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_self(cmd_user, argv[0]);
    const char *what = argv[0], *login = NULL;
    struct dpf_err err;
    int role = 0, rc;

    if (strcmp(what, "add") == 0) {
        int first = argc == 5 && strcmp(argv[4], "--first-admin") == 0;
        if (argc != 4 + first || strcmp(argv[2], "--role") != 0 ||
            (role = role_parse(argv[3])) < 0)
            return cli_usage(self, _("Roles are 录入员, 审核员, 领导 and 管理员"));
        if (first && role != ROLE_ADMIN)
            return cli_usage(self, _("--first-admin names an admin (--role 管理员)"));
        if (first)
            return first_admin(c, argv[1]);
        login = argv[1];
    } else if (strcmp(what, "remove") == 0) {
        if (argc != 2)
            return cli_usage(self, NULL);
        login = argv[1];
    } else if (argc != 1) {
        return cli_usage(self, NULL);
    }
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (!login)
        return user_list(c->db, print_user, NULL, &err) == DPF_OK ? EXIT_OK : cli_fail(&err);
    if ((rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, role ? user_set(c->db, login, role, &err)
                                : user_remove(c->db, login, &err), &err);
    if (rc != DPF_OK)
        return cli_fail(&err);
    if (role)
        printf(_("%s is now %s\n"), login, role_names[role - 1]);
    else
        printf(_("%s is no longer a user\n"), login);
    return EXIT_OK;
}

struct audit_print {
    struct db *db;
    int full;               /* --full-id: values as recorded */
    struct dpf_err err;
};

/* A row of the log; certificate numbers and bank accounts in its values masked unless
 * --full-id, and its text made safe for the terminal. */
static int print_row(const struct audit_row *r, void *ctx)
{
    struct audit_print *ap = ctx;
    char *after = r->after && !ap->full ? audit_mask(ap->db, r->after, &ap->err) : NULL;
    char user[256], safe[4096];

    if (r->after && !ap->full && !after)
        return 1;
    printf("%s  %-10s %-9s %-6lld %s%s  %s\n", r->at, cli_safe(r->user, user, sizeof user),
           r->entity, (long long)r->entity_id, r->rolled_back ? _("[rolled back] ") : "",
           audit_action_label(r->action),
           cli_safe(after ? after : r->after, safe, sizeof safe));
    free(after);
    return 0;
}

/* A whole number of rows as typed (digits only), or -1. */
static long row_count(const char *s)
{
    char *end;
    long v;

    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    return *end || errno ? -1 : v;
}

static int cmd_audit(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        { "user", required_argument, NULL, 'u' }, { "person", required_argument, NULL, 'p' },
        { "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
        { "limit", required_argument, NULL, 'l' }, { "full-id", no_argument, NULL, 'F' },
        { NULL, 0, NULL, 0 },
    };
    const struct cli_cmd *self = cli_find(cmd_audit);
    struct audit_filter f = { NULL, NULL, NULL, 0, 200 };
    struct audit_print ap = { .full = 0 };
    const char *person = NULL;
    char from[11], to[11];
    struct dpf_err err;
    int ch;

    /* A mistyped option is a usage error, never a filter that silently matches nothing
     * (a --to of "junk") or everything (a --limit of "abc" read as 0, no limit). */
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case 'u': f.user = optarg; break;
        case 'p': person = optarg; break;
        case 'f':
        case 't':
            if (cli_date_arg(self, optarg, ch == 'f' ? from : to) != EXIT_OK)
                return EXIT_USAGE;
            *(ch == 'f' ? &f.from : &f.to) = ch == 'f' ? from : to;
            break;
        case 'l':
            if ((f.limit = row_count(optarg)) <= 0)
                return cli_usage(self, _("--limit takes a number of rows (1 or more)"));
            break;
        case 'F': ap.full = 1; break;
        default: return cli_usage(self, NULL);
        }
    }
    if (optind < argc)
        return cli_usage(self, NULL);
    if (f.from && f.to && strcmp(f.from, f.to) > 0)
        return cli_usage(self, _("--from is after --to"));
    if (ap.full)
        cli_option(c, "full-id");
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (ap.full && cli_disclose(c, "audit log", 0) != EXIT_OK)
        return EXIT_FAIL;
    if (person) {
        struct person p;
        person_init(&p);
        if (person_find(c->db, person, &p, &err) != DPF_OK)
            return cli_fail(&err);
        f.person_id = p.id;
        person_clear(&p);
    }
    ap.db = c->db;
    ap.err.code = DPF_OK;
    if (audit_list(c->db, &f, print_row, &ap, &err) != DPF_OK)
        return cli_fail(&err);
    return ap.err.code == DPF_OK ? EXIT_OK : cli_fail(&ap.err);
}

/* dpf backup FILE | backup --daily DIR [--keep N] | restore FILE */
static int cmd_backup(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_self(cmd_backup, argv[0]);
    int restore = strcmp(argv[0], "restore") == 0, made = 0, keep = 7, rc;
    const char *path = argc >= 2 ? argv[1] : NULL, *daily = NULL;
    struct dpf_err err;

    if (!restore && argc >= 3 && strcmp(argv[1], "--auto") == 0) {
        /* Stored absolute: every clerk's dpf runs from its own directory. */
        char abs[4096];
        const char *dir = strcmp(argv[2], "off") == 0 ? NULL
                          : realpath(argv[2], abs) ? abs : argv[2];
        if (argc == 5 && strcmp(argv[3], "--keep") == 0 && (keep = atoi(argv[4])) > 0)
            argc = 3;
        if (argc != 3)
            return cli_usage(self, _("--keep takes a number of days"));
        if (cli_open(c, 0) != EXIT_OK)
            return EXIT_FAIL;
        if ((rc = db_begin(c->db, &err)) == DPF_OK)
            rc = db_end(c->db, backup_auto_set(c->db, dir, keep, &err), &err);
        if (rc != DPF_OK)
            return cli_fail(&err);
        if (dir)
            printf(_("Automatic backup on: the first command of each day writes %s/dpf-DATE.db "
                     "(kept %d days)\n"), dir, keep);
        else
            printf(_("Automatic backup off\n"));
        return EXIT_OK;
    }
    if (!restore && argc >= 3 && strcmp(argv[1], "--daily") == 0) {
        daily = argv[2];
        if (argc == 5 && strcmp(argv[3], "--keep") == 0 && (keep = atoi(argv[4])) > 0)
            argc = 3;
        if (argc != 3)
            return cli_usage(self, _("--keep takes a number of days"));
    } else if (argc != 2) {
        return cli_usage(self, NULL);
    }
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (daily)
        rc = backup_daily(c->db, daily, keep, &made, &err);
    else
        rc = restore ? backup_restore(c->db, path, &err) : backup_write(c->db, path, &err);
    if (rc != DPF_OK)
        return cli_fail(&err);
    if (restore)
        printf(_("Restored from %s\n"), path);
    else if (daily)
        printf(made ? _("Today's backup written in %s (kept %d days)\n")
                    : _("Today's backup was already in %s (kept %d days)\n"), daily, keep);
    else
        printf(_("Backed up to %s\n"), path);
    return EXIT_OK;
}

/* The admin commands (cli.h: how to add a command). */
const struct cli_cmd cli_admin_rows[] = {
    { .group = "user", .name = "list", .need = NEED_ADMIN,
      .usage = "",
      .summary = N_("The users of this database and their roles"),
      .run_argv = cmd_user },
    { .group = "user", .name = "add", .need = NEED_ADMIN,
      .usage = "LOGIN --role 录入员|审核员|领导|管理员 [--first-admin]",
      .summary = N_("Add a user (an OS login name) or change their role"),
      .help = N_("录入员 keeps the register, rehabilitation records and claims; 审核员 reviews and approves\n"
         "subsidies; 领导 sets targets and rules and makes reports; 管理员 may do everything,\n"
         "including users and backups. --first-admin: root names the first admin of a file\n"
         "that has no users (a backup from before roles)."),
      .run_argv = cmd_user },
    { .group = "user", .name = "remove", .need = NEED_ADMIN,
      .usage = "LOGIN",
      .summary = N_("Remove a user"),
      .run_argv = cmd_user },
    { .group = NULL, .name = "audit", .need = NEED_ADMIN,
      .usage = "[--user LOGIN] [--person CERT|ID] [--from DATE] [--to DATE] [--limit N] [--full-id]",
      .summary = N_("The audit log, newest first: who changed or exported what, and when"),
      .help = N_("Certificate numbers and bank accounts in the values are masked unless --full-id."),
      .run_argv = cmd_audit },
    { .group = NULL, .name = "backup", .need = NEED_ADMIN,
      .usage = "FILE | --daily DIR [--keep N] | --auto DIR|off [--keep N]",
      .summary = N_("Back up the database while others work"),
      .help = N_("--daily writes DIR/dpf-YYYY-MM-DD.db unless today's exists and removes those older\n"
         "than N days (7 by default). --auto makes the first dpf command of each day do it."),
      .run_argv = cmd_backup },
    { .group = NULL, .name = "restore", .need = NEED_ADMIN,
      .usage = "FILE",
      .summary = N_("Replace the database with a backup, after checking the backup"),
      .help = N_("The backup is checked (integrity, dpf's file, its schema objects), brought to this\n"
         "program's schema, and the audit rows written since it was made are kept, marked\n"
         "rolled back (see dpf audit)."),
      .run_argv = cmd_backup },
    { 0 },
};
