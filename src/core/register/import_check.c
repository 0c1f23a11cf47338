/* SPDX-License-Identifier: MIT */
/* One row of a persons file checked: its fields, the same resident ID twice in the file,
 * and the person already registered, whose record the file's columns overwrite. Used by the
 * row-by-row import (import_person.c) and by the bulk loader's reader thread
 * (import_bulk.c). */
#include <stdio.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "person_io.h"
#include "place_set.h"
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
    if (person_validate(row, im->db->today, &ve) != DPF_OK ||
        (im->ctx && place_set_check(im->ctx, row->v[PF_TOWNSHIP], row->v[PF_VILLAGE], &ve) !=
                        DPF_OK)) {
        if (ve.code == DPF_ENOMEM)
            return dpf_err_set(err, DPF_ENOMEM, NULL, "%s", ve.msg);
        rc = import_reject(im, rec, import_header_of(im, ve.field), ve.msg, err);
    } else {
        *ok = 1;
    }
out:
    if (rc == DPF_OK && !*ok)
        im->res->rejected++;
    return rc;
}
