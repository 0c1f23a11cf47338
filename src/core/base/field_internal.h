/* SPDX-License-Identifier: MIT */
/* What field.c's parser is made of: the syntax of a date and of a phone number
 * (field_syntax.c), and what Excel does to a column of IDs, phones, accounts and codes
 * (field_excel.c). Not for front ends: they call field_parse. */
#ifndef DPF_FIELD_INTERNAL_H
#define DPF_FIELD_INTERNAL_H

#include <stddef.h>
#include "dpf/err.h"
#include "dpf/field.h"

/* The earliest year a date may have: no one on the register was born before it. */
#define FIELD_DATE_MIN_YEAR 1880

/* What field_date_parse found. */
enum field_date {
    FD_OK = 0,
    FD_BAD = -1,        /* no date, or a day no calendar has (2017-02-30, 2017/13/5) */
    FD_EARLY = -2,      /* a real date before FIELD_DATE_MIN_YEAR */
    FD_YEAR_LAST = -3,  /* 3/5/2017: day and month cannot be told apart */
};

/* Reads a date written as 2017-03-05, 2017-3-5, 2017/3/5, 2017.3.5, 2017年3月5日 or
 * 20170305 into out (YYYY-MM-DD). */
enum field_date field_date_parse(const char *s, char out[11]);

/* 1 if s is an 11-digit mobile or a landline (0564-3312345, 05643312345, 3312345). */
int field_phone_ok(const char *s);

/* 1 if the len bytes at s are all ASCII digits (and len > 0). */
int field_all_digits(const char *s, size_t len);

/* The fewest and the most digits a value of an FT_DIGITS field has: a bank account's 8-32,
 * or exactly maxlen for a code (FF_EXACT). */
int field_digits_min(const struct field *f);
int field_digits_max(const struct field *f);

/* Recognises what Excel does to a column it took for numbers: a long number in scientific
 * notation (3.41503E+17), a resident ID or certificate whose last digits became zeros, a
 * phone, account or code without its leading zeros. v is the trimmed input. Returns DPF_OK
 * if none of it is seen, else DPF_EINVAL with err saying what was lost and how to fix the
 * sheet. Called by field_parse before the type's own check, so that every import and every
 * form says the same. */
int field_excel_damage(const struct field *f, const char *v, struct dpf_err *err);

/* The code of f's choice whose shown word is s (any case), or -1: so what a screen showed
 * is read back. */
int field_label_code(const struct field *f, const char *s);

/* The code of f's choice whose shown word starts s (the longest), its length in *len; -1
 * and 0 when none does. */
int field_label_prefix(const struct field *f, const char *s, size_t *len);

/* The bytes of all f's shown words with a separator after each: the longest list of them
 * (Level 1, Level 2, ...) that field_parse reads. */
size_t field_labels_len(const struct field *f);

#endif
