/* SPDX-License-Identifier: MIT */
/* The record source's choice: in process (recsrc_local.c) or from a child (recsrc_child.c);
 * see recsrc.h. */
#include <stdlib.h>
#include <string.h>
#include "dpf/priv.h"
#include "book.h"
#include "recsrc.h"

int recsrc_use_child(void)
{
    if (priv_setgid())
        return 1;
#ifdef DPF_TEST_CLOCK
    {
        const char *v = getenv("DPF_TEST_PARSE_CHILD");
        return v && (strcmp(v, "1") == 0 || strncmp(v, "die:", 4) == 0);
    }
#else
    return 0;
#endif
}

int recsrc_open(struct recsrc *s, const char *path, enum text_encoding enc, const char *sheet,
                struct dpf_err *err)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->pid = -1;
    /* A workbook is always read in a child: its XML parsing is the costly part of reading,
     * and so it runs beside the checking and the inserts instead of before them (and the
     * zip and XML libraries meet a hostile file in a process of their own). */
    if (recsrc_use_child() || book_kind_of(path) != BOOK_CSV)
        return recsrc_child_open(s, path, enc, sheet, err);
    return recsrc_local_open(s, path, enc, sheet, err);
}

int recsrc_next(struct recsrc *s, struct csv_record *rec, struct dpf_err *err)
{
    return s->child ? recsrc_child_next(s, rec, err) : recsrc_local_next(s, rec, err);
}

void recsrc_close(struct recsrc *s)
{
    if (s->child)
        recsrc_child_close(s);
    else
        recsrc_local_close(s);
    memset(s, 0, sizeof *s);
    s->pid = -1;
}
