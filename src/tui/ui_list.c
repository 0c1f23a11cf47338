/* SPDX-License-Identifier: MIT */
/* The list widget: a header, one page of rows from the source, a selection that pages
 * when it runs off either end. The source pages by keyset; the list only counts pages. */
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/text.h"
#include "ui.h"

void ui_list_clear(struct ui_list *l)
{
    for (int r = 0; r < l->nrows; r++)
        for (int c = 0; c < l->ncols; c++) {
            free(l->rows[r].cells[c]);
            l->rows[r].cells[c] = NULL;
        }
    l->nrows = 0;
}

int ui_list_add(struct ui_list *l, int64_t id, const char *const *cells)
{
    struct ui_list_row *row;
    if (l->nrows == UI_LIST_ROWS)
        return DPF_OK;
    row = &l->rows[l->nrows++];
    row->id = id;
    for (int c = 0; c < l->ncols; c++)
        if (!(row->cells[c] = strdup(cells[c] ? cells[c] : "")))
            return DPF_ENOMEM;
    return DPF_OK;
}

int ui_list_add_page(struct ui_list *l, int page, int limit, int n,
                     const char *(*cell)(void *ctx, int row, int col), void *ctx,
                     struct dpf_err *err)
{
    l->total = n;
    for (int i = page * limit; i < n && i < (page + 1) * limit; i++) {
        const char *cells[UI_LIST_COLS];
        for (int c = 0; c < l->ncols; c++)
            cells[c] = cell(ctx, i, c);
        if (ui_list_add(l, i, cells) != DPF_OK)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    return DPF_OK;
}

int ui_list_load(struct ui_list *l, int page, int limit, struct dpf_err *err)
{
    int rc;
    /* A screen asking for a new page size says how many lines it keeps for itself; asking
     * again for l->limit (a reload, the next page) says nothing about the layout. */
    if (limit != l->limit)
        l->spare = LINES - limit;
    if (limit > UI_LIST_ROWS)
        limit = UI_LIST_ROWS;
    ui_list_clear(l);
    l->page = page;
    l->limit = limit;
    l->total = -1;
    rc = l->fetch(l->ctx, l, page, limit, err);
    if (l->sel >= l->nrows)
        l->sel = l->nrows ? l->nrows - 1 : 0;
    return rc;
}

/* A cell as drawn: a column of figures is padded on the left to its width. */
static const char *cell_text(const struct ui_list *l, int c, const char *s, char *buf,
                             size_t cap)
{
    return l->cols[c].right ? text_fit(buf, cap, s, l->cols[c].width, 1) : s;
}

/* A cell of figures: digits with the marks of amounts, dates, times, phones and masked
 * numbers, nothing else. */
static int is_figure(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!strchr("0123456789-:./,*+% ", *s))
            return 0;
    return 1;
}

/* Columns of figures (right-aligned, or every filled cell of the page a figure: dates,
 * phones) are shown whole or not at all: a date or a number cut short would read as another.
 * Returns how many columns, from the first, are drawn at this width. */
static int shown_columns(const struct ui_list *l)
{
    int x = UI_LIST_MARGIN, c;
    for (c = 0; c < l->ncols && x < COLS; c++) {
        int figures = l->cols[c].right, any = 0;
        for (int r = 0; !figures && r < l->nrows; r++) {
            const char *cell = l->rows[r].cells[c];
            if (cell && *cell && !(any = is_figure(cell)))
                break;
            if (r == l->nrows - 1)
                figures = any;
        }
        if (figures && x + l->cols[c].width > COLS)
            break;
        x += l->cols[c].width + 1;
    }
    return c;
}

