/* SPDX-License-Identifier: MIT */
/* Person import: header mapping, per-row parsing and validation, insert-or-update by
 * resident ID, rejects file. The file is read whole and the work is one transaction. An
 * empty register is loaded by import_bulk.c instead of the row-by-row loop here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "import_internal.h"

static void rejects_path(const char *input, const char *given, char out[PATH_MAX])
{
    const char *dot = strrchr(input, '.'), *slash = strrchr(input, '/');
    int stem = (dot && (!slash || dot > slash)) ? (int)(dot - input) : (int)strlen(input);
    if (given)
        snprintf(out, PATH_MAX, "%s", given);
    else
        snprintf(out, PATH_MAX, "%.*s.rejects.csv", stem, input);
}

/* One rejects line: where, why, then the row as it was so it can be fixed and re-imported. */
static int reject(struct importer *im, const struct csv_record *rec, const char *column,
                  const char *reason, struct dpf_err *err)
{
    char line[32];
    const char *lead[3];

    if (!im->rejects) {
        im->rejects = fopen(im->res->rejects, "wb");
        if (!im->rejects)
            return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write the rejects file %s"),
                               im->res->rejects);
        fputs("\xEF\xBB\xBF", im->rejects);
        lead[0] = "行号";
        lead[1] = "列";
        lead[2] = "原因";
        csv_write_row(im->rejects, lead, 3);
    }
    snprintf(line, sizeof line, "%ld", rec->line);
    fputs(line, im->rejects);
    fputc(',', im->rejects);
    csv_write_field(im->rejects, column);
    fputc(',', im->rejects);
    csv_write_field(im->rejects, reason);
    for (int i = 0; i < rec->nfields; i++) {
        fputc(',', im->rejects);
        csv_write_field(im->rejects, rec->fields[i]);
    }
    fputs("\r\n", im->rejects);
    return DPF_OK;
}

static int map_header(struct importer *im, const struct csv_record *rec, struct dpf_err *err)
{
    int used[PERSON_NFIELDS] = { 0 };

    if (rec->nfields > PERSON_NFIELDS)
        return dpf_err_set(err, DPF_EINVAL, NULL,
                           _("%s: line 1 has %d columns; the template has %d"), im->path,
                           rec->nfields, PERSON_NFIELDS);
    for (int c = 0; c < rec->nfields; c++) {
        const char *h = rec->fields[c];
        int f;
        while (*h == ' ')
            h++;
        f = field_by_header(person_fields, PERSON_NFIELDS, h);
        if (f < 0)
            return dpf_err_set(err, DPF_EINVAL, NULL,
                               _("%s: line 1, column %d: unknown column \"%s\" (see `dpf "
                                 "template persons`)"), im->path, c + 1, h);
        if (used[f]++)
            return dpf_err_set(err, DPF_EINVAL, NULL,
                               _("%s: line 1, column %d: column \"%s\" appears twice"),
                               im->path, c + 1, h);
        im->col_field[c] = f;
        im->headers[c] = person_fields[f].header;
    }
    im->ncols = rec->nfields;
    for (int f = 0; f < PERSON_NFIELDS; f++)
        if ((person_fields[f].flags & FF_REQUIRED) && !(person_fields[f].flags & FF_DERIVED) &&
            !used[f])
            return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the required column \"%s\" is missing"),
                               im->path, person_fields[f].header);
    return DPF_OK;
}

static int blank(const struct csv_record *rec)
{
    for (int i = 0; i < rec->nfields; i++)
        if (rec->fields[i][strspn(rec->fields[i], " \t")])
            return 0;
    return 1;
}

static const char *header_of(const char *key)
{
    int f = key ? field_by_key(person_fields, PERSON_NFIELDS, key) : -1;
    return f >= 0 ? person_fields[f].header : "";
}

