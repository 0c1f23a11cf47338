/* SPDX-License-Identifier: MIT */
/* Claims: the list of a year's claims (or one person's, with the policies they are insured
 * under) filtered by status, with the days each has been open; the claim form, whose item
 * lines are made from the policy's coverage items; moving a claim on; its steps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "dpf/text.h"
#include "dpf/insurance.h"
#include "dpf/money.h"
#include "dpf/person.h"
#include "ui.h"

enum { NCOLS = 8, CELL = 72 };

/* The screen's state: the year and the status filter; for one person's claims, who they are
 * and the policies they are insured under. A row's tag is its claim's status. */
struct claims {
    int year, status;           /* filter: status 0 all, -1 open */
    int64_t person_id;
    char name[64], cert[32], insured[160];
};

static int keep(const struct claim_summary *s, void *ctx)
{
    char c[NCOLS][CELL], status[64];
    const char *cells[NCOLS];

    snprintf(c[0], CELL, "%lld", (long long)s->id);
    snprintf(c[1], CELL, "%s", s->name);
    snprintf(c[2], CELL, "%s", s->township);
    snprintf(c[3], CELL, "%s", s->accident);
    snprintf(c[4], CELL, "%s", field_show_choice(&claim_fields[CL_STATUS], s->status, status,
                                                     sizeof status));
    snprintf(c[5], CELL, "%d", s->days_open);
    money_format(s->claimed, 1, c[6], CELL);
    money_format(s->paid, 1, c[7], CELL);
    for (int i = 0; i < NCOLS; i++)
        cells[i] = c[i];
    return ui_rows_add(ctx, s->id, s->status, cells) != DPF_OK;
}

/* ---- the claim form ---- */

/* The form's lines: the claim's own fields, then per coverage item its days (an allowance),
 * amount claimed, approved and paid. Item lines are keyed like the core's errors. */
struct cform {
    struct ui *ui;
    struct claim c;
    struct cover covers[COVER_MAX];
    int ncovers;
    struct field fields[UI_FORM_FIELDS];
    char labels[UI_FORM_FIELDS][96];
    int own[UI_FORM_FIELDS];            /* the claim field of a line, or -1 */
    int cover[UI_FORM_FIELDS], what[UI_FORM_FIELDS];
    int n;
};

static const int own_lines[] = {
    CL_ACCIDENT, CL_REPORTED, CL_PLACE, CL_DESCRIPTION, CL_DEATH, CL_DOCS, CL_NOTE,
};

static void add_own_line(struct cform *cf, int own)
{
    int i = cf->n++;
    cf->own[i] = own;
    cf->cover[i] = cf->what[i] = -1;
    cf->fields[i] = claim_fields[own];
}

/* An item line: labelled with the coverage item, keyed like the core's errors. */
static void add_item_line(struct cform *cf, int cover, int what)
{
    char label[sizeof cf->labels[0]];
    int i = cf->n++;

    cf->own[i] = -1;
    cf->cover[i] = cover;
    cf->what[i] = what;
    cf->fields[i] = claim_fields[what];
    cf->fields[i].key = claim_item_key(what, cover);
    cf->fields[i].flags = 0;
    snprintf(label, sizeof label, "%s %s", cf->covers[cover].item, _(claim_fields[what].label));
    memcpy(cf->labels[i], label, sizeof label);
    cf->fields[i].label = cf->labels[i];
}

/* Every coverage item's four lines fit beside the claim's own: none is ever left out. */
_Static_assert(sizeof own_lines / sizeof own_lines[0] + 4 * COVER_MAX <= UI_FORM_FIELDS,
               "a claim form must hold every coverage item's lines");

static void build_lines(struct cform *cf)
{
    cf->n = 0;
    for (size_t i = 0; i < sizeof own_lines / sizeof own_lines[0]; i++)
        add_own_line(cf, own_lines[i]);
    for (int k = 0; k < cf->ncovers; k++) {
        if (cf->covers[k].daily > 0)
            add_item_line(cf, k, CL_DAYS);
        add_item_line(cf, k, CL_CLAIMED);
        add_item_line(cf, k, CL_APPROVED);
        add_item_line(cf, k, CL_PAID);
    }
}

/* The claim's item for a coverage item, or NULL. */
static struct claim_item *item_of(struct claim *c, const struct cover *cv)
{
    for (int i = 0; i < c->nitems; i++)
        if (strcmp(c->items[i].item, cv->item) == 0)
            return &c->items[i];
    return NULL;
}

