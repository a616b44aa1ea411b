/* Unit tests for read.c: each format through td_read_stream (fmemopen),
 * directory walking through td_read_path on a temporary tree, bad records
 * and the size limit. */
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
#include <sys/stat.h>
#include <unistd.h>

#include "tidings.h"

/* What a read produced: the documents, and the diagnostics as
 * "file:line: warning|error: msg" lines. */
typedef struct got {
  td_doc *docs[64];
  int n;
  int stop_after; /* stop the read after this many documents; 0 never */
  char diag[8192];
  int n_diag;
} got;

static int keep(void *ud, td_doc *doc) {
  got *g = ud;
  assert_true(g->n < 64);
  g->docs[g->n++] = doc;
  return g->stop_after && g->n >= g->stop_after;
}

static void capture(void *ud, td_severity sev, const char *file, long line,
                    const char *msg) {
  got *g = ud;
  size_t l = strlen(g->diag);
  snprintf(g->diag + l, sizeof g->diag - l, "%s:%ld: %s: %s\n",
           file ? file : "", line, sev == TD_SEV_ERROR ? "error" : "warning",
           msg);
  g->n_diag++;
}

static void got_free(got *g) {
  for (int i = 0; i < g->n; i++) td_doc_free(g->docs[i]);
  g->n = 0;
}

static int read_mem(got *g, const char *s, size_t n, const char *name,
                    td_format fmt, td_read_stats *st) {
  FILE *f = fmemopen((void *)s, n, "r");
  assert_non_null(f);
  td_diag diag = {capture, g};
  int rc = td_read_stream(f, name, fmt, keep, g, &diag, st);
  fclose(f);
  return rc;
}

static void raw_is(const td_doc *d, const char *want) {
  assert_int_equal(d->raw_len, strlen(want));
  assert_memory_equal(d->raw, want, d->raw_len);
}

static void text_stream(void **state) {
  (void)state;
  got g = {0};
  td_read_stats st = {0};
  const char s[] = "MOSCOW, February 2. /TASS/. Talks.\n";
  assert_int_equal(
      read_mem(&g, s, sizeof s - 1, "dir/000_abc.txt", TD_FMT_AUTO, &st), 0);
  assert_int_equal(g.n, 1);
  assert_string_equal(g.docs[0]->id, "000_abc");
  assert_string_equal(g.docs[0]->origin, "dir/000_abc.txt");
  assert_int_equal(g.docs[0]->line, 1);
  raw_is(g.docs[0], s);
  assert_int_equal(st.articles, 1);
  assert_int_equal(st.bytes, sizeof s - 1);
  assert_int_equal(g.n_diag, 0);
  got_free(&g);
}

static const char feed[] =
    "{\"id\": \"a1\", \"url\": \"https://x.test/1\", \"source\": \"x.test\", "
    "\"title\": \"T1\", \"date\": \"2022-02-01\", \"text\": \"First \\u2014 "
    "one.\"}\n"
    "\n"
    "{\"text\": null, \"maintext\": \"news-please text\", \"date_publish\": "
    "\"2021-06-03 10:00:00\", \"source_domain\": \"np.test\", \"date_modify\": "
    "\"2023-01-01\"}\n"
    "{\"id\": 42, \"body\": \"numeric id\", \"source\": {\"id\": null, "
    "\"name\": \"Agence\"}, \"published\": 1643673600}\n"
    "{\"id\": \"bad\", \"text\": \"broken\n"
    "[1, 2]\n"
    "{\"id\": \"nt\", \"title\": \"no text\"}\n"
    "{\"id\": \"et\", \"text\": \"\"}\n"
    "{\"id\": \"num\", \"text\": 7}\n"
    "{\"id\": \"d\", \"content\": \"odd date\", \"date\": \"someday\"}\r\n"
    "{\"id\": \"last\", \"text\": \"no newline at the end\"}";

