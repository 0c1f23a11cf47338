/* SPDX-License-Identifier: MIT */
/* Text laid out by display width (text_wrap.c): lines broken to a width in cells, so that a
 * message is shown whole on a narrow screen, and the loose match a picker narrows by. Pure
 * functions: no terminal, no database. */
#ifndef DPF_TEXTWRAP_H
#define DPF_TEXTWRAP_H

#include <stddef.h>

/* Bytes of s that make its first line at most width cells wide: broken after the last space
 * that fits when there is one, else after the last character that fits (Chinese text has no
 * spaces and may break between any two characters); never in the middle of a character, and
 * at least one character when s is not empty. The next line starts after the spaces that
 * follow (text_wrap_skip). */
size_t text_wrap_line(const char *s, int width);
/* s past its leading spaces. */
const char *text_wrap_skip(const char *s);
/* How many lines text_wrap_line breaks s into (0 for empty text). */
int text_wrap_count(const char *s, int width);

/* True when needle occurs in hay, ASCII letters compared without case; an empty needle is in
 * every text. */
int text_has(const char *hay, const char *needle);

#endif
