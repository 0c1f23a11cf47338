/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dpf/i18n.h"
#include "dpf/priv.h"
#include "dpf/textfile.h"

int text_encoding_parse(const char *name)
{
    if (!name || strcasecmp(name, "auto") == 0)
        return TE_AUTO;
    if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0)
        return TE_UTF8;
    if (strcasecmp(name, "gbk") == 0 || strcasecmp(name, "gb18030") == 0 ||
        strcasecmp(name, "gb2312") == 0)
        return TE_GBK;
    return -1;
}

static int ascii8(const unsigned char *p)
{
    uint64_t word;
    memcpy(&word, p, sizeof word);
    return (word & 0x8080808080808080ULL) == 0;
}

size_t utf8_invalid_at(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned cp;
        if (c < 0x80) {
            /* A register CSV is mostly digits: skip ASCII eight bytes at a time. */
            for (i++; i + 8 <= len && ascii8(s + i); i += 8)
                ;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + n >= len)
            return i;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        /* Overlong forms, surrogates and values past U+10FFFF. */
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

static long line_of(const char *s, size_t at)
{
    long line = 1;
    for (size_t i = 0; i < at; i++)
        line += s[i] == '\n';
    return line;
}

static int from_gbk(struct textfile *t, const char *path, struct dpf_err *err)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    size_t inleft = t->len, cap = t->len * 2 + 16, outleft = cap - 1;
    char *out = malloc(cap), *in = t->data, *o = out;

    if (cd == (iconv_t)-1 || !out) {
        free(out);
        if (cd != (iconv_t)-1)
            iconv_close(cd);
        return dpf_err_set(err, DPF_EENCODING, NULL, _("Cannot convert from GBK here"));
    }
    if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
        long line = line_of(t->data, (size_t)(in - t->data));
        iconv_close(cd);
        free(out);
        return dpf_err_set(err, DPF_EENCODING, NULL,
                           _("%s: line %ld is neither UTF-8 nor GBK text"), path, line);
    }
    iconv_close(cd);
    *o = '\0';
    free(t->data);
    t->data = out;
    t->len = (size_t)(o - out);
    t->found = TE_GBK;
    return DPF_OK;
}

/* The file is opened with the user's own group (priv.h): installed setgid, a file only the
 * data's group may read (the database itself) is refused as it would be to the user. */
static FILE *open_as_user(const char *path)
{
    int fd = priv_user_open(path, O_RDONLY | O_CLOEXEC, 0);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;

    if (fd >= 0 && !f) {
        int e = errno;
        close(fd);
        errno = e;
    }
    return f;
}

static int read_all(const char *path, struct textfile *t, struct dpf_err *err)
{
    FILE *f = open_as_user(path);
    struct stat sb;

    if (!f && errno == ENOENT)
        return dpf_err_set(err, DPF_EIO, NULL, _("%s does not exist"), path);
    if (!f && errno == EACCES)
        return dpf_err_set(err, DPF_EIO, NULL, _("%s may not be read (permission denied)"), path);
    if (!f)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot open %s: %s"), path, strerror(errno));
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return dpf_err_set(err, DPF_EIO, NULL, _("%s is not a regular file"), path);
    }
    t->data = malloc((size_t)sb.st_size + 1);
    if (!t->data) {
        fclose(f);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("%s is too large to read"), path);
    }
    t->len = fread(t->data, 1, (size_t)sb.st_size, f);
    if (ferror(f)) {
        fclose(f);
        textfile_free(t);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot read %s"), path);
    }
    fclose(f);
    t->data[t->len] = '\0';
    return DPF_OK;
}

int textfile_load(const char *path, enum text_encoding enc, struct textfile *out,
                  struct dpf_err *err)
{
    const char *nul;
    size_t bad;
    int rc;

    memset(out, 0, sizeof *out);
    if ((rc = read_all(path, out, err)) != DPF_OK)
        return rc;
    if ((nul = memchr(out->data, '\0', out->len)) != NULL) {
        rc = dpf_err_set(err, DPF_EENCODING, NULL,
                         _("%s is not a text file (line %ld holds a NUL byte)"), path,
                         line_of(out->data, (size_t)(nul - out->data)));
        textfile_free(out);
        return rc;
    }
    if (out->len >= 3 && memcmp(out->data, "\xEF\xBB\xBF", 3) == 0) {
        memmove(out->data, out->data + 3, out->len - 2);
        out->len -= 3;
        enc = TE_UTF8;      /* a BOM settles it */
    }
    if (enc == TE_GBK)
        rc = from_gbk(out, path, err);
    else if ((bad = utf8_invalid_at(out->data, out->len)) == out->len)
        out->found = TE_UTF8;
    else if (enc == TE_AUTO)
        rc = from_gbk(out, path, err);
    else
        rc = dpf_err_set(err, DPF_EENCODING, NULL,
                         _("%s: line %ld is not valid UTF-8 (try --encoding gbk)"), path,
                         line_of(out->data, bad));
    if (rc != DPF_OK)
        textfile_free(out);
    return rc;
}

void textfile_free(struct textfile *t)
{
    free(t->data);
    t->data = NULL;
    t->len = 0;
}
