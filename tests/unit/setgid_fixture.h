/* SPDX-License-Identifier: MIT */
/* Running a piece of a test as an installed setgid dpf would run: in a forked child whose
 * real group is the user's (root's 0 here) and whose effective and saved group is another
 * (the data's, TU_DATA_GID), optionally with the effective user `nobody`, so that file
 * modes count. Needs root to set the groups; the caller skips with one line otherwise. */
#ifndef DPF_SETGID_FIXTURE_H
#define DPF_SETGID_FIXTURE_H

#include <pwd.h>
#include <sys/wait.h>
#include "testutil.h"
#include "dpf/priv.h"

#define TU_DATA_GID 4242

/* Runs what(arg) in the child; returns its result (0 = success, as the child sees it), or
 * 99 if the groups could not be set. priv_setgid() answers again, in the child only. */
static inline int tu_as_setgid(int (*what)(void *), void *arg, int as_nobody)
{
    int status;
    pid_t pid = fork();

    assert_true(pid >= 0);
    if (pid == 0) {
        struct passwd *pw = as_nobody ? getpwnam("nobody") : NULL;
        if (setresgid(getgid(), TU_DATA_GID, TU_DATA_GID) != 0 || (as_nobody && !pw) ||
            (as_nobody && seteuid(pw->pw_uid) != 0))
            _exit(99);
        priv_test_reset();
        _exit(priv_setgid() == 1 ? what(arg) : 98);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

#endif
