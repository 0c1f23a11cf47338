/* SPDX-License-Identifier: MIT */
/* The monthly subsidy review at district scale: on a register (the import benchmark's
 * million persons), 300,000 persons are enrolled (200,000 in the nursing subsidy, 100,000
 * in the living subsidy), three months are approved so the ledger has history, and the
 * fourth is reviewed, beside a plain SQL count of the persons who qualify, in the same run.
 * Prints table rows like bench_register. Usage: bench_subsidy DB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench_util.h"
#include "dpf/outfile.h"
#include "dpf/db.h"
#include "base/db_struct.h"   /* benchmarks of the core read its fields */
#include "dpf/month.h"
#include "dpf/review.h"
#include "dpf/roster.h"

enum { NURSING = 200000, LIVING = 100000, HISTORY = 3, RUNS = 3 };

static int fail(const char *what, const struct dpf_err *err)
{
    return bench_fail("bench_subsidy", what, err);
}

/* Enrolment is set up with plain SQL: the benchmark measures the review, not 300,000
 * audited applications. Both start a year before the first approved month. */
static int enrol(struct db *db, int first, struct dpf_err *err)
{
    char q[600], start[MONTH_TEXT];
    month_format(first - 12, start);
    snprintf(q, sizeof q,
             "INSERT INTO enrolment (programme_id, person_id, step, applied_on, applied_by, "
             "  start_month, approved_on) "
             "SELECT 2, id, 4, '%s-05', 'bench', '%s', '%s-20' FROM person "
             "  WHERE status = 1 AND level <= 2 ORDER BY id LIMIT %d; "
             "INSERT INTO enrolment (programme_id, person_id, step, applied_on, applied_by, "
             "  start_month, approved_on) "
             "SELECT 1, id, 4, '%s-05', 'bench', '%s', '%s-20' FROM person "
             "  WHERE status = 1 AND level > 2 AND (dibao = 1 OR poor_reg = 1) AND tekun = 0 "
             "  ORDER BY id LIMIT %d",
             start, start, start, NURSING, start, start, start, LIVING);
    return db_exec(db, q, err);
}

/* The baseline: one scan counting the persons the two rules admit. */
static double bare_count(struct db *db, long long *n)
{
    sqlite3_stmt *st;
    double t0 = now_ms();
    sqlite3_prepare_v2(db->h, "SELECT count(*) FROM person WHERE status = 1 AND (level <= 2 "
                              "OR ((dibao = 1 OR poor_reg = 1) AND tekun = 0))", -1, &st, NULL);
    *n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return now_ms() - t0;
}

int main(int argc, char **argv)
{
    struct db *db;
    struct dpf_err err;
    struct review rv;
    struct review_approval a;
    struct roster_result rr;
    double t0, review_ms = 1e12, approve_ms = 0, bare_ms;
    long long qualifying;
    char label[64], path[300];
    int month, rc;

    if (argc != 2 || db_open(argv[1], 0, &db, &err) != DPF_OK) {
        fprintf(stderr, "usage: bench_subsidy DB (%s)\n", argc == 2 ? err.msg : "");
        return 2;
    }
    month = month_of_date(db->today);
    if (enrol(db, month - HISTORY, &err) != DPF_OK)
        return fail("enrol", &err);
    for (int m = month - HISTORY; m < month; m++) {
        t0 = now_ms();
        if (db_begin(db, &err) != DPF_OK ||
            db_end(db, review_approve(db, m, &a, &err), &err) != DPF_OK)
            return fail("approve", &err);
        approve_ms += now_ms() - t0;
    }
    for (int i = 0; i < RUNS; i++) {
        t0 = now_ms();
        if ((rc = review_run(db, month, NULL, &rv, &err)) != DPF_OK)
            return fail("review", &err);
        if (now_ms() - t0 < review_ms)
            review_ms = now_ms() - t0;
        if (i < RUNS - 1)
            review_free(&rv);
    }
    bare_ms = bare_count(db, &qualifying);
    snprintf(label, sizeof label, "subsidy review (%ld paid)", rv.count[RK_PAY]);
    row(label, review_ms, bare_ms, 3000);
    printf("|   %-32s | %13ld | %12lld | %9s | %-4s |\n", "candidates / SQL count qualifying",
           rv.count[RK_CANDIDATE], qualifying, "-", "-");
    review_free(&rv);
    row("approve a month (300,000 enrolled)", approve_ms / HISTORY, -1, 0);
    snprintf(path, sizeof path, "%s.roster.xlsx", argv[1]);
    {
        struct roster_opts o = { month - 1, NULL, 0, 0, OUT_FORCE };
        t0 = now_ms();
        if (roster_export(db, &o, path, &rr, &err) != DPF_OK)
            return fail("roster", &err);
        snprintf(label, sizeof label, "roster .xlsx (%ld lines)", rr.lines);
        row(label, now_ms() - t0, -1, 0);
        remove(path);
    }
    db_close(db);
    return 0;
}
