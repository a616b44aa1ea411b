/*
 * bench_annotate.c - throughput of the whole annotate pipeline per core:
 * segmentation (td_doc_prepare: normalize, dateline, segment), time
 * expressions (td_timex_tag), actors (td_actors_resolve) and events
 * (td_events_extract), in sentences per second of one thread's CPU time.
 *
 * Reads every article under the given paths (td_read_path) into memory
 * first; the timed runs then redo every stage from the raw text. Prints
 * the best of the repeats overall and the share of each stage. CPU time
 * of the thread (CLOCK_THREAD_CPUTIME_ID) is used because the machine is
 * shared: wall clock is printed too but is noisy.
 *
 * usage: bench_annotate [-r REPEATS] PATH...
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tidings.h"

typedef struct corpus {
  td_doc **docs;
  size_t n, cap;
} corpus;

static int keep(void *ud, td_doc *doc) {
  corpus *c = ud;
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 1024;
    c->docs = td_xrealloc(c->docs, c->cap * sizeof *c->docs);
  }
  c->docs[c->n++] = doc;
  return 0;
}

static double cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int repeats = 3, a = 1;
  if (a + 1 < argc && strcmp(argv[a], "-r") == 0) {
    repeats = atoi(argv[a + 1]);
    a += 2;
  }
  if (a >= argc) {
    fprintf(stderr, "usage: bench_annotate [-r REPEATS] PATH...\n");
    return 2;
  }
  corpus c = {0};
  td_read_stats st = {0};
  for (; a < argc; a++) td_read_path(argv[a], keep, &c, NULL, &st);
  if (c.n == 0) {
    fprintf(stderr, "bench_annotate: no articles\n");
    return 1;
  }
  td_error err = {0};
  td_actor_kb *kb = NULL;
  td_lexicon *lx = NULL;
  double l0 = wall();
  if (td_actor_kb_open(NULL, &kb, NULL, &err) != 0 ||
      td_lexicon_open(NULL, &lx, NULL, &err) != 0) {
    fprintf(stderr, "bench_annotate: %s: %s\n", err.file, err.msg);
    return 1;
  }
  double load = wall() - l0;
  double best[5] = {1e30, 1e30, 1e30, 1e30, 1e30}, best_wall = 1e30;
  size_t sents = 0, toks = 0, events = 0, mentions = 0;
  for (int r = 0; r < repeats; r++) {
    double t[5] = {0};
    double w0 = wall();
    sents = toks = events = mentions = 0;
    /* Stage by stage over the whole corpus: the thread CPU clock may be
     * coarser than one article. */
    char *ok = td_xcalloc(c.n, 1);
    double t0 = cpu();
    for (size_t i = 0; i < c.n; i++)
      ok[i] = td_doc_prepare(c.docs[i], NULL) == 0;
    double t1 = cpu();
    for (size_t i = 0; i < c.n; i++)
      if (ok[i]) td_timex_tag(c.docs[i]);
    double t2 = cpu();
    for (size_t i = 0; i < c.n; i++)
      if (ok[i]) td_actors_resolve(c.docs[i], kb);
    double t3 = cpu();
    for (size_t i = 0; i < c.n; i++)
      if (ok[i]) td_events_extract(c.docs[i], lx);
    double t4 = cpu();
    t[0] = t1 - t0;
    t[1] = t2 - t1;
    t[2] = t3 - t2;
    t[3] = t4 - t3;
    for (size_t i = 0; i < c.n; i++) {
      if (!ok[i]) continue;
      sents += c.docs[i]->n_sents;
      toks += c.docs[i]->n_toks;
      events += c.docs[i]->n_events;
      mentions += c.docs[i]->n_mentions;
    }
    free(ok);
    double w = wall() - w0;
    t[4] = t[0] + t[1] + t[2] + t[3];
    if (t[4] < best[4]) memcpy(best, t, sizeof best);
    if (w < best_wall) best_wall = w;
  }
  printf(
      "annotate: %zu articles, %zu sentences, %zu tokens, %zu actor "
      "mentions, %zu events (knowledge loaded in %.2f s)\n",
      c.n, sents, toks, mentions, events, load);
  printf(
      "  whole pipeline: %.0f sentences/s per core (%.3f s CPU, best of "
      "%d; wall %.3f s)\n",
      sents / best[4], best[4], repeats, best_wall);
  static const char *names[] = {"segmentation", "time", "actors", "events"};
  for (int k = 0; k < 4; k++)
    printf("  %-13s %6.1f%%  %9.0f sentences/s alone\n", names[k],
           100.0 * best[k] / best[4], best[k] > 0 ? sents / best[k] : 0.0);
  for (size_t i = 0; i < c.n; i++) td_doc_free(c.docs[i]);
  free(c.docs);
  td_lexicon_free(lx);
  td_actor_kb_free(kb);
  return 0;
}
