/*
 * bench_actors.c - the cost of actor resolution against the cost of
 * segmentation, on the same articles.
 *
 * Reads every article under the given paths (td_read_path), normalizes
 * and dates them once, then (as the pipeline does) normalizes, dates,
 * segments and resolves the actors of each article in turn, timing the
 * stages apart; prints the best of --reps runs of each and the ratio of
 * actor resolution to segmentation and to the read-side stages; then the
 * thread CPU time of whole passes that stop after dating, after
 * segmenting and after actors (best of --reps each), whose differences
 * are the CPU cost of each stage. --dict FILE
 * loads PETRARCH dictionaries on top of the built-in knowledge (a bigger
 * table); --max N stops after N articles; --mode read|seg|actors stops
 * after reading (and dating), after one segmentation pass, or after one
 * pass of each of segmentation and actor resolution: the differences of
 * their instruction counts under callgrind are the cost of each stage;
 * --mode dump resolves every article once, in order, and prints each
 * article's entities and mentions (every field), to check that a change
 * meant only for speed leaves the output byte for byte the same;
 * --mode floor stops after one pass of segmentation and of the floor.
 *
 * The floor is the least any actor resolver must do: look every word up
 * in the kb once (a capitalised word hashed and probed in the token
 * table, a short word by its packed bytes, a lowercase word in the filter
 * of lowercase name words), with no phrase, mention or entity. Its cost
 * against segmentation is printed beside the resolver's: how much of the
 * 30% that issue 5 allows is spent before anything is resolved.
 *
 * Usage: bench_actors [--reps N] [--max N] [--dict FILE]... [--mode M] PATH...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actor_internal.h"
#include "tidings.h"

typedef struct corpus {
  td_doc **docs;
  size_t n, cap, max;
} corpus;

static int on_doc(void *ud, td_doc *doc) {
  corpus *c = ud;
  if (c->max && c->n >= c->max) {
    td_doc_free(doc);
    return 1;
  }
  if (td_normalize(doc, NULL) != 0) {
    td_doc_free(doc);
    return 0;
  }
  td_dateline_parse(doc);
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 1024;
    c->docs = realloc(c->docs, c->cap * sizeof *c->docs);
    if (!c->docs) abort();
  }
  c->docs[c->n++] = doc;
  return 0;
}

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#define ONES8 UINT64_C(0x0101010101010101)

/* The floor (see the top): one kb lookup per word of the article. Returns
 * a sum of what it found, so that nothing is optimised away. */
static long floor_pass(const td_doc *d, const td_actor_kb *kb) {
  const unsigned char *t = (const unsigned char *)d->text;
  long acc = 0;
  for (size_t k = 0; k < d->n_toks; k++) {
    const td_token *tk = &d->toks[k];
    if (tk->kind != TD_TOK_WORD) continue;
    uint32_t st = tk->start, en = tk->end, len = en - st;
    if (tk->flags & TD_TOKF_CAP) {
      /* Lowercased and hashed eight bytes at a time, as the resolver
       * hashes a plain word. */
      uint64_t h = TD__KB_WH0, w;
      const unsigned char *p = t + st;
      for (; len > 8; len -= 8, p += 8) {
        memcpy(&w, p, 8);
        w |= ((w + 0x3F * ONES8) & ~(w + 0x25 * ONES8) & 0x80 * ONES8) >> 2;
        h = td__kb_chunk(h, w);
      }
      w = 0;
      memcpy(&w, p, len);
      w |= ((w + 0x3F * ONES8) & ~(w + 0x25 * ONES8) & 0x80 * ONES8) >> 2;
      acc += td__kb_tok_by_hash(kb, td__kb_chunk(h, w));
    } else if (len <= 3) {
      unsigned char b[3] = {t[st], len > 1 ? t[st + 1] : 0,
                            len > 2 ? t[st + 2] : 0};
      acc += td__kb_tok_short(kb, td__kb_short_key(b, len));
    } else {
      uint32_t lk = td__kb_low_key(t[st], t[st + 1], t[en - 1], len);
      acc += (kb->low_bits[lk >> 3] >> (lk & 7)) & 1;
    }
  }
  return acc;
}

static long floor_sum;

/* CPU time of the thread for one pass over every article: normalize and
 * date, then segment when stages >= 1, then resolve actors when stages
 * == 2, or run the floor when stages == 3 (each article through its
 * stages in turn, as in the pipeline). */
