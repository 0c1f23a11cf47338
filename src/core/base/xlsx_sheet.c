/* SPDX-License-Identifier: MIT */
/* Streaming one worksheet of an .xlsx (see xlsx_read.h): expat is fed chunks straight from
 * zip_fread and suspended at the end of each <row>, so a row is handed over as soon as it is
 * read and the sheet is never whole in memory. A cell's text is its shared string, its inline
 * string, its formula's text result, TRUE/FALSE, or its number as stored (a date style's
 * serial number as YYYY-MM-DD). */
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "xlsx_read.h"

/* The pipe to the parent carries at most this many fields (recsrc_child.c), and no import
 * has nearly so many columns. */
enum { MAX_FIELDS = 4096, MAX_ROW_TEXT = 16 << 20 };

/* A cell's t attribute: what its <v> holds. */
enum xlsx_type { T_NUMBER, T_SHARED, T_INLINE, T_FORMULA_TEXT, T_BOOL, T_ERROR, T_DATE };

static int type_of(const char *t)
{
    if (!t || strcmp(t, "n") == 0)
        return T_NUMBER;
    if (strcmp(t, "s") == 0)
        return T_SHARED;
    if (strcmp(t, "inlineStr") == 0)
        return T_INLINE;
    if (strcmp(t, "str") == 0)
        return T_FORMULA_TEXT;
    if (strcmp(t, "b") == 0)
        return T_BOOL;
    if (strcmp(t, "d") == 0)
        return T_DATE;
    return T_ERROR;                     /* "e", or one no Excel writes: its text as it is */
}

/* "AB12" → 27 (from 0); -1 if it is no cell reference within Excel's columns. */
static int column_of(const char *ref)
{
    int col = 0, n = 0;

    for (; *ref >= 'A' && *ref <= 'Z' && n <= 3; ref++, n++)    /* XFD: 3 letters at most */
        col = col * 26 + (*ref - 'A' + 1);
    if (n == 0 || n > 3 || col > BOOK_MAX_COLS || !(*ref >= '1' && *ref <= '9'))
        return -1;
    return col - 1;
}

static void row_start(struct xlsx *x, const char **atts)
{
    const char *r = xlsx_attr(atts, "r");
    char *end;
    long line = r ? strtol(r, &end, 10) : x->last_line + 1;

    if (r && (end == r || *end))
        line = -1;
    if (line < 1)
        xlsx_fail(x, DPF_EINVAL, _("%s: the workbook is damaged (a row numbered \"%s\")"),
                  x->name, r ? r : "");
    else if (line > BOOK_MAX_ROWS)
        xlsx_fail(x, DPF_EINVAL, _("%s: the sheet is too large (more than %d rows)"), x->name,
                  BOOK_MAX_ROWS);
    x->line = line;
    x->in_row = 1;
    x->last_col = -1;
}

static void cell_start(struct xlsx *x, const char **atts)
{
    const char *r = NULL, *t = NULL, *s = NULL;

    /* One pass over the attributes: this runs for every cell of the sheet. */
    for (int i = 0; atts[i]; i += 2) {
        const char *a = atts[i];
        if (a[0] && !a[1]) {
            if (a[0] == 'r')
                r = atts[i + 1];
            else if (a[0] == 't')
                t = atts[i + 1];
            else if (a[0] == 's')
                s = atts[i + 1];
        }
    }
    x->col = r ? column_of(r) : x->last_col + 1;
    if (x->col < 0 || x->col >= BOOK_MAX_COLS)
        xlsx_fail(x, DPF_EINVAL, _("%s: the workbook is damaged (a cell at \"%s\")"), x->name,
                  r ? r : "");
    x->type = type_of(t);
    x->style = s ? atoi(s) : 0;
    x->in_cell = 1;
    sb_reset(&x->raw);
}

static void XMLCALL sheet_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct xlsx *x = ud;
    const char *local = xlsx_local(el);

    if (x->in_cell) {                   /* v, f, is, t, r, rPh ... */
        if (strcmp(local, "rPh") == 0)
            x->in_phonetic = 1;         /* a reading aid, not the text */
        else if (!x->in_phonetic && (strcmp(local, "v") == 0 || strcmp(local, "t") == 0))
            x->in_text = 1;
    } else if (x->in_row) {
        if (strcmp(local, "c") == 0)
            cell_start(x, atts);
    } else if (x->in_data) {
        if (strcmp(local, "row") == 0)
            row_start(x, atts);
    } else if (strcmp(local, "sheetData") == 0) {
        x->in_data = 1;
    }
}

static void XMLCALL sheet_text(void *ud, const XML_Char *s, int n)
{
    struct xlsx *x = ud;

    if (!x->in_text)
        return;
    sb_addn(&x->raw, s, (size_t)n);
    if (x->raw.len > XLSX_MAX_CELL)
        xlsx_fail(x, DPF_EINVAL, _("%s: the sheet is too large (a cell in row %ld passes %d "
                                   "MB)"), x->name, x->line, XLSX_MAX_CELL >> 20);
}