static void jsonl_stream(void **state) {
  (void)state;
  got g = {0};
  td_read_stats st = {0};
  assert_int_equal(
      read_mem(&g, feed, sizeof feed - 1, "in/wire.jsonl", TD_FMT_AUTO, &st),
      0);
  assert_int_equal(g.n, 5);
  td_doc *d = g.docs[0];
  assert_string_equal(d->id, "a1");
  assert_string_equal(d->url, "https://x.test/1");
  assert_string_equal(d->outlet, "x.test");
  assert_string_equal(d->title, "T1");
  assert_string_equal(d->meta_date_text, "2022-02-01");
  assert_int_equal(d->meta_date.year, 2022);
  assert_int_equal(d->meta_date.day, 1);
  assert_int_equal(d->line, 1);
  raw_is(d, "First \xE2\x80\x94 one.");
  d = g.docs[1]; /* news-please: "text": null falls through to maintext */
  assert_string_equal(d->id, "wire:3");
  assert_int_equal(d->line, 3);
  raw_is(d, "news-please text");
  assert_string_equal(d->outlet, "np.test");
  assert_string_equal(d->meta_date_text, "2021-06-03 10:00:00");
  assert_int_equal(d->meta_date.month, 6);
  assert_null(d->title);
  d = g.docs[2];
  assert_string_equal(d->id, "42");
  assert_string_equal(d->outlet, "Agence");
  assert_int_equal(d->meta_date.year, 2022);
  assert_int_equal(d->meta_date.month, 2);
  assert_int_equal(d->meta_date.day, 1);
  d = g.docs[3];
  assert_string_equal(d->id, "d");
  assert_int_equal(d->line, 10);
  assert_string_equal(d->meta_date_text, "someday");
  assert_int_equal(d->meta_date.precision, TD_PREC_NONE);
  d = g.docs[4];
  assert_string_equal(d->id, "last");
  assert_int_equal(d->line, 11);
  assert_int_equal(st.articles, 5);
  assert_int_equal(st.rejected, 5);
  assert_int_equal(st.bytes, sizeof feed - 1);
  assert_non_null(strstr(g.diag, "in/wire.jsonl:5: error: malformed JSON"));
  assert_non_null(strstr(g.diag, "in/wire.jsonl:6: error: not a JSON object"));
  assert_non_null(strstr(g.diag, "in/wire.jsonl:7: error: no text field"));
  assert_non_null(strstr(g.diag, "in/wire.jsonl:8: error: empty"));
  assert_non_null(strstr(g.diag, "in/wire.jsonl:9: error: empty"));
  assert_non_null(strstr(g.diag,
                         "in/wire.jsonl:10: warning: cannot read "
                         "the date 'someday'"));
  assert_int_equal(g.n_diag, 6);
  got_free(&g);
}

static void jsonl_invalid_utf8(void **state) {
  (void)state;
  got g = {0};
  const char s[] = "{\"id\": \"x\", \"text\": \"Caf\xE9 \xC3\xA9\"}\n";
  assert_int_equal(read_mem(&g, s, sizeof s - 1, "-", TD_FMT_AUTO, NULL), 0);
  assert_int_equal(g.n, 1);
  raw_is(g.docs[0], "Caf\xEF\xBF\xBD \xC3\xA9");
  assert_string_equal(g.docs[0]->origin, "-");
  assert_non_null(strstr(g.diag,
                         "-:1: warning: invalid UTF-8: 1 byte "
                         "replaced by U+FFFD (first at column 25)"));
  got_free(&g);
}

/* Regression: a binary line in a JSON Lines stream got two messages (an
 * invalid UTF-8 warning and the malformed JSON error); one is enough. */
static void jsonl_binary_line_one_message(void **state) {
  (void)state;
  got g = {0};
  td_read_stats st = {0};
  const char s[] = "\xFF\xFE\x80junk\n{\"id\": \"ok\", \"text\": \"fine\"}\n";
  assert_int_equal(read_mem(&g, s, sizeof s - 1, "b.jsonl", TD_FMT_AUTO, &st),
                   0);
  assert_int_equal(g.n, 1);
  assert_int_equal(st.rejected, 1);
  assert_int_equal(g.n_diag, 1);
  assert_non_null(strstr(g.diag, "b.jsonl:1: error: malformed JSON"));
  got_free(&g);
}

static void jsonl_bom(void **state) {
  (void)state;
  got g = {0};
  const char s[] = "\xEF\xBB\xBF{\"id\": \"b\", \"text\": \"after a BOM\"}\n";
  assert_int_equal(
      read_mem(&g, s, sizeof s - 1, "bom.jsonl", TD_FMT_AUTO, NULL), 0);
  assert_int_equal(g.n, 1);
  raw_is(g.docs[0], "after a BOM");
  assert_int_equal(g.n_diag, 0);
  got_free(&g);
}

