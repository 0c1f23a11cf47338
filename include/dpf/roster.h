/* SPDX-License-Identifier: MIT */
/* The payment roster (发放名册) of a month for the bank, as .xlsx (a sheet per programme,
 * printable: A4, header row repeated, page numbers, a totals row) or CSV, and the yearly
 * totals of what was paid. */
#ifndef DPF_ROSTER_H
#define DPF_ROSTER_H

#include <stdint.h>
#include "dpf/err.h"

struct db;

struct roster_opts {
    int month;
    const char *programme;  /* code or name; NULL for all */
    int full;               /* full resident IDs and bank accounts (else masked) */
    int draft;              /* a month not yet approved: the roster as reviewed now */
    unsigned oflags;        /* OUT_FORCE replaces an existing file (outfile.h) */
};

struct roster_result {
    long lines, persons;
    int64_t amount;
    int approved;
};

/* Writes the roster to path (.xlsx, otherwise CSV: UTF-8 with BOM, CRLF), mode 0600 as every
 * file of bank accounts. A month not yet approved is refused unless opts->draft. */
int roster_export(struct db *db, const struct roster_opts *opts, const char *path,
                  struct roster_result *res, struct dpf_err *err);

/* How many persons n review lines name (a person may have a line in several programmes):
 * the counts a reviewer reads are in persons, not lines. -1 when out of memory. */
struct review_line;
long roster_persons(const struct review_line *l, long n);

/* What was paid in a year, from the approved rosters. */
enum roster_by { RB_PROGRAMME, RB_MONTH, RB_TOWNSHIP };
struct roster_total {
    int64_t programme_id;
    const char *programme;  /* name */
    const char *key;        /* "YYYY-MM" (RB_MONTH), the township (RB_TOWNSHIP), or "" */
    long persons;           /* distinct persons paid */
    int64_t paid, recovered;
};
typedef int (*roster_total_fn)(const struct roster_total *t, void *ctx);
/* Calls fn per programme (in programme order) and, within it, per month or township. */
int roster_year_totals(struct db *db, int year, const char *programme, enum roster_by by,
                       roster_total_fn fn, void *ctx, struct dpf_err *err);
/* The same over months from_month..to_month (numbers as month.h has them). */
int roster_period_totals(struct db *db, int from_month, int to_month, const char *programme,
                         enum roster_by by, roster_total_fn fn, void *ctx, struct dpf_err *err);
/* All three breakdowns of every programme at once, in one pass (roster_breakdown.c):
 * fn[RB_PROGRAMME], fn[RB_MONTH] and fn[RB_TOWNSHIP] are called in the order
 * roster_period_totals would call each. */
int roster_period_all(struct db *db, int from_month, int to_month, roster_total_fn fn[3],
                      void *ctx[3], struct dpf_err *err);

#endif
