/* SPDX-License-Identifier: MIT */
/* A person's subsidies: every enrolment with its step, months and reasons; F2 records an
 * application, F4 moves one to its next step, F7 refuses it, F6 stops a payment. Each is
 * the core's enrol_* call in its own transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/programme.h"
#include "ui.h"

enum { NCOLS = 8 };

/* The screen's state: the person and the programmes (their names for the choice). A row's id
 * is its enrolment's, its tag the step, its first cell the programme's name. */
struct page {
    struct ui *ui;
    int64_t person;
    char name[64];
    struct programme_set ps;
    const char **names;         /* programme names, NULL-terminated, for the choice */
};

static const char *const intro[] = {
    N_("A person's subsidies, newest first."),
    N_("F2 records an application; payment counts from its month."),
    N_("F4 moves an application on: 初审, 审核, then 审定."),
    N_("F7 refuses an application; F6 stops a payment from a month."),
    NULL,
};

static const char *prog_name(const struct page *p, int64_t id)
{
    for (int i = 0; i < p->ps.n; i++)
        if (p->ps.p[i].id == id)
            return p->ps.p[i].v[GF_NAME];
    return "?";
}

static int keep(const struct enrolment *e, void *ctx)
{
    struct ui_run *r = ctx;
    char start[MONTH_TEXT], stop[MONTH_TEXT];
    const char *cells[NCOLS] = {
        prog_name(r->ctx, e->programme_id), enrol_steps[e->step - 1],
        month_format(e->start_month, start), e->stop_month ? month_format(e->stop_month, stop) : "",
        e->reason ? enrol_reason_name(e->reason) : e->reason_note, e->applied_on,
        e->approved_on, e->approved_by,
    };
    return ui_rows_add(&r->rows, e->id, e->step, cells) != DPF_OK;
}

static void load(struct ui_run *r)
{
    const struct page *p = r->ctx;
    struct dpf_err err;
    if (enrol_of_person(r->ui->db, p->person, keep, r, &err) != DPF_OK && !r->rows.failed)
        ui_set_error(r->ui, err.msg);
}

/* ---- the application form: programme, date, note ---- */

struct apply_form {
    struct page *p;
    struct field fields[3];
};

static int save_apply(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct apply_form *af = ctx;
    struct db *db = af->p->ui->db;
    char *v[3] = { NULL, NULL, NULL };
    int64_t id;
    int rc = DPF_OK;

    for (int i = 0; i < 3 && rc == DPF_OK; i++)
        rc = ui_form_parse(f, i, db_today(db), &v[i], err);
    if (rc == DPF_OK && (rc = db_begin(db, err)) == DPF_OK)
        rc = db_end(db, enrol_apply(db, af->p->ps.p[atoi(v[0]) - 1].id, af->p->person, v[1], v[2],
                                    &id, err), err);
    for (int i = 0; i < 3; i++)
        free(v[i]);
    return rc;
}

