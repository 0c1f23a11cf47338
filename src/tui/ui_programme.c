/* SPDX-License-Identifier: MIT */
/* Programmes and their rules, for the manager: the list of programmes (F4 edits one, Enter
 * opens its rules), and a programme's rules by valid-from month (F2 adds a rule from a
 * month, prefilled with the one in force; F4 changes a rule not yet in an approved month).
 * Forms are the shared form over programme_fields and rule_fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/money.h"
#include "dpf/month.h"
#include "dpf/programme.h"
#include "dpf/review.h"
#include "ui.h"

static const char *const progs_intro[] = {
    N_("The subsidy programmes. Enter: the programme's rules."),
    N_("A rule says who qualifies and how much, from a month on."),
    NULL,
};
static const char *const rules_intro[] = {
    N_("The rules of a programme, by the month they are valid from."),
    N_("F2 adds a rule from a month; F4 changes one. A month already"),
    N_("approved keeps its rule: a change starts in a later month."),
    NULL,
};

struct screen {
    struct ui *ui;
    struct programme_set ps;
    int prog;                   /* the programme whose rules are shown */
};

/* "一级 60.00 二级 60.00 ..." of a rule. */
static void amounts(const struct rule *r, char *out, size_t cap)
{
    char a[32];
    out[0] = '\0';
    for (int l = 1; l <= 4; l++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", l > 1 ? " " : "",
                 money_format(r->amount[l], 1, a, sizeof a));
}

