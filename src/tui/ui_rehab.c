/* SPDX-License-Identifier: MIT */
/* Rehabilitation screens: the year's service and device-fitting rates (district, 建档立卡,
 * 因病致贫, each township), the institution list and the project list with target,
 * completed and rate counted from the records each time the screen is shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/rate.h"
#include "dpf/rehab.h"
#include "ui.h"

enum { CELL = 260, PROJ_COLS = 6 };

/* A project's row holds one cell more than the list shows: "name: definition", for help. */

static void columns(struct ui_list *l, const char *const *headers, const int *widths, int n)
{
    l->ncols = n;
    for (int c = 0; c < n; c++) {
        l->cols[c].header = _(headers[c]);
        l->cols[c].width = widths[c];
    }
}

/* ---- the rates ---- */

static void rates_row(struct ui_rows *t, const char *group, const struct rehab_counts *c)
{
    char cell[7][CELL];
    const char *cells[7];

    snprintf(cell[0], CELL, "%s", group);
    snprintf(cell[1], CELL, "%ld", c->needs);
    snprintf(cell[2], CELL, "%ld", c->served);
    rate_format(c->served, c->needs, cell[3], CELL);
    snprintf(cell[4], CELL, "%ld", c->device_needs);
    snprintf(cell[5], CELL, "%ld", c->fitted);
    rate_format(c->fitted, c->device_needs, cell[6], CELL);
    for (int i = 0; i < 7; i++)
        cells[i] = cell[i];
    ui_rows_add(t, 0, 0, cells);
}

static void load_rates(struct ui *ui, int year, struct ui_rows *t, long *assessed)
{
    struct rehab_rates r;
    struct dpf_err err;

    ui_rows_reset(t);
    *assessed = 0;
    if (rehab_rates(ui->db, year, year, &r, &err) != DPF_OK) {
        ui_set_message(ui, "%s", err.msg);
        return;
    }
    *assessed = r.assessed;
    rates_row(t, _("District"), &r.all);
    rates_row(t, "建档立卡", &r.poor_reg);
    rates_row(t, "因病致贫", &r.illness_poor);
    for (int i = 0; i < r.ntown; i++)
        rates_row(t, r.town[i].name, &r.town[i].c);
    rehab_rates_free(&r);
    ui_rows_report(ui, t);
}

static void list_screen(struct ui *ui, int kind, int *year);

int ui_rehab(struct ui *ui)
{
    static const char *const headers[] = { N_("Group"), N_("With needs"), N_("Served"),
                                           N_("Service rate"), N_("Device needs"),
                                           N_("Fitted"), N_("Fitting rate") };
    static const int widths[] = { 14, 8, 8, 10, 8, 8, 10 };
    static const char *const intro = N_("The year's rehabilitation, counted in distinct "
                                        "persons from the records.");
    struct ui_rows rows, *t = &rows;
    struct ui_list l = { .fetch = ui_rows_fetch, .ctx = t, .empty = _("(no records)") };
    const char *help[16];
    struct dpf_err err;
    char title[96], line[256];
    int year = atoi(db_today(ui->db)), n = 0;
    long assessed;

    ui_rows_init(t, 7);
    help[n++] = intro;
    for (int i = 0; rehab_rate_notes[i] && n < 15; i++)
        help[n++] = rehab_rate_notes[i];
    help[n] = NULL;
    columns(&l, headers, widths, 7);
    load_rates(ui, year, t, &assessed);
    ui_list_load(&l, 0, ui_list_rows() - 1, &err);
    for (;;) {
        struct ui_key k;
        if (!ui_too_small()) {
            snprintf(title, sizeof title, _("Rehabilitation %d"), year);
            ui_frame(ui, title, UC_REHAB);
            snprintf(line, sizeof line, _("Services of %d; needs from the assessments of %d "
                                          "(%ld persons assessed). F1: how each is counted."),
                     year, year, assessed);
            ui_put(1, 0, line, COLS, A_BOLD);
            ui_list_draw(&l, 2, ui_list_rows() + 1);
            refresh();
        }
        k = ui_read_key(ui);
        switch (ui_key_action(UC_REHAB, k)) {
        case UA_BACK:
            ui_list_clear(&l);
            ui_rows_free(t);
            return 0;
        case UA_HELP:
            ui_help_run(ui, UC_REHAB, help);
            continue;
        case UA_YEAR:
            if (!ui_ask_year(ui, &year))
                continue;
            break;
        case UA_EXPORT:
            ui_rehab_export(ui, RK_SERVICE, year);
            continue;
        case UA_INSTITUTIONS:
            list_screen(ui, RK_INSTITUTION, &year);
            break;
        case UA_PROJECTS:
            list_screen(ui, RK_PROJECT, &year);
            break;
        default:
            ui_list_key(&l, k, &err);
            continue;
        }
        load_rates(ui, year, t, &assessed);
        ui_list_load(&l, 0, ui_list_rows() - 1, &err);
    }
}

/* ---- institutions and projects ---- */

static int add_institution(int64_t id, char *const *v, void *ctx)
{
    const struct field *f = rehab_entities[RK_INSTITUTION].fields;
    char cell[INSTITUTION_NFIELDS][CELL];
    const char *cells[INSTITUTION_NFIELDS];

    for (int c = 0; c < INSTITUTION_NFIELDS; c++)
        cells[c] = v[c] ? field_format(&f[c], v[c], 0, cell[c], CELL) : "";
    return ui_rows_add(ctx, id, 0, cells) != DPF_OK;
}

