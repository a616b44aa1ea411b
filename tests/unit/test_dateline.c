/* Unit tests for dateline.c: dateline forms, stamps, the document date and
 * batch year resolution. */
/* cmocka.h needs these first. */
// clang-format off
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

/* A document with normalized text s (and metadata date meta, or NULL),
 * dateline-parsed. */
static td_doc *parse(const char *s, const char *meta) {
  td_doc *d = td_doc_new();
  d->text = td_xstrdup(s);
  d->text_len = strlen(s);
  if (meta) assert_int_equal(td_date_parse_meta(meta, &d->meta_date), 0);
  td_dateline_parse(d);
  return d;
}

static const char *date_str(td_date dt) {
  static char buf[32];
  if (dt.precision && !td_date_has_year(dt)) {
    snprintf(buf, sizeof buf, "--%02d-%02d", dt.month, dt.day);
    return buf;
  }
  td_date_format(dt, buf, sizeof buf);
  return buf;
}

/* Assert place, agency, date and source of the text's dateline. */
static void expect(const char *text, const char *place, const char *agency,
                   const char *date, td_date_source src) {
  td_doc *d = parse(text, NULL);
  assert_string_equal(d->place ? d->place : "", place);
  assert_string_equal(d->agency ? d->agency : "", agency);
  assert_string_equal(date_str(d->date), date);
  assert_int_equal(d->date_source, src);
  td_doc_free(d);
}

static void wire_forms(void **state) {
  (void)state;
  expect("KAZAN, March 4. /TASS/. Officials said.", "Kazan", "TASS", "--03-04",
         TD_DATE_SRC_DATELINE);
  expect("Nairobi, March 1 (Xinhua) - Kenyan officials said.", "Nairobi",
         "Xinhua", "--03-01", TD_DATE_SRC_DATELINE);
  /* the raw em dash, before normalization */
  expect("Nairobi, March 1 (Xinhua) \xE2\x80\x94 Kenyan officials said.",
         "Nairobi", "Xinhua", "--03-01", TD_DATE_SRC_DATELINE);
  expect("SHUSHI, FEBRUARY 3, ARTSAKHPRESS: The council met.", "Shushi",
         "Artsakhpress", "--02-03", TD_DATE_SRC_DATELINE);
  expect("    SANTOS, Feb 26 - Coffee exports rose.", "Santos", "", "--02-26",
         TD_DATE_SRC_DATELINE);
  expect("BERLIN, March 3 -\nThe talks resumed.", "Berlin", "", "--03-03",
         TD_DATE_SRC_DATELINE);
  expect("    OSLO, March 2 -The exchange said.", "Oslo", "", "--03-02",
         TD_DATE_SRC_DATELINE);
  expect("OSLO, March 2-3 talks ended.", "", "", "", TD_DATE_SRC_NONE);
  expect("LISBON, March 9 (Reuters) - Portugal said.", "Lisbon", "Reuters",
         "--03-09", TD_DATE_SRC_DATELINE);
  expect("OTTAWA (AP) - Canada said on Monday.", "Ottawa", "AP", "",
         TD_DATE_SRC_NONE);
  expect("LYON (AFP) -- France said.", "Lyon", "AFP", "", TD_DATE_SRC_NONE);
  expect("(Reuters) - The company said.", "", "Reuters", "", TD_DATE_SRC_NONE);
  expect("VILNIUS, March 7. /EXWIRE/. NATO said.", "Vilnius", "Exwire",
         "--03-07", TD_DATE_SRC_DATELINE);
  expect("SPRINGFIELD, Ill., March 3 (Associated Press) - A man said.",
         "Springfield", "AP", "--03-03", TD_DATE_SRC_DATELINE);
  expect("RICHMOND, Va. Feb 26 - The bank said.", "Richmond", "", "--02-26",
         TD_DATE_SRC_DATELINE);
  expect("TIRANA, 4 March (ITAR-TASS) - Albania said.", "Tirana", "TASS",
         "--03-04", TD_DATE_SRC_DATELINE);
  expect("PRAGUE, March 12, Reuter - Czech officials said.", "Prague",
         "Reuters", "--03-12", TD_DATE_SRC_DATELINE);
  expect("GENEVA, March 8, 2023 (Example Wire) - Talks.", "Geneva",
         "Example Wire", "2023-03-08", TD_DATE_SRC_DATELINE);
  expect("MINSK, March 8 (BELTA) - Talks.", "Minsk", "BelTA", "--03-08",
         TD_DATE_SRC_DATELINE);
}

