/* SPDX-License-Identifier: MIT */
/* The persons entity: its import inserts or updates by resident ID, row by row, or hands an
 * empty register to the bulk loader (import_bulk.c); its export writes the register
 * (person_export.c). Registered with the others by modules_init, and the yearly updates
 * (import_yearly.c) after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/place.h"
#include "dpf/idcard.h"
#include "dpf/entity.h"
#include "person_io.h"
#include "place_set.h"
#include "base/db_struct.h"

/* Inserts or updates the checked row; what the database refuses is rejected like a bad field. */
static int write_row(struct importer *im, const struct csv_record *rec, struct person *row,
                     struct dpf_err *err)
{
    struct dpf_err ve;
    int rc, changed;

    if (row->id) {
        rc = person_update(im->db, row, &changed, &ve);
        if (rc == DPF_OK)
            changed ? im->res->updated++ : im->res->unchanged++;
    } else {
        rc = person_insert(im->db, row, &ve);
        if (rc == DPF_OK)
            im->res->added++;
    }
    if (rc == DPF_EINVAL || rc == DPF_EDUP) {
        im->res->rejected++;
        return import_reject(im, rec, import_header_of(im, ve.field), ve.msg, err);
    }
    if (rc != DPF_OK)
        *err = ve;
    return rc;
}

/* Writes the fresh places of the set not yet written to the place table (without codes),
 * audited: townships first, as a village names its township. */
static int store_places(struct db *db, struct place_set *s, struct dpf_err *err)
{
    int rc = DPF_OK;

    if (s->stored == s->fresh)
        return DPF_OK;
    for (int pass = 0; pass < 2 && rc == DPF_OK; pass++)
        for (int i = 0; i < s->n && rc == DPF_OK; i++) {
            char *k = s->e[i].key, *sep = strstr(k, "\x1F");
            if ((sep != NULL) != pass || !s->e[i].fresh || s->e[i].stored)
                continue;
            if (sep)
                *sep = '\0';
            rc = place_add(db, sep ? k : NULL, sep ? sep + 1 : k, NULL, err);
            if (sep)
                *sep = '\x1F';
            s->e[i].stored = rc == DPF_OK;
            s->stored += rc == DPF_OK;
        }
    return rc;
}

static int run_rows(struct importer *im, struct recsrc *src, struct dpf_err *err)
{
    struct csv_record rec;
    struct person row;
    int r, ok, rc = DPF_OK;

    person_init(&row);
    while (rc == DPF_OK && (r = import_next(im, src, &rec, err)) != 0) {
        rc = r < 0 ? DPF_EIO : import_check(im, &rec, &row, &ok, err);
        /* Places taken (--new-places) are on the list before the row that names them. */
        if (rc == DPF_OK && ok && im->opts->new_places)
            rc = store_places(im->db, im->ctx, err);
        if (rc == DPF_OK && ok)
            rc = write_row(im, &rec, &row, err);
        person_clear(&row);
    }
    return rc;
}

/* The places the file named that are not on the list (all of them, in an office without
 * places) are taken with --new-places; in an office without places they are otherwise
 * listed in the refusal, and nothing is imported (unless rejected rows already keep the
 * import from being written: their report comes first). Taken without codes: the manager
 * gives them later (`dpf place edit`), or imports the place list first (`dpf import
 * places`). Without --new-places, an office with places rejected the rows instead. */
static int new_places(struct importer *im, struct place_set *ps, struct dpf_err *err)
{
    char list[320];

    if (ps->fresh == 0)
        return DPF_OK;
    if (im->opts->new_places)
        return store_places(im->db, ps, err);
    if (im->res->rejected && !im->opts->partial)
        return DPF_OK;
    place_set_list(ps, list, sizeof list);
    return dpf_err_set(err, DPF_EINVAL, NULL,
                       _("%s: the office has no place list yet; the file names %d townships and "
                         "%d villages: %s. Nothing was imported: take them with --new-places, "
                         "or import the places first (dpf import places)"), im->path,
                       ps->fresh_townships, ps->fresh - ps->fresh_townships, list);
}

static int run_checked(struct importer *im, struct recsrc *src, struct dpf_err *err)
{
    int rc;

    if (!im->bulk)
        return run_rows(im, src, err);
    if ((rc = db_indexes_drop(im->db, "person", &im->indexes, err)) != DPF_OK)
        return rc;
    if ((rc = import_bulk(im, src, err)) != DPF_OK)
        return rc;
    /* Nothing will be committed: the rollback brings the indexes back. */
    if (im->opts->dry_run || (im->res->rejected && !im->opts->partial))
        return DPF_OK;
    return db_indexes_restore(im->db, &im->indexes, err);
}

/* The places are read once, before the first row: the rows are checked against them (on
 * the bulk loader's reader thread too), or gather them when the office has none. */
static int run(struct importer *im, struct recsrc *src, struct dpf_err *err)
{
    struct place_set ps;
    int rc = place_set_load(im->db, &ps, err);

    ps.take = im->opts->new_places;
    im->ctx = &ps;
    if (rc == DPF_OK)
        rc = run_checked(im, src, err);
    if (rc == DPF_OK)
        rc = new_places(im, &ps, err);
    im->ctx = NULL;
    place_set_free(&ps);
    return rc;
}

static const struct import_entity import_hooks = { .body = run, .bulk_table = "person" };

static const struct entity persons = {
    .name = "persons",
    .label = N_("persons"),
    .table = "person",
    .fields = person_fields,
    .nfields = PERSON_NFIELDS,
    .cap = CAP_REGISTER,
    .flags = EF_PERSONS,
    .template_summary = N_("Write the import template for persons (default persons_template.csv)"),
    .import_summary = N_("Import persons from CSV, .xlsx or .xls; a certificate already registered updates that person"),
    .export_summary = N_("Export the register; resident IDs and bank accounts masked unless --full-id"),
    .import = &import_hooks,
    .export = person_export,
};

void person_register_entities(void)
{
    entity_register(&persons);
    entity_register(&yearly_entity);
}
