/* SPDX-License-Identifier: MIT */
/* The yearly needs-and-services update (需求和服务信息动态更新): each certificate holder is
 * contacted once a year and either verified or, if found deceased, written off. */
#ifndef DPF_YEARLY_H
#define DPF_YEARLY_H

#include <stdint.h>
#include "dpf/err.h"
#include "dpf/field.h"

struct db;

enum yearly_contact { YC_HOME = 1, YC_FACE, YC_PHONE, YC_LOST };
enum yearly_outcome { YO_VERIFIED = 1, YO_DECEASED };

/* The fields of an update: the import template's columns (`dpf import updates`), whose
 * year, contact, outcome and date are also the keys of its audit rows. */
enum {
    YU_CERT_NO, YU_NAME, YU_YEAR, YU_CONTACT, YU_OUTCOME, YU_DATE, YU_NOTE, YEARLY_NFIELDS
};
extern const struct field yearly_fields[YEARLY_NFIELDS];

/* Contact names as the office writes them: 入户, 面对面, 电话, 失访 (code = index + 1). */
extern const char *const yearly_contacts[];
/* Outcome names: 核实, 核销 (code = enum yearly_outcome). */
extern const char *const yearly_outcomes[];
/* Parses a contact name or code; -1 if unknown. */
int yearly_contact_parse(const char *s);

/* Records (or corrects) one person's update for a year. A write-off also sets the person
 * 死亡 on date with the reason 年度动态更新核销. Audited. The caller owns the transaction. */
int yearly_record(struct db *db, int64_t person_id, int year, int contact, int outcome,
                  const char *date, const char *note, struct dpf_err *err);

struct yearly_count {
    const char *township;   /* NULL for the district total; valid during the callback */
    long holders;           /* certificate holders in the year */
    long by_contact[5];     /* index by enum yearly_contact */
    long verified, deceased, pending;
};
typedef int (*yearly_count_fn)(const struct yearly_count *c, void *ctx);

/* Counts per township (in name order), then the district total. */
int yearly_summary(struct db *db, int year, yearly_count_fn fn, void *ctx, struct dpf_err *err);
/* The district's holders, verified and written off in the year, without the townships. */
int yearly_district(struct db *db, int year, long *holders, long *verified, long *deceased,
                    struct dpf_err *err);

#endif
