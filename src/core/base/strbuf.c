/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "strbuf.h"

void sb_init(struct strbuf *b)
{
    memset(b, 0, sizeof *b);
}

void sb_free(struct strbuf *b)
{
    free(b->s);
    sb_init(b);
}

void sb_reset(struct strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

static int grow(struct strbuf *b, size_t more)
{
    size_t cap = b->cap ? b->cap : 512;
    char *s;
    if (b->oom)
        return -1;
    if (b->len + more + 1 <= b->cap)
        return 0;
    while (cap < b->len + more + 1)
        cap *= 2;
    if (!(s = realloc(b->s, cap))) {
        b->oom = 1;
        return -1;
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap && grow(b, n) != 0)
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_add(struct strbuf *b, const char *s)
{
    sb_addn(b, s, strlen(s));
}

void sb_printf(struct strbuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || grow(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_json_str(struct strbuf *b, const char *s)
{
    char esc[8];
    size_t run;

    sb_addn(b, "\"", 1);
    while (*s) {
        /* Copy the longest run that needs no escaping in one go. */
        for (run = 0; (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\'; run++)
            ;
        sb_addn(b, s, run);
        s += run;
        if (!*s)
            break;
        if (*s == '"' || *s == '\\')
            snprintf(esc, sizeof esc, "\\%c", *s);
        else
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned char)*s);
        sb_add(b, esc);
        s++;
    }
    sb_addn(b, "\"", 1);
}

const char *sb_str(struct strbuf *b)
{
    return b->s ? b->s : "";
}
