/* Unit tests for date.c: calendar arithmetic and feed date formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "tidings.h"

static void civil_round_trip(void **state) {
  (void)state;
  assert_int_equal(td_days_from_civil(1970, 1, 1), 0);
  assert_int_equal(td_days_from_civil(2000, 3, 1), 11017);
  for (int64_t z = -800000; z < 800000; z += 97) {
    int y, m, d;
    td_civil_from_days(z, &y, &m, &d);
    assert_int_equal(td_days_from_civil(y, m, d), z);
  }
}

static void weekdays(void **state) {
  (void)state;
  assert_int_equal(td_weekday(2022, 1, 31), 0); /* Monday */
  assert_int_equal(td_weekday(2022, 2, 1), 1);  /* Tuesday */
  assert_int_equal(td_weekday(2022, 1, 30), 6); /* Sunday */
  assert_int_equal(td_weekday(1987, 2, 26), 3); /* Thursday */
  assert_int_equal(td_days_in_month(2024, 2), 29);
  assert_int_equal(td_days_in_month(1900, 2), 28);
  assert_int_equal(td_days_in_month(2000, 2), 29);
}

static void check_iso(const char *in, const char *want) {
  td_date d;
  char buf[32];
  int rc = td_date_parse_iso(in, &d);
  if (want == NULL) {
    assert_int_equal(rc, TD_EPARSE);
    return;
  }
  assert_int_equal(rc, 0);
  td_date_format(d, buf, sizeof buf);
  assert_string_equal(buf, want);
}

static void iso(void **state) {
  (void)state;
  check_iso("2022", "2022");
  check_iso("2022-02", "2022-02");
  check_iso("2022-02-01", "2022-02-01");
  check_iso("2022-01-31T10:32:07Z", "2022-01-31T10:32");
  check_iso("2022-01-31 10:32", "2022-01-31T10:32");
  check_iso("2022-02-30", NULL);
  check_iso("2022-13", NULL);
  check_iso("20221", NULL);
  check_iso("abc", NULL);
  check_iso("", NULL);
}

static void check_meta(const char *in, const char *want) {
  td_date d;
  char buf[32];
  int rc = td_date_parse_meta(in, &d);
  if (want == NULL) {
    assert_int_equal(rc, TD_EPARSE);
    return;
  }
  assert_int_equal(rc, 0);
  td_date_format(d, buf, sizeof buf);
  assert_string_equal(buf, want);
}

static void meta(void **state) {
  (void)state;
  check_meta("26-FEB-1987 15:01:01.79", "1987-02-26T15:01");
  check_meta(" 5-MAR-1987 09:12:33.10", "1987-03-05T09:12");
  check_meta("Tue, 01 Feb 2022 10:00:00 GMT", "2022-02-01T10:00");
  check_meta("February 1, 2022", "2022-02-01");
  check_meta("1 February 2022", "2022-02-01");
  check_meta("Feb. 1, 2022", "2022-02-01");
  check_meta("2022-02-01T08:00:00+03:00", "2022-02-01T08:00");
  check_meta("31-FEB-1987", NULL);
  check_meta("yesterday", NULL);
  check_meta("", NULL);
  assert_int_equal(td_month_from_name("Sept.", 5), 9);
  assert_int_equal(td_month_from_name("JANUARY", 7), 1);
  assert_int_equal(td_month_from_name("Janu", 4), 0);
  assert_int_equal(td_month_from_name("Ma", 2), 0);
}

static void errors(void **state) {
  (void)state;
  assert_string_equal(td_errname(TD_EPARSE), "TD_EPARSE");
  assert_string_equal(td_strerror(TD_EEMPTY), "empty article");
  assert_string_equal(td_strerror(12345), "unknown error");
  td_error e = {0};
  assert_int_equal(td_error_set(&e, TD_EIO, "a.txt", 3, "cannot %s", "read"),
                   TD_EIO);
  assert_string_equal(e.file, "a.txt");
  assert_int_equal(e.line, 3);
  assert_string_equal(e.msg, "cannot read");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(civil_round_trip), cmocka_unit_test(weekdays),
      cmocka_unit_test(iso), cmocka_unit_test(meta), cmocka_unit_test(errors)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
