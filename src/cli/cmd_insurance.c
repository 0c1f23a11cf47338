/* SPDX-License-Identifier: MIT */
/* `dpf insurance ...`: policies and their coverage items, the insured roster (build,
 * confirm, dated additions and removals, the insurer's export), claims (list, show, move on)
 * and the year's figures. A policy's and an item's options are their fields' keys
 * (--policy-no, --starts-on, ...), parsed and checked by the field table. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/i18n.h"
#include "dpf/outfile.h"
#include "dpf/insurance.h"
#include "dpf/money.h"
#include "dpf/person.h"

enum { OPT_FIELD = 1000, MAX_OPTS = 24 };

/* What an insurance command was given: fixed options and, for a field table, raw values. */
struct ins_args {
    int year;
    const char *out, *date, *reason, *to, *status, *arg;
    int full;
    unsigned oflags;            /* --force: OUT_FORCE */
    const char *raw[16];        /* by field index */
};

static void option_name(const char *key, char *out, size_t cap)
{
    snprintf(out, cap, "%s", key);
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = '-';
}

/* Parses argv: the options in `takes` (y year, o out, d date, r reason, t to, s status,
 * F full-id, R force), the fields' keys as options, and `positional` arguments (0 or 1). */
static int ins_args(const struct cli_cmd *self, int argc, char **argv, const char *takes,
                    const struct field *fields, int n, int positional, struct ins_args *a)
{
    static const struct option fixed[] = {
        { "year", required_argument, NULL, 'y' }, { "out", required_argument, NULL, 'o' },
        { "date", required_argument, NULL, 'd' }, { "reason", required_argument, NULL, 'r' },
        { "to", required_argument, NULL, 't' }, { "status", required_argument, NULL, 's' },
        { "full-id", no_argument, NULL, 'F' }, { "force", no_argument, NULL, 'R' },
    };
    struct option opts[MAX_OPTS + 1];
    char names[16][32];
    int k = 0, ch;

    memset(a, 0, sizeof *a);
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (strchr(takes, fixed[i].val))
            opts[k++] = fixed[i];
    for (int i = 0; i < n && i < 16 && k < MAX_OPTS; i++) {
        if (strcmp(fields[i].key, "year") == 0)
            continue;
        option_name(fields[i].key, names[i], sizeof names[i]);
        opts[k++] = (struct option){ names[i], required_argument, NULL, OPT_FIELD + i };
    }
    opts[k] = (struct option){ NULL, 0, NULL, 0 };
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case 'y':
            a->year = atoi(optarg);
            if (a->year < 2000 || a->year > 2999)
                return cli_usage(self, _("--year takes a year such as 2017"));
            break;
        case 'o': a->out = optarg; break;
        case 'd': a->date = optarg; break;
        case 'r': a->reason = optarg; break;
        case 't': a->to = optarg; break;
        case 's': a->status = optarg; break;
        case 'F': a->full = 1; break;
        case 'R': a->oflags |= OUT_FORCE; break;
        default:
            if (ch < OPT_FIELD || ch >= OPT_FIELD + n)
                return cli_usage(self, NULL);
            a->raw[ch - OPT_FIELD] = optarg;
        }
    }
    if (optind != argc - positional)
        return cli_usage(self, positional ? _("name one person or claim") : NULL);
    a->arg = positional ? argv[optind] : NULL;
    return EXIT_OK;
}

