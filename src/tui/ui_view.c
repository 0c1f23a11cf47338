/* SPDX-License-Identifier: MIT */
/* A page of text lines to scroll through: help and a person's history. */
#include <stdio.h>
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
        k = ui_read_key();
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

void ui_help_run(struct ui *ui, unsigned context, const char *const *intro)
{
    char lines[40][UI_HELP_LINE], *ptrs[40];
    int n = 0;

    for (; intro && *intro && n < 30; intro++)
        snprintf(lines[n++], sizeof lines[0], "%s", _(*intro));
    if (n)
        lines[n++][0] = '\0';
    n += ui_key_help(context, lines + n, 40 - n);
    for (int i = 0; i < n; i++)
        ptrs[i] = lines[i];
    ui_view_run(ui, _("Help"), ptrs, n);
}
