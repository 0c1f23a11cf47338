/* SPDX-License-Identifier: MIT */
/* Import of any entity of the registry (dpf/entity.h) from a CSV file or a workbook's sheet
 * (.xlsx, .xls: told by the file's content, not its name). One transaction: without
 * `partial`, any bad row means nothing is written. Bad rows go to a rejects CSV with line,
 * column and reason. */
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
    int new_places;         /* persons, in an office without places: take the places the
                               file names (dpf/place.h); without it such a file is refused */
    const char *sheet;      /* a workbook's sheet by name; NULL = the first */
};

enum { IMPORT_SHOWN = 5 };
struct import_result {
    long rows;              /* data rows read (blank lines not counted) */
    long added, updated, unchanged, rejected;
    int committed;          /* the database was changed */
    enum text_encoding encoding;
    char rejects[PATH_MAX]; /* where rejects were written, "" if there were none */
    /* The first rejects, for the terminal: the whole list is in the rejects file. */
    struct import_shown {
        long line;
        char column[64];
        char reason[400];
    } shown[IMPORT_SHOWN];
    int nshown;
};

/* Imports a file of the kind named (an entity of dpf/entity.h: "persons", "claims", or one
 * the database defines): one transaction, rejects with line, column and reason, nothing
 * written without `partial` if any row is bad. Returns DPF_OK when the file was read to the
 * end (rows may still have been rejected: see res), or an error for the file as a whole
 * (no such kind, unreadable, bad header, database). */
int import_file(struct db *db, const char *kind, const char *path,
                const struct import_opts *opts, struct import_result *res,
                struct dpf_err *err);
/* Writes a kind's import template (the header row, CRLF, UTF-8 with BOM for Excel); db may
 * be NULL for the modules' kinds; oflags as outfile.h (OUT_FORCE to replace a file). */
int import_template(struct db *db, const char *kind, const char *path, unsigned oflags,
                    struct dpf_err *err);

#endif
