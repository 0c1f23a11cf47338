/* SPDX-License-Identifier: MIT */
/* Every file dpf writes goes through here: a new temporary file in the target's folder
 * (O_EXCL, never through a symlink), fsynced, then renamed into place. The target is never
 * the database or one of its companions, and an existing target is kept unless the caller
 * says to replace it; a failure leaves no trace but the error. */
#ifndef DPF_OUTFILE_H
#define DPF_OUTFILE_H

#include <stdio.h>
#include "dpf/err.h"

enum outfile_flags {
    OUT_FORCE = 1 << 0,     /* replace an existing target (--force, or the clerk said yes) */
    OUT_PRIVATE = 1 << 1,   /* personal data: mode 0600 whatever the umask */
    /* For a library that writes only to a file name (libxlsxwriter, SQLite): o->tmp names a
     * file inside a private (0700) folder made in the target's folder, and o->fp is NULL. */
    OUT_BYNAME = 1 << 2,
    /* A file of an installed dpf's data folder (a backup): made with the data's group, not
     * the user's, and with OUT_PRIVATE 0660, since another clerk's dpf (the same group) must
     * read it back; the 2770 folder keeps others out. Every other output is created with the
     * user's own (real) group, as the user alone would create it. Only when setgid. */
    OUT_GROUP = 1 << 3,
    /* The one time the database itself is written through here: when it is created (built
     * whole under the temporary name, then renamed into place). Its own name is allowed,
     * never with OUT_FORCE: an existing database is never replaced. */
    OUT_NEW_DATABASE = 1 << 4,
};

struct outfile {
    char *target;           /* where the file ends up */
    char *tmp;              /* the temporary file being written */
    char *tmpdir;           /* OUT_BYNAME: the private folder holding tmp */
    FILE *fp;               /* open on tmp, unless OUT_BYNAME */
    unsigned flags;
};

/* Marks path as a database this process uses: it and its -wal, -shm and -journal companions
 * are refused as outputs. db_open calls it; a front end may call it for a database it names
 * but has not opened. */
void outfile_protect(const char *path);

/* DPF_OK if path may be written with these flags: not a protected database or companion,
 * and (without OUT_FORCE) not an existing file. A front end calls it to ask before work. */
int outfile_check(const char *path, unsigned flags, struct dpf_err *err);

/* Checks path and creates its temporary file. On failure nothing is left behind and o needs
 * no outfile_abort. */
int outfile_open(struct outfile *o, const char *path, unsigned flags, struct dpf_err *err);

/* Flushes, fsyncs and closes the temporary file, sets its mode and renames it to the target
 * (without OUT_FORCE, refusing a target that appeared meanwhile). On failure the temporary
 * file is removed. Either way o is released. */
int outfile_commit(struct outfile *o, struct dpf_err *err);

/* Removes the temporary file and releases o; safe on an o that was never opened. */
void outfile_abort(struct outfile *o);

/* A private scratch folder (0700, made as outfile makes its own: the user's group unless
 * OUT_GROUP) beside the file `beside`, named .NAME-XXXXXX, for work files that are never
 * put in place (a restore's copy and image). *dir is malloc'd; outfile_scratch_remove
 * empties and removes it (its direct entries only). */
int outfile_scratch(const char *beside, const char *name, unsigned flags, char **dir,
                    struct dpf_err *err);
void outfile_scratch_remove(const char *dir);

/* 1 if path exists (or is a dangling symlink), else 0. */
int outfile_exists(const char *path);

#endif
