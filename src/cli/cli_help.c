/* SPDX-License-Identifier: MIT */
/* Help made from the command rows: usage lines (a converted row's from its operands and
 * option table), `dpf --help`'s list, a group's commands, one command's help with its
 * options, `dpf help [GROUP [CMD]]`, the hidden `dpf help --rows` the rows test reads, and the
 * hidden `dpf help --man` and `dpf help --completion LANG...` the build writes dpf(1) and the
 * bash completion with (cli_man.c, cli_complete.c). */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "dpf/i18n.h"

static const char *const kind_names[] = {
    [CK_FLAG] = "flag", [CK_TEXT] = "text", [CK_FILE] = "file", [CK_YEAR] = "year",
    [CK_MONTH] = "month", [CK_DATE] = "date", [CK_MONEY] = "money", [CK_COUNT] = "count",
    [CK_ID] = "id", [CK_CHOICE] = "choice",
};

void cli_help_overview(FILE *f)
{
    for (const struct cli_cmd *c = cli_commands; c->name; c++) {
        cli_usage_line(f, c);
        fprintf(f, "      %s\n", _(c->summary));
    }
}

int cli_help_group(FILE *f, const char *group)
{
    int n = 0;
    for (const struct cli_cmd *c = cli_commands; c->name; c++) {
        if (group ? !c->group || strcmp(c->group, group) != 0 : c->group != NULL)
            continue;
        if (!f) {               /* only counting */
            n++;
            continue;
        }
        if (!n++)
            fprintf(f, _("Usage:\n"));
        cli_usage_line(f, c);
        fprintf(f, "      %s\n", _(c->summary));
    }
    return n;
}

void cli_help_command(FILE *f, const struct cli_cmd *cmd)
{
    fprintf(f, _("Usage:\n"));
    cli_usage_line(f, cmd);
    fprintf(f, "\n%s\n", _(cmd->summary));
    if (cmd->opts && cmd->opts->name) {
        fprintf(f, _("\nOptions:\n"));
        for (const struct cli_opt *o = cmd->opts; o->name; o++) {
            char head[64];
            int n = snprintf(head, sizeof head, "  --%s", o->name);
            fputs(head, f);
            if (o->help)
                fprintf(f, "%*s%s", n < 20 ? 20 - n : 1, "", _(o->help));
            fputc('\n', f);
        }
    }
    if (cmd->help)
        fprintf(f, "\n%s\n", _(cmd->help));
}

static const char *const need_names[] = {
    [NEED_NONE] = "NONE", [NEED_READ] = "read", [NEED_REGISTER] = "register",
    [NEED_REVIEW] = "review", [NEED_MANAGE] = "manage", [NEED_ADMIN] = "admin",
};

/* One line a row: group, name, need, then each option as name:kind[:need]. */
void cli_help_rows(FILE *f)
{
    for (const struct cli_cmd *c = cli_commands; c->name; c++) {
        fprintf(f, "%s\t%s\t%s\t%s", c->group ? c->group : "-", c->name, need_names[c->need],
                c->run ? "typed" : "NO-HANDLER");
        for (const struct cli_opt *o = c->opts; o && o->name; o++)
            fprintf(f, "\t%s:%s%s%s", o->name, kind_names[o->kind], o->need ? ":" : "",
                    o->need ? need_names[o->need] : "");
        fputc('\n', f);
    }
}

int cli_help(int argc, char **argv)
{
    const struct cli_cmd *cmd;
    int used;

    if (strcmp(argv[0], "--rows") == 0) {
        cli_help_rows(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[0], "--man") == 0 && argc == 1) {
        cli_man(stdout);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    }
    if (strcmp(argv[0], "--completion") == 0) {
        cli_completion(stdout, argc - 1, argv + 1);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    }
    if ((cmd = cli_lookup(argc, argv, &used)) && used == argc) {
        cli_help_command(stdout, cmd);
        return EXIT_OK;
    }
    if (argc == 1 && cli_help_group(stdout, argv[0]))
        return EXIT_OK;
    fprintf(stderr, _("dpf: unknown command \"%s\" (see dpf --help)\n"), argv[0]);
    return EXIT_USAGE;
}
