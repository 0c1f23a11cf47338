/* SPDX-License-Identifier: MIT */
/* `dpf subsidy review --month M`: the month's review as the staff read it, section by
 * section, and with --confirm-stops the stops it found, confirmed. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/money.h"
#include "dpf/month.h"
#include "dpf/review.h"
#include "dpf/roster.h"
#include "dpf/text.h"

enum { W_PROG = 22, W_NAME = 10, W_ID = 20, W_TOWN = 12, W_REASON = 14, W_DATE = 10,
       W_MONTH = 8, W_MONEY = 12, W_NUM = 8, CANDIDATES_SHOWN = 20 };

struct out {
    const struct review *rv;
    int full;
};

static void cell_text(const struct review *rv, uint32_t off, int width)
{
    cli_cell(review_text(rv, off), width, 0);
}

static void cell_id(const struct out *o, uint32_t off)
{
    const char *id = review_text(o->rv, off);
    char masked[32];
    if (!o->full && strlen(id) < sizeof masked) {
        idcard_mask(id, masked);
        id = masked;
    }
    cli_cell(id, W_ID, 0);
}

static void cell_month(int month, int width)
{
    char m[MONTH_TEXT];
    cli_cell(month > 0 ? month_format(month, m) : "", width, 0);
}

/* Programme, name, ID, township: the start of every line. */
static void who(const struct out *o, const struct review_line *l)
{
    printf("  ");
    cli_cell(o->rv->progs.p[l->prog].v[GF_NAME], W_PROG, 0);
    cell_text(o->rv, l->name, W_NAME);
    cell_id(o, l->id_no);
    cell_text(o->rv, l->township, W_TOWN);
}

/* A section's column headers: programme, name, ID, township, then its own (a negative
 * width is right-aligned). */
static void header(const char *const *cols, const int *widths)
{
    static const char *const who_cols[] = { N_("Programme"), N_("Name"), N_("Resident ID"),
                                            N_("Township") };
    static const int who_w[] = { W_PROG, W_NAME, W_ID, W_TOWN };
    printf("  ");
    for (int i = 0; i < 4; i++)
        cli_cell(_(who_cols[i]), who_w[i], 0);
    for (int i = 0; cols[i]; i++) {
        char whole[128];
        if (i > 0 && widths[i - 1] < 0 && widths[i] > 0)
            putchar(' ');   /* the rows set a left column off a number the same way */
        if (!cols[i + 1] && widths[i] > 0)  /* the last: nothing follows it to run into */
            fputs(cli_pad(_(cols[i]), widths[i], whole, sizeof whole), stdout);
        else
            cli_cell(_(cols[i]), widths[i] < 0 ? -widths[i] : widths[i], widths[i] < 0);
    }
    putchar('\n');
}

/* The summary's columns, widened to the UI language's headers (cli_columns). */
enum { S_PROG, S_PAID, S_AMOUNT, S_BACK, S_STOP, S_HELD, S_RECOVER, S_CAND, S_APPLYING, S_N };

/* A summary line's figures: a programme's, or the total's. */
static void summary_figures(const struct cli_col *col, long persons, int64_t amount,
                            int64_t back, const long *count, int64_t recover)
{
    cli_num(persons, col[S_PAID].width);
    cli_money(amount, col[S_AMOUNT].width);
    cli_money(back, col[S_BACK].width);
    cli_num(count[RK_STOP], col[S_STOP].width);
    cli_num(count[RK_HOLD], col[S_HELD].width);
    cli_money(recover, col[S_RECOVER].width);
    cli_num(count[RK_CANDIDATE], col[S_CAND].width);
    cli_num(count[RK_PENDING], col[S_APPLYING].width);
}

