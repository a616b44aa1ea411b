/* Unit tests for store.c: schema, idempotent puts, replacement, refusal of
 * newer schemas and of files that are not stores. Documents are built by
 * hand so the store is tested apart from the reading stages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tidings.h"

static char dbpath[256];

static int setup(void **state) {
  (void)state;
  snprintf(dbpath, sizeof dbpath, "/tmp/td_test_store_%ld.db", (long)getpid());
  unlink(dbpath);
  char wal[300];
  snprintf(wal, sizeof wal, "%s-wal", dbpath);
  unlink(wal);
  snprintf(wal, sizeof wal, "%s-shm", dbpath);
  unlink(wal);
  return 0;
}

static int teardown(void **state) { return setup(state); }

/* A hand-made prepared document: one paragraph of two sentences. */
static td_doc *make_doc(const char *id, const char *text) {
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, id);
  td_doc_set_raw(d, text, strlen(text));
  d->text = td_xstrdup(text);
  d->text_len = strlen(text);
  d->date = (td_date){.year = 2022, .month = 2, .day = 1,
                      .precision = TD_PREC_DAY};
  d->date_source = TD_DATE_SRC_DATELINE;
  td_doc_set_str(&d->place, "Washington");
  d->n_paras = 1;
  d->paras = td_xcalloc(1, sizeof *d->paras);
  d->paras[0] = (td_paragraph){0, (uint32_t)d->text_len, 0, 2};
  d->n_sents = 2;
  d->sents = td_xcalloc(2, sizeof *d->sents);
  d->sents[0] = (td_sentence){0, 5, 0, 0, 0};
  d->sents[1] = (td_sentence){6, (uint32_t)d->text_len, 0, 0, 0};
  d->n_words = 4;
  d->content_hash = td_doc_content_hash(d);
  return d;
}

typedef struct seen {
  int n;
  char first_place[64];
  char dates[4][16];
} seen;

static int collect(void *ud, const td_doc_row *r) {
  seen *s = ud;
  if (s->n == 0) snprintf(s->first_place, 64, "%s", r->place ? r->place : "");
  if (s->n < 4) snprintf(s->dates[s->n], 16, "%s", r->date ? r->date : "-");
  s->n++;
  return 0;
}

static long count_rows(const char *table) {
  sqlite3 *db;
  sqlite3_stmt *s;
  char sql[128];
  snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
  assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  long n = (long)sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return n;
}

static void put_and_replace(void **state) {
  (void)state;
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(dbpath, &st, &err), 0);
  td_doc *a = make_doc("a1", "Hello. Blinken spoke to Lavrov.");
  td_put_result res;
  assert_int_equal(td_store_begin(st, &err), 0);
  assert_int_equal(td_store_put_doc(st, a, &res, &err), 0);
  assert_int_equal(res, TD_PUT_NEW);
  assert_int_equal(td_store_put_doc(st, a, &res, &err), 0);
  assert_int_equal(res, TD_PUT_UNCHANGED);
  assert_int_equal(td_store_commit(st, &err), 0);
  assert_int_equal(td_store_count_docs(st), 1);

  /* New content, same id: replaced, children rewritten, FTS follows. */
  td_doc *b = make_doc("a1", "Hello. Peskov spoke to reporters.");
  assert_int_equal(td_store_begin(st, &err), 0);
  assert_int_equal(td_store_put_doc(st, b, &res, &err), 0);
  assert_int_equal(res, TD_PUT_REPLACED);
  assert_int_equal(td_store_commit(st, &err), 0);
  assert_int_equal(td_store_count_docs(st), 1);
  td_store_close(st);
  assert_int_equal(count_rows("sentence"), 2);
  assert_int_equal(count_rows("paragraph"), 1);
  assert_int_equal(count_rows("article_fts WHERE article_fts MATCH 'peskov'"),
                   1);
  assert_int_equal(count_rows("article_fts WHERE article_fts MATCH 'lavrov'"),
                   0);
  td_doc_free(a);
  td_doc_free(b);
}

