/* SPDX-License-Identifier: MIT */
/* Making a table of typed cells: the report's sections and the shared table builders
 * (report_tables.c) fill their tables with these. */
#ifndef DPF_REPORT_CELLS_H
#define DPF_REPORT_CELLS_H

#include <stdint.h>
#include "dpf/report.h"

/* Sets up an empty table (t zeroed first); the headers are msgids, translated here. */
void table_init(struct rtable *t, const char *sheet, const char *title,
                const char *const *headers, const int *widths, int ncols);
/* A new row of empty text cells; its index, or -1 out of memory. */
int row_new(struct rtable *t);
/* A copy of s (NULL as "") in the cell: DPF_OK or DPF_ENOMEM. */
int put_text(struct rtable *t, int row, int col, const char *s);
void put_num(struct rtable *t, int row, int col, enum rcell_kind kind, int64_t n, int64_t d);

#endif
