/* SPDX-License-Identifier: MIT */
/* The yearly needs-and-services update: record one person, count per township. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/text.h"
#include "dpf/yearly.h"

static int parse_year(const char *s)
{
    char *end;
    long y = strtol(s, &end, 10);
    return *s && !*end && y >= 1900 && y <= 9999 ? (int)y : -1;
}

static int cmd_update_record(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        { "year", required_argument, NULL, 'y' },
        { "contact", required_argument, NULL, 'c' },
        { "deceased", no_argument, NULL, 'x' },
        { "date", required_argument, NULL, 'd' },
        { "note", required_argument, NULL, 'n' },
        { NULL, 0, NULL, 0 },
    };
    const struct cli_cmd *self = cli_find(cmd_update_record);
    const char *date = NULL, *note = NULL;
    int ch, year = -1, contact = -1, outcome = YO_VERIFIED, rc;
    char *day = NULL, cert[32];
    struct person p;
    struct dpf_err err;

    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case 'y':
            if ((year = parse_year(optarg)) < 0)
                return cli_usage(self, _("--year takes a year such as 2017"));
            break;
        case 'c':
            if ((contact = yearly_contact_parse(optarg)) < 0)
                return cli_usage(self, _("--contact is 入户, 面对面, 电话 or 失访"));
            break;
        case 'x':
            outcome = YO_DECEASED;
            break;
        case 'd':
            date = optarg;
            break;
        case 'n':
            note = optarg;
            break;
        default:
            return cli_usage(self, NULL);
        }
    }
    if (optind != argc - 1 || year < 0 || contact < 0)
        return cli_usage(self, _("name the person, --year and --contact"));
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    person_init(&p);
    if (person_find(c->db, argv[optind], &p, &err) != DPF_OK)
        return cli_fail(&err);
    rc = field_parse(&person_fields[PF_STATUS_DATE], date ? date : db_today(c->db), NULL, &day,
                     &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, yearly_record(c->db, p.id, year, contact, outcome, day, note, &err),
                    &err);
    if (rc == DPF_OK)
        printf(outcome == YO_DECEASED ? _("%s (%s): written off as deceased for %d\n")
                                      : _("%s (%s): verified for %d\n"),
               p.v[PF_NAME], cli_cert(&p, cert, sizeof cert), year);
    free(day);
    person_clear(&p);
    return rc == DPF_OK ? EXIT_OK : cli_fail(&err);
}

static int print_count(const struct yearly_count *y, void *ctx)
{
    long v[] = { y->holders, y->by_contact[YC_HOME], y->by_contact[YC_FACE],
                 y->by_contact[YC_PHONE], y->by_contact[YC_LOST], y->verified, y->deceased,
                 y->pending };
    (void)ctx;
    cli_cell(y->township ? y->township : _("District total"), 14, 0);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        cli_num(v[i], 12);
    putchar('\n');
    return 0;
}

static int cmd_update_summary(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = { { "year", required_argument, NULL, 'y' },
                                           { NULL, 0, NULL, 0 } };
    const char *heads[] = { N_("Holders"), "入户", "面对面", "电话", "失访", N_("Verified"),
                            N_("Written off"), N_("Pending") };
    struct dpf_err err;
    int ch, year = -1;

    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1)
        if (ch != 'y' || (year = parse_year(optarg)) < 0)
            return cli_usage(cli_find(cmd_update_summary), NULL);
    if (year < 0 || optind < argc)
        return cli_usage(cli_find(cmd_update_summary), _("--year is required"));
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    printf(_("Yearly needs-and-services update, %d\n\n"), year);
    cli_cell(_("Township"), 14, 0);
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        cli_cell(_(heads[i]), 12, 1);
    putchar('\n');
    return yearly_summary(c->db, year, print_count, NULL, &err) == DPF_OK ? EXIT_OK
                                                                         : cli_fail(&err);
}

/* The yearly commands (cli.h: how to add a command). */
const struct cli_cmd cli_yearly_rows[] = {
    { .group = "update", .name = "record", .need = NEED_REGISTER,
      .usage = "CERT|ID --year YYYY --contact 入户|面对面|电话|失访 [--deceased] [--date YYYY-MM-DD] [--note TEXT]",
      .summary = N_("Record the yearly needs-and-services update of one person"),
      .help = N_("--deceased writes the person off: status 死亡 on --date, certificate cancelled."),
      .run_argv = cmd_update_record },
    { .group = "update", .name = "summary", .need = NEED_READ,
      .usage = "--year YYYY",
      .summary = N_("Yearly update counts per township: holders, contact, verified, written off"),
      .run_argv = cmd_update_summary },
    { 0 },
};
