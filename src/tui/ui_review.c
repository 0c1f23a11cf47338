/* SPDX-License-Identifier: MIT */
/* The monthly review screen: the month's totals, then one section at a time (stops, holds,
 * recoveries, back pay, candidates, applications, the roster, townships, changes) in the
 * shared list widget. From here the staff confirm stops, start applications, move them on,
 * approve the month and export the roster. An approved month is shown locked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/money.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/review.h"
#include "dpf/roster.h"
#include "dpf/text.h"
#include "ui.h"

enum section_kind { SK_LINES, SK_BACK, SK_TOWNS, SK_CHANGES };

/* A section: which lines, and its columns after programme, name and ID (the township comes
 * late: at 80 columns a stop's date matters more). */
static const struct section {
    const char *label;          /* msgid */
    enum section_kind what;
    int kind;                   /* RK_* for SK_LINES */
    const char *cols[4];        /* msgids of the extra columns */
    int widths[4];
} sections[] = {
    { N_("Stop"), SK_LINES, RK_STOP, { N_("Reason"), N_("Date"), N_("Stop from"), N_("Township") }, { 12, 10, 8, 10 } },
    { N_("Held"), SK_LINES, RK_HOLD, { N_("Reason"), N_("Amount"), N_("Note"), N_("Township") }, { 12, 10, 8, 10 } },
    { N_("Recover"), SK_LINES, RK_RECOVER, { N_("Amount"), N_("Months"), N_("Reason"), N_("Township") }, { 10, 15, 8, 10 } },
    { N_("Back pay"), SK_BACK, RK_PAY, { N_("Back pay"), N_("Amount"), N_("Months"), N_("Township") }, { 10, 10, 15, 10 } },
    { N_("Candidates"), SK_LINES, RK_CANDIDATE, { N_("Township"), N_("Village"), NULL, NULL }, { 10, 12, 0, 0 } },
    { N_("Applying"), SK_LINES, RK_PENDING, { N_("Step"), N_("Applied on"), N_("Township"), NULL }, { 8, 10, 10, 0 } },
    { N_("Roster"), SK_LINES, RK_PAY, { N_("Amount"), N_("Months"), N_("Township"), N_("Bank account") }, { 10, 15, 10, 20 } },
    { N_("Townships"), SK_TOWNS, 0, { NULL, NULL, NULL, NULL }, { 0, 0, 0, 0 } },
    { N_("Changes"), SK_CHANGES, 0, { NULL, NULL, NULL, NULL }, { 0, 0, 0, 0 } },
};
#define NSECTIONS (int)(sizeof sections / sizeof sections[0])

struct screen {
    struct ui *ui;
    struct review rv;
    int loaded, month, section;
    int stale;                  /* the month's review is to be run again at the next load */
    long *rows;                 /* the section's items: line, town or change indexes */
    long nrows;
};

static const char *const intro[] = {
    N_("The month's review. Tab or Left/Right: the next section."),
    N_("Stop: no longer qualifying; F6 confirms one, F7 all of them."),
    N_("Held: the bank cannot pay (no account, shared account, twice)."),
    N_("Candidates qualify but are not enrolled: F2 records an application."),
    N_("Applying: F4 moves an application to its next step."),
    N_("F9 approves the month: its roster is stored and locked."),
    NULL,
};

/* ---- the section's rows ---- */

static void collect(struct screen *s)
{
    const struct section *sec = &sections[s->section];
    const struct review *rv = &s->rv;
    long n = 0, first = 0;
    const struct review_line *l;

    free(s->rows);
    s->rows = NULL;
    s->nrows = 0;
    if (sec->what == SK_TOWNS)
        n = rv->ntowns;
    else if (sec->what == SK_CHANGES)
        n = rv->nchanges;
    else {
        l = review_lines(rv, sec->kind, &n);
        first = l - rv->lines;
    }
    if (!(s->rows = malloc((size_t)(n + 1) * sizeof *s->rows)))
        return;
    for (long i = 0; i < n; i++) {
        if (sec->what == SK_TOWNS && rv->towns[i].prog >= 0)
            continue;
        if (sec->what == SK_BACK && !rv->lines[first + i].back)
            continue;
        s->rows[s->nrows++] = first + i;
    }
}

static const char *masked_id(const struct review *rv, uint32_t off, char *buf)
{
    const char *id = review_text(rv, off);
    if (strlen(id) != IDCARD_LEN)
        return id;
    idcard_mask(id, buf);
    return buf;
}

