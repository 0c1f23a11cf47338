/* SPDX-License-Identifier: MIT */
/* Times the register's hot read paths through the same core calls the screens make, beside
 * a bare SQLite statement doing the same lookup in the same run, and prints one table row
 * per measure: "name | dpf | bare SQLite | target | verdict". Usage: bench_register DB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dpf/db.h"
#include "base/db_struct.h"   /* benchmarks of the core read its fields */
#include "dpf/person.h"
#include "base/pinyin.h"

#define SAMPLES 2000

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Certificate numbers, names and name keys (the sorted list's, base/pinyin.h) of a random
 * sample of persons. */
static int sample(struct db *db, char certs[][32], char names[][64], char keys[][128], int n)
{
    sqlite3_stmt *st;
    int i = 0;
    sqlite3_prepare_v2(db->h,
                       "SELECT cert_no, name, name_key FROM person WHERE id IN "
                       "(SELECT abs(random()) % (SELECT max(id) FROM person) + 1 "
                       " FROM generate_series(1, ?1))", -1, &st, NULL);
    if (!st) {
        /* No generate_series in this SQLite: take every k-th row instead. */
        sqlite3_prepare_v2(db->h, "SELECT cert_no, name, name_key FROM person WHERE id % 997 = 1 "
                           "LIMIT ?1",
                           -1, &st, NULL);
    }
    sqlite3_bind_int(st, 1, n);
    while (i < n && sqlite3_step(st) == SQLITE_ROW) {
        snprintf(certs[i], 32, "%s", sqlite3_column_text(st, 0));
        snprintf(names[i], 64, "%s", sqlite3_column_text(st, 1));
        snprintf(keys[i], 128, "%s", sqlite3_column_text(st, 2));
        i++;
    }
    sqlite3_finalize(st);
    return i;
}

static void row(const char *what, double dpf_ms, double bare_ms, double target_ms)
{
    char bare[32] = "-";
    if (bare_ms >= 0)
        snprintf(bare, sizeof bare, "%.4f ms", bare_ms);
    printf("| %-34s | %10.4f ms | %12s | < %4.1f ms | %-4s |\n", what, dpf_ms, bare, target_ms,
           dpf_ms < target_ms ? "PASS" : "FAIL");
}

/* What the list screen does with each row: format every column it shows. */
static int format_row(const struct person *p, void *ctx)
{
    char buf[128];
    for (int f = 0; f < PERSON_NFIELDS; f++)
        field_format(&person_fields[f], p->v[f], 0, buf, sizeof buf);
    (*(int *)ctx)++;
    return 0;
}

/* Average time of one keystroke of search as you type: the page of 35 rows (a 40-line
 * screen) for each longer prefix of each key (a Chinese character is 3 bytes), formatted as the screen formats it. */
static double typing_ms(struct db *db, char keys[][32], int n, int from, int to, int step,
                        int filter_cat, int *seen)
{
    struct dpf_err err;
    double t0 = now_ms();
    int strokes = 0, rows;
    for (int i = 0; i < n; i++)
        for (int len = from; len <= to && len <= (int)strlen(keys[i]); len += step) {
            char prefix[32];
            struct person_filter flt = { .query = prefix, .category = filter_cat };
            struct person_cursor cur = { 0 };
            snprintf(prefix, sizeof prefix, "%.*s", len, keys[i]);
            if (person_page(db, &flt, &cur, 35, format_row, seen, &rows, &err) != DPF_OK)
                fprintf(stderr, "search: %s\n", err.msg);
            person_cursor_free(&cur);
            strokes++;
        }
    return strokes ? (now_ms() - t0) / strokes : 0;
}

static int count_rows(const struct person *p, void *ctx)
{
    (void)p;
    (*(int *)ctx)++;
    return 0;
}

int main(int argc, char **argv)
{
    static char certs[SAMPLES][32], names[SAMPLES][64], keys[SAMPLES][128];
    struct db *db;
    struct dpf_err err;
    struct person p;
    sqlite3_stmt *bare;
    double t0, dpf_ms, bare_ms;
    int n, rows, seen = 0;

    if (argc != 2 || db_open(argv[1], 0, &db, &err) != DPF_OK) {
        fprintf(stderr, "usage: bench_register DB (%s)\n", argc == 2 ? err.msg : "");
        return 2;
    }
    n = sample(db, certs, names, keys, SAMPLES);
    if (n == 0) {
        fprintf(stderr, "bench_register: the database is empty\n");
        return 1;
    }
    person_init(&p);

    /* Lookup by certificate: person_find against a bare SELECT on the same index. */
    t0 = now_ms();
    for (int i = 0; i < n; i++)
        if (person_find(db, certs[i], &p, &err) != DPF_OK)
            return fprintf(stderr, "lookup %s: %s\n", certs[i], err.msg), 1;
    dpf_ms = (now_ms() - t0) / n;
    /* The register finds a certificate through the resident ID it begins with. */
    sqlite3_prepare_v2(db->h,
                       "SELECT * FROM person WHERE id_no = substr(?1, 1, 18) AND cert_no = ?1",
                       -1, &bare, NULL);
    t0 = now_ms();
    for (int i = 0; i < n; i++) {
        sqlite3_bind_text(bare, 1, certs[i], -1, SQLITE_STATIC);
        while (sqlite3_step(bare) == SQLITE_ROW)
            ;
        sqlite3_reset(bare);
    }
    bare_ms = (now_ms() - t0) / n;
    sqlite3_finalize(bare);
    row("lookup by certificate number", dpf_ms, bare_ms, 5);

    /* Name-prefix search, first page of 50: the surname plus one character. */
    t0 = now_ms();
    for (int i = 0; i < n; i++) {
        char prefix[8];
        struct person_filter flt = { .query = prefix };
        struct person_cursor cur = { 0 };
        snprintf(prefix, sizeof prefix, "%.6s", names[i]);  /* two CJK characters */
        if (person_page(db, &flt, &cur, 50, count_rows, &seen, &rows, &err) != DPF_OK)
            return fprintf(stderr, "search: %s\n", err.msg), 1;
        person_cursor_free(&cur);
    }
    dpf_ms = (now_ms() - t0) / n;
    sqlite3_prepare_v2(db->h,
                       "SELECT * FROM person WHERE name_key >= ?1 AND name_key < ?1 || "
                       "char(1114111) ORDER BY name_key, id LIMIT 50", -1, &bare, NULL);
    t0 = now_ms();
    for (int i = 0; i < n; i++) {
        char prefix[8];
        struct pinyin_name k;
        snprintf(prefix, sizeof prefix, "%.6s", names[i]);
        pinyin_name(prefix, &k);
        sqlite3_bind_text(bare, 1, k.key, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(bare) == SQLITE_ROW)
            ;
        sqlite3_reset(bare);
    }
    bare_ms = (now_ms() - t0) / n;
    sqlite3_finalize(bare);
    row("name-prefix search, 50 rows", dpf_ms, bare_ms, 5);

    /* One page of the sorted list, starting at a random person (keyset paging). */
    t0 = now_ms();
    for (int i = 0; i < n; i++) {
        struct person_filter flt = { 0 };
        struct person_cursor cur = { .key = strdup(keys[i]), .id = 0 };
        if (person_page(db, &flt, &cur, 50, count_rows, &seen, &rows, &err) != DPF_OK)
            return fprintf(stderr, "page: %s\n", err.msg), 1;
        person_cursor_free(&cur);
    }
    dpf_ms = (now_ms() - t0) / n;
    sqlite3_prepare_v2(db->h,
                       "SELECT * FROM person WHERE (name_key, id) > (?1, 0) ORDER BY name_key, id "
                       "LIMIT 50", -1, &bare, NULL);
    t0 = now_ms();
    for (int i = 0; i < n; i++) {
        sqlite3_bind_text(bare, 1, keys[i], -1, SQLITE_STATIC);
        while (sqlite3_step(bare) == SQLITE_ROW)
            ;
        sqlite3_reset(bare);
    }
    bare_ms = (now_ms() - t0) / n;
    sqlite3_finalize(bare);
    row("one page (50) of the sorted list", dpf_ms, bare_ms, 5);

    /* A page of one township's list: the smallest township is the worst case. */
    {
        char town[64] = "";
        sqlite3_prepare_v2(db->h, "SELECT township FROM person GROUP BY township "
                                  "ORDER BY count(*) LIMIT 1", -1, &bare, NULL);
        if (sqlite3_step(bare) == SQLITE_ROW)
            snprintf(town, sizeof town, "%s", sqlite3_column_text(bare, 0));
        sqlite3_finalize(bare);
        t0 = now_ms();
        for (int i = 0; i < n; i++) {
            struct person_filter flt = { .township = town };
            struct person_cursor cur = { .key = strdup(keys[i]), .id = 0 };
            if (person_page(db, &flt, &cur, 50, count_rows, &seen, &rows, &err) != DPF_OK)
                return fprintf(stderr, "page: %s\n", err.msg), 1;
            person_cursor_free(&cur);
        }
        dpf_ms = (now_ms() - t0) / n;
        row("one page (50), smallest township", dpf_ms, -1, 5);
    }

    /* The list screen: keystroke to screen for search as you type, and paging. */
    {
        static char phones[SAMPLES][32], names3[SAMPLES][32];
        int np = 0, m = n > 300 ? 300 : n;
        sqlite3_prepare_v2(db->h, "SELECT phone FROM person WHERE phone LIKE '1%' AND id % 991 = 7 "
                                  "LIMIT ?1", -1, &bare, NULL);
        sqlite3_bind_int(bare, 1, m);
        while (np < m && sqlite3_step(bare) == SQLITE_ROW)
            snprintf(phones[np++], 32, "%s", sqlite3_column_text(bare, 0));
        sqlite3_finalize(bare);
        for (int i = 0; i < m; i++)
            snprintf(names3[i], 32, "%s", names[i]);
        row("screen: typing a name (per key)", typing_ms(db, names3, m, 3, 9, 3, 0, &seen), -1, 20);
        row("screen: typing an ID (per key)", typing_ms(db, certs, m, 4, 20, 1, 0, &seen), -1, 20);
        row("screen: typing a phone (per key)", typing_ms(db, phones, np, 3, 11, 1, 0, &seen), -1, 20);
        /* Search by sound: a name's initials (lyf) and its full pinyin (luyufeng). */
        {
            static char initials[SAMPLES][32], spells[SAMPLES][32];
            for (int i = 0; i < m; i++) {
                struct pinyin_name k;
                pinyin_name(names[i], &k);
                snprintf(initials[i], 32, "%.31s", k.initials);
                snprintf(spells[i], 32, "%.31s", k.spell);
            }
            row("screen: typing initials (per key)", typing_ms(db, initials, m, 1, 3, 1, 0, &seen),
                -1, 20);
            row("screen: typing pinyin (per key)", typing_ms(db, spells, m, 2, 10, 2, 0, &seen),
                -1, 20);
        }
        row("screen: name + rare category", typing_ms(db, names3, m, 3, 6, 3, 3, &seen), -1, 20);

        /* The rarest filter: the smallest township, the rarest category, one level. */
        {
            char town[64] = "";
            int cat = 1;
            sqlite3_prepare_v2(db->h, "SELECT (SELECT township FROM person GROUP BY 1 ORDER BY "
                                      "count(*) LIMIT 1), (SELECT category FROM person GROUP BY "
                                      "1 ORDER BY count(*) LIMIT 1)", -1, &bare, NULL);
            if (sqlite3_step(bare) == SQLITE_ROW) {
                snprintf(town, sizeof town, "%s", sqlite3_column_text(bare, 0));
                cat = sqlite3_column_int(bare, 1);
            }
            sqlite3_finalize(bare);
            t0 = now_ms();
            for (int i = 0; i < 20; i++) {
                struct person_filter rare = { .township = town, .category = cat, .level = 1 + i % 4 };
                struct person_cursor c0 = { 0 };
                if (person_page(db, &rare, &c0, 35, format_row, &seen, &rows, &err) != DPF_OK)
                    return fprintf(stderr, "page: %s\n", err.msg), 1;
                person_cursor_free(&c0);
            }
            row("screen: rarest township+category", (now_ms() - t0) / 20, -1, 20);
        }

        /* PgDn through 200 consecutive pages of 35 from the top. */
        struct person_filter flt = { 0 };
        struct person_cursor cur = { 0 };
        t0 = now_ms();
        for (int i = 0; i < 200; i++)
            if (person_page(db, &flt, &cur, 35, format_row, &seen, &rows, &err) != DPF_OK)
                return fprintf(stderr, "page: %s\n", err.msg), 1;
        person_cursor_free(&cur);
        row("screen: PgDn (35 rows)", (now_ms() - t0) / 200, -1, 20);
    }

    /* The same page by OFFSET, what keyset paging avoids: one probe deep in the list. */
    sqlite3_prepare_v2(db->h, "SELECT * FROM person ORDER BY name_key, id LIMIT 50 OFFSET 500000",
                       -1, &bare, NULL);
    t0 = now_ms();
    while (sqlite3_step(bare) == SQLITE_ROW)
        ;
    bare_ms = now_ms() - t0;
    sqlite3_finalize(bare);
    printf("| %-34s | %13s | %9.4f ms | %9s | %-4s |\n", "(for comparison: OFFSET 500000)", "-",
           bare_ms, "-", "-");
    person_clear(&p);
    db_close(db);
    return seen > 0 ? 0 : 1;
}
