/* SPDX-License-Identifier: MIT */
/* The rows of `dpf template|import|export KIND`, one for each entity of the registry
 * (dpf/entity.h), made from the command table's CLI_KINDS rows: their usage, summary, help
 * and, for an import, the capability it needs come from the entity. The kinds a database
 * defines need the database: they are read when a command names a kind the modules do not
 * have. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/entity.h"
#include "dpf/i18n.h"

static const struct cli_cmd *base_rows;     /* the table as main.c wrote it */
static struct cli_cmd *table;               /* made from it; lives until the program ends */
static int *caps;                           /* what each kind's row needs; -1: not one */

/* A kind row's options less those of other kinds (by mask of CLI_KIND_YEAR,
 * CLI_KIND_PERSONS and CLI_KIND_PERSONAL): export's rows by mask, import's without the
 * persons' options. */
static struct cli_opt export_opts[8][CLI_MAX_OPTS + 1];
static struct cli_opt import_opts[CLI_MAX_OPTS + 1];

/* opts less those whose flags are in drop, into out. */
static const struct cli_opt *without(const struct cli_opt *opts, unsigned drop,
                                     struct cli_opt *out)
{
    int n = 0;
    for (const struct cli_opt *o = opts; o && o->name && n < CLI_MAX_OPTS; o++)
        if (!(o->flags & drop))
            out[n++] = *o;
    return out;
}

/* A summary made from the entity's label, for a kind the database defines. */
static const char *made(const char *fmt_kind, const struct entity *e)
{
    char buf[256];
    const char *label = _(e->label);

    if (strcmp(fmt_kind, "template") == 0)
        snprintf(buf, sizeof buf, _("Write the import template for %s"), label);
    else if (strcmp(fmt_kind, "import") == 0)
        snprintf(buf, sizeof buf, _("Import %s from CSV, .xlsx or .xls"), label);
    else
        snprintf(buf, sizeof buf, _("Export %s"), label);
    return strdup(buf);
}

/* True when some field of e is masked unless full values are asked for. */
static int personal(const struct entity *e)
{
    for (int i = 0; i < e->nfields; i++)
        if (e->fields[i].flags & FF_SENSITIVE)
            return 1;
    return 0;
}

/* The row of command r for e, or 0 if e has no such command. */
static int kind_row(const struct cli_cmd *r, const struct entity *e, int owned,
                    struct cli_cmd *out, int *cap)
{
    const char *summary;

    *out = *r;
    *cap = CAP_READ;
    if (strcmp(r->group, "export") == 0) {
        if (!e->export)
            return 0;
        summary = e->export_summary;
        /* A kind the database defines has --year, refused when it is open (cmd_export). */
        unsigned drop = (owned || e->flags & EF_EXPORT_YEAR ? 0 : CLI_KIND_YEAR) |
                        (e->flags & EF_PERSONS ? 0 : CLI_KIND_PERSONS) |
                        (owned || personal(e) ? 0 : CLI_KIND_PERSONAL);
        out->opts = without(r->opts, drop, export_opts[(drop & CLI_KIND_YEAR ? 1 : 0) |
                                                       (drop & CLI_KIND_PERSONS ? 2 : 0) |
                                                       (drop & CLI_KIND_PERSONAL ? 4 : 0)]);
        out->help = e->export_help ? e->export_help : r->help;
    } else {
        if (!e->import)
            return 0;
        summary = strcmp(r->group, "import") == 0 ? e->import_summary : e->template_summary;
        if (strcmp(r->group, "import") == 0) {
            out->help = e->import_help ? e->import_help : r->help;
            if (!(e->flags & EF_PERSONS))
                out->opts = without(r->opts, CLI_KIND_PERSONS, import_opts);
            *cap = (int)e->cap;
        }
    }
    out->name = owned ? strdup(e->name) : e->name;
    out->summary = summary ? summary : made(r->group, e);
    return out->name && out->summary;
}

static int count(struct db *db)
{
    int n = 0;
    while (entity_at(db, n))
        n++;
    return n;
}

const struct cli_cmd *cli_kinds_table(const struct cli_cmd *rows, struct db *db)
{
    const struct entity *e;
    size_t n = 0, nkinds = (size_t)count(db), k = 0;
    struct cli_cmd *t;
    int *c;

    base_rows = rows;
    for (const struct cli_cmd *r = rows; r->name; r++)
        n += r->group && strcmp(r->name, CLI_KINDS) == 0 ? nkinds : 1;
    if (!(t = calloc(n + 1, sizeof *t)) || !(c = calloc(n + 1, sizeof *c))) {
        free(t);
        return table ? table : rows;
    }
    for (const struct cli_cmd *r = rows; r->name; r++) {
        if (!r->group || strcmp(r->name, CLI_KINDS) != 0) {
            c[k] = -1;
            t[k++] = *r;
            continue;
        }
        for (int i = 0; (e = entity_at(db, i)) != NULL; i++)
            k += (size_t)kind_row(r, e, entity_find(NULL, e->name) != e, &t[k], &c[k]);
    }
    /* An earlier table is made again only when no row of it is in use (cli_kinds_of_db). */
    free(table);
    free(caps);
    table = t;
    caps = c;
    return t;
}

int cli_kinds_of_db(const char *name, const char *path)
{
    struct db *db;
    struct dpf_err err;
    int kinds = 0;

    for (const struct cli_cmd *r = base_rows; r && r->name; r++)
        kinds |= r->group && strcmp(r->name, CLI_KINDS) == 0 && strcmp(r->group, name) == 0;
    if (!kinds || db_open(path, 0, &db, &err) != DPF_OK)
        return 0;
    kinds = entity_at(db, count(NULL)) != NULL;     /* the database defines some */
    cli_set_commands(cli_kinds_table(base_rows, db));
    db_close(db);
    return kinds;
}

int cli_kind_cap(const struct cli_cmd *cmd, enum cap *cap)
{
    const struct cli_cmd *end = table;

    while (end && end->name)
        end++;
    if (!table || cmd < table || cmd >= end || caps[cmd - table] < 0)
        return 0;
    *cap = (enum cap)caps[cmd - table];
    return 1;
}
