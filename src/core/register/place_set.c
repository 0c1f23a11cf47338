/* SPDX-License-Identifier: MIT */
/* The places in memory (place_set.h): a sorted array of keys, looked up by binary search,
 * so that a million-row import checks each row in a few comparisons; and the nearest names
 * of an unknown place, by edit distance over Unicode characters (a clerk's typo in a Chinese
 * name is a wrong or missing character, not a wrong byte). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/place.h"
#include "place_set.h"
#include "base/db_struct.h"

enum { NEAR_MAX = 3, CHARS_MAX = 64 };
#define SEP "\x1F"

/* Decodes UTF-8 into code points (at most CHARS_MAX); an invalid byte is one character. */
static int chars(const char *s, uint32_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    int n = 0;

    while (*p && n < CHARS_MAX) {
        int len = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
        uint32_t c = len == 1 ? *p : *p & (0x7F >> len);
        for (int i = 1; i < len; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                len = 1;
                c = *p;
                break;
            }
            c = c << 6 | (p[i] & 0x3F);
        }
        out[n++] = c;
        p += len;
    }
    return n;
}

/* Levenshtein distance between code point strings. */
static int distance(const uint32_t *a, int na, const uint32_t *b, int nb)
{
    int row[CHARS_MAX + 1];

    for (int j = 0; j <= nb; j++)
        row[j] = j;
    for (int i = 1; i <= na; i++) {
        int diag = row[0], up;
        row[0] = i;
        for (int j = 1; j <= nb; j++) {
            int best = diag + (a[i - 1] != b[j - 1]);
            up = row[j];
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[nb];
}

void place_near(const char *name, const char *const *names, const int *ranks, int n,
                char *out, size_t cap)
{
    uint32_t a[CHARS_MAX], b[CHARS_MAX];
    int best[NEAR_MAX], dist[NEAR_MAX], nb = 0, na = chars(name, a);
    size_t len = 0;

    for (int i = 0; i < n; i++) {
        int m = chars(names[i], b), d = distance(a, na, b, m), k;
        if (d >= (na > m ? na : m))
            continue;               /* nothing in common */
        /* Insert i among the best, by distance and then rank. */
        for (k = nb; k > 0 && (dist[k - 1] > d ||
                               (dist[k - 1] == d && ranks[best[k - 1]] > ranks[i])); k--)
            if (k < NEAR_MAX) {
                best[k] = best[k - 1];
                dist[k] = dist[k - 1];
            }
        if (k < NEAR_MAX) {
            best[k] = i;
            dist[k] = d;
            nb += nb < NEAR_MAX;
        }
    }
    out[0] = '\0';
    for (int k = 0; k < nb && len < cap; k++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", k ? "、" : "", names[best[k]]);
}

int place_refuse(struct dpf_err *err, const char *township, const char *name,
                 const char *near)
{
    char what[160];

    if (township)
        snprintf(what, sizeof what, _("%s is not a village of %s in the place list"), name,
                 township);
    else
        snprintf(what, sizeof what, _("%s is not in the place list"), name);
    if (*near)
        return dpf_err_set(err, DPF_EINVAL, township ? "village" : "township",
                           _("%s; nearest: %s"), what, near);
    return dpf_err_set(err, DPF_EINVAL, township ? "village" : "township", "%s", what);
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const struct place_entry *)a)->key, ((const struct place_entry *)b)->key);
}

static int find(const struct place_set *s, const char *key)
{
    int lo = 0, hi = s->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(s->e[mid].key, key);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -(lo + 1);
}

/* Puts key at position at (from find: -(at + 1)), keeping the order. */
static int insert(struct place_set *s, int at, char *key, int rank)
{
    if (!key)
        return DPF_ENOMEM;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        struct place_entry *e = realloc(s->e, (size_t)cap * sizeof *e);
        if (!e) {
            free(key);
            return DPF_ENOMEM;
        }
        s->e = e;
        s->cap = cap;
    }
    memmove(&s->e[at + 1], &s->e[at], (size_t)(s->n - at) * sizeof *s->e);
    s->e[at] = (struct place_entry){ key, rank, 1, 0 };
    s->n++;
    s->fresh++;
    s->fresh_townships += strstr(key, SEP) == NULL;
    return DPF_OK;
}

static char *join(const char *township, const char *village)
{
    size_t a = strlen(township), b = village ? strlen(village) : 0;
    char *k = malloc(a + b + 2);
    if (k)
        snprintf(k, a + b + 2, village ? "%s" SEP "%s" : "%s", township, village);
    return k;
}

