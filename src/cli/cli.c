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

/* main.c's global options, for the man page and the completion; `dpf --help` prints its
 * own text of them. */
const struct cli_opt cli_global_opts[] = {
    { "db", CK_FILE, 0, "FILE",
      N_("the database (default: $DPF_DB, else ~/.local/share/dpf/dpf.db)"), NULL, 0 },
    { "lang", CK_TEXT, 0, "LANG",
      N_("the language of messages, e.g. zh_CN or en (default: Chinese)"), NULL, 0 },
    { "help", CK_FLAG, 0, NULL, N_("the commands; `dpf COMMAND --help` explains one"), NULL, 0 },
    { "version", CK_FLAG, 0, NULL, N_("print the version"), NULL, 0 },
    { 0 },
};

const char *cli_opt_value(const struct cli_opt *o, char *buf, size_t cap)
{
    static const char *const shown[] = {
        [CK_FLAG] = "", [CK_TEXT] = "TEXT", [CK_FILE] = "FILE", [CK_YEAR] = "YYYY",
        [CK_MONTH] = "YYYY-MM", [CK_DATE] = "YYYY-MM-DD", [CK_MONEY] = "YUAN",
        [CK_COUNT] = "N", [CK_ID] = "N", [CK_CHOICE] = "",
    };
    size_t n = 0;

    if (o->kind == CK_FLAG)
        return "";
    if (o->arg)
        return o->arg;
    if (!o->codes)
        return shown[o->kind];
    /* the choices as the UI language shows them (the stored names are taken too) */
    buf[0] = '\0';
    for (const char *const *k = o->codes; *k && n < cap; k++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", k == o->codes ? "" : "|",
                              field_label(*k));
    return buf;
}

void cli_usage_line(FILE *f, const struct cli_cmd *cmd)
{
    fprintf(f, "  dpf %s%s%s", cmd->group ? cmd->group : "", cmd->group ? " " : "", cmd->name);
    if (cmd->operands)
        fprintf(f, " %s", cmd->operands);
    for (const struct cli_opt *o = cmd->opts; o && o->name; o++) {
        int req = (o->flags & (CLI_REQUIRED | CLI_SHOWN_REQUIRED)) != 0;
        char codes[256];
        const char *v = cli_opt_value(o, codes, sizeof codes);
        fprintf(f, " %s--%s%s%s", req ? "" : "[", o->name, *v ? " " : "", v);
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
