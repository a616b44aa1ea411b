/*
 * fingerprint.c - the fingerprint stage: near-duplicate articles and
 * repeated background passages.
 *
 * Reads a segmented document (td_doc.text, paragraphs, sentences) and
 * produces its fingerprint: LSH band keys of a MinHash signature over the
 * article's word 5-grams, and LSH keys over the word 3-grams of each passage
 * (paragraphs, and long sentences of paragraphs of 3+ sentences). In the
 * store it keeps those keys, the verified near-duplicate pairs, the clusters
 * they form and the links from each repeated passage to the earliest article
 * holding it; each ingest batch updates them for its own articles only.
 *
 * Why MinHash and not SimHash: the specification is a Jaccard threshold, and
 * MinHash collision probability IS the Jaccard similarity, so LSH banding
 * gives a recall curve we can compute (1 - (1 - J^r)^b) and tune; SimHash
 * estimates cosine over weighted features, needs many tables (bit-flip
 * permutations) for a Hamming radius, and maps poorly onto Jaccard 0.8. The
 * signature uses one-permutation hashing (one hash per shingle, binned) with
 * optimal densification (Shrivastava 2017), which costs one hash and one
 * compare per shingle instead of one per permutation: that is what makes
 * 100+ MB/s possible. Every candidate pair is then verified by its exact
 * Jaccard (sorted 64-bit shingle hashes), so LSH false positives never merge
 * two stories.
 *
 * Parameters: TD_FP_BANDS = 8 bands of TD_FP_ROWS = 4 values. A pair with
 * Jaccard J becomes a candidate with probability 1 - (1 - J^4)^8: 0.985 at
 * 0.8, 0.9998 at 0.9, 0.40 at 0.5, 0.06 at 0.3, so few candidates need
 * verifying and the pairs at the default threshold are nearly all found
 * (measured on Reuters-21578: 524 of 524). Thresholds below 0.8 get a
 * lower recall; the store keeps verified pairs down to PAIR_FLOOR.
 *
 * Index size a article: 8 band rows (~13 B each), one fp_doc row (~50 B
 * plus 16 B a passage) and 2 key rows a passage (~15 B each): about
 * 140 + 56 B a passage, at most TD_FP_MAX_PASSAGES passages, so bounded
 * (~3.7 KB). Measured on Reuters-21578 (5 passages an article): 417 B, so
 * a million such articles take about 420 MB.
 *
 * Invariants of the store tables (all written in the ingest batch's
 * transaction): fp_doc has one row per fingerprinted article, with its band
 * and passage keys (blobs) exactly those in fp_band and fp_pkey; fp_pair
 * holds every verified pair (a < b) with Jaccard >= PAIR_FLOOR that LSH
 * found; fp_doc.cluster is the rowid of the earliest article (date, then
 * id) of the article's connected component of pairs >= TD_FP_THRESHOLD, or
 * NULL when alone; every passage that recurs has an fp_link row naming the
 * earliest passage of its group (the origin links to itself). pending != 0
 * marks what end_batch still has to do for an article.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "internal.h"
#include "store_internal.h"

#define K_BINS (TD_FP_ROWS * TD_FP_BANDS)
#define LONG_SENTENCE_WORDS 20
#define PAIR_FLOOR 0.5
#define KEY_MASK 0x7fffffffu

/* ---- Words ---- */

static int is_word_cp(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return 1;
    default:
      return 0;
  }
}

/* Whether a word character starts at u[i]; *len gets its byte length. */
static int word_char_at(const unsigned char *u, size_t n, size_t i,
                        utf8proc_int32_t *cp, size_t *len) {
  if (i >= n) return 0;
  if (u[i] < 0x80) {
    *cp = u[i];
    *len = 1;
    return td__is_alnum(u[i]);
  }
  utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), cp);
  if (k < 1) {
    *len = 1;
    return 0;
  }
  *len = (size_t)k;
  return is_word_cp(*cp);
}

static int is_apostrophe(const unsigned char *u, size_t n, size_t i,
                         size_t *len) {
  if (u[i] == '\'') {
    *len = 1;
    return 1;
  }
  /* U+2019 RIGHT SINGLE QUOTATION MARK, in case the text is not unified. */
  if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] == 0x99) {
    *len = 3;
    return 1;
  }
  return 0;
}

size_t td__fp_word(const char *t, size_t n, size_t *pos, size_t *start,
                   char *buf) {
  const unsigned char *u = (const unsigned char *)t;
  size_t i = *pos, len = 0, k;
  utf8proc_int32_t cp;
  for (;;) {
    while (i < n && u[i] < 0x80 && !td__is_alnum(u[i])) i++;
    if (i >= n) {
      *pos = n;
      return 0;
    }
    if (word_char_at(u, n, i, &cp, &k)) break;
    i += k;
  }
  *start = i;
  while (i < n) {
    unsigned char c = u[i];
    if (c < 0x80 && td__is_alnum(c)) { /* the fast path */
      if (len < TD__FP_WORD_MAX) buf[len++] = (char)td__lower(c);
      i++;
      continue;
    }
    size_t al;
    if (is_apostrophe(u, n, i, &al)) {
      size_t k2;
      utf8proc_int32_t cp2;
      if (word_char_at(u, n, i + al, &cp2, &k2)) {
        i += al;
        continue;
      }
      break;
    }
    if (c < 0x80 || !word_char_at(u, n, i, &cp, &k)) break;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    if (len + (size_t)el <= TD__FP_WORD_MAX) {
      memcpy(buf + len, enc, (size_t)el);
      len += (size_t)el;
    }
    i += k;
  }
  *pos = i;
  return len;
}

/* ---- Hashing ---- */

static inline uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

static inline uint64_t rotl64(uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}

/* The hash of the k word hashes w[0..k), order-sensitive. */
static inline uint64_t shingle_hash(const uint64_t *w, unsigned k) {
  uint64_t h = 0x243f6a8885a308d3ULL ^ k;
  for (unsigned j = 0; j < k; j++) {
    h = rotl64(h, 23) ^ w[j];
    h *= 0x9e3779b97f4a7c15ULL;
  }
  return fmix64(h);
}

/* Words of a text: the hash of each normalized word and the byte offset
 * where it starts. */
typedef struct word_list {
  uint64_t *hash;
  uint32_t *start;
  size_t n, cap;
} word_list;

static void words_of(const char *t, size_t n, word_list *wl) {
  char buf[TD__FP_WORD_MAX];
  size_t pos = 0;
  wl->n = 0;
  for (;;) {
    size_t s;
    size_t len = td__fp_word(t, n, &pos, &s, buf);
    if (len == 0) break;
    if (wl->n == wl->cap) {
      wl->cap = wl->cap ? wl->cap * 2 : 512;
      wl->hash = td_xrealloc(wl->hash, wl->cap * sizeof *wl->hash);
      wl->start = td_xrealloc(wl->start, wl->cap * sizeof *wl->start);
    }
    wl->hash[wl->n] = XXH3_64bits(buf, len);
    wl->start[wl->n] = (uint32_t)s;
    wl->n++;
  }
}

static void words_free(word_list *wl) {
  free(wl->hash);
  free(wl->start);
  memset(wl, 0, sizeof *wl);
}

/* Sorted distinct k-gram hashes of words [a, b) of wl; returns the count,
 * *out malloc'd (NULL when none). */
static size_t shingles_of(const word_list *wl, size_t a, size_t b, unsigned k,
                          uint64_t **out) {
  *out = NULL;
  if (k == 0 || b < a + k) return 0;
  size_t n = b - a - k + 1;
  uint64_t *s = td_xmalloc(n * sizeof *s);
  for (size_t i = 0; i < n; i++) s[i] = shingle_hash(wl->hash + a + i, k);
  qsort(s, n, sizeof *s, td__cmp_u64);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (m == 0 || s[m - 1] != s[i]) s[m++] = s[i];
  *out = s;
  return m;
}

size_t td__fp_shingles(const char *t, size_t n, unsigned k, uint64_t **out) {
  word_list wl = {0};
  words_of(t, n, &wl);
  size_t m = shingles_of(&wl, 0, wl.n, k, out);
  words_free(&wl);
  return m;
}

double td__fp_jaccard(const uint64_t *a, size_t na, const uint64_t *b,
                      size_t nb) {
  if (na == 0 && nb == 0) return 0;
  size_t i = 0, j = 0, inter = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j])
      i++;
    else if (a[i] > b[j])
      j++;
    else {
      inter++;
      i++;
      j++;
    }
  }
  return (double)inter / (double)(na + nb - inter);
}

double td_text_similarity(const char *a, size_t na, const char *b, size_t nb,
                          unsigned n) {
  uint64_t *sa, *sb;
  size_t ma = td__fp_shingles(a, na, n, &sa);
  size_t mb = td__fp_shingles(b, nb, n, &sb);
  double j = (ma && mb) ? td__fp_jaccard(sa, ma, sb, mb) : 0;
  free(sa);
  free(sb);
  return j;
}

/* ---- Signatures ---- */

/* MinHash by one-permutation hashing: each 5-gram hash falls in one of
 * K_BINS bins by its top bits and the bin keeps the least low 32 bits.
 * Empty bins (short articles) borrow the value of a bin chosen by a hash
 * sequence of the bin's index (optimal densification), identical for every
 * article, so two articles fill them alike. */
static void doc_bands(const word_list *wl, uint32_t bands[TD_FP_BANDS]) {
  uint32_t bin[K_BINS];
  uint8_t full[K_BINS] = {0};
  for (int i = 0; i < K_BINS; i++) bin[i] = UINT32_MAX;
  size_t n = wl->n >= TD_FP_SHINGLE ? wl->n - TD_FP_SHINGLE + 1 : 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t h = shingle_hash(wl->hash + i, TD_FP_SHINGLE);
    uint32_t b = (uint32_t)(((h >> 32) * (uint64_t)K_BINS) >> 32);
    uint32_t v = (uint32_t)h;
    if (v < bin[b]) bin[b] = v;
    full[b] = 1;
  }
  uint32_t dense[K_BINS];
  for (int i = 0; i < K_BINS; i++) {
    if (full[i]) {
      dense[i] = bin[i];
      continue;
    }
    uint32_t v = 0;
    for (uint64_t a = 1; a < 100000; a++) {
      uint64_t j = (fmix64(((uint64_t)i << 32) ^ a) >> 32) * K_BINS >> 32;
      if (full[j]) {
        v = bin[j];
        break;
      }
    }
    dense[i] = v;
  }
  for (int b = 0; b < TD_FP_BANDS; b++) {
    uint64_t h = 0x6a09e667f3bcc909ULL ^ (uint64_t)b;
    for (int r = 0; r < TD_FP_ROWS; r++)
      h = fmix64(h ^ ((uint64_t)dense[b * TD_FP_ROWS + r] << (r & 1 ? 32 : 0)));
    bands[b] = (uint32_t)h & KEY_MASK;
  }
}

/* Passage keys: TD_FP_PASSAGE_KEYS bands of two MinHash values each over
 * the passage's word 3-grams (two multiplicative permutations per band of a
 * well-mixed hash). */
static const uint64_t perm_mul[2 * TD_FP_PASSAGE_KEYS] = {
    0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL,
    0xd6e8feb86659fd93ULL};

