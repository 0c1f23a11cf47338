/* SPDX-License-Identifier: MIT */
/* SHA-256 as FIPS 180-4 gives it, in the shape of Brad Conte's public-domain
 * crypto-algorithms: small, no dependency (none of the libraries dpf links has SHA-256;
 * SQLite's own is SHA-3). Checked against sha256sum by the unit tests. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "sha256.h"

struct sha256 {
    uint8_t data[64];
    uint32_t len;
    uint64_t bits;
    uint32_t h[8];
};

static const uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void transform(struct sha256 *c, const uint8_t *d)
{
    uint32_t m[64], a, b, cc, dd, e, f, g, h, t1, t2;

    for (int i = 0; i < 16; i++)
        m[i] = (uint32_t)d[4 * i] << 24 | (uint32_t)d[4 * i + 1] << 16 |
               (uint32_t)d[4 * i + 2] << 8 | d[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROTR(m[i - 15], 7) ^ ROTR(m[i - 15], 18) ^ (m[i - 15] >> 3);
        uint32_t s1 = ROTR(m[i - 2], 17) ^ ROTR(m[i - 2], 19) ^ (m[i - 2] >> 10);
        m[i] = m[i - 16] + s0 + m[i - 7] + s1;
    }
    a = c->h[0], b = c->h[1], cc = c->h[2], dd = c->h[3];
    e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
    for (int i = 0; i < 64; i++) {
        t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + m[i];
        t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & cc) ^ (b & cc));
        h = g, g = f, f = e, e = dd + t1;
        dd = cc, cc = b, b = a, a = t1 + t2;
    }
    c->h[0] += a, c->h[1] += b, c->h[2] += cc, c->h[3] += dd;
    c->h[4] += e, c->h[5] += f, c->h[6] += g, c->h[7] += h;
}

static void init(struct sha256 *c)
{
    static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memset(c, 0, sizeof *c);
    memcpy(c->h, h0, sizeof h0);
}

static void update(struct sha256 *c, const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        c->data[c->len++] = d[i];
        if (c->len == 64) {
            transform(c, c->data);
            c->bits += 512;
            c->len = 0;
        }
    }
}

static void final(struct sha256 *c, uint8_t out[32])
{
    uint32_t i = c->len;

    c->bits += (uint64_t)c->len * 8;
    c->data[i++] = 0x80;
    if (i > 56) {
        memset(c->data + i, 0, 64 - i);
        transform(c, c->data);
        i = 0;
    }
    memset(c->data + i, 0, 56 - i);
    for (int b = 0; b < 8; b++)
        c->data[63 - b] = (uint8_t)(c->bits >> (8 * b));
    transform(c, c->data);
    for (int w = 0; w < 8; w++)
        for (int b = 0; b < 4; b++)
            out[4 * w + b] = (uint8_t)(c->h[w] >> (24 - 8 * b));
}

int sha256_file(const char *path, char hex[65])
{
    FILE *f = fopen(path, "rb");
    uint8_t buf[65536], sum[32];
    struct sha256 c;
    size_t n;
    int bad;

    if (!f)
        return -1;
    init(&c);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        update(&c, buf, n);
    bad = ferror(f);
    fclose(f);
    if (bad)
        return -1;
    final(&c, sum);
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", sum[i]);
    return 0;
}
