/* SPDX-License-Identifier: MIT */
/* Shared by demo.c (the register), demo_subsidy.c (its subsidies) and demo_rehab.c. */
#ifndef DPF_DEMO_INTERNAL_H
#define DPF_DEMO_INTERNAL_H

#include <stdint.h>
#include "dpf/err.h"

struct db;

/* 0..n-1 from the generator's state: xorshift64*, as the register's generator. */
static inline int demo_rnd(uint64_t *state, int n)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return n > 0 ? (int)((*state * 2685821657736338717ULL) % (uint64_t)n) : 0;
}

/* The subsidies of a freshly made register, inside the caller's transaction. */
int demo_subsidies(struct db *db, uint64_t seed, struct dpf_err *err);

/* The year's rehabilitation records and projects, inside the caller's transaction. */
int demo_rehab(struct db *db, uint64_t seed, struct dpf_err *err);

/* The year's accident insurance policy, its confirmed roster and a few claims. */
int demo_insurance(struct db *db, uint64_t seed, struct dpf_err *err);

#endif
