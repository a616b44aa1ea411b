/* Unit tests for timex.c: the resolution rules of time expressions against
 * the document date (weekday direction by tense, nearest year, anchors,
 * ranges, durations, sets, decades, quarters, seasons, the *_REF values)
 * and the store table they are written to. Each test tags a short text of
 * our own through the library's pipeline (td_doc_prepare, doc->date as the
 * DCT, td_timex_tag). */
/* cmocka needs these first; keep clang-format from sorting them */
// clang-format off
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
// clang-format on
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tidings.h"

static td_doc *tag(const char *text, const char *dct) {
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, "t");
  td_doc_set_raw(d, text, strlen(text));
  assert_int_equal(td_doc_prepare(d, NULL), 0);
  d->date = (td_date){0};
  if (dct) assert_int_equal(td_date_parse_iso(dct, &d->date), 0);
  td_timex_tag(d);
  return d;
}

/* The timex whose text starts with `what` (the n-th such), or NULL. */
static const td_timex *find(const td_doc *d, const char *what, int nth) {
  size_t n = strlen(what);
  for (size_t i = 0; i < d->n_timexes; i++) {
    const td_timex *t = &d->timexes[i];
    if (t->end - t->start >= n && memcmp(d->text + t->start, what, n) == 0 &&
        nth-- == 0)
      return t;
  }
  return NULL;
}

/* Assert that `what` in text (DCT dct) is tagged with value and type. */
static void expect(const char *text, const char *dct, const char *what,
                   const char *value, td_timex_type type) {
  td_doc *d = tag(text, dct);
  const td_timex *t = find(d, what, 0);
  if (t == NULL) {
    fprintf(stderr, "no timex '%s' in: %s\n", what, text);
    for (size_t i = 0; i < d->n_timexes; i++)
      fprintf(stderr, "  got %.*s = %s\n",
              (int)(d->timexes[i].end - d->timexes[i].start),
              d->text + d->timexes[i].start, d->timexes[i].value);
  }
  assert_non_null(t);
  if (strcmp(t->value, value) != 0)
    fprintf(stderr, "'%s' in: %s\n", what, text);
  assert_string_equal(t->value, value);
  assert_string_equal(td_timex_type_name((td_timex_type)t->type),
                      td_timex_type_name(type));
  td_doc_free(d);
}

static void weekday_by_tense(void **state) {
  (void)state;
  /* 2022-02-01 is a Tuesday */
  expect("Blinken held talks with Lavrov on Monday.", "2022-02-01", "Monday",
         "2022-01-31", TD_TIMEX_DATE);
  expect("Blinken will meet Lavrov on Monday.", "2022-02-01", "Monday",
         "2022-02-07", TD_TIMEX_DATE);
  expect("The minister said on Friday that talks failed.", "2022-02-01",
         "Friday", "2022-01-28", TD_TIMEX_DATE);
  expect("The ministers are scheduled to meet on Friday.", "2022-02-01",
         "Friday", "2022-02-04", TD_TIMEX_DATE);
  expect("Talks are due to resume on Monday.", "2022-02-01", "Monday",
         "2022-02-07", TD_TIMEX_DATE);
  /* a participle after "be" is a passive of the auxiliary's tense, and
   * after a determiner an adjective: neither says the past */
  expect("The talks will be held on Monday.", "2022-02-01", "Monday",
         "2022-02-07", TD_TIMEX_DATE);
  expect("The reduced dividend is payable in April.", "1989-10-30", "April",
         "1990-04", TD_TIMEX_DATE);
  expect("The offer had been due to expire Friday.", "2022-02-01", "Friday",
         "2022-01-28", TD_TIMEX_DATE);
  expect("Wednesday's ruling will be appealed.", "2022-02-04", "Wednesday",
         "2022-02-02", TD_TIMEX_DATE);
  /* the DCT's own weekday is the DCT */
  expect("The talks ended on Tuesday.", "2022-02-01", "Tuesday", "2022-02-01",
         TD_TIMEX_DATE);
  expect("He will fly home next Monday.", "2022-02-01", "next Monday",
         "2022-02-07", TD_TIMEX_DATE);
  expect("They met last Friday.", "2022-02-01", "last Friday", "2022-01-28",
         TD_TIMEX_DATE);
}

static void nearest_year(void **state) {
  (void)state;
  expect("On December 17, the ministry published two drafts.", "2022-02-02",
         "December 17", "2021-12-17", TD_TIMEX_DATE);
  expect("The summit will be held on March 3.", "2022-02-02", "March 3",
         "2022-03-03", TD_TIMEX_DATE);
  expect("Talks are set to resume on January 10.", "2021-12-20", "January 10",
         "2022-01-10", TD_TIMEX_DATE);
  expect("The accord was signed on 26 January.", "2022-02-02", "26 January",
         "2022-01-26", TD_TIMEX_DATE);
  expect("The vote took place in December.", "2022-02-02", "December",
         "2021-12", TD_TIMEX_DATE);
  /* The verb next to a month decides even against a nearer year: the
   * past February, not the coming one ... */
  expect("Since the fund bought the mill in February, it has sold it.",
         "2021-10-30", "February", "2021-02", TD_TIMEX_DATE);
  expect("In January, the party brought in a new leader.", "2021-10-27",
         "January", "2021-01", TD_TIMEX_DATE);
  expect("The talks will open in December.", "2022-03-04", "December",
         "2022-12", TD_TIMEX_DATE);
  /* a future cue decides from further away: a plan is ahead */
  expect("She will be named commander of the new crew for a long mission in "
         "December.",
         "2022-03-04", "December", "2022-12", TD_TIMEX_DATE);
  /* ... while a verb further away only breaks near ties */
  expect("The ministry said the loan would be repaid to its many creditors "
         "by February.",
         "2021-10-30", "February", "2022-02", TD_TIMEX_DATE);
  /* "due to" a noun is a cause, no future */
  expect("It cut its payout due to its loss in December.", "2022-02-02",
         "December", "2021-12", TD_TIMEX_DATE);
  /* explicit years win */
  expect("It opened on Jan. 26, 2019 in Kyiv.", "2022-02-02", "Jan. 26, 2019",
         "2019-01-26", TD_TIMEX_DATE);
  td_doc *d =
      tag("On December 17, the ministry published two drafts.", "2022-02-02");
  const td_timex *t = find(d, "December 17", 0);
  assert_non_null(t);
  assert_int_equal(t->date.year, 2021);
  assert_int_equal(t->date.month, 12);
  assert_int_equal(t->date.day, 17);
  assert_int_equal(t->date.precision, TD_PREC_DAY);
  assert_true(t->flags & TD_TIMEXF_NO_YEAR);
  td_doc_free(d);
}

