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

/* The screen's state: the period and the report built for it (kept for the export). */
struct rscreen {
    char from[11], to[11];
    int year;
    struct report r;
};

static void add(struct ui_run *run, const char *s)
{
    const char *cells[] = { s };
    ui_rows_add(&run->rows, 0, 0, cells);
}

/* The report as lines: each table under its title (report_table_lines, as the text output
 * prints it), then the definitions. */
static void lay_out(struct ui_run *run, const struct report *r)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s — %s", r->from, r->to);
    add(run, buf);
    for (int i = 0; i < r->ntables; i++) {
        char **lines;
        int n;
        add(run, "");
        snprintf(buf, sizeof buf, "%s（%s）", r->tables[i].title, r->tables[i].sheet);
        add(run, buf);
        if (report_table_lines(&r->tables[i], &lines, &n) != 0)
            run->rows.failed = 1;
        for (int k = 0; k < n; k++)
            add(run, lines[k]);
        for (int k = 0; lines && k < n; k++)
            free(lines[k]);
        free(lines);
    }
    add(run, "");
    add(run, _("Definitions"));
    for (int i = 0; i < r->nnotes; i++) {
        snprintf(buf, sizeof buf, "%d. %s", i + 1, r->notes[i]);
        add(run, buf);
    }
}

static void load(struct ui_run *run)
{
    struct rscreen *s = run->ctx;
    struct dpf_err err;

    report_free(&s->r);
    ui_notice(run->ui, "%s", _("Counting..."));     /* seconds at a province's scale */
    if (report_build(run->ui->db, s->from, s->to, &s->r, &err) != DPF_OK) {
        ui_set_error(run->ui, err.msg);
        return;
    }
    lay_out(run, &s->r);
}

static void progress(void *ctx, int done, int total)
{
    struct ui *ui = ctx;
    ui_notice(ui, _("Writing the workbook: sheet %d of %d"), done, total);
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
        ui_set_error(ui, err.msg);
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

static void title(struct ui_run *run, char *buf, size_t cap)
{
    const struct rscreen *s = run->ctx;
    snprintf(buf, cap, "%s", s->r.title[0] ? s->r.title : _("Reports"));
}

static void whole_year(struct rscreen *s)
{
    snprintf(s->from, sizeof s->from, "%04d-01-01", s->year);
    snprintf(s->to, sizeof s->to, "%04d-12-31", s->year);
}

static enum ui_result act(struct ui_run *run, enum ui_action a, struct ui_key k)
{
    struct rscreen *s = run->ctx;
    struct ui *ui = run->ui;

    (void)k;
    switch (a) {
    case UA_EXPORT:
        if (s->r.ntables)
            export(ui, &s->r);
        return UR_STAY;
    case UA_YEAR:
        if (!ui_ask_year(ui, &s->year))
            return UR_STAY;
        whole_year(s);
        return UR_TOP;
    case UA_PERIOD:
        return ask_date(ui, _("The period starts on"), s->from, s->from) &&
                       ask_date(ui, _("The period ends on"), s->to, s->to)
                   ? UR_TOP : UR_STAY;
    case UA_PROJECTS:
        ui_rehab_projects(ui, &s->year);
        return UR_TOP;
    default:
        return UR_PASS;
    }
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
    static const struct ui_screen screen = {
        .context = UC_REPORT, .flags = UI_TEXT, .intro = intro, .title = title, .load = load,
        .act = act,
    };
    struct rscreen s = { .year = atoi(db_today(ui->db)) };

    whole_year(&s);
    ui_run(ui, &screen, &s);
    report_free(&s.r);
    return 0;
}