/* Parses the record's fields into row; each bad field is written to the rejects file. */
static int parse_row(struct importer *im, const struct csv_record *rec, struct person *row,
                     int *ok, struct dpf_err *err)
{
    struct dpf_err fe;
    int rc;

    *ok = 0;
    if (rec->nfields != im->ncols) {
        snprintf(fe.msg, sizeof fe.msg, _("the row has %d columns; the header has %d"),
                 rec->nfields, im->ncols);
        return reject(im, rec, "", fe.msg, err);
    }
    *ok = 1;
    for (int c = 0; c < im->ncols; c++) {
        int f = im->col_field[c];
        if (field_parse(&person_fields[f], rec->fields[c], im->db->today, &row->v[f], &fe) !=
            DPF_OK) {
            *ok = 0;
            if ((rc = reject(im, rec, im->headers[c], fe.msg, err)) != DPF_OK)
                return rc;
        }
    }
    return DPF_OK;
}

/* Merges the file's fields over an existing person: columns the file lacks stay as they were. */
static void merge(const struct importer *im, struct person *row, const struct person *old)
{
    int present[PERSON_NFIELDS] = { 0 };
    for (int c = 0; c < im->ncols; c++)
        present[im->col_field[c]] = 1;
    row->id = old->id;
    for (int f = 0; f < PERSON_NFIELDS; f++)
        if (!present[f])
            person_set(row, f, old->v[f]);
}

int import_check(struct importer *im, const struct csv_record *rec, struct person *row,
                 int *ok, struct dpf_err *err)
{
    struct person old;
    struct dpf_err ve;
    char id[IDCARD_LEN + 1];
    long first;
    int rc;

    if ((rc = parse_row(im, rec, row, ok, err)) != DPF_OK || !*ok)
        goto out;
    *ok = 0;
    person_id_no(row, id);
    if (strlen(id) == IDCARD_LEN && (first = idset_add(&im->seen, id, rec->line)) != 0) {
        if (first < 0)
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        snprintf(ve.msg, sizeof ve.msg, _("resident ID %s is also on line %ld of this file"), id,
                 first);
        rc = reject(im, rec, person_fields[PF_CERT_NO].header, ve.msg, err);
        goto out;
    }
    person_init(&old);
    rc = im->bulk ? DPF_ENOTFOUND : person_find(im->db, id, &old, err);
    if (rc == DPF_OK)
        merge(im, row, &old);
    person_clear(&old);
    if (rc != DPF_OK && rc != DPF_ENOTFOUND)
        return rc;
    rc = DPF_OK;
    if (person_validate(row, im->db->today, &ve) != DPF_OK)
        rc = reject(im, rec, header_of(ve.field), ve.msg, err);
    else
        *ok = 1;
out:
    if (rc == DPF_OK && !*ok)
        im->res->rejected++;
    return rc;
}

/* Inserts or updates the checked row; what the database refuses is rejected like a bad field. */
static int write_row(struct importer *im, const struct csv_record *rec, struct person *row,
                     struct dpf_err *err)
{
    struct dpf_err ve;
    int rc, changed;

    if (row->id) {
        rc = person_update(im->db, row, &changed, &ve);
        if (rc == DPF_OK)
            changed ? im->res->updated++ : im->res->unchanged++;
    } else {
        rc = person_insert(im->db, row, &ve);
        if (rc == DPF_OK)
            im->res->added++;
    }
    if (rc == DPF_EINVAL || rc == DPF_EDUP) {
        im->res->rejected++;
        return reject(im, rec, header_of(ve.field), ve.msg, err);
    }
    if (rc != DPF_OK)
        *err = ve;
    return rc;
}

int import_next(struct importer *im, struct csv_reader *rd, struct csv_record *rec,
                struct dpf_err *err)
{
    struct dpf_err ce;
    char col[32];
    int r;

    while ((r = csv_next(rd, rec, &ce)) != 0) {
        if (r > 0 && blank(rec))
            continue;
        im->res->rows++;
        if (r > 0)
            return 1;
        im->res->rejected++;
        snprintf(col, sizeof col, "%d", rec->bad_column);
        if (reject(im, rec, col, ce.msg, err) != DPF_OK)
            return -1;
    }
    return 0;
}

