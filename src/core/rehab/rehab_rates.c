/* SPDX-License-Identifier: MIT */
/* The year's service and device-fitting rates, counted in distinct persons. Three passes
 * and no join: the year's assessments and services mark each person in a byte per person
 * id, then one scan of the register adds the marked persons to their groups and township.
 * A million persons and two million services take well under a second this way; a GROUP BY
 * over the joined tables sorts millions of rows first. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/place.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/rehab.h"
#include "base/db_struct.h"

enum mark { M_NEEDS = 1, M_DEVICE_NEED = 2, M_SERVED = 4, M_FITTED = 8, M_ASSESSED = 16 };

static int max_person_id(struct db *db, int64_t *max, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(max(id), 0) FROM person", err);

    *max = 0;
    return st ? db_step_int64(db, st, max, err) : DPF_EDB;     /* max(): always a row */
}

/* Marks from rows of (person_id, value): mark_fn turns a row into marks. */
static int mark_rows(struct db *db, const char *q, int year, unsigned char *m, int64_t max,
                     unsigned (*mark_fn)(sqlite3_stmt *st), struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, q, err);
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int(st, 1, year);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (id > 0 && id <= max)
            m[id] |= (unsigned char)mark_fn(st);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

static unsigned assessment_marks(sqlite3_stmt *st)
{
    const char *needs = (const char *)sqlite3_column_text(st, 1);
    unsigned k = M_ASSESSED;
    if (needs && *needs)
        k |= M_NEEDS;
    if (needs && strchr(needs, '0' + RC_DEVICE))
        k |= M_DEVICE_NEED;
    return k;
}

static unsigned service_marks(sqlite3_stmt *st)
{
    return M_SERVED | (sqlite3_column_int(st, 1) == RC_DEVICE ? M_FITTED : 0);
}

static void add(struct rehab_counts *c, unsigned k)
{
    c->needs += (k & M_NEEDS) != 0;
    c->device_needs += (k & M_DEVICE_NEED) != 0;
    c->served += (k & M_SERVED) != 0;
    c->fitted += (k & M_FITTED) != 0;
}

static struct rehab_town *town_of(struct rehab_rates *r, int *cap, const char *name, int *last)
{
    struct rehab_town *t;

    if (*last >= 0 && strcmp(r->town[*last].name, name) == 0)
        return &r->town[*last];
    for (int i = 0; i < r->ntown; i++)
        if (strcmp(r->town[i].name, name) == 0)
            return &r->town[*last = i];
    if (r->ntown == *cap) {
        int ncap = *cap ? *cap * 2 : 32;
        if (!(t = realloc(r->town, sizeof *t * (size_t)ncap)))
            return NULL;
        r->town = t;
        *cap = ncap;
    }
    t = &r->town[*last = r->ntown++];
    memset(t, 0, sizeof *t);
    strncpy(t->name, name, sizeof t->name - 1);
    return t;
}

/* Adds every marked person to the totals, the groups and their township. */
static int tally(struct db *db, const unsigned char *m, int64_t max, struct rehab_rates *r,
                 struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT id, township, poor_reg, illness_poor FROM person", err);
    int rc, cap = 0, last = -1;

    if (!st)
        return DPF_EDB;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        unsigned k = id > 0 && id <= max ? m[id] : 0;
        struct rehab_town *t;
        if (!k)
            continue;
        r->assessed += (k & M_ASSESSED) != 0;
        add(&r->all, k);
        if (sqlite3_column_int(st, 2))
            add(&r->poor_reg, k);
        if (sqlite3_column_int(st, 3))
            add(&r->illness_poor, k);
        if (!(t = town_of(r, &cap, (const char *)sqlite3_column_text(st, 1), &last))) {
            sqlite3_reset(st);
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        }
        add(&t->c, k);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err);
    return place_sort_townships(db, r->town, (size_t)r->ntown, sizeof *r->town,
                                offsetof(struct rehab_town, name), err);
}

int rehab_rates(struct db *db, int year, int needs_year, struct rehab_rates *out,
                struct dpf_err *err)
{
    unsigned char *m;
    int64_t max;
    int rc;

    memset(out, 0, sizeof *out);
    out->year = year;
    out->needs_year = needs_year;
    if ((rc = max_person_id(db, &max, err)) != DPF_OK)
        return rc;
    if (!(m = calloc((size_t)max + 1, 1)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    rc = mark_rows(db, "SELECT person_id, needs FROM assessment WHERE year = ?", needs_year, m,
                   max, assessment_marks, err);
    if (rc == DPF_OK)
        rc = mark_rows(db, "SELECT person_id, kind FROM service WHERE year = ?", year, m, max,
                       service_marks, err);
    if (rc == DPF_OK)
        rc = tally(db, m, max, out, err);
    free(m);
    if (rc != DPF_OK)
        rehab_rates_free(out);
    return rc;
}

void rehab_rates_free(struct rehab_rates *r)
{
    free(r->town);
    r->town = NULL;
    r->ntown = 0;
}
