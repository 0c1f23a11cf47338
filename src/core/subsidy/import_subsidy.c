/* SPDX-License-Identifier: MIT */
/* Importing what an office brings from its spreadsheets before dpf: enrolments (who is
 * paid, since when, who was stopped and why), past payments (the months they cover become
 * locked months of the ledger, so the review knows what was paid), and programme rules.
 * Each is an entity of the import engine (import.c): one row at a time, refused rows
 * rejected with their column and reason. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/money.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/programme.h"
#include "dpf/review.h"
#include "base/import_internal.h"
#include "base/db_struct.h"

/* ---- enrolments ---- */

static int enrolment_row(struct db *db, const struct entity *ent, char **v, long line, int *outcome,
                         struct dpf_err *rej)
{
    struct enrolment e;
    struct person p;
    int rc;

    (void)ent;
    (void)line;
    memset(&e, 0, sizeof e);
    person_init(&p);
    rc = person_find_named(db, v[EF_CERT_NO], v[EF_NAME], enrol_fields[EF_CERT_NO].key, &p, rej);
    if (rc == DPF_OK)
        rc = programme_id_of(db, v[EF_PROGRAMME], &e.programme_id, rej);
    if (rc == DPF_OK) {
        e.person_id = p.id;
        e.step = v[EF_STEP] ? atoi(v[EF_STEP]) : ES_APPROVED;
        snprintf(e.applied_on, sizeof e.applied_on, "%s", v[EF_APPLIED_ON]);
        e.start_month = v[EF_START_MONTH] ? month_parse(v[EF_START_MONTH])
                                          : month_of_date(v[EF_APPLIED_ON]);
        if (v[EF_APPROVED_ON])
            snprintf(e.approved_on, sizeof e.approved_on, "%s", v[EF_APPROVED_ON]);
        e.stop_month = v[EF_STOP_MONTH] ? month_parse(v[EF_STOP_MONTH]) : 0;
        e.reason = v[EF_REASON] ? atoi(v[EF_REASON]) : 0;
        snprintf(e.reason_note, sizeof e.reason_note, "%s", v[EF_REASON_NOTE] ? v[EF_REASON_NOTE] : "");
        snprintf(e.note, sizeof e.note, "%s", v[EF_NOTE] ? v[EF_NOTE] : "");
        rc = enrol_insert(db, &e, rej);
    }
    person_clear(&p);
    *outcome = IO_ADDED;
    return rc;
}

/* ---- payments ---- */

const struct field payment_fields[PAYMENT_NFIELDS] = {
    [PY_MONTH]     = { "month", "发放月份", N_("Paid in"), FT_MONTH, NULL, 7, 10, FF_REQUIRED },
    [PY_PROGRAMME] = { "programme", "补贴项目", N_("Programme"), FT_TEXT, NULL, 22, 30, FF_REQUIRED },
    [PY_CERT_NO]   = { "cert_no", "残疾人证号", N_("Certificate number"), FT_TEXT, NULL, 24, 24, FF_REQUIRED | FF_SENSITIVE },
    [PY_NAME]      = { "name", "姓名", N_("Name"), FT_TEXT, NULL, 10, 30, 0 },
    [PY_AMOUNT]    = { "amount", "金额", N_("Amount (yuan)"), FT_MONEY, NULL, 10, 16, FF_REQUIRED },
    [PY_FOR_MONTH] = { "for_month", "所属月份", N_("For the month"), FT_MONTH, NULL, 7, 10, 0 },
    [PY_BANK]      = { "bank_account", "银行账号", N_("Bank account"), FT_DIGITS, NULL, 20, 32, FF_SENSITIVE },
    [PY_NOTE]      = { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
};

/* A past month may be imported when it is not a month dpf approved itself, and comes
 * before the first one it did. */
static int importable_month(struct db *db, int month, struct dpf_err *rej)
{
    char m[MONTH_TEXT], first[MONTH_TEXT];
    int rc, dpf_first;

    if ((rc = review_approved_span(db, NULL, NULL, &dpf_first, rej)) != DPF_OK)
        return rc;
    if (month > month_of_date(db->today))
        return dpf_err_set(rej, DPF_EINVAL, "month", _("%s has not begun yet"),
                           month_format(month, m));
    if (dpf_first >= 0 && month >= dpf_first)
        return dpf_err_set(rej, DPF_EINVAL, "month",
                           _("Payments from %s on are approved in dpf; only earlier months "
                             "can be imported"), month_format(dpf_first, first));
    return DPF_OK;
}

/* The approved (or since stopped) enrolment that a payment for for_month belongs to. */
static int paid_enrolment(struct db *db, int64_t person, int64_t prog, int for_month,
                          int64_t *id, struct dpf_err *rej)
{
    static const char q[] =
        "SELECT id FROM enrolment WHERE person_id = ? AND programme_id = ? AND step IN (4, 6) "
        "AND start_month <= ? ORDER BY id DESC LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, q, rej);
    char m[MONTH_TEXT];
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, person);
    sqlite3_bind_int64(st, 2, prog);
    sqlite3_bind_text(st, 3, month_format(for_month, m), -1, SQLITE_TRANSIENT);
    if ((rc = db_step_int64(db, st, id, rej)) != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(rej, DPF_ENOTFOUND, "programme",
                       _("No approved enrolment in this programme paid from %s or earlier: "
                         "import the enrolments first"), m);
}

static int already_paid(struct db *db, int64_t enrolment, const char *for_month, int *yes,
                        struct dpf_err *rej)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM payment WHERE "
                                   "enrolment_id = ? AND for_month = ?)", rej);
    int64_t found;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, enrolment);
    sqlite3_bind_text(st, 2, for_month, -1, SQLITE_STATIC);
    db_step_int64(db, st, &found, NULL);    /* a failed look-up reads as not paid */
    *yes = found != 0;
    return DPF_OK;
}

