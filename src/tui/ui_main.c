/* SPDX-License-Identifier: MIT */
/* Starting and stopping curses, and the main screen: the district, and a menu of the
 * modules that have screens. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static void draw_main(struct ui *ui, const char *district, int sel)
{
    char line[256];

    ui_frame(ui, _("Main menu"), UC_MAIN);
    snprintf(line, sizeof line, _("District: %s"), district);
    ui_put(2, 2, line, COLS - 4, A_BOLD);
    for (int i = 0; i < NMODULES; i++) {
        snprintf(line, sizeof line, "%d. %s", i + 1, _(modules[i].label));
        ui_put(4 + i, 4, line, COLS - 8, i == sel ? A_REVERSE : 0);
    }
    refresh();
}

static void main_loop(struct ui *ui)
{
    char district[128];
    int sel = 0;

    db_setting(ui->db, "district_name", district, sizeof district);
    for (;;) {
        struct ui_key k;
        if (!ui_too_small())
            draw_main(ui, district, sel);
        k = ui_read_key(ui);
        switch (ui_key_action(UC_MAIN, k)) {
        case UA_QUIT:
            return;
        case UA_HELP:
            ui_help_run(ui, UC_MAIN, NULL);
            continue;
        case UA_OPEN:
            modules[sel].run(ui);
            continue;
        default:
            break;
        }
        if (k.is_code && k.ch == KEY_DOWN && sel + 1 < NMODULES)
            sel++;
        else if (k.is_code && k.ch == KEY_UP && sel > 0)
            sel--;
        else if (!k.is_code && k.ch >= L'1' && k.ch < (wint_t)(L'1' + NMODULES))
            modules[k.ch - L'1'].run(ui);
    }
}

int tui_run(struct db *db, const char *db_path)
{
    struct ui ui = { .db = db, .db_path = db_path };

    if (!terminal_is_utf8()) {
        /* Not translated: Chinese would not show on this terminal. */
        fprintf(stderr, "dpf: the terminal is not UTF-8 (LANG=%s). Start dpf with "
                        "LANG=C.UTF-8 or zh_CN.UTF-8, or use the commands (dpf --help).\n",
                getenv("LANG") ? getenv("LANG") : "");
        return 1;
    }
    if (!initscr())
        return 1;
    set_escdelay(25);       /* Esc is a key here, not the start of a sequence to wait for */
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    ui_count_persons(&ui);
    main_loop(&ui);
    endwin();
    return 0;
}
