/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/place.h"
#include "dpf/summary.h"
#include "base/db_struct.h"

/* The rows, counted here rather than by GROUP BY: a million rows sorted into a few thousand
 * groups cost SQLite 2 s; a scan counted in C costs a few tenths. */
static const char scan_sql[] =
    "SELECT township, category, level, status, poor_reg, dibao, tekun, illness_poor "
    "FROM person NOT INDEXED";

/* The township's counts: the last one found is tried first, as rows come in runs. With a
 * place list (listed > 0 rows seeded from it), a township not on it is counted under one
 * row that says so, never under a row of its own. */
static struct township_count *township(struct register_summary *s, const char *name,
                                       int *last, int listed)
{
    struct township_count *t;
    if (*last < s->ntownships && strcmp(s->townships[*last].name, name) == 0)
        return &s->townships[*last];
    for (int i = 0; i < s->ntownships; i++)
        if (strcmp(s->townships[i].name, name) == 0)
            return &s->townships[*last = i];
    if (listed && s->ntownships > listed)
        return &s->townships[*last = listed];
    if (listed)
        name = _("Not on the place list");
    t = realloc(s->townships, (size_t)(s->ntownships + 1) * sizeof *t);
    if (!t)
        return NULL;
    s->townships = t;
    t = &t[s->ntownships];
    memset(t, 0, sizeof *t);
    if (!(t->name = strdup(name)))
        return NULL;
    *last = s->ntownships++;
    return t;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct township_count *)a)->name,
                  ((const struct township_count *)b)->name);
}

struct seeding {
    struct register_summary *s;
    int failed;
};

static int seed(const char *name, const char *code, void *ctx)
{
    struct seeding *g = ctx;
    int last = 0;
    (void)code;
    g->failed = !township(g->s, name, &last, 0);
    return g->failed;
}

int summary_register(struct db *db, struct register_summary *s, struct dpf_err *err)
{
    sqlite3_stmt *st;
    struct township_count *t;
    struct seeding g = { NULL, 0 };
    int rc, last = 0, listed;

    memset(s, 0, sizeof *s);
    g.s = s;
    /* The townships of the place list first, in code order, each even without persons. */
    if ((rc = place_names(db, NULL, seed, &g, err)) != DPF_OK || g.failed) {
        summary_free(s);
        return rc != DPF_OK ? rc : dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    listed = s->ntownships;
    if (!(st = db_stmt(db, scan_sql, err))) {
        summary_free(s);
        return DPF_EDB;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int cat = sqlite3_column_int(st, 1), lvl = sqlite3_column_int(st, 2);
        int status = sqlite3_column_int(st, 3), poor = sqlite3_column_int(st, 4);
        long n = 1;

        if (cat < 1 || cat > 7 || lvl < 1 || lvl > 4 || status < 1 || status > 4)
            continue;           /* the schema's CHECKs keep these out */
        if (!(t = township(s, (const char *)sqlite3_column_text(st, 0), &last, listed))) {
            sqlite3_reset(st);
            summary_free(s);
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        }
        s->total += n;
        s->by_status[status] += n;
        if (status != PS_ACTIVE)
            continue;
        s->active_by[cat][lvl] += n;
        s->poor_reg += poor;
        s->dibao += sqlite3_column_int(st, 5);
        s->tekun += sqlite3_column_int(st, 6);
        s->illness_poor += sqlite3_column_int(st, 7);
        t->active += n;
        t->severe += lvl <= 2 ? n : 0;
        t->poor_reg += poor;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        summary_free(s);
        return db_fail(db, err);
    }
    if (!listed && s->ntownships > 1)
        qsort(s->townships, (size_t)s->ntownships, sizeof *s->townships, by_name);
    return DPF_OK;
}

void summary_free(struct register_summary *s)
{
    for (int i = 0; i < s->ntownships; i++)
        free(s->townships[i].name);
    free(s->townships);
    memset(s, 0, sizeof *s);
}
