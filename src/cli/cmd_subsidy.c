/* SPDX-License-Identifier: MIT */
/* `dpf subsidy`: programmes and rules, a person's enrolments and their steps, approval of a
 * month, the bank's roster and the yearly totals. The monthly review is cmd_review.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/outfile.h"
#include "dpf/money.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/programme.h"
#include "dpf/review.h"
#include "dpf/roster.h"

static int cmd_subsidy_programmes(struct cli *c, const struct cli_cmd *self,
                                  const struct cli_args *a)
{
    struct programme_set ps;
    struct dpf_err err;
    char buf[128];

    (void)self;
    (void)a;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (programme_load_all(c->db, &ps, &err) != DPF_OK)
        return cli_fail(&err);
    for (int i = 0; i < ps.n; i++) {
        const struct programme *p = &ps.p[i];
        printf("%s  %s  %s%s%s\n", p->v[GF_CODE], p->v[GF_NAME],
               field_show(&programme_fields[GF_PAY_PERIOD], p->v[GF_PAY_PERIOD], 0, buf,
                            sizeof buf),
               p->active ? "" : _("  (not in use)"), "");
        for (int k = 0; k < p->nrules; k++) {
            const struct rule *r = &p->rules[k];
            int shown = 0;
            printf(_("    from %s:"), r->v[RF_VALID_FROM]);
            for (int f = RF_STATUSES; f < RULE_NFIELDS; f++)
                if (r->v[f])
                    printf("%s%s %s", shown++ ? "；" : "", rule_fields[f].header,
                           field_show(&rule_fields[f], r->v[f], 0, buf, sizeof buf));
            putchar('\n');
        }
    }
    programme_set_free(&ps);
    return EXIT_OK;
}

/* The one person a command names, with its own message when there is not exactly one. */
static int one_person(const struct cli_cmd *self, const struct cli_args *a)
{
    return a->noperands == 1
               ? EXIT_OK
               : cli_usage(self, _("name one person (certificate number or resident ID)"));
}

/* The person a command names and the programme (if given); prints why not. */
static int person_and_programme(struct cli *c, const struct cli_args *a, const char *programme,
                                struct person *p, int64_t *prog)
{
    struct dpf_err err;
    person_init(p);
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (person_find(c->db, a->operands[0], p, &err) != DPF_OK ||
        (programme && programme_id_of(c->db, programme, prog, &err) != DPF_OK)) {
        person_clear(p);
        return cli_fail(&err);
    }
    return EXIT_OK;
}

static void print_step(const char *name, const char *on, const char *by, int *first)
{
    if (!on[0])
        return;
    printf("%s%s %s %s", *first ? "    " : "; ", name, on, by);
    *first = 0;
}

struct show {
    struct programme_set *ps;
};

static int show_enrolment(const struct enrolment *e, void *ctx)
{
    struct show *s = ctx;
    const char *name = "?";
    char start[MONTH_TEXT], stop[MONTH_TEXT];
    int first = 1;

    for (int i = 0; i < s->ps->n; i++)
        if (s->ps->p[i].id == e->programme_id)
            name = s->ps->p[i].v[GF_NAME];
    printf(_("  %s: %s, paid from %s"), name, enrol_steps[e->step - 1],
           month_format(e->start_month, start));
    if (e->stop_month)
        printf(_(", stopped from %s (%s)"), month_format(e->stop_month, stop),
               enrol_reason_name(e->reason));
    if (e->reason_note[0]) {
        char safe[1024];
        printf(" — %s", cli_safe(e->reason_note, safe, sizeof safe));
    }
    putchar('\n');
    print_step(enrol_steps[ES_APPLIED - 1], e->applied_on, e->applied_by, &first);
    print_step(enrol_steps[ES_CHECKED - 1], e->checked_on, e->checked_by, &first);
    print_step(enrol_steps[ES_REVIEWED - 1], e->reviewed_on, e->reviewed_by, &first);
    print_step(enrol_steps[ES_APPROVED - 1], e->approved_on, e->approved_by, &first);
    if (e->step >= ES_REFUSED)
        print_step(enrol_steps[e->step - 1], e->closed_on, e->closed_by, &first);
    putchar('\n');
    return 0;
}

static int cmd_subsidy_show(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct programme_set ps;
    struct show s = { &ps };
    struct person p;
    struct dpf_err err;
    char cert[32];
    int64_t prog;
    int rc;

    if (one_person(self, a) != EXIT_OK)
        return EXIT_USAGE;
    if (person_and_programme(c, a, NULL, &p, &prog) != EXIT_OK)
        return EXIT_FAIL;
    if (programme_load_all(c->db, &ps, &err) != DPF_OK) {
        person_clear(&p);
        return cli_fail(&err);
    }
    printf(_("Subsidies of %s (%s)\n"), person_get(&p, PF_NAME), cli_cert(&p, cert, sizeof cert));
    rc = enrol_of_person(c->db, p.id, show_enrolment, &s, &err);
    programme_set_free(&ps);
    person_clear(&p);
    return rc == DPF_OK ? EXIT_OK : cli_fail(&err);
}