static void places_as_readers_expect(void **state) {
  (void)state;
  expect("NEW YORK, March 2 - Stocks fell.", "New York", "", "--03-02",
         TD_DATE_SRC_DATELINE);
  expect("Kyiv, March 2 (Ukrinform) - Talks.", "Kyiv", "Ukrinform", "--03-02",
         TD_DATE_SRC_DATELINE);
  expect("RIO DE JANEIRO, March 5 - Brazil said.", "Rio de Janeiro", "",
         "--03-05", TD_DATE_SRC_DATELINE);
  expect("PORT-AU-PRINCE, March 5 - Haiti said.", "Port-au-Prince", "",
         "--03-05", TD_DATE_SRC_DATELINE);
  expect("ST. PETERSBURG, March 5 (Interfax) - Talks.", "St. Petersburg",
         "Interfax", "--03-05", TD_DATE_SRC_DATELINE);
  expect("DALLAS/FORT WORTH, Texas, March 3 - Talks.", "Dallas/Fort Worth", "",
         "--03-03", TD_DATE_SRC_DATELINE);
  expect("****LIMA, March 5 - Peru said.", "Lima", "", "--03-05",
         TD_DATE_SRC_DATELINE);
  expect("JOHANNESBURG March 13 - Gold rose.", "Johannesburg", "", "--03-13",
         TD_DATE_SRC_DATELINE);
  expect("    Mexico city, march 18 - Mexico said.", "Mexico City", "",
         "--03-18", TD_DATE_SRC_DATELINE);
  expect("des moines, april 7 - Corn rose.", "Des Moines", "", "--04-07",
         TD_DATE_SRC_DATELINE);
  expect("GRONINGEN, the Netherlands, March 31 - Gas.", "Groningen", "",
         "--03-31", TD_DATE_SRC_DATELINE);
  expect("GEORGETOWN, Grand Cayman, British West Indies, March 25 - A bank.",
         "Georgetown", "", "--03-25", TD_DATE_SRC_DATELINE);
  expect("KHARKIV, Ukraine (AP) - Sirens sounded.", "Kharkiv", "AP", "",
         TD_DATE_SRC_NONE);
  expect("WASHINGTON, D.C. (Reuters) - Officials said.", "Washington",
         "Reuters", "", TD_DATE_SRC_NONE);
  expect("Russia, Ukraine (NATO) talks went on.", "", "", "", TD_DATE_SRC_NONE);
  expect("TRENTON, N.J. - A company said.", "Trenton", "", "",
         TD_DATE_SRC_NONE);
  expect("BOSTON, March 187 - A company said.", "Boston", "", "",
         TD_DATE_SRC_NONE);
  /* a garbled month still gives the place */
  expect("DENVER, Narch 2 - Oil rose.", "Denver", "", "", TD_DATE_SRC_NONE);
  expect("\xC3\x89VORA, March 5 - Talks.", "\xC3\x89vora", "", "--03-05",
         TD_DATE_SRC_DATELINE);
}

/* Regression: "(dpa)", the agency's own lower-case styling, was not
 * taken as an agency, so the whole dateline was missed. An unknown
 * lower-case word in brackets still makes none. */
static void lower_case_agency(void **state) {
  (void)state;
  expect("BERLIN, June 1 (dpa) - Officials met.", "Berlin", "dpa", "--06-01",
         TD_DATE_SRC_DATELINE);
  expect("(dpa) - Officials met.", "", "dpa", "", TD_DATE_SRC_NONE);
  expect("The talks (later) - went on.", "", "", "", TD_DATE_SRC_NONE);
}

static void not_datelines(void **state) {
  (void)state;
  expect("On December 17, the ministry published two drafts.", "", "", "",
         TD_DATE_SRC_NONE);
  expect("However, US officials said on Monday.", "", "", "", TD_DATE_SRC_NONE);
  expect("(CORRECTION) - In a story on Monday.", "", "", "", TD_DATE_SRC_NONE);
  expect("Germany, France - the two largest economies - agreed.", "", "", "",
         TD_DATE_SRC_NONE);
  expect("TODAY IN WASHINGTON FOR APRIL 7 (TIMES EDT/GMT)\n    More.", "", "",
         "", TD_DATE_SRC_NONE);
  expect("The talks with the Organization for Security (OSCE) - went on.", "",
         "", "", TD_DATE_SRC_NONE);
  expect("", "", "", "", TD_DATE_SRC_NONE);
}

static void dateline_below_the_head(void **state) {
  (void)state;
  td_doc *d = parse(
      "Envoys meet on the border\n\n2024-05-02\n\nHELSINKI, "
      "May 2 (Reuters) - Finnish envoys met.",
      NULL);
  assert_string_equal(d->place, "Helsinki");
  assert_string_equal(d->agency, "Reuters");
  assert_string_equal(date_str(d->date), "2024-05-02");
  assert_int_equal(d->date_source, TD_DATE_SRC_DATELINE);
  assert_int_equal(d->date.precision, TD_PREC_DAY);
  assert_int_equal(d->n_stamps, 1);
  assert_int_equal(d->dateline.start, 39);
  assert_string_equal(d->text + d->dateline.end, "Finnish envoys met.");
  td_doc_free(d);
}

