/* SPDX-License-Identifier: MIT */
/* Entities a database defines (schema/009_entity.sql): read when it opens, each given the
 * generic hooks here, an import that inserts a row into the definition's table (audited
 * like every change) and an export of the table's rows, both through the record store
 * (store.h) opened for it as it is read: values are bound and read by field type as the
 * modules' are. Table and column names come from the file, so each must be a plain
 * identifier (quoted all the same: it may be a keyword), the table one that exists with
 * those columns, and none of the tables the modules' entities or the audit log keep: a
 * definition writes only the table it names, and only through the field checks. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "db_struct.h"
#include "entity_internal.h"
#include "export_internal.h"
#include "import_internal.h"
#include "record.h"
#include "store.h"
#include "strbuf.h"

enum { ENTITY_MAX_FIELDS = 40, IDENT_MAX = 40 };

static const char defs_sql[] =
    "SELECT d.name, d.label, d.table_name, d.cap, f.key, f.header, f.label, f.type, f.maxlen, "
    "f.required, f.sensitive FROM entity_def d JOIN entity_field f ON f.entity = d.name "
    "ORDER BY d.name, f.pos";

/* A defined table's rows are keyed and ordered by rowid: it need not have an id column. */
static const char *const by_rowid[] = { " ORDER BY t.rowid", NULL };

static const char *const type_names[] = {
    [FT_TEXT] = "text", [FT_DATE] = "date", [FT_FLAG] = "flag", [FT_PHONE] = "phone",
    [FT_IDNO] = "idno", [FT_DIGITS] = "digits", [FT_MONEY] = "money", [FT_INT] = "int",
    [FT_MONTH] = "month",
};

static int identifier(const char *s)
{
    size_t n = s ? strlen(s) : 0;

    if (n == 0 || n > IDENT_MAX || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            return 0;
    return 1;
}

static int type_of(const char *s)
{
    for (int t = 0; s && t < (int)(sizeof type_names / sizeof type_names[0]); t++)
        if (type_names[t] && strcmp(s, type_names[t]) == 0)
            return t;
    return -1;
}

/* The tables a definition may not write: the modules' entities', and every other table
 * dpf's own rules keep (the log, users, settings, the definitions, a record's sub-rows and
 * the ledgers the review writes). The definitions come from migrations, so this is not a
 * wall against an administrator with sqlite3 but against a slip: a kind that would write
 * around the modules' checks. A module that adds tables with rules of its own names them
 * here, or registers them as its entities. */
static int table_forbidden(const char *t)
{
    static const char *const kept[] = {
        "audit", "audit_rolled_back", "app_user", "setting", "entity_def", "entity_field",
        "person_new", "programme", "subsidy_month", "roster_line", "cover", "insured",
        "claim_item", "claim_step", "agreement", "assessment", "service", "rescue", NULL };
    const struct entity *e;

    if (strncmp(t, "sqlite_", 7) == 0)
        return 1;
    for (int i = 0; kept[i]; i++)
        if (strcmp(t, kept[i]) == 0)
            return 1;
    for (int i = 0; (e = entity_at(NULL, i)) != NULL; i++)
        if (e->table && strcmp(t, e->table) == 0)
            return 1;
    return 0;
}

static int has_column(struct db *db, const char *table, const char *col)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", NULL);

    if (!st)
        return 0;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
    return db_step_one(db, st, NULL, NULL, NULL) == DPF_OK;
}

/* ---- the hooks every defined entity has ---- */

/* The store of a defined entity's rows: e is the first member of its entity_owned. */
static struct store *store_of(const struct entity *e)
{
    return ((const struct entity_owned *)e)->store;
}

static int row_insert(struct db *db, const struct entity *e, char **v, long line, int *outcome,
                      struct dpf_err *rej)
{
    struct strbuf json;
    int64_t id;
    int rc;

