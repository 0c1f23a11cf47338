/* SPDX-License-Identifier: MIT */
/* The demo district's rehabilitation for the current year, shaped like the seeds' year:
 * 26 institutions; about nine in ten persons assessed with needs, nine in ten of those
 * served and six in ten of those needing a device fitted; children's rescue under the
 * four funding lines; and the year's projects with targets in proportion to the district.
 * Every record goes through rehab_save, checked and audited like a clerk's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "demo_internal.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/rehab.h"
#include "base/db_struct.h"

/* The seeds' district, which the demo's default size is. */
enum { SEED_PERSONS = 18253, MAX_INST = 32 };

struct rgen {
    uint64_t rng;
    struct db *db;
    int year;
    char inst[MAX_INST][96];
    char inst_town[MAX_INST][32];
    int ninst;
};

static int rnd(struct rgen *g, int n)
{
    return demo_rnd(&g->rng, n);
}

static int pct(struct rgen *g, int p)
{
    return rnd(g, 100) < p;
}

/* The date days after date (YYYY-MM-DD), not after today. */
static void date_after(const struct rgen *g, const char *date, int days, char out[11])
{
    struct tm tm = { .tm_year = atoi(date) - 1900, .tm_mon = atoi(date + 5) - 1,
                     .tm_mday = atoi(date + 8) + days, .tm_hour = 12 };
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
    if (strcmp(out, g->db->today) > 0)
        memcpy(out, g->db->today, 11);
}

static int save(struct rgen *g, int kind, const char **v, struct dpf_err *err)
{
    return rehab_save(g->db, kind, 0, (char *const *)v, NULL, err);
}

static int add_institution(struct rgen *g, const char *name, int kind, const char *town,
                           struct dpf_err *err)
{
    char k[16];
    const char *v[INSTITUTION_NFIELDS] = { name, k, town, NULL, NULL };

    snprintf(k, sizeof k, "%d", kind);
    if (g->ninst < MAX_INST && strlen(name) < sizeof g->inst[0] &&
        strlen(town) < sizeof g->inst_town[0]) {
        memcpy(g->inst[g->ninst], name, strlen(name) + 1);
        memcpy(g->inst_town[g->ninst++], town, strlen(town) + 1);
    }
    return save(g, RK_INSTITUTION, v, err);
}

/* The district's network: the city hospital, a health centre in every township or street,
 * a model village clinic, and the district's special school and centres. */
static int institutions(struct rgen *g, struct dpf_err *err)
{
    sqlite3_stmt *st;
    char towns[32][32], name[96];
    int n = 0, rc = DPF_OK;

    if (sqlite3_prepare_v2(g->db->h, "SELECT DISTINCT township FROM person ORDER BY 1", -1,
                           &st, NULL) != SQLITE_OK)
        return db_fail(g->db, err);
    while (n < 32 && sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (strlen(t) < sizeof towns[0])        /* a township name is a few characters */
            memcpy(towns[n++], t, strlen(t) + 1);
    }
    sqlite3_finalize(st);
    if (!n)
        return DPF_OK;
    rc = add_institution(g, "市第二人民医院", 1, towns[0], err);
    for (int t = 0; t < n && rc == DPF_OK; t++) {
        int street = strstr(towns[t], "街道") != NULL;
        snprintf(name, sizeof name, "%.31s%s", towns[t], street ? "社区卫生服务中心" : "卫生院");
        rc = add_institution(g, name, street ? 3 : 2, towns[t], err);
    }
    if (rc == DPF_OK)
        rc = add_institution(g, "永兴村卫生室", 4, towns[0], err);
    if (rc == DPF_OK)
        rc = add_institution(g, "区特殊教育学校", 5, towns[n - 1], err);
    if (rc == DPF_OK)
        rc = add_institution(g, "区残疾人康复中心", 6, towns[n - 1], err);
    if (rc == DPF_OK)
        rc = add_institution(g, "区儿童康复训练中心", 6, towns[n - 1], err);
    if (rc == DPF_OK)
        rc = add_institution(g, "区辅具服务中心", 7, towns[n - 1], err);
    return rc;
}

/* The township's health centre (index 1 + township order), else the city hospital. */
static const char *local_institution(const struct rgen *g, const char *town)
{
    for (int i = 1; i < g->ninst; i++)
        if (strcmp(g->inst_town[i], town) == 0)
            return g->inst[i];
    return g->inst[0];
}

