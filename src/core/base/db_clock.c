/* SPDX-License-Identifier: MIT */
/* The clock: read when the database is opened, at each write transaction and (by the
 * screens) before each key, so every action carries its own time. DPF_NOW exists only in a
 * test build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dpf/db.h"
#include "dpf/priv.h"
#include "db_struct.h"

#define STAMP_FORMAT "%Y-%m-%d %H:%M:%S"

#ifdef DPF_TEST_CLOCK
/* Whole seconds since the clock was anchored, by the monotonic clock: it crosses midnight
 * as a real day does, and a change of the system's time does not move it. */
static time_t since_anchor(const struct db_clock *c)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (ts.tv_sec - c->anchor.tv_sec) - (ts.tv_nsec < c->anchor.tv_nsec);
}

/* Anchors the clock at start ("YYYY-MM-DD HH:MM:SS"); 0 if start is not such a time. */
static int anchor(struct db_clock *c, const char *start)
{
    struct tm tm = { 0 };
    const char *end = strlen(start) == 19 ? strptime(start, STAMP_FORMAT, &tm) : NULL;

    c->start[0] = '\0';
    if (!end || *end)
        return 0;
    memcpy(c->start, start, sizeof c->start);
    c->base = timegm(&tm);
    clock_gettime(CLOCK_MONOTONIC, &c->anchor);
    return 1;
}

/* The test clock: from DPF_NOW on, anchored again when the value changes (unit tests move
 * it with setenv). 0 without a usable DPF_NOW: the real clock then. */
static int test_clock(struct db_clock *c, char now[20])
{
    const char *start = priv_getenv("DPF_NOW");
    struct tm tm;
    time_t t;

    if (!start || (strcmp(start, c->start) != 0 && !anchor(c, start))) {
        c->start[0] = '\0';
        return 0;
    }
    t = c->base + since_anchor(c);
    gmtime_r(&t, &tm);
    strftime(now, 20, STAMP_FORMAT, &tm);
    return 1;
}
#else
/* The normal build never reads DPF_NOW: nobody can set the times of the audit log, and the
 * automatic backup's pruning goes by the real date. */
static int test_clock(struct db_clock *c, char now[20])
{
    (void)c;
    (void)now;
    return 0;
}
#endif

void db_set_now(struct db *db)
{
    if (!test_clock(&db->clock, db->now)) {
        time_t t = time(NULL);
        struct tm tm;
        localtime_r(&t, &tm);
        strftime(db->now, sizeof db->now, STAMP_FORMAT, &tm);
    }
    memcpy(db->today, db->now, 10);
    db->today[10] = '\0';
}
