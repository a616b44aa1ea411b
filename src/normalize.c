/*
 * normalize.c - stage 2a, normalize: makes a document's text from its raw
 * bytes.
 *
 * Reads td_doc.raw and produces td_doc.text, valid UTF-8 in NFC with LF
 * line ends and one form of quotes, dashes and spaces (the rules live in
 * data/charmap.tsv, loaded once), plus td_doc.offmap, the raw offset of
 * every text byte. Invalid UTF-8 becomes U+FFFD with a warning naming the
 * origin file and line.
 *
 * Speed: news text is mostly ASCII, so runs of plain ASCII are copied
 * with memcpy and never reach utf8proc; only runs of non-ASCII code
 * points are decoded, and only those that could change under NFC (marks,
 * characters with a canonical decomposition, conjoining jamo) go through
 * utf8proc_map.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

/* ---- UTF-8 ------------------------------------------------------------ */

int td__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c < 0xC2) return 0; /* continuation byte or overlong 2-byte lead */
  if (c < 0xE0) {
    if (n < 2 || (s[1] & 0xC0) != 0x80) return 0;
    *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
    *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
          (s[2] & 0x3F);
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;  /* overlong */
    if (c == 0xF4 && s[1] >= 0x90) return 0; /* above U+10FFFF */
    *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
          ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
  }
  return 0;
}

int td__utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t td__utf8_valid_prefix(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    int l = td__utf8_decode(u + i, n - i, &cp);
    if (l == 0) return i;
    i += (size_t)l;
  }
  return n;
}

size_t td__utf8_repair(const char *s, size_t n, td__buf *out,
                       size_t *first_bad) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, done = 0, bad = 0;
  td__buf_reserve(out, n + 16);
  while (i < n) {
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    int l = td__utf8_decode(u + i, n - i, &cp);
    if (l > 0) {
      i += (size_t)l;
      continue;
    }
    if (bad == 0 && first_bad) *first_bad = i;
    bad++;
    td__buf_put(out, s + done, i - done);
    td__buf_put(out, "\xEF\xBF\xBD", 3);
    done = ++i;
  }
  td__buf_put(out, s + done, n - done);
  if (bad == 0 && first_bad) *first_bad = n;
  return bad;
}

/* ---- The character map (data/charmap.tsv) ----------------------------- */

typedef struct charmap_rule {
  uint32_t cp;
  uint32_t order;              /* line order: later rules win */
  uint16_t repl_off, repl_len; /* replacement in charmap.pool */
} charmap_rule;

static struct {
  charmap_rule *rules; /* sorted by cp, one per cp */
  size_t n;
  char *pool;
  char problem[1200]; /* why loading failed, reported once; "" if fine */
} charmap;
/* Bit cp set: the BMP code point cp passes through unchanged (no charmap
 * rule, cannot change or combine under NFC). Built once with the map, so
 * the common non-ASCII letters cost one bit test each. */
static uint64_t bmp_unchanged[0x10000 / 64];
static pthread_once_t charmap_once = PTHREAD_ONCE_INIT;
static atomic_flag charmap_reported = ATOMIC_FLAG_INIT;