static void passage_keys(const word_list *wl, size_t a, size_t b,
                         uint32_t keys[TD_FP_PASSAGE_KEYS]) {
  uint32_t m[2 * TD_FP_PASSAGE_KEYS];
  for (int j = 0; j < 2 * TD_FP_PASSAGE_KEYS; j++) m[j] = UINT32_MAX;
  for (size_t i = a; i + TD_FP_PASSAGE_SHINGLE <= b; i++) {
    uint64_t h = shingle_hash(wl->hash + i, TD_FP_PASSAGE_SHINGLE);
    for (int j = 0; j < 2 * TD_FP_PASSAGE_KEYS; j++) {
      uint32_t v = (uint32_t)((h * perm_mul[j]) >> 32);
      if (v < m[j]) m[j] = v;
    }
  }
  for (int k = 0; k < TD_FP_PASSAGE_KEYS; k++) {
    uint64_t h = ((uint64_t)m[2 * k] << 32 | m[2 * k + 1]) ^
                 (0x510e527fade682d1ULL * (uint64_t)(k + 1));
    keys[k] = (uint32_t)fmix64(h) & KEY_MASK;
  }
}

/* The index of the first word starting at or after byte off. */
static size_t word_at(const word_list *wl, uint32_t off) {
  size_t lo = 0, hi = wl->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (wl->start[mid] < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static void add_passage(td_fingerprint *fp, const word_list *wl, uint32_t start,
                        uint32_t end, uint32_t para, int32_t sent) {
  if (fp->n_passages >= TD_FP_MAX_PASSAGES) return;
  size_t a = word_at(wl, start), b = word_at(wl, end);
  if (b - a < TD_FP_PASSAGE_MIN_WORDS) return;
  td_passage *p = &fp->passages[fp->n_passages++];
  p->start = start;
  p->end = end;
  p->para = para;
  p->sent = sent;
  p->words = (uint32_t)(b - a);
  passage_keys(wl, a, b, p->keys);
}

/* Fingerprint text with paragraphs and sentences (either may be absent:
 * then the text is one paragraph). */
static td_fingerprint *fingerprint_text(const char *text, size_t len,
                                        const td_paragraph *paras,
                                        size_t n_paras,
                                        const td_sentence *sents,
                                        size_t n_sents) {
  td_fingerprint *fp = td_xcalloc(1, sizeof *fp);
  word_list wl = {0};
  words_of(text, len, &wl);
  fp->words = (uint32_t)wl.n;
  fp->shingles =
      wl.n >= TD_FP_SHINGLE ? (uint32_t)(wl.n - TD_FP_SHINGLE + 1) : 0;
  if (fp->shingles) doc_bands(&wl, fp->bands);
  fp->passages = td_xcalloc(TD_FP_MAX_PASSAGES, sizeof *fp->passages);
  if (n_paras == 0) {
    add_passage(fp, &wl, 0, (uint32_t)len, 0, -1);
  } else {
    for (size_t i = 0; i < n_paras; i++)
      add_passage(fp, &wl, paras[i].start, paras[i].end, (uint32_t)i, -1);
    for (size_t i = 0; i < n_paras; i++) {
      const td_paragraph *p = &paras[i];
      if (p->sent_end > n_sents || p->sent_end < p->sent_first + 3) continue;
      for (uint32_t s = p->sent_first; s < p->sent_end; s++) {
        size_t a = word_at(&wl, sents[s].start), b = word_at(&wl, sents[s].end);
        if (b - a >= LONG_SENTENCE_WORDS)
          add_passage(fp, &wl, sents[s].start, sents[s].end, (uint32_t)i,
                      (int32_t)s);
      }
    }
  }
  words_free(&wl);
  return fp;
}

void td_fingerprint_free(td_fingerprint *fp) {
  if (fp == NULL) return;
  free(fp->passages);
  free(fp);
}

void td_fingerprint_doc(td_doc *doc) {
  td_fingerprint_free(doc->fingerprint);
  doc->fingerprint = fingerprint_text(doc->text ? doc->text : "",
                                      doc->text ? doc->text_len : 0, doc->paras,
                                      doc->n_paras, doc->sents, doc->n_sents);
}

/* ---- In memory ---- */

typedef struct band_entry {
  uint64_t key; /* band index << 32 | band key */
  size_t doc;
} band_entry;

static int cmp_band_entry(const void *x, const void *y) {
  const band_entry *a = x, *b = y;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  return a->doc < b->doc ? -1 : a->doc > b->doc;
}

static int cmp_text_pair(const void *x, const void *y) {
  const td_text_pair *a = x, *b = y;
  if (a->a != b->a) return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

int td_dedup_texts(const char *const *texts, const size_t *lens, size_t n,
                   double threshold, td_text_pair **pairs, size_t *n_pairs,
                   td_dedup_stats *stats) {
  *pairs = NULL;
  *n_pairs = 0;
  if (threshold <= 0) threshold = TD_FP_THRESHOLD;
  if (threshold > 1) return TD_EARG;
  struct timespec t0, t1, t2, t3;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  band_entry *be = td_xmalloc((n * TD_FP_BANDS + 1) * sizeof *be);
  size_t nbe = 0, bytes = 0;
  word_list wl = {0};
  for (size_t i = 0; i < n; i++) {
    bytes += lens[i];
    words_of(texts[i], lens[i], &wl);
    if (wl.n < TD_FP_SHINGLE) continue;
    uint32_t bands[TD_FP_BANDS];
    doc_bands(&wl, bands);
    for (int b = 0; b < TD_FP_BANDS; b++)
      be[nbe++] = (band_entry){(uint64_t)b << 32 | bands[b], i};
  }
  words_free(&wl);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  /* Candidates: documents sharing a band key, each pair once. */
  qsort(be, nbe, sizeof *be, cmp_band_entry);
  td_text_pair *cand = NULL;
  size_t nc = 0, cap = 0;
  for (size_t i = 0; i < nbe;) {
    size_t j = i + 1;
    while (j < nbe && be[j].key == be[i].key) j++;
    for (size_t x = i; x < j; x++)
      for (size_t y = x + 1; y < j; y++) {
        if (nc == cap) {
          cap = cap ? 2 * cap : 1024;
          cand = td_xrealloc(cand, cap * sizeof *cand);
        }
        cand[nc++] = (td_text_pair){be[x].doc, be[y].doc, 0};
      }
    i = j;
  }
  free(be);
  if (nc) qsort(cand, nc, sizeof *cand, cmp_text_pair);
  size_t m = 0;
  for (size_t i = 0; i < nc; i++)
    if (m == 0 || cand[m - 1].a != cand[i].a || cand[m - 1].b != cand[i].b)
      cand[m++] = cand[i];
  nc = m;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t2);
  /* Verification by exact Jaccard; shingle sets made once, on demand. */
  uint64_t **sh = td_xcalloc(n + 1, sizeof *sh);
  size_t *nsh = td_xcalloc(n + 1, sizeof *nsh);
  uint8_t *have = td_xcalloc(n + 1, 1);
  size_t kept = 0;
  for (size_t i = 0; i < nc; i++) {
    size_t d[2] = {cand[i].a, cand[i].b};
    for (int k = 0; k < 2; k++)
      if (!have[d[k]]) {
        nsh[d[k]] =
            td__fp_shingles(texts[d[k]], lens[d[k]], TD_FP_SHINGLE, &sh[d[k]]);
        have[d[k]] = 1;
      }
    double j = td__fp_jaccard(sh[d[0]], nsh[d[0]], sh[d[1]], nsh[d[1]]);
    if (nsh[d[0]] && nsh[d[1]] && j >= threshold - 1e-12) {
      cand[kept] = cand[i];
      cand[kept++].similarity = j;
    }
  }
  for (size_t i = 0; i < n; i++) free(sh[i]);
  free(sh);
  free(nsh);
  free(have);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t3);
  if (stats) {
    stats->bytes = bytes;
    stats->candidates = nc;
    stats->fingerprint_s = (double)(t1.tv_sec - t0.tv_sec) +
                           (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    stats->candidates_s = (double)(t2.tv_sec - t1.tv_sec) +
                          (double)(t2.tv_nsec - t1.tv_nsec) / 1e9;
    stats->verify_s = (double)(t3.tv_sec - t2.tv_sec) +
                      (double)(t3.tv_nsec - t2.tv_nsec) / 1e9;
  }
  if (kept == 0) {
    free(cand);
    cand = NULL;
  }
  *pairs = cand;
  *n_pairs = kept;
  return 0;
}

/* ======================================================================
 * The store: keys, verified pairs, clusters, passage links.
 * ==================================================================== */

static const char *const fp_steps[] = {
    /* 0 -> 1 */
    "CREATE TABLE fp_doc (\n"
    "  article INTEGER PRIMARY KEY,\n"
    "  words INTEGER NOT NULL,\n"
    "  shingles INTEGER NOT NULL,\n"
    "  bands BLOB,\n"    /* TD_FP_BANDS x u32 LE, NULL without shingles */
    "  passages BLOB,\n" /* 16 bytes a passage, see pass_decode */
    "  cluster INTEGER,\n"
    "  repeated REAL NOT NULL DEFAULT 0,\n"
    "  pending INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE INDEX fp_doc_cluster ON fp_doc(cluster) WHERE cluster IS NOT "
    "NULL;\n"
    "CREATE INDEX fp_doc_pending ON fp_doc(pending) WHERE pending != 0;\n"
    "CREATE TABLE fp_band (key INTEGER NOT NULL, article INTEGER NOT NULL,\n"
    "  PRIMARY KEY (key, article)) WITHOUT ROWID;\n"
    "CREATE TABLE fp_pkey (key INTEGER NOT NULL, article INTEGER NOT NULL,\n"
    "  passage INTEGER NOT NULL,\n"
    "  PRIMARY KEY (key, article, passage)) WITHOUT ROWID;\n"
    "CREATE TABLE fp_pair (a INTEGER NOT NULL, b INTEGER NOT NULL,\n"
    "  similarity REAL NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;\n"
    "CREATE INDEX fp_pair_b ON fp_pair(b);\n"
    "CREATE TABLE fp_link (article INTEGER NOT NULL, passage INTEGER NOT "
    "NULL,\n"
    "  origin INTEGER NOT NULL, origin_passage INTEGER NOT NULL,\n"
    "  similarity REAL NOT NULL,\n"
    "  PRIMARY KEY (article, passage)) WITHOUT ROWID;\n"
    "CREATE INDEX fp_link_origin ON fp_link(origin, origin_passage);\n",
};

/* What end_batch still has to do for an article (fp_doc.pending). */
enum {
  PEND_DOC = 1,      /* find and verify near-duplicate candidates */
  PEND_PASSAGES = 2, /* link its unlinked passages */
  PEND_CLUSTER = 4,  /* recompute its cluster */
  PEND_ALL = 7
};

#define PASSAGE_BYTES 16

static void put_u16(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)v;
  p[1] = (unsigned char)(v >> 8);
}
static void put_u32(unsigned char *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}
static uint32_t get_u16(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}
static uint32_t get_u32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

/* A stored passage: para u16, sent u16 (0xffff for none), words u16,
 * unused u16, keys u32 x 2. Spans live in the paragraph and sentence
 * tables. */
typedef struct stored_passage {
  uint32_t para;
  int32_t sent;
  uint32_t words;
  uint32_t keys[TD_FP_PASSAGE_KEYS];
} stored_passage;

static size_t pass_decode(const void *blob, int bytes, stored_passage **out) {
  size_t n = bytes > 0 ? (size_t)bytes / PASSAGE_BYTES : 0;
  *out = n ? td_xcalloc(n, sizeof **out) : NULL;
  const unsigned char *p = blob;
  for (size_t i = 0; i < n; i++, p += PASSAGE_BYTES) {
    uint32_t s = get_u16(p + 2);
    (*out)[i].para = get_u16(p);
    (*out)[i].sent = s == 0xffff ? -1 : (int32_t)s;
    (*out)[i].words = get_u16(p + 4);
    for (int k = 0; k < TD_FP_PASSAGE_KEYS; k++)
      (*out)[i].keys[k] = get_u32(p + 8 + 4 * k);
  }
  return n;
}

static int fp_db_error(td_store *st, td_error *err, const char *what) {
  return td_error_set(err, TD_EDB, td__store_path(st), 0, "%s: %s", what,
                      sqlite3_errmsg(td__store_db(st)));
}

/* Prepare a cached statement or fail with the SQLite message. */
#define STMT(var, sql)                         \
  sqlite3_stmt *var = td__store_stmt(st, sql); \
  if (var == NULL) return fp_db_error(st, err, "preparing SQL")

static int run(td_store *st, sqlite3_stmt *s, td_error *err, const char *what) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  return rc == SQLITE_DONE ? 0 : fp_db_error(st, err, what);
}

