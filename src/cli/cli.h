/* SPDX-License-Identifier: MIT */
/* The batch command line: a command is one row (struct cli_cmd) in its group's table, which
 * sits in the file of its handlers (cmd_*.c: cli_subsidy_rows[] ...); main.c joins the
 * tables and dispatches. Handlers print results on stdout and errors on stderr, and return
 * an exit status. What they share sits below them: cli.c (the table, usage lines, failures),
 * cli_args.c (the option parser), cli_help.c (help from the rows), cli_open.c (the
 * database), cli_print.c (table cells), cli_access.c (who may do what).
 *
 * How to add a command:
 * 1. Write the handler in the file of its group, static:
 *      static int cmd_x(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
 *    read options with cli_has/cli_int/cli_str/cli_fen (by long name) and positionals from
 *    a->operands / a->noperands; call cli_open(c, 0) before touching the database; report
 *    a usage problem the parser cannot see with cli_usage(self, _("...")).
 * 2. Give it an option table, {0}-terminated: { name, kind, flags (CLI_REQUIRED), arg shown
 *    in usage (NULL: from the kind or the codes), help msgid, codes (CK_CHOICE), need (what
 *    using it needs beyond the row: --full-id's role) }. The parser checks every value by
 *    its kind, the required options and min/max_operands before the handler runs.
 * 3. Add its row to the group's table: { .group, .name, .operands, .min_operands,
 *    .max_operands, .need (NEED_READ ... NEED_ADMIN; NEED_NONE fails the rows test),
 *    .opts, .summary, .help, .run }. A new group's table is declared below and listed in
 *    main.c's groups[]. Usage lines and every --help are made from the row.
 * 4. New msgids: make pot, msgmerge, translate in po/zh_CN.po; tests/cli/cases/commands.sh
 *    walks every row (its --help names each option; each has a need).
 */
#ifndef DPF_CLI_H
#define DPF_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "dpf/access.h"
#include "dpf/db.h"
#include "dpf/err.h"

