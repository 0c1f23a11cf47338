/* SPDX-License-Identifier: MIT */
/* Export of the register as CSV or .xlsx (register/person_export.c, the persons entity's
 * export hook: dpf/entity.h), with the import template's headers, so that an export with
 * full values imports back unchanged. IDs and bank accounts are masked unless full values
 * are asked for. */
#ifndef DPF_EXPORT_H
#define DPF_EXPORT_H

#include "dpf/err.h"

struct db;

/* The format follows the file name: .xlsx, otherwise CSV (UTF-8 with BOM, CRLF). The file is
 * written as outfile.h says (mode 0600; an existing one only with OUT_FORCE in oflags). */
int export_persons(struct db *db, const char *path, unsigned oflags, int full, long *rows,
                   struct dpf_err *err);
/* The persons flt holds (dpf/person.h; NULL or empty: export_persons), in the list's order
 * (person_page), as the screen's list shows them: what F3 in the register writes. */
struct person_filter;
int export_persons_filtered(struct db *db, const struct person_filter *flt, const char *path,
                            unsigned oflags, int full, long *rows, struct dpf_err *err);

/* Long exports tell how far they have come: while one runs, fn(ctx, rows) is called after
 * every `every` rows written, by every export (the register, the rosters, the claims, the
 * places). The screen sets it, to show the count while no key is pressed; the command line
 * sets none. One hook for the process (fn NULL: none). */
enum { EXPORT_PROGRESS_ROWS = 10000 };     /* the screen's: about a second of work */
void export_on_progress(void (*fn)(void *ctx, long rows), void *ctx, long every);

#endif
