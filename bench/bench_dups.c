/*
 * bench_dups.c - speed of the fingerprint stage on the articles of a
 * tidings store: fingerprinting throughput (MB of normalized text a second,
 * one core) for the article signature alone and for the full fingerprint
 * with passages, and whole-corpus deduplication in memory (fingerprint +
 * LSH candidate search + exact verification, td_dedup_texts). Each figure
 * is the CPU time of this single-threaded process, best of N runs (wall
 * clock on a shared machine is noisy).
 *
 * Usage: bench_dups STORE.db [RUNS]
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tidings.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_dups STORE.db [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  if (runs < 1) runs = 1;
  sqlite3 *db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fprintf(stderr, "bench_dups: cannot open %s\n", argv[1]);
    return 1;
  }
  sqlite3_stmt *s, *p;
  if (sqlite3_prepare_v2(db, "SELECT rowid, text FROM article ORDER BY rowid",
                         -1, &s, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "SELECT start, end FROM paragraph WHERE article = ?1 "
                         "ORDER BY idx",
                         -1, &p, NULL) != SQLITE_OK) {
    fprintf(stderr, "bench_dups: %s is not a tidings store\n", argv[1]);
    return 1;
  }
  td_doc **docs = NULL;
  size_t n = 0, cap = 0, bytes = 0;
  while (sqlite3_step(s) == SQLITE_ROW) {
    if (n == cap) {
      cap = cap ? 2 * cap : 1024;
      docs = td_xrealloc(docs, cap * sizeof *docs);
    }
    td_doc *d = td_doc_new();
    const char *t = (const char *)sqlite3_column_text(s, 1);
    d->text_len = (size_t)sqlite3_column_bytes(s, 1);
    d->text = td_xstrndup(t ? t : "", t ? d->text_len : 0);
    bytes += d->text_len;
    /* Paragraphs as stored, one sentence each (enough for the cost). */
    sqlite3_bind_int64(p, 1, sqlite3_column_int64(s, 0));
    size_t pc = 0;
    while (sqlite3_step(p) == SQLITE_ROW) {
      if (d->n_paras == pc) {
        pc = pc ? 2 * pc : 8;
        d->paras = td_xrealloc(d->paras, pc * sizeof *d->paras);
      }
      uint32_t a = (uint32_t)sqlite3_column_int64(p, 0);
      uint32_t b = (uint32_t)sqlite3_column_int64(p, 1);
      d->paras[d->n_paras] = (td_paragraph){a, b, 0, 0};
      d->n_paras++;
    }
    sqlite3_reset(p);
    docs[n++] = d;
  }
  sqlite3_finalize(s);
  sqlite3_finalize(p);
  /* The store's fingerprint index: every fp_* table and index. */
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(
          db,
          "SELECT name, sum(pgsize) FROM dbstat WHERE name "
          "LIKE 'fp\\_%' ESCAPE '\\' GROUP BY name ORDER BY 2 DESC",
          -1, &q, NULL) == SQLITE_OK) {
    long long total = 0;
    printf("store index (pages of the fp_* tables and indexes):");
    while (sqlite3_step(q) == SQLITE_ROW) {
      long long b = sqlite3_column_int64(q, 1);
      total += b;
      printf(" %s %.0f", (const char *)sqlite3_column_text(q, 0),
             n ? (double)b / (double)n : 0.0);
    }
    printf("\nstore index: %.1f MB, %.0f bytes per article\n", total / 1e6,
           n ? (double)total / (double)n : 0.0);
    sqlite3_finalize(q);
  } else {
    printf("store index: not measured (SQLite without dbstat)\n");
  }
  sqlite3_close(db);
  const char **texts = td_xmalloc((n + 1) * sizeof *texts);
  size_t *lens = td_xmalloc((n + 1) * sizeof *lens);
  for (size_t i = 0; i < n; i++) {
    texts[i] = docs[i]->text;
    lens[i] = docs[i]->text_len;
  }
  double mb = (double)bytes / 1e6;
  printf("corpus: %zu articles, %.1f MB of normalized text, best of %d runs\n",
         n, mb, runs);

  double best_full = 1e30;
  for (int r = 0; r < runs; r++) {
    double t0 = now();
    for (size_t i = 0; i < n; i++) td_fingerprint_doc(docs[i]);
    double t = now() - t0;
    if (t < best_full) best_full = t;
  }
  size_t passages = 0;
  for (size_t i = 0; i < n; i++) passages += docs[i]->fingerprint->n_passages;

  td_dedup_stats best = {0}, st;
  double best_total = 1e30;
  size_t npairs = 0;
  for (int r = 0; r < runs; r++) {
    td_text_pair *pairs;
    double t0 = now();
    td_dedup_texts(texts, lens, n, 0, &pairs, &npairs, &st);
    double t = now() - t0;
    free(pairs);
    if (t < best_total) {
      best_total = t;
      best = st;
    }
  }
  printf("fingerprint (article signature): %.3f s, %.0f MB/s\n",
         best.fingerprint_s, mb / best.fingerprint_s);
  printf("fingerprint (signature + %zu passages): %.3f s, %.0f MB/s\n",
         passages, best_full, mb / best_full);
  printf(
      "dedup in memory (Jaccard >= %.2f): %.3f s total = fingerprint "
      "%.3f + candidates %.3f + verification %.3f; %zu candidate pairs, "
      "%zu near-duplicate pairs\n",
      TD_FP_THRESHOLD, best_total, best.fingerprint_s, best.candidates_s,
      best.verify_s, best.candidates, npairs);
  for (size_t i = 0; i < n; i++) td_doc_free(docs[i]);
  free(docs);
  free(texts);
  free(lens);
  return 0;
}
