/* SPDX-License-Identifier: MIT */
/* Sorted, filtered pages of the register by keyset: each page starts after the last
 * (key, id) shown, so page 50,000 costs what page 1 does (OFFSET would walk the rows).
 * The list is in pinyin order (the name key, base/pinyin.h). A search walks an index per
 * branch (see branches()), each LIMITed, and merges them: a name's first characters the name
 * key's, a number the resident ID's and the phone's, pinyin the spellings' and initials'. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "person_internal.h"
#include "base/pinyin.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

/* Greater than any UTF-8 text that starts with the prefix: U+10FFFF's encoding. */
#define TEXT_MAX_SUFFIX "\xF4\x8F\xBF\xBF"

void person_cursor_free(struct person_cursor *cur)
{
    free(cur->key);
    cur->key = NULL;
    cur->id = 0;
}

int person_cursor_copy(struct person_cursor *to, const struct person_cursor *from)
{
    char *key = from->key ? strdup(from->key) : NULL;
    if (from->key && !key)
        return DPF_ENOMEM;
    free(to->key);
    to->key = key;
    to->id = from->id;
    return DPF_OK;
}

int person_count(struct db *db, long *n, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM person", err);
    int64_t count = 0;
    int rc = st ? db_step_int64(db, st, &count, err) : DPF_EDB;    /* count(): always a row */

    *n = (long)count;
    return rc;
}

/* Digits, with X or x only as the 18th character: the start of an ID, certificate or phone. */
static int is_number(const char *q)
{
    size_t n = strlen(q);
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)q[i]) && !(i == IDCARD_LEN - 1 && (q[i] == 'X' || q[i] == 'x')))
            return 0;
    return n > 0;
}

int person_filter_any(const struct person_filter *flt)
{
    return (flt->query && *flt->query) || (flt->township && *flt->township) ||
           (flt->village && *flt->village) || flt->category || flt->level || flt->status ||
           flt->poor_reg || flt->dibao || flt->tekun || flt->illness_poor;
}

static void add_filters(struct strbuf *q, const struct person_filter *flt)
{
    if (flt->township && *flt->township)
        sb_add(q, " AND township = :township");
    if (flt->village && *flt->village)
        sb_add(q, " AND village = :village");
    if (flt->category)
        sb_add(q, " AND category = :category");
    if (flt->level)
        sb_add(q, " AND level = :level");
    if (flt->status)
        sb_add(q, " AND status = :status");
    if (flt->poor_reg)
        sb_add(q, " AND poor_reg = 1");
    if (flt->dibao)
        sb_add(q, " AND dibao = 1");
    if (flt->tekun)
        sb_add(q, " AND tekun = 1");
    if (flt->illness_poor)
        sb_add(q, " AND illness_poor = 1");
}

/* One index walk: rows where cond holds, after the cursor, in (key, id) order. */
static void add_branch(struct strbuf *q, const struct person_filter *flt,
                       const struct person_cursor *cur, const char *key, const char *cond)
{
    sb_printf(q, "SELECT id, %s, %s AS sort_key FROM person WHERE %s", person_columns(), key,
              cond);
    add_filters(q, flt);
    if (cur->key)
        sb_printf(q, " AND (%s, id) > (:after_key, :after_id)", key);
    sb_printf(q, " ORDER BY %s, id LIMIT :limit", key);
}

/* The resident-ID condition: a prefix of the ID, or a whole ID and a prefix of the rest of
 * the certificate number. */
static const char *id_cond(const char *query)
{
    return strlen(query) > IDCARD_LEN ? "id_no = :id18 AND cert_no >= :q AND cert_no < :q_end"
                                      : "id_no >= :q AND id_no < :q_end";
}

/* What a search walks: one index per branch, each branch's rows in the order of its own
 * column (the cursor's key), no row in two branches. A name is found by its first characters
 * through the name key (the key of a prefix is a prefix of the key); pinyin by the full
 * spelling or the initials, with the surname's reading or the common one (pinyin.h). */
enum { MAX_BRANCHES = 4 };
struct branch {
    const char *col;
    char cond[320];
};

static const char *const spell_cols[MAX_BRANCHES] = {
    "name_spell", "name_initials", "name_spell_alt", "name_initials_alt",
};

