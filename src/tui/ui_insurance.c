/* SPDX-License-Identifier: MIT */
/* Accident insurance screens: the policies with their roster counts and premium (build,
 * confirm and export the roster; edit a policy); F7 opens the year's claims (ui_claims.c),
 * F8 its figures (ui_insurance_figures.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/insurance.h"
#include "dpf/money.h"
#include "ui.h"

enum { NCOLS = 8, CELL = 136 };

/* The policies: a row's tag is its year. */

static const char *yuan(int64_t fen, char *buf, size_t cap)
{
    return money_format(fen, 1, buf, cap);
}

static int keep(const struct policy_summary *p, void *ctx)
{
    char c[NCOLS][CELL];
    const char *cells[NCOLS];

    snprintf(c[0], CELL, "%d", p->year);
    snprintf(c[1], CELL, "%s", p->insurer);
    snprintf(c[2], CELL, "%s", p->starts);
    snprintf(c[3], CELL, "%s", p->ends);
    snprintf(c[4], CELL, "%ld", p->insured);
    snprintf(c[5], CELL, "%ld", p->current);
    yuan(p->premium_total, c[6], CELL);
    snprintf(c[7], CELL, "%s", p->confirmed[0] ? _("confirmed") : _("draft"));
    for (int i = 0; i < NCOLS; i++)
        cells[i] = c[i];
    return ui_rows_add(ctx, p->id, p->year, cells) != DPF_OK;
}

static void load(struct ui_run *r)
{
    struct dpf_err err;
    if (policy_list(r->ui->db, keep, &r->rows, &err) != DPF_OK)
        ui_set_error(r->ui, err.msg);
}

/* ---- the policy form ---- */

struct pform {
    struct ui *ui;
    int64_t id;
};

static int save_policy(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct pform *pf = ctx;
    struct db *db = pf->ui->db;
    char *v[POLICY_NFIELDS] = { NULL };
    int rc = DPF_OK;

    for (int i = 0; i < POLICY_NFIELDS && rc == DPF_OK; i++)
        rc = ui_form_parse(f, i, db_today(db), &v[i], err);
    if (rc == DPF_OK && (rc = db_begin(db, err)) == DPF_OK)
        rc = db_end(db, policy_save(db, pf->id, v, &pf->id, err), err);
    record_free(v, POLICY_NFIELDS);
    return rc;
}

static int policy_form(struct ui *ui, int64_t id)
{
    int which[POLICY_NFIELDS];
    struct pform pf = { ui, id };
    char *v[POLICY_NFIELDS] = { NULL };
    struct ui_form f;
    struct dpf_err err;
    char year[8];

    for (int i = 0; i < POLICY_NFIELDS; i++)
        which[i] = i;
    ui_form_init(&f, id ? _("Change the policy") : _("New policy"), policy_fields, which,
                 POLICY_NFIELDS);
    if (id && policy_load(ui->db, id, v, &err) != DPF_OK) {
        ui_set_error(ui, err.msg);
        return 0;
    }
    if (!id) {
        snprintf(year, sizeof year, "%.4s", db_today(ui->db));
        v[PO_YEAR] = strdup(year);
        v[PO_RULE_POOR] = strdup("1");
    }
    for (int i = 0; i < POLICY_NFIELDS; i++)
        ui_form_set(&f, i, v[i]);
    record_free(v, POLICY_NFIELDS);
    f.save = save_policy;
    f.ctx = &pf;
    if (!ui_form_run(ui, &f))
        return 0;
    ui_set_message(ui, "%s", _("Saved"));
    return 1;
}

/* ---- roster actions ---- */

static int build(struct ui *ui, int64_t id, int year, int confirm)
{
    struct dpf_err err;
    char q[160];
    long n = 0;
    int rc;

    snprintf(q, sizeof q, confirm ? _("Confirm the %d roster? It is frozen afterwards.")
                                  : _("Build the %d roster from the register on its start date?"),
             year);
    if (!ui_confirm(ui, q))
        return 0;
    ui_notice(ui, "%s", confirm ? _("Confirming the roster...") : _("Building the roster..."));
    if ((rc = db_begin(ui->db, &err)) == DPF_OK)
        rc = db_end(ui->db, confirm ? insured_confirm(ui->db, id, &err)
                                    : insured_build(ui->db, id, &n, &err), &err);
    if (rc != DPF_OK)
        ui_set_error(ui, err.msg);
    else if (confirm)
        ui_set_message(ui, _("The %d roster is confirmed"), year);
    else
        ui_set_message(ui, _("The %d roster is built: %ld persons insured"), year, n);
    return rc == DPF_OK;
}

static void export_roster(struct ui *ui, int64_t id, int year)
{
    struct dpf_err err;
    char name[64], *path = NULL;
    unsigned oflags;
    long rows;

    snprintf(name, sizeof name, "insured-%d.xlsx", year);
    if (!ui_ask_file(ui, _("Export the roster for the insurer (.xlsx or .csv)"), name, &path,
                     &oflags))
        return;
    if (insured_export(ui->db, id, path, oflags, 0, &rows, &err) != DPF_OK)
        ui_set_error(ui, err.msg);
    else
        ui_set_message(ui, _("Exported %ld rows to %s"), rows, path);
    free(path);
}

/* The selected policy's actions; with no policy, those that make or list one. */
static enum ui_result act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    const struct ui_rows_row *row = ui_run_row(r);
    struct ui *ui = r->ui;
    int64_t id = row ? row->id : 0;
    int year = row ? row->tag : atoi(db_today(ui->db));

    (void)k;
    switch (a) {
    case UA_NEW:
        return policy_form(ui, 0) ? UR_RELOAD : UR_STAY;
    case UA_EDIT:
        return id && policy_form(ui, id) ? UR_RELOAD : UR_STAY;
    case UA_BUILD:
    case UA_CONFIRM:
        return id && build(ui, id, year, a == UA_CONFIRM) ? UR_RELOAD : UR_STAY;
    case UA_EXPORT:
        if (id)
            export_roster(ui, id, year);
        return UR_STAY;
    case UA_CLAIMS:
        ui_claims(ui, year, 0);
        return UR_RELOAD;
    case UA_FIGURES:
        if (id)
            ui_insurance_figures(ui, year);
        return UR_STAY;
    default:
        return UR_PASS;
    }
}

int ui_insurance(struct ui *ui)
{
    static const char *const headers[NCOLS] = { N_("Year"), N_("Insurer"), N_("Cover starts"),
                                                N_("Cover ends"), N_("Insured"),
                                                N_("On the roster"), N_("Premium"),
                                                N_("Roster state") };
    static const int widths[NCOLS] = { 4, 18, 10, 10, 6, 6, 11, 6 };
    static const unsigned char right[NCOLS] = { 0, 0, 0, 0, 1, 1, 1, 0 };
    static const char *const intro[] = {
        N_("The accident insurance bought each year for the registered-poor disabled persons."),
        N_("F5 builds the roster from the register as it stood on the start date: persons on "
           "the register then and, under the default rule, registered poor then. F6 confirms "
           "it; after that it changes only by dated additions and removals (dpf insurance add "
           "or remove)."),
        N_("The premium is the persons insured times the premium a person."),
        NULL,
    };
    static const struct ui_screen screen = {
        .context = UC_IPOL, .intro = intro, .ncols = NCOLS, .headers = headers,
        .widths = widths, .right = right, .empty = N_("(no policies: F2 records one)"),
        .name = N_("Accident insurance: policies"), .load = load, .act = act,
    };
    ui_run(ui, &screen, NULL);
    return 0;
}
