/* SPDX-License-Identifier: MIT */
/* The bank's roster of a month, from the review (the stored roster of an approved month),
 * and the yearly totals from the approved rosters. The .xlsx is written in libxlsxwriter's
 * constant_memory mode: a district's roster of 300,000 lines needs megabytes, not a
 * gigabyte. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>
#include "dpf/csv.h"
#include "dpf/access.h"
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/money.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/review.h"
#include "dpf/outfile.h"
#include "dpf/roster.h"
#include "base/db_struct.h"
#include "base/xlsx_file.h"

/* The roster's columns: header and width in .xlsx character units. */
enum { RC_SEQ, RC_NAME, RC_ID, RC_TOWN, RC_VILLAGE, RC_BANK, RC_AMOUNT, RC_MONTHS, RC_NOTE, RC_N };
/* text: a CSV cell guarded against formula injection (the amount, negative for a recovery,
 * stays a number). */
static const struct { const char *header; int width, text; } roster_cols[RC_N] = {
    { "序号", 6, 0 }, { "姓名", 10, 1 }, { "身份证号", 21, 1 }, { "乡镇（街道）", 14, 1 },
    { "村（社区）", 12, 1 }, { "银行账号", 24, 1 }, { "金额（元）", 13, 0 }, { "所属月份", 17, 1 },
    { "备注", 18, 1 },
};

/* The signature block under each list: who made it (制表人: the user exporting, by their
 * display name), who approved the month (审核人), the head (负责人, signed by hand) and the
 * day. Cells of one row, in the columns of the name, township, bank account and months. */
struct signers {
    char maker[160], approver[160], head[32], date[32];
};

static void signers_of(struct db *db, const struct review *rv, struct signers *g)
{
    char name[128] = "";

    snprintf(g->maker, sizeof g->maker, "制表人：%s", user_display(db, db->user, name, sizeof name));
    if (rv->approved)
        user_display(db, rv->approved_by, name, sizeof name);
    else
        name[0] = '\0';
    snprintf(g->approver, sizeof g->approver, "审核人：%s", name);
    snprintf(g->head, sizeof g->head, "负责人：");
    snprintf(g->date, sizeof g->date, "日期：%s", db_today(db));
}

/* One roster line as text cells (the amount also as fen, for the .xlsx number). */
struct cells {
    char seq[24], id[32], bank[48], amount[32], months[24], note[64];
    const char *v[RC_N];
};

static void line_cells(const struct review *rv, const struct review_line *l, long seq, int full,
                       struct cells *c)
{
    char back[32];
    const char *id = review_text(rv, l->id_no);

    snprintf(c->seq, sizeof c->seq, "%ld", seq);
    if (full || strlen(id) >= sizeof c->id)
        snprintf(c->id, sizeof c->id, "%s", id);
    else
        idcard_mask(id, c->id);
    {
        char masked[48];
        snprintf(c->bank, sizeof c->bank, "%s",
                 field_format(&person_fields[PF_BANK_ACCOUNT], review_text(rv, l->bank), !full,
                              masked, sizeof masked));
    }
    money_format(l->amount, 0, c->amount, sizeof c->amount);
    review_months(l, c->months);
    c->note[0] = '\0';
    if (l->back)
        snprintf(c->note, sizeof c->note, "含补发 %s", money_format(l->back, 1, back, sizeof back));
    c->v[RC_SEQ] = c->seq;
    c->v[RC_NAME] = review_text(rv, l->name);
    c->v[RC_ID] = c->id;
    c->v[RC_TOWN] = review_text(rv, l->township);
    c->v[RC_VILLAGE] = review_text(rv, l->village);
    c->v[RC_BANK] = c->bank;
    c->v[RC_AMOUNT] = c->amount;
    c->v[RC_MONTHS] = c->months;
    c->v[RC_NOTE] = c->note;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

long roster_persons(const struct review_line *l, long n)
{
    int64_t *ids = malloc((size_t)(n ? n : 1) * sizeof *ids);
    long k = 0;

    if (!ids)
        return -1;
    for (long i = 0; i < n; i++)
        ids[i] = l[i].person_id;
    qsort(ids, (size_t)n, sizeof *ids, cmp_id);
    for (long i = 0; i < n; i++)
        k += i == 0 || ids[i] != ids[i - 1];
    free(ids);
    return k;
}

/* ---- CSV: one list with the programme in the first column and a totals row ---- */

static int write_csv(const struct review *rv, FILE *f, int full, const struct signers *g,
                     struct roster_result *res)
{
    const char *head[RC_N + 1];
    char total[32], persons[32];
    long n;
    const struct review_line *l = review_lines(rv, RK_PAY, &n);

