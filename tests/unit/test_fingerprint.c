/* Unit tests for fingerprint.c: the word definition, exact similarity,
 * signatures, in-memory dedup with bad input (empty, one-word, huge
 * articles), and the store side: verified pairs, incremental clusters,
 * passage repeats linked to the earliest article, replacement. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the headers above first. */
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "store_internal.h"

/* ---- words ---- */

static void words_are(const char *text, const char *const *want, size_t n) {
  size_t pos = 0, start, len, i = 0;
  char buf[TD__FP_WORD_MAX + 1];
  while ((len = td__fp_word(text, strlen(text), &pos, &start, buf)) > 0) {
    buf[len] = '\0';
    assert_true(i < n);
    assert_string_equal(buf, want[i]);
    i++;
  }
  assert_int_equal(i, n);
}

static void test_words(void **state) {
  (void)state;
  static const char *const w1[] = {"u",    "s", "secretarys", "visit",
                                   "2022", "1", "750"};
  words_are("U.S. Secretary's  \"visit\" -- 2022: 1,750!", w1, 7);
  static const char *const w2[] = {"russias", "москва", "москва", "éte"};
  words_are(
      "Russia\xE2\x80\x99s \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0"
      "\xB0 \xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90 \xC3\x89TE",
      w2, 4);
  words_are("", NULL, 0);
  words_are(" -- ... \xEF\xBF\xBD ", NULL, 0); /* U+FFFD is no letter */
  static const char *const w3[] = {"rock", "n", "roll"};
  words_are("rock 'n' roll", w3, 3);
  /* A word longer than the limit is cut, not split. */
  char longw[200];
  memset(longw, 'a', sizeof longw - 1);
  longw[sizeof longw - 1] = '\0';
  size_t pos = 0, start;
  char buf[TD__FP_WORD_MAX];
  assert_int_equal(td__fp_word(longw, strlen(longw), &pos, &start, buf),
                   TD__FP_WORD_MAX);
  assert_int_equal(pos, strlen(longw));
}

/* ---- similarity ---- */

static double sim(const char *a, const char *b) {
  return td_text_similarity(a, strlen(a), b, strlen(b), TD_FP_SHINGLE);
}

static void test_similarity(void **state) {
  (void)state;
  const char *a = "The quick brown fox jumps over the lazy dog today";
  assert_true(sim(a, a) == 1.0);
  /* Case and punctuation do not matter. */
  assert_true(
      sim(a, "THE QUICK, brown fox -- jumps over the LAZY dog. Today!") == 1.0);
  /* 10 words: 6 shingles; one changed last word leaves 5 of 7. */
  assert_true(fabs(sim(a,
                       "The quick brown fox jumps over the lazy dog "
                       "tomorrow") -
                   5.0 / 7.0) < 1e-12);
  assert_true(sim(a, "Nothing at all in common with that sentence here") == 0);
  /* Fewer than five words: no shingle, never similar, even to itself. */
  assert_true(sim("Hello", "Hello") == 0);
  assert_true(sim("", "") == 0);
  assert_true(sim("one two three four", "one two three four") == 0);
}

/* A text of n pseudo-random words from a seed. */
static char *words_text(unsigned seed, size_t n) {
  td__buf b = {0};
  uint64_t x = seed * 0x9e3779b97f4a7c15ULL + 1;
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    td__buf_printf(&b, "w%u ", (unsigned)(x % 5000));
    if (i % 40 == 39) td__buf_put(&b, "\n\n", 2);
  }
  return td__buf_detach(&b, NULL);
}

static void test_signature(void **state) {
  (void)state;
  char *a = words_text(1, 300);
  td_doc *d1 = td_doc_new(), *d2 = td_doc_new(), *e = td_doc_new();
  d1->text = td_xstrdup(a);
  d1->text_len = strlen(a);
  d2->text = td_xstrdup(a);
  d2->text_len = strlen(a);
  td_fingerprint_doc(d1);
  td_fingerprint_doc(d2);
  assert_int_equal(d1->fingerprint->words, 300);
  assert_int_equal(d1->fingerprint->shingles, 296);
  assert_memory_equal(d1->fingerprint->bands, d2->fingerprint->bands,
                      sizeof d1->fingerprint->bands);
  /* An empty document fingerprints to nothing. */
  e->text = td_xstrdup("");
  td_fingerprint_doc(e);
  assert_int_equal(e->fingerprint->shingles, 0);
  assert_int_equal(e->fingerprint->n_passages, 0);
  /* Fingerprinting again replaces the fingerprint (no leak). */
  td_fingerprint_doc(e);
  td_doc_free(d1);
  td_doc_free(d2);
  td_doc_free(e);
  free(a);
}