/* "until" a weekday is a deadline ahead whatever verb comes before it,
 * unless the clause after it is past; "since" looks back. */
static void deadlines_and_since(void **state) {
  (void)state;
  /* 2022-02-02 is a Wednesday */
  expect("The regulator kept the exchange closed until Friday.", "2022-02-02",
         "Friday", "2022-02-04", TD_TIMEX_DATE);
  expect("The court postponed until Monday morning any ruling on the case.",
         "2022-02-02", "Monday morning", "2022-02-07TMO", TD_TIMEX_TIME);
  expect("The agency extended its deadline until 9 a.m. EST Tuesday.",
         "2022-02-02", "9 a.m. EST Tuesday", "2022-02-08T09:00", TD_TIMEX_TIME);
  expect("Until Monday, officials had refused to comment.", "2022-02-02",
         "Monday", "2022-01-31", TD_TIMEX_DATE);
  /* 2022-02-01 is a Tuesday: "ahead of" looks forward */
  expect("Traders sold bonds ahead of the weekend.", "2022-02-01",
         "the weekend", "2022-W05-WE", TD_TIMEX_DATE);
  /* "the following month" counts from the month named */
  expect(
      "In March, the firm got an offer. The following month, it sold "
      "a unit.",
      "2021-10-20", "The following month", "2021-04", TD_TIMEX_DATE);
  expect(
      "Divers are searching the lake since shortly after the June 14 "
      "crash.",
      "2022-02-02", "June 14", "2021-06-14", TD_TIMEX_DATE);
}

static void absolute_forms(void **state) {
  (void)state;
  expect("Filed 1/26/2022 in court.", "2022-02-02", "1/26/2022", "2022-01-26",
         TD_TIMEX_DATE);
  expect("Posted 2022-01-30 by staff.", "2022-02-02", "2022-01-30",
         "2022-01-30", TD_TIMEX_DATE);
  expect("Published January 31, 2022, 10:32 by the agency.", "2022-02-02",
         "January 31, 2022, 10:32", "2022-01-31T10:32", TD_TIMEX_TIME);
  expect("The plane landed at 3 p.m. local time.", "2022-02-02", "3 p.m.",
         "2022-02-02T15:00", TD_TIMEX_TIME);
  expect("The polls closed at noon Thursday.", "2022-02-04", "noon Thursday",
         "2022-02-03T12:00", TD_TIMEX_TIME);
  expect("They met on 26 Jan in Geneva.", "2022-02-04", "26 Jan", "2022-01-26",
         TD_TIMEX_DATE);
  expect("They met at 10.30am in Geneva.", "2022-02-04", "10.30am",
         "2022-02-04T10:30", TD_TIMEX_TIME);
  expect("The polls closed at 10 p.m. Wednesday.", "2022-02-04",
         "10 p.m. Wednesday", "2022-02-02T22:00", TD_TIMEX_TIME);
  expect("The rocket lifted off at 18:00 UTC today.", "2022-02-04",
         "18:00 UTC today", "2022-02-04T18:00Z", TD_TIMEX_TIME);
  expect("This was announced on Sunday, January 30, by the ministry.",
         "2022-01-30", "Sunday, January 30", "2022-01-30", TD_TIMEX_DATE);
  expect("Troops moved in late 1998 and again in mid-February.", "2022-03-10",
         "mid-February", "2022-02", TD_TIMEX_DATE);
}

static void deictic(void **state) {
  (void)state;
  expect("The minister spoke yesterday.", "2022-02-02", "yesterday",
         "2022-02-01", TD_TIMEX_DATE);
  expect("The minister speaks today.", "2022-02-02", "today", "2022-02-02",
         TD_TIMEX_DATE);
  expect("Talks resume tonight.", "2022-02-02", "tonight", "2022-02-02TNI",
         TD_TIMEX_TIME);
  /* 2022-01-30 is a Sunday: next week is ISO week 5 */
  expect("They will likely hold new talks next week.", "2022-01-30",
         "next week", "2022-W05", TD_TIMEX_DATE);
  /* 2022-01-31 is a Monday: the weekend just past is in ISO week 4 */
  expect("Protests grew over the weekend.", "2022-01-31", "the weekend",
         "2022-W04-WE", TD_TIMEX_DATE);
  expect("Prices rose last month.", "2022-02-02", "last month", "2022-01",
         TD_TIMEX_DATE);
  expect("Austin will travel to Europe later this month.", "2022-02-02",
         "later this month", "2022-02", TD_TIMEX_DATE);
  expect("The strike began two days ago.", "2022-02-02", "two days ago",
         "2022-01-31", TD_TIMEX_DATE);
  expect("The talks will resume in three weeks.", "2022-02-02", "three weeks",
         "2022-W08", TD_TIMEX_DATE);
  expect("Fighting has gone on since 2014.", "2022-02-02", "2014", "2014",
         TD_TIMEX_DATE);
  expect("Turnout fell sharply last year.", "2022-02-02", "last year", "2021",
         TD_TIMEX_DATE);
  expect("A deal is due by the end of the year.", "2022-02-02",
         "the end of the year", "2022", TD_TIMEX_DATE);
}

