/* SPDX-License-Identifier: MIT */
#include <string.h>
#include <wchar.h>
#include "dpf/text.h"

int text_wchar_width(wchar_t wc)
{
    int w = wcwidth(wc);
    return w < 0 ? 1 : w;
}

/* Decodes one character at s; returns its length in bytes (1 for an invalid byte) and
 * sets *cells to its width. */
static size_t one_char(const char *s, size_t left, int *cells)
{
    mbstate_t st;
    wchar_t wc;
    size_t n;

    memset(&st, 0, sizeof st);
    n = mbrtowc(&wc, s, left, &st);
    if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
        *cells = 1;
        return 1;
    }
    *cells = text_wchar_width(wc);
    return n;
}

int text_width(const char *s)
{
    size_t left = strlen(s), n;
    int w = 0, c;
    while (left) {
        n = one_char(s, left, &c);
        w += c;
        s += n;
        left -= n;
    }
    return w;
}

char *text_fit(char *out, size_t cap, const char *s, int width, int right)
{
    size_t left = strlen(s), n, used = 0;
    int w = 0, c, pad;
    const char *start = s;

    if (cap == 0)
        return out;
    while (left) {
        n = one_char(s, left, &c);
        if (w + c > width || used + n >= cap)
            break;
        w += c;
        s += n;
        used += n;
        left -= n;
    }
    pad = width - w;
    if ((size_t)pad + used >= cap)
        pad = (int)(cap - used - 1);
    if (right) {
        memset(out, ' ', (size_t)pad);
        memcpy(out + pad, start, used);
    } else {
        memcpy(out, start, used);
        memset(out + used, ' ', (size_t)pad);
    }
    out[used + (size_t)pad] = '\0';
    return out;
}

/* One UTF-8 character at s (left bytes): its length and code point, or 0 when the bytes are
 * not a well-formed character (a stray continuation byte, a truncated or overlong sequence,
 * a surrogate). Decoded by hand, so the answer does not depend on the locale. */
static size_t utf8_one(const unsigned char *s, size_t left, unsigned long *cp)
{
    static const unsigned long min[] = { 0, 0, 0x80, 0x800, 0x10000 };
    size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
             : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    unsigned long c;

    if (n == 0 || n > left)
        return 0;
    c = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

/* C0 (newline and tab too: a value is shown on one line), DEL and C1: the characters a
 * terminal acts on instead of showing. */
static int is_control(unsigned long c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

const char *text_safe(const char *s, char *out, size_t cap)
{
    static const char sub[] = "\xEF\xBF\xBD";  /* U+FFFD REPLACEMENT CHARACTER */
    const unsigned char *p = (const unsigned char *)s;
    size_t left = strlen(s), used = 0, n;
    unsigned long c;
    int clean = 1;

    for (size_t i = 0; i < left; i += n)
        if ((n = utf8_one(p + i, left - i, &c)) == 0 || is_control(c)) {
            clean = 0;
            break;
        }
    if (clean || cap == 0)
        return clean ? s : "";
    while (left) {
        int bad = (n = utf8_one(p, left, &c)) == 0 || is_control(c);
        const char *piece = bad ? sub : (const char *)p;
        size_t len = bad ? sizeof sub - 1 : n;
        if (used + len >= cap)
            break;          /* clipped at a character boundary */
        memcpy(out + used, piece, len);
        used += len;
        p += bad ? (n ? n : 1) : n;
        left -= bad ? (n ? n : 1) : n;
    }
    out[used] = '\0';
    return out;
}
