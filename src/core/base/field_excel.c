/* SPDX-License-Identifier: MIT */
/* What Excel does to a column it takes for numbers, recognised in a value as it arrives
 * (from a form, a CSV saved by Excel, or a workbook's cell text): a number of more than 11
 * digits shown in scientific notation (3.41503E+17), digits after the 15th replaced by zeros
 * (341503199001012000), and leading zeros dropped (5643312345 for 0564-3312345). Each is
 * told with what was lost and how to fix the sheet, since the value itself cannot be mended:
 * the lost digits are gone. Pure: no database, no I/O. */
#include <ctype.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "field_internal.h"

/* Excel keeps 15 significant digits of a number; General format shows one of more than
 * 11 digits in scientific notation. */
enum { EXCEL_DIGITS = 15, EXCEL_SHOWN = 11 };

/* The exponent of a number in Excel's scientific notation (3.41503E+17, 6.2E+18), or -1. */
static int sci_exponent(const char *s)
{
    int e = 0, n = 0;

    if (!isdigit((unsigned char)*s++))
        return -1;
    if (*s == '.' && !isdigit((unsigned char)*++s))
        return -1;
    while (isdigit((unsigned char)*s))
        s++;
    if (*s != 'E' && *s != 'e')
        return -1;
    s += s[1] == '+' ? 2 : 1;
    for (; isdigit((unsigned char)*s) && n < 3; s++, n++)
        e = e * 10 + (*s - '0');
    return n > 0 && *s == '\0' ? e : -1;
}

/* A resident ID or a certificate number: the register's own types, and the certificate
 * column by which the other kinds name a person (text there, so that an ID may be given
 * instead). */
static int identity(const struct field *f)
{
    return f->type == FT_IDNO || f->type == FT_CERT || strcmp(f->key, "cert_no") == 0 ||
           strcmp(f->key, "id_no") == 0;
}

/* An 18-digit ID or a 20-digit certificate whose digits after the 15th are all zeros and
 * that is no valid number: its own check character (an ID) or its category digit (a
 * certificate, never 0) says the zeros are Excel's. */
static int zeroed_tail(const char *s)
{
    size_t len = strlen(s);

    if (len < IDCARD_LEN || len > CERT_MAX_LEN || !field_all_digits(s, len) ||
        strspn(s + EXCEL_DIGITS, "0") != len - EXCEL_DIGITS)
        return 0;
    return len > IDCARD_LEN || idcard_check_char(s) != s[IDCARD_LEN - 1];
}

/* A phone number that was a landline before Excel took its leading 0. */
static int phone_without_zero(const char *s)
{
    char with[40];
    size_t len = strlen(s);

    if (len + 2 > sizeof with || !field_all_digits(s, len) || s[0] == '0' || field_phone_ok(s))
        return 0;
    with[0] = '0';
    memcpy(with + 1, s, len + 1);
    return field_phone_ok(with);
}

/* The digits of an account or a code (spaces between groups allowed), if that is all it
 * holds; 0 otherwise. */
static size_t digit_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++) {
        if (isdigit((unsigned char)*s))
            n++;
        else if (*s != ' ')
            return 0;
    }
    return n;
}

/* The field's label is looked up only when a message names it: a million-row import checks
 * 23 million values. */
int field_excel_damage(const struct field *f, const char *v, struct dpf_err *err)
{
    int e;
    size_t n;

    switch (f->type) {
    case FT_TEXT: case FT_CERT: case FT_IDNO: case FT_PHONE: case FT_DIGITS:
        break;
    default:
        return DPF_OK;      /* amounts, counts, dates and choices: their own checks */
    }
    e = sci_exponent(v);
    /* Free text may hold a small number so written; Excel shows only long ones so. */
    if (e >= (f->type == FT_TEXT && !identity(f) ? EXCEL_SHOWN : 0))
        return dpf_err_set(err, DPF_EINVAL, f->key,
                           _("%s: \"%s\" is a number in Excel's scientific notation: Excel "
                             "took the column for numbers, which keep only 15 digits, so the "
                             "rest are lost. Set the column's format to Text and type the "
                             "values again"), _(f->label), v);
    if (zeroed_tail(v) && identity(f))
        return dpf_err_set(err, DPF_EINVAL, f->key,
                           _("%s: \"%s\" ends in zeros where its last digits should be: Excel "
                             "took the column for numbers, which keep only 15 digits, so the "
                             "last ones are lost. Set the column's format to Text and type the "
                             "numbers again"),
                           _(f->label), v);
    if (f->type == FT_PHONE && phone_without_zero(v))
        return dpf_err_set(err, DPF_EINVAL, f->key,
                           _("%s: \"%s\" is the landline 0%s without its leading 0: Excel drops "
                             "a number's leading zeros. Set the column's format to Text and "
                             "type the number again"), _(f->label), v, v);
    n = f->type == FT_DIGITS ? digit_count(v) : 0;
    if (n > 0 && n < (size_t)field_digits_min(f))
        return dpf_err_set(err, DPF_EINVAL, f->key,
                           _("%s: \"%s\" has %zu digits, fewer than %d: if it began with 0, "
                             "Excel dropped the zeros when it took the column for numbers. Set "
                             "the column's format to Text and type the number again"),
                           _(f->label), v, n, field_digits_min(f));
    return DPF_OK;
}