static const char SQL_OLD[] =
    "SELECT bands, passages FROM fp_doc WHERE article = ?1";
static const char SQL_DEL_BAND[] =
    "DELETE FROM fp_band WHERE key = ?1 AND article = ?2";
static const char SQL_DEL_PKEY[] =
    "DELETE FROM fp_pkey WHERE key = ?1 AND article = ?2 AND passage = ?3";
static const char SQL_MARK_CLUSTER[] =
    "UPDATE fp_doc SET pending = pending | 4 WHERE cluster = "
    "(SELECT cluster FROM fp_doc WHERE article = ?1)";
static const char SQL_DEL_PAIRS[] =
    "DELETE FROM fp_pair WHERE a = ?1 OR b = ?1";
static const char SQL_MARK_RELINK[] =
    "UPDATE fp_doc SET pending = pending | 2 WHERE article IN "
    "(SELECT article FROM fp_link WHERE origin = ?1 OR "
    " (origin, origin_passage) IN (SELECT origin, origin_passage FROM "
    "  fp_link WHERE article = ?1))";
static const char SQL_DEL_GROUPS[] =
    "DELETE FROM fp_link WHERE (origin, origin_passage) IN "
    "(SELECT origin, origin_passage FROM fp_link WHERE article = ?1) "
    "OR origin = ?1";
static const char SQL_PUT_DOC[] =
    "INSERT OR REPLACE INTO fp_doc (article, words, shingles, bands, "
    "passages, cluster, repeated, pending) VALUES (?1, ?2, ?3, ?4, ?5, "
    "NULL, 0, 7)";
static const char SQL_PUT_BAND[] =
    "INSERT OR IGNORE INTO fp_band (key, article) VALUES (?1, ?2)";
static const char SQL_PUT_PKEY[] =
    "INSERT OR IGNORE INTO fp_pkey (key, article, passage) VALUES (?1, ?2, "
    "?3)";

/* Remove what the store holds about an earlier version of article art.
 * Groups of passages it belonged to are dissolved and their members
 * relinked by end_batch (simpler than deciding who the new origin is), and
 * its old cluster is recomputed. */
static int forget_doc(td_store *st, int64_t art, td_error *err) {
  STMT(old, SQL_OLD);
  sqlite3_bind_int64(old, 1, art);
  int rc = sqlite3_step(old);
  if (rc == SQLITE_DONE) {
    sqlite3_reset(old);
    return 0;
  }
  if (rc != SQLITE_ROW) {
    sqlite3_reset(old);
    return fp_db_error(st, err, "reading fingerprint");
  }
  uint32_t bands[TD_FP_BANDS];
  int nb = sqlite3_column_bytes(old, 0) / 4;
  const unsigned char *bb = sqlite3_column_blob(old, 0);
  for (int i = 0; i < nb && i < TD_FP_BANDS; i++)
    bands[i] = get_u32(bb + 4 * i);
  stored_passage *ps;
  size_t np = pass_decode(sqlite3_column_blob(old, 1),
                          sqlite3_column_bytes(old, 1), &ps);
  sqlite3_reset(old);
  sqlite3_stmt *db = td__store_stmt(st, SQL_DEL_BAND);
  if (db == NULL) {
    rc = fp_db_error(st, err, "preparing SQL");
    goto out;
  }
  for (int i = 0; i < nb && i < TD_FP_BANDS; i++) {
    sqlite3_bind_int64(db, 1, bands[i]);
    sqlite3_bind_int64(db, 2, art);
    if ((rc = run(st, db, err, "deleting band")) != 0) goto out;
  }
  sqlite3_stmt *dp = td__store_stmt(st, SQL_DEL_PKEY);
  if (dp == NULL) {
    rc = fp_db_error(st, err, "preparing SQL");
    goto out;
  }
  for (size_t i = 0; i < np; i++)
    for (int k = 0; k < TD_FP_PASSAGE_KEYS; k++) {
      sqlite3_bind_int64(dp, 1, ps[i].keys[k]);
      sqlite3_bind_int64(dp, 2, art);
      sqlite3_bind_int64(dp, 3, (sqlite3_int64)i);
      if ((rc = run(st, dp, err, "deleting passage key")) != 0) goto out;
    }
  static const char *const steps[] = {SQL_MARK_CLUSTER, SQL_DEL_PAIRS,
                                      SQL_MARK_RELINK, SQL_DEL_GROUPS};
  for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    sqlite3_stmt *s = td__store_stmt(st, steps[i]);
    if (s == NULL) {
      rc = fp_db_error(st, err, "preparing SQL");
      goto out;
    }
    sqlite3_bind_int64(s, 1, art);
    if ((rc = run(st, s, err, "replacing fingerprint")) != 0) goto out;
  }
out:
  free(ps);
  return rc;
}

static int fp_put_doc(td_store *st, int64_t art, const td_doc *doc,
                      td_error *err) {
  td_fingerprint *own = NULL;
  const td_fingerprint *fp = doc->fingerprint;
  if (fp == NULL)
    fp = own = fingerprint_text(doc->text ? doc->text : "",
                                doc->text ? doc->text_len : 0, doc->paras,
                                doc->n_paras, doc->sents, doc->n_sents);
  int rc = forget_doc(st, art, err);
  if (rc != 0) goto out;
  unsigned char bands[4 * TD_FP_BANDS];
  for (int i = 0; i < TD_FP_BANDS; i++) put_u32(bands + 4 * i, fp->bands[i]);
  unsigned char *pb = td_xcalloc(fp->n_passages + 1, PASSAGE_BYTES);
  for (size_t i = 0; i < fp->n_passages; i++) {
    unsigned char *p = pb + i * PASSAGE_BYTES;
    const td_passage *ps = &fp->passages[i];
    put_u16(p, ps->para > 0xfffe ? 0xfffe : ps->para);
    put_u16(p + 2,
            ps->sent < 0 || ps->sent > 0xfffe ? 0xffff : (uint32_t)ps->sent);
    put_u16(p + 4, ps->words > 0xffff ? 0xffff : ps->words);
    for (int k = 0; k < TD_FP_PASSAGE_KEYS; k++)
      put_u32(p + 8 + 4 * k, ps->keys[k]);
  }
  sqlite3_stmt *s = td__store_stmt(st, SQL_PUT_DOC);
  if (s == NULL) {
    free(pb);
    rc = fp_db_error(st, err, "preparing SQL");
    goto out;
  }
  sqlite3_bind_int64(s, 1, art);
  sqlite3_bind_int64(s, 2, fp->words);
  sqlite3_bind_int64(s, 3, fp->shingles);
  if (fp->shingles)
    sqlite3_bind_blob(s, 4, bands, sizeof bands, SQLITE_STATIC);
  else
    sqlite3_bind_null(s, 4);
  sqlite3_bind_blob(s, 5, pb, (int)(fp->n_passages * PASSAGE_BYTES),
                    SQLITE_STATIC);
  rc = run(st, s, err, "writing fingerprint");
  free(pb);
  if (rc != 0) goto out;
  if (fp->shingles) {
    sqlite3_stmt *b = td__store_stmt(st, SQL_PUT_BAND);
    if (b == NULL) {
      rc = fp_db_error(st, err, "preparing SQL");
      goto out;
    }
    for (int i = 0; i < TD_FP_BANDS && rc == 0; i++) {
      sqlite3_bind_int64(b, 1, fp->bands[i]);
      sqlite3_bind_int64(b, 2, art);
      rc = run(st, b, err, "writing band key");
    }
  }
  sqlite3_stmt *k = td__store_stmt(st, SQL_PUT_PKEY);
  if (k == NULL && rc == 0) rc = fp_db_error(st, err, "preparing SQL");
  for (size_t i = 0; i < fp->n_passages && rc == 0; i++)
    for (int j = 0; j < TD_FP_PASSAGE_KEYS && rc == 0; j++) {
      sqlite3_bind_int64(k, 1, fp->passages[i].keys[j]);
      sqlite3_bind_int64(k, 2, art);
      sqlite3_bind_int64(k, 3, (sqlite3_int64)i);
      rc = run(st, k, err, "writing passage key");
    }
out:
  td_fingerprint_free(own);
  return rc;
}

/* ---- end_batch ---- */

/* What end_batch knows about one article: loaded lazily, once a batch. */
typedef struct art_info {
  int64_t art;
  int loaded;
  char *id, *date; /* date NULL when undated */
  char *text;
  size_t len;
  uint32_t words;
  stored_passage *ps;
  size_t np;
  uint64_t *sh5; /* word 5-grams, loaded on demand */
  size_t n5;
  int have5;
  uint64_t **psh; /* per passage word 3-grams, on demand */
  size_t *pn;
  uint64_t **pnum; /* per passage numbers (all-digit words), with psh */
  size_t *pnn;
  int visited;
  size_t ci; /* index in the component being clustered */
} art_info;

/* Open-addressing map rowid -> art_info index. */
typedef struct art_map {
  art_info *v;
  size_t n, cap;
  int64_t *keys;
  size_t *slot;
  size_t nslots;
} art_map;

static size_t map_hash(int64_t k, size_t nslots) {
  return (size_t)(fmix64((uint64_t)k) & (nslots - 1));
}

static void map_rehash(art_map *m) {
  size_t ns = m->nslots ? m->nslots * 2 : 256;
  free(m->keys);
  free(m->slot);
  m->keys = td_xmalloc(ns * sizeof *m->keys);
  m->slot = td_xmalloc(ns * sizeof *m->slot);
  m->nslots = ns;
  for (size_t i = 0; i < ns; i++) m->slot[i] = SIZE_MAX;
  for (size_t i = 0; i < m->n; i++) {
    size_t h = map_hash(m->v[i].art, ns);
    while (m->slot[h] != SIZE_MAX) h = (h + 1) & (ns - 1);
    m->keys[h] = m->v[i].art;
    m->slot[h] = i;
  }
}

