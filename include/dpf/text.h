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

#endif
