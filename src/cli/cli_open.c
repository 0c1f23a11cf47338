/* SPDX-License-Identifier: MIT */
/* Where the database is and opening it for a command: the default path, the folders it
 * needs, who may do what the command needs (and its guarded option), and the day's
 * automatic backup. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include "cli.h"
#include "dpf/backup.h"
#include "dpf/datadir.h"
#include "dpf/i18n.h"
#include "dpf/priv.h"

/* ~/.local/share/dpf/dpf.db (XDG), created on demand; installed (setgid), DATADIR/dpf.db. */
const char *cli_default_db(void)
{
    static char path[4096];
    const char *data = priv_getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    char dir[4000];

    if (priv_setgid())
        return datadir_db();
    if (data && *data)
        snprintf(dir, sizeof dir, "%s/dpf", data);
    else
        snprintf(dir, sizeof dir, "%s/.local/share/dpf", home && *home ? home : ".");
    snprintf(path, sizeof path, "%s/dpf.db", dir);
    return path;
}

static void make_parent_dirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0700) != 0 && errno != EEXIST)
                return;
            *p = '/';
        }
    }
}

int cli_open(struct cli *c, unsigned flags)
{
    struct dpf_err err;
    int made, is_new = 0, rc = DPF_OK;
    if (c->db)
        return EXIT_OK;
    if (flags & DB_CREATE) {
        is_new = priv_access(c->db_path, F_OK) != 0;
        /* Who creates a file is its admin: in the shared data folder only root may. */
        if (is_new && priv_setgid() && getuid() != 0) {
            fprintf(stderr, _("dpf: only root may create a database in %s\n"), datadir_path());
            return EXIT_FAIL;
        }
        make_parent_dirs(c->db_path);
    }
    if (db_open(c->db_path, flags & DB_CREATE, &c->db, &err) != DPF_OK)
        return cli_fail(&err);
    /* Who creates a file is its admin; no one else is ever made one by opening it. */
    if (is_new)
        rc = access_creator_admin(c->db, &err);
    if (rc == DPF_OK && !(flags & CLI_NO_ACCESS))
        rc = access_check(c->db, c->need, &err);
    if (rc == DPF_OK && c->option && (rc = access_check(c->db, cli_option_cap(c->cmd, c->option),
                                                        &err)) != DPF_OK) {
        char why[sizeof err.msg];
        snprintf(why, sizeof why, "%s", err.msg);
        dpf_err_set(&err, rc, NULL, _("--%s: %s (without it, IDs and bank accounts are masked)"),
                    c->option, why);
    }
    db_set_origin(c->db, c->origin);
    if (rc != DPF_OK) {
        db_close(c->db);
        c->db = NULL;
        return cli_fail(&err);
    }
    /* The day's automatic backup, when the admin turned it on: a warning if it fails, never
     * a reason to refuse the clerk's work. */
    if (backup_auto(c->db, &made, &err) != DPF_OK)
        fprintf(stderr, _("dpf: warning: the automatic backup failed: %s\n"), err.msg);
    return EXIT_OK;
}
