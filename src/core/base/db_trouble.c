/* SPDX-License-Identifier: MIT */
/* What goes wrong with the database file rather than the SQL, each told in its own words: a
 * clerk who reads "disk I/O error" cannot tell a full disk from a missing permission. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "db_internal.h"
#include "db_struct.h"

int db_errno_trouble(int sys)
{
    switch (sys) {
    case ENOSPC:
    case EDQUOT:
        return TR_FULL;
    case EACCES:
    case EPERM:
        return TR_DENIED;
    case EROFS:
        return TR_ROFS;
    case ENOENT:
    case ENOTDIR:
        return TR_MISSING;
    default:
        return TR_NONE;
    }
}

/* The trouble of SQLite's last error on h. The OS error is read only for the result codes
 * that come from a system call, as it is not cleared between calls. */
static int sqlite_trouble(sqlite3 *h, int *sys)
{
    int ext = sqlite3_extended_errcode(h), t;

    *sys = 0;
    switch (ext & 0xff) {
    case SQLITE_FULL:
        return TR_FULL;
    case SQLITE_PERM:
        return TR_DENIED;
    case SQLITE_READONLY:
        *sys = sqlite3_system_errno(h);
        return *sys == EROFS ? TR_ROFS : TR_READONLY;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
        *sys = sqlite3_system_errno(h);
        t = db_errno_trouble(*sys);
        /* A file missing while SQLite works on it is a failed read or write. */
        return t == TR_NONE || (t == TR_MISSING && (ext & 0xff) == SQLITE_IOERR) ? TR_IO : t;
    default:
        return TR_NONE;
    }
}

int db_trouble_err(struct dpf_err *err, int t, const char *path, const char *user,
                       const char *detail)
{
    switch (t) {
    case TR_FULL:
        return dpf_err_set(err, DPF_EIO, NULL,
                           _("%s: the disk is full (free some space and try again)"), path);
    case TR_DENIED:
        return dpf_err_set(err, DPF_EIO, NULL,
                           _("%s: permission denied (user %s may not open it)"), path, user);
    case TR_READONLY:
        return dpf_err_set(err, DPF_EIO, NULL,
                           _("%s: permission denied (user %s may not write to it or to its "
                             "folder)"), path, user);
    case TR_ROFS:
        return dpf_err_set(err, DPF_EIO, NULL, _("%s: the file system is read-only"), path);
    case TR_MISSING:
        return dpf_err_set(err, DPF_EIO, NULL, _("%s: its folder does not exist"), path);
    default:
        return dpf_err_set(err, DPF_EIO, NULL, _("%s: the disk could not be read or written "
                                                 "(%s)"), path, detail);
    }
}

/* Whether the folder of path exists. */
static int folder_exists(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    struct stat sb;

    if (!slash)
        return 1;
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path) + (slash == path), path);
    return stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int db_file_trouble(sqlite3 *h, const char *path, const char *user, struct dpf_err *err)
{
    int sys, t = sqlite_trouble(h, &sys);
    if (t == TR_NONE)
        return DPF_OK;
    /* SQLite retries a file it may not create read-only, which then is not found. */
    if (t == TR_MISSING && folder_exists(path))
        t = TR_READONLY;
    return db_trouble_err(err, t, path, user, sys ? strerror(sys) : sqlite3_errmsg(h));
}

int db_file_fail(sqlite3 *h, struct dpf_err *err)
{
    struct passwd *pw = getpwuid(geteuid());
    const char *path = sqlite3_db_filename(h, "main");
    return db_file_trouble(h, path && *path ? path : "?", pw ? pw->pw_name : "?", err);
}