/* Ends one enrolment change's transaction and says what became of the enrolment. */
static int enrolment_change(struct cli *c, const struct person *p, int64_t id, int rc,
                            struct dpf_err *err)
{
    struct enrolment e;
    char cert[32], m[MONTH_TEXT], name[128];

    if ((rc = db_end(c->db, rc, err)) != DPF_OK || (rc = enrol_load(c->db, id, &e, err)) != DPF_OK ||
        (rc = programme_name_of(c->db, e.programme_id, name, sizeof name, NULL, err)) != DPF_OK)
        return cli_fail(err);
    printf(_("%s (%s) %s: %s"), person_get(p, PF_NAME), cli_cert(p, cert, sizeof cert), name,
           enrol_steps[e.step - 1]);
    if (e.step == ES_STOPPED)
        printf(_(" from %s (%s)"), month_format(e.stop_month, m), enrol_reason_name(e.reason));
    else if (e.step != ES_REFUSED)
        printf(_(", paid from %s"), month_format(e.start_month, m));
    putchar('\n');
    return EXIT_OK;
}

static int cmd_subsidy_apply(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const char *date = cli_str(a, "date");
    struct person p;
    struct dpf_err err;
    int64_t prog, id = 0;
    int rc;

    if (one_person(self, a) != EXIT_OK)
        return EXIT_USAGE;
    if (person_and_programme(c, a, cli_str(a, "programme"), &p, &prog) != EXIT_OK)
        return EXIT_FAIL;
    if ((rc = db_begin(c->db, &err)) == DPF_OK)
        rc = enrol_apply(c->db, prog, p.id, date ? date : db_today(c->db), cli_str(a, "note"),
                         &id, &err);
    rc = enrolment_change(c, &p, id, rc, &err);
    person_clear(&p);
    return rc;
}

/* The person's open enrolment in the programme, then the change. */
static int open_change(struct cli *c, const struct cli_cmd *self, const struct cli_args *a,
                       int refuse)
{
    struct person p;
    struct enrolment e = { 0 };
    struct dpf_err err;
    int64_t prog;
    int rc;

    if (one_person(self, a) != EXIT_OK)
        return EXIT_USAGE;
    if (person_and_programme(c, a, cli_str(a, "programme"), &p, &prog) != EXIT_OK)
        return EXIT_FAIL;
    if ((rc = db_begin(c->db, &err)) == DPF_OK &&
        (rc = enrol_open(c->db, prog, p.id, &e, &err)) == DPF_OK) {
        const char *date = cli_str(a, "date");
        if (!date)
            date = db_today(c->db);     /* the transaction's day */
        rc = refuse ? enrol_refuse(c->db, e.id, date, cli_str(a, "reason"), &err)
                    : enrol_advance(c->db, e.id, date, &err);
    }
    rc = enrolment_change(c, &p, e.id, rc, &err);
    person_clear(&p);
    return rc;
}

static int cmd_subsidy_advance(struct cli *c, const struct cli_cmd *self,
                               const struct cli_args *a)
{
    return open_change(c, self, a, 0);
}

static int cmd_subsidy_refuse(struct cli *c, const struct cli_cmd *self,
                              const struct cli_args *a)
{
    return open_change(c, self, a, 1);
}

static int cmd_subsidy_stop(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct person p;
    struct enrolment e = { 0 };
    struct dpf_err err;
    char *reason = NULL;
    int64_t prog;
    int rc;

    if (one_person(self, a) != EXIT_OK)
        return EXIT_USAGE;
    if (field_parse(&enrol_fields[EF_REASON], cli_str(a, "reason"), NULL, &reason, &err) != DPF_OK)
        return cli_usage(self, err.msg);
    if (person_and_programme(c, a, cli_str(a, "programme"), &p, &prog) != EXIT_OK) {
        free(reason);
        return EXIT_FAIL;
    }
    if ((rc = db_begin(c->db, &err)) == DPF_OK &&
        (rc = enrol_open(c->db, prog, p.id, &e, &err)) == DPF_OK)
        rc = enrol_stop(c->db, e.id, atoi(reason), (int)cli_int(a, "from"), cli_str(a, "note"),
                        &err);
    rc = enrolment_change(c, &p, e.id, rc, &err);
    free(reason);
    person_clear(&p);
    return rc;
}

