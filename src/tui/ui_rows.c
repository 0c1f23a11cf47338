/* SPDX-License-Identifier: MIT */
/* Rows held in memory for a list: each a copy of its cells, an id and a tag, appended in a
 * block that doubles as it fills. Screens whose source is one core call collect it here and
 * hand ui_rows_fetch to the list, so no screen keeps a fixed array that drops rows. */
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "ui.h"

void ui_rows_init(struct ui_rows *r, int ncols)
{
    memset(r, 0, sizeof *r);
    r->ncols = ncols;
}

void ui_rows_reset(struct ui_rows *r)
{
    for (int i = 0; i < r->n; i++)
        for (int c = 0; c < r->ncols; c++)
            free(r->row[i].cells[c]);
    r->n = 0;
    r->failed = 0;
}

void ui_rows_free(struct ui_rows *r)
{
    ui_rows_reset(r);
    free(r->row);
    r->row = NULL;
    r->cap = 0;
}

/* Room for one more row: the block doubles when full. */
static int grow(struct ui_rows *r)
{
    struct ui_rows_row *row;
    int cap;

    if (r->n < r->cap)
        return DPF_OK;
    cap = r->cap ? r->cap * 2 : 64;
    if (cap < r->cap || !(row = realloc(r->row, (size_t)cap * sizeof *row)))
        return DPF_ENOMEM;
    r->row = row;
    r->cap = cap;
    return DPF_OK;
}

int ui_rows_add(struct ui_rows *r, int64_t id, int tag, const char *const *cells)
{
    struct ui_rows_row *row;
    int c;

    if (r->failed || grow(r) != DPF_OK) {
        r->failed = 1;
        return DPF_ENOMEM;
    }
    row = &r->row[r->n];
    row->id = id;
    row->tag = tag;
    for (c = 0; c < r->ncols; c++)
        if (!(row->cells[c] = strdup(cells[c] ? cells[c] : "")))
            break;
    if (c < r->ncols) {
        while (c-- > 0)
            free(row->cells[c]);
        r->failed = 1;
        return DPF_ENOMEM;
    }
    r->n++;
    return DPF_OK;
}

const char *ui_rows_cell(const struct ui_rows *r, int row, int col)
{
    return row >= 0 && row < r->n && col < r->ncols ? r->row[row].cells[col] : "";
}

int ui_rows_report(struct ui *ui, const struct ui_rows *r)
{
    if (!r->failed)
        return DPF_OK;
    ui_refuse(ui, "%s", _("Out of memory"));
    return DPF_ENOMEM;
}

static const char *cell(void *ctx, int row, int col)
{
    return ui_rows_cell(ctx, row, col);
}

int ui_rows_fetch(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err)
{
    return ui_list_add_page(l, page, limit, ((struct ui_rows *)ctx)->n, cell, ctx, err);
}
