/* SPDX-License-Identifier: MIT */
/* Traditional and Simplified characters (OpenCC). The register, its templates and its CSV
 * headers are Simplified: that is the file format. Traditional text typed or imported is
 * made Simplified before it is checked and stored (hant_simplify, from field_parse); text
 * shown in a Traditional UI that does not come from the catalogue (a sheet name, a report
 * heading) is converted as it is shown (hant_display). */
#ifndef DPF_HANT_H
#define DPF_HANT_H

#include <stddef.h>

/* 1 if s has a character that OpenCC's t2s changes (a table made at build, no OpenCC call):
 * pure ASCII and Simplified text, nearly every value of a register, answer 0 at once. */
int hant_has_traditional(const char *s);

/* s in Simplified characters, malloc'd; NULL when nothing changes (hant_has_traditional is 0)
 * or OpenCC cannot run (the text is then kept as typed). Safe from any thread. */
char *hant_simplify(const char *s);

/* s as the UI shows it: in Traditional characters when the UI language is (i18n_opencc),
 * written into buf (size bytes, clipped at a character); else s itself. */
const char *hant_display(const char *s, char *buf, size_t size);

/* hant_display of a string that lives for the whole run (a sheet name, a heading written in
 * the code), giving one that does too: each conversion is made once and kept. */
const char *hant_static(const char *s);

#endif
