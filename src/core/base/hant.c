/* SPDX-License-Identifier: MIT */
/* OpenCC behind two converters, each opened once on first need and kept for the run (the
 * dictionaries take milliseconds to load): t2s for what comes in, the UI's s2twp or s2hk
 * for what goes out. A mutex guards them: the bulk import parses on two threads, and
 * OpenCC does not promise that one handle converts on two at once. */
#include <opencc/opencc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/hant.h"
#include "dpf/textfile.h"
#include "dpf/i18n.h"

extern const unsigned char hant_bits[8192];   /* hant_gen.c, scripts/hant_table.py */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* hant_static's conversions, kept until the program ends: a few dozen headings at most. */
static struct kept {
    const char *from;
    char *to;
    struct kept *next;
} *kept;
static opencc_t to_simplified, to_display;
static int simplified_tried, display_tried;

static int changes(uint32_t c)
{
    return c < 0x10000 ? hant_bits[c >> 3] >> (c & 7) & 1 : 1;
}

/* The bytes are walked, not validated: a character outside the BMP (4-byte UTF-8) counts
 * as one t2s may change, and invalid bytes never match a set bit wrongly (a continuation
 * byte on its own is skipped). */
int hant_has_traditional(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        if (*p < 0x80) {
            p++;
        } else if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
            if (changes((uint32_t)(*p & 0x1F) << 6 | (p[1] & 0x3F)))
                return 1;
            p += 2;
        } else if ((*p & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            if (changes((uint32_t)(*p & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
                        (p[2] & 0x3F)))
                return 1;
            p += 3;
        } else if ((*p & 0xF8) == 0xF0) {
            return 1;
        } else {
            p++;
        }
    }
    return 0;
}

/* Opens a converter once (under lock); NULL when OpenCC or its dictionaries are missing. */
static opencc_t converter(opencc_t *h, int *tried, const char *config)
{
    if (!*tried) {
        *tried = 1;
        *h = opencc_open(config);
        if (*h == (opencc_t)-1)
            *h = NULL;
    }
    return *h;
}

/* s through a converter, malloc'd; NULL when the converter cannot be had. */
static char *convert(opencc_t *h, int *tried, const char *config, const char *s)
{
    char *got, *out = NULL;
    size_t len = strlen(s);

    /* OpenCC reads past the end of a character cut short (a lead byte at the end): only
     * whole UTF-8 goes in; anything else is left as typed and refused by its own check. */
    if (utf8_invalid_at(s, len) != len)
        return NULL;
    pthread_mutex_lock(&lock);
    if (converter(h, tried, config) && (got = opencc_convert_utf8(*h, s, len))) {
        out = strdup(got);
        opencc_convert_utf8_free(got);
    }
    pthread_mutex_unlock(&lock);
    return out;
}

char *hant_simplify(const char *s)
{
    char *out;

    if (!hant_has_traditional(s) || !(out = convert(&to_simplified, &simplified_tried,
                                                    "t2s.json", s)))
        return NULL;
    if (strcmp(out, s) == 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Copies s into buf, cut at a character boundary if it does not fit. */
static const char *copy(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);

    if (size == 0)
        return "";
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

const char *hant_display(const char *s, char *buf, size_t size)
{
    const char *config = i18n_opencc();
    const unsigned char *p = (const unsigned char *)s;
    char *out;

    while (*p && *p < 0x80)
        p++;
    if (!config || !*p || !(out = convert(&to_display, &display_tried, config, s)))
        return s;
    s = copy(out, buf, size);
    free(out);
    return s;
}

const char *hant_static(const char *s)
{
    char buf[256];
    const char *shown = hant_display(s, buf, sizeof buf);
    struct kept *k;

    if (shown == s)
        return s;
    pthread_mutex_lock(&lock);
    for (k = kept; k && strcmp(k->from, s) != 0; k = k->next)
        ;
    if (!k && (k = malloc(sizeof *k))) {
        k->from = s;
        k->next = kept;
        if ((k->to = strdup(shown))) {
            kept = k;
        } else {
            free(k);
            k = NULL;
        }
    }
    pthread_mutex_unlock(&lock);
    return k ? k->to : s;
}