static double cpu_pass(corpus *c, td_actor_kb *kb, int stages) {
  double t0 = cpu_now();
  for (size_t k = 0; k < c->n; k++) {
    td_normalize(c->docs[k], NULL);
    td_dateline_parse(c->docs[k]);
    if (stages >= 1) td_segment(c->docs[k]);
    if (stages == 2) td_actors_resolve(c->docs[k], kb);
    if (stages == 3) floor_sum += floor_pass(c->docs[k], kb);
  }
  return cpu_now() - t0;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int reps = 5;
  const char *mode = NULL;
  const char *dicts[16];
  int n_dicts = 0;
  corpus c = {0};
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
    if (i + 1 >= argc) break;
    if (strcmp(argv[i], "--reps") == 0)
      reps = atoi(argv[i + 1]);
    else if (strcmp(argv[i], "--max") == 0)
      c.max = (size_t)atol(argv[i + 1]);
    else if (strcmp(argv[i], "--mode") == 0)
      mode = argv[i + 1];
    else if (strcmp(argv[i], "--dict") == 0 && n_dicts < 16)
      dicts[n_dicts++] = argv[i + 1];
    else {
      fprintf(stderr, "bench_actors: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (i >= argc) {
    fprintf(stderr,
            "usage: bench_actors [--reps N] [--max N] [--dict FILE]... "
            "[--mode read|seg|actors|floor|dump] PATH...\n");
    return 2;
  }
  for (; i < argc; i++) {
    td_read_stats rs = {0};
    td_read_path(argv[i], on_doc, &c, NULL, &rs);
  }
  td_actor_kb *kb;
  td_error err = {0};
  if (td_actor_kb_open(NULL, &kb, NULL, &err) != 0) {
    fprintf(stderr, "bench_actors: %s\n", err.msg);
    return 1;
  }
  for (int d = 0; d < n_dicts; d++)
    if (td_actor_kb_load_dict(kb, dicts[d], NULL, NULL, &err) != 0)
      fprintf(stderr, "bench_actors: %s\n", err.msg);
  if (mode && strcmp(mode, "dump") == 0) {
    for (size_t k = 0; k < c.n; k++) {
      td_doc *d = c.docs[k];
      td_segment(d);
      td_actors_resolve(d, kb);
      printf("doc %s\n", d->id ? d->id : "");
      for (size_t e = 0; e < d->n_entities; e++) {
        const td_entity *x = &d->entities[e];
        printf("E%zu\t%s\t%s\t%s\t%u\t%u\t%u\n", e, x->name, x->code, x->title,
               x->how, x->kind, x->n_mentions);
      }
      for (size_t m = 0; m < d->n_mentions; m++) {
        const td_actor_mention *x = &d->mentions[m];
        printf("M%zu\t%u\t%u\t%u\t%u\t%u\t%s\t%d\t%u\n", m, x->start, x->end,
               x->sent, x->tok_first, x->tok_end, x->code, x->entity, x->how);
      }
    }
  } else if (mode) {
    /* One pass; segmentation is always needed before actors. Each
     * article is resolved right after it is segmented, as in the
     * pipeline (the same instructions either way; a cache simulation
     * sees its tokens still in cache). */
    int act = strcmp(mode, "actors") == 0, fl = strcmp(mode, "floor") == 0;
    if (strcmp(mode, "read") != 0)
      for (size_t k = 0; k < c.n; k++) {
        td_segment(c.docs[k]);
        if (act) td_actors_resolve(c.docs[k], kb);
        if (fl) floor_sum += floor_pass(c.docs[k], kb);
      }
  } else {
    double best_seg = 1e30, best_act = 1e30;
    size_t sents = 0, toks = 0, ments = 0;
    /* As in the pipeline, each article is segmented and then resolved
     * while its text is still in cache; the two stages are timed apart. */
    double best_prep = 1e30;
    for (int r = 0; r < reps; r++) {
      double seg = 0, act = 0, prep = 0;
      for (size_t k = 0; k < c.n; k++) {
        double tp = now();
        td_normalize(c.docs[k], NULL);
        td_dateline_parse(c.docs[k]);
        double t0 = now();
        td_segment(c.docs[k]);
        double t1 = now();
        td_actors_resolve(c.docs[k], kb);
        double t2 = now();
        prep += t0 - tp;
        seg += t1 - t0;
        act += t2 - t1;
      }
      if (seg < best_seg) best_seg = seg;
      if (act < best_act) best_act = act;
      if (prep < best_prep) best_prep = prep;
    }
    for (size_t k = 0; k < c.n; k++) {
      sents += c.docs[k]->n_sents;
      toks += c.docs[k]->n_toks;
      ments += c.docs[k]->n_mentions;
    }
    printf("%zu articles, %zu sentences, %zu tokens, %zu actor mentions%s\n",
           c.n, sents, toks, ments, n_dicts ? " (with --dict)" : "");
    printf("segment: %.1f ms (%.0f sentences/s)\n", best_seg * 1e3,
           (double)sents / best_seg);
    printf("actors:  %.1f ms (%.0f sentences/s)\n", best_act * 1e3,
           (double)sents / best_act);
    printf(
        "actor resolution adds %.0f%% to segmentation, %.0f%% to the "
        "read-side stages (normalize %.1f ms + dateline + segment; best "
        "of %d runs)\n",
        100.0 * best_act / best_seg, 100.0 * best_act / (best_seg + best_prep),
        best_prep * 1e3, reps);
    /* Thread CPU time of whole passes (no clock read per article): the
     * differences between passes that stop after dating, after
     * segmenting and after actors are the cost of each stage. */
    double cp[4] = {1e30, 1e30, 1e30, 1e30};
    for (int r = 0; r < reps; r++)
      for (int st = 0; st < 4; st++) {
        double x = cpu_pass(&c, kb, st);
        if (x < cp[st]) cp[st] = x;
      }
    double cseg = cp[1] - cp[0], cact = cp[2] - cp[1];
    printf(
        "CPU time (thread, best of %d passes): segment %.1f ms, actors %.1f "
        "ms: actors add %.0f%% to segmentation\n",
        reps, cseg * 1e3, cact * 1e3, 100.0 * cact / cseg);
    double cfl = cp[3] - cp[1];
    printf(
        "floor (one kb lookup per word, nothing resolved): %.1f ms: adds "
        "%.0f%% to segmentation\n",
        cfl * 1e3, 100.0 * cfl / cseg);
  }
  if (floor_sum == -1) printf("\n"); /* keeps the floor's lookups */
  for (size_t k = 0; k < c.n; k++) td_doc_free(c.docs[k]);
  free(c.docs);
  td_actor_kb_free(kb);
  return 0;
}
