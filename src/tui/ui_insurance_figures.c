/* SPDX-License-Identifier: MIT */
/* The year's accident insurance figures by township: the report's insurance table
 * (report_insurance_table) through the list adapter, its definitions under F1. Opened from
 * the policies (ui_insurance.c) and from the claims (ui_claims.c), so it sits in a file of
 * its own below both. */
#include <stdio.h>
#include "dpf/i18n.h"
#include "dpf/insurance.h"
#include "dpf/report.h"
#include "ui.h"

/* The table's columns by importance, so 80 columns show the counts and the total paid and
 * a wider terminal the rest: township, insured, premium, claims, paid, total paid, in
 * progress, rejected, withdrawn, largest (the 万元 premium is the workbook's). */
static const int cols[] = { 0, 1, 2, 4, 5, 9, 6, 7, 8, 10 };
#define NCOLS (int)(sizeof cols / sizeof cols[0])

struct figures {
    int year;
};

static void load(struct ui_run *r)
{
    const struct figures *fg = r->ctx;
    struct insurance_figures f;
    struct rtable t = { 0 };
    struct dpf_err err;

    if (insurance_figures(r->ui->db, fg->year, &f, &err) != DPF_OK) {
        ui_set_error(r->ui, err.msg);
        return;
    }
    ui_table_show(r, &t, cols, NCOLS, report_insurance_table(&f, &t));
    rtable_free(&t);
    insurance_figures_free(&f);
}

static void title(struct ui_run *r, char *buf, size_t cap)
{
    snprintf(buf, cap, _("Accident insurance %d"), ((const struct figures *)r->ctx)->year);
}

static void draw_head(struct ui_run *r)
{
    (void)r;
    ui_put(1, 0, _("F1: how each figure is counted."), COLS, A_BOLD);
}

void ui_insurance_figures(struct ui *ui, int year)
{
    static const struct ui_screen screen = {
        .context = UC_FIGURES, .intro = insurance_notes, .head = 1, .title = title,
        .draw_head = draw_head, .load = load,
    };
    struct figures fg = { year };
    ui_run(ui, &screen, &fg);
}
