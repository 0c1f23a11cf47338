/* SPDX-License-Identifier: MIT */
/* Keys bound to actions, per screen, in one table: the dispatch, the function-key bar and
 * the help screen all read it, so a key is named in one place. Nothing here draws: the
 * frame (ui_screen.c) draws the bar from ui_key_labels. */
#include <stdio.h>
#include "dpf/i18n.h"
#include "dpf/access.h"
#include "dpf/text.h"
#include "ui.h"

struct binding {
    unsigned contexts;
    enum ui_action action;
    int code;                   /* a KEY_* code, or 0 for a character */
    wint_t ch;
    const char *name;           /* the key as printed on the bar */
    const char *label;          /* an English msgid; NULL = not on the bar */
};

#define ESC 27
static const struct binding bindings[] = {
    { UC_MAIN | UC_LIST | UC_FORM | UC_REVIEW | UC_ENROL | UC_PROGS | UC_RULES | UC_REHAB |
      UC_RLIST | UC_RPERSON | UC_IPOL | UC_CLAIMS | UC_REPORT | UC_FIGURES | UC_PLACES, UA_HELP, KEY_F(1),
      0, "F1", N_("Help") },
    { UC_REPORT, UA_EXPORT, KEY_F(3), 0, "F3", N_("Export") },
    { UC_REPORT, UA_YEAR, KEY_F(5), 0, "F5", N_("Year") },
    { UC_REPORT, UA_PERIOD, KEY_F(6), 0, "F6", N_("Period") },
    { UC_REPORT, UA_PROJECTS, KEY_F(8), 0, "F8", N_("Targets") },
    { UC_LIST, UA_NEW, KEY_F(2), 0, "F2", N_("New") },
    { UC_FORM, UA_SAVE, KEY_F(2), 0, "F2", N_("Save") },
    { UC_FORM, UA_PICK, KEY_F(4), 0, "F4", N_("List") },
    { UC_FORM, UA_PICK, 0, L' ', "Space", NULL },   /* a line of choices: the list */
    { UC_LIST, UA_EXPORT, KEY_F(3), 0, "F3", N_("Export") },
    { UC_LIST, UA_EDIT, KEY_F(4), 0, "F4", N_("Edit") },
    { UC_LIST, UA_FILTER, KEY_F(5), 0, "F5", N_("Filter") },
    { UC_LIST, UA_STATUS, KEY_F(6), 0, "F6", N_("Status") },
    { UC_LIST, UA_HISTORY, KEY_F(7), 0, "F7", N_("History") },
    { UC_LIST, UA_SUBSIDY, KEY_F(8), 0, "F8", N_("Subsidies") },
    { UC_LIST, UA_REHAB, KEY_F(9), 0, "F9", N_("Rehab") },
    { UC_LIST, UA_INSURANCE, KEY_F(11), 0, "F11", N_("Insurance") },
    { UC_IPOL, UA_NEW, KEY_F(2), 0, "F2", N_("New") },
    { UC_IPOL, UA_EXPORT, KEY_F(3), 0, "F3", N_("Roster") },
    { UC_IPOL, UA_EDIT, KEY_F(4), 0, "F4", N_("Edit") },
    { UC_IPOL, UA_EDIT, 0, L'\n', "Enter", NULL },
    { UC_IPOL, UA_BUILD, KEY_F(5), 0, "F5", N_("Build") },
    { UC_IPOL, UA_CONFIRM, KEY_F(6), 0, "F6", N_("Confirm") },
    { UC_IPOL, UA_CLAIMS, KEY_F(7), 0, "F7", N_("Claims") },
    { UC_CLAIMS, UA_NEW, KEY_F(2), 0, "F2", N_("Report") },
    { UC_CLAIMS, UA_EDIT, KEY_F(3), 0, "F3", N_("Edit") },
    { UC_CLAIMS, UA_EDIT, 0, L'\n', "Enter", NULL },
    { UC_CLAIMS, UA_ADVANCE, KEY_F(4), 0, "F4", N_("Next step") },
    { UC_CLAIMS, UA_FILTER, KEY_F(5), 0, "F5", N_("Status") },
    { UC_CLAIMS, UA_YEAR, KEY_F(6), 0, "F6", N_("Year") },
    { UC_CLAIMS, UA_STEPS, KEY_F(7), 0, "F7", N_("Steps") },
    { UC_IPOL | UC_CLAIMS, UA_FIGURES, KEY_F(8), 0, "F8", N_("Figures") },
    { UC_REHAB | UC_RLIST, UA_YEAR, KEY_F(5), 0, "F5", N_("Year") },
    { UC_REHAB, UA_INSTITUTIONS, KEY_F(7), 0, "F7", N_("Institutions") },
    { UC_REHAB, UA_PROJECTS, KEY_F(8), 0, "F8", N_("Projects") },
    { UC_RLIST | UC_PLACES, UA_NEW, KEY_F(2), 0, "F2", N_("New") },
    { UC_RLIST | UC_REHAB, UA_EXPORT, KEY_F(3), 0, "F3", N_("Export") },
    { UC_RLIST | UC_PLACES, UA_EDIT, KEY_F(4), 0, "F4", N_("Edit") },
    { UC_RLIST | UC_RPERSON | UC_PLACES, UA_EDIT, 0, L'\n', "Enter", NULL },
    { UC_RPERSON, UA_ASSESS, KEY_F(2), 0, "F2", N_("Assess") },
    { UC_RPERSON, UA_AGREE, KEY_F(3), 0, "F3", N_("Agreement") },
    { UC_RPERSON, UA_SERVE, KEY_F(4), 0, "F4", N_("Service") },
    { UC_RPERSON, UA_RESCUE, KEY_F(5), 0, "F5", N_("Rescue") },
    { UC_RLIST | UC_RPERSON, UA_DELETE, KEY_F(6), 0, "F6", N_("Delete") },
    { UC_REVIEW, UA_APPLY, KEY_F(2), 0, "F2", N_("Apply") },
    { UC_REVIEW, UA_EXPORT, KEY_F(3), 0, "F3", N_("Export") },
    { UC_REVIEW, UA_ADVANCE, KEY_F(4), 0, "F4", N_("Next step") },
    { UC_REVIEW, UA_MONTH, KEY_F(5), 0, "F5", N_("Month") },
    { UC_REVIEW, UA_CONFIRM, KEY_F(6), 0, "F6", N_("Stop") },
    { UC_REVIEW, UA_CONFIRM_ALL, KEY_F(7), 0, "F7", N_("Stop all") },
    { UC_REVIEW, UA_PROGRAMMES, KEY_F(8), 0, "F8", N_("Programmes") },
    { UC_REVIEW, UA_APPROVE, KEY_F(9), 0, "F9", N_("Approve") },
    { UC_REVIEW, UA_NEXT_SECTION, 0, L'\t', "Tab", NULL },
    { UC_REVIEW, UA_NEXT_SECTION, KEY_RIGHT, 0, "Right", NULL },
    { UC_REVIEW, UA_PREV_SECTION, KEY_BTAB, 0, "S-Tab", NULL },
    { UC_REVIEW, UA_PREV_SECTION, KEY_LEFT, 0, "Left", NULL },
    { UC_ENROL, UA_APPLY, KEY_F(2), 0, "F2", N_("Apply") },
    { UC_ENROL, UA_ADVANCE, KEY_F(4), 0, "F4", N_("Next step") },
    { UC_ENROL, UA_STOP, KEY_F(6), 0, "F6", N_("Stop") },
    { UC_ENROL, UA_REFUSE, KEY_F(7), 0, "F7", N_("Refuse") },
    { UC_PROGS, UA_OPEN, 0, L'\n', "Enter", N_("Rules") },
    { UC_PROGS, UA_EDIT, KEY_F(4), 0, "F4", N_("Edit") },
    { UC_RULES, UA_NEW, KEY_F(2), 0, "F2", N_("New rule") },
    { UC_RULES, UA_EDIT, KEY_F(4), 0, "F4", N_("Edit") },
    { UC_RULES, UA_EDIT, 0, L'\n', "Enter", NULL },
    { UC_MAIN, UA_OPEN, 0, L'\n', "Enter", N_("Open") },
    { UC_LIST, UA_EDIT, 0, L'\n', "Enter", NULL },
    { UC_MAIN, UA_OPEN, KEY_ENTER, 0, "Enter", NULL },
    { UC_FORM, UA_NEXT_FIELD, 0, L'\t', "Tab", N_("Next") },
    { UC_FORM, UA_NEXT_FIELD, 0, L'\n', "Enter", NULL },
    { UC_FORM, UA_NEXT_FIELD, KEY_DOWN, 0, "Down", NULL },
    { UC_FORM, UA_PREV_FIELD, KEY_BTAB, 0, "S-Tab", N_("Previous") },
    { UC_FORM, UA_PREV_FIELD, KEY_UP, 0, "Up", NULL },
    { UC_LIST | UC_FORM | UC_VIEW | UC_ENROL | UC_PROGS | UC_RULES | UC_REHAB | UC_RLIST |
      UC_RPERSON | UC_IPOL | UC_CLAIMS | UC_REPORT | UC_FIGURES | UC_PLACES, UA_BACK, 0, ESC, "Esc",
      N_("Back") },
    { UC_REVIEW, UA_BACK, 0, ESC, "Esc", NULL },
    { UC_VIEW | UC_LIST | UC_REVIEW | UC_ENROL | UC_PROGS | UC_RULES | UC_REHAB | UC_RLIST |
      UC_RPERSON | UC_IPOL | UC_CLAIMS | UC_REPORT | UC_FIGURES | UC_PLACES, UA_BACK, KEY_F(10), 0,
      "F10", NULL },
    { UC_MAIN, UA_QUIT, KEY_F(10), 0, "F10", N_("Quit") },
};
#define NBINDINGS (int)(sizeof bindings / sizeof bindings[0])

