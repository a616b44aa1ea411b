/* Unit tests for the actor stage (actor_kb.c, actors.c): dated codes,
 * spelling variants, titles and appositions coding unknown people,
 * coreference, people learnt across articles (a newer title wins from its
 * date), PETRARCH dictionary import with its error reports, and the store
 * round trip of learnt people. Articles are run through td_doc_prepare,
 * so the tests hold whatever the segmenter does with sentences. */
/* cmocka needs setjmp.h, stdarg.h, stddef.h and stdint.h first. */
// clang-format off
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
// clang-format on
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tidings.h"

static td_actor_kb *open_kb(void) {
  td_actor_kb *kb = NULL;
  td_error err = {0};
  assert_int_equal(td_actor_kb_open(NULL, &kb, NULL, &err), 0);
  assert_non_null(kb);
  return kb;
}

static td_date day(int y, int m, int d) {
  return (td_date){(int16_t)y, (int8_t)m, (int8_t)d, 0, 0, TD_PREC_DAY};
}

static const char *code_of(td_actor_kb *kb, const char *name, td_date d) {
  static char code[24];
  if (!td_actor_kb_lookup(kb, name, d, code, sizeof code)) return "(unknown)";
  return code;
}

/* A prepared and resolved article dated d. Free with td_doc_free. */
static td_doc *resolve(td_actor_kb *kb, const char *text, td_date d) {
  td_doc *doc = td_doc_new();
  td_doc_set_str(&doc->id, "t");
  td_doc_set_raw(doc, text, strlen(text));
  doc->meta_date = d;
  assert_int_equal(td_doc_prepare(doc, NULL), 0);
  doc->date = d;
  doc->date_source = TD_DATE_SRC_METADATA;
  td_timex_tag(doc);
  td_actors_resolve(doc, kb);
  return doc;
}

/* The mention whose text is exactly s (the n-th such, from 0), or NULL. */
static const td_actor_mention *mention(const td_doc *doc, const char *s,
                                       int nth) {
  size_t n = strlen(s);
  for (size_t i = 0; i < doc->n_mentions; i++) {
    const td_actor_mention *m = &doc->mentions[i];
    if (m->end - m->start == n && memcmp(doc->text + m->start, s, n) == 0 &&
        nth-- == 0)
      return m;
  }
  return NULL;
}

static void dump(const td_doc *doc) {
  for (size_t i = 0; i < doc->n_mentions; i++) {
    const td_actor_mention *m = &doc->mentions[i];
    fprintf(stderr, "  [%.*s] %s %s entity %d\n", (int)(m->end - m->start),
            doc->text + m->start, m->code, td_actor_how_name(m->how),
            (int)m->entity);
  }
}

static void expect(const td_doc *doc, const char *s, int nth, const char *code,
                   td_actor_how how) {
  const td_actor_mention *m = mention(doc, s, nth);
  if (m == NULL) {
    fprintf(stderr, "no mention '%s' (#%d); mentions:\n", s, nth);
    dump(doc);
  }
  assert_non_null(m);
  if (strcmp(m->code, code) != 0 || m->how != how) dump(doc);
  assert_string_equal(m->code, code);
  assert_int_equal(m->how, how);
}

