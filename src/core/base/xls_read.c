/* SPDX-License-Identifier: MIT */
/* An .xls (Excel 97-2003, BIFF) as rows (see book.h), through libfreexl. FreeXL reads the
 * whole workbook when it opens it; an .xls holds at most 65,536 rows of 256 columns, so that
 * is bounded. Dates come from the cell's type (FreeXL tells them by their format). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <freexl.h>
#include "dpf/i18n.h"
#include "book.h"
#include "strbuf.h"

struct xls {
    const void *h;
    char *name;
    unsigned rows, row;
    unsigned short cols;
};

static void xls_free(void *reader)
{
    struct xls *x = reader;

    if (!x)
        return;
    if (x->h)
        freexl_close(x->h);
    free(x->name);
    free(x);
}

/* A number as Excel's General format shows it: whole numbers in full up to 15 digits,
 * anything else with 15 significant digits (a long ID becomes 3.41503199001011E+17, as the
 * .xlsx reader gives it, for the import's checks to catch). */
static void xls_number(char *out, size_t n, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(out, n, "%.0f", v);
    else
        snprintf(out, n, "%.15G", v);
}

static int xls_next(void *reader, struct book_row *row, long *line, struct dpf_err *err)
{
    struct xls *x = reader;
    FreeXL_CellValue cell;
    char num[64];
    const char *text;

    if (x->row >= x->rows)
        return 0;
    for (unsigned short c = 0; c < x->cols; c++) {
        if (freexl_get_cell_value(x->h, x->row, c, &cell) != FREEXL_OK)
            return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (row %u)"),
                               x->name, x->row + 1), -2;
        switch (cell.type) {
        case FREEXL_CELL_INT:
            snprintf(num, sizeof num, "%d", cell.value.int_value);
            text = num;
            break;
        case FREEXL_CELL_DOUBLE:
            xls_number(num, sizeof num, cell.value.double_value);
            text = num;
            break;
        case FREEXL_CELL_DATE: case FREEXL_CELL_DATETIME:
            snprintf(num, sizeof num, "%.10s", cell.value.text_value);   /* YYYY-MM-DD */
            text = num;
            break;
        case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT: case FREEXL_CELL_TIME:
            text = cell.value.text_value ? cell.value.text_value : "";
            break;
        default:
            text = "";
            break;
        }
        if (book_row_set(row, c, text, strlen(text)) != 0)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")), -2;
    }
    *line = ++x->row;
    return 1;
}

static const struct book_ops xls_ops = { xls_next, xls_free };

/* The index of the sheet named name (NULL: the first); the missing sheet's error lists them. */
static int xls_sheet(struct xls *x, const char *name, unsigned short *index, struct dpf_err *err)
{
    unsigned count = 0;
    const char *s;
    struct strbuf list;

    if (freexl_get_info(x->h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0)
        return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook has no sheet"), x->name);
    *index = 0;
    if (!name)
        return DPF_OK;
    sb_init(&list);
    for (unsigned i = 0; i < count && i < 65536; i++) {
        if (freexl_get_worksheet_name(x->h, (unsigned short)i, &s) != FREEXL_OK || !s)
            s = "";
        if (strcmp(s, name) == 0) {
            *index = (unsigned short)i;
            sb_free(&list);
            return DPF_OK;
        }
        sb_printf(&list, "%s\"%s\"", i ? ", " : "", s);
    }
    dpf_err_set(err, DPF_EINVAL, NULL, _("%s: no sheet named \"%s\"; its sheets are %s"),
                x->name, name, sb_str(&list));
    sb_free(&list);
    return DPF_EINVAL;
}

int xls_open(void **reader, const struct book_ops **ops, const char *path, const char *sheet,
             struct dpf_err *err)
{
    struct xls *x = calloc(1, sizeof *x);
    unsigned info = 0;
    unsigned short index = 0;
    int rc = DPF_OK;

    *reader = NULL;
    if (!x || !(x->name = strdup(path))) {
        free(x);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    if (freexl_open(path, &x->h) != FREEXL_OK) {
        x->h = NULL;
        rc = dpf_err_set(err, DPF_EINVAL, NULL, _("%s: cannot read this .xls workbook: it is "
                                                  "damaged, encrypted, or not one Excel made"),
                         path);
    } else if (freexl_get_info(x->h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
               info == FREEXL_BIFF_OBFUSCATED) {
        rc = dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is encrypted; save it "
                                                  "without a password and import again"), path);
    }
    if (rc == DPF_OK)
        rc = xls_sheet(x, sheet, &index, err);
    if (rc == DPF_OK && (freexl_select_active_worksheet(x->h, index) != FREEXL_OK ||
                         freexl_worksheet_dimensions(x->h, &x->rows, &x->cols) != FREEXL_OK))
        rc = dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged"), path);
    if (rc != DPF_OK) {
        xls_free(x);
        return rc;
    }
    *reader = x;
    *ops = &xls_ops;
    return DPF_OK;
}
