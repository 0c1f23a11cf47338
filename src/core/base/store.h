/* SPDX-License-Identifier: MIT */
/* One store for the records kept a row each: a table, the field table of its record, where
 * each field is read from and written to, and the integer or text columns the caller fills
 * in besides (its references: person_id, year, ...). The select, insert and update are
 * built from that description once (pthread_once, per store) and prepared through the
 * connection's statement cache. A store described at run time (a kind a database defines,
 * entity_db.c) is built by store_open instead and freed by store_close. Domain rules (checks, audit rows, status) stay with the
 * modules; the store only moves values.
 *
 * Values are bound and read one way for every type:
 *   - a record is an array of canonical text values, NULL for empty (dpf/field.h);
 *   - FT_FLAG, FT_CHOICE, FT_INT and FT_MONEY are bound as integers, every other type as
 *     text: the first four are INTEGER columns in schema/, the rest TEXT;
 *   - an empty flag is bound as 0 (no) and an empty amount as 0 (nothing paid): those
 *     columns are NOT NULL DEFAULT 0. Any other empty value is NULL;
 *   - read back every column is canonical text again ("1", "6000"); NULL stays NULL.
 *
 * A select's columns are the key (t.id, 0), the fields (1..n), then the references (n+1..). */
#ifndef DPF_STORE_H
#define DPF_STORE_H

#include <pthread.h>
#include <stdint.h>
#include <sqlite3.h>
#include "dpf/db.h"
#include "dpf/field.h"

struct store_sql;

struct store {
    const char *table;              /* read as "t" */
    const char *key;                /* the row's key column; NULL: id */
    const struct field *fields;     /* the record */
    int n;
    const char *const *col;         /* per field the column it is written to, a NULL entry
                                     * for none (read through a join); NULL: every field's
                                     * key */
    const char *const *read;        /* per field the SQL reading it; NULL (array or entry):
                                     * t.<its column> */
    const char *join;               /* joins after "FROM <table> t" that the reads need */
    const struct field *refs;       /* columns written after the fields, from the caller's */
    int nrefs;                      /* references; read after the fields */
    const char *const *finds;       /* tails (WHERE ..., ORDER BY ...) of the selects that
                                     * store_find prepares, NULL-terminated */
    int run;                        /* rows a store_insert_run statement takes; 0: none */
    pthread_once_t once;            /* PTHREAD_ONCE_INIT: the texts below, built on first use */
    int opened;                     /* built by store_open: once is not used */
    struct store_sql *sql;
};

/* Builds the texts of a store described at run time (its once unused), now, before any
 * thread shares it; DPF_ENOMEM (err set) when out of memory. store_close frees them: a
 * statement prepared from them stays in the connection's cache, keyed by its own copy of
 * the text, so a store opened again with the same texts finds it there. */
int store_open(struct store *s, struct dpf_err *err);
void store_close(struct store *s);

/* Binds canonical value v of a field of type f->type to parameter pos, as described above.
 * v is not copied: it must outlive the statement's step. */
void store_bind(sqlite3_stmt *st, int pos, const struct field *f, const char *v);

/* "c1, c2, ..." the columns the fields are written to, in field order. NULL when out of
 * memory. */
const char *store_columns(struct store *s);

/* Record id into v (n values) and, when refs is not NULL, its references; all malloc'd.
 * DPF_ENOTFOUND (err untouched: the caller names the record) when there is none. */
int store_load(struct db *db, struct store *s, int64_t id, char **v, char **refs,
               struct dpf_err *err);
/* The prepared select "SELECT t.id, <fields>, <refs> FROM <table> t <join> <finds[i]>",
 * for the caller to bind and step; NULL with err set on failure. */
sqlite3_stmt *store_find(struct db *db, struct store *s, int i, struct dpf_err *err);
/* The current row of a store select into *id, v and (if not NULL) refs, malloc'd.
 * DPF_ENOMEM (values freed) when out of memory. */
int store_row(sqlite3_stmt *st, const struct store *s, int64_t *id, char **v, char **refs);

/* Inserts a record with id (0: the next free one); *out_id is its id. refs may be NULL
 * when the store has none. A refused row (a constraint) is DPF_EDB with err from db_fail
 * and sqlite3_errcode() SQLITE_CONSTRAINT, for the caller to say why in its words. */
int store_insert(struct db *db, struct store *s, int64_t id, char *const *v,
                 char *const *refs, int64_t *out_id, struct dpf_err *err);
/* Inserts s->run records with ids first_id.. in one statement (a bulk load). */
int store_insert_run(struct db *db, struct store *s, int64_t first_id, char *const *const *v,
                     char *const *const *refs, struct dpf_err *err);
/* Writes every field and reference of record id; DPF_ENOTFOUND when there is no such row. */
int store_update(struct db *db, struct store *s, int64_t id, char *const *v,
                 char *const *refs, struct dpf_err *err);
/* Writes only the fields (bit i) and references (bit n + j) named in which. */
int store_update_only(struct db *db, struct store *s, int64_t id, uint64_t which,
                      char *const *v, char *const *refs, struct dpf_err *err);

/* Deletes record id (DPF_ENOTFOUND when there is none). */
int store_delete(struct db *db, struct store *s, int64_t id, struct dpf_err *err);

#endif
