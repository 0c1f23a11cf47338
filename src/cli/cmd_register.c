/* SPDX-License-Identifier: MIT */
/* Files in and out: template, import and export of any kind of record the registry holds
 * (dpf/entity.h); the handlers know no kind by name. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "dpf/import.h"
#include "dpf/outfile.h"

#define IMPORT_ARGS "FILE.csv [--encoding auto|utf-8|gbk] [--dry-run] [--partial] [--rejects FILE] [--force]"
#define IMPORT_HELP                                                                          \
    N_("Without --partial, a file with any bad row writes nothing. Bad rows are written to\n" \
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

/* argv[0] is the kind. */
static int cmd_template(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = { { "out", required_argument, NULL, 'o' },
                                           { "force", no_argument, NULL, 'F' },
                                           { NULL, 0, NULL, 0 } };
    const struct cli_cmd *self = cli_self(cmd_template, argv[0]);
    const struct entity *e;
    char out_default[64];
    const char *out = out_default;
    struct dpf_err err;
    unsigned oflags = 0;
    int ch;

    snprintf(out_default, sizeof out_default, "%s_template.csv", argv[0]);
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 'o')
            out = optarg;
        else if (ch == 'F')
            oflags |= OUT_FORCE;
        else
            return cli_usage(self, NULL);
    }
    if (optind < argc)
        return cli_usage(self, NULL);
    if (!(e = kind_of(c, argv[0])))
        return EXIT_FAIL;
    if (import_template(c->db, argv[0], out, oflags, &err) != DPF_OK)
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

static int cmd_import(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        { "encoding", required_argument, NULL, 'e' },
        { "dry-run", no_argument, NULL, 'd' },
        { "partial", no_argument, NULL, 'p' },
        { "rejects", required_argument, NULL, 'r' },
        { "force", no_argument, NULL, 'F' },
        { NULL, 0, NULL, 0 },
    };
    const struct cli_cmd *self = cli_self(cmd_import, argv[0]);
    const struct entity *e;
    struct import_opts o = { .encoding = TE_AUTO };
    struct import_result res;
    struct dpf_err err;
    int ch, enc;

    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case 'e':
            if ((enc = text_encoding_parse(optarg)) < 0)
                return cli_usage(self, _("--encoding is auto, utf-8 or gbk"));
            o.encoding = (enum text_encoding)enc;
            break;
        case 'd':
            o.dry_run = 1;
            break;
        case 'p':
            o.partial = 1;
            break;
        case 'r':
            o.rejects = optarg;
            break;
        case 'F':
            o.rejects_flags |= OUT_FORCE;
            break;
        default:
            return cli_usage(self, NULL);
        }
    }
    if (optind != argc - 1)
        return cli_usage(self, _("name one CSV file"));
    if (cli_open(c, 0) != EXIT_OK || !(e = kind_of(c, argv[0])))
        return EXIT_FAIL;
    if (import_file(c->db, argv[0], argv[optind], &o, &res, &err) != DPF_OK)
        return cli_fail(&err);
    print_result(e, &o, &res);
    return res.rejected && !o.partial ? EXIT_FAIL : EXIT_OK;
}

static int cmd_export(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        { "out", required_argument, NULL, 'o' },
        { "full-id", no_argument, NULL, 'f' },
        { "year", required_argument, NULL, 'y' },
        { "force", no_argument, NULL, 'F' },
        { NULL, 0, NULL, 0 },
    };
    const struct cli_cmd *self = cli_self(cmd_export, argv[0]);
    /* A module's kind is known now; one the database defines once it is open. */
    const struct entity *e = entity_find(NULL, argv[0]);
    struct entity_export x = { 0 };
    struct dpf_err err;
    int ch, year_ok = !e || (e->flags & EF_EXPORT_YEAR);
    long rows;

    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 'o')
            x.path = optarg;
        else if (ch == 'f')
            x.full = 1;
        else if (ch == 'F')
            x.oflags |= OUT_FORCE;
        else if (ch == 'y' && year_ok && (x.year = atoi(optarg)) >= 2000 && x.year <= 2999)
            continue;
        else
            return cli_usage(self, ch == 'y' ? _("--year takes a year such as 2017") : NULL);
    }
    if (!x.path || optind < argc)
        return cli_usage(self, _("--out FILE is required"));
    if (x.full)
        cli_option(c, "full-id");
    if (cli_open(c, 0) != EXIT_OK || !(e = kind_of(c, argv[0])))
        return EXIT_FAIL;
    if (x.year && !(e->flags & EF_EXPORT_YEAR))
        return cli_usage(self, _("--year takes a year such as 2017"));
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

/* The register commands (cli.h: how to add a command). */
const struct cli_cmd cli_register_rows[] = {
    { .group = "template", .name = CLI_KINDS, .need = NEED_READ,
      .usage = "[--out FILE] [--force]",
      .summary = NULL,
      .run_argv = cmd_template },
    { .group = "import", .name = CLI_KINDS, .need = NEED_READ,
      .usage = IMPORT_ARGS,
      .summary = NULL,
      .help = IMPORT_HELP,
      .run_argv = cmd_import },
    { .group = "export", .name = CLI_KINDS, .need = NEED_READ,
      .usage = "--out FILE.csv|FILE.xlsx [--full-id] [--force]",
      .summary = NULL,
      .run_argv = cmd_export },
    { 0 },
};
