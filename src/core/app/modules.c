/* SPDX-License-Identifier: MIT */
/* The list of modules, on the top floor of the core (beside report and demo), so that base
 * never names a module: the one place a new module is added, by its registration function.
 * Their order is the registry's: the order of `dpf --help` and of the labels an audit key
 * takes when two kinds share it. */
#include <pthread.h>
#include "dpf/enrol.h"
#include "dpf/entity.h"
#include "dpf/insurance.h"
#include "dpf/modules.h"
#include "dpf/person.h"
#include "dpf/place.h"
#include "dpf/rehab.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void register_all(void)
{
    person_register_entities();
    subsidy_register_entities();
    rehab_register_entities();
    insurance_register_entities();
    place_register_entities();
    entity_db_attach();         /* and every database's own kinds, when it opens */
}

void modules_init(void)
{
    pthread_once(&once, register_all);
}
