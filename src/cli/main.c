/* SPDX-License-Identifier: MIT */
/* `dpf [--db FILE] [--lang L] COMMAND [OBJECT] ...`: global options, the command table and
 * dispatch; `dpf` alone at a terminal runs the screens, piped it prints the summary. The
 * top of src/cli: what the handlers share is in cli.c, cli_open.c and cli_print.c below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "dpf/datadir.h"
#include "../tui/tui.h"
#include "dpf/i18n.h"
#include "dpf/modules.h"
#include "dpf/outfile.h"
#include "dpf/priv.h"

#ifndef DPF_VERSION
#define DPF_VERSION "0.1"
#endif

#define IMPORT_ARGS "FILE.csv [--encoding auto|utf-8|gbk] [--dry-run] [--partial] [--rejects FILE] [--force]"
#define IMPORT_HELP                                                                          \
    N_("Without --partial, a file with any bad row writes nothing. Bad rows are written to\n" \
       "the rejects file (default: beside the input, NAME.rejects.csv, or NAME.rejects-2.csv\n" \
       "and so on rather than replacing an earlier one) with line, column and reason. A\n"     \
       "named --rejects file that exists is kept unless --force. Exit status: 0 written,\n"   \
       "1 rejected or failed, 2 usage.")

/* The commands, the kinds' rows still to be made (cli_kinds_table). */
static const struct cli_cmd rows[] = {
    { "init", NULL, "", N_("Create a new, empty database"), NULL, cmd_init },
    { "demo", NULL, "[--persons N] [--seed N]",
      N_("Fill an empty database with a synthetic district (default 18,253 persons)"), NULL,
      cmd_demo },
    { "check", NULL, "", N_("Check the database file and every person's record"), NULL,
      cmd_check },
    { "summary", NULL, "", N_("Print the register's summary"), NULL, cmd_summary },
    /* A row for each kind of record the registry holds (cli_kinds.c). */
    { "template", CLI_KINDS, "[--out FILE] [--force]", NULL, NULL, cmd_template },
    { "import", CLI_KINDS, IMPORT_ARGS, NULL, IMPORT_HELP, cmd_import },
    { "export", CLI_KINDS, "--out FILE.csv|FILE.xlsx [--full-id] [--force]", NULL, NULL,
      cmd_export },
    { "person", "show", "CERT|ID [--full-id]", N_("Show one person's record"), NULL,
      cmd_person_show },
    { "person", "history", "CERT|ID [--full-id]", N_("Show the audit history of one person"), NULL,
      cmd_person_history },
    { "person", "status", "CERT|ID --status 在册|死亡|迁出|注销 --date YYYY-MM-DD [--reason TEXT]",
      N_("Change a person's status (death, moving out, cancellation, back to active)"), NULL,
      cmd_person_status },
    { "update", "record",
      "CERT|ID --year YYYY --contact 入户|面对面|电话|失访 [--deceased] [--date YYYY-MM-DD] [--note TEXT]",
      N_("Record the yearly needs-and-services update of one person"),
      N_("--deceased writes the person off: status 死亡 on --date, certificate cancelled."),
      cmd_update_record },
    { "update", "summary", "--year YYYY",
      N_("Yearly update counts per township: holders, contact, verified, written off"), NULL,
      cmd_update_summary },
    { "subsidy", "programmes", "",
      N_("The subsidy programmes and their rules (standards, who qualifies, from when)"), NULL,
      cmd_subsidy_programmes },
    { "subsidy", "show", "CERT|ID",
      N_("A person's subsidy enrolments, with every step's date and user"), NULL,
      cmd_subsidy_show },
    { "subsidy", "apply", "CERT|ID --programme P [--date YYYY-MM-DD] [--note TEXT]",
      N_("Record an application (申请); payment counts from its month"), NULL,
      cmd_subsidy_apply },
    { "subsidy", "advance", "CERT|ID --programme P [--date YYYY-MM-DD]",
      N_("Move an application to its next step: 初审, 审核, then 审定 (approved)"),
      N_("Approval checks that the person qualifies under the programme's rule."),
      cmd_subsidy_advance },
    { "subsidy", "refuse", "CERT|ID --programme P --reason TEXT [--date YYYY-MM-DD]",
      N_("Refuse an application, with the reason"), NULL, cmd_subsidy_refuse },
    { "subsidy", "stop", "CERT|ID --programme P --reason REASON --from YYYY-MM [--note TEXT]",
      N_("Stop payment from a month (the first month not paid), with a reason"),
      N_("Reasons: 死亡 迁出 证件注销 证件过期 类别或等级不符 不再是困难家庭 纳入特困供养 年龄不符\n"
         "无银行账号 银行账号重复 重复享受 审核不合格 本人申请退出 失踪 服刑 虚报冒领 其他."),
      cmd_subsidy_stop },
    { "subsidy", "review", "--month YYYY-MM [--programme P] [--confirm-stops] [--all] [--full-id]",
      N_("The monthly review: stops, holds, recoveries, back pay, candidates, the roster"),
      N_("--confirm-stops stops every enrolment the review found no longer qualifying, from\n"
         "the month it gives. --all lists every candidate (应享未享), not only the first 20."),
      cmd_subsidy_review },
    { "subsidy", "approve", "--month YYYY-MM",
      N_("Approve a month: its roster is stored and locked"),
      N_("Months are approved in order. Corrections to an approved month go into a later\n"
         "month as back pay or recovery."), cmd_subsidy_approve },
    { "subsidy", "roster", "--month YYYY-MM --out FILE.xlsx|FILE.csv [--programme P] [--full-id] [--draft] [--force]",
      N_("Write the bank's payment roster of an approved month"),
      N_("Resident IDs and bank accounts are masked unless --full-id. --draft writes the roster\n"
         "of a month not yet approved."), cmd_subsidy_roster },
    { "subsidy", "totals", "--year YYYY [--programme P]",
      N_("What was paid in a year: persons and amounts by programme, month and township"), NULL,
      cmd_subsidy_totals },
    { "rehab", "rates", "--year YYYY [--needs-year YYYY]",
      N_("The year's rehabilitation service rate and device fitting rate, by group and township"),
      N_("Needs come from the assessments of --needs-year (default: the same year); some\n"
         "offices take them from the previous year's survey."), cmd_rehab_rates },
    { "rehab", "projects", "--year YYYY",
      N_("The year's rehabilitation projects: target, completed, completion rate, over-completion"),
      NULL, cmd_rehab_projects },
    { "rehab", "show", "CERT|ID [--full-id]",
      N_("A person's rehabilitation file: assessments, agreements, services, children's rescue"),
      NULL, cmd_rehab_show },
    { "rehab", "institutions", "", N_("The rehabilitation service institutions"), NULL,
      cmd_rehab_institutions },
    { "rehab", "delete", "institutions|assessments|agreements|services|rescues|projects --id N",
      N_("Delete one rehabilitation record (the number `dpf rehab show` gives)"), NULL,
      cmd_rehab_delete },
    { "insurance", "policies", "", N_("The accident insurance policies, their rosters and coverage items"),
      NULL, cmd_insurance_policies },
    { "insurance", "policy",
      "--year YYYY [--insurer TEXT] [--policy-no TEXT] [--premium YUAN] [--starts-on DATE] "
      "[--ends-on DATE] [--rule-poor 是|否] [--note TEXT]",
      N_("Record or change the year's policy; a new policy takes the standard coverage items"),
      N_("--rule-poor 是 (the default) insures only 建档立卡 persons; 否 insures everyone in the\n"
         "register. Once the roster is confirmed the dates and the rule are fixed."),
      cmd_insurance_policy },
    { "insurance", "cover",
      "--year YYYY --item NAME [--cap YUAN] [--daily YUAN --max-days N] [--docs CODES]",
      N_("Add or change a coverage item of the year's policy, with its cap"),
      N_("An allowance paid by the day has --daily and --max-days; its cap is their product.\n"
         "--docs names the documents a claim on the item needs: 理赔申请书 身份证明 残疾人证 病历\n"
         "医疗费发票 费用清单 医保结算单 死亡证明 户口注销证明 (or their numbers 1-9)."),
      cmd_insurance_cover },
    { "insurance", "build", "--year YYYY",
      N_("Build the year's insured roster from the register as it stood on the start date"),
      N_("Persons 在册 on the start date and, under the default rule, 建档立卡 then. Building\n"
         "again replaces the roster until it is confirmed."), cmd_insurance_build },
    { "insurance", "confirm", "--year YYYY",
      N_("Confirm (freeze) the year's roster"), NULL, cmd_insurance_build },
    { "insurance", "add", "CERT|ID --year YYYY --date YYYY-MM-DD [--reason TEXT]",
      N_("Add a person to a confirmed roster, insured from the date"), NULL,
      cmd_insurance_change },
    { "insurance", "remove", "CERT|ID --year YYYY --date YYYY-MM-DD --reason TEXT",
      N_("Remove a person from a confirmed roster, insured up to the date"), NULL,
      cmd_insurance_change },
    { "insurance", "roster", "--year YYYY --out FILE.xlsx|FILE.csv [--full-id] [--force]",
      N_("Write the insured roster for the insurer"),
      N_("Resident IDs are masked unless --full-id."), cmd_insurance_roster },
    { "insurance", "figures", "--year YYYY",
      N_("The year's figures: insured, premium, claims reported, paid, rejected, open, paid in all, largest payment, by township"),
      NULL, cmd_insurance_figures },
    { "insurance", "claims", "[--year YYYY] [--status STATUS|open]",
      N_("The claims with their status and days open"), NULL, cmd_insurance_claims },
    { "insurance", "show", "N [--full-id]",
      N_("One claim: its fields, documents, items and steps"), NULL, cmd_insurance_show },
    { "insurance", "move", "N --to 材料收集|已报保险公司|已赔付|拒赔|撤销 [--date YYYY-MM-DD] [--reason TEXT]",
      N_("Move a claim on to its next step"),
      N_("已赔付 needs the amounts paid and every document the claim's items need; 拒赔 and 撤销\n"
         "need a reason."), cmd_insurance_move },
    { "report", "annual", "--year YYYY --out FILE.xlsx [--force] | --format text",
      N_("The year-end report: targets and completion, register, subsidies, rehabilitation, insurance"),
      N_("The workbook has a cover, a sheet per table, a chart of completion rates and a sheet\n"
         "of definitions, set up to print on A4."), cmd_report },
    { "report", "period", "--from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx [--force] | --format text",
      N_("The report of a period within a year, such as the first half"),
      N_("Targets are the year's; completion counts records dated up to --to."), cmd_report },
    { "user", "list", "", N_("The users of this database and their roles"), NULL, cmd_user },
    { "user", "add", "LOGIN --role 录入员|审核员|领导|管理员 [--first-admin]",
      N_("Add a user (an OS login name) or change their role"),
      N_("录入员 keeps the register, rehabilitation records and claims; 审核员 reviews and approves\n"
         "subsidies; 领导 sets targets and rules and makes reports; 管理员 may do everything,\n"
         "including users and backups. --first-admin: root names the first admin of a file\n"
         "that has no users (a backup from before roles)."), cmd_user },
    { "user", "remove", "LOGIN", N_("Remove a user"), NULL, cmd_user },
    { "audit", NULL, "[--user LOGIN] [--person CERT|ID] [--from DATE] [--to DATE] [--limit N] [--full-id]",
      N_("The audit log, newest first: who changed or exported what, and when"),
      N_("Certificate numbers and bank accounts in the values are masked unless --full-id."),
      cmd_audit },
    { "backup", NULL, "FILE | --daily DIR [--keep N] | --auto DIR|off [--keep N]",
      N_("Back up the database while others work"),
      N_("--daily writes DIR/dpf-YYYY-MM-DD.db unless today's exists and removes those older\n"
         "than N days (7 by default). --auto makes the first dpf command of each day do it."),
      cmd_backup },
    { "restore", NULL, "FILE",
      N_("Replace the database with a backup, after checking the backup"),
      N_("The backup is checked (integrity, dpf's file, its schema objects), brought to this\n"
         "program's schema, and the audit rows written since it was made are kept, marked\n"
         "rolled back (see dpf audit)."), cmd_backup },
    { NULL, NULL, NULL, NULL, NULL, NULL },
};