static int cmd_subsidy_approve(struct cli *c, const struct cli_cmd *self,
                               const struct cli_args *a)
{
    int month = (int)cli_int(a, "month");
    struct review_approval r;
    struct dpf_err err;
    char m[MONTH_TEXT], amount[40], recover[40];

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (db_begin(c->db, &err) != DPF_OK ||
        db_end(c->db, review_approve(c->db, month, &r, &err), &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("%s is approved and locked: %ld persons paid %s yuan; %s yuan to recover; "
             "%ld payments held\n"), month_format(month, m), r.persons,
           money_format(r.amount, 1, amount, sizeof amount),
           money_format(r.recover, 1, recover, sizeof recover), r.held);
    if (r.stops)
        printf(_("%ld persons found no longer qualifying were not paid and their stop is not "
                 "confirmed: they will be found again next month\n"), r.stops);
    return EXIT_OK;
}

static int cmd_subsidy_roster(struct cli *c, const struct cli_cmd *self,
                              const struct cli_args *a)
{
    int month = (int)cli_int(a, "month"), full = cli_has(a, "full-id");
    const char *out = cli_str(a, "out");
    struct roster_opts o;
    struct roster_result r;
    struct dpf_err err;
    char m[MONTH_TEXT], amount[40];

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)     /* --full-id's need checked too (its option row) */
        return EXIT_FAIL;
    o = (struct roster_opts){ month, cli_str(a, "programme"), full, cli_has(a, "draft"),
                              cli_has(a, "force") ? OUT_FORCE : 0 };
    if (roster_export(c->db, &o, out, &r, &err) != DPF_OK)
        return cli_fail(&err);
    printf(r.approved ? _("Wrote the roster of %s to %s: %ld lines, %ld persons, %s yuan (%s)\n")
                      : _("Wrote the draft roster of %s to %s: %ld lines, %ld persons, %s yuan "
                          "(%s)\n"),
           month_format(month, m), out, r.lines, r.persons,
           money_format(r.amount, 1, amount, sizeof amount),
           full ? _("full resident IDs and bank accounts")
                  : _("resident IDs and bank accounts masked"));
    return EXIT_OK;
}

struct totals {
    int64_t prog;
    const char *key_header;
};

static int print_total(const struct roster_total *t, void *ctx)
{
    struct totals *s = ctx;
    char paid[40], recovered[40];
    if (!t->key[0]) {
        printf(_("%s: %ld persons paid %s yuan; %s yuan recovered\n"), t->programme, t->persons,
               money_format(t->paid, 1, paid, sizeof paid),
               money_format(t->recovered, 1, recovered, sizeof recovered));
        return 0;
    }
    if (t->programme_id != s->prog) {
        printf("  %s\n", t->programme);
        cli_cell(s->key_header, 16, 0);
        cli_cell(_("Persons"), 8, 1);
        cli_cell(_("Paid"), 14, 1);
        cli_cell(_("Recovered"), 12, 1);
        putchar('\n');
        s->prog = t->programme_id;
    }
    cli_cell(t->key, 16, 0);
    cli_num(t->persons, 8);
    cli_money(t->paid, 14);
    cli_money(t->recovered, 12);
    putchar('\n');
    return 0;
}

