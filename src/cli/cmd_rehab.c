/* SPDX-License-Identifier: MIT */
/* `dpf rehab ...`: the year's service and device-fitting rates, the projects with their
 * completion, a person's rehabilitation file, the institutions, and deleting a record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/i18n.h"
#include "dpf/import.h"
#include "dpf/person.h"
#include "dpf/rehab.h"
#include "dpf/report.h"

static int cmd_rehab_rates(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int year = (int)cli_int(a, "year");
    int needs_year = cli_has(a, "needs-year") ? (int)cli_int(a, "needs-year") : year;
    struct rehab_rates r;
    struct rtable t = { 0 };
    struct dpf_err err;
    int rc;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (rehab_rates(c->db, year, needs_year, &r, &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("Rehabilitation in %d: services of %d, needs from the assessments of %d "
             "(%ld persons assessed)\n\n"), r.year, r.year, r.needs_year, r.assessed);
    rc = report_rehab_rates_table(&r, &t) == DPF_OK ? cli_table(&t) : EXIT_FAIL;
    rtable_free(&t);
    rehab_rates_free(&r);
    if (rc != EXIT_OK)
        return rc;
    cli_notes(rehab_rate_notes);
    return EXIT_OK;
}

/* The projects' definitions, "name: definition", gathered (however many) while the table
 * is built and printed after it. */
struct project_defs {
    int n;
    char *text;
    size_t len;
    FILE *f;
};

static int project_def(int64_t id, const char *project, const char *definition, void *ctx)
{
    struct project_defs *pd = ctx;
    (void)id;
    if (fprintf(pd->f, "  %s: %s\n", project, definition) < 0)
        return DPF_ENOMEM;
    pd->n++;
    return DPF_OK;
}

static int cmd_rehab_projects(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int year = (int)cli_int(a, "year");
    struct dpf_err err;
    struct project_defs pd = { 0 };
    struct rtable t = { 0 };
    int rc, rows;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (!(pd.f = open_memstream(&pd.text, &pd.len))) {
        dpf_err_set(&err, DPF_ENOMEM, NULL, _("Out of memory"));
        return cli_fail(&err);
    }
    printf(_("Projects of %d\n\n"), year);
    rc = report_projects_table(c->db, year, NULL, &t, project_def, &pd, &err);
    if (fclose(pd.f) != 0 && rc == DPF_OK)
        rc = dpf_err_set(&err, DPF_ENOMEM, NULL, _("Out of memory"));
    if (rc == DPF_OK && cli_table(&t) != EXIT_OK)
        rc = dpf_err_set(&err, DPF_ENOMEM, NULL, _("Out of memory"));
    rows = t.nrows;
    rtable_free(&t);
    if (rc == DPF_OK && !rows)
        printf(_("(no projects for %d: import them with `dpf import projects`)\n"), year);
    if (rc == DPF_OK && pd.n) {
        printf(_("\nWhat each project counts\n"));
        fputs(pd.text, stdout);
        cli_notes(rehab_project_notes);
    }
    free(pd.text);
    return rc == DPF_OK ? EXIT_OK : cli_fail(&err);
}

/* One record on a line: its number, then its values but the person's. */
struct record_print {
    int kind, full;
};

static int print_record(int64_t id, char *const *v, void *ctx)
{
    const struct record_print *rp = ctx;
    const struct rehab_entity *e = &rehab_entities[rp->kind];
    char buf[128], safe[1024];

    printf("  #%-6lld", (long long)id);
    for (int i = 0; i < e->n; i++) {
        if (!v[i] || strcmp(e->fields[i].key, "cert_no") == 0 ||
            (strcmp(e->fields[i].key, "name") == 0 && rp->kind != RK_INSTITUTION))
            continue;
        printf(" %s:%s", _(e->fields[i].label),
               cli_safe(field_show(&e->fields[i], v[i], !rp->full, buf, sizeof buf), safe,
                        sizeof safe));
    }
    putchar('\n');
    return 0;
}

