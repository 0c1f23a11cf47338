/* SPDX-License-Identifier: MIT */
/* The office's places: the nearest names of an unknown one, the code rules, code order,
 * the check a person's record passes (only once the office has places), the summary's rows
 * in code order with one row for a place not on the list, and the register import's
 * refusal of an unknown township (line, column, nearest names). */
#include <stddef.h>
#include <locale.h>
#include "testutil.h"
#include "dpf/import.h"
#include "dpf/place.h"
#include "dpf/summary.h"
#include "register/place_set.h"

static void nearest_by_characters(void **state)
{
    const char *names[] = { "城南镇", "新安镇", "新集镇", "鼓楼街道" };
    int ranks[] = { 0, 1, 2, 3 };
    char out[200];
    (void)state;
    place_near("新安", names, ranks, 4, out, sizeof out);
    assert_string_equal(out, "新安镇、新集镇");
    place_near("不存在镇", names, ranks, 4, out, sizeof out);
    assert_string_equal(out, "城南镇、新安镇、新集镇");     /* ties: the code order */
    place_near("鼓楼街", names, ranks, 4, out, sizeof out);
    assert_string_equal(out, "鼓楼街道");
    place_near("xyz", names, ranks, 4, out, sizeof out);
    assert_string_equal(out, "");                           /* nothing in common */
}

static int collect(const char *name, const char *code, void *ctx)
{
    char *buf = ctx;
    snprintf(buf + strlen(buf), 400 - strlen(buf), "%s%s=%s", *buf ? " " : "", name, code);
    return 0;
}

static void add(struct db *db, const char *t, const char *name, const char *code, int want)
{
    struct dpf_err err;
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(db_end(db, place_add(db, t, name, code, &err), &err), want);
}

static void codes_and_order(void **state)
{
    struct db *db = tu_db(tu_dir, "o.db");
    struct dpf_err err;
    char buf[400] = "", t[128], v[128], code[16];
    (void)state;
    add(db, NULL, "新集镇", "341503102", DPF_OK);
    add(db, NULL, "新安镇", "341503101", DPF_OK);
    add(db, NULL, "城南镇", NULL, DPF_OK);
    add(db, NULL, "新安镇", NULL, DPF_EDUP);
    add(db, NULL, "坏镇", "3415031", DPF_EINVAL);            /* 9 digits */
    add(db, NULL, "重镇", "341503101", DPF_EDUP);            /* another's code */
    add(db, "新安镇", "双河村", "341503101001", DPF_OK);
    add(db, "新安镇", "永兴村", "341503102001", DPF_EINVAL);  /* not the township's */
    add(db, "不存在镇", "永兴村", NULL, DPF_ENOTFOUND);
    assert_int_equal(place_names(db, NULL, collect, buf, &err), DPF_OK);
    assert_string_equal(buf, "新安镇=341503101 新集镇=341503102 城南镇=");
    assert_int_equal(place_find(db, NULL, "341503101001", t, v, code, &err), DPF_OK);
    assert_string_equal(t, "新安镇");
    assert_string_equal(v, "双河村");
    assert_int_equal(place_find(db, NULL, "新安", t, v, code, &err), DPF_ENOTFOUND);
    assert_non_null(strstr(err.msg, "新安镇"));
    /* A township's new code must still begin its villages' codes. */
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(db_end(db, place_edit(db, NULL, "新安镇", NULL, "341503109", &err), &err),
                     DPF_EINVAL);
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(db_end(db, place_edit(db, NULL, "城南镇", NULL, "341503001", &err), &err),
                     DPF_OK);
    buf[0] = '\0';
    assert_int_equal(place_names(db, NULL, collect, buf, &err), DPF_OK);
    assert_string_equal(buf, "城南镇=341503001 新安镇=341503101 新集镇=341503102");
    db_close(db);
}

/* Tables gathered by township from the records come out in the list's code order, the
 * townships not on it after them by name; with no places, all by name. */
struct town_row {
    int n;
    char name[32];
};

static void townships_in_code_order(void **state)
{
    struct db *db = tu_db(tu_dir, "s.db");
    struct dpf_err err;
    struct town_row t[4] = { { 1, "新集镇" }, { 2, "未知乡" }, { 3, "新安镇" }, { 4, "东乡" } };
    (void)state;
    assert_int_equal(place_sort_townships(db, t, 4, sizeof *t, offsetof(struct town_row, name),
                                          &err), DPF_OK);
    assert_string_equal(t[0].name, "东乡");             /* no places: by name (code point) */
    assert_string_equal(t[3].name, "未知乡");
    add(db, NULL, "新集镇", "341503102", DPF_OK);
    add(db, NULL, "新安镇", "341503101", DPF_OK);
    assert_int_equal(place_sort_townships(db, t, 4, sizeof *t, offsetof(struct town_row, name),
                                          &err), DPF_OK);
    assert_string_equal(t[0].name, "新安镇");
    assert_int_equal(t[0].n, 3);                          /* the whole item moved */
    assert_string_equal(t[1].name, "新集镇");
    assert_string_equal(t[2].name, "东乡");
    assert_string_equal(t[3].name, "未知乡");
    db_close(db);
}

