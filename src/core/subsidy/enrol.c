/* SPDX-License-Identifier: MIT */
/* Enrolments: the approval steps, refusal and stop, each dated, signed and audited in the
 * person's history. Callers own the transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/enrol.h"
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/programme.h"
#include "base/store.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

const char *const enrol_steps[] = { "申请", "初审", "审核", "审定", "不予通过", "停发", NULL };

const char *const enrol_reasons[] = {
    "死亡", "迁出", "证件注销", "证件过期", "类别或等级不符", "不再是困难家庭",
    "纳入特困供养", "年龄不符", "无银行账号", "银行账号重复", "重复享受", "审核不合格",
    "本人申请退出", "失踪", "服刑", "虚报冒领", "其他", NULL,
};

const char *enrol_reason_name(int reason)
{
    return reason >= 1 && reason <= ER_COUNT ? enrol_reasons[reason - 1] : "";
}

const struct field enrol_fields[ENROL_NFIELDS] = {
    [EF_CERT_NO]     = { "cert_no", "残疾人证号", N_("Certificate number"), FT_TEXT, NULL, 24, 24, FF_REQUIRED | FF_SENSITIVE },
    [EF_NAME]        = { "name", "姓名", N_("Name"), FT_TEXT, NULL, 10, 30, 0 },
    [EF_PROGRAMME]   = { "programme", "补贴项目", N_("Programme"), FT_TEXT, NULL, 22, 30, FF_REQUIRED },
    [EF_APPLIED_ON]  = { "applied_on", "申请日期", N_("Applied on"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
    [EF_STEP]        = { "step", "审批状态", N_("Step"), FT_CHOICE, enrol_steps, 8, 4, FF_DERIVED },
    [EF_START_MONTH] = { "start_month", "起始月份", N_("Paid from"), FT_MONTH, NULL, 7, 10, FF_DERIVED },
    [EF_APPROVED_ON] = { "approved_on", "审定日期", N_("Approved on"), FT_DATE, NULL, 10, 10, FF_DERIVED },
    [EF_STOP_MONTH]  = { "stop_month", "停发月份", N_("Stopped from"), FT_MONTH, NULL, 7, 10, 0 },
    [EF_REASON]      = { "reason", "停发原因", N_("Stop reason"), FT_CHOICE, enrol_reasons, 12, 8, 0 },
    [EF_REASON_NOTE] = { "reason_note", "原因说明", N_("Reason"), FT_TEXT, NULL, 20, 100, 0 },
    [EF_NOTE]        = { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
};

/* The enrolment table's own columns, described for the store (the field table above is
 * the import's and export's, which name the person and programme instead of their ids). */
enum enrol_column {
    EC_PROGRAMME, EC_PERSON, EC_STEP, EC_START, EC_STOP, EC_REASON, EC_APPLIED_ON,
    EC_CHECKED_ON, EC_REVIEWED_ON, EC_APPROVED_ON, EC_CLOSED_ON, EC_APPLIED_BY, EC_CHECKED_BY,
    EC_REVIEWED_BY, EC_APPROVED_BY, EC_CLOSED_BY, EC_REASON_NOTE, EC_NOTE, EC_COUNT
};
#define COLUMN(k, t) { .key = k, .type = t }
static const struct field columns[EC_COUNT] = {
    [EC_PROGRAMME] = COLUMN("programme_id", FT_INT),
    [EC_PERSON] = COLUMN("person_id", FT_INT),
    [EC_STEP] = COLUMN("step", FT_CHOICE),
    [EC_START] = COLUMN("start_month", FT_MONTH),
    [EC_STOP] = COLUMN("stop_month", FT_MONTH),
    [EC_REASON] = COLUMN("reason", FT_CHOICE),
    [EC_APPLIED_ON] = COLUMN("applied_on", FT_DATE),
    [EC_CHECKED_ON] = COLUMN("checked_on", FT_DATE),
    [EC_REVIEWED_ON] = COLUMN("reviewed_on", FT_DATE),
    [EC_APPROVED_ON] = COLUMN("approved_on", FT_DATE),
    [EC_CLOSED_ON] = COLUMN("closed_on", FT_DATE),
    [EC_APPLIED_BY] = COLUMN("applied_by", FT_TEXT),
    [EC_CHECKED_BY] = COLUMN("checked_by", FT_TEXT),
    [EC_REVIEWED_BY] = COLUMN("reviewed_by", FT_TEXT),
    [EC_APPROVED_BY] = COLUMN("approved_by", FT_TEXT),
    [EC_CLOSED_BY] = COLUMN("closed_by", FT_TEXT),
    [EC_REASON_NOTE] = COLUMN("reason_note", FT_TEXT),
    [EC_NOTE] = COLUMN("note", FT_TEXT),
};
enum { FIND_ID, FIND_PERSON };
static const char *const finds[] = {
    [FIND_ID] = " WHERE t.id = ?1",
    [FIND_PERSON] = " WHERE t.person_id = ?1 ORDER BY t.id DESC",
    NULL,
};
static struct store enrol_store = {
    .table = "enrolment", .fields = columns, .n = EC_COUNT, .finds = finds,
    .once = PTHREAD_ONCE_INIT,
};

