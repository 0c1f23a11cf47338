/* SPDX-License-Identifier: MIT */
/* The CSV import engine: the file's records taken from a record source (recsrc.h: the file
 * read whole, UTF-8 or GBK, and parsed here, or in a child without the data's group when
 * setgid), its header mapped to an entity's field table by the Chinese headers, bad rows
 * written to a rejects file with line, column and reason, and all of it one transaction.
 * What is imported is an entity of the registry (dpf/entity.h), looked up by name: its
 * hooks (import_internal.h) write the rows, one at a time inside a savepoint so a rejected
 * row leaves nothing behind, or by a body of their own (the register's bulk load). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "dpf/text.h"
#include "import_internal.h"
#include "db_struct.h"

/* Where the rejects go: the name given (checked now, so that a file that may not be written
 * stops the import before any work), or NAME.rejects.csv beside the input, numbered
 * NAME.rejects-2.csv … rather than replacing the rejects of an earlier run. */
static int rejects_path(const struct import_opts *opts, const char *input, char out[PATH_MAX],
                        struct dpf_err *err)
{
    const char *dot = strrchr(input, '.'), *slash = strrchr(input, '/');
    int stem = (dot && (!slash || dot > slash)) ? (int)(dot - input) : (int)strlen(input);

    if (opts->rejects) {
        snprintf(out, PATH_MAX, "%s", opts->rejects);
        return outfile_check(out, opts->rejects_flags, err);
    }
    snprintf(out, PATH_MAX, "%.*s.rejects.csv", stem, input);
    for (int n = 2; outfile_exists(out) && n < 1000; n++)
        snprintf(out, PATH_MAX, "%.*s.rejects-%d.csv", stem, input, n);
    return outfile_check(out, 0, err);
}

/* A plain number, written as it is: what an amount or a count looks like. */
static int number_like(const char *s)
{
    s += *s == '-' || *s == '+';
    return *s >= '0' && *s <= '9' && !s[strspn(s, "0123456789,.")];
}

/* A cell of the row as it was, guarded against formula injection like an export's (so the
 * import's csv_unmark gives it back): text cells always, others unless they are a number,
 * since a rejected amount may hold anything. */
static void reject_cell(struct importer *im, int c, const char *v)
{
    const struct field *f = c < im->ncols ? &im->fields[im->col_field[c]] : NULL;
    if (f && !field_is_text(f) && number_like(v))
        csv_write_field(im->rejects, v);
    else
        csv_write_text(im->rejects, v);
}

/* Opens the rejects file before any row is read (see import_internal.h): a failure is kept
 * for the first rejected row. */
static void rejects_open(struct importer *im)
{
    unsigned flags = OUT_PRIVATE | (im->opts->rejects ? im->opts->rejects_flags : 0);

    im->rej_rc = outfile_open(&im->rej, im->res->rejects, flags, &im->rej_err);
}

/* Keeps the rejects file if a row was rejected and the file was read to the end, removes
 * it otherwise; rc is the import's result so far. */
static int rejects_close(struct importer *im, int rc, struct dpf_err *err)
{
    struct dpf_err re;

    if (im->rejects && !im->src_failed) {
        /* The rejects keep full IDs, so that they can be corrected and imported again: the
         * file is audited before it is in place, and removed if its row cannot be written. */
        int wrc = audit_disclose(im->db, "rejects", 0, im->res->rejects, im->rejects_lines, &re);
        if (wrc != DPF_OK)
            outfile_abort(&im->rej);
        else
            wrc = outfile_commit(&im->rej, &re);
        if (wrc != DPF_OK) {
            im->res->rejects[0] = '\0';
            if (rc == DPF_OK)
                rc = dpf_err_set(err, re.code, NULL, "%s", re.msg);
        }
    } else {
        if (im->rej_rc == DPF_OK)
            outfile_abort(&im->rej);
        im->res->rejects[0] = '\0';
    }
    im->rejects = NULL;
    im->rej_rc = DPF_EIO;       /* closed: nothing more may be written */
    return rc;
}