static int rule_cmp(const void *a, const void *b) {
  const charmap_rule *x = a, *y = b;
  if (x->cp != y->cp) return x->cp < y->cp ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static int parse_cp(const char **p, uint32_t *cp) {
  const char *s = *p;
  if (s[0] != 'U' || s[1] != '+') return 0;
  char *end;
  unsigned long v = strtoul(s + 2, &end, 16);
  if (end == s + 2 || v > 0x10FFFF) return 0;
  *cp = (uint32_t)v;
  *p = end;
  return 1;
}

static bool may_change_nfc(uint32_t cp);

static void charmap_load(void) {
  td__buf pool = {0};
  td__lines lr;
  td_error err = {0};
  if (td__lines_open(&lr, NULL, "charmap.tsv", &err) != 0) {
    snprintf(charmap.problem, sizeof charmap.problem,
             "%.600s: %.200s: quotes, dashes and spaces are not unified",
             err.file, err.msg);
    td__lines_close(&lr);
    return;
  }
  size_t cap = 0;
  char *line;
  while ((line = td__lines_next(&lr)) != NULL) {
    if (line[0] == '\0' || line[0] == '#') continue;
    const char *p = line;
    uint32_t lo, hi;
    int ok = parse_cp(&p, &lo);
    hi = lo;
    if (ok && p[0] == '.' && p[1] == '.') {
      p += 2;
      ok = parse_cp(&p, &hi) && hi >= lo && hi - lo < 4096;
    }
    ok = ok && *p == '\t';
    td__buf repl = {0};
    if (ok) {
      p++;
      /* Tokens up to a tab or the end. */
      size_t fl = strcspn(p, "\t");
      const char *fe = p + fl;
      while (p < fe && ok) {
        size_t tl = strcspn(p, " \t");
        if (tl > (size_t)(fe - p)) tl = (size_t)(fe - p);
        if (tl == 0) {
          ok = 0;
        } else if (tl == 5 && memcmp(p, "space", 5) == 0) {
          td__buf_putc(&repl, ' ');
        } else if (tl == 7 && memcmp(p, "newline", 7) == 0) {
          td__buf_putc(&repl, '\n');
        } else if (tl == 4 && memcmp(p, "drop", 4) == 0) {
        } else {
          for (size_t k = 0; k < tl; k++)
            if ((unsigned char)p[k] < 0x21 || (unsigned char)p[k] > 0x7E)
              ok = 0;
          td__buf_put(&repl, p, tl);
        }
        p += tl;
        if (p < fe && *p == ' ') p++;
      }
      if (ok && repl.len > 16) ok = 0;
    }
    if (!ok) {
      if (charmap.problem[0] == '\0')
        snprintf(charmap.problem, sizeof charmap.problem,
                 "%.1000s:%ld: malformed rule skipped", lr.path, lr.line);
      td__buf_free(&repl);
      continue;
    }
    for (uint32_t cp = lo; cp <= hi; cp++) {
      if (charmap.n == cap) {
        cap = cap ? cap * 2 : 128;
        charmap.rules = td_xrealloc(charmap.rules, cap * sizeof *charmap.rules);
      }
      charmap.rules[charmap.n++] = (charmap_rule){
          cp, (uint32_t)charmap.n, (uint16_t)pool.len, (uint16_t)repl.len};
    }
    td__buf_put(&pool, repl.data ? repl.data : "", repl.len);
    td__buf_free(&repl);
  }
  td__lines_close(&lr);
  qsort(charmap.rules, charmap.n, sizeof *charmap.rules, rule_cmp);
  /* Keep the last rule of each code point. */
  size_t w = 0;
  for (size_t i = 0; i < charmap.n; i++) {
    if (i + 1 < charmap.n && charmap.rules[i + 1].cp == charmap.rules[i].cp)
      continue;
    charmap.rules[w++] = charmap.rules[i];
  }
  charmap.n = w;
  charmap.pool = td__buf_detach(&pool, NULL);
  size_t r = 0;
  for (uint32_t cp = 0x80; cp < 0x10000; cp++) {
    while (r < charmap.n && charmap.rules[r].cp < cp) r++;
    bool ruled = r < charmap.n && charmap.rules[r].cp == cp;
    if (!ruled && !(cp >= 0xD800 && cp <= 0xDFFF) && !may_change_nfc(cp))
      bmp_unchanged[cp / 64] |= 1ull << (cp % 64);
  }
}

static const charmap_rule *charmap_find(uint32_t cp) {
  size_t lo = 0, hi = charmap.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (charmap.rules[mid].cp < cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (lo < charmap.n && charmap.rules[lo].cp == cp) ? &charmap.rules[lo]
                                                        : NULL;
}

/* ---- Normalization ---------------------------------------------------- */

/* The output under construction and scratch space for non-ASCII runs. */
typedef struct norm {
  char *t;
  uint32_t *m; /* raw offset of each byte of t */
  size_t len, cap;
  uint32_t *cps, *offs; /* code points of the current run, raw offsets */
  uint32_t *cps2, *offs2;
  size_t rcap, rcap2;
  size_t n_invalid, ctrl;
  unsigned warned;
  /* Line counting for warnings: raw[0..line_pos) holds line_no - 1
   * newlines beyond doc->line. */
  size_t line_pos;
  long line_no;
} norm;

static void out_reserve(norm *o, size_t k) {
  if (o->len + k + 1 <= o->cap) return;
  size_t cap = o->cap ? o->cap : 64;
  while (cap < o->len + k + 1) cap *= 2;
  o->t = td_xrealloc(o->t, cap);
  o->m = td_xrealloc(o->m, cap * sizeof *o->m);
  o->cap = cap;
}

static void out_byte(norm *o, char c, size_t off) {
  out_reserve(o, 1);
  o->t[o->len] = c;
  o->m[o->len++] = (uint32_t)off;
}

static void run_reserve(uint32_t **a, uint32_t **b, size_t *cap, size_t n) {
  if (n <= *cap) return;
  size_t c = *cap ? *cap : 64;
  while (c < n) c *= 2;
  *a = td_xrealloc(*a, c * sizeof **a);
  *b = td_xrealloc(*b, c * sizeof **b);
  *cap = c;
}

/* The line of raw byte pos in the origin file. */
static long line_of(norm *o, const td_doc *doc, size_t pos) {
  const char *r = doc->raw;
  for (size_t i = o->line_pos; i < pos; i++)
    if (r[i] == '\n' ||
        (r[i] == '\r' && (i + 1 >= doc->raw_len || r[i + 1] != '\n')))
      o->line_no++;
  o->line_pos = pos;
  return (doc->line > 0 ? doc->line : 1) + o->line_no;
}

enum { MAX_UTF8_WARNINGS = 5 };

/* Whether a code point could change or combine under NFC. */
static bool may_change_nfc(uint32_t cp) {
  if (cp >= 0x1100 && cp <= 0x11FF) return true; /* conjoining jamo */
  const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
  if (p->combining_class != 0) return true;
  if (p->category == UTF8PROC_CATEGORY_MN ||
      p->category == UTF8PROC_CATEGORY_MC ||
      p->category == UTF8PROC_CATEGORY_ME)
    return true;
  /* A character with a canonical decomposition (decomp_type 0) changes
   * under NFC only when it does not recompose to itself (singletons such
   * as U+212B ANGSTROM SIGN, composition exclusions); precomposed letters
   * like U+00E9 are stable. A mark after one is caught on its own. */
  if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) return false;
  char u[4];
  int l = td__utf8_encode(cp, u);
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t dl = utf8proc_map((const utf8proc_uint8_t *)u, l, &dst,
                                     UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  bool same = dl == l && memcmp(dst, u, (size_t)l) == 0;
  free(dst);
  return !same;
}

static bool is_mark(uint32_t cp) {
  const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
  return p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
         p->category == UTF8PROC_CATEGORY_MC ||
         p->category == UTF8PROC_CATEGORY_ME;
}

/* Put the run cps[0..n) through NFC into cps2/offs2; returns the new
 * count. Offsets: the run is cut into segments at starters (combining
 * class 0) before and after; when both have the same number of segments,
 * each output segment maps to its input segment (code point by code point
 * when the lengths agree, else to the segment's first byte). Otherwise
 * every output code point maps to the start of the run. */
static size_t nfc_run(norm *o, size_t n) {
  td__buf in = {0};
  char u[4];
  for (size_t k = 0; k < n; k++)
    td__buf_put(&in, u, (size_t)td__utf8_encode(o->cps[k], u));
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t dl =
      utf8proc_map((const utf8proc_uint8_t *)in.data, (utf8proc_ssize_t)in.len,
                   &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  td__buf_free(&in);
  if (dl < 0) {
    free(dst);
    run_reserve(&o->cps2, &o->offs2, &o->rcap2, n);
    memcpy(o->cps2, o->cps, n * sizeof *o->cps);
    memcpy(o->offs2, o->offs, n * sizeof *o->offs);
    return n;
  }
  size_t m = 0;
  run_reserve(&o->cps2, &o->offs2, &o->rcap2, (size_t)dl + 1);
  for (utf8proc_ssize_t i = 0; i < dl;) {
    uint32_t cp;
    int l = td__utf8_decode(dst + i, (size_t)(dl - i), &cp);
    if (l == 0) {
      cp = 0xFFFD;
      l = 1;
    }
    o->cps2[m++] = cp;
    i += l;
  }
  free(dst);
  /* Segment starts. */
  size_t segs_in = 0, segs_out = 0;
  for (size_t k = 0; k < n; k++) segs_in += (k == 0 || !is_mark(o->cps[k]));
  for (size_t k = 0; k < m; k++) segs_out += (k == 0 || !is_mark(o->cps2[k]));
  if (segs_in != segs_out) {
    for (size_t k = 0; k < m; k++) o->offs2[k] = o->offs[0];
    return m;
  }
  size_t a = 0, b = 0;
  while (a < n && b < m) {
    size_t ae = a + 1, be = b + 1;
    while (ae < n && is_mark(o->cps[ae])) ae++;
    while (be < m && is_mark(o->cps2[be])) be++;
    for (size_t k = b; k < be; k++)
      o->offs2[k] = (ae - a == be - b) ? o->offs[a + (k - b)] : o->offs[a];
    a = ae;
    b = be;
  }
  return m;
}

/* Normalize the non-ASCII bytes raw[s..e). */
static void nonascii_run(norm *o, const td_doc *doc, const td_diag *diag,
                         size_t s, size_t e) {
  const unsigned char *raw = (const unsigned char *)doc->raw;
  /* Fast path: valid UTF-8 of code points that pass unchanged is copied
   * as it is, each byte mapped to the first byte of its character. */
  size_t p = s;
  while (p < e) {
    uint32_t cp;
    int l = td__utf8_decode(raw + p, doc->raw_len - p, &cp);
    if (l == 0 || cp >= 0x10000 || !(bmp_unchanged[cp / 64] >> (cp % 64) & 1))
      break;
    p += (size_t)l;
  }
  if (p == e) {
    out_reserve(o, e - s);
    memcpy(o->t + o->len, raw + s, e - s);
    uint32_t start = (uint32_t)s;
    for (size_t k = s; k < e; k++) {
      if ((raw[k] & 0xC0) != 0x80) start = (uint32_t)k;
      o->m[o->len++] = start;
    }
    return;
  }
  run_reserve(&o->cps, &o->offs, &o->rcap, e - s + 2);
  size_t n = 0;
  bool nfc = false;
  for (size_t i = s; i < e;) {
    uint32_t cp;
    int l = td__utf8_decode(raw + i, doc->raw_len - i, &cp);
    if (l == 0) {
      size_t bad_start = i;
      while (i < e && td__utf8_decode(raw + i, doc->raw_len - i, &cp) == 0) {
        o->cps[n] = 0xFFFD;
        o->offs[n++] = (uint32_t)i;
        o->n_invalid++;
        i++;
      }
      if (o->warned < MAX_UTF8_WARNINGS) {
        long ln = line_of(o, doc, bad_start);
        td__diag(diag, TD_SEV_WARNING, doc->origin, ln,
                 "invalid UTF-8 (byte 0x%02X%s) replaced by U+FFFD%s%s",
                 raw[bad_start], i - bad_start > 1 ? " and more" : "",
                 doc->id ? " in article " : "", doc->id ? doc->id : "");
      }
      o->warned++;
      continue;
    }
    o->cps[n] = cp;
    o->offs[n++] = (uint32_t)i;
    if (!nfc && may_change_nfc(cp)) nfc = true;
    i += (size_t)l;
  }
  const uint32_t *cps = o->cps, *offs = o->offs;
  if (nfc) {
    /* A leading mark composes with the ASCII letter before it. */
    if (is_mark(o->cps[0]) && o->len > 0 &&
        (unsigned char)o->t[o->len - 1] < 0x80 &&
        !td__is_space((unsigned char)o->t[o->len - 1])) {
      memmove(o->cps + 1, o->cps, n * sizeof *o->cps);
      memmove(o->offs + 1, o->offs, n * sizeof *o->offs);
      o->len--;
      o->cps[0] = (unsigned char)o->t[o->len];
      o->offs[0] = o->m[o->len];
      n++;
    }
    n = nfc_run(o, n);
    cps = o->cps2;
    offs = o->offs2;
  }
  for (size_t k = 0; k < n; k++) {
    uint32_t cp = cps[k];
    if (cp < 0x80) {
      out_byte(o, (char)cp, offs[k]);
      continue;
    }
    const charmap_rule *r = charmap_find(cp);
    if (r) {
      out_reserve(o, r->repl_len);
      for (unsigned j = 0; j < r->repl_len; j++) {
        o->t[o->len] = charmap.pool[r->repl_off + j];
        o->m[o->len++] = offs[k];
      }
      continue;
    }
    out_reserve(o, 4);
    int l = td__utf8_encode(cp, o->t + o->len);
    for (int j = 0; j < l; j++) o->m[o->len++] = offs[k];
  }
}

/* Bytes copied as they are: printable ASCII, tab and newline. */
static inline bool plain(unsigned char c) {
  return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
}

/* Whether all 8 bytes of x are printable ASCII (0x20-0x7E), tested
 * without branches per byte: no high bit, no byte below 0x20, no DEL. */
static inline bool word_printable(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
  uint64_t below = (x - ones * 0x20) & ~x & high;
  uint64_t d = x ^ (ones * 0x7F);
  uint64_t del = (d - ones) & ~d & high;
  return ((x & high) | below | del) == 0;
}

/* The end of the run of plain bytes starting at raw[i]. Most news text
 * is printable ASCII: eight bytes at a time, then byte by byte around
 * newlines, tabs and everything else. */
static size_t plain_run(const unsigned char *raw, size_t i, size_t n) {
  for (;;) {
    while (i + 8 <= n) {
      uint64_t x;
      memcpy(&x, raw + i, 8);
      if (!word_printable(x)) break;
      i += 8;
    }
    size_t lim = i + 8 < n ? i + 8 : n;
    while (i < lim && plain(raw[i])) i++;
    if (i < lim || i >= n) return i;
  }
}

/* m[q] = base + q for q < k: the offmap of bytes copied unchanged. With
 * GCC or clang, four at a time in a vector register (plain -O2 does not
 * vectorize this loop by itself). */
static void fill_identity(uint32_t *m, uint32_t base, size_t k) {
  size_t q = 0;
#if defined(__GNUC__)
  typedef uint32_t v4u __attribute__((vector_size(16)));
  v4u v = {base, base + 1, base + 2, base + 3};
  const v4u four = {4, 4, 4, 4};
  for (; q + 4 <= k; q += 4) {
    memcpy(m + q, &v, sizeof v);
    v += four;
  }
#endif
  for (; q < k; q++) m[q] = base + (uint32_t)q;
}

int td_normalize(td_doc *doc, const td_diag *diag) {
  free(doc->text);
  free(doc->offmap);
  doc->text = NULL;
  doc->offmap = NULL;
  doc->text_len = 0;
  doc->n_invalid_utf8 = 0;
  pthread_once(&charmap_once, charmap_load);
  if (charmap.problem[0] && !atomic_flag_test_and_set(&charmap_reported))
    td__diag(diag, TD_SEV_WARNING, NULL, 0, "%s", charmap.problem);

  const unsigned char *raw = (const unsigned char *)doc->raw;
  size_t n = doc->raw ? doc->raw_len : 0;
  int rc = 0;
  if (n > TD_MAX_ARTICLE_BYTES) {
    rc = TD_ETOOBIG;
    n = 0;
  } else if (n > 0 && memchr(raw, 0, n) != NULL) {
    rc = TD_EBINARY;
    n = 0;
  }
  norm o = {0};
  out_reserve(&o, n + n / 16 + 16);
  size_t i = 0;
  while (i < n) {
    size_t j = plain_run(raw, i, n);
    if (j > i) {
      size_t k = j - i;
      out_reserve(&o, k);
      memcpy(o.t + o.len, raw + i, k);
      fill_identity(o.m + o.len, (uint32_t)i, k);
      o.len += k;
      i = j;
      if (i >= n) break;
    }
    unsigned char c = raw[i];
    if (c == '\r') { /* CRLF and lone CR become LF */
      out_byte(&o, '\n', i);
      i += (i + 1 < n && raw[i + 1] == '\n') ? 2 : 1;
    } else if (c == '\f' || c == '\v') {
      out_byte(&o, '\n', i++);
    } else if (c < 0x80) { /* other control characters */
      o.ctrl++;
      out_byte(&o, ' ', i++);
    } else {
      size_t e = i + 1;
      while (e < n && raw[e] >= 0x80) e++;
      nonascii_run(&o, doc, diag, i, e);
      i = e;
    }
  }
  if (o.warned > MAX_UTF8_WARNINGS)
    td__diag(diag, TD_SEV_WARNING, doc->origin, doc->line > 0 ? doc->line : 1,
             "%u more runs of invalid UTF-8 replaced in article %s",
             o.warned - MAX_UTF8_WARNINGS, doc->id ? doc->id : "");
  out_reserve(&o, 0);
  o.t[o.len] = '\0';
  o.m[o.len] = (uint32_t)(rc == TD_ETOOBIG ? 0 : doc->raw_len);
  doc->text = o.t;
  doc->offmap = o.m;
  doc->text_len = o.len;
  doc->n_invalid_utf8 = (unsigned)o.n_invalid;
  free(o.cps);
  free(o.offs);
  free(o.cps2);
  free(o.offs2);
  if (rc != 0) return rc;
  /* Binary: mostly control characters, or mostly bytes that are neither
   * text nor UTF-8. */
  if (o.ctrl * 10 > n || (o.ctrl + o.n_invalid) * 4 > n) return TD_EBINARY;
  for (size_t k = 0; k < o.len; k++)
    if (!td__is_space((unsigned char)o.t[k])) return 0;
  return TD_EEMPTY;
}
