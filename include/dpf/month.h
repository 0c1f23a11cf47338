/* SPDX-License-Identifier: MIT */
/* Calendar months as numbers: year * 12 + (month - 1), so that "the month after" is + 1 and
 * months compare as integers. Stored and shown as "YYYY-MM". */
#ifndef DPF_MONTH_H
#define DPF_MONTH_H

enum { MONTH_TEXT = 8 };    /* "YYYY-MM" and its NUL */

/* Parses "YYYY-MM", "YYYY-M", "YYYY/M", "YYYYMM" or "YYYY年M月"; -1 if it is none of them. */
int month_parse(const char *s);
/* "YYYY-MM" into out[MONTH_TEXT]; returns out. */
char *month_format(int month, char out[MONTH_TEXT]);
/* The month a "YYYY-MM-DD" date falls in; -1 for anything else. */
int month_of_date(const char *date);
/* The first day of the month as "YYYY-MM-DD" (out[11]). */
void month_first_day(int month, char out[11]);
/* 1..12 within the year. */
int month_number(int month);
int month_year(int month);

#endif