/* What changing data on each screen needs (every user may read and move around). */
static const struct {
    unsigned contexts;
    enum ui_action action;
    enum cap cap;
} needs[] = {
    { UC_LIST, UA_NEW, CAP_REGISTER }, { UC_LIST, UA_EDIT, CAP_REGISTER },
    { UC_LIST, UA_STATUS, CAP_REGISTER },
    { UC_RPERSON, UA_ASSESS, CAP_REGISTER }, { UC_RPERSON, UA_AGREE, CAP_REGISTER },
    { UC_RPERSON, UA_SERVE, CAP_REGISTER }, { UC_RPERSON, UA_RESCUE, CAP_REGISTER },
    { UC_RPERSON, UA_EDIT, CAP_REGISTER }, { UC_RPERSON, UA_DELETE, CAP_REGISTER },
    { UC_CLAIMS, UA_NEW, CAP_REGISTER }, { UC_CLAIMS, UA_EDIT, CAP_REGISTER },
    { UC_CLAIMS, UA_ADVANCE, CAP_REGISTER },
    { UC_REVIEW | UC_ENROL, UA_APPLY, CAP_REVIEW }, { UC_REVIEW | UC_ENROL, UA_ADVANCE, CAP_REVIEW },
    { UC_REVIEW, UA_CONFIRM, CAP_REVIEW }, { UC_REVIEW, UA_CONFIRM_ALL, CAP_REVIEW },
    { UC_REVIEW, UA_APPROVE, CAP_REVIEW }, { UC_REVIEW, UA_EXPORT, CAP_REVIEW },
    { UC_ENROL, UA_REFUSE, CAP_REVIEW }, { UC_ENROL, UA_STOP, CAP_REVIEW },
    { UC_PROGS | UC_RULES, UA_NEW, CAP_MANAGE }, { UC_PROGS | UC_RULES, UA_EDIT, CAP_MANAGE },
    { UC_RLIST | UC_PLACES, UA_NEW, CAP_MANAGE }, { UC_RLIST | UC_PLACES, UA_EDIT, CAP_MANAGE },
    { UC_RLIST, UA_DELETE, CAP_MANAGE },
    { UC_IPOL, UA_NEW, CAP_MANAGE }, { UC_IPOL, UA_EDIT, CAP_MANAGE },
    { UC_IPOL, UA_BUILD, CAP_MANAGE }, { UC_IPOL, UA_CONFIRM, CAP_MANAGE },
    { UC_REPORT, UA_EXPORT, CAP_MANAGE },
};

