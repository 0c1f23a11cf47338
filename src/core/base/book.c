/* SPDX-License-Identifier: MIT */
/* A workbook's rows as records (see book.h): the choice of reader by the file's first
 * bytes, and the row each reader fills made into a record as wide as the header. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dpf/i18n.h"
#include "book.h"

struct book {
    void *reader;
    const struct book_ops *ops;
    struct book_row row;
};

enum book_kind book_kind_of(const char *path)
{
    unsigned char m[4] = { 0 };
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, m, sizeof m) : -1;

    if (fd >= 0)
        close(fd);
    if (n == 4 && memcmp(m, "PK\3\4", 4) == 0)
        return BOOK_XLSX;
    if (n == 4 && memcmp(m, "\xD0\xCF\x11\xE0", 4) == 0)
        return BOOK_XLS;
    return BOOK_CSV;
}

static int book_new(struct book **out, void *reader, const struct book_ops *ops)
{
    struct book *b = calloc(1, sizeof *b);

    if (!b) {
        ops->free(reader);
        return DPF_ENOMEM;
    }
    b->reader = reader;
    b->ops = ops;
    *out = b;
    return DPF_OK;
}

int book_open(struct book **out, const char *path, enum book_kind kind, const char *sheet,
              struct dpf_err *err)
{
    const struct book_ops *ops = NULL;
    void *reader = NULL;
    int rc;

    *out = NULL;
    rc = kind == BOOK_XLSX ? xlsx_open(&reader, &ops, path, sheet, err)
                           : xls_open(&reader, &ops, path, sheet, err);
    if (rc == DPF_OK && (rc = book_new(out, reader, ops)) != DPF_OK)
        dpf_err_set(err, rc, NULL, _("Out of memory"));
    return rc;
}

int book_open_zip(struct book **out, void *zip, const char *name, const char *sheet,
                  struct dpf_err *err)
{
    const struct book_ops *ops = NULL;
    void *reader = NULL;
    int rc;

    *out = NULL;
    if ((rc = xlsx_open_zip(&reader, &ops, zip, name, sheet, err)) == DPF_OK &&
        (rc = book_new(out, reader, ops)) != DPF_OK)
        dpf_err_set(err, rc, NULL, _("Out of memory"));
    return rc;
}

/* The fields of the row just read: blank (0) when no cell has text; else as wide as the
 * header, or wider when the row has text past it (the engine rejects that row). */
static int row_fields(struct book_row *r)
{
    int n = r->ncols;

    while (n > 0 && r->text[r->at[n - 1]] == '\0')
        n--;
    if (n == 0)
        return 0;
    if (r->width == 0)
        r->width = n;
    if (n < r->width)
        n = r->width;
    if (n > r->fields_cap) {
        char **f = realloc(r->fields, (size_t)n * sizeof *f);
        if (!f)
            return -1;
        r->fields = f;
        r->fields_cap = n;
    }
    for (int c = 0; c < n; c++)
        r->fields[c] = r->text + (c < r->ncols ? r->at[c] : 0);
    return n;
}

int book_next(struct book *b, struct csv_record *rec, struct dpf_err *err)
{
    long line = 0;
    int r, n;

    rec->fields = NULL;
    rec->nfields = 0;
    rec->bad_column = 0;
    for (;;) {
        book_row_start(&b->row);
        if ((r = b->ops->next(b->reader, &b->row, &line, err)) <= 0)
            return r;
        if (b->row.oom || (n = row_fields(&b->row)) < 0)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")), -2;
        if (n == 0)
            continue;
        rec->fields = b->row.fields;
        rec->nfields = n;
        rec->line = line;
        return 1;
    }
}

void book_free(struct book *b)
{
    if (!b)
        return;
    b->ops->free(b->reader);
    free(b->row.text);
    free(b->row.at);
    free(b->row.fields);
    free(b);
}