static void rollback_keeps_old(void **state) {
  (void)state;
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(dbpath, &st, &err), 0);
  td_doc *a = make_doc("keep", "Kept. This article stays.");
  td_doc *b = make_doc("lost", "Lost. This one is rolled back.");
  td_put_result res;
  assert_int_equal(td_store_begin(st, &err), 0);
  assert_int_equal(td_store_put_doc(st, a, &res, &err), 0);
  assert_int_equal(td_store_commit(st, &err), 0);
  assert_int_equal(td_store_begin(st, &err), 0);
  assert_int_equal(td_store_put_doc(st, b, &res, &err), 0);
  assert_int_equal(td_store_rollback(st), 0);
  td_store_close(st);
  /* Reopen: only the committed batch is there. */
  assert_int_equal(td_store_open(dbpath, &st, &err), 0);
  assert_int_equal(td_store_count_docs(st), 1);
  seen s = {0};
  assert_int_equal(td_store_each_doc(st, collect, &s, &err), 0);
  assert_int_equal(s.n, 1);
  assert_string_equal(s.first_place, "Washington");
  assert_string_equal(s.dates[0], "2022-02-01");
  td_store_close(st);
  td_doc_free(a);
  td_doc_free(b);
}

static void newer_schema_refused(void **state) {
  (void)state;
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(dbpath, &st, &err), 0);
  td_store_close(st);
  sqlite3 *db;
  assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
  assert_int_equal(
      sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL),
      SQLITE_OK);
  sqlite3_close(db);
  assert_int_equal(td_store_open(dbpath, &st, &err), TD_ESCHEMA);
  assert_null(st);
  assert_non_null(strstr(err.msg, "newer"));
}

static void not_a_store(void **state) {
  (void)state;
  FILE *f = fopen(dbpath, "w");
  assert_non_null(f);
  fputs("this is a text file, not a database, and it is long enough to "
        "be checked as a header by sqlite\n",
        f);
  fclose(f);
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(dbpath, &st, &err), TD_EDB);
  assert_string_equal(err.file, dbpath);
  /* The file was not overwritten. */
  f = fopen(dbpath, "r");
  char buf[16] = {0};
  assert_int_equal(fread(buf, 1, 15, f), 15);
  fclose(f);
  assert_string_equal(buf, "this is a text ");
}

/* Regression: `--db ""` opened SQLite's temporary database, so an ingest
 * reported success and stored nothing. */
static void empty_path_refused(void **state) {
  (void)state;
  td_store *st = (td_store *)1;
  td_error err = {0};
  assert_int_equal(td_store_open("", &st, &err), TD_EARG);
  assert_null(st);
  assert_non_null(strstr(err.msg, "empty"));
}

/* Regression: another program's SQLite database given as the store got
 * the tidings tables added to it. */
static void foreign_db_untouched(void **state) {
  (void)state;
  sqlite3 *db;
  assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "CREATE TABLE bookmarks (url TEXT)", NULL,
                                NULL, NULL),
                   SQLITE_OK);
  sqlite3_close(db);
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(dbpath, &st, &err), TD_ESCHEMA);
  assert_null(st);
  assert_non_null(strstr(err.msg, "not a tidings store"));
  assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
  sqlite3_stmt *q;
  assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master",
                                      -1, &q, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_step(q), SQLITE_ROW);
  assert_int_equal(sqlite3_column_int(q, 0), 1);
  sqlite3_finalize(q);
  sqlite3_close(db);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(put_and_replace, setup, teardown),
      cmocka_unit_test_setup_teardown(rollback_keeps_old, setup, teardown),
      cmocka_unit_test_setup_teardown(newer_schema_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(not_a_store, setup, teardown),
      cmocka_unit_test(empty_path_refused),
      cmocka_unit_test_setup_teardown(foreign_db_untouched, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
