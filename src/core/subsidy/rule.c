/* SPDX-License-Identifier: MIT */
/* A programme rule's judgement of one person in one month, and the amount due. Pure: the
 * monthly review calls this for every enrolled person and every candidate. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "dpf/enrol.h"
#include "dpf/money.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/programme.h"

/* Keeps the earliest dated event that falls in month or before. */
static void dated(struct rule_verdict *v, int reason, int event_month, const char *date,
                  int month)
{
    if (event_month < 0 || event_month > month || event_month >= v->last_month)
        return;
    v->reason = reason;
    v->last_month = event_month;
    snprintf(v->date, sizeof v->date, "%s", date);
}

/* The year of a YYYY-MM-DD date. */
static int year_of(const char *date)
{
    int y = 0;
    for (int i = 0; i < 4 && date[i] >= '0' && date[i] <= '9'; i++)
        y = y * 10 + (date[i] - '0');
    return y;
}

/* date plus years, as YYYY-MM-DD (the same day of the month). */
static void add_years(const char *date, int years, char out[11])
{
    unsigned y = (unsigned)(year_of(date) + years) % 10000;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    memcpy(out + 4, date + 4, 7);       /* "-MM-DD" and the NUL */
}

/* Age in whole years on the first day of month. */
static int age_at(const char *birth, int month)
{
    char first[11];
    int y = month_year(month) - year_of(birth);
    month_first_day(month, first);
    return strcmp(first + 5, birth + 5) < 0 ? y - 1 : y;
}

static int poor_enough(const struct rule *r, const struct rule_person *p)
{
    switch (r->poverty) {
    case RP_DIBAO_OR_POOR:
        return p->dibao || p->poor_reg;
    case RP_DIBAO:
        return p->dibao;
    case RP_POOR:
        return p->poor_reg;
    default:
        return 1;
    }
}

static int level_admitted(const struct rule *r, const struct rule_person *p)
{
    unsigned bit = 1u << p->level;
    if (r->levels & bit)
        return 1;
    return (p->category == 5 || p->category == 6) && (r->im_levels & bit);
}

void rule_person_of(const struct person *p, struct rule_person *rp)
{
    rp->status = person_int(p, PF_STATUS);
    rp->category = person_int(p, PF_CATEGORY);
    rp->level = person_int(p, PF_LEVEL);
    rp->poor_reg = person_int(p, PF_POOR_REG);
    rp->dibao = person_int(p, PF_DIBAO);
    rp->tekun = person_int(p, PF_TEKUN);
    rp->status_date = person_get(p, PF_STATUS_DATE);
    rp->birth_date = person_get(p, PF_BIRTH_DATE);
    rp->cert_issue_date = person_get(p, PF_CERT_ISSUE_DATE);
}

/* The person's status in month. A death, move or cancellation dated after month had not
 * happened yet: the person was still on the register then, and is judged as such (the
 * dated event ends entitlement in its own month, through dated()). */
static int status_in(const struct rule_person *p, int month)
{
    if (p->status > PS_ACTIVE && p->status_date && month_of_date(p->status_date) > month)
        return PS_ACTIVE;
    return p->status;
}

void rule_check(const struct rule *r, const struct rule_person *p, int month, int valid_years,
                struct rule_verdict *v)
{
    static const int by_status[] = { 0, ER_FAILED_REVIEW, ER_DECEASED, ER_MOVED, ER_CANCELLED };
    char date[11];
    int status = status_in(p, month);

    v->reason = 0;
    v->last_month = INT_MAX;
    v->date[0] = '\0';
    if (!(r->statuses & (1u << p->status)) && p->status >= 1 && p->status <= 4 &&
        p->status_date)
        dated(v, by_status[p->status], month_of_date(p->status_date), p->status_date, month);
    if (p->cert_issue_date && valid_years > 0) {
        add_years(p->cert_issue_date, valid_years, date);
        dated(v, ER_EXPIRED, month_of_date(date), date, month);
    }
    if (r->max_age >= 0 && p->birth_date) {
        add_years(p->birth_date, r->max_age + 1, date);
        dated(v, ER_AGE, month_of_date(date), date, month);
    }
    if (v->reason)
        return;
    /* Reasons without a date stop payment from the month judged. */
    if (!(r->statuses & (1u << status)))
        v->reason = ER_FAILED_REVIEW;
    else if (!(r->categories & (1u << p->category)) || !level_admitted(r, p))
        v->reason = ER_CATEGORY_LEVEL;
    else if (!poor_enough(r, p))
        v->reason = ER_POVERTY;
    else if (r->no_tekun && p->tekun)
        v->reason = ER_TEKUN;
    else if (r->min_age >= 0 && p->birth_date && age_at(p->birth_date, month) < r->min_age)
        v->reason = ER_AGE;
    if (v->reason)
        v->last_month = month - 1;
}

int64_t rule_month_amount(const struct rule *r, int level, int month)
{
    int64_t a = level >= 1 && level <= 4 ? r->amount[level] : 0;
    return r->period == RPER_YEAR ? money_month_share(a, month_number(month)) : a;
}
