/* SPDX-License-Identifier: MIT */
/* Where an installed dpf keeps its data, and whether a path is inside it (datadir.h). The
 * comparison is on canonical paths, so that a "..", a symlink or a doubled slash cannot name
 * a file outside the folder with a name that starts like it. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/datadir.h"
#include "dpf/i18n.h"
#include "dpf/priv.h"

#ifndef DPF_DATADIR
#define DPF_DATADIR "/var/lib/dpf"
#endif

const char *datadir_path(void)
{
    return DPF_DATADIR;
}

const char *datadir_db(void)
{
    return DPF_DATADIR "/dpf.db";
}

/* The canonical path of path: realpath of the file, or, for a file not there yet, of its
 * folder plus its name (a name of "." or ".." has no such meaning and fails). */
static int canonical(const char *path, char out[PATH_MAX])
{
    char dir[PATH_MAX], name[PATH_MAX], real[PATH_MAX];
    const char *base;

    if (realpath(path, out))
        return 0;
    if (errno != ENOENT || strlen(path) >= PATH_MAX)
        return -1;
    strcpy(dir, path);
    strcpy(name, path);
    base = basename(name);
    if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || strcmp(base, "/") == 0 ||
        !realpath(dirname(dir), real) ||
        snprintf(out, PATH_MAX, "%s/%s", real, base) >= PATH_MAX)
        return -1;
    return 0;
}

int datadir_holds(const char *sub, const char *path)
{
    char folder[PATH_MAX], real[PATH_MAX], file[PATH_MAX];
    size_t n;

    if (snprintf(folder, sizeof folder, "%s/%s", DPF_DATADIR, sub) >= (int)sizeof folder ||
        !realpath(folder, real) || canonical(path, file) != 0)
        return 0;
    n = strlen(real);
    return strncmp(file, real, n) == 0 && file[n] == '/' && file[n + 1] != '\0';
}

int datadir_check(const char *path, const char *what, struct dpf_err *err)
{
    if (!priv_setgid() || datadir_holds("", path))
        return DPF_OK;
    return dpf_err_set(err, DPF_EIO, NULL,
                       _("%s %s is outside %s: an installed dpf keeps its data in that folder "
                         "alone"), what, path, DPF_DATADIR);
}
