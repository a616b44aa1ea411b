/* Unit tests for lexicon.c: the CAMEO table, lemmas of inflected forms and
 * the loader's handling of bad lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first. */
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon_internal.h"

static td_lexicon *lx;

static int setup(void **state) {
  (void)state;
  td_error err = {0};
  return td_lexicon_open(NULL, &lx, NULL, &err);
}

static int teardown(void **state) {
  (void)state;
  td_lexicon_free(lx);
  return 0;
}

static void cameo_codes(void **state) {
  (void)state;
  const td_cameo *c = td_cameo_lookup(lx, "0311");
  assert_non_null(c);
  assert_string_equal(c->code, "0311");
  assert_int_equal(c->quad_class, 1);
  c = td_cameo_lookup(lx, "190");
  assert_non_null(c);
  assert_int_equal(c->quad_class, 4);
  assert_true(c->goldstein == -10.0);
  c = td_cameo_lookup(lx, "041");
  assert_non_null(c);
  assert_string_equal(c->name, "Discuss by telephone");
  assert_null(td_cameo_lookup(lx, "999"));
  assert_null(td_cameo_lookup(lx, ""));
  assert_null(td_cameo_lookup(NULL, "01"));
  /* Every root exists. */
  for (int r = 1; r <= 20; r++) {
    char buf[16];
    snprintf(buf, sizeof buf, "%02d", r);
    assert_non_null(td_cameo_lookup(lx, buf));
  }
}

static int has_lemma(const char *form, const char *lemma) {
  const td__word *w = td__lexicon_word(lx, form, strlen(form));
  int32_t id = td__lexicon_lemma(lx, lemma);
  if (w == NULL || id < 0) return 0;
  return w->lemma[0] == id || w->lemma[1] == id;
}

static void inflections(void **state) {
  (void)state;
  assert_true(has_lemma("accused", "accuse"));
  assert_true(has_lemma("accuses", "accuse"));
  assert_true(has_lemma("accusing", "accuse"));
  assert_true(has_lemma("urged", "urge"));
  assert_true(has_lemma("banned", "ban"));
  assert_true(has_lemma("spoke", "speak"));
  assert_true(has_lemma("held", "hold"));
  assert_true(has_lemma("met", "meet"));
  assert_true(has_lemma("talks", "talk"));
  assert_true(has_lemma("denies", "deny"));
  assert_true(has_lemma("withdrew", "withdraw"));
  assert_true(has_lemma("sanctions", "sanction"));
  assert_false(has_lemma("accused", "urge"));
  const td__word *w = td__lexicon_word(lx, "the", 3);
  assert_non_null(w);
  assert_true(w->cls & TD__WC_DET);
  w = td__lexicon_word(lx, "didn't", 6);
  assert_non_null(w);
  assert_true(w->cls & TD__WC_NEG);
}

static void patterns_by_head(void **state) {
  (void)state;
  size_t n = 0;
  const td__pattern *p =
      td__lexicon_patterns(lx, td__lexicon_lemma(lx, "accuse"), &n);
  assert_true(n > 5);
  /* Longest patterns first. */
  for (size_t i = 1; i < n; i++) assert_true(p[i - 1].n_words >= p[i].n_words);
  /* Every root has at least one pattern. */
  int roots[21] = {0};
  for (size_t i = 0; i < lx->n_pats; i++)
    roots[atoi(lx->codes[lx->pats[i].code].code) /
          (strlen(lx->codes[lx->pats[i].code].code) == 4   ? 100
           : strlen(lx->codes[lx->pats[i].code].code) == 3 ? 10
                                                           : 1)] = 1;
  for (int r = 1; r <= 20; r++) assert_true(roots[r]);
}

static int n_diags;
static void count_diag(void *ud, td_severity sev, const char *file, long line,
                       const char *msg) {
  (void)ud;
  (void)sev;
  (void)msg;
  assert_non_null(strstr(file, "verbs.txt"));
  assert_true(line >= 1);
  n_diags++;
}

static void write_file(const char *dir, const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static void bad_lines_reported(void **state) {
  (void)state;
  char dir[] = "/tmp/td_lexicon_XXXXXX";
  assert_non_null(mkdtemp(dir));
  write_file(dir, "cameo.tsv", "# t\n01\t0.0\t1\tStatement\n010\t0\t1\tSay\n");
  write_file(dir, "function_words.txt", "NEG: not\n");
  write_file(dir, "inflections.txt", "say: said\n");
  write_file(dir, "frames.txt", "04 010 010 010 010 010\n");
  write_file(dir, "verbs.txt",
             "010 say/v | say\n999 foo\n010 bar | nosuchflag\n010 +\n");
  td_diag diag = {count_diag, NULL};
  td_lexicon *l2 = NULL;
  td_error err = {0};
  n_diags = 0;
  assert_int_equal(td_lexicon_open(dir, &l2, &diag, &err), 0);
  assert_int_equal(n_diags, 3);
  assert_int_equal((int)l2->n_pats, 1);
  td_lexicon_free(l2);
  const char *names[] = {"cameo.tsv", "function_words.txt", "inflections.txt",
                         "verbs.txt", "frames.txt"};
  for (int i = 0; i < 5; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    unlink(path);
  }
  /* A missing file is an error with its path. */
  assert_int_equal(td_lexicon_open(dir, &l2, &diag, &err), TD_EIO);
  assert_null(l2);
  assert_non_null(strstr(err.file, "cameo.tsv"));
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(cameo_codes),
      cmocka_unit_test(inflections),
      cmocka_unit_test(patterns_by_head),
      cmocka_unit_test(bad_lines_reported),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
