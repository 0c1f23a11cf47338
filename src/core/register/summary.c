/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/summary.h"
#include "base/db_struct.h"

/* The rows, counted here rather than by GROUP BY: a million rows sorted into a few thousand
 * groups cost SQLite 2 s; a scan counted in C costs a few tenths. */
static const char scan_sql[] =
    "SELECT township, category, level, status, poor_reg, dibao, tekun, illness_poor "
    "FROM person NOT INDEXED";

/* The township's counts: the last one found is tried first, as rows come in runs. */
static struct township_count *township(struct register_summary *s, const char *name,
                                       int *last)
{
    struct township_count *t;
    if (*last < s->ntownships && strcmp(s->townships[*last].name, name) == 0)
        return &s->townships[*last];
    for (int i = 0; i < s->ntownships; i++)
        if (strcmp(s->townships[i].name, name) == 0)
            return &s->townships[*last = i];
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

int summary_register(struct db *db, struct register_summary *s, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, scan_sql, err);
    struct township_count *t;
    int rc, last = 0;

    memset(s, 0, sizeof *s);
    if (!st)
        return DPF_EDB;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int cat = sqlite3_column_int(st, 1), lvl = sqlite3_column_int(st, 2);
        int status = sqlite3_column_int(st, 3), poor = sqlite3_column_int(st, 4);
        long n = 1;

        if (cat < 1 || cat > 7 || lvl < 1 || lvl > 4 || status < 1 || status > 4)
            continue;           /* the schema's CHECKs keep these out */
        if (!(t = township(s, (const char *)sqlite3_column_text(st, 0), &last))) {
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
    if (s->ntownships > 1)
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
