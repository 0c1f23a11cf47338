/* SPDX-License-Identifier: MIT */
/* Rehabilitation screens: the year's service and device-fitting rates (district, 建档立卡,
 * 因病致贫, each township) and the projects with target, completed and rate, both the
 * report's typed tables through the list adapter, counted from the records each time the
 * screen is shown; and the institution list. */
#include <stdio.h>
#include <stdlib.h>
#include "dpf/i18n.h"
#include "dpf/rehab.h"
#include "dpf/report.h"
#include "ui.h"

enum { CELL = 260 };

/* ---- the rates ---- */

struct rates {
    int year;
    long assessed;
};

static void load_rates(struct ui_run *r)
{
    struct rates *s = r->ctx;
    struct rehab_rates rr;
    struct rtable t = { 0 };
    struct dpf_err err;

    s->assessed = 0;
    if (rehab_rates(r->ui->db, s->year, s->year, &rr, &err) != DPF_OK) {
        ui_set_error(r->ui, err.msg);
        return;
    }
    s->assessed = rr.assessed;
    ui_table_show(r, &t, NULL, 0, report_rehab_rates_table(&rr, &t));
    rtable_free(&t);
    rehab_rates_free(&rr);
}

static void rates_title(struct ui_run *r, char *buf, size_t cap)
{
    snprintf(buf, cap, _("Rehabilitation %d"), ((const struct rates *)r->ctx)->year);
}

static void rates_head(struct ui_run *r)
{
    const struct rates *s = r->ctx;
    char line[256];
    snprintf(line, sizeof line, _("Services of %d; needs from the assessments of %d "
                                  "(%ld persons assessed). F1: how each is counted."),
             s->year, s->year, s->assessed);
    ui_put(1, 0, line, COLS, A_BOLD);
}

static void rates_help(struct ui_run *r)
{
    static const char *const intro = N_("The year's rehabilitation, counted in distinct "
                                        "persons from the records.");
    const char *help[16];
    int n = 0;

    help[n++] = intro;
    for (int i = 0; rehab_rate_notes[i] && n < 15; i++)
        help[n++] = rehab_rate_notes[i];
    help[n] = NULL;
    ui_help_run(r->ui, UC_REHAB, help);
}

static void list_screen(struct ui *ui, int kind, int *year);

/* The rates screen: another year, the services export, the lists. */
static enum ui_result rates_act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    struct rates *s = r->ctx;
    (void)k;
    switch (a) {
    case UA_YEAR:
        return ui_ask_year(r->ui, &s->year) ? UR_TOP : UR_STAY;
    case UA_EXPORT:
        ui_rehab_export(r->ui, RK_SERVICE, s->year);
        return UR_STAY;
    case UA_INSTITUTIONS:
        list_screen(r->ui, RK_INSTITUTION, &s->year);
        return UR_TOP;
    case UA_PROJECTS:
        list_screen(r->ui, RK_PROJECT, &s->year);
        return UR_TOP;
    default:
        return UR_PASS;
    }
}

int ui_rehab(struct ui *ui)
{
    static const struct ui_screen screen = {
        .context = UC_REHAB, .head = 1, .title = rates_title, .draw_head = rates_head,
        .load = load_rates, .act = rates_act, .help = rates_help,
    };
    struct rates s = { atoi(db_today(ui->db)), 0 };
    ui_run(ui, &screen, &s);
    return 0;
}

/* ---- institutions and projects ---- */

struct rlist {
    int kind;
    int *year;
};

static int add_institution(int64_t id, char *const *v, void *ctx)
{
    const struct field *f = rehab_entities[RK_INSTITUTION].fields;
    char cell[INSTITUTION_NFIELDS][CELL];
    const char *cells[INSTITUTION_NFIELDS];

    for (int c = 0; c < INSTITUTION_NFIELDS; c++)
        cells[c] = v[c] ? field_show(&f[c], v[c], 0, cell[c], CELL) : "";
    return ui_rows_add(ctx, id, 0, cells) != DPF_OK;
}

/* The projects table's rows are told here, in order, with their ids and definitions. */
struct project_defs {
    int64_t *id;
    struct ui_lines def;
    int cap;
};

static int project_def(int64_t id, const char *project, const char *definition, void *ctx)
{
    struct project_defs *p = ctx;

    (void)project;
    if (p->def.n == p->cap) {
        int cap = p->cap ? 2 * p->cap : 64;
        int64_t *grown = realloc(p->id, (size_t)cap * sizeof *grown);
        if (!grown)
            return DPF_ENOMEM;
        p->id = grown;
        p->cap = cap;
    }
    p->id[p->def.n] = id;
    return ui_lines_add(&p->def, definition);
}

