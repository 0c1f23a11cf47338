/* SPDX-License-Identifier: MIT */
/* `dpf insurance claims|show|move`: the accident insurance claims (imported with `dpf import
 * claims`): listed with their status and days open, one shown whole, moved on a step. The
 * policies and the roster are cmd_insurance.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/i18n.h"
#include "dpf/insurance.h"
#include "dpf/money.h"

/* The claims list's columns (widened to the UI language's headers and statuses). */
enum { C_NO, C_CERT, C_NAME, C_ACCIDENT, C_STATUS, C_DAYS, C_CLAIMED, C_PAID, C_N };

static int print_claim(const struct claim_summary *s, void *ctx)
{
    const struct cli_col *col = ctx;
    char cert[32], status[64];
    cli_num((long)s->id, col[C_NO].width);
    putchar(' ');
    cli_cell(field_format(&claim_fields[CL_CERT_NO], s->cert, 1, cert, sizeof cert),
             col[C_CERT].width, 0);
    cli_cell(s->name, col[C_NAME].width, 0);
    cli_cell(s->accident, col[C_ACCIDENT].width, 0);
    cli_cell(field_show_choice(&claim_fields[CL_STATUS], s->status, status, sizeof status),
             col[C_STATUS].width, 0);
    cli_num(s->days_open, col[C_DAYS].width);
    cli_money(s->claimed, col[C_CLAIMED].width);
    cli_money(s->paid, col[C_PAID].width);
    putchar('\n');
    return 0;
}

/* --status: a status (claim_statuses, in its order), or open (处理中) for the claims in
 * progress. */
static const char *const status_codes[] = {
    "报案", "材料收集", "已报保险公司", "已赔付", "拒赔", "撤销", "open", "处理中", NULL,
};

/* The claim filter's status for --status (its index in status_codes, whichever way it was
 * written): the status's number, -1 for the open ones; 0 for all. */
static int status_arg(const struct cli_args *a)
{
    int i;
    if (!cli_has(a, "status"))
        return 0;
    i = (int)cli_int(a, "status");
    return strcmp(status_codes[i], "open") == 0 || strcmp(status_codes[i], "处理中") == 0
               ? -1 : i + 1;
}

static int cmd_insurance_claims(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct cli_col col[C_N] = {
        [C_NO] = { N_("No."), 5, 1, NULL },
        [C_CERT] = { N_("Certificate number"), 21, 0, NULL },
        [C_NAME] = { N_("Name"), 8, 0, NULL },
        [C_ACCIDENT] = { N_("Accident date"), 11, 0, NULL },
        [C_STATUS] = { N_("Claim status"), 13, 0, &claim_fields[CL_STATUS] },
        [C_DAYS] = { N_("Days"), 5, 1, NULL },
        [C_CLAIMED] = { N_("Claimed"), 11, 1, NULL },
        [C_PAID] = { N_("Amount paid"), 11, 1, NULL },
    };
    struct claim_filter f = { 0 };
    struct dpf_err err;

    (void)self;
    f.year = cli_has(a, "year") ? (int)cli_int(a, "year") : 0;
    f.status = status_arg(a);
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    cli_columns(col, C_N);
    cli_heading(col, C_N);
    if (claim_list(c->db, &f, print_claim, col, &err) != DPF_OK)
        return cli_fail(&err);
    return EXIT_OK;
}

static int print_step(const struct claim_step *s, void *ctx)
{
    char note[1024], status[64], name[64], user[256];
    (void)ctx;
    printf("    %s  %s %s  %s%s%s\n", s->on,
           cli_pad(field_show_choice(&claim_fields[CL_STATUS], s->status, name, sizeof name), 14,
                   status, sizeof status),
           cli_safe(s->user, user, sizeof user), s->at, s->note[0] ? "  " : "",
           cli_safe(s->note, note, sizeof note));
    return 0;
}