void ui_list_draw(const struct ui_list *l, int y, int height)
{
    char fitted[256];
    int x = UI_LIST_MARGIN, top, ncols = shown_columns(l);
    if (height < 2)
        height = 2;
    for (int c = 0; c < ncols && x < COLS; c++) {
        int w = l->cols[c].width;
        ui_put(y, x, cell_text(l, c, l->cols[c].header, fitted, sizeof fitted),
               x + w > COLS ? COLS - x : w, A_BOLD | A_UNDERLINE);
        x += w + 1;
    }
    /* A page loaded for a taller screen (resized while a form was open) shows the part
     * that holds the selection, so the selected row is never off the screen. */
    top = l->sel >= height - 1 ? l->sel - (height - 2) : 0;
    for (int r = top; r < l->nrows && r - top < height - 1; r++) {
        attr_t a = r == l->sel ? A_REVERSE : 0;
        int line = y + 1 + r - top;
        /* The selection is a mark as well as reverse video: a screen reader cannot see
         * attributes. */
        ui_put(line, 0, r == l->sel ? ">" : "", UI_LIST_MARGIN, 0);
        x = UI_LIST_MARGIN;
        if (a)
            ui_chgat(line, x, COLS - x, A_REVERSE);
        for (int c = 0; c < ncols && x < COLS; c++) {
            /* The column and the gap after it, never past the last column: writing there
             * would wrap onto the next line. */
            int w = l->cols[c].width + 1;
            ui_put(line, x, cell_text(l, c, l->rows[r].cells[c], fitted, sizeof fitted),
                   x + w > COLS ? COLS - x : w, a);
            x += w;
        }
    }
    if (l->nrows == 0)
        ui_put(y + 2, 2, l->empty ? l->empty : _("(no persons match)"), COLS - 4, A_DIM);
    /* The terminal's cursor on the selected row (or the notice of none): screen readers
     * and braille displays follow the cursor. */
    if (l->nrows == 0)
        move(y + 2, 2);
    else
        move(y + 1 + l->sel - top, 0);
}

/* After a resize: the page the selected row falls in at the rows that now fit, the row
 * still selected (its index: page * limit + sel, for a source that pages by index). */
static int fit(struct ui_list *l, struct dpf_err *err)
{
    int limit = LINES - l->spare, at = l->page * l->limit + l->sel;
    if (limit < 1)
        limit = 1;
    if (limit > UI_LIST_ROWS)
        limit = UI_LIST_ROWS;
    if (limit == l->limit)
        return DPF_OK;
    l->sel = at % limit;
    return ui_list_load(l, at / limit, limit, err);
}

static int go_page(struct ui_list *l, int page, int sel, struct dpf_err *err)
{
    int rc = ui_list_load(l, page, l->limit, err);
    l->sel = sel < 0 ? (l->nrows ? l->nrows - 1 : 0) : sel;
    return rc;
}

int ui_list_key(struct ui_list *l, struct ui_key k, struct dpf_err *err)
{
    int full = l->nrows == l->limit;
    if (!k.is_code)
        return 0;
    switch (k.ch) {
    case KEY_DOWN:
        if (l->sel + 1 < l->nrows)
            l->sel++;
        else if (full && go_page(l, l->page + 1, 0, err) == DPF_OK && l->nrows == 0)
            go_page(l, l->page - 1, -1, err);    /* the last page was exactly full */
        return 1;
    case KEY_UP:
        if (l->sel > 0)
            l->sel--;
        else if (l->page > 0)
            go_page(l, l->page - 1, -1, err);
        return 1;
    case KEY_NPAGE:
        if (full && go_page(l, l->page + 1, 0, err) == DPF_OK && l->nrows == 0)
            go_page(l, l->page - 1, -1, err);
        return 1;
    case KEY_PPAGE:
        if (l->page > 0)
            go_page(l, l->page - 1, 0, err);
        else
            l->sel = 0;
        return 1;
    case KEY_HOME:
        go_page(l, 0, 0, err);
        return 1;
    case KEY_END:               /* the last page: by the count, else page by page */
        if (l->total > 0 && l->limit > 0)
            go_page(l, (int)((l->total - 1) / l->limit), -1, err);
        else
            while (l->nrows == l->limit && go_page(l, l->page + 1, -1, err) == DPF_OK)
                if (l->nrows == 0) {
                    go_page(l, l->page - 1, -1, err);   /* the last page was exactly full */
                    break;
                }
        l->sel = l->nrows ? l->nrows - 1 : 0;
        return 1;
    case KEY_RESIZE:
        fit(l, err);
        return 1;
    default:
        return 0;
    }
}

int64_t ui_list_selected(const struct ui_list *l)
{
    return l->nrows ? l->rows[l->sel].id : 0;
}
