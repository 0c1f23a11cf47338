/* SPDX-License-Identifier: MIT */
/* Display width of UTF-8 text in terminal cells: the one place that counts columns.
 * Chinese characters take two cells; nothing else in dpf counts columns by bytes. */
#ifndef DPF_TEXT_H
#define DPF_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* Cells that s takes on a terminal (control and invalid bytes count as one). */
int text_width(const char *s);

/* Cells one character takes (a control character counts as one). */
int text_wchar_width(wchar_t wc);

/* Copies s into out (cap bytes), clipped to at most width cells without splitting a
 * character, then padded with spaces to exactly width cells (left-aligned) or, with
 * right != 0, right-aligned. Returns out. */
char *text_fit(char *out, size_t cap, const char *s, int width, int right);

/* s as it may be printed on a terminal: control characters (C0, newline and tab included,
 * DEL, and C1 U+0080-U+009F) and bytes that are not UTF-8 become U+FFFD, so text from the
 * database cannot move the cursor, erase lines or retitle the window. Returns s itself when
 * nothing needs replacing, else out (cap bytes, clipped at a character boundary). */
const char *text_safe(const char *s, char *out, size_t cap);

#endif
