/* SPDX-License-Identifier: MIT */
/* The persons entity: its import inserts or updates by resident ID, row by row, or hands an
 * empty register to the bulk loader (import_bulk.c); its export writes the register
 * (person_export.c). Registered with the others by modules_init, and the yearly updates
 * (import_yearly.c) after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/entity.h"
#include "person_io.h"
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

static int run_rows(struct importer *im, struct recsrc *src, struct dpf_err *err)
{
    struct csv_record rec;
    struct person row;
    int r, ok, rc = DPF_OK;

    person_init(&row);
    while (rc == DPF_OK && (r = import_next(im, src, &rec, err)) != 0) {
        rc = r < 0 ? DPF_EIO : import_check(im, &rec, &row, &ok, err);
        if (rc == DPF_OK && ok)
            rc = write_row(im, &rec, &row, err);
        person_clear(&row);
    }
    return rc;
}

static int run(struct importer *im, struct recsrc *src, struct dpf_err *err)
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
    .import_summary = N_("Import persons from CSV; a certificate already registered updates that person"),
    .export_summary = N_("Export the register; resident IDs and bank accounts masked unless --full-id"),
    .import = &import_hooks,
    .export = person_export,
};

void person_register_entities(void)
{
    entity_register(&persons);
    entity_register(&yearly_entity);
}
