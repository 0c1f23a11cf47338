/* SPDX-License-Identifier: MIT */
/* `dpf demo`: a realistic district of synthetic people. Every name, ID, phone and account is
 * made up; IDs are valid (check character) so they pass the same rules as real data. */
#ifndef DPF_DEMO_H
#define DPF_DEMO_H

#include <stdint.h>
#include "dpf/err.h"

struct db;

struct demo_opts {
    long persons;           /* how many certificate holders */
    uint64_t seed;          /* same seed, same district */
    void (*progress)(long done, long total, void *ctx);
    void *ctx;
};

/* Fills an empty register in one transaction: ~20 townships with their villages, the
 * category and level mix of a real district, poverty flags, some deceased, moved out and
 * cancelled, last year's yearly update, and the subsidies of the last months (enrolments,
 * approved months, and a current month with something of everything to review). Refuses a
 * register that already has persons. */
int demo_generate(struct db *db, const struct demo_opts *opts, struct dpf_err *err);

#endif
