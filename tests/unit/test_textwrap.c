/* SPDX-License-Identifier: MIT */
/* Lines broken by display width (a message shown whole at 80 columns) and the loose match a
 * picker narrows its choices by. */
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "dpf/text.h"
#include "dpf/textwrap.h"

/* The lines of s at width, joined with '|'. */
static const char *lines(const char *s, int width, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (s = text_wrap_skip(s); *s; ) {
        size_t n = text_wrap_line(s, width);
        len += (size_t)snprintf(out + len, cap - len, "%s%.*s", len ? "|" : "", (int)n, s);
        s = text_wrap_skip(s + n);
    }
    return out;
}

static void breaks_after_a_space(void **state)
{
    char buf[256];
    (void)state;
    assert_string_equal(lines("one two three", 8, buf, sizeof buf), "one two |three");
    assert_string_equal(lines("one two three", 13, buf, sizeof buf), "one two three");
    assert_int_equal(text_wrap_count("one two three", 8), 2);
    assert_int_equal(text_wrap_count("", 8), 0);
}

static void chinese_breaks_between_characters(void **state)
{
    char buf[256];
    (void)state;
    /* Each character is two cells: five fit in ten, never half of one. */
    assert_string_equal(lines("残疾人证号：残疾类别码", 10, buf, sizeof buf),
                        "残疾人证号|：残疾类别|码");
    assert_string_equal(lines("残疾人证号", 9, buf, sizeof buf), "残疾人证|号");
    /* A word too long for the line is cut where it must be, not lost. */
    assert_string_equal(lines("34150319900101123941", 8, buf, sizeof buf),
                        "34150319|90010112|3941");
    /* A width narrower than one character still moves on. */
    assert_int_equal(text_wrap_count("残疾", 1), 2);
    /* Every line fits its width. */
    for (const char *s = "残疾人证号：残疾类别码 6（精神）与残疾类别“肢体”不一致"; *s; ) {
        size_t n = text_wrap_line(s, 21);
        char one[128];
        snprintf(one, sizeof one, "%.*s", (int)n, s);
        assert_true(text_width(one) <= 21);
        s = text_wrap_skip(s + n);
    }
}

static void matches_loosely(void **state)
{
    (void)state;
    assert_true(text_has("3 残疾人证", "残疾"));
    assert_true(text_has("Alpha Clinic", "clin"));
    assert_true(text_has("任何", ""));
    assert_false(text_has("1 理赔申请书", "病历"));
    assert_false(text_has("", "x"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(breaks_after_a_space),
        cmocka_unit_test(chinese_breaks_between_characters),
        cmocka_unit_test(matches_loosely),
    };
    setlocale(LC_ALL, "C.UTF-8");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
