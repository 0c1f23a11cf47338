/* SPDX-License-Identifier: MIT */
/* The parsing child and the pipe between it and the import (see recsrc.h). The child drops
 * the data's group for good and closes every descriptor but the pipe's (the database's
 * among them) before it reads a byte of the file; the parent keeps the database and trusts
 * nothing the child sends: every frame is checked, and a child that dies, is killed or
 * sends nonsense fails the import with a clear error instead of hanging it.
 *
 * The pipe carries frames: a fixed header (struct frame, this machine's byte order: both
 * ends are the same program) and len bytes after it. OPEN (n: the encoding found) or ERR
 * (n: the error code, the message after) first; then one REC per record (n fields, each
 * NUL-terminated) or BAD per malformed one (n: the code, col: the column, the message
 * after); END last, or ERR when a workbook turned out damaged part way. Both ends use large stdio buffers: a million rows cost a few hundred
 * large writes, not millions of small ones. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "dpf/i18n.h"
#include "dpf/priv.h"
#include "recsrc.h"

enum frame_kind { F_OPEN = 1, F_ERR, F_REC, F_BAD, F_END };
enum { PIPE_BUF_SIZE = 1 << 18, MAX_FIELDS = 4096, MAX_FRAME = 1 << 30 };

struct frame {
    int32_t kind;
    int32_t n;
    int32_t col;
    uint32_t len;
    int64_t line;
};

/* ---- the child ---- */

/* A frame's header, and its data when given (a record's fields follow separately). */
static void put_frame(FILE *out, int kind, int n, int col, long line, const void *data,
                      size_t len)
{
    struct frame f = { kind, n, col, (uint32_t)len, line };

    fwrite_unlocked(&f, sizeof f, 1, out);
    if (data && len)
        fwrite_unlocked(data, 1, len, out);
}

/* A record: its fields one after another, each with its NUL. */
static void put_record(FILE *out, const struct csv_record *rec)
{
    size_t len = 0, n[MAX_FIELDS];

    for (int i = 0; i < rec->nfields && i < MAX_FIELDS; i++)
        len += n[i] = strlen(rec->fields[i]) + 1;
    put_frame(out, F_REC, rec->nfields, 0, rec->line, NULL, len);
    for (int i = 0; i < rec->nfields && i < MAX_FIELDS; i++)
        fwrite_unlocked(rec->fields[i], 1, n[i], out);
}

/* Everything but the pipe (and the standard streams) is closed: the database, the rejects
 * file, whatever the parent holds with the group's rights. */
static void close_all_but(int keep)
{
    if (keep > 3)
        close_range(3, (unsigned)keep - 1, 0);
    close_range((unsigned)keep + 1, ~0U, 0);
}

/* Test build only: with DPF_TEST_PARSE_CHILD=die:N the child kills itself (SIGKILL) after
 * sending N records, so that the tests see a crashed child; -1 otherwise. (recsrc_use_child
 * reads the same variable to choose the child at all.) */
static long test_die_after(void)
{
#ifdef DPF_TEST_CLOCK
    const char *v = getenv("DPF_TEST_PARSE_CHILD");
    if (v && strncmp(v, "die:", 4) == 0)
        return strtol(v + 4, NULL, 10);
#endif
    return -1;
}

/* Reads and parses the file and streams it; never returns. */
static void child_main(int wfd, const char *path, enum text_encoding enc, const char *sheet)
{
    struct recsrc src;
    struct csv_record rec;
    struct dpf_err err = { 0, NULL, "" };
    FILE *out;
    long sent = 0, die = test_die_after();
    int r;

    close_all_but(wfd);
    if (priv_drop() != 0 || !(out = fdopen(wfd, "wb")))
        _exit(2);
    setvbuf(out, NULL, _IOFBF, PIPE_BUF_SIZE);
    memset(&src, 0, sizeof src);
    if (recsrc_local_open(&src, path, enc, sheet, &err) != DPF_OK) {
        put_frame(out, F_ERR, err.code, 0, 0, err.msg, strlen(err.msg) + 1);
        _exit(fflush(out) != 0);
    }
    put_frame(out, F_OPEN, src.found, 0, 0, NULL, 0);
    while ((r = recsrc_local_next(&src, &rec, &err)) != 0) {
        if (r == -2) {          /* a workbook damaged part way: the import fails whole */
            put_frame(out, F_ERR, err.code, 0, 0, err.msg, strlen(err.msg) + 1);
            _exit(fflush(out) != 0);
        }
        if (r > 0)
            put_record(out, &rec);
        else
            put_frame(out, F_BAD, err.code, rec.bad_column, rec.line, err.msg,
                      strlen(err.msg) + 1);
        if (ferror(out))
            _exit(1);           /* the parent has gone */
        if (++sent == die) {
            fflush(out);
            raise(SIGKILL);
        }
    }
    put_frame(out, F_END, 0, 0, 0, NULL, 0);
    _exit(fflush(out) != 0);
}

/* ---- the parent ---- */

/* The child has stopped early: it is reaped, and the error says how it ended. -2. */
static int child_gone(struct recsrc *s, struct dpf_err *err)
{
    int status = 0;
    pid_t r;

    while ((r = waitpid(s->pid, &status, 0)) < 0 && errno == EINTR)
        ;
    s->pid = -1;
    if (r > 0 && WIFSIGNALED(status))
        dpf_err_set(err, DPF_EIO, NULL, _("%s: the file reader was stopped (signal %d) before "
                                          "the end of the file; nothing was imported"),
                    s->path, WTERMSIG(status));
    else
        dpf_err_set(err, DPF_EIO, NULL, _("%s: the file reader stopped before the end of the "
                                          "file; nothing was imported"), s->path);
    return -2;
}

