/* SPDX-License-Identifier: MIT */
/* Programmes and their rules: the field tables, loading and saving with audit. The rule's
 * judgement of a person is in rule.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/programme.h"
#include "dpf/review.h"
#include "base/record.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

static const char *const pay_periods[] = { "按月", "按季", "按年", NULL };
static const char *const povertys[] = { "不限", "低保或建档立卡", "低保", "建档立卡", NULL };
static const char *const periods[] = { "每月", "每年", "一次", NULL };

const struct field programme_fields[PROGRAMME_NFIELDS] = {
    [GF_CODE]       = { "code", "代码", N_("Code"), FT_TEXT, NULL, 12, 20, FF_REQUIRED },
    [GF_NAME]       = { "name", "名称", N_("Programme"), FT_TEXT, NULL, 22, 30, FF_REQUIRED },
    [GF_PAY_PERIOD] = { "pay_period", "发放周期", N_("Paid"), FT_CHOICE, pay_periods, 6, 4, FF_REQUIRED },
    [GF_ACTIVE]     = { "active", "启用", N_("In use"), FT_FLAG, NULL, 4, 5, FF_REQUIRED },
    [GF_NOTE]       = { "note", "说明", N_("Description"), FT_TEXT, NULL, 24, 100, 0 },
};

const struct field rule_fields[RULE_NFIELDS] = {
    [RF_VALID_FROM] = { "valid_from", "生效月份", N_("Valid from"), FT_MONTH, NULL, 7, 10, FF_REQUIRED },
    [RF_STATUSES]   = { "statuses", "人员状态", N_("Person status"), FT_CODES, person_statuses, 8, 40, FF_REQUIRED },
    [RF_CATEGORIES] = { "categories", "残疾类别", N_("Categories"), FT_CODES, person_categories, 12, 60, FF_REQUIRED },
    [RF_LEVELS]     = { "levels", "残疾等级", N_("Levels"), FT_CODES, person_levels, 10, 40, FF_REQUIRED },
    [RF_IM_LEVELS]  = { "im_levels", "智力精神另含等级", N_("Also for intellectual/mental"), FT_CODES, person_levels, 10, 40, 0 },
    [RF_POVERTY]    = { "poverty", "困难条件", N_("Poverty condition"), FT_CHOICE, povertys, 14, 10, FF_REQUIRED },
    [RF_NO_TEKUN]   = { "no_tekun", "特困供养除外", N_("Not with extreme-poverty support"), FT_FLAG, NULL, 4, 5, 0 },
    [RF_MIN_AGE]    = { "min_age", "最低年龄", N_("Minimum age"), FT_INT, NULL, 4, 5, 0 },
    [RF_MAX_AGE]    = { "max_age", "最高年龄", N_("Maximum age"), FT_INT, NULL, 4, 5, 0 },
    [RF_PERIOD]     = { "period", "标准周期", N_("Amount per"), FT_CHOICE, periods, 4, 4, FF_REQUIRED },
    [RF_AMOUNT1]    = { "amount1", "一级标准", N_("Level 1 amount (yuan)"), FT_MONEY, NULL, 10, 16, FF_REQUIRED },
    [RF_AMOUNT2]    = { "amount2", "二级标准", N_("Level 2 amount (yuan)"), FT_MONEY, NULL, 10, 16, FF_REQUIRED },
    [RF_AMOUNT3]    = { "amount3", "三级标准", N_("Level 3 amount (yuan)"), FT_MONEY, NULL, 10, 16, FF_REQUIRED },
    [RF_AMOUNT4]    = { "amount4", "四级标准", N_("Level 4 amount (yuan)"), FT_MONEY, NULL, 10, 16, FF_REQUIRED },
    [RF_NOTE]       = { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
};

/* "code, name, ..." of a field table, for SELECT and INSERT. */
static void columns(struct strbuf *sb, const struct field *f, int n)
{
    for (int i = 0; i < n; i++)
        sb_printf(sb, "%s%s", i ? ", " : "", f[i].key);
}

