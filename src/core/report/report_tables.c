/* SPDX-License-Identifier: MIT */
/* Tables of typed cells, and the three tables both the report and the commands show (the
 * rehabilitation rates, the projects, the insurance figures): one builder each, so the
 * workbook and the text of `dpf rehab rates` and the others cannot lay them out apart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/hant.h"
#include "dpf/i18n.h"
#include "dpf/insurance.h"
#include "dpf/rehab.h"
#include "report_cells.h"

/* ---- tables and cells ---- */

/* A heading as the UI shows it: the catalogue's translation, else (Chinese written in the
 * code: a sheet name, 一级) in the UI's Traditional characters. Static either way. */
static const char *heading(const char *s)
{
    const char *tr = _(s);
    return tr != s ? tr : hant_static(s);
}

void table_init(struct rtable *t, const char *sheet, const char *title,
                const char *const *headers, const int *widths, int ncols)
{
    memset(t, 0, sizeof *t);
    t->sheet = heading(sheet);
    t->title = _(title);
    t->ncols = ncols;
    t->rate_chart = -1;
    for (int c = 0; c < ncols; c++) {
        t->headers[c] = heading(headers[c]);
        t->widths[c] = widths[c];
    }
}

int row_new(struct rtable *t)
{
    if (t->nrows == t->cap) {
        int cap = t->cap ? t->cap * 2 : 16;
        struct rcell *c = realloc(t->cells, (size_t)cap * (size_t)t->ncols * sizeof *c);
        if (!c)
            return -1;
        t->cells = c;
        t->cap = cap;
    }
    memset(&t->cells[t->nrows * t->ncols], 0, (size_t)t->ncols * sizeof *t->cells);
    return t->nrows++;
}

static struct rcell *at(struct rtable *t, int row, int col)
{
    return &t->cells[row * t->ncols + col];
}

int put_text(struct rtable *t, int row, int col, const char *s)
{
    struct rcell *c = at(t, row, col);
    c->kind = RC_TEXT;
    return (c->text = strdup(s ? s : "")) ? DPF_OK : DPF_ENOMEM;
}

void put_num(struct rtable *t, int row, int col, enum rcell_kind kind, int64_t n, int64_t d)
{
    struct rcell *c = at(t, row, col);
    c->kind = kind;
    c->n = n;
    c->d = d;
}

void rtable_free(struct rtable *t)
{
    for (int k = 0; k < t->nrows * t->ncols; k++)
        free(t->cells[k].text);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

/* ---- rehabilitation rates ---- */

static int rates_row(struct rtable *t, const char *group, const struct rehab_counts *c)
{
    int row = row_new(t);
    if (row < 0 || put_text(t, row, 0, group) != DPF_OK)
        return DPF_ENOMEM;
    put_num(t, row, 1, RC_INT, c->needs, 0);
    put_num(t, row, 2, RC_INT, c->served, 0);
    put_num(t, row, 3, RC_RATE, c->served, c->needs);
    put_num(t, row, 4, RC_INT, c->device_needs, 0);
    put_num(t, row, 5, RC_INT, c->fitted, 0);
    put_num(t, row, 6, RC_RATE, c->fitted, c->device_needs);
    return DPF_OK;
}

int report_rehab_rates_table(const struct rehab_rates *rr, struct rtable *t)
{
    static const char *const h[] = { N_("Group"), N_("With needs"), N_("Served"),
                                     N_("Service rate"), N_("Device needs"), N_("Fitted"),
                                     N_("Fitting rate") };
    static const int w[] = { 12, 9, 9, 9, 9, 9, 9 };

    table_init(t, "精准康复", N_("Rehabilitation service and fitting rates"), h, w, 7);
    if (rates_row(t, _("District"), &rr->all) != DPF_OK ||
        rates_row(t, "建档立卡", &rr->poor_reg) != DPF_OK ||
        rates_row(t, "因病致贫", &rr->illness_poor) != DPF_OK)
        return DPF_ENOMEM;
    for (int i = 0; i < rr->ntown; i++)
        if (rates_row(t, rr->town[i].name, &rr->town[i].c) != DPF_OK)
            return DPF_ENOMEM;
    return DPF_OK;
}

/* ---- targets and completion ---- */

struct proj_ctx {
    struct rtable *t;
    report_def_fn def;
    void *ctx;
    int rc;
};

static int project_row(const struct rehab_project *p, void *ctx)
{
    struct proj_ctx *x = ctx;
    int row = row_new(x->t);
    if (row < 0 || put_text(x->t, row, 0, p->name) != DPF_OK ||
        (x->def && x->def(p->id, p->name, p->definition, x->ctx) != DPF_OK)) {
        x->rc = DPF_ENOMEM;
        return 1;
    }
    put_num(x->t, row, 1, RC_INT, p->target, 0);
    put_num(x->t, row, 2, RC_INT, p->completed, 0);
    put_num(x->t, row, 3, RC_RATE, p->completed, p->target);
    put_num(x->t, row, 4, RC_INT, p->completed > p->target ? p->completed - p->target : 0, 0);
    return 0;
}

int report_projects_table(struct db *db, int year, const char *through, struct rtable *t,
                          report_def_fn def, void *ctx, struct dpf_err *err)
{
    static const char *const h[] = { N_("Project"), N_("Target"), N_("Completed"),
                                     N_("Rate"), N_("Over") };
    static const int w[] = { 28, 8, 8, 9, 8 };
    struct proj_ctx x = { t, def, ctx, DPF_OK };
    int rc;

    table_init(t, "目标任务", N_("Targets and completion"), h, w, 5);
    t->rate_chart = 3;
    rc = rehab_projects_through(db, year, through, project_row, &x, err);
    if (rc == DPF_OK && x.rc != DPF_OK)
        rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc;
}

/* ---- insurance ---- */

static int insurance_row(struct rtable *t, const char *name, const struct insurance_counts *c)
{
    int row = row_new(t);
    if (row < 0 || put_text(t, row, 0, name) != DPF_OK)
        return DPF_ENOMEM;
    put_num(t, row, 1, RC_INT, c->insured, 0);
    put_num(t, row, 2, RC_MONEY, c->premium, 0);
    put_num(t, row, 3, RC_WAN, c->premium, 0);
    put_num(t, row, 4, RC_INT, c->reported, 0);
    put_num(t, row, 5, RC_INT, c->paid, 0);
    put_num(t, row, 6, RC_INT, c->open, 0);
    put_num(t, row, 7, RC_INT, c->rejected, 0);
    put_num(t, row, 8, RC_INT, c->withdrawn, 0);
    put_num(t, row, 9, RC_MONEY, c->total_paid, 0);
    put_num(t, row, 10, RC_MONEY, c->largest, 0);
    return DPF_OK;
}

int report_insurance_table(const struct insurance_figures *f, struct rtable *t)
{
    static const char *const h[] = { N_("Township"), N_("Insured"), N_("Premium (yuan)"),
                                     N_("Premium (10k yuan)"), N_("Claims"), N_("Claims paid"),
                                     N_("In progress"), N_("Rejected"), N_("Withdrawn"),
                                     N_("Total paid"), N_("Largest") };
    static const int w[] = { 12, 8, 12, 9, 6, 6, 6, 6, 6, 12, 12 };

    table_init(t, "意外保险", N_("Accident insurance"), h, w, 11);
    if (insurance_row(t, _("District"), &f->all) != DPF_OK)
        return DPF_ENOMEM;
    for (int i = 0; i < f->ntown; i++)
        if (insurance_row(t, f->town[i].name, &f->town[i].c) != DPF_OK)
            return DPF_ENOMEM;
    return DPF_OK;
}