static void stamps(void **state) {
  (void)state;
  /* A stamp alone dates the article. */
  expect(" date 2023-11-05 Officials in Riga said on Sunday.", "", "",
         "2023-11-05", TD_DATE_SRC_STAMP);
  /* "Month D, YYYY, HH:MM" at a line start; the dateline takes its year. */
  td_doc *d = parse(
      "March 3, 2023, 09:15 Talks end\n\nYEREVAN, MARCH 3, "
      "ARMENPRESS: The talks ended.",
      NULL);
  assert_int_equal(d->n_stamps, 1);
  assert_int_equal(d->stamps[0].precision, TD_PREC_MINUTE);
  assert_int_equal(d->stamps[0].hour, 9);
  assert_string_equal(date_str(d->date), "2023-03-03");
  assert_int_equal(d->date_source, TD_DATE_SRC_DATELINE);
  assert_string_equal(d->agency, "Armenpress");
  td_doc_free(d);
  /* A re-post stamp months away does not date a dateline story. */
  d = parse(
      "Ministers talk\n\n2023-08-19 0 By\n\nRiga, March 1 (Xinhua) - "
      "Talks.",
      NULL);
  assert_int_equal(d->n_stamps, 1);
  assert_string_equal(date_str(d->date), "--03-01");
  assert_int_equal(d->date_source, TD_DATE_SRC_DATELINE);
  td_doc_free(d);
  /* A stamp a day away agrees (time zones, late filing). */
  expect("2023-02-28\n\nRIGA, March 1 - Talks.", "Riga", "", "2023-03-01",
         TD_DATE_SRC_DATELINE);
  /* Across the new year. */
  expect("2024-01-01\n\nRIGA, Dec 31 - Talks.", "Riga", "", "2023-12-31",
         TD_DATE_SRC_DATELINE);
}

static void metadata_wins(void **state) {
  (void)state;
  td_doc *d = parse("OSLO, March 4 (Reuters) - Norway said.", "2023-03-05");
  assert_string_equal(d->place, "Oslo");
  assert_string_equal(date_str(d->date), "2023-03-05");
  assert_int_equal(d->date_source, TD_DATE_SRC_METADATA);
  /* the dateline keeps the date as written */
  assert_string_equal(date_str(d->dateline.date), "--03-04");
  td_doc_free(d);
  d = parse("    OSLO, Feb 26 - Norway said.", "26-FEB-1987 15:01:01.79");
  assert_string_equal(date_str(d->date), "1987-02-26T15:01");
  assert_int_equal(d->date_source, TD_DATE_SRC_METADATA);
  td_doc_free(d);
}

static void batch_years(void **state) {
  (void)state;
  td_doc *docs[5];
  docs[0] = parse("BAKU, December 30 (Xinhua) - Talks.", NULL);
  docs[1] = parse("TBILISI, January 2. /TASS/. Talks.", NULL);
  docs[2] = parse("Talks in Riga", "2024-01-03");
  docs[3] = parse(" date 2023-12-29 Talks in Vilnius.", NULL);
  docs[4] = parse("No date at all.", NULL);
  td_batch_resolve_dates(docs, 5);
  assert_string_equal(date_str(docs[0]->date), "2023-12-30");
  assert_int_equal(docs[0]->date_source, TD_DATE_SRC_DATELINE);
  assert_string_equal(date_str(docs[1]->date), "2024-01-02");
  assert_string_equal(date_str(docs[2]->date), "2024-01-03");
  assert_string_equal(date_str(docs[3]->date), "2023-12-29");
  assert_int_equal(docs[4]->date.precision, TD_PREC_NONE);
  for (int i = 0; i < 5; i++) td_doc_free(docs[i]);

  /* A batch with nothing dated leaves the year unknown. */
  td_doc *one = parse("BAKU, December 30 (Xinhua) - Talks.", NULL);
  td_batch_resolve_dates(&one, 1);
  assert_false(td_date_has_year(one->date));
  td_doc_free(one);
}

static void reparse_replaces(void **state) {
  (void)state;
  td_doc *d = parse("OSLO (AP) - Talks.", NULL);
  free(d->text);
  d->text = td_xstrdup("Talks in Oslo.");
  d->text_len = strlen(d->text);
  td_dateline_parse(d);
  assert_null(d->place);
  assert_null(d->agency);
  assert_int_equal(d->dateline.start, d->dateline.end);
  td_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(wire_forms),
      cmocka_unit_test(places_as_readers_expect),
      cmocka_unit_test(lower_case_agency),
      cmocka_unit_test(not_datelines),
      cmocka_unit_test(dateline_below_the_head),
      cmocka_unit_test(stamps),
      cmocka_unit_test(metadata_wins),
      cmocka_unit_test(batch_years),
      cmocka_unit_test(reparse_replaces),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
