/* SPDX-License-Identifier: MIT */
/* What every handler of the command line leans on: the command table and its rows, usage
 * errors, failure messages, date options. The bottom of src/cli: the groups' tables (in
 * cmd_*.c) name every handler, so main.c joins them and hands the table over here at start
 * (cli_set_commands) rather than naming them, and the arrows run main.c -> cmd_*.c -> cli.c. */
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

/* What an option's value looks like in usage: its arg, else its codes, else the kind's. */
static void opt_value(FILE *f, const struct cli_opt *o)
{
    static const char *const shown[] = {
        [CK_FLAG] = "", [CK_TEXT] = "TEXT", [CK_FILE] = "FILE", [CK_YEAR] = "YYYY",
        [CK_MONTH] = "YYYY-MM", [CK_DATE] = "YYYY-MM-DD", [CK_MONEY] = "YUAN",
        [CK_COUNT] = "N", [CK_ID] = "N", [CK_CHOICE] = "",
    };
    if (o->kind == CK_FLAG)
        return;
    if (o->arg) {
        fprintf(f, " %s", o->arg);
    } else if (o->kind == CK_CHOICE && o->codes) {
        for (const char *const *k = o->codes; *k; k++)
            fprintf(f, "%s%s", k == o->codes ? " " : "|", *k);
    } else {
        fprintf(f, " %s", shown[o->kind]);
    }
}

void cli_usage_line(FILE *f, const struct cli_cmd *cmd)
{
    fprintf(f, "  dpf %s%s%s", cmd->group ? cmd->group : "", cmd->group ? " " : "", cmd->name);
    if (cmd->operands)
        fprintf(f, " %s", cmd->operands);
    for (const struct cli_opt *o = cmd->opts; o && o->name; o++) {
        int req = (o->flags & (CLI_REQUIRED | CLI_SHOWN_REQUIRED)) != 0;
        fprintf(f, " %s--%s", req ? "" : "[", o->name);
        opt_value(f, o);
        if (!req)
            fputc(']', f);
    }
    fputc('\n', f);
}

const struct cli_cmd *cli_lookup(int argc, char **argv, int *used)
{
    for (const struct cli_cmd *c = cli_commands; c && c->name; c++) {
        if (!c->group && strcmp(argv[0], c->name) == 0) {
            *used = 1;
            return c;
        }
        if (c->group && argc > 1 && strcmp(argv[0], c->group) == 0 &&
            strcmp(argv[1], c->name) == 0) {
            *used = 2;
            return c;
        }
    }
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

int cli_fail(const struct dpf_err *err)
{
    fprintf(stderr, "dpf: %s\n", err->msg);
    return EXIT_FAIL;
}

int cli_date_arg(const struct cli_cmd *self, const char *option, const char *s, char out[11])
{
    /* Checked as a date field is, with the option's name as the field's: the message names
     * the option ("--starts-on: ..."). */
    char name[48];
    struct field f = { "date", "日期", name, FT_DATE, NULL, 10, 10, 0 };
    struct dpf_err err;
    char *v = NULL;

    snprintf(name, sizeof name, "--%s", option);
    if (field_parse(&f, s, NULL, &v, &err) != DPF_OK || !v) {
        free(v);
        return cli_usage(self, err.msg);
    }
    snprintf(out, 11, "%s", v);
    free(v);
    return EXIT_OK;
}
