/* SPDX-License-Identifier: MIT */
/* `dpf insurance ...`: policies and their coverage items, the insured roster (build,
 * confirm, dated additions and removals, the insurer's export), claims (list, show, move on)
 * and the year's figures. A policy's and an item's options are their fields' keys
 * (--policy-no, --starts-on, ...), parsed and checked by the field table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/i18n.h"
#include "dpf/outfile.h"
#include "dpf/insurance.h"
#include "dpf/money.h"
#include "dpf/person.h"
#include "dpf/report.h"

/* A field's option name: its key with dashes ("policy_no": policy-no). */
static void option_name(const char *key, char *out, size_t cap)
{
    snprintf(out, cap, "%s", key);
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = '-';
}

/* The values given for a field table's options, by field index (the year is the row's). */
static void field_values(const struct cli_args *a, const struct field *fields, int n,
                         const char **raw)
{
    char name[32];
    for (int i = 0; i < n; i++) {
        raw[i] = NULL;
        if (strcmp(fields[i].key, "year") == 0)
            continue;
        option_name(fields[i].key, name, sizeof name);
        raw[i] = cli_str(a, name);
    }
}

/* Opens the database and finds the year's policy. */
static int open_policy(struct cli *c, int year, int64_t *id)
{
    struct dpf_err err;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (policy_of_year(c->db, year, id, &err) != DPF_OK)
        return cli_fail(&err);
    return EXIT_OK;
}

/* Parses the raw option values of a field table over v (values not given are kept). */
static int parse_fields(const struct field *f, int n, const char *const *raw, const char *today,
                        char **v, struct dpf_err *err)
{
    for (int i = 0; i < n; i++) {
        char *val;
        if (!raw[i])
            continue;
        if (field_parse(&f[i], raw[i], today, &val, err) != DPF_OK)
            return err->code;
        free(v[i]);
        v[i] = val;
    }
    return DPF_OK;
}

static int cmd_insurance_policy(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct dpf_err err = { 0 };
    char *v[POLICY_NFIELDS] = { NULL }, year[16];
    const char *raw[POLICY_NFIELDS];
    int y = (int)cli_int(a, "year");
    int64_t id = 0;
    int rc;

    (void)self;
    field_values(a, policy_fields, POLICY_NFIELDS, raw);
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    rc = policy_of_year(c->db, y, &id, &err);
    if (rc == DPF_OK)
        rc = policy_load(c->db, id, v, &err);
    else if (rc == DPF_ENOTFOUND)
        rc = DPF_OK;
    snprintf(year, sizeof year, "%d", y);
    free(v[PO_YEAR]);
    v[PO_YEAR] = strdup(year);
    if (!id && !raw[PO_RULE_POOR])
        raw[PO_RULE_POOR] = "1";
    if (rc == DPF_OK)
        rc = parse_fields(policy_fields, POLICY_NFIELDS, raw, db_today(c->db), v, &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, policy_save(c->db, id, v, &id, &err), &err);
    record_free(v, POLICY_NFIELDS);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(_("Policy %d saved\n"), y);
    return EXIT_OK;
}

static int cmd_insurance_cover(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct dpf_err err = { 0 };
    char *v[COVER_NFIELDS] = { NULL };
    const char *raw[COVER_NFIELDS];
    int y = (int)cli_int(a, "year");
    int64_t id;
    int rc;

    (void)self;
    field_values(a, cover_fields, COVER_NFIELDS, raw);
    if (open_policy(c, y, &id) != EXIT_OK)
        return EXIT_FAIL;
    rc = parse_fields(cover_fields, COVER_NFIELDS, raw, db_today(c->db), v, &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, cover_save(c->db, id, v, &err), &err);
    record_free(v, COVER_NFIELDS);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(_("Coverage item %s of the %d policy saved\n"), raw[CV_ITEM], y);
    return EXIT_OK;
}

/* Fen as yuan ("1,260.00"). */
static const char *yuan(int64_t fen, char *buf, size_t cap)
{
    return money_format(fen, 1, buf, cap);
}

static void print_covers(struct db *db, int64_t id)
{
    struct cover cv[COVER_MAX];
    struct dpf_err err;
    char buf[128];
    int n;

    if (cover_list(db, id, cv, &n, &err) != DPF_OK)
        return;
    for (int i = 0; i < n; i++) {
        printf("    %s ", cli_pad(cv[i].item, 16, buf, sizeof buf));
        printf(_("cap %s"), yuan(cv[i].cap, buf, sizeof buf));
        if (cv[i].daily > 0)
            printf(_(", %s a day, at most %d days"), yuan(cv[i].daily, buf, sizeof buf),
                   cv[i].max_days);
        printf(_("; documents: %s\n"),
               field_show(&cover_fields[CV_DOCS], cv[i].docs, 0, buf, sizeof buf));
    }
}

