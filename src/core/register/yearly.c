/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/yearly.h"
#include "base/db_struct.h"

const char *const yearly_contacts[] = { "入户", "面对面", "电话", "失访", NULL };
const char *const yearly_outcomes[] = { "核实", "核销", NULL };

/* The certificate is text, so that a resident ID names the person too (as the command has
 * it); the date left empty is today, as the command's. */
const struct field yearly_fields[YEARLY_NFIELDS] = {
    [YU_CERT_NO] = { "cert_no", "残疾人证号", N_("Certificate number"), FT_TEXT, NULL, 24, 24, FF_REQUIRED | FF_SENSITIVE },
    [YU_NAME]    = { "name", "姓名", N_("Name"), FT_TEXT, NULL, 10, 30, 0 },
    [YU_YEAR]    = { "year", "年度", N_("Year"), FT_INT, NULL, 4, 4, FF_REQUIRED },
    [YU_CONTACT] = { "contact", "联系方式", N_("Contact"), FT_CHOICE, yearly_contacts, 6, 3, FF_REQUIRED },
    [YU_OUTCOME] = { "outcome", "结果", N_("Outcome"), FT_CHOICE, yearly_outcomes, 4, 2, FF_REQUIRED },
    [YU_DATE]    = { "date", "日期", N_("Date"), FT_DATE, NULL, 10, 10, 0 },
    [YU_NOTE]    = { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
};

static const char upsert_sql[] =
    "INSERT INTO yearly_update (person_id, year, contact, outcome, done_on, user, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, year) DO UPDATE SET "
    "contact = excluded.contact, outcome = excluded.outcome, done_on = excluded.done_on, "
    "user = excluded.user, note = excluded.note";

/* Holders in a year: certificate issued by the year's end (or date unknown) and still on
 * the register at its start. */
static const char summary_sql[] =
    "SELECT p.township, count(*), "
    "  sum(u.contact = 1), sum(u.contact = 2), sum(u.contact = 3), sum(u.contact = 4), "
    "  sum(u.outcome = 1), sum(u.outcome = 2), sum(u.person_id IS NULL) "
    "FROM person p NOT INDEXED "
    "LEFT JOIN yearly_update u ON u.person_id = p.id AND u.year = ?1 "
    "WHERE (p.cert_issue_date IS NULL OR p.cert_issue_date <= ?1 || '-12-31') "
    "  AND (p.status = 1 OR p.status_date >= ?1 || '-01-01') "
    "GROUP BY p.township "
    /* The place list's code order (place.c), townships not on it after, by name. */
    "ORDER BY (SELECT count(*) = 0 FROM place WHERE parent IS NULL AND name = p.township), "
    "  (SELECT code IS NULL FROM place WHERE parent IS NULL AND name = p.township), "
    "  (SELECT code FROM place WHERE parent IS NULL AND name = p.township), p.township";

/* The district's total alone: the same rows without the sort a GROUP BY needs. */
static const char district_sql[] =
    "SELECT count(*), sum(u.outcome = 1), sum(u.outcome = 2) "
    "FROM person p NOT INDEXED "
    "LEFT JOIN yearly_update u ON u.person_id = p.id AND u.year = ?1 "
    "WHERE (p.cert_issue_date IS NULL OR p.cert_issue_date <= ?1 || '-12-31') "
    "  AND (p.status = 1 OR p.status_date >= ?1 || '-01-01')";

static int read_district(sqlite3_stmt *st, void *ctx)
{
    long **out = ctx;
    for (int i = 0; i < 3; i++)
        *out[i] = (long)sqlite3_column_int64(st, i);
    return DPF_OK;
}

int yearly_district(struct db *db, int year, long *holders, long *verified, long *deceased,
                    struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, district_sql, err);
    long *out[3] = { holders, verified, deceased };

    *holders = *verified = *deceased = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int(st, 1, year);
    return db_step_one(db, st, read_district, out, err);   /* sums: always a row */
}

int yearly_contact_parse(const char *s)
{
    int i = field_label_find(yearly_contacts, s);  /* 入户, Home visit, 電話 */
    if (i >= 0)
        return i + 1;
    if (strlen(s) == 1 && s[0] >= '1' && s[0] <= '4')
        return s[0] - '0';
    return -1;
}

