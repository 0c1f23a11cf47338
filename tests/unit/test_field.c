/* SPDX-License-Identifier: MIT */
/* Single-field parsing and formatting over the person field table: dates, flags, choices,
 * phones, bank accounts, text length in characters, control characters, masking. */
#include "testutil.h"
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "dpf/programme.h"
#include "dpf/rehab.h"

static const struct field *F(int i)
{
    return &person_fields[i];
}

/* Parses input as field i; returns the canonical value (static copy) or NULL on error. */
static const char *parse(int i, const char *input, struct dpf_err *err)
{
    static char keep[256];
    char *out = NULL;
    if (field_parse(F(i), input, TU_TODAY, &out, err) != DPF_OK)
        return NULL;
    snprintf(keep, sizeof keep, "%s", out ? out : "(null)");
    free(out);
    return keep;
}

static void dates(void **state)
{
    struct dpf_err err;
    (void)state;
    assert_string_equal(parse(PF_CERT_ISSUE_DATE, "2015-03-01", &err), "2015-03-01");
    assert_string_equal(parse(PF_CERT_ISSUE_DATE, "2015/3/1", &err), "2015-03-01");
    assert_string_equal(parse(PF_CERT_ISSUE_DATE, "2015-3-1", &err), "2015-03-01");
    assert_string_equal(parse(PF_CERT_ISSUE_DATE, "20150301", &err), "2015-03-01");
    assert_string_equal(parse(PF_CERT_ISSUE_DATE, " 2024-02-29 ", &err), "2024-02-29");
    assert_null(parse(PF_CERT_ISSUE_DATE, "2023-02-29", &err));
    assert_string_equal(err.field, "cert_issue_date");
    assert_null(parse(PF_CERT_ISSUE_DATE, "2015-03/01", &err));
    assert_null(parse(PF_CERT_ISSUE_DATE, "2015-13-01", &err));
    assert_null(parse(PF_CERT_ISSUE_DATE, "15-3-1", &err));
    assert_null(parse(PF_CERT_ISSUE_DATE, "2015-03-01x", &err));
    assert_null(parse(PF_CERT_ISSUE_DATE, "2026-07-01", &err));
    assert_non_null(strstr(err.msg, "future"));
    assert_string_equal(parse(PF_CERT_ISSUE_DATE, "2026-06-30", &err), "2026-06-30");
    assert_string_equal(parse(PF_CERT_ISSUE_DATE, "", &err), "(null)");
    {   /* a policy's period may lie ahead: FF_FUTURE lifts only the future rule */
        struct field period = person_fields[PF_CERT_ISSUE_DATE];
        char *v = NULL;
        period.flags |= FF_FUTURE;
        assert_int_equal(field_parse(&period, "2027-03-29", "2026-06-30", &v, &err), DPF_OK);
        assert_string_equal(v, "2027-03-29");
        free(v);
        assert_int_equal(field_parse(&period, "2027-02-30", "2026-06-30", &v, &err), DPF_EINVAL);
    }
}

static void flags_and_choices(void **state)
{
    struct dpf_err err;
    (void)state;
    assert_string_equal(parse(PF_POOR_REG, "是", &err), "1");
    assert_string_equal(parse(PF_POOR_REG, "否", &err), "0");
    assert_string_equal(parse(PF_POOR_REG, "1", &err), "1");
    assert_string_equal(parse(PF_POOR_REG, "0", &err), "0");
    assert_null(parse(PF_POOR_REG, "也许", &err));
    assert_string_equal(err.field, "poor_reg");
    assert_string_equal(parse(PF_CATEGORY, "肢体", &err), "4");
    assert_string_equal(parse(PF_CATEGORY, "7", &err), "7");
    assert_null(parse(PF_CATEGORY, "8", &err));
    assert_null(parse(PF_CATEGORY, "肢", &err));
    assert_string_equal(parse(PF_LEVEL, "二级", &err), "2");
    assert_string_equal(parse(PF_LEVEL, "4", &err), "4");
    assert_null(parse(PF_LEVEL, "五级", &err));
    assert_string_equal(parse(PF_GENDER, "女", &err), "2");
    assert_string_equal(parse(PF_STATUS, "迁出", &err), "3");
}

