/* SPDX-License-Identifier: MIT */
/* The file read in this process (see recsrc.h): a workbook's sheet (book.h) when its first
 * bytes say so, else CSV, read whole and decoded. The in-process source and the parsing
 * child both read through these. */
#include <string.h>
#include "dpf/i18n.h"
#include "book.h"
#include "recsrc.h"

int recsrc_local_open(struct recsrc *s, const char *path, enum text_encoding enc,
                      const char *sheet, struct dpf_err *err)
{
    enum book_kind kind = book_kind_of(path);
    int rc;

    if (kind != BOOK_CSV) {
        s->found = TE_BOOK;             /* a workbook's text is Unicode: --encoding is moot */
        return book_open(&s->book, path, kind, sheet, err);
    }
    if (sheet)
        return dpf_err_set(err, DPF_EINVAL, NULL, _("%s is not a workbook: --sheet is for "
                                                    ".xlsx and .xls files"), path);
    if ((rc = textfile_load(path, enc, &s->tf, err)) != DPF_OK)
        return rc;
    s->found = s->tf.found;
    csv_reader_init(&s->rd, s->tf.data, s->tf.len);
    return DPF_OK;
}

int recsrc_local_next(struct recsrc *s, struct csv_record *rec, struct dpf_err *err)
{
    return s->book ? book_next(s->book, rec, err) : csv_next(&s->rd, rec, err);
}

void recsrc_local_close(struct recsrc *s)
{
    book_free(s->book);
    s->book = NULL;
    csv_reader_free(&s->rd);
    textfile_free(&s->tf);
}
