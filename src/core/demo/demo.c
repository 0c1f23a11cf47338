/* SPDX-License-Identifier: MIT */
/* The synthetic district. Proportions follow a real district's register (seeds/000: about
 * half registered-poor, 3.5% written off as deceased in a year); nothing is a real person. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "demo_internal.h"
#include "demo_names.h"
#include "dpf/db.h"
#include "dpf/demo.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/person.h"
#include "dpf/place.h"
#include "dpf/yearly.h"
#include "base/db_struct.h"

#define VILLAGES_PER_TOWNSHIP 12
#define ADDR_CODES 3
#define FIRST_BIRTH_YEAR 1925
#define MAX_DAYS (366 * 110)

struct gen {
    uint64_t rng;
    int today_days;                     /* days since FIRST_BIRTH_YEAR-01-01 */
    int year;
    unsigned short *seq;                /* [addr][day][gender] IDs handed out */
};

static const char *const addr_codes[ADDR_CODES] = { "341503", "341502", "341522" };

static uint64_t next(struct gen *g)
{
    g->rng ^= g->rng >> 12;             /* xorshift64* */
    g->rng ^= g->rng << 25;
    g->rng ^= g->rng >> 27;
    return g->rng * 2685821657736338717ULL;
}

static int rnd(struct gen *g, int n)
{
    return n > 0 ? (int)(next(g) % (uint64_t)n) : 0;
}

/* Index into weights[] chosen with probability weight / sum. */
static int pick(struct gen *g, const int *weights, int n)
{
    int sum = 0, r;
    for (int i = 0; i < n; i++)
        sum += weights[i];
    r = rnd(g, sum);
    for (int i = 0; i < n; i++)
        if ((r -= weights[i]) < 0)
            return i;
    return n - 1;
}

static int pct(struct gen *g, int p)
{
    return rnd(g, 100) < p;
}

