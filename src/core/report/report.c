/* SPDX-License-Identifier: MIT */
/* Building a report: each section asks the module that owns the figures (projects, the
 * register summary, the yearly update, the subsidy rosters, rehabilitation rates, insurance
 * figures) and lays them out as a table of typed cells, with the definitions as notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/access.h"
#include "dpf/db.h"
#include "dpf/hant.h"
#include "dpf/i18n.h"
#include "dpf/insurance.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/rehab.h"
#include "dpf/report.h"
#include "dpf/roster.h"
#include "dpf/summary.h"
#include "dpf/yearly.h"
#include "base/db_struct.h"
#include "report_cells.h"

/* ---- tables ---- */

/* A new table at the end of the report, zeroed (report_free frees what it holds). */
static struct rtable *table_slot(struct report *r)
{
    struct rtable *t = realloc(r->tables, (size_t)(r->ntables + 1) * sizeof *t);
    if (!t)
        return NULL;
    r->tables = t;
    t = &r->tables[r->ntables++];
    memset(t, 0, sizeof *t);
    return t;
}

static struct rtable *table_new(struct report *r, const char *sheet, const char *title,
                                const char *const *headers, const int *widths, int ncols)
{
    struct rtable *t = table_slot(r);
    if (t)
        table_init(t, sheet, title, headers, widths, ncols);
    return t;
}

static int note(struct report *r, const char *sheet_name, const char *text)
{
    char **n = realloc(r->notes, (size_t)(r->nnotes + 1) * sizeof *n);
    const char *sheet = hant_static(sheet_name);
    size_t len = strlen(sheet) + strlen(text) + 4;
    if (!n)
        return DPF_ENOMEM;
    r->notes = n;
    if (!(n[r->nnotes] = malloc(len)))
        return DPF_ENOMEM;
    snprintf(n[r->nnotes++], len, "%s：%s", sheet, text);
    return DPF_OK;
}

static int notes(struct report *r, const char *sheet, const char *const *msgids)
{
    int rc = DPF_OK;
    for (int i = 0; msgids[i] && rc == DPF_OK; i++)
        rc = note(r, sheet, _(msgids[i]));
    return rc;
}

static int nomem(struct dpf_err *err)
{
    return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
}

/* ---- targets and completion ---- */

/* Each project's definition is a note of the sheet. */
static int project_note(int64_t id, const char *project, const char *definition, void *ctx)
{
    (void)id;
    (void)project;
    return note(ctx, "目标任务", definition);
}

static int section_targets(struct db *db, struct report *r, struct dpf_err *err)
{
    struct rtable *t = table_slot(r);
    int rc;

    if (!t)
        return nomem(err);
    rc = report_projects_table(db, r->year, r->annual ? NULL : r->to, t, project_note, r, err);
    return rc == DPF_OK ? notes(r, "目标任务", rehab_project_notes) : rc;
}

/* ---- the register ---- */

static int section_register(struct db *db, struct report *r, struct dpf_err *err)
{
    static const char *const h[] = { N_("Category"), "一级", "二级", "三级", "四级", N_("Total") };
    static const int w[] = { 8, 8, 8, 8, 8, 9 };
    static const char *const th[] = { N_("Township"), N_("Holders"), N_("Levels 1-2"),
                                      "建档立卡" };
    static const int tw[] = { 12, 9, 9, 9 };
    struct register_summary s = { 0 };
    struct rtable *t, *tt;
    long col[5] = { 0 };
    int rc = summary_register(db, &s, err), row;

    if (rc != DPF_OK)
        return rc;
    if (!(t = table_new(r, "持证情况", N_("Certificate holders by category and level"), h, w, 6)))
        rc = nomem(err);
    for (int c = 1; rc == DPF_OK && c <= 8; c++) {
        long sum = 0;
        if ((row = row_new(t)) < 0 ||
            put_text(t, row, 0, c <= 7 ? person_categories[c - 1] : _("Total")) != DPF_OK) {
            rc = nomem(err);
            break;
        }
        for (int l = 1; l <= 4; l++) {
            long v = c <= 7 ? s.active_by[c][l] : col[l];
            put_num(t, row, l, RC_INT, v, 0);
            sum += v;
            if (c <= 7)
                col[l] += v;
        }
        put_num(t, row, 5, RC_INT, sum, 0);
    }
    if (rc == DPF_OK && !(tt = table_new(r, "乡镇持证", N_("Certificate holders by township"),
                                          th, tw, 4)))
        rc = nomem(err);
    for (int i = 0; rc == DPF_OK && i < s.ntownships; i++) {
        if ((row = row_new(tt)) < 0 || put_text(tt, row, 0, s.townships[i].name) != DPF_OK) {
            rc = nomem(err);
            break;
        }
        put_num(tt, row, 1, RC_INT, s.townships[i].active, 0);
        put_num(tt, row, 2, RC_INT, s.townships[i].severe, 0);
        put_num(tt, row, 3, RC_INT, s.townships[i].poor_reg, 0);
    }
    summary_free(&s);
    if (rc == DPF_OK)
        rc = note(r, "持证情况", _("Persons on the register (在册) when the report is made, by the "
                                   "category and level on the certificate."));
    return rc;
}

