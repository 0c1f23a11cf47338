/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "dpf/money.h"

int money_parse(const char *s, int64_t *fen)
{
    int64_t yuan = 0, cents = 0;
    int digits = 0, group = -1, decimals = 0;
    size_t len;

    if (!s)
        return -1;
    len = strlen(s);
    if (len >= strlen("元") && strcmp(s + len - strlen("元"), "元") == 0)
        len -= strlen("元");
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (isdigit((unsigned char)c)) {
            if (decimals > 0) {
                if (decimals++ > 2)
                    return -1;
                cents = cents * 10 + (c - '0');
                continue;
            }
            yuan = yuan * 10 + (c - '0');
            if (yuan > MONEY_MAX_FEN / 100)
                return -1;
            digits++;
            if (group >= 0)
                group++;
        } else if (c == ',' && decimals == 0 && digits > 0 && (group < 0 || group == 3)) {
            group = 0;      /* thousands separator: exactly three digits must follow */
        } else if (c == '.' && decimals == 0 && digits > 0) {
            decimals = 1;
        } else {
            return -1;
        }
    }
    if (digits == 0 || (group >= 0 && group != 3) || decimals == 1)
        return -1;
    if (decimals == 2)      /* one decimal: "60.5" is 60 yuan 50 fen */
        cents *= 10;
    *fen = yuan * 100 + cents;
    return 0;
}

char *money_format(int64_t fen, int grouped, char *out, size_t cap)
{
    char digits[32], body[48];
    uint64_t a = fen < 0 ? (uint64_t)(-(fen + 1)) + 1 : (uint64_t)fen;
    int n, k = 0;

    n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)(a / 100));
    for (int i = 0; i < n; i++) {
        if (grouped && i > 0 && (n - i) % 3 == 0)
            body[k++] = ',';
        body[k++] = digits[i];
    }
    body[k] = '\0';
    snprintf(out, cap, "%s%s.%02u", fen < 0 ? "-" : "", body, (unsigned)(a % 100));
    return out;
}

/* a * k / 12 rounded half up, for a >= 0. */
static int64_t twelfths(int64_t a, int k)
{
    return (a * k * 2 + 12) / 24;
}

int64_t money_month_share(int64_t yearly, int month_no)
{
    if (month_no < 1 || month_no > 12)
        return 0;
    return twelfths(yearly, month_no) - twelfths(yearly, month_no - 1);
}
