/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include "dpf/err.h"

int dpf_err_set(struct dpf_err *err, int code, const char *field, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        err->field = field;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void dpf_err_clear(struct dpf_err *err)
{
    if (err) {
        err->code = DPF_OK;
        err->field = NULL;
        err->msg[0] = '\0';
    }
}
