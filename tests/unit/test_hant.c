/* SPDX-License-Identifier: MIT */
/* Traditional characters: what is typed or imported becomes Simplified through field_parse
 * (names, free text, choices by name; codes and IDs untouched), and what a Traditional UI
 * shows outside the catalogue is converted as it is shown. */
#include "testutil.h"
#include "dpf/field.h"
#include "dpf/hant.h"

/* Parses input as person field i; returns the canonical value (static copy) or NULL. */
static const char *parse(int i, const char *input)
{
    static char keep[256];
    struct dpf_err err;
    char *out = NULL;

    if (field_parse(&person_fields[i], input, TU_TODAY, &out, &err) != DPF_OK)
        return NULL;
    snprintf(keep, sizeof keep, "%s", out ? out : "(null)");
    free(out);
    return keep;
}

static void finds_traditional(void **state)
{
    (void)state;
    assert_false(hant_has_traditional(""));
    assert_false(hant_has_traditional("Zhang Wei 12345"));
    assert_false(hant_has_traditional("张伟 新安镇东街3号"));
    assert_true(hant_has_traditional("乾隆"));  /* 乾 alone is 干: t2s is asked, keeps 乾隆 */
    assert_true(hant_has_traditional("張"));
    assert_true(hant_has_traditional("abc陳"));
    assert_true(hant_has_traditional("\xF0\xA0\x80\x80"));   /* beyond the BMP: asked */
    assert_false(hant_has_traditional("\x80\xE5"));         /* broken bytes: no read past */
}

static void simplifies(void **state)
{
    char *s;

    (void)state;
    assert_null(hant_simplify("张伟"));
    assert_null(hant_simplify("ABC"));
    assert_null(hant_simplify("乾隆"));
    s = hant_simplify("張偉");
    assert_string_equal(s, "张伟");
    free(s);
    s = hant_simplify("陳麗華，東門村");
    assert_string_equal(s, "陈丽华，东门村");
    free(s);
}

static void field_parse_stores_simplified(void **state)
{
    (void)state;
    assert_string_equal(parse(PF_NAME, " 張偉 "), "张伟");
    assert_string_equal(parse(PF_NAME, "陳麗華"), "陈丽华");
    assert_string_equal(parse(PF_ADDRESS, "新安鎮東街3號"), "新安镇东街3号");
    assert_string_equal(parse(PF_CATEGORY, "肢體"), "4");
    assert_string_equal(parse(PF_CATEGORY, "肢体"), "4");
    assert_string_equal(parse(PF_LEVEL, "二級"), "2");
    assert_string_equal(parse(PF_NAME, "李秀英"), "李秀英");
    assert_null(parse(PF_PHONE, "電話"));
}

static void displays_in_the_ui_script(void **state)
{
    char buf[64];
    const char *s = "精准康复";

    (void)state;
    setenv("LANGUAGE", "zh_CN", 1);
    assert_ptr_equal(hant_display(s, buf, sizeof buf), s);
    setenv("LANGUAGE", "zh_TW:zh_CN", 1);
    assert_string_equal(hant_display(s, buf, sizeof buf), "精準康復");
    assert_string_equal(hant_display("sheet", buf, sizeof buf), "sheet");
    assert_string_equal(hant_display(s, buf, 7), "精準");     /* cut at a character */
    unsetenv("LANGUAGE");
    assert_ptr_equal(hant_display(s, buf, sizeof buf), s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_traditional),
        cmocka_unit_test(simplifies),
        cmocka_unit_test(field_parse_stores_simplified),
        cmocka_unit_test(displays_in_the_ui_script),
    };
    return cmocka_run_group_tests_name("hant", tests, NULL, NULL);
}
