/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "subsidy_args.h"

static const struct option options[] = {
    { "programme", required_argument, NULL, 'p' },
    { "date", required_argument, NULL, 'd' },
    { "note", required_argument, NULL, 'n' },
    { "reason", required_argument, NULL, 'r' },
    { "out", required_argument, NULL, 'o' },
    { "month", required_argument, NULL, 'm' },
    { "from", required_argument, NULL, 'f' },
    { "year", required_argument, NULL, 'y' },
    { "full-id", no_argument, NULL, 'F' },
    { "draft", no_argument, NULL, 'D' },
    { "all", no_argument, NULL, 'A' },
    { "confirm-stops", no_argument, NULL, 'C' },
    { "needs-year", required_argument, NULL, 'N' },
    { "id", required_argument, NULL, 'I' },
    { "force", no_argument, NULL, 'R' },
    { NULL, 0, NULL, 0 },
};

static const char *long_name(int ch)
{
    for (const struct option *o = options; o->name; o++)
        if (o->val == ch)
            return o->name;
    return "?";
}

int subsidy_args(const struct cli_cmd *self, int argc, char **argv, const char *takes,
                 const char *needs, int person, struct subsidy_args *a)
{
    char problem[128];
    int ch;

    memset(a, 0, sizeof *a);
    a->month = a->from = a->year = a->needs_year = -1;
    while ((ch = getopt_long(argc, argv, "", options, NULL)) != -1) {
        if (ch == '?' || !strchr(takes, ch))
            return cli_usage(self, NULL);
        switch (ch) {
        case 'p': a->programme = optarg; break;
        case 'd': a->date = optarg; break;
        case 'n': a->note = optarg; break;
        case 'r': a->reason = optarg; break;
        case 'o': a->out = optarg; break;
        case 'F': a->full = 1; break;
        case 'D': a->draft = 1; break;
        case 'A': a->all = 1; break;
        case 'C': a->confirm = 1; break;
        case 'R': a->force = 1; break;
        case 'y':
        case 'N':
            *(ch == 'y' ? &a->year : &a->needs_year) = atoi(optarg);
            if (atoi(optarg) < 2000 || atoi(optarg) > 2999) {
                snprintf(problem, sizeof problem, _("--%s takes a year such as 2017"), long_name(ch));
                return cli_usage(self, problem);
            }
            break;
        case 'I':
            a->id = strtoll(optarg, NULL, 10);
            if (a->id <= 0)
                return cli_usage(self, _("--id takes a record number"));
            break;
        default:                /* m, f: months */
            if ((ch == 'm' ? (a->month = month_parse(optarg)) : (a->from = month_parse(optarg))) < 0) {
                snprintf(problem, sizeof problem, _("--%s takes a month: YYYY-MM"), long_name(ch));
                return cli_usage(self, problem);
            }
        }
    }
    if (optind != argc - (person ? 1 : 0))
        return cli_usage(self, person ? _("name one person (certificate number or resident ID)")
                                      : NULL);
    a->key = person ? argv[optind] : NULL;
    for (const char *n = needs; *n; n++) {
        int missing = (*n == 'p' && !a->programme) || (*n == 'r' && !a->reason) ||
                      (*n == 'o' && !a->out) || (*n == 'm' && a->month < 0) ||
                      (*n == 'f' && a->from < 0) || (*n == 'y' && a->year < 0) || (*n == 'I' && a->id <= 0);
        if (missing) {
            snprintf(problem, sizeof problem, _("--%s is required"), long_name(*n));
            return cli_usage(self, problem);
        }
    }
    return EXIT_OK;
}
