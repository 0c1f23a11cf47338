/* SPDX-License-Identifier: MIT */
/* The code lists and field tables of the rehabilitation records: one description each,
 * read by the forms, the import and its templates, the exports and the person's history. */
#include <stddef.h>
#include "dpf/i18n.h"
#include "dpf/rehab.h"
#include "rehab_internal.h"

const char *const rehab_inst_kinds[] = {
    "综合医院", "乡镇卫生院", "社区卫生服务中心", "村卫生室", "特殊教育学校", "康复中心",
    "辅具服务中心", "托养机构", "其他", NULL,
};
const char *const rehab_catalogue[] = {
    "康复训练", "辅助器具", "康复手术", "药物", "护理", "支持性服务", NULL,
};
const char *const rehab_devices[] = {
    "轮椅", "盲杖", "助视器", "助听器", "假肢", "矫形器", "助行器", "护理用具", "其他辅具", NULL,
};
const char *const rehab_rescue_kinds[] = {
    "康复训练", "辅助器具", "矫形器", "人工耳蜗", "康复手术", NULL,
};
const char *const rehab_rescue_lines[] = { "中央", "省", "市", "区", NULL };
const char *const rehab_funding[] = { "中央", "省", "市", "区", "医保", "个人", "社会捐助", NULL };
const char *const rehab_sources[] = { "康复服务", "儿童康复救助", "需求评估", "补贴发放", NULL };

static const char *const methods[] = { "上门", "机构", NULL };
static const char *const counts[] = { "人数", "人次", NULL };

#define CERT(k) [k] = { "cert_no", "残疾人证号", N_("Certificate number"), FT_TEXT, NULL, 24, 24, FF_REQUIRED | FF_SENSITIVE }
#define NAME(k) [k] = { "name", "姓名", N_("Name"), FT_TEXT, NULL, 10, 30, 0 }
#define NOTE(k) [k] = { "note", "备注", N_("Note"), FT_TEXT, NULL, 20, 200, 0 }

const struct field institution_fields[INSTITUTION_NFIELDS] = {
    [IN_NAME]     = { "name", "机构名称", N_("Institution"), FT_TEXT, NULL, 24, 40, FF_REQUIRED },
    [IN_KIND]     = { "kind", "机构类型", N_("Kind"), FT_CHOICE, rehab_inst_kinds, 16, 8, FF_REQUIRED },
    [IN_TOWNSHIP] = { "township", "乡镇", N_("Township"), FT_TEXT, NULL, 12, 30, FF_REQUIRED },
    [IN_PHONE]    = { "phone", "联系电话", N_("Phone"), FT_PHONE, NULL, 13, 20, 0 },
    NOTE(IN_NOTE),
};

