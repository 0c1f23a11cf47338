/* SPDX-License-Identifier: MIT */
/* Lines broken by display width and the loose match of a picker (dpf/textwrap.h). Widths
 * come from text_wchar_width, the one place that counts cells. */
#include <ctype.h>
#include <string.h>
#include <wchar.h>
#include "dpf/text.h"
#include "dpf/textwrap.h"

/* Length in bytes of the character at s (1 for an invalid byte) and its cells. */
static size_t char_at(const char *s, int *cells)
{
    mbstate_t st;
    wchar_t wc;
    size_t n;

    memset(&st, 0, sizeof st);
    n = mbrtowc(&wc, s, strlen(s), &st);
    if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
        *cells = 1;
        return 1;
    }
    *cells = text_wchar_width(wc);
    return n;
}

size_t text_wrap_line(const char *s, int width)
{
    size_t at = 0, space = 0;
    int used = 0;

    while (s[at]) {
        int cells;
        size_t n = char_at(s + at, &cells);
        if (used + cells > width && at > 0)
            break;
        used += cells;
        at += n;
        if (s[at - 1] == ' ')
            space = at;
    }
    return s[at] && space ? space : at;
}

const char *text_wrap_skip(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

int text_wrap_count(const char *s, int width)
{
    int n = 0;
    for (s = text_wrap_skip(s); *s; s = text_wrap_skip(s + text_wrap_line(s, width)))
        n++;
    return n;
}

int text_has(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; n && *hay; hay++) {
        size_t i = 0;
        while (i < n && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
    }
    return n == 0;
}
