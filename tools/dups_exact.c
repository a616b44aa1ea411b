/*
 * dups_exact.c - the exact answer for the near-duplicate evaluation: every
 * pair of stored articles whose word 5-gram Jaccard similarity is at least
 * a threshold, computed exactly.
 *
 * Reads the articles of a tidings store (article.text, the text tidings
 * fingerprints) and splits them into words with the fingerprint's own word
 * definition (td__fp_word), so both sides mean the same by "word". Unlike
 * the library it never hashes a shingle: words are interned as strings and
 * a shingle is the tuple of its five word numbers, interned again, so
 * similarities are exact ratios. All pairs come from the AllPairs prefix
 * filter (Bayardo et al. 2007): tokens ordered rarest first, two sets with
 * Jaccard >= t must share a token among the first |x| - ceil(t|x|) + 1 of
 * each, and sizes within a factor t; candidates are verified by a full
 * intersection. The filter is exact, not approximate.
 *
 * Usage: dups_exact STORE.db [THRESHOLD]   (default 0.8)
 * Output: one line per pair, "id_a<TAB>id_b<TAB>jaccard", id_a < id_b in
 * byte order; a summary on stderr.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

/* ---- interning: open addressing over byte strings ---- */
typedef struct intern {
  char *pool; /* all keys, back to back */
  size_t pool_len, pool_cap;
  size_t *off; /* key i is pool[off[i] .. off[i] + len[i]) */
  uint32_t *len;
  uint32_t n, cap;
  uint32_t *slot; /* key index + 1, 0 for empty */
  size_t nslots;
} intern;

static uint64_t hash_bytes(const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ULL;
  return h ^ (h >> 29);
}

static void intern_grow(intern *t) {
  size_t ns = t->nslots ? t->nslots * 2 : 1 << 16;
  uint32_t *slot = td_xcalloc(ns, sizeof *slot);
  for (uint32_t i = 0; i < t->n; i++) {
    size_t h = hash_bytes(t->pool + t->off[i], t->len[i]) & (ns - 1);
    while (slot[h]) h = (h + 1) & (ns - 1);
    slot[h] = i + 1;
  }
  free(t->slot);
  t->slot = slot;
  t->nslots = ns;
}

static uint32_t intern_get(intern *t, const void *key, size_t n) {
  if (2 * ((size_t)t->n + 1) > t->nslots) intern_grow(t);
  size_t h = hash_bytes(key, n) & (t->nslots - 1);
  while (t->slot[h]) {
    uint32_t i = t->slot[h] - 1;
    if (t->len[i] == n && memcmp(t->pool + t->off[i], key, n) == 0) return i;
    h = (h + 1) & (t->nslots - 1);
  }
  if (t->n == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 1024;
    t->off = td_xrealloc(t->off, t->cap * sizeof *t->off);
    t->len = td_xrealloc(t->len, t->cap * sizeof *t->len);
  }
  if (t->pool_len + n > t->pool_cap) {
    while (t->pool_len + n > t->pool_cap)
      t->pool_cap = t->pool_cap ? 2 * t->pool_cap : 1 << 20;
    t->pool = td_xrealloc(t->pool, t->pool_cap);
  }
  memcpy(t->pool + t->pool_len, key, n);
  t->off[t->n] = t->pool_len;
  t->len[t->n] = (uint32_t)n;
  t->pool_len += n;
  t->slot[h] = ++t->n;
  return t->n - 1;
}

static void intern_free(intern *t) {
  free(t->pool);
  free(t->off);
  free(t->len);
  free(t->slot);
}

/* ---- documents ---- */
typedef struct doc {
  char *id;
  uint32_t *tok; /* distinct shingle numbers */
  uint32_t n;
} doc;

static uint32_t *rank; /* token -> position in the rarest-first order */

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}
static int cmp_rank(const void *a, const void *b) {
  uint32_t x = rank[*(const uint32_t *)a], y = rank[*(const uint32_t *)b];
  return x < y ? -1 : x > y;
}

