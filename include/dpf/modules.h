/* SPDX-License-Identifier: MIT */
/* Every module, above them all: modules_init has each hand its entities to the registry
 * (dpf/entity.h), once. Front ends (and tests) call it before they open a database. */
#ifndef DPF_MODULES_H
#define DPF_MODULES_H

void modules_init(void);

#endif