static void print_help(void)
{
    printf(_("dpf: the register and case work of a district Disabled Persons' Federation\n\n"));
    printf(_("Usage: dpf [--db FILE] [--lang LANG] COMMAND ...\n\n"));
    printf(_("Commands:\n"));
    for (const struct cli_cmd *c = cli_commands; c->name; c++) {
        cli_usage_line(stdout, c);
        printf("      %s\n", _(c->summary));
    }
    printf(_("\nOptions:\n"
             "  --db FILE    the database (default: $DPF_DB, else ~/.local/share/dpf/dpf.db)\n"
             "  --lang LANG  language of messages, e.g. zh_CN or en (default: Chinese)\n"
             "  --help       this text; `dpf COMMAND --help` explains one command\n"
             "  --version    print the version\n"));
}

static const struct cli_cmd *lookup(int argc, char **argv, int *used)
{
    for (const struct cli_cmd *c = cli_commands; c->name; c++) {
        if (strcmp(argv[0], c->name) != 0)
            continue;
        if (!c->object) {
            *used = 1;
            return c;
        }
        if (argc > 1 && strcmp(argv[1], c->object) == 0) {
            *used = 2;
            return c;
        }
    }
    return NULL;
}

int main(int argc, char **argv)
{
    struct cli c = { .prog = argv[0] };
    struct dpf_err err;
    const char *lang = NULL;
    const struct cli_cmd *cmd;
    int i = 1, used = 0, rc;

    /* --lang must be known before any message is printed. */
    for (int k = 1; k + 1 < argc; k++)
        if (strcmp(argv[k], "--lang") == 0)
            lang = argv[k + 1];
    i18n_init(lang, argv[0]);
    modules_init();
    cli_set_commands(cli_kinds_table(rows, NULL));
    c.db_path = priv_getenv("DPF_DB");
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            c.db_path = argv[++i];
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            i++;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_help();
            return EXIT_OK;
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("dpf %s\n", DPF_VERSION);
            return EXIT_OK;
        } else {
            fprintf(stderr, _("dpf: unknown option %s (see dpf --help)\n"), argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!c.db_path || !*c.db_path)
        c.db_path = cli_default_db();
    if (datadir_check(c.db_path, _("The database"), &err) != DPF_OK)
        return cli_fail(&err);
    outfile_protect(c.db_path);     /* even for commands that never open it (template) */
    if (i == argc && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
        /* `dpf` alone at a terminal: the screens. Piped, it prints the summary. */
        snprintf(c.origin, sizeof c.origin, "screens");
        rc = cli_open(&c, 0) == EXIT_OK ? tui_run(c.db, c.db_path) : EXIT_FAIL;
        db_close(c.db);
        return rc;
    }
    if (i == argc) {
        cmd = cli_find(cmd_summary);
        used = 0;
    } else if (!(cmd = lookup(argc - i, argv + i, &used)) &&
               !(cli_kinds_of_db(argv[i], c.db_path) && (cmd = lookup(argc - i, argv + i, &used)))) {
        fprintf(stderr, _("dpf: unknown command \"%s\" (see dpf --help)\n"), argv[i]);
        return EXIT_USAGE;
    }
    /* Handlers see argv[0] = the command name, then their own arguments. */
    if (used > 0)
        i += used - 1;
    else
        i = argc - 1;
    if (cli_wants_help(cmd, argc - i, argv + i))
        return EXIT_OK;
    c.need = cli_cap(cmd);
    c.cmd = cmd;
    snprintf(c.origin, sizeof c.origin, "%s%s%s", cmd->name, cmd->object ? " " : "",
             cmd->object ? cmd->object : "");
    rc = cmd->run(&c, argc - i, argv + i);
    db_close(c.db);
    return rc;
}
