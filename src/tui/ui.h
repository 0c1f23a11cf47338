/* SPDX-License-Identifier: MIT */
/* The terminal front end's shared parts: the screen frame, the key table, the edit line,
 * and the one list widget and one form widget every module's screens are built from.
 * Screens call the core and show what it returns; nothing here touches SQL. */
#ifndef DPF_UI_H
#define DPF_UI_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>
#include "dpf/db.h"
#include "dpf/field.h"

/* The smallest terminal the screens are laid out for. */
enum { UI_MIN_COLS = 80, UI_MIN_LINES = 24 };

/* What a key does, by screen: keys are bound to actions in one table (ui_keys.c). */
enum ui_action {
    UA_NONE, UA_HELP, UA_NEW, UA_FIND, UA_EDIT, UA_FILTER, UA_STATUS, UA_HISTORY,
    UA_SAVE, UA_BACK, UA_QUIT, UA_OPEN, UA_NEXT_FIELD, UA_PREV_FIELD, UA_SUBSIDY,
    UA_MONTH, UA_EXPORT, UA_CONFIRM, UA_CONFIRM_ALL, UA_APPROVE, UA_PROGRAMMES,
    UA_NEXT_SECTION, UA_PREV_SECTION, UA_APPLY, UA_ADVANCE, UA_REFUSE, UA_STOP,
    UA_REHAB, UA_YEAR, UA_INSTITUTIONS, UA_PROJECTS, UA_DELETE, UA_ASSESS, UA_AGREE,
    UA_SERVE, UA_RESCUE, UA_INSURANCE, UA_BUILD, UA_CLAIMS, UA_FIGURES, UA_STEPS, UA_PERIOD, UA_PICK,
};
enum ui_context {
    UC_MAIN = 1, UC_LIST = 2, UC_FORM = 4, UC_VIEW = 8, UC_REVIEW = 16, UC_ENROL = 32,
    UC_PROGS = 64, UC_RULES = 128, UC_REHAB = 256, UC_RLIST = 512, UC_RPERSON = 1024,
    UC_IPOL = 2048, UC_CLAIMS = 4096, UC_REPORT = 8192, UC_FIGURES = 16384,
    UC_PLACES = 32768,
};

/* A key press: a function or cursor key (code, from KEY_*) or a character (ch). */
struct ui_key {
    int is_code;
    wint_t ch;
};

enum ui_action ui_key_action(unsigned context, struct ui_key k);
struct ui;
/* ui_key_action, then the user's role: an action the user may not take comes back as
 * UA_NONE, with the reason on the status line. Screens that change data dispatch on this. */
enum ui_action ui_action(struct ui *ui, unsigned context, struct ui_key k);
/* The labelled keys of a screen, in table order, for its function-key bar and help: up to
 * max of them into out (label translated); returns how many. */
enum { UI_KEY_LABELS = 32 };
struct ui_key_label {
    const char *name;           /* "F2" */
    const char *label;          /* "新增" */
};
int ui_key_labels(unsigned context, struct ui_key_label *out, int max);
/* Help text: one line per key of a screen ("F2  新增"). */
enum { UI_HELP_LINE = 256 };
int ui_key_help(unsigned context, char lines[][UI_HELP_LINE], int max);

/* The session: the database and what the status line shows. */
struct ui {
    struct db *db;
    const char *db_path;
    long persons;               /* persons in the register, for the status line */
    int filtered;               /* a list narrowed by a search or filter is on screen: */
    long listed;                /* the persons it holds, for the status line */
    char message[512];          /* shown once on the status line, then cleared */
    char shown[512];            /* the message of the frame being drawn (ui_show) */
};

/* Reads a key, waiting, then the clock: every screen reads its keys here, so each action
 * has the time of its key. KEY_RESIZE arrives as a code like any other. While the terminal
 * is smaller than 80x24 the too-small notice stays and every key but Esc and F10 (the keys
 * that leave) is swallowed; when it is big enough again the key is KEY_RESIZE. */
struct ui_key ui_read_key(struct ui *ui);
/* True (and the screen says so) when the terminal is smaller than 80x24. */
int ui_too_small(void);
/* Clears the screen and draws the title line, the status line and the key bar. The message
 * goes on the status line when it fits there; a longer one is drawn whole by ui_show. */
void ui_frame(struct ui *ui, const char *title, unsigned context);
/* Lines the frame's message takes above the status line (0: it fits on the status line);
 * a screen may keep them free of what it draws. */
