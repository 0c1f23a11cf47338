/* SPDX-License-Identifier: MIT */
/* The office's places (schema/010_place.sql): townships (乡镇街道) and their villages
 * (村社区), each with its official code (行政区划代码: 9 digits for a township, 12 for a
 * village, beginning with its township's), or none yet. The manager keeps the list
 * (`dpf place`, `dpf import places`); once it holds any place, a person's township and
 * village must be on it (person_insert, person_update and the register's import check
 * them), and an unknown name is refused with the nearest names the list has. An office
 * with no places yet checks nothing: its first register import takes the places it finds
 * (only with --new-places). Lists come in code order; places without a code after the
 * coded ones, by name. */
#ifndef DPF_PLACE_H
#define DPF_PLACE_H

#include <stddef.h>
#include <stdint.h>
#include "dpf/err.h"
#include "dpf/field.h"

struct db;

enum { PLACE_TOWNSHIP_CODE = 9, PLACE_VILLAGE_CODE = 12, PLACE_NAME_MAX = 30 };

enum place_field { PL_TOWNSHIP, PL_VILLAGE, PL_CODE, PLACE_NFIELDS };
/* The places template: 乡镇街道, 村社区 (empty for the township itself), 行政区划代码. */
extern const struct field place_fields[PLACE_NFIELDS];

/* The townships (township NULL) or the villages of a township, in code order: fn gets each
 * name and code ("" when it has none) and stops the walk by returning non-zero. For a
 * picker: type-to-narrow filters these. */
int place_names(struct db *db, const char *township,
                int (*fn)(const char *name, const char *code, void *ctx), void *ctx,
                struct dpf_err *err);
/* Puts n items of size bytes, each holding a township's name at name_off, in the place
 * list's code order; townships not on the list come after, by name (all of them by name
 * when the office has no places yet). For tables gathered from the records by township. */
int place_sort_townships(struct db *db, void *base, size_t n, size_t size, size_t name_off,
                         struct dpf_err *err);
/* How many places (townships and villages) the office holds. */
int place_count(struct db *db, long *n, struct dpf_err *err);

/* Adds a township (township NULL) or a village of township, with its code (NULL or "":
 * none yet). Refuses a name already there, a code that is not 9 (12) digits, a village
 * code that does not begin with its township's. Audited; call inside a transaction. */
int place_add(struct db *db, const char *township, const char *name, const char *code,
              struct dpf_err *err);
/* Gives a place (a township, or a village of township) a new code (NULL: keep; "": none)
 * and a new name (NULL: keep). A township's villages' codes must still begin with its new
 * code. Renaming a place persons are registered at is refused (they would lose it). */
int place_edit(struct db *db, const char *township, const char *name, const char *new_name,
               const char *new_code, struct dpf_err *err);

/* A place by its code or name: a township (township NULL; a 12-digit code finds a village
 * too) or a village of township. Fills the names and code (out_* may be NULL; sizes at
 * least PLACE_NAME_MAX * 4 + 1 and 13). DPF_ENOTFOUND with err saying so and naming the
 * nearest names. */
int place_find(struct db *db, const char *township, const char *name_or_code,
               char *out_township, char *out_name, char *out_code, struct dpf_err *err);

/* Up to 3 names of the list nearest to name (fewest characters to change), "、"-joined into
 * out: townships (township NULL) or that township's villages. "" when none is near. */
int place_nearest(struct db *db, const char *township, const char *name, char *out,
                  size_t cap, struct dpf_err *err);

/* The check a person's record passes: DPF_OK when the office has no places or the
 * township (and the village, if any) are on the list, else DPF_EINVAL naming the field
 * ("township" or "village") and the nearest known names. */
int place_check(struct db *db, const char *township, const char *village,
                struct dpf_err *err);

/* The places entity (`dpf template|import|export places`) for the registry. */
void place_register_entities(void);

#endif
