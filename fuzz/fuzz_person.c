/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the import's validation of a row. The input is split on commas into
 * the person fields' values, each parsed by its field description as the import does, then
 * the whole record validated. Nothing may crash, whatever the bytes (emoji, combining marks,
 * controls, very long values). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/person.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), *p, *next;
    struct person person;
    struct dpf_err err;

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    person_init(&person);
    p = text;
    for (int f = 0; f < PERSON_NFIELDS && p; f++, p = next) {
        char *v = NULL;
        if ((next = strchr(p, ',')))
            *next++ = '\0';
        if (field_parse(&person_fields[f], p, "2026-06-30", &v, &err) == DPF_OK)
            person_set(&person, f, v);
        free(v);
    }
    person_validate(&person, "2026-06-30", &err);
    person_clear(&person);
    free(text);
    return 0;
}