static void phones_and_accounts(void **state)
{
    struct dpf_err err;
    (void)state;
    assert_string_equal(parse(PF_PHONE, "13805641234", &err), "13805641234");
    assert_string_equal(parse(PF_PHONE, "0564-3312345", &err), "0564-3312345");
    assert_string_equal(parse(PF_PHONE, "010-12345678", &err), "010-12345678");
    assert_string_equal(parse(PF_PHONE, "3312345", &err), "3312345");
    assert_null(parse(PF_PHONE, "12345", &err));
    assert_string_equal(err.field, "phone");
    assert_null(parse(PF_PHONE, "2380564123", &err));
    assert_null(parse(PF_PHONE, "1380564123a", &err));
    assert_null(parse(PF_GUARDIAN_PHONE, "0564-33", &err));
    assert_string_equal(parse(PF_BANK_ACCOUNT, "6217 0000 1234 5678 901", &err),
                        "6217000012345678901");
    assert_null(parse(PF_BANK_ACCOUNT, "6217-0000", &err));
    assert_null(parse(PF_BANK_ACCOUNT, "1234567", &err));
}

static void text_rules(void **state)
{
    struct dpf_err err;
    char name[200] = "";
    (void)state;
    /* 30 Chinese characters (90 bytes) fit a 30-character name; 31 do not. */
    for (int i = 0; i < 30; i++)
        strcat(name, "张");
    assert_non_null(parse(PF_NAME, name, &err));
    strcat(name, "张");
    assert_null(parse(PF_NAME, name, &err));
    assert_non_null(strstr(err.msg, "30"));
    assert_null(parse(PF_NAME, "张\x01伟", &err));
    assert_non_null(strstr(err.msg, "control"));
    assert_null(parse(PF_NAME, "   ", &err));
    assert_non_null(strstr(err.msg, "required"));
    assert_string_equal(parse(PF_NAME, "  李秀英 ", &err), "李秀英");
    /* Derivable required fields may be empty: the record fills them. */
    assert_string_equal(parse(PF_GENDER, "", &err), "(null)");
    assert_int_equal(utf8_chars("残疾人abc"), 6);
}

/* Counts hold any realistic figure: a city's or a province's target passes 99,999 (the
 * project target, 任务数, once refused 140,000). Nine digits at most: an int holds them. */
static void counts_past_99999(void **state)
{
    const struct field *target = NULL;
    struct dpf_err err;
    char *out = NULL;
    (void)state;
    for (int i = 0; i < rehab_entities[RK_PROJECT].n; i++)
        if (strcmp(rehab_entities[RK_PROJECT].fields[i].key, "target") == 0)
            target = &rehab_entities[RK_PROJECT].fields[i];
    assert_non_null(target);
    assert_int_equal(field_parse(target, "140000", TU_TODAY, &out, &err), DPF_OK);
    assert_string_equal(out, "140000");
    free(out);
    assert_int_equal(field_parse(target, "999999999", TU_TODAY, &out, &err), DPF_OK);
    assert_string_equal(out, "999999999");
    free(out);
    assert_int_not_equal(field_parse(target, "1000000000", TU_TODAY, &out, &err), DPF_OK);
    assert_int_not_equal(field_parse(target, "12x", TU_TODAY, &out, &err), DPF_OK);
    assert_non_null(strstr(err.msg, "whole number"));
}

static void formatting(void **state)
{
    char buf[64];
    (void)state;
    assert_string_equal(field_format(F(PF_CATEGORY), "6", 0, buf, sizeof buf), "精神");
    assert_string_equal(field_format(F(PF_LEVEL), "1", 0, buf, sizeof buf), "一级");
    assert_string_equal(field_format(F(PF_POOR_REG), "1", 0, buf, sizeof buf), "是");
    assert_string_equal(field_format(F(PF_POOR_REG), "0", 0, buf, sizeof buf), "否");
    assert_string_equal(field_format(F(PF_NAME), NULL, 0, buf, sizeof buf), "");
    assert_string_equal(field_format(F(PF_CERT_NO), "34150319650312101941", 1, buf, sizeof buf),
                        "341503********101941");
    assert_string_equal(field_format(F(PF_CERT_NO), "34150319650312101941", 0, buf, sizeof buf),
                        "34150319650312101941");
    assert_string_equal(field_format(F(PF_BANK_ACCOUNT), "6217000012345678901", 1, buf,
                                     sizeof buf), "6217***********8901");
    /* Not sensitive: never masked. */
    assert_string_equal(field_format(F(PF_PHONE), "13805641234", 1, buf, sizeof buf),
                        "13805641234");
}

static void lookup_by_header_and_key(void **state)
{
    (void)state;
    assert_int_equal(field_by_header(person_fields, PERSON_NFIELDS, "残疾人证号"), PF_CERT_NO);
    assert_int_equal(field_by_header(person_fields, PERSON_NFIELDS, "备注"), PF_NOTE);
    assert_int_equal(field_by_header(person_fields, PERSON_NFIELDS, "备 注"), -1);
    assert_int_equal(field_by_key(person_fields, PERSON_NFIELDS, "township"), PF_TOWNSHIP);
}

