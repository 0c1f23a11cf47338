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

/* The screen's state: the person. A row's tag is its record's kind. */
struct page {
    int64_t person;
    char cert[32], name[64];
    int k;                      /* the kind being loaded (index into kinds) */
};

static const char *fmt(int k, int f, char *const *v, char *buf, size_t cap)
{
    return f >= 0 && v[f] ? field_show(&rehab_entities[kinds[k]].fields[f], v[f], 0, buf, cap)
                          : "";
}

static int keep(int64_t id, char *const *v, void *ctx)
{
    struct ui_run *r = ctx;
    struct page *p = r->ctx;
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
    return ui_rows_add(&r->rows, id, kinds[p->k], cells) != DPF_OK;
}

static void load(struct ui_run *r)
{
    struct page *p = r->ctx;
    struct dpf_err err;
    for (p->k = 0; p->k < 4; p->k++)
        if (rehab_list(r->ui->db, kinds[p->k], p->person, 0, keep, r, &err) != DPF_OK)
            ui_set_error(r->ui, err.msg);
}

static void title(struct ui_run *r, char *buf, size_t cap)
{
    const struct page *p = r->ctx;
    snprintf(buf, cap, _("Rehabilitation of %s"), p->name);
}

static int add(struct ui_run *r, int kind, const char *what)
{
    const struct page *p = r->ctx;
    char title[160];
    snprintf(title, sizeof title, "%s: %s", what, p->name);
    return ui_rehab_form(r->ui, kind, 0, p->cert, title);
}

static int edit(struct ui_run *r, const struct ui_rows_row *row)
{
    const struct page *p = r->ctx;
    char buf[160];
    title(r, buf, sizeof buf);
    return ui_rehab_form(r->ui, row->tag, row->id, p->cert, buf);
}

static int delete(struct ui_run *r, const struct ui_rows_row *row)
{
    const struct page *p = r->ctx;
    struct db *db = r->ui->db;
    struct dpf_err err;
    char q[256];
    int rc;

    snprintf(q, sizeof q, _("Delete this %s of %s (%s)?"), row->cells[0], p->name,
             row->cells[1]);
    if (!ui_confirm(r->ui, q))
        return 0;
    if ((rc = db_begin(db, &err)) == DPF_OK)
        rc = db_end(db, rehab_delete(db, row->tag, row->id, &err), &err);
    if (rc == DPF_OK)
        ui_set_message(r->ui, "%s", _("Deleted"));
    else
        ui_set_error(r->ui, err.msg);
    return rc == DPF_OK;
}

/* F2..F5 record a new one of each kind; the chosen record is edited or deleted. */
static enum ui_result act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    const struct ui_rows_row *row = ui_run_row(r);
    int changed;

    (void)k;
    switch (a) {
    case UA_ASSESS:
        changed = add(r, RK_ASSESSMENT, _("Needs assessment"));
        break;
    case UA_AGREE:
        changed = add(r, RK_AGREEMENT, _("Service agreement"));
        break;
    case UA_SERVE:
        changed = add(r, RK_SERVICE, _("Service"));
        break;
    case UA_RESCUE:
        changed = add(r, RK_RESCUE, _("Children's rescue"));
        break;
    case UA_EDIT:
        changed = row && edit(r, row);
        break;
    case UA_DELETE:
        changed = row && delete(r, row);
        break;
    default:
        return UR_PASS;
    }
    return changed ? UR_RELOAD : UR_STAY;
}

void ui_rehab_person(struct ui *ui, int64_t person_id)
{
    static const char *const headers[NCOLS] = { N_("Record"), N_("Date"), N_("Institution"),
                                                N_("Content"), N_("Amount") };
    static const int widths[NCOLS] = { 6, 10, 20, 30, 10 };
    static const char *const intro[] = {
        N_("A person's rehabilitation: needs assessments, service agreements, services and "
           "children's rescue."),
        N_("A service or agreement comes after the year's assessment; a rescued child must be "
           "within the age limit; institutions come from the institution list."),
        NULL,
    };
    static const struct ui_screen screen = {
        .context = UC_RPERSON, .intro = intro, .ncols = NCOLS, .headers = headers,
        .widths = widths, .empty = N_("(no rehabilitation records)"), .title = title,
        .load = load, .act = act,
    };
    struct page p = { .person = person_id };
    struct person who;
    struct dpf_err err;

    person_init(&who);
    if (person_load(ui->db, person_id, &who, &err) != DPF_OK) {
        ui_set_error(ui, err.msg);
        person_clear(&who);
        return;
    }
    snprintf(p.cert, sizeof p.cert, "%s", person_get(&who, PF_CERT_NO));
    snprintf(p.name, sizeof p.name, "%s", person_get(&who, PF_NAME));
    person_clear(&who);
    ui_run(ui, &screen, &p);
}