    fputs("\xEF\xBB\xBF", f);
    head[0] = "补贴项目";
    for (int c = 0; c < RC_N; c++)
        head[c + 1] = roster_cols[c].header;
    csv_write_row(f, head, RC_N + 1);
    for (long i = 0; i < n; i++) {
        struct cells c = { 0 };
        const char *row[RC_N + 1];
        line_cells(rv, &l[i], i + 1, full, &c);
        row[0] = rv->progs.p[l[i].prog].v[GF_NAME];
        memcpy(row + 1, c.v, sizeof c.v);
        csv_write_text(f, row[0]);
        for (int k = 0; k < RC_N; k++) {
            fputc(',', f);
            (roster_cols[k].text ? csv_write_text : csv_write_field)(f, row[k + 1]);
        }
        fputs("\r\n", f);
    }
    snprintf(persons, sizeof persons, "%ld人", rv->total.persons);   /* persons, not lines */
    money_format(rv->total.amount, 0, total, sizeof total);
    {
        const char *row[RC_N + 1] = { "合计", "", persons, "", "", "", "", total, "", "" };
        csv_write_row(f, row, RC_N + 1);
    }
    {
        const char *blank[RC_N + 1] = { "", "", "", "", "", "", "", "", "", "" };
        const char *sign[RC_N + 1] = { "", "", g->maker, "", g->approver, "", g->head, "",
                                       g->date, "" };
        csv_write_row(f, blank, RC_N + 1);
        csv_write_row(f, sign, RC_N + 1);
    }
    res->lines = n;
    return DPF_OK;              /* write errors are found when the file is committed */
}

/* ---- .xlsx: a sheet per programme, the recoveries, and a summary ---- */

struct book {
    lxw_workbook *wb;
    lxw_format *title, *head, *cell, *money, *total, *total_money;  /* cells are ruled */
    const struct review *rv;
    const struct signers *sign;
    char district[128], month[32], approver[128];   /* approver: the display name */
    int full;
};

static void page_setup(lxw_worksheet *ws, const char *title)
{
    char footer[256];
    worksheet_set_paper(ws, 9);                 /* A4 */
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);           /* the width of one page, as long as needed */
    worksheet_repeat_rows(ws, 2, 2);
    worksheet_freeze_panes(ws, 3, 0);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    snprintf(footer, sizeof footer, "&L%s&R第 &P 页，共 &N 页", title);
    worksheet_set_footer(ws, footer);
}

/* Title, approval line and header row; returns the worksheet or NULL. */
static lxw_worksheet *sheet(struct book *b, const char *name, const char *what)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    char title[256], line[256];
    if (!ws)
        return NULL;
    snprintf(title, sizeof title, "%s %s %s %s", b->district, name, b->month, what);
    page_setup(ws, title);
    for (int c = 0; c < RC_N; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, roster_cols[c].width, NULL);
    worksheet_write_string(ws, 0, 0, title, b->title);
    if (b->rv->approved)
        snprintf(line, sizeof line, "审批：%s  %s", b->approver, b->rv->approved_at);
    else
        snprintf(line, sizeof line, "草稿：本月尚未审批，名单可能变动");
    worksheet_write_string(ws, 1, 0, line, NULL);
    for (int c = 0; c < RC_N; c++)
        worksheet_write_string(ws, 2, (lxw_col_t)c, roster_cols[c].header, b->head);
    return ws;
}

