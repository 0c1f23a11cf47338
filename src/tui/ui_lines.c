/* SPDX-License-Identifier: MIT */
/* Text lines gathered for a page of text (help, a person's history, a claim's steps), in a
 * block that doubles as it fills, and wrapped to the screen's width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "ui.h"

int ui_lines_add(struct ui_lines *ls, const char *text)
{
    char **grown, *copy;
    int cap;

    if (ls->failed)
        return DPF_ENOMEM;
    if (ls->n == ls->cap) {
        cap = ls->cap ? 2 * ls->cap : 64;
        if (cap < ls->cap || !(grown = realloc(ls->v, (size_t)cap * sizeof *grown))) {
            ls->failed = 1;
            return DPF_ENOMEM;
        }
        ls->v = grown;
        ls->cap = cap;
    }
    if (!(copy = strdup(text))) {
        ls->failed = 1;
        return DPF_ENOMEM;
    }
    ls->v[ls->n++] = copy;
    return DPF_OK;
}

void ui_lines_free(struct ui_lines *ls)
{
    for (int i = 0; i < ls->n; i++)
        free(ls->v[i]);
    free(ls->v);
    memset(ls, 0, sizeof *ls);
}

/* Splits text into lines of at most width cells (CJK characters are two), breaking after
 * the last space when there is one, so a long definition reads whole on a narrow screen. */
void ui_lines_wrap(struct ui_lines *ls, const char *text, int width)
{
    const char *s = text;
    char line[UI_HELP_LINE];

    while (*s) {
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
        snprintf(line, sizeof line, "%.*s", (int)(p - s), s);
        ui_lines_add(ls, line);
        s = p;
        while (*s == ' ')
            s++;
    }
}
