/* SPDX-License-Identifier: MIT */
/* The form widget: one line per field (label, edit line, the field's error beside it),
 * driven by the entity's field table. A field is checked when the clerk leaves it; the
 * whole record when the clerk saves, and the error lands on the field it names. The current
 * line's error is also the frame's message, shown whole (wrapped) above the status line.
 * A line with choices opens the picker (F4; Space too where typing a space means nothing);
 * F1 explains the current line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/outfile.h"
#include "dpf/text.h"
#include "ui.h"

enum { LABEL_W = 14, LABEL_MAX = 24, VALUE_W = 30 };

void ui_form_init(struct ui_form *f, const char *title, const struct field *table,
                  const int *which, int n)
{
    memset(f, 0, sizeof *f);
    f->title = title;
    f->n = n > UI_FORM_FIELDS ? UI_FORM_FIELDS : n;
    for (int i = 0; i < f->n; i++) {
        f->fields[i] = &table[which[i]];
        ui_edit_set(&f->edit[i], "");
    }
}

void ui_form_set(struct ui_form *f, int i, const char *canonical)
{
    char buf[512];
    ui_edit_set(&f->edit[i], canonical ? field_show(f->fields[i], canonical, 0, buf, sizeof buf)
                                       : "");
}

void ui_form_derive(struct ui_form *f, int i, const char *canonical)
{
    if (i < 0 || i >= f->n || (f->edit[i].len && !f->derived[i]))
        return;
    ui_form_set(f, i, canonical);
    f->derived[i] = 1;
    f->error[i][0] = '\0';
}

int ui_form_line(const struct ui_form *f, const char *key)
{
    for (int i = 0; key && i < f->n; i++)
        if (strcmp(f->fields[i]->key, key) == 0)
            return i;
    return -1;
}

void ui_form_text(const struct ui_form *f, int i, char *out, size_t cap)
{
    ui_edit_get(&f->edit[i], out, cap);
}

int ui_form_parse(struct ui_form *f, int i, const char *today, char **out,
                  struct dpf_err *err)
{
    char text[UI_EDIT_MAX * 4 + 1];
    ui_form_text(f, i, text, sizeof text);
    if (field_parse(f->fields[i], text, today, out, err) != DPF_OK) {
        snprintf(f->error[i], sizeof f->error[i], "%s", err->msg);
        return DPF_EINVAL;
    }
    f->error[i][0] = '\0';
    return DPF_OK;
}

/* Checks line i on its own as the clerk leaves it. An empty line is left for the save to
 * judge: going back up the form should not mark the lines not yet reached. */
static void check(struct ui *ui, struct ui_form *f, int i)
{
    struct dpf_err err;
    char *v = NULL;

    if (f->edit[i].len == 0) {
        f->error[i][0] = '\0';
        return;
    }
    if (ui_form_parse(f, i, db_today(ui->db), &v, &err) == DPF_OK && v && f->check &&
        f->check(f->ctx, f->fields[i], v, &err) != DPF_OK)
        snprintf(f->error[i], sizeof f->error[i], "%s", err.msg);
    else if (v && f->left)
        f->left(f->ctx, f, i);
    free(v);
}

/* What the clerk may type into the field, for the status line. */
static void hint(struct ui *ui, const struct field *fd)
{
    char list[256] = "";
    switch (fd->type) {
    case FT_CHOICE:
        for (int c = 0; fd->choices[c]; c++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d %s", c ? "  " : "",
                     c + 1, ui_choice_shown(fd, c));
        ui_set_message(ui, _("Choices: %s (F4: list)"), list);
        break;
    case FT_CODES:
        ui_set_message(ui, "%s", _("Several choices: F4 or Space opens the list"));
        break;
    case FT_FLAG:
        ui_set_message(ui, "%s", _("Yes or no: type 是 or 否 (F4: list)"));
        break;
    case FT_DATE:
        ui_set_message(ui, "%s", _("Date: YYYY-MM-DD"));
        break;
    default:
        if ((fd->flags & FF_DERIVED))
            ui_set_message(ui, "%s", _("May be left empty: taken from the certificate number"));
        break;
    }
}

/* Moves to line i. A short coded value (a choice, a flag, a date) is replaced by what the
 * clerk types, as in a spreadsheet cell; text is added to. */
