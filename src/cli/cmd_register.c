/* SPDX-License-Identifier: MIT */
/* Files in and out: template, import and export of any kind of record the registry holds
 * (dpf/entity.h); the handlers know no kind by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/entity.h"
#include "dpf/export.h"
#include "dpf/i18n.h"
#include "dpf/import.h"
#include "dpf/outfile.h"
#include "dpf/person.h"

#define IMPORT_HELP                                                                          \
    N_("The file is a CSV file or an Excel workbook (.xlsx or .xls, told by its content):\n" \
       "its first sheet, or the one --sheet names; a line of a workbook is its row number.\n" \
       "Without --partial, a file with any bad row writes nothing. Bad rows are written to\n" \
       "the rejects file (default: beside the input, NAME.rejects.csv, or NAME.rejects-2.csv\n" \
       "and so on rather than replacing an earlier one) with line, column and reason. A\n"     \
       "named --rejects file that exists is kept unless --force. Exit status: 0 written,\n"   \
       "1 rejected or failed, 2 usage.")

/* The commands, the kinds' rows still to be made (cli_kinds_table). */


/* The entity named kind: a module's, or one the database defines (opened for it). NULL
 * with the error printed if the database cannot be opened or has no such kind. */
static const struct entity *kind_of(struct cli *c, const char *kind)
{
    const struct entity *e = entity_find(c->db, kind);

    if (e)
        return e;
    if (cli_open(c, 0) != EXIT_OK)
        return NULL;
    if (!(e = entity_find(c->db, kind)))
        fprintf(stderr, _("dpf: no kind of record is called \"%s\"\n"), kind);
    return e;
}

