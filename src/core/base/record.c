/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include "record.h"

/* Written with as few calls as possible: a bulk import makes a million of these. */
void record_json(struct strbuf *sb, const struct field *fields, int n, char *const *v)
{
    int k = 0;

    sb_addn(sb, "{", 1);
    for (int i = 0; i < n; i++) {
        if (!v[i])
            continue;
        if (k++)
            sb_addn(sb, ",", 1);
        sb_addn(sb, "\"", 1);
        sb_add(sb, fields[i].key);      /* keys need no escaping */
        sb_addn(sb, "\":", 2);
        sb_json_str(sb, v[i]);
    }
    sb_addn(sb, "}", 1);
}

void record_json_diff(struct strbuf *sb, const struct field *fields, int n, char *const *a,
                      char *const *b, int side)
{
    char *const *src = side ? b : a;
    int k = 0;

    sb_add(sb, "{");
    for (int i = 0; i < n; i++) {
        if ((!a[i] && !b[i]) || (a[i] && b[i] && strcmp(a[i], b[i]) == 0))
            continue;
        sb_add(sb, k++ ? "," : "");
        sb_json_str(sb, fields[i].key);
        sb_add(sb, ":");
        if (src[i])
            sb_json_str(sb, src[i]);
        else
            sb_add(sb, "null");
    }
    sb_add(sb, "}");
}

void record_free(char **v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i]);
        v[i] = NULL;
    }
}