static void write_line(struct book *b, lxw_worksheet *ws, lxw_row_t r, const struct review_line *l,
                       long seq)
{
    struct cells c = { 0 };
    line_cells(b->rv, l, seq, b->full, &c);
    worksheet_write_number(ws, r, RC_SEQ, (double)seq, b->cell);
    for (int k = RC_NAME; k < RC_N; k++)
        if (k == RC_AMOUNT)
            worksheet_write_number(ws, r, RC_AMOUNT, (double)l->amount / 100.0, b->money);
        else
            worksheet_write_string(ws, r, (lxw_col_t)k, c.v[k], b->cell);
}

/* 合计: persons and a SUM formula whose cached value is the total counted in fen. */
static void total_row(struct book *b, lxw_worksheet *ws, lxw_row_t r, long n, int64_t fen)
{
    char persons[32], formula[64];
    snprintf(persons, sizeof persons, "%ld 人", n);
    snprintf(formula, sizeof formula, "=SUM(G4:G%lu)", (unsigned long)r);
    worksheet_write_string(ws, r, RC_SEQ, "合计", b->total);
    worksheet_write_string(ws, r, RC_NAME, persons, b->total);
    for (int k = RC_ID; k < RC_N; k++)
        if (k != RC_AMOUNT)
            worksheet_write_blank(ws, r, (lxw_col_t)k, b->total);
    worksheet_write_formula_num(ws, r, RC_AMOUNT, n ? formula : "=0", b->total_money,
                                (double)fen / 100.0);
    /* A line left for the hand, then the signatures. */
    worksheet_set_row(ws, r + 2, 30, NULL);
    worksheet_write_string(ws, r + 2, RC_NAME, b->sign->maker, NULL);
    worksheet_write_string(ws, r + 2, RC_TOWN, b->sign->approver, NULL);
    worksheet_write_string(ws, r + 2, RC_BANK, b->sign->head, NULL);
    worksheet_write_string(ws, r + 2, RC_MONTHS, b->sign->date, NULL);
}

static int programme_sheets(struct book *b)
{
    const struct review *rv = b->rv;
    long n, k = 0;
    const struct review_line *l = review_lines(rv, RK_PAY, &n);

    for (int p = 0; p < rv->progs.n; p++) {
        lxw_worksheet *ws;
        lxw_row_t r = 3;
        if (rv->only >= 0 ? rv->only != p : rv->by_prog[p].persons == 0)
            continue;
        if (!(ws = sheet(b, rv->progs.p[p].v[GF_NAME], "发放名册")))
            return -1;
        for (long seq = 1; k < n && l[k].prog == p; k++, seq++)
            write_line(b, ws, r++, &l[k], seq);
        total_row(b, ws, r, rv->by_prog[p].persons, rv->by_prog[p].amount);
    }
    return 0;
}

static int recovery_sheet(struct book *b)
{
    long n;
    const struct review_line *l = review_lines(b->rv, RK_RECOVER, &n);
    lxw_worksheet *ws;
    lxw_row_t r = 3;
    int64_t sum = 0;

    if (n == 0)
        return 0;
    if (!(ws = sheet(b, "追回名单", "应追回资金")))
        return -1;
    for (long i = 0; i < n; i++, r++) {
        char note[96];
        write_line(b, ws, r, &l[i], i + 1);
        snprintf(note, sizeof note, "%s %s %s", b->rv->progs.p[l[i].prog].v[GF_NAME],
                 l[i].reason ? enrol_reason_name(l[i].reason) : "", l[i].date);
        worksheet_write_string(ws, r, RC_NOTE, note, NULL);
        sum += l[i].amount;
    }
    total_row(b, ws, r, roster_persons(l, n), sum);     /* 合计 in persons, not lines */
    return 0;
}

