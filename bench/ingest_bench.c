/*
 * ingest_bench.c - ingest throughput on a corpus read in place.
 *
 *   ingest_bench [--repeat N] PATH...
 *
 * Runs the read side over every article under the paths, one core, and
 * prints MB of article text (raw bytes after container decoding) per CPU
 * second for each step, the best of N runs:
 *   read                  td_read_path alone
 *   read+normalize        td_read_path + td_normalize
 *   read+prepare          td_read_path + td_doc_prepare (normalize,
 *                         dateline, segment): the 40 MB/s target
 * and the store write rate: prepared articles written with
 * td_store_put_doc in transactions of 1000 into a temporary SQLite file
 * (the time above read+prepare), then td_ingest end to end (which also
 * annotates). CPU time, not wall time, so other processes on a shared
 * machine disturb the figures less; they are still noisy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tidings.h"

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
static double wall_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

enum step { READ, NORMALIZE, PREPARE, STORE };

typedef struct run {
  enum step step;
  size_t docs, bytes, failed;
  td_store *st;
  td_doc *batch[1000];
  size_t n;
} run;

static void flush(run *r) {
  if (r->n == 0) return;
  td_error err = {0};
  if (td_store_begin(r->st, &err) != 0) {
    fprintf(stderr, "store: %s\n", err.msg);
    exit(1);
  }
  for (size_t i = 0; i < r->n; i++) {
    td_put_result res;
    if (td_store_put_doc(r->st, r->batch[i], &res, &err) != 0) {
      fprintf(stderr, "store: %s\n", err.msg);
      exit(1);
    }
    td_doc_free(r->batch[i]);
  }
  if (td_store_commit(r->st, &err) != 0) {
    fprintf(stderr, "store: %s\n", err.msg);
    exit(1);
  }
  r->n = 0;
}

static int on_doc(void *ud, td_doc *doc) {
  run *r = ud;
  r->docs++;
  r->bytes += doc->raw_len;
  int rc = 0;
  if (r->step == NORMALIZE) rc = td_normalize(doc, NULL);
  if (r->step >= PREPARE) rc = td_doc_prepare(doc, NULL);
  if (rc != 0) r->failed++;
  if (r->step == STORE && rc == 0) {
    r->batch[r->n++] = doc;
    if (r->n == 1000) flush(r);
    return 0;
  }
  td_doc_free(doc);
  return 0;
}

static char db_path[64];

static void remove_db(void) {
  char p[80];
  unlink(db_path);
  snprintf(p, sizeof p, "%s-wal", db_path);
  unlink(p);
  snprintf(p, sizeof p, "%s-shm", db_path);
  unlink(p);
}

static td_store *fresh_store(void) {
  remove_db();
  td_store *st;
  td_error err = {0};
  if (td_store_open(db_path, &st, &err) != 0) {
    fprintf(stderr, "store: %s\n", err.msg);
    exit(1);
  }
  return st;
}

/* CPU seconds of one pass of step over the paths; *rp gets the counts. */
static double pass(enum step step, char **paths, int n, run *rp) {
  run *r = calloc(1, sizeof *r);
  r->step = step;
  if (step == STORE) r->st = fresh_store();
  double t0 = cpu_now();
  for (int i = 0; i < n; i++) td_read_path(paths[i], on_doc, r, NULL, NULL);
  if (step == STORE) {
    flush(r);
    td_store_close(r->st);
  }
  double t = cpu_now() - t0;
  *rp = *r;
  free(r);
  return t;
}

int main(int argc, char **argv) {
  int repeat = 3, first = 1;
  if (argc > 2 && strcmp(argv[1], "--repeat") == 0) {
    repeat = atoi(argv[2]);
    first = 3;
  }
  if (first >= argc || repeat < 1) {
    fprintf(stderr, "usage: ingest_bench [--repeat N] PATH...\n");
    return 2;
  }
  char **paths = argv + first;
  int np = argc - first;
  snprintf(db_path, sizeof db_path, "/tmp/tidings-bench-%ld.db",
           (long)getpid());

  static const char *const names[] = {"read", "read+normalize", "read+prepare",
                                      "read+prepare+store"};
  double best[4] = {0};
  run r = {0};
  for (int k = 0; k < repeat; k++)
    for (int s = READ; s <= STORE; s++) {
      double t = pass((enum step)s, paths, np, &r);
      if (k == 0 || t < best[s]) best[s] = t;
    }
  double mb = (double)r.bytes / 1e6;
  printf(
      "corpus: %zu articles, %.1f MB of article text, %zu not prepared "
      "(empty or binary); best of %d runs, CPU time on one core\n",
      r.docs, mb, r.failed, repeat);
  for (int s = READ; s <= PREPARE; s++)
    printf("  %-22s %7.3f s  %8.1f MB/s per core%s\n", names[s], best[s],
           mb / best[s],
           s == PREPARE ? "  (normalize+dateline+segment; target 40)" : "");
  double store = best[STORE] - best[PREPARE];
  if (store > 0)
    printf("  store writes (put_doc)  %7.3f s  %8.0f articles/s  %6.1f MB/s\n",
           store, (double)(r.docs - r.failed) / store, mb / store);

  /* td_ingest end to end, wall time, fresh store. */
  td_store *st = fresh_store();
  td_ingest_stats is;
  td_error err = {0};
  td_ingest_opts opts = {0};
  double w0 = wall_now(), c0 = cpu_now();
  td_ingest(st, (const char *const *)paths, (size_t)np, &opts, &is, &err);
  double wall = wall_now() - w0, cpu = cpu_now() - c0;
  td_store_close(st);
  remove_db();
  printf(
      "  td_ingest end to end   %7.3f s CPU (%.3f s wall)  %8.0f "
      "articles/s  %6.1f MB/s (%zu stored, %zu rejected)\n",
      cpu, wall, (double)is.ingested / cpu, (double)is.bytes / 1e6 / cpu,
      is.ingested, is.rejected);
  return 0;
}
