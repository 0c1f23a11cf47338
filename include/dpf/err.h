/* SPDX-License-Identifier: MIT */
/* Errors as values: core functions return a status and fill a dpf_err; the front end decides
 * whether it becomes a form message, a rejects-CSV row or a line on stderr. */
#ifndef DPF_ERR_H
#define DPF_ERR_H

enum dpf_status {
    DPF_OK = 0,
    DPF_EINVAL,     /* input failed validation */
    DPF_EDUP,       /* would duplicate an existing record */
    DPF_ENOTFOUND,
    DPF_EDB,        /* SQLite failed */
    DPF_EIO,        /* file could not be read or written */
    DPF_EVERSION,   /* database made by a newer dpf */
    DPF_EENCODING,  /* text is not in the expected encoding */
    DPF_ENOMEM,
    DPF_ECONFLICT,  /* someone else changed the record since it was read */
    DPF_EEXIST,     /* an output file exists and replacing it was not asked for */
};

struct dpf_err {
    int code;
    const char *field;  /* key of the offending field, or NULL; points into a field table */
    char msg[512];      /* complete, translated, for a person to read */
};

/* Sets err (if not NULL) and returns code, so callers can `return dpf_err_set(...)`. */
int dpf_err_set(struct dpf_err *err, int code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void dpf_err_clear(struct dpf_err *err);

#endif
