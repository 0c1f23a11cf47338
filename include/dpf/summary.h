/* SPDX-License-Identifier: MIT */
/* Counts over the register: by status, category and level, poverty flags, township. */
#ifndef DPF_SUMMARY_H
#define DPF_SUMMARY_H

#include "dpf/err.h"

struct db;

struct township_count {
    char *name;
    long active, severe, poor_reg;  /* severe: levels 1-2 */
};

struct register_summary {
    long total;
    long by_status[5];              /* index by enum person_status */
    long active_by[8][5];           /* active persons by [category][level] */
    long poor_reg, dibao, tekun, illness_poor;  /* active persons with the flag */
    struct township_count *townships;   /* the place list's in code order (every one, and
                                         * one row for persons at a place not on it), or
                                         * without a list the register's, by name */
    int ntownships;
};

/* One scan of the register (no index walk: a plain scan is faster for a full count). */
int summary_register(struct db *db, struct register_summary *out, struct dpf_err *err);
void summary_free(struct register_summary *s);

#endif