/* One rejects line: where, why, then the row as it was so it can be fixed and re-imported. */
int import_reject(struct importer *im, const struct csv_record *rec, const char *column,
                  const char *reason, struct dpf_err *err)
{
    char line[32];
    const char *lead[3];

    if (!im->rejects) {
        if (im->rej_rc != DPF_OK) {
            *err = im->rej_err;
            return im->rej_rc;
        }
        im->rejects = im->rej.fp;
        fputs("\xEF\xBB\xBF", im->rejects);
        lead[0] = "行号";
        lead[1] = "列";
        lead[2] = "原因";
        csv_write_row(im->rejects, lead, 3);
    }
    snprintf(line, sizeof line, "%ld", rec->line);
    fputs(line, im->rejects);
    fputc(',', im->rejects);
    csv_write_text(im->rejects, column);
    fputc(',', im->rejects);
    csv_write_text(im->rejects, reason);
    for (int i = 0; i < rec->nfields; i++) {
        fputc(',', im->rejects);
        reject_cell(im, i, rec->fields[i]);
    }
    fputs("\r\n", im->rejects);
    im->rejects_lines++;
    if (im->res->nshown < IMPORT_SHOWN) {
        struct import_shown *s = &im->res->shown[im->res->nshown++];
        s->line = rec->line;
        snprintf(s->column, sizeof s->column, "%s", column ? column : "");
        snprintf(s->reason, sizeof s->reason, "%s", reason ? reason : "");
    }
    return DPF_OK;
}

static int map_header(struct importer *im, const struct csv_record *rec, struct dpf_err *err)
{
    int used[IMPORT_MAX_COLS] = { 0 };

    if (rec->nfields > im->nfields)
        return dpf_err_set(err, DPF_EINVAL, NULL,
                           _("%s: line 1 has %d columns; the template has %d"), im->path,
                           rec->nfields, im->nfields);
    for (int c = 0; c < rec->nfields; c++) {
        const char *h = rec->fields[c];
        int f;
        while (*h == ' ')
            h++;
        f = field_by_header(im->fields, im->nfields, h);
        if (f < 0) {
            char shown[128];    /* a file that is no CSV has a whole line as its "column" */
            text_fit(shown, sizeof shown, h, 40, 0);
            for (size_t n = strlen(shown); n > 0 && shown[n - 1] == ' '; n--)
                shown[n - 1] = '\0';   /* text_fit pads to the width */
            return dpf_err_set(err, DPF_EINVAL, NULL,
                               _("%s: line 1, column %d: unknown column \"%s\" (see `dpf "
                                 "template %s`)"), im->path, c + 1, shown, im->what);
        }
        if (used[f]++)
            return dpf_err_set(err, DPF_EINVAL, NULL,
                               _("%s: line 1, column %d: column \"%s\" appears twice"),
                               im->path, c + 1, h);
        im->col_field[c] = f;
        im->headers[c] = im->fields[f].header;
    }
    im->ncols = rec->nfields;
    for (int f = 0; f < im->nfields; f++)
        if ((im->fields[f].flags & FF_REQUIRED) && !(im->fields[f].flags & FF_DERIVED) &&
            !used[f])
            return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the required column \"%s\" is missing"),
                               im->path, im->fields[f].header);
    return DPF_OK;
}

static int blank(const struct csv_record *rec)
{
    for (int i = 0; i < rec->nfields; i++)
        if (rec->fields[i][strspn(rec->fields[i], " \t")])
            return 0;
    return 1;
}

const char *import_header_of(const struct importer *im, const char *key)
{
    int f = key ? field_by_key(im->fields, im->nfields, key) : -1;
    return f >= 0 ? im->fields[f].header : "";
}

int import_parse_row(struct importer *im, const struct csv_record *rec, char **v, int *ok,
                     struct dpf_err *err)
{
    struct dpf_err fe;
    int rc;

