/* SPDX-License-Identifier: MIT */
/* Resident ID (GB 11643) and disability certificate number rules. Pure functions. */
#ifndef DPF_IDCARD_H
#define DPF_IDCARD_H

#include "dpf/err.h"

#define IDCARD_LEN 18
#define CERT_MIN_LEN 20
#define CERT_MAX_LEN 24

/* Check character for the first 17 digits (ISO 7064 MOD 11-2): '0'..'9' or 'X'. */
char idcard_check_char(const char *first17);

/* Validates a resident ID and writes its canonical form (upper-case X) to out[19].
 * today is "YYYY-MM-DD"; the birth date may not be after it. field names the error. */
int idcard_validate(const char *id, const char *today, char out[IDCARD_LEN + 1],
                    const char *field, struct dpf_err *err);

/* Birth date "YYYY-MM-DD" (out[11]) and gender (1 male, 2 female) encoded in a valid ID. */
void idcard_birth_date(const char *id, char out[11]);
int idcard_gender(const char *id);

/* Masks the birth date of an ID or certificate number: 340102********1234 (anything after
 * the ID, such as a certificate's category and level, is kept). Shorter text keeps its
 * first and last four characters. out must hold strlen(s) + 1 bytes. */
void idcard_mask(const char *s, char *out);

/* Validates a certificate number on its own: a valid ID, a category digit 1-7, a level
 * digit 1-4 and an optional reissue suffix ("B", "B2"). Writes the canonical form to
 * out[CERT_MAX_LEN + 1]. That the digits match the person's category and level is a rule of
 * the person record (person_validate), which can name both. */
int cert_validate(const char *cert, const char *today, char out[CERT_MAX_LEN + 1],
                  struct dpf_err *err);

#endif
