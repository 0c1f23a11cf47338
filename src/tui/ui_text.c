/* SPDX-License-Identifier: MIT */
/* The bottom of the screens: text put on the terminal (fitted to its cells, made harmless)
 * and the status line's one message. Every other file here draws through these; this file
 * calls nothing else in src/tui, so the key table and the frame can both use it. */
#include <stdarg.h>
#include <stdio.h>
#include "dpf/i18n.h"
#include "dpf/text.h"
#include "ui.h"

/* Every piece of text reaches the screen here, so this is where a control character from
 * the database (an ESC sequence in a reason) is made harmless. */
void ui_put(int y, int x, const char *s, int width, attr_t attr)
{
    char buf[1024], safe[1024];
    if (width <= 0)
        return;
    if (ui_plain)
        attr &= ~(attr_t)A_REVERSE;
    if (attr)
        attron(attr);
    mvaddstr(y, x, text_fit(buf, sizeof buf, text_safe(s ? s : "", safe, sizeof safe), width, 0));
    if (attr)
        attroff(attr);
}

int ui_plain;

void ui_chgat(int y, int x, int n, attr_t attr)
{
    if (ui_plain)
        attr &= ~(attr_t)A_REVERSE;
    mvchgat(y, x, n, attr, 0, NULL);
}

void ui_set_message(struct ui *ui, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->message, sizeof ui->message, fmt, ap);
    va_end(ap);
}

void ui_set_error(struct ui *ui, const char *msg)
{
    ui_set_message(ui, _("Error: %s"), msg);
}

void ui_refuse(struct ui *ui, const char *fmt, ...)
{
    char why[sizeof ui->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    ui_set_error(ui, why);
}
