/* SPDX-License-Identifier: MIT */
/* Rates as the office prints them: a percentage with two decimals, rounded half up from
 * the integer counts (153 of 146 -> 104.79%), never capped at 100%, and "—" when there is
 * nothing to divide by. */
#ifndef DPF_RATE_H
#define DPF_RATE_H

#include <stddef.h>

enum { RATE_TEXT = 24 };

/* num / den in hundredths of a percent (10479 for 104.79%), half up; -1 when den <= 0. */
long rate_hundredths(long num, long den);
/* "104.79%", or "—" when den <= 0. */
const char *rate_format(long num, long den, char *buf, size_t cap);
/* How far num is over den (超额完成): num - den, or 0. */
long rate_over(long num, long den);

#endif