/* self->name is the kind. */
static int cmd_template(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const struct entity *e;
    char out_default[64];
    const char *out = cli_str(a, "out");
    struct dpf_err err;

    snprintf(out_default, sizeof out_default, "%s_template.csv", self->name);
    if (!out)
        out = out_default;
    if (!(e = kind_of(c, self->name)))
        return EXIT_FAIL;
    if (import_template(c->db, self->name, out, cli_has(a, "force") ? OUT_FORCE : 0, &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("Wrote the %s import template to %s\n"), _(e->label), out);
    return EXIT_OK;
}

static const char *encoding_name(enum text_encoding e)
{
    return e == TE_GBK ? "GBK" : e == TE_BOOK ? _("workbook") : "UTF-8";
}

/* "line 3, 日期: ..."; most reasons begin with their column already ("日期：…"), and then
 * it is not said twice. */
static void print_shown(const struct import_shown *s)
{
    size_t n = strlen(s->column);
    int named = n && strncmp(s->reason, s->column, n) == 0 &&
                (strncmp(s->reason + n, "：", strlen("：")) == 0 || s->reason[n] == ':');

    if (!n || named)
        printf(_("  line %ld: %s\n"), s->line, s->reason);
    else
        printf(_("  line %ld, %s: %s\n"), s->line, s->column, s->reason);
}

/* Persons are counted as persons; other kinds as records. */
static void print_result(const struct entity *e, const struct import_opts *o,
                         const struct import_result *r)
{
    const char *enc = encoding_name(r->encoding);
    int persons = (e->flags & EF_PERSONS) != 0;

    if (persons && r->committed)
        printf(_("Read %ld rows (%s): %ld added, %ld updated, %ld unchanged, %ld rejected\n"),
               r->rows, enc, r->added, r->updated, r->unchanged, r->rejected);
    else if (persons)
        printf(_("Read %ld rows (%s): %ld to add, %ld to update, %ld unchanged, %ld rejected\n"),
               r->rows, enc, r->added, r->updated, r->unchanged, r->rejected);
    else if (r->committed)
        printf(_("Read %ld rows (%s): %ld records added, %ld updated, %ld unchanged, %ld "
                 "rejected\n"), r->rows, enc, r->added, r->updated, r->unchanged, r->rejected);
    else
        printf(_("Read %ld rows (%s): %ld records to add, %ld to update, %ld unchanged, %ld "
                 "rejected\n"), r->rows, enc, r->added, r->updated, r->unchanged, r->rejected);
    /* The first few here, so a clerk sees why without opening the file. */
    for (int i = 0; i < r->nshown; i++)
        print_shown(&r->shown[i]);
    if (r->rejected > r->nshown)
        printf(_("  ... and %ld more\n"), r->rejected - r->nshown);
    if (r->rejects[0])
        printf(_("Rejected rows, with line, column and reason: %s\n"), r->rejects);
    if (o->dry_run)
        printf(_("Dry run: nothing was written\n"));
    else if (!r->committed)
        printf(_("Nothing was written: fix the rejected rows and import again, or use "
                 "--partial to keep the good rows\n"));
    else if (r->rejected)
        printf(_("The good rows were written (--partial)\n"));
}

static int cmd_import(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const struct entity *e;
    struct import_opts o = { .encoding = TE_AUTO, .rejects = cli_str(a, "rejects"),
                             .dry_run = cli_has(a, "dry-run"), .partial = cli_has(a, "partial"),
                             .rejects_flags = cli_has(a, "force") ? OUT_FORCE : 0,
                             .sheet = cli_str(a, "sheet") };
    const struct cli_opt *opt = self->opts;
    struct import_result res;
    struct dpf_err err;
    int enc;

    /* Only the persons' row has --new-places (cli_kinds.c). */
    for (; opt->name; opt++)
        if (strcmp(opt->name, "new-places") == 0)
            o.new_places = cli_has(a, "new-places");
    if (o.new_places)
        cli_option(c, "new-places");    /* the manager's: checked when the database opens */
    if (cli_has(a, "encoding")) {
        if ((enc = text_encoding_parse(cli_str(a, "encoding"))) < 0)
            return cli_usage(self, _("--encoding is auto, utf-8 or gbk"));
        o.encoding = (enum text_encoding)enc;
    }
    /* Its own message rather than the parser's "missing FILE.csv" (kept as it was). */
    if (a->noperands != 1)
        return cli_usage(self, _("name one file (.csv, .xlsx or .xls)"));
    if (cli_open(c, 0) != EXIT_OK || !(e = kind_of(c, self->name)))
        return EXIT_FAIL;
    if (import_file(c->db, self->name, a->operands[0], &o, &res, &err) != DPF_OK)
        return cli_fail(&err);
    print_result(e, &o, &res);
    return res.rejected && !o.partial ? EXIT_FAIL : EXIT_OK;
}

/* The register's filters of `dpf export persons` (CLI_KIND_PERSONS rows), as the list's. */
static void person_filter_of(const struct cli_args *a, struct person_filter *f)
{
    *f = (struct person_filter){ .query = cli_str(a, "find"), .township = cli_str(a, "township"),
                                 .village = cli_str(a, "village"), .poor_reg = cli_has(a, "poor"),
                                 .dibao = cli_has(a, "dibao"), .tekun = cli_has(a, "tekun"),
                                 .illness_poor = cli_has(a, "illness-poor") };
    f->category = cli_has(a, "category") ? (int)cli_int(a, "category") + 1 : 0;
    f->level = cli_has(a, "level") ? (int)cli_int(a, "level") + 1 : 0;
    f->status = cli_has(a, "status") ? (int)cli_int(a, "status") + 1 : 0;
}

/* The option is in this kind's row (cli_kinds.c leaves out those of other kinds). */
static int row_has(const struct cli_cmd *self, const char *name)
{
    for (const struct cli_opt *o = self->opts; o->name; o++)
        if (strcmp(o->name, name) == 0)
            return 1;
    return 0;
}

static int cmd_export(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct person_filter flt;
    const struct entity *e;
    struct entity_export x = { .path = cli_str(a, "out"),
                               .oflags = cli_has(a, "force") ? OUT_FORCE : 0 };
    struct dpf_err err;
    long rows;

    /* A module's kind not exported by year has no --year in its row, nor one without
     * personal data --full-id (cli_kinds.c); a kind the database defines is checked once it
     * is open, below. */
    if (row_has(self, "year") && cli_has(a, "year"))
        x.year = (int)cli_int(a, "year");
    x.full = row_has(self, "full-id") && cli_has(a, "full-id");
    /* Its own message rather than the parser's (kept as it was). */
    if (!x.path)
        return cli_usage(self, _("--out FILE is required"));
    if (cli_open(c, 0) != EXIT_OK || !(e = kind_of(c, self->name)))
        return EXIT_FAIL;
    if (x.year && !(e->flags & EF_EXPORT_YEAR)) {
        char problem[160];
        snprintf(problem, sizeof problem, _("--year: %s are not exported by year"), _(e->label));
        return cli_usage(self, problem);
    }
    if (e->flags & EF_PERSONS)      /* its row has the filters (CLI_KIND_PERSONS) */
        person_filter_of(a, &flt);
    if ((e->flags & EF_PERSONS ? export_persons_filtered(c->db, &flt, x.path, x.oflags, x.full,
                                                         &rows, &err)
                               : entity_export(c->db, e, &x, &rows, &err)) != DPF_OK)
        return cli_fail(&err);
    if (e->flags & EF_PERSONS)
        printf(x.full ? _("Exported %ld persons to %s (full resident IDs and bank accounts)\n")
                      : _("Exported %ld persons to %s (resident IDs and bank accounts masked)\n"),
               rows, x.path);
    else
        printf(_("Exported %ld %s to %s\n"), rows, _(e->export_noun ? e->export_noun : e->label),
               x.path);
    return EXIT_OK;
}

static const struct cli_opt template_opts[] = {
    { "out", CK_FILE, 0, NULL, N_("the file to write (default: KIND_template.csv)"), NULL, 0 },
    { "force", CK_FLAG, 0, NULL, N_("replace the file if it exists"), NULL, 0 },
    { 0 },
};

static const struct cli_opt import_opts[] = {
    { "encoding", CK_TEXT, 0, "auto|utf-8|gbk", N_("the file's encoding (default: auto)"), NULL, 0 },
    { "sheet", CK_TEXT, 0, "NAME", N_("a workbook's sheet (default: the first)"), NULL, 0 },
    { "dry-run", CK_FLAG, 0, NULL, N_("check every row, write nothing"), NULL, 0 },
    { "partial", CK_FLAG, 0, NULL, N_("write the good rows even if some are bad"), NULL, 0 },
    { "rejects", CK_FILE, 0, NULL, N_("where the bad rows go"), NULL, 0 },
    { "force", CK_FLAG, 0, NULL, N_("replace the rejects file if it exists"), NULL, 0 },
    { "new-places", CK_FLAG, CLI_KIND_PERSONS, NULL,
      N_("take the places the file names that are not on the list (no codes yet)"), NULL,
      NEED_MANAGE },
    { 0 },
};

/* Whole lists leave the office in files: full IDs need the reviewer. */
static const struct cli_opt export_opts[] = {
    { "out", CK_FILE, CLI_SHOWN_REQUIRED, "FILE.csv|FILE.xlsx", N_("the file to write"), NULL, 0 },
    { "year", CK_YEAR, CLI_KIND_YEAR, NULL, N_("only the records of a year"), NULL, 0 },
    { "full-id", CK_FLAG, CLI_KIND_PERSONAL, NULL,
      N_("full resident IDs and bank accounts (audited)"), NULL, NEED_REVIEW },
    { "force", CK_FLAG, 0, NULL, N_("replace the file if it exists"), NULL, 0 },
    /* The register list's search and filters (F5), so that a list on screen is one command. */
    { "find", CK_TEXT, CLI_KIND_PERSONS, "TEXT",
      N_("a name prefix, or the first digits of an ID, certificate or phone"), NULL, 0 },
    { "township", CK_TEXT, CLI_KIND_PERSONS, NULL, N_("only this township"), NULL, 0 },
    { "village", CK_TEXT, CLI_KIND_PERSONS, NULL, N_("only this village"), NULL, 0 },
    { "category", CK_CHOICE, CLI_KIND_PERSONS, NULL, N_("only this category"),
      person_categories, 0 },
    { "level", CK_CHOICE, CLI_KIND_PERSONS, NULL, N_("only this level"), person_levels, 0 },
    { "status", CK_CHOICE, CLI_KIND_PERSONS, NULL, N_("only this status"), person_statuses, 0 },
    { "poor", CK_FLAG, CLI_KIND_PERSONS, NULL, N_("only the registered poor"), NULL, 0 },
    { "dibao", CK_FLAG, CLI_KIND_PERSONS, NULL, N_("only those on dibao (minimum living allowance)"), NULL, 0 },
    { "tekun", CK_FLAG, CLI_KIND_PERSONS, NULL, N_("only those on tekun (extreme hardship support)"), NULL, 0 },
    { "illness-poor", CK_FLAG, CLI_KIND_PERSONS, NULL, N_("only those poor through illness"),
      NULL, 0 },
    { 0 },
};

/* The register commands (cli.h: how to add a command): a row for every kind of record,
 * made by cli_kinds.c from these. */
const struct cli_cmd cli_register_rows[] = {
    { .group = "template", .name = CLI_KINDS, .need = NEED_READ, .opts = template_opts,
      .run = cmd_template },
    { .group = "import", .name = CLI_KINDS, .need = NEED_READ, .opts = import_opts,
      .operands = "FILE.csv|FILE.xlsx|FILE.xls", .max_operands = -1, .help = IMPORT_HELP, .run = cmd_import },
    { .group = "export", .name = CLI_KINDS, .need = NEED_READ, .opts = export_opts,
      .run = cmd_export },
    { 0 },
};
