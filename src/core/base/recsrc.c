/* SPDX-License-Identifier: MIT */
/* The record source's choice and its in-process side (see recsrc.h). */
#include <stdlib.h>
#include <string.h>
#include "dpf/priv.h"
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

int recsrc_open(struct recsrc *s, const char *path, enum text_encoding enc,
                struct dpf_err *err)
{
    int rc;

    memset(s, 0, sizeof *s);
    s->path = path;
    s->pid = -1;
    if (recsrc_use_child())
        return recsrc_child_open(s, path, enc, err);
    if ((rc = textfile_load(path, enc, &s->tf, err)) != DPF_OK)
        return rc;
    s->found = s->tf.found;
    csv_reader_init(&s->rd, s->tf.data, s->tf.len);
    return DPF_OK;
}

int recsrc_next(struct recsrc *s, struct csv_record *rec, struct dpf_err *err)
{
    return s->child ? recsrc_child_next(s, rec, err) : csv_next(&s->rd, rec, err);
}

void recsrc_close(struct recsrc *s)
{
    if (s->child) {
        recsrc_child_close(s);
    } else {
        csv_reader_free(&s->rd);
        textfile_free(&s->tf);
    }
    memset(s, 0, sizeof *s);
    s->pid = -1;
}
