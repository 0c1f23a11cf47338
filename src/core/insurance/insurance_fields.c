/* SPDX-License-Identifier: MIT */
/* The code lists and field tables of accident insurance: one description each for the
 * forms, the claims import and its template, the exports and the person's history. */
#include <stddef.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/insurance.h"

const char *const claim_statuses[] = {
    "报案", "材料收集", "已报保险公司", "已赔付", "拒赔", "撤销", NULL,
};
const char *const claim_docs[] = {
    "理赔申请书", "身份证明", "残疾人证", "病历", "医疗费发票", "费用清单", "医保结算单",
    "死亡证明", "户口注销证明", NULL,
};

const struct field policy_fields[POLICY_NFIELDS] = {
    [PO_YEAR]      = { "year", "年度", N_("Year"), FT_INT, NULL, 4, 4, FF_REQUIRED },
    [PO_INSURER]   = { "insurer", "保险公司", N_("Insurer"), FT_TEXT, NULL, 20, 60, FF_REQUIRED },
    [PO_NUMBER]    = { "policy_no", "保单号", N_("Policy number"), FT_TEXT, NULL, 20, 40, FF_REQUIRED },
    [PO_PREMIUM]   = { "premium", "每人保费", N_("Premium a person"), FT_MONEY, NULL, 8, 12, FF_REQUIRED },
    [PO_STARTS]    = { "starts_on", "起保日期", N_("Cover starts"), FT_DATE, NULL, 10, 10, FF_REQUIRED | FF_FUTURE },
    [PO_ENDS]      = { "ends_on", "终止日期", N_("Cover ends"), FT_DATE, NULL, 10, 10, FF_REQUIRED | FF_FUTURE },
    [PO_RULE_POOR] = { "rule_poor", "仅建档立卡", N_("Registered poor only"), FT_FLAG, NULL, 4, 2, FF_REQUIRED },
    [PO_NOTE]      = { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
};

const struct field cover_fields[COVER_NFIELDS] = {
    [CV_ITEM]     = { "item", "保障项目", N_("Coverage item"), FT_TEXT, NULL, 14, 30, FF_REQUIRED },
    [CV_CAP]      = { "cap", "保额", N_("Cap"), FT_MONEY, NULL, 10, 12, FF_DERIVED },
    [CV_DAILY]    = { "daily", "每日津贴", N_("Daily rate"), FT_MONEY, NULL, 8, 12, 0 },
    [CV_MAX_DAYS] = { "max_days", "最多天数", N_("Days at most"), FT_INT, NULL, 4, 5, 0 },
    [CV_DOCS]     = { "docs", "所需材料", N_("Documents needed"), FT_CODES, claim_docs, 24, 80, 0 },
};

const struct field claim_fields[CLAIM_NFIELDS] = {
    [CL_CERT_NO]     = { "cert_no", "残疾人证号", N_("Certificate number"), FT_CERT, NULL, 24, 24, FF_REQUIRED | FF_SENSITIVE },
    [CL_NAME]        = { "name", "姓名", N_("Name"), FT_TEXT, NULL, 10, 30, 0 },
    [CL_ACCIDENT]    = { "accident_on", "事故日期", N_("Accident date"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
    [CL_REPORTED]    = { "reported_on", "报案日期", N_("Reported on"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
    [CL_PLACE]       = { "place", "事故地点", N_("Place"), FT_TEXT, NULL, 16, 60, FF_REQUIRED },
    [CL_DESCRIPTION] = { "description", "事故经过", N_("What happened"), FT_TEXT, NULL, 24, 200, 0 },
    [CL_DEATH]       = { "death", "身故", N_("Fatal"), FT_FLAG, NULL, 4, 2, 0 },
    [CL_DOCS]        = { "docs", "已收材料", N_("Documents received"), FT_CODES, claim_docs, 24, 80, 0 },
    [CL_STATUS]      = { "claim_status", "理赔状态", N_("Claim status"), FT_CHOICE, claim_statuses, 12, 8, FF_DERIVED },
    [CL_STATUS_ON]   = { "claim_status_on", "状态日期", N_("Status date"), FT_DATE, NULL, 10, 10, FF_DERIVED },
    [CL_REASON]      = { "reason", "拒赔或撤销原因", N_("Reason"), FT_TEXT, NULL, 20, 200, 0 },
    [CL_NOTE]        = { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 },
    [CL_ITEM]        = { "item", "理赔项目", N_("Claim item"), FT_TEXT, NULL, 14, 30, FF_REQUIRED },
    [CL_DAYS]        = { "days", "住院天数", N_("Days in hospital"), FT_INT, NULL, 4, 5, 0 },
    [CL_CLAIMED]     = { "claimed", "申请金额", N_("Claimed"), FT_MONEY, NULL, 10, 12, FF_REQUIRED },
    [CL_APPROVED]    = { "approved", "核定金额", N_("Approved"), FT_MONEY, NULL, 10, 12, 0 },
    [CL_PAID]        = { "paid", "赔付金额", N_("Amount paid"), FT_MONEY, NULL, 10, 12, 0 },
};

/* The person columns of the roster are the register's own descriptions. */
const struct field roster_fields[ROSTER_NFIELDS] = {
    [RO_YEAR]   = { "policy_year", "保单年度", N_("Policy year"), FT_INT, NULL, 4, 4, 0 },
    [RO_FROM]   = { "insured_from", "参保日期", N_("Insured from"), FT_DATE, NULL, 10, 10, 0 },
    [RO_TO]     = { "insured_to", "退保日期", N_("Insured to"), FT_DATE, NULL, 10, 10, 0 },
    [RO_ADDED]  = { "insured_added", "增员", N_("Added later"), FT_FLAG, NULL, 4, 2, 0 },
    [RO_REASON] = { "insured_reason", "变动原因", N_("Reason for the change"), FT_TEXT, NULL, 20, 200, 0 },
};

const char *insurance_label(const char *key)
{
    int f = field_by_key(claim_fields, CLAIM_NFIELDS, key);
    if (f >= 0)
        return _(claim_fields[f].label);
    if ((f = field_by_key(roster_fields, ROSTER_NFIELDS, key)) >= 0)
        return _(roster_fields[f].label);
    if (strcmp(key, "items") == 0)
        return _("Items claimed");
    return NULL;
}

const char *const insurance_notes[] = {
    N_("Insured: persons on the year's roster at any time (as built, plus dated additions)."),
    N_("Premium: insured persons times the premium a person; an addition pays the full year."),
    N_("Reported: every claim filed under the policy, withdrawn ones included."),
    N_("Open: claims at 报案, 材料收集 or 已报保险公司."),
    N_("Total paid and largest payment: amounts paid on claims at 已赔付; a claim's payment is the sum of its items."),
    N_("Townships are the persons' current register entries."),
    NULL,
};
