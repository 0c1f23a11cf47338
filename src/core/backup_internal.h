/* SPDX-License-Identifier: MIT */
/* What backup.c and restore.c share. */
#ifndef DPF_BACKUP_INTERNAL_H
#define DPF_BACKUP_INTERNAL_H

#include <sqlite3.h>

/* Copies all pages of from's main database into to's (SQLite's online backup API), waiting
 * for others' locks rather than failing. An SQLite result code. */
int backup_copy(sqlite3 *to, sqlite3 *from);

#endif