static void summary(const struct review *rv)
{
    struct cli_col col[S_N] = {
        [S_PROG] = { N_("Programme"), W_PROG, 0, NULL },
        [S_PAID] = { N_("Paid"), W_NUM, 1, NULL },
        [S_AMOUNT] = { N_("Amount"), W_MONEY + 2, 1, NULL },
        [S_BACK] = { N_("Back pay"), W_MONEY, 1, NULL },
        [S_STOP] = { N_("Stop"), 6, 1, NULL },
        [S_HELD] = { N_("Held"), 6, 1, NULL },
        [S_RECOVER] = { N_("Recover"), W_MONEY, 1, NULL },
        [S_CAND] = { N_("Candidates"), W_NUM, 1, NULL },
        [S_APPLYING] = { N_("Applying"), 6, 1, NULL },
    };
    const char *total = _("Total (persons counted once)");
    int tw = text_width(total) + 1;

    cli_columns(col, S_N);
    if (tw > col[S_PROG].width)
        col[S_PROG].width = tw;
    printf("  ");
    cli_heading(col, S_N);
    for (int p = 0; p < rv->progs.n; p++) {
        const struct review_prog_sum *ps = &rv->by_prog[p];
        long any = ps->persons + ps->count[RK_RECOVER] + ps->count[RK_STOP] +
                   ps->count[RK_HOLD] + ps->count[RK_CANDIDATE] + ps->count[RK_PENDING];
        if (!any && rv->only != p)
            continue;
        printf("  ");
        cli_cell(rv->progs.p[p].v[GF_NAME], col[S_PROG].width, 0);
        summary_figures(col, ps->persons, ps->amount, ps->back, ps->count, ps->recover);
        if (!rv->pays[p] && !programme_is_once(&rv->progs.p[p], rv->month))
            printf(_("  (not a pay month)"));
        putchar('\n');
    }
    printf("  ");
    cli_cell(total, col[S_PROG].width, 0);
    summary_figures(col, rv->total.persons, rv->total.amount, rv->back, rv->count, rv->recover);
    putchar('\n');
}

static void stops(const struct out *o)
{
    long n;
    const struct review_line *l = review_lines(o->rv, RK_STOP, &n);
    if (!n)
        return;
    static const char *const cols[] = { N_("Reason"), N_("Date"), N_("Stop from"), NULL };
    static const int widths[] = { W_REASON, W_DATE + 1, W_MONTH };
    printf(_("\nNo longer qualifying: %ld (confirm with --confirm-stops)\n"), n);
    header(cols, widths);
    for (long i = 0; i < n; i++) {
        who(o, &l[i]);
        cli_cell(enrol_reason_name(l[i].reason), W_REASON, 0);
        cli_cell(l[i].date, W_DATE + 1, 0);
        cell_month(l[i].stop_month, W_MONTH);
        if (l[i].paid_too)
            printf(_(" (this month still paid)"));
        putchar('\n');
    }
}

static void holds(const struct out *o)
{
    long n;
    const struct review_line *l = review_lines(o->rv, RK_HOLD, &n);
    if (!n)
        return;
    static const char *const cols[] = { N_("Reason"), N_("Held"), NULL };
    static const int widths[] = { W_REASON, -W_MONEY };
    printf(_("\nHeld, not paid this month: %ld\n"), n);
    header(cols, widths);
    for (long i = 0; i < n; i++) {
        who(o, &l[i]);
        cli_cell(enrol_reason_name(l[i].reason), W_REASON, 0);
        cli_money(l[i].amount, W_MONEY);
        if (l[i].reason == ER_SHARED_ACCOUNT)
            printf(_("  the same account as %s"), review_text(o->rv, l[i].other_name));
        else if (l[i].reason == ER_DUPLICATE)
            printf("  %s", _("paid under an earlier approval in this programme"));
        putchar('\n');
    }
}