/* Prepares "SELECT <lead><the table's columns> FROM <tail>". */
static int select_stmt(struct db *db, const char *lead, const struct field *f, int n,
                       const char *tail, sqlite3_stmt **st, struct dpf_err *err)
{
    struct strbuf q;
    int rc;

    sb_init(&q);
    sb_printf(&q, "SELECT %s", lead);
    columns(&q, f, n);
    sb_printf(&q, " FROM %s", tail);
    rc = q.oom ? SQLITE_NOMEM : sqlite3_prepare_v2(db->h, sb_str(&q), -1, st, NULL);
    sb_free(&q);
    if (rc == SQLITE_NOMEM)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_OK ? DPF_OK : db_fail(db, err);
}

static unsigned code_bits(const char *codes)
{
    unsigned bits = 0;
    for (const char *c = codes ? codes : ""; *c; c++)
        if (*c >= '1' && *c <= '9')
            bits |= 1u << (*c - '0');
    return bits;
}

static int opt_int(const char *v)
{
    return v ? atoi(v) : -1;
}

int rule_from_values(struct rule *r, struct dpf_err *err)
{
    for (int i = 0; i < RULE_NFIELDS; i++)
        if ((rule_fields[i].flags & FF_REQUIRED) && !r->v[i])
            return dpf_err_set(err, DPF_EINVAL, rule_fields[i].key, _("%s is required"),
                               _(rule_fields[i].label));
    r->valid_from = month_parse(r->v[RF_VALID_FROM]);
    r->statuses = code_bits(r->v[RF_STATUSES]);
    r->categories = code_bits(r->v[RF_CATEGORIES]);
    r->levels = code_bits(r->v[RF_LEVELS]);
    r->im_levels = code_bits(r->v[RF_IM_LEVELS]);
    r->poverty = atoi(r->v[RF_POVERTY]);
    r->no_tekun = r->v[RF_NO_TEKUN] && atoi(r->v[RF_NO_TEKUN]);
    r->min_age = opt_int(r->v[RF_MIN_AGE]);
    r->max_age = opt_int(r->v[RF_MAX_AGE]);
    r->period = atoi(r->v[RF_PERIOD]);
    for (int l = 1; l <= 4; l++)
        r->amount[l] = atoll(r->v[RF_AMOUNT1 + l - 1]);
    if (r->valid_from < 0)
        return dpf_err_set(err, DPF_EINVAL, rule_fields[RF_VALID_FROM].key,
                           _("%s is not a month"), _(rule_fields[RF_VALID_FROM].label));
    if (!r->statuses || !r->categories || !r->levels)
        return dpf_err_set(err, DPF_EINVAL, rule_fields[r->statuses ? RF_LEVELS : RF_STATUSES].key,
                           _("A rule must admit at least one status, category and level"));
    if (r->min_age >= 0 && r->max_age >= 0 && r->min_age > r->max_age)
        return dpf_err_set(err, DPF_EINVAL, rule_fields[RF_MAX_AGE].key,
                           _("The maximum age %d is below the minimum age %d"), r->max_age,
                           r->min_age);
    return DPF_OK;
}

static void rule_free(struct rule *r)
{
    for (int i = 0; i < RULE_NFIELDS; i++)
        free(r->v[i]);
}

void programme_set_free(struct programme_set *s)
{
    for (int i = 0; i < s->n; i++) {
        for (int k = 0; k < s->p[i].nrules; k++)
            rule_free(&s->p[i].rules[k]);
        free(s->p[i].rules);
        for (int f = 0; f < PROGRAMME_NFIELDS; f++)
            free(s->p[i].v[f]);
    }
    free(s->p);
    memset(s, 0, sizeof *s);
}

/* Copies columns first.. of the current row into v[0..n). */
static int read_values(sqlite3_stmt *st, int first, char **v, int n)
{
    for (int i = 0; i < n; i++) {
        const char *t = (const char *)sqlite3_column_text(st, first + i);
        if (t && !(v[i] = strdup(t)))
            return DPF_ENOMEM;
    }
    return DPF_OK;
}

