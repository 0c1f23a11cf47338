/* SPDX-License-Identifier: MIT */
/* Subsidy programmes (补贴项目) and their rules, as data: who qualifies (statuses, categories,
 * levels, poverty flags, age limits), how much by level, per month, year or once, from a
 * valid-from month. The rule of a month is the latest that is valid from it or before, so a
 * rule added in July leaves January's rosters as they were. */
#ifndef DPF_PROGRAMME_H
#define DPF_PROGRAMME_H

#include <stddef.h>
#include <stdint.h>
#include "dpf/err.h"
#include "dpf/field.h"

struct db;

enum programme_field { GF_CODE, GF_NAME, GF_PAY_PERIOD, GF_ACTIVE, GF_NOTE, PROGRAMME_NFIELDS };
extern const struct field programme_fields[PROGRAMME_NFIELDS];

enum rule_field {
    RF_VALID_FROM, RF_STATUSES, RF_CATEGORIES, RF_LEVELS, RF_IM_LEVELS, RF_POVERTY,
    RF_NO_TEKUN, RF_MIN_AGE, RF_MAX_AGE, RF_PERIOD, RF_AMOUNT1, RF_AMOUNT2, RF_AMOUNT3,
    RF_AMOUNT4, RF_NOTE, RULE_NFIELDS
};
extern const struct field rule_fields[RULE_NFIELDS];

enum rule_poverty { RP_ANY = 1, RP_DIBAO_OR_POOR, RP_DIBAO, RP_POOR };
enum rule_period { RPER_MONTH = 1, RPER_YEAR, RPER_ONCE };

/* A rule, parsed for evaluation; v[] keeps the canonical text for forms and the audit. */
struct rule {
    int64_t id;
    int valid_from;                 /* month (dpf/month.h) */
    unsigned statuses, categories, levels, im_levels;   /* bit c: code c qualifies */
    int poverty, no_tekun;
    int min_age, max_age;           /* -1: no limit */
    int period;
    int64_t amount[5];              /* fen by level 1..4 */
    char *v[RULE_NFIELDS];
};

struct programme {
    int64_t id;
    char *v[PROGRAMME_NFIELDS];
    int pay_every, active;          /* months per payment (1, 3, 12); 0 or 1 */
    struct rule *rules;             /* by valid_from, oldest first */
    int nrules;
};

struct programme_set {
    struct programme *p;
    int n;
    int cert_valid_years;           /* a certificate expires this many years after issue */
};

int programme_load_all(struct db *db, struct programme_set *out, struct dpf_err *err);
void programme_set_free(struct programme_set *s);
/* By code ("nursing") or by name; NULL if none. */
const struct programme *programme_find(const struct programme_set *s, const char *key);
/* The rule in force in month, or NULL before the first. */
const struct rule *programme_rule_at(const struct programme *p, int month);
/* True when the programme pays once (its rule in month says so). */
int programme_is_once(const struct programme *p, int month);

/* Saves a programme's own fields (v[] canonical, NULL = empty), audited. p->id 0 adds one. */
int programme_save(struct db *db, struct programme *p, struct dpf_err *err);
/* Adds or changes the programme's rule valid from v[RF_VALID_FROM] (canonical values, as
 * from field_parse), audited. Refuses a rule from a month already approved: that month's
 * roster is locked; a change must start in a later month. The caller owns the transaction.
 * *what (if not NULL) says what happened. */
enum rule_saved { RULE_ADDED, RULE_CHANGED, RULE_UNCHANGED };
int programme_rule_save(struct db *db, int64_t programme_id, char *const v[RULE_NFIELDS],
                        int *what, struct dpf_err *err);
/* The id of the programme with this code or name; DPF_ENOTFOUND (naming the field
 * "programme") if there is none. */
int programme_id_of(struct db *db, const char *key, int64_t *id, struct dpf_err *err);
/* The programme's name (and whether it is in use, if active is not NULL). */
int programme_name_of(struct db *db, int64_t id, char *out, size_t cap, int *active,
                      struct dpf_err *err);
/* Fills r from canonical values (the numeric side). DPF_EINVAL names the bad field. */
int rule_from_values(struct rule *r, struct dpf_err *err);

/* What a rule asks of a person. status_date, birth_date, cert_issue_date: YYYY-MM-DD or NULL. */
struct rule_person {
    int status, category, level, poor_reg, dibao, tekun;
    const char *status_date, *birth_date, *cert_issue_date;
};

struct person;
/* The rule's view of a stored person (pointers into p). */
void rule_person_of(const struct person *p, struct rule_person *out);

/* Why a person does not qualify (codes shared with enrolment stop reasons, dpf/enrol.h). */
struct rule_verdict {
    int reason;                     /* 0: qualifies in the month */
    /* The last month the person is entitled to because of a dated event (death, moving
     * out, cancellation, the certificate's expiry, passing the age limit); INT_MAX if none
     * is known. The event's date is in date. */
    int last_month;
    char date[11];
};
/* Judges a person against a rule in a month. Dated events stop payment from the month
 * after the event; other reasons (level, category, poverty, 特困) from the month judged. */
void rule_check(const struct rule *r, const struct rule_person *p, int month, int valid_years,
                struct rule_verdict *out);
/* The amount due for one month under r for a person of level (a twelfth of a yearly
 * amount, the whole of a monthly or once amount). */
int64_t rule_month_amount(const struct rule *r, int level, int month);

#endif