/* New certificates, deaths, moves and cancellations dated in the period; the yearly update. */
/* The period's four register changes (sums) into v[0..3]. */
static int read_changes(sqlite3_stmt *st, void *ctx)
{
    long *v = ctx;
    for (int i = 0; i < 4; i++)
        v[i] = (long)sqlite3_column_int64(st, i);
    return DPF_OK;
}

static int section_changes(struct db *db, struct report *r, struct dpf_err *err)
{
    static const char *const h[] = { N_("Register change"), N_("Persons") };
    static const int w[] = { 30, 9 };
    static const char *const items[] = {
        N_("New certificates"), N_("Deaths"), N_("Moved out"), N_("Certificates cancelled"),
        N_("Yearly update: holders"), N_("Yearly update: verified"),
        N_("Yearly update: deceased written off"),
    };
    sqlite3_stmt *st;
    long v[7] = { 0 };
    struct rtable *t;
    int rc, row;

    if (sqlite3_prepare_v2(db->h,
            "SELECT coalesce(sum(cert_issue_date BETWEEN ?1 AND ?2), 0), "
            "coalesce(sum(status = 2 AND status_date BETWEEN ?1 AND ?2), 0), "
            "coalesce(sum(status = 3 AND status_date BETWEEN ?1 AND ?2), 0), "
            "coalesce(sum(status = 4 AND status_date BETWEEN ?1 AND ?2), 0) FROM person",
            -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_text(st, 1, r->from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, r->to, -1, SQLITE_STATIC);
    rc = db_step_one(db, st, read_changes, v, err);   /* sums: always a row */
    sqlite3_finalize(st);
    if (rc != DPF_OK)
        return rc;
    if ((rc = yearly_district(db, r->year, &v[4], &v[5], &v[6], err)) != DPF_OK)
        return rc;
    if (!(t = table_new(r, "证件变动", N_("Register changes in the period"), h, w, 2)))
        return nomem(err);
    for (int i = 0; i < 7; i++) {
        if ((row = row_new(t)) < 0 || put_text(t, row, 0, _(items[i])) != DPF_OK)
            return nomem(err);
        put_num(t, row, 1, RC_INT, v[i], 0);
    }
    return note(r, t->sheet, _("New certificates by their issue date, deaths, moves and "
                               "cancellations by their status date, in the period; the yearly "
                               "update is that of the period's year."));
}

/* ---- subsidies ---- */

struct sub_ctx {
    struct rtable *t;
    int by;
    int rc;
};

static int subsidy_row(const struct roster_total *s, void *ctx)
{
    struct sub_ctx *x = ctx;
    int row = row_new(x->t), col = 0;
    if (row < 0 || put_text(x->t, row, col++, s->programme) != DPF_OK ||
        (x->by != RB_PROGRAMME && put_text(x->t, row, col++, s->key) != DPF_OK)) {
        x->rc = DPF_ENOMEM;
        return 1;
    }
    put_num(x->t, row, col++, RC_INT, s->persons, 0);
    put_num(x->t, row, col++, RC_MONEY, s->paid, 0);
    put_num(x->t, row, col, RC_MONEY, s->recovered, 0);
    return 0;
}

static int section_subsidies(struct db *db, struct report *r, struct dpf_err *err)
{
    static const char *const h1[] = { N_("Programme"), N_("Persons"), N_("Paid (yuan)"),
                                      N_("Recovered (yuan)") };
    static const int w1[] = { 24, 8, 14, 12 };
    static const char *const h2[] = { N_("Programme"), N_("Month"), N_("Persons"),
                                      N_("Paid (yuan)"), N_("Recovered (yuan)") };
    static const char *const h3[] = { N_("Programme"), N_("Township"), N_("Persons"),
                                      N_("Paid (yuan)"), N_("Recovered (yuan)") };
    static const int w2[] = { 24, 10, 8, 14, 12 };
    static const struct { const char *sheet, *title; int by; } parts[] = {
        { "补贴发放", N_("Subsidies paid by programme"), RB_PROGRAMME },
        { "补贴按月", N_("Subsidies paid by month"), RB_MONTH },
        { "补贴按乡镇", N_("Subsidies paid by township"), RB_TOWNSHIP },
    };
    struct sub_ctx x[3];
    roster_total_fn fns[3] = { subsidy_row, subsidy_row, subsidy_row };
    void *ctxs[3] = { &x[0], &x[1], &x[2] };
    char fm[MONTH_TEXT], tm[MONTH_TEXT];
    int from, to, rc;

    snprintf(fm, sizeof fm, "%.7s", r->from);
    snprintf(tm, sizeof tm, "%.7s", r->to);
    from = month_parse(fm);
    to = month_parse(tm);

    for (int i = 0; i < 3; i++) {
        struct rtable *t = parts[i].by == RB_PROGRAMME
            ? table_new(r, parts[i].sheet, parts[i].title, h1, w1, 4)
            : table_new(r, parts[i].sheet, parts[i].title, parts[i].by == RB_MONTH ? h2 : h3,
                        w2, 5);
        if (!t)
            return nomem(err);
        x[i] = (struct sub_ctx){ NULL, parts[i].by, DPF_OK };
    }
    /* table_new may move the tables: point at them once all three are made. */
    for (int i = 0; i < 3; i++)
        x[i].t = &r->tables[r->ntables - 3 + i];
    rc = roster_period_all(db, from, to, fns, ctxs, err);
    for (int i = 0; rc == DPF_OK && i < 3; i++)
        if (x[i].rc != DPF_OK)
            rc = nomem(err);
    if (rc == DPF_OK)
        rc = note(r, "补贴发放", _("From the approved monthly rosters of the months in the "
                                   "period: persons paid (an amount above zero), amounts paid "
                                   "and recovered, at the standards of each month's rule."));
    return rc;
}

/* ---- rehabilitation ---- */

static int section_rehab(struct db *db, struct report *r, struct dpf_err *err)
{
    struct rehab_rates rr;
    struct rtable *t;
    int rc = rehab_rates(db, r->year, r->year, &rr, err);

    if (rc != DPF_OK)
        return rc;
    if (!(t = table_slot(r)) || report_rehab_rates_table(&rr, t) != DPF_OK)
        rc = nomem(err);
    rehab_rates_free(&rr);
    return rc == DPF_OK ? notes(r, "精准康复", rehab_rate_notes) : rc;
}

static int section_rescue(struct db *db, struct report *r, struct dpf_err *err)
{
    static const char *const h[] = { N_("Funding line"), N_("Children"), N_("Records"),
                                      N_("Cost (yuan)") };
    static const int w[] = { 10, 8, 8, 14 };
    struct rtable *t = table_new(r, "儿童康复救助", N_("Children's rehabilitation rescue by funding line"),
                                 h, w, 4);
    sqlite3_stmt *st;
    int rc, row;

    if (!t)
        return nomem(err);
    if (sqlite3_prepare_v2(db->h, "SELECT funding, count(DISTINCT person_id), count(*), "
                                  "sum(cost) FROM rescue WHERE started_on BETWEEN ?1 AND ?2 "
                                  "GROUP BY funding ORDER BY funding", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_text(st, 1, r->from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, r->to, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int line = sqlite3_column_int(st, 0);
        if ((row = row_new(t)) < 0 ||
            put_text(t, row, 0, line >= 1 && line <= 4 ? rehab_rescue_lines[line - 1] : "?") != DPF_OK) {
            sqlite3_finalize(st);
            return nomem(err);
        }
        put_num(t, row, 1, RC_INT, sqlite3_column_int64(st, 1), 0);
        put_num(t, row, 2, RC_INT, sqlite3_column_int64(st, 2), 0);
        put_num(t, row, 3, RC_MONEY, sqlite3_column_int64(st, 3), 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err);
    return note(r, t->sheet, _("Rescue records started in the period, by the funding line; "
                               "children counted once per line."));
}

/* ---- insurance ---- */

static int section_insurance(struct db *db, struct report *r, struct dpf_err *err)
{
    struct insurance_figures f;
    struct rtable *t;
    int64_t id;
    int rc;

    if (policy_of_year(db, r->year, &id, err) == DPF_ENOTFOUND)
        return note(r, "意外保险", _("There is no insurance policy for the year."));
    if ((rc = insurance_figures(db, r->year, &f, err)) != DPF_OK)
        return rc;
    if (!(t = table_slot(r)) || report_insurance_table(&f, t) != DPF_OK)
        rc = nomem(err);
    insurance_figures_free(&f);
    return rc == DPF_OK ? notes(r, "意外保险", insurance_notes) : rc;
}

/* ---- the report ---- */

static int check_period(const char *from, const char *to, struct dpf_err *err)
{
    if (!from || !to || strlen(from) != 10 || strlen(to) != 10)
        return dpf_err_set(err, DPF_EINVAL, "from", _("A period needs two dates (YYYY-MM-DD)"));
    if (strcmp(from, to) > 0)
        return dpf_err_set(err, DPF_EINVAL, "to", _("The period ends (%s) before it starts (%s)"),
                           to, from);
    if (strncmp(from, to, 4) != 0)
        return dpf_err_set(err, DPF_EINVAL, "from",
                           _("A period lies within one year (its targets and rates are the "
                             "year's)"));
    return DPF_OK;
}

int report_build(struct db *db, const char *from, const char *to, struct report *out,
                 struct dpf_err *err)
{
    static int (*const sections[])(struct db *, struct report *, struct dpf_err *) = {
        section_targets, section_register, section_changes, section_subsidies, section_rehab,
        section_rescue, section_insurance,
    };
    int rc = check_period(from, to, err);

    memset(out, 0, sizeof *out);
    if (rc != DPF_OK)
        return rc;
    snprintf(out->from, sizeof out->from, "%s", from);
    snprintf(out->to, sizeof out->to, "%s", to);
    out->year = atoi(to);
    out->annual = strcmp(from + 4, "-01-01") == 0 && strcmp(to + 4, "-12-31") == 0;
    db_setting(db, "district_name", out->district, sizeof out->district);
    snprintf(out->made_at, sizeof out->made_at, "%s", db->now);
    user_display(db, db->user, out->made_by, sizeof out->made_by);     /* 张三, not zhangs */
    if (out->annual)
        snprintf(out->title, sizeof out->title, _("%s disabled persons' work: %d annual report"),
                 out->district, out->year);
    else
        snprintf(out->title, sizeof out->title, _("%s disabled persons' work: report %s to %s"),
                 out->district, from, to);
    for (size_t i = 0; rc == DPF_OK && i < sizeof sections / sizeof sections[0]; i++)
        rc = sections[i](db, out, err);
    if (rc != DPF_OK)
        report_free(out);
    return rc;
}

void report_free(struct report *r)
{
    for (int i = 0; i < r->ntables; i++)
        rtable_free(&r->tables[i]);
    free(r->tables);
    for (int i = 0; i < r->nnotes; i++)
        free(r->notes[i]);
    free(r->notes);
    memset(r, 0, sizeof *r);
}
