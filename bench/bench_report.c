/* SPDX-License-Identifier: MIT */
/* The annual report at district scale: run last in `make bench`, on the database the other
 * benchmarks have filled (a million persons, 300,000 enrolled with approved rosters, two
 * million services, the insurance roster and claims). Times report_build and report_xlsx
 * together, beside a bare scan of the register by category and level.
 * Prints table rows like bench_register. Usage: bench_report DB. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "bench_util.h"
#include "dpf/outfile.h"
#include "dpf/db.h"
#include "base/db_struct.h"   /* benchmarks of the core read its fields */
#include "dpf/report.h"

int main(int argc, char **argv)
{
    struct db *db = NULL;
    struct dpf_err err;
    struct report r;
    double t0, build, total, bare;
    char path[] = "/tmp/dpf-bench-report-XXXXXX.xlsx";
    sqlite3_stmt *st;
    int fd, groups = 0;

    if (argc != 2 || db_open(argv[1], 0, &db, &err) != DPF_OK) {
        fprintf(stderr, "usage: bench_report DB (%s)\n", argc == 2 ? err.msg : "");
        return 2;
    }
    if ((fd = mkstemps(path, 5)) < 0)
        return 1;
    close(fd);
    t0 = now_ms();
    if (report_build(db, "2026-01-01", "2026-12-31", &r, &err) != DPF_OK)
        return bench_fail("bench_report", "build", &err);
    build = now_ms() - t0;
    if (report_xlsx(&r, path, OUT_FORCE, NULL, NULL, &err) != DPF_OK)
        return bench_fail("bench_report", "xlsx", &err);
    total = now_ms() - t0;
    unlink(path);
    t0 = now_ms();
    if (sqlite3_prepare_v2(db->h, "SELECT category, level, count(*) FROM person "
                                  "WHERE status = 1 GROUP BY 1, 2", -1, &st, NULL) != SQLITE_OK)
        return 1;
    while (sqlite3_step(st) == SQLITE_ROW)
        groups++;
    sqlite3_finalize(st);
    bare = now_ms() - t0;
    row("annual report, built", build, bare, -1);
    row("annual report with the .xlsx", total, bare, 5000);
    printf("|   %-32s | %13d | %12d | %9s | %-4s |\n", "tables / category x level", r.ntables,
           groups, "-", "-");
    report_free(&r);
    db_close(db);
    return 0;
}