static void stop_early(void **state) {
  (void)state;
  got g = {.stop_after = 2};
  assert_int_equal(
      read_mem(&g, feed, sizeof feed - 1, "w.jsonl", TD_FMT_JSONL, NULL), 1);
  assert_int_equal(g.n, 2);
  got_free(&g);
}

static const char sgml[] =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" OLDID=\"5544\" NEWID=\"1\">\n"
    "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
    "<TOPICS><D>cocoa</D></TOPICS>\n"
    "<UNKNOWN> \n&#5;&#5;&#5;C T\n</UNKNOWN>\n"
    "<TEXT>&#2;\n"
    "<TITLE>BAHIA COCOA &lt;REVIEW&gt;</TITLE>\n"
    "<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers &amp; "
    "sun&#44; said\n"
    "Smith &#233;t&#x E9; &foo; end.\n"
    " Reuter\n"
    "&#3;</BODY></TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" OLDID=\"5545\" NEWID=\"2\">\n"
    "<DATE> 2-MAR-1987 09:00:00.00</DATE>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n"
    "******<TITLE>U.S. TAX WRITERS SEEK\n"
    "ESTATE TAX CURBS\n"
    "</TITLE>Blah blah blah.\n"
    "&#3;\n"
    "</TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS NEWID=\"3\">\n"
    "<DATE>26-FEB-1987 15:10:44.60</DATE>\n"
    "<TEXT TYPE=\"UNPROC\">&#2;\n"
    "FEDERAL RESERVE WEEKLY REPORT\n"
    " Net free reserves.....644 vs...1,337\n"
    "&#3;</TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS OLDID=\"9\">\n"
    "<TEXT><BODY>no id</BODY></TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS NEWID=\"5\">\n"
    "<TEXT><BODY>never closed\n";

static void sgml_stream(void **state) {
  (void)state;
  got g = {0};
  td_read_stats st = {0};
  assert_int_equal(
      read_mem(&g, sgml, sizeof sgml - 1, "reut2-000.sgm", TD_FMT_AUTO, &st),
      0);
  assert_int_equal(g.n, 3);
  td_doc *d = g.docs[0];
  assert_string_equal(d->id, "1");
  assert_int_equal(d->line, 2);
  assert_string_equal(d->outlet, "Reuters");
  assert_string_equal(d->title, "BAHIA COCOA <REVIEW>");
  assert_string_equal(d->meta_date_text, "26-FEB-1987 15:01:01.79");
  assert_int_equal(d->meta_date.year, 1987);
  assert_int_equal(d->meta_date.month, 2);
  assert_int_equal(d->meta_date.day, 26);
  raw_is(d,
         "SALVADOR, Feb 26 - Showers & sun, said\nSmith \xC3\xA9t&#x E9; "
         "&foo; end.\n Reuter\n");
  d = g.docs[1];
  assert_string_equal(d->id, "2");
  assert_int_equal(d->line, 15);
  assert_string_equal(d->title, "U.S. TAX WRITERS SEEK ESTATE TAX CURBS");
  raw_is(d, "U.S. TAX WRITERS SEEK ESTATE TAX CURBS");
  assert_int_equal(d->meta_date.month, 3);
  d = g.docs[2];
  assert_string_equal(d->id, "3");
  assert_null(d->title);
  raw_is(d,
         "\nFEDERAL RESERVE WEEKLY REPORT\n Net free reserves.....644 "
         "vs...1,337\n");
  assert_int_equal(st.rejected, 2);
  assert_non_null(strstr(g.diag,
                         "reut2-000.sgm:31: error: REUTERS element "
                         "without a NEWID"));
  assert_non_null(strstr(g.diag,
                         "reut2-000.sgm:34: error: REUTERS element "
                         "not closed"));
  got_free(&g);
}

