/* SPDX-License-Identifier: MIT */
/* A person's rehabilitation page: every assessment, agreement, service and children's
 * rescue record, oldest first within each. F2..F5 record a new one of each kind, Enter
 * edits the chosen record, F6 deletes it; each is the core's rehab_save or rehab_delete in
 * its own transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/rehab.h"
#include "ui.h"

enum { NCOLS = 5, CELL = 160 };

static const int kinds[] = { RK_ASSESSMENT, RK_AGREEMENT, RK_SERVICE, RK_RESCUE };
static const char *const kind_names[] = { N_("Assessment"), N_("Agreement"), N_("Service"),
                                          N_("Rescue") };
/* Per kind: the date, the institution, what the record holds, and an amount (-1: none). */
static const int date_f[] = { AS_DATE, AG_DATE, SV_DATE, RS_DATE };
static const int inst_f[] = { AS_INSTITUTION, AG_INSTITUTION, SV_INSTITUTION, RS_INSTITUTION };
static const int what_f[][3] = {
    { AS_METHOD, AS_NEEDS, AS_DEVICES }, { AG_PLANNED, AG_FROM, AG_TO },
    { SV_KIND, SV_ITEM, SV_FUNDING }, { RS_KIND, RS_FUNDING, RS_ENDED },
};
static const int cost_f[] = { -1, -1, SV_COST, RS_COST };

struct page {
    struct ui *ui;
    int64_t person;
    char cert[32], name[64];
    int k;                      /* the kind being loaded (index into kinds) */
    struct ui_rows rows;        /* tag: the record's kind */
};

static const char *fmt(int k, int f, char *const *v, char *buf, size_t cap)
{
    return f >= 0 && v[f] ? field_format(&rehab_entities[kinds[k]].fields[f], v[f], 0, buf, cap)
                          : "";
}

static int keep(int64_t id, char *const *v, void *ctx)
{
    struct page *p = ctx;
    char cell[NCOLS][CELL], buf[CELL];
    const char *cells[NCOLS];
    size_t len = 0;

    snprintf(cell[0], CELL, "%s", _(kind_names[p->k]));
    snprintf(cell[1], CELL, "%s", fmt(p->k, date_f[p->k], v, buf, sizeof buf));
    snprintf(cell[2], CELL, "%s", fmt(p->k, inst_f[p->k], v, buf, sizeof buf));
    cell[3][0] = '\0';
    for (int i = 0; i < 3; i++) {
        const char *s = fmt(p->k, what_f[p->k][i], v, buf, sizeof buf);
        if (*s && len < CELL)
            len += (size_t)snprintf(cell[3] + len, CELL - len, "%s%s", len ? " " : "", s);
    }
    snprintf(cell[4], CELL, "%s", fmt(p->k, cost_f[p->k], v, buf, sizeof buf));
    for (int i = 0; i < NCOLS; i++)
        cells[i] = cell[i];
    return ui_rows_add(&p->rows, id, kinds[p->k], cells) != DPF_OK;
}

static void load(struct page *p, struct ui_list *l)
{
    struct dpf_err err;
    ui_rows_reset(&p->rows);
    for (p->k = 0; p->k < 4; p->k++)
        if (rehab_list(p->ui->db, kinds[p->k], p->person, 0, keep, p, &err) != DPF_OK)
            ui_set_message(p->ui, "%s", err.msg);
    ui_rows_report(p->ui, &p->rows);
    ui_list_load(l, 0, ui_list_rows(), &err);
}

static int add(struct page *p, int kind, const char *what)
{
    char title[160];
    snprintf(title, sizeof title, "%s: %s", what, p->name);
    return ui_rehab_form(p->ui, kind, 0, p->cert, title);
}

static int delete(struct page *p, int row)
{
    struct dpf_err err;
    char q[256];
    int rc;

    snprintf(q, sizeof q, _("Delete this %s of %s (%s)?"), ui_rows_cell(&p->rows, row, 0),
             p->name, ui_rows_cell(&p->rows, row, 1));
    if (!ui_confirm(p->ui, q))
        return 0;
    if ((rc = db_begin(p->ui->db, &err)) == DPF_OK)
        rc = db_end(p->ui->db, rehab_delete(p->ui->db, p->rows.row[row].tag, p->rows.row[row].id, &err), &err);
    ui_set_message(p->ui, "%s", rc == DPF_OK ? _("Deleted") : err.msg);
    return rc == DPF_OK;
}

void ui_rehab_person(struct ui *ui, int64_t person_id)
{
    static const char *const headers[] = { N_("Record"), N_("Date"), N_("Institution"),
                                           N_("Content"), N_("Amount") };
    static const int widths[] = { 6, 10, 20, 30, 10 };
    static const char *const intro[] = {
        N_("A person's rehabilitation: needs assessments, service agreements, services and "
           "children's rescue."),
        N_("A service or agreement comes after the year's assessment; a rescued child must be "
           "within the age limit; institutions come from the institution list."),
        NULL,
    };
    struct page *p = calloc(1, sizeof *p);
    struct ui_list l = { .fetch = ui_rows_fetch, .empty = _("(no rehabilitation records)") };
    struct person who;
    struct dpf_err err;
    char title[160];

    if (!p)
        return;
    ui_rows_init(&p->rows, NCOLS);
    l.ctx = &p->rows;
    person_init(&who);
    if (person_load(ui->db, person_id, &who, &err) != DPF_OK) {
        ui_set_message(ui, "%s", err.msg);
        person_clear(&who);
        free(p);
        return;
    }
    p->ui = ui;
    p->person = person_id;
    snprintf(p->cert, sizeof p->cert, "%s", person_get(&who, PF_CERT_NO));
    snprintf(p->name, sizeof p->name, "%s", person_get(&who, PF_NAME));
    person_clear(&who);
    snprintf(title, sizeof title, _("Rehabilitation of %s"), p->name);
    l.ncols = NCOLS;
    for (int c = 0; c < NCOLS; c++) {
        l.cols[c].header = _(headers[c]);
        l.cols[c].width = widths[c];
    }
    load(p, &l);
    for (;;) {
        int row = l.nrows ? (int)ui_list_selected(&l) : -1;
        struct ui_key k;
        int changed = 0;
        if (!ui_too_small()) {
            ui_frame(ui, title, UC_RPERSON);
            ui_list_draw(&l, 1, ui_list_rows() + 2);
            refresh();
        }
        k = ui_read_key(ui);
        switch (ui_action(ui, UC_RPERSON, k)) {
        case UA_BACK:
            ui_list_clear(&l);
            ui_rows_free(&p->rows);
            free(p);
            return;
        case UA_HELP:
            ui_help_run(ui, UC_RPERSON, intro);
            break;
        case UA_ASSESS:
            changed = add(p, RK_ASSESSMENT, _("Needs assessment"));
            break;
        case UA_AGREE:
            changed = add(p, RK_AGREEMENT, _("Service agreement"));
            break;
        case UA_SERVE:
            changed = add(p, RK_SERVICE, _("Service"));
            break;
        case UA_RESCUE:
            changed = add(p, RK_RESCUE, _("Children's rescue"));
            break;
        case UA_EDIT:
            if (row >= 0)
                changed = ui_rehab_form(ui, p->rows.row[row].tag, p->rows.row[row].id, p->cert,
                                         title);
            break;
        case UA_DELETE:
            if (row >= 0)
                changed = delete(p, row);
            break;
        default:
            ui_list_key(&l, k, &err);
            break;
        }
        if (changed)
            load(p, &l);
    }
}