static void recoveries(const struct out *o)
{
    long n;
    const struct review_line *l = review_lines(o->rv, RK_RECOVER, &n);
    char total[40];
    if (!n)
        return;
    static const char *const cols[] = { N_("Amount"), N_("Months"), N_("Reason"), NULL };
    static const int widths[] = { -W_MONEY, 17, W_REASON };
    printf(_("\nTo recover (paid for months not due): %ld, %s yuan\n"), roster_persons(l, n),
           money_format(o->rv->recover, 1, total, sizeof total));
    header(cols, widths);
    for (long i = 0; i < n; i++) {
        char months[24];
        who(o, &l[i]);
        cli_money(l[i].amount, W_MONEY);
        printf(" ");
        cli_cell(review_months(&l[i], months), 17, 0);
        printf("%s %s\n", enrol_reason_name(l[i].reason), l[i].date);
    }
}

static void back_pay(const struct out *o)
{
    long n, k = 0;
    const struct review_line *l = review_lines(o->rv, RK_PAY, &n);
    for (long i = 0; i < n; i++)
        k += l[i].back > 0;
    if (!k)
        return;
    static const char *const cols[] = { N_("Back pay"), N_("Paid in all"), N_("Months"), NULL };
    static const int widths[] = { -W_MONEY, -W_MONEY, 17 };
    printf(_("\nBack pay: %ld\n"), k);
    header(cols, widths);
    for (long i = 0; i < n; i++) {
        char months[24];
        if (!l[i].back)
            continue;
        who(o, &l[i]);
        cli_money(l[i].back, W_MONEY);
        cli_money(l[i].amount, W_MONEY);
        printf("  %s\n", review_months(&l[i], months));
    }
}

static void changes(const struct out *o)
{
    const struct review *rv = o->rv;
    long in = 0;
    int compared = 0;

    for (int p = 0; p < rv->progs.n; p++)
        compared |= rv->compared[p] >= 0;
    if (!compared)
        return;
    for (long i = 0; i < rv->nchanges; i++)
        in += rv->changes[i].in;
    printf(_("\nChange from the last roster: %ld in, %ld out\n"), in, rv->nchanges - in);
    for (long i = 0; i < rv->nchanges; i++) {
        const struct review_change *c = &rv->changes[i];
        printf("  ");
        cli_cell(rv->progs.p[c->prog].v[GF_NAME], W_PROG, 0);
        cli_cell(c->in ? "+" : "-", 2, 0);
        cell_text(rv, c->name, W_NAME);
        cell_text(rv, c->township, W_TOWN);
        cli_money(c->amount, W_MONEY);
        printf("  %s\n", review_change_text(c->why));
    }
}

static void townships(const struct review *rv)
{
    if (!rv->count[RK_PAY])
        return;
    printf(_("\nRoster by township (all programmes, persons counted once)\n"));
    printf("  ");
    cli_cell(_("Township"), W_TOWN + 2, 0);
    cli_cell(_("Persons"), W_NUM, 1);
    cli_cell(_("Amount"), W_MONEY + 2, 1);
    putchar('\n');
    for (int t = 0; t < rv->ntowns; t++) {
        if (rv->towns[t].prog >= 0)
            continue;
        printf("  ");
        cell_text(rv, rv->towns[t].name, W_TOWN + 2);
        cli_num(rv->towns[t].sum.persons, W_NUM);
        cli_money(rv->towns[t].sum.amount, W_MONEY + 2);
        putchar('\n');
    }
}

static void candidates(const struct out *o, int all)
{
    long n, shown;
    const struct review_line *l = review_lines(o->rv, RK_CANDIDATE, &n);
    const struct review_line *a;
    long na;

    if (n) {
        static const char *const none[] = { NULL };
        static const int no_widths[] = { 0 };
        printf(_("\nQualify but not enrolled (应享未享): %ld\n"), n);
        header(none, no_widths);
        shown = all || n <= CANDIDATES_SHOWN ? n : CANDIDATES_SHOWN;
        for (long i = 0; i < shown; i++) {
            who(o, &l[i]);
            putchar('\n');
        }
        if (shown < n)
            printf(_("  ... and %ld more (--all lists them all)\n"), n - shown);
    }
    a = review_lines(o->rv, RK_PENDING, &na);
    if (na) {
        static const char *const cols[] = { N_("Step"), N_("Applied on"), NULL };
        static const int widths[] = { 8, W_DATE };
        printf(_("\nApplications in progress: %ld\n"), na);
        header(cols, widths);
        for (long i = 0; i < na; i++) {
            who(o, &a[i]);
            cli_cell(enrol_steps[a[i].reason - 1], 8, 0);
            cli_cell(a[i].date, W_DATE, 0);
            putchar('\n');
        }
    }
}

