/* SPDX-License-Identifier: MIT */
/* The checks of a rehabilitation record as a whole, each a clear error naming its field:
 * who and where the record is about, the order of assessment and service, the age limit of
 * children's rescue, and what a project may count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "dpf/place.h"
#include "dpf/programme.h"
#include "rehab_internal.h"
#include "base/db_struct.h"

int rehab_institution_id(struct db *db, const char *name, const char *field, int64_t *id,
                         struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT id FROM institution WHERE name = ?", err);
    int rc;

    *id = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if ((rc = db_step_int64(db, st, id, err)) != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, field,
                       _("No institution is called %s; add it to the institution list first"),
                       name);
}

/* The record's person (person_find_named); a record dated after the person left the
 * register is refused. */
static int check_person(struct db *db, char **v, int kind, int date_field,
                        struct rehab_refs *r, struct person *p, struct dpf_err *err)
{
    const char *status, *left;
    int rc = person_find_named(db, v[0], v[1], "cert_no", p, err);

    if (rc != DPF_OK)
        return rc;
    status = person_get(p, PF_STATUS);
    left = person_get(p, PF_STATUS_DATE);
    if (status && strcmp(status, "1") != 0 && left && strcmp(v[date_field], left) > 0)
        return dpf_err_set(err, DPF_EINVAL, rehab_entities[kind].fields[date_field].key,
                           _("%s left the register on %s (%s); nothing can be recorded after"),
                           person_get(p, PF_NAME), left,
                           person_statuses[atoi(status) - 1]);
    r->person_id = p->id;
    r->year = atoi(v[date_field]);
    return DPF_OK;
}

static int check_institution(struct db *db, const char *name, const char *field,
                             struct rehab_refs *r, struct dpf_err *err)
{
    return name ? rehab_institution_id(db, name, field, &r->institution_id, err) : DPF_OK;
}

/* Whether the person was assessed on or before the date, and the first assessment's date. */
struct assessed {
    int before;
    char first[11];
};

static int read_assessed(sqlite3_stmt *st, void *ctx)
{
    struct assessed *a = ctx;
    a->before = sqlite3_column_type(st, 0) != SQLITE_NULL;
    if (sqlite3_column_text(st, 1))
        snprintf(a->first, sizeof a->first, "%s", (const char *)sqlite3_column_text(st, 1));
    return DPF_OK;
}

/* Services and agreements follow an assessment: the person's latest on or before date. */
static int check_assessed(struct db *db, const struct rehab_refs *r, const char *date,
                          const char *field, const char *name, struct dpf_err *err)
{
    static const char q[] =
        "SELECT max(CASE WHEN assessed_on <= ?2 THEN assessed_on END), min(assessed_on) "
        "FROM assessment WHERE person_id = ?1";
    sqlite3_stmt *st = db_stmt(db, q, err);
    struct assessed a = { 0, "" };
    const char *first = a.first;
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, r->person_id);
    sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
    if ((rc = db_step_one(db, st, read_assessed, &a, err)) != DPF_OK)   /* min(): a row */
        return rc;
    if (a.before)
        return DPF_OK;
    if (first[0])
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("%s is before %s's first needs assessment (%s)"), date, name, first);
    return dpf_err_set(err, DPF_EINVAL, field,
                       _("%s has no needs assessment; record the assessment first"), name);
}

static int check_assessment(struct db *db, int64_t id, char **v, struct rehab_refs *r,
                            const char *name, struct dpf_err *err)
{
    sqlite3_stmt *st;
    char on[11];
    int rc;

    if (atoi(v[AS_METHOD]) == 2 && !v[AS_INSTITUTION])
        return dpf_err_set(err, DPF_EINVAL, "institution",
                           _("An assessment at an institution names the institution"));
    if (v[AS_DEVICES] && (!v[AS_NEEDS] || !strchr(v[AS_NEEDS], '0' + RC_DEVICE)))
        return dpf_err_set(err, DPF_EINVAL, "devices",
                           _("Devices are named but 辅助器具 is not among the needs"));
    st = db_stmt(db, "SELECT assessed_on FROM assessment WHERE person_id = ? AND year = ? "
                     "AND id <> ?", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, r->person_id);
    sqlite3_bind_int(st, 2, r->year);
    sqlite3_bind_int64(st, 3, id);
    rc = db_step_text(db, st, on, sizeof on, err);
    if (rc == DPF_OK)
        return dpf_err_set(err, DPF_EDUP, "assessed_on",
                           _("%s was already assessed in %d (on %s); change that assessment"),
                           name, r->year, on);
    return rc == DPF_ENOTFOUND ? DPF_OK : rc;
}

