/* SPDX-License-Identifier: MIT */
/* The terminal front end, as the command line starts it. */
#ifndef DPF_TUI_H
#define DPF_TUI_H

struct db;

/* Runs the screens on an open database until the clerk quits; returns an exit status.
 * Refuses (with a message on stderr) a terminal that is not UTF-8. */
int tui_run(struct db *db, const char *db_path);

#endif