const struct field assessment_fields[ASSESSMENT_NFIELDS] = {
    CERT(AS_CERT_NO), NAME(AS_NAME),
    [AS_DATE]        = { "assessed_on", "评估日期", N_("Assessed on"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
    [AS_METHOD]      = { "method", "评估方式", N_("Method"), FT_CHOICE, methods, 6, 2, FF_REQUIRED },
    [AS_ASSESSOR]    = { "assessor", "评估人", N_("Assessor"), FT_TEXT, NULL, 10, 30, FF_REQUIRED },
    [AS_INSTITUTION] = { "institution", "评估机构", N_("Assessed at"), FT_TEXT, NULL, 20, 40, 0 },
    [AS_NEEDS]       = { "needs", "康复需求", N_("Needs"), FT_CODES, rehab_catalogue, 24, 60, 0 },
    [AS_DEVICES]     = { "devices", "辅具需求", N_("Devices needed"), FT_CODES, rehab_devices, 20, 60, 0 },
    NOTE(AS_NOTE),
};

const struct field agreement_fields[AGREEMENT_NFIELDS] = {
    CERT(AG_CERT_NO), NAME(AG_NAME),
    [AG_DATE]        = { "signed_on", "签订日期", N_("Signed on"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
    [AG_INSTITUTION] = { "institution", "服务机构", N_("Institution"), FT_TEXT, NULL, 20, 40, FF_REQUIRED },
    [AG_PLANNED]     = { "planned", "服务内容", N_("Services planned"), FT_CODES, rehab_catalogue, 24, 60, FF_REQUIRED },
    [AG_FROM]        = { "plan_from", "服务起始月", N_("Plan from"), FT_MONTH, NULL, 7, 10, 0 },
    [AG_TO]          = { "plan_to", "服务截止月", N_("Plan to"), FT_MONTH, NULL, 7, 10, 0 },
    NOTE(AG_NOTE),
};

const struct field service_fields[SERVICE_NFIELDS] = {
    CERT(SV_CERT_NO), NAME(SV_NAME),
    [SV_DATE]        = { "served_on", "服务日期", N_("Served on"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
    [SV_INSTITUTION] = { "institution", "服务机构", N_("Institution"), FT_TEXT, NULL, 20, 40, FF_REQUIRED },
    [SV_KIND]        = { "kind", "服务类别", N_("Service"), FT_CHOICE, rehab_catalogue, 10, 6, FF_REQUIRED },
    [SV_ITEM]        = { "item", "服务项目", N_("Item"), FT_TEXT, NULL, 14, 30, FF_REQUIRED },
    [SV_COST]        = { "cost", "费用", N_("Cost (yuan)"), FT_MONEY, NULL, 10, 16, 0 },
    [SV_FUNDING]     = { "funding", "资金来源", N_("Funded by"), FT_CHOICE, rehab_funding, 8, 6, 0 },
    NOTE(SV_NOTE),
};

const struct field rescue_fields[RESCUE_NFIELDS] = {
    CERT(RS_CERT_NO), NAME(RS_NAME),
    [RS_DATE]        = { "started_on", "救助日期", N_("Rescue from"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
    [RS_KIND]        = { "kind", "救助类别", N_("Rescue kind"), FT_CHOICE, rehab_rescue_kinds, 10, 6, FF_REQUIRED },
    [RS_FUNDING]     = { "funding", "资金渠道", N_("Funding line"), FT_CHOICE, rehab_rescue_lines, 6, 4, FF_REQUIRED },
    [RS_INSTITUTION] = { "institution", "定点机构", N_("Institution"), FT_TEXT, NULL, 20, 40, FF_REQUIRED },
    [RS_COST]        = { "cost", "救助金额", N_("Amount (yuan)"), FT_MONEY, NULL, 10, 16, 0 },
    [RS_ENDED]       = { "ended_on", "结束日期", N_("Ended on"), FT_DATE, NULL, 10, 10, 0 },
    NOTE(RS_NOTE),
};

const struct field project_fields[PROJECT_NFIELDS] = {
    [PJ_YEAR]      = { "year", "年度", N_("Year"), FT_INT, NULL, 6, 4, FF_REQUIRED },
    [PJ_NAME]      = { "name", "项目名称", N_("Project"), FT_TEXT, NULL, 24, 40, FF_REQUIRED },
    [PJ_TARGET]    = { "target", "任务数", N_("Target"), FT_INT, NULL, 9, 9, FF_REQUIRED },
    [PJ_SOURCE]    = { "source", "统计来源", N_("Counted from"), FT_CHOICE, rehab_sources, 12, 8, FF_REQUIRED },
    [PJ_KINDS]     = { "kinds", "统计类别", N_("Kinds counted"), FT_TEXT, NULL, 20, 60, 0 },
    [PJ_FUNDING]   = { "funding", "资金渠道", N_("Funding lines"), FT_CODES, rehab_funding, 14, 40, 0 },
    [PJ_PROGRAMME] = { "programme", "补贴项目", N_("Programme"), FT_TEXT, NULL, 20, 30, 0 },
    [PJ_COUNT]     = { "count", "计数方式", N_("Count"), FT_CHOICE, counts, 6, 4, FF_DERIVED },
    NOTE(PJ_NOTE),
};

const struct rehab_entity rehab_entities[RK_COUNT] = {
    [RK_INSTITUTION] = { "institutions", N_("rehabilitation institutions"), institution_fields, INSTITUTION_NFIELDS },
    [RK_ASSESSMENT]  = { "assessments", N_("needs assessments"), assessment_fields, ASSESSMENT_NFIELDS },
    [RK_AGREEMENT]   = { "agreements", N_("service agreements"), agreement_fields, AGREEMENT_NFIELDS },
    [RK_SERVICE]     = { "services", N_("rehabilitation services"), service_fields, SERVICE_NFIELDS },
    [RK_RESCUE]      = { "rescues", N_("children's rescue records"), rescue_fields, RESCUE_NFIELDS },
    [RK_PROJECT]     = { "projects", N_("rehabilitation projects"), project_fields, PROJECT_NFIELDS },
};

const char *const rehab_rate_notes[] = {
    N_("Persons with needs: distinct persons whose needs assessment of the needs year found at "
       "least one need of the basic service catalogue."),
    N_("Persons served: distinct persons with at least one rehabilitation service dated in the "
       "year, of any kind; several services count once."),
    N_("Service rate = persons served / persons with needs."),
    N_("Device needs: persons whose assessment found the need 辅助器具. Persons fitted: distinct "
       "persons with a 辅助器具 service in the year."),
    N_("Device fitting rate = persons fitted / persons with device needs."),
    N_("Rates have two decimals, rounded half up from the counts; they can pass 100%; — means "
       "no one to divide by."),
    N_("建档立卡 and 因病致贫 count the persons so marked in the register now; a township is the "
       "person's township now."),
    NULL,
};

const char *const rehab_project_notes[] = {
    N_("Completed: counted from the records of the project's year as the project says (persons "
       "counts each person once; records counts every record)."),
    N_("Completion rate = completed / target, two decimals, rounded half up from the counts; it "
       "can pass 100%; — when the target is 0."),
    N_("Over-completion (超额完成) = completed - target when above the target, else 0."),
    NULL,
};
