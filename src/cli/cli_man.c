/* SPDX-License-Identifier: MIT */
/* The manual page dpf(1), written in roff by `dpf help --man` from the command rows in the
 * language of the messages: the build runs it once per catalogue (and once with --lang en),
 * so the page never says other than `dpf --help`. Text from the rows and the catalogue is
 * escaped here; nothing else in dpf writes roff. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "dpf/i18n.h"

#ifndef DPF_VERSION
#define DPF_VERSION "0.1"
#endif

/* Whether the character at p is CJK punctuation (U+3000-303F, U+FF00-FF5F), before which
 * a line is not broken. */
static int punct(const unsigned char *p)
{
    return (p[0] == 0xe3 && p[1] == 0x80) || (p[0] == 0xef && (p[1] == 0xbc || p[1] == 0xbd));
}

/* s as roff text: a backslash or a minus escaped, a line that would start with a control
 * character set off by \&, and a break point (\:) between two wide characters, since groff
 * breaks lines only at spaces and Chinese has none ("can't break line"). */
static void roff(FILE *f, const char *s)
{
    int bol = 1, wide = 0;

    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int lead = *p >= 0xc0;
        if (lead && wide && !punct(p))
            fputs("\\:", f);
        if (*p < 0x80 || lead)
            wide = lead;
        if (bol && (*p == '.' || *p == '\''))
            fputs("\\&", f);
        bol = *p == '\n';
        if (*p == '\\')
            fputs("\\e", f);
        else if (*p == '-')
            fputs("\\-", f);
        else
            fputc(*p, f);
    }
}

/* A paragraph of translated text; its empty lines become vertical space. A line that ends
 * with a wide character runs on into a next line that starts with one without a space
 * (\c): the catalogue wraps Chinese where no space stands. */
static void para(FILE *f, const char *text)
{
    const unsigned char *p = (const unsigned char *)text, *nl;

    while (*p) {
        nl = (const unsigned char *)strchr((const char *)p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen((const char *)p);
        if (n == 0) {
            fputs(".sp\n", f);
        } else {
            char line[1024];
            snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1),
                     (const char *)p);
            roff(f, line);
            if (nl && nl[1] >= 0x80 && p[n - 1] >= 0x80)
                fputs(punct(nl + 1) ? "\\c\n" : "\\:\\c\n", f);
            else
                fputc('\n', f);
        }
        p += n + (nl != NULL);
    }
}

/* "\fB--name\fR \fIVALUE\fR" */
static void opt_tag(FILE *f, const struct cli_opt *o)
{
    char codes[256];
    const char *v = cli_opt_value(o, codes, sizeof codes);

    fputs("\\fB", f);
    roff(f, "--");
    roff(f, o->name);
    fputs("\\fR", f);
    if (*v) {
        char one[256];
        fputs(" \\fI", f);
        /* a long list of choices may break after each "|" (\: is a break point) */
        for (const char *bar; (bar = strchr(v, '|')); v = bar + 1) {
            snprintf(one, sizeof one, "%.*s|", (int)(bar - v), v);
            roff(f, one);
            fputs("\\:", f);
        }
        roff(f, v);
        fputs("\\fR", f);
    }
}

static void options(FILE *f, const struct cli_opt *opts)
{
    for (const struct cli_opt *o = opts; o && o->name; o++) {
        fputs(".TP\n", f);
        opt_tag(f, o);
        fputc('\n', f);
        if (o->help)
            para(f, _(o->help));
    }
}

/* One command: its usage as the tag, then its summary, help and options. */
static void command(FILE *f, const struct cli_cmd *c)
{
    fputs(".TP\n\\fBdpf ", f);
    if (c->group) {
        roff(f, c->group);
        fputc(' ', f);
    }
    roff(f, c->name);
    fputs("\\fR", f);
    if (c->operands) {
        fputs(" \\fI", f);
        roff(f, c->operands);
        fputs("\\fR", f);
    }
    for (const struct cli_opt *o = c->opts; o && o->name; o++) {
        int req = (o->flags & (CLI_REQUIRED | CLI_SHOWN_REQUIRED)) != 0;
        fputs(req ? " " : " [", f);
        opt_tag(f, o);
        if (!req)
            fputc(']', f);
    }
    fputc('\n', f);
    para(f, _(c->summary));
    if (c->help) {
        fputs(".sp\n", f);
        para(f, _(c->help));
    }
    if (c->opts && c->opts->name) {
        fputs(".RS\n", f);
        options(f, c->opts);
        fputs(".RE\n", f);
    }
}

static void section(FILE *f, const char *title)
{
    fputs(".SH ", f);
    roff(f, title);
    fputc('\n', f);
}

/* A tagged paragraph: tag in bold, text translated. */
static void entry(FILE *f, const char *tag, const char *text)
{
    fputs(".TP\n\\fB", f);
    roff(f, tag);
    fputs("\\fR\n", f);
    para(f, text);
}

void cli_man(FILE *f)
{
    /* The coding line tells man's preconv the page is UTF-8 whatever the reader's locale. */
    fputs("'\\\" -*- coding: UTF-8 -*-\n", f);
    fprintf(f, ".TH DPF 1 \"\" \"dpf %s\" \"", DPF_VERSION);
    roff(f, _("User Commands"));
    fputs("\"\n.nh\n.ad l\n", f);
    section(f, _("NAME"));
    fputs("dpf \\- ", f);
    para(f, _("the register and case work of a district Disabled Persons' Federation"));
    section(f, _("SYNOPSIS"));
    fputs("\\fBdpf\\fR [\\fB\\-\\-db\\fR \\fIFILE\\fR] [\\fB\\-\\-lang\\fR \\fILANG\\fR] "
          "\\fICOMMAND\\fR ...\n", f);
    section(f, _("DESCRIPTION"));
    para(f, _("dpf alone at a terminal opens the screens; with its output piped it prints the "
              "summary. A command does one piece of work and ends. `dpf COMMAND --help` "
              "explains one command, `dpf GROUP --help` lists a group's commands."));
    section(f, _("OPTIONS"));
    options(f, cli_global_opts);
    section(f, _("COMMANDS"));
    for (const struct cli_cmd *c = cli_commands; c->name; c++)
        command(f, c);
    section(f, _("ENVIRONMENT"));
    entry(f, "DPF_DB", _("the database when --db is not given"));
    entry(f, "XDG_DATA_HOME", _("the default database is $XDG_DATA_HOME/dpf/dpf.db"));
    entry(f, "LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
          _("the language of messages; a locale that names none (C, C.UTF-8) gives Chinese"));
    section(f, _("FILES"));
    entry(f, "~/.local/share/dpf/dpf.db", _("the database by default"));
    entry(f, DPF_DATADIR "/dpf.db",
          _("the database of the installed dpf (setgid), which ignores DPF_DB and uses no "
            "file outside this folder; its backups are in backup/ beside it"));
    section(f, _("EXIT STATUS"));
    para(f, _("0 done, 1 failed or rejected, 2 a usage error."));
}
