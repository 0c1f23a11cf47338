/* SPDX-License-Identifier: MIT */
/* A workbook written through outfile (OUT_BYNAME): libxlsxwriter writes only to a file name,
 * so it gets outfile's temporary name inside the private folder, and its own temporary files
 * go to that folder too, never to /tmp. Shared by the exports, the rosters and the report. */
#ifndef DPF_XLSX_FILE_H
#define DPF_XLSX_FILE_H

#include <xlsxwriter.h>
#include "dpf/err.h"
#include "dpf/outfile.h"

/* A new workbook on o's temporary file (constant_memory: rows stream out in megabytes, for
 * the long lists); NULL with err naming path if the library refused. */
lxw_workbook *xlsx_file_new(const struct outfile *o, const char *path, int constant_memory,
                            struct dpf_err *err);
/* Closes wb (NULL allowed). Returns ok, or 0 with err set when ok and the library failed. */
int xlsx_file_close(lxw_workbook *wb, const char *path, int ok, struct dpf_err *err);

#endif