static void anchors(void **state) {
  (void)state;
  const char *text =
      "On January 26, the United States handed over its reply. "
      "The next day, Moscow said it would study it.\n\n"
      "On the same day, NATO sent its own reply. Earlier in the day the "
      "Kremlin had been silent.";
  td_doc *d = tag(text, "2022-02-02");
  const td_timex *t = find(d, "The next day", 0);
  assert_non_null(t);
  assert_string_equal(t->value, "2022-01-27");
  assert_true(t->flags & TD_TIMEXF_ANCHORED);
  t = find(d, "the same day", 0);
  assert_non_null(t);
  assert_string_equal(t->value, "2022-01-27");
  t = find(d, "Earlier in the day", 0);
  assert_non_null(t);
  assert_string_equal(t->value, "2022-01-27");
  td_doc_free(d);
  expect("On March 3 the vote was held. The previous day, crowds gathered.",
         "2022-03-10", "The previous day", "2022-03-02", TD_TIMEX_DATE);
  expect("He left on Nov. 3. Earlier that day, he had called.", "1999-12-05",
         "Earlier that day", "1999-11-03", TD_TIMEX_DATE);
  expect("He left in March 1998. That year, sales fell.", "1999-12-05",
         "That year", "1998", TD_TIMEX_DATE);
  expect("Later on Tuesday, he left.", "2022-02-02", "Later on Tuesday",
         "2022-02-01", TD_TIMEX_DATE);
  expect("Late on Jan. 26 it ended.", "2022-02-02", "Late on Jan. 26",
         "2022-01-26", TD_TIMEX_DATE);
  expect("Late Monday, talks broke down. He had arrived the day before.",
         "2022-02-02", "the day before", "2022-01-30", TD_TIMEX_DATE);
  /* without a date in the text, the anchor is the DCT */
  expect("The following day, talks resumed.", "2022-02-02", "The following day",
         "2022-02-03", TD_TIMEX_DATE);
}

static void ranges(void **state) {
  (void)state;
  td_doc *d =
      tag("Austin will attend the meeting on February 16-17.", "2022-02-02");
  const td_timex *a = find(d, "February 16", 0), *b = find(d, "17", 0);
  assert_non_null(a);
  assert_non_null(b);
  assert_string_equal(a->value, "2022-02-16");
  assert_string_equal(b->value, "2022-02-17");
  assert_int_equal(a->range_pair, (int)(b - d->timexes));
  assert_int_equal(b->range_pair, (int)(a - d->timexes));
  td_doc_free(d);
  d = tag("From January 10 to 13 this year, Russia held talks.", "2022-02-01");
  a = find(d, "January 10", 0);
  b = find(d, "13", 0);
  assert_non_null(a);
  assert_non_null(b);
  assert_string_equal(a->value, "2022-01-10");
  assert_string_equal(b->value, "2022-01-13");
  assert_int_equal(a->range_pair, (int)(b - d->timexes));
  td_doc_free(d);
  d =
      tag("From December 28 to 30, 2020, talks stalled. The next day, they "
          "resumed.",
          "2021-12-20");
  a = find(d, "December 28", 0);
  assert_non_null(a);
  assert_string_equal(a->value, "2020-12-28");
  a = find(d, "The next day", 0);
  assert_non_null(a);
  assert_string_equal(a->value, "2020-12-31");
  td_doc_free(d);
  d = tag("Prices rose between March and May in the region.", "2022-07-01");
  a = find(d, "March", 0);
  b = find(d, "May", 0);
  assert_non_null(a);
  assert_non_null(b);
  assert_string_equal(a->value, "2022-03");
  assert_string_equal(b->value, "2022-05");
  assert_int_equal(a->range_pair, (int)(b - d->timexes));
  assert_int_equal(b->range_pair, (int)(a - d->timexes));
  td_doc_free(d);
}

static void durations_and_sets(void **state) {
  (void)state;
  expect("The siege lasted three years.", "2022-02-02", "three years", "P3Y",
         TD_TIMEX_DURATION);
  expect("They held a two-hour meeting.", "2022-02-02", "two-hour", "PT2H",
         TD_TIMEX_DURATION);
  expect("The truce held for 24 hours.", "2022-02-02", "24 hours", "PT24H",
         TD_TIMEX_DURATION);
  expect("The empire lasted 1,750 years.", "2022-02-02", "1,750 years",
         "P1750Y", TD_TIMEX_DURATION);
  /* modifiers belong to the extent (TimeML's mod) */
  expect("The siege lasted nearly two years.", "2022-02-02", "nearly two years",
         "P2Y", TD_TIMEX_DURATION);
  expect("The talks took more than four hours.", "2022-02-02",
         "more than four hours", "PT4H", TD_TIMEX_DURATION);
  expect("Profit was higher than a year ago.", "2022-02-02", "a year ago",
         "2021", TD_TIMEX_DATE);
  expect("The mission lasted a month.", "2022-02-02", "a month", "P1M",
         TD_TIMEX_DURATION);
  expect("Talks stalled for the past two months.", "2022-02-02",
         "the past two months", "P2M", TD_TIMEX_DURATION);
  expect("The council meets every week.", "2022-02-02", "every week", "P1W",
         TD_TIMEX_SET);
  expect("Inspectors report daily.", "2022-02-02", "daily", "P1D",
         TD_TIMEX_SET);
  expect("The board meets twice a year.", "2022-02-02", "a year", "P1Y",
         TD_TIMEX_SET);
  expect("The festival is held each July.", "1998-03-22", "each July",
         "XXXX-07", TD_TIMEX_SET);
  expect("Storms come every spring.", "1998-03-22", "every spring", "XXXX-SP",
         TD_TIMEX_SET);
  td_doc *d = tag("The siege lasted three years.", "2022-02-02");
  assert_int_equal(d->timexes[0].date.precision, TD_PREC_NONE);
  td_doc_free(d);
}

