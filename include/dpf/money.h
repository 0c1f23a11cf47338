/* SPDX-License-Identifier: MIT */
/* Money is an integer number of fen (分): never floating point. Input and output are yuan
 * with two decimals ("1,500.00"). */
#ifndef DPF_MONEY_H
#define DPF_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* Largest amount accepted as input: 100 million yuan. */
#define MONEY_MAX_FEN 10000000000LL

/* Parses yuan: digits with optional thousands commas, at most two decimals, an optional
 * trailing 元. Returns 0 and sets *fen, or -1. Negative amounts are not input. */
int money_parse(const char *s, int64_t *fen);
/* "1,500.00" (grouped) or "1500.00"; negative amounts get a leading '-'. Returns out. */
char *money_format(int64_t fen, int grouped, char *out, size_t cap);
/* The share of a yearly amount that falls in month_no (1..12): the year's amount spread so
 * that months 1..k together are the yearly amount * k / 12 rounded half up, so twelve
 * months add up to exactly the yearly amount (80000 -> 6667, 6666, 6667, ...). */
int64_t money_month_share(int64_t yearly, int month_no);

#endif
