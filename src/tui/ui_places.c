/* SPDX-License-Identifier: MIT */
/* The place list: its screen, where the manager keeps the townships and villages, and the
 * list as a form's run-time choices (struct ui_form.choices): the townships for a
 * township line, the villages of the township typed above for a village line, in code
 * order, so the picker offers the official names and type-to-narrow finds one. */
#include <stdio.h>
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
            ui_refuse(ui, "%s", _("Choose the township first: its villages are listed"));
            return 0;
        }
        rc = place_names(ui->db, township, add, out, &err);
    } else {
        return 0;
    }
    if (rc != DPF_OK)
        ui_set_error(ui, err.msg);
    return out->n;
}

/* ---- the place list screen: the manager keeps the townships and villages here ---- */

/* A row: the place's name (a village indented under its township), its code, and for a
 * village its township; the tag says which (0 township, 1 village). */
struct walk {
    struct ui_run *r;
    const char *township;       /* the villages' township, NULL while listing townships */
    struct ui_lines *names;     /* the townships, gathered first */
};

static int add_row(const char *name, const char *code, void *ctx)
{
    struct walk *w = ctx;
    char shown[PLACE_NAME_MAX * 4 + 8];
    const char *cells[3] = { shown, code, w->township ? w->township : name };

    if (!w->township && w->names)
        return ui_lines_add(w->names, name) != DPF_OK || ui_lines_add(w->names, code) != DPF_OK;
    snprintf(shown, sizeof shown, "%s%s", w->township ? "  " : "", name);
    return ui_rows_add(&w->r->rows, 0, w->township != NULL, cells) != DPF_OK;
}

/* Each township, then its villages, in code order. */
static void load_places(struct ui_run *r)
{
    struct ui_lines towns = { 0 };
    struct walk w = { r, NULL, &towns };
    struct dpf_err err;
    int rc = place_names(r->ui->db, NULL, add_row, &w, &err);

    w.names = NULL;
    for (int i = 0; rc == DPF_OK && i + 1 < towns.n; i += 2) {
        w.township = NULL;
        add_row(towns.v[i], towns.v[i + 1], &w);
        w.township = towns.v[i];
        rc = place_names(r->ui->db, towns.v[i], add_row, &w, &err);
    }
    if (rc != DPF_OK)
        ui_set_error(r->ui, err.msg);
    if (towns.failed)
        r->rows.failed = 1;
    ui_lines_free(&towns);
}

/* The place form: the township, the village (empty for a township) and the code. */
struct pform {
    struct ui *ui;
    const struct ui_rows_row *row;      /* the place edited, NULL for a new one */
};

/* The new name, or NULL when it is the old one (a place persons live at may keep its name
 * and change its code). */
static const char *renamed(const char *old, const char *typed)
{
    return typed && strcmp(old, typed) != 0 ? typed : NULL;
}

static int form_places(void *ctx, const struct field *fd, const struct ui_form *f,
                       struct ui_lines *out)
{
    struct pform *pf = ctx;
    return strcmp(fd->key, "township") == 0 ? ui_place_choices(pf->ui, fd, f, out) : 0;
}

static int save_place(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct pform *pf = ctx;
    struct db *db = pf->ui->db;
    char *v[PLACE_NFIELDS] = { NULL };
    int rc = DPF_OK, village;

    for (int i = 0; i < PLACE_NFIELDS && rc == DPF_OK; i++)
        rc = ui_form_parse(f, i, db_today(db), &v[i], err);
    if (rc == DPF_OK && (rc = db_begin(db, err)) == DPF_OK) {
        const char *code = v[PL_CODE] ? v[PL_CODE] : "";
        if (!pf->row)
            rc = v[PL_VILLAGE] ? place_add(db, v[PL_TOWNSHIP], v[PL_VILLAGE], code, err)
                               : place_add(db, NULL, v[PL_TOWNSHIP], code, err);
        else if ((village = pf->row->tag))
            rc = place_edit(db, pf->row->cells[2], pf->row->cells[0] + 2,
                            renamed(pf->row->cells[0] + 2, v[PL_VILLAGE]), code, err);
        else
            rc = place_edit(db, NULL, pf->row->cells[0],
                            renamed(pf->row->cells[0], v[PL_TOWNSHIP]), code, err);
        rc = db_end(db, rc, err);
    }
    record_free(v, PLACE_NFIELDS);
    return rc;
}

/* A new place (row NULL; under the selected row's township) or the selected one. */
static int place_form(struct ui *ui, const struct ui_rows_row *row, const char *township)
{
    static const int which[] = { PL_TOWNSHIP, PL_VILLAGE, PL_CODE };
    struct pform pf = { ui, row };
    struct ui_form f;

    ui_form_init(&f, row ? _("Change the place") : _("New place (leave the village empty for a "
                                                    "township)"),
                 place_fields, which, PLACE_NFIELDS);
    ui_form_set(&f, PL_TOWNSHIP, row ? row->cells[2] : township);
    if (row && row->tag)
        ui_form_set(&f, PL_VILLAGE, row->cells[0] + 2);
    if (row)
        ui_form_set(&f, PL_CODE, row->cells[1]);
    f.save = save_place;
    f.choices = form_places;
    f.ctx = &pf;
    if (!ui_form_run(ui, &f))
        return 0;
    ui_set_message(ui, "%s", _("Saved"));
    return 1;
}

static enum ui_result places_act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    const struct ui_rows_row *row = ui_run_row(r);

    (void)k;
    switch (a) {
    case UA_NEW:
        return place_form(r->ui, NULL, row ? row->cells[2] : NULL) ? UR_RELOAD : UR_STAY;
    case UA_EDIT:
        return row && place_form(r->ui, row, NULL) ? UR_RELOAD : UR_STAY;
    default:
        return UR_PASS;
    }
}

int ui_places(struct ui *ui)
{
    static const char *const headers[] = { N_("Place name"), N_("Place code"), N_("Township") };
    static const int widths[] = { 24, 14, 24 };
    static const char *const intro[] = {
        N_("The office's townships and villages with their official codes (行政区划代码: 9 "
           "digits for a township, 12 for a village, beginning with its township's). A "
           "person's township and village must be on this list; reports list the townships "
           "in code order."),
        N_("F2 adds a place (leave the village empty to add a township), F4 or Enter changes "
           "the selected one's name or code. A place persons are registered at keeps its "
           "name."),
        NULL,
    };
    static const struct ui_screen screen = {
        .context = UC_PLACES, .intro = intro, .ncols = 3, .headers = headers,
        .widths = widths, .empty = N_("(no places yet: F2 adds one, or import a list)"),
        .name = N_("Places: townships and villages"), .load = load_places, .act = places_act,
    };
    ui_run(ui, &screen, NULL);
    return 0;
}
