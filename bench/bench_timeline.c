/*
 * bench_timeline.c - the timeline's size and query speed on a store.
 *
 * Usage: bench_timeline DB [REPEATS [A,B YYYY-MM]]
 *        bench_timeline --remerge DB
 *
 * Prints the timeline's size (mentions, dated mentions, entries, visible
 * entries), the share of mentions merged (mentions that share their entry
 * with another mention, and 1 - entries / dated mentions), then times the
 * query a user makes most: one month of one actor pair. The pair is the
 * one with most entries (by the first three letters of each actor code:
 * the country or organisation) and the month its busiest; the query
 * (td_timeline_open with the pair and the month, reading every entry and
 * its mentions) is run REPEATS times (default 20) and the minimum and
 * median wall times are printed, since the machine is shared and noisy.
 *
 * --remerge forgets the timeline of DB (which it changes: give it a copy)
 * and merges every stored mention again in one transaction, timing the
 * merge alone.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tidings.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int remerge(const char *path) {
  td_store *st;
  td_error err = {0};
  if (td_store_open(path, &st, &err) != 0) {
    fprintf(stderr, "%s: %s\n", path, err.msg);
    return 1;
  }
  sqlite3 *db;
  if (sqlite3_open(path, &db) != SQLITE_OK ||
      sqlite3_exec(db,
                   "DELETE FROM timeline_entry; DELETE FROM timeline_dirty; "
                   "UPDATE event_mention SET merged = 0, entry = NULL, "
                   "swapped = 0, background = 0;",
                   NULL, NULL, NULL) != SQLITE_OK) {
    fprintf(stderr, "%s: cannot reset the timeline\n", path);
    sqlite3_close(db);
    td_store_close(st);
    return 1;
  }
  sqlite3_close(db);
  double t0 = now();
  int rc = td_store_begin(st, &err);
  if (rc == 0) rc = td_timeline_merge(st, &err);
  if (rc == 0) rc = td_store_commit(st, &err);
  double t = now() - t0;
  td_timeline_stats s = {0};
  if (rc == 0) rc = td_timeline_stats_get(st, &s, &err);
  if (rc != 0)
    fprintf(stderr, "%s\n", err.msg);
  else
    printf(
        "merge: %ld mentions into %ld entries in %.3f s (%.0f mentions/s, "
        "one batch, wall clock)\n",
        s.mentions, s.entries, t, t > 0 ? (double)s.mentions / t : 0.0);
  td_store_close(st);
  return rc ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--remerge") == 0) return remerge(argv[2]);
  if (argc < 2) {
    fprintf(stderr, "usage: bench_timeline DB [REPEATS]\n");
    return 2;
  }
  int repeats = argc > 2 ? atoi(argv[2]) : 20;
  if (repeats < 1) repeats = 1;
  td_store *st;
  td_error err = {0};
  if (td_store_open(argv[1], &st, &err) != 0) {
    fprintf(stderr, "%s: %s\n", argv[1], err.msg);
    return 1;
  }
  td_timeline_stats s;
  if (td_timeline_stats_get(st, &s, &err) != 0) {
    fprintf(stderr, "%s\n", err.msg);
    td_store_close(st);
    return 1;
  }
  printf(
      "timeline: %ld event mentions (%ld dated), %ld entries (%ld shown, "
      "%ld background only), %ld cited by several articles\n",
      s.mentions, s.dated, s.entries, s.visible, s.entries - s.visible,
      s.multi_article);
  if (s.dated > 0)
    printf(
        "merged: %.1f%% of dated mentions share their entry with another "
        "mention; entries = %.1f%% of dated mentions (%.1f%% merged away)\n",
        100.0 * (double)s.merged / (double)s.dated,
        100.0 * (double)s.entries / (double)s.dated,
        100.0 * (1.0 - (double)s.entries / (double)s.dated));

  /* The busiest pair and its busiest month, read from the store directly
   * (this program is a benchmark, not a user of the API only). */
  sqlite3 *db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    td_store_close(st);
    return 1;
  }
  sqlite3_stmt *q;
  const char *sql =
      "SELECT min(a, b), max(a, b), substr(date, 1, 7) AS m, count(*) AS n "
      "FROM (SELECT substr(source, 1, 3) AS a, substr(target, 1, 3) AS b, "
      "date FROM timeline_entry WHERE date_precision >= 3 AND "
      "length(source) >= 3 AND length(target) >= 3 AND background = 0) "
      "GROUP BY 1, 2, 3 ORDER BY n DESC LIMIT 1";
  char a[32] = "", b[32] = "", month[16] = "";
  long n = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK &&
      sqlite3_step(q) == SQLITE_ROW) {
    snprintf(a, sizeof a, "%s", (const char *)sqlite3_column_text(q, 0));
    snprintf(b, sizeof b, "%s", (const char *)sqlite3_column_text(q, 1));
    snprintf(month, sizeof month, "%s",
             (const char *)sqlite3_column_text(q, 2));
    n = (long)sqlite3_column_int64(q, 3);
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  /* Or the pair and month given on the command line. */
  if (argc > 4 && strchr(argv[3], ',')) {
    snprintf(a, sizeof a, "%.*s", (int)(strchr(argv[3], ',') - argv[3]),
             argv[3]);
    snprintf(b, sizeof b, "%s", strchr(argv[3], ',') + 1);
    snprintf(month, sizeof month, "%s", argv[4]);
    n = 1;
  }
  if (n == 0) {
    printf("query: no dated entry between two actors to time\n");
    td_store_close(st);
    return 0;
  }

  td_timeline_filter f = {.pair = {a, b}};
  td_date_parse_iso(month, &f.from);
  f.from.precision = TD_PREC_MONTH;
  f.to = f.from;
  double *t = calloc((size_t)repeats, sizeof *t);
  long entries = 0, mentions = 0;
  for (int r = 0; r < repeats; r++) {
    double t0 = now();
    td_timeline_iter *it;
    if (td_timeline_open(st, &f, &it, &err) != 0) {
      fprintf(stderr, "%s\n", err.msg);
      break;
    }
    const td_timeline_entry *e;
    entries = mentions = 0;
    while (td_timeline_next(it, &e, &err) == 1) {
      entries++;
      mentions += e->n_mentions;
    }
    td_timeline_close(it);
    t[r] = now() - t0;
  }
  qsort(t, (size_t)repeats, sizeof *t, cmp_double);
  printf(
      "query: pair %s,%s month %s: %ld entries, %ld mentions; "
      "min %.2f ms, median %.2f ms over %d runs (target < 50 ms; "
      "wall clock on a shared machine)\n",
      a, b, month, entries, mentions, t[0] * 1e3, t[repeats / 2] * 1e3,
      repeats);
  free(t);
  td_store_close(st);
  return 0;
}
