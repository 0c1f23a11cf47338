/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "idset.h"

void idset_init(struct idset *s)
{
    memset(s, 0, sizeof *s);
}

void idset_free(struct idset *s)
{
    free(s->slots);
    idset_init(s);
}

static uint64_t hash(const char id[18])
{
    uint64_t h = 1469598103934665603ULL;     /* FNV-1a */
    for (int i = 0; i < 18; i++)
        h = (h ^ (unsigned char)id[i]) * 1099511628211ULL;
    return h;
}

static struct idset_slot *find(struct idset_slot *slots, size_t cap, const char id[18])
{
    size_t i = (size_t)hash(id) & (cap - 1);
    while (slots[i].line && memcmp(slots[i].id, id, 18) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static int grow(struct idset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    struct idset_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i].line)
            *find(slots, cap, s->slots[i].id) = s->slots[i];
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return 0;
}

long idset_add(struct idset *s, const char id[18], long line)
{
    struct idset_slot *slot;
    if ((s->count + 1) * 2 > s->cap && grow(s) != 0)
        return -1;
    slot = find(s->slots, s->cap, id);
    if (slot->line)
        return slot->line;
    memcpy(slot->id, id, 18);
    slot->line = line;
    s->count++;
    return 0;
}
