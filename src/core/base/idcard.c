/* SPDX-License-Identifier: MIT */
/* GB 11643 resident IDs and second-generation certificate numbers (ID + category digit +
 * level digit + optional reissue suffix). No database, no I/O. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/idcard.h"

static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_map[] = "10X98765432";

char idcard_check_char(const char *first17)
{
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (first17[i] - '0') * weights[i];
    return check_map[sum % 11];
}

static int days_in_month(int y, int m)
{
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

void idcard_birth_date(const char *id, char out[11])
{
    memcpy(out, id + 6, 4);
    out[4] = '-';
    memcpy(out + 5, id + 10, 2);
    out[7] = '-';
    memcpy(out + 8, id + 12, 2);
    out[10] = '\0';
}

int idcard_gender(const char *id)
{
    return ((id[16] - '0') % 2) ? 1 : 2;
}

int idcard_validate(const char *id, const char *today, char out[IDCARD_LEN + 1],
                    const char *field, struct dpf_err *err)
{
    size_t len = strlen(id);
    int y, m, d;
    char birth[11], last;

    if (len != IDCARD_LEN)
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Resident ID must be 18 characters, not %zu"), len);
    for (int i = 0; i < 17; i++)
        if (!isdigit((unsigned char)id[i]))
            return dpf_err_set(err, DPF_EINVAL, field,
                               _("Resident ID: character %d is not a digit"), i + 1);
    last = (char)toupper((unsigned char)id[17]);
    if (!isdigit((unsigned char)last) && last != 'X')
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Resident ID: the last character must be a digit or X"));
    y = (id[6] - '0') * 1000 + (id[7] - '0') * 100 + (id[8] - '0') * 10 + (id[9] - '0');
    m = (id[10] - '0') * 10 + (id[11] - '0');
    d = (id[12] - '0') * 10 + (id[13] - '0');
    if (y < 1880 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Resident ID: %.8s is not a valid date of birth"), id + 6);
    idcard_birth_date(id, birth);
    if (today && strcmp(birth, today) > 0)
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Resident ID: date of birth %s is in the future"), birth);
    if (idcard_check_char(id) != last)
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Resident ID: wrong check character %c (expected %c)"), last,
                           idcard_check_char(id));
    memcpy(out, id, 17);
    out[17] = last;
    out[18] = '\0';
    return DPF_OK;
}

void idcard_mask(const char *s, char *out)
{
    size_t len = strlen(s);
    strcpy(out, s);
    /* Keep the address code and the last four (sequence and check character) of an ID. */
    if (len >= IDCARD_LEN)
        memset(out + 6, '*', 8);
    else if (len > 8)
        memset(out + 4, '*', len - 8);
}

static int suffix_ok(const char *s)
{
    /* A reissued card: "B", or "B" and a number ("B2"). */
    if (*s == '\0')
        return 1;
    if (toupper((unsigned char)*s) != 'B')
        return 0;
    for (s++; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

int cert_validate(const char *cert, const char *today, char out[CERT_MAX_LEN + 1],
                  struct dpf_err *err)
{
    static const char field[] = "cert_no";
    size_t len = strlen(cert);
    char id[IDCARD_LEN + 1];
    struct dpf_err sub;
    int c, l;

    if (len < CERT_MIN_LEN || len > CERT_MAX_LEN)
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Certificate number must be 20 characters (18-character ID, "
                             "category digit, level digit), not %zu"), len);
    memcpy(id, cert, IDCARD_LEN);
    id[IDCARD_LEN] = '\0';
    if (idcard_validate(id, today, id, field, &sub) != DPF_OK)
        return dpf_err_set(err, DPF_EINVAL, field, _("Certificate number: %s"), sub.msg);
    c = cert[18] - '0';
    l = cert[19] - '0';
    if (c < 1 || c > 7)
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Certificate number: category digit %c is not 1-7"), cert[18]);
    if (l < 1 || l > 4)
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Certificate number: level digit %c is not 1-4"), cert[19]);
    if (!suffix_ok(cert + 20))
        return dpf_err_set(err, DPF_EINVAL, field,
                           _("Certificate number: unknown suffix \"%s\" (a reissue is B or "
                             "B2)"), cert + 20);
    memcpy(out, id, IDCARD_LEN);
    for (size_t i = IDCARD_LEN; i <= len; i++)
        out[i] = (char)toupper((unsigned char)cert[i]);
    return DPF_OK;
}
