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

/* The groups' tables in the order `dpf --help` lists them. */
static const struct cli_cmd *const groups[] = {
    cli_setup_rows, cli_register_rows, cli_person_rows, cli_place_rows, cli_yearly_rows,
    cli_subsidy_rows, cli_review_rows, cli_rehab_rows, cli_insurance_rows, cli_claim_rows,
    cli_report_rows, cli_admin_rows,
};

/* The groups' rows as one table (the kinds' rows still to be made by cli_kinds_table);
 * lives until the program ends. */
static const struct cli_cmd *join_rows(void)
{
    static struct cli_cmd *all;
    size_t n = 0, k = 0;

    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (const struct cli_cmd *r = groups[g]; r->name; r++)
            n++;
    if (!(all = calloc(n + 1, sizeof *all))) {
        fprintf(stderr, "dpf: out of memory\n");
        exit(EXIT_FAIL);
    }
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (const struct cli_cmd *r = groups[g]; r->name; r++)
            all[k++] = *r;
    return all;
}

static void print_help(void)
{
    printf(_("dpf: the register and case work of a district Disabled Persons' Federation\n\n"));
    printf(_("Usage: dpf [--db FILE] [--lang LANG] COMMAND ...\n\n"));
    printf(_("Commands:\n"));
    cli_help_overview(stdout);
    printf(_("\nOptions:\n"
             "  --db FILE    the database (default: $DPF_DB, else ~/.local/share/dpf/dpf.db)\n"
             "  --lang LANG  language of messages, e.g. zh_CN or en (default: Chinese)\n"
             "  --help       this text; `dpf COMMAND --help` explains one command\n"
             "  --version    print the version\n"));
    printf(_("  --plain      screens without reverse video or box lines, for a screen reader\n"
             "               (also DPF_PLAIN=1)\n"));
}

static int wants_help(const char *s)
{
    return s && (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0);
}

/* A row's arguments parsed and checked, then its handler. */
static int run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;

    if (cli_parse(c, cmd, argc, argv, &a) != EXIT_OK)
        return EXIT_USAGE;
    return cmd->run(c, cmd, &a);
}

/* The global options before the command: the index of the first word after them, or
 * -1 - exit code when one of them was the whole run (--help, --version, a mistake). */
static int global_options(struct cli *c, int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            c->db_path = argv[++i];
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            i++;                        /* taken before anything was printed */
        } else if (strcmp(argv[i], "--plain") == 0) {
            setenv("DPF_PLAIN", "1", 1);    /* the screens' plain mode, as the variable sets it */
        } else if (wants_help(argv[i])) {
            print_help();
            return -1 - EXIT_OK;
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("dpf %s\n", DPF_VERSION);
            return -1 - EXIT_OK;
        } else {
            fprintf(stderr, _("dpf: unknown option %s (see dpf --help)\n"), argv[i]);
            return -1 - EXIT_USAGE;
        }
    }
    return i;
}

/* `dpf help [GROUP [CMD]]`. */
static int help_command(struct cli *c, int argc, char **argv)
{
    if (argc > 0)
        cli_kinds_of_db(argv[0], c->db_path);
    if (argc == 0) {
        print_help();
        return EXIT_OK;
    }
    return cli_help(argc, argv);
}

/* No command by those words: `dpf GROUP --help` lists the group's commands; a group named
 * with a command it lacks, or alone, says so and lists them; anything else is unknown. */
static int no_such_command(int argc, char **argv)
{
    if (argc > 1 && wants_help(argv[1]) && cli_help_group(stdout, argv[0]))
        return EXIT_OK;
    if (cli_help_group(NULL, argv[0])) {
        if (argc > 1)
            fprintf(stderr, _("dpf: unknown command \"%s %s\"\n"), argv[0], argv[1]);
        fprintf(stderr, _("dpf: the %s commands are:\n"), argv[0]);
        cli_help_group(stderr, argv[0]);
        return EXIT_USAGE;
    }
    fprintf(stderr, _("dpf: unknown command \"%s\" (see dpf --help)\n"), argv[0]);
    return EXIT_USAGE;
}

/* The command the words name (no words: the summary), with *used the words it took; the
 * kinds a database defines are looked up when the built-in ones do not match. */
static const struct cli_cmd *find_command(struct cli *c, int argc, char **argv, int *used)
{
    static char *summary[] = { "summary", NULL };
    const struct cli_cmd *cmd;

    if (argc == 0) {
        cmd = cli_lookup(1, summary, used);
        *used = 0;
        return cmd;
    }
    if ((cmd = cli_lookup(argc, argv, used)))
        return cmd;
    return cli_kinds_of_db(argv[0], c->db_path) ? cli_lookup(argc, argv, used) : NULL;
}

/* Runs the command: handlers see argv[0] = the command name, then their own arguments;
 * --help anywhere after it explains the command instead. */
static int dispatch(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
    for (int k = 1; k < argc; k++)
        if (wants_help(argv[k])) {
            cli_help_command(stdout, cmd);
            return EXIT_OK;
        }
    c->need = cli_cap(cmd);
    c->cmd = cmd;
    snprintf(c->origin, sizeof c->origin, "%s%s%s", cmd->group ? cmd->group : "",
             cmd->group ? " " : "", cmd->name);
    return run(c, cmd, argc, argv);
}

int main(int argc, char **argv)
{
    struct cli c = { .prog = argv[0] };
    struct dpf_err err;
    const char *lang = NULL;
    const struct cli_cmd *cmd;
    int i, used = 0, rc;

    /* --lang must be known before any message is printed. */
    for (int k = 1; k + 1 < argc; k++)
        if (strcmp(argv[k], "--lang") == 0)
            lang = argv[k + 1];
    if (i18n_init(lang, argv[0]) != 0) {
        fprintf(stderr, _("dpf: unknown language \"%s\" (--lang): the languages are %s\n"),
                lang, i18n_languages());
        return EXIT_USAGE;
    }
    modules_init();
    cli_set_commands(cli_kinds_table(join_rows(), NULL));
    c.db_path = priv_getenv("DPF_DB");
    if ((i = global_options(&c, argc, argv)) < 0)
        return -1 - i;
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
    if (i < argc && strcmp(argv[i], "help") == 0)
        return help_command(&c, argc - i - 1, argv + i + 1);
    if (!(cmd = find_command(&c, argc - i, argv + i, &used)))
        return no_such_command(argc - i, argv + i);
    i += used > 0 ? used - 1 : argc - i - 1;
    rc = dispatch(&c, cmd, argc - i, argv + i);
    db_close(c.db);
    return rc;
}
