/* Unit tests for segment.c: paragraphs, sentence splitting, tokens. */
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

/* A document whose text is s (already normalized), segmented. */
static td_doc *seg(const char *s) {
  td_doc *d = td_doc_new();
  d->text = td_xstrdup(s);
  d->text_len = strlen(s);
  td_segment(d);
  return d;
}

/* The text of sentence i, for comparisons. */
static char *sent(const td_doc *d, size_t i) {
  static char buf[1024];
  assert_true(i < d->n_sents);
  const td_sentence *s = &d->sents[i];
  snprintf(buf, sizeof buf, "%.*s", (int)(s->end - s->start),
           d->text + s->start);
  return buf;
}

static char *tok(const td_doc *d, size_t i) {
  static char buf[256];
  assert_true(i < d->n_toks);
  snprintf(buf, sizeof buf, "%.*s", (int)(d->toks[i].end - d->toks[i].start),
           d->text + d->toks[i].start);
  return buf;
}

/* Assert the sentences of s are exactly the n strings given. */
static void expect_sents(const char *s, size_t n, ...) {
  td_doc *d = seg(s);
  va_list ap;
  va_start(ap, n);
  for (size_t i = 0; i < n; i++) {
    const char *want = va_arg(ap, const char *);
    if (i < d->n_sents) {
      assert_string_equal(sent(d, i), want);
    }
  }
  va_end(ap);
  if (d->n_sents != n) {
    for (size_t i = 0; i < d->n_sents; i++)
      print_message("  got [%zu] %s\n", i, sent(d, i));
  }
  assert_int_equal(d->n_sents, n);
  td_doc_free(d);
}

static void abbreviations_and_initials(void **state) {
  (void)state;
  expect_sents(
      "U.S. Secretary of State Marta K. Olsen met Gen. Ivo Dane, Sen. Ray "
      "Pell and Dr. Ana Ruiz on Feb. 3 in St. Louis. Mr. Pell left early.",
      2,
      "U.S. Secretary of State Marta K. Olsen met Gen. Ivo Dane, Sen. Ray "
      "Pell and Dr. Ana Ruiz on Feb. 3 in St. Louis.",
      "Mr. Pell left early.");
  /* A dotted abbreviation ends a sentence only before a usual opener. */
  expect_sents(
      "Aid reached the U.S. The ship docked. It sailed to the U.S. "
      "Allies cheered.",
      3, "Aid reached the U.S.", "The ship docked.",
      "It sailed to the U.S. Allies cheered.");
  expect_sents("Talks end in Jan. The vote is on Jan. 9 at 9 a.m. local time.",
               2, "Talks end in Jan.",
               "The vote is on Jan. 9 at 9 a.m. local time.");
  expect_sents("She holds a Ph.D. in law from Harvard. He does not.", 2,
               "She holds a Ph.D. in law from Harvard.", "He does not.");
  /* An initial ends a sentence only before a usual opener. */
  expect_sents("The film starred Malcolm X. The critics loved it.", 2,
               "The film starred Malcolm X.", "The critics loved it.");
  /* "No." before a number is no sentence end. */
  expect_sents("He lives at No. 10 Downing Street. She does not.", 2,
               "He lives at No. 10 Downing Street.", "She does not.");
}

static void numbers_and_times(void **state) {
  (void)state;
  td_doc *d =
      seg("Prices rose 2.27 percent by 10:32 GMT to 1,750.5 dlrs. "
          "Trade fell.");
  assert_int_equal(d->n_sents, 2);
  assert_string_equal(tok(d, 2), "2.27");
  assert_int_equal(d->toks[2].kind, TD_TOK_NUMBER);
  assert_string_equal(tok(d, 5), "10:32");
  assert_int_equal(d->toks[5].kind, TD_TOK_NUMBER);
  assert_string_equal(tok(d, 8), "1,750.5");
  assert_string_equal(tok(d, 10), ".");
  assert_int_equal(d->toks[10].kind, TD_TOK_PUNCT);
  td_doc_free(d);
  /* A year at the end of a sentence keeps its period apart. */
  expect_sents("It opened in July 2022. Ships left.", 2,
               "It opened in July 2022.", "Ships left.");
}