static void show_values(struct cform *cf, struct ui_form *f)
{
    char buf[32];
    for (int i = 0; i < cf->n; i++) {
        const struct claim_item *it;
        int64_t v = -1;
        if (cf->own[i] >= 0) {
            ui_form_set(f, i, cf->c.v[cf->own[i]]);
            continue;
        }
        if (!(it = item_of(&cf->c, &cf->covers[cf->cover[i]])))
            continue;
        v = cf->what[i] == CL_DAYS ? (it->days > 0 ? it->days : -1)
            : cf->what[i] == CL_CLAIMED ? it->claimed
            : cf->what[i] == CL_APPROVED ? it->approved : it->paid;
        if (v >= 0) {
            snprintf(buf, sizeof buf, "%lld", (long long)v);
            ui_form_set(f, i, buf);
        }
    }
}

/* An item error names the claim's item index; the form's line is keyed by coverage item. */
static void name_line(const struct claim *c, const struct cform *cf, struct dpf_err *err)
{
    for (int what = CL_DAYS; what <= CL_PAID; what++)
        for (int i = 0; i < c->nitems; i++)
            if (err->field && strcmp(err->field, claim_item_key(what, i)) == 0)
                for (int k = 0; k < cf->ncovers; k++)
                    if (strcmp(cf->covers[k].item, c->items[i].item) == 0) {
                        err->field = claim_item_key(what, k);
                        return;
                    }
}

/* The claim as the form has it: own values, and an item for each coverage item with any
 * amount typed. */
static int read_form(struct cform *cf, struct ui_form *f, struct claim *c, struct dpf_err *err)
{
    const char *today = db_today(cf->ui->db);
    int rc = DPF_OK;

    c->id = cf->c.id;
    for (int i = 0; i < CLAIM_OWN_FIELDS && rc == DPF_OK; i++)
        rc = claim_set(c, i, cf->c.v[i]);
    /* The status moves by steps only; left empty it stays as stored. */
    if (rc == DPF_OK)
        rc = claim_set(c, CL_STATUS, NULL);
    if (rc == DPF_OK)
        rc = claim_set(c, CL_STATUS_ON, NULL);
    for (int i = 0; i < cf->n && rc == DPF_OK; i++) {
        char *v = NULL;
        struct claim_item *it;
        if ((rc = ui_form_parse(f, i, today, &v, err)) != DPF_OK)
            break;
        if (cf->own[i] >= 0) {
            rc = claim_set(c, cf->own[i], v);
            free(v);
            continue;
        }
        it = item_of(c, &cf->covers[cf->cover[i]]);
        if (v && !it && c->nitems < COVER_MAX) {
            it = &c->items[c->nitems++];
            memset(it, 0, sizeof *it);
            snprintf(it->item, sizeof it->item, "%s", cf->covers[cf->cover[i]].item);
            it->claimed = it->approved = it->paid = -1;
        }
        if (v && it) {
            int64_t n = strtoll(v, NULL, 10);
            switch (cf->what[i]) {
            case CL_DAYS: it->days = (int)n; break;
            case CL_CLAIMED: it->claimed = n; break;
            case CL_APPROVED: it->approved = n; break;
            default: it->paid = n; break;
            }
        }
        free(v);
    }
    return rc;
}

static int save_claim(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct cform *cf = ctx;
    struct db *db = cf->ui->db;
    struct claim c;
    int rc;

    claim_init(&c);
    rc = read_form(cf, f, &c, err);
    if (rc == DPF_OK && (rc = db_begin(db, err)) == DPF_OK)
        rc = db_end(db, claim_save_from(db, &c, c.id ? &cf->c : NULL, err), err);
    if (rc != DPF_OK)
        name_line(&c, cf, err);
    else
        cf->c.id = c.id;
    claim_clear(&c);
    return rc;
}

/* The coverage items offered: the claim's policy, else the one covering today, else the
 * newest. */
static void load_covers(struct cform *cf)
{
    struct dpf_err err;
    int64_t pid = cf->c.policy_id;
    int year = atoi(db_today(cf->ui->db));

    if (!pid && policy_of_year(cf->ui->db, year, &pid, &err) != DPF_OK &&
        policy_of_year(cf->ui->db, year - 1, &pid, &err) != DPF_OK)
        pid = 0;
    if (cover_list(cf->ui->db, pid, cf->covers, &cf->ncovers, &err) != DPF_OK)
        cf->ncovers = 0;
}

