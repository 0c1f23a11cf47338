/* SPDX-License-Identifier: MIT */
/* Rehabilitation: the rates (zero needs, persons counted once, half-up rounding, groups,
 * townships, needs from another year), the checks of each record, project completion,
 * the import's rejects and re-import, and the audit trail. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/outfile.h"
#include "dpf/import.h"
#include "dpf/place.h"
#include "dpf/rate.h"
#include "dpf/rehab.h"
#include "subsidy_fixture.h"

struct fx {
    const char *dir;
    struct db *db;
    char cert[4][24];
    int64_t id[4];
};

/* Saves a record from a list of values (NULL for empty); returns the core's code. */
#define SAVE(db, kind, err, ...) \
    rehab_save((db), (kind), 0, (char *const *)(const char *[]){ __VA_ARGS__ }, NULL, (err))

static void must(int rc, const struct dpf_err *err)
{
    if (rc != DPF_OK)
        fail_msg("%s", err->msg);
}

/* Four persons: A poor (建档立卡) in 江家店镇, B poor through illness in 苏埠镇, C in 苏埠镇,
 * D a child born 2021-03-01; two institutions. */
static int setup(void **state)
{
    static const struct sf_person ps[4] = {
        { .seq = 11, .category = 4, .level = 1, .township = "江家店镇", .name = "甲", .poor = 1 },
        { .seq = 13, .category = 2, .level = 2, .township = "苏埠镇", .name = "乙" },
        { .seq = 15, .category = 1, .level = 3, .township = "苏埠镇", .name = "丙" },
        { .seq = 17, .category = 5, .level = 2, .township = "苏埠镇", .name = "丁",
          .birth8 = "20210301" },
    };
    struct fx *f = calloc(1, sizeof *f);
    struct dpf_err err;
    char q[128];

    f->dir = strdup(tu_tmpdir());
    f->db = tu_db(f->dir, "t.db");
    for (int i = 0; i < 4; i++) {
        f->id[i] = sf_add(f->db, &ps[i]);
        snprintf(q, sizeof q, "SELECT cert_no FROM person WHERE id = %lld", (long long)f->id[i]);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(f->db->h, q, -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        snprintf(f->cert[i], sizeof f->cert[i], "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    snprintf(q, sizeof q, "UPDATE person SET illness_poor = 1 WHERE id = %lld", (long long)f->id[1]);
    assert_int_equal(db_exec(f->db, q, &err), DPF_OK);
    must(SAVE(f->db, RK_INSTITUTION, &err, "江家店镇卫生院", "2", "江家店镇", NULL, NULL), &err);
    must(SAVE(f->db, RK_INSTITUTION, &err, "区儿童康复训练中心", "6", "苏埠镇", NULL, NULL), &err);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    db_close(f->db);
    tu_rmdir(f->dir);
    free((char *)f->dir);
    free(f);
    return 0;
}

static int assess(struct fx *f, int who, const char *date, const char *needs, const char *devices,
                  struct dpf_err *err)
{
    return SAVE(f->db, RK_ASSESSMENT, err, f->cert[who], NULL, date, "1", "王评估", NULL, needs,
                devices, NULL);
}

static int serve(struct fx *f, int who, const char *date, const char *kind, const char *item,
                 struct dpf_err *err)
{
    return SAVE(f->db, RK_SERVICE, err, f->cert[who], NULL, date, "江家店镇卫生院", kind, item,
                "12000", "2", NULL);
}

static void test_rate_rounding(void **state)
{
    char b[RATE_TEXT];
    (void)state;
    assert_string_equal(rate_format(153, 146, b, sizeof b), "104.79%");
    assert_string_equal(rate_format(59, 22, b, sizeof b), "268.18%");
    assert_string_equal(rate_format(1238, 1164, b, sizeof b), "106.36%");
    assert_string_equal(rate_format(14456, 15847, b, sizeof b), "91.22%");
    /* 1/32 = 3.125%: half up gives 3.13 (half-even or truncation would give 3.12) */
    assert_string_equal(rate_format(1, 32, b, sizeof b), "3.13%");
    assert_string_equal(rate_format(1, 3, b, sizeof b), "33.33%");
    assert_string_equal(rate_format(2, 3, b, sizeof b), "66.67%");
    assert_string_equal(rate_format(0, 7, b, sizeof b), "0.00%");
    assert_string_equal(rate_format(0, 0, b, sizeof b), "—");
    assert_string_equal(rate_format(5, 0, b, sizeof b), "—");
    assert_int_equal(rate_hundredths(153, 146), 10479);
    assert_int_equal(rate_over(153, 146), 7);
    assert_int_equal(rate_over(59, 22), 37);
    assert_int_equal(rate_over(10, 20), 0);
}

static void test_rates_zero_needs(void **state)
{
    struct fx *f = *state;
    struct rehab_rates r;
    struct dpf_err err;
    char b[RATE_TEXT];

    must(rehab_rates(f->db, 2026, 2026, &r, &err), &err);
    assert_int_equal(r.all.needs, 0);
    assert_int_equal(r.all.served, 0);
    assert_int_equal(r.ntown, 0);
    assert_string_equal(rate_format(r.all.served, r.all.needs, b, sizeof b), "—");
    rehab_rates_free(&r);
    /* Assessed, but no needs found: still nothing to divide by. */
    must(assess(f, 2, "2026-02-01", NULL, NULL, &err), &err);
    must(rehab_rates(f->db, 2026, 2026, &r, &err), &err);
    assert_int_equal(r.assessed, 1);
    assert_int_equal(r.all.needs, 0);
    assert_string_equal(rate_format(r.all.fitted, r.all.device_needs, b, sizeof b), "—");
    rehab_rates_free(&r);
}

static void test_rates_persons_once(void **state)
{
    struct fx *f = *state;
    struct rehab_rates r;
    struct dpf_err err;
    char b[RATE_TEXT];

    /* A needs training and a device; three services, two of them devices: served once,
     * fitted once. B needs training, not served. C has no needs but was served. */
    must(assess(f, 0, "2026-01-10", "12", "1", &err), &err);
    must(assess(f, 1, "2026-01-11", "1", NULL, &err), &err);
    must(assess(f, 2, "2026-01-12", NULL, NULL, &err), &err);
    must(serve(f, 0, "2026-02-01", "1", "运动功能训练", &err), &err);
    must(serve(f, 0, "2026-03-01", "2", "轮椅", &err), &err);
    must(serve(f, 0, "2026-04-01", "2", "助行器", &err), &err);
    must(serve(f, 2, "2026-02-01", "6", "康复咨询", &err), &err);
    /* a service of another year does not count */
    must(assess(f, 1, "2025-05-01", "1", NULL, &err), &err);
    must(serve(f, 1, "2025-06-01", "1", "言语训练", &err), &err);

    must(rehab_rates(f->db, 2026, 2026, &r, &err), &err);
    assert_int_equal(r.assessed, 3);
    assert_int_equal(r.all.needs, 2);
    assert_int_equal(r.all.served, 2);
    assert_int_equal(r.all.device_needs, 1);
    assert_int_equal(r.all.fitted, 1);
    assert_string_equal(rate_format(r.all.served, r.all.needs, b, sizeof b), "100.00%");
    assert_string_equal(rate_format(r.all.fitted, r.all.device_needs, b, sizeof b), "100.00%");
    /* groups: A is 建档立卡, B 因病致贫 */
    assert_int_equal(r.poor_reg.needs, 1);
    assert_int_equal(r.poor_reg.served, 1);
    assert_int_equal(r.illness_poor.needs, 1);
    assert_int_equal(r.illness_poor.served, 0);
    assert_string_equal(rate_format(r.illness_poor.served, r.illness_poor.needs, b, sizeof b), "0.00%");
    /* townships, in name order: 江家店镇 (A), 苏埠镇 (B, C) */
    assert_int_equal(r.ntown, 2);
    assert_string_equal(r.town[0].name, "江家店镇");
    assert_int_equal(r.town[0].c.served, 1);
    assert_string_equal(r.town[1].name, "苏埠镇");
    assert_int_equal(r.town[1].c.needs, 1);
    assert_int_equal(r.town[1].c.served, 1);
    rehab_rates_free(&r);

    /* Needs from the previous year's assessments: only B's 2025 one. */
    must(rehab_rates(f->db, 2026, 2025, &r, &err), &err);
    assert_int_equal(r.all.needs, 1);
    assert_int_equal(r.all.served, 2);
    assert_string_equal(rate_format(r.all.served, r.all.needs, b, sizeof b), "200.00%");
    rehab_rates_free(&r);
}

static void test_service_checks(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;

    /* no assessment at all */
    assert_int_equal(serve(f, 0, "2026-02-01", "1", "认知训练", &err), DPF_EINVAL);
    assert_string_equal(err.field, "served_on");
    assert_non_null(strstr(err.msg, "assessment"));
    must(assess(f, 0, "2026-03-01", "1", NULL, &err), &err);
    /* dated before the assessment */
    assert_int_equal(serve(f, 0, "2026-02-01", "1", "认知训练", &err), DPF_EINVAL);
    assert_string_equal(err.field, "served_on");
    assert_non_null(strstr(err.msg, "2026-03-01"));
    /* an unknown institution */
    assert_int_equal(SAVE(f->db, RK_SERVICE, &err, f->cert[0], NULL, "2026-03-05", "无此机构", "1",
                          "认知训练", NULL, NULL, NULL), DPF_ENOTFOUND);
    assert_string_equal(err.field, "institution");
    /* the wrong name for the certificate */
    assert_int_equal(SAVE(f->db, RK_SERVICE, &err, f->cert[0], "乙", "2026-03-05", "江家店镇卫生院",
                          "1", "认知训练", NULL, NULL, NULL), DPF_EINVAL);
    assert_string_equal(err.field, "name");
    must(serve(f, 0, "2026-03-01", "1", "认知训练", &err), &err);
    /* no cost and no funding given: stored as nothing paid */
    must(SAVE(f->db, RK_SERVICE, &err, f->cert[0], NULL, "2026-03-02", "江家店镇卫生院", "6",
              "康复咨询", NULL, NULL, NULL), &err);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM service"), 2);
    assert_int_equal(tu_int(f->db, "SELECT cost FROM service WHERE kind = 6"), 0);
}

static void test_assessment_checks(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    char q[160];

    must(assess(f, 0, "2026-03-01", "12", "1", &err), &err);
    /* once a year */
    assert_int_equal(assess(f, 0, "2026-05-01", "1", NULL, &err), DPF_EDUP);
    assert_string_equal(err.field, "assessed_on");
    /* devices without the device need */
    assert_int_equal(assess(f, 1, "2026-05-01", "1", "4", &err), DPF_EINVAL);
    assert_string_equal(err.field, "devices");
    /* at an institution without naming it */
    assert_int_equal(SAVE(f->db, RK_ASSESSMENT, &err, f->cert[1], NULL, "2026-05-01", "2", "李",
                          NULL, "1", NULL, NULL), DPF_EINVAL);
    assert_string_equal(err.field, "institution");
    /* after the person's death */
    snprintf(q, sizeof q, "UPDATE person SET status = 2, status_date = '2026-04-01' WHERE id = %lld",
             (long long)f->id[2]);
    assert_int_equal(db_exec(f->db, q, &err), DPF_OK);
    assert_int_equal(assess(f, 2, "2026-05-01", "1", NULL, &err), DPF_EINVAL);
    assert_string_equal(err.field, "assessed_on");
    must(assess(f, 2, "2026-03-01", "1", NULL, &err), &err);
    /* the add is in the person's history, in display values */
    snprintf(q, sizeof q, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = %lld "
             "AND action = 'assessment_add' AND after LIKE '%%辅助器具%%'", (long long)f->id[0]);
    assert_int_equal(tu_int(f->db, q), 1);
}

static int rescue(struct fx *f, int who, const char *date, const char *kind, const char *line,
                  struct dpf_err *err)
{
    return SAVE(f->db, RK_RESCUE, err, f->cert[who], NULL, date, kind, line, "区儿童康复训练中心",
                "800000", NULL, NULL);
}

static void test_rescue_age_limit(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;

    /* D was born 2021-03-01: 5 in 2026. A, born 1960, is far over the limit. */
    must(rescue(f, 3, "2026-04-01", "1", "1", &err), &err);
    assert_int_equal(rescue(f, 0, "2026-04-01", "1", "1", &err), DPF_EINVAL);
    assert_string_equal(err.field, "started_on");
    assert_non_null(strstr(err.msg, "0-6"));
    /* a locality's own limit of 4: D, 5 since March, is over it in April */
    assert_int_equal(db_exec(f->db, "UPDATE setting SET value = '4' WHERE key = 'rescue_age_max'",
                             &err), DPF_OK);
    assert_int_equal(rescue(f, 3, "2026-04-01", "2", "2", &err), DPF_EINVAL);
    /* on the day before the 5th birthday D is 4 */
    must(rescue(f, 3, "2026-02-28", "2", "2", &err), &err);
}

struct got {
    int n;
    struct rehab_project p[8];
};

static int keep(const struct rehab_project *p, void *ctx)
{
    struct got *g = ctx;
    g->p[g->n++] = *p;
    return 0;
}

static void test_projects(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    struct got g = { 0 };

    /* D: training twice (central, provincial), a device and an orthosis. */
    must(rescue(f, 3, "2026-02-01", "1", "1", &err), &err);
    must(rescue(f, 3, "2026-03-01", "1", "2", &err), &err);
    must(rescue(f, 3, "2026-04-01", "2", "3", &err), &err);
    must(rescue(f, 3, "2026-05-01", "3", "4", &err), &err);
    must(SAVE(f->db, RK_PROJECT, &err, "2026", "儿童康复训练", "2", "2", "康复训练", NULL, NULL,
              NULL, NULL), &err);
    must(SAVE(f->db, RK_PROJECT, &err, "2026", "辅具及矫形器", "1", "2", "辅助器具,矫形器", NULL,
              NULL, "人次", NULL), &err);
    must(SAVE(f->db, RK_PROJECT, &err, "2026", "中央项目", "1", "2", NULL, "1", NULL, "2", NULL),
         &err);
    must(SAVE(f->db, RK_PROJECT, &err, "2026", "贫困精神残疾人补助", "0", "4", NULL, NULL, "mental",
              NULL, NULL), &err);
    /* kinds that are not the source's, a programme for services */
    assert_int_equal(SAVE(f->db, RK_PROJECT, &err, "2026", "坏", "1", "2", "轮椅", NULL, NULL,
                          NULL, NULL), DPF_EINVAL);
    assert_string_equal(err.field, "kinds");
    assert_int_equal(SAVE(f->db, RK_PROJECT, &err, "2026", "坏", "1", "1", NULL, NULL, "mental",
                          NULL, NULL), DPF_EINVAL);
    assert_string_equal(err.field, "programme");

    must(rehab_projects(f->db, 2026, keep, &g, &err), &err);
    assert_int_equal(g.n, 4);
    assert_int_equal(g.p[0].completed, 1);      /* one child, trained twice */
    assert_int_equal(g.p[1].completed, 2);      /* two records: device and orthosis */
    assert_non_null(strstr(g.p[1].definition, "辅助器具、矫形器"));
    assert_int_equal(g.p[2].completed, 1);      /* central funding: one record */
    assert_int_equal(g.p[3].completed, 0);      /* no payments */
    assert_non_null(strstr(g.p[3].definition, "贫困精神残疾人补助"));
    g.n = 0;
    must(rehab_projects(f->db, 2025, keep, &g, &err), &err);
    assert_int_equal(g.n, 0);
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void test_import_rejects_and_reimport(void **state)
{
    struct fx *f = *state;
    struct import_opts o = { 0 };
    struct import_result res;
    struct dpf_err err;
    char path[256], rej[256], csv[1024], line[256];
    FILE *fp;

    snprintf(path, sizeof path, "%s/a.csv", f->dir);
    snprintf(rej, sizeof rej, "%s/a.rejects.csv", f->dir);
    o.rejects = rej;
    o.rejects_flags = OUT_FORCE;    /* the re-import replaces the first one's rejects */
    snprintf(csv, sizeof csv,
             "残疾人证号,评估日期,评估方式,评估人,康复需求,辅具需求\n"
             "%s,2026-03-01,上门,王,康复训练、辅助器具,轮椅\n"
             "%s,2026-03-02,机构,王,康复训练,\n"
             "%s,2026-13-02,上门,王,康复训练,\n",
             f->cert[0], f->cert[1], f->cert[2]);
    write_file(path, csv);
    must(import_file(f->db, "assessments", path, &o, &res, &err), &err);
    assert_int_equal(res.rejected, 2);
    assert_false(res.committed);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM assessment"), 0);
    fp = fopen(rej, "r");
    assert_non_null(fp);
    assert_non_null(fgets(line, sizeof line, fp));     /* header */
    assert_non_null(fgets(line, sizeof line, fp));
    assert_non_null(strstr(line, "3,评估机构,"));       /* line 3: 机构 without the institution */
    assert_non_null(fgets(line, sizeof line, fp));
    assert_non_null(strstr(line, "4,评估日期,"));
    fclose(fp);

    /* fixed, it loads; loaded twice, nothing changes */
    snprintf(csv, sizeof csv,
             "残疾人证号,评估日期,评估方式,评估人,康复需求,辅具需求\n"
             "%s,2026-03-01,上门,王,康复训练、辅助器具,轮椅\n", f->cert[0]);
    write_file(path, csv);
    must(import_file(f->db, "assessments", path, &o, &res, &err), &err);
    assert_int_equal(res.added, 1);
    must(import_file(f->db, "assessments", path, &o, &res, &err), &err);
    assert_int_equal(res.added, 0);
    assert_int_equal(res.unchanged, 1);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM assessment"), 1);
    assert_int_equal(tu_int(f->db, "SELECT needs = '12' AND devices = '1' FROM assessment"), 1);
}

static void test_export_and_delete(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    char path[256], text[2048];
    size_t n;
    long rows;
    FILE *fp;

    must(assess(f, 0, "2026-03-01", "1", NULL, &err), &err);
    must(serve(f, 0, "2026-03-02", "1", "认知训练", &err), &err);
    snprintf(path, sizeof path, "%s/s.csv", f->dir);
    must(rehab_export(f->db, RK_SERVICE, 2026, path, 0, 0, &rows, &err), &err);
    assert_int_equal(rows, 1);
    fp = fopen(path, "r");
    n = fread(text, 1, sizeof text - 1, fp);
    text[n] = '\0';
    fclose(fp);
    assert_non_null(strstr(text, "残疾人证号,姓名,服务日期,服务机构,服务类别"));
    assert_non_null(strstr(text, "2026-03-02,江家店镇卫生院,康复训练,认知训练,120.00,省"));
    assert_null(strstr(text, f->cert[0]));      /* masked */
    /* an institution in use stays; a service goes, audited */
    assert_int_equal(rehab_delete(f->db, RK_INSTITUTION, 1, &err), DPF_EINVAL);
    must(rehab_delete(f->db, RK_SERVICE, 1, &err), &err);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM service"), 0);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM audit WHERE action = 'service_delete'"), 1);
}

/* Once the office has places, an institution's township must be one of them, as a
 * person's must: refused with the nearest names, on the township field. */
static void test_institution_township(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;

    must(SAVE(f->db, RK_INSTITUTION, &err, "新集镇卫生院", "2", "新集镇", NULL, NULL), &err);
    must(db_begin(f->db, &err), &err);
    must(db_end(f->db, place_add(f->db, NULL, "苏埠镇", NULL, &err), &err), &err);
    assert_int_equal(SAVE(f->db, RK_INSTITUTION, &err, "苏埠镇卫生院", "2", "苏阜镇", NULL, NULL),
                     DPF_EINVAL);
    assert_string_equal(err.field, "township");
    assert_non_null(strstr(err.msg, "苏埠镇"));
    must(SAVE(f->db, RK_INSTITUTION, &err, "苏埠镇卫生院", "2", "苏埠镇", NULL, NULL), &err);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM institution WHERE township = '苏阜镇'"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate_rounding),
        cmocka_unit_test_setup_teardown(test_rates_zero_needs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rates_persons_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_service_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assessment_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rescue_age_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_projects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_rejects_and_reimport, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_and_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_institution_township, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
