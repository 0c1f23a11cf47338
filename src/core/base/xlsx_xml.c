/* SPDX-License-Identifier: MIT */
/* The .xlsx reader's XML helpers (see xlsx_read.h): names without their prefix, attributes,
 * a failure from inside a handler, a parser that refuses DTDs, Excel's _xHHHH_ escapes. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "dpf/i18n.h"
#include "xlsx_read.h"

const char *xlsx_local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

const char *xlsx_attr(const char **atts, const char *local)
{
    for (int i = 0; atts[i]; i += 2)
        if (strcmp(xlsx_local(atts[i]), local) == 0)
            return atts[i + 1];
    return NULL;
}

void xlsx_fail(struct xlsx *x, int code, const char *fmt, ...)
{
    va_list ap;

    if (x->failed)
        return;
    x->failed = 1;
    x->err.code = code;
    x->err.field = NULL;
    va_start(ap, fmt);
    vsnprintf(x->err.msg, sizeof x->err.msg, fmt, ap);
    va_end(ap);
    XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL no_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int internal)
{
    struct xlsx *x = ud;
    (void)name, (void)sysid, (void)pubid, (void)internal;
    xlsx_fail(x, DPF_EINVAL, _("%s: the workbook is damaged (a part has a DTD)"), x->name);
}

XML_Parser xlsx_parser(struct xlsx *x)
{
    XML_Parser p = XML_ParserCreate("UTF-8");

    if (p) {
        XML_SetUserData(p, x);
        XML_SetStartDoctypeDeclHandler(p, no_doctype);
    }
    return p;
}

/* _xHHHH_ → the character (Excel's escape for control characters in XML). */
void xlsx_unescape(char *s)
{
    char *w = s;
    unsigned v;
    int n;

    if (!strstr(s, "_x"))
        return;
    while (*s) {
        if (s[0] == '_' && s[1] == 'x' && sscanf(s + 2, "%4x%n", &v, &n) == 1 && n == 4 &&
            s[6] == '_' && strspn(s + 2, "0123456789abcdefABCDEF") >= 4) {
            if (v < 0x80) {
                *w++ = (char)v;
            } else if (v < 0x800) {
                *w++ = (char)(0xC0 | v >> 6);
                *w++ = (char)(0x80 | (v & 0x3F));
            } else {
                *w++ = (char)(0xE0 | v >> 12);
                *w++ = (char)(0x80 | (v >> 6 & 0x3F));
                *w++ = (char)(0x80 | (v & 0x3F));
            }
            s += 7;
        } else {
            *w++ = *s++;
        }
    }
    *w = '\0';
}