static art_info *map_get(art_map *m, int64_t art) {
  if (m->nslots) {
    size_t h = map_hash(art, m->nslots);
    while (m->slot[h] != SIZE_MAX) {
      if (m->keys[h] == art) return &m->v[m->slot[h]];
      h = (h + 1) & (m->nslots - 1);
    }
  }
  if (2 * (m->n + 1) > m->nslots) map_rehash(m);
  if (m->n == m->cap) {
    m->cap = m->cap ? 2 * m->cap : 64;
    m->v = td_xrealloc(m->v, m->cap * sizeof *m->v);
  }
  art_info *a = &m->v[m->n];
  memset(a, 0, sizeof *a);
  a->art = art;
  size_t h = map_hash(art, m->nslots);
  while (m->slot[h] != SIZE_MAX) h = (h + 1) & (m->nslots - 1);
  m->keys[h] = art;
  m->slot[h] = m->n++;
  return a;
}

static void map_free(art_map *m) {
  for (size_t i = 0; i < m->n; i++) {
    art_info *a = &m->v[i];
    free(a->id);
    free(a->date);
    free(a->text);
    free(a->sh5);
    for (size_t j = 0; a->psh && j < a->np; j++) free(a->psh[j]);
    for (size_t j = 0; a->pnum && j < a->np; j++) free(a->pnum[j]);
    free(a->pnum);
    free(a->pnn);
    free(a->psh);
    free(a->pn);
    free(a->ps);
  }
  free(m->v);
  free(m->keys);
  free(m->slot);
  memset(m, 0, sizeof *m);
}

static const char SQL_ART[] =
    "SELECT a.id, a.date, a.text, f.words, f.passages FROM article a "
    "JOIN fp_doc f ON f.article = a.rowid WHERE a.rowid = ?1";

/* The map entry of art, loaded; NULL (and err set) on a store error or
 * when the article is gone. Pointers into the map stay valid only until
 * the next lookup of a new article. */
static art_info *load(td_store *st, art_map *m, int64_t art, td_error *err) {
  art_info *a = map_get(m, art);
  if (a->loaded) return a;
  sqlite3_stmt *s = td__store_stmt(st, SQL_ART);
  if (s == NULL) {
    fp_db_error(st, err, "preparing SQL");
    return NULL;
  }
  sqlite3_bind_int64(s, 1, art);
  int rc = sqlite3_step(s);
  if (rc != SQLITE_ROW) {
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
      td_error_set(err, TD_EDB, td__store_path(st), 0,
                   "fingerprint of a missing article %lld", (long long)art);
    else
      fp_db_error(st, err, "reading article");
    return NULL;
  }
  const char *id = (const char *)sqlite3_column_text(s, 0);
  const char *date = (const char *)sqlite3_column_text(s, 1);
  a->id = td_xstrdup(id ? id : "");
  a->date = date ? td_xstrdup(date) : NULL;
  const char *text = (const char *)sqlite3_column_text(s, 2);
  a->len = (size_t)sqlite3_column_bytes(s, 2);
  a->text = td_xstrndup(text ? text : "", text ? a->len : 0);
  a->words = (uint32_t)sqlite3_column_int64(s, 3);
  a->np = pass_decode(sqlite3_column_blob(s, 4), sqlite3_column_bytes(s, 4),
                      &a->ps);
  sqlite3_reset(s);
  a->psh = td_xcalloc(a->np + 1, sizeof *a->psh);
  a->pn = td_xcalloc(a->np + 1, sizeof *a->pn);
  a->pnum = td_xcalloc(a->np + 1, sizeof *a->pnum);
  a->pnn = td_xcalloc(a->np + 1, sizeof *a->pnn);
  a->loaded = 1;
  return a;
}

/* Earlier in the store's order: date (undated last), then id. */
static int earlier(const art_info *x, const art_info *y) {
  if (x->date && y->date) {
    int c = strcmp(x->date, y->date);
    if (c) return c < 0;
  } else if (x->date || y->date) {
    return x->date != NULL;
  }
  int c = strcmp(x->id, y->id);
  if (c) return c < 0;
  return x->art < y->art;
}

/* The sorted distinct hashes of the all-digit words of t[0..n): the
 * numbers a passage states. A near repeat whose numbers differ (a new
 * casualty count, this week's money supply) is news, not background. */
static size_t number_set(const char *t, size_t n, uint64_t **out) {
  char buf[TD__FP_WORD_MAX];
  size_t pos = 0, start, len, m = 0, cap = 0;
  *out = NULL;
  while ((len = td__fp_word(t, n, &pos, &start, buf)) > 0) {
    size_t k = 0;
    while (k < len && td__is_digit((unsigned char)buf[k])) k++;
    if (k < len) continue;
    if (m == cap) {
      cap = cap ? 2 * cap : 8;
      *out = td_xrealloc(*out, cap * sizeof **out);
    }
    (*out)[m++] = XXH3_64bits(buf, len);
  }
  if (m == 0) return 0;
  qsort(*out, m, sizeof **out, td__cmp_u64);
  size_t u = 1;
  for (size_t k = 1; k < m; k++)
    if ((*out)[k] != (*out)[u - 1]) (*out)[u++] = (*out)[k];
  return u;
}

static const char SQL_PARA_SPAN[] =
    "SELECT start, end FROM paragraph WHERE article = ?1 AND idx = ?2";
static const char SQL_SENT_SPAN[] =
    "SELECT start, end FROM sentence WHERE article = ?1 AND idx = ?2";

/* The word 3-gram set of passage i of a (computed once). */
static int passage_shingles(td_store *st, art_info *a, size_t i,
                            td_error *err) {
  if (a->psh[i] || a->pn[i] == SIZE_MAX) return 0;
  const stored_passage *p = &a->ps[i];
  sqlite3_stmt *s =
      td__store_stmt(st, p->sent < 0 ? SQL_PARA_SPAN : SQL_SENT_SPAN);
  if (s == NULL) return fp_db_error(st, err, "preparing SQL");
  sqlite3_bind_int64(s, 1, a->art);
  sqlite3_bind_int64(s, 2, p->sent < 0 ? p->para : (uint32_t)p->sent);
  size_t start = 0, end = a->len;
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    start = (size_t)sqlite3_column_int64(s, 0);
    end = (size_t)sqlite3_column_int64(s, 1);
  }
  sqlite3_reset(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return fp_db_error(st, err, "reading passage");
  if (end > a->len) end = a->len;
  if (start > end) start = end;
  a->pn[i] = td__fp_shingles(a->text + start, end - start,
                             TD_FP_PASSAGE_SHINGLE, &a->psh[i]);
  if (a->pn[i] == 0) a->pn[i] = SIZE_MAX; /* none: never similar */
  a->pnn[i] = number_set(a->text + start, end - start, &a->pnum[i]);
  return 0;
}

/* Whether two passages state the same numbers (as sets). */
static int same_numbers(const art_info *a, size_t i, const art_info *b,
                        size_t j) {
  return a->pnn[i] == b->pnn[j] &&
         (a->pnn[i] == 0 ||
          memcmp(a->pnum[i], b->pnum[j], a->pnn[i] * sizeof(uint64_t)) == 0);
}

static void ensure_sh5(art_info *a) {
  if (a->have5) return;
  a->n5 = td__fp_shingles(a->text, a->len, TD_FP_SHINGLE, &a->sh5);
  a->have5 = 1;
}

typedef struct i64_vec {
  int64_t *v;
  size_t n, cap;
} i64_vec;
static void vpush(i64_vec *x, int64_t v) {
  if (x->n == x->cap) {
    x->cap = x->cap ? 2 * x->cap : 32;
    x->v = td_xrealloc(x->v, x->cap * sizeof *x->v);
  }
  x->v[x->n++] = v;
}
static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}
static void vuniq(i64_vec *x) {
  if (x->n == 0) return;
  qsort(x->v, x->n, sizeof *x->v, cmp_i64);
  size_t m = 1;
  for (size_t i = 1; i < x->n; i++)
    if (x->v[i] != x->v[m - 1]) x->v[m++] = x->v[i];
  x->n = m;
}

static const char SQL_PENDING[] =
    "SELECT article, pending, bands FROM fp_doc WHERE pending != 0 "
    "ORDER BY article";
static const char SQL_BAND_HITS[] =
    "SELECT article FROM fp_band WHERE key = ?1";
static const char SQL_PUT_PAIR[] =
    "INSERT OR REPLACE INTO fp_pair (a, b, similarity) VALUES (?1, ?2, ?3)";

typedef struct pending_doc {
  int64_t art;
  int flags;
  uint32_t bands[TD_FP_BANDS];
  int has_bands;
} pending_doc;

static const pending_doc *find_pending(const pending_doc *p, size_t n,
                                       int64_t art) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (p[mid].art < art)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && p[lo].art == art ? &p[lo] : NULL;
}

/* Candidates of pending article p by its band keys, verified. A pair of
 * two pending articles is verified once, by the later rowid. */
static int match_doc(td_store *st, art_map *m, const pending_doc *pd,
                     size_t npd, const pending_doc *p, i64_vec *dirty,
                     td_error *err) {
  i64_vec cand = {0};
  int rc = 0;
  STMT(hits, SQL_BAND_HITS);
  for (int b = 0; b < TD_FP_BANDS; b++) {
    sqlite3_bind_int64(hits, 1, p->bands[b]);
    int r;
    while ((r = sqlite3_step(hits)) == SQLITE_ROW) {
      int64_t c = sqlite3_column_int64(hits, 0);
      if (c == p->art) continue;
      const pending_doc *q = find_pending(pd, npd, c);
      if (q && (q->flags & PEND_DOC) && c > p->art) continue;
      vpush(&cand, c);
    }
    sqlite3_reset(hits);
    if (r != SQLITE_DONE) {
      free(cand.v);
      return fp_db_error(st, err, "reading band keys");
    }
  }
  vuniq(&cand);
  for (size_t i = 0; i < cand.n && rc == 0; i++) {
    art_info *c = load(st, m, cand.v[i], err);
    art_info *a = c ? load(st, m, p->art, err) : NULL;
    if (a == NULL) {
      rc = err ? err->code : TD_EDB;
      break;
    }
    c = map_get(m, cand.v[i]); /* a's load may have moved the map */
    ensure_sh5(a);
    ensure_sh5(c);
    if (a->n5 == 0 || c->n5 == 0) continue;
    double j = td__fp_jaccard(a->sh5, a->n5, c->sh5, c->n5);
    if (j < PAIR_FLOOR) continue;
    sqlite3_stmt *s = td__store_stmt(st, SQL_PUT_PAIR);
    if (s == NULL) {
      rc = fp_db_error(st, err, "preparing SQL");
      break;
    }
    sqlite3_bind_int64(s, 1, p->art < c->art ? p->art : c->art);
    sqlite3_bind_int64(s, 2, p->art < c->art ? c->art : p->art);
    sqlite3_bind_double(s, 3, j);
    rc = run(st, s, err, "writing pair");
    vpush(dirty, c->art);
  }
  free(cand.v);
  return rc;
}

static const char SQL_PKEY_HITS[] =
    "SELECT article, passage FROM fp_pkey WHERE key = ?1";
static const char SQL_LINK_OF[] =
    "SELECT origin, origin_passage FROM fp_link WHERE article = ?1 AND "
    "passage = ?2";
