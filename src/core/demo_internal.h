/* SPDX-License-Identifier: MIT */
/* Shared by demo.c (the register) and demo_subsidy.c (its subsidies). */
#ifndef DPF_DEMO_INTERNAL_H
#define DPF_DEMO_INTERNAL_H

#include <stdint.h>
#include "dpf/err.h"

struct db;

/* The subsidies of a freshly made register, inside the caller's transaction. */
int demo_subsidies(struct db *db, uint64_t seed, struct dpf_err *err);

#endif