/* The child sent what it never should: it is killed, and the import stops. -2. */
static int child_lied(struct recsrc *s, struct dpf_err *err)
{
    kill(s->pid, SIGKILL);
    child_gone(s, err);
    dpf_err_set(err, DPF_EIO, NULL, _("%s: the file reader sent something unexpected; "
                                      "nothing was imported"), s->path);
    return -2;
}

/* The data of a frame into s->buf, which ends with a NUL when there is any. */
static int read_data(struct recsrc *s, const struct frame *f, struct dpf_err *err)
{
    if (f->len > MAX_FRAME)
        return child_lied(s, err);
    if (f->len + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 4096;
        char *b;
        while (cap < (size_t)f->len + 1)
            cap *= 2;
        if (!(b = realloc(s->buf, cap)))
            return child_lied(s, err);
        s->buf = b;
        s->cap = cap;
    }
    if (f->len && fread_unlocked(s->buf, 1, f->len, s->in) != f->len)
        return child_gone(s, err);
    if (f->len && s->buf[f->len - 1] != '\0')
        return child_lied(s, err);
    s->buf[f->len] = '\0';
    return 0;
}

/* The next frame, whole; -2 when there is none (err says why). */
static int read_frame(struct recsrc *s, struct frame *f, struct dpf_err *err)
{
    if (s->pid <= 0)
        return dpf_err_set(err, DPF_EIO, NULL, _("%s: the file reader stopped before the end "
                                                 "of the file; nothing was imported"),
                           s->path), -2;
    if (fread_unlocked(f, sizeof *f, 1, s->in) != 1)
        return child_gone(s, err);
    if (f->kind < F_OPEN || f->kind > F_END)
        return child_lied(s, err);
    return read_data(s, f, err);
}

/* Points rec at the n NUL-terminated fields of s->buf (exactly n, or the child lied). */
static int split_fields(struct recsrc *s, const struct frame *f, struct csv_record *rec,
                        struct dpf_err *err)
{
    const char *p = s->buf, *end = s->buf + f->len;

    if (f->n < 0 || f->n > MAX_FIELDS)
        return child_lied(s, err);
    if (f->n > s->fields_cap) {
        char **g = realloc(s->fields, (size_t)f->n * sizeof *g);
        if (!g)
            return child_lied(s, err);
        s->fields = g;
        s->fields_cap = f->n;
    }
    for (int i = 0; i < f->n; i++) {
        const char *nul = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
        if (!nul)
            return child_lied(s, err);
        s->fields[i] = (char *)p;
        p = nul + 1;
    }
    if (p != end)
        return child_lied(s, err);
    rec->fields = s->fields;
    rec->nfields = f->n;
    return 1;
}

int recsrc_child_next(struct recsrc *s, struct csv_record *rec, struct dpf_err *err)
{
    struct frame f;
    int r;

    rec->fields = NULL;
    rec->nfields = 0;
    rec->bad_column = 0;
    if (s->done)
        return 0;
    if ((r = read_frame(s, &f, err)) < 0)
        return r;
    rec->line = (long)f.line;
    switch (f.kind) {
    case F_REC:
        return split_fields(s, &f, rec, err);
    case F_BAD:
        rec->bad_column = f.col;
        dpf_err_set(err, f.n > 0 ? f.n : DPF_EINVAL, NULL, "%s", f.len ? s->buf : "");
        return -1;
    case F_END:
        s->done = 1;
        return 0;
    case F_ERR:                 /* the file failed part way: the child has ended */
        if (!f.len)
            return child_lied(s, err);
        dpf_err_set(err, f.n > 0 ? f.n : DPF_EIO, NULL, "%s", s->buf);
        s->done = 1;
        return -2;
    default:
        return child_lied(s, err);
    }
}

/* The first frame: the file opened (its encoding) or why not. */
static int first_frame(struct recsrc *s, struct dpf_err *err)
{
    struct frame f;

    if (read_frame(s, &f, err) < 0)
        return err->code;
    if (f.kind == F_OPEN && f.n >= TE_AUTO && f.n <= TE_BOOK) {
        s->found = (enum text_encoding)f.n;
        return DPF_OK;
    }
    if (f.kind == F_ERR && f.len)
        return dpf_err_set(err, f.n > 0 ? f.n : DPF_EIO, NULL, "%s", s->buf);
    child_lied(s, err);
    return err->code;
}

int recsrc_child_open(struct recsrc *s, const char *path, enum text_encoding enc,
                      const char *sheet, struct dpf_err *err)
{
    int fd[2], rc;

    if (pipe2(fd, O_CLOEXEC) != 0)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot start the file reader: %s"),
                           strerror(errno));
    if ((s->pid = fork()) < 0) {
        close(fd[0]);
        close(fd[1]);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot start the file reader: %s"),
                           strerror(errno));
    }
    if (s->pid == 0)
        child_main(fd[1], path, enc, sheet);
    close(fd[1]);
    s->child = 1;
    if (!(s->in = fdopen(fd[0], "rb"))) {
        close(fd[0]);
        recsrc_child_close(s);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    setvbuf(s->in, NULL, _IOFBF, PIPE_BUF_SIZE);
    if ((rc = first_frame(s, err)) != DPF_OK)
        recsrc_child_close(s);
    return rc;
}

void recsrc_child_close(struct recsrc *s)
{
    if (s->in)
        fclose(s->in);
    s->in = NULL;
    if (s->pid > 0) {
        if (!s->done)
            kill(s->pid, SIGKILL);      /* stopped early: it has nothing more to say */
        while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    s->pid = -1;
    free(s->buf);
    free(s->fields);
    s->buf = NULL;
    s->fields = NULL;
    s->cap = 0;
    s->fields_cap = 0;
}