static const char SQL_PUT_LINK[] =
    "INSERT OR REPLACE INTO fp_link (article, passage, origin, "
    "origin_passage, similarity) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_ADD_LINK[] =
    "INSERT OR IGNORE INTO fp_link (article, passage, origin, "
    "origin_passage, similarity) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_MOVE_GROUP[] =
    "UPDATE fp_link SET origin = ?3, origin_passage = ?4 WHERE origin = ?1 "
    "AND origin_passage = ?2";

/* A passage of the store: article rowid and passage index. */
typedef struct pref {
  int64_t art;
  int64_t idx;
} pref;

/* The origin of passage r: its link's origin, or r itself when unlinked;
 * *linked says which. */
static int origin_of(td_store *st, pref r, pref *o, int *linked,
                     td_error *err) {
  STMT(s, SQL_LINK_OF);
  sqlite3_bind_int64(s, 1, r.art);
  sqlite3_bind_int64(s, 2, r.idx);
  int rc = sqlite3_step(s);
  *linked = rc == SQLITE_ROW;
  if (*linked) {
    o->art = sqlite3_column_int64(s, 0);
    o->idx = sqlite3_column_int64(s, 1);
  } else {
    *o = r;
  }
  sqlite3_reset(s);
  return rc == SQLITE_ROW || rc == SQLITE_DONE
             ? 0
             : fp_db_error(st, err, "reading passage link");
}

static int put_link(td_store *st, const char *sql, pref r, pref o, double sim,
                    td_error *err) {
  STMT(s, sql);
  sqlite3_bind_int64(s, 1, r.art);
  sqlite3_bind_int64(s, 2, r.idx);
  sqlite3_bind_int64(s, 3, o.art);
  sqlite3_bind_int64(s, 4, o.idx);
  sqlite3_bind_double(s, 5, sim);
  return run(st, s, err, "writing passage link");
}

typedef struct match {
  pref r;
  double sim;
} match;

/* Link the unlinked passages of pending article p to the passages they
 * repeat, merging groups and moving each group's origin to its earliest
 * passage. Articles whose share of repeated words changed go to dirty. */
static int link_passages(td_store *st, art_map *m, const pending_doc *pd,
                         size_t npd, int64_t p, i64_vec *dirty, td_error *err) {
  art_info *a = load(st, m, p, err);
  if (a == NULL) return err ? err->code : TD_EDB;
  size_t np = a->np;
  int rc = 0;
  i64_vec cand = {0};
  match *mt = NULL;
  size_t cap_mt = 0;
  for (size_t i = 0; i < np && rc == 0; i++) {
    pref me = {p, (int64_t)i}, o;
    int linked;
    if ((rc = origin_of(st, me, &o, &linked, err)) != 0) break;
    if (linked) continue;
    a = map_get(m, p);
    cand.n = 0;
    sqlite3_stmt *hits = td__store_stmt(st, SQL_PKEY_HITS);
    if (hits == NULL) {
      rc = fp_db_error(st, err, "preparing SQL");
      break;
    }
    for (int k = 0; k < TD_FP_PASSAGE_KEYS; k++) {
      sqlite3_bind_int64(hits, 1, a->ps[i].keys[k]);
      int r;
      while ((r = sqlite3_step(hits)) == SQLITE_ROW) {
        int64_t c = sqlite3_column_int64(hits, 0);
        int64_t ci = sqlite3_column_int64(hits, 1);
        if (c == p || ci < 0 || ci >= TD_FP_MAX_PASSAGES) continue;
        const pending_doc *q = find_pending(pd, npd, c);
        /* A later pending article finds this passage itself, unless its
         * passage is linked already (then it does not search). */
        if (q && (q->flags & PEND_PASSAGES) && c > p) {
          pref cr = {c, ci}, co;
          int lk;
          if ((rc = origin_of(st, cr, &co, &lk, err)) != 0) break;
          if (!lk) continue;
        }
        vpush(&cand, c * TD_FP_MAX_PASSAGES + ci);
      }
      sqlite3_reset(hits);
      if (r != SQLITE_DONE) rc = fp_db_error(st, err, "reading passage keys");
    }
    if (rc) break;
    vuniq(&cand);
    size_t nmt = 0;
    double best = 0;
    for (size_t j = 0; j < cand.n && rc == 0; j++) {
      int64_t c = cand.v[j] / TD_FP_MAX_PASSAGES;
      size_t ci = (size_t)(cand.v[j] % TD_FP_MAX_PASSAGES);
      art_info *ca = load(st, m, c, err);
      if (ca == NULL) {
        rc = err ? err->code : TD_EDB;
        break;
      }
      if (ci >= ca->np) continue;
      a = map_get(m, p);
      if ((rc = passage_shingles(st, a, i, err)) != 0 ||
          (rc = passage_shingles(st, ca, ci, err)) != 0)
        break;
      if (a->pn[i] == SIZE_MAX || ca->pn[ci] == SIZE_MAX) continue;
      double sim = td__fp_jaccard(a->psh[i], a->pn[i], ca->psh[ci], ca->pn[ci]);
      if (sim < TD_FP_PASSAGE_THRESHOLD) continue;
      if (sim < 1 && !same_numbers(a, i, ca, ci)) continue;
      if (nmt == cap_mt) {
        cap_mt = cap_mt ? 2 * cap_mt : 16;
        mt = td_xrealloc(mt, cap_mt * sizeof *mt);
      }
      mt[nmt++] = (match){{c, (int64_t)ci}, sim};
      if (sim > best) best = sim;
    }
    if (rc || nmt == 0) continue;
    /* The group's origin: the earliest of p's passage and every matched
     * passage's origin. */
    pref origins[1 + 64];
    size_t no = 0;
    pref neworig = me;
    for (size_t j = 0; j < nmt && rc == 0; j++) {
      pref oj;
      int lj;
      if ((rc = origin_of(st, mt[j].r, &oj, &lj, err)) != 0) break;
      int seen = 0;
      for (size_t k = 0; k < no; k++)
        if (origins[k].art == oj.art && origins[k].idx == oj.idx) seen = 1;
      if (!seen && no < 64) origins[no++] = oj;
      art_info *x = load(st, m, oj.art, err);
      art_info *y = x ? load(st, m, neworig.art, err) : NULL;
      if (y == NULL) {
        rc = err ? err->code : TD_EDB;
        break;
      }
      x = map_get(m, oj.art);
      if (x == y ? oj.idx < neworig.idx : earlier(x, y)) neworig = oj;
    }
    if (rc) break;
    for (size_t k = 0; k < no && rc == 0; k++) {
      if (origins[k].art == neworig.art && origins[k].idx == neworig.idx)
        continue;
      sqlite3_stmt *mv = td__store_stmt(st, SQL_MOVE_GROUP);
      if (mv == NULL) {
        rc = fp_db_error(st, err, "preparing SQL");
        break;
      }
      sqlite3_bind_int64(mv, 1, origins[k].art);
      sqlite3_bind_int64(mv, 2, origins[k].idx);
      sqlite3_bind_int64(mv, 3, neworig.art);
      sqlite3_bind_int64(mv, 4, neworig.idx);
      rc = run(st, mv, err, "moving passage group");
    }
    for (size_t j = 0; j < nmt && rc == 0; j++) {
      rc = put_link(st, SQL_ADD_LINK, mt[j].r, neworig, mt[j].sim, err);
      vpush(dirty, mt[j].r.art);
    }
    if (rc == 0) rc = put_link(st, SQL_PUT_LINK, me, neworig, best, err);
    if (rc == 0) rc = put_link(st, SQL_ADD_LINK, neworig, neworig, best, err);
    vpush(dirty, neworig.art);
    vpush(dirty, p);
  }
  free(cand.v);
  free(mt);
  return rc;
}

static const char SQL_PASSAGES_IF_LINKED[] =
    "SELECT passages FROM fp_doc WHERE article = ?1 AND EXISTS "
    "(SELECT 1 FROM fp_link WHERE article = ?1)";
static const char SQL_PASSAGES[] =
    "SELECT passages FROM fp_doc WHERE article = ?1";

/* The stored passages of art (only when it has links, if linked_only):
 * 1 and a->ps filled, 0 when none, TD_EDB on error. */
static int load_passages(td_store *st, int64_t art, int linked_only,
                         art_info *a) {
  sqlite3_stmt *s =
      td__store_stmt(st, linked_only ? SQL_PASSAGES_IF_LINKED : SQL_PASSAGES);
  if (s == NULL) return TD_EDB;
  sqlite3_bind_int64(s, 1, art);
  int r = sqlite3_step(s);
  memset(a, 0, sizeof *a);
  a->art = art;
  if (r == SQLITE_ROW)
    a->np = pass_decode(sqlite3_column_blob(s, 0), sqlite3_column_bytes(s, 0),
                        &a->ps);
  sqlite3_reset(s);
  if (r == SQLITE_ROW) return 1;
  return r == SQLITE_DONE ? 0 : TD_EDB;
}

static const char SQL_LINKS[] =
    "SELECT passage, origin, origin_passage, similarity FROM fp_link WHERE "
    "article = ?1";
static const char SQL_SET_SHARE[] =
    "UPDATE fp_doc SET repeated = min(1.0, ?2 / max(words, 1)) WHERE "
    "article = ?1 AND repeated != min(1.0, ?2 / max(words, 1))";

/* Words of article a in passages that have a link (shared material):
 * a linked paragraph counts whole, else its linked long sentences. */
static int shared_words(td_store *st, const art_info *a, uint32_t only_para,
                        double *shared, double *repeat, td_error *err) {
  STMT(s, SQL_LINKS);
  sqlite3_bind_int64(s, 1, a->art);
  uint8_t para_sh[TD_FP_MAX_PASSAGES] = {0}, para_rep[TD_FP_MAX_PASSAGES] = {0};
  uint8_t pas_sh[TD_FP_MAX_PASSAGES] = {0}, pas_rep[TD_FP_MAX_PASSAGES] = {0};
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    int64_t k = sqlite3_column_int64(s, 0);
    if (k < 0 || (size_t)k >= a->np) continue;
    int is_origin =
        sqlite3_column_int64(s, 1) == a->art && sqlite3_column_int64(s, 2) == k;
    pas_sh[k] = 1;
    pas_rep[k] = !is_origin;
  }
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) return fp_db_error(st, err, "reading links");
  double sh = 0, rp = 0;
  for (size_t k = 0; k < a->np; k++) {
    const stored_passage *p = &a->ps[k];
    if (only_para != UINT32_MAX && p->para != only_para) continue;
    if (p->sent < 0) {
      if (pas_sh[k]) {
        sh += p->words;
        para_sh[k] = 1;
      }
      if (pas_rep[k]) {
        rp += p->words;
        para_rep[k] = 1;
      }
    }
  }
  for (size_t k = 0; k < a->np; k++) {
    const stored_passage *p = &a->ps[k];
    if (p->sent < 0 || (only_para != UINT32_MAX && p->para != only_para))
      continue;
    int whole_sh = 0, whole_rep = 0;
    for (size_t q = 0; q < a->np; q++)
      if (a->ps[q].sent < 0 && a->ps[q].para == p->para) {
        whole_sh = para_sh[q];
        whole_rep = para_rep[q];
      }
    if (pas_sh[k] && !whole_sh) sh += p->words;
    if (pas_rep[k] && !whole_rep) rp += p->words;
  }
  *shared = sh;
  *repeat = rp;
  return 0;
}

/* ---- Clustering ----
 * Clusters are complete-linkage groups of the verified pairs at or above
 * the threshold: pairs are taken best first, and two groups merge only
 * when every pair across them is such a pair. So every two articles of a
 * cluster are near-duplicates themselves, never only through a chain of
 * edits (which connected components would allow). */