static void line_cells(const struct screen *s, const struct review_line *l, char b[][64],
                       const char **cells)
{
    const struct review *rv = &s->rv;
    const struct field *bank = &person_fields[PF_BANK_ACCOUNT];
    const char *town = review_text(rv, l->township), **x = cells + 3;
    char months[24];

    cells[0] = rv->progs.p[l->prog].v[GF_NAME];
    cells[1] = review_text(rv, l->name);
    cells[2] = masked_id(rv, l->id_no, b[0]);
    x[0] = x[1] = x[2] = x[3] = "";
    switch (sections[s->section].kind) {
    case RK_STOP:
        x[0] = enrol_reason_name(l->reason);
        x[1] = l->date;
        x[2] = month_format(l->stop_month, b[1]);
        x[3] = town;
        break;
    case RK_HOLD:
        x[0] = enrol_reason_name(l->reason);
        x[1] = money_format(l->amount, 1, b[1], 64);
        x[2] = review_text(rv, l->other_name);
        x[3] = town;
        break;
    case RK_RECOVER:
        x[0] = money_format(l->amount, 1, b[1], 64);
        x[1] = strcpy(b[2], review_months(l, months));
        x[2] = enrol_reason_name(l->reason);
        x[3] = town;
        break;
    case RK_CANDIDATE:
        x[0] = town;
        x[1] = review_text(rv, l->village);
        break;
    case RK_PENDING:
        x[0] = enrol_steps[l->reason - 1];
        x[1] = l->date;
        x[2] = town;
        break;
    default:                    /* the roster, and back pay */
        if (sections[s->section].what == SK_BACK) {
            x[0] = money_format(l->back, 1, b[1], 64);
            x[1] = money_format(l->amount, 1, b[3], 64);
            x[2] = strcpy(b[2], review_months(l, months));
            x[3] = town;
        } else {
            x[0] = money_format(l->amount, 1, b[1], 64);
            x[1] = strcpy(b[2], review_months(l, months));
            x[2] = town;
            x[3] = field_format(bank, review_text(rv, l->bank), 1, b[3], 64);
        }
    }
}

static void other_cells(const struct screen *s, long i, char b[][64], const char **cells)
{
    const struct review *rv = &s->rv;
    if (sections[s->section].what == SK_TOWNS) {
        const struct review_town *t = &rv->towns[i];
        cells[0] = review_text(rv, t->name);
        snprintf(b[0], 64, "%ld", t->sum.persons);
        cells[1] = b[0];
        cells[2] = money_format(t->sum.amount, 1, b[1], 64);
        return;
    }
    const struct review_change *c = &rv->changes[i];
    cells[0] = rv->progs.p[c->prog].v[GF_NAME];
    cells[1] = c->in ? "+" : "-";
    cells[2] = review_text(rv, c->name);
    cells[3] = review_text(rv, c->township);
    cells[4] = money_format(c->amount, 1, b[0], 64);
    cells[5] = review_change_text(c->why);
}

