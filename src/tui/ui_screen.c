/* SPDX-License-Identifier: MIT */
/* The frame every screen shares: title line, status line (database, user, persons, one
 * message), function-key bar (its labels from the key table); reading a key; yes/no
 * questions; the too-small notice. */
#include <stdio.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/text.h"
#include "ui.h"

static int too_small(void)
{
    return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

/* While the notice shows, only the keys that leave pass: Esc (back, and "no" to a question)
 * and F10 (back, or quit on the main menu). Anything else would act on a screen the clerk
 * cannot see (F2 opening a form unseen). */
static int passes_when_small(struct ui_key k)
{
    return k.is_code ? k.ch == (wint_t)KEY_F(10) : k.ch == 27;
}

struct ui_key ui_read_key(struct ui *ui)
{
    struct ui_key k = { 0, 0 };
    int was_small = 0;
    for (;;) {
        int r;
        if (too_small()) {
            ui_too_small();
            was_small = 1;
        }
        r = get_wch(&k.ch);
        k.is_code = r == KEY_CODE_YES;
        if (r == ERR)
            k.ch = 0;
        if (!too_small()) {
            /* Grown back: whatever the key, the screen lays itself out again first. */
            if (was_small) {
                k.is_code = 1;
                k.ch = KEY_RESIZE;
            }
            break;
        }
        if (passes_when_small(k))
            break;
    }
    /* A session lasts hours and crosses midnight: what this key does is dated now, and
     * "not in the future" is judged against today, not the day dpf was started. */
    db_set_now(ui->db);
    return k;
}

int ui_too_small(void)
{
    char msg[200];
    if (!too_small())
        return 0;
    erase();
    snprintf(msg, sizeof msg, _("The terminal is too small: dpf needs at least %dx%d (now %dx%d)."),
             UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
    mvaddstr(0, 0, msg);
    refresh();
    return 1;
}

void ui_count_persons(struct ui *ui)
{
    if (person_count(ui->db, &ui->persons, NULL) != DPF_OK)
        ui->persons = -1;
}

int ui_list_rows(void)
{
    return LINES - 5;
}

static void status_line(struct ui *ui)
{
    char line[512];
    const char *base = strrchr(ui->db_path, '/');

    if (ui->filtered)
        snprintf(line, sizeof line, _("Database %s | user %s | %ld of %ld persons"),
                 base ? base + 1 : ui->db_path, db_user(ui->db), ui->listed, ui->persons);
    else
        snprintf(line, sizeof line, _("Database %s | user %s | %ld persons"),
                 base ? base + 1 : ui->db_path, db_user(ui->db), ui->persons);
    ui_put(LINES - 2, 0, line, COLS, A_REVERSE);
    if (ui->message[0]) {
        int w = text_width(line) + 2;
        ui_put(LINES - 2, w, ui->message, COLS - w, A_REVERSE | A_BOLD);
        ui->message[0] = '\0';
    }
}

/* The function-key bar on the bottom line: the screen's labelled keys in table order, as
 * many as fit. */
static void key_bar(unsigned context)
{
    struct ui_key_label k[UI_KEY_LABELS];
    int n = ui_key_labels(context, k, UI_KEY_LABELS), x = 0;

    move(LINES - 1, 0);
    clrtoeol();
    for (int i = 0; i < n; i++) {
        int w = text_width(k[i].name) + text_width(k[i].label) + 1;
        if (x + w > COLS)
            break;
        attron(A_BOLD);
        mvaddstr(LINES - 1, x, k[i].name);
        attroff(A_BOLD);
        ui_put(LINES - 1, x + text_width(k[i].name), k[i].label, text_width(k[i].label),
               A_REVERSE);
        x += w;
    }
}

void ui_frame(struct ui *ui, const char *title, unsigned context)
{
    char line[256];
    erase();
    snprintf(line, sizeof line, "dpf  %s", title);
    ui_put(0, 0, line, COLS, A_REVERSE | A_BOLD);
    status_line(ui);
    key_bar(context);
}

int ui_confirm(struct ui *ui, const char *question)
{
    char line[512];
    struct ui_key k;
    snprintf(line, sizeof line, "%s %s", question, _("(Y = yes, N = no)"));
    for (;;) {
        ui_put(LINES - 2, 0, line, COLS, A_REVERSE | A_BOLD);
        refresh();
        k = ui_read_key(ui);
        if (!k.is_code && (k.ch == L'y' || k.ch == L'Y'))
            return 1;
        if (!k.is_code && (k.ch == L'n' || k.ch == L'N' || k.ch == 27))
            return 0;
    }
}
