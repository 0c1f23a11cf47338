/* SPDX-License-Identifier: MIT */
/* SHA-256 of a file through Nettle (Debian's nettle-dev), read in 64 KB blocks so a large
 * backup needs no more memory than a small one. */
#include <stdio.h>
#include <nettle/sha2.h>
#include "sha256.h"

int sha256_file(const char *path, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    unsigned char buf[65536], digest[SHA256_DIGEST_SIZE];
    FILE *f = fopen(path, "rb");
    size_t n;
    int bad;

    if (!f)
        return -1;
    sha256_init(&ctx);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sha256_update(&ctx, n, buf);
    bad = ferror(f);
    fclose(f);
    if (bad)
        return -1;
    sha256_digest(&ctx, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[64] = '\0';
    return 0;
}
