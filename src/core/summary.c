/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/summary.h"

static const char scan_sql[] =
    "SELECT township, category, level, status, count(*), sum(poor_reg), sum(dibao), "
    "  sum(tekun), sum(illness_poor) "
    "FROM person NOT INDEXED GROUP BY township, category, level, status ORDER BY township";

static struct township_count *township(struct register_summary *s, const char *name)
{
    struct township_count *t;
    if (s->ntownships && strcmp(s->townships[s->ntownships - 1].name, name) == 0)
        return &s->townships[s->ntownships - 1];
    t = realloc(s->townships, (size_t)(s->ntownships + 1) * sizeof *t);
    if (!t)
        return NULL;
    s->townships = t;
    t = &t[s->ntownships];
    memset(t, 0, sizeof *t);
    if (!(t->name = strdup(name)))
        return NULL;
    s->ntownships++;
    return t;
}

int summary_register(struct db *db, struct register_summary *s, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, scan_sql, err);
    struct township_count *t;
    int rc;

    memset(s, 0, sizeof *s);
    if (!st)
        return DPF_EDB;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int cat = sqlite3_column_int(st, 1), lvl = sqlite3_column_int(st, 2);
        int status = sqlite3_column_int(st, 3);
        long n = sqlite3_column_int64(st, 4);

        if (!(t = township(s, (const char *)sqlite3_column_text(st, 0)))) {
            sqlite3_reset(st);
            summary_free(s);
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        }
        s->total += n;
        s->by_status[status] += n;
        if (status != PS_ACTIVE)
            continue;
        s->active_by[cat][lvl] += n;
        s->poor_reg += sqlite3_column_int64(st, 5);
        s->dibao += sqlite3_column_int64(st, 6);
        s->tekun += sqlite3_column_int64(st, 7);
        s->illness_poor += sqlite3_column_int64(st, 8);
        t->active += n;
        t->severe += lvl <= 2 ? n : 0;
        t->poor_reg += sqlite3_column_int64(st, 5);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        summary_free(s);
        return db_fail(db, err);
    }
    return DPF_OK;
}

void summary_free(struct register_summary *s)
{
    for (int i = 0; i < s->ntownships; i++)
        free(s->townships[i].name);
    free(s->townships);
    memset(s, 0, sizeof *s);
}