enum cli_exit { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct cli {
    const char *db_path;
    struct db *db;
    const char *prog;
    enum cap need;          /* what the command may do, checked when the database opens */
    const struct cli_cmd *cmd;  /* the command being run */
    const char *option;     /* a guarded option it was given (cli_option), or NULL */
    char origin[48];        /* "person show": named in the audit rows of disclosures */
};

/* A row's capability: enum cap + 1, so that a row that names none (0, NEED_NONE) is told
 * from one every user may run; the rows test fails on NEED_NONE. (enum cap itself is stored
 * in the database by the kinds it defines, so it keeps its numbers.) In an option's row, 0
 * means nothing beyond the command's. */
enum cli_need {
    NEED_NONE = 0,
    NEED_READ = CAP_READ + 1,
    NEED_REGISTER = CAP_REGISTER + 1,
    NEED_REVIEW = CAP_REVIEW + 1,
    NEED_MANAGE = CAP_MANAGE + 1,
    NEED_ADMIN = CAP_ADMIN + 1,
};

/* What an option's value must be; cli_args.c checks it and names the option and the kind
 * in its message. */
enum cli_kind {
    CK_FLAG,        /* no value */
    CK_TEXT,        /* any text */
    CK_FILE,        /* a file name, not empty */
    CK_YEAR,        /* 2000-2999: cli_int */
    CK_MONTH,       /* YYYY-MM: cli_int gives month_parse's number, cli_str the text */
    CK_DATE,        /* a date as a date field takes it: cli_str gives YYYY-MM-DD */
    CK_MONEY,       /* yuan (money_parse): cli_money gives fen */
    CK_COUNT,       /* a whole number, 0 or more: cli_int */
    CK_ID,          /* a record number, 1 or more: cli_int */
    CK_CHOICE,      /* one of codes: cli_int gives its index, cli_str the text */
};

/* CLI_REQUIRED: the parser refuses the command without it. CLI_SHOWN_REQUIRED: required in
 * usage, but the handler checks it with a message of its own. CLI_KIND_YEAR: only in the
 * rows of the module kinds exported by year (EF_EXPORT_YEAR, cli_kinds.c). CLI_KIND_PERSONS:
 * only in the rows of kinds whose rows are persons (EF_PERSONS). CLI_KIND_PERSONAL: only in
 * the rows of kinds with a field masked unless asked for (FF_SENSITIVE: --full-id). */
enum { CLI_REQUIRED = 1 << 0, CLI_SHOWN_REQUIRED = 1 << 1, CLI_KIND_YEAR = 1 << 2,
       CLI_KIND_PERSONS = 1 << 3, CLI_KIND_PERSONAL = 1 << 4 };

struct cli_opt {
    const char *name;           /* "year": --year */
    enum cli_kind kind;
    unsigned flags;             /* CLI_REQUIRED */
    const char *arg;            /* the value in usage lines, "YYYY"; NULL: from the kind */
    const char *help;           /* one line for --help, an English msgid, or NULL */
    const char *const *codes;   /* CK_CHOICE: the values, NULL-terminated */
    enum cli_need need;         /* using it needs this too (--full-id), checked by cli_open */
};

/* The parsed arguments of a converted command (cli_args.c), read with cli_has & co. */
#define CLI_MAX_OPTS 16
struct cli_args {
    const struct cli_cmd *cmd;
    struct cli_val {
        int given;
        const char *str;        /* as given; a date: YYYY-MM-DD */
        long long num;          /* year, month number, count, id, choice index, fen */
        char date[11];
    } v[CLI_MAX_OPTS];
    char **operands;            /* the positionals, in order */
    int noperands;
};

/* One command: `dpf GROUP NAME ...` (GROUP NULL: `dpf NAME ...`). See "How to add a
 * command" at the top of this file. */
struct cli_cmd {
    const char *group;          /* "subsidy"; NULL for a top-level command */
    const char *name;           /* "apply" */
    const char *operands;       /* usage of the positionals, "CERT|ID"; NULL: none */
    int min_operands, max_operands;     /* max -1: any number */
    const char *summary;        /* one line, an English msgid */
    const char *help;           /* more lines for `--help`, or NULL */
    enum cli_need need;         /* required: NEED_NONE fails the rows test */
    const struct cli_opt *opts; /* NULL-name-terminated, or NULL */
    int (*run)(struct cli *c, const struct cli_cmd *self, const struct cli_args *a);
};

/* The groups' tables, each in the file of its handlers, {0}-terminated. */
extern const struct cli_cmd cli_setup_rows[], cli_register_rows[], cli_person_rows[],
    cli_yearly_rows[], cli_subsidy_rows[], cli_review_rows[], cli_rehab_rows[],
    cli_insurance_rows[], cli_claim_rows[], cli_report_rows[], cli_admin_rows[],
    cli_place_rows[];

/* The command table in use, with a row per kind of record for template, import and export:
 * main.c joins the groups' tables, which sit above cli.c, and hands the result over at
 * start (cli_set_commands), and cli_kinds.c when a database adds kinds (cli.c). */
extern const struct cli_cmd *cli_commands;
void cli_set_commands(const struct cli_cmd *table);

/* Parses argv (argv[0] the command's name) by cmd's option table into a: each value checked
 * by its kind, required options and the number of operands too, guarded options recorded
 * (cli_option). EXIT_OK, or EXIT_USAGE with the problem and usage printed (cli_args.c). */
int cli_parse(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv, struct cli_args *a);
/* Typed access by option name: a name not in the row's table aborts (a programming error). */
int cli_has(const struct cli_args *a, const char *name);
long long cli_int(const struct cli_args *a, const char *name);
const char *cli_str(const struct cli_args *a, const char *name);   /* NULL if not given */
int64_t cli_fen(const struct cli_args *a, const char *name);

/* Help made from the rows (cli_help.c): `dpf --help`'s list, a group's, a command's; the
 * hidden `dpf help --rows` listing for the rows test. */
void cli_help_overview(FILE *f);
/* Prints the rows of group (NULL: the top-level ones) on f, or with f NULL only counts
 * them; 0 if there are none. */
int cli_help_group(FILE *f, const char *group);
void cli_help_command(FILE *f, const struct cli_cmd *cmd);
void cli_help_rows(FILE *f);
/* The global options (--db, --lang, --help, --version), {0}-terminated (cli.c). */
extern const struct cli_opt cli_global_opts[];
/* The hidden `dpf help --man`: dpf(1) in roff, in the language of the messages (cli_man.c). */
void cli_man(FILE *f);
/* The hidden `dpf help --completion LANG...`: the bash completion script, --lang offering
 * langs (cli_complete.c). */
void cli_completion(FILE *f, int nlangs, char **langs);
/* `dpf help [GROUP [CMD]]`. */
int cli_help(int argc, char **argv);
/* The row for `GROUP NAME` or `NAME` at argv; *used: how many words it took. */
const struct cli_cmd *cli_lookup(int argc, char **argv, int *used);

/* Where the database is by default: $XDG_DATA_HOME/dpf/dpf.db (~/.local/share/...), or the
 * installed data folder's when dpf runs setgid (cli_open.c). */
const char *cli_default_db(void);

/* The name of a row that stands for every kind of record (dpf/entity.h). */
#define CLI_KINDS "KIND"
/* rows with a row for each entity in place of each CLI_KINDS row (with db, the kinds the
 * database defines too); the table lives until the program ends (cli_kinds.c). */
const struct cli_cmd *cli_kinds_table(const struct cli_cmd *rows, struct db *db);
/* When `name` is a command of kinds: reads the kinds the database at path defines into
 * cli_commands. 1 if it did. */
int cli_kinds_of_db(const char *name, const char *path);
/* The capability a kind's row needs (an import: the entity's); 0 if cmd is not one. */
int cli_kind_cap(const struct cli_cmd *cmd, enum cap *cap);

/* Opens the database named by --db / DPF_DB / the default and checks that the user may do
 * what the command needs (c->need); prints the error if either fails. flags: DB_CREATE
 * (init, demo: a file it creates gets its creator as admin), CLI_NO_ACCESS (the command
 * makes its own check: naming the first admin of a file without users). */
enum { CLI_NO_ACCESS = 1 << 8 };
int cli_open(struct cli *c, unsigned flags);
/* What a command needs (cli_access.c): its row's need, or for a kind's import the entity's. */
enum cap cli_cap(const struct cli_cmd *cmd);
/* Records that the handler was given a guarded option ("full-id"): cli_open checks it too,
 * against the option table, before the command touches the data. */
void cli_option(struct cli *c, const char *name);
/* What using option with cmd needs (cli_access.c): the option row's need; for a legacy row
 * the table in cli_access.c; an option neither names needs the admin. */
enum cap cli_option_cap(const struct cli_cmd *cmd, const char *option);
/* Writes the audit row of a disclosure (audit_disclose) before the data is shown; prints
 * why not and returns EXIT_FAIL if it fails, and then nothing may be shown. */
int cli_disclose(struct cli *c, const char *what, int64_t person_id);
/* s fit to print on a terminal (text_safe into buf): text from the database goes through
 * it, so an ESC sequence stored in a reason cannot erase lines. */
const char *cli_safe(const char *s, char *buf, size_t cap);
/* Prints "dpf: message" on stderr and returns EXIT_FAIL. */
int cli_fail(const struct dpf_err *err);
/* What o's value looks like in usage ("YYYY", "FILE", a choice's codes as "a|b" written
 * into buf); "" for a flag. */
const char *cli_opt_value(const struct cli_opt *o, char *buf, size_t cap);
/* "  dpf GROUP NAME USAGE" on f, made from the row's operands and options. */
void cli_usage_line(FILE *f, const struct cli_cmd *cmd);
/* Prints a usage error for cmd and returns EXIT_USAGE. */
int cli_usage(const struct cli_cmd *cmd, const char *problem);
/* Date option --option (cli.c), checked as a date field is, into out as YYYY-MM-DD; else a
 * usage error naming the option and what is wrong (EXIT_USAGE). */
int cli_date_arg(const struct cli_cmd *self, const char *option, const char *s, char out[11]);

/* One table cell on stdout (cli_print.c), fitted to width terminal columns; right-aligned cells are set
 * off by a space so that wide headers never run together. */
void cli_cell(const char *s, int width, int right);
/* s made safe and padded to at least width terminal columns into buf, never clipped: for a
 * field inside a printed line, where "%-14s" would pad Chinese by bytes. */
const char *cli_pad(const char *s, int width, char *buf, size_t cap);
void cli_num(long n, int width);
/* A column of a table a command prints: its header (an English msgid), its width in
 * terminal columns, whether it is right-aligned, and (may be NULL) the field whose choices
 * it shows. cli_columns widens each column to its header as the UI language shows it and
 * to its longest shown choice, so that an English header or status is never cut or run
 * into the next; cli_heading prints the header line. The rows print with the same widths. */
struct field;
struct cli_col {
    const char *header;
    int width, right;
    const struct field *f;
};
void cli_columns(struct cli_col *cols, int n);
void cli_heading(const struct cli_col *cols, int n);
/* A report table as aligned lines (report_table_lines, made safe): the layout the workbook
 * has. EXIT_OK, or EXIT_FAIL out of memory. */
struct rtable;
int cli_table(const struct rtable *t);
/* "Definitions" and the numbered notes (a NULL-ended list of msgids) after a table. */
void cli_notes(const char *const *notes);

struct person;
/* The person's certificate number masked for printing (340102********123441). */
const char *cli_cert(const struct person *p, char *buf, size_t cap);

/* Amounts in fen printed as yuan ("1,500.00") in a cell. */
void cli_money(int64_t fen, int width);

#endif
