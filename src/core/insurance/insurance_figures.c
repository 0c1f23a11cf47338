/* SPDX-License-Identifier: MIT */
/* The year's insurance figures, for the district and by township: one pass over the roster
 * and one over the claims, each grouped by the person's township. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/place.h"
#include "dpf/i18n.h"
#include "insurance_internal.h"

static struct insurance_town *town_of(struct insurance_figures *f, const char *name,
                                      struct dpf_err *err)
{
    struct insurance_town *t;
    for (int i = 0; i < f->ntown; i++)
        if (strcmp(f->town[i].name, name) == 0)
            return &f->town[i];
    if (!(t = realloc(f->town, (size_t)(f->ntown + 1) * sizeof *t))) {
        dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        return NULL;
    }
    f->town = t;
    t = &f->town[f->ntown++];
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", name);
    return t;
}

/* Steps st, whose first column is the township, and hands each row to add with that
 * township's counts: the one frame both passes share. */
static int by_town(struct db *db, sqlite3_stmt *st, struct insurance_figures *f,
                   void (*add)(struct insurance_figures *, struct insurance_town *,
                               sqlite3_stmt *, int64_t),
                   int64_t premium, struct dpf_err *err)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct insurance_town *t = town_of(f, (const char *)sqlite3_column_text(st, 0), err);
        if (!t)
            break;
        add(f, t, st, premium);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return DPF_ENOMEM;
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

static void add_insured(struct insurance_figures *f, struct insurance_town *t, sqlite3_stmt *st,
                        int64_t premium)
{
    t->c.insured = sqlite3_column_int(st, 1);
    t->c.premium = t->c.insured * premium;
    f->all.insured += t->c.insured;
    f->all.premium += t->c.premium;
}

/* Persons insured by township. */
static int count_insured(struct db *db, int64_t policy_id, int64_t premium,
                         struct insurance_figures *f, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT p.township, count(*) FROM insured i "
                                   "JOIN person p ON p.id = i.person_id "
                                   "WHERE i.policy_id = ?1 GROUP BY p.township", err);

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    return by_town(db, st, f, add_insured, premium, err);
}

static void add_claim(struct insurance_counts *c, int status, int64_t paid)
{
    c->reported++;
    if (status == CS_PAID) {
        c->paid++;
        c->total_paid += paid;
        if (paid > c->largest)
            c->largest = paid;
    } else if (status == CS_REJECTED) {
        c->rejected++;
    } else if (status == CS_WITHDRAWN) {
        c->withdrawn++;
    } else {
        c->open++;
    }
}

static void add_paid(struct insurance_figures *f, struct insurance_town *t, sqlite3_stmt *st,
                     int64_t unused)
{
    int status = sqlite3_column_int(st, 1);
    int64_t paid = sqlite3_column_int64(st, 2);

    (void)unused;
    add_claim(&t->c, status, paid);
    add_claim(&f->all, status, paid);
}

/* Each claim once with its payment (the sum of its items). */
static int count_claims(struct db *db, int64_t policy_id, struct insurance_figures *f,
                        struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT p.township, c.status, "
                                   "(SELECT coalesce(sum(i.paid), 0) FROM claim_item i "
                                   " WHERE i.claim_id = c.id) "
                                   "FROM claim c JOIN person p ON p.id = c.person_id "
                                   "WHERE c.policy_id = ?1", err);

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    return by_town(db, st, f, add_paid, 0, err);
}

int insurance_figures(struct db *db, int year, struct insurance_figures *out,
                      struct dpf_err *err)
{
    struct policy_summary p;
    int64_t id;
    int rc;

    memset(out, 0, sizeof *out);
    out->year = year;
    if ((rc = policy_of_year(db, year, &id, err)) != DPF_OK ||
        (rc = policy_summary(db, id, &p, err)) != DPF_OK ||
        (rc = count_insured(db, id, p.premium, out, err)) != DPF_OK ||
        (rc = count_claims(db, id, out, err)) != DPF_OK) {
        insurance_figures_free(out);
        return rc;
    }
    if ((rc = place_sort_townships(db, out->town, (size_t)out->ntown, sizeof *out->town,
                                   offsetof(struct insurance_town, name), err)) != DPF_OK)
        insurance_figures_free(out);
    return rc;
}

void insurance_figures_free(struct insurance_figures *f)
{
    free(f->town);
    f->town = NULL;
    f->ntown = 0;
}
