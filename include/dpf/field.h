/* SPDX-License-Identifier: MIT */
/* One description per entity field, read by forms, lists, CSV import, templates and exports.
 * A record is an array of canonical text values indexed like its field table: dates are
 * YYYY-MM-DD, choices and flags their integer code as text ("1"), NULL for empty. */
#ifndef DPF_FIELD_H
#define DPF_FIELD_H

#include <stddef.h>
#include "dpf/err.h"

enum field_type {
    FT_TEXT,    /* free text, at most maxlen characters */
    FT_DATE,    /* YYYY-MM-DD; input also YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYY年M月D日 and
                 * YYYYMMDD; never in the future unless FF_FUTURE */
    FT_FLAG,    /* 0/1; input 是/否, 1/0, Y/N */
    FT_CHOICE,  /* code 1..n; input the choice's name or its code */
    FT_PHONE,   /* 11-digit mobile or a landline such as 0564-3312345 */
    FT_IDNO,    /* resident ID (checked by idcard_validate) */
    FT_CERT,    /* certificate number (checked against the record by the entity) */
    FT_DIGITS,  /* digits only: a bank account (8-32), or a code of maxlen (FF_EXACT) */
    FT_MONEY,   /* yuan with at most two decimals; canonical: integer fen ("6000") */
    FT_INT,     /* a whole number 0..99999 */
    FT_MONTH,   /* YYYY-MM; input also YYYY/M, YYYYMM, YYYY年M月 */
    FT_CODES,   /* a set of choices: "1,2" or "一级、二级"; canonical: sorted codes ("12") */
};

enum field_flag {
    FF_REQUIRED  = 1 << 0,
    FF_SENSITIVE = 1 << 1,  /* masked unless full values are asked for */
    FF_DERIVED   = 1 << 2,  /* may be left empty on input: the entity derives it */
    FF_FUTURE    = 1 << 3,  /* a date that may be in the future (a policy's period) */
    FF_EXACT     = 1 << 4,  /* FT_DIGITS: exactly maxlen digits, a code whose leading zeros
                             * count (a place's 行政区划代码) */
};

struct field {
    const char *key;            /* SQL column */
    const char *header;         /* CSV and template header: fixed Chinese, part of the format */
    const char *label;          /* UI label, an English msgid translated through gettext */
    enum field_type type;
    const char *const *choices; /* FT_CHOICE: names, code = index + 1, NULL-terminated */
    int width;                  /* list column width in terminal cells */
    int maxlen;                 /* longest value in characters */
    unsigned flags;
};

/* Converts user input (trimmed) to the canonical value. Returns DPF_OK and sets *out
 * (malloc'd, NULL for empty input) or fills err naming the field. today is YYYY-MM-DD.
 * What Excel does to a column it took for numbers (an ID in scientific notation or with
 * its last digits zeroed, a phone, account or code without its leading zeros) is refused
 * with what was lost and how to fix the sheet: in a resident ID or certificate field, and
 * in a text field keyed cert_no or id_no (the certificate by which other kinds name a
 * person). */
int field_parse(const struct field *f, const char *input, const char *today, char **out,
                struct dpf_err *err);

/* Text to show or export for a canonical value (choice name, 是/否, masked if asked). */
const char *field_format(const struct field *f, const char *value, int mask, char *buf,
                         size_t bufsize);

/* Text to show on a screen or the terminal: field_format's, with choice names and 是/否 in
 * the UI language ("Physical", "Yes" in English; unchanged in Chinese). Never for a file:
 * exports and templates keep the stored names. field_parse reads the shown words back. */
const char *field_show(const struct field *f, const char *value, int mask, char *buf,
                       size_t cap);
/* field_show of choice code (from 1; 1 is 是 for a flag): 肢体, "Physical" in English. */
const char *field_show_choice(const struct field *f, int code, char *buf, size_t cap);
/* The shown word of a stored name (肢体: "Physical" in English, 肢体 in Chinese, 審核員 in
 * Traditional), or the name itself when it has none (field_label.c). */
const char *field_label(const char *stored);
/* The index in names (stored names, NULL-terminated) of the one s names: as stored, as
 * field_label shows it (any case), or in Traditional characters; -1 if none. For a list of
 * names that is not a field's, such as a command's choices and the roles. */
int field_label_find(const char *const *names, const char *s);

/* 1 if a value of f is text a person typed (so a CSV cell of it is guarded against formula
 * injection, csv_write_text), 0 for amounts, dates, months, numbers and flags, which are
 * written as they are so that -33.33 stays a number. */
int field_is_text(const struct field *f);

/* The index of the field whose header is h, or -1. */
int field_by_header(const struct field *fields, int n, const char *h);
int field_by_key(const struct field *fields, int n, const char *key);

/* Frees the n values of a record (malloc'd canonical text) and sets them NULL. */
void record_free(char **v, int n);

/* Number of characters in UTF-8 text (invalid bytes count one each). */
size_t utf8_chars(const char *s);

#endif