/* Files a new claim for the person with certificate cert (id 0), or edits claim id. */
static int claim_form(struct ui *ui, int64_t id, const char *cert)
{
    struct cform *cf = calloc(1, sizeof *cf);
    struct ui_form f;
    struct dpf_err err;
    int which[UI_FORM_FIELDS], saved = 0;
    char title[160];

    if (!cf)
        return 0;
    cf->ui = ui;
    claim_init(&cf->c);
    /* The form shows the certificate number in full: audited before it opens. */
    if (id && (claim_load(ui->db, id, &cf->c, &err) != DPF_OK ||
               audit_disclose(ui->db, "claim form", cf->c.person_id, NULL, -1, &err) != DPF_OK)) {
        ui_set_error(ui, err.msg);
        claim_clear(&cf->c);
        free(cf);
        return 0;
    }
    if (!id) {
        claim_set(&cf->c, CL_CERT_NO, cert);
        claim_set(&cf->c, CL_REPORTED, db_today(ui->db));
    }
    load_covers(cf);
    build_lines(cf);
    for (int i = 0; i < cf->n; i++)
        which[i] = i;
    snprintf(title, sizeof title, id ? _("Claim %lld") : _("Report an accident"), (long long)id);
    ui_form_init(&f, title, cf->fields, which, cf->n);
    show_values(cf, &f);
    f.save = save_claim;
    f.ctx = cf;
    if ((saved = ui_form_run(ui, &f)))
        ui_set_message(ui, _("Claim %lld saved"), (long long)cf->c.id);
    claim_clear(&cf->c);
    free(cf);
    return saved;
}

/* ---- moving on, steps ---- */

static int move_claim(struct ui *ui, int64_t id, int status)
{
    static const struct field to = { "claim_status", "理赔状态", N_("Move to"), FT_CHOICE,
                                     claim_statuses, 12, 8, FF_REQUIRED };
    static const struct field reason = { "reason", "原因", N_("Reason"), FT_TEXT, NULL, 30,
                                         200, FF_REQUIRED };
    struct dpf_err err;
    char next[16], *v = NULL, *date = NULL, *why = NULL;
    int target, rc;

    if (status >= CS_PAID) {
        ui_refuse(ui, _("The claim is closed (%s)"),
                  field_show_choice(&claim_fields[CL_STATUS], status, next, sizeof next));
        return 0;
    }
    snprintf(next, sizeof next, "%d", status + 1);
    if (!ui_ask(ui, _("Move the claim to"), &to, next, &v) || !v)
        return 0;
    target = atoi(v);
    free(v);
    if (!ui_ask(ui, _("On which date?"), &claim_fields[CL_STATUS_ON], db_today(ui->db), &date) ||
        !date)
        return 0;
    if ((target == CS_REJECTED || target == CS_WITHDRAWN) &&
        (!ui_ask(ui, _("Why?"), &reason, NULL, &why) || !why)) {
        free(date);
        return 0;
    }
    if ((rc = db_begin(ui->db, &err)) == DPF_OK)
        rc = db_end(ui->db, claim_move(ui->db, id, target, date, why, &err), &err);
    if (rc == DPF_OK)
        ui_set_message(ui, "%s", _("Saved"));
    else
        ui_set_error(ui, err.msg);
    free(date);
    free(why);
    return rc == DPF_OK;
}

static int keep_step(const struct claim_step *s, void *ctx)
{
    char line[400], status[64], name[64];
    /* The status padded by display columns: 14 cells hold the longest, 已报保险公司. */
    snprintf(line, sizeof line, "%s  %s %s  %s  %s", s->on,
             text_fit(status, sizeof status,
                      field_show_choice(&claim_fields[CL_STATUS], s->status, name, sizeof name),
                      14, 0), s->user,
             s->at, s->note);
    return ui_lines_add(ctx, line) != DPF_OK;
}

static void steps(struct ui *ui, int64_t id)
{
    struct ui_lines sl = { 0 };
    struct dpf_err err;
    char title[64];

    if (claim_steps(ui->db, id, keep_step, &sl, &err) != DPF_OK && !sl.failed)
        ui_set_error(ui, err.msg);
    snprintf(title, sizeof title, _("Steps of claim %lld"), (long long)id);
    ui_lines_run(ui, title, &sl);
    ui_lines_free(&sl);
}

/* ---- the list ---- */

static int keep_period(const struct insured_period *p, void *ctx)
{
    struct claims *t = ctx;
    size_t len = strlen(t->insured);
    snprintf(t->insured + len, sizeof t->insured - len, "%s%d: %s%s%s", len ? "; " : "",
             p->year, p->from, p->to[0] ? "~" : "", p->to);
    return 0;
}

/* For a person's page: their name, certificate and the policies they are insured under. */
static void person_header(struct ui *ui, struct claims *t)
{
    struct person p;
    struct dpf_err err;

    person_init(&p);
    if (person_load(ui->db, t->person_id, &p, &err) == DPF_OK) {
        snprintf(t->name, sizeof t->name, "%s", person_get(&p, PF_NAME));
        snprintf(t->cert, sizeof t->cert, "%s", person_get(&p, PF_CERT_NO));
    }
    person_clear(&p);
    t->insured[0] = '\0';
    insured_periods(ui->db, t->person_id, keep_period, t, &err);
}

