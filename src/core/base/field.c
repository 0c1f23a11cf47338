/* SPDX-License-Identifier: MIT */
/* Parsing and formatting of single field values, driven by struct field. Checks that need
 * the whole record (ID against gender, certificate against category) belong to the entity.
 * The syntax of dates and phones is field_syntax.c's, Excel's damage field_excel.c's. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "dpf/field.h"
#include "dpf/hant.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/money.h"
#include "dpf/month.h"
#include "field_internal.h"

size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static int parse_flag(const char *s)
{
    static const char *const yes[] = { "是", "1", "Y", "y", "yes", "true", NULL };
    static const char *const no[] = { "否", "0", "N", "n", "no", "false", NULL };
    for (int i = 0; yes[i]; i++)
        if (strcmp(s, yes[i]) == 0)
            return 1;
    for (int i = 0; no[i]; i++)
        if (strcmp(s, no[i]) == 0)
            return 0;
    /* the words a screen showed (Yes/No in English) */
    if (strcasecmp(s, _("Yes")) == 0)
        return 1;
    return strcasecmp(s, _("No")) == 0 ? 0 : -1;
}

static int parse_choice(const struct field *f, const char *s)
{
    int n = 0;
    for (; f->choices[n]; n++)
        if (strcmp(s, f->choices[n]) == 0)
            return n + 1;
    if (field_all_digits(s, strlen(s)) && strlen(s) <= 2 && atoi(s) >= 1 && atoi(s) <= n)
        return atoi(s);
    return field_label_code(f, s);      /* the word a screen showed ("Physical") */
}

static int has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F)
            return 1;
    return 0;
}

static char *digits_only(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    if (!out)
        return NULL;
    for (; *s; s++)
        if (*s != ' ')
            *o++ = *s;
    *o = '\0';
    return out;
}

static int nchoices(const struct field *f)
{
    int n = 0;
    while (f->choices[n])
        n++;
    return n;
}

/* A set of choices into sorted codes ("134"): names or codes separated by commas, 、 or
 * spaces, a run of digits ("12"), or 全部 for all of them. */
static int parse_codes(const struct field *f, const char *s, char out[16])
{
    static const char *const seps[] = { ",", "，", "、", " ", ";", "；", NULL };
    int n = nchoices(f), have[16] = { 0 }, k = 0;

    if (strcmp(s, "全部") == 0 || strcasecmp(s, "all") == 0 || strcasecmp(s, _("All")) == 0) {
        for (int c = 1; c <= n; c++)
            have[c] = 1;
        s = "";
    }
    while (*s) {
        size_t sep = 0, tok;
        for (int i = 0; seps[i]; i++)
            if (strncmp(s, seps[i], strlen(seps[i])) == 0)
                sep = strlen(seps[i]);
        if (sep) {
            s += sep;
            continue;
        }
        if (*s >= '1' && *s <= '9') {
            if (*s - '0' > n)
                return -1;
            have[*s++ - '0'] = 1;
            continue;
        }
        for (tok = 0; f->choices[tok]; tok++)
            if (strncmp(s, f->choices[tok], strlen(f->choices[tok])) == 0)
                break;
        if (f->choices[tok]) {
            have[tok + 1] = 1;
            s += strlen(f->choices[tok]);
        } else {
            int code = field_label_prefix(f, s, &tok);  /* "Level 1, Level 2" as shown */
            if (code < 0)
                return -1;
            have[code] = 1;
            s += tok;
        }
    }
    for (int c = 1; c <= n; c++)
        if (have[c])
            out[k++] = (char)('0' + c);
    out[k] = '\0';
    return 0;
}

/* The longest date input: 2017年12月25日 and a little room. */
#define DATE_INPUT_MAX 16

static void release(char *v, int heap)
{
    if (heap)
        free(v);
}

/* The field's translated label, looked up only when an error names it: a million-row
 * import parses 23 million fields. */
static const char *label(const struct field *f)
{
    return _(f->label);
}

/* Traditional characters typed or imported made Simplified, as the register keeps them: in
 * free text and names, and in a choice or set of choices typed by name (肢體 is 肢体). Codes,
 * IDs, dates and numbers are left to their own checks. *v is replaced (and becomes heap)
 * only when a character changes; if OpenCC cannot run, the text stays as typed. */
static void simplify(const struct field *f, char **v, int *heap)
{
    char *s;

    if ((f->type != FT_TEXT && f->type != FT_CHOICE && f->type != FT_CODES) ||
        !(s = hant_simplify(*v)))
        return;
    release(*v, *heap);
    *v = s;
    *heap = 1;
}

/* 1 if v is longer than f allows. A date's maxlen is its canonical length: 2017年12月25日 is
 * longer; a choice's is its stored names', and the words a screen shows for them
 * ("On the register" for 在册) may be longer still. */