typedef struct pedge {
  size_t a, b; /* node indexes, a < b after partition() starts */
  double sim;
} pedge;

static const art_info *const *pe_info; /* qsort has no user pointer */

static int cmp_pedge_sim(const void *x, const void *y) {
  const pedge *p = x, *q = y;
  if (p->sim != q->sim) return p->sim > q->sim ? -1 : 1;
  int c = strcmp(pe_info[p->a]->id, pe_info[q->a]->id);
  if (c) return c;
  return strcmp(pe_info[p->b]->id, pe_info[q->b]->id);
}

static int cmp_pedge_key(const void *x, const void *y) {
  const pedge *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}

static int has_pedge(const pedge *byk, size_t ne, size_t x, size_t y) {
  pedge k = {x < y ? x : y, x < y ? y : x, 0};
  return bsearch(&k, byk, ne, sizeof *byk, cmp_pedge_key) != NULL;
}

/* Complete-linkage partition of n nodes by the edges e (all at or above
 * the threshold; reordered): label[i] gets the same value for the nodes
 * of one cluster. */
static void partition(size_t n, const art_info *const *info, pedge *e,
                      size_t ne, size_t *label) {
  for (size_t i = 0; i < ne; i++)
    if (e[i].a > e[i].b) {
      size_t t = e[i].a;
      e[i].a = e[i].b;
      e[i].b = t;
    }
  pedge *byk = td_xmalloc((ne + 1) * sizeof *byk);
  if (ne) {
    memcpy(byk, e, ne * sizeof *e);
    qsort(byk, ne, sizeof *byk, cmp_pedge_key);
    pe_info = info;
    qsort(e, ne, sizeof *e, cmp_pedge_sim);
    pe_info = NULL;
  }
  size_t *next = td_xmalloc((n + 1) * sizeof *next);
  size_t *tail = td_xmalloc((n + 1) * sizeof *tail);
  size_t *size = td_xmalloc((n + 1) * sizeof *size);
  for (size_t i = 0; i < n; i++) {
    label[i] = i;
    next[i] = SIZE_MAX;
    tail[i] = i;
    size[i] = 1;
  }
  for (size_t k = 0; k < ne; k++) {
    size_t ra = label[e[k].a], rb = label[e[k].b];
    if (ra == rb) continue;
    int ok = 1;
    for (size_t x = ra; x != SIZE_MAX && ok; x = next[x])
      for (size_t y = rb; y != SIZE_MAX && ok; y = next[y])
        ok = has_pedge(byk, ne, x, y);
    if (!ok) continue;
    if (size[ra] < size[rb]) {
      size_t t = ra;
      ra = rb;
      rb = t;
    }
    for (size_t y = rb; y != SIZE_MAX; y = next[y]) label[y] = ra;
    next[tail[ra]] = rb;
    tail[ra] = tail[rb];
    size[ra] += size[rb];
  }
  free(byk);
  free(next);
  free(tail);
  free(size);
}

static const char SQL_NEIGH[] =
    "SELECT b, similarity FROM fp_pair WHERE a = ?1 AND similarity >= ?2 "
    "UNION ALL "
    "SELECT a, similarity FROM fp_pair WHERE b = ?1 AND similarity >= ?2";
static const char SQL_SET_CLUSTER[] =
    "UPDATE fp_doc SET cluster = ?2 WHERE article = ?1";
static const char SQL_DONE[] =
    "UPDATE fp_doc SET pending = 0 WHERE pending != 0";

/* Recompute the cluster (connected component of pairs >= TD_FP_THRESHOLD)
 * holding art; its head is its earliest article. */
static const char SQL_HAS_NEIGH[] =
    "SELECT 1 FROM fp_pair WHERE (a = ?1 OR b = ?1) AND similarity >= ?2 "
    "LIMIT 1";
static const char SQL_CLEAR_CLUSTER[] =
    "UPDATE fp_doc SET cluster = NULL WHERE article = ?1 AND cluster IS NOT "
    "NULL";

static int recluster(td_store *st, art_map *m, int64_t art, td_error *err) {
  if (map_get(m, art)->visited) return 0;
  /* Most articles have no near-duplicate: settle them with two lookups. */
  STMT(h, SQL_HAS_NEIGH);
  sqlite3_bind_int64(h, 1, art);
  sqlite3_bind_double(h, 2, TD_FP_THRESHOLD - 1e-12);
  int hr = sqlite3_step(h);
  sqlite3_reset(h);
  if (hr != SQLITE_ROW && hr != SQLITE_DONE)
    return fp_db_error(st, err, "reading pairs");
  if (hr == SQLITE_DONE) {
    map_get(m, art)->visited = 1;
    STMT(c, SQL_CLEAR_CLUSTER);
    sqlite3_bind_int64(c, 1, art);
    return run(st, c, err, "writing cluster");
  }
  art_info *a = load(st, m, art, err);
  if (a == NULL) return err ? err->code : TD_EDB;
  a->visited = 1;
  a->ci = 0;
  i64_vec comp = {0};
  vpush(&comp, art);
  pedge *e = NULL;
  size_t ne = 0, cap = 0;
  int rc = 0;
  for (size_t i = 0; i < comp.n && rc == 0; i++) {
    sqlite3_stmt *s = td__store_stmt(st, SQL_NEIGH);
    if (s == NULL) {
      rc = fp_db_error(st, err, "preparing SQL");
      break;
    }
    sqlite3_bind_int64(s, 1, comp.v[i]);
    sqlite3_bind_double(s, 2, TD_FP_THRESHOLD - 1e-12);
    i64_vec nb = {0};
    double *sim = NULL;
    size_t capsim = 0;
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
      if (nb.n == capsim) {
        capsim = capsim ? 2 * capsim : 32;
        sim = td_xrealloc(sim, capsim * sizeof *sim);
      }
      sim[nb.n] = sqlite3_column_double(s, 1);
      vpush(&nb, sqlite3_column_int64(s, 0));
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE) rc = fp_db_error(st, err, "reading pairs");
    for (size_t j = 0; j < nb.n && rc == 0; j++) {
      art_info *x = load(st, m, nb.v[j], err);
      if (x == NULL) {
        rc = err ? err->code : TD_EDB;
        break;
      }
      if (!x->visited) {
        x->visited = 1;
        x->ci = comp.n;
        vpush(&comp, nb.v[j]);
      }
      if (x->ci > i) { /* each edge once, from its lower end */
        if (ne == cap) {
          cap = cap ? 2 * cap : 32;
          e = td_xrealloc(e, cap * sizeof *e);
        }
        e[ne++] = (pedge){i, x->ci, sim[j]};
      }
    }
    free(nb.v);
    free(sim);
  }
  size_t n = comp.n;
  const art_info **info = td_xmalloc((n + 1) * sizeof *info);
  size_t *label = td_xmalloc((n + 1) * sizeof *label);
  if (rc == 0) {
    for (size_t i = 0; i < n; i++) info[i] = map_get(m, comp.v[i]);
    partition(n, info, e, ne, label);
  }
  for (size_t i = 0; i < n && rc == 0; i++) {
    /* The head of i's cluster: its earliest member. */
    size_t head = SIZE_MAX, members = 0;
    for (size_t j = 0; j < n; j++)
      if (label[j] == label[i]) {
        members++;
        if (head == SIZE_MAX || earlier(info[j], info[head])) head = j;
      }
    sqlite3_stmt *s = td__store_stmt(st, SQL_SET_CLUSTER);
    if (s == NULL) {
      rc = fp_db_error(st, err, "preparing SQL");
      break;
    }
    sqlite3_bind_int64(s, 1, comp.v[i]);
    if (members > 1)
      sqlite3_bind_int64(s, 2, comp.v[head]);
    else
      sqlite3_bind_null(s, 2);
    rc = run(st, s, err, "writing cluster");
  }
  free(info);
  free(label);
  free(e);
  free(comp.v);
  return rc;
}

static int fp_end_batch(td_store *st, td_error *err) {
  pending_doc *pd = NULL;
  size_t npd = 0, cap = 0;
  STMT(s, SQL_PENDING);
  int r;
  while ((r = sqlite3_step(s)) == SQLITE_ROW) {
    if (npd == cap) {
      cap = cap ? 2 * cap : 64;
      pd = td_xrealloc(pd, cap * sizeof *pd);
    }
    pending_doc *p = &pd[npd++];
    memset(p, 0, sizeof *p);
    p->art = sqlite3_column_int64(s, 0);
    p->flags = sqlite3_column_int(s, 1);
    const unsigned char *b = sqlite3_column_blob(s, 2);
    if (b && sqlite3_column_bytes(s, 2) == 4 * TD_FP_BANDS) {
      p->has_bands = 1;
      for (int i = 0; i < TD_FP_BANDS; i++) p->bands[i] = get_u32(b + 4 * i);
    }
  }
  sqlite3_reset(s);
  if (r != SQLITE_DONE) {
    free(pd);
    return fp_db_error(st, err, "reading pending fingerprints");
  }
  if (npd == 0) return 0;
  art_map m = {0};
  i64_vec to_cluster = {0}, to_share = {0};
  int rc = 0;
  for (size_t i = 0; i < npd && rc == 0; i++) {
    if ((pd[i].flags & PEND_DOC) && pd[i].has_bands)
      rc = match_doc(st, &m, pd, npd, &pd[i], &to_cluster, err);
    if (pd[i].flags & (PEND_DOC | PEND_CLUSTER)) vpush(&to_cluster, pd[i].art);
  }
  for (size_t i = 0; i < npd && rc == 0; i++)
    if (pd[i].flags & PEND_PASSAGES) {
      rc = link_passages(st, &m, pd, npd, pd[i].art, &to_share, err);
      vpush(&to_share, pd[i].art);
    }
  for (size_t i = 0; i < to_cluster.n && rc == 0; i++)
    rc = recluster(st, &m, to_cluster.v[i], err);
  vuniq(&to_share);
  for (size_t i = 0; i < to_share.n && rc == 0; i++) {
    art_info a;
    int linked = load_passages(st, to_share.v[i], 1, &a);
    if (linked < 0) {
      rc = fp_db_error(st, err, "reading passages");
      break;
    }
    double sh = 0, rp = 0;
    if (linked) rc = shared_words(st, &a, UINT32_MAX, &sh, &rp, err);
    free(a.ps);
    if (rc) break;
    sqlite3_stmt *u = td__store_stmt(st, SQL_SET_SHARE);
    if (u == NULL) {
      rc = fp_db_error(st, err, "preparing SQL");
      break;
    }
    sqlite3_bind_int64(u, 1, to_share.v[i]);
    sqlite3_bind_double(u, 2, sh);
    rc = run(st, u, err, "writing repeated share");
  }
  if (rc == 0) {
    sqlite3_stmt *d = td__store_stmt(st, SQL_DONE);
    rc = d ? run(st, d, err, "finishing fingerprints")
           : fp_db_error(st, err, "preparing SQL");
  }
  map_free(&m);
  free(to_cluster.v);
  free(to_share.v);
  free(pd);
  return rc;
}

const td__schema td__schema_fingerprint = {"fingerprint", fp_steps,
                                           sizeof fp_steps / sizeof fp_steps[0],
                                           fp_put_doc, fp_end_batch};

