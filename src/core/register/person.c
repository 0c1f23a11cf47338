/* SPDX-License-Identifier: MIT */
/* The person record: its field table, value handling and whole-record validation.
 * Storage is in person_store.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/person.h"

static const char *const genders[] = { "男", "女", NULL };
const char *const person_categories[] = { "视力", "听力", "言语", "肢体", "智力", "精神", "多重", NULL };
const char *const person_levels[] = { "一级", "二级", "三级", "四级", NULL };
const char *const person_statuses[] = { "在册", "死亡", "迁出", "注销", NULL };

/* Order is the import template's column order. */
const struct field person_fields[PERSON_NFIELDS] = {
    [PF_CERT_NO]        = { "cert_no", "残疾人证号", N_("Certificate number"), FT_CERT, NULL, 24, 24, FF_REQUIRED | FF_SENSITIVE },
    [PF_NAME]           = { "name", "姓名", N_("Name"), FT_TEXT, NULL, 10, 30, FF_REQUIRED },
    [PF_GENDER]         = { "gender", "性别", N_("Gender"), FT_CHOICE, genders, 4, 4, FF_REQUIRED | FF_DERIVED },
    [PF_BIRTH_DATE]     = { "birth_date", "出生日期", N_("Date of birth"), FT_DATE, NULL, 10, 10, FF_REQUIRED | FF_DERIVED },
    [PF_ETHNICITY]      = { "ethnicity", "民族", N_("Ethnicity"), FT_TEXT, NULL, 6, 10, 0 },
    [PF_CATEGORY]       = { "category", "残疾类别", N_("Category"), FT_CHOICE, person_categories, 6, 4, FF_REQUIRED | FF_DERIVED },
    [PF_LEVEL]          = { "level", "残疾等级", N_("Level"), FT_CHOICE, person_levels, 6, 4, FF_REQUIRED | FF_DERIVED },
    [PF_TOWNSHIP]       = { "township", "乡镇街道", N_("Township"), FT_TEXT, NULL, 12, 30, FF_REQUIRED },
    [PF_VILLAGE]        = { "village", "村社区", N_("Village"), FT_TEXT, NULL, 12, 30, 0 },
    [PF_ADDRESS]        = { "address", "详细地址", N_("Address"), FT_TEXT, NULL, 24, 100, 0 },
    [PF_PHONE]          = { "phone", "联系电话", N_("Phone"), FT_PHONE, NULL, 13, 13, 0 },
    [PF_GUARDIAN]       = { "guardian", "监护人", N_("Guardian"), FT_TEXT, NULL, 10, 30, 0 },
    [PF_GUARDIAN_PHONE] = { "guardian_phone", "监护人电话", N_("Guardian phone"), FT_PHONE, NULL, 13, 13, 0 },
    [PF_POOR_REG]       = { "poor_reg", "建档立卡", N_("Registered poor"), FT_FLAG, NULL, 8, 5, 0 },
    [PF_DIBAO]          = { "dibao", "低保", N_("Minimum living allowance"), FT_FLAG, NULL, 4, 5, 0 },
    [PF_TEKUN]          = { "tekun", "特困", N_("Extreme poverty support"), FT_FLAG, NULL, 4, 5, 0 },
    [PF_ILLNESS_POOR]   = { "illness_poor", "因病致贫", N_("Poor through illness"), FT_FLAG, NULL, 8, 5, 0 },
    [PF_CERT_ISSUE_DATE]= { "cert_issue_date", "发证日期", N_("Certificate issued"), FT_DATE, NULL, 10, 10, 0 },
    [PF_STATUS]         = { "status", "状态", N_("Status"), FT_CHOICE, person_statuses, 4, 4, FF_DERIVED },
    [PF_STATUS_DATE]    = { "status_date", "状态日期", N_("Status date"), FT_DATE, NULL, 10, 10, 0 },
    [PF_STATUS_REASON]  = { "status_reason", "状态原因", N_("Status reason"), FT_TEXT, NULL, 16, 100, 0 },
    [PF_BANK_ACCOUNT]   = { "bank_account", "银行账号", N_("Bank account"), FT_DIGITS, NULL, 20, 32, FF_SENSITIVE },
    [PF_NOTE]           = { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
};

void person_init(struct person *p)
{
    memset(p, 0, sizeof *p);
}

void person_clear(struct person *p)
{
    for (int i = 0; i < PERSON_NFIELDS; i++)
        free(p->v[i]);
    person_init(p);
}

int person_set(struct person *p, int field, const char *canonical)
{
    char *copy = canonical ? strdup(canonical) : NULL;
    if (canonical && !copy)
        return DPF_ENOMEM;
    free(p->v[field]);
    p->v[field] = copy;
    return DPF_OK;
}

const char *person_get(const struct person *p, int field)
{
    return p->v[field];
}

int person_int(const struct person *p, int field)
{
    return p->v[field] ? atoi(p->v[field]) : 0;
}

void person_id_no(const struct person *p, char out[19])
{
    const char *c = p->v[PF_CERT_NO] ? p->v[PF_CERT_NO] : "";
    size_t n = strnlen(c, 18);
    memcpy(out, c, n);
    out[n] = '\0';
}

/* A validation error for one field, prefixed with its label. */
static int invalid(struct dpf_err *err, int field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int invalid(struct dpf_err *err, int field, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return dpf_err_set(err, DPF_EINVAL, person_fields[field].key, _("%s: %s"),
                       _(person_fields[field].label), msg);
}

/* Fills an empty derivable field from the certificate; returns nonzero on memory failure. */
static int derive(struct person *p, int field, const char *value)
{
    return p->v[field] ? 0 : person_set(p, field, value);
}

static int check_dates(struct person *p, const char *today, struct dpf_err *err)
{
    const char *birth = p->v[PF_BIRTH_DATE];

    for (int i = 0; i < PERSON_NFIELDS; i++) {
        if (person_fields[i].type != FT_DATE || !p->v[i])
            continue;
        if (today && strcmp(p->v[i], today) > 0)
            return invalid(err, i, _("%s is in the future (today is %s)"), p->v[i], today);
        if (i != PF_BIRTH_DATE && strcmp(p->v[i], birth) < 0)
            return invalid(err, i, _("%s is before the date of birth %s"), p->v[i], birth);
    }
    if (person_int(p, PF_STATUS) != PS_ACTIVE && !p->v[PF_STATUS_DATE])
        return invalid(err, PF_STATUS_DATE, _("required when the status is %s"),
                       person_fields[PF_STATUS].choices[person_int(p, PF_STATUS) - 1]);
    return DPF_OK;
}

/* The certificate's category and level digits must be the record's, when it gives them. */
static int check_digits(const struct person *p, const char *cert, struct dpf_err *err)
{
    static const int fields[2] = { PF_CATEGORY, PF_LEVEL };
    for (int k = 0; k < 2; k++) {
        const struct field *f = &person_fields[fields[k]];
        int digit = cert[18 + k] - '0', given = person_int(p, fields[k]);
        if (given && given != digit)
            return dpf_err_set(err, DPF_EINVAL, person_fields[PF_CERT_NO].key,
                               _("Certificate number: the %s digit %d (%s) does not match the "
                                 "%s %s"), _(f->label), digit, f->choices[digit - 1],
                               _(f->label), f->choices[given - 1]);
    }
    return DPF_OK;
}

int person_validate(struct person *p, const char *today, struct dpf_err *err)
{
    char cert[CERT_MAX_LEN + 1], id[IDCARD_LEN + 1], birth[11], digit[2] = "0";
    int rc;

    for (int i = 0; i < PERSON_NFIELDS; i++)
        if ((person_fields[i].flags & FF_REQUIRED) && !(person_fields[i].flags & FF_DERIVED) &&
            !p->v[i])
            return dpf_err_set(err, DPF_EINVAL, person_fields[i].key, _("%s is required"),
                               _(person_fields[i].label));
    rc = cert_validate(p->v[PF_CERT_NO], today, cert, err);
    if (rc != DPF_OK)
        return rc;
    if ((rc = check_digits(p, cert, err)) != DPF_OK)
        return rc;
    memcpy(id, cert, IDCARD_LEN);
    id[IDCARD_LEN] = '\0';
    idcard_birth_date(id, birth);
    digit[0] = (char)('0' + idcard_gender(id));
    if (person_set(p, PF_CERT_NO, cert) || derive(p, PF_GENDER, digit) ||
        derive(p, PF_BIRTH_DATE, birth) || derive(p, PF_STATUS, "1"))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    digit[0] = cert[18];
    if (derive(p, PF_CATEGORY, digit))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    digit[0] = cert[19];
    if (derive(p, PF_LEVEL, digit))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    if (person_int(p, PF_GENDER) != idcard_gender(id))
        return invalid(err, PF_GENDER, _("%s does not agree with the resident ID (%s)"),
                       person_fields[PF_GENDER].choices[person_int(p, PF_GENDER) - 1],
                       person_fields[PF_GENDER].choices[idcard_gender(id) - 1]);
    if (strcmp(p->v[PF_BIRTH_DATE], birth) != 0)
        return invalid(err, PF_BIRTH_DATE, _("%s does not agree with the resident ID (%s)"),
                       p->v[PF_BIRTH_DATE], birth);
    return check_dates(p, today, err);
}