static int load_programmes(struct db *db, struct programme_set *s, struct dpf_err *err)
{
    static const int months[] = { 1, 1, 3, 12 };
    sqlite3_stmt *st;
    int rc;

    if ((rc = select_stmt(db, "id, ", programme_fields, PROGRAMME_NFIELDS,
                          "programme ORDER BY id", &st, err)) != DPF_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct programme *grown = realloc(s->p, (size_t)(s->n + 1) * sizeof *grown), *p;
        if (!grown)
            break;
        s->p = grown;
        p = memset(&s->p[s->n++], 0, sizeof *p);
        p->id = sqlite3_column_int64(st, 0);
        if (read_values(st, 1, p->v, PROGRAMME_NFIELDS) != DPF_OK)
            break;
        p->pay_every = months[atoi(p->v[GF_PAY_PERIOD]) & 3];
        p->active = atoi(p->v[GF_ACTIVE]);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

static struct programme *by_id(struct programme_set *s, int64_t id)
{
    for (int i = 0; i < s->n; i++)
        if (s->p[i].id == id)
            return &s->p[i];
    return NULL;
}

static int load_rules(struct db *db, struct programme_set *s, struct dpf_err *err)
{
    sqlite3_stmt *st;
    int rc;

    if ((rc = select_stmt(db, "id, programme_id, ", rule_fields, RULE_NFIELDS,
                          "programme_rule ORDER BY programme_id, valid_from", &st, err)) != DPF_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct programme *p = by_id(s, sqlite3_column_int64(st, 1));
        struct rule *grown, *r;
        if (!p)
            continue;
        if (!(grown = realloc(p->rules, (size_t)(p->nrules + 1) * sizeof *grown)))
            break;
        p->rules = grown;
        r = memset(&p->rules[p->nrules++], 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        if (read_values(st, 2, r->v, RULE_NFIELDS) != DPF_OK)
            break;
        if (rule_from_values(r, err) != DPF_OK) {
            sqlite3_finalize(st);
            return err ? err->code : DPF_EINVAL;
        }
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int programme_load_all(struct db *db, struct programme_set *out, struct dpf_err *err)
{
    char years[16];
    int rc;

    memset(out, 0, sizeof *out);
    db_setting(db, "cert_valid_years", years, sizeof years);
    out->cert_valid_years = atoi(years);
    if ((rc = load_programmes(db, out, err)) == DPF_OK)
        rc = load_rules(db, out, err);
    if (rc != DPF_OK)
        programme_set_free(out);
    return rc;
}

const struct programme *programme_find(const struct programme_set *s, const char *key)
{
    for (int i = 0; key && i < s->n; i++)
        if (strcmp(s->p[i].v[GF_CODE], key) == 0 || strcmp(s->p[i].v[GF_NAME], key) == 0)
            return &s->p[i];
    return NULL;
}

const struct rule *programme_rule_at(const struct programme *p, int month)
{
    const struct rule *found = NULL;
    for (int i = 0; i < p->nrules && p->rules[i].valid_from <= month; i++)
        found = &p->rules[i];
    return found;
}

int programme_is_once(const struct programme *p, int month)
{
    const struct rule *r = programme_rule_at(p, month);
    if (!r && p->nrules)
        r = &p->rules[0];
    return r && r->period == RPER_ONCE;
}

/* Binds v[0..n) to ?first.. as the table's columns want them: codes and money as numbers. */
static void bind_values(sqlite3_stmt *st, int first, const struct field *f, char *const *v, int n)
{
    for (int i = 0; i < n; i++) {
        int numeric = f[i].type == FT_CHOICE || f[i].type == FT_FLAG || f[i].type == FT_MONEY ||
                      f[i].type == FT_INT;
        if (!v[i])
            sqlite3_bind_null(st, first + i);
        else if (numeric)
            sqlite3_bind_int64(st, first + i, atoll(v[i]));
        else
            sqlite3_bind_text(st, first + i, v[i], -1, SQLITE_STATIC);
    }
}

struct rule_row {
    char **old;
    int64_t *id;
};

static int read_rule(sqlite3_stmt *st, void *ctx)
{
    struct rule_row *r = ctx;
    *r->id = sqlite3_column_int64(st, 0);
    return read_values(st, 1, r->old, RULE_NFIELDS);
}

/* Loads the rule of programme_id valid from month into old (values), if there is one. */
static int load_rule(struct db *db, int64_t programme_id, const char *month, char **old,
                     int64_t *id, struct dpf_err *err)
{
    sqlite3_stmt *st;
    int rc;

    *id = 0;
    if ((rc = select_stmt(db, "id, ", rule_fields, RULE_NFIELDS,
                          "programme_rule WHERE programme_id = ? AND valid_from = ?", &st,
                          err)) != DPF_OK)
        return rc;
    sqlite3_bind_int64(st, 1, programme_id);
    sqlite3_bind_text(st, 2, month, -1, SQLITE_STATIC);
    rc = db_step_one(db, st, read_rule, &(struct rule_row){ old, id }, err);
    sqlite3_finalize(st);
    if (rc == DPF_ENOMEM)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == DPF_ENOTFOUND ? DPF_OK : rc;
}

static int write_rule(struct db *db, int64_t programme_id, int64_t id, char *const v[],
                      struct dpf_err *err)
{
    struct strbuf q;
    sqlite3_stmt *st;
    int rc;

    sb_init(&q);
    if (id) {
        sb_add(&q, "UPDATE programme_rule SET ");
        for (int i = 0; i < RULE_NFIELDS; i++)
            sb_printf(&q, "%s%s = ?%d", i ? ", " : "", rule_fields[i].key, i + 1);
        sb_printf(&q, " WHERE id = ?%d", RULE_NFIELDS + 1);
    } else {
        sb_add(&q, "INSERT INTO programme_rule (");
        columns(&q, rule_fields, RULE_NFIELDS);
        sb_add(&q, ", programme_id) VALUES (");
        for (int i = 0; i <= RULE_NFIELDS; i++)
            sb_printf(&q, "%s?%d", i ? ", " : "", i + 1);
        sb_add(&q, ")");
    }
    rc = sqlite3_prepare_v2(db->h, sb_str(&q), -1, &st, NULL);
    sb_free(&q);
    if (rc != SQLITE_OK)
        return db_fail(db, err);
    bind_values(st, 1, rule_fields, v, RULE_NFIELDS);
    sqlite3_bind_int64(st, RULE_NFIELDS + 1, id ? id : programme_id);
    rc = db_step_done(db, st, err);
    sqlite3_finalize(st);
    return rc;
}

struct name_row {
    char *out;
    size_t cap;
    int *active;
};

static int read_name(sqlite3_stmt *st, void *ctx)
{
    struct name_row *n = ctx;
    snprintf(n->out, n->cap, "%s", (const char *)sqlite3_column_text(st, 0));
    if (n->active)
        *n->active = sqlite3_column_int(st, 1);
    return DPF_OK;
}

int programme_name_of(struct db *db, int64_t id, char *out, size_t cap, int *active,
                      struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT name, active FROM programme WHERE id = ?", err);
    int rc;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    if ((rc = db_step_one(db, st, read_name, &(struct name_row){ out, cap, active }, err))
        != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No such programme"));
}

int programme_id_of(struct db *db, const char *key, int64_t *id, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT id FROM programme WHERE code = ?1 OR name = ?1", err);
    int rc;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    if ((rc = db_step_int64(db, st, id, err)) != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, "programme", _("No programme \"%s\""), key);
}

int programme_rule_save(struct db *db, int64_t programme_id, char *const v[RULE_NFIELDS],
                        int *what, struct dpf_err *err)
{
    struct rule r = { 0 };
    char *old[RULE_NFIELDS] = { 0 }, locked[MONTH_TEXT], next[MONTH_TEXT];
    struct strbuf before, after;
    int64_t id;
    int rc, approved;

    memcpy(r.v, v, sizeof r.v);
    if ((rc = rule_from_values(&r, err)) != DPF_OK)
        return rc;
    if ((rc = review_last_approved(db, &approved, err)) != DPF_OK)
        return rc;
    if (r.valid_from <= approved)
        return dpf_err_set(err, DPF_EINVAL, rule_fields[RF_VALID_FROM].key,
                           _("%s has been approved: its roster is locked. A change of rule "
                             "must be valid from %s or later."),
                           month_format(approved, locked), month_format(approved + 1, next));
    if ((rc = load_rule(db, programme_id, v[RF_VALID_FROM], old, &id, err)) != DPF_OK)
        return rc;
    sb_init(&before);
    sb_init(&after);
    record_json_diff(&before, rule_fields, RULE_NFIELDS, old, v, 0);
    record_json_diff(&after, rule_fields, RULE_NFIELDS, old, v, 1);
    rc = DPF_OK;
    if (what)
        *what = strcmp(sb_str(&after), "{}") == 0 ? RULE_UNCHANGED : id ? RULE_CHANGED : RULE_ADDED;
    if (strcmp(sb_str(&after), "{}") != 0) {
        rc = write_rule(db, programme_id, id, v, err);
        if (rc == DPF_OK)
            rc = audit_record(db, "programme", programme_id, id ? "rule_update" : "rule_add",
                              id ? sb_str(&before) : NULL, sb_str(&after), err);
    }
    if (before.oom || after.oom)
        rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    sb_free(&before);
    sb_free(&after);
    for (int i = 0; i < RULE_NFIELDS; i++)
        free(old[i]);
    return rc;
}

static int read_programme(sqlite3_stmt *st, void *old)
{
    return read_values(st, 0, old, PROGRAMME_NFIELDS);
}

int programme_save(struct db *db, struct programme *p, struct dpf_err *err)
{
    char *old[PROGRAMME_NFIELDS] = { 0 };
    struct strbuf q, before, after;
    sqlite3_stmt *st;
    int rc;

    for (int i = 0; i < PROGRAMME_NFIELDS; i++)
        if ((programme_fields[i].flags & FF_REQUIRED) && !p->v[i])
            return dpf_err_set(err, DPF_EINVAL, programme_fields[i].key, _("%s is required"),
                               _(programme_fields[i].label));
    sb_init(&q);
    sb_init(&before);
    sb_init(&after);
    if (p->id) {
        if ((rc = select_stmt(db, "", programme_fields, PROGRAMME_NFIELDS,
                              "programme WHERE id = ?", &st, err)) != DPF_OK)
            goto out;
        sqlite3_bind_int64(st, 1, p->id);
        rc = db_step_one(db, st, read_programme, old, err);
        sqlite3_finalize(st);
        if (rc == DPF_ENOTFOUND || rc == DPF_ENOMEM)
            rc = dpf_err_set(err, rc, NULL, rc == DPF_ENOMEM ? _("Out of memory")
                                                            : _("No such programme"));
        if (rc != DPF_OK)
            goto out;
    }
    record_json_diff(&before, programme_fields, PROGRAMME_NFIELDS, old, p->v, 0);
    record_json_diff(&after, programme_fields, PROGRAMME_NFIELDS, old, p->v, 1);
    rc = DPF_OK;
    if (strcmp(sb_str(&after), "{}") == 0)
        goto out;
    sb_reset(&q);
    if (p->id) {
        sb_add(&q, "UPDATE programme SET ");
        for (int i = 0; i < PROGRAMME_NFIELDS; i++)
            sb_printf(&q, "%s%s = ?%d", i ? ", " : "", programme_fields[i].key, i + 1);
        sb_printf(&q, " WHERE id = ?%d", PROGRAMME_NFIELDS + 1);
    } else {
        sb_add(&q, "INSERT INTO programme (");
        columns(&q, programme_fields, PROGRAMME_NFIELDS);
        sb_add(&q, ") VALUES (?1, ?2, ?3, ?4, ?5)");
    }
    if (sqlite3_prepare_v2(db->h, sb_str(&q), -1, &st, NULL) != SQLITE_OK) {
        rc = db_fail(db, err);
        goto out;
    }
    bind_values(st, 1, programme_fields, p->v, PROGRAMME_NFIELDS);
    sqlite3_bind_int64(st, PROGRAMME_NFIELDS + 1, p->id);
    rc = db_step_done(db, st, err);
    if (rc == DPF_EDB && sqlite3_errcode(db->h) == SQLITE_CONSTRAINT)
        rc = dpf_err_set(err, DPF_EDUP, programme_fields[GF_CODE].key,
                         _("A programme with this code or name already exists"));
    sqlite3_finalize(st);
    if (rc != DPF_OK)
        goto out;
    if (!p->id)
        p->id = sqlite3_last_insert_rowid(db->h);
    rc = audit_record(db, "programme", p->id, old[GF_CODE] ? "update" : "insert",
                      old[GF_CODE] ? sb_str(&before) : NULL, sb_str(&after), err);
out:
    sb_free(&q);
    sb_free(&before);
    sb_free(&after);
    for (int i = 0; i < PROGRAMME_NFIELDS; i++)
        free(old[i]);
    return rc;
}
