/* SPDX-License-Identifier: MIT */
/* Accident insurance at district scale, on the import benchmark's million persons: 1% of
 * them have a change of 建档立卡 recorded after the policy's start (so the roster reads the
 * start date's value back through the audit log), and 10,000 claims are loaded with plain
 * SQL. Times the roster build beside a bare SQL count of the persons 在册 and 建档立卡 today,
 * the year's figures, and the insurer's .xlsx roster (constant-memory mode).
 * Prints table rows like bench_register. Usage: bench_insurance DB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bench_util.h"
#include "dpf/outfile.h"
#include "dpf/db.h"
#include "base/db_struct.h"   /* benchmarks of the core read its fields */
#include "dpf/insurance.h"

enum { CLAIMS = 10000 };

static int fail(const char *what, const struct dpf_err *err)
{
    return bench_fail("bench_insurance", what, err);
}

static int make_policy(struct db *db, int64_t *id, struct dpf_err *err)
{
    char *v[POLICY_NFIELDS] = { "2026", "示范保险公司", "PA-2026", "4000", "2026-03-30",
                                "2027-03-29", "1", NULL };
    int rc = db_begin(db, err);
    if (rc == DPF_OK)
        rc = policy_save(db, 0, v, id, err);
    return db_end(db, rc, err);
}

/* Later changes of 建档立卡 for 1% of persons, as the register's writer would record them. */
static int load_changes(struct db *db, struct dpf_err *err)
{
    int rc = db_begin(db, err);
    if (rc == DPF_OK)
        rc = db_exec(db, "INSERT INTO audit (at, user, entity, entity_id, action, before, after) "
                         "SELECT '2026-05-01 09:00:00', 'bench', 'person', id, 'update', "
                         "json_object('poor_reg', CAST(1 - poor_reg AS TEXT)), "
                         "json_object('poor_reg', CAST(poor_reg AS TEXT)) FROM person "
                         "WHERE id % 100 = 7", err);
    return db_end(db, rc, err);
}

static int load_claims(struct db *db, int64_t policy_id, struct dpf_err *err)
{
    char sql[1024];
    int rc = db_begin(db, err);
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
             "INSERT INTO claim (policy_id, person_id, accident_on, reported_on, place, status, "
             "status_on) SELECT %lld, (SELECT person_id FROM insured WHERE id = 1 + i * 37 %% "
             "(SELECT max(id) FROM insured)), "
             "'2026-05-01', '2026-05-02', '村道', 1 + i %% 6, '2026-06-01' FROM n",
             CLAIMS, (long long)policy_id);
    if (rc == DPF_OK)
        rc = db_exec(db, sql, err);
    if (rc == DPF_OK)
        rc = db_exec(db, "INSERT INTO claim_item (claim_id, cover_id, claimed, approved, paid) "
                         "SELECT id, (SELECT min(id) FROM cover WHERE policy_id = claim.policy_id "
                         "AND item = '意外医疗'), 500000, 400000, CASE WHEN status = 4 "
                         "THEN 400000 END FROM claim", err);
    return db_end(db, rc, err);
}

int main(int argc, char **argv)
{
    struct db *db = NULL;
    struct dpf_err err;
    struct insurance_figures f;
    double t0, build, bare, figures, export;
    long insured = 0, rows = 0;
    long long today = 0;
    int64_t id;
    char label[96], path[] = "/tmp/dpf-bench-roster-XXXXXX.xlsx";
    sqlite3_stmt *st;
    int fd;

    if (argc != 2 || db_open(argv[1], 0, &db, &err) != DPF_OK) {
        fprintf(stderr, "usage: bench_insurance DB (%s)\n", argc == 2 ? err.msg : "");
        return 2;
    }
    if (make_policy(db, &id, &err) != DPF_OK || load_changes(db, &err) != DPF_OK)
        return fail("load", &err);
    t0 = now_ms();
    if (db_begin(db, &err) != DPF_OK ||
        db_end(db, insured_build(db, id, &insured, &err), &err) != DPF_OK)
        return fail("build", &err);
    build = now_ms() - t0;
    t0 = now_ms();
    if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM person WHERE status = 1 AND poor_reg = 1",
                           -1, &st, NULL) != SQLITE_OK)
        return 1;
    if (sqlite3_step(st) == SQLITE_ROW)
        today = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    bare = now_ms() - t0;
    if (load_claims(db, id, &err) != DPF_OK)
        return fail("claims", &err);
    t0 = now_ms();
    if (insurance_figures(db, 2026, &f, &err) != DPF_OK)
        return fail("figures", &err);
    figures = now_ms() - t0;
    if ((fd = mkstemps(path, 5)) < 0)
        return 1;
    close(fd);
    t0 = now_ms();
    if (insured_export(db, id, path, OUT_FORCE, 0, &rows, &err) != DPF_OK)
        return fail("export", &err);
    export = now_ms() - t0;
    unlink(path);

    snprintf(label, sizeof label, "insured roster build (%ld)", insured);
    row(label, build, bare, 5000);
    printf("|   %-32s | %13ld | %12lld | %9s | %-4s |\n", "insured / 建档立卡 today",
           insured, today, "differ", insured != today ? "PASS" : "FAIL");
    snprintf(label, sizeof label, "insurance figures (%d claims)", CLAIMS);
    row(label, figures, -1, 2000);
    printf("|   %-32s | %13ld | %12d | %9s | %-4s |\n", "claims counted / loaded",
           f.all.reported, CLAIMS, "equal", f.all.reported == CLAIMS ? "PASS" : "FAIL");
    snprintf(label, sizeof label, "roster .xlsx (%ld rows)", rows);
    row(label, export, -1, 30000);
    insurance_figures_free(&f);
    db_close(db);
    return 0;
}
