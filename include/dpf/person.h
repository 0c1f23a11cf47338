/* SPDX-License-Identifier: MIT */
/* The register of certified disabled persons: field table, validation, insert/update with
 * audit, status changes, lookups and keyset-paged lists. A person is never deleted. */
#ifndef DPF_PERSON_H
#define DPF_PERSON_H

#include <stdint.h>
#include <sqlite3.h>
#include "dpf/err.h"
#include "dpf/field.h"

enum person_field {
    PF_CERT_NO, PF_NAME, PF_GENDER, PF_BIRTH_DATE, PF_ETHNICITY, PF_CATEGORY, PF_LEVEL,
    PF_TOWNSHIP, PF_VILLAGE, PF_ADDRESS, PF_PHONE, PF_GUARDIAN, PF_GUARDIAN_PHONE,
    PF_POOR_REG, PF_DIBAO, PF_TEKUN, PF_ILLNESS_POOR, PF_CERT_ISSUE_DATE,
    PF_STATUS, PF_STATUS_DATE, PF_STATUS_REASON, PF_BANK_ACCOUNT, PF_NOTE,
    PERSON_NFIELDS
};

enum person_status { PS_ACTIVE = 1, PS_DECEASED, PS_MOVED, PS_CANCELLED };

extern const struct field person_fields[PERSON_NFIELDS];
/* The names of the codes, NULL-terminated: category 1 视力 .. 7 多重, level 1 一级 .. 4 四级,
 * status 1 在册 .. 4 注销. */
extern const char *const person_categories[], *const person_levels[], *const person_statuses[];

struct person {
    int64_t id;                     /* 0 until stored */
    char *v[PERSON_NFIELDS];        /* canonical values, owned, NULL = empty */
};

void person_init(struct person *p);
void person_clear(struct person *p);   /* frees the values, keeps the struct */
int person_set(struct person *p, int field, const char *canonical);  /* copies */
const char *person_get(const struct person *p, int field);
int person_int(const struct person *p, int field);  /* 0 when empty */
/* The resident ID: the first 18 characters of the certificate number (out[19]). */
void person_id_no(const struct person *p, char out[19]);

/* Derives empty derivable fields (gender, birth date, category, level from the certificate;
 * status 在册) and checks the record as a whole. Fills err naming the first bad field. */
int person_validate(struct person *p, const char *today, struct dpf_err *err);

struct db;
/* Inserts a validated person; refuses a resident ID already held, naming the holder. */
int person_insert(struct db *db, struct person *p, struct dpf_err *err);
/* Updates p->id with the values of p; the audit row holds only the fields that changed.
 * Sets *changed (if not NULL) to whether anything changed. */
int person_update(struct db *db, const struct person *p, int *changed, struct dpf_err *err);
/* The version of a person's register record: the last audit row that changed it. */
int person_version(struct db *db, int64_t id, int64_t *version, struct dpf_err *err);
/* person_update for a record read at version: if someone changed it since, nothing is
 * written and DPF_ECONFLICT says who, when and what they changed (a form is not allowed to
 * save over another clerk's change). Call inside the write transaction. */
int person_update_from(struct db *db, const struct person *p, int64_t version, int *changed,
                       struct dpf_err *err);
/* Changes status (在册 back, 死亡, 迁出, 注销) with date and reason, audited as "status". */
int person_set_status(struct db *db, int64_t id, int status, const char *date,
                      const char *reason, struct dpf_err *err);

/* Loads by row id, by resident ID or by certificate number. DPF_ENOTFOUND if absent. */
int person_load(struct db *db, int64_t id, struct person *out, struct dpf_err *err);
int person_find(struct db *db, const char *cert_or_id, struct person *out,
                struct dpf_err *err);
/* person_find for a record that names a person: when name is given it must be the
 * register's, so a mistyped number does not file the record under someone else. Errors
 * name key_field (not found) or "name". */
int person_find_named(struct db *db, const char *cert_or_id, const char *name,
                      const char *key_field, struct person *out, struct dpf_err *err);

/* A page of the register, starting after a key (keyset paging, so page 50,000 costs what
 * page 1 does). The query is what a clerk types in the search box: a name prefix (the list
 * is sorted by name), or digits (and X) that begin a resident ID, a certificate number or a
 * phone number (sorted by the number that matched). */
struct person_filter {
    const char *query;          /* NULL or "" = everyone, sorted by name */
    const char *township;       /* NULL = any */
    const char *village;        /* NULL = any */
    int category, level;        /* 0 = any */
    int status;                 /* 0 = any */
    /* 1: only those flagged (建档立卡, 低保, 特困, 因病致贫); 0 = any */
    int poor_reg, dibao, tekun, illness_poor;
};
struct person_cursor {
    char *key;                  /* last row's sort key, NULL before the first page */
    int64_t id;
};
typedef int (*person_row_fn)(const struct person *p, void *ctx);
/* Calls fn for up to limit rows after cur and advances cur; returns the count in *rows. */
int person_page(struct db *db, const struct person_filter *flt, struct person_cursor *cur,
                int limit, person_row_fn fn, void *ctx, int *rows, struct dpf_err *err);
/* How many persons the register holds, whatever their status. */
int person_count(struct db *db, long *n, struct dpf_err *err);
/* How many persons person_page would walk through for flt (the same conditions, counted
 * over the same indexes: a name prefix counts in the name index). */
int person_count_filter(struct db *db, const struct person_filter *flt, long *n,
                        struct dpf_err *err);
/* Where person id stands in flt's list (0 = first), counted over the same indexes;
 * DPF_ENOTFOUND when the list does not hold them. */
int person_index(struct db *db, const struct person_filter *flt, int64_t id, long *index,
                 struct dpf_err *err);
/* True when flt narrows the register (a query or any filter). */
int person_filter_any(const struct person_filter *flt);
/* Copies a cursor (to come back to a page); returns DPF_ENOMEM on failure. */
int person_cursor_copy(struct person_cursor *to, const struct person_cursor *from);
void person_cursor_free(struct person_cursor *cur);

/* Walks an audit row's before/after JSON (either may be NULL) field by field, with the
 * field's translated label and display values (choice names, 是/否; masked when mask). */
typedef int (*person_change_fn)(const char *label, const char *before, const char *after,
                                void *ctx);
int person_audit_changes(struct db *db, const char *before, const char *after, int mask,
                         person_change_fn fn, void *ctx, struct dpf_err *err);

/* Hands the module's entities (persons) to the registry (dpf/entity.h); modules_init. */
void person_register_entities(void);

#endif
