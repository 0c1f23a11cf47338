/* SPDX-License-Identifier: MIT */
/* Shared by the files of the review, lowest first (each calls only those above it in this
 * list): review_lines.c (the review's storage), review_approved.c (what approval stored,
 * read back), review_order.c (reading order), review.c (the passes that find what is due),
 * review_sum.c (counts, totals, the change from the last roster), review_run.c (a review
 * from start to end) and review_approve.c (approval). */
#ifndef DPF_REVIEW_INTERNAL_H
#define DPF_REVIEW_INTERNAL_H

#include "dpf/db.h"
#include "dpf/review.h"
#include "base/db_struct.h"

/* review_lines.c. */
/* Grows the array *v of *cap elements of size to hold need; -1 when out of memory. */
int review_grow(void **v, long *cap, long need, size_t size);
/* A new zeroed line of kind for programme prog; NULL (and rv->oom) when out of memory.
 * The pointer is valid until the next call. */
struct review_line *review_add(struct review *rv, int kind, int prog);
/* Keeps a copy of s in the review's text; returns its offset (0 for NULL or ""). */
uint32_t review_keep(struct review *rv, const char *s);
/* The same for text many lines share (townships, villages): kept once, so equal texts
 * have equal offsets. */
uint32_t review_keep_shared(struct review *rv, const char *s);
/* FNV-1a of a text, for the review's hash tables. */
size_t review_hash(const char *s);
/* Appends one month's amount to the items of line l (the last line added). */
void review_add_item(struct review *rv, struct review_line *l, int month, int64_t amount);
/* Compares two texts of the review (equal offsets are equal text). */
int review_cmp_text(const struct review *rv, uint32_t a, uint32_t b);

/* review_approved.c. */
/* Whether rv->month is approved, and when and by whom (rv->approved, approved_at, _by). */
int review_approval_of(struct db *db, struct review *rv, struct dpf_err *err);
/* The stored roster of an approved month. */
int review_load_approved(struct db *db, struct review *rv, struct dpf_err *err);
/* Puts the lines in reading order (review_order.c). */
int review_sort(struct review *rv, struct dpf_err *err);
/* The passes over enrolments, applications and the register (review.c). */
int review_compute(struct db *db, struct review *rv, struct dpf_err *err);
/* Counts the lines of each kind, works out the totals and the change from the last
 * rosters; the lines must be in reading order (review_sum.c). */
int review_sum_up(struct db *db, struct review *rv, struct dpf_err *err);

#endif