static int run_rows(struct importer *im, struct csv_reader *rd, struct dpf_err *err)
{
    struct csv_record rec;
    struct person row;
    int r, ok, rc = DPF_OK;

    person_init(&row);
    while (rc == DPF_OK && (r = import_next(im, rd, &rec, err)) != 0) {
        rc = r < 0 ? DPF_EIO : import_check(im, &rec, &row, &ok, err);
        if (rc == DPF_OK && ok)
            rc = write_row(im, &rec, &row, err);
        person_clear(&row);
    }
    return rc;
}

static int run(struct importer *im, struct csv_reader *rd, struct dpf_err *err)
{
    struct csv_record rec;
    struct dpf_err ce;
    int r, rc;

    r = csv_next(rd, &rec, &ce);
    if (r <= 0)
        return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: no header row: %s"), im->path,
                           r == 0 ? _("the file is empty") : ce.msg);
    if ((rc = map_header(im, &rec, err)) != DPF_OK)
        return rc;
    if (!im->bulk)
        return run_rows(im, rd, err);
    if ((rc = db_indexes_drop(im->db, "person", &im->indexes, err)) != DPF_OK)
        return rc;
    if ((rc = import_bulk(im, rd, err)) != DPF_OK)
        return rc;
    /* Nothing will be committed: the rollback brings the indexes back. */
    if (im->opts->dry_run || (im->res->rejected && !im->opts->partial))
        return DPF_OK;
    return db_indexes_restore(im->db, &im->indexes, err);
}

int import_persons(struct db *db, const char *path, const struct import_opts *opts,
                   struct import_result *res, struct dpf_err *err)
{
    struct importer im = { .db = db, .opts = opts, .res = res, .path = path };
    struct textfile tf;
    struct csv_reader rd;
    int rc;

    memset(res, 0, sizeof *res);
    rejects_path(path, opts->rejects, res->rejects);
    if ((rc = textfile_load(path, opts->encoding, &tf, err)) != DPF_OK)
        return rc;
    res->encoding = tf.found;
    idset_init(&im.seen);
    csv_reader_init(&rd, tf.data, tf.len);
    /* An empty register is loaded in bulk: no lookups, indexes rebuilt at the end. Checked
     * again inside the transaction, in case another clerk got there first. */
    rc = db_table_empty(db, "person", err) == 1 ? db_bulk_begin(db, err) : DPF_OK;
    if (rc == DPF_OK)
        rc = db_begin(db, err);
    if (rc == DPF_OK && (im.bulk = db_table_empty(db, "person", err)) < 0)
        rc = DPF_EDB;
    if (rc == DPF_OK)
        rc = run(&im, &rd, err);
    if (rc == DPF_OK && !opts->dry_run && (res->rejected == 0 || opts->partial)) {
        rc = db_commit(db, err);
        res->committed = rc == DPF_OK;
    }
    db_rollback(db);
    db_bulk_end(db);
    if (im.rejects && fclose(im.rejects) != 0 && rc == DPF_OK)
        rc = dpf_err_set(err, DPF_EIO, NULL, _("Cannot write the rejects file %s"), res->rejects);
    if (!im.rejects)
        res->rejects[0] = '\0';
    csv_reader_free(&rd);
    idset_free(&im.seen);
    db_index_set_free(&im.indexes);
    textfile_free(&tf);
    return rc;
}

int import_template_persons(const char *path, struct dpf_err *err)
{
    const char *headers[PERSON_NFIELDS];
    FILE *f = fopen(path, "wb");

    if (!f)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    for (int i = 0; i < PERSON_NFIELDS; i++)
        headers[i] = person_fields[i].header;
    fputs("\xEF\xBB\xBF", f);
    csv_write_row(f, headers, PERSON_NFIELDS);
    if (fclose(f) != 0)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    return DPF_OK;
}
