/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include "dpf/csv.h"
#include "dpf/i18n.h"

void csv_reader_init(struct csv_reader *r, const char *data, size_t len)
{
    memset(r, 0, sizeof *r);
    r->p = data;
    r->end = data + len;
    r->line = 1;
}

void csv_reader_free(struct csv_reader *r)
{
    free(r->scratch);
    free(r->fields);
    memset(r, 0, sizeof *r);
}

static int reserve(struct csv_reader *r, size_t need)
{
    char *s;
    size_t cap = r->scratch_cap ? r->scratch_cap : 1024;
    if (need <= r->scratch_cap)
        return 0;
    while (cap < need)
        cap *= 2;
    if (!(s = realloc(r->scratch, cap)))
        return -1;
    r->scratch = s;
    r->scratch_cap = cap;
    return 0;
}

/* Moves past the end of the current line, for recovery after a malformed record. */
static void skip_line(struct csv_reader *r)
{
    while (r->p < r->end && *r->p != '\n')
        r->p++;
    if (r->p < r->end) {
        r->p++;
        r->line++;
    }
}

static int fail(struct csv_reader *r, struct csv_record *rec, int col, struct dpf_err *err,
                const char *msg)
{
    rec->bad_column = col;
    dpf_err_set(err, DPF_EINVAL, NULL, "%s", msg);
    skip_line(r);
    return -1;
}

int csv_next(struct csv_reader *r, struct csv_record *rec, struct dpf_err *err)
{
    size_t out = 0;
    int n = 0, col = 1;
    int starts[4096];

    rec->fields = NULL;
    rec->nfields = 0;
    rec->bad_column = 0;
    rec->line = r->line;
    if (r->p >= r->end)
        return 0;
    for (;;) {
        if (n == (int)(sizeof starts / sizeof starts[0]))
            return fail(r, rec, col, err, _("too many columns"));
        starts[n++] = (int)out;
        if (r->p < r->end && *r->p == '"') {
            r->p++;
            for (;;) {
                if (r->p >= r->end) {
                    rec->bad_column = col;
                    dpf_err_set(err, DPF_EINVAL, NULL, "%s",
                                _("a quoted field is not closed before the end of the file"));
                    return -1;
                }
                if (*r->p == '"') {
                    if (r->p + 1 < r->end && r->p[1] == '"') {
                        r->p++;
                    } else {
                        r->p++;
                        break;
                    }
                } else if (*r->p == '\n') {
                    r->line++;
                } else if (*r->p == '\0') {
                    return fail(r, rec, col, err, _("contains a NUL byte"));
                }
                if (reserve(r, out + 2) < 0)
                    return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")), -1;
                r->scratch[out++] = *r->p++;
            }
            if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
                return fail(r, rec, col, err, _("text after the closing quote of a field"));
        } else {
            /* Unquoted: find the field's end first, then copy it in one piece. */
            const char *q = r->p;
            while (q < r->end && *q != ',' && *q != '\n' && *q != '\r' && *q != '"' && *q)
                q++;
            if (q < r->end && *q == '"')
                return fail(r, rec, col, err, _("a quote inside an unquoted field"));
            if (q < r->end && *q == '\0')
                return fail(r, rec, col, err, _("contains a NUL byte"));
            if (reserve(r, out + (size_t)(q - r->p) + 2) < 0)
                return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")), -1;
            memcpy(r->scratch + out, r->p, (size_t)(q - r->p));
            out += (size_t)(q - r->p);
            r->p = q;
        }
        if (reserve(r, out + 2) < 0)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")), -1;
        r->scratch[out++] = '\0';
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            col++;
            continue;
        }
        if (r->p < r->end && *r->p == '\r')
            r->p++;
        if (r->p < r->end && *r->p == '\n') {
            r->p++;
            r->line++;
        }
        break;
    }
    if (n > r->fields_cap) {
        char **f = realloc(r->fields, (size_t)n * 2 * sizeof *f);
        if (!f)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")), -1;
        r->fields = f;
        r->fields_cap = n * 2;
    }
    for (int i = 0; i < n; i++)
        r->fields[i] = r->scratch + starts[i];
    rec->fields = r->fields;
    rec->nfields = n;
    return 1;
}

/* Writes mark (a leading ' or nothing) and s as one field, quoted when it holds a comma,
 * quote, CR or LF, or begins with a space. */
static void write_field(FILE *f, const char *mark, const char *s)
{
    if (!s)
        s = "";
    if (!s[strcspn(s, ",\"\r\n")] && (mark[0] || s[0] != ' ')) {
        fputs(mark, f);
        fputs(s, f);
        return;
    }
    fputc('"', f);
    fputs(mark, f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void csv_write_field(FILE *f, const char *s)
{
    write_field(f, "", s);
}

/* The characters a spreadsheet takes as the start of a formula. */
static int formula_start(char c)
{
    return c && strchr("=+-@\t\r", c) != NULL;
}

/* 1 if s begins, after its leading quotes, with a formula character. */
static int needs_mark(const char *s)
{
    return formula_start(s[strspn(s, "'")]);
}

void csv_write_text(FILE *f, const char *s)
{
    write_field(f, s && needs_mark(s) ? "'" : "", s);
}

char *csv_unmark(char *s)
{
    if (s[0] == '\'' && needs_mark(s + 1))
        memmove(s, s + 1, strlen(s));
    return s;
}

void csv_write_row(FILE *f, const char *const *fields, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        csv_write_field(f, fields[i]);
    }
    fputs("\r\n", f);
}
