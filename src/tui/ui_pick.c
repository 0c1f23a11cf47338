/* SPDX-License-Identifier: MIT */
/* The picker: a popup list of choices drawn over the screen that opened it (which draws
 * itself again beneath after a resize). Typing narrows the list to the items holding the
 * text; Up, Down and the page keys move; Enter chooses; with multi, Space ticks and Enter
 * takes the ticked set; Esc leaves without a choice. Fits any screen from 80x24 up. */
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/text.h"
#include "dpf/textwrap.h"
#include "ui.h"

struct pick_state {
    struct ui_pick *p;
    struct ui_edit query;
    int *match, nmatch, cur, top;
};

/* The items that hold the query, in their order; the cursor stays on its item if it can. */
static void narrow(struct pick_state *st)
{
    char q[UI_EDIT_MAX * 4 + 1];
    int was = st->nmatch ? st->match[st->cur] : st->p->sel;

    ui_edit_get(&st->query, q, sizeof q);
    st->nmatch = st->cur = 0;
    for (int i = 0; i < st->p->n; i++)
        if (text_has(st->p->items[i], q)) {
            if (i == was)
                st->cur = st->nmatch;
            st->match[st->nmatch++] = i;
        }
}

/* The box: as wide as the longest item needs (and the hint line), within the screen. */
static void box_size(const struct pick_state *st, int *w, int *h)
{
    int want = 44;
    for (int i = 0; i < st->p->n; i++) {
        int iw = text_width(st->p->items[i]) + 8;
        if (iw > want)
            want = iw;
    }
    *w = want < COLS - 4 ? want : COLS - 4;
    *h = st->p->n + 5 < LINES - 4 ? st->p->n + 5 : LINES - 4;
}

static void border_box(int y, int x, int w, int h)
{
    attron(A_BOLD);
    mvaddch(y, x, ACS_ULCORNER);
    mvhline(y, x + 1, ACS_HLINE, w - 2);
    mvaddch(y, x + w - 1, ACS_URCORNER);
    mvvline(y + 1, x, ACS_VLINE, h - 2);
    mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
    mvaddch(y + h - 1, x, ACS_LLCORNER);
    mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
    mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
    attroff(A_BOLD);
}

static void draw(struct ui *ui, struct pick_state *st)
{
    struct ui_pick *p = st->p;
    char line[512], title[256];
    int w, h, x, y, rows;

    p->under(p->ctx);
    box_size(st, &w, &h);
    x = (COLS - w) / 2;
    y = (LINES - 2 - h) / 2;
    rows = h - 5;
    if (st->cur < st->top)
        st->top = st->cur;
    if (st->cur >= st->top + rows)
        st->top = st->cur - rows + 1;
    for (int r = 0; r < h; r++)
        ui_put(y + r, x, "", w, 0);
    if (!ui_plain)              /* plain: no line characters, the blank box stands alone */
        border_box(y, x, w, h);
    snprintf(title, sizeof title, " %s ", p->title);
    ui_put(y, x + 2, title, text_width(title) < w - 4 ? text_width(title) : w - 4, A_BOLD);
    ui_put(y + 1, x + 2, _("Find:"), 6, 0);
    for (int r = 0; r < rows && st->top + r < st->nmatch; r++) {
        int i = st->match[st->top + r];
        snprintf(line, sizeof line, "%s%s", p->multi ? (p->on[i] ? "[x] " : "[ ] ") : "",
                 p->items[i]);
        ui_put(y + 2 + r, x + 1, st->top + r == st->cur ? ">" : " ", 1, 0);
        ui_put(y + 2 + r, x + 2, line, w - 4, st->top + r == st->cur ? A_REVERSE : 0);
    }
    if (st->nmatch == 0)
        ui_put(y + 2, x + 2, _("(nothing matches)"), w - 4, A_DIM);
    ui_put(y + h - 2, x + 2,
           p->multi ? _("Space tick  Enter done  Esc cancel") : _("Enter choose  Esc cancel"),
           w - 4, A_DIM);
    ui_edit_draw(&st->query, y + 1, x + 8, w - 10, 1);
    /* The terminal's cursor on the item Enter would take (where a screen reader reads),
     * else on the notice that nothing matches. */
    if (st->nmatch)
        move(y + 2 + st->cur - st->top, x + 1);
    else
        move(y + 2, x + 2);
    refresh();
    (void)ui;
}

/* Moves the cursor for a movement key; 1 if it was one. */
static int move_key(struct pick_state *st, struct ui_key k)
{
    int page, w;
    if (!k.is_code)
        return 0;
    box_size(st, &w, &page);
    page -= 5;
    switch (k.ch) {
    case KEY_DOWN: st->cur++; break;
    case KEY_UP: st->cur--; break;
    case KEY_NPAGE: st->cur += page; break;
    case KEY_PPAGE: st->cur -= page; break;
    case KEY_HOME: st->cur = 0; break;
    case KEY_END: st->cur = st->nmatch - 1; break;
    default: return 0;
    }
    if (st->cur >= st->nmatch)
        st->cur = st->nmatch - 1;
    if (st->cur < 0)
        st->cur = 0;
    return 1;
}

int ui_pick_run(struct ui *ui, struct ui_pick *p)
{
    struct pick_state st = { .p = p };
    int done = -1;

    if (p->n <= 0 || !(st.match = malloc((size_t)p->n * sizeof *st.match)))
        return 0;
    ui_edit_set(&st.query, "");
    narrow(&st);
    while (done < 0) {
        struct ui_key k;
        if (!ui_too_small())
            draw(ui, &st);
        k = ui_read_key(ui);
        if (move_key(&st, k) || (k.is_code && k.ch == KEY_RESIZE))
            continue;
        if (!k.is_code && k.ch == 27) {
            done = 0;
        } else if ((!k.is_code && (k.ch == L'\n' || k.ch == L'\r')) ||
                   (k.is_code && (k.ch == KEY_ENTER || k.ch == (wint_t)KEY_F(2)))) {
            if (p->multi || st.nmatch) {
                if (!p->multi)
                    p->sel = st.match[st.cur];
                done = 1;
            }
        } else if (p->multi && !k.is_code && k.ch == L' ') {
            if (st.nmatch)
                p->on[st.match[st.cur]] ^= 1;
        } else if (ui_edit_key(&st.query, k) == 1) {
            narrow(&st);
        }
    }
    free(st.match);
    return done;
}
