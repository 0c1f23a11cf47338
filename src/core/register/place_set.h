/* SPDX-License-Identifier: MIT */
/* The office's places held in memory, for the register's import (place.c for the database
 * side): loaded once before the first row, then read by the row checks, which may run on
 * the bulk loader's reader thread and so never touch the database. An office without
 * places gathers instead the places the file names, for --new-places to take (or for the
 * refusal to list). The nearest names of an unknown one come from here too. */
#ifndef DPF_PLACE_SET_H
#define DPF_PLACE_SET_H

#include <stddef.h>
#include "dpf/err.h"

struct db;

struct place_entry {
    char *key;          /* "township" or "township\x1Fvillage" */
    int rank;           /* its place in code order (gathered: the order first seen) */
    int fresh;          /* not on the office's list: named by the file */
    int stored;         /* fresh, and written to the place table since */
};

struct place_set {
    struct place_entry *e;  /* sorted by key: a township's villages follow it */
    int n, cap;
    int gathering;          /* the office had no places: the set is the file's */
    int take;               /* --new-places: a place not on the list is gathered too */
    int fresh, fresh_townships;     /* how many entries (townships) are fresh */
    int stored;                     /* how many fresh ones were written */
};

/* Loads the office's places; with none, the set gathers (gathering = 1). */
int place_set_load(struct db *db, struct place_set *s, struct dpf_err *err);
void place_set_free(struct place_set *s);

/* Checks a person's township and village (NULL or "": none) against the set, or adds them
 * when gathering. DPF_EINVAL naming the field with the nearest names; DPF_ENOMEM. */
int place_set_check(struct place_set *s, const char *township, const char *village,
                    struct dpf_err *err);

/* place_near over the townships (township NULL) or the villages of township. */
void place_set_nearest(const struct place_set *s, const char *township, const char *name,
                       char *out, size_t cap);

/* The townships with fresh places, "、"-joined, each with how many fresh villages. */
void place_set_list(const struct place_set *s, char *out, size_t cap);

/* Up to 3 of the n names nearest to name by edit distance over characters (ties: the
 * earlier rank), "、"-joined into out; "" when none shares a character with it. */
void place_near(const char *name, const char *const *names, const int *ranks, int n,
                char *out, size_t cap);
/* Fills err for an unknown township (township NULL) or village of township. */
int place_refuse(struct dpf_err *err, const char *township, const char *name,
                 const char *near);

#endif