/* Count ranges, "-long" compounds, stretch words after "a", plural
 * quarters with a vague count, and parts or edges of the day in view. */
static void stretches_and_day_parts(void **state) {
  (void)state;
  expect("Repairs will take two to three weeks.", "2022-02-02", "two", "P2W",
         TD_TIMEX_DURATION);
  expect("Repairs will take two to three weeks.", "2022-02-02", "three weeks",
         "P3W", TD_TIMEX_DURATION);
  expect("The review could last between 30 and 45 days.", "2022-02-02", "30",
         "P30D", TD_TIMEX_DURATION);
  expect("It ended a decades-long border dispute.", "2022-02-02",
         "decades-long", "PXY", TD_TIMEX_DURATION);
  expect("Envoys began a day-long session.", "2022-02-02", "day-long", "P1D",
         TD_TIMEX_DURATION);
  expect("It was the worst single-day fall in years.", "2022-02-02",
         "single-day", "P1D", TD_TIMEX_DURATION);
  expect("The mandate was renewed for an additional year.", "2022-02-02",
         "an additional year", "P1Y", TD_TIMEX_DURATION);
  expect("The firm returned to profit after several quarters of losses.",
         "2022-02-02", "several quarters", "PXQ", TD_TIMEX_DURATION);
  expect("Shares slid at the start of the day.", "2022-02-02",
         "the start of the day", "2022-02-02", TD_TIMEX_DATE);
  expect("By mid afternoon, the streets were quiet.", "2022-02-02",
         "mid afternoon", "2022-02-02TAF", TD_TIMEX_TIME);
  expect("At mid-afternoon yesterday, shares were flat.", "2022-02-02",
         "mid-afternoon yesterday", "2022-02-01TAF", TD_TIMEX_TIME);
  expect("The convoy left at 4 in the morning.", "2022-02-02",
         "4 in the morning", "2022-02-02T04:00", TD_TIMEX_TIME);
  expect("The curfew starts at 10 at night.", "2022-02-02", "10 at night",
         "2022-02-02T22:00", TD_TIMEX_TIME);
  expect("The day before last Friday's vote, crowds marched.", "2022-02-02",
         "The day before last Friday", "2022-01-27", TD_TIMEX_DATE);
}

/* Holidays of data/timex-calendar.txt: fixed days, n-th weekdays, the
 * Tuesday after the first Monday, Easter and its week, the eve before. */
static void holidays(void **state) {
  (void)state;
  expect("Voters go to the polls on Election Day.", "2022-10-20",
         "Election Day", "2022-11-08", TD_TIMEX_DATE);
  expect("Pilgrims arrived as Easter week began.", "2022-04-12", "Easter week",
         "2022-W15", TD_TIMEX_DATE);
  expect("Crowds gathered on Easter Sunday.", "2022-04-20", "Easter Sunday",
         "2022-04-17", TD_TIMEX_DATE);
  expect("The shops close early on Christmas Eve.", "2022-12-01",
         "Christmas Eve", "2022-12-24", TD_TIMEX_DATE);
  expect("Parades were held on Memorial Day.", "2022-06-02", "Memorial Day",
         "2022-05-30", TD_TIMEX_DATE);
  expect("Leaders met on Holocaust Memorial Day, 27 January.", "2022-02-02",
         "27 January", "2022-01-27", TD_TIMEX_DATE);
  td_doc *m = tag("Leaders met on Holocaust Memorial Day.", "2022-02-02");
  assert_int_equal(m->n_timexes, 0);
  td_doc_free(m);
  td_doc *d = tag("The Labor Party chose a new election date.", "2022-02-02");
  assert_int_equal(d->n_timexes, 0);
  td_doc_free(d);
}

/* "the year ended March 31" is a company's year, a stretch; "for the
 * year" alone is the year itself. */
static void company_years(void **state) {
  (void)state;
  expect("Revenue was $4 million in the year ended March 31.", "1999-06-10",
         "the year", "P1Y", TD_TIMEX_DURATION);
  expect("It sees a loss in the fiscal year ending June 30.", "1999-06-10",
         "the fiscal year", "P1Y", TD_TIMEX_DURATION);
  expect("Sales grew steadily throughout the year.", "1999-06-10", "the year",
         "P1Y", TD_TIMEX_DURATION);
  expect("For the year, shipments were flat.", "1999-06-10", "the year", "1999",
         TD_TIMEX_DATE);
  expect("Margins will shrink for the fiscal year.", "1999-06-10",
         "the fiscal year", "1999", TD_TIMEX_DATE);
}

/* In an earnings story "a year earlier" is the story's quarter a year
 * back, but the year back once the text turns to a longer stretch. */
static void earnings_stretch(void **state) {
  (void)state;
  const char *text =
      "Acme said third-quarter profit rose to $5 million from $4 million a "
      "year earlier. For the nine months, profit rose to $12 million from "
      "$10 million a year earlier. The year-earlier results included a "
      "charge.";
  td_doc *d = tag(text, "1999-10-20");
  const td_timex *t = find(d, "a year earlier", 0);
  assert_non_null(t);
  assert_string_equal(t->value, "1998-Q3");
  t = find(d, "a year earlier", 1);
  assert_non_null(t);
  assert_string_equal(t->value, "1998");
  t = find(d, "The year-earlier", 0);
  assert_non_null(t);
  assert_string_equal(t->value, "1998");
  td_doc_free(d);
}

