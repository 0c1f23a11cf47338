/* SPDX-License-Identifier: MIT */
/* Shared by bench_subsidy and bench_rehab: a monotonic clock in milliseconds and one row of
 * the benchmark table (the same columns as bench/run.sh prints). */
#ifndef DPF_BENCH_UTIL_H
#define DPF_BENCH_UTIL_H

#include <stdio.h>
#include <time.h>
#include "dpf/err.h"

static inline double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* measure, dpf's time, the bare SQLite time (< 0: none), the target (<= 0: none). */
static inline void row(const char *what, double dpf_ms, double bare_ms, double target_ms)
{
    char bare[32] = "-", target[32] = "-";
    if (bare_ms >= 0)
        snprintf(bare, sizeof bare, "%.1f ms", bare_ms);
    if (target_ms > 0)
        snprintf(target, sizeof target, "< %.0f s", target_ms / 1000);
    printf("| %-34s | %10.1f ms | %12s | %9s | %-4s |\n", what, dpf_ms, bare, target,
           target_ms <= 0 ? "-" : dpf_ms < target_ms ? "PASS" : "FAIL");
}

static inline int bench_fail(const char *bench, const char *what, const struct dpf_err *err)
{
    fprintf(stderr, "%s: %s: %s\n", bench, what, err->msg);
    return 1;
}

#endif