static void quotes(void **state) {
  (void)state;
  expect_sents(
      "\"We will keep talking,\" she said. \"Talks resume on "
      "Monday.\" He left.",
      3, "\"We will keep talking,\" she said.", "\"Talks resume on Monday.\"",
      "He left.");
  expect_sents("He called the plan \"a disgrace.\" Officials denied it.", 2,
               "He called the plan \"a disgrace.\"", "Officials denied it.");
  expect_sents("\"Will they come?\" she asked. \"No!\" he said.", 2,
               "\"Will they come?\" she asked.", "\"No!\" he said.");
  expect_sents("Is it over? Nobody knows!! (The vote is due.) It is late.", 4,
               "Is it over?", "Nobody knows!!", "(The vote is due.)",
               "It is late.");
  /* Typographic quotes left by a reader that did not normalize. */
  expect_sents("\xE2\x80\x9CWe are ready.\xE2\x80\x9D The envoy nodded.", 2,
               "\xE2\x80\x9CWe are ready.\xE2\x80\x9D", "The envoy nodded.");
}

static void ellipses(void **state) {
  (void)state;
  expect_sents("The talks were... difficult. They ended.", 2,
               "The talks were... difficult.", "They ended.");
  expect_sents("We waited... The envoy then arrived.", 2, "We waited...",
               "The envoy then arrived.");
  expect_sents("We waited... Geneva was cold.", 1,
               "We waited... Geneva was cold.");
}

static void run_together(void **state) {
  (void)state;
  expect_sents(
      "The envoy spoke about Ukraine.Kolar said the U.S. would help."
      "The call ended.",
      3, "The envoy spoke about Ukraine.", "Kolar said the U.S. would help.",
      "The call ended.");
  /* A byline glued to a dotted acronym is cut off. */
  expect_sents("Lin QiaoU.S. envoys arrived on Monday.", 2, "Lin Qiao",
               "U.S. envoys arrived on Monday.");
  /* Glued to a number, a question or exclamation mark: no new sentence. */
  expect_sents("See item EY4096.3 and news.asp?ArticleID=9 today.", 1,
               "See item EY4096.3 and news.asp?ArticleID=9 today.");
  expect_sents("The court ruled in Hamdan v. Rumsfeld on Thursday.", 1,
               "The court ruled in Hamdan v. Rumsfeld on Thursday.");
  /* A domain is one word, not a sentence end. */
  td_doc *d = seg("See example-wire.test for details.");
  assert_int_equal(d->n_sents, 1);
  assert_string_equal(tok(d, 1), "example-wire.test");
  td_doc_free(d);
}

static void token_offsets_and_flags(void **state) {
  (void)state;
  const char *s = "US-led NATO's allies, e.g. Canada, sent 3rd-wave aid.";
  td_doc *d = seg(s);
  const char *want[] = {"US-led", "NATO's", "allies",   ",",   "e.g.", "Canada",
                        ",",      "sent",   "3rd-wave", "aid", "."};
  assert_int_equal(d->n_toks, 11);
  for (size_t i = 0; i < 11; i++) assert_string_equal(tok(d, i), want[i]);
  assert_int_equal(d->toks[0].start, 0);
  assert_int_equal(d->toks[0].end, 6);
  assert_int_equal(d->toks[0].kind, TD_TOK_WORD);
  assert_true(d->toks[0].flags & TD_TOKF_HYPHEN);
  assert_true(d->toks[0].flags & TD_TOKF_CAP);
  assert_true(d->toks[0].flags & TD_TOKF_SENT_START);
  assert_true(d->toks[1].flags & TD_TOKF_ALLCAPS);
  assert_false(d->toks[2].flags & (TD_TOKF_CAP | TD_TOKF_SENT_START));
  assert_true(d->toks[4].flags & TD_TOKF_ABBREV);
  assert_int_equal(d->toks[5].start, 27);
  assert_int_equal(d->toks[5].end, 33);
  assert_false(d->toks[5].flags & TD_TOKF_ALLCAPS);
  assert_int_equal(d->toks[10].start, strlen(s) - 1);
  assert_int_equal(d->n_words, 8);
  assert_int_equal(d->sents[0].tok_first, 0);
  assert_int_equal(d->sents[0].tok_end, 11);
  td_doc_free(d);

  d = seg("Costs: $5 + 20% / day & more.");
  assert_string_equal(tok(d, 1), ":");
  assert_int_equal(d->toks[1].kind, TD_TOK_PUNCT);
  assert_string_equal(tok(d, 2), "$");
  assert_int_equal(d->toks[2].kind, TD_TOK_SYMBOL);
  assert_string_equal(tok(d, 5), "20");
  assert_int_equal(d->toks[6].kind, TD_TOK_SYMBOL);
  td_doc_free(d);

  d = seg("The U.S.-led talks ended.");
  assert_string_equal(tok(d, 1), "U.S.-led");
  assert_true(d->toks[1].flags & TD_TOKF_HYPHEN);
  assert_false(d->toks[1].flags & TD_TOKF_ABBREV);
  td_doc_free(d);

  /* Non-ASCII letters stay inside words; a capital one sets CAP. */
  d = seg("\xC3\x8Ele-de-France and Zelensky\xC3\xBF's aide.");
  assert_string_equal(tok(d, 0), "\xC3\x8Ele-de-France");
  assert_true(d->toks[0].flags & TD_TOKF_CAP);
  assert_string_equal(tok(d, 2), "Zelensky\xC3\xBF's");
  td_doc_free(d);
}

