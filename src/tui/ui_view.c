/* SPDX-License-Identifier: MIT */
/* A page of text lines to scroll through: help and a person's history. */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include "dpf/i18n.h"
#include "ui.h"

void ui_view_run(struct ui *ui, const char *title, char **lines, int n)
{
    int top = 0;
    for (;;) {
        int height = LINES - 3;
        struct ui_key k;
        if (!ui_too_small()) {
            ui_frame(ui, title, UC_VIEW);
            for (int i = 0; i < height && top + i < n; i++)
                ui_put(1 + i, 0, lines[top + i], COLS, 0);
            refresh();
        }
        k = ui_read_key(ui);
        if (ui_key_action(UC_VIEW, k) == UA_BACK)
            return;
        if (!k.is_code)
            continue;
        if (k.ch == KEY_DOWN && top + height < n)
            top++;
        else if (k.ch == KEY_UP && top > 0)
            top--;
        else if (k.ch == KEY_NPAGE && top + height < n)
            top += height;
        else if (k.ch == KEY_PPAGE)
            top = top > height ? top - height : 0;
        else if (k.ch == KEY_HOME)
            top = 0;
    }
}

/* Splits text into lines of at most width cells (CJK characters are two), breaking after
 * the last space when there is one, so a long definition reads whole on a narrow screen. */
static int wrap(const char *text, int width, char lines[][UI_HELP_LINE], int max)
{
    const char *s = text;
    int n = 0;

    while (*s && n < max) {
        const char *brk = NULL, *p = s;
        int cells = 0;
        mbstate_t st = { 0 };
        while (*p) {
            wchar_t wc;
            size_t len = mbrtowc(&wc, p, MB_CUR_MAX, &st);
            int w;
            if (len == (size_t)-1 || len == (size_t)-2 || len == 0)
                len = 1, wc = L'?';
            w = wcwidth(wc) > 0 ? wcwidth(wc) : 1;
            if (cells + w > width || p - s + (long)len >= UI_HELP_LINE)
                break;
            cells += w;
            p += len;
            if (wc == L' ')
                brk = p;
        }
        if (*p && brk && brk > s)
            p = brk;
        snprintf(lines[n++], UI_HELP_LINE, "%.*s", (int)(p - s), s);
        s = p;
        while (*s == ' ')
            s++;
    }
    return n;
}

void ui_help_run(struct ui *ui, unsigned context, const char *const *intro)
{
    enum { MAX_LINES = 100 };
    char lines[MAX_LINES][UI_HELP_LINE], *ptrs[MAX_LINES];
    int n = 0;

    for (; intro && *intro && n < MAX_LINES - 30; intro++)
        n += wrap(_(*intro), COLS - 1, lines + n, MAX_LINES - 30 - n);
    if (n)
        lines[n++][0] = '\0';
    n += ui_key_help(context, lines + n, MAX_LINES - n);
    for (int i = 0; i < n; i++)
        ptrs[i] = lines[i];
    ui_view_run(ui, _("Help"), ptrs, n);
}
