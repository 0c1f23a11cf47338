/* SPDX-License-Identifier: MIT */
/* Files in and out of the register: template, import, export. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/export.h"
#include "dpf/i18n.h"
#include "dpf/import.h"
#include "dpf/insurance.h"
#include "dpf/outfile.h"
#include "dpf/rehab.h"

/* argv[0] is the kind: persons, enrolments, payments or rules. */
int cmd_template(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = { { "out", required_argument, NULL, 'o' },
                                           { "force", no_argument, NULL, 'F' },
                                           { NULL, 0, NULL, 0 } };
    const struct cli_cmd *self = cli_self(cmd_template, argv[0]);
    int kind = import_kind_parse(argv[0]), ch;
    char out_default[64];
    const char *out = out_default;
    struct dpf_err err;
    unsigned oflags = 0;

    (void)c;
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
    if (import_template(kind, out, oflags, &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("Wrote the %s import template to %s\n"), import_kind_label(kind), out);
    return EXIT_OK;
}

static const char *encoding_name(enum text_encoding e)
{
    return e == TE_GBK ? "GBK" : "UTF-8";
}

/* Persons are counted as persons; enrolments, payments and rules as records. */
static void print_result(int kind, const struct import_opts *o, const struct import_result *r)
{
    const char *enc = encoding_name(r->encoding);

    if (kind == IMPORT_PERSONS && r->committed)
        printf(_("Read %ld rows (%s): %ld added, %ld updated, %ld unchanged, %ld rejected\n"),
               r->rows, enc, r->added, r->updated, r->unchanged, r->rejected);
    else if (kind == IMPORT_PERSONS)
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

int cmd_import(struct cli *c, int argc, char **argv)
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
    int kind = import_kind_parse(argv[0]);
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
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (import_file(c->db, kind, argv[optind], &o, &res, &err) != DPF_OK)
        return cli_fail(&err);
    print_result(kind, &o, &res);
    return res.rejected && !o.partial ? EXIT_FAIL : EXIT_OK;
}

int cmd_export(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        { "out", required_argument, NULL, 'o' },
        { "full-id", no_argument, NULL, 'f' },
        { "year", required_argument, NULL, 'y' },
        { "force", no_argument, NULL, 'F' },
        { NULL, 0, NULL, 0 },
    };
    const struct cli_cmd *self = cli_self(cmd_export, argv[0]);
    int ik = import_kind_parse(argv[0]);
    int kind = ik >= IMPORT_INSTITUTIONS && ik < IMPORT_INSTITUTIONS + RK_COUNT
               ? ik - IMPORT_INSTITUTIONS : -1;
    const char *out = NULL;
    struct dpf_err err;
    int ch, full = 0, year = 0;
    unsigned oflags = 0;
    long rows;

    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 'o')
            out = optarg;
        else if (ch == 'f')
            full = 1;
        else if (ch == 'F')
            oflags |= OUT_FORCE;
        else if (ch == 'y' && ik != IMPORT_PERSONS && (year = atoi(optarg)) >= 2000 && year <= 2999)
            continue;
        else
            return cli_usage(self, ch == 'y' ? _("--year takes a year such as 2017") : NULL);
    }
    if (!out || optind < argc)
        return cli_usage(self, _("--out FILE is required"));
    if (full)
        cli_option(c, "full-id");
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (ik == IMPORT_CLAIMS) {
        if (claim_export(c->db, year, out, oflags, full, &rows, &err) != DPF_OK)
            return cli_fail(&err);
        printf(_("Exported %ld %s to %s\n"), rows, _("claim items"), out);
        return EXIT_OK;
    }
    if (kind >= 0) {
        if (rehab_export(c->db, kind, year, out, oflags, full, &rows, &err) != DPF_OK)
            return cli_fail(&err);
        printf(_("Exported %ld %s to %s\n"), rows, _(rehab_entities[kind].label), out);
        return EXIT_OK;
    }
    if (export_persons(c->db, out, oflags, full, &rows, &err) != DPF_OK)
        return cli_fail(&err);
    printf(full ? _("Exported %ld persons to %s (full resident IDs and bank accounts)\n")
                : _("Exported %ld persons to %s (resident IDs and bank accounts masked)\n"),
           rows, out);
    return EXIT_OK;
}
