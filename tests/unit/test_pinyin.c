/* SPDX-License-Identifier: MIT */
/* Names by sound (base/pinyin.h): readings, surnames read as surnames with the common
 * reading kept, the sort key's order and prefixes; in the register, the list in pinyin
 * order page after page, searches by pinyin and initials, and the keys the migration fills. */
#include "testutil.h"
#include "base/pinyin.h"

static void readings(void **state)
{
    struct pinyin_name k;
    (void)state;
    pinyin_name("卢玉峰", &k);
    assert_string_equal(k.key, "lu2卢 yu4玉 feng1峰");
    assert_string_equal(k.spell, "luyufeng");
    assert_string_equal(k.initials, "lyf");
    assert_string_equal(k.spell_alt, "");
    assert_string_equal(k.initials_alt, "");
    pinyin_name("吕 Anna·李", &k);      /* ü as v; a Latin run is one unit; · kept */
    assert_string_equal(k.key, "lv3吕 anna · li3李");
    assert_string_equal(k.spell, "lvannali");
    assert_string_equal(k.initials, "lal");
}

/* The first character is read as a surname; its common reading stays searchable. */
static void surnames(void **state)
{
    static const char *const cases[][5] = {
        { "曾小贤", "zengxiaoxian", "zxx", "cengxiaoxian", "cxx" },
        { "单田芳", "shantianfang", "stf", "dantianfang", "dtf" },
        { "解放", "xiefang", "xf", "jiefang", "jf" },
        { "仇英", "qiuying", "qy", "chouying", "cy" },
        { "区伟", "ouwei", "ow", "quwei", "qw" },
        { "朴树", "piaoshu", "ps", "pushu", "" },
        { "查良镛", "zhaliangyong", "zly", "chaliangyong", "cly" },
        { "覃明", "qinming", "qm", "tanming", "tm" },
        { "缪杰", "miaojie", "mj", "moujie", "" },
        { "尉迟", "yuchi", "yc", "weichi", "wc" },
        { "乐平", "yueping", "yp", "leping", "lp" },
        { "盖红", "gehong", "gh", "gaihong", "" },
        { "种明", "chongming", "cm", "zhongming", "zm" },
        { "葛优", "geyou", "gy", "", "" },          /* only the tone differs */
        { "小曾", "xiaoceng", "xc", "", "" },      /* not the first character */
    };
    struct pinyin_name k;
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        pinyin_name(cases[i][0], &k);
        assert_string_equal(k.spell, cases[i][1]);
        assert_string_equal(k.initials, cases[i][2]);
        assert_string_equal(k.spell_alt, cases[i][3]);
        assert_string_equal(k.initials_alt, cases[i][4]);
    }
    pinyin_name("曾小贤", &k);
    assert_string_equal(k.key, "zeng1曾 xiao3小 xian2贤");
}

static int by_key(const void *a, const void *b)
{
    struct pinyin_name ka, kb;
    pinyin_name(*(const char *const *)a, &ka);
    pinyin_name(*(const char *const *)b, &kb);
    return strcmp(ka.key, kb.key);
}

/* Syllable, then tone, then character: each surname together, wan before wang. */
static void sort_order(void **state)
{
    const char *names[] = { "张三", "王刚", "万刚", "汪海", "曾小贤", "王五", "Anna", "阿依古丽",
                            "卢玉", "卢玉峰", "卢远", "章小" };
    static const char *const want[] = { "阿依古丽", "Anna", "卢玉", "卢玉峰", "卢远", "万刚",
                                        "汪海", "王刚", "王五", "曾小贤", "张三", "章小" };
    struct pinyin_name a, b;
    char q[64];
    (void)state;
    qsort(names, sizeof names / sizeof *names, sizeof *names, by_key);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        assert_string_equal(names[i], want[i]);
    /* The key of a name's first characters is a prefix of the name's key. */
    pinyin_name("张三丰", &a);
    pinyin_name("张三", &b);
    assert_int_equal(strncmp(a.key, b.key, strlen(b.key)), 0);
    pinyin_name("曾小贤", &a);
    pinyin_name("曾", &b);
    assert_int_equal(strncmp(a.key, b.key, strlen(b.key)), 0);
    assert_true(pinyin_query("Lu Yu", q, sizeof q));
    assert_string_equal(q, "luyu");
    assert_false(pinyin_query("卢玉", q, sizeof q));
    assert_false(pinyin_query("1380", q, sizeof q));
}

