/* SPDX-License-Identifier: MIT */
/* The one run loop every list and text screen goes through: draw the frame, the head, the
 * list or the lines; read a key (which swallows keys while the terminal is too small and
 * says KEY_RESIZE when it is big enough again); hand the key's action to the screen; do what
 * it answers. Resize, help, back, reload and moving are done here, once; so are the pages of
 * text (ui_view_run) and the help every screen opens. */
#include <stdio.h>
#include <stdlib.h>
#include "dpf/i18n.h"
#include "ui.h"

int ui_run_limit(const struct ui_run *r)
{
    int n = LINES - 4 - r->s->head;
    return n > 1 ? n : 1;
}

const struct ui_rows_row *ui_run_row(const struct ui_run *r)
{
    int i;
    if (r->s->fetch || !r->list.nrows)
        return NULL;
    i = (int)ui_list_selected(&r->list);
    return i >= 0 && i < r->rows.n ? &r->rows.row[i] : NULL;
}

/* Loads the rows again: from the first (top) or keeping the page and the selection. */
static void reload(struct ui_run *r, int top)
{
    struct dpf_err err;
    if (!r->s->fetch) {
        ui_rows_reset(&r->rows);
        r->s->load(r);
        ui_rows_report(r->ui, &r->rows);
    } else if (r->s->load) {
        r->s->load(r);
    }
    if (top) {
        r->list.sel = 0;
        r->top = 0;
    }
    if (r->s->flags & UI_TEXT) {
        if (r->top >= r->rows.n)
            r->top = r->rows.n ? r->rows.n - 1 : 0;
        return;
    }
    if (ui_list_load(&r->list, top ? 0 : r->list.page, ui_run_limit(r), &err) != DPF_OK)
        ui_set_error(r->ui, err.msg);
    /* The only row of the last page is gone (deleted): the page before, at its last row. */
    if (!r->list.nrows && r->list.page > 0) {
        if (ui_list_load(&r->list, r->list.page - 1, r->list.limit, &err) != DPF_OK)
            ui_set_error(r->ui, err.msg);
        r->list.sel = r->list.nrows ? r->list.nrows - 1 : 0;
    }
}

static void draw(struct ui_run *r)
{
    char title[256];
    int y = 1 + r->s->head, msg;

    if (r->s->title)
        r->s->title(r, title, sizeof title);
    else
        snprintf(title, sizeof title, "%s", _(r->s->name));
    ui_frame(r->ui, title, r->s->context);
    if (r->s->draw_head)
        r->s->draw_head(r);
    /* A message too long for the status line takes lines above it for this frame: the page
     * stays as loaded (ui_run_limit), the list shows the part of it that holds the selection. */
    msg = ui_message_lines(r->ui);
    if (r->s->flags & UI_TEXT) {
        for (int i = 0; y + i < LINES - 2 - msg && r->top + i < r->rows.n; i++)
            ui_put(y + i, 0, r->rows.row[r->top + i].cells[0], COLS, 0);
        move(y, 0);             /* a screen reader reads from the first line shown */
    } else {
        /* ui_list_draw leaves the cursor on the selected row, where a screen reader or a
         * braille display follows it. */
        ui_list_draw(&r->list, y, ui_run_limit(r) + 1 - msg);
        if (r->s->flags & UI_MENU) {    /* rows under no header */
            int cy, cx;
            getyx(stdscr, cy, cx);
            ui_put(y, 0, "", COLS, 0);
            move(cy, cx);
        }
    }
    ui_show(r->ui);
}

/* A text screen scrolls by line and by page; at the last page Down does nothing. */
static int scroll_text(struct ui_run *r, struct ui_key k)
{
    int height = LINES - 3 - r->s->head, last = r->rows.n - height;
    if (!k.is_code)
        return 0;
    if (last < 0)
        last = 0;
    switch (k.ch) {
    case KEY_DOWN:
        r->top++;
        break;
    case KEY_UP:
        r->top--;
        break;
    case KEY_NPAGE:
        r->top += height;
        break;
    case KEY_PPAGE:
        r->top -= height;
        break;
    case KEY_HOME:
        r->top = 0;
        break;
    case KEY_END:
        r->top = last;
        break;
    case KEY_RESIZE:
        break;
    default:
        return 0;
    }
    if (r->top > last)
        r->top = last;
    if (r->top < 0)
        r->top = 0;
    return 1;
}

