/* SPDX-License-Identifier: MIT */
/* CSV import of the register. One transaction: without `partial`, any bad row means nothing
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
    const char *rejects;    /* rejects CSV; NULL = beside the input, NAME.rejects.csv */
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

/* Writes the import template (the header row, CRLF, UTF-8 with BOM for Excel). */
int import_template_persons(const char *path, struct dpf_err *err);

#endif
