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