static void load(struct ui_run *r)
{
    struct claims *t = r->ctx;
    struct claim_filter f = { t->person_id ? 0 : t->year, t->status, t->person_id };
    struct dpf_err err;

    if (t->person_id)
        person_header(r->ui, t);
    if (claim_list(r->ui->db, &f, keep, &r->rows, &err) != DPF_OK)
        ui_set_error(r->ui, err.msg);
}

static void title(struct ui_run *r, char *buf, size_t cap)
{
    const struct claims *t = r->ctx;
    if (t->person_id)
        snprintf(buf, cap, _("Insurance of %s"), t->name);
    else
        snprintf(buf, cap, _("Claims of the %d policy"), t->year);
}

/* The line above the list: the filter, and on a person's page the policies they are under. */
static void draw_head(struct ui_run *r)
{
    const struct claims *t = r->ctx;
    char line[256], name[64];
    const char *filter = t->status == 0 ? _("all") : t->status < 0 ? _("in progress")
                       : field_show_choice(&claim_fields[CL_STATUS], t->status, name, sizeof name);

    if (t->person_id)
        snprintf(line, sizeof line, _("Insured: %s   Claims: %s"),
                 t->insured[0] ? t->insured : _("never"), filter);
    else
        snprintf(line, sizeof line, _("Status: %s (F5 changes it)"), filter);
    ui_put(1, 0, line, COLS, A_BOLD);
}

static int ask_cert(struct ui *ui, char **cert)
{
    static const struct field f = { "cert_no", "残疾人证号", N_("Certificate number"),
                                    FT_TEXT, NULL, 24, 24, FF_REQUIRED };
    return ui_ask(ui, _("Whose accident? (certificate number or resident ID)"), &f, NULL,
                  cert) && *cert;
}

/* A new claim: for the page's person, or for the certificate the clerk gives. */
static int report(struct ui *ui, const struct claims *t)
{
    char *cert = NULL;
    int saved;

    if (t->person_id)
        return claim_form(ui, 0, t->cert);
    saved = ask_cert(ui, &cert) && claim_form(ui, 0, cert);
    free(cert);
    return saved;
}

static enum ui_result act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    const struct ui_rows_row *row = ui_run_row(r);
    struct claims *t = r->ctx;
    int64_t id = row ? row->id : 0;

    (void)k;
    switch (a) {
    case UA_NEW:                /* a new claim is reported today: at the top */
        return report(r->ui, t) ? UR_TOP : UR_STAY;
    case UA_EDIT:
        return id && claim_form(r->ui, id, NULL) ? UR_RELOAD : UR_STAY;
    case UA_ADVANCE:
        return id && move_claim(r->ui, id, row->tag) ? UR_RELOAD : UR_STAY;
    case UA_FILTER:
        /* all → in progress → each status in turn → all (from -1 the next is the first
         * status, not 0: before, F5 only ever toggled between all and in progress). */
        t->status = t->status >= CS_WITHDRAWN ? 0 : t->status == 0 ? -1
                  : t->status < 0              ? 1 : t->status + 1;
        return UR_TOP;
    case UA_YEAR:
        return ui_ask_year(r->ui, &t->year) ? UR_TOP : UR_STAY;
    case UA_STEPS:
        if (id)
            steps(r->ui, id);
        return UR_STAY;
    case UA_FIGURES:
        ui_insurance_figures(r->ui, t->year);
        return UR_STAY;
    default:
        return UR_PASS;
    }
}

void ui_claims(struct ui *ui, int year, int64_t person_id)
{
    static const char *const headers[NCOLS] = { N_("No."), N_("Name"), N_("Township"),
                                                N_("Accident date"), N_("Claim status"),
                                                N_("Days"), N_("Claimed"), N_("Amount paid") };
    static const int widths[NCOLS] = { 4, 8, 10, 10, 12, 4, 11, 11 };
    static const char *const intro[] = {
        N_("Claims go 报案 → 材料收集 → 已报保险公司 → 已赔付 or 拒赔; 撤销 ends an open claim. "
           "Days counts from the report to today, or to the closing step."),
        N_("The accident must fall in a policy's period and the person be on its roster that "
           "day. No item may pass its cap (over all the person's claims of the policy year); "
           "the hospital allowance is days times the daily rate; paid ≤ approved ≤ claimed."),
        N_("A claim is paid only when every document its items need is received."),
        NULL,
    };
    static const struct ui_screen screen = {
        .context = UC_CLAIMS, .intro = intro, .ncols = NCOLS, .headers = headers,
        .widths = widths, .empty = N_("(no claims)"), .head = 1, .title = title,
        .draw_head = draw_head, .load = load, .act = act,
    };
    struct claims t = { .year = year ? year : atoi(db_today(ui->db)), .person_id = person_id };

    ui_run(ui, &screen, &t);
}
