/* SPDX-License-Identifier: MIT */
/* A set of 18-character resident IDs, each with the line it was first seen on: finds the
 * same person twice in one import file without a query per row. */
#ifndef DPF_IDSET_H
#define DPF_IDSET_H

#include <stddef.h>

struct idset_slot {
    char id[18];
    long line;              /* 0 = empty slot */
};

struct idset {
    struct idset_slot *slots;
    size_t cap, count;
};

void idset_init(struct idset *s);
void idset_free(struct idset *s);
/* Adds id seen on line. Returns 0 if new, the earlier line if already present, -1 on
 * memory failure. */
long idset_add(struct idset *s, const char id[18], long line);

#endif
