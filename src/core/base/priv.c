/* SPDX-License-Identifier: MIT */
/* The privilege boundary's few calls (see priv.h). Each switch of the effective group is
 * undone before the call returns; errno is kept from the call that matters. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dpf/priv.h"

static int known = -1;

int priv_setgid(void)
{
    if (known < 0)
        known = getegid() != getgid();
    return known;
}

#ifdef DPF_TEST_CLOCK
static long off_main;

void priv_test_reset(void)
{
    known = -1;
    off_main = 0;
}

long priv_test_off_main_calls(void)
{
    return off_main;
}

/* The first thread of a process has the process's id as its thread id. */
static void note_thread(void)
{
    if (gettid() != getpid())
        __atomic_add_fetch(&off_main, 1, __ATOMIC_RELAXED);
}
#else
static void note_thread(void)
{
}
#endif

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
    note_thread();
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

int priv_user_own(int fd)
{
    struct stat st;
    gid_t g;
    int rc;

    if (!priv_setgid())
        return 0;
    if (fstat(fd, &st) != 0)
        return -1;
    if (st.st_gid == getgid())
        return 0;
    if (become_user(&g) != 0)
        return -1;
    rc = fchown(fd, (uid_t)-1, getgid());
    become_group(g);
    /* A file system with fixed owners (a USB stick's vfat) refuses any chown; what matters
     * is only that the file does not keep the data's group. */
    return rc == 0 || st.st_gid != g ? 0 : -1;
}

int priv_drop(void)
{
    gid_t g = getgid();

    if (setresgid(g, g, g) != 0)
        return -1;
    return getegid() == g ? 0 : -1;
}