static void paragraphs(void **state) {
  (void)state;
  /* Blank lines, including lines of spaces. */
  td_doc *d = seg("Title line\n\nFirst para. Two.\n  \nSecond para.\n");
  assert_int_equal(d->n_paras, 3);
  assert_int_equal(d->paras[1].sent_first, 1);
  assert_int_equal(d->paras[1].sent_end, 3);
  assert_int_equal(d->sents[2].para, 1);
  assert_int_equal(d->paras[2].start,
                   strlen("Title line\n\nFirst para. Two.\n  \n"));
  td_doc_free(d);

  /* Hard-wrapped text with indented paragraphs (Reuters). */
  d =
      seg("Showers continued in the cocoa zone this week, a trader\n"
          "said in a review published on Thursday in the city.\n"
          "    The dry period means the crop will be late, the\n"
          "trader said.\n"
          "    Arrivals rose.\n");
  assert_int_equal(d->n_paras, 3);
  assert_int_equal(d->n_sents, 3);
  td_doc_free(d);

  /* Hard-wrapped text without indentation: a short line ending a sentence
   * ends its paragraph; a short title line too. */
  d =
      seg("Envoys meet in Riga\n"
          "The first paragraph is wrapped at a width of about sixty\n"
          "bytes and ends here.\n"
          "The second paragraph starts on the next line and is also\n"
          "wrapped at the same width as the first one.\n");
  assert_int_equal(d->n_paras, 3);
  assert_int_equal(d->paras[1].start, strlen("Envoys meet in Riga\n"));
  td_doc_free(d);

  /* One unwrapped paragraph per line. */
  d =
      seg("The first paragraph is a long line of text that nobody wrapped, "
          "as happens in feeds and in pages scraped from the sites of news "
          "outlets.\n"
          "He declined to comment.\n"
          "The third paragraph is also one long line of text that nobody "
          "wrapped at any width at all in the source it was taken from.\n");
  assert_int_equal(d->n_paras, 3);
  td_doc_free(d);

  /* Empty and blank texts. */
  d = seg("");
  assert_int_equal(d->n_paras, 0);
  assert_int_equal(d->n_toks, 0);
  td_doc_free(d);
  d = seg(" \n\n \t\n");
  assert_int_equal(d->n_sents, 0);
  td_doc_free(d);
}

static void dateline_is_its_own_sentence(void **state) {
  (void)state;
  td_doc *d = td_doc_new();
  const char *s =
      "KYIV, March 4. /EXWIRE/. Officials met in Kyiv. Talks went on.";
  d->text = td_xstrdup(s);
  d->text_len = strlen(s);
  td_dateline_parse(d);
  td_segment(d);
  assert_int_equal(d->n_sents, 3);
  assert_string_equal(sent(d, 0), "KYIV, March 4. /EXWIRE/.");
  assert_string_equal(sent(d, 1), "Officials met in Kyiv.");
  /* Segmenting again replaces the earlier segmentation. */
  td_segment(d);
  assert_int_equal(d->n_sents, 3);
  td_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(abbreviations_and_initials),
      cmocka_unit_test(numbers_and_times),
      cmocka_unit_test(quotes),
      cmocka_unit_test(ellipses),
      cmocka_unit_test(run_together),
      cmocka_unit_test(token_offsets_and_flags),
      cmocka_unit_test(paragraphs),
      cmocka_unit_test(dateline_is_its_own_sentence),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
