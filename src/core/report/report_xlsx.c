/* SPDX-License-Identifier: MIT */
/* The report as a print-ready workbook (libxlsxwriter): a cover sheet, a sheet per table
 * with a title row and a frozen, repeated header row, numbers stored as numbers with their
 * formats (yuan with thousands separators, 万元, percentages with two decimals), A4 set-up
 * fitted to the page width (landscape when wide), the report title and page numbers in the
 * footer, a bar chart of the completion rates and a sheet of definitions. */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include "dpf/hant.h"
#include "dpf/i18n.h"
#include "dpf/outfile.h"
#include "dpf/rate.h"
#include "dpf/report.h"
#include "dpf/text.h"
#include "base/xlsx_file.h"

struct formats {
    lxw_format *title, *head, *text, *count, *money, *wan, *rate, *label;
};

static void make_formats(lxw_workbook *wb, struct formats *f)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->head = workbook_add_format(wb);
    format_set_bold(f->head);
    format_set_border(f->head, LXW_BORDER_THIN);
    format_set_align(f->head, LXW_ALIGN_CENTER);
    format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f->head);
    format_set_bg_color(f->head, 0xDDEBF7);
    f->text = workbook_add_format(wb);
    format_set_border(f->text, LXW_BORDER_THIN);
    f->count = workbook_add_format(wb);
    format_set_border(f->count, LXW_BORDER_THIN);
    format_set_num_format(f->count, "#,##0");
    f->money = workbook_add_format(wb);
    format_set_border(f->money, LXW_BORDER_THIN);
    format_set_num_format(f->money, "#,##0.00");
    f->wan = workbook_add_format(wb);
    format_set_border(f->wan, LXW_BORDER_THIN);
    format_set_num_format(f->wan, "0.00\"万\"");
    f->rate = workbook_add_format(wb);
    format_set_border(f->rate, LXW_BORDER_THIN);
    format_set_num_format(f->rate, "0.00%");
    format_set_align(f->rate, LXW_ALIGN_RIGHT);
    f->label = workbook_add_format(wb);
    format_set_bold(f->label);
}

static void page_setup(lxw_worksheet *ws, const struct report *r, int wide)
{
    char footer[256];
    worksheet_set_paper(ws, 9);                 /* A4 */
    if (wide)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);           /* the page's width, as many pages as needed */
    worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
    snprintf(footer, sizeof footer, "&L%s&R第 &P 页，共 &N 页", r->title);
    worksheet_set_footer(ws, footer);
}

/* A cell's value as stored: numbers as numbers (a rate as its fraction, rounded half up to
 * hundredths of a percent from integers first, so the sheet shows what the text shows). */
static void write_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const struct rcell *c,
                       const struct formats *f)
{
    switch (c->kind) {
    case RC_TEXT:
        worksheet_write_string(ws, row, col, c->text ? c->text : "", f->text);
        break;
    case RC_INT:
        worksheet_write_number(ws, row, col, (double)c->n, f->count);
        break;
    case RC_MONEY:
        worksheet_write_number(ws, row, col, (double)c->n / 100.0, f->money);
        break;
    case RC_WAN:
        worksheet_write_number(ws, row, col, (double)((c->n + 5000) / 10000) / 100.0, f->wan);
        break;
    default:
        if (c->d == 0)
            worksheet_write_string(ws, row, col, "—", f->rate);
        else
            worksheet_write_number(ws, row, col,
                                   (double)rate_hundredths((long)c->n, (long)c->d) / 10000.0,
                                   f->rate);
    }
}

static lxw_error table_sheet(lxw_workbook *wb, const struct report *r, const struct rtable *t,
                             const struct formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, t->sheet);
    int wide = 0;

    if (!ws)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    for (int c = 0; c < t->ncols; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, t->widths[c] + 3, NULL);
        wide += t->widths[c] + 3;
    }
    worksheet_write_string(ws, 0, 0, t->title, f->title);
    worksheet_set_row(ws, 1, 30, NULL);        /* two lines: headers wrap in narrow columns */
    for (int c = 0; c < t->ncols; c++)
        worksheet_write_string(ws, 1, (lxw_col_t)c, t->headers[c], f->head);
    for (int row = 0; row < t->nrows; row++)
        for (int c = 0; c < t->ncols; c++)
            write_cell(ws, (lxw_row_t)(row + 2), (lxw_col_t)c, &t->cells[row * t->ncols + c], f);
    worksheet_freeze_panes(ws, 2, 0);
    worksheet_repeat_rows(ws, 1, 1);
    page_setup(ws, r, wide > 80);
    return LXW_NO_ERROR;
}

