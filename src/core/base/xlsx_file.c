/* SPDX-License-Identifier: MIT */
/* Workbooks through outfile (see xlsx_file.h). */
#include "dpf/i18n.h"
#include "xlsx_file.h"

lxw_workbook *xlsx_file_new(const struct outfile *o, const char *path, int constant_memory,
                            struct dpf_err *err)
{
    lxw_workbook_options opt = { .constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE,
                                 .tmpdir = o->tmpdir };
    lxw_workbook *wb = workbook_new_opt(o->tmp, &opt);

    if (!wb)
        dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    return wb;
}

int xlsx_file_close(lxw_workbook *wb, const char *path, int ok, struct dpf_err *err)
{
    lxw_error le = wb ? workbook_close(wb) : LXW_NO_ERROR;

    if (le != LXW_NO_ERROR && ok) {
        dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: %s"), path, lxw_strerror(le));
        return 0;
    }
    return ok;
}
