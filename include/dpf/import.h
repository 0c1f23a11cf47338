/* SPDX-License-Identifier: MIT */
/* CSV import: the register, subsidy enrolments, payments and rules, and rehabilitation records. One transaction: without `partial`, any bad row means nothing
 * is written. Bad rows go to a rejects CSV with line, column and reason. */
#ifndef DPF_IMPORT_H
#define DPF_IMPORT_H

#include <limits.h>
#include "dpf/err.h"
#include "dpf/textfile.h"

struct db;

struct import_opts {
    enum text_encoding encoding;
    int dry_run;            /* check everything, write nothing */
    int partial;            /* keep the good rows even when some are bad */
    const char *rejects;    /* rejects CSV; NULL = beside the input, NAME.rejects.csv (or
                               NAME.rejects-2.csv … when that exists: never replaced) */
    unsigned rejects_flags; /* OUT_FORCE: a named rejects file may replace an existing one */
};

struct import_result {
    long rows;              /* data rows read (blank lines not counted) */
    long added, updated, unchanged, rejected;
    int committed;          /* the database was changed */
    enum text_encoding encoding;
    char rejects[PATH_MAX]; /* where rejects were written, "" if there were none */
};

/* Returns DPF_OK when the file was read to the end (rows may still have been rejected:
 * see res), or an error for the file as a whole (unreadable, bad header, database). */
int import_persons(struct db *db, const char *path, const struct import_opts *opts,
                   struct import_result *res, struct dpf_err *err);

/* What can be imported: persons, subsidy enrolments, past payments, programme rules and
 * the rehabilitation records, insurance claims. */
enum import_kind {
    IMPORT_PERSONS, IMPORT_ENROLMENTS, IMPORT_PAYMENTS, IMPORT_RULES,
    /* rehabilitation, in the order of enum rehab_kind (dpf/rehab.h) */
    IMPORT_INSTITUTIONS, IMPORT_ASSESSMENTS, IMPORT_AGREEMENTS, IMPORT_SERVICES,
    IMPORT_RESCUES, IMPORT_PROJECTS,
    IMPORT_CLAIMS,              /* accident insurance claims, a row per item claimed */
};
extern const char *const import_kinds[];    /* "persons", "enrolments", ... NULL-terminated */
/* The kind with this name, or -1. */
int import_kind_parse(const char *name);
/* What a kind holds, as the clerk says it (translated). */
const char *import_kind_label(int kind);
/* Imports a file of any kind, with the same rules as persons: one transaction, rejects
 * with line, column and reason, nothing written without `partial` if any row is bad. */
int import_file(struct db *db, int kind, const char *path, const struct import_opts *opts,
                struct import_result *res, struct dpf_err *err);
/* Writes a kind's import template (the header row, CRLF, UTF-8 with BOM for Excel); oflags
 * as outfile.h (OUT_FORCE to replace an existing file). */
int import_template(int kind, const char *path, unsigned oflags, struct dpf_err *err);

#endif
