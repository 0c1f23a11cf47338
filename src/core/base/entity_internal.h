/* SPDX-License-Identifier: MIT */
/* The entities a database defines, kept with its connection (db->entities): entity.c reads
 * them after the modules' own, entity_db.c loads them and gives them their hooks. */
#ifndef DPF_ENTITY_INTERNAL_H
#define DPF_ENTITY_INTERNAL_H

#include "dpf/entity.h"

/* One definition, with the storage its entity points into. */
struct entity_owned {
    struct entity e;
    struct field *fields;
    char *strings;              /* every name, label, key and header, back to back */
};

struct entity_set {
    struct entity_owned *v;
    int n;
};

#endif