static void cover_sheet(lxw_workbook *wb, const struct report *r, const struct formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, hant_static("封面"));
    const char *labels[] = { _("District name"), _("Period"), _("Made on"), _("Made by") };
    char period[64];
    const char *values[4];

    snprintf(period, sizeof period, "%s — %s", r->from, r->to);
    values[0] = r->district;
    values[1] = period;
    values[2] = r->made_at;
    values[3] = r->made_by;
    worksheet_set_column(ws, 0, 0, 14, NULL);
    worksheet_set_column(ws, 1, 1, 48, NULL);
    worksheet_write_string(ws, 0, 0, r->title, f->title);
    for (int i = 0; i < 4; i++) {
        worksheet_write_string(ws, (lxw_row_t)(i + 2), 0, labels[i], f->label);
        worksheet_write_string(ws, (lxw_row_t)(i + 2), 1, values[i], NULL);
    }
    worksheet_write_string(ws, 7, 0, _("Sheets"), f->label);
    for (int i = 0; i < r->ntables; i++) {
        worksheet_write_string(ws, (lxw_row_t)(8 + i), 0, r->tables[i].sheet, NULL);
        worksheet_write_string(ws, (lxw_row_t)(8 + i), 1, r->tables[i].title, NULL);
    }
    page_setup(ws, r, 0);
}

/* A bar chart of a table's rate column, on a sheet of its own. */
static void chart_sheet(lxw_workbook *wb, const struct report *r, const struct rtable *t)
{
    lxw_chartsheet *cs;
    lxw_chart *chart;
    lxw_chart_series *s;

    if (t->rate_chart < 0 || t->nrows == 0 ||
        !(cs = workbook_add_chartsheet(wb, hant_static("完成率图"))))
        return;
    chart = workbook_add_chart(wb, LXW_CHART_BAR);
    s = chart_add_series(chart, NULL, NULL);
    chart_series_set_categories(s, t->sheet, 2, 0, (lxw_row_t)(t->nrows + 1), 0);
    chart_series_set_values(s, t->sheet, 2, (lxw_col_t)t->rate_chart, (lxw_row_t)(t->nrows + 1),
                            (lxw_col_t)t->rate_chart);
    chart_series_set_name(s, _("Completion rate"));
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, "0.00%");
    chart_title_set_name(chart, t->title);
    chart_axis_set_num_format(chart->x_axis, "0%");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chartsheet_set_chart(cs, chart);
    chartsheet_set_paper(cs, 9);
    chartsheet_set_landscape(cs);
    (void)r;
}

static void notes_sheet(lxw_workbook *wb, const struct report *r, const struct formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, hant_static("指标说明"));
    lxw_format *wrap = workbook_add_format(wb);

    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    worksheet_set_column(ws, 0, 0, 4, NULL);
    worksheet_set_column(ws, 1, 1, 100, NULL);
    worksheet_write_string(ws, 0, 0, _("How each figure is counted"), f->title);
    for (int i = 0; i < r->nnotes; i++) {
        worksheet_write_number(ws, (lxw_row_t)(i + 2), 0, i + 1, NULL);
        worksheet_write_string(ws, (lxw_row_t)(i + 2), 1, r->notes[i], wrap);
    }
    worksheet_repeat_rows(ws, 0, 0);
    page_setup(ws, r, 1);
}

int report_xlsx(const struct report *r, const char *path, unsigned oflags,
                report_progress_fn progress, void *ctx, struct dpf_err *err)
{
    lxw_workbook *wb;
    lxw_doc_properties props = { 0 };
    struct formats f;
    struct outfile out;
    lxw_error le = LXW_NO_ERROR;
    int total = r->ntables + 2, rc;

    if ((rc = outfile_open(&out, path, oflags | OUT_BYNAME, err)) != DPF_OK)
        return rc;
    if (!(wb = xlsx_file_new(&out, path, 0, err))) {
        outfile_abort(&out);
        return DPF_EIO;
    }
    props.title = (char *)r->title;         /* libxlsxwriter only reads them */
    props.author = (char *)r->made_by;
    props.company = (char *)r->district;
    workbook_set_properties(wb, &props);
    make_formats(wb, &f);
    cover_sheet(wb, r, &f);
    for (int i = 0; i < r->ntables && le == LXW_NO_ERROR; i++) {
        le = table_sheet(wb, r, &r->tables[i], &f);
        if (progress)
            progress(ctx, i + 1, total);
    }
    for (int i = 0; i < r->ntables; i++)
        if (r->tables[i].rate_chart >= 0)
            chart_sheet(wb, r, &r->tables[i]);
    notes_sheet(wb, r, &f);
    if (progress)
        progress(ctx, total - 1, total);
    if (le != LXW_NO_ERROR)
        dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: %s"), path, lxw_strerror(le));
    rc = xlsx_file_close(wb, path, le == LXW_NO_ERROR, err);
    if (progress)
        progress(ctx, total, total);
    if (!rc) {
        outfile_abort(&out);
        return DPF_EIO;
    }
    return outfile_commit(&out, err);
}
