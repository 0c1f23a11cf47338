/* SPDX-License-Identifier: MIT */
/* The record store (store.h): SQL built from a store's description once, values bound and
 * read by field type. */
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "store.h"
#include "strbuf.h"
#include "db_struct.h"

/* The texts of a store, built once. */
struct store_sql {
    char *columns;          /* "c1, c2, ..." the written columns of the fields */
    char *select;           /* SELECT t.id, reads, refs FROM table t join */
    char *by_id;            /* select WHERE t.id = ?1 */
    char *insert;           /* (id, written fields, refs) */
    char *insert_run;       /* insert of s->run rows, or NULL */
    char *update;           /* SET written fields, refs WHERE id = ? */
    char *delete;           /* WHERE id = ?1 */
    char **finds;           /* select + finds[i] */
    int nfinds, oom;
};

static const char *col_of(const struct store *s, int i)
{
    return s->col ? s->col[i] : s->fields[i].key;
}

static const char *key_of(const struct store *s)
{
    return s->key ? s->key : "id";
}

/* The columns written (fields with a column, then the references), those keep takes (all
 * if NULL), each followed by tail (" = ?" for an update). */
static void add_columns(struct strbuf *sb, const struct store *s, int (*keep)(const struct store *,
                        int, void *), void *ctx, const char *tail)
{
    int k = 0;
    for (int i = 0; i < s->n + s->nrefs; i++) {
        const char *c = i < s->n ? col_of(s, i) : s->refs[i - s->n].key;
        if (!c || (keep && !keep(s, i, ctx)))
            continue;
        sb_add(sb, k++ ? ", " : "");
        sb_add(sb, c);
        sb_add(sb, tail);
    }
}

static void add_marks(struct strbuf *sb, const struct store *s)
{
    sb_add(sb, "(?");
    for (int i = 0; i < s->n + s->nrefs; i++)
        if (i >= s->n || col_of(s, i))
            sb_add(sb, ", ?");
    sb_add(sb, ")");
}

static char *take(struct strbuf *sb, struct store_sql *q)
{
    char *t = sb->oom ? NULL : strdup(sb_str(sb));
    if (!t)
        q->oom = 1;
    sb_reset(sb);
    return t;
}

static struct store_sql *build(const struct store *s)
{
    struct store_sql *q = calloc(1, sizeof *q);
    struct strbuf sb;

    if (!q)
        return NULL;
    sb_init(&sb);
    for (int i = 0, k = 0; i < s->n; i++)
        if (col_of(s, i))
            sb_printf(&sb, "%s%s", k++ ? ", " : "", col_of(s, i));
    q->columns = take(&sb, q);
    sb_printf(&sb, "SELECT t.%s", key_of(s));
    for (int i = 0; i < s->n; i++) {
        if (s->read && s->read[i])
            sb_printf(&sb, ", %s", s->read[i]);
        else
            sb_printf(&sb, ", t.%s", col_of(s, i));
    }
    for (int j = 0; j < s->nrefs; j++)
        sb_printf(&sb, ", t.%s", s->refs[j].key);
    sb_printf(&sb, " FROM %s t%s", s->table, s->join ? s->join : "");
    q->select = take(&sb, q);
    sb_printf(&sb, "%s WHERE t.%s = ?1", q->select ? q->select : "", key_of(s));
    q->by_id = take(&sb, q);
    sb_printf(&sb, "INSERT INTO %s (%s, ", s->table, key_of(s));
    add_columns(&sb, s, NULL, NULL, "");
    sb_add(&sb, ") VALUES ");
    add_marks(&sb, s);
    q->insert = take(&sb, q);
    if (s->run > 0) {
        sb_add(&sb, q->insert ? q->insert : "");
        for (int r = 1; r < s->run; r++) {
            sb_add(&sb, ", ");
            add_marks(&sb, s);
        }
        q->insert_run = take(&sb, q);
    }
    sb_printf(&sb, "UPDATE %s SET ", s->table);
    add_columns(&sb, s, NULL, NULL, " = ?");
    sb_printf(&sb, " WHERE %s = ?", key_of(s));
    q->update = take(&sb, q);
    sb_printf(&sb, "DELETE FROM %s WHERE %s = ?1", s->table, key_of(s));
    q->delete = take(&sb, q);
    while (s->finds && s->finds[q->nfinds])
        q->nfinds++;
    if (q->nfinds && !(q->finds = calloc((size_t)q->nfinds, sizeof *q->finds)))
        q->oom = 1;
    for (int i = 0; q->finds && i < q->nfinds; i++) {
        sb_printf(&sb, "%s%s", q->select ? q->select : "", s->finds[i]);
        q->finds[i] = take(&sb, q);
    }
    sb_free(&sb);
    return q;
}