static int print_policy(const struct policy_summary *p, void *ctx)
{
    struct db *db = ctx;
    char a[32], b[32];
    printf(_("%d  %s  policy %s  %s to %s\n"), p->year, p->insurer, p->number, p->starts, p->ends);
    printf(_("    insured %ld (on the roster today %ld, added %ld, removed %ld), %s a person, "
             "premium %s\n"), p->insured, p->current, p->added, p->removed,
           yuan(p->premium, a, sizeof a), yuan(p->premium_total, b, sizeof b));
    if (p->confirmed[0])
        printf(_("    roster confirmed on %s\n"), p->confirmed);
    else
        printf(_("    roster not confirmed\n"));
    print_covers(db, p->id);
    return 0;
}

static int cmd_insurance_policies(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct dpf_err err;
    (void)self;
    (void)a;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (policy_list(c->db, print_policy, c->db, &err) != DPF_OK)
        return cli_fail(&err);
    return EXIT_OK;
}

static int cmd_insurance_build(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int confirm = strcmp(self->name, "confirm") == 0;
    int y = (int)cli_int(a, "year");
    struct dpf_err err;
    int64_t id;
    long n = 0;
    int rc;

    if (open_policy(c, y, &id) != EXIT_OK)
        return EXIT_FAIL;
    if ((rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, confirm ? insured_confirm(c->db, id, &err)
                                   : insured_build(c->db, id, &n, &err), &err);
    if (rc != DPF_OK)
        return cli_fail(&err);
    if (confirm)
        printf(_("The %d roster is confirmed: later changes are dated additions and removals\n"),
               y);
    else
        printf(_("The %d roster is built: %ld persons insured (not yet confirmed)\n"), y, n);
    return EXIT_OK;
}

static int cmd_insurance_change(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int add = strcmp(self->name, "add") == 0;
    int y = (int)cli_int(a, "year");
    const char *who = a->operands[0], *on = cli_str(a, "date"), *reason = cli_str(a, "reason");
    struct dpf_err err;
    char *date = NULL;
    int64_t id;
    int rc;

    if (open_policy(c, y, &id) != EXIT_OK)
        return EXIT_FAIL;
    rc = field_parse(&roster_fields[RO_FROM], on, db_today(c->db), &date, &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, add ? insured_add(c->db, id, who, date, reason, &err)
                               : insured_remove(c->db, id, who, date, reason, &err), &err);
    free(date);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(add ? _("Added to the %d roster from %s\n") : _("Removed from the %d roster on %s\n"),
           y, on);
    return EXIT_OK;
}

static int cmd_insurance_roster(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int y = (int)cli_int(a, "year"), full = cli_has(a, "full-id");
    const char *out = cli_str(a, "out");
    unsigned oflags = cli_has(a, "force") ? OUT_FORCE : 0;
    struct dpf_err err;
    int64_t id;
    long rows;

    (void)self;
    if (open_policy(c, y, &id) != EXIT_OK)
        return EXIT_FAIL;
    if (insured_export(c->db, id, out, oflags, full, &rows, &err) != DPF_OK)
        return cli_fail(&err);
    printf(full ? _("Wrote the %d roster, %ld persons, to %s (full resident IDs)\n")
                : _("Wrote the %d roster, %ld persons, to %s (resident IDs masked)\n"),
           y, rows, out);
    return EXIT_OK;
}

static int cmd_insurance_figures(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int y = (int)cli_int(a, "year");
    struct insurance_figures f;
    struct rtable t = { 0 };
    struct dpf_err err;
    int rc;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (insurance_figures(c->db, y, &f, &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("Accident insurance %d\n\n"), y);
    rc = report_insurance_table(&f, &t) == DPF_OK ? cli_table(&t) : EXIT_FAIL;
    rtable_free(&t);
    insurance_figures_free(&f);
    if (rc != EXIT_OK)
        return rc;
    cli_notes(insurance_notes);
    return EXIT_OK;
}

#define INS_YEAR(flags) { "year", CK_YEAR, flags, NULL, N_("the year of the policy"), NULL, 0 }
#define INS_REASON(flags)                                                                   \
    { "reason", CK_TEXT, flags, NULL, N_("why, kept with the change"), NULL, 0 }

/* A field's option is its key with dashes (field_values); the field table checks the value
 * again as the form does (a cover's start in the future, a code list). */
static const struct cli_opt policy_opts[] = {
    INS_YEAR(CLI_REQUIRED),
    { "insurer", CK_TEXT, 0, NULL, N_("Insurer"), NULL, 0 },
    { "policy-no", CK_TEXT, 0, NULL, N_("Policy number"), NULL, 0 },
    { "premium", CK_MONEY, 0, NULL, N_("Premium a person"), NULL, 0 },
    { "starts-on", CK_DATE, 0, NULL, N_("Cover starts"), NULL, 0 },
    { "ends-on", CK_DATE, 0, NULL, N_("Cover ends"), NULL, 0 },
    { "rule-poor", CK_TEXT, 0, "是|否", N_("Registered poor only"), NULL, 0 },
    { "note", CK_TEXT, 0, NULL, N_("Note"), NULL, 0 },
    { 0 },
};

static const struct cli_opt cover_opts[] = {
    INS_YEAR(CLI_REQUIRED),
    { "item", CK_TEXT, CLI_REQUIRED, "NAME", N_("Coverage item"), NULL, 0 },
    { "cap", CK_MONEY, 0, NULL, N_("Cap"), NULL, 0 },
    { "daily", CK_MONEY, 0, NULL, N_("Daily rate"), NULL, 0 },
    { "max-days", CK_COUNT, 0, "N", N_("Days at most"), NULL, 0 },
    { "docs", CK_TEXT, 0, "CODES", N_("Documents needed"), NULL, 0 },
    { 0 },
};

static const struct cli_opt year_opts[] = { INS_YEAR(CLI_REQUIRED), { 0 } };

static const struct cli_opt add_opts[] = {
    INS_YEAR(CLI_REQUIRED),
    { "date", CK_DATE, CLI_REQUIRED, NULL, N_("the day the change takes effect"), NULL, 0 },
    INS_REASON(0),
    { 0 },
};

static const struct cli_opt remove_opts[] = {
    INS_YEAR(CLI_REQUIRED),
    { "date", CK_DATE, CLI_REQUIRED, NULL, N_("the day the change takes effect"), NULL, 0 },
    INS_REASON(CLI_REQUIRED),
    { 0 },
};

/* The roster goes to the insurer: full resident IDs need the manager who builds it. */
static const struct cli_opt roster_opts[] = {
    INS_YEAR(CLI_REQUIRED),
    { "out", CK_FILE, CLI_REQUIRED, "FILE.xlsx|FILE.csv", N_("the file to write"), NULL, 0 },
    { "full-id", CK_FLAG, 0, NULL, N_("full resident IDs (audited)"), NULL, NEED_MANAGE },
    { "force", CK_FLAG, 0, NULL, N_("replace the file if it exists"), NULL, 0 },
    { 0 },
};

/* The insurance commands (cli.h: how to add a command). */
const struct cli_cmd cli_insurance_rows[] = {
    { .group = "insurance", .name = "policies", .need = NEED_READ,
      .summary = N_("The accident insurance policies, their rosters and coverage items"),
      .run = cmd_insurance_policies },
    { .group = "insurance", .name = "policy", .need = NEED_MANAGE, .opts = policy_opts,
      .summary = N_("Record or change the year's policy; a new policy takes the standard coverage items"),
      .help = N_("--rule-poor 是 (the default) insures only 建档立卡 persons; 否 insures everyone in the\n"
         "register. Once the roster is confirmed the dates and the rule are fixed."),
      .run = cmd_insurance_policy },
    { .group = "insurance", .name = "cover", .need = NEED_MANAGE, .opts = cover_opts,
      .summary = N_("Add or change a coverage item of the year's policy, with its cap"),
      .help = N_("An allowance paid by the day has --daily and --max-days; its cap is their product.\n"
         "--docs names the documents a claim on the item needs: 理赔申请书 身份证明 残疾人证 病历\n"
         "医疗费发票 费用清单 医保结算单 死亡证明 户口注销证明 (or their numbers 1-9)."),
      .run = cmd_insurance_cover },
    { .group = "insurance", .name = "build", .need = NEED_MANAGE, .opts = year_opts,
      .summary = N_("Build the year's insured roster from the register as it stood on the start date"),
      .help = N_("Persons 在册 on the start date and, under the default rule, 建档立卡 then. Building\n"
         "again replaces the roster until it is confirmed."),
      .run = cmd_insurance_build },
    { .group = "insurance", .name = "confirm", .need = NEED_MANAGE, .opts = year_opts,
      .summary = N_("Confirm (freeze) the year's roster"),
      .run = cmd_insurance_build },
    { .group = "insurance", .name = "add", .need = NEED_REGISTER, .opts = add_opts,
      .operands = "CERT|ID", .min_operands = 1, .max_operands = 1,
      .summary = N_("Add a person to a confirmed roster, insured from the date"),
      .run = cmd_insurance_change },
    { .group = "insurance", .name = "remove", .need = NEED_REGISTER, .opts = remove_opts,
      .operands = "CERT|ID", .min_operands = 1, .max_operands = 1,
      .summary = N_("Remove a person from a confirmed roster, insured up to the date"),
      .run = cmd_insurance_change },
    { .group = "insurance", .name = "roster", .need = NEED_READ, .opts = roster_opts,
      .summary = N_("Write the insured roster for the insurer"),
      .help = N_("Resident IDs are masked unless --full-id."),
      .run = cmd_insurance_roster },
    { .group = "insurance", .name = "figures", .need = NEED_READ, .opts = year_opts,
      .summary = N_("The year's figures: insured, premium, claims reported, paid, rejected, open, paid in all, largest payment, by township"),
      .run = cmd_insurance_figures },
    { 0 },
};
