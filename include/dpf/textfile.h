/* SPDX-License-Identifier: MIT */
/* Reads a text file into memory as UTF-8: strips a BOM, and converts GBK (GB 18030) with
 * iconv when asked or when the bytes are not valid UTF-8. */
#ifndef DPF_TEXTFILE_H
#define DPF_TEXTFILE_H

#include <stddef.h>
#include "dpf/err.h"

/* TE_BOOK: not a text file but a workbook (.xlsx, .xls), whose text is Unicode already. */
enum text_encoding { TE_AUTO, TE_UTF8, TE_GBK, TE_BOOK };

struct textfile {
    char *data;             /* UTF-8, NUL-terminated, BOM removed */
    size_t len;
    enum text_encoding found;
};

/* Parses "auto", "utf-8"/"utf8", "gbk"/"gb18030"; -1 if unknown. */
int text_encoding_parse(const char *name);

int textfile_load(const char *path, enum text_encoding enc, struct textfile *out,
                  struct dpf_err *err);
void textfile_free(struct textfile *t);

/* Offset of the first byte that is not valid UTF-8, or len if all is valid. */
size_t utf8_invalid_at(const char *s, size_t len);

#endif