    *ok = 0;
    if (rec->nfields != im->ncols) {
        snprintf(fe.msg, sizeof fe.msg, _("the row has %d columns; the header has %d"),
                 rec->nfields, im->ncols);
        return import_reject(im, rec, "", fe.msg, err);
    }
    *ok = 1;
    for (int c = 0; c < im->ncols; c++) {
        int f = im->col_field[c];
        if (field_parse(&im->fields[f], rec->fields[c], im->db->today, &v[f], &fe) != DPF_OK) {
            *ok = 0;
            if ((rc = import_reject(im, rec, im->headers[c], fe.msg, err)) != DPF_OK)
                return rc;
        }
    }
    return DPF_OK;
}

int import_next(struct importer *im, struct recsrc *src, struct csv_record *rec,
                struct dpf_err *err)
{
    struct dpf_err ce;
    char col[32];
    int r;

    while ((r = recsrc_next(src, rec, &ce)) != 0) {
        if (r == -2) {
            im->src_failed = 1;
            *err = ce;
            return -1;
        }
        if (r > 0 && blank(rec))
            continue;
        im->res->rows++;
        /* An export guarded its text cells against formula injection: the mark goes. */
        for (int i = 0; r > 0 && i < rec->nfields; i++)
            csv_unmark(rec->fields[i]);
        if (r > 0)
            return 1;
        im->res->rejected++;
        snprintf(col, sizeof col, "%d", rec->bad_column);
        if (import_reject(im, rec, col, ce.msg, err) != DPF_OK)
            return -1;
    }
    return 0;
}

/* Reads path (through a record source: recsrc.h), maps its header row to im->fields and
 * calls body inside one transaction, which is committed unless it is a dry run or rows
 * were rejected without opts->partial. With bulk_table, an empty table is loaded in bulk
 * (im->bulk set). */
static int import_run(struct importer *im, const char *path, const char *bulk_table,
                      int (*body)(struct importer *im, struct recsrc *src,
                                  struct dpf_err *err),
                      struct dpf_err *err)
{
    const struct import_opts *opts = im->opts;
    struct import_result *res = im->res;
    struct recsrc src;
    struct csv_record rec;
    struct dpf_err ce;
    int rc, r;

    memset(res, 0, sizeof *res);
    im->path = path;
    if ((rc = rejects_path(opts, path, res->rejects, err)) != DPF_OK)
        return rc;
    rejects_open(im);
    /* The source is opened while this is the only thread: a child is forked here. */
    if ((rc = recsrc_open(&src, path, opts->encoding, opts->sheet, err)) != DPF_OK)
        return rejects_close(im, rc, err);
    res->encoding = src.found;
    idset_init(&im->seen);
    /* An empty table is loaded in bulk: no lookups, indexes rebuilt at the end. Checked
     * again inside the transaction, in case another clerk got there first. */
    rc = bulk_table && db_table_empty(im->db, bulk_table, err) == 1 ? db_bulk_begin(im->db, err)
                                                                    : DPF_OK;
    if (rc == DPF_OK)
        rc = db_begin(im->db, err);
    if (rc == DPF_OK && bulk_table && (im->bulk = db_table_empty(im->db, bulk_table, err)) < 0)
        rc = DPF_EDB;
    if (rc == DPF_OK && (r = recsrc_next(&src, &rec, &ce)) == -2)
        rc = dpf_err_set(err, ce.code, NULL, "%s", ce.msg);
    else if (rc == DPF_OK && r <= 0)
        rc = dpf_err_set(err, DPF_EINVAL, NULL, _("%s: no header row: %s"), path,
                         r == 0 ? _("the file is empty") : ce.msg);
    if (rc == DPF_OK)
        rc = map_header(im, &rec, err);
    if (rc == DPF_OK)
        rc = body(im, &src, err);
    if (rc == DPF_OK && !opts->dry_run && (res->rejected == 0 || opts->partial)) {
        rc = db_commit(im->db, err);
        res->committed = rc == DPF_OK;
    }
    db_rollback(im->db);
    if (bulk_table)
        db_bulk_end(im->db);
    rc = rejects_close(im, rc, err);
    recsrc_close(&src);
    idset_free(&im->seen);
    db_index_set_free(&im->indexes);
    return rc;
}

