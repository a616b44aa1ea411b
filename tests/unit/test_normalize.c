/* Unit tests for normalize.c: UTF-8 repair, line ends, NFC, the character
 * map, offmap and the empty/binary verdicts. */
/* cmocka.h needs these first. */
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
#include <utf8proc.h>

#include "internal.h"
#include "tidings.h"

/* Diagnostics collected as "file:line: warning|error: msg" lines. */
typedef struct captured {
  char text[4096];
  int n;
} captured;

static void capture(void *ud, td_severity sev, const char *file, long line,
                    const char *msg) {
  captured *c = ud;
  size_t l = strlen(c->text);
  snprintf(c->text + l, sizeof c->text - l, "%s:%ld: %s: %s\n",
           file ? file : "", line, sev == TD_SEV_ERROR ? "error" : "warning",
           msg);
  c->n++;
}

static td_doc *doc_of(const char *raw, size_t n) {
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->origin, "in.txt");
  td_doc_set_str(&d->id, "in");
  d->line = 1;
  td_doc_set_raw(d, raw, n);
  return d;
}

/* Normalize raw and compare text (and offmap when map is not NULL). */
static td_doc *norm_ok(const char *raw, const char *want, const uint32_t *map) {
  td_doc *d = doc_of(raw, strlen(raw));
  assert_int_equal(td_normalize(d, NULL), 0);
  assert_string_equal(d->text, want);
  assert_int_equal(d->text_len, strlen(want));
  assert_int_equal(d->offmap[d->text_len], d->raw_len);
  if (map)
    for (size_t i = 0; i < d->text_len; i++)
      if (d->offmap[i] != map[i])
        fail_msg("offmap[%zu] = %u, want %u", i, d->offmap[i], map[i]);
  return d;
}

static void ascii_identity(void **state) {
  (void)state;
  td_doc *d = norm_ok("MOSCOW, Feb. 2 (TASS) - Talks.\n\tNext",
                      "MOSCOW, Feb. 2 (TASS) - Talks.\n\tNext", NULL);
  for (size_t i = 0; i <= d->text_len; i++) assert_int_equal(d->offmap[i], i);
  assert_int_equal(d->n_invalid_utf8, 0);
  td_doc_free(d);
}

static void line_ends(void **state) {
  (void)state;
  static const uint32_t m[] = {0, 1, 3, 4, 5};
  td_doc_free(norm_ok("a\r\nb\rc", "a\nb\nc", m));
  td_doc_free(norm_ok("x\r\n\r\ny\r", "x\n\ny\n", NULL));
  /* Form feed and vertical tab are line breaks; other controls spaces. */
  td_doc_free(
      norm_ok("a\fb\vc\x01"
              "d\x7f"
              "e and more text after it",
              "a\nb\nc d e and more text after it", NULL));
}

static void punctuation(void **state) {
  (void)state;
  /* "Hi" — x<NBSP>y… */
  static const uint32_t m[] = {0, 3, 4, 5, 8, 9, 12, 13, 14, 16, 17, 17, 17};
  td_doc_free(
      norm_ok("\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x94 x\xC2\xA0y"
              "\xE2\x80\xA6",
              "\"Hi\" - x y...", m));
  /* Apostrophes, en dash, minus, guillemets, narrow and ideographic
   * spaces. */
  td_doc_free(
      norm_ok("don\xE2\x80\x99t 1\xE2\x80\x93"
              "2 \xE2\x88\x92"
              "3 "
              "\xC2\xAB"
              "a\xC2\xBB"
              "b\xE2\x80\xAF"
              "c\xE3\x80\x80"
              "d",
              "don't 1-2 -3 \"a\"b c d", NULL));
  /* Zero-width space, BOM, soft hyphen and word joiner are dropped. */
  static const uint32_t m2[] = {3, 9, 13};
  td_doc_free(
      norm_ok("\xEF\xBB\xBF"
              "a\xE2\x80\x8B\xC2\xAD"
              "b\xE2\x81\xA0"
              "c",
              "abc", m2));
  /* Paragraph separator: a blank line. */
  td_doc_free(
      norm_ok("a\xE2\x80\xA9"
              "b",
              "a\n\nb", NULL));
}

static void nfc(void **state) {
  (void)state;
  /* e + combining acute composes with the ASCII letter before it. */
  static const uint32_t m[] = {0, 1, 2, 3, 3, 6};
  td_doc_free(norm_ok("Cafe\xCC\x81s", "Caf\xC3\xA9s", m));
  /* Already composed text is unchanged, byte for byte. */
  static const uint32_t m2[] = {0, 1, 2, 2, 4, 4};
  td_doc_free(norm_ok("Ky\xC3\xAF\xD0\xB2", "Ky\xC3\xAF\xD0\xB2", m2));
  /* Hangul conjoining jamo compose: U+1100 U+1161 -> U+AC00. */
  td_doc_free(norm_ok("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80", NULL));
  /* Canonical singleton: ANGSTROM SIGN -> A WITH RING ABOVE. */
  td_doc_free(norm_ok("\xE2\x84\xAB", "\xC3\x85", NULL));
  /* Marks reordered: a + dot below + acute stays NFC-ordered. */
  td_doc *d = norm_ok("q\xCC\x81\xCC\xA3", "q\xCC\xA3\xCC\x81", NULL);
  for (size_t i = 0; i < d->text_len; i++) assert_true(d->offmap[i] <= 3);
  td_doc_free(d);
}