struct who {
    char cert[32], town[32], birth[11];
    int category;
};

/* The device a category most needs (a code of rehab_devices). */
static int device_for(struct rgen *g, int category)
{
    static const int physical[] = { 1, 7, 5, 6 };
    switch (category) {
    case 1: return pct(g, 60) ? 3 : 2;
    case 2: return 4;
    case 4: return physical[rnd(g, 4)];
    default: return pct(g, 50) ? 8 : 9;
    }
}

static const char *item_for(struct rgen *g, int kind, int device)
{
    static const char *const training[] = { "运动功能训练", "认知训练", "言语训练", "精神康复训练" };
    static const char *const surgery[] = { "白内障手术", "人工耳蜗植入", "矫治手术" };
    static const char *const support[] = { "心理疏导", "康复咨询", "转介服务" };
    switch (kind) {
    case RC_TRAINING: return training[rnd(g, 4)];
    case RC_DEVICE: return rehab_devices[device - 1];
    case RC_SURGERY: return surgery[rnd(g, 3)];
    case RC_MEDICINE: return "精神病药物";
    case RC_NURSING: return "居家护理";
    default: return support[rnd(g, 3)];
    }
}

/* One service of kind after the assessment, at the local institution (devices at the
 * district's device centre). */
static int serve(struct rgen *g, const struct who *w, const char *assessed, int kind,
                 int device, struct dpf_err *err)
{
    static const int cost_max[] = { 0, 3000, 3000, 12000, 1200, 1200, 200 };
    char date[11], k[16], cost[16], fund[16];
    const char *v[SERVICE_NFIELDS] = { w->cert, NULL, date,
                                       kind == RC_DEVICE ? g->inst[g->ninst - 1]
                                                         : local_institution(g, w->town),
                                       k, item_for(g, kind, device), cost, fund, NULL };

    date_after(g, assessed, 1 + rnd(g, 200), date);
    snprintf(k, sizeof k, "%d", kind);
    snprintf(cost, sizeof cost, "%d", 100 * (1 + rnd(g, cost_max[kind])));
    snprintf(fund, sizeof fund, "%d", kind == RC_SURGERY ? 5 : 2 + rnd(g, 3));
    return save(g, RK_SERVICE, v, err);
}

/* A person's year: the assessment, and for most with needs an agreement and services. */
static int person_year(struct rgen *g, const struct who *w, struct dpf_err *err)
{
    char date[11], start[11], needs[8] = "", devices[4] = "", signed_on[11];
    int device = 0, n = 0, rc;
    const char *v[ASSESSMENT_NFIELDS] = { w->cert, NULL, date, NULL, "评估员", NULL, needs,
                                          devices, NULL };

    snprintf(start, sizeof start, "%04d-01-05", g->year);
    date_after(g, start, rnd(g, 240), date);
    v[AS_METHOD] = pct(g, 70) ? "1" : "2";
    v[AS_INSTITUTION] = v[AS_METHOD][0] == '2' ? local_institution(g, w->town) : NULL;
    if (pct(g, 96)) {
        needs[n++] = '1';
        if (pct(g, w->category == 2 || w->category == 4 ? 35 : w->category == 1 ? 25 : 3)) {
            needs[n++] = '2';
            device = device_for(g, w->category);
            devices[0] = (char)('0' + device);
        }
        if (pct(g, 4))
            needs[n++] = '3';
        if (w->category == 6 && pct(g, 50))
            needs[n++] = '4';
        if (pct(g, 10))
            needs[n++] = '6';
    }
    v[AS_NEEDS] = n ? needs : NULL;
    v[AS_DEVICES] = device ? devices : NULL;
    if ((rc = save(g, RK_ASSESSMENT, v, err)) != DPF_OK || !n || !pct(g, 91))
        return rc;
    {
        const char *ag[AGREEMENT_NFIELDS] = { w->cert, NULL, signed_on,
                                              local_institution(g, w->town), needs, NULL, NULL,
                                              NULL };
        date_after(g, date, rnd(g, 10), signed_on);
        rc = save(g, RK_AGREEMENT, ag, err);
    }
    for (int i = 0; rc == DPF_OK && i < 1 + rnd(g, 2); i++)
        rc = serve(g, w, date, needs[rnd(g, n)] == '4' ? RC_MEDICINE : RC_TRAINING, 0, err);
    if (rc == DPF_OK && device && pct(g, 62))
        rc = serve(g, w, date, RC_DEVICE, device, err);
    return rc;
}

