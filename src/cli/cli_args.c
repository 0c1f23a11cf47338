/* SPDX-License-Identifier: MIT */
/* The one option parser of the converted commands: getopt_long built from the row's option
 * table, each value checked by its kind with a message naming the option and what it takes,
 * then the required options and the number of operands; a guarded option (--full-id) is
 * recorded for cli_open's check. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "dpf/money.h"
#include "dpf/month.h"

/* A usage error naming the option. */
__attribute__((format(printf, 2, 3)))
static int bad(const struct cli_cmd *cmd, const char *fmt, ...)
{
    char problem[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(problem, sizeof problem, fmt, ap);
    va_end(ap);
    return cli_usage(cmd, problem);
}

static int whole(const char *s, long long min, long long *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || v < min)
        return -1;
    *out = v;
    return 0;
}

static int choice(const struct cli_cmd *cmd, const struct cli_opt *o, const char *s,
                  long long *out)
{
    char list[256] = "", problem[320];
    size_t n = 0;
    int i = field_label_find(o->codes, s);     /* 肢体, 肢體, Physical */

    if (i >= 0) {
        *out = i;
        return EXIT_OK;
    }
    for (const char *const *k = o->codes; k && *k; k++) {
        n += (size_t)snprintf(list + n, n < sizeof list ? sizeof list - n : 0, "%s%s",
                              k == o->codes ? "" : "|", field_label(*k));
        if (n >= sizeof list)
            n = sizeof list - 1;
    }
    snprintf(problem, sizeof problem, _("--%s takes one of: %s"), o->name, list);
    return cli_usage(cmd, problem);
}

/* Checks s as o's kind into v. */
static int value(const struct cli_cmd *cmd, const struct cli_opt *o, const char *s,
                 struct cli_val *v)
{
    int64_t fen;

    v->str = s;
    switch (o->kind) {
    case CK_FLAG:
        return EXIT_OK;
    case CK_TEXT:
        /* Text is stored and printed again: a control character (an ESC sequence, a line
         * break) would rewrite a clerk's terminal or split a CSV row. */
        for (const unsigned char *p = (const unsigned char *)s; *p; p++)
            if (*p < 0x20 || *p == 0x7f)
                return bad(cmd, _("--%s takes text without control characters"), o->name);
        return EXIT_OK;
    case CK_FILE:
        return *s ? EXIT_OK : bad(cmd, _("--%s takes a file name"), o->name);
    case CK_YEAR:
        return whole(s, 2000, &v->num) == 0 && v->num <= 2999
                   ? EXIT_OK : bad(cmd, _("--%s takes a year such as 2017"), o->name);
    case CK_MONTH:
        return (v->num = month_parse(s)) >= 0
                   ? EXIT_OK : bad(cmd, _("--%s takes a month: YYYY-MM"), o->name);
    case CK_DATE:
        if (cli_date_arg(cmd, o->name, s, v->date) != EXIT_OK)
            return EXIT_USAGE;
        v->str = v->date;
        return EXIT_OK;
    case CK_MONEY:
        if (money_parse(s, &fen) != 0)
            return bad(cmd, _("--%s takes an amount in yuan such as 1500.00"), o->name);
        v->num = fen;
        return EXIT_OK;
    case CK_COUNT:
        return whole(s, 0, &v->num) == 0
                   ? EXIT_OK : bad(cmd, _("--%s takes a whole number (0 or more)"), o->name);
    case CK_ID:
        return whole(s, 1, &v->num) == 0
                   ? EXIT_OK : bad(cmd, _("--%s takes a record number"), o->name);
    case CK_CHOICE:
        return choice(cmd, o, s, &v->num);
    }
    return EXIT_USAGE;
}

/* getopt_long's value of the row's option k: OPT_BASE + k, clear of its '?' and ':'. */
enum { OPT_BASE = 256 };

/* What getopt refused (ch: '?' or ':'; optopt and the word it stopped at say which). */
static int refused(const struct cli_cmd *cmd, int ch, const char *word)
{
    char shortopt[3] = { '-', (char)optopt, '\0' };
    if (optopt > 0 && optopt < OPT_BASE)
        word = shortopt;                        /* -x, perhaps within -xy */
    if (ch == ':')
        return bad(cmd, _("%s needs a value"), word);
    if (optopt >= OPT_BASE)                     /* --flag=value */
        return bad(cmd, _("--%s takes no value"), cmd->opts[optopt - OPT_BASE].name);
    return bad(cmd, _("%.*s is not an option of this command"), (int)strcspn(word, "="), word);
}

int cli_parse(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv, struct cli_args *a)
{
    struct option lopts[CLI_MAX_OPTS + 1] = { { 0 } };
    int n = 0, ch;

    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    for (const struct cli_opt *o = cmd->opts; o && o->name; o++, n++) {
        if (n == CLI_MAX_OPTS)
            abort();            /* a row with more options than CLI_MAX_OPTS */
        lopts[n] = (struct option){ o->name, o->kind == CK_FLAG ? no_argument : required_argument,
                                    NULL, OPT_BASE + n };
    }
    /* getopt's own messages name the program as argv[0] (the kind, "places"), in its own
     * words: dpf says which command and option instead. */
    opterr = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, ":", lopts, NULL)) != -1) {
        if (ch < OPT_BASE || ch >= OPT_BASE + n)
            return refused(cmd, ch, argv[optind - 1]);
        ch -= OPT_BASE;
        a->v[ch].given = 1;
        if (value(cmd, &cmd->opts[ch], optarg ? optarg : "", &a->v[ch]) != EXIT_OK)
            return EXIT_USAGE;
        if (cmd->opts[ch].need)
            cli_option(c, cmd->opts[ch].name);
    }
    for (int k = 0; k < n; k++)
        if ((cmd->opts[k].flags & CLI_REQUIRED) && !a->v[k].given)
            return bad(cmd, _("--%s is required"), cmd->opts[k].name);
    a->operands = argv + optind;
    a->noperands = argc - optind;
    if (a->noperands < cmd->min_operands)
        return bad(cmd, _("missing %s"), cmd->operands ? cmd->operands : "");
    if (cmd->max_operands >= 0 && a->noperands > cmd->max_operands)
        return bad(cmd, _("unexpected argument: %s"), a->operands[cmd->max_operands]);
    return EXIT_OK;
}

static const struct cli_val *val(const struct cli_args *a, const char *name)
{
    int k = 0;
    for (const struct cli_opt *o = a->cmd->opts; o && o->name; o++, k++)
        if (strcmp(o->name, name) == 0)
            return &a->v[k];
    fprintf(stderr, "dpf: %s %s has no option --%s\n", a->cmd->group ? a->cmd->group : "",
            a->cmd->name, name);
    abort();
}

int cli_has(const struct cli_args *a, const char *name)
{
    return val(a, name)->given;
}

long long cli_int(const struct cli_args *a, const char *name)
{
    return val(a, name)->num;
}

const char *cli_str(const struct cli_args *a, const char *name)
{
    const struct cli_val *v = val(a, name);
    return v->given ? v->str : NULL;
}

int64_t cli_fen(const struct cli_args *a, const char *name)
{
    return (int64_t)val(a, name)->num;
}
