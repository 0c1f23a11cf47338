/* SPDX-License-Identifier: MIT */
/* The options of the `dpf subsidy` and `dpf rehab` commands, parsed by one table: each
 * command names the options it takes, and values are checked (months, dates, years) in one
 * place. */
#ifndef DPF_SUBSIDY_ARGS_H
#define DPF_SUBSIDY_ARGS_H

#include "cli.h"

struct subsidy_args {
    const char *key;            /* the person: certificate number or resident ID */
    const char *programme, *date, *note, *reason, *out;
    int month, from, year, needs_year;  /* -1 when not given */
    long long id;               /* a record number (--id), 0 when not given */
    int full, draft, all, confirm, force;
};

/* Parses argv for self, which takes the options whose letters are in `takes`:
 * p programme, d date, n note, r reason, o out, m month, f from, y year, F full-id,
 * D draft, A all, C confirm-stops, N needs-year, I id, R force (replace --out). `person` says whether a CERT|ID comes first. Checks
 * that the options in `needs` were given. Returns EXIT_OK or prints the usage. */
int subsidy_args(const struct cli_cmd *self, int argc, char **argv, const char *takes,
                 const char *needs, int person, struct subsidy_args *a);

#endif
