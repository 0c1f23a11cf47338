/* SPDX-License-Identifier: MIT */
/* The order the staff read a review in: kind, programme, township, village, name. A
 * district's review can hold a million lines, so the order is worked out on small records
 * with a numeric key and the lines are then moved into it in place. */
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "review_internal.h"

/* The reading order: kind, programme, township, village, name, person. The first four are
 * packed into a number (townships and villages by their rank among the few distinct ones),
 * so sorting a million lines compares names only within a village. */
struct order {
    uint64_t key;
    uint64_t head;              /* the name's first eight bytes, big-endian: most names
                                   differ there, so strcmp is seldom needed */
    uint32_t name;
    uint32_t line;              /* last: lines of one name keep the order they were found in */
};

static uint64_t head_of(const char *s)
{
    uint64_t h = 0;
    int i = 0;
    for (; i < 8 && s[i]; i++)
        h = h << 8 | (unsigned char)s[i];
    return h << (8 * (8 - i));
}

static int by_order(const void *a, const void *b, void *ctx)
{
    const struct review *rv = ctx;
    const struct order *x = a, *y = b;
    int c;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->head != y->head)
        return x->head < y->head ? -1 : 1;
    if ((c = review_cmp_text(rv, x->name, y->name)))
        return c;
    return (x->line > y->line) - (x->line < y->line);
}

static int by_text(const void *a, const void *b, void *ctx)
{
    return strcmp(review_text(ctx, *(const uint32_t *)a), review_text(ctx, *(const uint32_t *)b));
}

static int by_offset(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The rank of a shared text in name order (0 for none), from the table made by ranks(). */
static uint64_t rank_of(const uint32_t *pairs, size_t n, uint32_t off)
{
    size_t lo = 0, hi = n;
    while (off && lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pairs[2 * mid] < off)
            lo = mid + 1;
        else if (pairs[2 * mid] > off)
            hi = mid;
        else
            return pairs[2 * mid + 1];
    }
    return 0;
}

/* (offset, rank) of every shared text, by offset. */
static uint32_t *ranks(const struct review *rv)
{
    uint32_t *sorted = malloc((rv->nshared + 1) * sizeof *sorted);
    uint32_t *pairs = malloc((rv->nshared + 1) * 2 * sizeof *pairs);
    size_t n = 0;

    if (!sorted || !pairs) {
        free(sorted);
        free(pairs);
        return NULL;
    }
    for (size_t i = 0; i < rv->capshared; i++)
        if (rv->shared[i])
            sorted[n++] = rv->shared[i];
    qsort_r(sorted, n, sizeof *sorted, by_text, (void *)rv);
    for (size_t i = 0; i < n; i++) {
        pairs[2 * i] = sorted[i];
        pairs[2 * i + 1] = (uint32_t)i + 1;
    }
    qsort(pairs, n, 2 * sizeof *pairs, by_offset);
    free(sorted);
    return pairs;
}

int review_sort(struct review *rv, struct dpf_err *err)
{
    uint32_t *rank = ranks(rv);
    struct order *o = malloc((size_t)(rv->nlines + 1) * sizeof *o);

    if (!rank || !o) {
        free(rank);
        free(o);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    for (long i = 0; i < rv->nlines; i++) {
        const struct review_line *l = &rv->lines[i];
        o[i].key = (uint64_t)l->kind << 56 | (uint64_t)(l->prog & 0xFF) << 48 |
                   rank_of(rank, rv->nshared, l->township) << 24 |
                   rank_of(rank, rv->nshared, l->village);
        o[i].name = l->name;
        o[i].head = head_of(review_text(rv, l->name));
        o[i].line = (uint32_t)i;
    }
    qsort_r(o, (size_t)rv->nlines, sizeof *o, by_order, rv);
    /* Into that order in place, cycle by cycle: position j takes line o[j].line. */
    for (long i = 0; i < rv->nlines; i++) {
        struct review_line held;
        long j = i;
        if (o[i].line == UINT32_MAX || o[i].line == (uint32_t)i)
            continue;
        held = rv->lines[i];
        for (;;) {
            long from = o[j].line;
            o[j].line = UINT32_MAX;
            if (from == i) {
                rv->lines[j] = held;
                break;
            }
            rv->lines[j] = rv->lines[from];
            j = from;
        }
    }
    free(rank);
    free(o);
    return DPF_OK;
}