static void decades_quarters_seasons(void **state) {
  (void)state;
  expect("Growth was fast in the 1990s.", "2022-02-02", "the 1990s", "199X",
         TD_TIMEX_DATE);
  expect("The 2010s were quiet.", "2022-02-02", "The 2010s", "201X",
         TD_TIMEX_DATE);
  expect("Prices fell through the nineties.", "2022-02-02", "the nineties",
         "199X", TD_TIMEX_DATE);
  expect("The law passed in nineteen ninety-six.", "2022-02-02",
         "nineteen ninety-six", "1996", TD_TIMEX_DATE);
  expect("Profit rose in the first quarter.", "2022-05-10", "the first quarter",
         "2022-Q1", TD_TIMEX_DATE);
  expect("Profit fell in the fourth quarter.", "2022-02-02",
         "the fourth quarter", "2021-Q4", TD_TIMEX_DATE);
  expect("Third-quarter profit doubled.", "2022-11-02", "Third-quarter",
         "2022-Q3", TD_TIMEX_DATE);
  expect("In this year's third quarter, net rose.", "2022-11-02",
         "this year's third quarter", "2022-Q3", TD_TIMEX_DATE);
  expect("Net rose in the third quarter of last year.", "2022-11-02",
         "the third quarter of last year", "2021-Q3", TD_TIMEX_DATE);
  expect("Third-quarter net rose 5% from a year earlier.", "2022-11-02",
         "a year earlier", "2021-Q3", TD_TIMEX_DATE);
  expect("The offensive is expected this spring.", "2022-02-02", "this spring",
         "2022-SP", TD_TIMEX_DATE);
  expect("The dam failed last summer.", "2022-02-02", "last summer", "2021-SU",
         TD_TIMEX_DATE);
  expect("The dam failed this summer.", "2022-10-02", "this summer", "2022-SU",
         TD_TIMEX_DATE);
  expect("Snow fell last winter.", "2022-02-02", "last winter", "2020-WI",
         TD_TIMEX_DATE);
  expect("Elections are due in the summer of 2023.", "2022-02-02",
         "the summer of 2023", "2023-SU", TD_TIMEX_DATE);
}

static void refs(void **state) {
  (void)state;
  expect("In the near term, prices fall.", "2022-02-02", "the near term",
         "FUTURE_REF", TD_TIMEX_DATE);
  expect("These days, all is calm.", "2022-02-02", "These days", "PRESENT_REF",
         TD_TIMEX_DATE);
  expect("They met last on Thanksgiving.", "1999-12-05", "Thanksgiving",
         "1999-11-25", TD_TIMEX_DATE);
  expect("The deal will close by year-end.", "2022-02-02", "year-end", "2022",
         TD_TIMEX_DATE);
  /* "end" here is a verb: the expression is "the day" alone */
  expect("Stocks rose to end the day higher.", "2022-02-02", "the day",
         "2022-02-02", TD_TIMEX_DATE);
  expect("Troops are now on the border.", "2022-02-02", "now", "PRESENT_REF",
         TD_TIMEX_DATE);
  expect("Recently, tensions have risen.", "2022-02-02", "Recently", "PAST_REF",
         TD_TIMEX_DATE);
  expect("Sanctions may follow in the future.", "2022-02-02", "the future",
         "FUTURE_REF", TD_TIMEX_DATE);
  expect("Farmers are worried about the future.", "2022-02-02", "the future",
         "FUTURE_REF", TD_TIMEX_DATE);
  /* a topic, no time */
  td_doc *f =
      tag("The summit will shape the future of Europe. The future "
          "looks bleak to them.",
          "2022-02-02");
  assert_int_equal(f->n_timexes, 0);
  td_doc_free(f);
  expect("Talks will resume in the coming weeks.", "2022-02-02",
         "the coming weeks", "FUTURE_REF", TD_TIMEX_DATE);
  expect("Ties have worsened in recent weeks.", "2022-02-02", "recent weeks",
         "PAST_REF", TD_TIMEX_DATE);
  expect("The talks are currently stalled.", "2022-02-02", "currently",
         "PRESENT_REF", TD_TIMEX_DATE);
  expect("The ministry will soon publish the list.", "2022-02-02", "soon",
         "FUTURE_REF", TD_TIMEX_DATE);
  /* shortly after a past event, or an adjective: no time */
  td_doc *d =
      tag("The hostage was soon freed. A soon-to-open bridge was "
          "shown. Protests soon turned violent. He opposed the "
          "now-defunct treaty.",
          "2022-02-02");
  for (size_t i = 0; i < d->n_timexes; i++)
    fprintf(stderr, "unexpected: %.*s = %s\n",
            (int)(d->timexes[i].end - d->timexes[i].start),
            d->text + d->timexes[i].start, d->timexes[i].value);
  assert_int_equal(d->n_timexes, 0);
  td_doc_free(d);
}

