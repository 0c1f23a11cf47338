/* SPDX-License-Identifier: MIT */
/* The entities a database defines, kept with its connection (db->entities): entity.c reads
 * them after the modules' own, entity_db.c loads them and gives them their hooks. */
#ifndef DPF_ENTITY_INTERNAL_H
#define DPF_ENTITY_INTERNAL_H

#include "dpf/entity.h"

struct store;

/* One definition, with the storage its entity points into and the store of its rows. */
struct entity_owned {
    struct entity e;            /* first: the hooks, given e, find the rest */
    struct field *fields;
    char *strings;              /* every name, label, key and header, back to back, and
                                 * the table and keys quoted for SQL */
    const char **cols;          /* the store's columns: the keys quoted */
    struct store *store;        /* opened (store_open) when the definition is read */
};

struct entity_set {
    struct entity_owned *v;
    int n;
};

#endif
