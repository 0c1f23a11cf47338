/* SPDX-License-Identifier: MIT */
/* Importing insurance claims: a row per item claimed. Rows of one person and accident date
 * are one claim, whether in this file or already stored: a row adds its item to the claim
 * or updates it, and the claim's own columns update the claim. Each row is checked by
 * claim_record as a whole claim, so a claim recorded as paid must have its documents. */
#include <stdlib.h>
#include <string.h>
#include "dpf/entity.h"
#include "dpf/insurance.h"
#include "dpf/i18n.h"
#include "base/import_internal.h"
#include "insurance_internal.h"

static int existing(struct db *db, char **v, int64_t *id, struct dpf_err *err)
{
    /* Upper case: an ID typed with a small x is the same person (as person_find has it). */
    sqlite3_stmt *st = db_stmt(db, "SELECT c.id FROM claim c JOIN person p "
                                   "ON p.id = c.person_id WHERE p.id_no = upper(substr(?1, 1, 18)) "
                                   "AND (length(?1) = 18 OR p.cert_no = upper(?1)) "
                                   "AND c.accident_on = ?2", err);
    int rc;

    *id = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, v[CL_CERT_NO], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, v[CL_ACCIDENT], -1, SQLITE_STATIC);
    rc = db_step_int64(db, st, id, err);
    return rc == DPF_ENOTFOUND ? DPF_OK : rc;           /* none: id 0 */
}

/* Puts the row's values into c; returns 1 if they change it. Columns left empty keep a
 * derived value (the status) as stored. */
static int apply_row(struct claim *c, char **v, int *nomem)
{
    struct claim_item *it = NULL;
    int changed = 0;

    for (int i = 0; i < CLAIM_OWN_FIELDS; i++) {
        /* 身故 left empty is 否, as the database stores it. */
        const char *val = i == CL_DEATH && !v[i] ? "0" : v[i];
        /* The certificate found the claim (in any case of its x); the name is a check. */
        if ((i == CL_CERT_NO && c->v[i]) || i == CL_NAME ||
            ((claim_fields[i].flags & FF_DERIVED) && !val))
            continue;
        if (!ins_same(c->v[i], val)) {
            changed = 1;
            *nomem |= claim_set(c, i, val) != DPF_OK;
        }
    }
    *nomem |= claim_set(c, CL_NAME, v[CL_NAME]) != DPF_OK;
    for (int i = 0; i < c->nitems && !it; i++)
        if (strcmp(c->items[i].item, v[CL_ITEM]) == 0)
            it = &c->items[i];
    if (!it && c->nitems < COVER_MAX) {
        it = &c->items[c->nitems++];
        memset(it, 0, sizeof *it);
        snprintf(it->item, sizeof it->item, "%s", v[CL_ITEM]);
        it->claimed = it->approved = it->paid = -1;
        changed = 1;
    }
    if (!it)
        return changed;         /* more items than any policy has: the check says so */
    {
        int days = v[CL_DAYS] ? atoi(v[CL_DAYS]) : 0;
        int64_t claimed = ins_fen(v[CL_CLAIMED]), approved = ins_fen(v[CL_APPROVED]),
                paid = ins_fen(v[CL_PAID]);
        changed |= it->days != days || it->claimed != claimed || it->approved != approved ||
                   it->paid != paid;
        it->days = days;
        it->claimed = claimed;
        it->approved = approved;
        it->paid = paid;
    }
    return changed;
}

/* An error about an item line names its column of the file. */
static void name_column(struct dpf_err *rej)
{
    for (int what = CL_DAYS; what <= CL_PAID; what++)
        for (int i = 0; i < COVER_MAX; i++)
            if (rej->field && strcmp(rej->field, claim_item_key(what, i)) == 0)
                rej->field = claim_fields[what].key;
}

static int claim_row(struct db *db, const struct entity *e, char **v, long line, int *outcome,
                     struct dpf_err *rej)
{
    struct claim c;
    int64_t id;
    int rc, nomem = 0;

    (void)e;
    (void)line;
    claim_init(&c);
    if ((rc = existing(db, v, &id, rej)) != DPF_OK)
        return rc;
    if (id && (rc = claim_load(db, id, &c, rej)) != DPF_OK)
        return rc;
    *outcome = id ? IO_UPDATED : IO_ADDED;
    if (!apply_row(&c, v, &nomem) && id)
        *outcome = IO_UNCHANGED;
    if (nomem)
        rc = dpf_err_set(rej, DPF_ENOMEM, NULL, _("Out of memory"));
    else if (*outcome != IO_UNCHANGED)
        rc = claim_record(db, &c, rej);
    if (rc != DPF_OK)
        name_column(rej);
    claim_clear(&c);
    return rc;
}

static int export_claims(struct db *db, const struct entity *e, const struct entity_export *x,
                         long *rows, struct dpf_err *err)
{
    (void)e;
    return claim_export(db, x->year, x->path, x->oflags, x->full, rows, err);
}

static const struct import_entity claim_hooks = { .row = claim_row };

static const struct entity claims = {
    .name = "claims",
    .label = N_("insurance claims"),
    .table = "claim",
    .fields = claim_fields,
    .nfields = CLAIM_NFIELDS,
    .cap = CAP_REGISTER,
    .flags = EF_EXPORT_YEAR,
    .template_summary = N_("Write the import template for insurance claims (a row per item claimed)"),
    .import_summary = N_("Import insurance claims; rows of one person and accident date are one claim"),
    .import_help = N_("A row per item claimed (意外身故/伤残, 意外医疗, 住院津贴 ...). A claim already stored is\n"
                      "updated: its items, amounts, documents, and its status moved on to the file's."),
    .export_summary = N_("Export the insurance claims (the import template's columns)"),
    .export_help = N_("--year takes the claims under that year's policy."),
    .export_noun = N_("claim items"),
    .import = &claim_hooks,
    .export = export_claims,
    .audit_label = insurance_label,
};

void insurance_register_entities(void)
{
    entity_register(&claims);
    entity_register(&insured_entity);
}
