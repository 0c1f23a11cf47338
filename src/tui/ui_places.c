/* SPDX-License-Identifier: MIT */
/* The place list as a form's run-time choices (struct ui_form.choices): the townships for a
 * township line, the villages of the township typed above for a village line, in code
 * order, so the picker offers the official names and type-to-narrow finds one. */
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/place.h"
#include "ui.h"

static int add(const char *name, const char *code, void *ctx)
{
    (void)code;
    return ui_lines_add(ctx, name) != DPF_OK;
}

int ui_place_choices(struct ui *ui, const struct field *fd, const struct ui_form *f,
                     struct ui_lines *out)
{
    char township[UI_EDIT_MAX * 4 + 1] = "";
    struct dpf_err err;
    int line, rc;

    if (strcmp(fd->key, "township") == 0) {
        rc = place_names(ui->db, NULL, add, out, &err);
    } else if (strcmp(fd->key, "village") == 0) {
        if ((line = ui_form_line(f, "township")) >= 0)
            ui_form_text(f, line, township, sizeof township);
        if (!township[0]) {
            ui_set_message(ui, "%s", _("Choose the township first: its villages are listed"));
            return 0;
        }
        rc = place_names(ui->db, township, add, out, &err);
    } else {
        return 0;
    }
    if (rc != DPF_OK)
        ui_set_message(ui, "%s", err.msg);
    return out->n;
}
