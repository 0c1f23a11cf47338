/* SPDX-License-Identifier: MIT */
/* Database-wide commands: init, demo, check, summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "dpf/check.h"
#include "dpf/demo.h"
#include "dpf/i18n.h"
#include "dpf/priv.h"
#include "dpf/person.h"
#include "dpf/summary.h"
#include "dpf/text.h"

static int cmd_init(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    if (a->noperands > 0)       /* its own message, kept as it was */
        return cli_usage(self, _("init takes no arguments"));
    if (priv_access(c->db_path, F_OK) == 0) {
        fprintf(stderr, _("dpf: %s already exists; nothing was changed\n"), c->db_path);
        return EXIT_FAIL;
    }
    if (cli_open(c, DB_CREATE) != EXIT_OK)
        return EXIT_FAIL;
    printf(_("Created %s (schema version %d)\n"), c->db_path, db_schema_version(c->db));
    return EXIT_OK;
}

static void demo_progress(long done, long total, void *ctx)
{
    (void)ctx;
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "\r%ld / %ld", done, total);
}

static int cmd_demo(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct demo_opts o = { .persons = 18253, .seed = 0, .progress = demo_progress };
    struct dpf_err err;

    if (cli_has(a, "persons"))
        o.persons = (long)cli_int(a, "persons");
    if (o.persons > 10000000)
        return cli_usage(self, _("--persons takes a number up to 10,000,000"));
    o.seed = (uint64_t)cli_int(a, "seed");
    if (cli_open(c, DB_CREATE) != EXIT_OK)
        return EXIT_FAIL;
    if (demo_generate(c->db, &o, &err) != DPF_OK)
        return cli_fail(&err);
    if (isatty(STDERR_FILENO))
        fputc('\n', stderr);
    printf(_("Made a demo district of %ld persons in %s\n"), o.persons, c->db_path);
    return EXIT_OK;
}

static void print_problem(const char *what, const char *problem, void *ctx)
{
    (void)ctx;
    printf("%s: %s\n", what, problem);
}

static int cmd_check(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct dpf_err err;
    long problems;
    (void)self;
    (void)a;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (check_database(c->db, print_problem, NULL, &problems, &err) != DPF_OK)
        return cli_fail(&err);
    if (problems) {
        printf(_("%ld problems found\n"), problems);
        return EXIT_FAIL;
    }
    printf(_("No problems found\n"));
    return EXIT_OK;
}

static void print_matrix(const struct register_summary *s)
{
    const struct field *cat = &person_fields[PF_CATEGORY], *lvl = &person_fields[PF_LEVEL];
    long col[5] = { 0 };
    char buf[64];
    int w = 8;

    /* the category column as wide as its widest name: Psychosocial in English */
    for (int k = 1; k <= 7; k++) {
        int kw = text_width(field_show_choice(cat, k, buf, sizeof buf));
        w = kw > w ? kw : w;
    }
    cli_cell(_("Category"), w, 0);
    for (int l = 1; l <= 4; l++)
        cli_cell(field_show_choice(lvl, l, buf, sizeof buf), 8, 1);
    cli_cell(_("Total"), 8, 1);
    putchar('\n');
    for (int k = 1; k <= 7; k++) {
        long row = 0;
        cli_cell(field_show_choice(cat, k, buf, sizeof buf), w, 0);
        for (int l = 1; l <= 4; l++) {
            cli_num(s->active_by[k][l], 8);
            row += s->active_by[k][l];
            col[l] += s->active_by[k][l];
        }
        cli_num(row, 8);
        putchar('\n');
    }
    cli_cell(_("Total"), w, 0);
    for (int l = 1; l <= 4; l++)
        cli_num(col[l], 8);
    cli_num(s->by_status[PS_ACTIVE], 8);
    putchar('\n');
}

static void print_townships(const struct register_summary *s)
{
    struct cli_col col[] = {
        { N_("Township"), 14, 0, NULL }, { N_("Active"), 8, 1, NULL },
        { N_("Severe"), 8, 1, NULL }, { N_("Registered poor"), 10, 1, NULL },
    };

    cli_columns(col, 4);
    cli_heading(col, 4);
    for (int i = 0; i < s->ntownships; i++) {
        cli_cell(s->townships[i].name, col[0].width, 0);
        cli_num(s->townships[i].active, col[1].width);
        cli_num(s->townships[i].severe, col[2].width);
        cli_num(s->townships[i].poor_reg, col[3].width);
        putchar('\n');
    }
}

static int cmd_summary(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const struct field *st = &person_fields[PF_STATUS];
    struct register_summary s = { 0 };
    struct dpf_err err;
    char district[128], name[64];

    (void)self;
    (void)a;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (summary_register(c->db, &s, &err) != DPF_OK)
        return cli_fail(&err);
    db_setting(c->db, "district_name", district, sizeof district);
    printf(_("%s register of disabled persons (%s)\n\n"), district, c->db_path);
    printf(_("Certificate holders: %ld"), s.total);
    for (int k = PS_ACTIVE; k <= PS_CANCELLED; k++)
        printf("  %s %ld", field_show_choice(st, k, name, sizeof name), s.by_status[k]);
    printf(_("\nActive persons: registered poor %ld, minimum living allowance %ld, extreme "
             "poverty support %ld, poor through illness %ld\n\n"),
           s.poor_reg, s.dibao, s.tekun, s.illness_poor);
    print_matrix(&s);
    putchar('\n');
    print_townships(&s);
    summary_free(&s);
    return EXIT_OK;
}

static const struct cli_opt demo_opts[] = {
    { "persons", CK_COUNT, 0, NULL, N_("how many persons (default 18,253; at most 10,000,000)"),
      NULL, 0 },
    { "seed", CK_COUNT, 0, NULL, N_("the same seed makes the same district"), NULL, 0 },
    { 0 },
};

/* The setup commands (cli.h: how to add a command). `dpf summary` takes any words after
 * it, as it always did (`dpf` piped runs it). */
const struct cli_cmd cli_setup_rows[] = {
    { .name = "init", .need = NEED_READ, .max_operands = -1,
      .summary = N_("Create a new, empty database"), .run = cmd_init },
    { .name = "demo", .need = NEED_READ, .opts = demo_opts,
      .summary = N_("Fill an empty database with a synthetic district (default 18,253 persons)"),
      .run = cmd_demo },
    { .name = "check", .need = NEED_READ,
      .summary = N_("Check the database file and every person's record"), .run = cmd_check },
    { .name = "summary", .need = NEED_READ, .max_operands = -1,
      .summary = N_("Print the register's summary"), .run = cmd_summary },
    { 0 },
};
