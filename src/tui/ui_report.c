/* SPDX-License-Identifier: MIT */
/* The report screen: the year's (or a period's) tables, aligned and scrollable, exported to
 * a print-ready .xlsx with its progress on the status line; F8 opens the year's projects to
 * set their targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/report.h"
#include "ui.h"

struct page {
    char **lines;
    int n, cap;
};

static void page_free(struct page *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->lines[i]);
    free(p->lines);
    memset(p, 0, sizeof *p);
}

static int add(struct page *p, const char *s)
{
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 64;
        char **l = realloc(p->lines, (size_t)cap * sizeof *l);
        if (!l)
            return -1;
        p->lines = l;
        p->cap = cap;
    }
    return (p->lines[p->n] = strdup(s)) ? (p->n++, 0) : -1;
}

/* The report as lines: each table under its title, then the definitions. */
static void lay_out(const struct report *r, struct page *p)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s — %s", r->from, r->to);
    add(p, buf);
    for (int i = 0; i < r->ntables; i++) {
        char **lines;
        int n;
        add(p, "");
        snprintf(buf, sizeof buf, "%s（%s）", r->tables[i].title, r->tables[i].sheet);
        add(p, buf);
        if (report_table_lines(&r->tables[i], &lines, &n) == 0)
            for (int k = 0; k < n; k++)
                add(p, lines[k]);
        for (int k = 0; lines && k < n; k++)
            free(lines[k]);
        free(lines);
    }
    add(p, "");
    add(p, _("Definitions"));
    for (int i = 0; i < r->nnotes; i++) {
        snprintf(buf, sizeof buf, "%d. %s", i + 1, r->notes[i]);
        add(p, buf);
    }
}

static int build(struct ui *ui, const char *from, const char *to, struct report *r,
                 struct page *p)
{
    struct dpf_err err;
    ui_set_message(ui, "%s", _("Counting..."));
    if (report_build(ui->db, from, to, r, &err) != DPF_OK) {
        ui_set_message(ui, "%s", err.msg);
        return 0;
    }
    page_free(p);
    lay_out(r, p);
    ui->message[0] = '\0';
    return 1;
}

static void progress(void *ctx, int done, int total)
{
    struct ui *ui = ctx;
    ui_set_message(ui, _("Writing the workbook: sheet %d of %d"), done, total);
    ui_frame(ui, _("Reports"), UC_REPORT);
    refresh();
}

static void export(struct ui *ui, const struct report *r)
{
    struct dpf_err err;
    char name[64], *path = NULL;
    unsigned oflags;

    if (r->annual)
        snprintf(name, sizeof name, "report-%d.xlsx", r->year);
    else
        snprintf(name, sizeof name, "report-%s-%s.xlsx", r->from, r->to);
    if (!ui_ask_file(ui, _("Export the report (.xlsx)"), name, &path, &oflags))
        return;
    if (report_xlsx(r, path, oflags, progress, ui, &err) != DPF_OK)
        ui_set_message(ui, "%s", err.msg);
    else
        ui_set_message(ui, _("Wrote the report to %s"), path);
    free(path);
}

static int ask_date(struct ui *ui, const char *title, const char *initial, char out[11])
{
    static const struct field f = { "date", "日期", N_("Date"), FT_DATE, NULL, 10, 10,
                                    FF_REQUIRED | FF_FUTURE };
    char *v = NULL;
    if (!ui_ask(ui, title, &f, initial, &v) || !v)
        return 0;
    snprintf(out, 11, "%s", v);
    free(v);
    return 1;
}

int ui_report(struct ui *ui)
{
    static const char *const intro[] = {
        N_("The tables behind the year-end and half-year work summaries, counted from the "
           "records each time: targets and completion, the register, subsidies, "
           "rehabilitation, accident insurance, and how each figure is counted."),
        N_("F5 picks a year, F6 any period within a year (targets are the year's; completion "
           "counts records dated up to its end). F3 writes the print-ready .xlsx. F8 opens "
           "the year's projects to set their targets."),
        NULL,
    };
    struct report r = { 0 };
    struct page p = { 0 };
    char from[11], to[11];
    int year = atoi(db_today(ui->db)), top = 0;

    snprintf(from, sizeof from, "%04d-01-01", year);
    snprintf(to, sizeof to, "%04d-12-31", year);
    build(ui, from, to, &r, &p);
    for (;;) {
        int height = LINES - 3, changed = 0;
        char title[200];
        struct ui_key k;
        if (!ui_too_small()) {
            snprintf(title, sizeof title, "%s", r.title[0] ? r.title : _("Reports"));
            ui_frame(ui, title, UC_REPORT);
            for (int i = 0; i < height && top + i < p.n; i++)
                ui_put(1 + i, 0, p.lines[top + i], COLS, 0);
            refresh();
        }
        k = ui_read_key(ui);
        switch (ui_action(ui, UC_REPORT, k)) {
        case UA_BACK:
            report_free(&r);
            page_free(&p);
            return 0;
        case UA_HELP:
            ui_help_run(ui, UC_REPORT, intro);
            break;
        case UA_EXPORT:
            if (r.ntables)
                export(ui, &r);
            break;
        case UA_YEAR:
            if ((changed = ui_ask_year(ui, &year))) {
                snprintf(from, sizeof from, "%04d-01-01", year);
                snprintf(to, sizeof to, "%04d-12-31", year);
            }
            break;
        case UA_PERIOD:
            changed = ask_date(ui, _("The period starts on"), from, from) &&
                      ask_date(ui, _("The period ends on"), to, to);
            break;
        case UA_PROJECTS:
            ui_rehab_projects(ui, &year);
            changed = 1;
            break;
        default:
            if (k.is_code && k.ch == KEY_DOWN && top + height < p.n)
                top++;
            else if (k.is_code && k.ch == KEY_UP && top > 0)
                top--;
            else if (k.is_code && k.ch == KEY_NPAGE && top + height < p.n)
                top += height;
            else if (k.is_code && k.ch == KEY_PPAGE)
                top = top > height ? top - height : 0;
            break;
        }
        if (changed) {
            report_free(&r);
            build(ui, from, to, &r, &p);
            top = 0;
        }
    }
}