static void too_big(void **state) {
  (void)state;
  size_t n = TD_MAX_ARTICLE_BYTES + 10;
  char *big = malloc(n + 64);
  memset(big, 'a', n);
  got g = {0};
  td_read_stats st = {0};
  assert_int_equal(read_mem(&g, big, n, "huge.txt", TD_FMT_AUTO, &st), 0);
  assert_int_equal(g.n, 0);
  assert_int_equal(st.rejected, 1);
  assert_non_null(strstr(g.diag, "huge.txt:1: error: input too large"));
  /* A JSON line over the line limit, then a good line: the good one is
   * read, at its right line number. */
  size_t jn = 2 * TD_MAX_ARTICLE_BYTES + 100;
  char *j = malloc(jn + 64);
  memset(j, 'a', jn);
  memcpy(j, "{\"text\": \"", 10);
  const char tail[] = "\"}\n{\"id\": \"ok\", \"text\": \"fine\"}\n";
  memcpy(j + jn, tail, sizeof tail - 1);
  g = (got){0};
  st = (td_read_stats){0};
  assert_int_equal(
      read_mem(&g, j, jn + sizeof tail - 1, "f.jsonl", TD_FMT_AUTO, &st), 0);
  assert_int_equal(g.n, 1);
  assert_string_equal(g.docs[0]->id, "ok");
  assert_int_equal(g.docs[0]->line, 2);
  assert_int_equal(st.rejected, 1);
  assert_non_null(strstr(g.diag, "f.jsonl:1: error: input too large"));
  got_free(&g);
  /* A Reuters element over the limit, lines of 1 MB, then a good one. */
  size_t sn = TD_MAX_ARTICLE_BYTES + (2u << 20);
  char *sg = malloc(sn + 256);
  size_t k = (size_t)sprintf(sg, "<REUTERS NEWID=\"1\">\n<TEXT><BODY>");
  while (k < sn) {
    size_t l = 1u << 20;
    memset(sg + k, 'b', l);
    sg[k + l - 1] = '\n';
    k += l;
  }
  k += (size_t)sprintf(sg + k,
                       "</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"2\">\n"
                       "<TEXT><BODY>small</BODY></TEXT>\n</REUTERS>\n");
  g = (got){0};
  st = (td_read_stats){0};
  assert_int_equal(read_mem(&g, sg, k, "big.sgm", TD_FMT_AUTO, &st), 0);
  assert_int_equal(g.n, 1);
  assert_string_equal(g.docs[0]->id, "2");
  assert_int_equal(st.rejected, 1);
  assert_non_null(strstr(g.diag, "big.sgm:1: error: input too large"));
  got_free(&g);
  free(sg);
  free(big);
  free(j);
}

/* Regression: a Reuters element written on one line over the line limit
 * lost its </REUTERS> with the dropped bytes, so the reader took the next,
 * well-formed story as the rest of the huge one and dropped it too. */
static void sgml_one_huge_line(void **state) {
  (void)state;
  size_t n = 2 * TD_MAX_ARTICLE_BYTES + 100;
  char *sg = malloc(n + 256);
  size_t k = (size_t)sprintf(sg, "<REUTERS NEWID=\"1\"><TEXT><BODY>");
  memset(sg + k, 'b', n - k);
  k = n;
  k += (size_t)sprintf(sg + k,
                       "</BODY></TEXT></REUTERS>\n<REUTERS NEWID=\"2\">\n"
                       "<TEXT><BODY>small</BODY></TEXT>\n</REUTERS>\n");
  got g = {0};
  td_read_stats st = {0};
  assert_int_equal(read_mem(&g, sg, k, "line.sgm", TD_FMT_AUTO, &st), 0);
  assert_int_equal(g.n, 1);
  assert_string_equal(g.docs[0]->id, "2");
  assert_int_equal(g.docs[0]->line, 2);
  assert_int_equal(st.rejected, 1);
  assert_non_null(strstr(g.diag, "line.sgm:1: error: input too large"));
  assert_null(strstr(g.diag, "not closed"));
  got_free(&g);
  free(sg);
}

/* ---- Directory walking on a temporary tree ---- */

static void put_file(const char *dir, const char *name, const char *s) {
  char p[512];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  FILE *f = fopen(p, "w");
  assert_non_null(f);
  fputs(s, f);
  fclose(f);
}