static int fetch(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err)
{
    struct screen *s = ctx;
    char b[4][64];
    const char *cells[UI_LIST_COLS];

    (void)err;
    for (long r = (long)page * limit; r < s->nrows && r < (long)(page + 1) * limit; r++) {
        long i = s->rows[r];
        memset(cells, 0, sizeof cells);
        if (sections[s->section].what == SK_LINES || sections[s->section].what == SK_BACK)
            line_cells(s, &s->rv.lines[i], b, cells);
        else
            other_cells(s, i, b, cells);
        if (ui_list_add(l, i, cells) != DPF_OK)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    return DPF_OK;
}

static void set_columns(struct screen *s, struct ui_list *l)
{
    static const char *const towns[] = { N_("Township"), N_("Persons"), N_("Amount") };
    static const int town_w[] = { 14, 8, 14 };
    static const char *const changes[] = { N_("Programme"), "", N_("Name"), N_("Township"),
                                           N_("Amount"), N_("Why") };
    static const int change_w[] = { 18, 1, 10, 10, 10, 20 };
    static const char *const who[] = { N_("Programme"), N_("Name"), N_("Resident ID") };
    static const int who_w[] = { 18, 8, 18 };
    const struct section *sec = &sections[s->section];

    l->ncols = 0;
    if (sec->what == SK_TOWNS || sec->what == SK_CHANGES) {
        int n = sec->what == SK_TOWNS ? 3 : 6;
        for (int c = 0; c < n; c++) {
            l->cols[c].header = *(sec->what == SK_TOWNS ? towns : changes)[c]
                                    ? _((sec->what == SK_TOWNS ? towns : changes)[c]) : "";
            l->cols[c].width = (sec->what == SK_TOWNS ? town_w : change_w)[c];
        }
        l->ncols = n;
        return;
    }
    for (int c = 0; c < 3; c++) {
        l->cols[c].header = _(who[c]);
        l->cols[c].width = who_w[c];
    }
    for (int c = 0; c < 4; c++) {
        l->cols[3 + c].header = sec->cols[c] ? _(sec->cols[c]) : "";
        l->cols[3 + c].width = sec->widths[c];
    }
    l->ncols = 7;
}

/* ---- loading and drawing ---- */

/* Runs the month's review when it is stale (a new month, a change), then takes the
 * section's rows and columns; a new section alone needs no new review. */
static void load(struct ui_run *r)
{
    struct screen *s = r->ctx;
    struct dpf_err err;

    if (s->stale) {
        if (s->loaded)
            review_free(&s->rv);
        /* seconds at a province's scale: said while it runs */
        ui_notice(s->ui, _("Reviewing %d-%02d..."), month_year(s->month), month_number(s->month));
        s->loaded = review_run(s->ui->db, s->month, NULL, &s->rv, &err) == DPF_OK;
        if (!s->loaded) {
            ui_set_error(s->ui, err.msg);
            memset(&s->rv, 0, sizeof s->rv);
        }
        s->stale = 0;
    }
    collect(s);
    ui_list_clear(&r->list);            /* its rows have the old section's columns */
    set_columns(s, &r->list);
}

static long section_count(const struct screen *s, int i)
{
    const struct review *rv = &s->rv;
    long n = 0;
    switch (sections[i].what) {
    case SK_TOWNS:
        for (int t = 0; t < rv->ntowns; t++)
            n += rv->towns[t].prog < 0;
        return n;
    case SK_CHANGES:
        return rv->nchanges;
    case SK_BACK: {
        const struct review_line *l = review_lines(rv, RK_PAY, &n);
        long k = 0;
        for (long j = 0; j < n; j++)
            k += l[j].back > 0;
        return k;
    }
    default:
        return rv->count[sections[i].kind];
    }
}

static void title(struct ui_run *r, char *buf, size_t cap)
{
    const struct screen *s = r->ctx;
    snprintf(buf, cap, _("Monthly subsidy review %d-%02d  %s"), month_year(s->month),
             month_number(s->month),
             !s->loaded ? "" : s->rv.approved ? _("approved: the roster is locked")
                                              : _("not approved"));
}

/* The head: the month's totals, then the sections as tabs with their counts. */
static void draw_head(struct ui_run *r)
{
    const struct screen *s = r->ctx;
    const struct review *rv = &s->rv;
    char line[512], amount[40], back[40], recover[40];
    int x = 0;
    long nrec = 0;

    const struct review_line *rec = review_lines(rv, RK_RECOVER, &nrec);

    snprintf(line, sizeof line, _("Paid %ld persons %s yuan | back pay %s | to recover %s (%ld persons)"),
             rv->total.persons, money_format(rv->total.amount, 1, amount, sizeof amount),
             money_format(rv->back, 1, back, sizeof back),
             money_format(rv->recover, 1, recover, sizeof recover), roster_persons(rec, nrec));
    if (rv->approved)
        snprintf(line + strlen(line), sizeof line - strlen(line), _(" | approved by %s %s"),
                 rv->approved_by, rv->approved_at);
    ui_put(1, 0, line, COLS, A_BOLD);
    for (int i = 0; i < NSECTIONS && x < COLS; i++) {
        char tab[64];
        int w;
        /* The current section in brackets as well as reverse video: named in text, for a
         * screen reader. */
        snprintf(tab, sizeof tab, "%s%s %ld%s", i == s->section ? "[" : "", _(sections[i].label),
                 section_count(s, i), i == s->section ? "]" : "");
        w = text_width(tab);
        ui_put(2, x, tab, w > COLS - x ? COLS - x : w, i == s->section ? A_REVERSE : 0);
        x += w + 1;
    }
}

/* ---- actions ---- */

static const struct review_line *selected_line(struct screen *s, const struct ui_list *l,
                                               int kind)
{
    int64_t i = ui_list_selected(l);
    const struct section *sec = &sections[s->section];
    if (!l->nrows || sec->what != SK_LINES || sec->kind != kind)
        return NULL;
    return &s->rv.lines[i];
}

/* Refuses to change a locked month; true when the month may still change. */
static int open_month(struct screen *s)
{
    if (s->rv.approved)
        ui_refuse(s->ui, "%s", _("This month is approved: its roster is locked"));
    return s->loaded && !s->rv.approved;
}

static int commit_or_say(struct screen *s, int rc, struct dpf_err *err, const char *done)
{
    rc = db_end(s->ui->db, rc, err);
    if (rc != DPF_OK)
        ui_set_error(s->ui, err->msg);
    else
        ui_set_message(s->ui, "%s", done);
    return rc;
}

static int confirm_stops(struct screen *s, const struct ui_list *l, int all)
{
    const struct review_line *one = selected_line(s, l, RK_STOP), *first;
    struct dpf_err err;
    char msg[256];
    long n;
    int rc;

    if (!open_month(s))
        return 0;
    first = review_lines(&s->rv, RK_STOP, &n);
    if (all ? n == 0 : !one) {
        ui_refuse(s->ui, "%s", _("Choose a person in the Stop section"));
        return 0;
    }
    if (all) {                  /* persons: one may be stopped in two programmes */
        snprintf(msg, sizeof msg, _("Stop the payment of all %ld persons?"), roster_persons(first, n));
        if (!ui_confirm(s->ui, msg))
            return 0;
    }
    if ((rc = db_begin(s->ui->db, &err)) == DPF_OK)
        for (long i = 0; i < (all ? n : 1) && rc == DPF_OK; i++)
            rc = review_confirm_stop(s->ui->db, &s->rv, all ? &first[i] : one, &err);
    if (all)
        snprintf(msg, sizeof msg, _("Stopped: %ld persons"), roster_persons(first, n));
    else
        snprintf(msg, sizeof msg, _("Stopped: %s, from %d-%02d"), review_text(&s->rv, one->name),
                 month_year(one->stop_month), month_number(one->stop_month));
    return commit_or_say(s, rc, &err, msg) == DPF_OK;
}

static int apply_candidate(struct screen *s, const struct ui_list *l)
{
    const struct review_line *c = selected_line(s, l, RK_CANDIDATE);
    struct dpf_err err;
    char msg[256];
    int64_t id;
    int rc;

    if (!c) {
        ui_refuse(s->ui, "%s", _("Choose a person in the Candidates section"));
        return 0;
    }
    snprintf(msg, sizeof msg, _("Record an application of %s to %s today?"),
             review_text(&s->rv, c->name), s->rv.progs.p[c->prog].v[GF_NAME]);
    if (!ui_confirm(s->ui, msg))
        return 0;
    if ((rc = db_begin(s->ui->db, &err)) == DPF_OK)
        rc = enrol_apply(s->ui->db, s->rv.progs.p[c->prog].id, c->person_id, db_today(s->ui->db),
                         NULL, &id, &err);
    snprintf(msg, sizeof msg, _("Application recorded: %s"), review_text(&s->rv, c->name));
    return commit_or_say(s, rc, &err, msg) == DPF_OK;
}

static int advance(struct screen *s, const struct ui_list *l)
{
    const struct review_line *a = selected_line(s, l, RK_PENDING);
    struct dpf_err err;
    char msg[256];
    int rc;

    if (!a) {
        ui_refuse(s->ui, "%s", _("Choose an application in the Applying section"));
        return 0;
    }
    snprintf(msg, sizeof msg, _("Move the application of %s to %s today?"),
             review_text(&s->rv, a->name), enrol_steps[a->reason]);
    if (!ui_confirm(s->ui, msg))
        return 0;
    if ((rc = db_begin(s->ui->db, &err)) == DPF_OK)
        rc = enrol_advance(s->ui->db, a->enrolment_id, db_today(s->ui->db), &err);
    snprintf(msg, sizeof msg, _("%s: now %s"), review_text(&s->rv, a->name), enrol_steps[a->reason]);
    return commit_or_say(s, rc, &err, msg) == DPF_OK;
}

static int approve(struct screen *s)
{
    struct review_approval a = { 0 };
    struct dpf_err err;
    char msg[256], amount[40];
    int rc;

    if (!open_month(s))
        return 0;
    snprintf(msg, sizeof msg, _("Approve %d-%02d? Its roster is then locked."),
             month_year(s->month), month_number(s->month));
    if (s->rv.count[RK_STOP])
        snprintf(msg, sizeof msg, _("%ld stops are not confirmed. Approve %d-%02d anyway?"),
                 s->rv.count[RK_STOP], month_year(s->month), month_number(s->month));
    if (!ui_confirm(s->ui, msg))
        return 0;
    ui_notice(s->ui, "%s", _("Approving: writing the roster..."));
    if ((rc = db_begin(s->ui->db, &err)) == DPF_OK)
        rc = review_approve(s->ui->db, s->month, &a, &err);
    snprintf(msg, sizeof msg, _("Approved: %ld persons, %s yuan"), a.persons,
             money_format(a.amount, 1, amount, sizeof amount));
    return commit_or_say(s, rc, &err, msg) == DPF_OK;
}

static void export_roster(struct screen *s)
{
    struct roster_opts o = { s->month, NULL, 0, !s->rv.approved, 0 };
    struct roster_result r;
    struct dpf_err err;
    char name[64], *path = NULL;

    snprintf(name, sizeof name, "roster-%d-%02d.xlsx", month_year(s->month), month_number(s->month));
    if (!ui_ask_file(s->ui, _("Export the roster (.xlsx or .csv)"), name, &path, &o.oflags))
        return;
    /* F3 needs the reviewer (ui_keys.c), as `dpf subsidy roster --full-id`: the bank's copy
     * has the full IDs and accounts; roster_export audits it either way. */
    o.full = ui_confirm(s->ui, _("For the bank: full resident IDs and bank accounts (audited)?"));
    if (roster_export(s->ui->db, &o, path, &r, &err) != DPF_OK)
        ui_set_error(s->ui, err.msg);
    else
        ui_set_message(s->ui, _("Exported %ld lines, %ld persons to %s%s%s"), r.lines, r.persons,
                       path, o.full ? _(" (full IDs and accounts)") : "",
                       r.approved ? "" : _(" (draft)"));
    free(path);
}

/* F5: another month, from its first section; 1 when one was given. */
static int pick_month(struct screen *s)
{
    static const struct field month = { "month", "月份", N_("Month"), FT_MONTH, NULL, 7, 10,
                                        FF_REQUIRED };
    char now[MONTH_TEXT], *v = NULL;
    int given = 0;
    if (ui_ask(s->ui, _("Review which month?"), &month, month_format(s->month, now), &v) && v) {
        s->month = month_parse(v);
        s->section = 0;
        s->stale = given = 1;
    }
    free(v);
    return given;
}

/* The month to start on: the first not approved, else this one. */
static int first_month(struct ui *ui)
{
    struct dpf_err err;
    int last, now = month_of_date(db_today(ui->db));
    if (review_last_approved(ui->db, &last, &err) != DPF_OK || last < 0 || last >= now)
        return now;
    return last + 1;
}

/* After an action: a change runs the review again, keeping the section and the place. */
static enum ui_result changed(struct screen *s, int done)
{
    if (!done)
        return UR_STAY;
    s->stale = 1;
    return UR_RELOAD;
}

static enum ui_result act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    struct screen *s = r->ctx;
    const struct ui_list *l = &r->list;

    (void)k;
    switch (a) {
    case UA_NEXT_SECTION:
    case UA_PREV_SECTION:
        s->section = (s->section + (a == UA_NEXT_SECTION ? 1 : NSECTIONS - 1)) % NSECTIONS;
        return UR_TOP;
    case UA_MONTH:
        return pick_month(s) ? UR_TOP : UR_STAY;
    case UA_CONFIRM:
    case UA_CONFIRM_ALL:
        return changed(s, confirm_stops(s, l, a == UA_CONFIRM_ALL));
    case UA_APPLY:
        return changed(s, open_month(s) && apply_candidate(s, l));
    case UA_ADVANCE:
        return changed(s, open_month(s) && advance(s, l));
    case UA_APPROVE:
        return changed(s, approve(s));
    case UA_EXPORT:
        export_roster(s);
        return UR_STAY;
    case UA_PROGRAMMES:
        ui_programmes(s->ui);
        return changed(s, 1);
    default:
        return UR_PASS;
    }
}

int ui_review(struct ui *ui)
{
    static const struct ui_screen screen = {
        .context = UC_REVIEW, .intro = intro, .empty = N_("(none)"), .head = 2,
        .title = title, .draw_head = draw_head, .load = load, .fetch = fetch, .act = act,
    };
    struct screen s = { .ui = ui, .month = first_month(ui), .stale = 1 };

    ui_run(ui, &screen, &s);
    if (s.loaded)
        review_free(&s.rv);
    free(s.rows);
    return DPF_OK;
}
