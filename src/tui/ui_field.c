/* SPDX-License-Identifier: MIT */
/* What a form line accepts, read from its field table entry: the choices a picker offers and
 * the help F1 gives (the rule, the format, the choices). Nothing here draws. */
#include <stdio.h>
#include "dpf/i18n.h"
#include "ui.h"

const char *ui_choice_shown(const struct field *fd, int c)
{
    static char shown[128];
    return field_show_choice(fd, c + 1, shown, sizeof shown);
}

int ui_field_choices(const struct field *fd, struct ui_lines *out)
{
    char item[256], shown[16];
    int n = 0;

    /* in the UI language (field_show): what the line shows once picked */
    switch (fd->type) {
    case FT_FLAG:
        ui_lines_add(out, field_show(fd, "1", 0, shown, sizeof shown));
        ui_lines_add(out, field_show(fd, "0", 0, shown, sizeof shown));
        return 2;
    case FT_CHOICE:
    case FT_CODES:
        for (; fd->choices && fd->choices[n]; n++) {
            snprintf(item, sizeof item, "%d %s", n + 1, ui_choice_shown(fd, n));
            ui_lines_add(out, item);
        }
        return n;
    default:
        return 0;
    }
}

/* The format of a type, one sentence (msgid). */
static const char *format_of(const struct field *fd)
{
    switch (fd->type) {
    case FT_DATE:
        return fd->flags & FF_FUTURE ? N_("A date: YYYY-MM-DD (also YYYY/M/D).")
                                     : N_("A date: YYYY-MM-DD (also YYYY/M/D), not after today.");
    case FT_FLAG:
        return N_("Yes or no: 是 or 否 (also 1/0, Y/N).");
    case FT_CHOICE:
        return N_("One of the choices below: its name or its number.");
    case FT_CODES:
        return N_("Any of the choices below: names or numbers separated by commas (1,2), or 全部.");
    case FT_PHONE:
        return N_("An 11-digit mobile number or a landline such as 0564-3312345.");
    case FT_IDNO:
        return N_("An 18-character resident ID; its check character is verified.");
    case FT_CERT:
        return N_("The 20-character certificate number: the 18-character resident ID, then the "
                  "category digit and the level digit.");
    case FT_DIGITS:
        return N_("Digits only, 8 to 32 of them.");
    case FT_MONEY:
        return N_("An amount in yuan with at most two decimals (60 or 1,500.00).");
    case FT_INT:
        return N_("A whole number from 0 to 99999.");
    case FT_MONTH:
        return N_("A month: YYYY-MM (also YYYY/M, YYYYMM, YYYY年M月).");
    default:
        return NULL;
    }
}

void ui_field_help(const struct field *fd, int has_runtime, struct ui_lines *out, int width)
{
    char line[UI_HELP_LINE];
    const char *fmt = format_of(fd);
    struct ui_lines ch = { 0 };

    snprintf(line, sizeof line, "%s", _(fd->label));
    ui_lines_add(out, line);
    if (fd->flags & FF_DERIVED)
        ui_lines_wrap(out, _("May be left empty: filled from the certificate number when "
                             "it is typed."), width);
    else
        ui_lines_wrap(out, fd->flags & FF_REQUIRED ? _("Required.") : _("May be left empty."),
                      width);
    if (fmt)
        ui_lines_wrap(out, _(fmt), width);
    if (fd->type == FT_TEXT) {
        snprintf(line, sizeof line, _("Text of at most %d characters."), fd->maxlen);
        ui_lines_wrap(out, line, width);
    }
    if (fd->flags & FF_SENSITIVE)
        ui_lines_wrap(out, _("Shown masked in lists and exports."), width);
    if (ui_field_choices(fd, &ch) > 0) {
        ui_lines_add(out, "");
        ui_lines_add(out, _("Choices:"));
        for (int i = 0; i < ch.n; i++) {
            snprintf(line, sizeof line, "  %s", ch.v[i]);
            ui_lines_add(out, line);
        }
    }
    ui_lines_free(&ch);
    if (has_runtime || fd->type == FT_CHOICE || fd->type == FT_CODES || fd->type == FT_FLAG) {
        ui_lines_add(out, "");
        ui_lines_wrap(out, fd->type == FT_CODES
                               ? _("F4 or Space opens the list: Space ticks an item, Enter "
                                   "takes the ticked ones. Typing narrows the list.")
                           : has_runtime
                               ? _("F4 opens the list of known names; typing narrows it, "
                                   "Enter takes the one selected.")
                               : _("F4 or Space opens the list; typing narrows it, Enter "
                                   "takes the one selected."),
                      width);
    }
}