static void dated_roles(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  assert_string_equal(code_of(kb, "Antony Blinken", day(2022, 2, 1)), "USAGOV");
  /* Variants: Anthony/Antony, Sergey/Sergei, Kiev/Kyiv, Lugansk/Luhansk. */
  assert_string_equal(code_of(kb, "Anthony Blinken", day(2022, 2, 1)),
                      "USAGOV");
  assert_string_equal(code_of(kb, "Sergey Lavrov", day(2022, 2, 1)), "RUSGOV");
  assert_string_equal(code_of(kb, "Kiev", day(2022, 2, 1)), "UKRGOV");
  assert_string_equal(code_of(kb, "Kyiv", day(2022, 2, 1)), "UKRGOV");
  assert_string_equal(code_of(kb, "Lugansk People's Republic", day(2022, 2, 1)),
                      "UKRSEP");
  assert_string_equal(code_of(kb, "Donbass", day(2022, 2, 1)), "UKR");
  /* The code valid on the date. */
  assert_string_equal(code_of(kb, "Jens Stoltenberg", day(2022, 2, 1)),
                      "IGOWSTNAT");
  assert_string_equal(code_of(kb, "Jens Stoltenberg", day(2025, 6, 1)),
                      "NORGOV");
  assert_string_equal(code_of(kb, "Mark Rutte", day(2023, 1, 1)), "NLDGOV");
  assert_string_equal(code_of(kb, "Mark Rutte", day(2025, 1, 1)), "IGOWSTNAT");
  /* Earlier leaders; the Soviet Union is coded as Russia. Without a date
   * a former leader keeps his office, not his later ELI role. */
  assert_string_equal(code_of(kb, "Tony Blair", day(2005, 3, 1)), "GBRGOV");
  assert_string_equal(code_of(kb, "Tony Blair", day(2012, 3, 1)), "GBRELI");
  assert_string_equal(code_of(kb, "Tony Blair", (td_date){0}), "GBRGOV");
  assert_string_equal(code_of(kb, "Mikhail Gorbachev", day(1987, 3, 1)),
                      "RUSGOV");
  assert_string_equal(code_of(kb, "Soviet Union", day(1987, 3, 1)), "RUS");
  /* Rau: Polish foreign minister, OSCE chairman in 2022 (the later start
   * wins while both hold), Polish government before. */
  assert_string_equal(code_of(kb, "Zbigniew Rau", day(2022, 2, 2)),
                      "IGOEUROSC");
  assert_string_equal(code_of(kb, "Zbigniew Rau", day(2021, 6, 1)), "POLGOV");
  assert_string_equal(code_of(kb, "Zbigniew Rau", day(2023, 6, 1)), "POLGOV");
  assert_string_equal(code_of(kb, "No Such Person", day(2022, 1, 1)),
                      "(unknown)");
  td_actor_kb_free(kb);
}

static void titles_code_unknown_people(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(
      kb,
      "Polish Foreign Minister Jan Nowakowski met Russian presidential "
      "spokesman Ivan Petrovsky in Vienna.\n\n"
      "Nowakowski said the talks were useful. He added that Petrovsky "
      "agreed.\n\n"
      "Jane Roe, a reporter with Voice of America, wrote that she saw them.\n",
      day(2022, 3, 1));
  expect(d, "Polish Foreign Minister Jan Nowakowski", 0, "POLGOV",
         TD_ACTOR_TITLE);
  expect(d, "Russian presidential spokesman Ivan Petrovsky", 0, "RUSGOV",
         TD_ACTOR_TITLE);
  expect(d, "Nowakowski", 0, "POLGOV", TD_ACTOR_COREF);
  expect(d, "He", 0, "POLGOV", TD_ACTOR_COREF);
  expect(d, "Petrovsky", 0, "RUSGOV", TD_ACTOR_COREF);
  expect(d, "Jane Roe", 0, "USAMED", TD_ACTOR_TITLE);
  expect(d, "Voice of America", 0, "USAMED", TD_ACTOR_DICT);
  expect(d, "she", 0, "USAMED", TD_ACTOR_COREF);
  /* Coreferent mentions share the entity of the titled one. */
  assert_int_equal(
      mention(d, "Nowakowski", 0)->entity,
      mention(d, "Polish Foreign Minister Jan Nowakowski", 0)->entity);
  td_doc_free(d);
  /* a British shadow minister is the opposition's */
  d = resolve(kb, "Shadow chancellor Tom Fenwick said taxes would fall.\n",
              day(2005, 3, 1));
  expect(d, "Shadow chancellor Tom Fenwick", 0, "GBROPP", TD_ACTOR_TITLE);
  td_doc_free(d);
  td_actor_kb_free(kb);
}

