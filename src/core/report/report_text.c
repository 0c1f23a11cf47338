/* SPDX-License-Identifier: MIT */
/* A report's cells and tables as text, aligned by terminal columns (Chinese text counts two
 * a character): for the screen and `dpf report --format text`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/money.h"
#include "dpf/rate.h"
#include "dpf/report.h"
#include "dpf/text.h"

const char *report_cell_text(const struct rcell *c, char *buf, size_t cap)
{
    switch (c->kind) {
    case RC_TEXT:
        return c->text ? c->text : "";
    case RC_INT:
        snprintf(buf, cap, "%lld", (long long)c->n);
        return buf;
    case RC_MONEY:
        return money_format(c->n, 1, buf, cap);
    case RC_WAN: {
        /* 万元 with two decimals, half up, from fen: 37,852,000 fen is 37.85万 */
        long long h = (long long)((c->n + 5000) / 10000);
        snprintf(buf, cap, "%lld.%02lld", h / 100, h % 100);
        return buf;
    }
    default:
        return rate_format((long)c->n, (long)c->d, buf, cap);
    }
}

int report_table_lines(const struct rtable *t, char ***lines, int *n)
{
    char **out = calloc((size_t)t->nrows + 2, sizeof *out);
    char cell[128], fitted[256];

    *lines = out;
    *n = 0;
    if (!out)
        return -1;
    for (int r = -1; r < t->nrows; r++) {
        size_t cap = 1024, len = 0;
        char *line = malloc(cap);
        if (!line)
            return -1;
        line[0] = '\0';
        for (int c = 0; c < t->ncols; c++) {
            const struct rcell *x = r >= 0 ? &t->cells[r * t->ncols + c] : NULL;
            const char *s = x ? report_cell_text(x, cell, sizeof cell) : t->headers[c];
            int right = c > 0 && (!x || x->kind != RC_TEXT);
            text_fit(fitted, sizeof fitted, s, t->widths[c], right);
            len += (size_t)snprintf(line + len, cap - len, "%s%s", c ? " " : "", fitted);
            if (len >= cap)
                len = cap - 1;
        }
        out[(*n)++] = line;
    }
    return 0;
}
