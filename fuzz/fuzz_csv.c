/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the CSV reader over any bytes (quotes, CR, NUL, invalid UTF-8, huge
 * fields). Every record must stay within the input and the reader must end. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct csv_reader r;
    struct csv_record rec;
    struct dpf_err err;
    int rc, records = 0;

    csv_reader_init(&r, (const char *)data, size);
    while ((rc = csv_next(&r, &rec, &err)) != 0 && records++ < 1000000) {
        for (int i = 0; rc > 0 && i < rec.nfields; i++)
            if (strlen(rec.fields[i]) > size)
                abort();        /* a field longer than the whole input */
        if (rc < 0 && rec.bad_column < 0)
            abort();
    }
    csv_reader_free(&r);
    return 0;
}
