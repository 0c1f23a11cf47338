/* SPDX-License-Identifier: MIT */
/* SHA-256 of a file through Nettle (Debian's nettle-dev), read in 64 KB blocks so a large
 * backup needs no more memory than a small one. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <nettle/sha2.h>
#include "sha256.h"

static void to_hex(struct sha256_ctx *ctx, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char digest[SHA256_DIGEST_SIZE];

    sha256_digest(ctx, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[64] = '\0';
}

/* Writes all of buf, however many calls it takes. */
static int write_all(int fd, const unsigned char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

int sha256_copy(int from, int to, char hex[65])
{
    struct sha256_ctx ctx;
    unsigned char buf[65536];
    ssize_t n;

    sha256_init(&ctx);
    while ((n = read(from, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || write_all(to, buf, (size_t)n) != 0)
            return -1;
        sha256_update(&ctx, (size_t)n, buf);
    }
    to_hex(&ctx, hex);
    return 0;
}

int sha256_file(const char *path, char hex[65])
{
    struct sha256_ctx ctx;
    unsigned char buf[65536];
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
    to_hex(&ctx, hex);
    return 0;
}
