/* SPDX-License-Identifier: MIT */
/* Names by sound (pinyin.h): table lookups, about a microsecond a name. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "pinyin.h"
#include "pinyin_table.h"

/* Appends to a fixed buffer; text that does not fit is dropped whole, never cut. */
struct out {
    char *s;
    size_t n, cap;
};

static void put(struct out *o, const char *s, size_t len)
{
    if (o->n + len >= o->cap)
        return;
    memcpy(o->s + o->n, s, len);
    o->n += len;
    o->s[o->n] = '\0';
}

/* The next character of s at *i: its code point (or the byte, for a malformed sequence)
 * and its length. */
static uint32_t next_char(const unsigned char *s, size_t *len)
{
    int extra = s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : s[0] >= 0xC0 ? 1 : 0;
    uint32_t cp = extra ? s[0] & (0x3F >> extra) : s[0];

    for (int k = 1; k <= extra; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            *len = 1;
            return s[0];
        }
        cp = cp << 6 | (s[k] & 0x3F);
    }
    *len = (size_t)extra + 1;
    return cp;
}

static unsigned common_reading(uint32_t cp)
{
    return cp >= PINYIN_FIRST && cp < PINYIN_FIRST + PINYIN_NCHARS ? pinyin_common[cp - PINYIN_FIRST]
                                                                   : 0;
}

static unsigned surname_reading(uint32_t cp)
{
    int lo = 0, hi = pinyin_nsurnames - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (pinyin_surnames[mid].cp == cp)
            return pinyin_surnames[mid].reading;
        if (pinyin_surnames[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(unsigned char c)
{
    return (char)(c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c);
}

/* Spell and initials of name, its first character read as first (0: its common reading);
 * the sort key too when key is not NULL. */
static void readings(const char *name, unsigned first, struct out *key, struct out *spell,
                     struct out *initials)
{
    const unsigned char *s = (const unsigned char *)name;
    int units = 0, in_run = 0;

    for (size_t i = 0, len; s[i]; i += len) {
        uint32_t cp = next_char(s + i, &len);
        unsigned r = i == 0 && first ? first : common_reading(cp);

        if (cp < 0x80 && is_alnum((unsigned char)cp)) {
            char c = lower((unsigned char)cp);
            if (!in_run && key && units++)
                put(key, " ", 1);
            if (!in_run)
                put(initials, &c, 1);
            if (key)
                put(key, &c, 1);
            put(spell, &c, 1);
            in_run = 1;
            continue;
        }
        in_run = 0;
        if (cp < 0x80)
            continue;
        if (key && units++)
            put(key, " ", 1);
        if (r) {
            const char *syl = pinyin_syllables[r / 8];
            char tone = (char)('0' + r % 8);
            if (key) {
                put(key, syl, strlen(syl));
                put(key, &tone, 1);
            }
            put(spell, syl, strlen(syl));
            put(initials, syl, 1);
        }
        if (key)
            put(key, (const char *)s + i, len);
    }
}

void pinyin_name(const char *name, struct pinyin_name *out)
{
    struct out key = { out->key, 0, sizeof out->key }, spell = { out->spell, 0, sizeof out->spell },
               ini = { out->initials, 0, sizeof out->initials },
               spell2 = { out->spell_alt, 0, sizeof out->spell_alt },
               ini2 = { out->initials_alt, 0, sizeof out->initials_alt };
    size_t len = 0;
    unsigned sur = *name ? surname_reading(next_char((const unsigned char *)name, &len)) : 0;

    out->key[0] = out->spell[0] = out->initials[0] = '\0';
    out->spell_alt[0] = out->initials_alt[0] = '\0';
    readings(name, sur, &key, &spell, &ini);
    if (!sur)
        return;
    readings(name, 0, NULL, &spell2, &ini2);
    if (!strcmp(out->spell_alt, out->spell))
        out->spell_alt[0] = '\0';
    if (!strcmp(out->initials_alt, out->initials))
        out->initials_alt[0] = '\0';
}

int pinyin_query(const char *q, char *out, size_t cap)
{
    size_t n = 0;
    int letters = 0;

    for (const unsigned char *c = (const unsigned char *)q; *c; c++) {
        if (*c == ' ')
            continue;
        if (!is_alnum(*c))
            return 0;
        letters |= !(*c >= '0' && *c <= '9');
        if (n + 1 < cap)
            out[n++] = lower(*c);
    }
    if (cap)
        out[n] = '\0';
    return letters;
}

/* The last name asked for and its keys: the migration asks for five parts of each name in
 * turn. Per thread: a connection may be used from any one thread. */
static _Thread_local struct {
    char name[256];
    struct pinyin_name keys;
} last;

static void sql_pinyin(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *name = (const char *)sqlite3_value_text(argv[0]);
    int part = sqlite3_value_int(argv[1]);
    const char *v;

    (void)argc;
    if (!name || part < 0 || part > 4) {
        sqlite3_result_null(ctx);
        return;
    }
    if (strcmp(last.name, name) != 0 || !last.name[0]) {
        snprintf(last.name, sizeof last.name, "%s", name);
        pinyin_name(name, &last.keys);
    }
    v = part == 0 ? last.keys.key : part == 1 ? last.keys.spell : part == 2 ? last.keys.initials
      : part == 3 ? last.keys.spell_alt : last.keys.initials_alt;
    if (*v || part < 3)
        sqlite3_result_text(ctx, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_result_null(ctx);
}

int pinyin_sql_register(sqlite3 *h)
{
    return sqlite3_create_function(h, "dpf_pinyin", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   sql_pinyin, NULL, NULL);
}
