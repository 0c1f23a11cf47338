/* SPDX-License-Identifier: MIT */
/* Sorted, filtered pages of the register by keyset: each page starts after the last
 * (name, id) shown, so page 50,000 costs what page 1 does (OFFSET would walk the rows). */
#include <stdlib.h>
#include <string.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "person_internal.h"
#include "strbuf.h"

/* Greater than any UTF-8 text that starts with the prefix: U+10FFFF's encoding. */
#define TEXT_MAX_SUFFIX "\xF4\x8F\xBF\xBF"

void person_cursor_free(struct person_cursor *cur)
{
    free(cur->name);
    cur->name = NULL;
    cur->id = 0;
}

static void build_sql(struct strbuf *q, const struct person_filter *flt,
                      const struct person_cursor *cur)
{
    sb_printf(q, "SELECT id, %s FROM person WHERE 1", person_columns());
    if (flt->name_prefix && *flt->name_prefix)
        sb_add(q, " AND name >= :prefix AND name < :prefix_end");
    if (flt->township && *flt->township)
        sb_add(q, " AND township = :township");
    if (flt->status)
        sb_add(q, " AND status = :status");
    if (cur->name)
        sb_add(q, " AND (name, id) > (:after_name, :after_id)");
    sb_add(q, " ORDER BY name, id LIMIT :limit");
}

static void bind_named_text(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

int person_page(struct db *db, const struct person_filter *flt, struct person_cursor *cur,
                int limit, person_row_fn fn, void *ctx, int *rows, struct dpf_err *err)
{
    struct strbuf q, end;
    struct person p;
    sqlite3_stmt *st;
    int rc, n = 0;

    *rows = 0;
    sb_init(&q);
    sb_init(&end);
    build_sql(&q, flt, cur);
    st = q.oom ? NULL : db_stmt(db, sb_str(&q), err);
    sb_free(&q);
    if (!st)
        return DPF_EDB;
    if (flt->name_prefix && *flt->name_prefix) {
        sb_add(&end, flt->name_prefix);
        sb_add(&end, TEXT_MAX_SUFFIX);
        bind_named_text(st, ":prefix", flt->name_prefix);
        bind_named_text(st, ":prefix_end", sb_str(&end));
    }
    bind_named_text(st, ":township", flt->township);
    sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":status"), flt->status);
    bind_named_text(st, ":after_name", cur->name);
    sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":after_id"), cur->id);
    sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"), limit);
    sb_free(&end);

    person_init(&p);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (person_from_row(st, &p) != DPF_OK) {
            rc = SQLITE_NOMEM;
            break;
        }
        n++;
        free(cur->name);
        cur->name = strdup(p.v[PF_NAME]);
        cur->id = p.id;
        if (fn && fn(&p, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    person_clear(&p);
    sqlite3_reset(st);
    *rows = n;
    if (rc == SQLITE_NOMEM)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}
