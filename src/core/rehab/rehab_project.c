/* SPDX-License-Identifier: MIT */
/* Projects with yearly targets, and their completed counts taken from the records when
 * asked: a project names its source (services, children's rescue, assessments or subsidy
 * payments), which kinds and funding lines count, and whether it counts persons or
 * records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/programme.h"
#include "rehab_internal.h"
#include "base/db_struct.h"

struct count_out {
    int col;
    long *n;
};

static int read_col(sqlite3_stmt *st, void *ctx)
{
    struct count_out *c = ctx;
    *c->n = (long)sqlite3_column_int64(st, c->col);
    return DPF_OK;
}

/* The one row of a count of (persons, records): the persons or, if records, the records. */
static int read_count(struct db *db, sqlite3_stmt *st, int records, long *n,
                      struct dpf_err *err)
{
    struct count_out c = { records ? 1 : 0, n };
    *n = 0;
    return db_step_one(db, st, read_col, &c, err);     /* counts: always a row */
}

static const char *const *kinds_of(int source)
{
    switch (source) {
    case PS_SERVICES:
    case PS_ASSESSMENTS:
        return rehab_catalogue;
    case PS_RESCUE:
        return rehab_rescue_kinds;
    default:
        return NULL;
    }
}

/* The kinds of a source as a set-of-codes field, parsed and formatted like any other. */
static struct field kinds_field(int source)
{
    return (struct field){ "kinds", "统计类别", N_("Kinds counted"), FT_CODES, kinds_of(source),
                           20, 60, 0 };
}

const char *rehab_project_kind_names(int source, const char *codes, char *out, size_t cap)
{
    struct field f = kinds_field(source);
    return f.choices ? field_format(&f, codes, 0, out, cap) : "";
}

int rehab_project_kinds(int source, const char *names, char out[16])
{
    const char *const *choices = kinds_of(source);
    struct field f = kinds_field(source);
    char *codes = NULL;
    int rc;

    out[0] = '\0';
    if (!names || !*names)
        return 0;
    if (!choices || field_parse(&f, names, NULL, &codes, NULL) != DPF_OK)
        return -1;
    rc = codes && strlen(codes) < 16 ? 0 : -1;
    if (rc == 0)
        strcpy(out, codes);
    free(codes);
    return rc;
}

/* "kind IN (1,2)" for the codes "12". */
static void in_list(char *out, size_t cap, const char *column, const char *codes)
{
    size_t len = (size_t)snprintf(out, cap, " AND %s IN (", column);
    for (const char *c = codes; *c && len < cap; c++)
        len += (size_t)snprintf(out + len, cap - len, "%s%c", c == codes ? "" : ",", *c);
    if (len < cap)
        snprintf(out + len, cap - len, ")");
}

/* Distinct persons (or records) of services or rescues in the year, of the kinds and
 * funding lines given ("" for any). A condition only when asked for: without a funding
 * line, services are counted from the (year, person_id, kind) index alone. */
static int count_records(struct db *db, const char *table, int year, const char *through,
                         const char *kinds, const char *funding, int records, long *n,
                         struct dpf_err *err)
{
    char q[400], k[64] = "", f[64] = "", t[64] = "";
    sqlite3_stmt *st;
    int rc;

    if (*kinds)
        in_list(k, sizeof k, "kind", kinds);
    if (*funding)
        in_list(f, sizeof f, "funding", funding);
    if (through)
        snprintf(t, sizeof t, " AND %s <= ?2",
                 strcmp(table, "service") == 0 ? "served_on" : "started_on");
    snprintf(q, sizeof q, "SELECT count(DISTINCT person_id), count(*) FROM %s "
                          "WHERE year = ?1%s%s%s", table, k, f, t);
    /* Prepared here, not cached: every project's filter is its own text, and the cache of
     * everyday statements must not fill up with them. */
    if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_text(st, 2, through, -1, SQLITE_STATIC);
    rc = read_count(db, st, records, n, err);
    sqlite3_finalize(st);
    return rc;
}

