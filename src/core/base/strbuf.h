/* SPDX-License-Identifier: MIT */
/* A growable string for building JSON and SQL text inside the core. */
#ifndef DPF_STRBUF_H
#define DPF_STRBUF_H

#include <stddef.h>

struct strbuf {
    char *s;
    size_t len, cap;
    int oom;            /* set once an allocation failed: the text is incomplete */
};

void sb_init(struct strbuf *b);
void sb_free(struct strbuf *b);
void sb_reset(struct strbuf *b);                      /* empty, keeping the memory */
void sb_add(struct strbuf *b, const char *s);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_json_str(struct strbuf *b, const char *s);   /* a quoted, escaped JSON string */
const char *sb_str(struct strbuf *b);                 /* never NULL */

#endif
