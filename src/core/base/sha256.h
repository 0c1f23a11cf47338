/* SPDX-License-Identifier: MIT */
/* SHA-256 of a file (Nettle), for the restore's audit row: which backup it was, exactly. */
#ifndef DPF_SHA256_H
#define DPF_SHA256_H

/* Fills hex with the file's SHA-256 as 64 lowercase hex digits; -1 if it cannot be read. */
int sha256_file(const char *path, char hex[65]);

/* Copies everything from the open file `from` to `to` (both at their current offset) and
 * fills hex with the SHA-256 of what was copied; -1 with errno if reading or writing failed. */
int sha256_copy(int from, int to, char hex[65]);

#endif
