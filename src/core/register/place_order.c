/* SPDX-License-Identifier: MIT */
/* Tables by township in the place list's code order: the report's register table seeds its
 * rows from the list (summary.c); the tables that gather their townships from the records
 * (rehabilitation rates, insurance figures) are put in the same order here. */
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/place.h"

struct ranks {
    char **name;
    int n, cap, failed;
};

static int keep(const char *name, const char *code, void *ctx)
{
    struct ranks *r = ctx;
    (void)code;
    if (r->n == r->cap) {
        int cap = r->cap ? 2 * r->cap : 64;
        char **grown = realloc(r->name, (size_t)cap * sizeof *grown);
        if (!grown)
            return r->failed = 1;
        r->name = grown;
        r->cap = cap;
    }
    if (!(r->name[r->n] = strdup(name)))
        return r->failed = 1;
    r->n++;
    return 0;
}

/* An item's rank: its township's place in the list, or after the list (by name) if absent. */
struct ranked {
    int rank;
    const char *name;
    size_t at;
};

static int by_rank(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return strcmp(x->name, y->name);
}

int place_sort_townships(struct db *db, void *base, size_t n, size_t size, size_t name_off,
                         struct dpf_err *err)
{
    struct ranks r = { 0 };
    struct ranked *k = NULL;
    char *copy = NULL;
    int rc;

    if (n < 2)
        return DPF_OK;
    rc = place_names(db, NULL, keep, &r, err);
    if (rc == DPF_OK && (r.failed || !(k = calloc(n, sizeof *k)) || !(copy = malloc(n * size))))
        rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    for (size_t i = 0; rc == DPF_OK && i < n; i++) {
        k[i].name = (const char *)base + i * size + name_off;
        k[i].rank = r.n;
        k[i].at = i;
        for (int j = 0; j < r.n; j++)
            if (strcmp(r.name[j], k[i].name) == 0) {
                k[i].rank = j;
                break;
            }
    }
    if (rc == DPF_OK) {
        qsort(k, n, sizeof *k, by_rank);
        memcpy(copy, base, n * size);
        for (size_t i = 0; i < n; i++)
            memcpy((char *)base + i * size, copy + k[i].at * size, size);
    }
    for (int j = 0; j < r.n; j++)
        free(r.name[j]);
    free(r.name);
    free(k);
    free(copy);
    return rc;
}
