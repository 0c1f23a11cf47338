/* SPDX-License-Identifier: MIT */
/* What Excel does to a sheet's columns, caught by field_parse for every import and form:
 * IDs and certificates in scientific notation or with their last digits zeroed, phones,
 * accounts and codes without their leading zeros; and dates typed as text the common ways,
 * taken when they are unambiguous. */
#include "testutil.h"
#include "dpf/enrol.h"
#include "dpf/field.h"

/* A valid ID (check character 6, sequence 423) and what Excel makes of it: 15 digits, then zeros. */
#define ID "341502198503174236"
#define ID_ZEROED "341502198503174000"

static const struct field id_field = { "id_no", "身份证号", "Resident ID", FT_IDNO, NULL, 18, 18, 0 };
static const struct field code_field = { "code", "行政区划代码", "Place code", FT_DIGITS, NULL, 12, 12, FF_EXACT };

/* Parses input as f; returns the canonical value (static copy) or NULL with err filled. */
static const char *parse(const struct field *f, const char *input, struct dpf_err *err)
{
    static char keep[256];
    char *out = NULL;
    memset(err, 0, sizeof *err);
    if (field_parse(f, input, TU_TODAY, &out, err) != DPF_OK)
        return NULL;
    snprintf(keep, sizeof keep, "%s", out ? out : "(null)");
    free(out);
    return keep;
}

/* Refused, naming the field, with a message holding want. */
static void refused(const struct field *f, const char *input, const char *want)
{
    struct dpf_err err;
    assert_null(parse(f, input, &err));
    assert_string_equal(err.field, f->key);
    if (!strstr(err.msg, want))
        fail_msg("%s: \"%s\" not in \"%s\"", input, want, err.msg);
}

static void dates_typed_as_text(void **state)
{
    const struct field *d = &person_fields[PF_CERT_ISSUE_DATE];
    static const char *const same[] = { "2017.3.5", "2017/3/5", "2017年3月5日", "2017-3-5",
                                        "20170305", "2017-03-05", "2017.03.05", "2017年03月05日",
                                        "2017年3月5", "2017年3月5号", NULL };
    struct dpf_err err;
    (void)state;
    for (int i = 0; same[i]; i++) {
        const char *v = parse(d, same[i], &err);
        if (!v)
            fail_msg("%s: %s", same[i], err.msg);
        assert_string_equal(v, "2017-03-05");
    }
    /* longer than the canonical ten characters, still a date */
    assert_string_equal(parse(d, "2017年12月25日", &err), "2017-12-25");
    /* no month 13, no 30 February, mixed separators: the accepted forms are listed */
    refused(d, "2017/13/5", "2017年3月5日");
    refused(d, "2017.2.30", "not a date");
    refused(d, "2017.3/5", "not a date");
    refused(d, "2017年3-5", "not a date");
    /* the year last: 3 May or 5 March? */
    refused(d, "3/5/2017", "year last");
    refused(d, "5.3.2017", "year last");
    refused(d, "05-03-2017", "year last");
    /* the limits stay: no date before 1880, none after today */
    refused(d, "1879.12.31", "out of range");
    refused(d, "2026.7.1", "future");
}

static void ids_stored_as_numbers(void **state)
{
    const struct field *cert = &person_fields[PF_CERT_NO];          /* FT_CERT */
    const struct field *named = &enrol_fields[EF_CERT_NO];          /* text: cert or ID */
    struct dpf_err err;
    (void)state;
    assert_string_equal(parse(&id_field, ID, &err), ID);
    /* scientific notation, as Excel's General format shows a long number */
    refused(&id_field, "3.41503E+17", "scientific notation");
    refused(cert, "3.41503198503174E+17", "scientific notation");
    refused(cert, "3.41503E+19", "scientific notation");
    refused(named, "3.41503E+17", "scientific notation");
    refused(named, "3.41503e17", "scientific notation");
    /* as digits: the last three became 000 and the check character fails */
    refused(&id_field, ID_ZEROED, "ends in zeros");
    refused(named, ID_ZEROED, "ends in zeros");
    refused(cert, ID_ZEROED, "ends in zeros");
    /* a 20-digit certificate: the last five are zeros, no category 0 */
    refused(cert, "34150219850317400000", "ends in zeros");
    refused(named, "34150219850317400000", "ends in zeros");
    assert_string_equal(parse(cert, ID "41", &err), ID "41");
    assert_string_equal(parse(named, ID "41", &err), ID "41");
    /* zeros a valid ID may end in are its own: 341502198503171000 checks (character 0) */
    assert_string_equal(parse(&id_field, "341502198503171000", &err), "341502198503171000");
    /* other checks keep their messages */
    refused(&id_field, "34150219850317400", "18 characters");
}

static void text_keeps_small_numbers(void **state)
{
    const struct field *note = &person_fields[PF_NOTE], *name = &person_fields[PF_NAME];
    struct dpf_err err;
    (void)state;
    /* free text may hold a small number in that form; only long ones are Excel's */
    assert_string_equal(parse(note, "1E+5", &err), "1E+5");
    assert_string_equal(parse(note, "2.5E+10", &err), "2.5E+10");
    refused(note, "6.21700E+18", "scientific notation");
    refused(name, "3.41503E+17", "scientific notation");
    assert_string_equal(parse(note, "341502198503174000", &err), "341502198503174000");
}

static void leading_zeros_lost(void **state)
{
    const struct field *phone = &person_fields[PF_PHONE];
    const struct field *acct = &person_fields[PF_BANK_ACCOUNT];
    struct dpf_err err;
    (void)state;
    refused(phone, "5643312345", "landline 05643312345");
    refused(phone, "1012345678", "landline 01012345678");
    refused(phone, "564331234", "leading 0");
    assert_string_equal(parse(phone, "05643312345", &err), "05643312345");
    assert_string_equal(parse(phone, "3312345", &err), "3312345");     /* local number */
    assert_string_equal(parse(phone, "13805641234", &err), "13805641234");
    refused(phone, "12345", "neither");                 /* no landline with a 0 either */
    /* an account shorter than 8 digits */
    refused(acct, "1234567", "fewer than 8");
    refused(acct, "6.21700E+18", "scientific notation");
    assert_string_equal(parse(acct, "01234567", &err), "01234567");
    refused(acct, "1234-567", "8-32 digits");
    /* a code of a fixed length keeps its zeros */
    assert_string_equal(parse(&code_field, "012345678901", &err), "012345678901");
    refused(&code_field, "12345678901", "fewer than 12");
    refused(&code_field, "0123456789012", "longer than 12");
    refused(&code_field, "01234567890a", "must be 12 digits");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_typed_as_text),
        cmocka_unit_test(ids_stored_as_numbers),
        cmocka_unit_test(text_keeps_small_numbers),
        cmocka_unit_test(leading_zeros_lost),
    };
    return cmocka_run_group_tests_name("excel", tests, NULL, NULL);
}
