/* SPDX-License-Identifier: MIT */
/* A record is an array of canonical text values indexed like its field table. These build
 * the JSON the audit log keeps of one. */
#ifndef DPF_RECORD_H
#define DPF_RECORD_H

#include "dpf/field.h"
#include "strbuf.h"

/* {"key":"value",...} of the non-empty values. */
void record_json(struct strbuf *sb, const struct field *fields, int n, char *const *v);
/* The fields where a and b differ, with a's values (side 0) or b's (side 1); null for an
 * empty value. "{}" when nothing differs. */
void record_json_diff(struct strbuf *sb, const struct field *fields, int n, char *const *a,
                      char *const *b, int side);

#endif
