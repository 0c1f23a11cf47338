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

/* The programmes again (after a change, or for the rules of one); an error goes to the
 * status line. */
static void load_set(struct screen *s)
{
    struct dpf_err err;
    programme_set_free(&s->ps);
    if (programme_load_all(s->ui->db, &s->ps, &err) != DPF_OK)
        ui_set_error(s->ui, err.msg);
}

/* The programme whose rules are shown, or NULL when the programmes could not be read. */
static const struct programme *shown(const struct screen *s)
{
    return s->prog < s->ps.n ? &s->ps.p[s->prog] : NULL;
}

/* A row per programme, its id the programme's index, with the rule in force today. */
static void load_progs(struct ui_run *run)
{
    struct screen *s = run->ctx;
    int now;

    load_set(s);
    now = month_of_date(db_today(s->ui->db));
    for (int i = 0; i < s->ps.n; i++) {
        const struct programme *p = &s->ps.p[i];
        const struct rule *r = programme_rule_at(p, now);
        char period[16], active[8], every[16], levels[64], money[128];
        const char *cells[] = {
            p->v[GF_CODE], p->v[GF_NAME],
            field_show(&programme_fields[GF_PAY_PERIOD], p->v[GF_PAY_PERIOD], 0, period,
                       sizeof period),
            field_show(&programme_fields[GF_ACTIVE], p->active ? "1" : "0", 0, active,
                       sizeof active),
            r ? field_show(&rule_fields[RF_LEVELS], r->v[RF_LEVELS], 0, levels, sizeof levels) : "",
            r ? field_show(&rule_fields[RF_PERIOD], r->v[RF_PERIOD], 0, every, sizeof every) : "",
            money,
        };
        if (r)
            amounts(r, money, sizeof money);
        else
            money[0] = '\0';
        if (ui_rows_add(&run->rows, i, 0, cells) != DPF_OK)
            return;
    }
}

/* A row per rule of the programme shown, its id the rule's index. */
static void load_rules(struct ui_run *run)
{
    struct screen *s = run->ctx;
    const struct programme *p;

    load_set(s);
    if (!(p = shown(s)))
        return;
    /* Newest first: the rule in force now is near the top. */
    for (int k = p->nrules - 1; k >= 0; k--) {
        const struct rule *r = &p->rules[k];
        char b[5][96];
        const char *cells[] = {
            r->v[RF_VALID_FROM],
            field_show(&rule_fields[RF_CATEGORIES], r->v[RF_CATEGORIES], 0, b[0], sizeof b[0]),
            field_show(&rule_fields[RF_LEVELS], r->v[RF_LEVELS], 0, b[1], sizeof b[1]),
            field_show(&rule_fields[RF_POVERTY], r->v[RF_POVERTY], 0, b[2], sizeof b[2]),
            field_show(&rule_fields[RF_PERIOD], r->v[RF_PERIOD], 0, b[4], sizeof b[4]),
            b[3],
        };
        amounts(r, b[3], sizeof b[3]);
        if (ui_rows_add(&run->rows, k, 0, cells) != DPF_OK)
            return;
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
        if (rc == DPF_OK)
            ui_set_message(s->ui, "%s", _("Saved"));
        else
            ui_set_error(s->ui, err.msg);
    }
    for (int k = 0; k < PROGRAMME_NFIELDS; k++)
        free(p.v[k]);
}

/* ---- the screens ---- */

static void rules_title(struct ui_run *run, char *buf, size_t cap)
{
    const struct programme *p = shown(run->ctx);
    snprintf(buf, cap, _("Rules of %s"), p ? p->v[GF_NAME] : "");
}

/* F2: a rule from the month after the last approved one, prefilled with the newest. */
static int new_rule(struct screen *s, const struct programme *p)
{
    char next[MONTH_TEXT];
    struct dpf_err err;
    int last;

    if (review_last_approved(s->ui->db, &last, &err) != DPF_OK)
        last = month_of_date(db_today(s->ui->db)) - 1;
    month_format(last >= 0 ? last + 1 : month_of_date(db_today(s->ui->db)), next);
    return edit_rule(s, p->nrules ? &p->rules[p->nrules - 1] : NULL, next);
}

static enum ui_result rules_act(struct ui_run *run, enum ui_action a, struct ui_key k)
{
    const struct ui_rows_row *row = ui_run_row(run);
    struct screen *s = run->ctx;
    const struct programme *p = shown(s);
    int changed;

    (void)k;
    if (a == UA_NEW && p)
        changed = new_rule(s, p);
    else if (a == UA_EDIT && p && row)
        changed = edit_rule(s, &p->rules[row->id], NULL);
    else
        return a == UA_NEW || a == UA_EDIT ? UR_STAY : UR_PASS;
    if (!changed)
        return UR_STAY;
    ui_set_message(s->ui, "%s", _("Saved"));
    return UR_RELOAD;
}

static void rules_screen(struct screen *s)
{
    static const char *const headers[] = { N_("Valid from"), N_("Categories"), N_("Levels"),
                                           N_("Poverty condition"), N_("Amount per"),
                                           N_("Levels 1-4 (yuan)") };
    static const int widths[] = { 8, 16, 12, 14, 8, 30 };
    static const struct ui_screen screen = {
        .context = UC_RULES, .intro = rules_intro, .ncols = 6, .headers = headers,
        .widths = widths, .empty = N_("(no rules)"), .title = rules_title,
        .load = load_rules, .act = rules_act,
    };
    ui_run(s->ui, &screen, s);
}

/* Enter: the selected programme's rules; F4: the programme itself. */
static enum ui_result progs_act(struct ui_run *run, enum ui_action a, struct ui_key k)
{
    const struct ui_rows_row *row = ui_run_row(run);
    struct screen *s = run->ctx;

    (void)k;
    if (a != UA_OPEN && a != UA_EDIT)
        return UR_PASS;
    if (!row)
        return UR_STAY;
    s->prog = (int)row->id;
    if (a == UA_OPEN)
        rules_screen(s);
    else
        edit_programme(s, s->prog);
    return UR_RELOAD;
}

int ui_programmes(struct ui *ui)
{
    static const char *const headers[] = { N_("Code"), N_("Programme"), N_("Paid"), N_("In use"),
                                           N_("Levels"), N_("Amount per"),
                                           N_("Levels 1-4 (yuan)") };
    static const int widths[] = { 12, 22, 4, 4, 10, 8, 30 };
    static const struct ui_screen screen = {
        .context = UC_PROGS, .intro = progs_intro, .ncols = 7, .headers = headers,
        .widths = widths, .name = N_("Subsidy programmes"), .load = load_progs,
        .act = progs_act,
    };
    struct screen s = { .ui = ui };

    ui_run(ui, &screen, &s);
    programme_set_free(&s.ps);
    return DPF_OK;
}