int ui_message_lines(const struct ui *ui);
/* Ends a frame: the message too long for the status line, wrapped whole into the lines just
 * above it (over what the screen drew there), then the terminal refreshed. */
void ui_show(struct ui *ui);
/* Text at (y, x) fitted to width cells: clipped without splitting a character, padded
 * (ui_text.c, with the message: the bottom file every other one draws through). */
void ui_put(int y, int x, const char *s, int width, attr_t attr);
void ui_set_message(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Progress while work goes on (no key pressed): the status line now, the cursor left where
 * it was, nothing kept for the next frame (ui_screen.c). */
void ui_notice(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An error or a refusal for the status line: begins with a word a screen reader speaks
 * ("错误："), since its bold shows nothing to one. */
void ui_set_error(struct ui *ui, const char *msg);
/* A key refused (the wrong row or section, a locked month), or work that failed: the status
 * line says why, as ui_set_error does. */
void ui_refuse(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Plain mode (--plain, or DPF_PLAIN=1 in the clerk's environment): no reverse video and no
 * lines drawn with box characters; the marks and the cursor show what is selected. */
extern int ui_plain;
/* mvchgat, but no reverse video in plain mode. */
void ui_chgat(int y, int x, int n, attr_t attr);
/* Asks a yes/no question on the status line (wrapped above it when long); true for yes. */
int ui_confirm(struct ui *ui, const char *question);
/* Refreshes the persons count for the status line. */
void ui_count_persons(struct ui *ui);
/* Rows of a list on this screen size: all lines but title, search, header and two bars. */
int ui_list_rows(void);

/* A one-line editor of wide characters: Chinese input, cursor by character, drawn by
 * display column with horizontal scrolling. */
enum { UI_EDIT_MAX = 200 };
struct ui_edit {
    wchar_t buf[UI_EDIT_MAX + 1];
    int len, pos;
    int fresh;                  /* the next character typed replaces the text */
};
void ui_edit_set(struct ui_edit *e, const char *utf8);
void ui_edit_get(const struct ui_edit *e, char *out, size_t cap);
/* Handles editing keys; returns 1 if the text changed, 2 if only the cursor moved, 0 if
 * the key is not an editing key. */
int ui_edit_key(struct ui_edit *e, struct ui_key k);
/* Draws within width cells; with focus, leaves the terminal cursor at the edit point. */
void ui_edit_draw(const struct ui_edit *e, int y, int x, int width, int focus);

/* The list widget: columns, one page of rows from a source, a selection. The source keeps
 * its own keyset cursors; the list only asks for page n. */
enum { UI_LIST_COLS = 10, UI_LIST_ROWS = 200 };
struct ui_list_col {
    const char *header;         /* translated */
    int width;                  /* cells */
    int right;                  /* a column of figures: aligned right */
};
struct ui_list_row {
    int64_t id;
    char *cells[UI_LIST_COLS];
};
struct ui_list {
    int ncols;
    struct ui_list_col cols[UI_LIST_COLS];
    struct ui_list_row rows[UI_LIST_ROWS];
    int nrows, page, sel, limit;
    int spare;                  /* lines of the screen not for rows: a resize keeps them */
    long total;                 /* rows the source holds, if its fetch says (End); else -1 */
    /* Adds up to limit rows of page (0-based) with ui_list_add; returns DPF_OK or an error. */
    int (*fetch)(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err);
    void *ctx;
    const char *empty;          /* shown when there are no rows; NULL: "(no persons match)" */
};
int ui_list_add(struct ui_list *l, int64_t id, const char *const *cells);
/* For a source held in memory, rows first..n-1: adds page's rows (limit a page), each with
 * its index as id and its cells from cell(ctx, row, column). */
int ui_list_add_page(struct ui_list *l, int page, int limit, int n,
                     const char *(*cell)(void *ctx, int row, int col), void *ctx,
                     struct dpf_err *err);
void ui_list_clear(struct ui_list *l);

/* Rows held in memory for a list (ui_rows.c): each row a copy of its cells (ncols, which
 * may be more than the list shows), an id and a tag for the screen's own use. Rows grow
 * without limit; a row that cannot be stored marks the set failed (ui_rows_report says
 * so) instead of vanishing. A list takes them with .fetch = ui_rows_fetch, .ctx = &rows;
 * a row's list id is its index. */
struct ui_rows_row {
    int64_t id;
    int tag;
    char *cells[UI_LIST_COLS];
};
struct ui_rows {
    int ncols, n, cap, failed;
    struct ui_rows_row *row;
};
void ui_rows_init(struct ui_rows *r, int ncols);
/* Copies cells[0..ncols-1] (NULL: empty) as a new row: DPF_OK or DPF_ENOMEM. */
int ui_rows_add(struct ui_rows *r, int64_t id, int tag, const char *const *cells);
/* The cell, or "" outside the rows. */
const char *ui_rows_cell(const struct ui_rows *r, int row, int col);
/* Empties the rows for a reload; ui_rows_free also gives back the block. */
void ui_rows_reset(struct ui_rows *r);
void ui_rows_free(struct ui_rows *r);
/* If a row could not be stored, says so on the status line and returns DPF_ENOMEM. */
int ui_rows_report(struct ui *ui, const struct ui_rows *r);
int ui_rows_fetch(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err);
/* Loads page (rows as many as fit: limit); keeps the selection within the page. */
int ui_list_load(struct ui_list *l, int page, int limit, struct dpf_err *err);
/* Draws the header and the page from column UI_LIST_MARGIN; the selected row has ">" in
 * the margin (and reverse video) and the terminal's cursor on it. One column: the widest
 * lists (the review's) still show their last column at 80. */
enum { UI_LIST_MARGIN = 1 };
void ui_list_draw(const struct ui_list *l, int y, int height);
/* Moves the selection, paging as needed; returns 1 if the key was a movement key.
 * KEY_RESIZE is one: the page takes the rows that now fit (LINES less the spare lines of the
 * last load with a new size) and keeps the selected row, for a source that pages by index. */
int ui_list_key(struct ui_list *l, struct ui_key k, struct dpf_err *err);
int64_t ui_list_selected(const struct ui_list *l);

/* The one run loop (ui_run.c): a screen is a description, the loop owns the frame, the keys,
 * resize, help, back and reload. A screen's handler answers each action with what the loop
 * does next. A list screen's rows come from load (into ui_rows) or, for a source that pages
 * itself, from fetch; a text screen (UI_TEXT) scrolls its rows as lines. */
enum ui_result {
    UR_PASS,                    /* not the handler's: the loop's own meaning (back, help, moving) */
    UR_STAY,                    /* done; draw again */
    UR_RELOAD,                  /* the data changed: load again, keeping the place */
    UR_TOP,                     /* load again from the first row (a new query or year) */
    UR_LEAVE,                   /* leave the screen */
};
enum { UI_TEXT = 1, UI_MENU = 2 };  /* UI_MENU: a list with no header line */
struct ui_run;
struct ui_screen {
    unsigned context;           /* the key table's screen: key bar, actions, help keys */
    unsigned flags;
    const char *const *intro;   /* help's opening lines (msgids, NULL-terminated), or NULL */
    int ncols;                  /* columns (a list), from msgids and widths */
    const char *const *headers; /* NULL: columns set by load, or none (UI_MENU) */
    const int *widths;
    const unsigned char *right; /* optional: 1 for a column of figures, aligned right */
    const char *empty;          /* msgid shown when there are no rows; NULL: "(no records)" */
    int head;                   /* lines between the title and the list, drawn by draw_head */
    const char *name;           /* the title (a msgid), when it never changes */
    /* Otherwise the title, translated, into buf. */
    void (*title)(struct ui_run *r, char *buf, size_t cap);
    /* Optional: the head lines (1..head). */
    void (*draw_head)(struct ui_run *r);
    /* Fills r->rows (emptied before); an error goes to the status line. With fetch,
     * optional: readies fetch's source before each load of the list (a screen whose
     * columns change sets them on r->list here, after ui_list_clear). */
    void (*load)(struct ui_run *r);
    /* Instead of load: a source of its own for the list (keyset pages). */
    int (*fetch)(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err);
    /* Optional: an action of the key table; a key no action names comes as UA_NONE. */
    enum ui_result (*act)(struct ui_run *r, enum ui_action a, struct ui_key k);
    /* Optional: help of its own instead of intro and keys. */
    void (*help)(struct ui_run *r);
};
/* What the loop holds, as a screen's handlers see it. */
struct ui_run {
    struct ui *ui;
    const struct ui_screen *s;
    void *ctx;                  /* the screen's own state */
    struct ui_rows rows;        /* load's rows */
    struct ui_list list;
    int top;                    /* UI_TEXT: the first line shown */
};
/* Runs the screen until it is left: a handler's UR_LEAVE, or back (Esc, F10) it passes. */
void ui_run(struct ui *ui, const struct ui_screen *s, void *ctx);
/* The selected row of load's rows, or NULL (none, or a fetch source). */
const struct ui_rows_row *ui_run_row(const struct ui_run *r);
/* The rows a list shows on this screen: the lines below the title, the head, the header
 * and above the two bars. */
int ui_run_limit(const struct ui_run *r);

/* The list adapter for the core's typed tables (ui_table.c). The columns of t a screen
 * picks (cols[0..n-1]; cols NULL: all) become the list's, with the table's headers and widths,
 * then `extra` columns of the screen's own (it sets their header and width); load empties the
 * rows before, so call it from load. */
struct rtable;
void ui_table_columns(struct ui_run *r, const struct rtable *t, const int *cols, int n,
                      int extra);
/* Adds row `row` of t in those columns, each cell as report_cell_text writes it (figures
 * right-aligned), then the extra cells (NULL-terminated, or NULL); tag is the table row. */
int ui_table_add(struct ui_run *r, const struct rtable *t, int row, const int *cols,
                 int64_t id, const char *const *extra);
/* The whole table in those columns (ui_table_columns, then every row with its index as id);
 * rc is the builder's: a table it could not build marks the rows failed ("Out of memory"). */
void ui_table_show(struct ui_run *r, const struct rtable *t, const int *cols, int n, int rc);

struct ui_lines;
/* The form widget: one line per field of a field table, labels translated, inline errors.
 * The caller's save callback checks the record as a whole and names the bad field. */
/* A form's lines: the longest is a claim's, its own lines and four for each of a policy's
 * COVER_MAX coverage items (ui_claims.c asserts it fits). */
enum { UI_FORM_FIELDS = 48 };
struct ui_form {
    const char *title;
    int n;
    const struct field *fields[UI_FORM_FIELDS];
    struct ui_edit edit[UI_FORM_FIELDS];
    char error[UI_FORM_FIELDS][512];
    int cur, top, dirty;
    /* Returns DPF_OK, or an error whose field (a key) names the line to show it on. */
    int (*save)(void *ctx, struct ui_form *f, struct dpf_err *err);
    /* Optional: a rule of the entity for one parsed value, checked as the clerk leaves it. */
    int (*check)(void *ctx, const struct field *fd, const char *value, struct dpf_err *err);
    /* Optional: choices known at run time for a text line (institutions): adds them to out
     * and returns how many (0: the line has none). The picker offers them. */
    int (*choices)(void *ctx, const struct field *fd, const struct ui_form *f,
                   struct ui_lines *out);
    /* Optional: called when the clerk leaves line `line` with a good value, to fill the lines
     * that follow from it (ui_form_derive). */
    void (*left)(void *ctx, struct ui_form *f, int line);
    void *ctx;
    unsigned char derived[UI_FORM_FIELDS];  /* filled by ui_form_derive, not typed */
};
void ui_form_init(struct ui_form *f, const char *title, const struct field *table,
                  const int *which, int n);
/* Shows a canonical value as the clerk would type it (choice names, 是/否). */
void ui_form_set(struct ui_form *f, int i, const char *canonical);
/* Fills line i with a value derived from another line (shown dimmed, marked as derived),
 * unless the clerk typed something there. */
void ui_form_derive(struct ui_form *f, int i, const char *canonical);
/* The line whose field has key, or -1. */
int ui_form_line(const struct ui_form *f, const char *key);
/* The typed text of line i (UTF-8). */
void ui_form_text(const struct ui_form *f, int i, char *out, size_t cap);
/* Line i's value parsed (malloc'd, NULL if empty), or DPF_EINVAL with the error shown at
 * the line and in err (naming the field), ready to return from a save callback. */
int ui_form_parse(struct ui_form *f, int i, const char *today, char **out,
                  struct dpf_err *err);
/* Runs the form: 1 when saved, 0 when the clerk left it (asked first if anything changed). */
int ui_form_run(struct ui *ui, struct ui_form *f);

/* A scrolling page of text lines (help, history) on the run loop; Esc or F10 leaves. */
void ui_view_run(struct ui *ui, const char *title, char **lines, int n);
/* Text lines gathered for a view, in a block that doubles as it fills: no line is dropped;
 * a line that cannot be stored marks the set failed, and ui_lines_run says so. */
struct ui_lines {
    char **v;
    int n, cap, failed;
};
/* Appends a copy of text: DPF_OK, or DPF_ENOMEM (then failed is set and stays). */
int ui_lines_add(struct ui_lines *ls, const char *text);
void ui_lines_free(struct ui_lines *ls);
/* Appends text split into lines of at most width cells (CJK characters are two), broken
 * after the last space when there is one (ui_lines.c). */
void ui_lines_wrap(struct ui_lines *ls, const char *text, int width);
/* Shows the lines (ui_view_run), first saying "Out of memory" if any was lost. */
void ui_lines_run(struct ui *ui, const char *title, const struct ui_lines *ls);
/* Choice c (from 0) of fd as a screen shows it, in the UI language (field_show); the text
 * lasts until the next call. */
const char *ui_choice_shown(const struct field *fd, int c);
/* A field's choices as a picker lists them ("1 男"; 是, 否 for a flag; "1 Male" in
 * English): how many, 0 for a field without (ui_field.c). */
int ui_field_choices(const struct field *fd, struct ui_lines *out);
/* What a field accepts, for F1 in a form: its label, rule, format and choices, wrapped to
 * width; has_runtime: the form offers a list of names for it. */
void ui_field_help(const struct field *fd, int has_runtime, struct ui_lines *out, int width);
/* The help screen of a context: the intro lines (NULL-terminated, msgids), then its keys. */
void ui_help_run(struct ui *ui, unsigned context, const char *const *intro);

/* The picker (ui_pick.c): a popup list over the screen, type to narrow, Enter to choose;
 * with multi, Space ticks items and Enter takes the ticked set. */
struct ui_pick {
    const char *title;
    char *const *items;
    int n;
    int multi;
    unsigned char *on;          /* multi: ticked items, in and out (n of them) */
    int sel;                    /* single: the item to start on, then the one chosen */
    /* Draws the screen beneath (again after a resize); ends with ui_show or refresh. */
    void (*under)(void *ctx);
    void *ctx;
};
/* 1 when chosen (sel, or the ticked set in on), 0 when the clerk left with Esc. */
int ui_pick_run(struct ui *ui, struct ui_pick *p);

/* Asks for one value in a small form: 1 when given (*out the canonical value, malloc'd,
 * NULL if left empty), 0 when the clerk left. `initial` is canonical too. */
int ui_ask(struct ui *ui, const char *title, const struct field *f, const char *initial,
           char **out);

/* Asks for a year (2000-2100) starting from *year; 1 when given. */
int ui_ask_year(struct ui *ui, int *year);
/* Asks for a file to write, starting from `initial`: 1 when it may be written (*path
 * malloc'd; *oflags OUT_FORCE when the clerk agreed to replace an existing file), 0 when the
 * clerk left, said no, or the name was refused (the reason on the status line). */
int ui_ask_file(struct ui *ui, const char *title, const char *initial, char **path,
                unsigned *oflags);
/* For a form's choices: the place list's townships for a line keyed "township", the villages
 * of the form's township for one keyed "village" (ui_places.c); how many were added. */
int ui_place_choices(struct ui *ui, const struct field *fd, const struct ui_form *f,
                     struct ui_lines *out);
/* The place list's screen: townships and their villages with codes, kept by the manager. */
int ui_places(struct ui *ui);
/* Screens. */
int ui_person_list(struct ui *ui);
int ui_review(struct ui *ui);
int ui_programmes(struct ui *ui);
/* A person's subsidies: enrolments and their steps. */
void ui_enrol_person(struct ui *ui, int64_t person_id);
/* Rehabilitation: the year's rates, institutions, projects (ui_rehab.c), a person's page
 * (ui_rehab_person.c), and the form of any rehabilitation record (ui_rehab_form.c). */
int ui_rehab(struct ui *ui);
void ui_rehab_person(struct ui *ui, int64_t person_id);
/* Edits record id of kind (0: a new one, for the person with certificate cert when the kind
 * has a person). 1 when saved. */
int ui_rehab_form(struct ui *ui, int kind, int64_t id, const char *cert, const char *title);
/* Asks for a file name and exports the kind's list of the year there. */
void ui_rehab_export(struct ui *ui, int kind, int year);
/* Accident insurance: the policies with their rosters (ui_insurance.c); the claims of a
 * year, or of one person (person_id > 0) with the policies they are insured under, and the
 * claim form (ui_claims.c); the year's figures (ui_insurance_figures.c). */
int ui_insurance(struct ui *ui);
void ui_claims(struct ui *ui, int year, int64_t person_id);
void ui_insurance_figures(struct ui *ui, int year);
/* The projects of a year with their targets (the manager sets them here). */
void ui_rehab_projects(struct ui *ui, int *year);
/* The year-end or period report: its tables on screen, export to .xlsx (ui_report.c). */
int ui_report(struct ui *ui);

#endif