static void person_refused_once_there_are_places(void **state)
{
    struct db *db = tu_db(tu_dir, "p.db");
    struct register_summary s;
    struct person p;
    struct dpf_err err;
    char id[19];
    (void)state;
    /* No places yet: nothing is checked. */
    tu_id(id, "341503", "19650312", 101);
    tu_person(&p, id, 4, 1, "甲", "旧镇");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_OK);
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(db_end(db, person_insert(db, &p, &err), &err), DPF_OK);
    person_clear(&p);
    add(db, NULL, "新集镇", "341503102", DPF_OK);
    add(db, NULL, "新安镇", "341503101", DPF_OK);
    add(db, "新安镇", "双河村", NULL, DPF_OK);
    tu_id(id, "341503", "19650312", 103);
    tu_person(&p, id, 4, 1, "乙", "不存在镇");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_OK);
    assert_int_equal(person_insert(db, &p, &err), DPF_EINVAL);
    assert_string_equal(err.field, "township");
    assert_string_equal(err.msg, "不存在镇 is not in the place list; nearest: 新安镇、新集镇");
    person_set(&p, PF_TOWNSHIP, "新安镇");
    person_set(&p, PF_VILLAGE, "双合村");
    assert_int_equal(person_insert(db, &p, &err), DPF_EINVAL);
    assert_string_equal(err.field, "village");
    assert_non_null(strstr(err.msg, "双河村"));
    person_set(&p, PF_VILLAGE, "双河村");
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(db_end(db, person_insert(db, &p, &err), &err), DPF_OK);
    person_clear(&p);
    /* The summary: the list's townships in code order, 旧镇 under one row of its own. */
    assert_int_equal(summary_register(db, &s, &err), DPF_OK);
    assert_int_equal(s.ntownships, 3);
    assert_string_equal(s.townships[0].name, "新安镇");
    assert_int_equal(s.townships[0].active, 1);
    assert_string_equal(s.townships[1].name, "新集镇");
    assert_int_equal(s.townships[1].active, 0);
    assert_string_equal(s.townships[2].name, "Not on the place list");
    assert_int_equal(s.townships[2].active, 1);
    summary_free(&s);
    db_close(db);
}

static void import_refuses_unknown_township(void **state)
{
    struct db *db = tu_db(tu_dir, "i.db");
    struct import_opts o = { .encoding = TE_AUTO };
    struct import_result res;
    struct dpf_err err;
    char id[19], line[400], file[160], *rej;
    FILE *f;
    (void)state;
    snprintf(file, sizeof file, "%s/in.csv", tu_dir);
    f = fopen(file, "w");
    assert_non_null(f);
    tu_id(id, "341503", "19650312", 105);
    fprintf(f, "残疾人证号,姓名,乡镇街道\n%s41,丙,新安镇\n", id);
    tu_id(id, "341503", "19650312", 107);
    fprintf(f, "%s41,丁,不存在镇\n", id);
    fclose(f);
    /* No places: refused, naming the places found; with --new-places taken. */
    assert_int_equal(import_file(db, "persons", file, &o, &res, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "不存在镇"));
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 0);
    o.new_places = 1;
    o.dry_run = 1;
    assert_int_equal(import_file(db, "persons", file, &o, &res, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM place"), 0);
    /* A list without 不存在镇: the row is rejected with the nearest names. */
    add(db, NULL, "新安镇", "341503101", DPF_OK);
    o.new_places = 0;
    o.dry_run = 0;
    assert_int_equal(import_file(db, "persons", file, &o, &res, &err), DPF_OK);
    assert_int_equal(res.rejected, 1);
    assert_false(res.committed);
    assert_non_null(rej = tu_slurp(res.rejects));
    snprintf(line, sizeof line, "3,乡镇街道,不存在镇 is not in the place list; nearest: 新安镇,");
    assert_non_null(strstr(rej, line));
    db_close(db);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nearest_by_characters),
        cmocka_unit_test(codes_and_order),
        cmocka_unit_test(townships_in_code_order),
        cmocka_unit_test(person_refused_once_there_are_places),
        cmocka_unit_test(import_refuses_unknown_township),
    };
    return cmocka_run_group_tests_name("place", tests, tu_dir_setup, tu_dir_teardown);
}