static void invalid_utf8(void **state) {
  (void)state;
  captured c = {0};
  td_diag diag = {capture, &c};
  const char raw[] = "line one\nCaf\xE9 talks \xFF\xFE went on.\n";
  td_doc *d = doc_of(raw, sizeof raw - 1);
  d->line = 10;
  assert_int_equal(td_normalize(d, &diag), 0);
  assert_string_equal(d->text,
                      "line one\nCaf\xEF\xBF\xBD talks \xEF\xBF\xBD\xEF\xBF\xBD"
                      " went on.\n");
  assert_int_equal(d->n_invalid_utf8, 3);
  /* Each replacement character maps to its invalid byte. */
  assert_int_equal(d->offmap[12], 12);
  assert_int_equal(d->offmap[14], 12);
  assert_int_equal(d->offmap[15], 13);
  assert_int_equal(c.n, 2);
  assert_non_null(strstr(c.text,
                         "in.txt:11: warning: invalid UTF-8 (byte "
                         "0xE9)"));
  assert_non_null(strstr(c.text,
                         "in.txt:11: warning: invalid UTF-8 (byte "
                         "0xFF and more)"));
  td_doc_free(d);
  /* Overlong forms, surrogates, truncated sequences, out of range. */
  td_doc_free(
      norm_ok("overlong a\xC0\xAF"
              "b",
              "overlong a\xEF\xBF\xBD\xEF\xBF\xBD"
              "b",
              NULL));
  td_doc_free(norm_ok("a surrogate \xED\xA0\x80",
                      "a surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
                      NULL));
  td_doc_free(norm_ok("truncated x\xE2\x80",
                      "truncated x\xEF\xBF\xBD\xEF\xBF\xBD", NULL));
  td_doc_free(
      norm_ok("this is too high \xF4\x90\x80\x80"
              "z",
              "this is too high \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
              "\xEF\xBF\xBD"
              "z",
              NULL));
  /* Only the first few runs are reported one by one, then a summary. */
  c = (captured){0};
  char many[256] = "";
  for (int i = 0; i < 7; i++) strcat(many, "\xFF and some text\n");
  d = doc_of(many, strlen(many));
  assert_int_equal(td_normalize(d, &diag), 0);
  assert_int_equal(c.n, 6);
  assert_non_null(strstr(c.text, "2 more runs"));
  assert_non_null(strstr(c.text, "in.txt:5: warning"));
  td_doc_free(d);
}

static void verdicts(void **state) {
  (void)state;
  td_doc *d = doc_of("", 0);
  assert_int_equal(td_normalize(d, NULL), TD_EEMPTY);
  td_doc_free(d);
  d = doc_of(" \n\t\r\n\xC2\xA0\xE2\x80\x8B ", 11);
  assert_int_equal(td_normalize(d, NULL), TD_EEMPTY);
  td_doc_free(d);
  d = doc_of("ELF\001\000\000\002binary", 13);
  assert_int_equal(td_normalize(d, NULL), TD_EBINARY);
  td_doc_free(d);
  d = doc_of("\x01\x02\x03\x04 a\x05\x06\x07\x08", 11);
  assert_int_equal(td_normalize(d, NULL), TD_EBINARY);
  td_doc_free(d);
  /* Random high bytes: mostly invalid UTF-8, so binary. */
  char junk[64];
  for (int i = 0; i < 64; i++) junk[i] = (char)(0x80 + (i * 37) % 0x40);
  d = doc_of(junk, sizeof junk);
  assert_int_equal(td_normalize(d, NULL), TD_EBINARY);
  td_doc_free(d);
  /* A little Latin-1 in English text is text, with replacements. */
  d = doc_of("Sao Paulo and Bogot\xE1 and Z\xFCrich talks", 36);
  assert_int_equal(td_normalize(d, NULL), 0);
  assert_int_equal(d->n_invalid_utf8, 2);
  td_doc_free(d);
}

/* Whatever the input, text is valid UTF-8 without NUL or CR and offmap is
 * non-decreasing and within raw. */
