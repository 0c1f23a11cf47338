/* SPDX-License-Identifier: MIT */
/* `dpf report annual|period`: the year-end or period report, as a print-ready .xlsx or
 * printed as text tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "dpf/outfile.h"
#include "dpf/report.h"

static void print_report(const struct report *r)
{
    printf("%s\n%s — %s\n", r->title, r->from, r->to);
    for (int i = 0; i < r->ntables; i++) {
        printf("\n%s（%s）\n", r->tables[i].title, r->tables[i].sheet);
        cli_table(&r->tables[i]);
    }
    printf(_("\nDefinitions\n"));
    for (int i = 0; i < r->nnotes; i++)
        printf("  %d. %s\n", i + 1, r->notes[i]);
}

static int cmd_report(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int text = cli_has(a, "format") && cli_int(a, "format") == 0;     /* formats[0] */
    const char *out = cli_str(a, "out");
    unsigned oflags = cli_has(a, "force") ? OUT_FORCE : 0;
    char from[11], to[11];
    struct report r;
    struct dpf_err err;

    if (!text && !out)
        return cli_usage(self, _("--out FILE.xlsx is required (or --format text)"));
    if (strcmp(self->name, "annual") == 0) {
        snprintf(from, sizeof from, "%04lld-01-01", cli_int(a, "year"));
        snprintf(to, sizeof to, "%04lld-12-31", cli_int(a, "year"));
    } else {
        snprintf(from, sizeof from, "%s", cli_str(a, "from"));
        snprintf(to, sizeof to, "%s", cli_str(a, "to"));
    }
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (!text && outfile_check(out, oflags, &err) != DPF_OK)
        return cli_fail(&err);          /* before the work of building the report */
    if (report_build(c->db, from, to, &r, &err) != DPF_OK)
        return cli_fail(&err);
    if (text) {
        print_report(&r);
    } else if (report_xlsx(&r, out, oflags, NULL, NULL, &err) != DPF_OK) {
        report_free(&r);
        return cli_fail(&err);
    } else {
        printf(_("Wrote %s (%d tables) to %s\n"), r.title, r.ntables, out);
    }
    report_free(&r);
    return EXIT_OK;
}

static const char *const formats[] = { "text", "xlsx", NULL };

#define REPORT_OUT                                                                         \
    { "out", CK_FILE, 0, "FILE.xlsx", N_("the workbook to write (unless --format text)"),  \
      NULL, 0 },                                                                           \
    { "force", CK_FLAG, 0, NULL, N_("replace the file if it exists"), NULL, 0 },           \
    { "format", CK_CHOICE, 0, NULL, N_("text prints the tables instead"), formats, 0 },   \
    { 0 }

static const struct cli_opt annual_opts[] = {
    { "year", CK_YEAR, CLI_REQUIRED, NULL, N_("the year reported"), NULL, 0 },
    REPORT_OUT,
};

static const struct cli_opt period_opts[] = {
    { "from", CK_DATE, CLI_REQUIRED, NULL, N_("the first day of the period"), NULL, 0 },
    { "to", CK_DATE, CLI_REQUIRED, NULL, N_("the last day of the period"), NULL, 0 },
    REPORT_OUT,
};

/* The report commands (cli.h: how to add a command). */
const struct cli_cmd cli_report_rows[] = {
    { .group = "report", .name = "annual", .need = NEED_MANAGE, .opts = annual_opts,
      .summary = N_("The year-end report: targets and completion, register, subsidies, rehabilitation, insurance"),
      .help = N_("The workbook has a cover, a sheet per table, a chart of completion rates and a sheet\n"
                 "of definitions, set up to print on A4."),
      .run = cmd_report },
    { .group = "report", .name = "period", .need = NEED_MANAGE, .opts = period_opts,
      .summary = N_("The report of a period within a year, such as the first half"),
      .help = N_("Targets are the year's; completion counts records dated up to --to."),
      .run = cmd_report },
    { 0 },
};
