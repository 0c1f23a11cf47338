/* SPDX-License-Identifier: MIT */
/* What was paid over a period by programme, by month and by township, in one pass over the
 * roster lines: the three GROUP BY queries of roster_period_totals cost 2.4 s on a year of
 * 800,000 lines (each sorts them, the township one also looks every line up); counting here,
 * with a bit per person for each group's distinct persons, costs one scan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "dpf/roster.h"
#include "base/db_struct.h"

struct group {
    int64_t programme_id;
    int by;
    char key[64];
    long persons;
    int64_t paid, recovered;
    unsigned char *seen;        /* a bit per person id */
};

struct tally {
    struct group *g;
    int n, cap;
    int last[3];                /* the group last used for each breakdown */
    size_t bits;                /* bytes of a seen set */
};

static struct group *group_of(struct tally *t, int64_t prog, int by, const char *key)
{
    struct group *g;
    int i = t->last[by];
    if (i < t->n && t->g[i].programme_id == prog && strcmp(t->g[i].key, key) == 0)
        return &t->g[i];
    for (i = 0; i < t->n; i++)
        if (t->g[i].by == by && t->g[i].programme_id == prog && strcmp(t->g[i].key, key) == 0)
            return &t->g[t->last[by] = i];
    if (t->n == t->cap) {
        int cap = t->cap ? t->cap * 2 : 64;
        struct group *ng = realloc(t->g, (size_t)cap * sizeof *ng);
        if (!ng)
            return NULL;
        t->g = ng;
        t->cap = cap;
    }
    g = &t->g[t->n];
    memset(g, 0, sizeof *g);
    g->programme_id = prog;
    g->by = by;
    snprintf(g->key, sizeof g->key, "%s", key);
    if (!(g->seen = calloc(t->bits, 1)))
        return NULL;
    t->last[by] = t->n;
    return &t->g[t->n++];
}

static void count(struct group *g, int64_t person, int64_t amount)
{
    if (amount > 0) {
        unsigned char bit = (unsigned char)(1u << (person & 7));
        if (!(g->seen[person >> 3] & bit)) {
            g->seen[person >> 3] |= bit;
            g->persons++;
        }
        g->paid += amount;
    } else {
        g->recovered -= amount;
    }
}

static int by_order(const void *a, const void *b)
{
    const struct group *x = a, *y = b;
    if (x->by != y->by)
        return x->by - y->by;
    if (x->programme_id != y->programme_id)
        return x->programme_id < y->programme_id ? -1 : 1;
    return strcmp(x->key, y->key);
}

static void tally_free(struct tally *t)
{
    for (int i = 0; i < t->n; i++)
        free(t->g[i].seen);
    free(t->g);
}

/* The programme's name (programmes are few: looked up per group, not per line). */
static void name_of(struct db *db, int64_t id, char *out, size_t cap)
{
    sqlite3_stmt *st;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db->h, "SELECT name FROM programme WHERE id = ?1", -1, &st, NULL)
        != SQLITE_OK)
        return;
    sqlite3_bind_int64(st, 1, id);
    db_step_text(db, st, out, cap, NULL);
    sqlite3_finalize(st);
}

static int scan(struct db *db, int from_month, int to_month, struct tally *t,
                struct dpf_err *err)
{
    char from[MONTH_TEXT], to[MONTH_TEXT];
    sqlite3_stmt *st;
    int rc;

    if (sqlite3_prepare_v2(db->h, "SELECT r.programme_id, r.month, r.township, r.person_id, "
                                  "r.amount FROM roster_line r NOT INDEXED "
                                  "WHERE r.month BETWEEN ?1 AND ?2 AND r.programme_id IN "
                                  "(SELECT id FROM programme)", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_text(st, 1, month_format(from_month, from), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, month_format(to_month, to), -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t prog = sqlite3_column_int64(st, 0), person = sqlite3_column_int64(st, 3);
        int64_t amount = sqlite3_column_int64(st, 4);
        const char *keys[3] = { "", (const char *)sqlite3_column_text(st, 1),
                                (const char *)sqlite3_column_text(st, 2) };
        if (person < 0 || (size_t)(person >> 3) >= t->bits)
            continue;           /* a person id above the register's largest: not possible */
        for (int by = 0; by < 3; by++) {
            struct group *g = group_of(t, prog, by, keys[by] ? keys[by] : "");
            if (!g) {
                sqlite3_finalize(st);
                return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
            }
            count(g, person, amount);
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int roster_period_all(struct db *db, int from_month, int to_month, roster_total_fn fn[3],
                      void *ctx[3], struct dpf_err *err)
{
    struct tally t = { NULL, 0, 0, { 0, 0, 0 }, 0 };
    sqlite3_stmt *st;
    int64_t max = 0;
    int rc;

    if (sqlite3_prepare_v2(db->h, "SELECT max(id) FROM person", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    db_step_int64(db, st, &max, NULL);
    sqlite3_finalize(st);
    t.bits = (size_t)(max >> 3) + 1;
    rc = scan(db, from_month, to_month, &t, err);
    if (rc == DPF_OK && t.n > 1)
        qsort(t.g, (size_t)t.n, sizeof *t.g, by_order);
    for (int i = 0, stop = 0; rc == DPF_OK && i < t.n && !stop; i++) {
        struct group *g = &t.g[i];
        char name[128];
        struct roster_total r;
        name_of(db, g->programme_id, name, sizeof name);
        r = (struct roster_total){ g->programme_id, name, g->key, g->persons, g->paid,
                                   g->recovered };
        stop = fn[g->by](&r, ctx[g->by]) != 0;
    }
    tally_free(&t);
    return rc;
}
