/* SPDX-License-Identifier: MIT */
/* What the workbook readers share (see book.h): the row they fill, numbers as the cell holds
 * them, Excel serial days as dates, and which number formats are dates. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"

void book_row_start(struct book_row *r)
{
    if (!r->text && !(r->text = malloc(r->cap = 4096))) {
        r->oom = 1;
        r->cap = 0;
        return;
    }
    r->text[0] = '\0';          /* offset 0: the empty text of every empty cell */
    r->len = 1;
    r->ncols = 0;
}

int book_row_set(struct book_row *r, int c, const char *s, size_t n)
{
    if (r->oom || c < 0 || c >= BOOK_MAX_COLS)
        return r->oom ? -1 : 0;
    if (c >= r->cols_cap) {
        int cap = r->cols_cap ? r->cols_cap : 64;
        size_t *a;
        while (cap <= c)
            cap *= 2;
        if (!(a = realloc(r->at, (size_t)cap * sizeof *a)))
            return r->oom = 1, -1;
        r->at = a;
        r->cols_cap = cap;
    }
    while (r->ncols <= c)
        r->at[r->ncols++] = 0;
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap;
        char *t;
        while (cap < r->len + n + 1)
            cap *= 2;
        if (!(t = realloc(r->text, cap)))
            return r->oom = 1, -1;
        r->text = t;
        r->cap = cap;
    }
    memcpy(r->text + r->len, s, n);
    r->text[r->len + n] = '\0';
    r->at[c] = n ? r->len : 0;
    r->len += n + 1;
    return 0;
}

void book_number(char *out, size_t n, const char *raw)
{
    size_t len = strlen(raw);
    const char *p = memchr(raw, '.', len);

    /* openpyxl and others write a whole float as "12.0": Excel shows and saves it as 12. */
    if (p && !strpbrk(raw, "eE") && p[1 + strspn(p + 1, "0")] == '\0')
        len = (size_t)(p - raw);
    if (len >= n)
        len = n - 1;
    memcpy(out, raw, len);
    out[len] = '\0';
}

/* Days from 1970-01-01 to y-m-d's civil date, and back (Howard Hinnant's algorithms). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    long era, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int book_serial_date(char *out, double serial, int date1904)
{
    long day, epoch;
    int y, m, d;

    if (!(serial >= 0) || serial >= 2958466)    /* 9999-12-31 is 2958465 */
        return 0;
    day = (long)floor(serial);
    if (!date1904 && day == 60) {               /* Lotus's 1900-02-29, kept by Excel */
        snprintf(out, 11, "1900-02-29");
        return 1;
    }
    /* 1900 system: day 1 is 1900-01-01, so day 0 is 1899-12-31 until the false leap day;
     * after it the days run from 1899-12-30. 1904 system: day 0 is 1904-01-01. */
    if (date1904)
        epoch = -24107;                         /* 1904-01-01 from 1970-01-01 */
    else
        epoch = day < 60 ? -25568 : -25569;     /* 1899-12-31, 1899-12-30 */
    civil_from_days(epoch + day, &y, &m, &d);
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return 1;
}

int book_format_is_date(const char *code)
{
    for (const char *p = code; p && *p; p++) {
        switch (*p) {
        case '"':                   /* literal text */
            p = strchr(p + 1, '"');
            if (!p)
                return 0;
            break;
        case '[':                   /* a colour, a condition, a locale */
            p = strchr(p + 1, ']');
            if (!p)
                return 0;
            break;
        case '\\': case '_': case '*':     /* the next character is literal or padding */
            if (!*++p)
                return 0;
            break;
        case 'y': case 'Y': case 'm': case 'M': case 'd': case 'D': case 'h': case 'H':
            return 1;
        default:
            break;
        }
    }
    return 0;
}
