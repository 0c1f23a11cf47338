/* SPDX-License-Identifier: MIT */
/* The yearly needs-and-services update as a kind (`dpf template|import updates`): a row per
 * person contacted, each doing what `dpf update record` does (yearly_record: verified, or
 * written off as deceased), all of a file in the import's one transaction. A row the year
 * already holds for the person is corrected; one that says what is stored is left alone. */
#include <stdlib.h>
#include <string.h>
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/yearly.h"
#include "person_io.h"
#include "base/db_struct.h"

/* What the year holds for the person: 0 nothing, 1 the same as the row, 2 something else. */
static int stored(struct db *db, int64_t person_id, int year, int contact, int outcome,
                  const char *date, const char *note, int *what, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT contact = ?3 AND outcome = ?4 AND done_on = ?5 "
                                   "AND note IS ?6 FROM yearly_update "
                                   "WHERE person_id = ?1 AND year = ?2", err);
    int64_t same = 0;
    int rc;

    *what = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, person_id);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_int(st, 3, contact);
    sqlite3_bind_int(st, 4, outcome);
    sqlite3_bind_text(st, 5, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, note, -1, SQLITE_STATIC);
    rc = db_step_int64(db, st, &same, err);
    if (rc == DPF_ENOTFOUND)
        return DPF_OK;
    *what = same ? 1 : 2;
    return rc;
}

static int update_row(struct db *db, const struct entity *e, char **v, long line, int *outcome,
                      struct dpf_err *rej)
{
    const char *date = v[YU_DATE] ? v[YU_DATE] : db->today;
    int year = atoi(v[YU_YEAR]), contact = atoi(v[YU_CONTACT]), result = atoi(v[YU_OUTCOME]);
    struct person p;
    int rc, what = 0;

    (void)e;
    (void)line;
    person_init(&p);
    rc = person_find_named(db, v[YU_CERT_NO], v[YU_NAME], yearly_fields[YU_CERT_NO].key, &p, rej);
    if (rc == DPF_OK)
        rc = stored(db, p.id, year, contact, result, date, v[YU_NOTE], &what, rej);
    if (rc == DPF_OK && what != 1)
        rc = yearly_record(db, p.id, year, contact, result, date, v[YU_NOTE], rej);
    *outcome = what == 0 ? IO_ADDED : what == 1 ? IO_UNCHANGED : IO_UPDATED;
    person_clear(&p);
    return rc;
}

static const struct import_entity hooks = { .row = update_row };

const struct entity yearly_entity = {
    .name = "updates",
    .label = N_("yearly updates"),
    .table = "yearly_update",
    .fields = yearly_fields,
    .nfields = YEARLY_NFIELDS,
    .cap = CAP_REGISTER,
    .template_summary = N_("Write the import template for the yearly needs-and-services update"),
    .import_summary = N_("Import the yearly needs-and-services update: a row per person contacted"),
    .import_help = N_("Each row does what `dpf update record` does: 结果 核实 verifies the person for the\n"
                      "year, 核销 writes them off (status 死亡 on 日期). 日期 left empty is today. The\n"
                      "person's update for the year already stored is corrected."),
    .import = &hooks,
};