static int cmd_rehab_show(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    static const int kinds[] = { RK_ASSESSMENT, RK_AGREEMENT, RK_SERVICE, RK_RESCUE };
    static const char *const heads[] = { N_("Needs assessments"), N_("Service agreements"),
                                         N_("Services"), N_("Children's rescue") };
    int full = cli_has(a, "full-id");
    struct person p;
    struct dpf_err err;
    char cert[32];
    int rc = DPF_OK;

    /* Its own message rather than the parser's "missing CERT|ID" (kept as it was). */
    if (a->noperands != 1)
        return cli_usage(self, _("name one person (certificate number or resident ID)"));
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    person_init(&p);
    if (person_find(c->db, a->operands[0], &p, &err) != DPF_OK)
        return cli_fail(&err);
    if (full && cli_disclose(c, "rehabilitation file", p.id) != EXIT_OK) {
        person_clear(&p);
        return EXIT_FAIL;
    }
    printf(_("Rehabilitation of %s (%s, %s)\n"), person_get(&p, PF_NAME),
           full ? person_get(&p, PF_CERT_NO) : cli_cert(&p, cert, sizeof cert),
           person_get(&p, PF_TOWNSHIP));
    for (int k = 0; k < 4 && rc == DPF_OK; k++) {
        struct record_print rp = { kinds[k], full };
        printf("\n%s\n", _(heads[k]));
        rc = rehab_list(c->db, kinds[k], p.id, 0, print_record, &rp, &err);
    }
    person_clear(&p);
    return rc == DPF_OK ? EXIT_OK : cli_fail(&err);
}

static int cmd_rehab_institutions(struct cli *c, const struct cli_cmd *self,
                                  const struct cli_args *a)
{
    struct record_print rp = { RK_INSTITUTION, 1 };
    struct dpf_err err;

    (void)self;
    (void)a;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    printf(_("Rehabilitation institutions\n"));
    return rehab_list(c->db, RK_INSTITUTION, 0, 0, print_record, &rp, &err) == DPF_OK
               ? EXIT_OK : cli_fail(&err);
}

static int cmd_rehab_delete(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const char *key = a->noperands ? a->operands[0] : NULL;
    long long id = cli_int(a, "id");
    struct dpf_err err;
    int kind;

    for (kind = 0; kind < RK_COUNT && (!key || strcmp(key, rehab_entities[kind].name) != 0);
         kind++)
        continue;
    if (kind >= RK_COUNT)
        return cli_usage(self, _("name the kind of record: institutions, assessments, "
                                 "agreements, services, rescues or projects"));
    /* Institutions and projects (targets) are the manager's; a person's records the clerk's. */
    if (kind == RK_INSTITUTION || kind == RK_PROJECT)
        c->need = CAP_MANAGE;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (db_begin(c->db, &err) != DPF_OK ||
        db_end(c->db, rehab_delete(c->db, kind, id, &err), &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("Deleted record #%lld of the %s\n"), id, _(rehab_entities[kind].label));
    return EXIT_OK;
}

static const struct cli_opt rates_opts[] = {
    { "year", CK_YEAR, CLI_REQUIRED, NULL, N_("the year of the services"), NULL, 0 },
    { "needs-year", CK_YEAR, 0, NULL, N_("the year of the assessments the needs come from"),
      NULL, 0 },
    { 0 },
};

static const struct cli_opt projects_opts[] = {
    { "year", CK_YEAR, CLI_REQUIRED, NULL, N_("the year of the projects"), NULL, 0 },
    { 0 },
};

/* One person's record at a time is every clerk's daily work: full IDs for all, audited. */
static const struct cli_opt show_opts[] = {
    { "full-id", CK_FLAG, 0, NULL, N_("the full certificate number and IDs (audited)"), NULL,
      NEED_READ },
    { 0 },
};

static const struct cli_opt delete_opts[] = {
    { "id", CK_ID, CLI_REQUIRED, NULL, N_("the record's number"), NULL, 0 },
    { 0 },
};

/* The rehab commands (cli.h: how to add a command). */
const struct cli_cmd cli_rehab_rows[] = {
    { .group = "rehab", .name = "rates", .need = NEED_READ, .opts = rates_opts,
      .summary = N_("The year's rehabilitation service rate and device fitting rate, by group and township"),
      .help = N_("Needs come from the assessments of --needs-year (default: the same year); some\n"
         "offices take them from the previous year's survey."),
      .run = cmd_rehab_rates },
    { .group = "rehab", .name = "projects", .need = NEED_READ, .opts = projects_opts,
      .summary = N_("The year's rehabilitation projects: target, completed, completion rate, over-completion"),
      .run = cmd_rehab_projects },
    { .group = "rehab", .name = "show", .need = NEED_READ, .opts = show_opts,
      .operands = "CERT|ID", .max_operands = -1,
      .summary = N_("A person's rehabilitation file: assessments, agreements, services, children's rescue"),
      .run = cmd_rehab_show },
    { .group = "rehab", .name = "institutions", .need = NEED_READ,
      .summary = N_("The rehabilitation service institutions"),
      .run = cmd_rehab_institutions },
    /* The kind is checked by the handler, with its list of kinds. */
    { .group = "rehab", .name = "delete", .need = NEED_REGISTER, .opts = delete_opts,
      .operands = "institutions|assessments|agreements|services|rescues|projects",
      .max_operands = 1,
      .summary = N_("Delete one rehabilitation record (the number `dpf rehab show` gives)"),
      .run = cmd_rehab_delete },
    { 0 },
};
