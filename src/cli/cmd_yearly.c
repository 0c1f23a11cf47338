/* SPDX-License-Identifier: MIT */
/* The yearly needs-and-services update: record one person, count per township. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/text.h"
#include "dpf/yearly.h"

/* --date is checked as a date by the parser; the default (today) and the rules of a status
 * date are the field's. */
static int cmd_update_record(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const char *date = cli_str(a, "date"), *note = cli_str(a, "note");
    int year = cli_has(a, "year") ? (int)cli_int(a, "year") : -1, contact = -1,
        outcome = cli_has(a, "deceased") ? YO_DECEASED : YO_VERIFIED, rc;
    char *day = NULL, cert[32];
    struct person p;
    struct dpf_err err;

    /* The contact's number (1-4) is taken too, so it is text rather than a choice. */
    if (cli_has(a, "contact") && (contact = yearly_contact_parse(cli_str(a, "contact"))) < 0) {
        char problem[160];
        snprintf(problem, sizeof problem, _("--contact is %s, %s, %s or %s"),
                 field_label(yearly_contacts[0]), field_label(yearly_contacts[1]),
                 field_label(yearly_contacts[2]), field_label(yearly_contacts[3]));
        return cli_usage(self, problem);
    }
    /* Its own message rather than the parser's (kept as it was). */
    if (year < 0 || contact < 0)
        return cli_usage(self, _("name the person, --year and --contact"));
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    person_init(&p);
    if (person_find(c->db, a->operands[0], &p, &err) != DPF_OK)
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

static int cmd_update_summary(struct cli *c, const struct cli_cmd *self,
                              const struct cli_args *a)
{
    /* the contact kinds by their shown words' msgids (field_label.c: 入户 in Chinese) */
    const char *heads[] = { N_("Holders"), N_("Home visit"), N_("Face to face"),
                            N_("By telephone"), N_("Not reached"), N_("Verified"),
                            N_("Written off"), N_("Pending") };
    struct dpf_err err;
    int year = (int)cli_int(a, "year");

    (void)self;
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

static const struct cli_opt record_opts[] = {
    { "year", CK_YEAR, CLI_SHOWN_REQUIRED, NULL, N_("the year of the update"), NULL, 0 },
    { "contact", CK_TEXT, CLI_SHOWN_REQUIRED, NULL, N_("how the person was reached"),
      yearly_contacts, 0 },
    { "deceased", CK_FLAG, 0, NULL, N_("write the person off as deceased"), NULL, 0 },
    { "date", CK_DATE, 0, NULL, N_("the day of the visit or call (default: today)"), NULL, 0 },
    { "note", CK_TEXT, 0, NULL, N_("a note kept with the record"), NULL, 0 },
    { 0 },
};

static const struct cli_opt summary_opts[] = {
    { "year", CK_YEAR, CLI_REQUIRED, NULL, N_("the year counted"), NULL, 0 },
    { 0 },
};

/* The yearly commands (cli.h: how to add a command). */
const struct cli_cmd cli_yearly_rows[] = {
    { .group = "update", .name = "record", .operands = "CERT|ID", .min_operands = 1,
      .max_operands = 1, .need = NEED_REGISTER, .opts = record_opts,
      .summary = N_("Record the yearly needs-and-services update of one person"),
      .help = N_("--deceased writes the person off: status 死亡 on --date, certificate cancelled."),
      .run = cmd_update_record },
    { .group = "update", .name = "summary", .need = NEED_READ, .opts = summary_opts,
      .summary = N_("Yearly update counts per township: holders, contact, verified, written off"),
      .run = cmd_update_summary },
    { 0 },
};