/* Confirms every stop found; one transaction. */
static int confirm_stops(struct cli *c, const struct review *rv)
{
    struct dpf_err err;
    long n;
    const struct review_line *l = review_lines(rv, RK_STOP, &n);
    int rc = db_begin(c->db, &err);

    for (long i = 0; i < n && rc == DPF_OK; i++)
        rc = review_confirm_stop(c->db, rv, &l[i], &err);
    if ((rc = db_end(c->db, rc, &err)) != DPF_OK)
        return cli_fail(&err);
    printf(_("\nConfirmed %ld stops\n"), n);
    return EXIT_OK;
}

static int cmd_subsidy_review(struct cli *c, const struct cli_cmd *self,
                              const struct cli_args *a)
{
    int month = (int)cli_int(a, "month"), full = cli_has(a, "full-id");
    struct review rv;
    struct dpf_err err;
    struct out o;
    char m[MONTH_TEXT];
    int rc = EXIT_OK;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)     /* --full-id's need checked too (its option row) */
        return EXIT_FAIL;
    if (review_run(c->db, month, cli_str(a, "programme"), &rv, &err) != DPF_OK)
        return cli_fail(&err);
    if (full && cli_disclose(c, "subsidy review", 0) != EXIT_OK) {
        review_free(&rv);
        return EXIT_FAIL;
    }
    o = (struct out){ &rv, full };
    month_format(month, m);
    if (rv.approved)
        printf(_("Subsidy review of %s: approved by %s at %s; the roster is locked\n\n"), m,
               rv.approved_by, rv.approved_at);
    else
        printf(_("Subsidy review of %s: not approved\n\n"), m);
    summary(&rv);
    stops(&o);
    holds(&o);
    recoveries(&o);
    back_pay(&o);
    changes(&o);
    townships(&rv);
    candidates(&o, cli_has(a, "all"));
    if (cli_has(a, "confirm-stops") && rv.approved) {
        fprintf(stderr, _("dpf: %s is approved: there are no stops to confirm\n"), m);
        rc = EXIT_FAIL;
    } else if (cli_has(a, "confirm-stops")) {
        rc = confirm_stops(c, &rv);
    }
    review_free(&rv);
    return rc;
}

static const struct cli_opt review_opts[] = {
    { "month", CK_MONTH, CLI_REQUIRED, NULL, N_("the month reviewed"), NULL, 0 },
    { "programme", CK_TEXT, 0, "P", N_("the programme's code"), NULL, 0 },
    { "confirm-stops", CK_FLAG, 0, NULL, N_("confirm the stops found"), NULL, 0 },
    { "all", CK_FLAG, 0, NULL, N_("list every candidate"), NULL, 0 },
    { "full-id", CK_FLAG, 0, NULL, N_("full resident IDs and bank accounts (audited)"), NULL,
      NEED_REVIEW },
    { 0 },
};

/* The review commands (cli.h: how to add a command). */
const struct cli_cmd cli_review_rows[] = {
    { .group = "subsidy", .name = "review", .need = NEED_REVIEW, .opts = review_opts,
      .summary = N_("The monthly review: stops, holds, recoveries, back pay, candidates, the roster"),
      .help = N_("--confirm-stops stops every enrolment the review found no longer qualifying, from\n"
         "the month it gives. --all lists every candidate (应享未享), not only the first 20."),
      .run = cmd_subsidy_review },
    { 0 },
};