/* One row of the summary: a name, persons, amount. */
static void summary_row(struct book *b, lxw_worksheet *ws, lxw_row_t r, const char *name,
                        long persons, int64_t fen, int total)
{
    worksheet_write_string(ws, r, 0, name, total ? b->total : b->cell);
    worksheet_write_number(ws, r, 1, (double)persons, total ? b->total : b->cell);
    worksheet_write_number(ws, r, 2, (double)fen / 100.0, total ? b->total_money : b->money);
}

/* By programme, then by township (persons counted once across programmes), then the total. */
static int summary_sheet(struct book *b)
{
    const struct review *rv = b->rv;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "汇总");
    lxw_row_t r = 3;
    char title[256];

    if (!ws)
        return -1;
    snprintf(title, sizeof title, "%s %s 补贴发放汇总", b->district, b->month);
    page_setup(ws, title);
    worksheet_set_column(ws, 0, 0, 30, NULL);
    worksheet_set_column(ws, 1, 2, 14, NULL);
    worksheet_write_string(ws, 0, 0, title, b->title);
    worksheet_write_string(ws, 2, 0, "补贴项目", b->head);
    worksheet_write_string(ws, 2, 1, "人数", b->head);
    worksheet_write_string(ws, 2, 2, "金额（元）", b->head);
    for (int p = 0; p < rv->progs.n; p++)
        if (rv->by_prog[p].persons)
            summary_row(b, ws, r++, rv->progs.p[p].v[GF_NAME], rv->by_prog[p].persons,
                        rv->by_prog[p].amount, 0);
    r++;
    worksheet_write_string(ws, r, 0, "乡镇（街道）", b->head);
    worksheet_write_string(ws, r, 1, "人数", b->head);
    worksheet_write_string(ws, r++, 2, "金额（元）", b->head);
    for (int t = 0; t < rv->ntowns; t++)
        if (rv->towns[t].prog < 0)
            summary_row(b, ws, r++, review_text(rv, rv->towns[t].name),
                        rv->towns[t].sum.persons, rv->towns[t].sum.amount, 0);
    summary_row(b, ws, r, "合计（人数不重复计）", rv->total.persons, rv->total.amount, 1);
    return 0;
}

static int write_xlsx(struct db *db, const struct review *rv, const struct outfile *out,
                      const char *path, int full, const struct signers *g,
                      struct roster_result *res, struct dpf_err *err)
{
    struct book b = { .rv = rv, .sign = g, .full = full };
    long n;

    db_setting(db, "district_name", b.district, sizeof b.district);
    user_display(db, rv->approved_by, b.approver, sizeof b.approver);
    snprintf(b.month, sizeof b.month, "%d年%d月", month_year(rv->month), month_number(rv->month));
    if (!(b.wb = xlsx_file_new(out, path, 1, err)))
        return DPF_EIO;
    b.title = workbook_add_format(b.wb);
    format_set_bold(b.title);
    format_set_font_size(b.title, 14);
    b.head = workbook_add_format(b.wb);
    format_set_bold(b.head);
    format_set_border(b.head, LXW_BORDER_THIN);
    format_set_bg_color(b.head, 0xDDDDDD);
    b.cell = workbook_add_format(b.wb);
    format_set_border(b.cell, LXW_BORDER_THIN);
    b.money = workbook_add_format(b.wb);
    format_set_num_format(b.money, "#,##0.00");
    format_set_border(b.money, LXW_BORDER_THIN);
    b.total = workbook_add_format(b.wb);
    format_set_bold(b.total);
    format_set_border(b.total, LXW_BORDER_THIN);
    b.total_money = workbook_add_format(b.wb);
    format_set_bold(b.total_money);
    format_set_border(b.total_money, LXW_BORDER_THIN);
    format_set_num_format(b.total_money, "#,##0.00");
    if (programme_sheets(&b) != 0 || recovery_sheet(&b) != 0 || summary_sheet(&b) != 0) {
        xlsx_file_close(b.wb, path, 0, err);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    }
    if (!xlsx_file_close(b.wb, path, 1, err))
        return DPF_EIO;
    review_lines(rv, RK_PAY, &n);
    res->lines = n;
    return DPF_OK;
}