static void go(struct ui_form *f, int i)
{
    enum field_type t = f->fields[i]->type;
    f->cur = i;
    f->edit[i].fresh = t == FT_CHOICE || t == FT_FLAG || t == FT_DATE;
    f->edit[i].pos = f->edit[i].len;
}

/* The label column: LABEL_W cells, wider (up to LABEL_MAX) for a form whose labels are
 * longer, such as a claim's item lines ("意外身故/伤残 申请金额"). */
static int label_width(const struct ui_form *f)
{
    int w = LABEL_W;
    for (int i = 0; i < f->n; i++) {
        int lw = text_width(_(f->fields[i]->label)) + 2;    /* and "!", "*" */
        if (lw > w)
            w = lw < LABEL_MAX ? lw : LABEL_MAX;
    }
    return w;
}

/* What the error column shows for line i: its error, or that a derived value was not typed. */
static const char *note(const struct ui_form *f, int i, attr_t *attr)
{
    *attr = f->error[i][0] ? A_BOLD : A_DIM;
    return f->error[i][0] ? f->error[i] : f->derived[i] ? _("(from the certificate number)") : "";
}

static void draw(struct ui *ui, struct ui_form *f)
{
    int height, lw = label_width(f), err_x = lw + VALUE_W + 2;
    char label[128];

    if (!ui->message[0] && f->error[f->cur][0])
        ui_set_error(ui, f->error[f->cur]);
    else if (!ui->message[0])
        hint(ui, f->fields[f->cur]);
    ui_frame(ui, f->title, UC_FORM);
    /* The lines below the title down to the message: the status line's, or the lines a long
     * one takes above it (one line is kept free in any case, as before). */
    height = LINES - 3 - (ui_message_lines(ui) > 1 ? ui_message_lines(ui) : 1);
    if (height < 1)
        height = 1;
    if (f->cur < f->top)
        f->top = f->cur;
    if (f->cur >= f->top + height)
        f->top = f->cur - height + 1;
    for (int r = 0; r < height && f->top + r < f->n; r++) {
        int i = f->top + r;
        const struct field *fd = f->fields[i];
        attr_t a;
        const char *n = note(f, i, &a);
        /* A line in error is marked with "!" as well as its bold note: a screen reader
         * cannot see bold. */
        snprintf(label, sizeof label, "%s%s%s", f->error[i][0] ? "!" : "", _(fd->label),
                 (fd->flags & FF_REQUIRED) && !(fd->flags & FF_DERIVED) ? "*" : "");
        ui_put(1 + r, 0, label, lw, i == f->cur ? A_BOLD : 0);
        if (*n)
            ui_put(1 + r, err_x, n, COLS - err_x, a);
    }
    for (int r = 0; r < height && f->top + r < f->n; r++) {
        if (f->top + r == f->cur)
            continue;
        ui_edit_draw(&f->edit[f->top + r], 1 + r, lw + 1, VALUE_W, 0);
        if (f->derived[f->top + r])         /* a value not typed reads dimmer */
            mvchgat(1 + r, lw + 1, VALUE_W, A_DIM | A_UNDERLINE, 0, NULL);
    }
    ui_edit_draw(&f->edit[f->cur], 1 + f->cur - f->top, lw + 1, VALUE_W, 1);
    ui_show(ui);
}

/* F1: what the current line accepts, then the form's keys. */
static void field_help(struct ui *ui, struct ui_form *f)
{
    char keys[UI_KEY_LABELS][UI_HELP_LINE];
    struct ui_lines ls = { 0 }, names = { 0 };
    const struct field *fd = f->fields[f->cur];
    int runtime = f->choices && f->choices(f->ctx, fd, f, &names) > 0, nkeys;

    ui_field_help(fd, runtime, &ls, COLS - 1);
    if (runtime) {
        ui_lines_add(&ls, "");
        ui_lines_add(&ls, _("Known names:"));
        for (int i = 0; i < names.n; i++) {
            char line[UI_HELP_LINE];
            snprintf(line, sizeof line, "  %s", names.v[i]);
            ui_lines_add(&ls, line);
        }
    }
    ui_lines_add(&ls, "");
    nkeys = ui_key_help(UC_FORM, keys, UI_KEY_LABELS);
    for (int i = 0; i < nkeys; i++)
        ui_lines_add(&ls, keys[i]);
    ui_lines_run(ui, _("Help"), &ls);
    ui_lines_free(&names);
    ui_lines_free(&ls);
}