static void known_people_and_coreference(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(kb,
                      "US Secretary of State Antony Blinken spoke with NATO "
                      "Secretary General Jens Stoltenberg.\n\n"
                      "The Secretary reaffirmed support for Ukraine, the "
                      "State Department said.\n\n"
                      "The Kremlin and the Russian Foreign Ministry did not "
                      "comment.\n",
                      day(2022, 2, 2));
  expect(d, "US Secretary of State Antony Blinken", 0, "USAGOV", TD_ACTOR_DICT);
  expect(d, "NATO Secretary General Jens Stoltenberg", 0, "IGOWSTNAT",
         TD_ACTOR_DICT);
  expect(d, "Secretary", 0, "USAGOV", TD_ACTOR_COREF);
  expect(d, "Ukraine", 0, "UKR", TD_ACTOR_DICT);
  expect(d, "State Department", 0, "USAGOV", TD_ACTOR_DICT);
  expect(d, "Kremlin", 0, "RUSGOV", TD_ACTOR_DICT);
  expect(d, "Russian Foreign Ministry", 0, "RUSGOV", TD_ACTOR_DICT);
  /* A stale title would not survive the date: in 2026 the same text
   * still codes Blinken by his title in the text. */
  td_doc_free(d);
  td_actor_kb_free(kb);
}

static void learnt_across_articles(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(kb, "Estonian Foreign Minister Mart Tammekivi said so.\n",
                      day(2023, 5, 1));
  expect(d, "Estonian Foreign Minister Mart Tammekivi", 0, "ESTGOV",
         TD_ACTOR_TITLE);
  td_doc_free(d);
  d = resolve(kb, "Mart Tammekivi arrived in Riga.\n", day(2023, 6, 1));
  expect(d, "Mart Tammekivi", 0, "ESTGOV", TD_ACTOR_LEARNT);
  td_doc_free(d);
  /* A newer title wins from its date on. */
  d = resolve(kb, "NATO spokesman Mart Tammekivi said so.\n", day(2024, 1, 10));
  expect(d, "NATO spokesman Mart Tammekivi", 0, "IGOWSTNAT", TD_ACTOR_TITLE);
  td_doc_free(d);
  d = resolve(kb, "Mart Tammekivi spoke.\n", day(2024, 3, 1));
  expect(d, "Mart Tammekivi", 0, "IGOWSTNAT", TD_ACTOR_LEARNT);
  td_doc_free(d);
  d = resolve(kb, "Mart Tammekivi spoke.\n", day(2023, 7, 1));
  expect(d, "Mart Tammekivi", 0, "ESTGOV", TD_ACTOR_LEARNT);
  td_doc_free(d);
  td_actor_kb_free(kb);
}

typedef struct diag_log {
  int n;
  char last[512];
} diag_log;
/* Mentions lie inside their sentence, in text order, never overlapping. */
static void assert_ordered(const td_doc *doc) {
  for (size_t i = 0; i < doc->n_mentions; i++) {
    const td_actor_mention *m = &doc->mentions[i];
    assert_true(m->sent < doc->n_sents);
    assert_true(m->start >= doc->sents[m->sent].start &&
                m->end <= doc->sents[m->sent].end && m->start < m->end);
    if (i > 0 && m->start < doc->mentions[i - 1].end) {
      dump(doc);
      fail_msg("mention %zu overlaps or precedes mention %zu", i, i - 1);
    }
  }
}

/* Regression (fuzzer): once "Jens Stoltenberg" is learnt, a chain of
 * organisations already mentioned on their own before a learnt surname
 * must not become part of the person's mention (it overlapped "NATO" and
 * "EU" and broke text order), and an unknown two-word run before the
 * surname is no first name. */
static void learnt_person_after_mentioned_chain(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *a =
      resolve(kb, "NATO Secretary General Jens Stoltenberg met reporters.",
              day(2001, 6, 22));
  expect(a, "NATO Secretary General Jens Stoltenberg", 0, "IGOWSTNAT",
         TD_ACTOR_TITLE);
  td_doc_free(a);
  td_doc *b = resolve(kb,
                      "Blinken spoke today by phone with NATO EU High "
                      "RepresentaJens Stoltenberg, the statement reads.",
                      day(2001, 7, 11));
  assert_ordered(b);
  expect(b, "NATO", 0, "IGOWSTNAT", TD_ACTOR_DICT);
  expect(b, "EU", 0, "IGOEUREEC", TD_ACTOR_DICT);
  expect(b, "Stoltenberg", 0, "IGOWSTNAT", TD_ACTOR_LEARNT);
  td_doc_free(b);
  /* An untitled chain right before the learnt full name: its own
   * mentions, then the person. */
  td_doc *c = resolve(kb, "Blinken met NATO EU Jens Stoltenberg in Brussels.",
                      day(2001, 7, 12));
  assert_ordered(c);
  expect(c, "Jens Stoltenberg", 0, "IGOWSTNAT", TD_ACTOR_LEARNT);
  td_doc_free(c);
  td_actor_kb_free(kb);
}