/* Children within the age limit: rescue under a funding line, mostly training. */
static int rescue(struct rgen *g, const struct who *w, struct dpf_err *err)
{
    static const int line_w[] = { 56, 73, 17, 7 };
    char date[11], start[11], line[16], kind[16], cost[16];
    const char *v[RESCUE_NFIELDS] = { w->cert, NULL, date, kind, line,
                                      g->inst[g->ninst - 2], cost, NULL, NULL };
    int r = rnd(g, 153), l = 0;

    while (r >= line_w[l])
        r -= line_w[l++];
    snprintf(start, sizeof start, "%04d-02-01", g->year);
    date_after(g, start, rnd(g, 200), date);
    if (strcmp(date, w->birth) <= 0)
        return DPF_OK;
    snprintf(line, sizeof line, "%d", l + 1);
    snprintf(kind, sizeof kind, "%d", pct(g, 80) ? 1 : 2 + rnd(g, 3));
    snprintf(cost, sizeof cost, "%d", 100 * (6000 + rnd(g, 14000)));
    return save(g, RK_RESCUE, v, err);
}

/* The seeds' projects, their targets scaled to the district's size. */
static int projects(struct rgen *g, long persons, struct dpf_err *err)
{
    static const struct { const char *name, *source, *kinds, *programme, *count; long target; } p[] = {
        { "贫困精神残疾人补助", "4", NULL, "mental", "1", 1164 },
        { "残疾儿童康复训练", "2", "康复训练", NULL, "1", 146 },
        { "残疾儿童辅具及矫形器", "2", "辅助器具、矫形器", NULL, "2", 22 },
        { "精准康复服务", "1", NULL, NULL, "1", 14000 },
        { "基本辅具适配", "1", "辅助器具", NULL, "1", 1700 },
    };
    char year[8], target[16];
    int rc = DPF_OK;

    snprintf(year, sizeof year, "%d", g->year);
    for (size_t i = 0; rc == DPF_OK && i < sizeof p / sizeof p[0]; i++) {
        long t = (p[i].target * persons + SEED_PERSONS / 2) / SEED_PERSONS;
        const char *v[PROJECT_NFIELDS] = { year, p[i].name, target, p[i].source, p[i].kinds,
                                           NULL, p[i].programme, p[i].count, NULL };
        snprintf(target, sizeof target, "%ld", t > 0 ? t : 1);
        rc = save(g, RK_PROJECT, v, err);
    }
    return rc;
}

int demo_rehab(struct db *db, uint64_t seed, struct dpf_err *err)
{
    struct rgen g = { .rng = seed * 7919 + 1, .db = db, .year = atoi(db->today) };
    sqlite3_stmt *st;
    struct who w;
    char limit[16];
    long persons = 0;
    int rc, max_age, step;

    db_setting(db, "rescue_age_max", limit, sizeof limit);
    max_age = atoi(limit);
    if ((rc = institutions(&g, err)) != DPF_OK || !g.ninst)
        return rc;
    /* Its own statement: rehab_save runs cached ones meanwhile. */
    if (sqlite3_prepare_v2(db->h, "SELECT cert_no, township, birth_date, category FROM person "
                                  "WHERE status = 1 ORDER BY id", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    while (rc == DPF_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(w.cert, sizeof w.cert, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(w.town, sizeof w.town, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(w.birth, sizeof w.birth, "%s", (const char *)sqlite3_column_text(st, 2));
        w.category = sqlite3_column_int(st, 3);
        persons++;
        if (pct(&g, 90))
            rc = person_year(&g, &w, err);
        if (rc == DPF_OK && g.year - atoi(w.birth) <= max_age && pct(&g, 60))
            rc = rescue(&g, &w, err);
    }
    if (rc == DPF_OK && step != SQLITE_DONE)
        rc = db_fail(db, err);
    sqlite3_finalize(st);
    return rc == DPF_OK ? projects(&g, persons, err) : rc;
}
