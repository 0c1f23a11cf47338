/* SPDX-License-Identifier: MIT */
/* The frame every screen shares: title line, status line (database, user, persons, one
 * message), function-key bar (its labels from the key table); reading a key; yes/no
 * questions; the too-small notice. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/text.h"
#include "dpf/textwrap.h"
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

/* The status line's own part: the database, the user, the persons. */
/* The database, the user and the persons: of the list on screen when it is narrowed by a
 * search or filter ("1/301"), else the register's. */
static void base_line(const struct ui *ui, char *line, size_t cap)
{
    const char *base = strrchr(ui->db_path, '/');
    if (ui->filtered)
        snprintf(line, cap, _("Database %s | user %s | %ld of %ld persons"),
                 base ? base + 1 : ui->db_path, db_user(ui->db), ui->listed, ui->persons);
    else
        snprintf(line, cap, _("Database %s | user %s | %ld persons"),
                 base ? base + 1 : ui->db_path, db_user(ui->db), ui->persons);
}

/* The status line; its message moves to ui->shown. One that fits after the database, user
 * and count is drawn there and done; a longer one is drawn there cut (for a screen that
 * ends its frame with refresh alone) and whole by ui_show. */
static void status_line(struct ui *ui)
{
    char line[512];
    int w;

    base_line(ui, line, sizeof line);
    ui_put(LINES - 2, 0, line, COLS, A_REVERSE);
    snprintf(ui->shown, sizeof ui->shown, "%s", ui->message);
    ui->message[0] = '\0';
    w = text_width(line) + 2;
    if (ui->shown[0])
        ui_put(LINES - 2, w, ui->shown, COLS - w, A_REVERSE | A_BOLD);
    if (text_width(ui->shown) <= COLS - w)
        ui->shown[0] = '\0';
}

/* At most this many lines of the screen: the title and one line of the screen stay. */
static int area_max(void)
{
    return LINES - 4 > 1 ? LINES - 4 : 1;
}

int ui_message_lines(const struct ui *ui)
{
    int n = ui->shown[0] ? text_wrap_count(ui->shown, COLS) : 0;
    return n < area_max() ? n : area_max();
}

/* Text wrapped whole into the lines that end just above line `last`, in attr. */
static void put_wrapped(const char *text, int last, attr_t attr)
{
    int n = text_wrap_count(text, COLS), y;
    char line[512];

    if (n > area_max())
        n = area_max();
    y = last - n;
    for (const char *s = text_wrap_skip(text); *s && y < last; y++) {
        size_t len = text_wrap_line(s, COLS);
        snprintf(line, sizeof line, "%.*s", (int)len, s);
        ui_put(y, 0, line, COLS, attr);
        s = text_wrap_skip(s + len);
    }
}

void ui_show(struct ui *ui)
{
    int x, y;
    char line[512];
    getyx(stdscr, y, x);        /* the edit point a form left: the cursor goes back there */
    if (ui->shown[0]) {
        base_line(ui, line, sizeof line);
        ui_put(LINES - 2, 0, line, COLS, A_REVERSE);
        put_wrapped(ui->shown, LINES - 2, A_REVERSE | A_BOLD);
    }
    move(y, x);
    refresh();
}

/* A message while work goes on, with no key pressed: drawn on the status line over the screen
 * as it is, the cursor left where it was (a screen reader stays on the focus), and not kept
 * for the next frame. */
void ui_notice(struct ui *ui, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->shown, sizeof ui->shown, fmt, ap);
    va_end(ap);
    ui_show(ui);
}

/* One key of the bar at column x: its name bold, its label reversed. */
static void put_key(const struct ui_key_label *k, int x)
{
    attron(A_BOLD);
    mvaddstr(LINES - 1, x, k->name);
    attroff(A_BOLD);
    ui_put(LINES - 1, x + text_width(k->name), k->label, text_width(k->label), A_REVERSE);
}

/* The function-key bar on the bottom line: the screen's labelled keys in table order, as
 * many as fit; when some must go (English at 80 columns), the last (Esc Back, the way out)
 * is kept at the end. */
static void key_bar(unsigned context)
{
    struct ui_key_label k[UI_KEY_LABELS];
    int n = ui_key_labels(context, k, UI_KEY_LABELS), x = 0, w[UI_KEY_LABELS] = { 0 }, total = 0;
    int room = COLS;

    move(LINES - 1, 0);
    clrtoeol();
    for (int i = 0; i < n; i++)
        total += w[i] = text_width(k[i].name) + text_width(k[i].label) + 1;
    if (total > COLS && n > 1)
        room -= w[--n];
    for (int i = 0; i < n && x + w[i] <= room; i++) {
        put_key(&k[i], x);
        x += w[i];
    }
    if (room < COLS && x + w[n] <= COLS)
        put_key(&k[n], x);
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
        /* A long question is read whole: wrapped into the lines that end at the status line. */
        /* The cursor after the question, where a screen reader reads it. */
        if (text_width(line) <= COLS) {
            ui_put(LINES - 2, 0, line, COLS, A_REVERSE | A_BOLD);
            move(LINES - 2, text_width(line) < COLS ? text_width(line) : COLS - 1);
        } else {
            put_wrapped(line, LINES - 1, A_REVERSE | A_BOLD);
            move(LINES - 2, COLS - 1);
        }
        refresh();
        k = ui_read_key(ui);
        if (!k.is_code && (k.ch == L'y' || k.ch == L'Y'))
            return 1;
        if (!k.is_code && (k.ch == L'n' || k.ch == L'N' || k.ch == 27))
            return 0;
    }
}
