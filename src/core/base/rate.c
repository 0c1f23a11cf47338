/* SPDX-License-Identifier: MIT */
/* Rates in integer arithmetic, so 153/146 is 104.79% on every machine: no floating point
 * to round 0.5 the other way. */
#include <stdio.h>
#include "dpf/rate.h"

long rate_hundredths(long num, long den)
{
    if (den <= 0 || num < 0)
        return -1;
    /* num * 10000 / den, rounded half up: add half the divisor before dividing. */
    return (long)(((long long)num * 20000 + den) / (2LL * den));
}

const char *rate_format(long num, long den, char *buf, size_t cap)
{
    long h = rate_hundredths(num, den);
    if (h < 0)
        snprintf(buf, cap, "—");
    else
        snprintf(buf, cap, "%ld.%02ld%%", h / 100, h % 100);
    return buf;
}

long rate_over(long num, long den)
{
    return num > den ? num - den : 0;
}
