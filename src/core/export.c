/* SPDX-License-Identifier: MIT */
/* Person export. Rows stream from SQLite to the file; the .xlsx writer runs in libxlsxwriter's
 * constant_memory mode, so a million rows need megabytes, not gigabytes. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>
#include "dpf/csv.h"
#include "dpf/db.h"
#include "dpf/export.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "person_internal.h"
#include "strbuf.h"

struct sink {
    int (*row)(struct sink *s, const char *const *cells);
    FILE *csv;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_row_t next_row;
};

static int csv_row(struct sink *s, const char *const *cells)
{
    csv_write_row(s->csv, cells, PERSON_NFIELDS);
    return ferror(s->csv) ? -1 : 0;
}

static int xlsx_row(struct sink *s, const char *const *cells)
{
    for (int i = 0; i < PERSON_NFIELDS; i++)
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

static int open_sink(struct sink *s, const char *path, struct dpf_err *err)
{
    const char *headers[PERSON_NFIELDS];

    memset(s, 0, sizeof *s);
    for (int i = 0; i < PERSON_NFIELDS; i++)
        headers[i] = person_fields[i].header;
    if (!is_xlsx(path)) {
        if (!(s->csv = fopen(path, "wb")))
            return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
        fputs("\xEF\xBB\xBF", s->csv);
        s->row = csv_row;
        return csv_row(s, headers) == 0 ? DPF_OK : DPF_EIO;
    }
    lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
    if (!(s->wb = workbook_new_opt(path, &opt)) || !(s->ws = workbook_add_worksheet(s->wb, "残疾人")))
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    lxw_format *bold = workbook_add_format(s->wb);
    format_set_bold(bold);
    for (int i = 0; i < PERSON_NFIELDS; i++) {
        /* A cell is about two columns per CJK character; the table's width is in cells. */
        worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i, person_fields[i].width + 2, NULL);
        worksheet_write_string(s->ws, 0, (lxw_col_t)i, headers[i], bold);
    }
    worksheet_freeze_panes(s->ws, 1, 0);
    s->next_row = 1;
    s->row = xlsx_row;
    return DPF_OK;
}

static int close_sink(struct sink *s, const char *path, int ok, struct dpf_err *err)
{
    lxw_error le;
    if (s->csv) {
        if (fclose(s->csv) != 0 && ok)
            return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    } else if (s->wb) {
        le = workbook_close(s->wb);
        if (le != LXW_NO_ERROR && ok)
            return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: %s"), path,
                               lxw_strerror(le));
    }
    if (!ok)
        remove(path);
    return ok ? DPF_OK : (err ? err->code : DPF_EIO);
}

int export_persons(struct db *db, const char *path, int full, long *rows, struct dpf_err *err)
{
    struct strbuf q;
    struct sink sink;
    struct person p;
    sqlite3_stmt *st = NULL;
    char bufs[PERSON_NFIELDS][64];
    const char *cells[PERSON_NFIELDS];
    int rc, step = SQLITE_DONE;

    *rows = 0;
    if ((rc = open_sink(&sink, path, err)) != DPF_OK)
        return close_sink(&sink, path, 0, err), rc;
    sb_init(&q);
    sb_printf(&q, "SELECT id, %s FROM person ORDER BY id", person_columns());
    if (sqlite3_prepare_v2(db->h, sb_str(&q), -1, &st, NULL) != SQLITE_OK)
        rc = db_fail(db, err);
    sb_free(&q);
    person_init(&p);
    while (rc == DPF_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (person_from_row(st, &p) != DPF_OK) {
            rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
            break;
        }
        for (int i = 0; i < PERSON_NFIELDS; i++)
            cells[i] = field_format(&person_fields[i], p.v[i], !full, bufs[i], sizeof bufs[i]);
        if (sink.row(&sink, cells) != 0)
            rc = dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
        else
            (*rows)++;
    }
    if (rc == DPF_OK && step != SQLITE_DONE)
        rc = db_fail(db, err);
    person_clear(&p);
    sqlite3_finalize(st);
    return close_sink(&sink, path, rc == DPF_OK, err);
}