static int fetch_progs(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err)
{
    struct screen *s = ctx;
    int now = month_of_date(db_today(s->ui->db));

    for (int i = page * limit; i < s->ps.n && i < (page + 1) * limit; i++) {
        const struct programme *p = &s->ps.p[i];
        const struct rule *r = programme_rule_at(p, now);
        char period[16], levels[64], money[128];
        const char *cells[] = {
            p->v[GF_CODE], p->v[GF_NAME],
            field_format(&programme_fields[GF_PAY_PERIOD], p->v[GF_PAY_PERIOD], 0, period,
                         sizeof period),
            p->active ? "是" : "否",
            r ? field_format(&rule_fields[RF_LEVELS], r->v[RF_LEVELS], 0, levels, sizeof levels) : "",
            r ? rule_fields[RF_PERIOD].choices[r->period - 1] : "",
            money,
        };
        if (r)
            amounts(r, money, sizeof money);
        else
            money[0] = '\0';
        if (ui_list_add(l, i, cells) != DPF_OK)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    return DPF_OK;
}

static int fetch_rules(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err)
{
    struct screen *s = ctx;
    const struct programme *p = &s->ps.p[s->prog];

    /* Newest first: the rule in force now is near the top. */
    for (int k = page * limit; k < p->nrules && k < (page + 1) * limit; k++) {
        const struct rule *r = &p->rules[p->nrules - 1 - k];
        char b[4][96];
        const char *cells[] = {
            r->v[RF_VALID_FROM],
            field_format(&rule_fields[RF_CATEGORIES], r->v[RF_CATEGORIES], 0, b[0], sizeof b[0]),
            field_format(&rule_fields[RF_LEVELS], r->v[RF_LEVELS], 0, b[1], sizeof b[1]),
            field_format(&rule_fields[RF_POVERTY], r->v[RF_POVERTY], 0, b[2], sizeof b[2]),
            rule_fields[RF_PERIOD].choices[r->period - 1],
            b[3],
        };
        amounts(r, b[3], sizeof b[3]);
        if (ui_list_add(l, p->nrules - 1 - k, cells) != DPF_OK)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    return DPF_OK;
}

static void reload(struct screen *s, struct ui_list *l)
{
    struct dpf_err err;
    programme_set_free(&s->ps);
    if (programme_load_all(s->ui->db, &s->ps, &err) != DPF_OK)
        ui_set_message(s->ui, "%s", err.msg);
    ui_list_load(l, l->page, ui_list_rows(), &err);
}

static void columns(struct ui_list *l, const char *const *headers, const int *widths, int n)
{
    l->ncols = n;
    for (int c = 0; c < n; c++) {
        l->cols[c].header = _(headers[c]);
        l->cols[c].width = widths[c];
    }
}

/* ---- forms ---- */

struct rule_edit {
    struct screen *s;
};

static int save_rule(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct rule_edit *re = ctx;
    struct db *db = re->s->ui->db;
    char *v[RULE_NFIELDS] = { 0 };
    int rc = DPF_OK;

    for (int i = 0; i < RULE_NFIELDS && rc == DPF_OK; i++)
        rc = ui_form_parse(f, i, db_today(db), &v[i], err);
    if (rc == DPF_OK && (rc = db_begin(db, err)) == DPF_OK)
        rc = db_end(db, programme_rule_save(db, re->s->ps.p[re->s->prog].id, v, NULL, err), err);
    for (int i = 0; i < RULE_NFIELDS; i++)
        free(v[i]);
    return rc;
}

/* A rule form prefilled from `from` (or empty); valid_from replaces its month when given. */
static int edit_rule(struct screen *s, const struct rule *from, const char *valid_from)
{
    static int all[RULE_NFIELDS];
    struct rule_edit re = { s };
    struct ui_form f;
    char title[128];

    for (int i = 0; i < RULE_NFIELDS; i++)
        all[i] = i;
    snprintf(title, sizeof title, valid_from ? _("New rule: %s") : _("Change the rule: %s"),
             s->ps.p[s->prog].v[GF_NAME]);
    ui_form_init(&f, title, rule_fields, all, RULE_NFIELDS);
    for (int i = 0; from && i < RULE_NFIELDS; i++)
        ui_form_set(&f, i, from->v[i]);
    if (valid_from)
        ui_form_set(&f, RF_VALID_FROM, valid_from);
    f.save = save_rule;
    f.ctx = &re;
    return ui_form_run(s->ui, &f);
}

static int save_programme(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct programme *p = ctx;
    int rc = DPF_OK;

    for (int i = 0; i < PROGRAMME_NFIELDS && rc == DPF_OK; i++) {
        free(p->v[i]);
        p->v[i] = NULL;
        rc = ui_form_parse(f, i, NULL, &p->v[i], err);
    }
    return rc;
}

static void edit_programme(struct screen *s, int i)
{
    static const int all[] = { GF_CODE, GF_NAME, GF_PAY_PERIOD, GF_ACTIVE, GF_NOTE };
    struct programme p = { .id = s->ps.p[i].id };
    struct ui_form f;
    struct dpf_err err;
    int rc;

    ui_form_init(&f, _("The programme"), programme_fields, all, PROGRAMME_NFIELDS);
    for (int k = 0; k < PROGRAMME_NFIELDS; k++)
        ui_form_set(&f, k, s->ps.p[i].v[k]);
    f.save = save_programme;
    f.ctx = &p;
    if (ui_form_run(s->ui, &f)) {
        if ((rc = db_begin(s->ui->db, &err)) == DPF_OK)
            rc = db_end(s->ui->db, programme_save(s->ui->db, &p, &err), &err);
        ui_set_message(s->ui, "%s", rc == DPF_OK ? _("Saved") : err.msg);
    }
    for (int k = 0; k < PROGRAMME_NFIELDS; k++)
        free(p.v[k]);
}

/* ---- the screens ---- */

static void rules_screen(struct screen *s)
{
    static const char *const headers[] = { N_("Valid from"), N_("Categories"), N_("Levels"),
                                           N_("Poverty condition"), N_("Amount per"),
                                           N_("Levels 1-4 (yuan)") };
    static const int widths[] = { 8, 16, 12, 14, 8, 30 };
    struct ui_list l = { .fetch = fetch_rules, .ctx = s, .empty = _("(no rules)") };
    struct dpf_err err;
    char title[128];

    columns(&l, headers, widths, 6);
    ui_list_load(&l, 0, ui_list_rows(), &err);
    for (;;) {
        const struct programme *p = &s->ps.p[s->prog];
        struct ui_key k;
        int last, changed = 0;
        snprintf(title, sizeof title, _("Rules of %s"), p->v[GF_NAME]);
        if (!ui_too_small()) {
            ui_frame(s->ui, title, UC_RULES);
            ui_list_draw(&l, 1, ui_list_rows() + 2);
            refresh();
        }
        k = ui_read_key(s->ui);
        switch (ui_action(s->ui, UC_RULES, k)) {
        case UA_BACK:
            ui_list_clear(&l);
            return;
        case UA_HELP:
            ui_help_run(s->ui, UC_RULES, rules_intro);
            break;
        case UA_NEW: {
            char next[MONTH_TEXT];
            if (review_last_approved(s->ui->db, &last, &err) != DPF_OK)
                last = month_of_date(db_today(s->ui->db)) - 1;
            month_format(last >= 0 ? last + 1 : month_of_date(db_today(s->ui->db)), next);
            changed = edit_rule(s, p->nrules ? &p->rules[p->nrules - 1] : NULL, next);
            break;
        }
        case UA_EDIT:
            if (l.nrows)
                changed = edit_rule(s, &p->rules[ui_list_selected(&l)], NULL);
            break;
        default:
            ui_list_key(&l, k, &err);
            break;
        }
        if (changed) {
            ui_set_message(s->ui, "%s", _("Saved"));
            reload(s, &l);
        }
    }
}

int ui_programmes(struct ui *ui)
{
    static const char *const headers[] = { N_("Code"), N_("Programme"), N_("Paid"), N_("In use"),
                                           N_("Levels"), N_("Amount per"),
                                           N_("Levels 1-4 (yuan)") };
    static const int widths[] = { 12, 22, 4, 4, 10, 8, 30 };
    struct screen s = { .ui = ui };
    struct ui_list l = { .fetch = fetch_progs, .ctx = &s };
    struct dpf_err err;

    columns(&l, headers, widths, 7);
    reload(&s, &l);
    for (;;) {
        struct ui_key k;
        if (!ui_too_small()) {
            ui_frame(ui, _("Subsidy programmes"), UC_PROGS);
            ui_list_draw(&l, 1, ui_list_rows() + 2);
            refresh();
        }
        k = ui_read_key(ui);
        switch (ui_action(ui, UC_PROGS, k)) {
        case UA_BACK:
            ui_list_clear(&l);
            programme_set_free(&s.ps);
            return DPF_OK;
        case UA_HELP:
            ui_help_run(ui, UC_PROGS, progs_intro);
            break;
        case UA_OPEN:
            if (l.nrows) {
                s.prog = (int)ui_list_selected(&l);
                rules_screen(&s);
                reload(&s, &l);
            }
            break;
        case UA_EDIT:
            if (l.nrows) {
                edit_programme(&s, (int)ui_list_selected(&l));
                reload(&s, &l);
            }
            break;
        default:
            ui_list_key(&l, k, &err);
            break;
        }
    }
}
