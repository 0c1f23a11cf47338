/* SPDX-License-Identifier: MIT */
/* The form of any rehabilitation record, built from its field table: the person's lines
 * are left out (the page already names the person), the core's checks show at the line
 * they name (a service before the assessment, a child over the age limit, an unknown
 * institution). Also the export of a list to a file the clerk names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/rehab.h"
#include "ui.h"

struct rform {
    struct ui *ui;
    int kind;
    int64_t id;
    const char *cert;
    int which[UI_FORM_FIELDS], n;
    char *opened[UI_FORM_FIELDS];   /* the record as opened: a later change is not overwritten */
};

static int has_person(int kind)
{
    return kind != RK_INSTITUTION && kind != RK_PROJECT;
}

static int save(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct rform *rf = ctx;
    struct db *db = rf->ui->db;
    const struct rehab_entity *e = &rehab_entities[rf->kind];
    char *v[UI_FORM_FIELDS] = { NULL };
    int rc = DPF_OK;

    for (int i = 0; i < rf->n && rc == DPF_OK; i++)
        rc = ui_form_parse(f, i, db_today(db), &v[rf->which[i]], err);
    if (rc == DPF_OK && has_person(rf->kind) && !(v[0] = strdup(rf->cert)))
        rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    if (rc == DPF_OK && (rc = db_begin(db, err)) == DPF_OK)
        rc = db_end(db, rehab_save_from(db, rf->kind, rf->id, v, rf->opened, NULL, err), err);
    for (int i = 0; i < e->n; i++)
        free(v[i]);
    return rc;
}

static int add_institution(int64_t id, char *const *v, void *ctx)
{
    (void)id;
    return ui_lines_add(ctx, v[IN_NAME] ? v[IN_NAME] : "") != DPF_OK;
}

/* The institution lines pick from the institution list, an institution's township from
 * the place list. */
static int institutions(void *ctx, const struct field *fd, const struct ui_form *f,
                        struct ui_lines *out)
{
    struct rform *rf = ctx;
    struct dpf_err err;
    if (strcmp(fd->key, "township") == 0)
        return ui_place_choices(rf->ui, fd, f, out);
    if (strcmp(fd->key, "institution") != 0)
        return 0;
    if (rehab_list(rf->ui->db, RK_INSTITUTION, 0, 0, add_institution, out, &err) != DPF_OK)
        ui_set_error(rf->ui, err.msg);
    return out->n;
}

/* New records start on today's date (this year for a project), persons counted. */
static void defaults(struct rform *rf, struct ui_form *f)
{
    char year[8];
    for (int i = 0; i < rf->n; i++) {
        const struct field *fd = f->fields[i];
        if (fd->type == FT_DATE && (fd->flags & FF_REQUIRED))
            ui_form_set(f, i, db_today(rf->ui->db));
        if (rf->kind == RK_PROJECT && strcmp(fd->key, "year") == 0) {
            snprintf(year, sizeof year, "%.4s", db_today(rf->ui->db));
            ui_form_set(f, i, year);
        }
        if (rf->kind == RK_PROJECT && strcmp(fd->key, "count") == 0)
            ui_form_set(f, i, "1");
    }
}

int ui_rehab_form(struct ui *ui, int kind, int64_t id, const char *cert, const char *title)
{
    const struct rehab_entity *e = &rehab_entities[kind];
    struct rform rf = { ui, kind, id, cert, { 0 }, 0, { NULL } };
    char *v[UI_FORM_FIELDS] = { NULL };
    struct ui_form f;
    struct dpf_err err;
    int saved;

    for (int i = has_person(kind) ? 2 : 0; i < e->n && rf.n < UI_FORM_FIELDS; i++)
        rf.which[rf.n++] = i;
    ui_form_init(&f, title, e->fields, rf.which, rf.n);
    if (id) {
        if (rehab_load(ui->db, kind, id, v, &err) != DPF_OK) {
            ui_set_error(ui, err.msg);
            return 0;
        }
        for (int i = 0; i < rf.n; i++)
            ui_form_set(&f, i, v[rf.which[i]]);
        memcpy(rf.opened, v, sizeof rf.opened);     /* kept until the form closes */
    } else {
        defaults(&rf, &f);
    }
    f.save = save;
    f.choices = institutions;
    f.ctx = &rf;
    saved = ui_form_run(ui, &f);
    if (saved)
        ui_set_message(ui, "%s", _("Saved"));
    record_free(rf.opened, e->n);
    return saved;
}

void ui_rehab_export(struct ui *ui, int kind, int year)
{
    struct dpf_err err;
    char name[96], *path = NULL;
    unsigned oflags;
    long rows;

    if (kind == RK_INSTITUTION)
        snprintf(name, sizeof name, "%s.xlsx", rehab_entities[kind].name);
    else
        snprintf(name, sizeof name, "%s-%d.xlsx", rehab_entities[kind].name, year);
    if (!ui_ask_file(ui, _("Export the list (.xlsx or .csv)"), name, &path, &oflags))
        return;
    if (rehab_export(ui->db, kind, year, path, oflags, 0, &rows, &err) != DPF_OK)
        ui_set_error(ui, err.msg);
    else
        ui_set_message(ui, _("Exported %ld rows to %s"), rows, path);
    free(path);
}
