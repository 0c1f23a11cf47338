/* SPDX-License-Identifier: MIT */
/* Tables on stdout: cells fitted to a column width (text from the database made safe
 * first), counts, amounts in yuan, masked certificate numbers. */
#include <stdio.h>
#include <stdlib.h>
#include "cli.h"
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "dpf/money.h"
#include "dpf/person.h"
#include "dpf/report.h"
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

const char *cli_pad(const char *s, int width, char *buf, size_t cap)
{
    char safe[256];
    int w;

    s = cli_safe(s, safe, sizeof safe);
    w = text_width(s);
    return text_fit(buf, cap, s, w > width ? w : width, 0);
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

int cli_table(const struct rtable *t)
{
    char **lines, safe[2048];
    int n, rc = report_table_lines(t, &lines, &n);

    for (int k = 0; k < n; k++) {
        if (rc == 0)
            printf("%s\n", cli_safe(lines[k], safe, sizeof safe));
        free(lines[k]);
    }
    free(lines);
    return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

void cli_notes(const char *const *notes)
{
    printf(_("\nDefinitions\n"));
    for (int i = 0; notes[i]; i++)
        printf("  %d. %s\n", i + 1, _(notes[i]));
}