/* The projects: the report's table, then what each counts (the column "Counts"). */
static void load_projects(struct ui_run *r, int year)
{
    struct project_defs p = { 0 };
    struct dpf_err err;
    struct rtable t = { 0 };

    if (report_projects_table(r->ui->db, year, NULL, &t, project_def, &p, &err) == DPF_OK) {
        ui_table_columns(r, &t, NULL, 0, 1);
        r->list.cols[t.ncols].header = _("Counts");
        r->list.cols[t.ncols].width = 40;
        for (int i = 0; i < t.nrows && i < p.def.n; i++) {
            const char *extra[] = { p.def.v[i], NULL };
            ui_table_add(r, &t, i, NULL, p.id[i], extra);
        }
    } else {
        ui_set_error(r->ui, err.msg);
    }
    rtable_free(&t);
    free(p.id);
    ui_lines_free(&p.def);
}

static void load_list(struct ui_run *r)
{
    const struct rlist *s = r->ctx;
    struct dpf_err err;

    if (s->kind == RK_PROJECT)
        load_projects(r, *s->year);
    else if (rehab_list(r->ui->db, s->kind, 0, 0, add_institution, &r->rows, &err) != DPF_OK)
        ui_set_error(r->ui, err.msg);
}

static void list_title(struct ui_run *r, char *buf, size_t cap)
{
    const struct rlist *s = r->ctx;
    if (s->kind == RK_PROJECT)
        snprintf(buf, cap, _("Projects %d"), *s->year);
    else
        snprintf(buf, cap, "%s", _("Rehabilitation institutions"));
}

/* The projects' help: the notes, then each project's "name: definition". */
static void list_help(struct ui_run *r)
{
    const struct rlist *s = r->ctx;
    struct ui_lines lines = { 0 };
    const char **help;
    int n = 0;

    if (s->kind != RK_PROJECT) {
        ui_help_run(r->ui, UC_RLIST, NULL);
        return;
    }
    for (int i = 0; i < r->rows.n; i++) {
        char line[512];
        snprintf(line, sizeof line, "%s: %s", ui_rows_cell(&r->rows, i, 0),
                 ui_rows_cell(&r->rows, i, r->rows.ncols - 1));
        ui_lines_add(&lines, line);
    }
    for (int i = 0; rehab_project_notes[i]; i++)
        n++;
    if (lines.failed || !(help = malloc((size_t)(n + lines.n + 1) * sizeof *help))) {
        ui_refuse(r->ui, "%s", _("Out of memory"));
    } else {
        for (int i = 0; i < n; i++)
            help[i] = rehab_project_notes[i];
        for (int i = 0; i < lines.n; i++)
            help[n + i] = lines.v[i];
        help[n + lines.n] = NULL;
        ui_help_run(r->ui, UC_RLIST, help);
        free(help);
    }
    ui_lines_free(&lines);
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
        ui_set_error(ui, err.msg);
    else
        ui_set_message(ui, _("Deleted %s"), name);
}

static enum ui_result list_act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    const struct rlist *s = r->ctx;
    const struct ui_rows_row *row = ui_run_row(r);
    const char *name = row ? row->cells[0] : "";
    int64_t id = row ? row->id : 0;

    (void)k;
    switch (a) {
    case UA_YEAR:
        return s->kind == RK_PROJECT && ui_ask_year(r->ui, s->year) ? UR_TOP : UR_STAY;
    case UA_NEW:
        return ui_rehab_form(r->ui, s->kind, 0, NULL,
                             s->kind == RK_PROJECT ? _("New project") : _("New institution"))
                   ? UR_RELOAD : UR_STAY;
    case UA_EDIT:
        return id && ui_rehab_form(r->ui, s->kind, id, NULL, name) ? UR_RELOAD : UR_STAY;
    case UA_DELETE:
        delete_row(r->ui, s->kind, id, name);
        return UR_RELOAD;
    case UA_EXPORT:
        ui_rehab_export(r->ui, s->kind, *s->year);
        return UR_STAY;
    default:
        return UR_PASS;
    }
}

static void list_screen(struct ui *ui, int kind, int *year)
{
    static const char *const inst_h[] = { N_("Institution"), N_("Kind"), N_("Township"),
                                          N_("Phone"), N_("Note") };
    static const int inst_w[] = { 24, 16, 12, 13, 20 };
    static const struct ui_screen institutions = {
        .context = UC_RLIST, .ncols = INSTITUTION_NFIELDS, .headers = inst_h, .widths = inst_w,
        .title = list_title, .load = load_list, .act = list_act, .help = list_help,
    };
    /* The projects' columns come from the report's table as it loads. */
    static const struct ui_screen projects = {
        .context = UC_RLIST, .title = list_title, .load = load_list, .act = list_act,
        .help = list_help,
    };
    struct rlist s = { kind, year };
    ui_run(ui, kind == RK_PROJECT ? &projects : &institutions, &s);
}

void ui_rehab_projects(struct ui *ui, int *year)
{
    list_screen(ui, RK_PROJECT, year);
}