static void copy_col(sqlite3_stmt *st, int c, char *out, size_t cap)
{
    const char *t = (const char *)sqlite3_column_text(st, c + 1);
    snprintf(out, cap, "%s", t ? t : "");
}

/* The current row of a store select (column 0 the id, c + 1 column c) into *e. */
static int from_row(sqlite3_stmt *st, void *ctx)
{
    struct enrolment *e = ctx;
    const char *stop = (const char *)sqlite3_column_text(st, EC_STOP + 1);

    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(st, 0);
    e->programme_id = sqlite3_column_int64(st, EC_PROGRAMME + 1);
    e->person_id = sqlite3_column_int64(st, EC_PERSON + 1);
    e->step = sqlite3_column_int(st, EC_STEP + 1);
    e->start_month = month_parse((const char *)sqlite3_column_text(st, EC_START + 1));
    e->stop_month = stop ? month_parse(stop) : 0;
    e->reason = sqlite3_column_int(st, EC_REASON + 1);
    copy_col(st, EC_APPLIED_ON, e->applied_on, sizeof e->applied_on);
    copy_col(st, EC_CHECKED_ON, e->checked_on, sizeof e->checked_on);
    copy_col(st, EC_REVIEWED_ON, e->reviewed_on, sizeof e->reviewed_on);
    copy_col(st, EC_APPROVED_ON, e->approved_on, sizeof e->approved_on);
    copy_col(st, EC_CLOSED_ON, e->closed_on, sizeof e->closed_on);
    copy_col(st, EC_APPLIED_BY, e->applied_by, sizeof e->applied_by);
    copy_col(st, EC_CHECKED_BY, e->checked_by, sizeof e->checked_by);
    copy_col(st, EC_REVIEWED_BY, e->reviewed_by, sizeof e->reviewed_by);
    copy_col(st, EC_APPROVED_BY, e->approved_by, sizeof e->approved_by);
    copy_col(st, EC_CLOSED_BY, e->closed_by, sizeof e->closed_by);
    copy_col(st, EC_REASON_NOTE, e->reason_note, sizeof e->reason_note);
    copy_col(st, EC_NOTE, e->note, sizeof e->note);
    return DPF_OK;
}

/* Text forms of an enrolment's numbers, for its column values. */
struct enrol_text {
    char programme[24], person[24], step[4], start[MONTH_TEXT], stop[MONTH_TEXT], reason[4];
};

/* The values of the columns that hold numbers, set in v (stop month and reason NULL when
 * there is none). */
static void number_values(const struct enrolment *e, struct enrol_text *t, char **v)
{
    snprintf(t->programme, sizeof t->programme, "%lld", (long long)e->programme_id);
    snprintf(t->person, sizeof t->person, "%lld", (long long)e->person_id);
    snprintf(t->step, sizeof t->step, "%d", e->step);
    snprintf(t->reason, sizeof t->reason, "%d", e->reason);
    v[EC_PROGRAMME] = t->programme;
    v[EC_PERSON] = t->person;
    v[EC_STEP] = t->step;
    v[EC_START] = (char *)month_format(e->start_month, t->start);
    v[EC_STOP] = e->stop_month ? (char *)month_format(e->stop_month, t->stop) : NULL;
    v[EC_REASON] = e->reason ? t->reason : NULL;
}

