/* SPDX-License-Identifier: MIT */
/* The register's screens: the person list (search as you type, filters, keyset pages), the
 * person form (add, edit), the status change and the person's history. Each is the shared
 * list or form widget over person_fields and the core's person_* calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/access.h"
#include "dpf/audit.h"
#include "dpf/export.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/person.h"
#include "dpf/text.h"
#include "ui.h"

/* The list's columns, most telling first: at 80 columns the last ones are cut. */
static const int list_fields[] = { PF_NAME, PF_CERT_NO, PF_GENDER, PF_CATEGORY, PF_LEVEL,
                                   PF_STATUS, PF_TOWNSHIP, PF_VILLAGE, PF_PHONE };
#define NLIST (int)(sizeof list_fields / sizeof list_fields[0])

/* The form: every field but the status, which changes through its own action. */
static const int form_fields[] = {
    PF_CERT_NO, PF_NAME, PF_GENDER, PF_BIRTH_DATE, PF_ETHNICITY, PF_CATEGORY, PF_LEVEL,
    PF_TOWNSHIP, PF_VILLAGE, PF_ADDRESS, PF_PHONE, PF_GUARDIAN, PF_GUARDIAN_PHONE,
    PF_POOR_REG, PF_DIBAO, PF_TEKUN, PF_ILLNESS_POOR, PF_CERT_ISSUE_DATE, PF_BANK_ACCOUNT,
    PF_NOTE,
};
#define NFORM (int)(sizeof form_fields / sizeof form_fields[0])
static const int status_fields[] = { PF_STATUS, PF_STATUS_DATE, PF_STATUS_REASON };
/* The filter's lines: the places (text), then codes (a choice; a flag's 是: only those). */
static const int filter_fields[] = { PF_TOWNSHIP, PF_VILLAGE, PF_CATEGORY, PF_LEVEL, PF_STATUS,
                                     PF_POOR_REG, PF_DIBAO, PF_TEKUN, PF_ILLNESS_POOR };
enum { NFILTER = sizeof filter_fields / sizeof filter_fields[0], FILTER_TEXTS = 2 };

/* The list's source pages the register by keyset and keeps a cursor every CHUNK rows, so it
 * can serve any page by index (row first..first+limit): reading at most CHUNK rows more than
 * the page, it keeps the selected row when a resize changes the page size. */
enum { CHUNK = 256 };
struct source {
    struct ui *ui;
    struct ui_edit query;
    char query_text[UI_EDIT_MAX * 4 + 1];
    char township[128], village[128];
    struct person_filter flt;
    struct person_cursor *starts;   /* starts[k]: the cursor before row k * CHUNK */
    int nstarts;
    long count;                     /* the persons the list holds (End, the status line) */
};

/* A page being filled: rows before first are read past, rows from first on are added. */
struct page_fill {
    struct ui_list *l;
    long at, first;
};

static int add_row(const struct person *p, void *ctx)
{
    struct page_fill *f = ctx;
    char bufs[NLIST][128];
    const char *cells[NLIST];

    if (f->at++ < f->first)
        return 0;
    for (int c = 0; c < NLIST; c++)
        cells[c] = field_show(&person_fields[list_fields[c]], p->v[list_fields[c]],
                                1, bufs[c], sizeof bufs[c]);   /* IDs masked in lists */
    return ui_list_add(f->l, p->id, cells) != DPF_OK;
}

/* Keeps cur as the start of chunk k (the next one not yet known). */
static int keep_start(struct source *s, int k, const struct person_cursor *cur)
{
    struct person_cursor *grown = realloc(s->starts, (size_t)(k + 1) * sizeof *grown);
    if (!grown)
        return DPF_ENOMEM;
    s->starts = grown;
    memset(&s->starts[k], 0, sizeof *grown);
    s->nstarts = k + 1;
    return person_cursor_copy(&s->starts[k], cur);
}