static void log_diag(void *ud, td_severity sev, const char *file, long line,
                     const char *msg) {
  (void)sev;
  diag_log *l = ud;
  l->n++;
  snprintf(l->last, sizeof l->last, "%s:%ld: %s", file, line, msg);
}

static void petrarch_dictionary(void **state) {
  (void)state;
  char path[64];
  snprintf(path, sizeof path, "/tmp/td_test_dict_%ld.txt", (long)getpid());
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(
      "# a test dictionary\n"
      "FREEDONIA_ [FRD]\n"
      "+FREEDONIAN_\n"
      "RUFUS_T._FIREFLY_  # leader\n"
      "+FIREFLY_\n"
      "\t[FRDGOV 330101-341231]\n"
      "\t[FRDELI]\n"
      "SYLVANIA_ [SYL] [SYLGOV 990101-bad]\n"
      "TRENTINO_ [SYLMIL >330601]\n",
      f);
  fclose(f);
  td_actor_kb *kb = open_kb();
  diag_log log = {0};
  td_diag diag = {log_diag, &log};
  size_t n = 0;
  td_error err = {0};
  assert_int_equal(td_actor_kb_load_dict(kb, path, &diag, &n, &err), 0);
  assert_int_equal(n, 3); /* FREEDONIA, FIREFLY, TRENTINO */
  assert_int_equal(log.n, 1);
  char want[128];
  snprintf(want, sizeof want, "%s:8: ", path);
  assert_memory_equal(log.last, want, strlen(want));
  assert_string_equal(code_of(kb, "Freedonian", day(1933, 5, 1)), "FRD");
  assert_string_equal(code_of(kb, "Rufus T. Firefly", day(1933, 5, 1)),
                      "FRDGOV");
  assert_string_equal(code_of(kb, "Firefly", day(1936, 5, 1)), "FRDELI");
  assert_string_equal(code_of(kb, "Trentino", day(1934, 1, 1)), "SYLMIL");
  assert_string_equal(code_of(kb, "Sylvania", day(1934, 1, 1)), "(unknown)");
  /* A dictionary name in text. */
  td_doc *d =
      resolve(kb, "Firefly declared war on Sylvania.\n", day(1933, 9, 1));
  expect(d, "Firefly", 0, "FRDGOV", TD_ACTOR_DICT);
  td_doc_free(d);
  /* A missing file is an error, not a crash. */
  assert_int_equal(
      td_actor_kb_load_dict(kb, "/nonexistent/dict.txt", &diag, NULL, &err),
      TD_EIO);
  td_actor_kb_free(kb);
  unlink(path);
}

/* Words of one to three bytes are found in the text by their packed
 * bytes: a dictionary with thousands of them (the table grows), and a
 * one-letter initial whose slot another word of its low bits once took
 * ("7" of G_7 and "W" of George W Bush: the initial was never found). */
static void short_words_of_a_dictionary(void **state) {
  (void)state;
  char path[64];
  snprintf(path, sizeof path, "/tmp/td_test_short_%ld.txt", (long)getpid());
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("G_7_ [IGOGSV]\nGEORGE_W_BUSH_ [USAGOV]\n", f);
  const char *first = "qxz";
  int names = 0;
  for (const char *a = first; *a; a++)
    for (char b = 'a'; b <= 'z'; b++)
      for (char c = 'a'; c <= 'z'; c++, names++)
        fprintf(f, "%c%c%c_ [FRD]\n", *a - 32, b - 32, c - 32);
  fclose(f);
  td_actor_kb *kb = open_kb();
  size_t n = 0;
  td_error err = {0};
  assert_int_equal(td_actor_kb_load_dict(kb, path, NULL, &n, &err), 0);
  assert_int_equal(n, (size_t)names + 2);
  td_doc *d = resolve(kb,
                      "George W Bush met Qaa, Xmn and Zzz in Washington on "
                      "Monday.\n",
                      day(2004, 5, 1));
  expect(d, "George W Bush", 0, "USAGOV", TD_ACTOR_DICT);
  expect(d, "Qaa", 0, "FRD", TD_ACTOR_DICT);
  expect(d, "Xmn", 0, "FRD", TD_ACTOR_DICT);
  expect(d, "Zzz", 0, "FRD", TD_ACTOR_DICT);
  td_doc_free(d);
  td_actor_kb_free(kb);
  unlink(path);
}

