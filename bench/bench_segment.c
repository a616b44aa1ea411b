/*
 * bench_segment.c - throughput of Stage 2 dateline + Stage 3 segment alone.
 *
 * Reads every article under the given paths (td_read_path), normalizes
 * them once, then times td_dateline_parse + td_segment over all of them,
 * repeated; prints the best of the runs in MB/s of normalized text per
 * core (process CPU time: the program is single-threaded), and the same
 * for segmentation alone. CPU time on a shared machine is still noisy
 * (caches, frequency): the minimum of the repeats is the figure to compare.
 *
 * usage: bench_segment [-r REPEATS] PATH...
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tidings.h"

typedef struct corpus {
  td_doc **docs;
  size_t n, cap, bytes;
} corpus;

static int keep(void *ud, td_doc *doc) {
  corpus *c = ud;
  if (td_normalize(doc, NULL) != 0) {
    td_doc_free(doc);
    return 0;
  }
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 1024;
    c->docs = td_xrealloc(c->docs, c->cap * sizeof *c->docs);
  }
  c->docs[c->n++] = doc;
  c->bytes += doc->text_len;
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int repeats = 5, a = 1;
  if (a + 1 < argc && strcmp(argv[a], "-r") == 0) {
    repeats = atoi(argv[a + 1]);
    a += 2;
  }
  if (a >= argc) {
    fprintf(stderr, "usage: bench_segment [-r REPEATS] PATH...\n");
    return 2;
  }
  corpus c = {0};
  td_read_stats st = {0};
  for (; a < argc; a++) td_read_path(argv[a], keep, &c, NULL, &st);
  if (c.n == 0) {
    fprintf(stderr, "bench_segment: no articles\n");
    return 1;
  }
  /* Warm up: loads the data files. */
  td_dateline_parse(c.docs[0]);
  td_segment(c.docs[0]);
  double best_all = 1e30, best_seg = 1e30;
  size_t toks = 0, sents = 0;
  for (int r = 0; r < repeats; r++) {
    double t0 = now();
    for (size_t i = 0; i < c.n; i++) td_dateline_parse(c.docs[i]);
    double t1 = now();
    toks = sents = 0;
    for (size_t i = 0; i < c.n; i++) {
      td_segment(c.docs[i]);
      toks += c.docs[i]->n_toks;
      sents += c.docs[i]->n_sents;
    }
    double t2 = now();
    if (t2 - t0 < best_all) best_all = t2 - t0;
    if (t2 - t1 < best_seg) best_seg = t2 - t1;
  }
  double mb = (double)c.bytes / 1e6;
  printf("articles %zu, text %.1f MB, %zu sentences, %zu tokens\n", c.n, mb,
         sents, toks);
  printf("dateline+segment: %.1f MB/s per core (CPU time, best of %d)\n",
         mb / best_all, repeats);
  printf("segment alone:    %.1f MB/s per core\n", mb / best_seg);
  for (size_t i = 0; i < c.n; i++) td_doc_free(c.docs[i]);
  free(c.docs);
  return 0;
}
