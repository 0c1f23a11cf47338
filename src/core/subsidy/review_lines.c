/* SPDX-License-Identifier: MIT */
/* A review's storage: its lines, their month-by-month items and the text they point into
 * (names, numbers, townships kept once). The bottom of the review: it calls nothing else
 * of it, so the passes (review.c), a stored roster (review_approved.c), the order
 * (review_order.c) and the sums (review_sum.c) all build on it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/month.h"
#include "review_internal.h"

int review_grow(void **v, long *cap, long need, size_t size)
{
    long c = *cap ? *cap : 256;
    void *p;
    if (need <= *cap)
        return 0;
    while (c < need)
        c *= 2;
    if (!(p = realloc(*v, (size_t)c * size)))
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

struct review_line *review_add(struct review *rv, int kind, int prog)
{
    struct review_line *l;
    if (rv->oom || review_grow((void **)&rv->lines, &rv->caps[0], rv->nlines + 1, sizeof *l)) {
        rv->oom = 1;
        return NULL;
    }
    l = memset(&rv->lines[rv->nlines++], 0, sizeof *l);
    l->kind = kind;
    l->prog = prog;
    return l;
}

void review_add_item(struct review *rv, struct review_line *l, int month, int64_t amount)
{
    if (rv->oom || review_grow((void **)&rv->items, &rv->caps[1], rv->nitems + 1, sizeof *rv->items)) {
        rv->oom = 1;
        return;
    }
    if (l->nitems == 0)
        l->item = (uint32_t)rv->nitems;
    rv->items[rv->nitems].month = month;
    rv->items[rv->nitems++].amount = amount;
    l->nitems++;
}

uint32_t review_keep(struct review *rv, const char *s)
{
    size_t n = s ? strlen(s) + 1 : 0;
    uint32_t off;
    if (n <= 1 || rv->oom)
        return 0;
    if (rv->textlen + n > rv->textcap) {
        size_t cap = rv->textcap ? rv->textcap : 1 << 16;
        char *t;
        while (cap < rv->textlen + n)
            cap *= 2;
        if (cap > UINT32_MAX || !(t = realloc(rv->text, cap))) {
            rv->oom = 1;
            return 0;
        }
        if (!rv->textcap)
            t[0] = '\0';
        rv->text = t;
        rv->textcap = cap;
    }
    off = (uint32_t)rv->textlen;
    memcpy(rv->text + off, s, n);
    rv->textlen += n;
    return off;
}

size_t review_hash(const char *s)
{
    size_t h = 2166136261u;             /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int grow_shared(struct review *rv)
{
    size_t cap = rv->capshared ? 2 * rv->capshared : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < rv->capshared; i++) {
        uint32_t off = rv->shared[i];
        size_t k;
        if (!off)
            continue;
        for (k = review_hash(rv->text + off) & (cap - 1); slots[k]; k = (k + 1) & (cap - 1))
            ;
        slots[k] = off;
    }
    free(rv->shared);
    rv->shared = slots;
    rv->capshared = cap;
    return 0;
}

uint32_t review_keep_shared(struct review *rv, const char *s)
{
    size_t k;
    if (!s || !*s || rv->oom)
        return 0;
    if (2 * (rv->nshared + 1) > rv->capshared && grow_shared(rv) != 0) {
        rv->oom = 1;
        return 0;
    }
    for (k = review_hash(s) & (rv->capshared - 1); rv->shared[k]; k = (k + 1) & (rv->capshared - 1))
        if (strcmp(rv->text + rv->shared[k], s) == 0)
            return rv->shared[k];
    rv->shared[k] = review_keep(rv, s);
    rv->nshared += rv->shared[k] != 0;
    return rv->shared[k];
}

const char *review_text(const struct review *rv, uint32_t off)
{
    return off && rv->text ? rv->text + off : "";
}

int review_prog_index(const struct review *rv, int64_t id)
{
    for (int i = 0; i < rv->progs.n; i++)
        if (rv->progs.p[i].id == id)
            return i;
    return -1;
}

const struct review_line *review_lines(const struct review *rv, int kind, long *n)
{
    long first = 0;
    for (int k = 1; k < kind && k < RK_NKINDS; k++)
        first += rv->count[k];
    *n = kind > 0 && kind < RK_NKINDS ? rv->count[kind] : 0;
    return rv->lines + first;
}

const char *review_months(const struct review_line *l, char out[24])
{
    char from[MONTH_TEXT], to[MONTH_TEXT];
    month_format(l->from, from);
    if (l->to == l->from)
        snprintf(out, 24, "%s", from);
    else
        snprintf(out, 24, "%s—%s", from, month_format(l->to, to));
    return out;
}

int review_cmp_text(const struct review *rv, uint32_t a, uint32_t b)
{
    return a == b ? 0 : strcmp(review_text(rv, a), review_text(rv, b));
}