static int check_args(struct db *db, int year, int contact, int outcome, const char *date,
                      struct dpf_err *err)
{
    int this_year = atoi(db->today);
    if (year < 2000 || year > this_year)
        return dpf_err_set(err, DPF_EINVAL, "year", _("Year %d is not between 2000 and %d"),
                           year, this_year);
    if (contact < YC_HOME || contact > YC_LOST)
        return dpf_err_set(err, DPF_EINVAL, "contact",
                           _("Contact must be 入户, 面对面, 电话 or 失访"));
    if (outcome != YO_VERIFIED && outcome != YO_DECEASED)
        return dpf_err_set(err, DPF_EINVAL, "outcome", _("Unknown outcome %d"), outcome);
    if (!date || strlen(date) != 10 || atoi(date) != year)
        return dpf_err_set(err, DPF_EINVAL, "date", _("The date must be in %d"), year);
    if (strcmp(date, db->today) > 0)
        return dpf_err_set(err, DPF_EINVAL, "date", _("The date %s is in the future"), date);
    return DPF_OK;
}

int yearly_record(struct db *db, int64_t person_id, int year, int contact, int outcome,
                  const char *date, const char *note, struct dpf_err *err)
{
    struct person p;
    sqlite3_stmt *st;
    char after[256];
    int rc;

    if ((rc = check_args(db, year, contact, outcome, date, err)) != DPF_OK)
        return rc;
    person_init(&p);
    if ((rc = person_load(db, person_id, &p, err)) != DPF_OK)
        return rc;
    if (outcome == YO_VERIFIED && person_int(&p, PF_STATUS) == PS_DECEASED &&
        strcmp(person_get(&p, PF_STATUS_DATE), date) <= 0)
        rc = dpf_err_set(err, DPF_EINVAL, "outcome",
                         _("%s died on %s and cannot be verified on %s"),
                         person_get(&p, PF_NAME), person_get(&p, PF_STATUS_DATE), date);
    if (rc == DPF_OK && outcome == YO_DECEASED && person_int(&p, PF_STATUS) != PS_DECEASED)
        rc = person_set_status(db, person_id, PS_DECEASED, date, "年度动态更新核销", err);
    person_clear(&p);
    if (rc != DPF_OK)
        return rc;
    if (!(st = db_stmt(db, upsert_sql, err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, person_id);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_int(st, 3, contact);
    sqlite3_bind_int(st, 4, outcome);
    sqlite3_bind_text(st, 5, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, db->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, note, -1, SQLITE_TRANSIENT);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    snprintf(after, sizeof after,
             "{\"year\":%d,\"contact\":\"%s\",\"outcome\":\"%s\",\"date\":\"%s\"}", year,
             yearly_contacts[contact - 1], yearly_outcomes[outcome - 1], date);
    return audit_record(db, "person", person_id, "yearly_update", NULL, after, err);
}

int yearly_summary(struct db *db, int year, yearly_count_fn fn, void *ctx, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, summary_sql, err);
    struct yearly_count c, total;
    int rc;

    if (!st)
        return DPF_EDB;
    memset(&total, 0, sizeof total);
    sqlite3_bind_int(st, 1, year);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&c, 0, sizeof c);
        c.township = (const char *)sqlite3_column_text(st, 0);
        c.holders = sqlite3_column_int64(st, 1);
        for (int k = 1; k <= 4; k++)
            c.by_contact[k] = sqlite3_column_int64(st, 1 + k);
        c.verified = sqlite3_column_int64(st, 6);
        c.deceased = sqlite3_column_int64(st, 7);
        c.pending = sqlite3_column_int64(st, 8);
        total.holders += c.holders;
        for (int k = 1; k <= 4; k++)
            total.by_contact[k] += c.by_contact[k];
        total.verified += c.verified;
        total.deceased += c.deceased;
        total.pending += c.pending;
        if (fn(&c, ctx) != 0)
            break;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(db, err);
    fn(&total, ctx);
    return DPF_OK;
}
