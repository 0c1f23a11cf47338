/* SPDX-License-Identifier: MIT */
/* The registry of entities (dpf/entity.h): the modules' in the order they registered, then
 * the ones a database defines (entity_db.c, kept with the connection). Lookups by name and
 * by field key; nothing here knows a module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "entity_internal.h"
#include "db_struct.h"

enum { ENTITY_MAX = 64 };

/* Filled once, under modules_init's pthread_once, before any lookup. */
static const struct entity *registered[ENTITY_MAX];
static int nregistered;

/* Only the modules register, once, from code: a kind without a name, a second kind of the
 * same name or one past the table is a mistake in the program, stopped on the first run
 * (every test starts here) rather than a kind that quietly is not there. */
static void misregistered(const char *why, const char *name)
{
    fprintf(stderr, "dpf: entity_register: %s: %s\n", why, name ? name : "(no name)");
    abort();
}

void entity_register(const struct entity *e)
{
    if (!e || !e->name)
        misregistered("an entity without a name", NULL);
    if (nregistered >= ENTITY_MAX)
        misregistered("more entities than ENTITY_MAX", e->name);
    for (int i = 0; i < nregistered; i++)
        if (strcmp(registered[i]->name, e->name) == 0)
            misregistered("registered twice", e->name);
    registered[nregistered++] = e;
}

const struct entity *entity_at(struct db *db, int i)
{
    if (i < 0)
        return NULL;
    if (i < nregistered)
        return registered[i];
    i -= nregistered;
    return db && db->entities && i < db->entities->n ? &db->entities->v[i].e : NULL;
}

const struct entity *entity_find(struct db *db, const char *name)
{
    const struct entity *e;

    for (int i = 0; name && (e = entity_at(db, i)) != NULL; i++)
        if (strcmp(e->name, name) == 0)
            return e;
    return NULL;
}

const struct field *entity_field_of(struct db *db, const char *key)
{
    const struct entity *e;
    int f;

    for (int i = 0; key && (e = entity_at(db, i)) != NULL; i++)
        if ((f = field_by_key(e->fields, e->nfields, key)) >= 0)
            return &e->fields[f];
    return NULL;
}

const char *entity_key_label(struct db *db, const char *key)
{
    const struct entity *e;
    const char *l;
    int f;

    /* Entity by entity, its fields and then its own labels: the order the modules
     * registered decides which label a key shared by two kinds takes. */
    for (int i = 0; key && (e = entity_at(db, i)) != NULL; i++) {
        if ((f = field_by_key(e->fields, e->nfields, key)) >= 0)
            return _(e->fields[f].label);
        if (e->audit_label && (l = e->audit_label(key)) != NULL)
            return l;
    }
    return key;
}

int entity_export(struct db *db, const struct entity *e, const struct entity_export *x,
                  long *rows, struct dpf_err *err)
{
    *rows = 0;
    if (!e || !e->export)
        return dpf_err_set(err, DPF_EINVAL, NULL, _("Nothing is exported as \"%s\""),
                           e ? e->name : "");
    return e->export(db, e, x, rows, err);
}