/* Rules added for the TimeML conventions of the gold corpora (timex2). */
static void timeml_conventions(void **state) {
  (void)state;
  /* fractions: a half more of the unit, in the next smaller unit */
  expect("The war lasted 2 1/2 years.", "2022-02-02", "2 1/2 years", "P2Y6M",
         TD_TIMEX_DURATION);
  expect("She spent 5 1/2 hours in Nairobi.", "2022-02-02", "5 1/2 hours",
         "PT5H30M", TD_TIMEX_DURATION);
  expect("It took a minute and a half.", "2022-02-02", "a minute and a half",
         "PT1M30S", TD_TIMEX_DURATION);
  expect("He waited two and a half years.", "2022-02-02",
         "two and a half years", "P2Y6M", TD_TIMEX_DURATION);
  /* earnings: "a year ago" compares with the quarter the story reports,
   * not a later aside; the sentence's own quarter comes first */
  expect(
      "Net rose in the third quarter. After a flat second quarter, sales "
      "grew. Net was $5 a share, up from $4 a year ago.",
      "1989-11-01", "a year ago", "1988-Q3", TD_TIMEX_DATE);
  expect(
      "Net rose in the third quarter. Second-quarter net was flat from a "
      "year earlier.",
      "1989-11-01", "a year earlier", "1988-Q2", TD_TIMEX_DATE);
  expect("Net rose in the third quarter. It fell from last year's quarter.",
         "1989-11-01", "last year's quarter", "1988-Q3", TD_TIMEX_DATE);
  expect("Net rose in the third quarter. It was $2 in the quarter a year ago.",
         "1989-11-01", "the quarter a year ago", "1988-Q3", TD_TIMEX_DATE);
  expect("Net rose in the third quarter, after a year-earlier loss.",
         "1989-11-01", "year-earlier", "1988-Q3", TD_TIMEX_DATE);
  /* tense cues: "is to", modals, a passive infinitive, the nearest cue */
  expect("The stock is to resume trading in Paris Tuesday.", "1989-10-27",
         "Tuesday", "1989-10-31", TD_TIMEX_DATE);
  expect("The transaction should be completed in October.", "2009-06-05",
         "October", "2009-10", TD_TIMEX_DATE);
  expect("Talks may resume Monday.", "2022-02-02", "Monday", "2022-02-07",
         TD_TIMEX_DATE);
  expect("He may have left Monday.", "2022-02-02", "Monday", "2022-01-31",
         TD_TIMEX_DATE);
  expect(
      "\"Agents might come,\" said a man who spent part of Sunday night "
      "there.",
      "2000-04-17", "Sunday night", "2000-04-16TNI", TD_TIMEX_DATE);
  /* a deadline is ahead; a past clause after it wins */
  expect("The agency has given them until 9 a.m. Tuesday to sign.",
         "2000-04-03", "9 a.m. Tuesday", "2000-04-04T09:00", TD_TIMEX_TIME);
  expect("Until Thursday, they had not called him a suspect.", "1999-05-07",
         "Thursday", "1999-05-06", TD_TIMEX_DATE);
  /* the attribution after a closing quote is not the clause's tense */
  expect("''He will leave at dawn (4 a.m. EDT Thursday),'' Castro said.",
         "2000-04-05", "4 a.m. EDT Thursday", "2000-04-06T04:00",
         TD_TIMEX_TIME);
  expect("Dealers will close after October of next year.", "2009-05-15",
         "October of next year", "2010-10", TD_TIMEX_DATE);
  expect("He was shot last Oct. 23 at home.", "2000-02-24", "last Oct. 23",
         "1999-10-23", TD_TIMEX_DATE);
  expect("A hearing is set for the week of March 6.", "2000-02-24",
         "the week of March 6", "2000-W10", TD_TIMEX_DATE);
  expect("Troops will stay for at least 20 more years.", "1998-02-27",
         "at least 20 more years", "P20Y", TD_TIMEX_DURATION);
  expect("Stocks fell for six straight days.", "2008-10-10",
         "six straight days", "P6D", TD_TIMEX_DURATION);
  /* counted quarters are no fraction even with "of" after them */
  expect("It posted two consecutive quarters of negative growth.", "2009-02-03",
         "two consecutive quarters", "P2Q", TD_TIMEX_DURATION);
  expect("The industry will gain in the first two quarters of 1990.",
         "1989-10-26", "the first two quarters of 1990", "1990-H1",
         TD_TIMEX_DATE);
  /* quarters as the corpora write them: P2Q, not P6M */
  expect("Output shrank in the past two quarters.", "2008-10-10",
         "the past two quarters", "P2Q", TD_TIMEX_DURATION);
  expect("It pays a dividend every quarter.", "2008-10-10", "every quarter",
         "P1Q", TD_TIMEX_SET);
  /* a named quarter takes the year that puts it nearest the DCT: one
   * about to begin is this year's even in a past-tense sentence */
  expect("Ford announced cuts during the fourth quarter.", "2006-08-19",
         "the fourth quarter", "2006-Q4", TD_TIMEX_DATE);
  expect("Ford reported a loss in the fourth quarter.", "2006-02-19",
         "the fourth quarter", "2005-Q4", TD_TIMEX_DATE);
  /* a fiscal quarter a company reports is over */
  expect("Net rose in the fiscal first quarter.", "1989-10-26",
         "the fiscal first quarter", "1989-Q1", TD_TIMEX_DATE);
  expect("Stocks fell over the past five trading days.", "2011-03-18",
         "the past five trading days", "P5D", TD_TIMEX_DURATION);
  expect("Ford earned more in the final quarter of 2009.", "2010-01-28",
         "the final quarter of 2009", "2009-Q4", TD_TIMEX_DATE);
  /* "the entire year" is the year its sentence is about */
  expect(
      "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion "
      "for the entire year.",
      "2006-01-27", "the entire year", "2005", TD_TIMEX_DATE);
  expect("Sales for the entire year will rise.", "2006-01-27",
         "the entire year", "2006", TD_TIMEX_DATE);
  /* "the same month a year ago": the time the sentence is about, a year
   * back; "the same quarter" is the one named */
  expect("Sales fell 35% in January, compared to the same month a year ago.",
         "2009-02-03", "the same month a year ago", "2008-01", TD_TIMEX_DATE);
  expect("Sales rose in February compared to the same period last year.",
         "2010-03-03", "the same period last year", "2009-02", TD_TIMEX_DATE);
  expect("Net rose in the third quarter from the same period a year earlier.",
         "1989-11-02", "the same period a year earlier", "1988-Q3",
         TD_TIMEX_DATE);
  expect("Net rose in the third quarter. In the previous quarter it was flat.",
         "1989-11-02", "the previous quarter", "1989-Q2", TD_TIMEX_DATE);
  /* "the following evening" is the day after the one the text is at */
  expect("He arrived on Feb. 22. The following evening they met.", "2000-02-24",
         "The following evening", "2000-02-23TEV", TD_TIMEX_TIME);
  expect("He arrived on Feb. 22. The next morning, he left.", "2000-02-24",
         "The next morning", "2000-02-23TMO", TD_TIMEX_TIME);
  expect("Prices rose in the first half of the year.", "2022-08-02",
         "the first half of the year", "2022-H1", TD_TIMEX_DATE);
  expect("Islam will one day be the second religion.", "1998-03-03", "one day",
         "FUTURE_REF", TD_TIMEX_DATE);
  expect("The siege lasted one day.", "1998-03-03", "one day", "P1D",
         TD_TIMEX_DURATION);
  /* years in words after a month, a season, "the year" */
  expect("In January nineteen ninety-seven, a bomb went off.", "1998-02-27",
         "January nineteen ninety-seven", "1997-01", TD_TIMEX_DATE);
  expect("In the winter of nineteen ninety-four it snowed.", "1998-02-27",
         "the winter of nineteen ninety-four", "1994-WI", TD_TIMEX_DATE);
  expect("Computers may fail in the year two thousand.", "1998-02-27",
         "the year two thousand", "2000", TD_TIMEX_DATE);
  expect("It began in the year 1995.", "1998-02-27", "the year 1995", "1995",
         TD_TIMEX_DATE);
  /* "two thousand" after a date is a crowd, not a year */
  expect("On January 5, two thousand people marched.", "1998-02-27",
         "January 5", "1998-01-05", TD_TIMEX_DATE);
  /* "the latest quarter" is one already reported, never the one the story
   * looks ahead to */
  expect(
      "It expects a loss in the fourth quarter. Net fell in the latest "
      "quarter.",
      "1989-10-26", "the latest quarter", "1989-Q3", TD_TIMEX_DATE);
  expect("Net rose in the second quarter. Sales in the latest quarter fell.",
         "1989-10-26", "the latest quarter", "1989-Q2", TD_TIMEX_DATE);
}

