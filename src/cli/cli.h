/* SPDX-License-Identifier: MIT */
/* The batch command line: one table of commands (main.c), each a handler over the core
 * (cmd_*.c). Handlers print results on stdout and errors on stderr, and return an exit
 * status. What they share sits below them: cli.c (table rows, usage, failures), cli_open.c
 * (the database), cli_print.c (table cells), cli_access.c (who may do what). */
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

struct cli_cmd {
    const char *name;       /* "import" */
    const char *object;     /* "persons", or NULL for a command without one */
    const char *args;       /* usage after the name, e.g. "FILE [--dry-run]" */
    const char *summary;    /* one line, an English msgid */
    const char *help;       /* more lines for `--help`, or NULL */
    int (*run)(struct cli *c, int argc, char **argv);
};

/* The command table in use, with a row per kind of record for template, import and export:
 * main.c's rows hold every handler, so they sit above them; main hands the table over at
 * start (cli_set_commands) and cli_kinds.c when a database adds kinds (cli.c). */
extern const struct cli_cmd *cli_commands;
void cli_set_commands(const struct cli_cmd *table);

/* Where the database is by default: $XDG_DATA_HOME/dpf/dpf.db (~/.local/share/...), or the
 * installed data folder's when dpf runs setgid (cli_open.c). */
const char *cli_default_db(void);

/* The object of a row that stands for every kind of record (dpf/entity.h). */
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
/* What a command needs (cli_access.c): CAP_READ unless the table says more. */
enum cap cli_cap(const struct cli_cmd *cmd);
/* Records that the handler was given a guarded option ("full-id"): cli_open checks it too,
 * against the option table, before the command touches the data. */
void cli_option(struct cli *c, const char *name);
/* What using option with cmd needs (cli_access.c); an option the table does not name for
 * the command needs the admin. */
enum cap cli_option_cap(const struct cli_cmd *cmd, const char *option);
/* Writes the audit row of a disclosure (audit_disclose) before the data is shown; prints
 * why not and returns EXIT_FAIL if it fails, and then nothing may be shown. */
int cli_disclose(struct cli *c, const char *what, int64_t person_id);
/* s fit to print on a terminal (text_safe into buf): text from the database goes through
 * it, so an ESC sequence stored in a reason cannot erase lines. */
const char *cli_safe(const char *s, char *buf, size_t cap);
/* Prints "dpf: message" on stderr and returns EXIT_FAIL. */
int cli_fail(const struct dpf_err *err);
/* "  dpf NAME OBJECT ARGS" on f. */
void cli_usage_line(FILE *f, const struct cli_cmd *cmd);
/* Prints a usage error for cmd and returns EXIT_USAGE. */
int cli_usage(const struct cli_cmd *cmd, const char *problem);
/* The table row for a handler, for its usage message. */
const struct cli_cmd *cli_find(int (*run)(struct cli *, int, char **));
/* The row of a handler that serves several objects, for the object it was called for. */
const struct cli_cmd *cli_self(int (*run)(struct cli *, int, char **), const char *object);
/* A date option (cli.c), checked as a date field is, into out as YYYY-MM-DD; else a usage error
 * naming what is wrong (EXIT_USAGE). */
int cli_date_arg(const struct cli_cmd *self, const char *s, char out[11]);
/* True (and prints help) when argv asks for --help. */
int cli_wants_help(const struct cli_cmd *cmd, int argc, char **argv);

/* One table cell on stdout (cli_print.c), fitted to width terminal columns; right-aligned cells are set
 * off by a space so that wide headers never run together. */
void cli_cell(const char *s, int width, int right);
void cli_num(long n, int width);

struct person;
/* The person's certificate number masked for printing (340102********123441). */
const char *cli_cert(const struct person *p, char *buf, size_t cap);

/* Handlers, one file per area. */
int cmd_init(struct cli *c, int argc, char **argv);
int cmd_demo(struct cli *c, int argc, char **argv);
int cmd_check(struct cli *c, int argc, char **argv);
int cmd_summary(struct cli *c, int argc, char **argv);
int cmd_template(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
int cmd_person_show(struct cli *c, int argc, char **argv);
int cmd_person_history(struct cli *c, int argc, char **argv);
int cmd_person_status(struct cli *c, int argc, char **argv);
int cmd_update_record(struct cli *c, int argc, char **argv);
int cmd_update_summary(struct cli *c, int argc, char **argv);
int cmd_subsidy_programmes(struct cli *c, int argc, char **argv);
int cmd_subsidy_show(struct cli *c, int argc, char **argv);
int cmd_subsidy_apply(struct cli *c, int argc, char **argv);
int cmd_subsidy_advance(struct cli *c, int argc, char **argv);
int cmd_subsidy_refuse(struct cli *c, int argc, char **argv);
int cmd_subsidy_stop(struct cli *c, int argc, char **argv);
int cmd_subsidy_review(struct cli *c, int argc, char **argv);
int cmd_subsidy_approve(struct cli *c, int argc, char **argv);
int cmd_subsidy_roster(struct cli *c, int argc, char **argv);
int cmd_subsidy_totals(struct cli *c, int argc, char **argv);
int cmd_rehab_rates(struct cli *c, int argc, char **argv);
int cmd_rehab_projects(struct cli *c, int argc, char **argv);
int cmd_rehab_show(struct cli *c, int argc, char **argv);
int cmd_rehab_institutions(struct cli *c, int argc, char **argv);
int cmd_rehab_delete(struct cli *c, int argc, char **argv);
int cmd_insurance_policies(struct cli *c, int argc, char **argv);
int cmd_insurance_policy(struct cli *c, int argc, char **argv);
int cmd_insurance_cover(struct cli *c, int argc, char **argv);
int cmd_insurance_build(struct cli *c, int argc, char **argv);
int cmd_insurance_change(struct cli *c, int argc, char **argv);
int cmd_insurance_roster(struct cli *c, int argc, char **argv);
int cmd_insurance_figures(struct cli *c, int argc, char **argv);
int cmd_insurance_claims(struct cli *c, int argc, char **argv);
int cmd_insurance_show(struct cli *c, int argc, char **argv);
int cmd_insurance_move(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);
int cmd_user(struct cli *c, int argc, char **argv);
int cmd_audit(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);

/* Amounts in fen printed as yuan ("1,500.00") in a cell. */
void cli_money(int64_t fen, int width);

#endif
