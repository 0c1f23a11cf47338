/* SPDX-License-Identifier: MIT */
/* Shared by the rehabilitation sources: what a record refers to once its names are
 * resolved, and the checks of a record as a whole (rehab_check.c). */
#ifndef DPF_REHAB_INTERNAL_H
#define DPF_REHAB_INTERNAL_H

#include "dpf/rehab.h"

/* The field tables (rehab_entities names them too), for the stores' descriptions. */
extern const struct field institution_fields[INSTITUTION_NFIELDS];
extern const struct field assessment_fields[ASSESSMENT_NFIELDS];
extern const struct field agreement_fields[AGREEMENT_NFIELDS];
extern const struct field service_fields[SERVICE_NFIELDS];
extern const struct field rescue_fields[RESCUE_NFIELDS];
extern const struct field project_fields[PROJECT_NFIELDS];

struct rehab_refs {
    int64_t person_id;          /* 0 for kinds without a person */
    int64_t institution_id;     /* 0 when none is named */
    int year;                   /* the year the record counts in */
    char *made[16];             /* values rehab_check put in place of the caller's, to free */
};

/* Resolves v's person and institution and checks the record of kind as a whole: the
 * cross-field rules and those against other records. id is the record being replaced (0
 * for a new one). May point values of v at canonical forms it makes (a project's kinds
 * and count), listed in r->made for the caller to free; the caller's strings are kept. */
int rehab_check(struct db *db, int kind, int64_t id, char **v, struct rehab_refs *r,
                struct dpf_err *err);

/* A project's kinds as codes ("12", "" for all) for the source's code list; -1 if a name
 * is not one of the source's kinds. */
int rehab_project_kinds(int source, const char *names, char out[16]);
/* The names of those codes as the office writes them ("辅助器具、矫形器"). */
const char *rehab_project_kind_names(int source, const char *codes, char *out, size_t cap);

#endif