static int add_project(const struct rehab_project *p, void *ctx)
{
    char cell[PROJ_COLS][CELL], def[400];
    const char *cells[PROJ_COLS + 1];

    snprintf(cell[0], CELL, "%s", p->name);
    snprintf(cell[1], CELL, "%ld", p->target);
    snprintf(cell[2], CELL, "%ld", p->completed);
    rate_format(p->completed, p->target, cell[3], CELL);
    snprintf(cell[4], CELL, "%ld", rate_over(p->completed, p->target));
    snprintf(cell[5], CELL, "%s", p->definition);
    snprintf(def, sizeof def, "%s: %s", p->name, p->definition);
    for (int i = 0; i < PROJ_COLS; i++)
        cells[i] = cell[i];
    cells[PROJ_COLS] = def;
    return ui_rows_add(ctx, p->id, 0, cells) != DPF_OK;
}

static void load_list(struct ui *ui, int kind, int year, struct ui_rows *t)
{
    struct dpf_err err;
    int rc;

    ui_rows_reset(t);
    rc = kind == RK_PROJECT ? rehab_projects(ui->db, year, add_project, t, &err)
                            : rehab_list(ui->db, kind, 0, 0, add_institution, t, &err);
    if (rc != DPF_OK)
        ui_set_message(ui, "%s", err.msg);
    ui_rows_report(ui, t);
}

/* The help of the projects: the notes, then each project's definition (NULL-terminated,
 * malloc'd; NULL when out of memory). */
static const char **project_help(const struct ui_rows *t)
{
    const char **help;
    int n = 0, notes = 0;

    while (rehab_project_notes[notes])
        notes++;
    if (!(help = malloc((size_t)(notes + t->n + 1) * sizeof *help)))
        return NULL;
    for (int i = 0; i < notes; i++)
        help[n++] = rehab_project_notes[i];
    for (int i = 0; i < t->n; i++)
        help[n++] = ui_rows_cell(t, i, PROJ_COLS);
    help[n] = NULL;
    return help;
}

static void delete_row(struct ui *ui, int kind, int64_t id, const char *name)
{
    struct dpf_err err;
    char q[256];
    int rc;

    snprintf(q, sizeof q, _("Delete %s?"), name);
    if (!id || !ui_confirm(ui, q))
        return;
    if ((rc = db_begin(ui->db, &err)) == DPF_OK)
        rc = db_end(ui->db, rehab_delete(ui->db, kind, id, &err), &err);
    if (rc != DPF_OK)
        ui_set_message(ui, "%s", err.msg);
    else
        ui_set_message(ui, _("Deleted %s"), name);
}

void ui_rehab_projects(struct ui *ui, int *year)
{
    list_screen(ui, RK_PROJECT, year);
}

static void list_screen(struct ui *ui, int kind, int *year)
{
    static const char *const inst_h[] = { N_("Institution"), N_("Kind"), N_("Township"),
                                          N_("Phone"), N_("Note") };
    static const int inst_w[] = { 24, 16, 12, 13, 20 };
    static const char *const proj_h[] = { N_("Project"), N_("Target"), N_("Completed"),
                                          N_("Rate"), N_("Over"), N_("Counts") };
    static const int proj_w[] = { 22, 7, 7, 9, 6, 40 };
    struct ui_rows rows, *t = &rows;
    struct ui_list l = { .fetch = ui_rows_fetch, .ctx = t, .empty = _("(no records)") };
    const char **help;
    struct dpf_err err;
    char title[96];

    ui_rows_init(t, kind == RK_PROJECT ? PROJ_COLS + 1 : INSTITUTION_NFIELDS);
    if (kind == RK_PROJECT)
        columns(&l, proj_h, proj_w, 6);
    else
        columns(&l, inst_h, inst_w, 5);
    load_list(ui, kind, *year, t);
    ui_list_load(&l, 0, ui_list_rows(), &err);
    for (;;) {
        int row = l.nrows ? (int)ui_list_selected(&l) : -1;   /* rows are ids by index */
        int64_t id = row >= 0 && row < t->n ? t->row[row].id : 0;
        const char *name = ui_rows_cell(t, row, 0);
        struct ui_key k;
        int changed = 0;

        if (!ui_too_small()) {
            if (kind == RK_PROJECT)
                snprintf(title, sizeof title, _("Projects %d"), *year);
            else
                snprintf(title, sizeof title, "%s", _("Rehabilitation institutions"));
            ui_frame(ui, title, UC_RLIST);
            ui_list_draw(&l, 1, ui_list_rows() + 2);
            refresh();
        }
        k = ui_read_key(ui);
        switch (ui_action(ui, UC_RLIST, k)) {
        case UA_BACK:
            ui_list_clear(&l);
            ui_rows_free(t);
            return;
        case UA_HELP:
            if (kind != RK_PROJECT) {
                ui_help_run(ui, UC_RLIST, NULL);
            } else if ((help = project_help(t))) {
                ui_help_run(ui, UC_RLIST, help);
                free(help);
            } else {
                ui_set_message(ui, "%s", _("Out of memory"));
            }
            continue;
        case UA_YEAR:
            changed = kind == RK_PROJECT && ui_ask_year(ui, year);
            break;
        case UA_NEW:
            changed = ui_rehab_form(ui, kind, 0, NULL, kind == RK_PROJECT ? _("New project")
                                                                          : _("New institution"));
            break;
        case UA_EDIT:
            changed = id && ui_rehab_form(ui, kind, id, NULL, name);
            break;
        case UA_DELETE:
            delete_row(ui, kind, id, name);
            changed = 1;
            break;
        case UA_EXPORT:
            ui_rehab_export(ui, kind, *year);
            break;
        default:
            ui_list_key(&l, k, &err);
            break;
        }
        if (changed) {
            load_list(ui, kind, *year, t);
            ui_list_load(&l, l.page, ui_list_rows(), &err);
        }
    }
}
