/* SPDX-License-Identifier: MIT */
/* The list adapter for the core's typed tables (dpf/report.h): a screen shows the figures
 * the report and `dpf ... --format text` print, cell by cell through report_cell_text, so
 * the three cannot drift. The screen picks which of a table's columns fit it. */
#include "dpf/i18n.h"
#include "dpf/report.h"
#include "ui.h"

static int column(const int *cols, int i)
{
    return cols ? cols[i] : i;
}

void ui_table_columns(struct ui_run *r, const struct rtable *t, const int *cols, int n,
                      int extra)
{
    if (!cols)
        n = t->ncols;
    if (n + extra > UI_LIST_COLS)
        n = UI_LIST_COLS - extra;
    for (int i = 0; i < n; i++) {
        int c = column(cols, i);
        r->list.cols[i].header = t->headers[c];
        r->list.cols[i].width = t->widths[c];
        /* A column of figures is right-aligned, as report_table_lines does; a builder
         * gives a column one kind of cell, so its first row tells. */
        r->list.cols[i].right = i > 0 && t->nrows > 0 && t->cells[c].kind != RC_TEXT;
    }
    r->list.ncols = n + extra;
    r->rows.ncols = n + extra;      /* load empties the rows first: no cell is left behind */
}

void ui_table_show(struct ui_run *r, const struct rtable *t, const int *cols, int n, int rc)
{
    if (rc != DPF_OK) {
        r->rows.failed = 1;
        return;
    }
    ui_table_columns(r, t, cols, n, 0);
    for (int i = 0; i < t->nrows; i++)
        ui_table_add(r, t, i, cols, i, NULL);
}

int ui_table_add(struct ui_run *r, const struct rtable *t, int row, const int *cols,
                 int64_t id, const char *const *extra)
{
    char buf[UI_LIST_COLS][128];
    const char *cells[UI_LIST_COLS] = { NULL };
    int n = r->list.ncols;

    while (extra && extra[r->list.ncols - n])
        n--;

    for (int i = 0; i < r->list.ncols; i++) {
        const struct rcell *x;
        if (i >= n) {
            cells[i] = extra[i - n];
            continue;
        }
        x = &t->cells[row * t->ncols + column(cols, i)];
        cells[i] = report_cell_text(x, buf[i], sizeof buf[i]);
    }
    return ui_rows_add(&r->rows, id, row, cells);
}
