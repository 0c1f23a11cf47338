/* SPDX-License-Identifier: MIT */
/* Tables on stdout: cells fitted to a column width (text from the database made safe
 * first), counts, amounts in yuan, masked certificate numbers. */
#include <stdio.h>
#include "cli.h"
#include "dpf/field.h"
#include "dpf/money.h"
#include "dpf/person.h"
#include "dpf/text.h"

const char *cli_cert(const struct person *p, char *buf, size_t cap)
{
    return field_format(&person_fields[PF_CERT_NO], p->v[PF_CERT_NO], 1, buf, cap);
}

void cli_cell(const char *s, int width, int right)
{
    char buf[256], safe[256];
    if (right)
        putchar(' ');
    fputs(text_fit(buf, sizeof buf, cli_safe(s, safe, sizeof safe), width, right), stdout);
}

void cli_money(int64_t fen, int width)
{
    char buf[40];
    cli_cell(money_format(fen, 1, buf, sizeof buf), width, 1);
}

void cli_num(long n, int width)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", n);
    cli_cell(buf, width, 1);
}