/* The month's roster line of the person in the programme, made if there is none yet. */
static int roster_line_of(struct db *db, char **v, const struct person *p, int64_t prog,
                          int64_t enrolment, int64_t *line, struct dpf_err *err)
{
    static const char find[] =
        "SELECT id FROM roster_line WHERE month = ? AND programme_id = ? AND person_id = ?";
    static const char make[] =
        "INSERT INTO roster_line (month, programme_id, enrolment_id, person_id, name, id_no, "
        "  township, village, bank_account, amount, from_month, to_month, note) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?1, ?1, ?10)";
    sqlite3_stmt *st = db_stmt(db, find, err);
    char id[19];
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, v[PY_MONTH], -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, prog);
    sqlite3_bind_int64(st, 3, p->id);
    if ((rc = db_step_int64(db, st, line, err)) != DPF_ENOTFOUND)
        return rc;
    if (!(st = db_stmt(db, make, err)))
        return DPF_EDB;
    person_id_no(p, id);
    sqlite3_bind_text(st, 1, v[PY_MONTH], -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, prog);
    sqlite3_bind_int64(st, 3, enrolment);
    sqlite3_bind_int64(st, 4, p->id);
    sqlite3_bind_text(st, 5, person_get(p, PF_NAME), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, person_get(p, PF_TOWNSHIP), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, person_get(p, PF_VILLAGE), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, v[PY_BANK] ? v[PY_BANK] : person_get(p, PF_BANK_ACCOUNT), -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(st, 10, v[PY_NOTE], -1, SQLITE_STATIC);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    *line = sqlite3_last_insert_rowid(db->h);
    return DPF_OK;
}

