/* SPDX-License-Identifier: MIT */
/* The syntax of a date and of a phone number, as the office writes them: pure functions
 * for field_parse (field.c) and the Excel checks (field_excel.c). Hand-parsed: sscanf costs
 * more than the rest of a row's checks together. */
#include <ctype.h>
#include <string.h>
#include "field_internal.h"

int field_all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return len > 0;
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Reads 1..max digits at *s into *v and advances *s; returns the count read. */
static int digits(const char **s, int max, int *v)
{
    int n = 0;
    for (*v = 0; n < max && isdigit((unsigned char)**s); n++, (*s)++)
        *v = *v * 10 + (**s - '0');
    return n;
}

/* Skips the text word at *s if it is there. */
static int word(const char **s, const char *w)
{
    size_t n = strlen(w);
    if (strncmp(*s, w, n) != 0)
        return 0;
    *s += n;
    return 1;
}

/* 3/5/2017, 3-5-2017, 3.5.2017: an American or a European order, which only the writer
 * knows; told apart from junk so that the message can say to put the year first. */
static int year_last(const char *s)
{
    int v;
    char sep;

    if (digits(&s, 2, &v) < 1 || (sep = *s) == '\0' || !strchr("-/.", sep))
        return 0;
    s++;
    if (digits(&s, 2, &v) < 1 || *s++ != sep)
        return 0;
    return digits(&s, 4, &v) == 4 && *s == '\0';
}

/* Month and day after the year: M-D with the year's separator, M月D日, or MMDD. */
static int month_day(const char **s, int *m, int *d)
{
    char sep = **s;

    if (isdigit((unsigned char)sep))
        return digits(s, 2, m) == 2 && digits(s, 2, d) == 2;
    if (word(s, "年")) {
        if (digits(s, 2, m) < 1 || !word(s, "月") || digits(s, 2, d) < 1)
            return 0;
        if (!word(s, "日"))                     /* which may be left out */
            word(s, "号");
        return 1;
    }
    if (sep != '-' && sep != '/' && sep != '.')
        return 0;
    (*s)++;
    return digits(s, 2, m) >= 1 && *(*s)++ == sep && digits(s, 2, d) >= 1;
}

enum field_date field_date_parse(const char *s, char out[11])
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const char *start = s;
    int y, m, d;

    if (digits(&s, 4, &y) != 4 || !month_day(&s, &m, &d) || *s != '\0')
        return year_last(start) ? FD_YEAR_LAST : FD_BAD;
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap(y)))
        return FD_BAD;
    if (y < FIELD_DATE_MIN_YEAR)
        return FD_EARLY;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return FD_OK;
}

int field_phone_ok(const char *s)
{
    size_t len = strlen(s);
    const char *dash = strchr(s, '-');

    if (len == 11 && s[0] == '1' && field_all_digits(s, len))
        return 1;                                   /* mobile */
    if (dash) {                                     /* 0564-3312345, 010-12345678 */
        size_t area = (size_t)(dash - s), local = len - area - 1;
        return s[0] == '0' && (area == 3 || area == 4) && field_all_digits(s, area) &&
               (local == 7 || local == 8) && field_all_digits(dash + 1, local);
    }
    if (s[0] == '0')                                /* area code without the dash */
        return (len == 10 || len == 11 || len == 12) && field_all_digits(s, len);
    return (len == 7 || len == 8) && field_all_digits(s, len);    /* local number */
}

int field_digits_min(const struct field *f)
{
    return f->flags & FF_EXACT ? f->maxlen : 8;
}

int field_digits_max(const struct field *f)
{
    return f->flags & FF_EXACT ? f->maxlen : 32;
}