static int cmd_subsidy_totals(struct cli *c, const struct cli_cmd *self,
                              const struct cli_args *a)
{
    int year = (int)cli_int(a, "year");
    const char *programme = cli_str(a, "programme");
    struct dpf_err err;
    struct totals s = { 0 };

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    printf(_("Subsidies paid in %d (approved rosters)\n"), year);
    if (roster_year_totals(c->db, year, programme, RB_PROGRAMME, print_total, &s, &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("\nBy month\n"));
    s = (struct totals){ 0, _("Month") };
    if (roster_year_totals(c->db, year, programme, RB_MONTH, print_total, &s, &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("\nBy township\n"));
    s = (struct totals){ 0, _("Township") };
    if (roster_year_totals(c->db, year, programme, RB_TOWNSHIP, print_total, &s, &err) != DPF_OK)
        return cli_fail(&err);
    return EXIT_OK;
}

#define PERSON .operands = "CERT|ID", .max_operands = -1     /* one_person: its own message */
#define PROGRAMME(flags) { "programme", CK_TEXT, flags, "P", N_("the programme's code"), NULL, 0 }
#define STEP_DATE { "date", CK_DATE, 0, NULL, N_("the day of the step (default: today)"), NULL, 0 }

static const struct cli_opt apply_opts[] = {
    PROGRAMME(CLI_REQUIRED),
    STEP_DATE,
    { "note", CK_TEXT, 0, NULL, N_("a note kept with the enrolment"), NULL, 0 },
    { 0 },
};

static const struct cli_opt advance_opts[] = { PROGRAMME(CLI_REQUIRED), STEP_DATE, { 0 } };

static const struct cli_opt refuse_opts[] = {
    PROGRAMME(CLI_REQUIRED),
    { "reason", CK_TEXT, CLI_REQUIRED, NULL, N_("why the application is refused"), NULL, 0 },
    STEP_DATE,
    { 0 },
};

static const struct cli_opt stop_opts[] = {
    PROGRAMME(CLI_REQUIRED),
    { "reason", CK_TEXT, CLI_REQUIRED, "REASON", N_("one of the reasons below"), NULL, 0 },
    { "from", CK_MONTH, CLI_REQUIRED, NULL, N_("the first month not paid"), NULL, 0 },
    { "note", CK_TEXT, 0, NULL, N_("a note kept with the stop"), NULL, 0 },
    { 0 },
};

static const struct cli_opt approve_opts[] = {
    { "month", CK_MONTH, CLI_REQUIRED, NULL, N_("the month approved"), NULL, 0 },
    { 0 },
};

static const struct cli_opt roster_opts[] = {
    { "month", CK_MONTH, CLI_REQUIRED, NULL, N_("the month of the roster"), NULL, 0 },
    { "out", CK_FILE, CLI_REQUIRED, "FILE.xlsx|FILE.csv", N_("the file to write"), NULL, 0 },
    PROGRAMME(0),
    { "full-id", CK_FLAG, 0, NULL, N_("full resident IDs and bank accounts (audited)"), NULL,
      NEED_REVIEW },
    { "draft", CK_FLAG, 0, NULL, N_("the roster of a month not yet approved"), NULL, 0 },
    { "force", CK_FLAG, 0, NULL, N_("replace the file if it exists"), NULL, 0 },
    { 0 },
};

static const struct cli_opt totals_opts[] = {
    { "year", CK_YEAR, CLI_REQUIRED, NULL, N_("the year of the approved rosters"), NULL, 0 },
    PROGRAMME(0),
    { 0 },
};

/* The subsidy commands (cli.h: how to add a command). */
const struct cli_cmd cli_subsidy_rows[] = {
    { .group = "subsidy", .name = "programmes", .need = NEED_READ,
      .summary = N_("The subsidy programmes and their rules (standards, who qualifies, from when)"),
      .run = cmd_subsidy_programmes },
    { .group = "subsidy", .name = "show", .need = NEED_READ, PERSON,
      .summary = N_("A person's subsidy enrolments, with every step's date and user"),
      .run = cmd_subsidy_show },
    { .group = "subsidy", .name = "apply", .need = NEED_REVIEW, PERSON, .opts = apply_opts,
      .summary = N_("Record an application (申请); payment counts from its month"),
      .run = cmd_subsidy_apply },
    { .group = "subsidy", .name = "advance", .need = NEED_REVIEW, PERSON, .opts = advance_opts,
      .summary = N_("Move an application to its next step: 初审, 审核, then 审定 (approved)"),
      .help = N_("Approval checks that the person qualifies under the programme's rule."),
      .run = cmd_subsidy_advance },
    { .group = "subsidy", .name = "refuse", .need = NEED_REVIEW, PERSON, .opts = refuse_opts,
      .summary = N_("Refuse an application, with the reason"),
      .run = cmd_subsidy_refuse },
    { .group = "subsidy", .name = "stop", .need = NEED_REVIEW, PERSON, .opts = stop_opts,
      .summary = N_("Stop payment from a month (the first month not paid), with a reason"),
      .help = N_("Reasons: 死亡 迁出 证件注销 证件过期 类别或等级不符 不再是困难家庭 纳入特困供养 年龄不符\n"
         "无银行账号 银行账号重复 重复享受 审核不合格 本人申请退出 失踪 服刑 虚报冒领 其他."),
      .run = cmd_subsidy_stop },
    { .group = "subsidy", .name = "approve", .need = NEED_REVIEW, .opts = approve_opts,
      .summary = N_("Approve a month: its roster is stored and locked"),
      .help = N_("Months are approved in order. Corrections to an approved month go into a later\n"
         "month as back pay or recovery."),
      .run = cmd_subsidy_approve },
    { .group = "subsidy", .name = "roster", .need = NEED_REVIEW, .opts = roster_opts,
      .summary = N_("Write the bank's payment roster of an approved month"),
      .help = N_("Resident IDs and bank accounts are masked unless --full-id. --draft writes the roster\n"
         "of a month not yet approved."),
      .run = cmd_subsidy_roster },
    { .group = "subsidy", .name = "totals", .need = NEED_READ, .opts = totals_opts,
      .summary = N_("What was paid in a year: persons and amounts by programme, month and township"),
      .run = cmd_subsidy_totals },
    { 0 },
};
