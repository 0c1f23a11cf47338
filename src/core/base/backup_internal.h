/* SPDX-License-Identifier: MIT */
/* What backup.c and restore.c share: backup_copy.c's copy and facts (below both), and
 * restore.c's sweep (which the daily backup runs too). */
#ifndef DPF_BACKUP_INTERNAL_H
#define DPF_BACKUP_INTERNAL_H

#include <sqlite3.h>

/* backup_copy.c. */
/* Copies all pages of from's main database into to's (SQLite's online backup API), waiting
 * for others' locks rather than failing. An SQLite result code. */
int backup_copy(sqlite3 *to, sqlite3 *from);

/* A database file's PRAGMA integrity_check (its first line, "ok" when sound; "" when it
 * cannot be read), and when sound its application id and user_version. */
void backup_file_facts(sqlite3 *h, char result[64], int *app, int *version);

/* restore.c. */
/* Removes what restores killed midway left beside the database at db_path: their private
 * image folders (ours, 0700, and no longer locked by a running restore). */
void restore_sweep(const char *db_path);

#endif
