/* SPDX-License-Identifier: MIT */
/* The data folder of an installed dpf (DPF_DATADIR, fixed at build: /var/lib/dpf). Running
 * setgid, dpf reaches no database, backup or restore outside it, so the group's rights serve
 * the data folder alone. Not setgid, every check here passes: a developer's or a one-user
 * office's files may be anywhere. */
#ifndef DPF_DATADIR_H
#define DPF_DATADIR_H

#include <stddef.h>
#include "dpf/err.h"

/* The folder, as built (no trailing slash). */
const char *datadir_path(void);
/* The installed database, DATADIR/dpf.db. */
const char *datadir_db(void);
/* 1 if path (which need not exist yet, but its folder must) is inside the folder sub of
 * DATADIR ("" for DATADIR itself), comparing canonical paths: "..", symlinks and the like
 * are resolved first. */
int datadir_holds(const char *sub, const char *path);
/* DPF_OK when not setgid or when path is inside DATADIR; else a clear refusal naming what
 * (the database, a backup, a backup folder). */
int datadir_check(const char *path, const char *what, struct dpf_err *err);

#endif