static void store_round_trip(void **state) {
  (void)state;
  char db[64];
  snprintf(db, sizeof db, "/tmp/td_test_actors_%ld.db", (long)getpid());
  unlink(db);
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(db, &st, &err), 0);
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(kb, "Latvian Defence Minister Ilze Ozolina said so.\n",
                      day(2023, 5, 1));
  td_put_result res;
  assert_int_equal(td_store_begin(st, &err), 0);
  assert_int_equal(td_store_put_doc(st, d, &res, &err), 0);
  assert_int_equal(td_store_commit(st, &err), 0);
  td_doc_free(d);
  td_actor_kb_free(kb);
  /* A fresh kb knows her only through the store. */
  kb = open_kb();
  assert_string_equal(code_of(kb, "Ilze Ozolina", day(2023, 6, 1)),
                      "(unknown)");
  assert_int_equal(td_actor_kb_load_store(kb, st, &err), 0);
  assert_string_equal(code_of(kb, "Ilze Ozolina", day(2023, 6, 1)), "LVAGOV");
  td_actor_kb_free(kb);
  td_store_close(st);
  unlink(db);
  char x[80];
  snprintf(x, sizeof x, "%s-wal", db);
  unlink(x);
  snprintf(x, sizeof x, "%s-shm", db);
  unlink(x);
}

/* The mentions coded code (a prefix), counted. */
static int count_code(const td_doc *doc, const char *code) {
  int n = 0;
  for (size_t i = 0; i < doc->n_mentions; i++)
    if (strncmp(doc->mentions[i].code, code, strlen(code)) == 0) n++;
  return n;
}

/* Resolve text dated d and assert that n mentions have a code starting
 * with code (the mentions are printed when not). */
static void expect_count(td_actor_kb *kb, const char *text, td_date d,
                         const char *code, int n) {
  td_doc *doc = resolve(kb, text, d);
  if (count_code(doc, code) != n) dump(doc);
  assert_int_equal(count_code(doc, code), n);
  td_doc_free(doc);
}

/* Parties are coded as government or opposition on the article's date
 * (parties.txt), and so are their people named by a party title; a
 * portfolio ("Labour Minister"), another country's party ("Australia's
 * ruling Labour Party") or a story datelined elsewhere is no British
 * party. */
static void parties(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  expect_count(kb, "Labour said the plans were right.", day(2005, 3, 3),
               "GBRGOV", 1);
  expect_count(kb, "Labour said the plans were right.", day(2012, 3, 3),
               "GBROPP", 1);
  expect_count(kb, "Tory co-chairman Liam Fox said the plans were wrong.",
               day(2005, 3, 3), "GBROPP", 1);
  expect_count(kb, "The Lib Dems and the Tories said no.", day(2005, 3, 3),
               "GBROPP", 2);
  expect_count(kb, "Labour Minister Almir Pazzionotto said wages would rise.",
               day(1987, 3, 3), "GBR", 0);
  expect_count(kb, "Australia's ruling Labour Party is considering it.",
               day(1987, 3, 3), "GBR", 0);
  expect_count(kb,
               "CANBERRA, March 3 - The Labour Party is considering a new "
               "tax.",
               day(1987, 3, 3), "GBR", 0);
  /* An article about another country: its actors named before, none
   * British. */
  expect_count(kb,
               "Australian Prime Minister Bob Hawke spoke after meeting the "
               "ruling Labour Party.",
               day(1987, 3, 3), "GBR", 0);
  expect_count(kb, "Labour MPs have accused the Conservatives of waste.",
               day(1987, 3, 3), "GBR", 2);
  /* "Tories" is no other country's party's name */
  expect_count(kb, "George W Bush won. The Tories said she broke a rule.",
               day(2005, 3, 3), "GBROPP", 1);
  /* a former office is no role now: ELI of the title's country */
  expect_count(kb, "Ex-Labour MP George Galloway appealed for calm.",
               day(2005, 3, 3), "GBRELI", 1);
  expect_count(kb,
               "Former Conservative leader Iain Duncan Smith criticised it.",
               day(2005, 3, 3), "GBRELI", 1);
  /* the party decides over the country named before it */
  expect_count(kb, "Scottish Conservative leader David McLetchie said no.",
               day(2005, 3, 3), "GBROPP", 1);
  td_actor_kb_free(kb);
}

