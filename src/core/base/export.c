/* SPDX-License-Identifier: MIT */
/* The export engine: a list's rows to CSV or .xlsx (export_internal.h). Rows stream from
 * SQLite to the file; the .xlsx writer runs in libxlsxwriter's constant_memory mode, so a
 * million rows need megabytes, not gigabytes. The lists themselves are the entities'
 * (dpf/entity.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>
#include "dpf/csv.h"
#include "dpf/db.h"
#include "dpf/audit.h"
#include "dpf/export.h"
#include "dpf/i18n.h"
#include "export_internal.h"
#include "xlsx_file.h"

/* A row of cells, text guarded against formula injection (by the field's type) but the
 * header row, which is fixed. */
static int csv_row(struct export_sink *s, const char *const *cells, int header)
{
    for (int i = 0; i < s->n; i++) {
        if (i)
            fputc(',', s->csv);
        if (!header && field_is_text(&s->fields[i]))
            csv_write_text(s->csv, cells[i]);
        else
            csv_write_field(s->csv, cells[i]);
    }
    fputs("\r\n", s->csv);
    return ferror(s->csv) ? -1 : 0;
}

static int xlsx_row(struct export_sink *s, const char *const *cells)
{
    for (int i = 0; i < s->n; i++)
        if (cells[i][0] && worksheet_write_string(s->ws, s->next_row, (lxw_col_t)i, cells[i],
                                                  NULL) != LXW_NO_ERROR)
            return -1;
    s->next_row++;
    return 0;
}

static int is_xlsx(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

int export_open(struct export_sink *s, const char *path, unsigned oflags, const char *sheet,
                const struct field *fields, int n, struct dpf_err *err)
{
    const char *headers[EXPORT_MAX_COLS];
    int rc;

    memset(s, 0, sizeof *s);
    s->n = n < EXPORT_MAX_COLS ? n : EXPORT_MAX_COLS;
    s->path = path;
    s->fields = fields;
    for (int i = 0; i < s->n; i++)
        headers[i] = fields[i].header;
    oflags |= OUT_PRIVATE | (is_xlsx(path) ? OUT_BYNAME : 0);
    if ((rc = outfile_open(&s->out, path, oflags, err)) != DPF_OK)
        return rc;
    if (!is_xlsx(path)) {
        s->csv = s->out.fp;
        fputs("\xEF\xBB\xBF", s->csv);
        return csv_row(s, headers, 1) == 0 ? DPF_OK : DPF_EIO;
    }
    if (!(s->wb = xlsx_file_new(&s->out, path, 1, err)))
        return DPF_EIO;
    if (!(s->ws = workbook_add_worksheet(s->wb, sheet)))
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    lxw_format *bold = workbook_add_format(s->wb);
    format_set_bold(bold);
    for (int i = 0; i < s->n; i++) {
        /* A cell is about two columns per CJK character; the table's width is in cells. */
        worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i, fields[i].width + 2, NULL);
        worksheet_write_string(s->ws, 0, (lxw_col_t)i, headers[i], bold);
    }
    worksheet_freeze_panes(s->ws, 1, 0);
    s->next_row = 1;
    return DPF_OK;
}

static void (*progress_fn)(void *ctx, long rows);
static void *progress_ctx;
static long progress_every = 1;

void export_on_progress(void (*fn)(void *ctx, long rows), void *ctx, long every)
{
    progress_fn = fn;
    progress_ctx = ctx;
    progress_every = every > 0 ? every : 1;
}

int export_row(struct export_sink *s, const char *const *cells, struct dpf_err *err)
{
    int bad = s->csv ? csv_row(s, cells, 0) : xlsx_row(s, cells);
    if (bad)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), s->path);
    if (++s->rows % progress_every == 0 && progress_fn)
        progress_fn(progress_ctx, s->rows);
    return DPF_OK;
}

int export_values(struct export_sink *s, const char *const *v, int mask, struct dpf_err *err)
{
    char bufs[EXPORT_MAX_COLS][256];    /* a list of codes, shown by name, is the longest */
    const char *cells[EXPORT_MAX_COLS];

    for (int i = 0; i < s->n; i++)
        cells[i] = field_format(&s->fields[i], v[i], mask, bufs[i], sizeof bufs[i]);
    return export_row(s, cells, err);
}

int export_query(struct export_sink *s, struct db *db, sqlite3_stmt *st, int mask,
                 struct dpf_err *err)
{
    const char *v[EXPORT_MAX_COLS];
    int rc = DPF_OK, step;

    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < s->n; i++)
            v[i] = (const char *)sqlite3_column_text(st, i);
        if ((rc = export_values(s, v, mask, err)) != DPF_OK)
            break;
    }
    if (rc == DPF_OK && step != SQLITE_DONE)
        rc = db_fail(db, err);
    sqlite3_finalize(st);
    return rc;
}

int export_close(struct export_sink *s, int ok, struct dpf_err *err)
{
    return export_finish(s, NULL, NULL, 0, ok, err);
}

int export_finish(struct export_sink *s, struct db *db, const char *what, int full, int ok,
                  struct dpf_err *err)
{
    ok = xlsx_file_close(s->wb, s->path, ok, err);
    s->wb = NULL;
    s->csv = NULL;              /* owned by s->out */
    /* The audit row before the file is in place: a file whose row could not be written
     * never appears under its name. */
    if (ok && db && audit_export(db, what, s->path, s->rows, full, err) != DPF_OK)
        ok = 0;
    if (!ok) {
        outfile_abort(&s->out);
        return err && err->code ? err->code : DPF_EIO;
    }
    return outfile_commit(&s->out, err);
}