static char *or_null(const char *s)
{
    return s && *s ? (char *)s : NULL;
}

int enrol_load(struct db *db, int64_t id, struct enrolment *out, struct dpf_err *err)
{
    sqlite3_stmt *st;
    int rc;

    if (!(st = store_find(db, &enrol_store, FIND_ID, err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    if ((rc = db_step_one(db, st, from_row, out, err)) != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No enrolment #%lld"), (long long)id);
}

int enrol_of_person(struct db *db, int64_t person_id, enrol_fn fn, void *ctx,
                    struct dpf_err *err)
{
    struct enrolment e;
    sqlite3_stmt *st;
    int rc;

    if (!(st = store_find(db, &enrol_store, FIND_PERSON, err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, person_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        from_row(st, &e);
        if (fn(&e, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

/* The person's history gets a line per step: programme, step, date and what else applies. */
static int audit_step(struct db *db, const struct enrolment *e, const char *action,
                      const char *date, struct dpf_err *err)
{
    struct strbuf sb;
    char name[128], m[MONTH_TEXT];
    int rc;

    if ((rc = programme_name_of(db, e->programme_id, name, sizeof name, NULL, err)) != DPF_OK)
        return rc;
    sb_init(&sb);
    sb_add(&sb, "{\"programme\":");
    sb_json_str(&sb, name);
    sb_add(&sb, ",\"step\":");
    sb_json_str(&sb, enrol_steps[e->step - 1]);
    sb_add(&sb, ",\"date\":");
    sb_json_str(&sb, date);
    if (e->step == ES_APPLIED || e->step == ES_APPROVED) {
        sb_add(&sb, ",\"start_month\":");
        sb_json_str(&sb, month_format(e->start_month, m));
    }
    if (e->step == ES_STOPPED) {
        sb_add(&sb, ",\"stop_month\":");
        sb_json_str(&sb, month_format(e->stop_month, m));
        sb_add(&sb, ",\"reason\":");
        sb_json_str(&sb, enrol_reasons[e->reason - 1]);
    }
    if (e->reason_note[0]) {
        sb_add(&sb, ",\"reason_note\":");
        sb_json_str(&sb, e->reason_note);
    }
    sb_add(&sb, "}");
    rc = sb.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                : audit_record(db, "person", e->person_id, action, NULL, sb_str(&sb), err);
    sb_free(&sb);
    return rc;
}

/* Whether date is a real day written YYYY-MM-DD (the field parser checks the day of the
 * month; the months of the ledger start in 1900). */
static int real_date(const char *date)
{
    static const struct field f = { "date", "日期", N_("Date"), FT_DATE, NULL, 10, 10, 0 };
    char *v = NULL;
    int ok = field_parse(&f, date, NULL, &v, NULL) == DPF_OK && v && strcmp(v, date) == 0;
    free(v);
    return ok && month_of_date(date) >= 0;
}

/* Why a step's date is refused: a real date before 1900 is out of range, anything else is
 * not YYYY-MM-DD (told apart: the clerk fixes each differently). */
static int bad_date(const char *date, struct dpf_err *err)
{
    char y2000[11];
    if (date && strlen(date) == 10 && strspn(date, "0123456789") == 4) {
        snprintf(y2000, sizeof y2000, "2000%s", date + 4);
        if (real_date(y2000))
            return dpf_err_set(err, DPF_EINVAL, "date",
                               _("The date %s is out of range (dates start at %d-01-01)"),
                               date, 1900);
    }
    return dpf_err_set(err, DPF_EINVAL, "date", _("The date must be YYYY-MM-DD"));
}

/* A date for a step: a real date, not in the future, not before the step before it. */
static int check_date(struct db *db, const char *date, const char *after, struct dpf_err *err)
{
    if (!date || !real_date(date))
        return bad_date(date, err);
    if (strcmp(date, db->today) > 0)
        return dpf_err_set(err, DPF_EINVAL, "date", _("The date %s is in the future"), date);
    if (after && *after && strcmp(date, after) < 0)
        return dpf_err_set(err, DPF_EINVAL, "date",
                           _("The date %s is before the previous step (%s)"), date, after);
    return DPF_OK;
}

/* The id of an open (申请..审定) enrolment of the person in the programme, or 0. */
static int open_enrolment(struct db *db, int64_t programme_id, int64_t person_id,
                          int64_t *id, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT id FROM enrolment WHERE person_id = ? AND "
                                   "programme_id = ? AND step <= 4 ORDER BY id LIMIT 1", err);
    int rc;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, person_id);
    sqlite3_bind_int64(st, 2, programme_id);
    rc = db_step_int64(db, st, id, err);
    return rc == DPF_ENOTFOUND ? DPF_OK : rc;
}

int enrol_open(struct db *db, int64_t programme_id, int64_t person_id, struct enrolment *out,
               struct dpf_err *err)
{
    int64_t id;
    int rc = open_enrolment(db, programme_id, person_id, &id, err);
    if (rc != DPF_OK)
        return rc;
    if (!id)
        return dpf_err_set(err, DPF_ENOTFOUND, "programme",
                           _("No application or payment of this person in the programme"));
    return enrol_load(db, id, out, err);
}

int enrol_apply(struct db *db, int64_t programme_id, int64_t person_id, const char *date,
                const char *note, int64_t *id, struct dpf_err *err)
{
    struct enrolment e = { .programme_id = programme_id, .person_id = person_id,
                           .step = ES_APPLIED };
    struct person p;
    struct enrol_text t = { 0 };
    char name[128], *v[EC_COUNT] = { NULL };
    int64_t open;
    int rc, active = 0;

    if ((rc = check_date(db, date, NULL, err)) != DPF_OK)
        return rc;
    if ((rc = programme_name_of(db, programme_id, name, sizeof name, &active, err)) != DPF_OK)
        return rc;
    if (!active)
        return dpf_err_set(err, DPF_EINVAL, "programme", _("%s is not in use"), name);
    person_init(&p);
    rc = person_load(db, person_id, &p, err);
    if (rc == DPF_OK && person_int(&p, PF_STATUS) != PS_ACTIVE)
        rc = dpf_err_set(err, DPF_EINVAL, "programme", _("%s is not on the register (%s)"),
                         person_get(&p, PF_NAME), person_statuses[person_int(&p, PF_STATUS) - 1]);
    if (rc == DPF_OK && (rc = open_enrolment(db, programme_id, person_id, &open, err)) == DPF_OK &&
        open)
        rc = dpf_err_set(err, DPF_EDUP, "programme",
                         _("%s already has an application or payment in %s"),
                         person_get(&p, PF_NAME), name);
    person_clear(&p);
    if (rc != DPF_OK)
        return rc;
    e.start_month = month_of_date(date);
    number_values(&e, &t, v);
    v[EC_APPLIED_ON] = (char *)date;
    v[EC_APPLIED_BY] = db->user;
    v[EC_NOTE] = (char *)note;
    if ((rc = store_insert(db, &enrol_store, 0, v, NULL, &e.id, err)) != DPF_OK)
        return rc;
    if (id)
        *id = e.id;
    return audit_step(db, &e, "subsidy_apply", date, err);
}

/* Whether the person qualifies under the programme's rule in month; the reason if not. */
static int qualifies(struct db *db, const struct enrolment *e, int month, struct dpf_err *err)
{
    struct programme_set ps;
    struct rule_verdict v = { 0 };
    struct person p;
    const struct programme *prog = NULL;
    const struct rule *r = NULL;
    int rc;

    person_init(&p);
    if ((rc = programme_load_all(db, &ps, err)) != DPF_OK)
        return rc;
    for (int i = 0; i < ps.n; i++)
        if (ps.p[i].id == e->programme_id)
            prog = &ps.p[i];
    if (prog && !(r = programme_rule_at(prog, month)))
        rc = dpf_err_set(err, DPF_EINVAL, "programme", _("%s has no rule in force yet"),
                         prog->v[GF_NAME]);
    if (rc == DPF_OK && r && (rc = person_load(db, e->person_id, &p, err)) == DPF_OK) {
        struct rule_person rp;
        rule_person_of(&p, &rp);
        rule_check(r, &rp, month, ps.cert_valid_years, &v);
        if (v.reason)
            rc = dpf_err_set(err, DPF_EINVAL, "step", _("%s does not qualify for %s: %s%s%s"),
                             person_get(&p, PF_NAME), prog->v[GF_NAME],
                             enrol_reasons[v.reason - 1], v.date[0] ? " " : "", v.date);
    }
    person_clear(&p);
    programme_set_free(&ps);
    return rc;
}

/* Writes the enrolment's step, the step's date (in column on, EC_CHECKED_ON..EC_CLOSED_ON)
 * and user, and its stop month, reason and note. */
static int set_step(struct db *db, const struct enrolment *e, int on, const char *date,
                    struct dpf_err *err)
{
    int by = on - EC_CHECKED_ON + EC_CHECKED_BY;
    uint64_t which = 1u << EC_STEP | 1u << on | 1u << by | 1u << EC_STOP | 1u << EC_REASON |
                     1u << EC_REASON_NOTE;
    struct enrol_text t = { 0 };
    char *v[EC_COUNT] = { NULL };

    number_values(e, &t, v);
    v[on] = (char *)date;
    v[by] = db->user;
    v[EC_REASON_NOTE] = or_null(e->reason_note);
    return store_update_only(db, &enrol_store, e->id, which, v, NULL, err);
}

/* The date of the step the enrolment is at. */
static const char *step_date(const struct enrolment *e)
{
    switch (e->step) {
    case ES_CHECKED:
        return e->checked_on;
    case ES_REVIEWED:
        return e->reviewed_on;
    case ES_APPROVED:
        return e->approved_on;
    default:
        return e->applied_on;
    }
}

int enrol_advance(struct db *db, int64_t id, const char *date, struct dpf_err *err)
{
    static const int cols[] = { 0, EC_CHECKED_ON, EC_REVIEWED_ON, EC_APPROVED_ON };
    struct enrolment e;
    int rc;

    if ((rc = enrol_load(db, id, &e, err)) != DPF_OK)
        return rc;
    if (e.step > ES_REVIEWED)
        return dpf_err_set(err, DPF_EINVAL, "step", _("This enrolment is already %s"),
                           enrol_steps[e.step - 1]);
    if ((rc = check_date(db, date, step_date(&e), err)) != DPF_OK)
        return rc;
    if (e.step == ES_REVIEWED && (rc = qualifies(db, &e, month_of_date(date), err)) != DPF_OK)
        return rc;
    e.step++;
    if ((rc = set_step(db, &e, cols[e.step - 1], date, err)) != DPF_OK)
        return rc;
    return audit_step(db, &e, "subsidy_step", date, err);
}

int enrol_refuse(struct db *db, int64_t id, const char *date, const char *why,
                 struct dpf_err *err)
{
    struct enrolment e;
    int rc;

    if (!why || !*why)
        return dpf_err_set(err, DPF_EINVAL, "reason_note", _("Give the reason for the refusal"));
    if ((rc = enrol_load(db, id, &e, err)) != DPF_OK)
        return rc;
    if (e.step > ES_REVIEWED)
        return dpf_err_set(err, DPF_EINVAL, "step",
                           _("Only an application can be refused; this enrolment is %s"),
                           enrol_steps[e.step - 1]);
    if ((rc = check_date(db, date, step_date(&e), err)) != DPF_OK)
        return rc;
    e.step = ES_REFUSED;
    snprintf(e.reason_note, sizeof e.reason_note, "%s", why);
    if ((rc = set_step(db, &e, EC_CLOSED_ON, date, err)) != DPF_OK)
        return rc;
    return audit_step(db, &e, "subsidy_refuse", date, err);
}

int enrol_stop(struct db *db, int64_t id, int reason, int stop_month, const char *note,
               struct dpf_err *err)
{
    struct enrolment e;
    char m[MONTH_TEXT];
    int rc;

    if (reason < 1 || reason > ER_COUNT)
        return dpf_err_set(err, DPF_EINVAL, "reason", _("Unknown stop reason %d"), reason);
    if ((rc = enrol_load(db, id, &e, err)) != DPF_OK)
        return rc;
    if (e.step != ES_APPROVED)
        return dpf_err_set(err, DPF_EINVAL, "step",
                           _("Only an approved enrolment can be stopped; this one is %s"),
                           enrol_steps[e.step - 1]);
    if (stop_month < e.start_month)
        return dpf_err_set(err, DPF_EINVAL, "stop_month",
                           _("Payment starts in %s: it cannot stop before that"),
                           month_format(e.start_month, m));
    e.step = ES_STOPPED;
    e.reason = reason;
    e.stop_month = stop_month;
    snprintf(e.reason_note, sizeof e.reason_note, "%s", note ? note : "");
    if ((rc = set_step(db, &e, EC_CLOSED_ON, db->today, err)) != DPF_OK)
        return rc;
    return audit_step(db, &e, "subsidy_stop", db->today, err);
}

/* The rules of a complete enrolment record, as the import brings it. */
static int check_record(struct db *db, const struct enrolment *e, struct dpf_err *err)
{
    char m[MONTH_TEXT];
    struct enrolment other;
    int rc;

    if (e->step < ES_APPLIED || e->step > ES_STOPPED)
        return dpf_err_set(err, DPF_EINVAL, "step", _("Unknown step %d"), e->step);
    if ((rc = check_date(db, e->applied_on, NULL, err)) != DPF_OK)
        return rc;
    if (e->start_month < 0)
        return dpf_err_set(err, DPF_EINVAL, "start_month", _("The month must be YYYY-MM"));
    if (e->approved_on[0] && (rc = check_date(db, e->approved_on, e->applied_on, err)) != DPF_OK) {
        err->field = "approved_on";
        return rc;
    }
    if (e->step == ES_STOPPED && (!e->stop_month || !e->reason))
        return dpf_err_set(err, DPF_EINVAL, e->stop_month ? "reason" : "stop_month",
                           _("A stopped enrolment needs the month it stopped and the reason"));
    if (e->step != ES_STOPPED && (e->stop_month || e->reason))
        return dpf_err_set(err, DPF_EINVAL, "stop_month",
                           _("A stop month and reason belong only to a stopped enrolment"));
    if (e->stop_month && e->stop_month < e->start_month)
        return dpf_err_set(err, DPF_EINVAL, "stop_month",
                           _("Payment starts in %s: it cannot stop before that"),
                           month_format(e->start_month, m));
    if (e->step == ES_REFUSED && !e->reason_note[0])
        return dpf_err_set(err, DPF_EINVAL, "reason_note", _("Give the reason for the refusal"));
    if (e->step > ES_APPROVED)
        return DPF_OK;
    if ((rc = enrol_open(db, e->programme_id, e->person_id, &other, err)) == DPF_ENOTFOUND)
        return DPF_OK;
    if (rc != DPF_OK)
        return rc;
    return dpf_err_set(err, DPF_EDUP, "programme",
                       _("This person already has an application or payment in the programme "
                         "(%s, applied on %s)"), enrol_steps[other.step - 1], other.applied_on);
}

int enrol_insert(struct db *db, struct enrolment *e, struct dpf_err *err)
{
    struct enrol_text t = { 0 };
    char *v[EC_COUNT] = { NULL }, *d = e->applied_on;
    int rc;

    if ((rc = check_record(db, e, err)) != DPF_OK)
        return rc;
    snprintf(e->applied_by, sizeof e->applied_by, "%s", db->user);
    number_values(e, &t, v);
    v[EC_APPLIED_ON] = d;
    /* Every step is signed by the one who imports the record. */
    for (int by = EC_APPLIED_BY; by <= EC_CLOSED_BY; by++)
        v[by] = db->user;
    /* Steps passed are dated by the application, approval by its own date. */
    if (e->step >= ES_CHECKED && e->step != ES_REFUSED)
        v[EC_CHECKED_ON] = d;
    if (e->step >= ES_REVIEWED && e->step != ES_REFUSED)
        v[EC_REVIEWED_ON] = d;
    if (e->step == ES_APPROVED || e->step == ES_STOPPED)
        v[EC_APPROVED_ON] = e->approved_on[0] ? e->approved_on : d;
    if (e->step >= ES_REFUSED)
        v[EC_CLOSED_ON] = db->today;
    v[EC_REASON_NOTE] = or_null(e->reason_note);
    v[EC_NOTE] = or_null(e->note);
    if ((rc = store_insert(db, &enrol_store, 0, v, NULL, &e->id, err)) != DPF_OK)
        return rc;
    return audit_step(db, e, "subsidy_import", d, err);
}
