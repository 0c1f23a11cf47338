/* SPDX-License-Identifier: MIT */
/* A page of text lines to scroll through: help and a person's history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "dpf/i18n.h"
#include "ui.h"

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

void ui_lines_run(struct ui *ui, const char *title, const struct ui_lines *ls)
{
    if (ls->failed)
        ui_set_message(ui, "%s", _("Out of memory"));
    ui_view_run(ui, title, ls->v, ls->n);
}

/* Splits text into lines of at most width cells (CJK characters are two), breaking after
 * the last space when there is one, so a long definition reads whole on a narrow screen. */
static void wrap(const char *text, int width, struct ui_lines *ls)
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

void ui_help_run(struct ui *ui, unsigned context, const char *const *intro)
{
    char keys[UI_KEY_LABELS][UI_HELP_LINE];
    struct ui_lines ls = { 0 };
    int nkeys;

    for (; intro && *intro; intro++)
        wrap(_(*intro), COLS - 1, &ls);
    if (ls.n)
        ui_lines_add(&ls, "");
    nkeys = ui_key_help(context, keys, UI_KEY_LABELS);
    for (int i = 0; i < nkeys; i++)
        ui_lines_add(&ls, keys[i]);
    ui_lines_run(ui, _("Help"), &ls);
    ui_lines_free(&ls);
}