static void test_dedup_texts(void **state) {
  (void)state;
  enum { N = 9 };
  char *t[N];
  t[0] = words_text(1, 400);
  t[1] = td_xstrdup(t[0]); /* a re-post with one word edited */
  memcpy(strstr(t[1], "w") + 1, "9", 1);
  t[2] = words_text(2, 400); /* a different story */
  t[3] = td_xstrdup("");
  t[4] = td_xstrdup("Hello");
  t[5] = td_xstrdup("Hello");
  /* Two huge articles (300k words) that differ, and one that repeats the
   * first: the different ones must not merge. */
  t[6] = words_text(3, 300000);
  t[7] = words_text(4, 300000);
  t[8] = td_xstrdup(t[6]);
  size_t lens[N];
  for (int i = 0; i < N; i++) lens[i] = strlen(t[i]);
  td_text_pair *p;
  size_t np;
  td_dedup_stats st;
  assert_int_equal(
      td_dedup_texts((const char *const *)t, lens, N, 0, &p, &np, &st), 0);
  assert_int_equal(np, 2);
  assert_int_equal(p[0].a, 0);
  assert_int_equal(p[0].b, 1);
  assert_true(p[0].similarity >= 0.95 && p[0].similarity < 1);
  assert_int_equal(p[1].a, 6);
  assert_int_equal(p[1].b, 8);
  assert_true(p[1].similarity == 1.0);
  free(p);
  assert_int_equal(
      td_dedup_texts((const char *const *)t, lens, N, 2, &p, &np, NULL),
      TD_EARG);
  for (int i = 0; i < N; i++) free(t[i]);
}

/* ---- store ---- */

static char dbpath[256];

static int setup(void **state) {
  (void)state;
  snprintf(dbpath, sizeof dbpath, "/tmp/td_test_fp_%ld.db", (long)getpid());
  char p[300];
  unlink(dbpath);
  snprintf(p, sizeof p, "%s-wal", dbpath);
  unlink(p);
  snprintf(p, sizeof p, "%s-shm", dbpath);
  unlink(p);
  return 0;
}
static int teardown(void **state) {
  return setup(state);
}

static const char BACKGROUND[] =
    "On December 17 the foreign ministry published two draft agreements on "
    "security guarantees which the capital expects from its partners and "
    "the alliance, with restrictions on deploying offensive weapons.";

/* A prepared document with the given date (day of February 2022). */
static td_doc *make_doc(const char *id, int day, const char *text) {
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, id);
  td_doc_set_raw(d, text, strlen(text));
  assert_int_equal(td_doc_prepare(d, NULL), 0);
  d->date = (td_date){
      .year = 2022, .month = 2, .day = (int8_t)day, .precision = TD_PREC_DAY};
  d->date_source = TD_DATE_SRC_METADATA;
  return d;
}

static void put_batch(td_store *st, td_doc **docs, size_t n) {
  td_error err = {0};
  assert_int_equal(td_store_begin(st, &err), 0);
  for (size_t i = 0; i < n; i++) {
    td_put_result r;
    assert_int_equal(td_store_put_doc(st, docs[i], &r, &err), 0);
  }
  assert_int_equal(td__store_end_batch(st, &err), 0);
  assert_int_equal(td_store_commit(st, &err), 0);
  for (size_t i = 0; i < n; i++) td_doc_free(docs[i]);
}

static int64_t rowid_of(td_store *st, const char *id) {
  sqlite3_stmt *s;
  assert_int_equal(
      sqlite3_prepare_v2(td__store_db(st),
                         "SELECT rowid FROM article WHERE id=?1", -1, &s, NULL),
      SQLITE_OK);
  sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  int64_t r = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return r;
}

typedef struct clusters {
  int n;
  size_t sizes[8];
  char first[8][32];
} clusters;

static int on_cluster(void *ud, const td_dup_cluster *c) {
  clusters *cl = ud;
  if (cl->n < 8) {
    cl->sizes[cl->n] = c->n_docs;
    snprintf(cl->first[cl->n], 32, "%s", c->docs[0]);
  }
  cl->n++;
  return 0;
}

static clusters get_clusters(td_store *st) {
  clusters cl = {0};
  td_error err = {0};
  assert_int_equal(td_dups_each(st, 0, on_cluster, &cl, &err), 0);
  return cl;
}

/* The index of the article's last paragraph. */
static uint32_t last_para(td_store *st, const char *id) {
  sqlite3_stmt *s;
  assert_int_equal(sqlite3_prepare_v2(td__store_db(st),
                                      "SELECT max(idx) FROM paragraph WHERE "
                                      "article = ?1",
                                      -1, &s, NULL),
                   SQLITE_OK);
  sqlite3_bind_int64(s, 1, rowid_of(st, id));
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  uint32_t r = (uint32_t)sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return r;
}

static int para_of(td_store *st, const char *id, uint32_t para) {
  return td__para_is_repeat(st, rowid_of(st, id), para);
}

