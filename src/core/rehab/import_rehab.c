/* SPDX-License-Identifier: MIT */
/* Importing rehabilitation records: institutions, assessments, agreements, services,
 * children's rescue records and projects, each checked by rehab_save as a form would be.
 * A row that is already there (by its natural key: an institution's name, a person's
 * assessment of the year, a service of the same day, place, kind and item, ...) is updated
 * or left unchanged, so importing a file twice does not count anyone twice. */
#include <stdlib.h>
#include <string.h>
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "dpf/rehab.h"
#include "base/import_internal.h"

/* The person of a row: by resident ID, or by certificate number (which begins with it). */
#define PERSON_OF "SELECT id FROM person WHERE id_no = upper(substr(?1, 1, 18)) " \
                  "AND (length(?1) = 18 OR cert_no = upper(?1))"
#define INST_OF "(SELECT id FROM institution WHERE name = ?%d)"

/* The row's natural key: a query whose binds are the values of the fields listed. */
struct natural_key {
    const char *sql;
    int binds[4];               /* field indexes bound to ?1, ?2, ...; -1 ends */
};

static const struct natural_key keys[RK_COUNT] = {
    [RK_INSTITUTION] = { "SELECT id FROM institution WHERE name = ?1", { IN_NAME, -1 } },
    [RK_ASSESSMENT] = { "SELECT id FROM assessment WHERE person_id = (" PERSON_OF ") "
                        "AND year = CAST(substr(?2, 1, 4) AS INTEGER)",
                        { AS_CERT_NO, AS_DATE, -1 } },
    [RK_AGREEMENT] = { "SELECT id FROM agreement WHERE person_id = (" PERSON_OF ") "
                       "AND signed_on = ?2 AND institution_id = "
                       "(SELECT id FROM institution WHERE name = ?3)",
                       { AG_CERT_NO, AG_DATE, AG_INSTITUTION, -1 } },
    [RK_SERVICE] = { "SELECT id FROM service WHERE person_id = (" PERSON_OF ") "
                     "AND served_on = ?2 AND kind = ?3 AND item = ?4",
                     { SV_CERT_NO, SV_DATE, SV_KIND, SV_ITEM } },
    [RK_RESCUE] = { "SELECT id FROM rescue WHERE person_id = (" PERSON_OF ") "
                    "AND started_on = ?2 AND kind = ?3", { RS_CERT_NO, RS_DATE, RS_KIND, -1 } },
    [RK_PROJECT] = { "SELECT id FROM project WHERE year = ?1 AND name = ?2",
                     { PJ_YEAR, PJ_NAME, -1 } },
};

static int existing(struct db *db, int kind, char **v, int64_t *id, struct dpf_err *err)
{
    const struct natural_key *k = &keys[kind];
    sqlite3_stmt *st = db_stmt(db, k->sql, err);
    int rc;

    *id = 0;
    if (!st)
        return DPF_EDB;
    for (int b = 0; b < 4 && k->binds[b] >= 0; b++)
        sqlite3_bind_text(st, b + 1, v[k->binds[b]], -1, SQLITE_STATIC);
    rc = db_step_int64(db, st, id, err);
    return rc == DPF_ENOTFOUND ? DPF_OK : rc;           /* none: id 0 */
}

/* Whether the row says anything the stored record does not. The name, for a person's
 * record, is only a check; a derived value left empty keeps the stored one. */
static int differs(int kind, char **stored, char **v)
{
    const struct field *f = rehab_entities[kind].fields;
    for (int i = 0; i < rehab_entities[kind].n; i++) {
        if (strcmp(f[i].key, "name") == 0 && kind != RK_INSTITUTION && kind != RK_PROJECT)
            continue;
        if ((f[i].flags & FF_DERIVED) && !v[i])
            continue;
        if (i == 0 && kind != RK_INSTITUTION && kind != RK_PROJECT)
            continue;           /* the person, found by this very key */
        if ((stored[i] == NULL) != (v[i] == NULL) || (v[i] && strcmp(stored[i], v[i]) != 0))
            return 1;
    }
    return 0;
}

