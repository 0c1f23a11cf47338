/* SPDX-License-Identifier: MIT */
/* Rehabilitation (精准康复): service institutions, needs assessments, service agreements,
 * services delivered, children's rehabilitation rescue and projects with yearly targets.
 *
 * Each kind of record is described once by a field table; a record is an array of
 * canonical values indexed like it (dpf/field.h), the same for the screens' forms, the CSV
 * import and the exports. Persons are named by certificate number (or resident ID) and
 * institutions by name; the core resolves both. Writers run in the caller's transaction
 * and leave an audit row: in the person's history for a person's records. */
#ifndef DPF_REHAB_H
#define DPF_REHAB_H

#include <stdint.h>
#include "dpf/err.h"
#include "dpf/field.h"

struct db;

enum rehab_kind {
    RK_INSTITUTION, RK_ASSESSMENT, RK_AGREEMENT, RK_SERVICE, RK_RESCUE, RK_PROJECT, RK_COUNT
};

/* Code lists. */
extern const char *const rehab_inst_kinds[];   /* 综合医院 乡镇卫生院 ... */
extern const char *const rehab_catalogue[];    /* the basic service catalogue: 康复训练 ... */
enum { RC_TRAINING = 1, RC_DEVICE, RC_SURGERY, RC_MEDICINE, RC_NURSING, RC_SUPPORT };
extern const char *const rehab_devices[];      /* 轮椅 盲杖 助视器 助听器 ... */
extern const char *const rehab_rescue_kinds[]; /* 康复训练 辅助器具 矫形器 人工耳蜗 康复手术 */
extern const char *const rehab_rescue_lines[]; /* 中央 省 市 区 */
extern const char *const rehab_funding[];      /* the rescue lines, then 医保 个人 社会捐助 */
extern const char *const rehab_sources[];      /* what a project counts: 康复服务 ... */
enum { PS_SERVICES = 1, PS_RESCUE, PS_ASSESSMENTS, PS_SUBSIDY };

enum institution_field { IN_NAME, IN_KIND, IN_TOWNSHIP, IN_PHONE, IN_NOTE, INSTITUTION_NFIELDS };
enum assessment_field {
    AS_CERT_NO, AS_NAME, AS_DATE, AS_METHOD, AS_ASSESSOR, AS_INSTITUTION, AS_NEEDS, AS_DEVICES,
    AS_NOTE, ASSESSMENT_NFIELDS
};
enum agreement_field {
    AG_CERT_NO, AG_NAME, AG_DATE, AG_INSTITUTION, AG_PLANNED, AG_FROM, AG_TO, AG_NOTE,
    AGREEMENT_NFIELDS
};
enum service_field {
    SV_CERT_NO, SV_NAME, SV_DATE, SV_INSTITUTION, SV_KIND, SV_ITEM, SV_COST, SV_FUNDING,
    SV_NOTE, SERVICE_NFIELDS
};
enum rescue_field {
    RS_CERT_NO, RS_NAME, RS_DATE, RS_KIND, RS_FUNDING, RS_INSTITUTION, RS_COST, RS_ENDED,
    RS_NOTE, RESCUE_NFIELDS
};
enum project_field {
    PJ_YEAR, PJ_NAME, PJ_TARGET, PJ_SOURCE, PJ_KINDS, PJ_FUNDING, PJ_PROGRAMME, PJ_COUNT,
    PJ_NOTE, PROJECT_NFIELDS
};

struct rehab_entity {
    const char *name;           /* "assessments": the import kind and template name */
    const char *label;          /* msgid: "rehabilitation assessments" */
    const struct field *fields;
    int n;
};
extern const struct rehab_entity rehab_entities[RK_COUNT];

/* Adds (id 0) or replaces record id of kind from v, after checking it as a whole: the
 * person and institution exist, a service or agreement is not dated before the person's
 * assessment, a rescued child is within the age limit, a project's kinds are its source's.
 * *out_id (may be NULL) is set. Errors name the field (err->field is its key). */