static int too_long(const struct field *f, const char *v)
{
    size_t n = utf8_chars(v);

    if (!f->maxlen || n <= (size_t)(f->type == FT_DATE ? DATE_INPUT_MAX : f->maxlen))
        return 0;
    switch (f->type) {
    case FT_FLAG:
        return strcasecmp(v, _("Yes")) != 0 && strcasecmp(v, _("No")) != 0;
    case FT_CHOICE:
        return field_label_code(f, v) < 0;
    case FT_CODES:
        return n > field_labels_len(f);
    default:
        return 1;
    }
}

int field_parse(const struct field *f, const char *input, const char *today, char **out,
                struct dpf_err *err)
{
    char stack[64], buf[80], *v;
    const char *s = input ? input : "";
    size_t len;
    int code, rc = DPF_OK, heap;

    /* Trimmed; on the stack unless it is text that becomes the value (or too long). */
    while (*s == ' ' || *s == '\t')
        s++;
    len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    heap = f->type == FT_TEXT || f->type == FT_CERT || len >= sizeof stack;
    v = heap ? strndup(s, len) : stack;
    *out = NULL;
    if (!v)
        return dpf_err_set(err, DPF_ENOMEM, f->key, _("Out of memory"));
    if (!heap) {
        memcpy(stack, s, len);
        stack[len] = '\0';
    }
    if (*v == '\0') {
        release(v, heap);
        if ((f->flags & FF_REQUIRED) && !(f->flags & FF_DERIVED))
            return dpf_err_set(err, DPF_EINVAL, f->key, _("%s is required"), label(f));
        return DPF_OK;
    }
    if (has_control(v)) {
        release(v, heap);
        return dpf_err_set(err, DPF_EINVAL, f->key, _("%s contains control characters"),
                           label(f));
    }
    simplify(f, &v, &heap);
    if ((rc = field_excel_damage(f, v, err)) != DPF_OK) {
        release(v, heap);
        return rc;
    }
    if (too_long(f, v)) {
        release(v, heap);
        return dpf_err_set(err, DPF_EINVAL, f->key, _("%s is longer than %d characters"),
                           label(f), f->maxlen);
    }
    switch (f->type) {
    case FT_TEXT:
    case FT_CERT:
        if (f->type == FT_CERT)
            for (char *c = v; *c; c++)
                *c = (char)toupper((unsigned char)*c);
        *out = v;
        return DPF_OK;
    case FT_DATE:
        if ((code = field_date_parse(v, buf)) == FD_EARLY)
            rc = dpf_err_set(err, DPF_EINVAL, f->key,
                             _("%s: %s is out of range (dates start at %d-01-01)"),
                             label(f), v, FIELD_DATE_MIN_YEAR);
        else if (code == FD_YEAR_LAST)
            rc = dpf_err_set(err, DPF_EINVAL, f->key,
                             _("%s: \"%s\" puts the year last, so the day and the month cannot "
                               "be told apart; write the year first (YYYY-MM-DD; also 2017/3/5, "
                               "2017.3.5, 2017年3月5日, 20170305)"), label(f), v);
        else if (code != FD_OK)
            rc = dpf_err_set(err, DPF_EINVAL, f->key,
                             _("%s: \"%s\" is not a date (YYYY-MM-DD; also 2017/3/5, 2017.3.5, "
                               "2017年3月5日, 20170305)"), label(f), v);
        else if (today && !(f->flags & FF_FUTURE) && strcmp(buf, today) > 0)
            rc = dpf_err_set(err, DPF_EINVAL, f->key, _("%s: %s is in the future"), label(f),
                             buf);
        break;
    case FT_FLAG:
        code = parse_flag(v);
        if (code < 0)
            rc = dpf_err_set(err, DPF_EINVAL, f->key, _("%s: \"%s\" is not 是/否 or 1/0"),
                             label(f), v);
        else
            buf[0] = (char)('0' + code), buf[1] = '\0';
        break;
    case FT_CHOICE:
        code = parse_choice(f, v);
        if (code < 0)
            rc = dpf_err_set(err, DPF_EINVAL, f->key, _("%s: \"%s\" is not one of the choices"),
                             label(f), v);
        else
            snprintf(buf, sizeof buf, "%d", code);
        break;
    case FT_PHONE:
        if (!field_phone_ok(v))
            rc = dpf_err_set(err, DPF_EINVAL, f->key,
                             _("%s: \"%s\" is neither an 11-digit mobile nor a landline"),
                             label(f), v);
        else
            snprintf(buf, sizeof buf, "%s", v);
        break;
    case FT_IDNO:
        rc = idcard_validate(v, today, buf, f->key, err);
        break;
    case FT_MONEY: {
        int64_t fen;
        if (money_parse(v, &fen) != 0)
            rc = dpf_err_set(err, DPF_EINVAL, f->key,
                             _("%s: \"%s\" is not an amount in yuan (e.g. 60 or 1,500.00)"),
                             label(f), v);
        else
            snprintf(buf, sizeof buf, "%lld", (long long)fen);
        break;
    }
    case FT_INT:
        /* The field's own length bounds it (checked above); nine digits at most, so that any
         * count a city or province keeps fits in an int. */
        if (!field_all_digits(v, strlen(v)) || strlen(v) > 9)
            rc = dpf_err_set(err, DPF_EINVAL, f->key, _("%s: \"%s\" is not a whole number"),
                             label(f), v);
        else
            snprintf(buf, sizeof buf, "%d", atoi(v));
        break;
    case FT_MONTH:
        code = month_parse(v);
        if (code < 0)
            rc = dpf_err_set(err, DPF_EINVAL, f->key, _("%s: \"%s\" is not a month (YYYY-MM)"),
                             label(f), v);
        else
            month_format(code, buf);
        break;
    case FT_CODES:
        if (parse_codes(f, v, buf) != 0)
            rc = dpf_err_set(err, DPF_EINVAL, f->key,
                             _("%s: \"%s\" is not a list of the choices"), label(f), v);
        break;
    case FT_DIGITS: {
        char *d = digits_only(v);
        size_t n = d ? strlen(d) : 0;
        if (d && (f->flags & FF_EXACT) &&
            ((int)n != f->maxlen || !field_all_digits(d, n)))
            rc = dpf_err_set(err, DPF_EINVAL, f->key, _("%s: \"%s\" must be %d digits"),
                             label(f), v, f->maxlen);
        else if (d && ((int)n < field_digits_min(f) || (int)n > field_digits_max(f) ||
                       !field_all_digits(d, n)))
            rc = dpf_err_set(err, DPF_EINVAL, f->key, _("%s: \"%s\" must be 8-32 digits"),
                             label(f), v);
        release(v, heap);
        if (rc != DPF_OK || !d) {
            free(d);
            return d ? rc : dpf_err_set(err, DPF_ENOMEM, f->key, _("Out of memory"));
        }
        *out = d;
        return DPF_OK;
    }
    }
    release(v, heap);
    if (rc != DPF_OK)
        return rc;
    *out = strdup(buf);
    return *out ? DPF_OK : dpf_err_set(err, DPF_ENOMEM, f->key, _("Out of memory"));
}