static int fetch(void *ctx, struct ui_list *l, int page, int limit, struct dpf_err *err)
{
    struct source *s = ctx;
    struct page_fill f = { l, 0, (long)page * limit };
    long end = f.first + limit;
    long k = f.first / CHUNK < s->nstarts ? f.first / CHUNK : s->nstarts - 1;
    struct person_cursor cur = { 0 };
    int rc = DPF_OK;

    l->total = s->count;
    if (person_cursor_copy(&cur, &s->starts[k]) != DPF_OK)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    f.at = k * CHUNK;
    while (rc == DPF_OK && f.at < end) {
        long next = (f.at / CHUNK + 1) * CHUNK;     /* read up to the next saved cursor */
        int want = (int)((next < end ? next : end) - f.at), rows;
        rc = person_page(s->ui->db, &s->flt, &cur, want, add_row, &f, &rows, err);
        if (rc != DPF_OK || rows < want)
            break;                                  /* the end of the list */
        if (f.at == next && next / CHUNK == s->nstarts &&
            keep_start(s, s->nstarts, &cur) != DPF_OK)
            rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    person_cursor_free(&cur);
    return rc;
}

/* Forgets the saved cursors after the query or a filter changed (the first stays: the
 * start of the list), and takes the query as typed. */
static void source_reset(struct source *s)
{
    for (int i = 1; i < s->nstarts; i++)
        person_cursor_free(&s->starts[i]);
    s->nstarts = 1;
    ui_edit_get(&s->query, s->query_text, sizeof s->query_text);
    s->flt.query = s->query_text;
    /* A count with the list's conditions over its index: a name prefix counts in the name
     * index (docs: a few ms at a million persons; the whole register, a scan). */
    if (person_count_filter(s->ui->db, &s->flt, &s->count, NULL) != DPF_OK)
        s->count = -1;
    s->ui->filtered = person_filter_any(&s->flt);
    s->ui->listed = s->count;
}

/* After a save: the list shows the saved person selected (their place in the list as it is
 * now), or from the top when the search or filter does not hold them. */
static enum ui_result stay_on(struct ui_run *r, struct source *s, int64_t id)
{
    long at;
    int limit = r->list.limit > 0 ? r->list.limit : ui_run_limit(r);

    source_reset(s);
    if (!id || person_index(s->ui->db, &s->flt, id, &at, NULL) != DPF_OK)
        return UR_TOP;
    r->list.page = (int)(at / limit);
    r->list.sel = (int)(at % limit);
    return UR_RELOAD;
}

/* F3: what the list shows (the search and the filters in force) to a file the clerk names;
 * IDs masked unless a reviewer asks for them in full, as `dpf export persons --full-id`. */
static void export_list(struct ui *ui, struct source *s)
{
    struct dpf_err err;
    char *path = NULL;
    unsigned oflags = 0;
    int full = 0;
    long rows;

    if (!ui_ask_file(ui, _("Export the list (.xlsx or .csv)"), "persons.xlsx", &path, &oflags))
        return;
    if (access_check(ui->db, CAP_REVIEW, &err) == DPF_OK)
        full = ui_confirm(ui, _("Full resident IDs and bank accounts (audited)?"));
    if (export_persons_filtered(ui->db, &s->flt, path, oflags, full, &rows, &err) != DPF_OK)
        ui_set_error(ui, err.msg);
    else
        ui_set_message(ui, full ? _("Exported %ld persons to %s (full resident IDs and bank accounts)")
                                : _("Exported %ld persons to %s (resident IDs and bank accounts masked)"),
                       rows, path);
    free(path);
}

/* ---- the person form ---- */

struct person_edit {
    struct ui *ui;
    struct person p;
    int64_t version;            /* the record as opened: saving over a later change is refused */
};

static int save_person(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct person_edit *pe = ctx;
    struct db *db = pe->ui->db;
    int rc, changed;

    for (int i = 0; i < f->n; i++) {
        char *v = NULL;
        int field = (int)(f->fields[i] - person_fields);
        if ((rc = ui_form_parse(f, i, db_today(db), &v, err)) != DPF_OK)
            return rc;
        rc = person_set(&pe->p, field, v);
        free(v);
        if (rc != DPF_OK)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    if ((rc = person_validate(&pe->p, db_today(db), err)) != DPF_OK)
        return rc;
    if ((rc = db_begin(db, err)) != DPF_OK)
        return rc;
    return db_end(db, pe->p.id ? person_update_from(db, &pe->p, pe->version, &changed, err)
                               : person_insert(db, &pe->p, err), err);
}

/* The certificate number on its own (the resident ID in it, the category and level digits);
 * whether those digits match the record is checked when saving. */
static int check_person_field(void *ctx, const struct field *fd, const char *value,
                              struct dpf_err *err)
{
    struct person_edit *pe = ctx;
    char cert[CERT_MAX_LEN + 1];
    if (fd->type != FT_CERT)
        return DPF_OK;
    return cert_validate(value, db_today(pe->ui->db), cert, err);
}

/* A good certificate number fills the lines it gives (gender, birth date, category, level)
 * that the clerk has not typed; the form shows them as derived. */
static void derive_from_cert(void *ctx, struct ui_form *f, int line)
{
    struct person_edit *pe = ctx;
    struct dpf_err err;
    char cert[CERT_MAX_LEN + 1], birth[11], text[UI_EDIT_MAX * 4 + 1];
    char gender[2] = "0", category[2] = "0", level[2] = "0";

    ui_form_text(f, line, text, sizeof text);
    if (f->fields[line]->type != FT_CERT ||
        cert_validate(text, db_today(pe->ui->db), cert, &err) != DPF_OK)
        return;
    idcard_birth_date(cert, birth);
    gender[0] = (char)('0' + idcard_gender(cert));
    category[0] = cert[18];
    level[0] = cert[19];
    ui_form_derive(f, ui_form_line(f, person_fields[PF_GENDER].key), gender);
    ui_form_derive(f, ui_form_line(f, person_fields[PF_BIRTH_DATE].key), birth);
    ui_form_derive(f, ui_form_line(f, person_fields[PF_CATEGORY].key), category);
    ui_form_derive(f, ui_form_line(f, person_fields[PF_LEVEL].key), level);
}

static int person_places(void *ctx, const struct field *fd, const struct ui_form *f,
                         struct ui_lines *out)
{
    return ui_place_choices(((struct person_edit *)ctx)->ui, fd, f, out);
}

/* Adds a person (id 0) or edits one; the person's id if saved, else 0. */
static int64_t edit_person(struct ui *ui, int64_t id)
{
    struct person_edit pe = { .ui = ui };
    struct ui_form f;
    struct dpf_err err;
    int64_t saved;

    person_init(&pe.p);
    /* The version first: a change between the two reads makes the save refused, never lost.
     * The form shows the certificate number and bank account in full: audited before. */
    if (id && (person_version(ui->db, id, &pe.version, &err) != DPF_OK ||
               person_load(ui->db, id, &pe.p, &err) != DPF_OK ||
               audit_disclose(ui->db, "person form", id, NULL, -1, &err) != DPF_OK)) {
        person_clear(&pe.p);
        ui_set_error(ui, err.msg);
        return 0;
    }
    ui_form_init(&f, id ? _("Edit person") : _("New person"), person_fields, form_fields, NFORM);
    for (int i = 0; i < NFORM; i++)
        ui_form_set(&f, i, pe.p.v[form_fields[i]]);
    f.save = save_person;
    f.check = check_person_field;
    f.left = derive_from_cert;
    f.choices = person_places;
    f.ctx = &pe;
    saved = ui_form_run(ui, &f) ? pe.p.id : 0;
    if (saved)
        ui_set_message(ui, _("Saved: %s"), pe.p.v[PF_NAME]);
    person_clear(&pe.p);
    return saved;
}

/* ---- status change ---- */

struct status_edit {
    struct ui *ui;
    int64_t id;
};

static int save_status(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct status_edit *se = ctx;
    struct db *db = se->ui->db;
    char *v[3] = { NULL, NULL, NULL };
    int rc = DPF_OK;

    for (int i = 0; i < 3 && rc == DPF_OK; i++)
        rc = ui_form_parse(f, i, db_today(db), &v[i], err);
    if (rc == DPF_OK && !v[0])
        rc = dpf_err_set(err, DPF_EINVAL, "status", _("%s is required"), _("Status"));
    if (rc == DPF_OK && (rc = db_begin(db, err)) == DPF_OK)
        rc = db_end(db, person_set_status(db, se->id, v[0][0] - '0', v[1], v[2], err), err);
    for (int i = 0; i < 3; i++)
        free(v[i]);
    return rc;
}

static void change_status(struct ui *ui, int64_t id)
{
    struct status_edit se = { .ui = ui, .id = id };
    struct person p;
    struct ui_form f;
    struct dpf_err err;
    char title[128];

    person_init(&p);
    if (person_load(ui->db, id, &p, &err) != DPF_OK) {
        ui_set_error(ui, err.msg);
        return;
    }
    snprintf(title, sizeof title, _("Change status: %s"), p.v[PF_NAME]);
    ui_form_init(&f, title, person_fields, status_fields, 3);
    for (int i = 0; i < 3; i++)
        ui_form_set(&f, i, p.v[status_fields[i]]);
    f.save = save_status;
    f.ctx = &se;
    if (ui_form_run(ui, &f))
        ui_set_message(ui, _("Status changed: %s"), p.v[PF_NAME]);
    person_clear(&p);
}

/* ---- history ---- */

struct lines {
    struct ui_lines l;
    struct db *db;
};

static int add_line(struct lines *ls, const char *text)
{
    return ui_lines_add(&ls->l, text) != DPF_OK;
}

static int change_line(const char *label, const char *before, const char *after, void *ctx)
{
    char line[1024];
    if (!*before && !*after)
        return 0;
    if (*before)
        snprintf(line, sizeof line, "    %s: %s -> %s", label, before,
                 *after ? after : _("(empty)"));
    else
        snprintf(line, sizeof line, "    %s: %s", label, after);
    return add_line(ctx, line);
}

static int audit_lines(const struct audit_row *r, void *ctx)
{
    struct lines *ls = ctx;
    char line[256], who[128];
    snprintf(line, sizeof line, "%s  %s  %s", r->at, user_display(ls->db, r->user, who, sizeof who),
             audit_action_label(r->action));
    if (add_line(ls, line))
        return 1;
    return person_audit_changes(ls->db, r->before, r->after, 1, change_line, ls, NULL) != DPF_OK;
}

static void show_history(struct ui *ui, int64_t id)
{
    struct lines ls = { .db = ui->db };
    struct person p;
    struct dpf_err err;
    char title[128];

    person_init(&p);
    if (person_load(ui->db, id, &p, &err) != DPF_OK ||
        audit_history(ui->db, "person", id, audit_lines, &ls, &err) != DPF_OK) {
        ui_set_error(ui, err.msg);
    } else {
        char cert[64];
        field_format(&person_fields[PF_CERT_NO], p.v[PF_CERT_NO], 1, cert, sizeof cert);
        snprintf(title, sizeof title, _("History of %s (%s)"), p.v[PF_NAME], cert);
        ui_lines_run(ui, title, &ls.l);
    }
    ui_lines_free(&ls.l);
    person_clear(&p);
}

/* ---- filters ---- */

struct filter_edit {
    struct source *s;
    const char *today;
};

/* The filter's text for line i < FILTER_TEXTS (the places), as the list's filter holds it. */
static char *filter_place(struct source *s, int i, const char ***held)
{
    *held = i == 0 ? &s->flt.township : &s->flt.village;
    return i == 0 ? s->township : s->village;
}

/* The filter's code for line i >= FILTER_TEXTS. */
static int *filter_code(struct source *s, int i)
{
    int *codes[NFILTER] = { NULL, NULL, &s->flt.category, &s->flt.level, &s->flt.status,
                            &s->flt.poor_reg, &s->flt.dibao, &s->flt.tekun,
                            &s->flt.illness_poor };
    return codes[i];
}

static int save_filter(void *ctx, struct ui_form *f, struct dpf_err *err)
{
    struct filter_edit *fe = ctx;
    char *v[NFILTER] = { NULL };
    int rc = DPF_OK;

    for (int i = 0; i < NFILTER && rc == DPF_OK; i++)
        rc = ui_form_parse(f, i, fe->today, &v[i], err);
    for (int i = 0; rc == DPF_OK && i < NFILTER; i++) {
        const char **held;
        if (i < FILTER_TEXTS) {
            char *text = filter_place(fe->s, i, &held);
            snprintf(text, sizeof fe->s->township, "%s", v[i] ? v[i] : "");
            *held = text[0] ? text : NULL;
        } else {
            *filter_code(fe->s, i) = v[i] ? atoi(v[i]) : 0;
        }
    }
    record_free(v, NFILTER);
    return rc;
}

static int filter_places(void *ctx, const struct field *fd, const struct ui_form *f,
                         struct ui_lines *out)
{
    return ui_place_choices(((struct filter_edit *)ctx)->s->ui, fd, f, out);
}

static void edit_filter(struct ui *ui, struct source *s)
{
    /* The same fields as the register, none of them required here. */
    static const int all[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
    struct field optional[NFILTER];
    struct filter_edit fe = { .s = s, .today = db_today(ui->db) };
    struct ui_form f;
    char code[2] = "0";

    for (int i = 0; i < NFILTER; i++) {
        optional[i] = person_fields[filter_fields[i]];
        optional[i].flags = 0;
    }
    ui_form_init(&f, _("Filter the list (leave empty for all; 是: only those)"), optional, all,
                 NFILTER);
    for (int i = 0; i < NFILTER; i++) {
        const char **held;
        if (i < FILTER_TEXTS) {
            char *text = filter_place(s, i, &held);
            ui_form_set(&f, i, text[0] ? text : NULL);
        } else {
            code[0] = (char)('0' + *filter_code(s, i));
            ui_form_set(&f, i, *filter_code(s, i) ? code : NULL);
        }
    }
    f.save = save_filter;
    f.choices = filter_places;
    f.ctx = &fe;
    ui_form_run(ui, &f);
}

/* "乡镇街道=新安镇 残疾类别=肢体 低保=是" for the search line. */
static void filter_text(struct source *s, char *out, size_t cap)
{
    char buf[64];
    out[0] = '\0';
    for (int i = 0; i < NFILTER; i++) {
        const struct field *fd = &person_fields[filter_fields[i]];
        const char **held, *shown;
        char code[2] = { 0, 0 };
        if (i < FILTER_TEXTS) {
            shown = filter_place(s, i, &held);
        } else {
            code[0] = (char)(*filter_code(s, i) ? '0' + *filter_code(s, i) : 0);
            shown = code[0] ? field_show(fd, code, 0, buf, sizeof buf) : "";
        }
        if (shown[0])
            snprintf(out + strlen(out), cap - strlen(out), "%s=%s ", _(fd->label), shown);
    }
}

/* ---- the list screen ---- */

/* The search line above the list: what is typed, then the filters in force. */
static void draw_search(struct ui_run *r)
{
    struct source *s = r->ctx;
    char filters[256], label[64];
    int w;

    filter_text(s, filters, sizeof filters);
    snprintf(label, sizeof label, "%s", _("Find:"));
    w = (int)text_width(label);
    ui_put(1, 0, label, w + 1, A_BOLD);
    ui_put(1, w + 33, filters, COLS - w - 33, 0);
    ui_edit_draw(&s->query, 1, w + 1, 30, 1);
}

static void person_claims(struct ui *ui, int64_t id)
{
    ui_claims(ui, 0, id);
}

/* The selected person's own pages, by the action that opens them. */
static void open_page(struct ui *ui, enum ui_action a, int64_t id)
{
    static const struct {
        enum ui_action action;
        void (*open)(struct ui *ui, int64_t id);
    } pages[] = {
        { UA_HISTORY, show_history }, { UA_SUBSIDY, ui_enrol_person },
        { UA_REHAB, ui_rehab_person }, { UA_INSURANCE, person_claims },
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        if (pages[i].action == a)
            pages[i].open(ui, id);
}

static enum ui_result list_do(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    struct source *s = r->ctx;
    struct ui *ui = r->ui;
    int64_t id = ui_list_selected(&r->list);

    switch (a) {
    case UA_BACK:
        if (s->query.len == 0)
            return UR_LEAVE;
        ui_edit_set(&s->query, "");
        source_reset(s);
        return UR_TOP;
    case UA_EXPORT:
        export_list(ui, s);
        return UR_STAY;
    case UA_NEW:
        if (!(id = edit_person(ui, 0)))
            return UR_STAY;
        ui_count_persons(ui);
        return stay_on(r, s, id);
    case UA_EDIT:
        return id && edit_person(ui, id) ? stay_on(r, s, id) : UR_STAY;
    case UA_FILTER:
        edit_filter(ui, s);
        source_reset(s);
        return UR_TOP;
    case UA_STATUS:
        if (!id)
            return UR_STAY;
        change_status(ui, id);
        return UR_RELOAD;
    case UA_HISTORY:
    case UA_SUBSIDY:
    case UA_REHAB:
    case UA_INSURANCE:
        if (id)
            open_page(ui, a, id);
        return UR_STAY;
    case UA_NONE:
        if (ui_edit_key(&s->query, k) != 1)
            return UR_STAY;
        source_reset(s);
        return UR_TOP;
    default:
        return UR_PASS;
    }
}

/* The screens the list opens (a form, the claims) show the register's total on their status
 * line; the list's own count comes back with it. */
static enum ui_result list_act(struct ui_run *r, enum ui_action a, struct ui_key k)
{
    struct source *s = r->ctx;
    enum ui_result res;

    r->ui->filtered = 0;
    res = list_do(r, a, k);
    r->ui->filtered = person_filter_any(&s->flt);
    return res;
}

int ui_person_list(struct ui *ui)
{
    static const char *const intro[] = {
        N_("Type to search: a name, or the digits of a"),
        N_("certificate number, resident ID or phone."),
        N_("Up/Down, PgUp/PgDn, Home, End: move through the list."),
        N_("F3 writes the list as shown (search and filters) to a file."),
        NULL,
    };
    static const char *headers[NLIST];
    static int widths[NLIST];
    static const struct ui_screen screen = {
        .context = UC_LIST, .intro = intro, .ncols = NLIST, .headers = headers,
        .widths = widths, .empty = N_("(no persons match)"), .head = 1,
        .name = N_("Register of certified disabled persons"), .draw_head = draw_search,
        .fetch = fetch, .act = list_act,
    };
    struct source s = { .ui = ui };

    /* A column is as wide as its field, or its header when that is wider. */
    for (int c = 0; c < NLIST; c++) {
        const struct field *fd = &person_fields[list_fields[c]];
        int hw = text_width(_(fd->label));
        headers[c] = fd->label;
        widths[c] = fd->width > hw ? fd->width : hw;
    }
    if (!(s.starts = calloc(1, sizeof *s.starts)))
        return DPF_ENOMEM;
    s.nstarts = 1;
    ui_edit_set(&s.query, "");
    source_reset(&s);
    ui_run(ui, &screen, &s);
    ui->filtered = 0;
    for (int i = 0; i < s.nstarts; i++)
        person_cursor_free(&s.starts[i]);
    free(s.starts);
    return DPF_OK;
}
