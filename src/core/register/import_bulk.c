/* SPDX-License-Identifier: MIT */
/* Loading an empty register on two threads. A reader thread parses and checks the rows and
 * builds each audit record; this thread (the only one that touches the database) inserts
 * them. They pass batches of rows back and forth through two queues, and the reader frees a
 * batch's values when it gets it back, so every allocation is freed by the thread that made
 * it and the two threads' heaps never contend. Checking takes about a third of the time of
 * a load, so it is hidden behind the inserts. When setgid the reader thread takes its
 * records from the parsing child's pipe (recsrc.h), and the rejects file it writes to was
 * opened before it started: it never switches the effective group. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "person_io.h"
#include "person_internal.h"
#include "base/db_struct.h"

enum { BATCH_ROWS = 512, NBATCHES = 8 };

struct batch {
    struct person rows[BATCH_ROWS];
    long line[BATCH_ROWS];
    size_t json_at[BATCH_ROWS];     /* each row's audit record, at this offset in json */
    struct strbuf json;
    int n;
    int last;                       /* the reader stopped after this batch */
    long rejected;                  /* rows rejected so far, when the batch was filled */
};

struct pipeline {
    struct importer *im;
    struct recsrc *src;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct batch *full[NBATCHES];   /* checked rows waiting to be inserted, oldest first */
    int full_head, full_n;
    struct batch *empty[NBATCHES];  /* batches handed back to the reader */
    int empty_n;
    int stop;                       /* the inserting thread gave up */
    int rc;                         /* the reader's result */
    struct dpf_err err;
};

static void put(struct pipeline *p, struct batch *b, int full)
{
    pthread_mutex_lock(&p->mu);
    if (full)
        p->full[(p->full_head + p->full_n++) % NBATCHES] = b;
    else
        p->empty[p->empty_n++] = b;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

/* Waits for a full batch (full) or an empty one; NULL once the other side has stopped. */
static struct batch *take(struct pipeline *p, int full)
{
    struct batch *b = NULL;

    pthread_mutex_lock(&p->mu);
    for (;;) {
        if (full && p->full_n) {
            b = p->full[p->full_head];
            p->full_head = (p->full_head + 1) % NBATCHES;
            p->full_n--;
            break;
        }
        if (!full && (p->stop || p->empty_n)) {
            b = p->stop ? NULL : p->empty[--p->empty_n];
            break;
        }
        pthread_cond_wait(&p->cv, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    return b;
}

static void batch_clear(struct batch *b)
{
    for (int i = 0; i < b->n; i++)
        person_clear(&b->rows[i]);
    b->n = 0;
    b->last = 0;
    sb_reset(&b->json);
}

/* Fills b with checked rows until it is full or the file ends. */
static int fill(struct pipeline *p, struct batch *b)
{
    struct importer *im = p->im;
    struct csv_record rec;
    int r, ok, rc;

    while (b->n < BATCH_ROWS) {
        struct person *row = &b->rows[b->n];
        if ((r = import_next(im, p->src, &rec, &p->err)) == 0)
            break;
        if (r < 0)
            return DPF_EIO;
        if ((rc = import_check(im, &rec, row, &ok, &p->err)) != DPF_OK)
            return rc;
        if (!ok) {
            person_clear(row);
            continue;
        }
        b->line[b->n] = rec.line;
        b->json_at[b->n] = b->json.len;
        person_insert_json(&b->json, row);
        sb_addn(&b->json, "", 1);   /* keeps the NUL between records */
        if (b->json.oom)
            return dpf_err_set(&p->err, DPF_ENOMEM, NULL, _("Out of memory"));
        b->n++;
    }
    b->last = b->n < BATCH_ROWS;
    return DPF_OK;
}

static void *reader(void *arg)
{
    struct pipeline *p = arg;
    struct batch *b;

    pthread_setname_np(pthread_self(), "dpf-reader");   /* for top and perf */
    while ((b = take(p, 0)) != NULL) {
        batch_clear(b);
        p->rc = fill(p, b);
        if (p->rc != DPF_OK)
            b->last = 1;
        b->rejected = p->im->res->rejected;
        put(p, b, 1);
        if (b->last)
            break;
    }
    return NULL;
}

static int insert_batch(struct importer *im, struct batch *b, int64_t first_id,
                        struct dpf_err *err)
{
    const char *after[BATCH_ROWS];
    struct dpf_err ie;

    /* Once a row is rejected an all-or-nothing import will write nothing, and a dry run
     * never does: the rest of the file is still checked, but not inserted. */
    if (b->n == 0 || im->opts->dry_run || (b->rejected && !im->opts->partial)) {
        im->res->added += b->n;
        return DPF_OK;
    }
    for (int i = 0; i < b->n; i++)
        after[i] = b->json.s + b->json_at[i];
    /* The rows passed the same checks as the table's constraints, and the register was
     * empty: a refusal here is a database failure, or a bug, and stops the import. */
    if (person_insert_run(im->db, b->rows, after, b->n, first_id, &ie) != DPF_OK)
        return dpf_err_set(err, DPF_EDB, ie.field, _("%s: lines %ld to %ld: %s"), im->path,
                           b->line[0], b->line[b->n - 1], ie.msg);
    im->res->added += b->n;
    return DPF_OK;
}

static int first_free_id(struct db *db, int64_t *id, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT coalesce((SELECT seq FROM sqlite_sequence "
                                   "WHERE name = 'person'), 0) + 1", err);
    int rc;

    if (!st)
        return DPF_EDB;
    rc = db_step_int64(db, st, id, err);
    return rc == DPF_ENOTFOUND ? db_fail(db, err) : rc;    /* a select: always a row */
}

int import_bulk(struct importer *im, struct recsrc *src, struct dpf_err *err)
{
    struct pipeline p = { .im = im, .src = src };
    struct batch *batches = calloc(NBATCHES, sizeof *batches), *b;
    pthread_t tid;
    int64_t next_id;
    int rc = DPF_OK, last = 0;

    /* The register is empty, but ids go on after every id a person ever had (they are
     * AUTOINCREMENT: a rolled-back audit row must never name someone new). The explicit ids
     * inserted move the sequence on with them. */
    if ((rc = first_free_id(im->db, &next_id, err)) != DPF_OK) {
        free(batches);
        return rc;
    }
    if (!batches)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    for (int i = 0; i < NBATCHES; i++) {
        for (int j = 0; j < BATCH_ROWS; j++)
            person_init(&batches[i].rows[j]);
        p.empty[p.empty_n++] = &batches[i];
    }
    if (pthread_create(&tid, NULL, reader, &p) != 0) {
        rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Cannot start a thread"));
        goto out;
    }
    while (!last && rc == DPF_OK) {
        b = take(&p, 1);
        last = b->last;
        rc = insert_batch(im, b, next_id, err);
        next_id += b->n;
        put(&p, b, 0);
    }
    if (rc != DPF_OK) {
        pthread_mutex_lock(&p.mu);
        p.stop = 1;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
    }
    pthread_join(tid, NULL);
    if (rc == DPF_OK && p.rc != DPF_OK) {
        rc = p.rc;
        *err = p.err;
    }
out:
    for (int i = 0; i < NBATCHES; i++) {
        batch_clear(&batches[i]);
        sb_free(&batches[i].json);
    }
    free(batches);
    pthread_cond_destroy(&p.cv);
    pthread_mutex_destroy(&p.mu);
    return rc;
}