    (void)line;
    rc = store_insert(db, store_of(e), 0, v, NULL, &id, rej);
    /* A constraint of the table refuses the row: rejected, not a failure. */
    if (rc == DPF_EDB && (sqlite3_extended_errcode(db->h) & 0xff) == SQLITE_CONSTRAINT)
        rc = dpf_err_set(rej, DPF_EINVAL, NULL, "%s", sqlite3_errmsg(db->h));
    if (rc != DPF_OK)
        return rc;
    *outcome = IO_ADDED;
    sb_init(&json);
    record_json(&json, e->fields, e->nfields, v);
    rc = json.oom ? dpf_err_set(rej, DPF_ENOMEM, NULL, _("Out of memory"))
                  : audit_record(db, e->table, id, "insert", NULL, sb_str(&json), rej);
    sb_free(&json);
    return rc;
}

static const struct import_entity row_by_row = { .row = row_insert };

static int export_rows(struct db *db, const struct entity *e, const struct entity_export *x,
                       long *rows, struct dpf_err *err)
{
    struct store *s = store_of(e);
    struct export_sink sink;
    sqlite3_stmt *st = NULL;
    char *v[ENTITY_MAX_FIELDS];
    int64_t id;
    int rc, step = SQLITE_DONE;

    *rows = 0;
    if ((rc = export_open(&sink, x->path, x->oflags, e->name, e->fields, e->nfields, err))
        != DPF_OK)
        return export_close(&sink, 0, err), rc;
    if (!(st = store_find(db, s, 0, err)))
        rc = err ? err->code : DPF_EDB;
    while (rc == DPF_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if ((rc = store_row(st, s, &id, v, NULL)) != DPF_OK) {
            dpf_err_set(err, rc, NULL, _("Out of memory"));
            break;
        }
        rc = export_values(&sink, (const char *const *)v, !x->full, err);
        record_free(v, e->nfields);
    }
    if (rc == DPF_OK && step != SQLITE_DONE)
        rc = db_fail(db, err);
    if (st)
        sqlite3_reset(st);      /* a cached statement: hold no read open */
    *rows = sink.rows;
    return export_finish(&sink, db, e->name, x->full, rc == DPF_OK, err);
}

/* ---- loading ---- */

static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

static void owned_free(struct entity_owned *o)
{
    if (o->store)
        store_close(o->store);
    free(o->store);
    free(o->cols);
    free(o->fields);
    free(o->strings);
    memset(o, 0, sizeof *o);
}

/* Adds s to the definition's block of strings; returns its offset (the block may move
 * until it is complete). */
static size_t keep(struct strbuf *sb, const char *s)
{
    size_t at = sb->len;
    sb_addn(sb, s, strlen(s) + 1);
    return at;
}

/* Adds identifier s quoted for SQL ("s": a name may be a keyword). */
static size_t keep_quoted(struct strbuf *sb, const char *s)
{
    size_t at = sb->len;
    sb_printf(sb, "\"%s\"", s);
    sb_addn(sb, "", 1);
    return at;
}

/* Opens the store of o's rows, once o's fields and strings are complete. */
static int open_store(struct entity_owned *o, const char *table, const size_t *quoted)
{
    int n = o->e.nfields;

    if (!(o->cols = calloc((size_t)n, sizeof *o->cols)) ||
        !(o->store = calloc(1, sizeof *o->store)))
        return 0;
    for (int i = 0; i < n; i++)
        o->cols[i] = o->strings + quoted[i];
    *o->store = (struct store){ .table = table, .key = "rowid", .fields = o->fields, .n = n,
                                .col = o->cols, .finds = by_rowid };
    return store_open(o->store, NULL) == DPF_OK;
}

/* Reads the rows of one definition (st on its first row) into o; *more is 0 once the
 * statement is done. Returns 1 if the definition is sound. */