static void day_to_date(int day, char out[11])
{
    struct tm tm = { .tm_year = FIRST_BIRTH_YEAR - 1900, .tm_mday = 1 + day, .tm_hour = 12 };
    timegm(&tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static int date_to_day(const char *date)
{
    struct tm tm = { .tm_hour = 12 };
    struct tm base = { .tm_year = FIRST_BIRTH_YEAR - 1900, .tm_mday = 1, .tm_hour = 12 };
    sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return (int)((timegm(&tm) - timegm(&base)) / 86400);
}

/* A birth day for an age drawn from the register's shape: mostly older people. */
static int birth_day(struct gen *g)
{
    static const int band_w[] = { 5, 40, 55 };
    static const int band_lo[] = { 1, 18, 60 }, band_hi[] = { 17, 59, 95 };
    int b = pick(g, band_w, 3);
    int age = band_lo[b] + rnd(g, band_hi[b] - band_lo[b] + 1);
    int day = g->today_days - age * 365 - rnd(g, 365);
    return day < 0 ? rnd(g, 365) : day;
}

/* A unique valid ID for the day and gender, or -1 if every sequence number is taken. */
static int make_id(struct gen *g, int day, int male, char out[19])
{
    char birth[11];
    day_to_date(day, birth);
    for (int a = 0; a < ADDR_CODES; a++) {
        unsigned short *n = &g->seq[((size_t)a * MAX_DAYS + (size_t)day) * 2 + (size_t)male];
        if (*n >= 499)
            continue;
        int seq = *n * 2 + (male ? 1 : 2);
        (*n)++;
        snprintf(out, 19, "%s%.4s%.2s%.2s%03d", addr_codes[a], birth, birth + 5, birth + 8, seq);
        out[17] = idcard_check_char(out);
        out[18] = '\0';
        return 0;
    }
    return -1;
}

static void village_name(int t, int v, char *out, size_t n)
{
    int street = strstr(demo_townships[t], "街道") != NULL;
    snprintf(out, n, "%s%s", demo_village_heads[(t * 11 + v * 7) % DEMO_N(demo_village_heads)],
             street ? "社区" : "村");
}

static void phone(struct gen *g, char *out, size_t n)
{
    if (pct(g, 90))
        snprintf(out, n, "1%d%09d", 3 + rnd(g, 7), rnd(g, 1000000000));
    else
        snprintf(out, n, "0564-%d%06d", 3 + rnd(g, 5), rnd(g, 1000000));
}

static void set_int(struct person *p, int f, int v)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%d", v);
    person_set(p, f, buf);
}

static void names(struct gen *g, int male, char *out, size_t n)
{
    const char *given = male ? demo_given_male[rnd(g, DEMO_N(demo_given_male))]
                             : demo_given_female[rnd(g, DEMO_N(demo_given_female))];
    snprintf(out, n, "%s%s", demo_surnames[rnd(g, DEMO_N(demo_surnames))], given);
}

/* Status: mostly active; the rest deceased, moved out or cancelled within the last 2 years. */
static void status(struct gen *g, struct person *p, int issue_day)
{
    static const int w[] = { 950, 35, 10, 5 };
    int s = pick(g, w, 4) + 1, day;
    char date[11];
    static const char *const reasons[] = { NULL, "病故", "户籍迁出", "不再符合残疾标准" };

    if (s == PS_ACTIVE)
        return;
    day = g->today_days - rnd(g, 700);
    if (day < issue_day)
        day = issue_day;
    day_to_date(day, date);
    set_int(p, PF_STATUS, s);
    person_set(p, PF_STATUS_DATE, date);
    person_set(p, PF_STATUS_REASON, reasons[s - 1]);
}

static void make_person(struct gen *g, struct person *p, const char id[19], int male, int day)
{
    static const int town_w[] = { 7, 5, 6, 5, 6, 4, 6, 5, 7, 5, 5, 6, 4, 3, 4, 4, 3, 8, 9, 7 };
    static const int cat_w[] = { 11, 9, 1, 48, 10, 12, 9 }, lvl_w[] = { 15, 30, 25, 30 };
    int t = pick(g, town_w, DEMO_N(town_w)), cat = pick(g, cat_w, 7) + 1;
    int lvl = pick(g, lvl_w, 4) + 1, poor = pct(g, 52), issue;
    char buf[160], cert[48], village[32];

    snprintf(cert, sizeof cert, "%s%d%d", id, cat, lvl);
    person_init(p);
    person_set(p, PF_CERT_NO, cert);
    names(g, male, buf, sizeof buf);
    person_set(p, PF_NAME, buf);
    person_set(p, PF_ETHNICITY, demo_ethnicities[rnd(g, DEMO_N(demo_ethnicities))]);
    person_set(p, PF_TOWNSHIP, demo_townships[t]);
    village_name(t, rnd(g, VILLAGES_PER_TOWNSHIP), village, sizeof village);
    person_set(p, PF_VILLAGE, village);
    snprintf(buf, sizeof buf, "%s%s%d%s%d号", demo_townships[t], village, 1 + rnd(g, 12),
             demo_streets[rnd(g, DEMO_N(demo_streets))], 1 + rnd(g, 60));
    person_set(p, PF_ADDRESS, buf);
    if (pct(g, 88)) {
        phone(g, buf, sizeof buf);
        person_set(p, PF_PHONE, buf);
    }
    if (cat == 5 || cat == 6 || g->today_days - day < 18 * 365) {
        names(g, rnd(g, 2), buf, sizeof buf);
        person_set(p, PF_GUARDIAN, buf);
        phone(g, buf, sizeof buf);
        person_set(p, PF_GUARDIAN_PHONE, buf);
    }
    set_int(p, PF_POOR_REG, poor);
    set_int(p, PF_DIBAO, pct(g, poor ? 70 : 20));
    set_int(p, PF_TEKUN, pct(g, 4));
    set_int(p, PF_ILLNESS_POOR, poor && pct(g, 40));
    /* Second-generation certificates date from 2008; none before the holder's birth. A
     * certificate is valid ten years: most were issued or renewed within ten years, a few
     * have run out and wait for renewal. */
    issue = date_to_day("2008-01-01");
    if (pct(g, 97) && g->today_days - 3640 > issue)
        issue = g->today_days - 3640;
    issue = (day > issue ? day : issue) + 30;
    issue += rnd(g, g->today_days - issue > 1 ? g->today_days - issue : 1);
    if (issue > g->today_days)
        issue = g->today_days;
    day_to_date(issue, buf);
    person_set(p, PF_CERT_ISSUE_DATE, buf);
    if (pct(g, 92)) {
        snprintf(buf, sizeof buf, "6217%05d%05d%05d", rnd(g, 100000), rnd(g, 100000),
                 rnd(g, 100000));
        person_set(p, PF_BANK_ACCOUNT, buf);
    }
    status(g, p, issue);
}

/* Last year's update: everyone on the register then is contacted; deaths found are written off. */
static int yearly(struct gen *g, struct db *db, struct person *p, struct dpf_err *err)
{
    static const int contact_w[] = { 0, 60, 20, 17, 3 };
    int year = g->year - 1, contact = pick(g, contact_w, 5), day;
    const char *sd = person_get(p, PF_STATUS_DATE);
    char date[11], jan1[24];

    snprintf(jan1, sizeof jan1, "%d-01-01", year);
    if (strcmp(person_get(p, PF_CERT_ISSUE_DATE), jan1) > 0 || (sd && strcmp(sd, jan1) < 0))
        return DPF_OK;      /* not a holder in that year */
    if (sd && atoi(sd) == year)
        return yearly_record(db, p->id, year, YC_LOST, YO_DECEASED, sd, NULL, err);
    if (person_int(p, PF_STATUS) == PS_DECEASED)
        contact = YC_HOME;  /* died this year: was still verified last year */
    day = date_to_day(jan1) + 60 + rnd(g, 240);
    day_to_date(day, date);
    return yearly_record(db, p->id, year, contact, YO_VERIFIED, date, NULL, err);
}

static int require_empty(struct db *db, struct dpf_err *err)
{
    sqlite3_stmt *st;
    int64_t n;
    int rc;
    if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM person", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    if ((rc = db_step_int64(db, st, &n, err)) == DPF_ENOTFOUND)
        rc = db_fail(db, err);                              /* count(): always a row */
    sqlite3_finalize(st);
    if (rc == DPF_OK && n > 0)
        rc = dpf_err_set(err, DPF_EINVAL, NULL,
                         _("The register already holds %lld persons; the demo needs an empty "
                           "database"), (long long)n);
    return rc;
}

/* The district's places with synthetic codes: the district's code (the first address code
 * of the IDs), then a township's 3 digits and a village's 3. */
static int places(struct db *db, struct dpf_err *err)
{
    char code[32], village[32];
    long n;
    int rc = place_count(db, &n, err);

    if (rc != DPF_OK || n > 0)
        return rc;              /* the office's own list stands */

    for (int t = 0; rc == DPF_OK && t < (int)DEMO_N(demo_townships); t++) {
        snprintf(code, sizeof code, "%s%03d", addr_codes[0], t + 1);
        rc = place_add(db, NULL, demo_townships[t], code, err);
        for (int v = 0; rc == DPF_OK && v < VILLAGES_PER_TOWNSHIP; v++) {
            village_name(t, v, village, sizeof village);
            snprintf(code, sizeof code, "%s%03d%03d", addr_codes[0], t + 1, v + 1);
            rc = place_add(db, demo_townships[t], village, code, err);
        }
    }
    return rc;
}

int demo_generate(struct db *db, const struct demo_opts *o, struct dpf_err *err)
{
    struct gen g = { .rng = o->seed ? o->seed : 20171120 };
    struct db_index_set indexes = { 0 };
    struct person p;
    char id[19];
    int rc = DPF_OK, day, male;

    g.today_days = date_to_day(db->today);
    g.year = atoi(db->today);
    if (g.today_days >= MAX_DAYS)
        return dpf_err_set(err, DPF_EINVAL, NULL, "today is out of the demo's range");
    if (!(g.seq = calloc((size_t)ADDR_CODES * MAX_DAYS * 2, sizeof *g.seq)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    if ((rc = db_bulk_begin(db, err)) != DPF_OK || (rc = db_begin(db, err)) != DPF_OK)
        goto out;
    rc = require_empty(db, err);
    if (rc == DPF_OK)
        rc = places(db, err);
    if (rc == DPF_OK)
        rc = db_indexes_drop(db, "person", &indexes, err);
    for (long i = 0; rc == DPF_OK && i < o->persons; i++) {
        male = pct(&g, 55);
        do
            day = birth_day(&g);
        while (make_id(&g, day, male, id) != 0);
        make_person(&g, &p, id, male, day);
        rc = person_validate(&p, db->today, err);
        if (rc == DPF_OK)
            rc = person_insert(db, &p, err);
        if (rc == DPF_OK)
            rc = yearly(&g, db, &p, err);
        person_clear(&p);
        if (o->progress && (i + 1) % 10000 == 0)
            o->progress(i + 1, o->persons, o->ctx);
    }
    rc = rc == DPF_OK ? db_indexes_restore(db, &indexes, err) : rc;
    rc = rc == DPF_OK ? db_cache_default(db, err) : rc;
    rc = rc == DPF_OK ? demo_subsidies(db, o->seed ? o->seed : 20171120, err) : rc;
    rc = rc == DPF_OK ? demo_rehab(db, o->seed ? o->seed : 20171120, err) : rc;
    rc = rc == DPF_OK ? demo_insurance(db, o->seed ? o->seed : 20171120, err) : rc;
    rc = rc == DPF_OK ? db_commit(db, err) : rc;
    db_rollback(db);
    db_index_set_free(&indexes);
out:
    db_bulk_end(db);
    free(g.seq);
    return rc;
}