/* ======================================================================
 * Queries
 * ==================================================================== */

int td__para_repeat(td_store *st, int64_t article_rowid, uint32_t para_idx,
                    td__para_repeat_info *out) {
  memset(out, 0, sizeof *out);
  /* Most paragraphs of most articles repeat nothing: one lookup says so. */
  art_info a;
  int rc = load_passages(st, article_rowid, 1, &a);
  if (rc <= 0) return rc;
  uint32_t pw = 0;
  for (size_t k = 0; k < a.np; k++)
    if (a.ps[k].sent < 0 && a.ps[k].para == para_idx) pw = a.ps[k].words;
  double sh = 0, rp = 0;
  rc = 0;
  if (pw == 0 || shared_words(st, &a, para_idx, &sh, &rp, NULL) != 0) {
    rc = pw == 0 ? 0 : TD_EDB;
    goto out;
  }
  out->shared = sh > 0;
  out->share = fmin(1.0, sh / pw);
  out->repeat = rp * 2 >= pw && rp > 0;
  /* The origin: the paragraph's own link first, else its best sentence's. */
  sqlite3_stmt *s = td__store_stmt(st, SQL_LINKS);
  if (s == NULL) {
    rc = TD_EDB;
    goto out;
  }
  sqlite3_bind_int64(s, 1, article_rowid);
  int best_whole = 0, r;
  int64_t op = 0;
  while ((r = sqlite3_step(s)) == SQLITE_ROW) {
    int64_t k = sqlite3_column_int64(s, 0);
    if (k < 0 || (size_t)k >= a.np || a.ps[k].para != para_idx) continue;
    int whole = a.ps[k].sent < 0;
    double sim = sqlite3_column_double(s, 3);
    if (out->origin &&
        (best_whole > whole || (best_whole == whole && sim <= out->similarity)))
      continue;
    best_whole = whole;
    out->origin = sqlite3_column_int64(s, 1);
    op = sqlite3_column_int64(s, 2);
    out->similarity = sim;
  }
  sqlite3_reset(s);
  if (r != SQLITE_DONE) {
    rc = TD_EDB;
    goto out;
  }
  if (out->origin) {
    art_info o;
    int ro = load_passages(st, out->origin, 0, &o);
    if (ro < 0) {
      rc = TD_EDB;
      goto out;
    }
    out->origin_para = op >= 0 && (size_t)op < o.np ? o.ps[op].para : 0;
    free(o.ps);
  }
out:
  free(a.ps);
  return rc;
}

int td__para_is_repeat(td_store *st, int64_t article_rowid, uint32_t para_idx) {
  td__para_repeat_info info;
  int rc = td__para_repeat(st, article_rowid, para_idx, &info);
  return rc < 0 ? rc : info.repeat;
}

/* ---- Clusters ---- */

typedef struct dup_edge {
  size_t a, b; /* node indexes */
  double sim;
} dup_edge;

typedef struct dup_ctx {
  art_map *m;
  size_t *root;
} dup_ctx;

static dup_ctx *sort_ctx; /* qsort has no user pointer in C11 */

static int cmp_node(const void *x, const void *y) {
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  size_t ra = sort_ctx->root[a], rb = sort_ctx->root[b];
  if (ra != rb) return ra < rb ? -1 : 1;
  const art_info *p = &sort_ctx->m->v[a], *q = &sort_ctx->m->v[b];
  return earlier(p, q) ? -1 : earlier(q, p) ? 1 : 0;
}

static int cmp_edge(const void *x, const void *y) {
  const dup_edge *a = x, *b = y;
  size_t ra = sort_ctx->root[a->a], rb = sort_ctx->root[b->a];
  if (ra != rb) return ra < rb ? -1 : 1;
  return a->sim > b->sim ? -1 : a->sim < b->sim;
}

typedef struct dup_group {
  size_t first, n;   /* nodes [first, first + n) of the sorted order */
  size_t efirst, en; /* edges */
} dup_group;

static int cmp_group(const void *x, const void *y) {
  const dup_group *a = x, *b = y;
  if (a->n != b->n) return a->n > b->n ? -1 : 1;
  return a->first < b->first ? -1 : a->first > b->first;
}

int td_dups_each(td_store *st, double threshold,
                 int (*fn)(void *ud, const td_dup_cluster *c), void *ud,
                 td_error *err) {
  if (threshold <= 0) threshold = TD_FP_THRESHOLD;
  if (threshold < PAIR_FLOOR || threshold > 1)
    return td_error_set(err, TD_EARG, NULL, 0,
                        "threshold %.3g out of range (%.2g to 1)", threshold,
                        PAIR_FLOOR);
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(td__store_db(st),
                         "SELECT p.a, p.b, p.similarity, x.id, x.date, "
                         "y.id, y.date FROM fp_pair p JOIN article x ON "
                         "x.rowid = p.a JOIN article y ON y.rowid = p.b "
                         "WHERE p.similarity >= ?1",
                         -1, &s, NULL) != SQLITE_OK)
    return fp_db_error(st, err, "listing pairs");
  sqlite3_bind_double(s, 1, threshold - 1e-12);
  art_map m = {0};
  dup_edge *e = NULL;
  size_t ne = 0, cap = 0;
  int r;
  while ((r = sqlite3_step(s)) == SQLITE_ROW) {
    size_t ix[2];
    for (int k = 0; k < 2; k++) {
      int64_t art = sqlite3_column_int64(s, k);
      art_info *a = map_get(&m, art);
      if (!a->loaded) {
        const char *id = (const char *)sqlite3_column_text(s, 3 + 2 * k);
        const char *date = (const char *)sqlite3_column_text(s, 4 + 2 * k);
        a->id = td_xstrdup(id ? id : "");
        a->date = date ? td_xstrdup(date) : NULL;
        a->loaded = 1;
      }
      ix[k] = (size_t)(a - m.v);
    }
    if (ne == cap) {
      cap = cap ? 2 * cap : 256;
      e = td_xrealloc(e, cap * sizeof *e);
    }
    e[ne++] = (dup_edge){ix[0], ix[1], sqlite3_column_double(s, 2)};
  }
  sqlite3_finalize(s);
  int rc = 0;
  if (r != SQLITE_DONE) rc = fp_db_error(st, err, "listing pairs");
  size_t n = m.n;
  size_t *root = td_xmalloc((n + 1) * sizeof *root);
  {
    const art_info **info = td_xmalloc((n + 1) * sizeof *info);
    for (size_t i = 0; i < n; i++) info[i] = &m.v[i];
    pedge *pe = td_xmalloc((ne + 1) * sizeof *pe);
    for (size_t i = 0; i < ne; i++) pe[i] = (pedge){e[i].a, e[i].b, e[i].sim};
    partition(n, info, pe, ne, root);
    free(pe);
    free(info);
  }
  /* Keep the pairs inside clusters (complete linkage drops the others). */
  size_t kept = 0;
  for (size_t i = 0; i < ne; i++)
    if (root[e[i].a] == root[e[i].b]) e[kept++] = e[i];
  ne = kept;
  size_t *order = td_xmalloc((n + 1) * sizeof *order);
  for (size_t i = 0; i < n; i++) order[i] = i;
  dup_ctx ctx = {&m, root};
  sort_ctx = &ctx;
  qsort(order, n, sizeof *order, cmp_node);
  if (ne) qsort(e, ne, sizeof *e, cmp_edge);
  sort_ctx = NULL;
  dup_group *g = td_xcalloc(n + 1, sizeof *g);
  size_t ng = 0;
  for (size_t i = 0, j = 0; i < n;) {
    size_t k = i;
    while (k < n && root[order[k]] == root[order[i]]) k++;
    g[ng].first = i;
    g[ng].n = k - i;
    while (j < ne && root[e[j].a] < root[order[i]]) j++;
    g[ng].efirst = j;
    while (j < ne && root[e[j].a] == root[order[i]]) j++;
    g[ng].en = j - g[ng].efirst;
    ng++;
    i = k;
  }
  qsort(g, ng, sizeof *g, cmp_group);
  const char **ids = td_xmalloc((n + 1) * sizeof *ids);
  td_dup_pair *pairs = td_xmalloc((ne + 1) * sizeof *pairs);
  for (size_t i = 0; i < ng && rc == 0; i++) {
    if (g[i].n < 2) continue; /* split off by complete linkage */
    td_dup_cluster c = {0};
    for (size_t k = 0; k < g[i].n; k++) ids[k] = m.v[order[g[i].first + k]].id;
    c.docs = ids;
    c.n_docs = g[i].n;
    c.similarity = 1;
    for (size_t k = 0; k < g[i].en; k++) {
      const dup_edge *x = &e[g[i].efirst + k];
      const art_info *a = &m.v[x->a], *b = &m.v[x->b];
      int ab = earlier(a, b);
      pairs[k] = (td_dup_pair){ab ? a->id : b->id, ab ? b->id : a->id, x->sim};
      if (x->sim < c.similarity) c.similarity = x->sim;
    }
    c.pairs = pairs;
    c.n_pairs = g[i].en;
    if (fn(ud, &c) != 0) break;
  }
  free(ids);
  free(pairs);
  free(g);
  free(order);
  free(root);
  free(e);
  map_free(&m);
  return rc;
}

/* ---- Passage links ---- */

static int passage_span(td_store *st, const art_info *a, size_t i,
                        size_t *start, size_t *end) {
  const stored_passage *p = &a->ps[i];
  sqlite3_stmt *s =
      td__store_stmt(st, p->sent < 0 ? SQL_PARA_SPAN : SQL_SENT_SPAN);
  if (s == NULL) return TD_EDB;
  sqlite3_bind_int64(s, 1, a->art);
  sqlite3_bind_int64(s, 2, p->sent < 0 ? p->para : (uint32_t)p->sent);
  *start = 0;
  *end = a->len;
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    *start = (size_t)sqlite3_column_int64(s, 0);
    *end = (size_t)sqlite3_column_int64(s, 1);
  }
  sqlite3_reset(s);
  if (*end > a->len) *end = a->len;
  if (*start > *end) *start = *end;
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : TD_EDB;
}

int td_repeats_each(td_store *st, int (*fn)(void *ud, const td_passage_link *l),
                    void *ud, td_error *err) {
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(
          td__store_db(st),
          "SELECT l.article, l.passage, l.origin, l.origin_passage, "
          "l.similarity FROM fp_link l JOIN article a ON a.rowid = l.article "
          "WHERE NOT (l.article = l.origin AND l.passage = l.origin_passage) "
          "ORDER BY a.date IS NULL, a.date, a.id, l.passage",
          -1, &s, NULL) != SQLITE_OK)
    return fp_db_error(st, err, "listing repeats");
  art_map m = {0};
  int r, rc = 0;
  while ((r = sqlite3_step(s)) == SQLITE_ROW) {
    int64_t art = sqlite3_column_int64(s, 0), org = sqlite3_column_int64(s, 2);
    size_t pi = (size_t)sqlite3_column_int64(s, 1);
    size_t oi = (size_t)sqlite3_column_int64(s, 3);
    art_info *o = load(st, &m, org, err);
    art_info *a = o ? load(st, &m, art, err) : NULL;
    if (a == NULL) {
      rc = err ? err->code : TD_EDB;
      break;
    }
    o = map_get(&m, org);
    if (pi >= a->np || oi >= o->np) continue;
    if (a->ps[pi].sent >= 0) {
      /* A sentence of a paragraph that repeats as a whole says nothing
       * more. */
      int whole = 0;
      for (size_t k = 0; k < a->np && !whole; k++)
        if (a->ps[k].sent < 0 && a->ps[k].para == a->ps[pi].para) {
          pref me = {art, (int64_t)k}, ok;
          if (origin_of(st, me, &ok, &whole, err) != 0) {
            rc = err ? err->code : TD_EDB;
            break;
          }
        }
      if (rc) break;
      if (whole) continue;
    }
    size_t ps, pe;
    if (passage_span(st, a, pi, &ps, &pe) != 0) {
      rc = fp_db_error(st, err, "reading passage");
      break;
    }
    char *text = td_xstrndup(a->text + ps, pe - ps);
    td_passage_link l = {a->id,
                         o->id,
                         a->ps[pi].para,
                         o->ps[oi].para,
                         a->ps[pi].sent,
                         o->ps[oi].sent,
                         sqlite3_column_double(s, 4),
                         text};
    int stop = fn(ud, &l);
    free(text);
    if (stop) break;
  }
  if (rc == 0 && r != SQLITE_ROW && r != SQLITE_DONE)
    rc = fp_db_error(st, err, "listing repeats");
  sqlite3_finalize(s);
  map_free(&m);
  return rc;
}

