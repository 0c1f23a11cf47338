/* SPDX-License-Identifier: MIT */
/* The edit line: a buffer of wide characters with the cursor as a character index. What
 * is drawn is counted in display columns (text_wchar_width), so a Chinese character takes
 * two cells and is never split at the edge. */
#include <stdlib.h>
#include <string.h>
#include "dpf/text.h"
#include "ui.h"

void ui_edit_set(struct ui_edit *e, const char *utf8)
{
    mbstate_t st;
    const char *s = utf8 ? utf8 : "";
    size_t n;

    memset(&st, 0, sizeof st);
    n = mbsrtowcs(e->buf, &s, UI_EDIT_MAX, &st);
    e->len = n == (size_t)-1 ? 0 : (int)n;
    e->buf[e->len] = L'\0';
    e->pos = e->len;
}

void ui_edit_get(const struct ui_edit *e, char *out, size_t cap)
{
    mbstate_t st;
    const wchar_t *w = e->buf;
    size_t n;

    memset(&st, 0, sizeof st);
    n = wcsrtombs(out, &w, cap - 1, &st);
    out[n == (size_t)-1 ? 0 : n] = '\0';
}

int ui_edit_key(struct ui_edit *e, struct ui_key k)
{
    int fresh = e->fresh;
    e->fresh = 0;
    if (fresh && !k.is_code && k.ch >= L' ' && k.ch != 127) {
        e->len = e->pos = 0;
        e->buf[0] = L'\0';
    }
    if (k.is_code) {
        switch (k.ch) {
        case KEY_LEFT:
            e->pos -= e->pos > 0;
            return 2;
        case KEY_RIGHT:
            e->pos += e->pos < e->len;
            return 2;
        case KEY_HOME:
            e->pos = 0;
            return 2;
        case KEY_END:
            e->pos = e->len;
            return 2;
        case KEY_BACKSPACE:
            break;
        case KEY_DC:
            if (e->pos == e->len)
                return 2;
            wmemmove(e->buf + e->pos, e->buf + e->pos + 1, (size_t)(e->len - e->pos));
            e->len--;
            return 1;
        default:
            return 0;
        }
    }
    if ((k.is_code && k.ch == KEY_BACKSPACE) || (!k.is_code && (k.ch == 127 || k.ch == 8))) {
        if (e->pos == 0)
            return 2;
        wmemmove(e->buf + e->pos - 1, e->buf + e->pos, (size_t)(e->len - e->pos + 1));
        e->pos--;
        e->len--;
        return 1;
    }
    if (!k.is_code && k.ch == 21) {             /* Ctrl-U clears the line */
        e->len = e->pos = 0;
        e->buf[0] = L'\0';
        return 1;
    }
    if (k.is_code || k.ch < L' ' || k.ch == 127 || e->len == UI_EDIT_MAX)
        return 0;
    wmemmove(e->buf + e->pos + 1, e->buf + e->pos, (size_t)(e->len - e->pos + 1));
    e->buf[e->pos++] = (wchar_t)k.ch;
    e->len++;
    return 1;
}

void ui_edit_draw(const struct ui_edit *e, int y, int x, int width, int focus)
{
    int start = 0, cols = 0, used = 0, i;
    char out[UI_EDIT_MAX * 4 + 1];
    mbstate_t st;
    const wchar_t *w;
    wchar_t vis[UI_EDIT_MAX + 1];
    size_t n;

    /* Scroll so that the cursor (and one cell after it) stays inside the width. */
    for (i = 0; i < e->pos; i++)
        cols += text_wchar_width(e->buf[i]);
    while (cols + 1 > width && start < e->pos)
        cols -= text_wchar_width(e->buf[start++]);
    for (i = start; i < e->len && used + text_wchar_width(e->buf[i]) <= width; i++)
        used += text_wchar_width(e->buf[i]);
    wmemcpy(vis, e->buf + start, (size_t)(i - start));
    vis[i - start] = L'\0';
    w = vis;
    memset(&st, 0, sizeof st);
    n = wcsrtombs(out, &w, sizeof out - 1, &st);
    out[n == (size_t)-1 ? 0 : n] = '\0';
    ui_put(y, x, out, width, focus ? A_UNDERLINE | A_BOLD : A_UNDERLINE);
    if (focus)
        move(y, x + cols);
}