/* Whole years from birth to date, both YYYY-MM-DD. */
static int age_on(const char *birth, const char *date)
{
    int age = atoi(date) - atoi(birth);
    if (strcmp(date + 5, birth + 5) < 0)
        age--;
    return age;
}

static int check_rescue(struct db *db, char **v, const struct person *p, struct dpf_err *err)
{
    char limit[16];
    const char *birth = person_get(p, PF_BIRTH_DATE);
    int max, age;

    db_setting(db, "rescue_age_max", limit, sizeof limit);
    max = limit[0] ? atoi(limit) : 6;
    age = age_on(birth, v[RS_DATE]);
    if (age > max)
        return dpf_err_set(err, DPF_EINVAL, "started_on",
                           _("%s was %d on %s (born %s); children's rescue is for ages 0-%d"),
                           person_get(p, PF_NAME), age, v[RS_DATE], birth, max);
    if (v[RS_ENDED] && strcmp(v[RS_ENDED], v[RS_DATE]) < 0)
        return dpf_err_set(err, DPF_EINVAL, "ended_on", _("The end %s is before the start %s"),
                           v[RS_ENDED], v[RS_DATE]);
    return DPF_OK;
}

/* Stores a project's kinds as their names in catalogue order ("辅助器具、矫形器"), however
 * they were typed, so lists and exports read them as the office says them. */
static int kind_names(int source, const char *codes, char **v, struct rehab_refs *r,
                      struct dpf_err *err)
{
    char buf[256];
    const char *names = rehab_project_kind_names(source, codes, buf, sizeof buf);

