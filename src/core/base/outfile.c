/* SPDX-License-Identifier: MIT */
/* The one way dpf writes a file (see outfile.h). A slip of the keyboard must never cost data:
 * an output path that names the database or one of its journals is refused by name and by
 * inode, an existing file is kept unless replacing it was asked for, a symlink planted at the
 * target is replaced rather than followed, and a crash mid-write leaves at most a hidden
 * temporary file beside the target, never a half-written one under the target's name. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dpf/i18n.h"
#include "dpf/outfile.h"
#include "dpf/priv.h"
#include "db_internal.h"

/* The databases this process uses (the open one, a restore's source, a test's many). Set
 * before any thread starts; never shrinks. */
static char **protected_paths;
static int nprotected;

static const char *const companions[] = { "", "-wal", "-shm", "-journal" };

/* The absolute path of path's folder, joined with its last component, without following a
 * symlink at the last component (the file may not exist yet, or be a link we will replace).
 * Returns a malloc'd string, or NULL if the folder does not exist. */
static char *canonical(const char *path)
{
    char *a = strdup(path), *b = strdup(path), *out = NULL;
    char dir[PATH_MAX];

    if (a && b && realpath(dirname(a), dir)) {
        const char *base = basename(b);
        size_t n = strlen(dir) + strlen(base) + 2;
        if ((out = malloc(n)))
            snprintf(out, n, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", base);
    }
    free(a);
    free(b);
    return out;
}

void outfile_protect(const char *path)
{
    char *c, **grown;

    if (!path || !(c = canonical(path)))
        return;
    for (int i = 0; i < nprotected; i++)
        if (strcmp(protected_paths[i], c) == 0) {
            free(c);
            return;
        }
    if (!(grown = realloc(protected_paths, (size_t)(nprotected + 1) * sizeof *grown))) {
        free(c);
        return;
    }
    protected_paths = grown;
    protected_paths[nprotected++] = c;
}

int outfile_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* The target is a protected database or a companion of one, by name or (for an existing
 * file reached through any name or link) by device and inode. */
static int is_protected(const char *path)
{
    char *c = canonical(path);
    struct stat t, d;
    int hit = 0, exists = stat(path, &t) == 0;

    for (int i = 0; i < nprotected && !hit; i++) {
        for (size_t k = 0; c && k < sizeof companions / sizeof *companions && !hit; k++) {
            size_t n = strlen(protected_paths[i]);
            hit = strncmp(c, protected_paths[i], n) == 0 && strcmp(c + n, companions[k]) == 0;
        }
        if (!hit && exists && stat(protected_paths[i], &d) == 0)
            hit = t.st_dev == d.st_dev && t.st_ino == d.st_ino;
    }
    free(c);
    return hit;
}

int outfile_check(const char *path, unsigned flags, struct dpf_err *err)
{
    struct stat st;
    char *c;

    if (!path || !*path)
        return dpf_err_set(err, DPF_EINVAL, NULL, _("No output file was named"));
    if (!(c = canonical(path)))
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: its folder does not exist"),
                           path);
    free(c);
    if ((flags & OUT_NEW_DATABASE) && (flags & OUT_FORCE))
        return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: a database is never replaced"), path);
    if (!(flags & OUT_NEW_DATABASE) && is_protected(path))
        return dpf_err_set(err, DPF_EINVAL, NULL,
                           _("%s is the database or one of its journal files: choose another "
                             "file name; nothing was written"), path);
    if (lstat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return dpf_err_set(err, DPF_EINVAL, NULL, _("%s is a folder: name a file"), path);
        if (!(flags & OUT_FORCE))
            return dpf_err_set(err, DPF_EEXIST, NULL,
                               _("%s already exists: choose another name, or replace it with "
                                 "--force"), path);
    }
    return DPF_OK;
}

/* An output that could not be written, told by the same reading of errno as the
 * database's troubles (db_trouble.c). */
static int io_fail(const char *path, int e, struct dpf_err *err)
{
    switch (db_errno_trouble(e)) {
    case TR_FULL:
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: the disk is full"), path);
    case TR_DENIED:
    case TR_ROFS:
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: permission denied"), path);
    default:
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: %s"), path, strerror(e));
    }
}

/* A hidden name beside the target: ".NAME.XXXXXX". */
static char *temp_name(const char *target)
{
    char *a = strdup(target), *b = strdup(target), *out = NULL;

    if (a && b) {
        const char *dir = dirname(a), *base = basename(b);
        size_t n = strlen(dir) + strlen(base) + 10;
        if ((out = malloc(n)))
            snprintf(out, n, "%s/.%s.XXXXXX", dir, base);
    }
    free(a);
    free(b);
    return out;
}

/* The temporary folder or file, made with the user's group unless OUT_GROUP (see outfile.h). */
static char *make_dir(char *tmpl, unsigned flags)
{
    return (flags & OUT_GROUP) ? mkdtemp(tmpl) : priv_user_mkdtemp(tmpl);
}

static int make_file(char *tmpl, unsigned flags)
{
    return (flags & OUT_GROUP) ? mkostemp(tmpl, O_CLOEXEC) : priv_user_mkostemp(tmpl, O_CLOEXEC);
}

static void release(struct outfile *o)
{
    free(o->target);
    free(o->tmp);
    free(o->tmpdir);
    memset(o, 0, sizeof *o);
}