static int need(const struct cli_cmd *self, int ok, const char *option)
{
    char problem[96];
    if (ok)
        return EXIT_OK;
    snprintf(problem, sizeof problem, _("--%s is required"), option);
    return cli_usage(self, problem);
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

/* Ends the transaction begun for a change and reports the result. */
static int in_tx(struct cli *c, int rc, struct dpf_err *err)
{
    rc = db_end(c->db, rc, err);
    return rc == DPF_OK ? EXIT_OK : cli_fail(err);
}

static int cmd_insurance_policy(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_find(cmd_insurance_policy);
    struct ins_args a;
    struct dpf_err err = { 0 };
    char *v[POLICY_NFIELDS] = { NULL }, year[16];
    int64_t id = 0;
    int rc;

    if (ins_args(self, argc, argv, "y", policy_fields, POLICY_NFIELDS, 0, &a) != EXIT_OK ||
        need(self, a.year > 0, "year") != EXIT_OK)
        return EXIT_USAGE;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    rc = policy_of_year(c->db, a.year, &id, &err);
    if (rc == DPF_OK)
        rc = policy_load(c->db, id, v, &err);
    else if (rc == DPF_ENOTFOUND)
        rc = DPF_OK;
    snprintf(year, sizeof year, "%d", a.year);
    free(v[PO_YEAR]);
    v[PO_YEAR] = strdup(year);
    if (!id && !a.raw[PO_RULE_POOR])
        a.raw[PO_RULE_POOR] = "1";
    if (rc == DPF_OK)
        rc = parse_fields(policy_fields, POLICY_NFIELDS, a.raw, db_today(c->db), v, &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, policy_save(c->db, id, v, &id, &err), &err);
    record_free(v, POLICY_NFIELDS);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(_("Policy %d saved\n"), a.year);
    return EXIT_OK;
}

static int cmd_insurance_cover(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_find(cmd_insurance_cover);
    struct ins_args a;
    struct dpf_err err = { 0 };
    char *v[COVER_NFIELDS] = { NULL };
    int64_t id;
    int rc;

    if (ins_args(self, argc, argv, "y", cover_fields, COVER_NFIELDS, 0, &a) != EXIT_OK ||
        need(self, a.year > 0, "year") != EXIT_OK || need(self, a.raw[CV_ITEM] != NULL, "item"))
        return EXIT_USAGE;
    if (open_policy(c, a.year, &id) != EXIT_OK)
        return EXIT_FAIL;
    rc = parse_fields(cover_fields, COVER_NFIELDS, a.raw, db_today(c->db), v, &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, cover_save(c->db, id, v, &err), &err);
    record_free(v, COVER_NFIELDS);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(_("Coverage item %s of the %d policy saved\n"), a.raw[CV_ITEM], a.year);
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
        printf("    %-16s ", cv[i].item);
        printf(_("cap %s"), yuan(cv[i].cap, buf, sizeof buf));
        if (cv[i].daily > 0)
            printf(_(", %s a day, at most %d days"), yuan(cv[i].daily, buf, sizeof buf),
                   cv[i].max_days);
        printf(_("; documents: %s\n"),
               field_format(&cover_fields[CV_DOCS], cv[i].docs, 0, buf, sizeof buf));
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

static int cmd_insurance_policies(struct cli *c, int argc, char **argv)
{
    struct dpf_err err;
    (void)argv;
    if (argc > 1)
        return cli_usage(cli_find(cmd_insurance_policies), NULL);
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (policy_list(c->db, print_policy, c->db, &err) != DPF_OK)
        return cli_fail(&err);
    return EXIT_OK;
}

static int cmd_insurance_build(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_self(cmd_insurance_build, argv[0]);
    int confirm = strcmp(argv[0], "confirm") == 0;
    struct ins_args a;
    struct dpf_err err;
    int64_t id;
    long n = 0;
    int rc;

    if (ins_args(self, argc, argv, "y", NULL, 0, 0, &a) != EXIT_OK ||
        need(self, a.year > 0, "year") != EXIT_OK)
        return EXIT_USAGE;
    if (open_policy(c, a.year, &id) != EXIT_OK)
        return EXIT_FAIL;
    if ((rc = db_begin(c->db, &err)) == DPF_OK)
        rc = confirm ? insured_confirm(c->db, id, &err) : insured_build(c->db, id, &n, &err);
    if (in_tx(c, rc, &err) != EXIT_OK)
        return EXIT_FAIL;
    if (confirm)
        printf(_("The %d roster is confirmed: later changes are dated additions and removals\n"),
               a.year);
    else
        printf(_("The %d roster is built: %ld persons insured (not yet confirmed)\n"), a.year, n);
    return EXIT_OK;
}

static int cmd_insurance_change(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_self(cmd_insurance_change, argv[0]);
    int add = strcmp(argv[0], "add") == 0;
    struct ins_args a;
    struct dpf_err err;
    char *date = NULL;
    int64_t id;
    int rc;

    if (ins_args(self, argc, argv, "ydr", NULL, 0, 1, &a) != EXIT_OK ||
        need(self, a.year > 0, "year") != EXIT_OK || need(self, a.date != NULL, "date") ||
        need(self, add || a.reason, "reason"))
        return EXIT_USAGE;
    if (open_policy(c, a.year, &id) != EXIT_OK)
        return EXIT_FAIL;
    rc = field_parse(&roster_fields[RO_FROM], a.date, db_today(c->db), &date, &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, add ? insured_add(c->db, id, a.arg, date, a.reason, &err)
                               : insured_remove(c->db, id, a.arg, date, a.reason, &err), &err);
    free(date);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(add ? _("Added to the %d roster from %s\n") : _("Removed from the %d roster on %s\n"),
           a.year, a.date);
    return EXIT_OK;
}

static int cmd_insurance_roster(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_find(cmd_insurance_roster);
    struct ins_args a;
    struct dpf_err err;
    int64_t id;
    long rows;

    if (ins_args(self, argc, argv, "yoFR", NULL, 0, 0, &a) != EXIT_OK ||
        need(self, a.year > 0, "year") != EXIT_OK || need(self, a.out != NULL, "out"))
        return EXIT_USAGE;
    if (a.full)
        cli_option(c, "full-id");
    if (open_policy(c, a.year, &id) != EXIT_OK)
        return EXIT_FAIL;
    if (insured_export(c->db, id, a.out, a.oflags, a.full, &rows, &err) != DPF_OK)
        return cli_fail(&err);
    printf(a.full ? _("Wrote the %d roster, %ld persons, to %s (full resident IDs)\n")
                  : _("Wrote the %d roster, %ld persons, to %s (resident IDs masked)\n"),
           a.year, rows, a.out);
    return EXIT_OK;
}

static void figures_row(const char *name, const struct insurance_counts *k)
{
    cli_cell(name, 12, 0);
    cli_num(k->insured, 7);
    cli_money(k->premium, 12);
    cli_num(k->reported, 5);
    cli_num(k->paid, 5);
    cli_num(k->rejected, 5);
    cli_num(k->withdrawn, 5);
    cli_num(k->open, 6);
    cli_money(k->total_paid, 12);
    cli_money(k->largest, 11);
    putchar('\n');
}

static int cmd_insurance_figures(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_find(cmd_insurance_figures);
    struct insurance_figures f;
    struct ins_args a;
    struct dpf_err err;

    if (ins_args(self, argc, argv, "y", NULL, 0, 0, &a) != EXIT_OK ||
        need(self, a.year > 0, "year") != EXIT_OK)
        return EXIT_USAGE;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (insurance_figures(c->db, a.year, &f, &err) != DPF_OK)
        return cli_fail(&err);
    printf(_("Accident insurance %d\n\n"), a.year);
    cli_cell("", 12, 0);
    cli_cell(_("Insured"), 7, 1);
    cli_cell(_("Premium"), 12, 1);
    cli_cell(_("Claims"), 5, 1);
    cli_cell(_("Claims paid"), 5, 1);
    cli_cell(_("Rejected"), 5, 1);
    cli_cell(_("Withdrawn"), 5, 1);
    cli_cell(_("In progress"), 6, 1);
    cli_cell(_("Total paid"), 12, 1);
    cli_cell(_("Largest"), 11, 1);
    putchar('\n');
    figures_row(_("District"), &f.all);
    for (int i = 0; i < f.ntown; i++)
        figures_row(f.town[i].name, &f.town[i].c);
    insurance_figures_free(&f);
    printf(_("\nDefinitions\n"));
    for (int i = 0; insurance_notes[i]; i++)
        printf("  %d. %s\n", i + 1, _(insurance_notes[i]));
    return EXIT_OK;
}

static int print_claim(const struct claim_summary *s, void *ctx)
{
    char cert[32];
    (void)ctx;
    cli_num((long)s->id, 5);
    putchar(' ');
    cli_cell(field_format(&claim_fields[CL_CERT_NO], s->cert, 1, cert, sizeof cert), 21, 0);
    cli_cell(s->name, 8, 0);
    cli_cell(s->accident, 11, 0);
    cli_cell(claim_statuses[s->status - 1], 13, 0);
    cli_num(s->days_open, 5);
    cli_money(s->claimed, 11);
    cli_money(s->paid, 11);
    putchar('\n');
    return 0;
}

/* --status: a status name, "open" (or 处理中) for the open ones; 0 for all. */
static int status_arg(const char *s)
{
    if (!s)
        return 0;
    if (strcmp(s, "open") == 0 || strcmp(s, "处理中") == 0)
        return -1;
    for (int i = 0; claim_statuses[i]; i++)
        if (strcmp(s, claim_statuses[i]) == 0)
            return i + 1;
    return -2;
}

static int cmd_insurance_claims(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_find(cmd_insurance_claims);
    struct claim_filter f = { 0 };
    struct ins_args a;
    struct dpf_err err;

    if (ins_args(self, argc, argv, "ys", NULL, 0, 0, &a) != EXIT_OK)
        return EXIT_USAGE;
    f.year = a.year;
    if ((f.status = status_arg(a.status)) == -2)
        return cli_usage(self, _("--status takes 报案, 材料收集, 已报保险公司, 已赔付, 拒赔, 撤销 or open"));
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    cli_cell(_("No."), 5, 1);
    putchar(' ');
    cli_cell(_("Certificate number"), 21, 0);
    cli_cell(_("Name"), 8, 0);
    cli_cell(_("Accident date"), 11, 0);
    cli_cell(_("Claim status"), 13, 0);
    cli_cell(_("Days"), 5, 1);
    cli_cell(_("Claimed"), 11, 1);
    cli_cell(_("Amount paid"), 11, 1);
    putchar('\n');
    if (claim_list(c->db, &f, print_claim, NULL, &err) != DPF_OK)
        return cli_fail(&err);
    return EXIT_OK;
}

static int print_step(const struct claim_step *s, void *ctx)
{
    char note[1024];
    (void)ctx;
    printf("    %s  %-14s %s  %s%s%s\n", s->on, claim_statuses[s->status - 1], s->user, s->at,
           s->note[0] ? "  " : "", cli_safe(s->note, note, sizeof note));
    return 0;
}

static int cmd_insurance_show(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_find(cmd_insurance_show);
    struct ins_args a;
    struct dpf_err err;
    struct claim cl;
    char need_docs[16], buf[256], money[4][32], safe[1024];
    int rc;

    if (ins_args(self, argc, argv, "F", NULL, 0, 1, &a) != EXIT_OK)
        return EXIT_USAGE;
    if (a.full)
        cli_option(c, "full-id");
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    claim_init(&cl);
    if ((rc = claim_load(c->db, atoll(a.arg), &cl, &err)) != DPF_OK) {
        claim_clear(&cl);
        return cli_fail(&err);
    }
    if (a.full && cli_disclose(c, "insurance claim", cl.person_id) != EXIT_OK) {
        claim_clear(&cl);
        return EXIT_FAIL;
    }
    printf(_("Claim %lld\n"), (long long)cl.id);
    for (int i = 0; i < CLAIM_OWN_FIELDS; i++) {
        printf("  ");
        cli_cell(_(claim_fields[i].label), 12, 0);
        printf(" %s\n", cli_safe(field_format(&claim_fields[i], cl.v[i], !a.full, buf, sizeof buf),
                                 safe, sizeof safe));
    }
    claim_docs_required(c->db, &cl, need_docs);
    printf("  ");
    cli_cell(_("Documents needed"), 12, 0);
    printf(" %s\n", field_format(&claim_fields[CL_DOCS], need_docs, 0, buf, sizeof buf));
    printf(_("Items\n"));
    for (int i = 0; i < cl.nitems; i++) {
        const struct claim_item *it = &cl.items[i];
        int64_t v[3] = { it->claimed, it->approved, it->paid };
        for (int k = 0; k < 3; k++)
            if (v[k] < 0)
                snprintf(money[k], sizeof money[k], "—");
            else
                yuan(v[k], money[k], sizeof money[k]);
        snprintf(money[3], sizeof money[3], "%d", it->days);
        printf(_("    %-14s days %-4s claimed %-11s approved %-11s paid %s\n"), it->item,
               it->days ? money[3] : "—", money[0], money[1], money[2]);
    }
    printf(_("Steps\n"));
    rc = claim_steps(c->db, cl.id, print_step, NULL, &err);
    claim_clear(&cl);
    return rc == DPF_OK ? EXIT_OK : cli_fail(&err);
}

static int cmd_insurance_move(struct cli *c, int argc, char **argv)
{
    const struct cli_cmd *self = cli_find(cmd_insurance_move);
    struct ins_args a;
    struct dpf_err err;
    char *date = NULL;
    int to, rc;

    if (ins_args(self, argc, argv, "tdr", NULL, 0, 1, &a) != EXIT_OK ||
        need(self, a.to != NULL, "to") != EXIT_OK)
        return EXIT_USAGE;
    if ((to = status_arg(a.to)) <= 0)
        return cli_usage(self, _("--to takes 材料收集, 已报保险公司, 已赔付, 拒赔 or 撤销"));
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    rc = field_parse(&claim_fields[CL_STATUS_ON], a.date ? a.date : db_today(c->db),
                     db_today(c->db), &date, &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, claim_move(c->db, atoll(a.arg), to, date, a.reason, &err), &err);
    free(date);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(_("Claim %s moved to %s on %s\n"), a.arg, claim_statuses[to - 1],
           a.date ? a.date : db_today(c->db));
    return EXIT_OK;
}

/* The insurance commands (cli.h: how to add a command). */
const struct cli_cmd cli_insurance_rows[] = {
    { .group = "insurance", .name = "policies", .need = NEED_READ,
      .usage = "",
      .summary = N_("The accident insurance policies, their rosters and coverage items"),
      .run_argv = cmd_insurance_policies },
    { .group = "insurance", .name = "policy", .need = NEED_MANAGE,
      .usage = "--year YYYY [--insurer TEXT] [--policy-no TEXT] [--premium YUAN] [--starts-on DATE] "
      "[--ends-on DATE] [--rule-poor 是|否] [--note TEXT]",
      .summary = N_("Record or change the year's policy; a new policy takes the standard coverage items"),
      .help = N_("--rule-poor 是 (the default) insures only 建档立卡 persons; 否 insures everyone in the\n"
         "register. Once the roster is confirmed the dates and the rule are fixed."),
      .run_argv = cmd_insurance_policy },
    { .group = "insurance", .name = "cover", .need = NEED_MANAGE,
      .usage = "--year YYYY --item NAME [--cap YUAN] [--daily YUAN --max-days N] [--docs CODES]",
      .summary = N_("Add or change a coverage item of the year's policy, with its cap"),
      .help = N_("An allowance paid by the day has --daily and --max-days; its cap is their product.\n"
         "--docs names the documents a claim on the item needs: 理赔申请书 身份证明 残疾人证 病历\n"
         "医疗费发票 费用清单 医保结算单 死亡证明 户口注销证明 (or their numbers 1-9)."),
      .run_argv = cmd_insurance_cover },
    { .group = "insurance", .name = "build", .need = NEED_MANAGE,
      .usage = "--year YYYY",
      .summary = N_("Build the year's insured roster from the register as it stood on the start date"),
      .help = N_("Persons 在册 on the start date and, under the default rule, 建档立卡 then. Building\n"
         "again replaces the roster until it is confirmed."),
      .run_argv = cmd_insurance_build },
    { .group = "insurance", .name = "confirm", .need = NEED_MANAGE,
      .usage = "--year YYYY",
      .summary = N_("Confirm (freeze) the year's roster"),
      .run_argv = cmd_insurance_build },
    { .group = "insurance", .name = "add", .need = NEED_REGISTER,
      .usage = "CERT|ID --year YYYY --date YYYY-MM-DD [--reason TEXT]",
      .summary = N_("Add a person to a confirmed roster, insured from the date"),
      .run_argv = cmd_insurance_change },
    { .group = "insurance", .name = "remove", .need = NEED_REGISTER,
      .usage = "CERT|ID --year YYYY --date YYYY-MM-DD --reason TEXT",
      .summary = N_("Remove a person from a confirmed roster, insured up to the date"),
      .run_argv = cmd_insurance_change },
    { .group = "insurance", .name = "roster", .need = NEED_READ,
      .usage = "--year YYYY --out FILE.xlsx|FILE.csv [--full-id] [--force]",
      .summary = N_("Write the insured roster for the insurer"),
      .help = N_("Resident IDs are masked unless --full-id."),
      .run_argv = cmd_insurance_roster },
    { .group = "insurance", .name = "figures", .need = NEED_READ,
      .usage = "--year YYYY",
      .summary = N_("The year's figures: insured, premium, claims reported, paid, rejected, open, paid in all, largest payment, by township"),
      .run_argv = cmd_insurance_figures },
    { .group = "insurance", .name = "claims", .need = NEED_READ,
      .usage = "[--year YYYY] [--status STATUS|open]",
      .summary = N_("The claims with their status and days open"),
      .run_argv = cmd_insurance_claims },
    { .group = "insurance", .name = "show", .need = NEED_READ,
      .usage = "N [--full-id]",
      .summary = N_("One claim: its fields, documents, items and steps"),
      .run_argv = cmd_insurance_show },
    { .group = "insurance", .name = "move", .need = NEED_REGISTER,
      .usage = "N --to 材料收集|已报保险公司|已赔付|拒赔|撤销 [--date YYYY-MM-DD] [--reason TEXT]",
      .summary = N_("Move a claim on to its next step"),
      .help = N_("已赔付 needs the amounts paid and every document the claim's items need; 拒赔 and 撤销\n"
         "need a reason."),
      .run_argv = cmd_insurance_move },
    { 0 },
};