static int is_xlsx(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

int roster_export(struct db *db, const struct roster_opts *o, const char *path,
                  struct roster_result *res, struct dpf_err *err)
{
    struct review rv;
    struct outfile out;
    char m[MONTH_TEXT];
    unsigned oflags = o->oflags | OUT_PRIVATE | (is_xlsx(path) ? OUT_BYNAME : 0);
    int rc;

    memset(res, 0, sizeof *res);
    if ((rc = outfile_check(path, oflags, err)) != DPF_OK)
        return rc;              /* before the review's work, not after it */
    if ((rc = review_run(db, o->month, o->programme, &rv, err)) != DPF_OK)
        return rc;
    if (!rv.approved && !o->draft) {
        review_free(&rv);
        return dpf_err_set(err, DPF_EINVAL, "month",
                           _("%s is not approved yet: approve the month first (or ask for a "
                             "draft)"), month_format(o->month, m));
    }
    if ((rc = outfile_open(&out, path, oflags, err)) == DPF_OK) {
        struct signers g = { 0 };
        signers_of(db, &rv, &g);
        rc = out.fp ? write_csv(&rv, out.fp, o->full, &g, res)
                    : write_xlsx(db, &rv, &out, path, o->full, &g, res, err);
        /* The audit row before the file is in place; without it the file is removed. */
        if (rc == DPF_OK)
            rc = audit_export(db, "payment roster", path, rv.total.persons, o->full, err);
        rc = rc == DPF_OK ? outfile_commit(&out, err) : (outfile_abort(&out), rc);
    }
    res->persons = rv.total.persons;
    res->amount = rv.total.amount;
    res->approved = rv.approved;
    review_free(&rv);
    return rc;
}

int roster_year_totals(struct db *db, int year, const char *programme, enum roster_by by,
                       roster_total_fn fn, void *ctx, struct dpf_err *err)
{
    return roster_period_totals(db, year * 12, year * 12 + 11, programme, by, fn, ctx, err);
}

int roster_period_totals(struct db *db, int from_month, int to_month, const char *programme,
                         enum roster_by by, roster_total_fn fn, void *ctx, struct dpf_err *err)
{
    /* The township is not in the (month, programme, person, amount) index: reading it for
     * each of a year's lines through the index costs a lookup a line (4.4 s for 800,000),
     * a plain scan of the table 1.6 s. */
    static const char *const keys[] = { "''", "r.month", "r.township" };
    char q[800], from[MONTH_TEXT], to[MONTH_TEXT];
    sqlite3_stmt *st;
    int rc;

    snprintf(q, sizeof q,
             "SELECT p.id, p.name, %s, count(DISTINCT CASE WHEN r.amount > 0 THEN r.person_id END), "
             "  coalesce(sum(CASE WHEN r.amount > 0 THEN r.amount END), 0), "
             "  coalesce(-sum(CASE WHEN r.amount < 0 THEN r.amount END), 0) "
             "FROM roster_line r%s JOIN programme p ON p.id = r.programme_id "
             "WHERE r.month BETWEEN ?1 AND ?2 AND (?3 IS NULL OR p.code = ?3 OR p.name = ?3) "
             "GROUP BY p.id, 3 ORDER BY p.id, 3", keys[by],
             by == RB_TOWNSHIP ? " NOT INDEXED" : "");
    if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_text(st, 1, month_format(from_month, from), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, month_format(to_month, to), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, programme, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct roster_total t = {
            sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
            (const char *)sqlite3_column_text(st, 2), (long)sqlite3_column_int64(st, 3),
            sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
        };
        if (fn(&t, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}