static int64_t add(struct db *db, int seq, const char *name)
{
    struct person p;
    char id[19];

    tu_id(id, "341503", "19800101", seq);
    tu_person(&p, id, 4, 1, name, seq % 2 ? "苏埠镇" : "新安镇");
    return tu_insert(db, &p);
}

struct seen { int n; char names[64][32]; };

static int note(const struct person *p, void *ctx)
{
    struct seen *s = ctx;
    snprintf(s->names[s->n++], sizeof s->names[0], "%s", person_get(p, PF_NAME));
    return 0;
}

/* All the pages of flt, size per_page, into s. */
static void walk(struct db *db, const struct person_filter *flt, int per_page, struct seen *s)
{
    struct person_cursor cur = { 0 };
    struct dpf_err err;
    int rows;

    memset(s, 0, sizeof *s);
    do
        assert_int_equal(person_page(db, flt, &cur, per_page, note, s, &rows, &err), DPF_OK);
    while (rows == per_page);
    person_cursor_free(&cur);
}

static const char *const people[] = { "张三", "王五", "卢玉峰", "曾小贤", "万刚", "汪海",
                                      "王刚", "李强", "吕方", "章小", "单田芳", "Anna" };
enum { NPEOPLE = sizeof people / sizeof *people };

static int names_have(const struct seen *s, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->names[i], name))
            return 1;
    return 0;
}

static void list_and_search(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "py.db");
    static const char *const order[] = { "Anna", "李强", "卢玉峰", "吕方", "单田芳", "万刚",
                                         "汪海", "王刚", "王五", "曾小贤", "张三", "章小" };
    struct person_filter all = { 0 };
    struct dpf_err err;
    struct seen s;
    long n, index;
    int64_t zeng = 0;
    (void)state;
    for (int i = 0; i < NPEOPLE; i++) {
        int64_t id = add(db, 2 * i + 1, people[i]);
        if (!strcmp(people[i], "曾小贤"))
            zeng = id;
    }
    /* The whole list in pinyin order, the same with any page size. */
    for (int per = 1; per <= 5; per += 2) {
        walk(db, &all, per, &s);
        assert_int_equal(s.n, NPEOPLE);
        for (int i = 0; i < NPEOPLE; i++)
            assert_string_equal(s.names[i], order[i]);
    }
    assert_int_equal(person_index(db, &all, zeng, &index, &err), DPF_OK);
    assert_int_equal(index, 9);

    /* Pinyin, initials, either case, spaces: each finds 卢玉峰. */
    static const char *const lu[] = { "lyf", "LYF", "luyufeng", "Lu Yu Feng", "luyuf", "ly" };
    for (size_t i = 0; i < sizeof lu / sizeof *lu; i++) {
        struct person_filter f = { .query = lu[i] };
        walk(db, &f, 2, &s);
        assert_true(names_have(&s, "卢玉峰"));
        assert_int_equal(person_count_filter(db, &f, &n, &err), DPF_OK);
        assert_int_equal(n, s.n);
    }
    /* The surname's reading and the common one; "c" also all the c- initials, once each. */
    static const char *const zs[] = { "zeng", "zxx", "ceng", "cxx", "c", "z" };
    for (size_t i = 0; i < sizeof zs / sizeof *zs; i++) {
        struct person_filter f = { .query = zs[i] };
        walk(db, &f, 1, &s);
        assert_true(names_have(&s, "曾小贤"));
        for (int a = 0; a < s.n; a++)
            for (int b = a + 1; b < s.n; b++)
                assert_string_not_equal(s.names[a], s.names[b]);
        assert_int_equal(person_count_filter(db, &f, &n, &err), DPF_OK);
        assert_int_equal(n, s.n);
        assert_int_equal(person_index(db, &f, zeng, &index, &err), DPF_OK);
        assert_string_equal(s.names[index], "曾小贤");
    }
    struct person_filter w = { .query = "w" };
    walk(db, &w, 2, &s);
    assert_int_equal(s.n, 4);           /* 万刚 汪海 王刚 王五, by spelling */
    struct person_filter dan = { .query = "dan" }, lv = { .query = "lv" }, zh = { .query = "zh" };
    walk(db, &dan, 10, &s);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.names[0], "单田芳");
    walk(db, &lv, 10, &s);
    assert_int_equal(s.n, 1);
    walk(db, &zh, 10, &s);
    assert_int_equal(s.n, 2);           /* 张三 章小: zh is no initial */
    /* Characters: the name's first characters, through the key. */
    struct person_filter wang = { .query = "王" }, zs3 = { .query = "张三" }, zeng1 = { .query = "曾" };
    walk(db, &wang, 1, &s);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.names[0], "王刚");
    walk(db, &zs3, 10, &s);
    assert_int_equal(s.n, 1);
    walk(db, &zeng1, 10, &s);
    assert_int_equal(s.n, 1);
    /* A new name is a new key. */
    struct person p;
    person_init(&p);
    assert_int_equal(person_load(db, zeng, &p, &err), DPF_OK);
    person_set(&p, PF_NAME, "曾阿牛");
    assert_int_equal(person_update(db, &p, NULL, &err), DPF_OK);
    person_clear(&p);
    struct person_filter zan = { .query = "zan" };
    walk(db, &zan, 10, &s);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.names[0], "曾阿牛");
    db_close(db);
    tu_rmdir(dir);
}