static int branches(const struct person_filter *flt, struct branch *b)
{
    const char *query = flt->query ? flt->query : "";
    char py[8];

    if (!*query) {
        b[0].col = "name_key";
        snprintf(b[0].cond, sizeof b[0].cond, "1");
        return 1;
    }
    if (is_number(query)) {
        b[0].col = "id_no";
        snprintf(b[0].cond, sizeof b[0].cond, "%s", id_cond(query));
        b[1].col = "phone";
        snprintf(b[1].cond, sizeof b[1].cond, "phone >= :q AND phone < :q_end AND NOT (%s)",
                 id_cond(query));
        return 2;
    }
    if (!pinyin_query(query, py, sizeof py)) {
        b[0].col = "name_key";
        snprintf(b[0].cond, sizeof b[0].cond, "name_key >= :nk AND name_key < :nk_end");
        return 1;
    }
    /* One letter: the initials begin as the spellings do, and a branch that had to step over
     * every row of another (its NOT) would walk a tenth of the register. */
    int step = strlen(py) == 1 ? 2 : 1, k = 0;
    for (int i = 0; i < MAX_BRANCHES; i += step, k++) {
        int n = snprintf(b[k].cond, sizeof b[k].cond, "%s >= :py AND %s < :py_end", spell_cols[i],
                         spell_cols[i]);
        b[k].col = spell_cols[i];
        for (int j = 0; j < i; j += step)      /* an alternate is NULL for most: ifnull */
            n += snprintf(b[k].cond + n, sizeof b[k].cond - (size_t)n,
                          " AND NOT ifnull(%s >= :py AND %s < :py_end, 0)", spell_cols[j],
                          spell_cols[j]);
    }
    return k;
}

static void build_sql(struct strbuf *q, const struct person_filter *flt,
                      const struct person_cursor *cur)
{
    struct branch b[MAX_BRANCHES];
    int n = branches(flt, b);

    if (n == 1) {
        add_branch(q, flt, cur, b[0].col, b[0].cond);
        return;
    }
    for (int i = 0; i < n; i++) {
        sb_add(q, i ? ") UNION ALL SELECT * FROM (" : "SELECT * FROM (");
        add_branch(q, flt, cur, b[i].col, b[i].cond);
    }
    sb_add(q, ") ORDER BY sort_key, id LIMIT :limit");
}

/* The count of what build_sql walks: the same conditions without cursor or limit, a search
 * of several branches the sum of theirs (they exclude each other). With a person (:pid) in
 * `only`, CB_ONE counts that person alone and CB_BEFORE the rows before them (:before_key). */
enum count_by { CB_ALL, CB_ONE, CB_BEFORE };
static void count_branch(struct strbuf *q, const struct person_filter *flt, const char *key,
                         const char *cond, enum count_by by)
{
    sb_printf(q, "SELECT count(*) FROM person WHERE %s", cond);
    add_filters(q, flt);
    if (by == CB_ONE)
        sb_add(q, " AND id = :pid");
    else if (by == CB_BEFORE)
        sb_printf(q, " AND (%s, id) < (:before_key, :pid)", key);
}

static void build_count(struct strbuf *q, const struct person_filter *flt, enum count_by by)
{
    struct branch b[MAX_BRANCHES];
    int n = branches(flt, b);

    if (n == 1) {
        count_branch(q, flt, b[0].col, b[0].cond, by);
        return;
    }
    for (int i = 0; i < n; i++) {
        sb_add(q, i ? ") + (" : "SELECT (");
        count_branch(q, flt, b[i].col, b[i].cond, by);
    }
    sb_add(q, ")");
}

static void bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static void bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i)
        sqlite3_bind_int64(st, i, v);
}

/* The pinyin of the query (:py) and its name key (:nk), each with the end of its range. */
static void bind_keys(sqlite3_stmt *st, const char *query)
{
    struct pinyin_name k;
    char py[128], end[160];

    if (sqlite3_bind_parameter_index(st, ":py") && pinyin_query(query, py, sizeof py)) {
        snprintf(end, sizeof end, "%s" TEXT_MAX_SUFFIX, py);
        bind_text(st, ":py", py);
        bind_text(st, ":py_end", end);
    }
    if (sqlite3_bind_parameter_index(st, ":nk")) {
        char nk_end[PINYIN_KEY_CAP + 8];
        pinyin_name(query, &k);
        snprintf(nk_end, sizeof nk_end, "%s" TEXT_MAX_SUFFIX, k.key);
        bind_text(st, ":nk", k.key);
        bind_text(st, ":nk_end", nk_end);
    }
}

static void bind_all(sqlite3_stmt *st, const struct person_filter *flt,
                     const struct person_cursor *cur, int limit)
{
    char q[128] = "", end[160], id18[IDCARD_LEN + 1];

    snprintf(q, sizeof q, "%s", flt->query ? flt->query : "");
    for (char *c = q; *c; c++)
        *c = (char)toupper((unsigned char)*c);
    snprintf(end, sizeof end, "%s" TEXT_MAX_SUFFIX, q);
    memcpy(id18, q, IDCARD_LEN);           /* q is NUL-padded: at most 18 characters */
    id18[IDCARD_LEN] = '\0';
    bind_text(st, ":q", q);
    bind_text(st, ":q_end", end);
    bind_text(st, ":id18", id18);
    bind_keys(st, flt->query ? flt->query : "");
    bind_text(st, ":township", flt->township);
    bind_text(st, ":village", flt->village);
    bind_int(st, ":category", flt->category);
    bind_int(st, ":level", flt->level);
    bind_int(st, ":status", flt->status);
    bind_text(st, ":after_key", cur->key);
    bind_int(st, ":after_id", cur->id);
    bind_int(st, ":limit", limit);
}