int rehab_save(struct db *db, int kind, int64_t id, char *const *v, int64_t *out_id,
               struct dpf_err *err);
/* rehab_save for a form that opened record id with the values opened: if the record has
 * changed since (another clerk saved it), nothing is written and DPF_ECONFLICT names the
 * first field that differs. Call inside the write transaction. */
int rehab_save_from(struct db *db, int kind, int64_t id, char *const *v, char *const *opened,
                    int64_t *out_id, struct dpf_err *err);
/* Deletes a record (audited). An institution still named by a record is refused. */
int rehab_delete(struct db *db, int kind, int64_t id, struct dpf_err *err);
/* The record's canonical values (malloc'd, free with record_free, dpf/field.h). */
int rehab_load(struct db *db, int kind, int64_t id, char **v, struct dpf_err *err);

/* Records of a kind: one person's (person_id > 0) and/or one year's (year > 0), in date
 * order. fn gets the record's id and canonical values; returning nonzero stops. */
typedef int (*rehab_row_fn)(int64_t id, char *const *v, void *ctx);
int rehab_list(struct db *db, int kind, int64_t person_id, int year, rehab_row_fn fn,
               void *ctx, struct dpf_err *err);
/* Writes a list as CSV or .xlsx (by the file name) with the import template's headers, so
 * that a full export imports back. IDs are masked unless full; oflags as outfile.h. */
int rehab_export(struct db *db, int kind, int year, const char *path, unsigned oflags, int full,
                 long *rows, struct dpf_err *err);

/* The institution's id by its name; DPF_ENOTFOUND naming the field otherwise. */
int rehab_institution_id(struct db *db, const char *name, const char *field, int64_t *id,
                         struct dpf_err *err);

/* ---- rates ---- */

/* Distinct persons: assessed as having needs (any catalogue need) and those served (any
 * service in the year); with device needs, and those fitted (a device service). */
struct rehab_counts {
    long needs, served, device_needs, fitted;
};
struct rehab_town {
    char name[64];
    struct rehab_counts c;
};
struct rehab_rates {
    int year, needs_year;       /* services of year, needs from assessments of needs_year */
    struct rehab_counts all, poor_reg, illness_poor;
    long assessed;              /* persons assessed in needs_year */
    struct rehab_town *town;    /* by township, in name order */
    int ntown;
};
/* The year's rates. needs_year is usually year; some offices take the needs from the
 * previous year's survey. Groups and townships are the persons' current register entries. */
int rehab_rates(struct db *db, int year, int needs_year, struct rehab_rates *out,
                struct dpf_err *err);
void rehab_rates_free(struct rehab_rates *r);

/* How each rate is counted, one msgid a line: for help screens, the CLI and notes. */
extern const char *const rehab_rate_notes[];

/* ---- projects ---- */

struct rehab_project {
    int64_t id;
    int year;
    char name[128];
    long target, completed;
    char definition[256];       /* what completed counts, in words */
};
typedef int (*rehab_project_fn)(const struct rehab_project *p, void *ctx);
/* The year's projects with their completed counts taken from the records now. */
int rehab_projects(struct db *db, int year, rehab_project_fn fn, void *ctx,
                   struct dpf_err *err);
/* The same, counting only records dated up to through (YYYY-MM-DD; NULL: the whole year):
 * a half-year report's progress against the year's targets. */
int rehab_projects_through(struct db *db, int year, const char *through, rehab_project_fn fn,
                           void *ctx, struct dpf_err *err);
/* How completion is counted, one msgid a line. */
extern const char *const rehab_project_notes[];
/* What a project's completed count is, in words (translated): for help and notes. */
void rehab_project_definition(char *const *v, char *out, size_t cap);

/* Hands the module's entities (the six kinds of record) to the registry (dpf/entity.h); modules_init. */
void rehab_register_entities(void);

#endif