enum ui_action ui_action(struct ui *ui, unsigned context, struct ui_key k)
{
    enum ui_action a = ui_key_action(context, k);
    struct dpf_err err;
    for (size_t i = 0; i < sizeof needs / sizeof needs[0]; i++)
        if ((needs[i].contexts & context) && needs[i].action == a &&
            access_check(ui->db, needs[i].cap, &err) != DPF_OK) {
            ui_set_error(ui, err.msg);
            return UA_NONE;
        }
    return a;
}

enum ui_action ui_key_action(unsigned context, struct ui_key k)
{
    for (int i = 0; i < NBINDINGS; i++) {
        const struct binding *b = &bindings[i];
        if (!(b->contexts & context))
            continue;
        if (k.is_code ? b->code == (int)k.ch : (!b->code && b->ch == k.ch))
            return b->action;
    }
    return UA_NONE;
}

int ui_key_labels(unsigned context, struct ui_key_label *out, int max)
{
    int n = 0;
    for (int i = 0; i < NBINDINGS && n < max; i++)
        if ((bindings[i].contexts & context) && bindings[i].label) {
            out[n].name = bindings[i].name;
            out[n++].label = _(bindings[i].label);
        }
    return n;
}

int ui_key_help(unsigned context, char lines[][UI_HELP_LINE], int max)
{
    struct ui_key_label k[UI_KEY_LABELS];
    int n = ui_key_labels(context, k, max < UI_KEY_LABELS ? max : UI_KEY_LABELS);
    char name[32];
    for (int i = 0; i < n; i++)
        snprintf(lines[i], UI_HELP_LINE, "  %s %s", text_fit(name, sizeof name, k[i].name, 6, 0),
                 k[i].label);
    return n;
}
