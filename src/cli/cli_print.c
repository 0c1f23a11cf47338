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

void cli_columns(struct cli_col *cols, int n)
{
    char buf[128];
    for (int i = 0; i < n; i++) {
        /* a left-aligned cell keeps a blank after its text (cli_cell sets a right-aligned
         * one off by a space before it) */
        int gap = cols[i].right ? 0 : 1, w = text_width(_(cols[i].header)) + gap;
        if (w > cols[i].width)
            cols[i].width = w;
        for (int k = 1; cols[i].f && cols[i].f->choices && cols[i].f->choices[k - 1]; k++) {
            w = text_width(field_show_choice(cols[i].f, k, buf, sizeof buf)) + gap;
            if (w > cols[i].width)
                cols[i].width = w;
        }
    }
}

void cli_heading(const struct cli_col *cols, int n)
{
    for (int i = 0; i < n; i++) {
        if (i > 0 && cols[i - 1].right && !cols[i].right)
            putchar(' ');   /* the rows set a left column off a number the same way */
        cli_cell(_(cols[i].header), cols[i].width, cols[i].right);
    }
    putchar('\n');
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
