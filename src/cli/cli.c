/* SPDX-License-Identifier: MIT */
/* What every handler of the command line leans on: its row of the command table, usage
 * errors and `--help`, failure messages, date options. The bottom of src/cli: the table
 * itself (main.c) names every handler, so it is handed over here at start (cli_set_commands)
 * rather than named, and the arrows run main.c -> cmd_*.c -> cli.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/field.h"
#include "dpf/i18n.h"

const struct cli_cmd *cli_commands;

void cli_set_commands(const struct cli_cmd *table)
{
    cli_commands = table;
}

void cli_usage_line(FILE *f, const struct cli_cmd *cmd)
{
    fprintf(f, "  dpf %s%s%s %s\n", cmd->name, cmd->object ? " " : "",
            cmd->object ? cmd->object : "", cmd->args);
}

const struct cli_cmd *cli_self(int (*run)(struct cli *, int, char **), const char *object)
{
    for (const struct cli_cmd *c = cli_commands; c && c->name; c++)
        if (c->run == run && c->object && object && strcmp(c->object, object) == 0)
            return c;
    return cli_find(run);
}

const struct cli_cmd *cli_find(int (*run)(struct cli *, int, char **))
{
    for (const struct cli_cmd *c = cli_commands; c && c->name; c++)
        if (c->run == run)
            return c;
    return NULL;
}

int cli_usage(const struct cli_cmd *cmd, const char *problem)
{
    if (problem)
        fprintf(stderr, "dpf: %s\n", problem);
    fprintf(stderr, _("Usage:\n"));
    cli_usage_line(stderr, cmd);
    return EXIT_USAGE;
}

int cli_wants_help(const struct cli_cmd *cmd, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf(_("Usage:\n"));
            cli_usage_line(stdout, cmd);
            printf("\n%s\n", _(cmd->summary));
            if (cmd->help)
                printf("\n%s\n", _(cmd->help));
            return 1;
        }
    }
    return 0;
}

int cli_fail(const struct dpf_err *err)
{
    fprintf(stderr, "dpf: %s\n", err->msg);
    return EXIT_FAIL;
}

int cli_date_arg(const struct cli_cmd *self, const char *s, char out[11])
{
    static const struct field f = { "date", "日期", N_("Date"), FT_DATE, NULL, 10, 10, 0 };
    struct dpf_err err;
    char *v = NULL;
    if (field_parse(&f, s, NULL, &v, &err) != DPF_OK || !v) {
        free(v);
        return cli_usage(self, err.msg);
    }
    snprintf(out, 11, "%s", v);
    free(v);
    return EXIT_OK;
}