/* ---- Paraphrases ---- */

/* The hashes of the stopwords in data/stopwords.txt, sorted; missing file:
 * none (every word counts). */
static size_t load_stopwords(uint64_t **out) {
  *out = NULL;
  td__lines lr;
  size_t n = 0, cap = 0;
  char *line;
  td__lines_open(&lr, NULL, "stopwords.txt", NULL); /* none: no stopwords */
  while ((line = td__lines_entry(&lr)) != NULL) {
    size_t pos = 0, s;
    char buf[TD__FP_WORD_MAX];
    size_t len = td__fp_word(line, strlen(line), &pos, &s, buf);
    if (len == 0) continue;
    if (n == cap) {
      cap = cap ? 2 * cap : 256;
      *out = td_xrealloc(*out, cap * sizeof **out);
    }
    (*out)[n++] = XXH3_64bits(buf, len);
  }
  td__lines_close(&lr);
  if (n) qsort(*out, n, sizeof **out, td__cmp_u64);
  return n;
}

static int has_u64(const uint64_t *v, size_t n, uint64_t x) {
  size_t i = td__u64_lower_bound(v, n, x);
  return i < n && v[i] == x;
}

typedef struct para_rec {
  size_t art; /* index in the map */
  uint32_t para, start, end;
  uint64_t *w; /* sorted distinct content-word hashes */
  size_t nw;
} para_rec;

typedef struct posting {
  uint64_t h;
  size_t rec;
} posting;

static int cmp_posting(const void *x, const void *y) {
  const posting *a = x, *b = y;
  if (a->h != b->h) return a->h < b->h ? -1 : 1;
  return a->rec < b->rec ? -1 : a->rec > b->rec;
}

typedef struct para_hit {
  size_t p, q;
  double sim;
} para_hit;

static art_map *hit_map;
static para_rec *hit_recs;
static int cmp_hit(const void *x, const void *y) {
  const para_hit *a = x, *b = y;
  const art_info *pa = &hit_map->v[hit_recs[a->p].art];
  const art_info *pb = &hit_map->v[hit_recs[b->p].art];
  if (pa != pb) return earlier(pa, pb) ? -1 : 1;
  return hit_recs[a->p].para < hit_recs[b->p].para ? -1 : 1;
}

#define PARAPHRASE_MIN_WORDS 8

static const char SQL_PARAS_OF[] =
    "SELECT idx, start, end FROM paragraph WHERE article = ?1 ORDER BY idx";
static const char SQL_TEXT_OF[] = "SELECT text FROM article WHERE rowid = ?1";

static char *text_of(td_store *st, int64_t art, size_t *len) {
  sqlite3_stmt *s = td__store_stmt(st, SQL_TEXT_OF);
  *len = 0;
  if (s == NULL) return NULL;
  sqlite3_bind_int64(s, 1, art);
  char *t = NULL;
  if (sqlite3_step(s) == SQLITE_ROW) {
    *len = (size_t)sqlite3_column_bytes(s, 0);
    const char *x = (const char *)sqlite3_column_text(s, 0);
    t = td_xstrndup(x ? x : "", x ? *len : 0);
  }
  sqlite3_reset(s);
  return t;
}

int td_paraphrases_each(td_store *st, double min_sim,
                        int (*fn)(void *ud, const td_passage_link *l), void *ud,
                        td_error *err) {
  if (min_sim <= 0) min_sim = 0.3;
  uint64_t *stop;
  size_t nstop = load_stopwords(&stop);
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(td__store_db(st),
                         "SELECT rowid, id, date, text FROM article ORDER BY "
                         "rowid",
                         -1, &s, NULL) != SQLITE_OK) {
    free(stop);
    return fp_db_error(st, err, "listing articles");
  }
  art_map m = {0};
  para_rec *recs = NULL;
  size_t nrec = 0, cap = 0;
  word_list wl = {0};
  int r, rc = 0;
  while (rc == 0 && (r = sqlite3_step(s)) == SQLITE_ROW) {
    art_info *a = map_get(&m, sqlite3_column_int64(s, 0));
    const char *id = (const char *)sqlite3_column_text(s, 1);
    const char *date = (const char *)sqlite3_column_text(s, 2);
    a->id = td_xstrdup(id ? id : "");
    a->date = date ? td_xstrdup(date) : NULL;
    a->loaded = 1;
    size_t ai = (size_t)(a - m.v);
    const char *text = (const char *)sqlite3_column_text(s, 3);
    size_t len = (size_t)sqlite3_column_bytes(s, 3);
    if (text == NULL) continue;
    sqlite3_stmt *ps = td__store_stmt(st, SQL_PARAS_OF);
    if (ps == NULL) {
      rc = fp_db_error(st, err, "preparing SQL");
      break;
    }
    sqlite3_bind_int64(ps, 1, m.v[ai].art);
    while (sqlite3_step(ps) == SQLITE_ROW) {
      uint32_t idx = (uint32_t)sqlite3_column_int64(ps, 0);
      size_t st0 = (size_t)sqlite3_column_int64(ps, 1);
      size_t en = (size_t)sqlite3_column_int64(ps, 2);
      if (en > len) en = len;
      if (st0 > en) st0 = en;
      words_of(text + st0, en - st0, &wl);
      uint64_t *w = td_xmalloc((wl.n + 1) * sizeof *w);
      size_t nw = 0;
      for (size_t i = 0; i < wl.n; i++)
        if (!has_u64(stop, nstop, wl.hash[i])) w[nw++] = wl.hash[i];
      qsort(w, nw, sizeof *w, td__cmp_u64);
      size_t u = 0;
      for (size_t i = 0; i < nw; i++)
        if (u == 0 || w[u - 1] != w[i]) w[u++] = w[i];
      if (u < PARAPHRASE_MIN_WORDS) {
        free(w);
        continue;
      }
      if (nrec == cap) {
        cap = cap ? 2 * cap : 256;
        recs = td_xrealloc(recs, cap * sizeof *recs);
      }
      recs[nrec++] = (para_rec){ai, idx, (uint32_t)st0, (uint32_t)en, w, u};
    }
    sqlite3_reset(ps);
  }
  sqlite3_finalize(s);
  words_free(&wl);
  /* The inverted index, and the best earlier-article match of each
   * paragraph by content-word Jaccard. Candidates share a word found in
   * at most 0.1% of the paragraphs (at least 30): two paraphrases share
   * names and rare words, and common words would make this quadratic. */
  size_t np = 0;
  for (size_t i = 0; i < nrec; i++) np += recs[i].nw;
  posting *post = td_xmalloc((np + 1) * sizeof *post);
  np = 0;
  for (size_t i = 0; i < nrec; i++)
    for (size_t k = 0; k < recs[i].nw; k++)
      post[np++] = (posting){recs[i].w[k], i};
  qsort(post, np, sizeof *post, cmp_posting);
  size_t df_cap = nrec / 1000 > 30 ? nrec / 1000 : 30;
  uint32_t *cnt = td_xcalloc(nrec + 1, sizeof *cnt);
  size_t *touched = td_xmalloc((nrec + 1) * sizeof *touched);
  para_hit *hits = NULL;
  size_t nhit = 0, caph = 0;
  for (size_t p = 0; p < nrec && rc == 0; p++) {
    size_t nt = 0;
    for (size_t k = 0; k < recs[p].nw; k++) {
      uint64_t h = recs[p].w[k];
      size_t lo = 0, hi = np;
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (post[mid].h < h)
          lo = mid + 1;
        else
          hi = mid;
      }
      size_t e = lo;
      while (e < np && post[e].h == h) e++;
      if (e - lo > df_cap) continue;
      for (size_t j = lo; j < e; j++) {
        size_t q = post[j].rec;
        if (recs[q].art == recs[p].art) continue;
        if (cnt[q]++ == 0) touched[nt++] = q;
      }
    }
    size_t best = SIZE_MAX;
    double bj = 0;
    for (size_t t = 0; t < nt; t++) {
      size_t q = touched[t];
      cnt[q] = 0;
      if (!earlier(&m.v[recs[q].art], &m.v[recs[p].art])) continue;
      /* Rare words found the candidate; all words measure it. */
      double j = td__fp_jaccard(recs[p].w, recs[p].nw, recs[q].w, recs[q].nw);
      if (j > bj) {
        bj = j;
        best = q;
      }
    }
    if (best == SIZE_MAX || bj < min_sim) continue;
    if (nhit == caph) {
      caph = caph ? 2 * caph : 64;
      hits = td_xrealloc(hits, caph * sizeof *hits);
    }
    hits[nhit++] = (para_hit){p, best, bj};
  }
  hit_map = &m;
  hit_recs = recs;
  if (nhit) qsort(hits, nhit, sizeof *hits, cmp_hit);
  hit_map = NULL;
  hit_recs = NULL;
  for (size_t i = 0; i < nhit && rc == 0; i++) {
    const para_rec *p = &recs[hits[i].p], *q = &recs[hits[i].q];
    size_t lp, lq;
    char *tp = text_of(st, m.v[p->art].art, &lp);
    char *tq = text_of(st, m.v[q->art].art, &lq);
    if (tp && tq && p->end <= lp && q->end <= lq) {
      /* A repeat is reported by td_repeats_each, not here. */
      double rep =
          td_text_similarity(tp + p->start, p->end - p->start, tq + q->start,
                             q->end - q->start, TD_FP_PASSAGE_SHINGLE);
      if (rep < TD_FP_PASSAGE_THRESHOLD) {
        char *text = td_xstrndup(tp + p->start, p->end - p->start);
        td_passage_link l = {m.v[p->art].id,
                             m.v[q->art].id,
                             p->para,
                             q->para,
                             -1,
                             -1,
                             hits[i].sim,
                             text};
        int stop_now = fn(ud, &l);
        free(text);
        if (stop_now) {
          free(tp);
          free(tq);
          break;
        }
      }
    }
    free(tp);
    free(tq);
  }
  for (size_t i = 0; i < nrec; i++) free(recs[i].w);
  free(recs);
  free(post);
  free(cnt);
  free(touched);
  free(hits);
  free(stop);
  map_free(&m);
  return rc;
}