/* Regression: "1100 hrs EST" (a Reuters clock time) was tagged as the
 * year 1100, which the timeline then used as an event's date. */
static void military_hours(void **state) {
  (void)state;
  expect("It said selling offers will be due at 1100 hrs EST, March 9.",
         "1987-03-09", "1100 hrs EST", "1987-03-09T11:00", TD_TIMEX_TIME);
  expect("Bids close 1300 hrs GMT.", "1987-03-09", "1300 hrs GMT",
         "1987-03-09T13:00Z", TD_TIMEX_TIME);
  expect("Offers are due at 1500 hours.", "1987-03-09", "1500 hours",
         "1987-03-09T15:00", TD_TIMEX_TIME);
  /* without "at" it stays a duration */
  expect("The crew flew 1500 hours last year.", "1987-03-09", "1500 hours",
         "PT1500H", TD_TIMEX_DURATION);
}

/* Regression: a hard-wrapped wire story (Reuters wraps at ~65 columns)
 * lost every expression split by a wrap: "on March\n9", "1300\nGMT" (then
 * the year 1300), "last\nweek". A short line still ends expressions. */
static void wrapped_lines(void **state) {
  (void)state;
  const char *text =
      "on a trade-weighted basis at 72.4, well ahead of the final\n"
      "71.8 and only just beneath the peak of 72.5 touched at 1300\n"
      "GMT. Officials of both countries said talks were held on March\n"
      "9 in Geneva and ended with an agreement, officials said last\n"
      "week.";
  expect(text, "1987-03-12", "1300\nGMT", "1987-03-12T13:00Z", TD_TIMEX_TIME);
  expect(text, "1987-03-12", "March\n9", "1987-03-09", TD_TIMEX_DATE);
  expect(text, "1987-03-12", "last\nweek", "1987-W10", TD_TIMEX_DATE);
  td_doc *d = tag("TALKS END ON MARCH\n9 ministers met.", "1987-03-12");
  assert_null(find(d, "MARCH\n9", 0));
  td_doc_free(d);
}

static void no_false_alarms(void **state) {
  (void)state;
  /* modal "may", verb "march", ages, money, counts, "as soon as" */
  const char *text =
      "Officials may march on the capital. A 47-year-old man was hurt. "
      "Janos Martonyi and Jan Kavan met. "
      "Iraq imports three-quarters of its food and a quarter of its oil. "
      "The fund holds 2,000 dollars. Call as soon as "
      "possible. Future losses are likely. The spring broke. "
      "The quarter-to-quarter comparison was weak.";
  td_doc *d = tag(text, "2022-02-02");
  for (size_t i = 0; i < d->n_timexes; i++)
    fprintf(stderr, "unexpected: %.*s = %s\n",
            (int)(d->timexes[i].end - d->timexes[i].start),
            d->text + d->timexes[i].start, d->timexes[i].value);
  assert_int_equal(d->n_timexes, 0);
  td_doc_free(d);
}

/* A unit or "today" written in title case inside running text names a
 * programme or a paper; a title-case headline keeps its times. */
