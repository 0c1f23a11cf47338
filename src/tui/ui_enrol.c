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

struct page {
    struct ui *ui;
    int64_t person;
    char name[64];
    struct programme_set ps;
    const char **names;         /* programme names, NULL-terminated, for the choice */
    struct enrolment *e;        /* the person's enrolments, a block that doubles as it fills */
    int n, cap, failed;         /* failed: one could not be stored (said, not dropped) */
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
    struct page *p = ctx;
    struct enrolment *grown;
    int cap;

    if (p->n == p->cap) {
        cap = p->cap ? 2 * p->cap : 16;
        if (cap < p->cap || !(grown = realloc(p->e, (size_t)cap * sizeof *grown))) {
            p->failed = 1;
            return 1;
        }
        p->e = grown;
        p->cap = cap;
    }
    p->e[p->n++] = *e;
    return 0;
}

static int fetch(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err)
{
    struct page *p = ctx;
    char start[MONTH_TEXT], stop[MONTH_TEXT];

    for (int i = page * limit; i < p->n && i < (page + 1) * limit; i++) {
        const struct enrolment *e = &p->e[i];
        const char *cells[] = {
            prog_name(p, e->programme_id), enrol_steps[e->step - 1],
            month_format(e->start_month, start), e->stop_month ? month_format(e->stop_month, stop) : "",
            e->reason ? enrol_reason_name(e->reason) : e->reason_note, e->applied_on,
            e->approved_on, e->approved_by,
        };
        if (ui_list_add(l, i, cells) != DPF_OK)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    return DPF_OK;
}

static void load(struct page *p, struct ui_list *l)
{
    struct dpf_err err;
    p->n = 0;
    p->failed = 0;
    if (enrol_of_person(p->ui->db, p->person, keep, p, &err) != DPF_OK && !p->failed)
        ui_set_message(p->ui, "%s", err.msg);
    if (p->failed)
        ui_set_message(p->ui, "%s", _("Out of memory"));
    ui_list_load(l, 0, ui_list_rows(), &err);
}

static const struct enrolment *selected(const struct page *p, const struct ui_list *l)
{
    return l->nrows ? &p->e[ui_list_selected(l)] : NULL;
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
    const struct enrolment *e;
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
        rc = db_end(db, enrol_stop(db, sf->e->id, atoi(v[0]), month_parse(v[1]), v[2], err), err);
    for (int i = 0; i < 3; i++)
        free(v[i]);
    return rc;
}

static int stop(struct page *p, const struct enrolment *e)
{
    static const struct field fields[] = {
        { "reason", "停发原因", N_("Stop reason"), FT_CHOICE, enrol_reasons, 12, 8, FF_REQUIRED },
        { "stop_month", "停发月份", N_("First month not paid"), FT_MONTH, NULL, 7, 10, FF_REQUIRED },
        { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
    };
    static const int all[] = { 0, 1, 2 };
    struct stop_form sf = { p, e };
    struct ui_form f;
    char title[128], next[MONTH_TEXT];

    snprintf(title, sizeof title, _("Stop the payment of %s: %s"), p->name,
             prog_name(p, e->programme_id));
    ui_form_init(&f, title, fields, all, 3);
    ui_form_set(&f, 1, month_format(month_of_date(db_today(p->ui->db)) + 1, next));
    f.save = save_stop;
    f.ctx = &sf;
    return ui_form_run(p->ui, &f);
}

static int refuse(struct page *p, const struct enrolment *e)
{
    static const struct field why = { "reason_note", "原因说明", N_("Why it is refused"), FT_TEXT,
                                      NULL, 30, 100, FF_REQUIRED };
    struct dpf_err err;
    char *v = NULL;
    int rc;

    if (!ui_ask(p->ui, _("Refuse the application"), &why, NULL, &v) || !v)
        return 0;
    if ((rc = db_begin(p->ui->db, &err)) == DPF_OK)
        rc = db_end(p->ui->db, enrol_refuse(p->ui->db, e->id, db_today(p->ui->db), v, &err), &err);
    free(v);
    if (rc != DPF_OK)
        ui_set_message(p->ui, "%s", err.msg);
    return rc == DPF_OK;
}

static int advance(struct page *p, const struct enrolment *e)
{
    struct dpf_err err;
    char q[256];
    int rc;

    snprintf(q, sizeof q, _("Move the application to %s today?"), enrol_steps[e->step]);
    if (!ui_confirm(p->ui, q))
        return 0;
    if ((rc = db_begin(p->ui->db, &err)) == DPF_OK)
        rc = db_end(p->ui->db, enrol_advance(p->ui->db, e->id, db_today(p->ui->db), &err), &err);
    if (rc != DPF_OK)
        ui_set_message(p->ui, "%s", err.msg);
    return rc == DPF_OK;
}

void ui_enrol_person(struct ui *ui, int64_t person_id)
{
    static const char *const headers[] = { N_("Programme"), N_("Step"), N_("Paid from"),
                                           N_("Stopped from"), N_("Reason"), N_("Applied on"),
                                           N_("Approved on"), N_("By") };
    static const int widths[] = { 22, 8, 8, 8, 14, 10, 10, 10 };
    struct page p = { .ui = ui, .person = person_id };
    struct ui_list l = { .fetch = fetch, .ctx = &p, .empty = _("(no subsidies)") };
    struct person who;
    struct dpf_err err;
    char title[160];

    person_init(&who);
    if (person_load(ui->db, person_id, &who, &err) != DPF_OK ||
        programme_load_all(ui->db, &p.ps, &err) != DPF_OK) {
        ui_set_message(ui, "%s", err.msg);
        person_clear(&who);
        return;
    }
    snprintf(p.name, sizeof p.name, "%s", person_get(&who, PF_NAME));
    snprintf(title, sizeof title, _("Subsidies of %s"), p.name);
    person_clear(&who);
    if (!(p.names = calloc((size_t)p.ps.n + 1, sizeof *p.names))) {
        programme_set_free(&p.ps);
        return;
    }
    for (int i = 0; i < p.ps.n; i++)
        p.names[i] = p.ps.p[i].v[GF_NAME];
    l.ncols = 8;
    for (int c = 0; c < 8; c++) {
        l.cols[c].header = _(headers[c]);
        l.cols[c].width = widths[c];
    }
    load(&p, &l);
    for (;;) {
        const struct enrolment *e = selected(&p, &l);
        struct ui_key k;
        int changed = 0;
        if (!ui_too_small()) {
            ui_frame(ui, title, UC_ENROL);
            ui_list_draw(&l, 1, ui_list_rows() + 2);
            refresh();
        }
        k = ui_read_key(ui);
        switch (ui_action(ui, UC_ENROL, k)) {
        case UA_BACK:
            ui_list_clear(&l);
            programme_set_free(&p.ps);
            free(p.names);
            free(p.e);
            return;
        case UA_HELP:
            ui_help_run(ui, UC_ENROL, intro);
            break;
        case UA_APPLY:
            changed = apply(&p);
            break;
        case UA_ADVANCE:
            if (e && e->step <= ES_REVIEWED)
                changed = advance(&p, e);
            else
                ui_set_message(ui, "%s", _("Choose an application that is not yet approved"));
            break;
        case UA_REFUSE:
            if (e && e->step <= ES_REVIEWED)
                changed = refuse(&p, e);
            else
                ui_set_message(ui, "%s", _("Choose an application that is not yet approved"));
            break;
        case UA_STOP:
            if (e && e->step == ES_APPROVED)
                changed = stop(&p, e);
            else
                ui_set_message(ui, "%s", _("Choose a payment that is approved"));
            break;
        default:
            ui_list_key(&l, k, &err);
            break;
        }
        if (changed) {
            ui_set_message(ui, "%s", _("Saved"));
            load(&p, &l);
        }
    }
}
