/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the resident-ID and certificate validators and the mask over any text.
 * An accepted ID must be 18 characters whose check character is right. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/idcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char s[64], out[IDCARD_LEN + 1], cert[CERT_MAX_LEN + 1], masked[64];
    struct dpf_err err;
    size_t n = size < sizeof s - 1 ? size : sizeof s - 1;

    memcpy(s, data, n);
    s[n] = '\0';
    if (idcard_validate(s, "2026-06-30", out, "id_no", &err) == DPF_OK &&
        (strlen(out) != IDCARD_LEN || idcard_check_char(out) != out[17]))
        abort();
    cert_validate(s, "2026-06-30", cert, &err);
    idcard_mask(s, masked);
    return 0;
}
