/* SPDX-License-Identifier: MIT */
/* A value as a screen shows it: field_format's text with choice names and 是/否 in the UI
 * language (field_label.c). Only for the screen and the terminal: exports, rosters,
 * templates and the audit trail keep field_format's stored names, the file format. */
#include <stdio.h>
#include <string.h>
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "field_internal.h"

/* A set of choices: 一级、二级 in Chinese, "Level 1, Level 2" in English. */
static const char *codes_show(const struct field *f, const char *value, char *buf, size_t cap)
{
    int n = 0;
    size_t len = 0;

    while (f->choices[n])
        n++;
    if ((int)strlen(value) == n && n > 1)
        return _("All");                /* as field_format's 全部 */
    buf[0] = '\0';
    for (const char *c = value; *c && len < cap; c++) {
        int code = *c - '0';
        if (code < 1 || code > n)
            continue;
        /* TRANSLATORS: the separator of a list of choices: Chinese uses 、 */
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? _(", ") : "",
                                field_label(f->choices[code - 1]));
    }
    return buf;
}

const char *field_show(const struct field *f, const char *value, int mask, char *buf,
                       size_t cap)
{
    const char *s;

    if (value && f->type == FT_CODES)
        return codes_show(f, value, buf, cap);
    s = field_format(f, value, mask, buf, cap);
    return value && (f->type == FT_CHOICE || f->type == FT_FLAG) ? field_label(s) : s;
}

const char *field_show_choice(const struct field *f, int code, char *buf, size_t cap)
{
    char v[12];
    snprintf(v, sizeof v, "%d", code);
    return field_show(f, v, 0, buf, cap);
}
