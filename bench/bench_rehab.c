/* SPDX-License-Identifier: MIT */
/* The year's rehabilitation rates at district scale: on the import benchmark's million
 * persons, 26 institutions, an assessment for 95% of persons (90% of them with needs, a
 * fifth of those with a device need) and 2,000,000 services in the year are loaded with
 * plain SQL; then rehab_rates (every group and township) and the project list are timed,
 * beside a bare SQL count of the distinct persons served, in the same run.
 * Prints table rows like bench_register. Usage: bench_rehab DB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench_util.h"
#include "dpf/db.h"
#include "base/db_struct.h"   /* benchmarks of the core read its fields */
#include "dpf/rate.h"
#include "dpf/rehab.h"

enum { SERVICES = 2000000, YEAR = 2026, RUNS = 3 };

static int fail(const char *what, const struct dpf_err *err)
{
    return bench_fail("bench_rehab", what, err);
}

/* The records, loaded with SQL: the benchmark measures the rates, not two million audited
 * forms. Persons are spread over the services at random (so many have several). */
static int load(struct db *db, struct dpf_err *err)
{
    static const char *const steps[] = {
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 26) "
        "INSERT INTO institution (name, kind, township) SELECT '机构' || i, 2, "
        "(SELECT township FROM person WHERE id = i) FROM n",
        "INSERT INTO assessment (person_id, year, assessed_on, method, assessor, needs, devices) "
        "SELECT id, 2026, '2026-02-01', 1, '评估员', CASE WHEN id % 10 = 0 THEN NULL "
        "WHEN id % 5 = 1 THEN '12' ELSE '1' END, CASE WHEN id % 5 = 1 AND id % 10 <> 0 "
        "THEN '1' END FROM person WHERE id % 20 <> 0",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) "
        "INSERT INTO service (person_id, year, served_on, institution_id, kind, item, cost, funding) "
        "SELECT 1 + abs(random()) % (SELECT max(id) FROM person), 2026, '2026-03-01', "
        "1 + i % 26, CASE WHEN i % 8 = 0 THEN 2 ELSE 1 END, '训练', 10000, 2 FROM n",
        "INSERT INTO project (year, name, target, source, kinds, count) VALUES "
        "(2026, '精准康复服务', 800000, 1, NULL, 1), (2026, '基本辅具适配', 150000, 1, '辅助器具', 1)",
        "ANALYZE",
    };
    int rc = db_begin(db, err);
    for (size_t i = 0; rc == DPF_OK && i < sizeof steps / sizeof steps[0] - 1; i++)
        rc = db_exec(db, steps[i], err);
    rc = db_end(db, rc, err);
    return rc == DPF_OK ? db_exec(db, steps[sizeof steps / sizeof steps[0] - 1], err) : rc;
}

static int count_project(const struct rehab_project *p, void *ctx)
{
    (void)p;
    (*(int *)ctx)++;
    return 0;
}

int main(int argc, char **argv)
{
    struct db *db = NULL;
    struct dpf_err err;
    struct rehab_rates r;
    double best = 1e18, bare = 1e18, proj = 1e18, t0;
    long long served = 0;
    char label[96], rate[RATE_TEXT];
    int projects = 0;

    if (argc != 2 || db_open(argv[1], 0, &db, &err) != DPF_OK) {
        fprintf(stderr, "usage: bench_rehab DB (%s)\n", argc == 2 ? err.msg : "");
        return 2;
    }
    if (load(db, &err) != DPF_OK)
        return fail("load", &err);
    for (int run = 0; run < RUNS; run++) {
        sqlite3_stmt *st;
        t0 = now_ms();
        if (rehab_rates(db, YEAR, YEAR, &r, &err) != DPF_OK)
            return fail("rates", &err);
        if (now_ms() - t0 < best)
            best = now_ms() - t0;
        if (run < RUNS - 1)
            rehab_rates_free(&r);
        t0 = now_ms();
        if (sqlite3_prepare_v2(db->h, "SELECT count(DISTINCT person_id) FROM service "
                                      "WHERE year = 2026", -1, &st, NULL) != SQLITE_OK)
            return 1;
        if (sqlite3_step(st) == SQLITE_ROW)
            served = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (now_ms() - t0 < bare)
            bare = now_ms() - t0;
        t0 = now_ms();
        projects = 0;
        if (rehab_projects(db, YEAR, count_project, &projects, &err) != DPF_OK)
            return fail("projects", &err);
        if (now_ms() - t0 < proj)
            proj = now_ms() - t0;
    }
    snprintf(label, sizeof label, "rehab rates (%d services)", SERVICES);
    row(label, best, bare, 2000);
    printf("|   %-32s | %13ld | %12lld | %9s | %-4s |\n", "persons served / SQL count",
           r.all.served, served, "equal", r.all.served == served ? "PASS" : "FAIL");
    snprintf(label, sizeof label, "  service rate (%ld with needs)", r.all.needs);
    printf("| %-34s | %13s | %12s | %9s | %-4s |\n", label,
           rate_format(r.all.served, r.all.needs, rate, sizeof rate), "-", "-", "-");
    snprintf(label, sizeof label, "rehab projects (%d)", projects);
    row(label, proj, -1, 2000);
    rehab_rates_free(&r);
    db_close(db);
    return 0;
}
