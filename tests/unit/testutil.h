/* SPDX-License-Identifier: MIT */
/* Helpers shared by the cmocka unit tests: a fresh database in a temporary directory, a
 * fixed clock, valid synthetic resident IDs and a quick way to build a person. */
#ifndef DPF_TESTUTIL_H
#define DPF_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "dpf/db.h"
#include "base/db_struct.h"   /* the core's tests read the connection's fields */
#include "dpf/idcard.h"
#include "dpf/modules.h"
#include "dpf/person.h"

/* The tests set the clock with DPF_NOW, which only a test build reads. */
#ifndef DPF_TEST_CLOCK
#error "the unit tests need the test clock: build them with TEST_CLOCK=1 (make test does)"
#endif

#define TU_NOW "2026-06-30 10:00:00"
#define TU_TODAY "2026-06-30"

/* A new empty directory for this test; the path is valid until the next call. */
static inline const char *tu_tmpdir(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/dpf-test-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

static inline void tu_rmdir(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* A fresh folder for each test of a file: tu_dir, made by tu_dir_setup and removed with
 * all it holds by tu_dir_teardown (cmocka setup and teardown functions). */
static char tu_dir[64];

static inline int tu_dir_setup(void **state)
{
    (void)state;
    snprintf(tu_dir, sizeof tu_dir, "%s", tu_tmpdir());
    return 0;
}

static inline int tu_dir_teardown(void **state)
{
    (void)state;
    tu_rmdir(tu_dir);
    return 0;
}

/* dir/name in one of four rotating buffers (so a call may name two or three paths). */
static inline const char *tu_at(const char *dir, const char *name)
{
    static char p[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

/* The first 8 KB of a file as a string (valid until the next call), or NULL. */
static inline char *tu_slurp(const char *path)
{
    static char buf[8192];
    FILE *f = fopen(path, "rb");
    size_t n;
    if (!f)
        return NULL;
    n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Every test binary has the modules' entities registered before its first test, as the
 * front ends do first thing (imports, exports and the audit log's labels read them). */
__attribute__((constructor)) static void tu_modules(void)
{
    modules_init();
}

/* Opens (creating) dir/name with the clock fixed at TU_NOW. */
static inline struct db *tu_db(const char *dir, const char *name)
{
    char path[256];
    struct db *db = NULL;
    struct dpf_err err;
    setenv("DPF_NOW", TU_NOW, 1);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (db_open(path, DB_CREATE, &db, &err) != DPF_OK)
        fail_msg("db_open %s: %s", path, err.msg);
    return db;
}

/* A valid resident ID: address code, birth date YYYYMMDD, 3-digit sequence (odd = male). */
static inline void tu_id(char out[19], const char *addr6, const char *birth8, int seq)
{
    snprintf(out, 19, "%.6s%.8s%03d", addr6, birth8, seq % 1000);
    out[17] = idcard_check_char(out);
    out[18] = '\0';
}

/* A valid active person: certificate = ID + category + level. */
static inline void tu_person(struct person *p, const char *id, int category, int level,
                             const char *name, const char *township)
{
    char cert[24];
    snprintf(cert, sizeof cert, "%s%d%d", id, category, level);
    person_init(p);
    person_set(p, PF_CERT_NO, cert);
    person_set(p, PF_NAME, name);
    person_set(p, PF_TOWNSHIP, township);
}

/* Validates p and inserts it (a refusal fails the test, with its message); clears p and
 * returns the new person's id. */
static inline int64_t tu_insert(struct db *db, struct person *p)
{
    struct dpf_err err;
    int64_t id;
    assert_int_equal(person_validate(p, TU_TODAY, &err), DPF_OK);
    if (person_insert(db, p, &err) != DPF_OK)
        fail_msg("insert %s: %s", person_get(p, PF_NAME), err.msg);
    id = p->id;
    person_clear(p);
    return id;
}

/* Runs a SQL query returning one integer. */
static inline long long tu_int(struct db *db, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

#endif