/* The picker's screen beneath: the form as it stands. */
struct beneath {
    struct ui *ui;
    struct ui_form *f;
};

static void draw_beneath(void *ctx)
{
    struct beneath *b = ctx;
    draw(b->ui, b->f);
}

/* The picker's items preset from the line's text: the ticked codes of a set, the chosen
 * choice, or the name typed. */
static void preset(struct ui *ui, struct ui_form *f, struct ui_pick *p)
{
    const struct field *fd = f->fields[f->cur];
    struct dpf_err err;
    char text[UI_EDIT_MAX * 4 + 1], *v = NULL;

    ui_form_text(f, f->cur, text, sizeof text);
    if (fd->type == FT_TEXT) {
        for (int i = 0; i < p->n; i++)
            if (strcmp(p->items[i], text) == 0)
                p->sel = i;
        return;
    }
    if (!text[0] || field_parse(fd, text, db_today(ui->db), &v, &err) != DPF_OK || !v)
        return;
    if (fd->type == FT_FLAG)
        p->sel = v[0] == '1' ? 0 : 1;
    else if (fd->type == FT_CHOICE)
        p->sel = atoi(v) - 1;
    else
        for (const char *c = v; *c; c++)
            if (*c - '1' >= 0 && *c - '1' < p->n)
                p->on[*c - '1'] = 1;
    free(v);
}

/* Writes the picked value into the line as the clerk would type it. */
static void take(struct ui_form *f, const struct ui_pick *p)
{
    const struct field *fd = f->fields[f->cur];
    char code[UI_FORM_FIELDS] = "";
    size_t n = 0;

    if (fd->type == FT_TEXT) {
        ui_edit_set(&f->edit[f->cur], p->items[p->sel]);
    } else if (fd->type == FT_FLAG) {
        ui_form_set(f, f->cur, p->sel == 0 ? "1" : "0");
    } else if (fd->type == FT_CHOICE) {
        snprintf(code, sizeof code, "%d", p->sel + 1);
        ui_form_set(f, f->cur, code);
    } else {
        for (int i = 0; i < p->n && i < 9; i++)
            if (p->on[i])
                code[n++] = (char)('1' + i);
        code[n] = '\0';
        ui_form_set(f, f->cur, n ? code : NULL);
    }
    f->dirty = 1;
    f->derived[f->cur] = 0;
    f->edit[f->cur].fresh = 1;
}

/* F4 (or Space on a line of choices): the picker for the current line. 0 when the line has
 * no choices, so that Space is typed as a space. */
static int pick(struct ui *ui, struct ui_form *f, struct ui_key k)
{
    const struct field *fd = f->fields[f->cur];
    struct ui_lines items = { 0 };
    struct beneath b = { ui, f };
    unsigned char on[UI_FORM_FIELDS] = { 0 };
    struct ui_pick p = { .title = _(fd->label), .multi = fd->type == FT_CODES, .on = on,
                         .under = draw_beneath, .ctx = &b };
    int space = !k.is_code;

    if (fd->type == FT_TEXT && !space && f->choices)
        f->choices(f->ctx, fd, f, &items);
    else if (fd->type != FT_TEXT)
        ui_field_choices(fd, &items);
    if (items.n == 0) {
        ui_lines_free(&items);
        if (!space && !ui->message[0])      /* the choices may have said why there are none */
            ui_refuse(ui, "%s", _("This line has no list to choose from: type its value"));
        return !space;
    }
    p.items = items.v;
    p.n = items.n < (int)sizeof on ? items.n : (int)sizeof on;
    if (fd->type == FT_TEXT)
        p.n = items.n;
    if (items.failed)
        ui_refuse(ui, "%s", _("Out of memory"));
    preset(ui, f, &p);
    if (ui_pick_run(ui, &p)) {
        take(f, &p);
        check(ui, f, f->cur);
    }
    ui_lines_free(&items);
    return 1;
}

/* Tab or Shift+Tab: checks the line left and moves to line i. An error in the line left is
 * said at once on the status line, named by its field, so that a clerk who hears the screen
 * rather than sees the "!" knows before moving on. */