/* A register of schema 11 gets its keys from migration 012. */
static void migration_fills_keys(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "m.db");
    struct seen s;
    struct person_filter all = { 0 }, lyf = { .query = "lyf" };
    (void)state;
    for (int i = 0; i < NPEOPLE; i++)
        add(db, 2 * i + 1, people[i]);
    tu_int(db, "DROP INDEX person_name_key");
    tu_int(db, "DROP INDEX person_township_key");
    tu_int(db, "DROP INDEX person_spell");
    tu_int(db, "DROP INDEX person_initials");
    tu_int(db, "DROP INDEX person_spell_alt");
    tu_int(db, "DROP INDEX person_initials_alt");
    tu_int(db, "ALTER TABLE person DROP COLUMN name_key");
    tu_int(db, "ALTER TABLE person DROP COLUMN name_spell");
    tu_int(db, "ALTER TABLE person DROP COLUMN name_initials");
    tu_int(db, "ALTER TABLE person DROP COLUMN name_spell_alt");
    tu_int(db, "ALTER TABLE person DROP COLUMN name_initials_alt");
    tu_int(db, "CREATE INDEX person_name ON person (name)");
    tu_int(db, "CREATE INDEX person_township_name ON person (township, name)");
    tu_int(db, "PRAGMA user_version = 11");
    db_close(db);
    db = tu_db(dir, "m.db");
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person WHERE name_key IS NULL"), 0);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person WHERE name_spell_alt IS NOT NULL"), 2);
    walk(db, &all, 3, &s);
    assert_int_equal(s.n, NPEOPLE);
    assert_string_equal(s.names[0], "Anna");
    walk(db, &lyf, 3, &s);
    assert_int_equal(s.n, 1);
    db_close(db);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(readings),
        cmocka_unit_test(surnames),
        cmocka_unit_test(sort_order),
        cmocka_unit_test(list_and_search),
        cmocka_unit_test(migration_fills_keys),
    };
    return cmocka_run_group_tests_name("pinyin", tests, NULL, NULL);
}
