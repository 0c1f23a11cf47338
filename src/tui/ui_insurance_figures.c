/* SPDX-License-Identifier: MIT */
/* The year's accident insurance figures by township, with their definitions: a page of
 * text opened from the policies (ui_insurance.c) and from the claims (ui_claims.c), so it
 * sits in a file of its own below both. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/insurance.h"
#include "dpf/money.h"
#include "dpf/text.h"
#include "ui.h"

static const char *yuan(int64_t fen, char *buf, size_t cap)
{
    return money_format(fen, 1, buf, cap);
}

/* The columns' widths, the heading's and every line's. */
static const int widths[] = { 10, 7, 11, 5, 5, 5, 5, 11, 11 };

static void figures_line(char *out, size_t cap, const char *name, const struct insurance_counts *k)
{
    char v[9][64], c[9][48];
    snprintf(v[0], sizeof v[0], "%s", name);
    snprintf(v[1], sizeof v[1], "%ld", k->insured);
    yuan(k->premium, v[2], sizeof v[2]);
    snprintf(v[3], sizeof v[3], "%ld", k->reported);
    snprintf(v[4], sizeof v[4], "%ld", k->paid);
    snprintf(v[5], sizeof v[5], "%ld", k->rejected);
    snprintf(v[6], sizeof v[6], "%ld", k->open);
    yuan(k->total_paid, v[7], sizeof v[7]);
    yuan(k->largest, v[8], sizeof v[8]);
    for (int i = 0; i < 9; i++)
        text_fit(c[i], sizeof c[i], v[i], widths[i], i > 0);
    snprintf(out, cap, "%s %s %s %s %s %s %s %s %s", c[0], c[1], c[2], c[3], c[4], c[5], c[6],
             c[7], c[8]);
}

void ui_insurance_figures(struct ui *ui, int year)
{
    static const char *const heads[] = { "", N_("Insured"), N_("Premium"), N_("Claims"),
                                         N_("Claims paid"), N_("Rejected"), N_("In progress"),
                                         N_("Total paid"), N_("Largest") };
    struct insurance_figures f;
    struct dpf_err err;
    char **lines, title[96], buf[64];
    int n = 0, max;

    if (insurance_figures(ui->db, year, &f, &err) != DPF_OK) {
        ui_set_message(ui, "%s", err.msg);
        return;
    }
    max = f.ntown + 16;
    if (!(lines = calloc((size_t)max, sizeof *lines))) {
        insurance_figures_free(&f);
        return;
    }
    for (int i = 0; i < max; i++)
        if (!(lines[i] = malloc(512)))
            goto out;
    lines[0][0] = '\0';
    for (int i = 0; i < 9; i++) {
        size_t len = strlen(lines[0]);
        text_fit(buf, sizeof buf, heads[i][0] ? _(heads[i]) : "", widths[i], i > 0);
        snprintf(lines[0] + len, 512 - len, "%s%s", i ? " " : "", buf);
    }
    n = 1;
    figures_line(lines[n++], 512, _("District"), &f.all);
    for (int i = 0; i < f.ntown; i++)
        figures_line(lines[n++], 512, f.town[i].name, &f.town[i].c);
    snprintf(lines[n++], 512, "%s", "");
    snprintf(lines[n++], 512, "%s", _("Definitions"));
    for (int i = 0; insurance_notes[i] && n < max; i++)
        snprintf(lines[n++], 512, "%d. %s", i + 1, _(insurance_notes[i]));
    snprintf(title, sizeof title, _("Accident insurance %d"), year);
    ui_view_run(ui, title, lines, n);
out:
    for (int i = 0; i < max; i++)
        free(lines[i]);
    free(lines);
    insurance_figures_free(&f);
}