static int read_def(struct db *db, sqlite3_stmt *st, struct entity_owned *o, int *more)
{
    char name[IDENT_MAX + 2];
    struct strbuf sb;
    struct field f[ENTITY_MAX_FIELDS];
    size_t at[ENTITY_MAX_FIELDS][3], quoted[ENTITY_MAX_FIELDS], nm, label, table, qtable;
    int n = 0, ok, cap = sqlite3_column_int(st, 3);

    snprintf(name, sizeof name, "%s", col(st, 0));
    sb_init(&sb);
    nm = keep(&sb, col(st, 0));
    label = keep(&sb, col(st, 1));
    table = keep(&sb, col(st, 2));
    qtable = keep_quoted(&sb, col(st, 2));
    ok = identifier(col(st, 0)) && identifier(col(st, 2)) && !table_forbidden(col(st, 2)) &&
         entity_find(NULL, name) == NULL;
    do {
        int type = type_of(col(st, 7));
        if (n >= ENTITY_MAX_FIELDS || type < 0 || !identifier(col(st, 4)) ||
            !has_column(db, col(st, 2), col(st, 4))) {
            ok = 0;
            continue;
        }
        at[n][0] = keep(&sb, col(st, 4));
        at[n][1] = keep(&sb, col(st, 5));
        at[n][2] = keep(&sb, col(st, 6));
        quoted[n] = keep_quoted(&sb, col(st, 4));
        f[n] = (struct field){ .type = (enum field_type)type, .width = 12,
                               .maxlen = sqlite3_column_int(st, 8),
                               .flags = (sqlite3_column_int(st, 9) ? FF_REQUIRED : 0u) |
                                        (sqlite3_column_int(st, 10) ? FF_SENSITIVE : 0u) };
        n++;
    } while ((*more = sqlite3_step(st) == SQLITE_ROW) && strcmp(col(st, 0), name) == 0);
    if (!ok || sb.oom || !(o->fields = calloc((size_t)n, sizeof *o->fields))) {
        sb_free(&sb);
        return 0;
    }
    o->strings = sb.s;          /* complete: the offsets become pointers */
    for (int i = 0; i < n; i++) {
        o->fields[i] = f[i];
        o->fields[i].key = o->strings + at[i][0];
        o->fields[i].header = o->strings + at[i][1];
        o->fields[i].label = o->strings + at[i][2];
    }
    o->e = (struct entity){ .name = o->strings + nm, .label = o->strings + label,
                            .table = o->strings + table, .fields = o->fields, .nfields = n,
                            .cap = (enum cap)cap, .import = &row_by_row,
                            .export = export_rows };
    if (open_store(o, o->strings + qtable, quoted))
        return 1;
    owned_free(o);
    return 0;
}

int entity_db_load(struct db *db, struct dpf_err *err)
{
    struct entity_set *set;
    sqlite3_stmt *st;
    int more, cap = 0;

    entity_db_free(db);
    if (!(set = calloc(1, sizeof *set)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    db->entities = set;
    if (sqlite3_prepare_v2(db->h, defs_sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    more = sqlite3_step(st) == SQLITE_ROW;
    while (more) {
        if (set->n == cap) {
            struct entity_owned *v = realloc(set->v, (size_t)(cap = cap * 2 + 4) * sizeof *v);
            if (!v) {
                sqlite3_finalize(st);
                return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
            }
            set->v = v;
        }
        memset(&set->v[set->n], 0, sizeof set->v[set->n]);
        if (read_def(db, st, &set->v[set->n], &more))
            set->n++;
    }
    sqlite3_finalize(st);
    return DPF_OK;
}

void entity_db_free(struct db *db)
{
    if (!db || !db->entities)
        return;
    for (int i = 0; i < db->entities->n; i++)
        owned_free(&db->entities->v[i]);
    free(db->entities->v);
    free(db->entities);
    db->entities = NULL;
}

void entity_db_attach(void)
{
    db_on_open(entity_db_load, entity_db_free);
}