/* Adds the payment to its roster line and the ledger. */
static int book_payment(struct db *db, int64_t line, int64_t enrolment,
                        const char *for_month, int64_t amount, struct dpf_err *err)
{
    static const char grow_line[] =
        "UPDATE roster_line SET amount = amount + ?2, back = back + (CASE WHEN ?3 < month "
        "  THEN ?2 ELSE 0 END), from_month = min(from_month, ?3), to_month = max(to_month, ?3) "
        "WHERE id = ?1";
    static const char ledger[] =
        "INSERT INTO payment (enrolment_id, for_month, roster_line_id, amount) VALUES (?, ?, ?, ?)";
    sqlite3_stmt *st;
    int rc;

    if (!(st = db_stmt(db, grow_line, err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, line);
    sqlite3_bind_int64(st, 2, amount);
    sqlite3_bind_text(st, 3, for_month, -1, SQLITE_STATIC);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    if (!(st = db_stmt(db, ledger, err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, enrolment);
    sqlite3_bind_text(st, 2, for_month, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, line);
    sqlite3_bind_int64(st, 4, amount);
    return db_step_done(db, st, err);
}

/* The month row comes first: the roster line refers to it. */
static int month_row(struct db *db, const char *month, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "INSERT OR IGNORE INTO subsidy_month (month, approved_at, "
                                   "approved_by, source) VALUES (?, ?, ?, 2)", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, db->user, -1, SQLITE_STATIC);
    return db_step_done(db, st, err);
}

static int payment_row(struct db *db, const struct entity *ent, char **v, long line_no, int *outcome,
                       struct dpf_err *rej)
{
    const char *for_month = v[PY_FOR_MONTH] ? v[PY_FOR_MONTH] : v[PY_MONTH];
    int month = month_parse(v[PY_MONTH]), paid = 0, rc;
    int64_t prog = 0, enrolment = 0, line = 0, amount = atoll(v[PY_AMOUNT]);
    struct person p;
    char after[512], yuan[32], name[128];

    (void)ent;
    (void)line_no;
    *outcome = IO_ADDED;
    if (month_parse(for_month) > month)
        return dpf_err_set(rej, DPF_EINVAL, "for_month",
                           _("A payment in %s cannot be for the later month %s"), v[PY_MONTH],
                           for_month);
    if (amount <= 0)
        return dpf_err_set(rej, DPF_EINVAL, "amount", _("The amount must be more than 0"));
    if ((rc = importable_month(db, month, rej)) != DPF_OK)
        return rc;
    person_init(&p);
    rc = person_find_named(db, v[PY_CERT_NO], v[PY_NAME], payment_fields[PY_CERT_NO].key, &p, rej);
    if (rc == DPF_OK)
        rc = programme_id_of(db, v[PY_PROGRAMME], &prog, rej);
    if (rc == DPF_OK)
        rc = programme_name_of(db, prog, name, sizeof name, NULL, rej);
    if (rc == DPF_OK)
        rc = paid_enrolment(db, p.id, prog, month_parse(for_month), &enrolment, rej);
    if (rc == DPF_OK)
        rc = already_paid(db, enrolment, for_month, &paid, rej);
    if (rc == DPF_OK && paid)
        rc = dpf_err_set(rej, DPF_EDUP, "for_month",
                         _("%s was already paid for %s in this programme"),
                         person_get(&p, PF_NAME), for_month);
    if (rc == DPF_OK)
        rc = month_row(db, v[PY_MONTH], rej);
    if (rc == DPF_OK)
        rc = roster_line_of(db, v, &p, prog, enrolment, &line, rej);
    if (rc == DPF_OK)
        rc = book_payment(db, line, enrolment, for_month, amount, rej);
    if (rc == DPF_OK) {
        snprintf(after, sizeof after, "{\"programme\":\"%s\",\"month\":\"%s\","
                 "\"for_month\":\"%s\",\"amount\":\"%s\"}", name, v[PY_MONTH],
                 for_month, money_format(amount, 1, yuan, sizeof yuan));
        rc = audit_record(db, "person", p.id, "subsidy_payment_import", NULL, after, rej);
    }
    person_clear(&p);
    return rc;
}

/* The imported months' totals, as an approval would have stored them. */
static int payment_finish(struct db *db, struct dpf_err *err)
{
    return db_exec(db,
                   "UPDATE subsidy_month SET "
                   "  persons = (SELECT count(DISTINCT person_id) FROM roster_line r "
                   "    WHERE r.month = subsidy_month.month AND r.amount > 0), "
                   "  amount = (SELECT coalesce(sum(amount), 0) FROM roster_line r "
                   "    WHERE r.month = subsidy_month.month AND r.amount > 0) "
                   "WHERE source = 2", err);
}

/* ---- rules: the programme, then the rule's own fields ---- */

static struct field rule_import_fields[1 + RULE_NFIELDS];
static pthread_once_t rule_import_once = PTHREAD_ONCE_INIT;

/* The rules file is the programme and then the rule's fields, as the rule describes them.
 * C cannot join two tables in an initialiser, so it is joined once, by pthread_once: the
 * bulk import runs two threads. */
static void join_rule_fields(void)
{
    static const struct field programme = {
        "programme", "补贴项目", N_("Programme"), FT_TEXT, NULL, 22, 30, FF_REQUIRED
    };
    memcpy(&rule_import_fields[1], rule_fields, sizeof rule_fields);
    rule_import_fields[0] = programme;
}

static int rule_row(struct db *db, const struct entity *ent, char **v, long line, int *outcome,
                    struct dpf_err *rej)
{
    static const int outcomes[] = { [RULE_ADDED] = IO_ADDED, [RULE_CHANGED] = IO_UPDATED,
                                    [RULE_UNCHANGED] = IO_UNCHANGED };
    int64_t prog;
    int what = RULE_UNCHANGED, rc;

    (void)ent;
    (void)line;
    if ((rc = programme_id_of(db, v[0], &prog, rej)) != DPF_OK)
        return rc;
    rc = programme_rule_save(db, prog, v + 1, &what, rej);
    *outcome = outcomes[what];
    return rc;
}

static const struct import_entity enrol_hooks = { .row = enrolment_row };
static const struct import_entity payment_hooks = { .row = payment_row, .finish = payment_finish };
static const struct import_entity rule_hooks = { .row = rule_row };

static const struct entity entities[] = {
    { .name = "enrolments", .label = N_("subsidy enrolments"), .table = "enrolment",
      .fields = enrol_fields, .nfields = ENROL_NFIELDS, .cap = CAP_REVIEW,
      .template_summary = N_("Write the import template for subsidy enrolments"),
      .import_summary = N_("Import subsidy enrolments (who is paid, since when, stops and refusals)"),
      .import = &enrol_hooks },
    { .name = "payments", .label = N_("subsidy payments"), .table = "payment",
      .fields = payment_fields, .nfields = PAYMENT_NFIELDS, .cap = CAP_REVIEW,
      .template_summary = N_("Write the import template for past subsidy payments"),
      .import_summary = N_("Import past subsidy payments; their months become approved, locked months"),
      .import = &payment_hooks },
    { .name = "rules", .label = N_("programme rules"), .table = "programme_rule",
      .fields = rule_import_fields, .nfields = 1 + RULE_NFIELDS, .cap = CAP_MANAGE,
      .template_summary = N_("Write the import template for programme rules"),
      .import_summary = N_("Import programme rules (a rule per programme and valid-from month)"),
      .import = &rule_hooks },
};

void subsidy_register_entities(void)
{
    pthread_once(&rule_import_once, join_rule_fields);
    for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++)
        entity_register(&entities[i]);
}