/* A country described as a company ("UK airport operator BAA", "the U.S.
 * media company") is that company, coded BUS; a verb after the country
 * ends the description ("UK will stand firm"). */
static void company_descriptions(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_date d = day(2005, 3, 3);
  expect_count(kb, "UK airport operator BAA backed the plans.", d, "GBRBUS", 1);
  expect_count(kb, "The deal was signed by a U.S. media company.", d,
               "USABUS", 1);
  expect_count(kb, "The UK will stand firm on the rebate.", d, "GBRBUS", 0);
  expect_count(kb, "The UK will stand firm on the rebate.", d, "GBR", 1);
  expect_count(kb, "The West German central bank cut rates.", d, "DEUBUS",
               0);
  td_actor_kb_free(kb);
}

/* Company names (companies.txt) are companies, coded BUS after the country
 * named inside them, not the country or the title their words name. */
static void companies_are_no_countries(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(
      kb,
      "British Airways said it would lease ten aircraft.\n\n"
      "Orbitel Dynamics Inc agreed to buy General Motors Corp's radio unit "
      "from the Bank of Tokyo Ltd on Monday.\n\n"
      "Last week, Hughes Tool Co. said it would close a plant.\n\n"
      "American Express Co chairman Walter Quince said profits rose.\n\n"
      "Quince added that Procter & Gamble Co would follow.\n",
      day(1987, 3, 2));
  expect(d, "British Airways", 0, "GBRBUS", TD_ACTOR_DICT);
  expect(d, "Orbitel Dynamics Inc", 0, "BUS", TD_ACTOR_DICT);
  expect(d, "General Motors Corp's", 0, "BUS", TD_ACTOR_DICT);
  expect(d, "Bank of Tokyo Ltd", 0, "JPNBUS", TD_ACTOR_DICT);
  expect(d, "Hughes Tool Co.", 0, "BUS", TD_ACTOR_DICT);
  expect(d, "American Express Co chairman Walter Quince", 0, "USABUS",
         TD_ACTOR_TITLE);
  expect(d, "Procter & Gamble Co", 0, "BUS", TD_ACTOR_DICT);
  /* The sentence's first word is the surname of the person met before. */
  expect(d, "Quince", 0, "USABUS", TD_ACTOR_COREF);
  /* No country, no government, no general. */
  for (size_t i = 0; i < d->n_mentions; i++) {
    const char *c = d->mentions[i].code;
    if (strlen(c) < 6 || strcmp(c + 3, "BUS") != 0)
      assert_string_equal(c, "BUS");
  }
  td_doc_free(d);
  /* A company's people are not learnt: the next article does not know
   * Walter Quince. */
  d = resolve(kb, "Walter Quince said so.\n", day(1987, 3, 3));
  assert_int_equal(d->n_mentions, 0);
  td_doc_free(d);
  td_actor_kb_free(kb);
}

/* A head noun makes no company before a title or an institution, nor
 * after a public word; a name the kb knows whole stays what it is. */
