/* SPDX-License-Identifier: MIT */
/* Backups while others work (SQLite's online backup API) and restores that check the file
 * first. */
#ifndef DPF_BACKUP_H
#define DPF_BACKUP_H

#include "dpf/err.h"

struct db;

/* Copies the open database to path (a new file; an existing one is refused). */
int backup_write(struct db *db, const char *path, struct dpf_err *err);
/* The daily backup: dir/dpf-YYYY-MM-DD.db unless today's exists, then removes the backups
 * older than keep days. *made is 1 when a backup was written. */
int backup_daily(struct db *db, const char *dir, int keep, int *made, struct dpf_err *err);
/* The automatic daily backup: the settings backup_dir and backup_keep (days, 7 if unset).
 * backup_auto_set turns it on (dir) or off (NULL), audited; backup_auto writes today's
 * backup if it is on and not yet written (the first command of the day does it). */
int backup_auto_set(struct db *db, const char *dir, int keep, struct dpf_err *err);
int backup_auto(struct db *db, int *made, struct dpf_err *err);
/* Checks that path is a sound dpf database no newer than this program (integrity_check,
 * application id, schema version), then replaces the open database's content with it and
 * audits the restore. */
int backup_restore(struct db *db, const char *path, struct dpf_err *err);

#endif