int outfile_open(struct outfile *o, const char *path, unsigned flags, struct dpf_err *err)
{
    int rc, fd = -1;

    memset(o, 0, sizeof *o);
    if ((rc = outfile_check(path, flags, err)) != DPF_OK)
        return rc;
    o->flags = flags;
    if (!(o->target = strdup(path)) || !(o->tmp = temp_name(path))) {
        release(o);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    if (flags & OUT_BYNAME) {
        /* mkdtemp makes the folder 0700: nobody else can see or swap what is written in it.
         * The file inside keeps the target's name, whose ending a library may read. */
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        size_t n = strlen(o->tmp) + strlen(base) + 2;
        o->tmpdir = o->tmp;
        o->tmp = NULL;
        if (!make_dir(o->tmpdir, flags)) {
            rc = io_fail(path, errno, err);
            release(o);
            return rc;
        }
        if (!(o->tmp = malloc(n))) {
            rmdir(o->tmpdir);
            release(o);
            return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        }
        snprintf(o->tmp, n, "%s/%s", o->tmpdir, base);
        return DPF_OK;
    }
    /* mkostemp opens with O_CREAT|O_EXCL (never through a symlink) and mode 0600. */
    if ((fd = make_file(o->tmp, flags)) < 0 || !(o->fp = fdopen(fd, "wb"))) {
        rc = io_fail(path, errno, err);
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        release(o);
        return rc;
    }
    return DPF_OK;
}

/* Empties and removes our private folder (only its direct entries: we made none deeper). */
static void remove_tmpdir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[PATH_MAX];

    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

void outfile_abort(struct outfile *o)
{
    if (o->fp)
        fclose(o->fp);
    if (o->tmp)
        unlink(o->tmp);
    if (o->tmpdir)
        remove_tmpdir(o->tmpdir);
    release(o);
}

static mode_t umask_mode(void)
{
    mode_t m = umask(0);        /* the only way to read it; restored at once */
    umask(m);
    return 0666 & ~m;
}

/* Makes the written bytes durable and gives the file its final mode. */
static int settle(struct outfile *o, struct dpf_err *err)
{
    mode_t mode = !(o->flags & OUT_PRIVATE) ? umask_mode()
                  : (o->flags & OUT_GROUP) ? 0660 : 0600;
    int fd, e = 0;

    if (o->fp) {
        fd = fileno(o->fp);
        if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fd) != 0 || fchmod(fd, mode) != 0)
            e = errno ? errno : EIO;
        if (fclose(o->fp) != 0 && !e)
            e = errno;
        o->fp = NULL;
        return e ? io_fail(o->target, e, err) : DPF_OK;
    }
    if ((fd = open(o->tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
        return io_fail(o->target, errno, err);
    /* The library created the file with the effective group: it becomes the user's. */
    if (fsync(fd) != 0 || fchmod(fd, mode) != 0 ||
        (!(o->flags & OUT_GROUP) && priv_user_own(fd) != 0))
        e = errno;
    close(fd);
    return e ? io_fail(o->target, e, err) : DPF_OK;
}

/* Renames tmp to the target; without OUT_FORCE a target that appeared since the check is
 * kept (renameat2 with RENAME_NOREPLACE, or link() where the file system lacks it). */
static int place(struct outfile *o, struct dpf_err *err)
{
    int rc;

    if ((rc = outfile_check(o->target, o->flags, err)) != DPF_OK)
        return rc;
    if (o->flags & OUT_FORCE)
        return rename(o->tmp, o->target) == 0 ? DPF_OK : io_fail(o->target, errno, err);
    if (renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->target, RENAME_NOREPLACE) == 0)
        return DPF_OK;
    if (errno == EINVAL || errno == ENOSYS) {
        if (link(o->tmp, o->target) == 0)
            return unlink(o->tmp), DPF_OK;
    }
    if (errno == EEXIST)
        return outfile_check(o->target, o->flags, err);
    return io_fail(o->target, errno, err);
}

/* The rename is durable only once the folder itself is synced. */
static void sync_dir(const char *target)
{
    char *a = strdup(target);
    int fd = a ? open(dirname(a), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;

    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(a);
}

int outfile_commit(struct outfile *o, struct dpf_err *err)
{
    int rc = settle(o, err);

    if (rc == DPF_OK)
        rc = place(o, err);
    if (rc == DPF_OK) {
        sync_dir(o->target);
        free(o->tmp);           /* renamed: nothing of it to remove */
        o->tmp = NULL;
    }
    outfile_abort(o);           /* removes what is left: tmp on failure, tmpdir always */
    return rc;
}

int outfile_scratch(const char *beside, const char *name, unsigned flags, char **dir,
                    struct dpf_err *err)
{
    char *copy = strdup(beside);
    const char *folder = copy ? dirname(copy) : NULL;
    size_t n = folder ? strlen(folder) + strlen(name) + 10 : 0;

    *dir = folder ? malloc(n) : NULL;
    if (!*dir) {
        free(copy);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    snprintf(*dir, n, "%s/.%s-XXXXXX", folder, name);
    free(copy);
    if (make_dir(*dir, flags))
        return DPF_OK;
    io_fail(*dir, errno, err);
    free(*dir);
    *dir = NULL;
    return err ? err->code : DPF_EIO;
}

void outfile_scratch_remove(const char *dir)
{
    if (dir)
        remove_tmpdir(dir);
}
