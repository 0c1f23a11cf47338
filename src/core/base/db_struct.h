/* SPDX-License-Identifier: MIT */
/* The fields of a connection (struct db): the core's alone. The front ends see struct db as
 * opaque and use dpf/db.h's calls (db_today, db_now, db_user, db_set_origin). */
#ifndef DPF_DB_STRUCT_H
#define DPF_DB_STRUCT_H

#include <time.h>
#include <sqlite3.h>
#include "dpf/db.h"

struct db_stmt_slot {
    char *sql;              /* the statement's text, the cache key */
    sqlite3_stmt *stmt;
};

/* A test build (-DDPF_TEST_CLOCK) starts a connection's clock at DPF_NOW and lets it run on
 * by elapsed time; the normal build reads only the real clock and never looks at DPF_NOW. */
struct db_clock {
    char start[20];         /* the DPF_NOW it runs from; "" when on the real clock */
    time_t base;            /* start, by calendar arithmetic (as if UTC: no DST gaps) */
    struct timespec anchor; /* CLOCK_MONOTONIC when start was read */
};

struct db {
    sqlite3 *h;
    char *path;
    char user[64];          /* OS login name, recorded in the audit log */
    /* "YYYY-MM-DD HH:MM:SS" and "YYYY-MM-DD": read when opened, by db_begin (one time for
     * a whole transaction) and by the screens before each key (db_set_now). */
    char now[20];
    char today[11];
    struct db_clock clock;
    const char *origin;     /* the command or screen at work ("person show"), named by the
                             * audit rows of disclosures; NULL: not said */
    struct db_stmt_slot *stmts;     /* grows as new statement texts come: never full */
    int nstmts, stmts_cap;
    struct entity_set *entities;    /* the kinds this database defines (entity_db.c) */
};

/* Sets what db_open does after the migrations (a failure fails the open) and db_close
 * before closing; once, before the first open (entity_db_attach, under modules_init). */
void db_on_open(int (*on_open)(struct db *db, struct dpf_err *err), void (*on_close)(struct db *db));

#endif