/* Persons assessed in the year with any of the needs given (any need at all for ""). */
static int count_assessed(struct db *db, int year, const char *through, const char *needs,
                          long *n, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT needs FROM assessment WHERE year = ?1 AND "
                                   "needs IS NOT NULL AND needs <> '' "
                                   "AND (?2 IS NULL OR assessed_on <= ?2)", err);
    int rc;

    *n = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_text(st, 2, through, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *have = (const char *)sqlite3_column_text(st, 0);
        int hit = !*needs;
        for (const char *c = needs; *c && !hit; c++)
            hit = strchr(have, *c) != NULL;
        *n += hit;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

/* Persons (or roster lines) paid by the programme in a month of the year. */
static int count_paid(struct db *db, int year, const char *through, const char *programme,
                      int records, long *n, struct dpf_err *err)
{
    static const char q[] =
        "SELECT count(DISTINCT person_id), count(*) FROM roster_line WHERE programme_id = ?1 "
        "AND month BETWEEN printf('%04d-01', ?2) AND coalesce(substr(?3, 1, 7), "
        "printf('%04d-12', ?2)) AND amount > 0";
    sqlite3_stmt *st;
    int64_t prog;
    int rc;

    *n = 0;
    if ((rc = programme_id_of(db, programme, &prog, err)) != DPF_OK)
        return rc;
    if (!(st = db_stmt(db, q, err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, prog);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_text(st, 3, through, -1, SQLITE_STATIC);
    return read_count(db, st, records, n, err);
}

static const char *text(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

static int completed(struct db *db, sqlite3_stmt *st, const char *through, long *n,
                     struct dpf_err *err)
{
    int year = sqlite3_column_int(st, 1), source = sqlite3_column_int(st, 4);
    int records = sqlite3_column_int(st, 8) == 2;
    char kinds[16];

    if (rehab_project_kinds(source, text(st, 5), kinds) < 0)
        return dpf_err_set(err, DPF_EINVAL, "kinds", _("Project %s: \"%s\" are not kinds of %s"),
                           text(st, 2), text(st, 5), rehab_sources[source - 1]);
    switch (source) {
    case PS_SERVICES:
        return count_records(db, "service", year, through, kinds, text(st, 6), records, n, err);
    case PS_RESCUE:
        return count_records(db, "rescue", year, through, kinds, text(st, 6), records, n, err);
    case PS_ASSESSMENTS:
        return count_assessed(db, year, through, kinds, n, err);
    default:
        return count_paid(db, year, through, text(st, 7), records, n, err);
    }
}

/* The project's definition from its row (columns in the order of the field table). */
static void define(sqlite3_stmt *st, struct rehab_project *p)
{
    char *v[PROJECT_NFIELDS] = { NULL };
    for (int i = PJ_YEAR; i <= PJ_COUNT; i++)
        v[i] = (char *)sqlite3_column_text(st, i + 1);
    rehab_project_definition(v, p->definition, sizeof p->definition);
}

int rehab_projects(struct db *db, int year, rehab_project_fn fn, void *ctx,
                   struct dpf_err *err)
{
    return rehab_projects_through(db, year, NULL, fn, ctx, err);
}

int rehab_projects_through(struct db *db, int year, const char *through, rehab_project_fn fn,
                           void *ctx, struct dpf_err *err)
{
    /* Its own statement, not the cache's: completed() runs other cached statements. */
    static const char q[] = "SELECT id, year, name, target, source, kinds, funding, programme, "
                            "count FROM project WHERE year = ? ORDER BY id";
    sqlite3_stmt *st;
    struct rehab_project p;
    int step, rc = DPF_OK;

    if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_int(st, 1, year);
    while (rc == DPF_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&p, 0, sizeof p);
        p.id = sqlite3_column_int64(st, 0);
        p.year = sqlite3_column_int(st, 1);
        snprintf(p.name, sizeof p.name, "%s", text(st, 2));
        p.target = sqlite3_column_int(st, 3);
        define(st, &p);
        if ((rc = completed(db, st, through, &p.completed, err)) == DPF_OK && fn(&p, ctx) != 0)
            break;
    }
    if (rc == DPF_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(db, err);
    sqlite3_finalize(st);
    return rc;
}

void rehab_project_definition(char *const *v, char *out, size_t cap)
{
    int source = v[PJ_SOURCE] ? atoi(v[PJ_SOURCE]) : 0;
    int records = v[PJ_COUNT] && atoi(v[PJ_COUNT]) == 2;
    const char *what = source >= 1 && source <= 4 ? rehab_sources[source - 1] : "?";
    size_t len;

    if (source == PS_SUBSIDY) {
        snprintf(out, cap, records ? _("roster lines paying %s in the year (amount above zero)")
                                   : _("persons paid %s in a month of the year"),
                 v[PJ_PROGRAMME] ? v[PJ_PROGRAMME] : "?");
        return;
    }
    if (source == PS_ASSESSMENTS) {
        snprintf(out, cap, _("persons assessed in the year with the needs %s"),
                 v[PJ_KINDS] ? v[PJ_KINDS] : _("(any need)"));
        return;
    }
    len = (size_t)snprintf(out, cap, records ? _("%s records in the year") : _("persons with %s records in the year"), what);
    if (v[PJ_KINDS] && len < cap)
        len += (size_t)snprintf(out + len, cap - len, _(", of the kinds %s"), v[PJ_KINDS]);
    if (v[PJ_FUNDING] && len < cap) {
        struct field f = { "funding", "资金渠道", "", FT_CODES, rehab_funding, 0, 0, 0 };
        char buf[128];
        snprintf(out + len, cap - len, _(", funded by %s"),
                 field_format(&f, v[PJ_FUNDING], 0, buf, sizeof buf));
    }
}
