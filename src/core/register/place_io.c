/* SPDX-License-Identifier: MIT */
/* The places entity: `dpf template|import|export places`. A row is a township (村社区
 * empty) or a village of a township on the list (or earlier in the file), with its code; a
 * place already there takes the row's code. The manager's (CAP_MANAGE). */
#include <stdio.h>
#include <string.h>
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "dpf/place.h"
#include "base/export_internal.h"
#include "base/import_internal.h"
#include "base/db_struct.h"

static int place_row(struct db *db, const struct entity *e, char **v, long line, int *outcome,
                     struct dpf_err *rej)
{
    const char *t = v[PL_TOWNSHIP], *name = v[PL_VILLAGE] ? v[PL_VILLAGE] : t,
               *in = v[PL_VILLAGE] ? t : NULL, *code = v[PL_CODE] ? v[PL_CODE] : "";
    char have[16];
    int rc;

    (void)e;
    (void)line;
    rc = place_find(db, in, name, NULL, NULL, have, rej);
    if (rc == DPF_ENOTFOUND) {
        if (in && (rc = place_find(db, NULL, in, NULL, NULL, NULL, rej)) != DPF_OK)
            return rc;          /* the village's township is not on the list */
        *outcome = IO_ADDED;
        return place_add(db, in, name, code, rej);
    }
    if (rc != DPF_OK)
        return rc;
    /* An empty code keeps the one the list has. */
    if (!*code || strcmp(code, have) == 0) {
        *outcome = IO_UNCHANGED;
        return DPF_OK;
    }
    *outcome = IO_UPDATED;
    return place_edit(db, in, name, NULL, code, rej);
}

static int place_export(struct db *db, const struct entity *e, const struct entity_export *x,
                        long *rows, struct dpf_err *err)
{
    struct export_sink sink;
    sqlite3_stmt *st = NULL;
    int rc;

    (void)e;
    *rows = 0;
    if ((rc = export_open(&sink, x->path, x->oflags, "地名", place_fields, PLACE_NFIELDS,
                          err)) != DPF_OK)
        return export_close(&sink, 0, err), rc;
    /* Each township, then its villages: in code order, the uncoded after, by name. */
    if (sqlite3_prepare_v2(db->h,
            "SELECT coalesce(t.name, p.name), CASE WHEN t.id IS NOT NULL THEN p.name END, "
            "p.code FROM place p LEFT JOIN place t ON t.id = p.parent "
            "ORDER BY coalesce(t.code, p.code) IS NULL, coalesce(t.code, p.code), "
            "coalesce(t.name, p.name), t.id IS NOT NULL, p.code IS NULL, p.code, p.name",
            -1, &st, NULL) != SQLITE_OK)
        rc = db_fail(db, err);
    else
        rc = export_query(&sink, db, st, 0, err);
    *rows = sink.rows;
    return export_finish(&sink, db, "places", 0, rc == DPF_OK, err);
}

static const struct import_entity import_hooks = { .row = place_row };

static const struct entity places = {
    .name = "places",
    .label = N_("places"),
    .table = "place",
    .fields = place_fields,
    .nfields = PLACE_NFIELDS,
    .cap = CAP_MANAGE,
    .template_summary = N_("Write the import template for places (townships and villages with "
                           "their codes)"),
    .import_summary = N_("Import places: townships, then their villages, with their codes"),
    .export_summary = N_("Export the places in code order"),
    .import = &import_hooks,
    .export = place_export,
};

void place_register_entities(void)
{
    entity_register(&places);
}