/* The loop's own meaning of a key the screen passed on. */
static enum ui_result by_default(struct ui_run *r, enum ui_action a)
{
    switch (a) {
    case UA_BACK:
    case UA_QUIT:
        return UR_LEAVE;
    case UA_HELP:
        if (r->s->help)
            r->s->help(r);
        else
            ui_help_run(r->ui, r->s->context, r->s->intro);
        return UR_STAY;
    default:
        return UR_STAY;
    }
}

/* Moving through the rows or the lines: 1 when the key was a movement key. */
static int move_key(struct ui_run *r, struct ui_key k)
{
    struct dpf_err err = { .code = DPF_OK };
    if (r->s->flags & UI_TEXT)
        return scroll_text(r, k);
    if (!ui_list_key(&r->list, k, &err))
        return 0;
    if (err.code != DPF_OK)
        ui_set_error(r->ui, err.msg);
    return 1;
}

static void columns(struct ui_run *r)
{
    const struct ui_screen *s = r->s;
    r->list.ncols = s->ncols;
    for (int c = 0; c < s->ncols && c < UI_LIST_COLS; c++) {
        r->list.cols[c].header = s->headers && s->headers[c][0] ? _(s->headers[c]) : "";
        r->list.cols[c].width = s->widths[c];
        r->list.cols[c].right = s->right ? s->right[c] : 0;
    }
}

void ui_run(struct ui *ui, const struct ui_screen *s, void *ctx)
{
    struct ui_run r = { .ui = ui, .s = s, .ctx = ctx };

    ui_rows_init(&r.rows, s->flags & UI_TEXT ? 1 : s->ncols);
    r.list.fetch = s->fetch ? s->fetch : ui_rows_fetch;
    r.list.ctx = s->fetch ? ctx : &r.rows;
    r.list.empty = _(s->empty ? s->empty : N_("(no records)"));
    columns(&r);
    reload(&r, 1);
    for (;;) {
        enum ui_result res = UR_PASS;
        enum ui_action a;
        struct ui_key k;

        if (!ui_too_small())
            draw(&r);
        k = ui_read_key(ui);
        /* A key no action names moves first; what is left (typing) goes to the screen. */
        a = ui_action(ui, s->context, k);
        if (a == UA_NONE && move_key(&r, k))
            res = UR_STAY;
        else if (s->act)
            res = s->act(&r, a, k);
        if (res == UR_PASS)
            res = by_default(&r, a);
        if (res == UR_LEAVE)
            break;
        if (res == UR_RELOAD || res == UR_TOP)
            reload(&r, res == UR_TOP);
    }
    ui_list_clear(&r.list);
    ui_rows_free(&r.rows);
}

/* ---- pages of text and help: screens the loop itself opens ---- */

struct view {
    const char *title;
    char **lines;
    int n;
};

static void view_title(struct ui_run *r, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", ((const struct view *)r->ctx)->title);
}

static void view_load(struct ui_run *r)
{
    const struct view *v = r->ctx;
    for (int i = 0; i < v->n; i++)
        ui_rows_add(&r->rows, 0, 0, (const char *const *)&v->lines[i]);
}

void ui_view_run(struct ui *ui, const char *title, char **lines, int n)
{
    static const struct ui_screen screen = {
        .context = UC_VIEW, .flags = UI_TEXT, .title = view_title, .load = view_load,
    };
    struct view v = { title, lines, n };
    ui_run(ui, &screen, &v);
}

void ui_lines_run(struct ui *ui, const char *title, const struct ui_lines *ls)
{
    if (ls->failed)
        ui_refuse(ui, "%s", _("Out of memory"));
    ui_view_run(ui, title, ls->v, ls->n);
}

void ui_help_run(struct ui *ui, unsigned context, const char *const *intro)
{
    char keys[UI_KEY_LABELS][UI_HELP_LINE];
    struct ui_lines ls = { 0 };
    int nkeys;

    for (; intro && *intro; intro++)
        ui_lines_wrap(&ls, _(*intro), COLS - 1);
    if (ls.n)
        ui_lines_add(&ls, "");
    nkeys = ui_key_help(context, keys, UI_KEY_LABELS);
    for (int i = 0; i < nkeys; i++)
        ui_lines_add(&ls, keys[i]);
    ui_lines_run(ui, _("Help"), &ls);
    ui_lines_free(&ls);
}