static int apply(struct page *p)
{
    struct apply_form af = { .p = p, .fields = {
        { "programme", "补贴项目", N_("Programme"), FT_CHOICE, p->names, 22, 30, FF_REQUIRED },
        { "date", "申请日期", N_("Applied on"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
        { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
    } };
    static const int all[] = { 0, 1, 2 };
    struct ui_form f;
    char title[128];

    snprintf(title, sizeof title, _("Application of %s"), p->name);
    ui_form_init(&f, title, af.fields, all, 3);
    ui_form_set(&f, 1, db_today(p->ui->db));
    f.save = save_apply;
    f.ctx = &af;
    return ui_form_run(p->ui, &f);
}

/* ---- the stop form: reason, first month not paid, note ---- */

struct stop_form {
    struct page *p;
    int64_t id;
};

static int save_stop(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct stop_form *sf = ctx;
    struct db *db = sf->p->ui->db;
    char *v[3] = { NULL, NULL, NULL };
    int rc = DPF_OK;

    for (int i = 0; i < 3 && rc == DPF_OK; i++)
        rc = ui_form_parse(f, i, db_today(db), &v[i], err);
    if (rc == DPF_OK && (rc = db_begin(db, err)) == DPF_OK)
        rc = db_end(db, enrol_stop(db, sf->id, atoi(v[0]), month_parse(v[1]), v[2], err), err);
    for (int i = 0; i < 3; i++)
        free(v[i]);
    return rc;
}

static int stop(struct page *p, const struct ui_rows_row *row)
{
    static const struct field fields[] = {
        { "reason", "停发原因", N_("Stop reason"), FT_CHOICE, enrol_reasons, 12, 8, FF_REQUIRED },
        { "stop_month", "停发月份", N_("First month not paid"), FT_MONTH, NULL, 7, 10, FF_REQUIRED },
        { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
    };
    static const int all[] = { 0, 1, 2 };
    struct stop_form sf = { p, row->id };
    struct ui_form f;
    char title[128], next[MONTH_TEXT];

    snprintf(title, sizeof title, _("Stop the payment of %s: %s"), p->name, row->cells[0]);
    ui_form_init(&f, title, fields, all, 3);
    ui_form_set(&f, 1, month_format(month_of_date(db_today(p->ui->db)) + 1, next));
    f.save = save_stop;
    f.ctx = &sf;
    return ui_form_run(p->ui, &f);
}

static int refuse(struct page *p, int64_t id)
{
    static const struct field why = { "reason_note", "原因说明", N_("Why it is refused"), FT_TEXT,
                                      NULL, 30, 100, FF_REQUIRED };
    struct dpf_err err;
    char *v = NULL;
    int rc;

    if (!ui_ask(p->ui, _("Refuse the application"), &why, NULL, &v) || !v)
        return 0;
    if ((rc = db_begin(p->ui->db, &err)) == DPF_OK)
        rc = db_end(p->ui->db, enrol_refuse(p->ui->db, id, db_today(p->ui->db), v, &err), &err);
    free(v);
    if (rc != DPF_OK)
        ui_set_error(p->ui, err.msg);
    return rc == DPF_OK;
}

static int advance(struct page *p, const struct ui_rows_row *row)
{
    struct dpf_err err;
    char q[256];
    int rc;

    snprintf(q, sizeof q, _("Move the application to %s today?"), enrol_steps[row->tag]);
    if (!ui_confirm(p->ui, q))
        return 0;
    if ((rc = db_begin(p->ui->db, &err)) == DPF_OK)
        rc = db_end(p->ui->db, enrol_advance(p->ui->db, row->id, db_today(p->ui->db), &err), &err);
    if (rc != DPF_OK)
        ui_set_error(p->ui, err.msg);
    return rc == DPF_OK;
}

static void title(struct ui_run *r, char *buf, size_t cap)
{
    const struct page *p = r->ctx;
    snprintf(buf, cap, _("Subsidies of %s"), p->name);
}

/* Each action needs an enrolment at its step: an open application, or a payment. */
static enum ui_result act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    const struct ui_rows_row *row = ui_run_row(r);
    struct page *p = r->ctx;
    int open = row && row->tag <= ES_REVIEWED, changed;

    (void)k;
    switch (a) {
    case UA_APPLY:
        changed = apply(p);
        break;
    case UA_ADVANCE:
    case UA_REFUSE:
        if (!open) {
            ui_refuse(r->ui, "%s", _("Choose an application that is not yet approved"));
            return UR_STAY;
        }
        changed = a == UA_ADVANCE ? advance(p, row) : refuse(p, row->id);
        break;
    case UA_STOP:
        if (!row || row->tag != ES_APPROVED) {
            ui_refuse(r->ui, "%s", _("Choose a payment that is approved"));
            return UR_STAY;
        }
        changed = stop(p, row);
        break;
    default:
        return UR_PASS;
    }
    if (!changed)
        return UR_STAY;
    ui_set_message(r->ui, "%s", _("Saved"));
    /* A new application is the newest: at the top of the list. */
    return a == UA_APPLY ? UR_TOP : UR_RELOAD;
}

void ui_enrol_person(struct ui *ui, int64_t person_id)
{
    static const char *const headers[NCOLS] = { N_("Programme"), N_("Step"), N_("Paid from"),
                                                N_("Stopped from"), N_("Reason"),
                                                N_("Applied on"), N_("Approved on"), N_("By") };
    static const int widths[NCOLS] = { 22, 8, 8, 8, 14, 10, 10, 10 };
    static const struct ui_screen screen = {
        .context = UC_ENROL, .intro = intro, .ncols = NCOLS, .headers = headers,
        .widths = widths, .empty = N_("(no subsidies)"), .title = title, .load = load,
        .act = act,
    };
    struct page p = { .ui = ui, .person = person_id };
    struct person who;
    struct dpf_err err;

    person_init(&who);
    if (person_load(ui->db, person_id, &who, &err) != DPF_OK ||
        programme_load_all(ui->db, &p.ps, &err) != DPF_OK) {
        ui_set_error(ui, err.msg);
        person_clear(&who);
        return;
    }
    snprintf(p.name, sizeof p.name, "%s", person_get(&who, PF_NAME));
    person_clear(&who);
    if (!(p.names = calloc((size_t)p.ps.n + 1, sizeof *p.names))) {
        programme_set_free(&p.ps);
        return;
    }
    for (int i = 0; i < p.ps.n; i++)
        p.names[i] = p.ps.p[i].v[GF_NAME];
    ui_run(ui, &screen, &p);
    programme_set_free(&p.ps);
    free(p.names);
}