static void offmap_invariants(void **state) {
  (void)state;
  static const char *const pieces[] = {"a",
                                       " ",
                                       "\n",
                                       "\r",
                                       "\xC3\xA9",
                                       "e\xCC\x81",
                                       "\xCC\x81",
                                       "\xE2\x80\x9C",
                                       "\xE2\x80\x94",
                                       "\xE2\x80\xA6",
                                       "\xC2\xAD",
                                       "\xEF\xBB\xBF",
                                       "\xFF",
                                       "\xE2\x80",
                                       "\xF0\x9F\x98\x80",
                                       "\xE1\x84\x80",
                                       "\xE1\x85\xA1",
                                       "\x01",
                                       "Z",
                                       "\xC2\xA0"};
  unsigned seed = 12345;
  for (int round = 0; round < 2000; round++) {
    char raw[256];
    size_t n = 0;
    int parts = 1 + (int)((seed >> 16) % 40);
    for (int p = 0; p < parts; p++) {
      seed = seed * 1103515245u + 12345u;
      const char *s = pieces[(seed >> 16) % 20];
      size_t l = strlen(s);
      if (n + l >= sizeof raw) break;
      memcpy(raw + n, s, l);
      n += l;
    }
    td_doc *d = doc_of(raw, n);
    int rc = td_normalize(d, NULL);
    assert_true(rc == 0 || rc == TD_EEMPTY || rc == TD_EBINARY);
    assert_int_equal(td__utf8_valid_prefix(d->text, d->text_len), d->text_len);
    assert_null(memchr(d->text, '\r', d->text_len));
    assert_int_equal(strlen(d->text), d->text_len);
    for (size_t i = 0; i < d->text_len; i++) {
      assert_true(d->offmap[i] < n);
      if (i) assert_true(d->offmap[i] >= d->offmap[i - 1]);
      /* Unchanged ASCII letters map to the same letter. */
      if (d->text[i] == 'a' || d->text[i] == 'Z')
        assert_int_equal(raw[d->offmap[i]], d->text[i]);
    }
    assert_int_equal(d->offmap[d->text_len], n);
    td_doc_free(d);
  }
}

/* On valid UTF-8 without characters of the map, control characters or
 * CR, td_normalize is exactly NFC: compared with utf8proc on the whole
 * input, over random mixes of precomposed letters, marks, singletons,
 * composition exclusions and conjoining jamo. */
static void nfc_matches_utf8proc(void **state) {
  (void)state;
  static const char *const pieces[] = {
      "a",
      "e",
      "=",
      " ",
      "\n",
      "\xC3\xA9",         /* U+00E9 e acute */
      "\xCC\x81",         /* U+0301 combining acute */
      "\xCC\xA3",         /* U+0323 combining dot below */
      "\xCC\xB8",         /* U+0338 long solidus overlay: = + it = U+2260 */
      "\xE2\x84\xAB",     /* U+212B ANGSTROM SIGN (singleton) */
      "\xE0\xA5\x98",     /* U+0958 (composition exclusion) */
      "\xE1\xBD\xB1",     /* U+1F71 (singleton to U+03AC) */
      "\xE1\x84\x80",     /* U+1100 jamo L */
      "\xE1\x85\xA1",     /* U+1161 jamo V */
      "\xE1\x86\xA8",     /* U+11A8 jamo T */
      "\xEA\xB0\x80",     /* U+AC00 Hangul LV syllable */
      "\xE0\xAD\x87",     /* U+0B47 Oriya vowel sign E */
      "\xE0\xAC\xBE",     /* U+0B3E Oriya vowel sign AA */
      "\xD0\x99",         /* U+0419 Cyrillic short I */
      "\xD0\x98\xCC\x86", /* U+0418 + U+0306 breve = U+0419 */
      "\xF0\x9D\x85\x9E", /* U+1D15E (composition exclusion) */
      "\xE4\xB8\xAD",     /* U+4E2D CJK */
  };
  const size_t np = sizeof pieces / sizeof pieces[0];
  unsigned seed = 777;
  for (int round = 0; round < 3000; round++) {
    char raw[256];
    size_t n = 0;
    int parts = 1 + (int)((seed >> 16) % 24);
    for (int p = 0; p < parts; p++) {
      seed = seed * 1103515245u + 12345u;
      const char *x = pieces[(seed >> 16) % np];
      size_t l = strlen(x);
      if (n + l >= sizeof raw) break;
      memcpy(raw + n, x, l);
      n += l;
    }
    raw[n] = '\0';
    utf8proc_uint8_t *want = NULL;
    utf8proc_ssize_t wl =
        utf8proc_map((const utf8proc_uint8_t *)raw, (utf8proc_ssize_t)n, &want,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    assert_true(wl >= 0);
    td_doc *d = doc_of(raw, n);
    int rc = td_normalize(d, NULL);
    if (rc == 0) {
      if ((size_t)wl != d->text_len || memcmp(want, d->text, d->text_len))
        fail_msg("NFC differs for '%s': got '%s', want '%s'", raw, d->text,
                 (const char *)want);
    }
    free(want);
    td_doc_free(d);
  }
}

static void renormalize(void **state) {
  (void)state;
  /* Normalizing twice replaces the earlier text without leaking. */
  td_doc *d = doc_of("one \xE2\x80\x94 two", 11);
  assert_int_equal(td_normalize(d, NULL), 0);
  assert_int_equal(td_normalize(d, NULL), 0);
  assert_string_equal(d->text, "one - two");
  td_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(ascii_identity),
      cmocka_unit_test(line_ends),
      cmocka_unit_test(punctuation),
      cmocka_unit_test(nfc),
      cmocka_unit_test(invalid_utf8),
      cmocka_unit_test(verdicts),
      cmocka_unit_test(offmap_invariants),
      cmocka_unit_test(nfc_matches_utf8proc),
      cmocka_unit_test(renormalize),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
