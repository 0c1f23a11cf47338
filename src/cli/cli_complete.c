/* SPDX-License-Identifier: MIT */
/* The bash completion script, written by `dpf help --completion LANG...` from the command
 * rows: the first words (top-level commands and groups, then a group's commands, the kinds'
 * rows included), each command's options, a choice's codes, file names for a file option or
 * operand, and the global --db (files) and --lang (the languages named). Made once at build,
 * so a TAB starts no dpf and needs no database: the kinds a database defines itself are not
 * offered. Every word goes out single-quoted and is matched by a loop, never by
 * compgen -W, which would expand it. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* s as one single-quoted shell word. */
static void word(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++)
        if (*s == '\'')
            fputs("'\\''", f);
        else
            fputc(*s, f);
    fputc('\'', f);
}

/* The case label of a command: 'group name' or 'name'. */
static void key(FILE *f, const struct cli_cmd *c)
{
    char k[128];
    snprintf(k, sizeof k, "%s%s%s", c->group ? c->group : "", c->group ? " " : "", c->name);
    word(f, k);
}

/* Whether c's group appears in a row before c (its words are written once). */
static int seen_group(const struct cli_cmd *c)
{
    for (const struct cli_cmd *r = cli_commands; r < c; r++)
        if (r->group && c->group && strcmp(r->group, c->group) == 0)
            return 1;
    return 0;
}

/* _dpf_words GROUP: the first words (GROUP empty) or the commands of GROUP. */
static void words(FILE *f)
{
    fputs("_dpf_words()\n{\n    case $1 in\n    '') _dpf_w=(", f);
    for (const struct cli_cmd *c = cli_commands; c->name; c++) {
        if (c->group && seen_group(c))
            continue;
        word(f, c->group ? c->group : c->name);
        fputc(' ', f);
    }
    fputs("'help') ;;\n", f);
    for (const struct cli_cmd *c = cli_commands; c->name; c++) {
        if (!c->group || seen_group(c))
            continue;
        fputs("    ", f);
        word(f, c->group);
        fputs(") _dpf_w=(", f);
        for (const struct cli_cmd *r = c; r->name; r++)
            if (r->group && strcmp(r->group, c->group) == 0) {
                word(f, r->name);
                fputc(' ', f);
            }
        fputs(") ;;\n", f);
    }
    fputs("    *) _dpf_w=() ;;\n    esac\n}\n\n", f);
}

/* _dpf_options COMMAND: its options as --name:kind (file, choice, flag or value), and
 * @file when its operands are files. */
static void options(FILE *f)
{
    fputs("_dpf_options()\n{\n    case $1 in\n", f);
    for (const struct cli_cmd *c = cli_commands; c->name; c++) {
        fputs("    ", f);
        key(f, c);
        fputs(") _dpf_w=(", f);
        for (const struct cli_opt *o = c->opts; o && o->name; o++) {
            char spec[96];
            snprintf(spec, sizeof spec, "--%s:%s", o->name,
                     o->kind == CK_FLAG ? "flag" : o->kind == CK_FILE ? "file"
                     : o->kind == CK_CHOICE ? "choice" : "value");
            word(f, spec);
            fputc(' ', f);
        }
        fputs("'--help:flag'", f);
        if (c->operands && strstr(c->operands, "FILE"))
            fputs(" '@file'", f);
        fputs(") ;;\n", f);
    }
    fputs("    *) _dpf_w=() ;;\n    esac\n}\n\n", f);
}

/* _dpf_choices COMMAND OPTION: a choice's codes. */
static void choices(FILE *f)
{
    fputs("_dpf_choices()\n{\n    case \"$1 $2\" in\n", f);
    for (const struct cli_cmd *c = cli_commands; c->name; c++)
        for (const struct cli_opt *o = c->opts; o && o->name; o++) {
            if (o->kind != CK_CHOICE || !o->codes)
                continue;
            char k[160];
            snprintf(k, sizeof k, "%s%s%s --%s", c->group ? c->group : "", c->group ? " " : "",
                     c->name, o->name);
            fputs("    ", f);
            word(f, k);
            fputs(") _dpf_w=(", f);
            for (const char *const *v = o->codes; *v; v++) {
                word(f, *v);
                fputc(' ', f);
            }
            fputs(") ;;\n", f);
        }
    fputs("    *) _dpf_w=() ;;\n    esac\n}\n\n", f);
}

/* The completion function itself: finds the command among the words before the cursor
 * (after the global options), then completes by what the word at the cursor is. */