static void company_heads_and_public_bodies(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d =
      resolve(kb,
              "The Iraqi Oil Ministry said exports would rise.\n\n"
              "The South African Reserve Bank said rates would fall.\n\n"
              "The World Bank approved the loan.\n",
              day(1987, 3, 2));
  expect(d, "Iraqi", 0, "IRQ", TD_ACTOR_DICT);
  expect(d, "South African Reserve Bank", 0, "ZAFGOV", TD_ACTOR_DICT);
  if (count_code(d, "IGOWBK") != 1 || count_code(d, "BUS") != 0) dump(d);
  assert_int_equal(count_code(d, "IGOWBK"), 1);
  for (size_t i = 0; i < d->n_mentions; i++)
    assert_null(strstr(d->mentions[i].code, "BUS"));
  td_doc_free(d);
  td_actor_kb_free(kb);
}

/* A known person matched by the surname alone after an unknown first
 * name is a namesake, not the person. */
static void surname_namesakes(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d =
      resolve(kb,
              "The farmer Thomas K. Stoltenberg sold his land. Later, Jens "
              "Stoltenberg met J. Stoltenberg.\n",
              day(2022, 3, 1));
  expect(d, "Jens Stoltenberg", 0, "IGOWSTNAT", TD_ACTOR_DICT);
  expect(d, "J. Stoltenberg", 0, "IGOWSTNAT", TD_ACTOR_DICT);
  if (count_code(d, "IGOWSTNAT") != 2) dump(d);
  assert_int_equal(count_code(d, "IGOWSTNAT"), 2);
  td_doc_free(d);
  /* Later in the article, the surname alone is the namesake met first. */
  d = resolve(kb,
              "Thomas Stoltenberg, chairman of Orbitel Corp, arrived. "
              "Stoltenberg said so.\n",
              day(2022, 3, 1));
  expect(d, "Stoltenberg", 0, "BUS", TD_ACTOR_COREF);
  td_doc_free(d);
  td_actor_kb_free(kb);
}

/* After an honorific a place or a body is a person's name: "Mr Hague" is
 * no Dutch government, "Ms France" no France; "The Hague" still is. */
static void honorific_names(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(kb,
                      "Mr Hague said so in The Hague. Ms France agreed. "
                      "France did not.\n",
                      day(2022, 3, 1));
  if (count_code(d, "NLDGOV") != 1 || count_code(d, "FRA") != 1) dump(d);
  assert_int_equal(count_code(d, "NLDGOV"), 1);
  assert_int_equal(count_code(d, "FRA"), 1);
  td_doc_free(d);
  /* "Mrs Blair" is not Tony Blair, "Mr Blair" is */
  expect_count(kb, "Tony Blair spoke. Mrs Blair said so. Mr Blair agreed.\n",
               day(2005, 3, 1), "GBRGOV", 2);
  /* "he" after an uncoded "Mr Rios" is not the minister named before */
  expect_count(kb,
               "Chilean Foreign Minister Dana Soto met Peru. Mr Rios said he "
               "would meet Peru again.\n",
               day(2022, 3, 1), "CHLGOV", 1);
  td_actor_kb_free(kb);
}

/* A title after a comma is the subject of a new clause, not the name's
 * apposition, when a reporting verb follows it and the name is inside a
 * clause; after a name that opens the sentence or follows a comma it
 * stays an apposition even without its closing comma. */
static void clause_after_title(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  /* Babb alone: she is not "the prime minister" later */
  expect_count(kb,
               "Echoing the new US Secretary of State Carla Babb, the prime "
               "minister said the talks would go on. The prime minister "
               "conceded that they were hard.\n",
               day(2022, 3, 1), "USAGOV", 1);
  td_doc *d = resolve(kb,
                      "Sales will rise, Edward Niedermeyer, president of the "
                      "Ukrainian Foreign Ministry said.\n",
                      day(2022, 3, 1));
  expect(d, "Edward Niedermeyer", 0, "UKRGOV", TD_ACTOR_TITLE);
  td_doc_free(d);
  td_actor_kb_free(kb);
}

/* The pronoun that attributes a quotation reaches back to before the
 * quotation opened; an uncoded name that speaks is who the next pronoun
 * means, not a coded person named before it. */
