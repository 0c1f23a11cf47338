/* SPDX-License-Identifier: MIT */
/* Running a review: the programmes and the month's state are read, then either the passes
 * find what is due (review.c) or an approved month's stored roster is read back
 * (review_approved.c); the lines are put in reading order (review_order.c) and only then
 * summed (review_sum.c). The review is freed here too, as it is made here. */
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "review_internal.h"

/* A month not approved while later ones are can no longer be reviewed: its money was
 * settled by the months after it. */
static int reviewable(struct db *db, int month, struct dpf_err *err)
{
    char m[MONTH_TEXT], l[MONTH_TEXT];
    int last, rc = review_last_approved(db, &last, err);
    if (rc == DPF_OK && month < last)
        rc = dpf_err_set(err, DPF_EINVAL, "month",
                         _("%s was never approved and months up to %s are: it cannot be "
                           "reviewed now"), month_format(month, m), month_format(last, l));
    return rc;
}

int review_run(struct db *db, int month, const char *programme, struct review *rv,
               struct dpf_err *err)
{
    int rc, n;

    memset(rv, 0, sizeof *rv);
    rv->month = month;
    rv->only = -1;
    if ((rc = programme_load_all(db, &rv->progs, err)) != DPF_OK)
        return rc;
    n = rv->progs.n;
    if (programme) {
        const struct programme *p = programme_find(&rv->progs, programme);
        if (!p) {
            review_free(rv);
            return dpf_err_set(err, DPF_ENOTFOUND, "programme", _("No programme \"%s\""),
                               programme);
        }
        rv->only = (int)(p - rv->progs.p);
    }
    rv->pays = calloc((size_t)n + 1, sizeof *rv->pays);
    rv->compared = calloc((size_t)n + 1, sizeof *rv->compared);
    rv->by_prog = calloc((size_t)n + 1, sizeof *rv->by_prog);
    if (!rv->pays || !rv->compared || !rv->by_prog) {
        review_free(rv);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    for (int i = 0; i < n; i++) {
        rv->pays[i] = month_number(month) % rv->progs.p[i].pay_every == 0;
        rv->compared[i] = -1;
    }
    rv->textlen = 1;            /* offset 0 is the empty text */
    if ((rc = review_approval_of(db, rv, err)) != DPF_OK ||
        (!rv->approved && (rc = reviewable(db, month, err)) != DPF_OK)) {
        review_free(rv);
        return rc;
    }
    rc = rv->approved ? review_load_approved(db, rv, err) : review_compute(db, rv, err);
    if (rc == DPF_OK)
        rc = review_sort(rv, err);
    if (rc == DPF_OK)
        rc = review_sum_up(db, rv, err);
    if (rc != DPF_OK)
        review_free(rv);
    return rc;
}

void review_free(struct review *rv)
{
    programme_set_free(&rv->progs);
    free(rv->pays);
    free(rv->compared);
    free(rv->lines);
    free(rv->items);
    free(rv->by_prog);
    free(rv->towns);
    free(rv->changes);
    free(rv->text);
    free(rv->shared);
    memset(rv, 0, sizeof *rv);
}
