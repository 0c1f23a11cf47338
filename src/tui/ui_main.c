/* SPDX-License-Identifier: MIT */
/* Starting and stopping curses, and the main screen: the district, and a menu of the
 * modules that have screens. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/export.h"
#include "dpf/i18n.h"
#include "tui.h"
#include "ui.h"

struct module {
    const char *label;          /* an English msgid */
    int (*run)(struct ui *ui);
};

static const struct module modules[] = {
    { N_("Register: certified disabled persons"), ui_person_list },
    { N_("Subsidies: the monthly review and the payment roster"), ui_review },
    { N_("Subsidy programmes and their rules"), ui_programmes },
    { N_("Rehabilitation: service rates, institutions, projects"), ui_rehab },
    { N_("Accident insurance: policies, the insured roster, claims"), ui_insurance },
    { N_("Reports: the year-end and half-year tables, exported as .xlsx"), ui_report },
    { N_("Places: townships and villages with their codes"), ui_places },
};
#define NMODULES (int)(sizeof modules / sizeof modules[0])

/* The locale the clerk's terminal was started with, before dpf chose its own. */
static int terminal_is_utf8(void)
{
    const char *names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(names[i]);
        if (v && *v)
            return strcasestr(v, "utf-8") || strcasestr(v, "utf8");
    }
    return 0;
}

/* The menu: one row per module, under the district. */
struct menu {
    char district[128];
};

static void draw_head(struct ui_run *r)
{
    const struct menu *m = r->ctx;
    char line[256];

    snprintf(line, sizeof line, _("District: %s"), m->district);
    ui_put(2, 2, line, COLS - 4, A_BOLD);
}

static void load(struct ui_run *r)
{
    for (int i = 0; i < NMODULES; i++) {
        char line[256];
        const char *cells[] = { "", line };
        snprintf(line, sizeof line, "%d. %s", i + 1, _(modules[i].label));
        if (ui_rows_add(&r->rows, i, 0, cells) != DPF_OK)
            return;
    }
}

/* Enter opens the selected module, a digit the module of that number. */
static enum ui_result act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    const struct ui_rows_row *row = ui_run_row(r);

    if (a == UA_OPEN && row)
        modules[row->id].run(r->ui);
    else if (!k.is_code && k.ch >= L'1' && k.ch < (wint_t)(L'1' + NMODULES))
        modules[k.ch - L'1'].run(r->ui);
    else
        return UR_PASS;
    return UR_STAY;
}

static void main_menu(struct ui *ui)
{
    /* The rows sit where the menu's lines always were: from line 4, at column 4 (after the
     * list's margin for the selection's mark). */
    static const int widths[] = { 2, 74 };
    static const struct ui_screen screen = {
        .context = UC_MAIN, .flags = UI_MENU, .ncols = 2, .widths = widths, .head = 2,
        .name = N_("Main menu"), .draw_head = draw_head, .load = load, .act = act,
    };
    struct menu m;

    db_setting(ui->db, "district_name", m.district, sizeof m.district);
    ui_run(ui, &screen, &m);
}

/* A long export's rows so far, on the status line while it runs (no key pressed). */
static void export_progress(void *ctx, long rows)
{
    ui_notice(ctx, _("Exporting: %ld rows written"), rows);
}

int tui_run(struct db *db, const char *db_path)
{
    struct ui ui = { .db = db, .db_path = db_path };
    const char *plain;

    if (!terminal_is_utf8()) {
        /* Not translated: Chinese would not show on this terminal. */
        fprintf(stderr, "dpf: the terminal is not UTF-8 (LANG=%s). Start dpf with "
                        "LANG=C.UTF-8 or zh_CN.UTF-8, or use the commands (dpf --help).\n",
                getenv("LANG") ? getenv("LANG") : "");
        return 1;
    }
    /* Plain screens for a screen reader or braille display: set per clerk (--plain, or
     * DPF_PLAIN=1 in the login's profile), not in the database the office shares. */
    plain = getenv("DPF_PLAIN");
    ui_plain = plain && *plain && strcmp(plain, "0") != 0;
    if (!initscr())
        return 1;
    set_escdelay(25);       /* Esc is a key here, not the start of a sequence to wait for */
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(1);            /* the cursor shows the focus: screen readers follow it */
    ui_count_persons(&ui);
    export_on_progress(export_progress, &ui, EXPORT_PROGRESS_ROWS);
    main_menu(&ui);
    export_on_progress(NULL, NULL, 0);
    endwin();
    return 0;
}