static void programme_names(void **state) {
  (void)state;
  const char *text =
      "The minister spoke on the \"This Week\" programme about budgets. "
      "He told CBS's \"60 Minutes\" that the plan had failed. "
      "The poll appeared in USA Today alongside other surveys. The "
      "minister told Radio 4's Today programme he would resign.";
  td_doc *d = tag(text, "2022-02-02");
  for (size_t i = 0; i < d->n_timexes; i++)
    fprintf(stderr, "unexpected: %.*s = %s\n",
            (int)(d->timexes[i].end - d->timexes[i].start),
            d->text + d->timexes[i].start, d->timexes[i].value);
  assert_int_equal(d->n_timexes, 0);
  td_doc_free(d);
  d = tag("Small caps in the Russell 2000 Index slipped again.", "2022-02-02");
  assert_int_equal(d->n_timexes, 0);
  td_doc_free(d);
  expect("Apple spoke at the Developers Conference 2010 on stage.",
         "2010-06-08", "2010", "2010", TD_TIMEX_DATE);
  expect("Stocks Rally This Week\n\nShares rose in heavy trading.",
         "2022-02-02", "This Week", "2022-W05", TD_TIMEX_DATE);
  expect("Relatives gathered on Thanksgiving Day for the funeral.",
         "2022-02-02", "Thanksgiving Day", "2021-11-25", TD_TIMEX_DATE);
  /* "was expected to" looks ahead like "is expected to" */
  expect("On Friday, the envoy was expected to arrive for talks.", "2022-02-02",
         "Friday", "2022-02-04", TD_TIMEX_DATE);
}

static void without_dct(void **state) {
  (void)state;
  expect("On December 17, the ministry published two drafts.", NULL,
         "December 17", "XXXX-12-17", TD_TIMEX_DATE);
  expect("It happened on 26 January 2022.", NULL, "26 January 2022",
         "2022-01-26", TD_TIMEX_DATE);
  expect("It happened yesterday.", NULL, "yesterday", "XXXX-XX-XX",
         TD_TIMEX_DATE);
  td_doc *d = tag("It happened on Monday.", NULL);
  assert_int_equal(d->n_timexes, 1);
  assert_int_equal(d->timexes[0].date.precision, TD_PREC_NONE);
  td_doc_free(d);
}

static void empty_and_odd(void **state) {
  (void)state;
  td_doc *d = td_doc_new();
  td_timex_tag(d); /* no text, no tokens: nothing, no crash */
  assert_int_equal(d->n_timexes, 0);
  td_doc_free(d);
  d = tag("9999999999999999999999 31 12 2022 :: -- // 10:99 32/13/2022",
          "2022-02-02");
  for (size_t i = 0; i < d->n_timexes; i++)
    assert_true(d->timexes[i].end <= d->text_len);
  td_doc_free(d);
  /* found by fuzzing: a range end after a from-to pair kept both links */
  d = tag("From January 10 to January 10 to 13 this year.", "2022-02-01");
  assert_int_equal(d->n_timexes, 3);
  for (size_t i = 0; i < d->n_timexes; i++) {
    int32_t p = d->timexes[i].range_pair;
    if (p >= 0) assert_int_equal(d->timexes[p].range_pair, (int32_t)i);
  }
  td_doc_free(d);
}

static void stored(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "/tmp/td_test_timex_%ld.db", (long)getpid());
  unlink(path);
  td_store *st;
  td_error err;
  assert_int_equal(td_store_open(path, &st, &err), 0);
  td_doc *d =
      tag("On December 17, the ministry published two drafts. "
          "The talks lasted three days.",
          "2022-02-02");
  td_doc_set_str(&d->id, "a1");
  d->date_source = TD_DATE_SRC_METADATA;
  d->content_hash = td_doc_content_hash(d);
  td_put_result r;
  assert_int_equal(td_store_begin(st, &err), 0);
  assert_int_equal(td_store_put_doc(st, d, &r, &err), 0);
  assert_int_equal(td_store_commit(st, &err), 0);
  td_store_close(st);
  td_doc_free(d);
  sqlite3 *db;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  sqlite3_stmt *s;
  assert_int_equal(
      sqlite3_prepare_v2(
          db, "SELECT text, type, value, date FROM timex ORDER BY idx", -1, &s,
          NULL),
      SQLITE_OK);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  assert_string_equal((const char *)sqlite3_column_text(s, 0), "December 17");
  assert_string_equal((const char *)sqlite3_column_text(s, 2), "2021-12-17");
  assert_string_equal((const char *)sqlite3_column_text(s, 3), "2021-12-17");
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  assert_string_equal((const char *)sqlite3_column_text(s, 1), "DURATION");
  assert_string_equal((const char *)sqlite3_column_text(s, 2), "P3D");
  assert_int_equal(sqlite3_column_type(s, 3), SQLITE_NULL);
  assert_int_equal(sqlite3_step(s), SQLITE_DONE);
  sqlite3_finalize(s);
  sqlite3_close(db);
  unlink(path);
  char aux[300];
  snprintf(aux, sizeof aux, "%s-wal", path);
  unlink(aux);
  snprintf(aux, sizeof aux, "%s-shm", path);
  unlink(aux);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(weekday_by_tense),
      cmocka_unit_test(nearest_year),
      cmocka_unit_test(deadlines_and_since),
      cmocka_unit_test(absolute_forms),
      cmocka_unit_test(deictic),
      cmocka_unit_test(anchors),
      cmocka_unit_test(ranges),
      cmocka_unit_test(durations_and_sets),
      cmocka_unit_test(earnings_stretch),
      cmocka_unit_test(company_years),
      cmocka_unit_test(holidays),
      cmocka_unit_test(stretches_and_day_parts),
      cmocka_unit_test(decades_quarters_seasons),
      cmocka_unit_test(refs),
      cmocka_unit_test(timeml_conventions),
      cmocka_unit_test(no_false_alarms),
      cmocka_unit_test(programme_names),
      cmocka_unit_test(military_hours),
      cmocka_unit_test(wrapped_lines),
      cmocka_unit_test(without_dct),
      cmocka_unit_test(empty_and_odd),
      cmocka_unit_test(stored),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
