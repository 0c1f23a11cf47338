/* SPDX-License-Identifier: MIT */
/* The admin's commands: users and their roles, the audit log, backups and restores. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "dpf/audit.h"
#include "dpf/backup.h"
#include "dpf/i18n.h"
#include "dpf/person.h"

static int print_user(const char *login, int role, const char *on, const char *by,
                      const char *name, void *ctx)
{
    (void)ctx;
    cli_cell(login, 16, 0);
    cli_cell(role_label(role), 8, 0);
    printf("  %s  %s", on, by);
    if (name && *name)          /* a user without a name prints as before names existed */
        printf("  %s", name);
    putchar('\n');
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
    printf(_("%s is now %s\n"), login, role_label(ROLE_ADMIN));
    return EXIT_OK;
}

/* dpf user name LOGIN --name 张三 (or --name "" to remove it). */
static int cmd_user_name(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const char *name = cli_str(a, "name");
    struct dpf_err err;
    int rc;

    if (!name)
        return cli_usage(self, _("--name is required"));
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if ((rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, user_set_name(c->db, a->operands[0], name, &err), &err);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(*name ? _("%s is shown as %s\n") : _("%s is shown by login\n"), a->operands[0], name);
    return EXIT_OK;
}

/* dpf user list | add LOGIN --role R [--name N] [--first-admin] | remove LOGIN: self->name
 * says which. */
static int cmd_user(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const char *login = a->noperands ? a->operands[0] : NULL, *name = NULL;
    struct dpf_err err;
    int role = 0, rc;

    if (strcmp(self->name, "add") == 0) {
        int first = cli_has(a, "first-admin");
        name = cli_str(a, "name");
        char problem[160];
        /* Role keys are taken too (role_parse), so --role is text rather than a choice. */
        if (!cli_has(a, "role") || (role = role_parse(cli_str(a, "role"))) < 0)
            return cli_usage(self, roles_are(problem, sizeof problem));
        if (first && role != ROLE_ADMIN) {
            snprintf(problem, sizeof problem, _("--first-admin names an admin (--role %s)"),
                     role_label(ROLE_ADMIN));
            return cli_usage(self, problem);
        }
        if (first)
            return first_admin(c, login);
    }
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (!login)
        return user_list(c->db, print_user, NULL, &err) == DPF_OK ? EXIT_OK : cli_fail(&err);
    if ((rc = db_begin(c->db, &err)) == DPF_OK) {
        rc = role ? user_set(c->db, login, role, &err) : user_remove(c->db, login, &err);
        if (rc == DPF_OK && role && name)   /* the role and the name in one transaction */
            rc = user_set_name(c->db, login, name, &err);
        rc = db_end(c->db, rc, &err);
    }
    if (rc != DPF_OK)
        return cli_fail(&err);
    if (role && name && *name)
        printf(_("%s (%s) is now %s\n"), login, name, role_label(role));
    else if (role)
        printf(_("%s is now %s\n"), login, role_label(role));
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
    char user[256], entity[64], safe[4096];

    if (r->after && !ap->full && !after)
        return 1;
    printf("%s  %s %s %-6lld %s%s  %s\n", r->at, cli_pad(r->user, 10, user, sizeof user),
           cli_pad(r->entity, 9, entity, sizeof entity), (long long)r->entity_id,
           r->rolled_back ? _("[rolled back] ") : "",
           audit_action_label(r->action),
           cli_safe(after ? after : r->after, safe, sizeof safe));
    free(after);
    return 0;
}

static int cmd_audit(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct audit_filter f = { cli_str(a, "user"), cli_str(a, "from"), cli_str(a, "to"), 0, 200 };
    struct audit_print ap = { .full = cli_has(a, "full-id") };
    const char *person = cli_str(a, "person");
    struct dpf_err err;

    /* A mistyped option is a usage error, never a filter that silently matches nothing
     * (a --to of "junk") or everything (a --limit of 0, no limit): the parser checks the
     * kinds, and here a limit of at least one row. */
    if (cli_has(a, "limit") && (f.limit = (long)cli_int(a, "limit")) <= 0)
        return cli_usage(self, _("--limit takes a number of rows (1 or more)"));
    if (f.from && f.to && strcmp(f.from, f.to) > 0)
        return cli_usage(self, _("--from is after --to"));
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

/* dpf backup --auto DIR|off [--keep N]: stored absolute, for every clerk's dpf runs from
 * its own directory. */
static int auto_backup(struct cli *c, const char *arg, int keep)
{
    char abs[4096];
    const char *dir = strcmp(arg, "off") == 0 ? NULL : realpath(arg, abs) ? abs : arg;
    struct dpf_err err;
    int rc;

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

/* dpf backup FILE | backup --daily DIR [--keep N] | backup --auto DIR|off [--keep N] |
 * restore FILE: self->name says which; exactly one of FILE, --daily and --auto. */
static int cmd_backup(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int restore = strcmp(self->name, "restore") == 0, made = 0, keep = 7, rc;
    const char *path = a->noperands ? a->operands[0] : NULL, *daily = NULL, *autodir = NULL;
    struct dpf_err err;

    if (!restore) {
        daily = cli_str(a, "daily");
        autodir = cli_str(a, "auto");
        if ((path != NULL) + (daily != NULL) + (autodir != NULL) != 1 ||
            (path && cli_has(a, "keep")))
            return cli_usage(self, NULL);
        if (cli_has(a, "keep") && (keep = (int)cli_int(a, "keep")) <= 0)
            return cli_usage(self, _("--keep takes a number of days"));
        if (autodir)
            return auto_backup(c, autodir, keep);
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

static const struct cli_opt add_opts[] = {
    { "role", CK_TEXT, CLI_SHOWN_REQUIRED, NULL, N_("the user's role"), role_names, 0 },
    { "first-admin", CK_FLAG, 0, NULL, N_("root names the first admin of a file without users"),
      NULL, 0 },
    { "name", CK_TEXT, 0, NULL, N_("the name shown on rosters, reports and history"), NULL, 0 },
    { 0 },
};

static const struct cli_opt name_opts[] = {
    { "name", CK_TEXT, CLI_SHOWN_REQUIRED, NULL,
      N_("the name shown on rosters, reports and history (\"\": the login)"), NULL, 0 },
    { 0 },
};

/* The log's values as recorded: the admin's, as the command is. */
static const struct cli_opt audit_opts[] = {
    { "user", CK_TEXT, 0, "LOGIN", N_("only what this user did"), NULL, 0 },
    { "person", CK_TEXT, 0, "CERT|ID", N_("only the rows of this person"), NULL, 0 },
    { "from", CK_DATE, 0, "DATE", N_("from this day"), NULL, 0 },
    { "to", CK_DATE, 0, "DATE", N_("up to this day"), NULL, 0 },
    { "limit", CK_COUNT, 0, NULL, N_("at most N rows (default 200)"), NULL, 0 },
    { "full-id", CK_FLAG, 0, NULL, N_("certificate numbers and bank accounts unmasked (audited)"),
      NULL, NEED_ADMIN },
    { 0 },
};

static const struct cli_opt backup_opts[] = {
    { "daily", CK_FILE, 0, "DIR", N_("today's backup in DIR, older ones removed"), NULL, 0 },
    { "auto", CK_FILE, 0, "DIR|off", N_("the first command of each day backs up to DIR"), NULL,
      0 },
    { "keep", CK_COUNT, 0, NULL, N_("days of backups kept (default 7)"), NULL, 0 },
    { 0 },
};

/* The admin commands (cli.h: how to add a command). */
const struct cli_cmd cli_admin_rows[] = {
    { .group = "user", .name = "list", .need = NEED_ADMIN,
      .summary = N_("The users of this database and their roles"),
      .run = cmd_user },
    { .group = "user", .name = "add", .operands = "LOGIN", .min_operands = 1,
      .max_operands = 1, .need = NEED_ADMIN, .opts = add_opts,
      .summary = N_("Add a user (an OS login name) or change their role"),
      .help = N_("录入员 keeps the register, rehabilitation records and claims; 审核员 reviews and approves\n"
         "subsidies; 领导 sets targets and rules and makes reports; 管理员 may do everything,\n"
         "including users and backups. --first-admin: root names the first admin of a file\n"
         "that has no users (a backup from before roles)."),
      .run = cmd_user },
    { .group = "user", .name = "name", .operands = "LOGIN", .min_operands = 1,
      .max_operands = 1, .need = NEED_ADMIN, .opts = name_opts,
      .summary = N_("Set the name a user is shown by (rosters, reports, history)"),
      .run = cmd_user_name },
    { .group = "user", .name = "remove", .operands = "LOGIN", .min_operands = 1,
      .max_operands = 1, .need = NEED_ADMIN,
      .summary = N_("Remove a user"),
      .run = cmd_user },
    { .group = NULL, .name = "audit", .need = NEED_ADMIN, .opts = audit_opts,
      .summary = N_("The audit log, newest first: who changed or exported what, and when"),
      .help = N_("Certificate numbers and bank accounts in the values are masked unless --full-id."),
      .run = cmd_audit },
    { .group = NULL, .name = "backup", .operands = "[FILE]", .max_operands = 1,
      .need = NEED_ADMIN, .opts = backup_opts,
      .summary = N_("Back up the database while others work"),
      .help = N_("--daily writes DIR/dpf-YYYY-MM-DD.db unless today's exists and removes those older\n"
         "than N days (7 by default). --auto makes the first dpf command of each day do it."),
      .run = cmd_backup },
    { .group = NULL, .name = "restore", .operands = "FILE", .min_operands = 1,
      .max_operands = 1, .need = NEED_ADMIN,
      .summary = N_("Replace the database with a backup, after checking the backup"),
      .help = N_("The backup is checked (integrity, dpf's file, its schema objects), brought to this\n"
         "program's schema, and the audit rows written since it was made are kept, marked\n"
         "rolled back (see dpf audit)."),
      .run = cmd_backup },
    { 0 },
};