static int add_row(sqlite3_stmt *st, void *ctx)
{
    struct place_set *s = ctx;
    const char *t = (const char *)sqlite3_column_text(st, 0),
               *v = (const char *)sqlite3_column_text(st, 1);
    char *key = join(t, v);

    if (!key || !(s->e = realloc(s->e, (size_t)(s->n + 1) * sizeof *s->e))) {
        free(key);
        return DPF_ENOMEM;
    }
    s->e[s->n] = (struct place_entry){ key, s->n, 0, 0 };
    s->n++;
    s->cap = s->n;
    return DPF_OK;
}

int place_set_load(struct db *db, struct place_set *s, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(t.name, p.name), "
                                   "CASE WHEN p.parent IS NOT NULL THEN p.name END "
                                   "FROM place p LEFT JOIN place t ON t.id = p.parent "
                                   "ORDER BY p.code IS NULL, p.code, p.name", err);
    int rc;

    memset(s, 0, sizeof *s);
    if (!st)
        return DPF_EDB;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (add_row(st, s) != DPF_OK) {
            sqlite3_reset(st);
            place_set_free(s);
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        place_set_free(s);
        return db_fail(db, err);
    }
    if (s->n > 1)
        qsort(s->e, (size_t)s->n, sizeof *s->e, by_key);
    s->gathering = s->n == 0;
    return DPF_OK;
}

void place_set_free(struct place_set *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->e[i].key);
    free(s->e);
    memset(s, 0, sizeof *s);
}

/* The nearest names among the townships (township NULL) or the villages of township. */
void place_set_nearest(const struct place_set *s, const char *township, const char *name,
                       char *out, size_t cap)
{
    const char **names = malloc((size_t)(s->n + 1) * sizeof *names);
    int *ranks = malloc((size_t)(s->n + 1) * sizeof *ranks), n = 0;
    size_t tl = township ? strlen(township) : 0;

    out[0] = '\0';
    if (!names || !ranks)
        goto out;
    for (int i = 0; i < s->n; i++) {
        const char *k = s->e[i].key, *sep = strstr(k, SEP);
        if (township ? (sep && (size_t)(sep - k) == tl && strncmp(k, township, tl) == 0) : !sep) {
            names[n] = township ? sep + 1 : k;
            ranks[n++] = s->e[i].rank;
        }
    }
    place_near(name, names, ranks, n, out, cap);
out:
    free(names);
    free(ranks);
}

static int gather(struct place_set *s, const char *township, const char *village,
                  struct dpf_err *err)
{
    char *key;
    int at = find(s, township);

    if (at < 0 && insert(s, -(at + 1), join(township, NULL), s->n) != DPF_OK)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    if (!village || !*village)
        return DPF_OK;
    if (!(key = join(township, village)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    at = find(s, key);
    if (at >= 0)
        free(key);
    else if (insert(s, -(at + 1), key, s->n) != DPF_OK)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return DPF_OK;
}

int place_set_check(struct place_set *s, const char *township, const char *village,
                    struct dpf_err *err)
{
    char near[400], *key;
    int found;

    if (!township || !*township)
        return DPF_OK;          /* required: the record's own check says so */
    if (s->gathering || s->take)
        return gather(s, township, village, err);
    if (find(s, township) < 0) {
        place_set_nearest(s, NULL, township, near, sizeof near);
        return place_refuse(err, NULL, township, near);
    }
    if (!village || !*village)
        return DPF_OK;
    if (!(key = join(township, village)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    found = find(s, key) >= 0;
    free(key);
    if (found)
        return DPF_OK;
    place_set_nearest(s, township, village, near, sizeof near);
    return place_refuse(err, township, village, near);
}

void place_set_list(const struct place_set *s, char *out, size_t cap)
{
    char piece[160];
    size_t len = 0;
    int first = 1;

    out[0] = '\0';
    for (int i = 0; i < s->n; i++) {
        const char *k = s->e[i].key;
        int villages = 0;
        if (strstr(k, SEP))
            continue;
        for (int j = i + 1; j < s->n && strstr(s->e[j].key, SEP) &&
                            strncmp(s->e[j].key, k, strlen(k)) == 0 &&
                            s->e[j].key[strlen(k)] == SEP[0]; j++)
            villages += s->e[j].fresh;
        if (!s->e[i].fresh && !villages)
            continue;
        snprintf(piece, sizeof piece, _("%s (%d villages)"), k, villages);
        if (len + strlen(piece) + 8 >= cap) {
            snprintf(out + len, cap - len, "%s", "……");
            break;
        }
        len += (size_t)snprintf(out + len, cap - len, "%s%s", first ? "" : "、", piece);
        first = 0;
    }
}