static uint32_t *df_sort; /* for ordering tokens by frequency */
static int cmp_df(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  if (df_sort[x] != df_sort[y]) return df_sort[x] < df_sort[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

static doc *docs_by_size;
static int cmp_size(const void *a, const void *b) {
  const doc *x = &docs_by_size[*(const uint32_t *)a];
  const doc *y = &docs_by_size[*(const uint32_t *)b];
  if (x->n != y->n) return x->n < y->n ? -1 : 1;
  return strcmp(x->id, y->id);
}

static size_t prefix_len(uint32_t n, double t) {
  size_t need = (size_t)ceil(t * n - 1e-9);
  return n - need + 1;
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: dups_exact STORE.db [THRESHOLD]\n");
    return 2;
  }
  double t = argc == 3 ? atof(argv[2]) : 0.8;
  if (!(t > 0 && t <= 1)) {
    fprintf(stderr, "dups_exact: threshold must be in (0, 1]\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  sqlite3 *db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fprintf(stderr, "dups_exact: %s: %s\n", argv[1], sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(db, "SELECT id, text FROM article ORDER BY id", -1, &s,
                         NULL) != SQLITE_OK) {
    fprintf(stderr, "dups_exact: %s: %s\n", argv[1], sqlite3_errmsg(db));
    return 1;
  }
  intern words = {0}, shingles = {0};
  doc *docs = NULL;
  size_t nd = 0, capd = 0;
  uint32_t *w = NULL;
  size_t capw = 0;
  while (sqlite3_step(s) == SQLITE_ROW) {
    const char *id = (const char *)sqlite3_column_text(s, 0);
    const char *text = (const char *)sqlite3_column_text(s, 1);
    size_t len = (size_t)sqlite3_column_bytes(s, 1);
    size_t nw = 0, pos = 0, start;
    char buf[TD__FP_WORD_MAX];
    size_t l;
    while (text && (l = td__fp_word(text, len, &pos, &start, buf)) > 0) {
      if (nw == capw) {
        capw = capw ? 2 * capw : 4096;
        w = td_xrealloc(w, capw * sizeof *w);
      }
      w[nw++] = intern_get(&words, buf, l);
    }
    if (nd == capd) {
      capd = capd ? 2 * capd : 1024;
      docs = td_xrealloc(docs, capd * sizeof *docs);
    }
    doc *d = &docs[nd++];
    d->id = td_xstrdup(id ? id : "");
    d->n = 0;
    d->tok = NULL;
    if (nw >= 5) {
      d->tok = td_xmalloc((nw - 4) * sizeof *d->tok);
      for (size_t i = 0; i + 5 <= nw; i++)
        d->tok[d->n++] = intern_get(&shingles, w + i, 5 * sizeof *w);
      qsort(d->tok, d->n, sizeof *d->tok, cmp_u32);
      uint32_t m = 0;
      for (uint32_t i = 0; i < d->n; i++)
        if (m == 0 || d->tok[m - 1] != d->tok[i]) d->tok[m++] = d->tok[i];
      d->n = m;
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  free(w);
  uint32_t nt = shingles.n;
  /* Rarest-first token order. */
  uint32_t *df = td_xcalloc(nt + 1, sizeof *df);
  for (size_t i = 0; i < nd; i++)
    for (uint32_t k = 0; k < docs[i].n; k++) df[docs[i].tok[k]]++;
  uint32_t *order = td_xmalloc((nt + 1) * sizeof *order);
  for (uint32_t i = 0; i < nt; i++) order[i] = i;
  df_sort = df;
  qsort(order, nt, sizeof *order, cmp_df);
  rank = td_xmalloc((nt + 1) * sizeof *rank);
  for (uint32_t i = 0; i < nt; i++) rank[order[i]] = i;
  /* Each document's tokens in rank order (for prefixes) and by number
   * (for intersections). */
  uint32_t **byrank = td_xcalloc(nd + 1, sizeof *byrank);
  for (size_t i = 0; i < nd; i++) {
    byrank[i] = td_xmalloc((docs[i].n + 1) * sizeof **byrank);
    if (docs[i].n == 0) continue;
    memcpy(byrank[i], docs[i].tok, docs[i].n * sizeof **byrank);
    qsort(byrank[i], docs[i].n, sizeof **byrank, cmp_rank);
  }
  /* Documents by size; an inverted index over prefixes, filled as we go
   * (only smaller-or-equal documents are in it when one is probed). */
  uint32_t *bysize = td_xmalloc((nd + 1) * sizeof *bysize);
  for (size_t i = 0; i < nd; i++) bysize[i] = (uint32_t)i;
  docs_by_size = docs;
  qsort(bysize, nd, sizeof *bysize, cmp_size);
  uint32_t **post = td_xcalloc(nt + 1, sizeof *post);
  uint32_t *npost = td_xcalloc(nt + 1, sizeof *npost);
  uint32_t *cpost = td_xcalloc(nt + 1, sizeof *cpost);
  uint32_t *seen = td_xcalloc(nd + 1, sizeof *seen);
  uint32_t *cand = td_xmalloc((nd + 1) * sizeof *cand);
  size_t pairs = 0, verified = 0;
  for (size_t r = 0; r < nd; r++) {
    uint32_t x = bysize[r];
    const doc *dx = &docs[x];
    if (dx->n == 0) continue;
    size_t p = prefix_len(dx->n, t), nc = 0;
    for (size_t k = 0; k < p; k++) {
      uint32_t tok = byrank[x][k];
      for (uint32_t j = 0; j < npost[tok]; j++) {
        uint32_t y = post[tok][j];
        if (seen[y] == x + 1) continue;
        seen[y] = x + 1;
        if (docs[y].n < t * dx->n - 1e-9) continue; /* size filter */
        cand[nc++] = y;
      }
    }
    for (size_t c = 0; c < nc; c++) {
      const doc *dy = &docs[cand[c]];
      uint32_t i = 0, j = 0, inter = 0;
      while (i < dx->n && j < dy->n) {
        if (dx->tok[i] < dy->tok[j])
          i++;
        else if (dx->tok[i] > dy->tok[j])
          j++;
        else {
          inter++;
          i++;
          j++;
        }
      }
      verified++;
      uint32_t uni = dx->n + dy->n - inter;
      if ((double)inter >= t * uni - 1e-9) {
        int ab = strcmp(dx->id, dy->id) < 0;
        printf("%s\t%s\t%.4f\n", ab ? dx->id : dy->id, ab ? dy->id : dx->id,
               (double)inter / uni);
        pairs++;
      }
    }
    for (size_t k = 0; k < p; k++) {
      uint32_t tok = byrank[x][k];
      if (npost[tok] == cpost[tok]) {
        cpost[tok] = cpost[tok] ? 2 * cpost[tok] : 2;
        post[tok] = td_xrealloc(post[tok], cpost[tok] * sizeof **post);
      }
      post[tok][npost[tok]++] = x;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  fprintf(stderr,
          "dups_exact: %zu articles, %u distinct words, %u distinct 5-grams, "
          "%zu candidates verified, %zu pairs with Jaccard >= %.2f (%.2f s)\n",
          nd, words.n, nt, verified, pairs, t,
          (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  for (size_t i = 0; i < nd; i++) {
    free(docs[i].id);
    free(docs[i].tok);
    free(byrank[i]);
  }
  for (uint32_t i = 0; i < nt; i++) free(post[i]);
  free(post);
  free(npost);
  free(cpost);
  free(seen);
  free(cand);
  free(bysize);
  free(byrank);
  free(rank);
  free(order);
  free(df);
  free(docs);
  intern_free(&words);
  intern_free(&shingles);
  return 0;
}
