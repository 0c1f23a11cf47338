/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "dpf/month.h"

static int read_digits(const char **s, int max, int *v)
{
    int n = 0;
    for (*v = 0; n < max && isdigit((unsigned char)**s); n++, (*s)++)
        *v = *v * 10 + (**s - '0');
    return n;
}

int month_parse(const char *s)
{
    int y, m;

    if (!s || read_digits(&s, 4, &y) != 4)
        return -1;
    if (isdigit((unsigned char)*s)) {
        if (read_digits(&s, 2, &m) != 2)
            return -1;
    } else if (strncmp(s, "年", strlen("年")) == 0) {
        s += strlen("年");
        if (read_digits(&s, 2, &m) < 1 || strncmp(s, "月", strlen("月")) != 0)
            return -1;
        s += strlen("月");
    } else {
        if ((*s != '-' && *s != '/') || (s++, read_digits(&s, 2, &m)) < 1)
            return -1;
    }
    if (*s != '\0' || y < 1900 || y > 2999 || m < 1 || m > 12)
        return -1;
    return y * 12 + m - 1;
}

char *month_format(int month, char out[MONTH_TEXT])
{
    unsigned m = month > 0 ? (unsigned)month : 0;
    snprintf(out, MONTH_TEXT, "%04u-%02u", m / 12 % 10000, m % 12 + 1);
    return out;
}

/* Read straight from the digits: the review calls this for every person it judges. */
int month_of_date(const char *date)
{
    int y = 0, m;
    if (!date || strlen(date) != 10 || date[4] != '-' || date[7] != '-')
        return -1;
    for (int i = 0; i < 4; i++) {
        if (!isdigit((unsigned char)date[i]))
            return -1;
        y = y * 10 + (date[i] - '0');
    }
    if (!isdigit((unsigned char)date[5]) || !isdigit((unsigned char)date[6]))
        return -1;
    m = (date[5] - '0') * 10 + (date[6] - '0');
    return y >= 1900 && m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
}

void month_first_day(int month, char out[11])
{
    char m[MONTH_TEXT];
    snprintf(out, 11, "%s-01", month_format(month, m));
}

int month_number(int month)
{
    return month % 12 + 1;
}

int month_year(int month)
{
    return month / 12;
}