static void leave(struct ui *ui, struct ui_form *f, int i)
{
    const char *label = _(f->fields[f->cur]->label);
    const char *e = f->error[f->cur];

    check(ui, f, f->cur);
    if (e[0] && strncmp(e, label, strlen(label)) == 0)
        ui_set_error(ui, e);
    else if (e[0])
        ui_refuse(ui, _("%s: %s"), label, e);
    go(f, i);
}

int ui_form_run(struct ui *ui, struct ui_form *f)
{
    struct dpf_err err;
    go(f, f->cur);
    for (;;) {
        struct ui_key k;
        int line;
        if (!ui_too_small())
            draw(ui, f);
        k = ui_read_key(ui);
        switch (ui_key_action(UC_FORM, k)) {
        case UA_SAVE:
            check(ui, f, f->cur);
            err.field = NULL;
            if (f->save(f->ctx, f, &err) == DPF_OK)
                return 1;
            if ((line = ui_form_line(f, err.field)) >= 0) {
                snprintf(f->error[line], sizeof f->error[line], "%s", err.msg);
                go(f, line);
            }
            ui_set_error(ui, err.msg);
            break;
        case UA_BACK:
            if (!f->dirty || ui_confirm(ui, _("Discard the changes?")))
                return 0;
            break;
        case UA_NEXT_FIELD:
            leave(ui, f, (f->cur + 1) % f->n);
            break;
        case UA_PREV_FIELD:
            leave(ui, f, (f->cur + f->n - 1) % f->n);
            break;
        case UA_HELP:
            field_help(ui, f);
            break;
        case UA_PICK:
            if (pick(ui, f, k))
                break;
            /* a space typed into text */
            __attribute__((fallthrough));
        default:
            if (ui_edit_key(&f->edit[f->cur], k) == 1) {
                f->dirty = 1;
                f->derived[f->cur] = 0;
            }
            break;
        }
    }
}

struct ask {
    char *value;
    const char *today;
};

static int ask_save(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct ask *a = ctx;
    free(a->value);
    a->value = NULL;
    return ui_form_parse(f, 0, a->today, &a->value, err);
}

int ui_ask(struct ui *ui, const char *title, const struct field *f, const char *initial,
           char **out)
{
    static const int first = 0;
    struct ask a = { NULL, db_today(ui->db) };
    struct ui_form form;
    int saved;

    ui_form_init(&form, title, f, &first, 1);
    ui_form_set(&form, 0, initial);
    form.save = ask_save;
    form.ctx = &a;
    saved = ui_form_run(ui, &form);
    if (!saved) {
        free(a.value);
        a.value = NULL;
    }
    *out = a.value;
    return saved;
}

int ui_ask_year(struct ui *ui, int *year)
{
    static const struct field f = { "year", "年度", N_("Year"), FT_INT, NULL, 6, 4, FF_REQUIRED };
    char now[8], *v = NULL;
    int y;

    snprintf(now, sizeof now, "%d", *year);
    if (!ui_ask(ui, _("Which year?"), &f, now, &v) || !v)
        return 0;
    y = atoi(v);
    free(v);
    if (y < 2000 || y > 2100) {
        ui_refuse(ui, _("The year %d is not one dpf can count"), y);
        return 0;
    }
    *year = y;
    return 1;
}

int ui_ask_file(struct ui *ui, const char *title, const char *initial, char **path,
                unsigned *oflags)
{
    static const struct field file = { "file", "文件", N_("Save as"), FT_TEXT, NULL, 30, 200,
                                       FF_REQUIRED };
    struct dpf_err err;
    char question[600];
    int rc;

    *oflags = 0;
    if (!ui_ask(ui, title, &file, initial, path) || !*path)
        return 0;
    if ((rc = outfile_check(*path, 0, &err)) == DPF_EEXIST) {
        snprintf(question, sizeof question, _("%s already exists. Replace it?"), *path);
        if (ui_confirm(ui, question)) {
            *oflags = OUT_FORCE;
            rc = outfile_check(*path, OUT_FORCE, &err);
        } else {
            snprintf(err.msg, sizeof err.msg, _("Nothing was written: %s is kept"), *path);
        }
    }
    if (rc != DPF_OK) {
        ui_set_error(ui, err.msg);
        free(*path);
        *path = NULL;
        return 0;
    }
    return 1;
}
