/* SPDX-License-Identifier: MIT */
/* The shown words of stored choice names. The register keeps 肢体, 一级, 在册 and 是 (they
 * are the file format: templates, CSV and exports are always Simplified Chinese); a screen
 * shows them in the UI language through an English msgid whose zh_CN translation is the
 * stored name itself, so Chinese screens are unchanged and the Traditional catalogues made
 * from zh_CN.po show them in Traditional. A name not in the table is shown as stored. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "dpf/hant.h"
#include "dpf/i18n.h"
#include "field_internal.h"

static const struct { const char *stored, *msgid; } labels[] = {
    /* genders, categories, levels and statuses of a person */
    { "男", N_("Male") }, { "女", N_("Female") },
    { "视力", N_("Visual") }, { "听力", N_("Hearing") }, { "言语", N_("Speech") },
    { "肢体", N_("Physical") }, { "智力", N_("Intellectual") },
    { "精神", N_("Psychosocial") }, { "多重", N_("Multiple") },
    { "一级", N_("Level 1") }, { "二级", N_("Level 2") }, { "三级", N_("Level 3") },
    { "四级", N_("Level 4") },
    { "在册", N_("On the register") }, { "死亡", N_("Deceased") }, { "迁出", N_("Moved out") },
    { "注销", N_("Cancelled") },
    /* flags */
    { "是", N_("Yes") }, { "否", N_("No") },
    /* a claim's status */
    { "报案", N_("Reported") }, { "材料收集", N_("Collecting documents") },
    { "已报保险公司", N_("Sent to the insurer") }, { "已赔付", N_("Paid out") },
    { "拒赔", N_("Refused") }, { "撤销", N_("Withdrawn") },
    /* the yearly update: how the person was reached, and what was found */
    { "入户", N_("Home visit") }, { "面对面", N_("Face to face") },
    { "电话", N_("By telephone") }, { "失访", N_("Not reached") },
    { "核实", N_("Verified") }, { "核销", N_("Written off") },
    /* a programme's pay period and a rule's period */
    { "按月", N_("Monthly") }, { "按季", N_("Quarterly") }, { "按年", N_("Yearly") },
    { "每月", N_("Per month") }, { "每年", N_("Per year") }, { "一次", N_("Once") },
    /* a rule's poverty condition */
    { "不限", N_("Any") }, { "低保或建档立卡", N_("Minimum living allowance or registered poor") },
    { "低保", N_("Minimum living allowance") }, { "建档立卡", N_("Registered poor") },
    /* an enrolment's step */
    { "申请", N_("Applied") }, { "初审", N_("First review") }, { "审核", N_("Reviewed") },
    { "审定", N_("Final approval") }, { "不予通过", N_("Not approved") },
    { "停发", N_("Stopped") },
    /* how a rehabilitation need was assessed, and how a project counts */
    { "上门", N_("At home") }, { "机构", N_("At an institution") },
    { "人数", N_("Persons") }, { "人次", N_("Person-times") },
    /* a user's role */
    { "录入员", N_("Clerk") }, { "审核员", N_("Reviewer") }, { "领导", N_("Manager") },
    { "管理员", N_("Admin") },
};

/* The msgid of a stored choice name, or NULL. */
static const char *msgid_of(const char *stored)
{
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(labels[i].stored, stored) == 0)
            return labels[i].msgid;
    return NULL;
}

const char *field_label(const char *stored)
{
    const char *m = msgid_of(stored);
    return m ? _(m) : stored;
}

/* The code of the choice of f whose shown word is the len bytes at s (any case), or -1. */
static int code_of(const struct field *f, const char *s, size_t len)
{
    for (int i = 0; f->choices && f->choices[i]; i++) {
        const char *m = msgid_of(f->choices[i]);
        if (m && strlen(_(m)) == len && strncasecmp(s, _(m), len) == 0)
            return i + 1;
    }
    return -1;
}

int field_label_code(const struct field *f, const char *s)
{
    return code_of(f, s, strlen(s));
}

int field_label_prefix(const struct field *f, const char *s, size_t *len)
{
    int code = -1;

    *len = 0;
    for (int i = 0; f->choices && f->choices[i]; i++) {
        const char *m = msgid_of(f->choices[i]);
        size_t n = m ? strlen(_(m)) : 0;
        if (n > *len && strncasecmp(s, _(m), n) == 0) {
            *len = n;
            code = i + 1;
        }
    }
    return code;
}

size_t field_labels_len(const struct field *f)
{
    size_t len = 0;

    for (int i = 0; f->choices && f->choices[i]; i++)
        len += strlen(field_label(f->choices[i])) + 2;      /* and a separator ", " */
    return len;
}

int field_label_find(const char *const *names, const char *s)
{
    char *simple;
    int found = -1;

    if (!s)
        return -1;
    simple = hant_simplify(s);              /* NULL: s has no Traditional character */
    for (int i = 0; names && names[i] && found < 0; i++)
        if (strcmp(s, names[i]) == 0 || (simple && strcmp(simple, names[i]) == 0) ||
            strcasecmp(s, field_label(names[i])) == 0)
            found = i;
    free(simple);
    return found;
}