/* Runs the count that build_count(flt, extra) makes, with :pid and :before_key bound. */
/* Prepares the statement q holds, then frees q: uncached, since the filters make many
 * different texts that would crowd everything else out of the statement cache. */
static int prepare_built(struct db *db, struct strbuf *q, sqlite3_stmt **st, struct dpf_err *err)
{
    int rc;
    if (q->oom) {
        sb_free(q);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    rc = sqlite3_prepare_v2(db->h, sb_str(q), -1, st, NULL);
    sb_free(q);
    return rc == SQLITE_OK ? DPF_OK : db_fail(db, err);
}

static int count_sql(struct db *db, const struct person_filter *flt, enum count_by by,
                     int64_t pid, const char *before_key, long *n, struct dpf_err *err)
{
    static const struct person_cursor none = { 0 };
    struct strbuf q;
    sqlite3_stmt *st;
    int rc;

    *n = 0;
    sb_init(&q);
    build_count(&q, flt, by);
    if ((rc = prepare_built(db, &q, &st, err)) != DPF_OK)     /* as person_page: uncached */
        return rc;
    bind_all(st, flt, &none, 0);
    bind_int(st, ":pid", pid);
    bind_text(st, ":before_key", before_key);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = (long)sqlite3_column_int64(st, 0);
    else
        db_fail(db, err);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? DPF_OK : DPF_EDB;
}

int person_count_filter(struct db *db, const struct person_filter *flt, long *n,
                        struct dpf_err *err)
{
    return count_sql(db, flt, CB_ALL, 0, NULL, n, err);
}

/* The sort key person id has in flt's list: its name key, or the number or spelling the
 * query matched. */
static int sort_key_of(struct db *db, const struct person_filter *flt, int64_t id, char *key,
                       size_t cap, struct dpf_err *err)
{
    static const struct person_cursor none = { 0 };
    struct branch b[MAX_BRANCHES];
    int n = branches(flt, b), rc;
    struct strbuf q;
    sqlite3_stmt *st;

    sb_init(&q);
    if (n == 1)
        sb_printf(&q, "SELECT %s", b[0].col);
    else {
        sb_add(&q, "SELECT CASE");
        for (int i = 0; i < n; i++)
            sb_printf(&q, " WHEN %s THEN %s", b[i].cond, b[i].col);
        sb_add(&q, " END");
    }
    sb_add(&q, " FROM person WHERE id = :pid");
    if ((rc = prepare_built(db, &q, &st, err)) != DPF_OK)
        return rc;
    bind_all(st, flt, &none, 0);
    bind_int(st, ":pid", id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        snprintf(key, cap, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
    else if (rc != SQLITE_DONE)
        db_fail(db, err);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("Not found"));
    return rc == SQLITE_ROW ? DPF_OK : DPF_EDB;
}

int person_index(struct db *db, const struct person_filter *flt, int64_t id, long *index,
                 struct dpf_err *err)
{
    char key[PINYIN_KEY_CAP];
    long in;
    int rc;

    *index = -1;
    if ((rc = count_sql(db, flt, CB_ONE, id, NULL, &in, err)) != DPF_OK)
        return rc;
    if (!in)
        return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("Not found"));
    if ((rc = sort_key_of(db, flt, id, key, sizeof key, err)) != DPF_OK)
        return rc;
    return count_sql(db, flt, CB_BEFORE, id, key, index, err);
}

int person_page(struct db *db, const struct person_filter *flt, struct person_cursor *cur,
                int limit, person_row_fn fn, void *ctx, int *rows, struct dpf_err *err)
{
    struct strbuf q;
    struct person p;
    sqlite3_stmt *st;
    int rc, n = 0;

    *rows = 0;
    sb_init(&q);
    build_sql(&q, flt, cur);
    /* Prepared for this page and finalized after (prepare_built); preparing costs ~0.1 ms. */
    if ((rc = prepare_built(db, &q, &st, err)) != DPF_OK)
        return rc;
    bind_all(st, flt, cur, limit);
    person_init(&p);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, PERSON_NFIELDS + 1);
        char *copy = key ? strdup(key) : NULL;
        if (!copy || person_from_row(st, &p) != DPF_OK) {
            free(copy);
            rc = SQLITE_NOMEM;
            break;
        }
        n++;
        free(cur->key);
        cur->key = copy;
        cur->id = p.id;
        if (fn && fn(&p, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    person_clear(&p);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != SQLITE_NOMEM)
        db_fail(db, err);
    sqlite3_finalize(st);
    *rows = n;
    if (rc == SQLITE_NOMEM)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : DPF_EDB;
}
