/* SPDX-License-Identifier: MIT */
/* The registry of record kinds ("entities"): persons, enrolments, payments, rules, the
 * rehabilitation records, claims, and any kind a database defines (schema/009_entity.sql).
 * An entity is its name, what it holds, its table and field table, the capability that
 * writes it, and its hooks: the import engine's (import_internal.h) and an export. The
 * templates, imports, exports, the command line's help and access table, the audit log's
 * labels and masks read it here: a new kind is named once, where its module registers it.
 * Base holds the registry and calls no module: each module hands its entities over
 * (entity_register) when modules_init (dpf/modules.h, above every module) asks it to. */
#ifndef DPF_ENTITY_H
#define DPF_ENTITY_H

#include "dpf/access.h"
#include "dpf/err.h"
#include "dpf/field.h"

struct db;
struct import_entity;

enum entity_flag {
    EF_PERSONS = 1 << 0,        /* its rows are persons: counted as persons, and an export
                                 * says whether IDs and bank accounts were masked */
    EF_EXPORT_YEAR = 1 << 1,    /* its export takes --year */
};

/* What an export is asked for. */
struct entity_export {
    const char *path;           /* .xlsx or CSV, by the name */
    unsigned oflags;            /* outfile.h: OUT_FORCE */
    int full;                   /* IDs and bank accounts in full */
    int year;                   /* 0: every year (EF_EXPORT_YEAR) */
};

struct entity {
    const char *name;           /* "enrolments": `dpf template|import|export NAME` */
    const char *label;          /* what it holds, an English msgid ("subsidy enrolments") */
    const char *table;          /* the SQL table of its rows */
    const struct field *fields; /* the import template's columns */
    int nfields;
    enum cap cap;               /* what importing it needs */
    unsigned flags;             /* enum entity_flag */
    /* The command line's one-line summaries (English msgids) of `dpf template NAME`,
     * `dpf import NAME` and `dpf export NAME`, and more help for the last two; NULL: a
     * summary made from the label, the commands' common help. */
    const char *template_summary, *import_summary, *import_help;
    const char *export_summary, *export_help;
    const char *export_noun;    /* what an export counts ("claim items"); NULL: the label */
    /* The import engine's hooks; NULL: nothing is imported as this kind. */
    const struct import_entity *import;
    /* Writes the kind's rows to x->path (audited); NULL: no export. */
    int (*export)(struct db *db, const struct entity *e, const struct entity_export *x,
                  long *rows, struct dpf_err *err);
    /* The label of an audit key its field table does not hold (a record's sub-rows); may be
     * NULL, and returns NULL for a key it does not know. */
    const char *(*audit_label)(const char *key);
};

/* Adds a module's entity (static, never freed). Called by the modules' registration
 * functions, once, under modules_init; a name already registered is ignored. */
void entity_register(const struct entity *e);

/* The entity with this name: a module's, or (with db) one the database defines. NULL if
 * there is none. */
const struct entity *entity_find(struct db *db, const char *name);
/* The i-th entity, the modules' in the order they registered and then (with db) the
 * database's; NULL past the last. */
const struct entity *entity_at(struct db *db, int i);

/* The field with this key in the first entity that has it (NULL if none), for reading an
 * audit row's JSON in the clerk's terms. */
const struct field *entity_field_of(struct db *db, const char *key);
/* The translated label of an audit key: a field's, or an entity's audit_label; the key
 * itself when no entity knows it. */
const char *entity_key_label(struct db *db, const char *key);

/* The entities a database defines (entity_def, entity_field): entity_db_attach has every
 * db_open read them, after the migrations, and db_close free them (modules_init calls it).
 * entity_db_load reads them again (after a definition was added). A definition that is
 * not sound (a name that is not an identifier, a table that does not exist or is a
 * module's, a column it lacks, an unknown type) is left out. */
void entity_db_attach(void);
int entity_db_load(struct db *db, struct dpf_err *err);
void entity_db_free(struct db *db);

/* Writes a kind's rows to a file: the entity's export hook. */
int entity_export(struct db *db, const struct entity *e, const struct entity_export *x,
                  long *rows, struct dpf_err *err);

#endif