static int rehab_row(int kind, struct db *db, char **v, int *outcome, struct dpf_err *rej)
{
    char *stored[16] = { NULL };
    int64_t id;
    int rc = existing(db, kind, v, &id, rej);

    if (rc != DPF_OK)
        return rc;
    *outcome = id ? IO_UPDATED : IO_ADDED;
    if (id) {
        if ((rc = rehab_load(db, kind, id, stored, rej)) != DPF_OK)
            return rc;
        if (!differs(kind, stored, v))
            *outcome = IO_UNCHANGED;
        record_free(stored, rehab_entities[kind].n);
        if (*outcome == IO_UNCHANGED)
            return DPF_OK;
    }
    return rehab_save(db, kind, id, v, NULL, rej);
}

#define ROW_FN(fn, kind) \
    static int fn(struct db *db, const struct entity *e, char **v, long line, int *outcome, \
                  struct dpf_err *rej) \
    { (void)e; (void)line; return rehab_row(kind, db, v, outcome, rej); }
ROW_FN(institution_row, RK_INSTITUTION)
ROW_FN(assessment_row, RK_ASSESSMENT)
ROW_FN(agreement_row, RK_AGREEMENT)
ROW_FN(service_row, RK_SERVICE)
ROW_FN(rescue_row, RK_RESCUE)
ROW_FN(project_row, RK_PROJECT)

/* The commands' lines and what importing needs: institutions and projects (targets) are
 * the manager's, a person's records the clerk's. */
static const struct {
    const char *table, *template_summary, *import_summary, *export_summary;
    enum cap cap;
} kinds[RK_COUNT] = {
    { "institution", N_("Write the import template for rehabilitation institutions"),
      N_("Import rehabilitation institutions"), N_("Export the rehabilitation institutions"),
      CAP_MANAGE },
    { "assessment", N_("Write the import template for needs assessments"),
      N_("Import needs assessments"), N_("Export the needs assessments"), CAP_REGISTER },
    { "agreement", N_("Write the import template for service agreements"),
      N_("Import service agreements"), N_("Export the service agreements"), CAP_REGISTER },
    { "service", N_("Write the import template for rehabilitation services"),
      N_("Import rehabilitation services"), N_("Export the rehabilitation services"),
      CAP_REGISTER },
    { "rescue", N_("Write the import template for children's rescue records"),
      N_("Import children's rescue records"), N_("Export the children's rescue records"),
      CAP_REGISTER },
    { "project", N_("Write the import template for rehabilitation projects (yearly targets)"),
      N_("Import rehabilitation projects (yearly targets)"),
      N_("Export the rehabilitation projects"), CAP_MANAGE },
};

static struct import_entity hooks[RK_COUNT];
static struct entity entities[RK_COUNT];

static int export_kind(struct db *db, const struct entity *e, const struct entity_export *x,
                       long *rows, struct dpf_err *err)
{
    int k = (int)(e - entities);
    return rehab_export(db, k, x->year, x->path, x->oflags, x->full, rows, err);
}

/* The entities from the rehabilitation tables (another file's, so not a constant
 * initialiser): made and registered once, under modules_init. */
void rehab_register_entities(void)
{
    static int (*const rows[RK_COUNT])(struct db *, const struct entity *, char **, long, int *,
                                       struct dpf_err *) = {
        institution_row, assessment_row, agreement_row, service_row, rescue_row, project_row,
    };
    for (int k = 0; k < RK_COUNT; k++) {
        hooks[k] = (struct import_entity){ .row = rows[k] };
        entities[k] = (struct entity){
            .name = rehab_entities[k].name, .label = rehab_entities[k].label,
            .table = kinds[k].table, .fields = rehab_entities[k].fields,
            .nfields = rehab_entities[k].n, .cap = kinds[k].cap, .flags = EF_EXPORT_YEAR,
            .template_summary = kinds[k].template_summary,
            .import_summary = kinds[k].import_summary,
            .export_summary = kinds[k].export_summary,
            .export_help = N_("--year keeps the records of one year (institutions have none). "
                              "Resident IDs are\nmasked unless --full-id; a full export imports "
                              "back unchanged. The file is readable\nby you alone (mode 0600); "
                              "an existing file is kept unless --force."),
            .import = &hooks[k], .export = export_kind,
        };
        entity_register(&entities[k]);
    }
}