static void sql_free(struct store_sql *q)
{
    if (!q)
        return;
    free(q->columns);
    free(q->select);
    free(q->by_id);
    free(q->insert);
    free(q->insert_run);
    free(q->update);
    free(q->delete);
    for (int i = 0; q->finds && i < q->nfinds; i++)
        free(q->finds[i]);
    free(q->finds);
    free(q);
}

/* The store being built by this thread: pthread_once's routine takes no argument. */
static _Thread_local struct store *building;

static void build_once(void)
{
    building->sql = build(building);
}

/* The store's texts: an opened store's, or built on first use; NULL (err set) when out of
 * memory or the store was closed. */
static const struct store_sql *texts(struct store *s, struct dpf_err *err)
{
    if (!s->opened) {
        building = s;
        pthread_once(&s->once, build_once);
    }
    if (s->sql && !s->sql->oom)
        return s->sql;
    dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return NULL;
}

int store_open(struct store *s, struct dpf_err *err)
{
    s->opened = 1;
    s->sql = build(s);
    if (s->sql && !s->sql->oom)
        return DPF_OK;
    store_close(s);
    return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
}

void store_close(struct store *s)
{
    sql_free(s->sql);
    s->sql = NULL;
}

static int is_integer(enum field_type t)
{
    return t == FT_FLAG || t == FT_CHOICE || t == FT_INT || t == FT_MONEY;
}

void store_bind(sqlite3_stmt *st, int pos, const struct field *f, const char *v)
{
    if (!v && (f->type == FT_FLAG || f->type == FT_MONEY))
        sqlite3_bind_int(st, pos, 0);
    else if (!v)
        sqlite3_bind_null(st, pos);
    else if (is_integer(f->type))
        sqlite3_bind_int64(st, pos, strtoll(v, NULL, 10));
    else
        sqlite3_bind_text(st, pos, v, -1, SQLITE_STATIC);
}

const char *store_columns(struct store *s)
{
    const struct store_sql *q = texts(s, NULL);
    return q ? q->columns : NULL;
}

/* Binds the written fields and the references from pos on; returns the next position. */
static int bind_values(sqlite3_stmt *st, int pos, const struct store *s, char *const *v,
                       char *const *refs, uint64_t which)
{
    for (int i = 0; i < s->n; i++)
        if (col_of(s, i) && (which >> i & 1))
            store_bind(st, pos++, &s->fields[i], v[i]);
    for (int j = 0; j < s->nrefs; j++)
        if (which >> (s->n + j) & 1)
            store_bind(st, pos++, &s->refs[j], refs ? refs[j] : NULL);
    return pos;
}

static void bind_id(sqlite3_stmt *st, int pos, int64_t id)
{
    if (id)
        sqlite3_bind_int64(st, pos, id);
    else
        sqlite3_bind_null(st, pos);
}

int store_row(sqlite3_stmt *st, const struct store *s, int64_t *id, char **v, char **refs)
{
    int oom = 0;

    *id = sqlite3_column_int64(st, 0);
    for (int i = 0; i < s->n + (refs ? s->nrefs : 0); i++) {
        const char *t = (const char *)sqlite3_column_text(st, i + 1);
        char **out = i < s->n ? &v[i] : &refs[i - s->n];
        if (!(*out = t ? strdup(t) : NULL) && t)
            oom = 1;
    }
    if (!oom)
        return DPF_OK;
    record_free(v, s->n);
    if (refs)
        record_free(refs, s->nrefs);
    return DPF_ENOMEM;
}

struct row_ctx {
    const struct store *s;
    char **v, **refs;
};

static int read_row(sqlite3_stmt *st, void *ctx)
{
    struct row_ctx *rc = ctx;
    int64_t id;
    return store_row(st, rc->s, &id, rc->v, rc->refs);
}