static void test_store_incremental(void **state) {
  (void)state;
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(dbpath, &st, &err), 0);
  char *story = words_text(7, 200), *other = words_text(8, 120);
  char text[8192];

  /* Batch 1: b (Feb 3) carries the background paragraph; a (Feb 2) too,
   * with a different story. Bad input rides along: an empty-ish article
   * and two identical one-word articles. */
  td_doc *b1[4];
  snprintf(text, sizeof text, "%s\n\n%s", other, BACKGROUND);
  b1[0] = make_doc("b", 3, text);
  snprintf(text, sizeof text, "%s\n\n%s", story, BACKGROUND);
  b1[1] = make_doc("a", 2, text);
  b1[2] = make_doc("one1", 2, "Hello");
  b1[3] = make_doc("one2", 2, "Hello");
  put_batch(st, b1, 4);
  assert_int_equal(get_clusters(st).n, 0);
  /* The paragraph is repeated material in b, original in a (earlier). */
  uint32_t bg_b = last_para(st, "b"), bg_a = last_para(st, "a");
  assert_true(bg_b > 0 && bg_a > 0);
  assert_int_equal(para_of(st, "b", bg_b), 1);
  assert_int_equal(para_of(st, "a", bg_a), 0);
  assert_int_equal(para_of(st, "a", 0), 0);
  td__para_repeat_info info;
  assert_int_equal(td__para_repeat(st, rowid_of(st, "a"), bg_a, &info), 0);
  assert_true(info.shared && !info.repeat && info.share == 1.0);

  /* Batch 2: a re-post of a (light edit) joins a in a cluster; c, dated
   * Feb 1, has the background too and becomes its origin. */
  td_doc *b2[2];
  snprintf(text, sizeof text, "%s\n\n%s", story, BACKGROUND);
  memcpy(strstr(text, "w") + 1, "9", 1);
  b2[0] = make_doc("a-repost", 4, text);
  snprintf(text, sizeof text, "Earlier words of a third story.\n\n%s",
           BACKGROUND);
  b2[1] = make_doc("c", 1, text);
  put_batch(st, b2, 2);
  clusters cl = get_clusters(st);
  assert_int_equal(cl.n, 1);
  assert_int_equal(cl.sizes[0], 2);
  assert_string_equal(cl.first[0], "a");
  assert_int_equal(para_of(st, "a", bg_a), 1); /* no longer the origin */
  assert_int_equal(para_of(st, "c", 1), 0);
  assert_int_equal(td__para_repeat(st, rowid_of(st, "b"), bg_b, &info), 0);
  assert_true(info.origin == rowid_of(st, "c") && info.origin_para == 1);

  /* Batch 3: the re-post is replaced by different text: the cluster goes,
   * and c's replacement dissolves its group, which relinks to a. */
  td_doc *b3[2];
  b3[0] = make_doc("a-repost", 4,
                   "Now an entirely different article text "
                   "with nothing of the first one in it.");
  b3[1] = make_doc("c", 1,
                   "c no longer carries the background paragraph "
                   "at all, only these words.");
  put_batch(st, b3, 2);
  assert_int_equal(get_clusters(st).n, 0);
  assert_int_equal(para_of(st, "a", bg_a), 0);
  assert_int_equal(para_of(st, "b", bg_b), 1);
  assert_int_equal(td__para_repeat(st, rowid_of(st, "b"), bg_b, &info), 0);
  assert_true(info.origin == rowid_of(st, "a"));
  /* Thresholds below what the store keeps are refused. */
  assert_int_equal(td_dups_each(st, 0.3, on_cluster, &cl, &err), TD_EARG);
  td_store_close(st);
  free(story);
  free(other);
}

/* A near repeat whose numbers differ is an update, not background; the
 * same paragraph with the same numbers but a changed word is a repeat. */
static void test_store_numbers(void **state) {
  (void)state;
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(dbpath, &st, &err), 0);
  td_doc *b[3];
  b[0] = make_doc("d1", 1,
                  "Opening words of the first report.\n\n"
                  "The ministry said 12 people were killed and 40 wounded in "
                  "the shelling of the eastern town on Monday night.");
  b[1] = make_doc("d2", 2,
                  "Opening words of the second report.\n\n"
                  "The ministry said 15 people were killed and 40 wounded in "
                  "the shelling of the eastern town on Monday night.");
  b[2] = make_doc("d3", 3,
                  "Opening words of the third report.\n\n"
                  "The ministry said 12 people were killed and 40 injured in "
                  "the shelling of the eastern town on Monday night.");
  put_batch(st, b, 3);
  assert_int_equal(para_of(st, "d2", 1), 0);
  assert_int_equal(para_of(st, "d3", 1), 1);
  assert_int_equal(para_of(st, "d1", 1), 0);
  td_store_close(st);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_words),
      cmocka_unit_test(test_similarity),
      cmocka_unit_test(test_signature),
      cmocka_unit_test(test_dedup_texts),
      cmocka_unit_test_setup_teardown(test_store_incremental, setup, teardown),
      cmocka_unit_test_setup_teardown(test_store_numbers, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
