/* SPDX-License-Identifier: MIT */
/* The privilege boundary. Installed, dpf is setgid to a system group that owns the data
 * folder; clerks are not in the group, so dpf is the only way to the database. Inside the
 * program the group's rights are used for the database alone: the user's own files are
 * opened with the user's own (real) group, and untrusted input is parsed by a child that has
 * dropped the group for good. Not installed (a developer, a one-user office), the real and
 * effective groups are the same and every call here is a plain open. */
#ifndef DPF_PRIV_H
#define DPF_PRIV_H

#include <sys/types.h>

/* 1 when running setgid (effective group not the real one), else 0. Read once, at start. */
int priv_setgid(void);

/* The environment variable name, unless running setgid: then NULL (secure_getenv), so that
 * DPF_DB, DPF_LOCALEDIR and the like cannot steer a privileged program. */
const char *priv_getenv(const char *name);

/* access(2) asked with the effective ids (AT_EACCESS): the data folder and its files are
 * reached with the group's rights, which access() would not count (it asks about the real
 * ids). For the database, backups and restores; never for the user's own files. */
int priv_access(const char *path, int mode);

/* open(2) with the real group as the effective one, so that the file is created, or found
 * readable, as the user alone would: an export never lands with the data's group, and an
 * import cannot read a file only the group may read. Only while single-threaded (setegid
 * changes every thread). */
int priv_user_open(const char *path, int flags, mode_t mode);
/* The same for mkdtemp and mkostemp (a temporary file or folder of the user's own). */
char *priv_user_mkdtemp(char *tmpl);
int priv_user_mkostemp(char *tmpl, int flags);

/* Gives a file this process made the real group (with the user's rights, which always allow
 * it: the user owns the file). For a file a library created by name while the effective
 * group was the data's. */
int priv_user_own(int fd);

/* Drops the group for good (in a child that parses untrusted input): real, effective and
 * saved group all become the real one. -1 if that failed. */
int priv_drop(void);

#ifdef DPF_TEST_CLOCK
/* Test build only: forget the cached answer of priv_setgid (a test that changes its
 * effective group asks again), and count the priv_user_* calls made on a thread other than
 * the process's first (each one a setegid that every thread would feel). */
void priv_test_reset(void);
long priv_test_off_main_calls(void);
#endif

#endif