static void directory_walk(void **state) {
  (void)state;
  char root[] = "/tmp/td-read-test.XXXXXX";
  assert_non_null(mkdtemp(root));
  char sub[600], hid[600], corpus[600], p[700];
  snprintf(sub, sizeof sub, "%s/b-sub", root);
  snprintf(hid, sizeof hid, "%s/.git", root);
  snprintf(corpus, sizeof corpus, "%s/c-corpus", root);
  assert_int_equal(mkdir(sub, 0700), 0);
  assert_int_equal(mkdir(hid, 0700), 0);
  assert_int_equal(mkdir(corpus, 0700), 0);
  put_file(root, "z.txt", "last article");
  put_file(root, "a.TXT", "first article");
  put_file(root, "README.md", "# not an article");
  put_file(root, "README.txt", "documentation, not an article");
  put_file(root, "notes.tsv", "id\tdate\n");
  put_file(root, "noext", "no extension");
  put_file(root, ".hidden.txt", "hidden");
  put_file(hid, "x.txt", "inside a hidden directory");
  put_file(root, "m-feed.ndjson",
           "{\"id\": \"f1\", \"text\": \"feed one\"}\n{\"id\": \"f2\"}\n");
  put_file(root, "m-gold.jsonl", "{\"id\": \"G01\", \"what\": \"x\"}\n");
  put_file(sub, "d.text", "in a subdirectory");
  put_file(corpus, "reut2-000.sgm",
           "<REUTERS NEWID=\"7\">\n<TEXT><BODY>sgml story</BODY></TEXT>\n"
           "</REUTERS>\n");
  put_file(corpus, "cat-descriptions.txt", "category list");

  got g = {0};
  td_read_stats st = {0};
  td_diag diag = {capture, &g};
  assert_int_equal(td_read_path(root, keep, &g, &diag, &st), 0);
  const char *want[] = {"a", "b-sub/d", "7", "f1", "z"};
  assert_int_equal(g.n, 5);
  for (int i = 0; i < 5; i++) assert_string_equal(g.docs[i]->id, want[i]);
  snprintf(p, sizeof p, "%s/b-sub/d.text", root);
  assert_string_equal(g.docs[1]->origin, p);
  assert_int_equal(st.articles, 5);
  assert_int_equal(st.rejected, 1); /* f2 has no text */
  assert_non_null(strstr(g.diag, "m-feed.ndjson:2: error: no text field"));
  assert_non_null(strstr(g.diag,
                         "m-gold.jsonl:1: warning: not an article "
                         "feed"));
  assert_non_null(strstr(g.diag,
                         "c-corpus:0: warning: 1 text file next to "
                         "the .sgm files"));
  assert_int_equal(g.n_diag, 3);
  got_free(&g);

  /* Named explicitly, a non-feed .jsonl is a feed whose lines are bad, and
   * a file of any other extension is text. */
  g = (got){0};
  st = (td_read_stats){0};
  snprintf(p, sizeof p, "%s/m-gold.jsonl", root);
  assert_int_equal(td_read_path(p, keep, &g, &diag, &st), 0);
  assert_int_equal(g.n, 0);
  assert_int_equal(st.rejected, 1);
  snprintf(p, sizeof p, "%s/notes.tsv", root);
  assert_int_equal(td_read_path(p, keep, &g, &diag, &st), 0);
  assert_int_equal(g.n, 1);
  assert_string_equal(g.docs[0]->id, "notes");
  got_free(&g);

  /* Unreadable paths are reported and counted. */
  g = (got){0};
  st = (td_read_stats){0};
  assert_int_equal(td_read_path("/nonexistent/x.txt", keep, &g, &diag, &st), 0);
  assert_int_equal(st.rejected, 1);
  assert_non_null(strstr(g.diag, "/nonexistent/x.txt:0: error: cannot read"));

  char cmd[700];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  assert_int_equal(system(cmd), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(text_stream),
      cmocka_unit_test(jsonl_stream),
      cmocka_unit_test(jsonl_invalid_utf8),
      cmocka_unit_test(jsonl_binary_line_one_message),
      cmocka_unit_test(jsonl_bom),
      cmocka_unit_test(stop_early),
      cmocka_unit_test(sgml_stream),
      cmocka_unit_test(too_big),
      cmocka_unit_test(sgml_one_huge_line),
      cmocka_unit_test(directory_walk),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