static const char main_fn[] =
    "# COMPREPLY: the words of _dpf_w that start with $1.\n"
    "_dpf_match()\n"
    "{\n"
    "    local w\n"
    "    COMPREPLY=()\n"
    "    for w in \"${_dpf_w[@]}\"; do\n"
    "        [[ $w == \"$1\"* ]] && COMPREPLY+=(\"$w\")\n"
    "    done\n"
    "}\n"
    "\n"
    "_dpf_files()\n"
    "{\n"
    "    compopt -o filenames 2> /dev/null\n"
    "    mapfile -t COMPREPLY < <(compgen -f -- \"$1\")\n"
    "}\n"
    "\n"
    "_dpf()\n"
    "{\n"
    "    local cur=${COMP_WORDS[COMP_CWORD]} i=1 cmd prev spec _dpf_w=()\n"
    "    COMPREPLY=()\n"
    "    # The global options before the command.\n"
    "    while ((i < COMP_CWORD)) && [[ ${COMP_WORDS[i]} == -* ]]; do\n"
    "        case ${COMP_WORDS[i]} in\n"
    "        --db | --lang)\n"
    "            if ((i + 1 == COMP_CWORD)); then\n"
    "                if [[ ${COMP_WORDS[i]} == --db ]]; then _dpf_files \"$cur\"; else\n"
    "                    _dpf_w=(\"${_dpf_langs[@]}\"); _dpf_match \"$cur\"; fi\n"
    "                return 0\n"
    "            fi\n"
    "            ((i += 2)) ;;\n"
    "        *) ((i++)) ;;\n"
    "        esac\n"
    "    done\n"
    "    if ((i == COMP_CWORD)); then\n"
    "        if [[ $cur == -* ]]; then _dpf_w=(\"${_dpf_global[@]}\"); else _dpf_words ''; fi\n"
    "        _dpf_match \"$cur\"\n"
    "        return 0\n"
    "    fi\n"
    "    # dpf help [GROUP [COMMAND]]: the words alone.\n"
    "    if [[ ${COMP_WORDS[i]} == help ]]; then\n"
    "        if ((i + 1 == COMP_CWORD)); then _dpf_words ''; elif ((i + 2 == COMP_CWORD)); then\n"
    "            _dpf_words \"${COMP_WORDS[i+1]}\"; fi\n"
    "        _dpf_match \"$cur\"\n"
    "        return 0\n"
    "    fi\n"
    "    cmd=${COMP_WORDS[i]}\n"
    "    _dpf_words \"$cmd\"\n"
    "    if ((${#_dpf_w[@]})); then\n"
    "        if ((i + 1 == COMP_CWORD)); then _dpf_match \"$cur\"; return 0; fi\n"
    "        cmd+=\" ${COMP_WORDS[i+1]}\"\n"
    "        ((i++))\n"
    "    fi\n"
    "    _dpf_options \"$cmd\"\n"
    "    local opts=(\"${_dpf_w[@]}\")\n"
    "    prev=${COMP_WORDS[COMP_CWORD-1]}\n"
    "    if ((COMP_CWORD - 1 > i)); then\n"
    "        for spec in \"${opts[@]}\"; do\n"
    "            [[ ${spec%%:*} == \"$prev\" ]] || continue\n"
    "            case ${spec#*:} in\n"
    "            file) _dpf_files \"$cur\"; return 0 ;;\n"
    "            choice) _dpf_choices \"$cmd\" \"$prev\"; _dpf_match \"$cur\"; return 0 ;;\n"
    "            value) return 0 ;;\n"
    "            esac\n"
    "        done\n"
    "    fi\n"
    "    if [[ $cur == -* ]]; then\n"
    "        _dpf_w=()\n"
    "        for spec in \"${opts[@]}\"; do\n"
    "            [[ $spec == --* ]] && _dpf_w+=(\"${spec%%:*}\")\n"
    "        done\n"
    "        _dpf_match \"$cur\"\n"
    "    elif [[ \" ${opts[*]} \" == *' @file '* ]]; then\n"
    "        _dpf_files \"$cur\"\n"
    "    fi\n"
    "    return 0\n"
    "}\n";

void cli_completion(FILE *f, int nlangs, char **langs)
{
    fputs("# bash completion for dpf(1), made by `dpf help --completion` from its command\n"
          "# rows when dpf was built: do not edit.\n\n", f);
    fputs("_dpf_langs=(", f);
    for (int i = 0; i < nlangs; i++) {
        word(f, langs[i]);
        fputc(' ', f);
    }
    fputs(")\n_dpf_global=(", f);
    for (const struct cli_opt *o = cli_global_opts; o->name; o++) {
        char opt[64];
        snprintf(opt, sizeof opt, "--%s", o->name);
        word(f, opt);
        fputc(' ', f);
    }
    fputs(")\n\n", f);
    words(f);
    options(f);
    choices(f);
    fputs(main_fn, f);
    fputs("\ncomplete -F _dpf dpf\n", f);
}