static int cmd_insurance_show(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int full = cli_has(a, "full-id");
    struct dpf_err err;
    struct claim cl;
    char need_docs[16], buf[256], money[4][32], safe[1024], cells[4][128];
    int rc;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    claim_init(&cl);
    if ((rc = claim_load(c->db, atoll(a->operands[0]), &cl, &err)) != DPF_OK) {
        claim_clear(&cl);
        return cli_fail(&err);
    }
    if (full && cli_disclose(c, "insurance claim", cl.person_id) != EXIT_OK) {
        claim_clear(&cl);
        return EXIT_FAIL;
    }
    printf(_("Claim %lld\n"), (long long)cl.id);
    for (int i = 0; i < CLAIM_OWN_FIELDS; i++) {
        printf("  ");
        cli_cell(_(claim_fields[i].label), 12, 0);
        printf(" %s\n", cli_safe(field_show(&claim_fields[i], cl.v[i], !full, buf, sizeof buf),
                                 safe, sizeof safe));
    }
    claim_docs_required(c->db, &cl, need_docs);
    printf("  ");
    cli_cell(_("Documents needed"), 12, 0);
    printf(" %s\n", field_show(&claim_fields[CL_DOCS], need_docs, 0, buf, sizeof buf));
    printf(_("Items\n"));
    for (int i = 0; i < cl.nitems; i++) {
        const struct claim_item *it = &cl.items[i];
        int64_t v[3] = { it->claimed, it->approved, it->paid };
        for (int k = 0; k < 3; k++)
            if (v[k] < 0)
                snprintf(money[k], sizeof money[k], "—");
            else
                money_format(v[k], 1, money[k], sizeof money[k]);
        snprintf(money[3], sizeof money[3], "%d", it->days);
        printf(_("    %s days %s claimed %s approved %s paid %s\n"),
               cli_pad(it->item, 14, cells[0], sizeof cells[0]),
               cli_pad(it->days ? money[3] : "—", 4, cells[1], sizeof cells[1]),
               cli_pad(money[0], 11, cells[2], sizeof cells[2]),
               cli_pad(money[1], 11, cells[3], sizeof cells[3]), money[2]);
    }
    printf(_("Steps\n"));
    rc = claim_steps(c->db, cl.id, print_step, NULL, &err);
    claim_clear(&cl);
    return rc == DPF_OK ? EXIT_OK : cli_fail(&err);
}

static int cmd_insurance_move(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    int to = (int)cli_int(a, "to") + 2;         /* --to's codes start at the second status */
    const char *claim = a->operands[0], *on = cli_str(a, "date");
    struct dpf_err err;
    char *date = NULL, name[64];
    int rc;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (!on)
        on = db_today(c->db);
    rc = field_parse(&claim_fields[CL_STATUS_ON], on, db_today(c->db), &date, &err);
    if (rc == DPF_OK && (rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, claim_move(c->db, atoll(claim), to, date, cli_str(a, "reason"), &err),
                    &err);
    free(date);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(_("Claim %s moved to %s on %s\n"), claim,
           field_show_choice(&claim_fields[CL_STATUS], to, name, sizeof name), on);
    return EXIT_OK;
}

#define INS_REASON(flags)                                                                   \
    { "reason", CK_TEXT, flags, NULL, N_("why, kept with the change"), NULL, 0 }

static const struct cli_opt claims_opts[] = {
    { "year", CK_YEAR, 0, NULL, N_("only the records of a year"), NULL, 0 },
    { "status", CK_CHOICE, 0, NULL, N_("only the claims at a step; open: those in progress"),
      status_codes, 0 },
    { 0 },
};

/* One claim at a time is every clerk's daily work: --full-id is allowed to all, audited. */
static const struct cli_opt show_opts[] = {
    { "full-id", CK_FLAG, 0, NULL, N_("full resident IDs (audited)"), NULL, NEED_READ },
    { 0 },
};

static const struct cli_opt move_opts[] = {
    { "to", CK_CHOICE, CLI_REQUIRED, NULL, N_("the step the claim moves to"),
      claim_statuses + 1, 0 },
    { "date", CK_DATE, 0, NULL, N_("the day of the step (default: today)"), NULL, 0 },
    INS_REASON(0),
    { 0 },
};

/* The claims commands of the insurance group (cli.h: how to add a command). */
const struct cli_cmd cli_claim_rows[] = {
    { .group = "insurance", .name = "claims", .need = NEED_READ, .opts = claims_opts,
      .summary = N_("The claims with their status and days open"),
      .run = cmd_insurance_claims },
    { .group = "insurance", .name = "show", .need = NEED_READ, .opts = show_opts,
      .operands = "N", .min_operands = 1, .max_operands = 1,
      .summary = N_("One claim: its fields, documents, items and steps"),
      .run = cmd_insurance_show },
    { .group = "insurance", .name = "move", .need = NEED_REGISTER, .opts = move_opts,
      .operands = "N", .min_operands = 1, .max_operands = 1,
      .summary = N_("Move a claim on to its next step"),
      .help = N_("已赔付 needs the amounts paid and every document the claim's items need; 拒赔 and 撤销\n"
         "need a reason."),
      .run = cmd_insurance_move },
    { 0 },
};