/* The catalogues the build made, beside the test's directory (build-test/locale). */
static void use_language(const char *lang)
{
    char exe[512], dir[600];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    assert_true(n > 0);
    exe[n] = '\0';
    *strrchr(exe, '/') = '\0';
    snprintf(dir, sizeof dir, "%s/../locale", exe);
    setenv("DPF_LOCALEDIR", dir, 1);
    assert_int_equal(i18n_init(lang, NULL), 0);
}

static const char *show(const struct field *f, const char *v)
{
    static char buf[128];
    return field_show(f, v, 0, buf, sizeof buf);
}

/* English shows choice names and flags in English, and reads them back; the stored names
 * and codes are still read, and field_format (files) keeps the stored names. */
static void shown_in_english(void **state)
{
    struct dpf_err err;
    char buf[64];
    (void)state;
    use_language("en");
    assert_string_equal(show(F(PF_CATEGORY), "4"), "Physical");
    assert_string_equal(show(F(PF_LEVEL), "1"), "Level 1");
    assert_string_equal(show(F(PF_GENDER), "2"), "Female");
    assert_string_equal(show(F(PF_STATUS), "1"), "On the register");
    assert_string_equal(show(F(PF_POOR_REG), "1"), "Yes");
    assert_string_equal(show(F(PF_POOR_REG), "0"), "No");
    assert_string_equal(show(F(PF_NAME), "张伟"), "张伟");
    assert_string_equal(show(&rule_fields[RF_LEVELS], "12"), "Level 1, Level 2");
    assert_string_equal(show(&rule_fields[RF_LEVELS], "1234"), "All");
    assert_string_equal(field_format(F(PF_CATEGORY), "4", 0, buf, sizeof buf), "肢体");
    assert_string_equal(parse(PF_CATEGORY, "Physical", &err), "4");
    assert_string_equal(parse(PF_CATEGORY, "physical", &err), "4");
    assert_string_equal(parse(PF_CATEGORY, "肢体", &err), "4");
    assert_string_equal(parse(PF_LEVEL, "Level 3", &err), "3");
    assert_string_equal(parse(PF_STATUS, "Moved out", &err), "3");
    assert_string_equal(parse(PF_POOR_REG, "Yes", &err), "1");
    assert_string_equal(parse(PF_POOR_REG, "No", &err), "0");
    assert_null(parse(PF_CATEGORY, "Physica", &err));
    assert_null(parse(PF_LEVEL, "Level 5", &err));

    char *out = NULL;
    assert_int_equal(field_parse(&rule_fields[RF_LEVELS], "Level 1, Level 2", TU_TODAY, &out,
                                 &err), DPF_OK);
    assert_string_equal(out, "12");
    free(out);
    assert_int_equal(field_parse(&rule_fields[RF_LEVELS], "All", TU_TODAY, &out, &err), DPF_OK);
    assert_string_equal(out, "1234");
    free(out);
    assert_int_not_equal(field_parse(&rule_fields[RF_LEVELS], "Level 1, Level", TU_TODAY, &out,
                                     &err), DPF_OK);
}

/* Chinese shows exactly the stored names, as field_format does. */
static void shown_in_chinese(void **state)
{
    struct dpf_err err;
    (void)state;
    use_language("zh_CN");
    assert_string_equal(show(F(PF_CATEGORY), "4"), "肢体");
    assert_string_equal(show(F(PF_LEVEL), "1"), "一级");
    assert_string_equal(show(F(PF_GENDER), "1"), "男");
    assert_string_equal(show(F(PF_STATUS), "2"), "死亡");
    assert_string_equal(show(F(PF_POOR_REG), "1"), "是");
    assert_string_equal(show(F(PF_POOR_REG), "0"), "否");
    assert_string_equal(show(&rule_fields[RF_LEVELS], "12"), "一级、二级");
    assert_string_equal(show(&rule_fields[RF_LEVELS], "1234"), "全部");
    assert_string_equal(parse(PF_CATEGORY, "肢体", &err), "4");
    assert_null(parse(PF_CATEGORY, "Physical", &err));
    use_language("en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates),
        cmocka_unit_test(flags_and_choices),
        cmocka_unit_test(phones_and_accounts),
        cmocka_unit_test(text_rules),
        cmocka_unit_test(counts_past_99999),
        cmocka_unit_test(formatting),
        cmocka_unit_test(lookup_by_header_and_key),
        cmocka_unit_test(shown_in_english),
        cmocka_unit_test(shown_in_chinese),
    };
    return cmocka_run_group_tests_name("field", tests, NULL, NULL);
}