int store_load(struct db *db, struct store *s, int64_t id, char **v, char **refs,
               struct dpf_err *err)
{
    const struct store_sql *q = texts(s, err);
    sqlite3_stmt *st = q ? db_stmt(db, q->by_id, err) : NULL;
    struct row_ctx ctx = { s, v, refs };
    int rc;

    if (!st)
        return err ? err->code : DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    rc = db_step_one(db, st, read_row, &ctx, err);
    return rc == DPF_ENOMEM ? dpf_err_set(err, rc, NULL, _("Out of memory")) : rc;
}

sqlite3_stmt *store_find(struct db *db, struct store *s, int i, struct dpf_err *err)
{
    const struct store_sql *q = texts(s, err);
    return q ? db_stmt(db, q->finds[i], err) : NULL;
}

/* Steps a write and tells what it did: DPF_OK, DPF_ENOTFOUND for an update of no row. */
static int write(struct db *db, sqlite3_stmt *st, int update, struct dpf_err *err)
{
    int rc = db_step_done(db, st, err);
    if (rc == DPF_OK && update && sqlite3_changes(db->h) == 0)
        return DPF_ENOTFOUND;
    return rc;
}

int store_insert(struct db *db, struct store *s, int64_t id, char *const *v,
                 char *const *refs, int64_t *out_id, struct dpf_err *err)
{
    const struct store_sql *q = texts(s, err);
    sqlite3_stmt *st = q ? db_stmt(db, q->insert, err) : NULL;
    int rc;

    if (!st)
        return err ? err->code : DPF_EDB;
    bind_id(st, 1, id);
    bind_values(st, 2, s, v, refs, UINT64_MAX);
    if ((rc = write(db, st, 0, err)) == DPF_OK && out_id)
        *out_id = id ? id : sqlite3_last_insert_rowid(db->h);
    return rc;
}

int store_insert_run(struct db *db, struct store *s, int64_t first_id, char *const *const *v,
                     char *const *const *refs, struct dpf_err *err)
{
    const struct store_sql *q = texts(s, err);
    sqlite3_stmt *st = q && q->insert_run ? db_stmt(db, q->insert_run, err) : NULL;
    int pos = 1;

    if (!st)
        return err ? err->code : DPF_EDB;
    for (int r = 0; r < s->run; r++) {
        bind_id(st, pos, first_id + r);
        pos = bind_values(st, pos + 1, s, v[r], refs ? refs[r] : NULL, UINT64_MAX);
    }
    return write(db, st, 0, err);
}

int store_update(struct db *db, struct store *s, int64_t id, char *const *v,
                 char *const *refs, struct dpf_err *err)
{
    const struct store_sql *q = texts(s, err);
    sqlite3_stmt *st = q ? db_stmt(db, q->update, err) : NULL;

    if (!st)
        return err ? err->code : DPF_EDB;
    sqlite3_bind_int64(st, bind_values(st, 1, s, v, refs, UINT64_MAX), id);
    return write(db, st, 1, err);
}

static int chosen(const struct store *s, int i, void *ctx)
{
    (void)s;
    return *(const uint64_t *)ctx >> i & 1;
}

/* The text differs with which: built at each call, the statement cache keeps each. */
int store_update_only(struct db *db, struct store *s, int64_t id, uint64_t which,
                      char *const *v, char *const *refs, struct dpf_err *err)
{
    struct strbuf sb;
    sqlite3_stmt *st;

    sb_init(&sb);
    sb_printf(&sb, "UPDATE %s SET ", s->table);
    add_columns(&sb, s, chosen, &which, " = ?");
    sb_printf(&sb, " WHERE %s = ?", key_of(s));
    st = sb.oom ? NULL : db_stmt(db, sb_str(&sb), err);
    if (sb.oom)
        dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    sb_free(&sb);
    if (!st)
        return err ? err->code : DPF_EDB;
    sqlite3_bind_int64(st, bind_values(st, 1, s, v, refs, which), id);
    return write(db, st, 1, err);
}

int store_delete(struct db *db, struct store *s, int64_t id, struct dpf_err *err)
{
    const struct store_sql *q = texts(s, err);
    sqlite3_stmt *st = q ? db_stmt(db, q->delete, err) : NULL;

    if (!st)
        return err ? err->code : DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    return write(db, st, 1, err);
}