/* ---- entities loaded row by row ---- */

static int count(struct import_result *res, int outcome)
{
    if (outcome == IO_ADDED)
        res->added++;
    else if (outcome == IO_UPDATED)
        res->updated++;
    else
        res->unchanged++;
    return DPF_OK;
}

/* One row inside a savepoint: a refused row is rolled back alone. */
static int entity_row(struct importer *im, const struct csv_record *rec, char **v,
                      struct dpf_err *err)
{
    struct dpf_err rej = { 0 };
    int rc, outcome = IO_ADDED;

    if ((rc = db_exec(im->db, "SAVEPOINT import_row", err)) != DPF_OK)
        return rc;
    rej.field = NULL;
    rc = im->entity->import->row(im->db, im->entity, v, rec->line, &outcome, &rej);
    if (rc == DPF_OK) {
        count(im->res, outcome);
        return db_exec(im->db, "RELEASE import_row", err);
    }
    if (db_exec(im->db, "ROLLBACK TO import_row; RELEASE import_row", err) != DPF_OK)
        return DPF_EDB;
    if (rc != DPF_EINVAL && rc != DPF_EDUP && rc != DPF_ENOTFOUND) {
        *err = rej;
        return rc;
    }
    im->res->rejected++;
    return import_reject(im, rec, import_header_of(im, rej.field), rej.msg, err);
}

static int entity_rows(struct importer *im, struct recsrc *src, struct dpf_err *err)
{
    struct csv_record rec;
    char *v[IMPORT_MAX_COLS];
    int r, ok, rc = DPF_OK;

    while (rc == DPF_OK && (r = import_next(im, src, &rec, err)) != 0) {
        memset(v, 0, sizeof v);
        rc = r < 0 ? DPF_EIO : import_parse_row(im, &rec, v, &ok, err);
        if (rc == DPF_OK && !ok)
            im->res->rejected++;
        else if (rc == DPF_OK)
            rc = entity_row(im, &rec, v, err);
        for (int i = 0; i < im->nfields; i++)
            free(v[i]);
    }
    if (rc == DPF_OK && im->entity->import->finish)
        rc = im->entity->import->finish(im->db, err);
    return rc;
}

/* The entity named kind, if it can be imported. */
static const struct entity *importable(struct db *db, const char *kind, struct dpf_err *err)
{
    const struct entity *e = entity_find(db, kind);

    if (!e || !e->import || e->nfields > IMPORT_MAX_COLS)
        dpf_err_set(err, DPF_EINVAL, NULL, _("Nothing is imported as \"%s\""), kind ? kind : "");
    return e && e->import && e->nfields <= IMPORT_MAX_COLS ? e : NULL;
}

int import_file(struct db *db, const char *kind, const char *path,
                const struct import_opts *opts, struct import_result *res,
                struct dpf_err *err)
{
    const struct entity *e = importable(db, kind, err);
    struct importer im = { .db = db, .opts = opts, .res = res, .entity = e };

    if (!e)
        return DPF_EINVAL;
    im.fields = e->fields;
    im.nfields = e->nfields;
    im.what = e->name;
    if (e->import->body)
        return import_run(&im, path, e->import->bulk_table, e->import->body, err);
    return import_run(&im, path, NULL, entity_rows, err);
}

int import_template(struct db *db, const char *kind, const char *path, unsigned oflags,
                    struct dpf_err *err)
{
    const struct entity *e = importable(db, kind, err);
    const char *headers[IMPORT_MAX_COLS];
    struct outfile out;
    int rc;

    if (!e)
        return DPF_EINVAL;
    if ((rc = outfile_open(&out, path, oflags, err)) != DPF_OK)
        return rc;
    for (int i = 0; i < e->nfields; i++)
        headers[i] = e->fields[i].header;
    fputs("\xEF\xBB\xBF", out.fp);
    csv_write_row(out.fp, headers, e->nfields);
    return outfile_commit(&out, err);
}
