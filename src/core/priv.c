/* SPDX-License-Identifier: MIT */
/* The privilege boundary's few calls (see priv.h). Each switch of the effective group is
 * undone before the call returns; errno is kept from the call that matters. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "dpf/priv.h"

int priv_setgid(void)
{
    static int known = -1;

    if (known < 0)
        known = getegid() != getgid();
    return known;
}

const char *priv_getenv(const char *name)
{
    return priv_setgid() ? NULL : getenv(name);
}

int priv_access(const char *path, int mode)
{
    return faccessat(AT_FDCWD, path, mode, AT_EACCESS);
}

/* The real group becomes the effective one; *saved keeps the group to take back. */
static int become_user(gid_t *saved)
{
    *saved = getegid();
    if (!priv_setgid() || setegid(getgid()) == 0)
        return 0;
    errno = EPERM;
    return -1;
}

/* Takes the group back, keeping errno. Going on without it would be going on as someone
 * else, so a failure here ends the program. */
static void become_group(gid_t saved)
{
    int e = errno;

    if (priv_setgid() && setegid(saved) != 0)
        abort();
    errno = e;
}

int priv_user_open(const char *path, int flags, mode_t mode)
{
    gid_t g;
    int fd;

    if (become_user(&g) != 0)
        return -1;
    fd = open(path, flags, mode);
    become_group(g);
    return fd;
}

int priv_user_mkostemp(char *tmpl, int flags)
{
    gid_t g;
    int fd;

    if (become_user(&g) != 0)
        return -1;
    fd = mkostemp(tmpl, flags);
    become_group(g);
    return fd;
}

char *priv_user_mkdtemp(char *tmpl)
{
    gid_t g;
    char *dir;

    if (become_user(&g) != 0)
        return NULL;
    dir = mkdtemp(tmpl);
    become_group(g);
    return dir;
}

int priv_drop(void)
{
    gid_t g = getgid();

    if (setresgid(g, g, g) != 0)
        return -1;
    return getegid() == g ? 0 : -1;
}