/* The cell's text as a person sees it in Excel's cell, less its number format's looks. */
static const char *cell_text(struct xlsx *x, char *num, size_t n)
{
    char *raw = x->raw.s ? x->raw.s : (char *)"", *end;

    switch (x->type) {
    case T_SHARED: {
        long i = strtol(raw, &end, 10);
        if (end == raw || *end || i < 0 || i >= x->ss_n)
            return NULL;
        return x->ss_text + x->ss_at[i];
    }
    case T_INLINE: case T_FORMULA_TEXT:
        xlsx_unescape(raw);
        return raw;
    case T_BOOL:
        return !*raw ? "" : strcmp(raw, "1") == 0 ? "TRUE" : "FALSE";
    case T_DATE:
        if (strlen(raw) >= 10 && raw[4] == '-' && raw[7] == '-')
            raw[10] = '\0';             /* an ISO date, its time dropped */
        return raw;
    case T_ERROR:
        return raw;
    default:
        break;
    }
    if (!*raw)
        return raw;
    if (x->style > 0 && x->style < x->nxf && x->xf_date[x->style]) {
        double v = strtod(raw, &end);
        if (!*end && book_serial_date(num, v, x->date1904))
            return num;
    }
    book_number(num, n, raw);
    return num;
}

static void cell_end(struct xlsx *x)
{
    char num[64];
    const char *text = x->raw.oom ? NULL : cell_text(x, num, sizeof num);

    x->in_cell = 0;
    x->in_text = 0;
    x->in_phonetic = 0;
    x->last_col = x->col;
    if (!text) {
        xlsx_fail(x, x->raw.oom ? DPF_ENOMEM : DPF_EINVAL,
                  _("%s: the workbook is damaged (row %ld has a string it does not hold)"),
                  x->name, x->line);
        return;
    }
    if (x->col >= MAX_FIELDS) {
        if (*text)
            xlsx_fail(x, DPF_EINVAL, _("%s: the sheet is too large (row %ld has text past "
                                       "column %d)"), x->name, x->line, MAX_FIELDS);
        return;
    }
    if (book_row_set(x->row, x->col, text, strlen(text)) != 0)
        xlsx_fail(x, DPF_ENOMEM, _("Out of memory"));
    else if (x->row->len > MAX_ROW_TEXT)
        xlsx_fail(x, DPF_EINVAL, _("%s: the sheet is too large (row %ld passes %d MB)"),
                  x->name, x->line, MAX_ROW_TEXT >> 20);
}

static void XMLCALL sheet_end(void *ud, const XML_Char *el)
{
    struct xlsx *x = ud;
    const char *local = xlsx_local(el);

    if (x->in_cell && (strcmp(local, "v") == 0 || strcmp(local, "t") == 0)) {
        x->in_text = 0;
    } else if (x->in_cell && strcmp(local, "rPh") == 0) {
        x->in_phonetic = 0;
    } else if (x->in_cell && strcmp(local, "c") == 0) {
        cell_end(x);
    } else if (x->in_row && strcmp(local, "row") == 0) {
        x->in_row = 0;
        x->last_line = x->line;
        x->row_ready = 1;
        XML_StopParser(x->p, XML_TRUE);     /* hand the row over; resumed by the next call */
    } else if (strcmp(local, "sheetData") == 0) {
        x->in_data = 0;
    }
}

int xlsx_sheet_open(struct xlsx *x, const char *entry, struct dpf_err *err)
{
    if (!(x->zf = zip_fopen(x->zip, entry, 0)))
        return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (%s: %s)"),
                           x->name, entry, zip_strerror(x->zip));
    if (!(x->p = xlsx_parser(x)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    XML_SetElementHandler(x->p, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(x->p, sheet_text);
    return DPF_OK;
}

/* Why expat stopped: a handler's reason, or expat's own. -2. */
static int parse_failed(struct xlsx *x, struct dpf_err *err)
{
    if (x->failed)
        *err = x->err;
    else
        dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (the sheet, line "
                                             "%lu: %s)"), x->name,
                    (unsigned long)XML_GetCurrentLineNumber(x->p),
                    XML_ErrorString(XML_GetErrorCode(x->p)));
    return -2;
}

int xlsx_sheet_next(void *reader, struct book_row *row, long *line, struct dpf_err *err)
{
    struct xlsx *x = reader;
    enum XML_Status st;
    zip_int64_t n;

    x->row = row;
    for (;;) {
        if (x->suspended) {
            x->suspended = 0;
            st = XML_ResumeParser(x->p);
        } else if (x->final || x->failed) {
            return x->failed ? parse_failed(x, err) : 0;
        } else {
            if ((n = zip_fread(x->zf, x->chunk, sizeof x->chunk)) < 0)
                return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (%s)"),
                                   x->name, zip_file_strerror(x->zf)), -2;
            x->final = n == 0;
            st = XML_Parse(x->p, x->chunk, (int)n, x->final);
        }
        if (st == XML_STATUS_ERROR) {
            parse_failed(x, err);
            x->err = *err;          /* kept: a later call says the same */
            x->failed = 1;
            return -2;
        }
        x->suspended = st == XML_STATUS_SUSPENDED;
        if (x->row_ready) {
            x->row_ready = 0;
            *line = x->line;
            return 1;
        }
    }
}

void xlsx_sheet_close(struct xlsx *x)
{
    if (x->p)
        XML_ParserFree(x->p);
    if (x->zf)
        zip_fclose(x->zf);
    x->p = NULL;
    x->zf = NULL;
}