    free(r->made[PJ_KINDS]);
    if (!(*v = r->made[PJ_KINDS] = strdup(names)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return DPF_OK;
}

static int check_project(struct db *db, char **v, struct rehab_refs *r, struct dpf_err *err)
{
    int source = atoi(v[PJ_SOURCE]);
    int64_t prog;
    char codes[16], name[128];
    int rc;

    r->year = atoi(v[PJ_YEAR]);
    if (r->year < 2000 || r->year > 2100)
        return dpf_err_set(err, DPF_EINVAL, "year", _("The year %s is not one dpf can count"),
                           v[PJ_YEAR]);
    if (rehab_project_kinds(source, v[PJ_KINDS], codes) < 0)
        return dpf_err_set(err, DPF_EINVAL, "kinds", _("\"%s\" are not kinds of %s"),
                           v[PJ_KINDS], rehab_sources[source - 1]);
    if (codes[0] && (rc = kind_names(source, codes, &v[PJ_KINDS], r, err)) != DPF_OK)
        return rc;
    if (source == PS_SUBSIDY) {
        if (!v[PJ_PROGRAMME])
            return dpf_err_set(err, DPF_EINVAL, "programme",
                               _("A project counted from payments names the programme"));
        if ((rc = programme_id_of(db, v[PJ_PROGRAMME], &prog, err)) != DPF_OK) {
            err->field = "programme";
            return rc;
        }
        /* Kept by name, as the office says it, whichever way it was given. */
        if ((rc = programme_name_of(db, prog, name, sizeof name, NULL, err)) != DPF_OK)
            return rc;
        free(r->made[PJ_PROGRAMME]);
        if (!(v[PJ_PROGRAMME] = r->made[PJ_PROGRAMME] = strdup(name)))
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        if (v[PJ_FUNDING])
            return dpf_err_set(err, DPF_EINVAL, "funding",
                               _("Subsidy payments have no funding line"));
    } else if (v[PJ_PROGRAMME]) {
        return dpf_err_set(err, DPF_EINVAL, "programme",
                           _("Only a project counted from payments names a programme"));
    }
    if (source == PS_ASSESSMENTS && v[PJ_FUNDING])
        return dpf_err_set(err, DPF_EINVAL, "funding", _("Assessments have no funding line"));
    if (!v[PJ_COUNT])
        v[PJ_COUNT] = (char *)"1";      /* persons, unless the project says records */
    return DPF_OK;
}

static int check_institution_name(struct db *db, int64_t id, char **v, struct dpf_err *err)
{
    int64_t other;
    int rc = rehab_institution_id(db, v[IN_NAME], "name", &other, err);
    if (rc == DPF_ENOTFOUND)
        return DPF_OK;
    if (rc != DPF_OK)
        return rc;
    return other == id ? DPF_OK
                       : dpf_err_set(err, DPF_EDUP, "name", _("%s is already in the list"),
                                     v[IN_NAME]);
}

/* Every value as the field table says it must be: required ones given, codes in range,
 * dates real. Values typed as the clerk would (a choice's name) are put in canonical form;
 * amounts must already be canonical (fen). */
static int canonical(const struct field *f, char **v, char **made, struct dpf_err *err)
{
    int rc;

    if (!*v) {
        if (f->flags & FF_REQUIRED)
            return dpf_err_set(err, DPF_EINVAL, f->key, _("%s is required"), _(f->label));
        return DPF_OK;
    }
    if (f->type == FT_MONEY) {         /* canonical fen, which parsing would read as yuan */
        char *end;
        strtoll(*v, &end, 10);
        return *end || end == *v ? dpf_err_set(err, DPF_EINVAL, f->key,
                                               _("%s: \"%s\" is not an amount in fen"),
                                               _(f->label), *v)
                                 : DPF_OK;
    }
    if ((rc = field_parse(f, *v, NULL, made, err)) != DPF_OK)
        return rc;
    if (*made && strcmp(*made, *v) != 0)
        *v = *made;
    return DPF_OK;
}

int rehab_check(struct db *db, int kind, int64_t id, char **v, struct rehab_refs *r,
                struct dpf_err *err)
{
    static const int date_of[RK_COUNT] = {
        [RK_ASSESSMENT] = AS_DATE, [RK_AGREEMENT] = AG_DATE, [RK_SERVICE] = SV_DATE,
        [RK_RESCUE] = RS_DATE,
    };
    const struct field *f = rehab_entities[kind].fields;
    struct person p;
    const char *name;
    int rc;

    memset(r, 0, sizeof *r);
    for (int i = 0; i < rehab_entities[kind].n; i++)
        if ((rc = canonical(&f[i], &v[i], &r->made[i], err)) != DPF_OK)
            return rc;
    if (kind == RK_INSTITUTION) {       /* its township is a place, as a person's is */
        rc = check_institution_name(db, id, v, err);
        return rc == DPF_OK ? place_check(db, v[IN_TOWNSHIP], NULL, err) : rc;
    }
    if (kind == RK_PROJECT)
        return check_project(db, v, r, err);

    person_init(&p);
    rc = check_person(db, v, kind, date_of[kind], r, &p, err);
    name = rc == DPF_OK ? person_get(&p, PF_NAME) : "";
    if (rc == DPF_OK) {
        switch (kind) {
        case RK_ASSESSMENT:
            rc = check_institution(db, v[AS_INSTITUTION], "institution", r, err);
            if (rc == DPF_OK)
                rc = check_assessment(db, id, v, r, name, err);
            break;
        case RK_AGREEMENT:
            rc = check_institution(db, v[AG_INSTITUTION], "institution", r, err);
            if (rc == DPF_OK)
                rc = check_assessed(db, r, v[AG_DATE], "signed_on", name, err);
            if (rc == DPF_OK && v[AG_FROM] && v[AG_TO] && strcmp(v[AG_TO], v[AG_FROM]) < 0)
                rc = dpf_err_set(err, DPF_EINVAL, "plan_to",
                                 _("The plan ends (%s) before it begins (%s)"), v[AG_TO],
                                 v[AG_FROM]);
            break;
        case RK_SERVICE:
            rc = check_institution(db, v[SV_INSTITUTION], "institution", r, err);
            if (rc == DPF_OK && v[SV_COST] && v[SV_COST][0] == '-')
                rc = dpf_err_set(err, DPF_EINVAL, "cost", _("A cost cannot be negative"));
            if (rc == DPF_OK)
                rc = check_assessed(db, r, v[SV_DATE], "served_on", name, err);
            break;
        case RK_RESCUE:
            rc = check_institution(db, v[RS_INSTITUTION], "institution", r, err);
            if (rc == DPF_OK && v[RS_COST] && v[RS_COST][0] == '-')
                rc = dpf_err_set(err, DPF_EINVAL, "cost", _("An amount cannot be negative"));
            if (rc == DPF_OK)
                rc = check_rescue(db, v, &p, err);
            break;
        }
    }
    person_clear(&p);
    return rc;
}
