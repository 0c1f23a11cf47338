/* SPDX-License-Identifier: MIT */
/* Additions to and removals from a confirmed insured roster as a kind (`dpf template|import
 * insured`): a row per change, each doing what `dpf insurance add` or `remove` does
 * (insured_add, insured_remove), all of a file in the import's one transaction. */
#include <stdlib.h>
#include <string.h>
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "dpf/insurance.h"
#include "dpf/person.h"
#include "base/import_internal.h"
#include "insurance_internal.h"

enum { IC_YEAR, IC_CERT_NO, IC_NAME, IC_CHANGE, IC_DATE, IC_REASON, IC_NFIELDS };
enum { IC_ADD = 1, IC_REMOVE };

static const char *const changes[] = { "增员", "减员", NULL };

/* The year and reason keep the roster's keys, so that the audit rows of a change read the
 * same whichever way it was made. */
static const struct field change_fields[IC_NFIELDS] = {
    [IC_YEAR]    = { "policy_year", "保单年度", N_("Policy year"), FT_INT, NULL, 4, 4, FF_REQUIRED },
    [IC_CERT_NO] = { "cert_no", "残疾人证号", N_("Certificate number"), FT_TEXT, NULL, 24, 24, FF_REQUIRED | FF_SENSITIVE },
    [IC_NAME]    = { "name", "姓名", N_("Name"), FT_TEXT, NULL, 10, 30, 0 },
    [IC_CHANGE]  = { "change", "增减", N_("Addition or removal"), FT_CHOICE, changes, 4, 2, FF_REQUIRED },
    [IC_DATE]    = { "date", "变动日期", N_("Date of the change"), FT_DATE, NULL, 10, 10, FF_REQUIRED },
    [IC_REASON]  = { "reason", "变动原因", N_("Reason for the change"), FT_TEXT, NULL, 20, 200, 0 },
};

static int change_row(struct db *db, const struct entity *e, char **v, long line, int *outcome,
                      struct dpf_err *rej)
{
    struct person p;
    int64_t policy;
    int rc;

    (void)e;
    (void)line;
    if ((rc = policy_of_year(db, atoi(v[IC_YEAR]), &policy, rej)) != DPF_OK) {
        rej->field = change_fields[IC_YEAR].key;
        return rc;
    }
    /* The name, when given, must be the register's; the change finds the person again. */
    person_init(&p);
    if (v[IC_NAME])
        rc = person_find_named(db, v[IC_CERT_NO], v[IC_NAME], change_fields[IC_CERT_NO].key,
                               &p, rej);
    person_clear(&p);
    if (rc != DPF_OK)
        return rc;
    *outcome = atoi(v[IC_CHANGE]) == IC_ADD ? IO_ADDED : IO_UPDATED;
    return atoi(v[IC_CHANGE]) == IC_ADD
               ? insured_add(db, policy, v[IC_CERT_NO], v[IC_DATE], v[IC_REASON], rej)
               : insured_remove(db, policy, v[IC_CERT_NO], v[IC_DATE], v[IC_REASON], rej);
}

static const struct import_entity hooks = { .row = change_row };

const struct entity insured_entity = {
    .name = "insured",
    .label = N_("insured roster changes"),
    .table = "insured",
    .fields = change_fields,
    .nfields = IC_NFIELDS,
    .cap = CAP_REGISTER,
    .template_summary = N_("Write the import template for additions to and removals from an insured roster"),
    .import_summary = N_("Import additions to and removals from a confirmed insured roster"),
    .import_help = N_("Each row does what `dpf insurance add` (增减 增员) or `dpf insurance remove` (减员)\n"
                      "does on the roster of the policy of 保单年度; a removal needs a 变动原因."),
    .import = &hooks,
};
