/* SPDX-License-Identifier: MIT */
/* Files in and out: template, import and export of any kind of record the registry holds
 * (dpf/entity.h); the handlers know no kind by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "dpf/import.h"
#include "dpf/outfile.h"

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
    return e == TE_GBK ? "GBK" : "UTF-8";
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
    struct import_result res;
    struct dpf_err err;
    int enc;

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

static int cmd_export(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const struct entity *e;
    struct entity_export x = { .path = cli_str(a, "out"), .full = cli_has(a, "full-id"),
                               .oflags = cli_has(a, "force") ? OUT_FORCE : 0 };
    struct dpf_err err;
    long rows;

    /* A module's kind not exported by year has no --year in its row (cli_kinds.c); a kind
     * the database defines is checked once it is open, below. */
    for (const struct cli_opt *o = self->opts; o->name; o++)
        if (strcmp(o->name, "year") == 0 && cli_has(a, "year"))
            x.year = (int)cli_int(a, "year");
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
    if (entity_export(c->db, e, &x, &rows, &err) != DPF_OK)
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
    { 0 },
};

/* Whole lists leave the office in files: full IDs need the reviewer. */
static const struct cli_opt export_opts[] = {
    { "out", CK_FILE, CLI_SHOWN_REQUIRED, "FILE.csv|FILE.xlsx", N_("the file to write"), NULL, 0 },
    { "year", CK_YEAR, CLI_KIND_YEAR, NULL, N_("only the records of a year"), NULL, 0 },
    { "full-id", CK_FLAG, 0, NULL, N_("full resident IDs and bank accounts (audited)"), NULL,
      NEED_REVIEW },
    { "force", CK_FLAG, 0, NULL, N_("replace the file if it exists"), NULL, 0 },
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