/* Keeps the first and last four characters: 6217***********9063. */
static void account_mask(const char *s, char *out)
{
    size_t len = strlen(s);
    strcpy(out, s);
    if (len > 8)
        memset(out + 4, '*', len - 8);
}

/* 一级、二级; 全部 when every choice is in the set. */
static const char *codes_format(const struct field *f, const char *value, char *buf,
                                size_t bufsize)
{
    size_t len = 0;
    if ((int)strlen(value) == nchoices(f) && nchoices(f) > 1)
        return "全部";
    buf[0] = '\0';
    for (const char *c = value; *c && len < bufsize; c++) {
        int code = *c - '0';
        if (code < 1 || code > nchoices(f))
            continue;
        len += (size_t)snprintf(buf + len, bufsize - len, "%s%s", len ? "、" : "",
                                f->choices[code - 1]);
    }
    return buf;
}

const char *field_format(const struct field *f, const char *value, int mask, char *buf,
                         size_t bufsize)
{
    int code;

    if (!value)
        return "";
    switch (f->type) {
    case FT_FLAG:
        return strcmp(value, "1") == 0 ? "是" : "否";
    case FT_CHOICE:
        code = atoi(value);
        for (int i = 0; f->choices[i]; i++)
            if (i + 1 == code)
                return f->choices[i];
        return value;
    case FT_CODES:
        return codes_format(f, value, buf, bufsize);
    case FT_MONEY:
        return money_format(atoll(value), 1, buf, bufsize);
    default:
        if (mask && (f->flags & FF_SENSITIVE) && strlen(value) < bufsize) {
            if (f->type == FT_CERT || f->type == FT_IDNO)
                idcard_mask(value, buf);
            else
                account_mask(value, buf);
            return buf;
        }
        return value;
    }
}

int field_is_text(const struct field *f)
{
    switch (f->type) {
    case FT_DATE: case FT_FLAG: case FT_MONEY: case FT_INT: case FT_MONTH:
        return 0;
    default:
        return 1;
    }
}

int field_by_header(const struct field *fields, int n, const char *h)
{
    for (int i = 0; i < n; i++)
        if (strcmp(fields[i].header, h) == 0)
            return i;
    return -1;
}

int field_by_key(const struct field *fields, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (strcmp(fields[i].key, key) == 0)
            return i;
    return -1;
}
