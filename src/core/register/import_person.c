/* SPDX-License-Identifier: MIT */
/* Person import: per-row checks, insert-or-update by resident ID. An empty register is
 * loaded by import_bulk.c instead of the row-by-row loop here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "base/import_internal.h"
#include "base/db_struct.h"

/* Merges the file's fields over an existing person: columns the file lacks stay as they were. */
static void merge(const struct importer *im, struct person *row, const struct person *old)
{
    int present[PERSON_NFIELDS] = { 0 };
    for (int c = 0; c < im->ncols; c++)
        present[im->col_field[c]] = 1;
    row->id = old->id;
    for (int f = 0; f < PERSON_NFIELDS; f++)
        if (!present[f])
            person_set(row, f, old->v[f]);
}

int import_check(struct importer *im, const struct csv_record *rec, struct person *row,
                 int *ok, struct dpf_err *err)
{
    struct person old;
    struct dpf_err ve;
    char id[IDCARD_LEN + 1];
    long first;
    int rc;

    if ((rc = import_parse_row(im, rec, row->v, ok, err)) != DPF_OK || !*ok)
        goto out;
    *ok = 0;
    person_id_no(row, id);
    if (strlen(id) == IDCARD_LEN && (first = idset_add(&im->seen, id, rec->line)) != 0) {
        if (first < 0)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        snprintf(ve.msg, sizeof ve.msg, _("resident ID %s is also on line %ld of this file"), id,
                 first);
        rc = import_reject(im, rec, person_fields[PF_CERT_NO].header, ve.msg, err);
        goto out;
    }
    person_init(&old);
    rc = im->bulk ? DPF_ENOTFOUND : person_find(im->db, id, &old, err);
    if (rc == DPF_OK)
        merge(im, row, &old);
    person_clear(&old);
    if (rc != DPF_OK && rc != DPF_ENOTFOUND)
        return rc;
    rc = DPF_OK;
    if (person_validate(row, im->db->today, &ve) != DPF_OK)
        rc = import_reject(im, rec, import_header_of(im, ve.field), ve.msg, err);
    else
        *ok = 1;
out:
    if (rc == DPF_OK && !*ok)
        im->res->rejected++;
    return rc;
}

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

int import_persons(struct db *db, const char *path, const struct import_opts *opts,
                   struct import_result *res, struct dpf_err *err)
{
    struct importer im = { .db = db, .opts = opts, .res = res, .fields = person_fields,
                           .nfields = PERSON_NFIELDS, .what = "persons" };
    return import_run(&im, path, "person", run, err);
}
