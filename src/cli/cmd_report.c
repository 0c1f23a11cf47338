/* SPDX-License-Identifier: MIT */
/* `dpf report annual|period`: the year-end or period report, as a print-ready .xlsx or
 * printed as text tables. */
#include <getopt.h>
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
        char **lines;
        int n;
        printf("\n%s（%s）\n", r->tables[i].title, r->tables[i].sheet);
        if (report_table_lines(&r->tables[i], &lines, &n) == 0)
            for (int k = 0; k < n; k++)
                printf("%s\n", lines[k]);
        for (int k = 0; lines && k < n; k++)
            free(lines[k]);
        free(lines);
    }
    printf(_("\nDefinitions\n"));
    for (int i = 0; i < r->nnotes; i++)
        printf("  %d. %s\n", i + 1, r->notes[i]);
}

static int cmd_report(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        { "year", required_argument, NULL, 'y' }, { "from", required_argument, NULL, 'f' },
        { "to", required_argument, NULL, 't' }, { "out", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'F' }, { "force", no_argument, NULL, 'R' },
        { NULL, 0, NULL, 0 },
    };
    const struct cli_cmd *self = cli_self(cmd_report, argv[0]);
    int annual = strcmp(argv[0], "annual") == 0, year = 0, text = 0, ch;
    char from[11] = "", to[11] = "";
    const char *out = NULL;
    unsigned oflags = 0;
    struct report r;
    struct dpf_err err;

    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case 'y':
            if (!annual || (year = atoi(optarg)) < 2000 || year > 2999)
                return cli_usage(self, _("--year takes a year such as 2017"));
            break;
        case 'f':
        case 't':
            if (annual || cli_date_arg(self, optarg, ch == 'f' ? from : to) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'o': out = optarg; break;
        case 'R': oflags |= OUT_FORCE; break;
        case 'F':
            if (strcmp(optarg, "text") != 0 && strcmp(optarg, "xlsx") != 0)
                return cli_usage(self, _("--format takes text or xlsx"));
            text = strcmp(optarg, "text") == 0;
            break;
        default:
            return cli_usage(self, NULL);
        }
    }
    if (optind < argc || (annual && !year) || (!annual && (!from[0] || !to[0])))
        return cli_usage(self, annual ? _("--year is required") : _("--from and --to are required"));
    if (!text && !out)
        return cli_usage(self, _("--out FILE.xlsx is required (or --format text)"));
    if (annual) {
        snprintf(from, sizeof from, "%04d-01-01", year);
        snprintf(to, sizeof to, "%04d-12-31", year);
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

/* The report commands (cli.h: how to add a command). */
const struct cli_cmd cli_report_rows[] = {
    { .group = "report", .name = "annual", .need = NEED_MANAGE,
      .usage = "--year YYYY --out FILE.xlsx [--force] | --format text",
      .summary = N_("The year-end report: targets and completion, register, subsidies, rehabilitation, insurance"),
      .help = N_("The workbook has a cover, a sheet per table, a chart of completion rates and a sheet\n"
         "of definitions, set up to print on A4."),
      .run_argv = cmd_report },
    { .group = "report", .name = "period", .need = NEED_MANAGE,
      .usage = "--from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx [--force] | --format text",
      .summary = N_("The report of a period within a year, such as the first half"),
      .help = N_("Targets are the year's; completion counts records dated up to --to."),
      .run_argv = cmd_report },
    { 0 },
};