static void speakers_of_quotes(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(kb,
                      "Peruvian Foreign Minister Ana Cecilia Gervasi spoke "
                      "on Monday. \"We want peace. The army has moved. It "
                      "is not over. So we have to be ready,\" she said.\n",
                      day(2022, 3, 1));
  expect(d, "she", 0, "PERGOV", TD_ACTOR_COREF);
  td_doc_free(d);
  expect_count(kb,
               "Peruvian Foreign Minister Ana Cecilia Gervasi met Chile. "
               "Lopera said the talks had failed. She said the troops would "
               "stay.\n",
               day(2022, 3, 1), "PERGOV", 1);
  /* the subject of the sentence before, not its object, and never one
   * named inside the quotation the pronoun attributes */
  d = resolve(kb,
              "Peruvian Foreign Minister Ana Cecilia Gervasi held talks with "
              "Chilean Foreign Minister Antonia Urrejola on Friday. She said "
              "afterwards that progress was made. \"Chilean President Ines "
              "Vera and I agree,\" she said.\n",
              day(2022, 3, 1));
  expect(d, "She", 0, "PERGOV", TD_ACTOR_COREF);
  expect(d, "she", 0, "PERGOV", TD_ACTOR_COREF);
  td_doc_free(d);
  td_actor_kb_free(kb);
}

/* A company named with its suffix is the same company without it later
 * in the article; a name before a country's makes a company's name
 * ("Air Canada"), but not at a sentence's start, not joined by a hyphen
 * and not after a verb. */
static void company_names_again(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(
      kb,
      "Orbitel Express Co said profits rose. Later, Orbitel Express sold "
      "its stake in Zentrix Inc, and Zentrix said so.\n\n"
      "Shares of Quorra Canada fell. Two Canadian ministers left, and "
      "Franco-German talks began.\n\n"
      "Blinken told Kovac Canada would help. West German and Latin "
      "American bankers met.\n",
      day(1987, 3, 2));
  expect(d, "Orbitel Express Co", 0, "BUS", TD_ACTOR_DICT);
  expect(d, "Orbitel Express", 0, "BUS", TD_ACTOR_DICT);
  expect(d, "Zentrix", 0, "BUS", TD_ACTOR_DICT);
  expect(d, "Quorra Canada", 0, "CANBUS", TD_ACTOR_DICT);
  expect(d, "Canadian ministers", 0, "CANGOV", TD_ACTOR_DICT);
  expect(d, "German", 0, "DEU", TD_ACTOR_DICT);
  expect(d, "Canada", 0, "CAN", TD_ACTOR_DICT);
  expect(d, "West German", 0, "DEU", TD_ACTOR_DICT);
  expect(d, "Latin American", 0, "LAM", TD_ACTOR_DICT);
  td_doc_free(d);
  td_actor_kb_free(kb);
}

/* "he" refers back at most two sentences: further on, news has named
 * someone else, often someone no title codes. */
static void pronouns_reach_two_sentences(void **state) {
  (void)state;
  td_actor_kb *kb = open_kb();
  td_doc *d = resolve(kb,
                      "Polish Foreign Minister Jan Nowak met reporters. The "
                      "meeting was long. He left early.\n\n"
                      "Grain prices rose. An analyst at a broker in Warsaw "
                      "said the harvest was poor. He said so twice.\n",
                      day(2022, 3, 1));
  expect(d, "He", 0, "POLGOV", TD_ACTOR_COREF);
  if (mention(d, "He", 1)) dump(d);
  assert_null(mention(d, "He", 1));
  td_doc_free(d);
  td_actor_kb_free(kb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(dated_roles),
      cmocka_unit_test(titles_code_unknown_people),
      cmocka_unit_test(known_people_and_coreference),
      cmocka_unit_test(learnt_across_articles),
      cmocka_unit_test(learnt_person_after_mentioned_chain),
      cmocka_unit_test(petrarch_dictionary),
      cmocka_unit_test(short_words_of_a_dictionary),
      cmocka_unit_test(store_round_trip),
      cmocka_unit_test(companies_are_no_countries),
      cmocka_unit_test(company_descriptions),
      cmocka_unit_test(parties),
      cmocka_unit_test(company_heads_and_public_bodies),
      cmocka_unit_test(surname_namesakes),
      cmocka_unit_test(company_names_again),
      cmocka_unit_test(pronouns_reach_two_sentences),
      cmocka_unit_test(honorific_names),
      cmocka_unit_test(clause_after_title),
      cmocka_unit_test(speakers_of_quotes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
