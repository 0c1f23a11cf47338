/* SPDX-License-Identifier: MIT */
/* Shared inside the core by db.c and db_trouble.c: what went wrong with the database file,
 * as opposed to the SQL, told in a clerk's words. */
#ifndef DPF_DB_INTERNAL_H
#define DPF_DB_INTERNAL_H

#include <sqlite3.h>
#include "dpf/err.h"

/* What can go wrong with the file rather than the SQL, each told in its own words: a clerk
 * who reads "disk I/O error" cannot tell a full disk from a missing permission. */
enum trouble { TR_NONE, TR_FULL, TR_DENIED, TR_READONLY, TR_ROFS, TR_MISSING, TR_IO };

/* The trouble an errno names, or TR_NONE. */
int db_errno_trouble(int sys);
/* Sets err for trouble t with the file at path (user: who may not); detail is the OS's or
 * SQLite's words. Returns DPF_EIO. */
int db_trouble_err(struct dpf_err *err, int t, const char *path, const char *user,
                   const char *detail);
/* The SQLite error on h in clear words if it is about the file (err set, DPF_EIO); DPF_OK if
 * it is not. */
int db_file_trouble(sqlite3 *h, const char *path, const char *user, struct dpf_err *err);

#endif
