/* SPDX-License-Identifier: MIT */
/* The year-end and half-year reports: the tables behind the office's work summaries, for a
 * year or any period, built from the records (report_build) and written as a print-ready
 * .xlsx (report_xlsx) or printed as text. A report is a list of tables of typed cells, so
 * the terminal, the text output and the workbook show the same figures. */
#ifndef DPF_REPORT_H
#define DPF_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include "dpf/err.h"

struct db;
struct rehab_rates;
struct insurance_figures;

enum rcell_kind {
    RC_TEXT,    /* text */
    RC_INT,     /* a count */
    RC_MONEY,   /* fen, shown as yuan with thousands separators */
    RC_WAN,     /* fen, shown in 万元 with two decimals (as the summaries write 37.85万) */
    RC_RATE,    /* n / d, two decimals half up, "—" when d is 0 */
};
struct rcell {
    enum rcell_kind kind;
    char *text;                 /* RC_TEXT (owned) */
    int64_t n, d;
};

enum { REPORT_MAX_COLS = 12 };
struct rtable {
    const char *sheet;          /* sheet name, Chinese, static */
    const char *title;          /* translated, static */
    int ncols;
    const char *headers[REPORT_MAX_COLS];   /* static */
    int widths[REPORT_MAX_COLS];            /* terminal cells */
    int nrows, cap;
    struct rcell *cells;        /* nrows * ncols */
    int rate_chart;             /* >= 0: chart this rate column by the first column */
};

struct report {
    char from[11], to[11];      /* the period, inclusive */
    int year;                   /* the year of the period's end: targets, rates, the policy */
    int annual;                 /* the period is one calendar year */
    char district[64], made_at[20], made_by[64], title[160];
    struct rtable *tables;
    int ntables;
    char **notes;               /* "sheet: definition", one a line (owned) */
    int nnotes;
};

/* Builds the report of from..to (YYYY-MM-DD) from the records. */
int report_build(struct db *db, const char *from, const char *to, struct report *out,
                 struct dpf_err *err);
void report_free(struct report *r);

/* Writes the workbook: a cover sheet, a sheet per table, a chart of completion rates, the
 * notes, as outfile.h says (oflags: OUT_FORCE). progress (may be NULL) is told each sheet
 * written, as done of total. */
typedef void (*report_progress_fn)(void *ctx, int done, int total);
int report_xlsx(const struct report *r, const char *path, unsigned oflags,
                report_progress_fn progress, void *ctx, struct dpf_err *err);

/* A cell as text (the rate "104.79%", yuan "378,520.00", 万元 "37.85"). */
const char *report_cell_text(const struct rcell *c, char *buf, size_t cap);
/* The table as lines of aligned text (for the terminal and --format text), malloc'd; the
 * caller frees each line and the array. */
int report_table_lines(const struct rtable *t, char ***lines, int *n);

/* The tables the commands print as the report lays them out (one builder each, so the text
 * and the workbook cannot drift). Each sets up t; free it with rtable_free, even on an error.
 * The rates and the insurance figures return DPF_OK or DPF_ENOMEM. */
int report_rehab_rates_table(const struct rehab_rates *rr, struct rtable *t);
int report_insurance_table(const struct insurance_figures *f, struct rtable *t);
/* The year's projects counted through the day `through` (NULL: the whole year); def (may
 * be NULL) is told each row's project (its id, name and definition), and stops the build by
 * not returning DPF_OK. */
typedef int (*report_def_fn)(int64_t id, const char *project, const char *definition,
                             void *ctx);
int report_projects_table(struct db *db, int year, const char *through, struct rtable *t,
                          report_def_fn def, void *ctx, struct dpf_err *err);
void rtable_free(struct rtable *t);

#endif
