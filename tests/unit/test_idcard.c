/* SPDX-License-Identifier: MIT */
/* Resident ID (GB 11643) and certificate number rules: check character, dates, lower-case x,
 * masking, category/level digits and reissue suffixes. */
#include "testutil.h"

static void check_char_known_values(void **state)
{
    (void)state;
    /* The standard's own example, and IDs whose check character is X and 0. */
    assert_int_equal(idcard_check_char("11010519491231002"), 'X');
    assert_int_equal(idcard_check_char("44052418800101001"), '4');
    char id[19];
    tu_id(id, "341503", "19650312", 101);
    assert_int_equal(strlen(id), 18);
    assert_int_equal(idcard_check_char(id), id[17]);
}

static void validate_accepts_valid_and_lowercase_x(void **state)
{
    struct dpf_err err;
    char out[19];
    (void)state;
    assert_int_equal(idcard_validate("11010519491231002X", TU_TODAY, out, "id", &err), DPF_OK);
    assert_string_equal(out, "11010519491231002X");
    assert_int_equal(idcard_validate("11010519491231002x", TU_TODAY, out, "id", &err), DPF_OK);
    assert_string_equal(out, "11010519491231002X");
}

static void validate_refuses_bad_ids(void **state)
{
    struct dpf_err err;
    char out[19], id[19];
    (void)state;
    /* Wrong check character. */
    assert_int_equal(idcard_validate("110105194912310021", TU_TODAY, out, "id", &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "check character"));
    assert_string_equal(err.field, "id");
    /* Length, non-digits, last character. */
    assert_int_equal(idcard_validate("11010519491231002", TU_TODAY, out, "id", &err), DPF_EINVAL);
    assert_int_equal(idcard_validate("1101051949123100AX", TU_TODAY, out, "id", &err), DPF_EINVAL);
    assert_int_equal(idcard_validate("11010519491231002Y", TU_TODAY, out, "id", &err), DPF_EINVAL);
    /* Impossible dates: 30 February, month 13, 29 February of a common year. */
    tu_id(id, "341503", "20150230", 1);
    assert_int_equal(idcard_validate(id, TU_TODAY, out, "id", &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "20150230"));
    tu_id(id, "341503", "19901301", 1);
    assert_int_equal(idcard_validate(id, TU_TODAY, out, "id", &err), DPF_EINVAL);
    tu_id(id, "341503", "20230229", 1);
    assert_int_equal(idcard_validate(id, TU_TODAY, out, "id", &err), DPF_EINVAL);
    tu_id(id, "341503", "20240229", 1);
    assert_int_equal(idcard_validate(id, TU_TODAY, out, "id", &err), DPF_OK);
    /* Born after today. */
    tu_id(id, "341503", "20260701", 1);
    assert_int_equal(idcard_validate(id, TU_TODAY, out, "id", &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "future"));
}

static void gender_birth_and_mask(void **state)
{
    char id[19], birth[11], masked[32];
    (void)state;
    tu_id(id, "341503", "19780720", 203);
    assert_int_equal(idcard_gender(id), 1);
    tu_id(id, "341503", "19780720", 202);
    assert_int_equal(idcard_gender(id), 2);
    idcard_birth_date(id, birth);
    assert_string_equal(birth, "1978-07-20");
    idcard_mask("340102199001011234", masked);
    assert_string_equal(masked, "340102********1234");
    idcard_mask("34010219900101123441B", masked);
    assert_string_equal(masked, "340102********123441B");
    idcard_mask("6217000012345", masked);
    assert_string_equal(masked, "6217*****2345");
    idcard_mask("1234", masked);
    assert_string_equal(masked, "1234");
}

static void cert_valid_and_suffixes(void **state)
{
    struct dpf_err err;
    char id[19], cert[32], out[CERT_MAX_LEN + 1];
    (void)state;
    tu_id(id, "341503", "19650312", 101);
    snprintf(cert, sizeof cert, "%s41", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_OK);
    assert_string_equal(out, cert);
    snprintf(cert, sizeof cert, "%s41B", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_OK);
    snprintf(cert, sizeof cert, "%s41b2", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_OK);
    assert_int_equal(out[20], 'B');
    assert_int_equal(out[21], '2');
    snprintf(cert, sizeof cert, "%s41C", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_EINVAL);
    assert_string_equal(err.field, "cert_no");
    snprintf(cert, sizeof cert, "%s41B2X", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_EINVAL);
}

static void cert_refuses_bad_digits(void **state)
{
    struct dpf_err err;
    char id[19], cert[32], out[CERT_MAX_LEN + 1];
    (void)state;
    tu_id(id, "341503", "19650312", 101);
    snprintf(cert, sizeof cert, "%s81", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_EINVAL);
    snprintf(cert, sizeof cert, "%s45", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_EINVAL);
    snprintf(cert, sizeof cert, "%s4", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_EINVAL);
    /* A bad ID inside the certificate is reported as the certificate's. */
    id[17] = id[17] == '0' ? '1' : '0';
    snprintf(cert, sizeof cert, "%s41", id);
    assert_int_equal(cert_validate(cert, TU_TODAY, out, &err), DPF_EINVAL);
    assert_string_equal(err.field, "cert_no");
    assert_non_null(strstr(err.msg, "check character"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(check_char_known_values),
        cmocka_unit_test(validate_accepts_valid_and_lowercase_x),
        cmocka_unit_test(validate_refuses_bad_ids),
        cmocka_unit_test(gender_birth_and_mask),
        cmocka_unit_test(cert_valid_and_suffixes),
        cmocka_unit_test(cert_refuses_bad_digits),
    };
    return cmocka_run_group_tests_name("idcard", tests, NULL, NULL);
}
