/*
 * actors.c - actor resolution (annotate stage, after time expressions).
 *
 * Reads a segmented document (sentences and tokens, doc->date) and the
 * actor knowledge base; produces doc->entities and doc->mentions: every
 * noun phrase that names a country, organisation, seat of power, group or
 * person, with the CAMEO actor code valid on the article's date.
 *
 * Per sentence: (1) the tokens become matching units (lowercased, hyphens
 * split, possessives dropped) and each unit gets its token id with one
 * hash probe (short words by their packed bytes, and only when some step
 * asks for them unless they may open or end a name); a lowercase word that
 * can neither go on a name nor open a role is a gap, found with a few
 * comparisons and no lookup; (2) known names are matched longest first by
 * extending a hash of token ids while the table holds the sequence as a prefix;
 * (3) unmatched capitalised runs become candidate names; (4) pieces join into
 * noun groups: a title chain before a name ("US Secretary of State
 * Antony Blinken"), an apposition after it ("Carla Babb, a reporter with
 * Voice of America"), a role group ("the Russian Foreign Ministry"); (5)
 * later short names, role nouns ("the Secretary") and he/she/him refer
 * back to the entities found before. A person the text gives a title is
 * learnt into the kb with the article's date.
 */
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "actor_internal.h"
#include "store_internal.h"

/* For the steps run once per sentence from td_actors_resolve: inlined
 * there, they cost no call (a few instructions a sentence). */
#if defined(__GNUC__)
#define PER_SENTENCE inline __attribute__((always_inline))
#else
#define PER_SENTENCE inline
#endif

/* The length of s[0..k) without a UTF-8 sequence cut at its end. */
static size_t utf8_cut(const char *s, size_t k) {
  size_t j = k;
  while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80) j--;
  if (j == 0) return k;
  unsigned char lead = (unsigned char)s[j - 1];
  size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return k - (j - 1) < want ? j - 1 : k;
}

/* Copy the string src into dst of n bytes, truncating at a character
 * boundary. */
static void cpy(char *dst, size_t n, const char *src) {
  size_t k = strnlen(src, n);
  if (k < n) { /* it fits, with its NUL */
    memcpy(dst, src, k + 1);
    return;
  }
  memcpy(dst, src, n - 1);
  k = utf8_cut(dst, n - 1);
  dst[k] = '\0';
}

/* cpy for a CAMEO code into a 24-byte field: codes are short ASCII, so a
 * byte loop (no library calls) does it, cut at 23 bytes as cpy cuts
 * them. */
_Static_assert(sizeof((td_entity *)0)->code == 24 &&
                   sizeof((td_actor_mention *)0)->code == 24,
               "code_cpy writes 24-byte code fields");
static inline void code_cpy(char dst[24], const char *src) {
  size_t k = 0;
  for (; k < 23 && src[k]; k++) dst[k] = src[k];
  dst[k] = '\0';
}

const char *td_actor_how_name(td_actor_how h) {
  switch (h) {
    case TD_ACTOR_DICT:
      return "dictionary";
    case TD_ACTOR_TITLE:
      return "title";
    case TD_ACTOR_LEARNT:
      return "learnt";
    case TD_ACTOR_COREF:
      return "coreference";
  }
  return "unknown";
}

const char *td_entity_kind_name(td_entity_kind k) {
  switch (k) {
    case TD_ENT_PERSON:
      return "person";
    case TD_ENT_COUNTRY:
      return "country";
    case TD_ENT_ORG:
      return "organisation";
    case TD_ENT_GROUP:
      return "group";
  }
  return "unknown";
}

/* ---- matching units ---- */

typedef struct unit {
  uint32_t start, end; /* bytes */
  uint32_t tok;        /* doc token (a gap: its first) */
  int32_t id;          /* kb token id, 0 unknown; read with unit_id (a
                          short word not looked up yet holds -1 - its
                          packed bytes) */
  uint8_t word;        /* a word (not punctuation or number) */
  uint8_t cap;         /* starts with an uppercase letter */
  char punct;          /* the punctuation character, or 0 */
  uint8_t gap;         /* G_* */
} unit;

/* What a unit is in the run of units: a kept word or mark, a gap (words
 * and marks no name or group needs), which may hold a mark or a short
 * word after which the text is no longer inside a name (G_RESET; a gap of
 * lowercase words only is not), or a short word not looked up yet. */
enum { G_KEPT = 0, G_GAP = 1, G_RESET = 2, G_PENDING = 4 };

/* A piece: a matched name, a role, an unknown capitalised run. */
enum { P_NONE = 0, P_NAME = 100, P_COMPANY = 101 };
typedef struct piece {
  uint32_t u0, u1; /* units [u0, u1) */
  int32_t entry;   /* kb entry, -1 for P_NAME */
  int32_t code;    /* index of the entry's code on the date in kb->codes,
                      -1 for none (roles, names); for a company, the code
                      of the country named inside it */
  uint8_t kind;    /* KB_* or P_NAME */
} piece;

/* The code of a piece, "" for none. Indices stay valid while the kb
 * grows (codes are never rewritten in place). */
#define PCODE(r, p) ((p)->code >= 0 ? (r)->kb->codes[(p)->code].code : "")

typedef struct chain_code chain_code;

/* Per-document working state. */
typedef struct ent_info {
  int64_t kb_entry;  /* -1 when not from the kb */
  int64_t kb_learnt; /* the kb entry learnt from this article, or -1 */
  char key[64];      /* lowercased name for people, code|head for groups */
  uint16_t gender;   /* KBF_MALE / KBF_FEMALE / 0 */
  int32_t heads[6];  /* title head tokens */
  unsigned n_heads;
  int32_t roles[6]; /* title role entries */
  unsigned n_roles;
  uint64_t h_full, h_last; /* people: name_hash of the name, its last word */
  size_t last_mention;     /* index of its latest mention */
} ent_info;

typedef struct resolver {
  td_doc *doc;
  td_actor_kb *kb;
  int32_t day;
  unit *units;
  size_t n_units, cap_units;
  piece *pieces;
  size_t n_pieces, cap_pieces;
  ent_info *info;
  size_t cap_ent, cap_ment;
  size_t n_persons;
  uint32_t done;  /* the sentence's units before this are in mentions */
  uint32_t *cand; /* units that may open a piece: name starts, capitals */
  size_t n_cand;
  size_t info_cap; /* info's capacity when kept as scratch */
  /* Companies named so far in the article, without their legal suffix
   * ("American Express" of "American Express Co"): the same words later
   * name the company again. */
  struct {
    uint64_t hash; /* name_hash_bytes over the words */
    uint32_t len;  /* units */
    int32_t code;  /* the country code piece->code of the company */
  } cos[32];
  size_t n_cos;
  uint64_t co_first;  /* first_bit() of the first word of each */
  uint32_t co_maxlen; /* the longest, in units (at most 6) */
  td_entity *ents;    /* scratch for doc->entities, doc->mentions */
  td_actor_mention *ments;
  size_t ents_cap, ments_cap;
  unsigned char *text; /* the article's text, 16 zero bytes after it */
  size_t text_cap;
  uint8_t *short_cls;  /* see start_filter */
  uint32_t short_seen; /* kb->short_gen when short_cls was built */
  td_date day_date;    /* the date whose day number is day */
  int day_known;
  unsigned kinds; /* 1 << KB_* of the pieces find_pieces matched (the
                    company pass only makes P_COMPANY pieces) */
  /* The latest name after an honorific that is no coded person ("Mrs
   * Parker Bowles"): the number of mentions when it was met, its sentence
   * and gender; unk_set when there is one. */
  size_t unk_ment;
  uint32_t unk_sent, unk_tok; /* unk_tok: the name's first doc token */
  uint16_t unk_gender;
  int unk_set;
  unsigned co_maybe; /* build_units: some capitalised unit of the sentence
                        may be a company word (KBT_COMPANY by word_id) */
  /* The country of the article's dateline ("USA" for "WASHINGTON"), or
   * "": looked up once the article names a party (party_word). */
  char home[4];
  int home_done;
} resolver;

static void scratch_free(void *p) {
  resolver *r = p;
  if (r == NULL) return;
  free(r->units);
  free(r->cand);
  free(r->pieces);
  free(r->info);
  free(r->ents);
  free(r->ments);
  free(r->short_cls);
  free(r->text);
  free(r);
}

/* What name_hash_bytes hashes of each byte: ASCII letters lowercased,
 * digits and bytes from 0x80 as they are, 0 for the rest (skipped). */
#define NB1(c)                                                           \
  ((c) >= 0x80                                                ? (c)      \
   : (c) >= 'A' && (c) <= 'Z'                                 ? (c) + 32 \
   : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c)      \
                                                              : 0)
#define NB4(c) NB1(c), NB1((c) + 1), NB1((c) + 2), NB1((c) + 3)
#define NB16(c) NB4(c), NB4((c) + 4), NB4((c) + 8), NB4((c) + 12)
#define NB64(c) NB16(c), NB16((c) + 16), NB16((c) + 32), NB16((c) + 48)
static const unsigned char name_byte[256] = {NB64(0), NB64(64), NB64(128),
                                             NB64(192)};

/* A hash of a name that ignores case and everything but letters and
 * digits: "Carla Babb" and the units Carla, Babb hash alike. */
static uint64_t name_hash_bytes(uint64_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned c = name_byte[(unsigned char)s[i]];
    if (c) h = td__kb_fnv(h, (unsigned char)c);
  }
  return h;
}

#define ONES8 UINT64_C(0x0101010101010101)

/* x with its ASCII capitals made lowercase (bytes below 0x80 only). */
static inline uint64_t lower8(uint64_t x) {
  uint64_t ge_a = x + 0x3F * ONES8, gt_z = x + 0x25 * ONES8;
  return x | ((ge_a & ~gt_z & 0x80 * ONES8) >> 2);
}

/* The kb hash (td__kb_word_hash) of the word t[st, e) read straight from
 * the text eight bytes at a time, when it is plain (ASCII letters and
 * digits: its normalised form is its lowercase) and every read stays
 * inside the text. Returns 0 for any other word, which the caller
 * normalises byte by byte. */
static inline int plain_hash(const unsigned char *t, uint32_t st, uint32_t e,
                             uint64_t *out) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint32_t m = e - st;
  if (m == 0 || m > 16) return 0;
  const unsigned char *p = t + st;
  uint64_t h = TD__KB_WH0, bad = 0, w;
  for (; m > 8; m -= 8, p += 8) {
    memcpy(&w, p, 8);
    bad |= w | ~(w + 0x50 * ONES8); /* a byte >= 0x80 or < '0' */
    h = td__kb_chunk(h, lower8(w));
  }
  memcpy(&w, p, 8);
  uint64_t in = ~UINT64_C(0) >> (64 - 8 * m);
  w &= in;
  uint64_t y = w | (~in & 0x30 * ONES8); /* the padding passes the test */
  bad |= y | ~(y + 0x50 * ONES8);
  if (bad & 0x80 * ONES8) return 0;
  *out = td__kb_chunk(h, lower8(w));
  return 1;
#else
  (void)t, (void)st, (void)e, (void)out;
  return 0;
#endif
}

/* The units of word token k (t[st, en)) that is not plain: normalised
 * byte by byte as the kb normalises its names (td__actor_norm_word), in
 * parts between hyphens and slashes, appended to r->units (and
 * r->cand). e2 is the end of the word without a possessive written
 * 's or '. Returns the id of the last part. */
static int32_t word_parts(resolver *r, uint32_t k, uint32_t st, uint32_t en,
                          uint32_t e2) {
  size_t *n = &r->n_units, *nc = &r->n_cand;
  const unsigned char *t = (const unsigned char *)r->doc->text;
  const td_actor_kb *kb = r->kb;
  const unsigned char *byte_class = kb->byte_class;
  uint32_t b = st;
  unsigned char w[128];
  unsigned len = 0, over = 0, special = 0;
  int32_t last = 0;
  for (uint32_t i = st;; i++) {
    unsigned char c = i < en ? byte_class[t[i]] : 0;
    if (c == 0) {
      special |= i < en;
      if (i > b) {
        unsigned m = len;
        if (!special) /* one part: the possessive as written */
          m -= en - e2;
        else if (len >= 2 && w[len - 1] == 's' && w[len - 2] == '\'')
          m -= 2;
        else if (len >= 1 && w[len - 1] == '\'')
          m -= 1;
        int32_t id =
            m && !over ? td__kb_tok_by_hash(kb, td__kb_word_hash(w, m)) : 0;
        last = id;
        if (*n + 1 >= r->cap_units) {
          r->cap_units *= 2;
          r->units = td_xrealloc(r->units, r->cap_units * sizeof *r->units);
          r->cand = td_xrealloc(r->cand, r->cap_units * sizeof *r->cand);
        }
        int pc = td__is_upper(t[b]) || t[b] >= 0x80;
        uint8_t f = kb->tok_flags[id];
        /* What find_companies asks of it (see word_id). */
        if (pc &&
            ((f & KBT_COMPANY) || (id == 0 && i - b <= 3 && t[i - 1] == '.')))
          r->co_maybe = 1;
        if ((f & KBT_START) || (pc && !(f & KBT_NONNAME)))
          r->cand[(*nc)++] = (uint32_t)*n;
        r->units[(*n)++] = (unit){b, i, k, id, 1, (uint8_t)pc, 0, G_KEPT};
      }
      if (i >= en) break;
      b = i + 1;
      len = over = 0;
      continue;
    }
    special |= c <= 2;
    if (c == 1) continue;
    if (c == 2) {
      if (i + 2 < en && t[i + 1] == 0x80 && t[i + 2] == 0x99) {
        c = '\'';
        i += 2;
      } else {
        c = 0xE2;
      }
    }
    /* A part longer than any token of the kb matches nothing. */
    if (len < sizeof w - 1)
      w[len++] = c;
    else
      over = 1;
  }
  return last;
}

/* ---- the lazy parts of the scan ---- */

/* Look up the short word of unit x (see unit_id). */
static int32_t unit_settle(const resolver *r, unit *x) {
  const td_actor_kb *kb = r->kb;
  int32_t id = td__kb_tok_short(kb, (uint32_t)(-(x->id + 1)));
  int keep = (kb->tok_flags[id] & (KBT_START | KBT_CONT | KBT_CONN)) != 0;
  x->id = keep ? id : 0;
  x->gap = keep ? G_KEPT : G_GAP | G_RESET;
  return x->id;
}

/* The id of unit u, looking a short word up the first time it is asked
 * for (see build_units): as if it had been looked up in the scan. */
static inline int32_t unit_id(const resolver *r, size_t u) {
  unit *x = &r->units[u];
  return x->gap == G_PENDING ? unit_settle(r, x) : x->id;
}

/* The G_* bits of unit u (a short word looked up if need be). */
static unsigned unit_gap(const resolver *r, size_t u) {
  unit_id(r, u);
  return r->units[u].gap;
}

/* Every short word of the sentence looked up: before the kb learns a
 * name, which may change what they are. */
static void units_settle(const resolver *r) {
  for (size_t u = 0; u < r->n_units; u++) unit_id(r, u);
}

/* Whether the word after the first n units may still be inside a name:
 * the last word kept is known to open or end a name, or goes on one that
 * was open before it; only runs of lowercase words lie between. */
static int known_before(const resolver *r, size_t n) {
  const uint8_t *tflags = r->kb->tok_flags;
  for (size_t u = n; u-- > 0;) {
    const unit *x = &r->units[u];
    unsigned g = unit_gap(r, u);
    if (g) {
      if (g & G_RESET) return 0;
      continue;
    }
    if (!x->word || x->id == 0) return 0;
    unsigned f = tflags[x->id];
    if (f & (KBT_START | KBT_END)) return 1;
    if (!(f & KBT_CONT)) return 0;
    /* A word split at hyphens goes on from before its first part. */
    while (u > 0 && r->units[u - 1].tok == x->tok) u--;
  }
  return 0;
}

/* Whether token k (after the first n units) follows a comma or a
 * determiner ("the", "a", "an"), which a role noun may follow. */
static int det_before(const resolver *r, size_t n, uint32_t k) {
  if (n == 0 || r->units[n - 1].tok + 1 != k) return 0;
  const unit *x = &r->units[n - 1];
  if (x->punct == ',') return 1;
  const td_token *tk = &r->doc->toks[k - 1];
  if (!x->word || tk->end - tk->start > 3 || unit_gap(r, n - 1)) return 0;
  return (r->kb->tok_flags[x->id] & KBT_DET) != 0;
}

/* What short words may be, by their packed bytes (hashed to 12 bits):
 * SC_EDGE, some short word with that hash opens or ends a name (pronouns,
 * "US"); SC_DET, a determiner. A short lowercase word with neither is
 * no candidate and no name's edge, and its lookup waits (unit_id). Built
 * again when the kb's short words change. */
enum { SC_EDGE = 1, SC_DET = 2 };
static inline uint32_t short_cls_of(uint32_t key) {
  return (key * UINT32_C(0x9E3779B1)) >> (32 - 12);
}
static void short_classes(resolver *r) {
  const td_actor_kb *kb = r->kb;
  memset(r->short_cls, 0, 4096);
  for (uint32_t i = 0; i < kb->short_cap; i++) {
    const kb_short *sl = &kb->short_tab[i];
    if (!sl->key) continue;
    unsigned f = kb->tok_flags[sl->canon];
    r->short_cls[short_cls_of(sl->key)] |=
        (uint8_t)(((f & (KBT_START | KBT_END)) ? SC_EDGE : 0) |
                  ((f & KBT_DET) ? SC_DET : 0));
  }
  r->short_seen = kb->short_gen;
}

/* What the scan knows of the words before a lowercase word: the text may
 * still be inside a name, the word before may be a determiner or comma.
 * Either bit clear means it is not (the exact answer, when needed, is
 * known_before and det_before). */
enum { MAYBE_KNOWN = 1, MAYBE_DET = 2 };

/* Units of sentence s: its word tokens split at hyphens and slashes, each
 * with its kb token id (lowercase, periods dropped, a possessive 's
 * dropped, hashed as the kb hashes its tokens), and candidates, the units
 * that may open a piece (names, capitalised words). A run of words and
 * marks no name or group needs is one gap unit: it breaks names and
 * chains the same way one word does.
 *
 * This is the only per-token work of the stage, so most words cost
 * little: a short lowercase word that opens or ends no name ("of", "the",
 * "to") is written with its packed bytes and looked up only when a later step
 * asks for it (unit_id; it is then a gap or a kept word as if looked up
 * here, but never merged into a gap unit: see merged_le1 and sent_first);
 * a lowercase word longer than three letters is looked up only when the
 * filter of lowercase name words lets it through and it follows a word
 * that may be inside a name, a determiner or a comma (a role noun: "the
 * minister"), or precedes a capitalised word ("spokesman Dmitry
 * Peskov") - what the words before it are is worked out only then
 * (known_before, det_before); a plain word is hashed a word at a time
 * straight from the text. (A word token never opens with a typographic
 * quote: the segmenter makes those punctuation.) */
static void build_units(resolver *r, const td_sentence *s) {
  const td_doc *d = r->doc;
  /* The text with 16 bytes of zeros after it: words are read 4 or 8
   * bytes at a time. */
  const unsigned char *t = r->text;
  const td_actor_kb *kb = r->kb;
  uint32_t tend = s->tok_end < d->n_toks ? s->tok_end : (uint32_t)d->n_toks;
  size_t need = (size_t)(tend - s->tok_first) * 2 + 8;
  if (need > r->cap_units) {
    r->cap_units = need * 2;
    r->units = td_xrealloc(r->units, r->cap_units * sizeof *r->units);
    r->cand = td_xrealloc(r->cand, r->cap_units * sizeof *r->cand);
  }
  if (r->short_seen != kb->short_gen) short_classes(r);
  /* Everything the loop reads is held in locals: the stores to the unit
   * arrays could otherwise alias the document and the kb, and every
   * field would be loaded again after each store. */
  unit *restrict U = r->units;
  uint32_t *restrict C = r->cand;
  const td_token *toks = d->toks;
  const uint8_t *tflags = kb->tok_flags;
  const uint8_t *short_cls = r->short_cls;
  /* The dateline ("MOSCOW, February 2. /TASS/") names a place and an
   * agency, not actors of the story. */
  uint32_t k = s->tok_first;
  if (d->dateline.end > d->dateline.start)
    while (k < tend && toks[k].start >= d->dateline.start &&
           toks[k].end <= d->dateline.end)
      k++;
  /* lg: the last unit is a gap (its G_* bits), which a gap joins; maybe:
   * MAYBE_* of the words before */
  const td_token *tk = toks + k, *const te = toks + tend;
  unit *u = U;
  uint32_t *c = C;
  unsigned lg = 0, maybe = 0;
  r->co_maybe = 0;
  for (; tk < te; tk++, k++) {
    const uint32_t st = tk->start, en = tk->end, len0 = en - st;
    const unsigned cap = tk->flags & TD_TOKF_CAP;
    if (tk->kind != TD_TOK_WORD) {
      /* Punctuation and numbers: the marks the groups look at (, ( ) .
       * [ ]) are units of their own, the rest are gaps. */
      const unsigned char c0 = t[st];
      if (len0 == 1 && kb->punct_keep[c0]) {
        *u++ = (unit){st, en, k, 0, 0, 0, (char)c0, G_KEPT};
        lg = 0;
        maybe = c0 == ',' ? MAYBE_DET : 0;
        continue;
      }
      maybe = 0;
      /* A gap going on takes its G_RESET; else it opens a gap unit (a
       * branch, not a store per word: fewer instructions). */
      if (lg)
        u[-1].gap |= G_RESET;
      else
        *u++ = (unit){st, en, k, 0, 0, 0, '?', G_GAP | G_RESET};
      lg = 1;
      continue;
    }
    int32_t id;
    if (len0 <= 3) {
      /* Short words by their packed bytes: no hashing. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      uint32_t w4; /* one load; the key masks the rest */
      memcpy(&w4, t + st, 4);
      static const uint32_t mask[4] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu};
      const uint32_t key = (w4 | 0x202020u) & mask[len0];
#else
      const uint32_t key = td__kb_short_key(t + st, len0);
#endif
      const unsigned sc = short_cls[short_cls_of(key)];
      if (!cap && !(sc & SC_EDGE)) {
        /* No name's edge: looked up when asked for (unit_id). */
        *u++ = (unit){st, en, k, -(int32_t)key - 1, 1, 0, 0, G_PENDING};
        lg = 0;
        maybe = (maybe & MAYBE_KNOWN) | (sc & SC_DET); /* MAYBE_DET */
        continue;
      }
      id = td__kb_tok_short(kb, key);
      const unsigned f = tflags[id];
      if (!cap && !(f & (KBT_START | KBT_END))) {
        /* Another short word with the same class hash opens or ends a
         * name, this one does not: the unit is written as the lazy path
         * above settles it (unit_settle), so the units never depend on
         * the class table's collisions. */
        const int keep = (f & (KBT_START | KBT_CONT | KBT_CONN)) != 0;
        *u++ = (unit){st, en, k, keep ? id : 0,
                      1,  0,  0, keep ? G_KEPT : G_GAP | G_RESET};
        lg = 0;
        maybe = (maybe & MAYBE_KNOWN) | (sc & SC_DET);
        continue;
      }
      if (!cap && !(f & (KBT_START | KBT_CONT | KBT_CONN))) {
        maybe = 0; /* "is", "was", "to" */
        if (lg)
          u[-1].gap |= G_RESET;
        else
          *u++ = (unit){st, en, k, 0, 1, 0, 0, G_GAP | G_RESET};
        lg = 1;
        continue;
      }
      *c = (uint32_t)(u - U);
      c += (f & KBT_START) || (cap && !(f & KBT_NONNAME));
      *u++ = (unit){st, en, k, id, 1, (uint8_t)cap, 0, G_KEPT};
      /* A company word, or an abbreviation word_id looks up again. */
      if (cap && ((f & KBT_COMPANY) || (id == 0 && t[en - 1] == '.')))
        r->co_maybe = 1;
      lg = 0;
      maybe = (id && ((f & (KBT_START | KBT_END)) ||
                      ((maybe & MAYBE_KNOWN) && (f & KBT_CONT)))) |
              ((f & KBT_DET) ? MAYBE_DET : 0);
      continue;
    }
    if (!cap) {
      /* A lowercase word: a gap unless the filter of lowercase name words
       * lets it through and it is inside or right after a name, after a
       * determiner or comma, or right before a capitalised word. */
      const unsigned m = maybe;
      maybe &= MAYBE_KNOWN;
      const int next_cap = tk + 1 < te && (tk[1].flags & TD_TOKF_CAP);
      if (!m && !next_cap) goto low_gap;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      uint16_t w2; /* the first two bytes in one load */
      memcpy(&w2, t + st, 2);
      uint32_t lk = (uint32_t)(((w2 | (uint32_t)t[en - 1] << 16 |
                                 (len0 > 15 ? 15u : len0) << 24) *
                                UINT64_C(0x9E3779B97F4A7C15)) >>
                               48); /* td__kb_low_key */
#else
      uint32_t lk = td__kb_low_key(t[st], t[st + 1], t[en - 1], len0);
#endif
      if (!((kb->low_bits[lk >> 3] >> (lk & 7)) & 1)) goto low_gap;
      size_t n = (size_t)(u - U);
      if (!next_cap && !((m & MAYBE_DET) && det_before(r, n, k)) &&
          !((m & MAYBE_KNOWN) && known_before(r, n)))
        goto low_gap;
    }
    {
      /* A plain word, perhaps with a possessive, hashed a word at a
       * time. */
      uint32_t e2 = en;
      if (t[e2 - 1] == 's' && t[e2 - 2] == '\'')
        e2 -= 2;
      else if (t[e2 - 1] == '\'')
        e2 -= 1;
      uint64_t h;
      if (plain_hash(t, st, e2, &h)) {
        id = td__kb_tok_by_hash(kb, h);
        const unsigned f = tflags[id];
        *c = (uint32_t)(u - U);
        c += (f & KBT_START) || (cap && !(f & KBT_NONNAME));
        *u++ = (unit){st, en, k, id, 1, (uint8_t)cap, 0, G_KEPT};
        if (cap && (f & KBT_COMPANY)) r->co_maybe = 1;
      } else {
        r->n_units = (size_t)(u - U);
        r->n_cand = (size_t)(c - C);
        id = word_parts(r, k, st, en, e2);
        U = r->units; /* may have moved */
        C = r->cand;
        u = U + r->n_units;
        c = C + r->n_cand;
      }
      const unsigned f = tflags[id];
      maybe = id && ((f & (KBT_START | KBT_END)) ||
                     ((maybe & MAYBE_KNOWN) && (f & KBT_CONT)));
      lg = 0;
      continue;
    }
  low_gap:
    /* The word before may still be inside a name after this one. */
    if (!lg) {
      *u++ = (unit){st, en, k, 0, 1, 0, 0, G_GAP};
      lg = 1;
    }
    if (!maybe) {
      /* The lowercase words of four bytes or more after it with no
       * capitalised word after them go in this gap as they would one at
       * a time (no filter asked, nothing written): skipped here. */
      while (tk + 1 < te) {
        const td_token *nx = tk + 1;
        if (nx->kind != TD_TOK_WORD || (nx->flags & TD_TOKF_CAP) ||
            nx->end - nx->start <= 3 ||
            (nx + 1 < te && (nx[1].flags & TD_TOKF_CAP)))
          break;
        tk++;
        k++;
      }
    }
  }
  r->n_units = (size_t)(u - U);
  r->n_cand = (size_t)(c - C);
}

/* ---- piece finding ---- */

/* Score an entry for a match starting at unit u: -1 when it does not
 * apply, else higher is better. */
static int64_t entry_score(resolver *r, const kb_entry *e, const unit *u,
                           const char **code, int32_t *since) {
  *code = NULL;
  *since = INT32_MIN;
  if ((e->flags & KBF_PROPER) && !u->cap) return -1;
  if (e->kind == KB_ROLE || e->kind == KB_PRONOUN) return 1 + (int64_t)e->seq;
  if (e->n_codes == 0) return -1;
  if (e->n_codes == 1 && !r->kb->codes[e->codes].dated) {
    /* The common case: one undated code (countries, organisations).
     * Between two such names the more specific code wins ("Kyiv" UKRGOV
     * over a dictionary's UKR, IGOEUROSC over IGO), then the later
     * loaded. */
    *code = r->kb->codes[e->codes].code;
    return (INT64_C(1) << 62) + ((int64_t)r->kb->codes[e->codes].len << 32) +
           (int64_t)e->seq;
  }
  const char *c = td__kb_entry_code(r->kb, e, r->day, since);
  /* A known person with no role on the date (between two terms, or after
   * the last) is still that person, with no code: a title in the text
   * codes them ("Former foreign secretary Robin Cook"), and the name is no
   * stranger's. */
  if (c == NULL) return e->kind == KB_PERSON ? 0 : -1;
  *code = c;
  /* Coded entries beat roles; among them the newest evidence, then the
   * latest loaded. */
  int64_t ev = *since == INT32_MIN ? 0 : (int64_t)*since + (INT64_C(1) << 31);
  return (INT64_C(1) << 62) + (ev << 24) + (int64_t)e->seq;
}

/* Whether the party name in units [i, end) is a word of something else:
 * right before a capitalised title or institution that is no abbreviation
 * ("Labour Minister", not "Labour MP", "Labour MPs" or "Labour minister"),
 * or right after an unknown capitalised word inside the sentence; or
 * another country's party of the same name (code: the party's code). */
/* The sentence's first unit that is a word (n_units when none). */
static uint32_t first_word_unit(const resolver *r) {
  uint32_t u = 0;
  while (u < r->n_units && !r->units[u].word) u++;
  return u;
}

/* Whether an actor code starts with a country's code (not IGO, NGO ...). */
static int country_code(const char *c) {
  static const char *const not_countries[] = {"IGO", "NGO", "MNC", "BUS",
                                              "UIS", "IMG", "INT", NULL};
  if (strlen(c) < 3) return 0;
  for (int i = 0; not_countries[i]; i++)
    if (!strncmp(c, not_countries[i], 3)) return 0;
  return 1;
}

static int party_word(resolver *r, size_t i, size_t end, const char *code,
                      size_t np, int shared) {
  const td_actor_kb *kb = r->kb;
  /* Another country's party of the same name: the story's dateline is
   * elsewhere ("CANBERRA - ... the ruling Labour Party"), or a country
   * is named right before ("Norway's minority Labour government"). */
  if (!r->home_done) {
    r->home_done = 1;
    r->home[0] = '\0';
    char hc[24];
    if (r->doc->dateline.place[0] &&
        td_actor_kb_lookup(r->kb, r->doc->dateline.place, r->doc->date, hc,
                           sizeof hc) &&
        strlen(hc) >= 3) {
      memcpy(r->home, hc, 3);
      r->home[3] = '\0';
    }
  }
  if (code && r->home[0] && strncmp(r->home, code, 3) != 0) return 1;
  if (code && np > 0) {
    const piece *q = &r->pieces[np - 1];
    if (q->kind == KB_COUNTRY && q->u1 + 2 >= i && q->code >= 0 &&
        strncmp(kb->codes[q->code].code, code, 3) != 0)
      return 1;
  }
  /* ... or, for a name other countries' parties use too, the article has
   * so far named actors of other countries and none of the party's own
   * ("Australian Prime Minister Bob Hawke ... the ruling Labour Party";
   * but "Bush ... the Tories said") */
  if (code && shared) {
    int other = 0, own = 0;
    for (size_t m = 0; m < r->doc->n_mentions && !own; m++) {
      const char *mc = r->doc->mentions[m].code;
      own = !strncmp(mc, code, 3);
      other |= country_code(mc);
    }
    for (size_t q = 0; q < np && !own; q++) {
      if (r->pieces[q].code < 0) continue;
      const char *mc = kb->codes[r->pieces[q].code].code;
      own = !strncmp(mc, code, 3);
      other |= country_code(mc);
    }
    if (other && !own) return 1;
  }
  if (end < r->n_units && r->units[end].word && r->units[end].cap) {
    const unit *x = &r->units[end];
    int lower = 0;
    for (uint32_t b = x->start + 1; b < x->end && !lower; b++)
      lower = r->text[b] >= 'a' && r->text[b] <= 'z';
    int32_t id = unit_id(r, end);
    /* "the Federal Labour Office", "NSW Labour Council": a word that
     * ends the names of organisations */
    if (lower && id > 0 && (kb->tok_flags[id] & KBT_NONNAME)) return 1;
    if (lower && id > 0)
      for (int32_t l = kb->tok_ent1[id]; l >= 0; l = kb->links[l].next) {
        const kb_entry *e = &kb->ent[kb->links[l].entry];
        /* a title or institution, not a body ("Labour MPs") */
        if (e->kind == KB_ROLE && (e->flags & (KBF_TITLE | KBF_INST)))
          return 1;
      }
  }
  /* after an unknown capitalised word inside the sentence, or "Trade and
   * Labour" */
  const unit *prev = i > 0 ? &r->units[i - 1] : NULL;
  if (i > 1 && !prev->cap && prev->word &&
      (unit_id(r, i - 1) == kb->w_and || unit_id(r, i - 1) == kb->w_of) &&
      r->units[i - 2].word && r->units[i - 2].cap)
    return 1;
  return prev && prev->word && prev->cap && prev->tok + 1 == r->units[i].tok &&
         unit_id(r, i - 1) == 0 && i - 1 > first_word_unit(r);
}

static PER_SENTENCE void find_pieces(resolver *r) {
  td_actor_kb *kb = r->kb;
  /* Each candidate opens at most one piece. */
  if (r->n_cand > r->cap_pieces) {
    r->cap_pieces = r->n_cand * 2;
    r->pieces = td_xrealloc(r->pieces, r->cap_pieces * sizeof *r->pieces);
  }
  piece *restrict P = r->pieces;
  const uint32_t *cand = r->cand;
  const size_t n_cand = r->n_cand, n_units = r->n_units;
  const uint8_t *tflags = kb->tok_flags;
  size_t np = 0;
  unsigned kinds = 0; /* 1 << KB_* of the pieces matched */
  int32_t ids[64];
  size_t i = 0;
  for (size_t ci = 0; ci < n_cand; ci++) {
    if (cand[ci] < i) continue; /* inside the last match */
    i = cand[ci];
    const unit *u = &r->units[i];
    size_t best_end = 0;
    const kb_entry *best = NULL;
    const char *best_code = NULL;
    if (u->id && (tflags[u->id] & KBT_START)) {
      /* The one-word phrase straight by its token id; the hash of the
       * ids, for longer ones, only once there is a second word. */
      int32_t id = unit_id(r, i);
      ids[0] = id;
      int32_t head = kb->tok_ent1[id]; /* the entries of the phrase */
      uint64_t h = TD__KB_HASH0;
      for (size_t j = i; head != TD__KB_NO_PHRASE;) {
        int64_t top = -1;
        const kb_entry *te = NULL;
        const char *tc = NULL;
        for (int32_t l = head; l >= 0; l = kb->links[l].next) {
          const kb_entry *e = &kb->ent[kb->links[l].entry];
          const char *c;
          int32_t s;
          int64_t sc = entry_score(r, e, u, &c, &s);
          if (sc > top) {
            top = sc;
            te = e;
            tc = c;
          }
        }
        if (te) { /* longest match wins */
          best_end = j + 1;
          best = te;
          best_code = tc;
        }
        j++;
        if (j >= n_units || j - i >= kb->max_len || j - i >= 64) break;
        id = unit_id(r, j);
        if (id == 0) break;
        if (j == i + 1) h = td__kb_hash_step(h, ids[0]);
        h = td__kb_hash_step(h, id);
        ids[j - i] = id;
        /* The phrase table only when some phrase ends in these two
         * words. */
        const kb_phrase *p =
            td__kb_pair_may(kb, ids[j - i - 1], id)
                ? td__kb_phrase_get(kb, ids, (unsigned)(j - i + 1), h)
                : NULL;
        head = p ? p->entries : TD__KB_NO_PHRASE;
      }
    }
    /* A party's name that is a word of a portfolio ("Labour Minister
     * Almir Pazzionotto", capitalised as a title) or of a longer unknown
     * name ("Progressive Conservative government") is not the party. */
    if (best && (best->flags & KBF_PARTY) &&
        party_word(r, i, best_end, best_code, np,
                   (best->flags & KBF_SHARED) != 0))
      best = NULL;
    /* A one-word place or organisation that is the surname of a person
     * already met in the article is that person ("Secretary of Defense
     * Austin" after "Lloyd Austin", with a dictionary that knows Austin,
     * Texas). */
    if (best && best_end == i + 1 && r->n_persons && u->cap &&
        best->kind != KB_PERSON && best->kind != KB_ROLE &&
        best->kind != KB_PRONOUN) {
      uint64_t hn = name_hash_bytes(TD__KB_FNV0, r->doc->text + u->start,
                                    u->end - u->start);
      for (size_t e = 0; e < r->doc->n_entities; e++)
        if (r->doc->entities[e].kind == TD_ENT_PERSON &&
            r->info[e].h_last == hn)
          best = NULL;
    }
    if (best) {
      kinds |= 1u << best->kind;
      P[np++] = (piece){
          (uint32_t)i, (uint32_t)best_end, (int32_t)(best - kb->ent),
          best_code
              ? (int32_t)((const kb_code *)(const void *)best_code - kb->codes)
              : -1,
          best->kind};
      i = best_end;
      continue;
    }
    /* An unmatched capitalised word starts or extends a name run. Known
     * little words ("The", "On") never do: they are in the token table
     * through names and roles, but a run needs a token no name holds or a
     * person's first name. */
    if (u->word && u->cap && !(u->id && (tflags[u->id] & KBT_NONNAME))) {
      if (np && P[np - 1].kind == P_NAME && P[np - 1].u1 == i)
        P[np - 1].u1 = (uint32_t)i + 1;
      else
        P[np++] = (piece){(uint32_t)i, (uint32_t)i + 1, -1, -1, P_NAME};
    }
    i++;
  }
  r->n_pieces = np;
  r->kinds = kinds;
}

/* ---- companies ---- */

/* The piece holding unit u, or -1 (pieces are in text order). */
static ptrdiff_t piece_at(const resolver *r, uint32_t u) {
  size_t lo = 0, hi = r->n_pieces;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (r->pieces[mid].u1 <= u)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < r->n_pieces && r->pieces[lo].u0 <= u ? (ptrdiff_t)lo : -1;
}

/* The kb token id of unit u as unit_id gives it, and for an abbreviation
 * with its period ("Co."), which build_units reads by its packed bytes
 * and so finds no id for, the id of the word normalised. */
static int32_t abbrev_id(const resolver *r, const unit *x);
static inline int32_t word_id(const resolver *r, uint32_t u) {
  int32_t id = unit_id(r, u);
  const unit *x = &r->units[u];
  if (id || !x->word || x->end - x->start > 3 ||
      r->doc->text[x->end - 1] != '.')
    return id;
  return abbrev_id(r, x);
}
static int32_t abbrev_id(const resolver *r, const unit *x) {
  char w[8];
  size_t n = td__actor_norm_word(r->doc->text + x->start, x->end - x->start, w,
                                 sizeof w);
  return n ? td__kb_tok_find(r->kb, w, n) : 0;
}

static int cap_word(const resolver *r, uint32_t u) {
  return r->units[u].word && r->units[u].cap;
}

/* Whether the word of unit u ends in a possessive ('s, s', ’s). */
static int unit_possessive(const resolver *r, uint32_t u) {
  const char *t = r->doc->text;
  uint32_t a = r->units[u].start, b = r->units[u].end;
  if (b - a >= 3 && t[b - 1] == 's' && t[b - 2] == '\'') return 1;
  if (b - a >= 2 && t[b - 1] == '\'') return 1;
  return b - a >= 5 && t[b - 1] == 's' && (unsigned char)t[b - 2] == 0x99 &&
         (unsigned char)t[b - 3] == 0x80 && (unsigned char)t[b - 4] == 0xE2;
}

/* Whether unit u is the lowercase word w. */
static int unit_is(const resolver *r, uint32_t u, const char *w) {
  size_t n = strlen(w);
  return r->units[u].word && r->units[u].end - r->units[u].start == n &&
         memcmp(r->doc->text + r->units[u].start, w, n) == 0;
}

/* Make units [s, e) one company piece in place of the pieces inside
 * (a piece reaching past e widens it); the first country named inside
 * gives its code. Returns the company's end. */
/* Append piece p (find_pieces reserves room for its own; the company
 * pass may add more). */
static void add_piece(resolver *r, piece p) {
  if (r->n_pieces == r->cap_pieces) {
    r->cap_pieces = r->cap_pieces ? r->cap_pieces * 2 : 64;
    r->pieces = td_xrealloc(r->pieces, r->cap_pieces * sizeof *r->pieces);
  }
  r->pieces[r->n_pieces++] = p;
}

static uint32_t company_piece(resolver *r, uint32_t s, uint32_t e) {
  size_t a = 0;
  while (a < r->n_pieces && r->pieces[a].u1 <= s) a++;
  size_t b = a;
  int32_t cty = -1;
  while (b < r->n_pieces && r->pieces[b].u0 < e) {
    const piece *q = &r->pieces[b];
    if (cty < 0 && (q->kind == KB_COUNTRY || q->kind == KB_SEAT)) cty = q->code;
    if (q->kind == P_COMPANY && q->code >= 0 && cty < 0) cty = q->code;
    if (q->u1 > e) e = q->u1;
    b++;
  }
  /* A legal suffix right after it is its own ("Chevron USA Inc"). */
  while (e < r->n_units && cap_word(r, e) && word_id(r, e) &&
         td__kb_company(r->kb, word_id(r, e)) == TD__KB_CO_SUFFIX &&
         piece_at(r, e) < 0)
    e++;
  if (a < r->n_pieces && r->pieces[a].u0 < s) s = r->pieces[a].u0;
  piece co = {s, e, -1, cty, P_COMPANY};
  if (b == a) {
    add_piece(r, co); /* room for one more */
    memmove(r->pieces + a + 1, r->pieces + a,
            (r->n_pieces - 1 - a) * sizeof *r->pieces);
  } else {
    memmove(r->pieces + a + 1, r->pieces + b,
            (r->n_pieces - b) * sizeof *r->pieces);
    r->n_pieces -= b - a - 1;
  }
  r->pieces[a] = co;
  return e;
}

/* The name hash of units [s, e). */
static uint64_t units_hash(const resolver *r, uint32_t s, uint32_t e) {
  uint64_t h = TD__KB_FNV0;
  for (uint32_t u = s; u < e; u++)
    h = name_hash_bytes(h, r->doc->text + r->units[u].start,
                        r->units[u].end - r->units[u].start);
  return h;
}

/* A bit for the first word of a remembered company name (its length and
 * first letter): most words are ruled out without hashing. */
static inline uint64_t first_bit(const resolver *r, uint32_t u) {
  const unit *x = &r->units[u];
  unsigned c = td__lower((unsigned char)r->doc->text[x->start]);
  return UINT64_C(1) << ((c * 7u + (x->end - x->start)) & 63u);
}

/* Remember the words [s, e) of a company named with a legal suffix, when
 * they can name it alone: two words or more, or one the kb does not
 * know ("Texaco" of "Texaco Inc"; not "British" of "British Airways"). */
static void remember_company(resolver *r, uint32_t s, uint32_t e) {
  if (e <= s || e - s > 6 || r->n_cos == sizeof r->cos / sizeof r->cos[0])
    return;
  if (e - s == 1) {
    ptrdiff_t k = piece_at(r, s);
    if ((k >= 0 && r->pieces[k].kind != P_NAME) || word_id(r, s)) return;
  }
  for (uint32_t u = s; u < e; u++)
    if (unit_possessive(r, u)) return;
  int32_t cty = -1;
  for (uint32_t u = s; u < e && cty < 0; u++) {
    ptrdiff_t k = piece_at(r, u);
    if (k >= 0 && r->pieces[k].kind == KB_COUNTRY) cty = r->pieces[k].code;
  }
  uint64_t h = units_hash(r, s, e);
  for (size_t i = 0; i < r->n_cos; i++)
    if (r->cos[i].hash == h && r->cos[i].len == e - s) return;
  r->cos[r->n_cos].hash = h;
  r->cos[r->n_cos].len = e - s;
  r->cos[r->n_cos].code = cty;
  r->n_cos++;
  if (e - s > r->co_maxlen) r->co_maxlen = e - s;
  r->co_first |= first_bit(r, s);
}

/* "American Express said", after "American Express Co" earlier in the
 * article: the words of a remembered company name are the company. */
static void remembered_companies(resolver *r) {
  if (r->n_cos == 0) return;
  /* Every capitalised word is in a piece: a name starts at a piece. */
  for (size_t k = 0; k < r->n_pieces; k++) {
    const piece *pk = &r->pieces[k];
    uint32_t u = pk->u0;
    if (pk->kind == KB_PERSON || pk->kind == P_COMPANY || !cap_word(r, u) ||
        !(r->co_first & first_bit(r, u)))
      continue;
    uint32_t best = 0;
    uint64_t h = TD__KB_FNV0;
    for (uint32_t e = u; e < r->n_units && e - u < r->co_maxlen; e++) {
      if (!r->units[e].word) break;
      h = name_hash_bytes(h, r->doc->text + r->units[e].start,
                          r->units[e].end - r->units[e].start);
      for (size_t i = 0; i < r->n_cos; i++)
        if (r->cos[i].hash == h && r->cos[i].len == e + 1 - u) best = e + 1;
    }
    /* Whole pieces only: "American Express" is not half of a name. */
    ptrdiff_t pe = best ? piece_at(r, best - 1) : -1;
    if (best == 0 || (pe >= 0 && r->pieces[pe].u1 > best)) continue;
    company_piece(r, u, best); /* now pieces[k] */
  }
}

/* "Air Canada", "Chevron USA": an unknown capitalised word right before
 * a country's name makes a company's name with it, where a name may
 * begin: after punctuation or after "of", "the", "and", "with" ...
 * ("told Funaro Brazil would" is a person and a country). Not a person met
 * before, not two words joined by a hyphen
 * ("Franco-German" is two countries). */
static void companies_after_names(resolver *r) {
  for (size_t k = 0; k + 1 < r->n_pieces; k++) {
    const piece *p = &r->pieces[k], *q = &r->pieces[k + 1];
    if (p->kind != P_NAME || q->kind != KB_COUNTRY || q->u0 != p->u1 ||
        p->u1 - p->u0 > 3 || unit_possessive(r, p->u1 - 1) ||
        !td__is_space((unsigned char)r->doc->text[r->units[q->u0].start - 1]))
      continue;
    /* Not the sentence's first word either: "Two Palestinian bombers",
     * "Senior Japanese officials". */
    if (p->u0 <= first_word_unit(r)) continue;
    const unit *b = &r->units[p->u0 - 1];
    if (b->word && !(r->kb->tok_flags[unit_id(r, p->u0 - 1)] & KBT_CONN))
      continue;
    uint64_t hn = units_hash(r, p->u1 - 1, p->u1);
    int person = 0;
    for (size_t i = 0; i < r->doc->n_entities && !person; i++)
      person = r->doc->entities[i].kind == TD_ENT_PERSON &&
               (r->info[i].h_last == hn || r->info[i].h_full == hn);
    if (person) continue;
    company_piece(r, p->u0, q->u1);
  }
}

/* Company names (companies.txt): a run of capitalised words closed by a
 * legal suffix ("Anacomp Inc", "Nomura Securities Co Ltd") or a head noun
 * ("British Airways", "Texas Instruments") becomes one piece, P_COMPANY,
 * in place of the country, title or name pieces inside it ("American" of
 * "American Express", "General" of "General Motors"). A head noun makes
 * no company after a public word ("Reserve Bank") or before a title or
 * institution ("Saudi Oil Minister"); a name the kb knows whole ("World
 * Bank") is left alone. Runs take "of" after a company word ("Bank of
 * Tokyo Ltd") and "and", "&" between unknown words ("American Telephone
 * and Telegraph Co"), never a person or a possessive ("Japan's"). */
/* The honorific right before unit u0 ("Mr" of "Mr Hague": a capitalised
 * word token directly before a capitalised one): 1 + its index in
 * kb->honorific, 0 if there is none. */
static int honorific_before(const resolver *r, uint32_t u0) {
  if (u0 == 0 || r->kb->n_honorific == 0) return 0;
  const unit *h = &r->units[u0 - 1];
  if (!h->word || !h->cap || !r->units[u0].cap ||
      h->tok + 1 != r->units[u0].tok)
    return 0;
  return td__kb_honorific(r->kb, unit_id(r, u0 - 1));
}

/* "Mr Hague", "Lord Paris": a place, a country or a body right after an
 * honorific is the name of a person no dictionary knows (a P_NAME piece,
 * as an unknown capitalised run), not the place. Known people stay. */
static void honorific_names(resolver *r) {
  for (size_t i = 0; i < r->n_pieces; i++) {
    piece *p = &r->pieces[i];
    if (p->kind == P_NAME || p->kind == P_COMPANY || p->kind == KB_ROLE ||
        p->kind == KB_PRONOUN ||
        p->kind == KB_ACTOR) /* a dictionary's actor may be a person */
      continue;
    int h = honorific_before(r, p->u0);
    if (!h) continue;
    if (p->kind == KB_PERSON) {
      /* "Mrs Blair" is not Tony Blair: an honorific of the other gender
       * makes a known person's surname someone else's name */
      uint16_t g = r->kb->ent[p->entry].flags & (KBF_MALE | KBF_FEMALE);
      uint16_t hg = r->kb->honorific_gender[h - 1];
      if (!g || !hg || hg == g) continue;
    }
    p->kind = P_NAME;
    p->entry = -1;
    p->code = -1;
  }
}

static void find_companies(resolver *r) {
  const td_actor_kb *kb = r->kb;
  const unit *U = r->units;
  const uint8_t *tf = kb->tok_flags; /* tf[0] == 0: unknown words */
  size_t next = 0;                   /* the next piece that may open a run */
  /* No capitalised company word in the sentence: no run to find. */
  for (uint32_t i = r->co_maybe ? 1 : UINT32_MAX; i < r->n_units; i++) {
    /* A company word comes after a capitalised word or "and", "of", "&":
     * from anywhere else, jump to the next piece (every capitalised word
     * but a little one is in a piece). */
    const unit *b = &U[i - 1];
    if (!b->cap && !(tf[unit_id(r, i - 1)] & KBT_CONN) && b->punct != '?') {
      if (next > r->n_pieces) next = r->n_pieces; /* pieces were merged */
      while (next > 0 && r->pieces[next - 1].u0 >= i) next--;
      while (next < r->n_pieces && r->pieces[next].u0 < i) next++;
      if (next == r->n_pieces) break;
      i = r->pieces[next].u0; /* its own word opens no company */
      continue;
    }
    const unit *u = &U[i];
    int32_t uid = word_id(r, i);
    if (!(tf[uid] & KBT_COMPANY)) continue;
    if (!u->cap) continue;
    ptrdiff_t pi = piece_at(r, i);
    if (pi >= 0 && r->pieces[pi].kind != P_NAME) continue;
    /* The run's end: more company words ("Securities Co Ltd"). */
    uint32_t e = i + 1;
    int suffix = td__kb_company(kb, uid) == TD__KB_CO_SUFFIX;
    while (e < r->n_units && cap_word(r, e) && word_id(r, e) &&
           (kb->tok_flags[word_id(r, e)] & KBT_COMPANY)) {
      ptrdiff_t ep = piece_at(r, e);
      if (ep >= 0 && r->pieces[ep].kind != P_NAME) break;
      suffix |= td__kb_company(kb, word_id(r, e)) == TD__KB_CO_SUFFIX;
      e++;
    }
    if (!suffix) {
      if (td__kb_company(kb, unit_id(r, i - 1)) == TD__KB_CO_PUBLIC) {
        i = e - 1;
        continue;
      }
      ptrdiff_t ni = e < r->n_units ? piece_at(r, e) : -1;
      if (ni >= 0 && r->pieces[ni].kind == KB_ROLE &&
          (kb->ent[r->pieces[ni].entry].flags & (KBF_TITLE | KBF_INST))) {
        i = e - 1;
        continue;
      }
    }
    /* Its start, walking left. */
    uint32_t s = i;
    int named = 0; /* a word that is no little word ("The Company") */
    while (s > 0 && i - s < 6) {
      uint32_t j = s - 1;
      if (!cap_word(r, j)) {
        /* "Bank of Tokyo", "Telephone and Telegraph", "Procter & Gamble" */
        int of = unit_is(r, j, "of"),
            amp = r->units[j].punct == '?' &&
                  r->doc->text[r->units[j].start] == '&';
        if (!(of || amp || unit_is(r, j, "and")) || j == 0 ||
            !cap_word(r, j - 1) || unit_possessive(r, j - 1))
          break;
        int32_t lid = word_id(r, j - 1);
        ptrdiff_t lp = piece_at(r, j - 1);
        if (of ? !(lid && (kb->tok_flags[lid] & KBT_COMPANY))
               : (lp >= 0 && r->pieces[lp].kind != P_NAME))
          break;
        s = j;
        continue;
      }
      if (unit_possessive(r, j)) break;
      ptrdiff_t jp = piece_at(r, j);
      if (jp >= 0 &&
          (r->pieces[jp].kind == KB_PERSON ||
           r->pieces[jp].kind == KB_PRONOUN || r->pieces[jp].kind == P_COMPANY))
        break;
      uint32_t from = jp >= 0 ? r->pieces[jp].u0 : j;
      for (uint32_t v = from; v <= j; v++)
        if (!(kb->tok_flags[unit_id(r, v)] & KBT_NONNAME)) named = 1;
      s = from;
    }
    if (s == i || !named) {
      i = e - 1;
      continue;
    }
    /* The name without its legal suffix names the company again. */
    if (suffix) {
      uint32_t ne = e;
      while (ne > i &&
             td__kb_company(kb, word_id(r, ne - 1)) == TD__KB_CO_SUFFIX)
        ne--;
      remember_company(r, s, ne);
    }
    i = company_piece(r, s, e) - 1;
  }
  remembered_companies(r);
  if (r->kinds & 1u << KB_COUNTRY) companies_after_names(r);
}

/* Whether unit u could be the first name of kb person e: the same token
 * as the first word of its name, or that word's initial ("J. Baker"). */
static int first_name_of(const resolver *r, uint32_t u, const kb_entry *e) {
  const char *nm = td__kb_str(r->kb, e->name);
  const char *sp = strchr(nm, ' ');
  if (sp == NULL) return 1; /* a one-word name: nothing to compare */
  char w[64];
  size_t n = td__actor_norm_word(nm, (size_t)(sp - nm), w, sizeof w);
  if (n == 0) return 1;
  const unit *x = &r->units[u];
  int32_t id = unit_id(r, u);
  if (id && id == td__kb_tok_find(r->kb, w, n)) return 1;
  /* An initial. */
  return x->end - x->start <= 2 &&
         td__lower((unsigned char)r->doc->text[x->start]) ==
             (unsigned char)w[0];
}

/* A known person matched by the surname alone right after an unknown
 * first name that is not theirs is a namesake: "Dow Jones" is no David
 * Jones, "Charles H. Baker" no Howard Baker. The surname joins the
 * unknown name before it; alone, later, it is the namesake's. */
static void split_namesakes(resolver *r) {
  /* The surname of a namesake met earlier in the article is the
   * namesake's: "Mario Fernandez, director of ... Fernandez said". */
  for (size_t k = 0; k < r->n_pieces && r->n_persons; k++) {
    piece *p = &r->pieces[k];
    if (p->kind != KB_PERSON || p->u1 != p->u0 + 1 ||
        !strchr(td__kb_str(r->kb, r->kb->ent[p->entry].name), ' '))
      continue;
    uint64_t hn = units_hash(r, p->u0, p->u1);
    for (size_t i = 0; i < r->doc->n_entities; i++)
      if (r->doc->entities[i].kind == TD_ENT_PERSON &&
          r->info[i].h_last == hn && r->info[i].kb_entry != p->entry &&
          r->info[i].kb_learnt != p->entry) {
        p->kind = P_NAME;
        p->entry = p->code = -1;
        break;
      }
  }
  for (size_t k = 1; k < r->n_pieces; k++) {
    piece *p = &r->pieces[k], *q = &r->pieces[k - 1];
    if (p->kind != KB_PERSON || p->u1 != p->u0 + 1 || q->kind != P_NAME ||
        q->u1 != p->u0)
      continue;
    /* A first name: one word, perhaps with a middle initial ("Charles
     * H."); a longer run may be anything ("High Representative"). */
    if (q->u1 - q->u0 > 2 ||
        (q->u1 - q->u0 == 2 &&
         r->units[q->u1 - 1].end - r->units[q->u1 - 1].start > 2))
      continue;
    const kb_entry *e = &r->kb->ent[p->entry];
    if (first_name_of(r, q->u0, e)) continue;
    q->u1 = p->u1;
    memmove(p, p + 1, (r->n_pieces - k - 1) * sizeof *p);
    r->n_pieces--;
    k--;
  }
}

/* ---- entities and mentions ---- */

static void span_text(const resolver *r, uint32_t u0, uint32_t u1, char *out,
                      size_t n);
/* A new entity named name, or when name is NULL by the text of units
 * [u0, u1) (span_text, written in place). */
static int32_t new_entity_at(resolver *r, const char *name, uint32_t u0,
                             uint32_t u1, const char *code, uint8_t kind,
                             uint8_t how) {
  td_doc *d = r->doc;
  if (d->n_entities == r->cap_ent) {
    r->cap_ent = r->cap_ent ? r->cap_ent * 2 : 16;
    d->entities = td_xrealloc(d->entities, r->cap_ent * sizeof *d->entities);
  }
  if (d->n_entities >= r->info_cap) {
    r->info_cap = r->cap_ent;
    r->info = td_xrealloc(r->info, r->info_cap * sizeof *r->info);
  }
  /* Every field set, the strings only up to their NUL (the arrays are
   * scratch kept between articles, nothing reads past a string's end). */
  td_entity *e = &d->entities[d->n_entities];
  if (name)
    cpy(e->name, sizeof e->name, name);
  else
    span_text(r, u0, u1, e->name, sizeof e->name);
  code_cpy(e->code, code);
  e->title[0] = '\0';
  e->kind = kind;
  e->how = how;
  e->n_mentions = 0;
  ent_info *in = &r->info[d->n_entities];
  in->kb_entry = in->kb_learnt = -1;
  in->key[0] = '\0';
  in->gender = 0;
  in->n_heads = in->n_roles = 0;
  in->h_full = in->h_last = 0;
  in->last_mention = 0;
  if (kind == TD_ENT_PERSON) {
    in->h_full = name_hash_bytes(TD__KB_FNV0, e->name, strlen(e->name));
    const char *sp = strrchr(e->name, ' ');
    in->h_last =
        sp ? name_hash_bytes(TD__KB_FNV0, sp + 1, strlen(sp + 1)) : in->h_full;
    r->n_persons++;
  }
  return (int32_t)d->n_entities++;
}

static int32_t new_entity(resolver *r, const char *name, const char *code,
                          uint8_t kind, uint8_t how) {
  return new_entity_at(r, name, 0, 0, code, kind, how);
}

/* The entity of this article that a kb entry names, or -1. Entries
 * remember the article (by serial number) they were last bound in. */
static int32_t find_entity_kb(resolver *r, int64_t entry) {
  const kb_entry *e = &r->kb->ent[entry];
  return e->seen_doc == r->kb->doc_serial ? e->seen_ent : -1;
}

static void bind_entity(resolver *r, int64_t entry, int32_t ent) {
  kb_entry *e = &r->kb->ent[entry];
  e->seen_doc = r->kb->doc_serial;
  e->seen_ent = ent;
}

static int32_t find_entity_key(resolver *r, const char *key) {
  for (size_t i = 0; i < r->doc->n_entities; i++)
    if (r->info[i].kb_entry < 0 && strcmp(r->info[i].key, key) == 0)
      return (int32_t)i;
  return -1;
}

static void add_head(ent_info *in, int32_t tok) {
  if (tok == 0) return;
  for (unsigned i = 0; i < in->n_heads; i++)
    if (in->heads[i] == tok) return;
  if (in->n_heads < sizeof in->heads / sizeof in->heads[0])
    in->heads[in->n_heads++] = tok;
}

static void add_mention(resolver *r, uint32_t u0, uint32_t u1, uint32_t sent,
                        const char *code, int32_t entity, uint8_t how) {
  td_doc *d = r->doc;
  if (d->n_mentions == r->cap_ment) {
    r->cap_ment = r->cap_ment ? r->cap_ment * 2 : 32;
    d->mentions = td_xrealloc(d->mentions, r->cap_ment * sizeof *d->mentions);
  }
  td_actor_mention *m = &d->mentions[d->n_mentions];
  m->start = r->units[u0].start;
  m->end = r->units[u1 - 1].end;
  m->sent = sent;
  m->tok_first = r->units[u0].tok;
  m->tok_end = r->units[u1 - 1].tok + 1;
  code_cpy(m->code, code);
  m->entity = entity;
  m->how = how;
  r->done = u1;
  if (entity >= 0) {
    td_entity *e = &d->entities[entity];
    if (e->n_mentions < UINT16_MAX) e->n_mentions++;
    if (how < e->how) e->how = how;
    r->info[entity].last_mention = d->n_mentions;
  }
  d->n_mentions++;
}

/* ---- noun groups ---- */

/* What a chain of pieces says: a country or organisation base, a role. */
struct chain_code {
  char base[24]; /* "USA", "IGOWSTNAT", "RUS" */
  char role[8];  /* "GOV" ... */
  char seat_role[8];
  char dflt[24]; /* a default country or organisation from a role */
  int is_org;    /* base is a full organisation code */
  int has_title; /* a title or institution word */
  int has_role;  /* any role word */
  int person_title; /* a title of a person ("a deputy minister"), not a
                       body or institution ("radio", "ministry") */
  int party;        /* base is a party's code (parties.txt) */
  int32_t heads[4];
  unsigned n_heads;
  int32_t roles[4]; /* its title role entries */
  unsigned n_roles;
};

static void add_roles(ent_info *in, const chain_code *cc) {
  for (unsigned h = 0; h < cc->n_heads; h++) {
    int32_t tok = cc->heads[h];
    int dup = 0;
    for (unsigned i = 0; i < in->n_heads; i++) dup |= in->heads[i] == tok;
    if (!dup && in->n_heads < sizeof in->heads / sizeof in->heads[0])
      in->heads[in->n_heads++] = tok;
  }
  for (unsigned h = 0; h < cc->n_roles; h++) {
    int dup = 0;
    for (unsigned i = 0; i < in->n_roles; i++)
      dup |= in->roles[i] == cc->roles[h];
    if (!dup && in->n_roles < sizeof in->roles / sizeof in->roles[0])
      in->roles[in->n_roles++] = cc->roles[h];
  }
}

/* A company's code: BUS after the country named in it, else BUS alone. */
static void company_code(const resolver *r, const piece *p, char *out,
                         size_t n) {
  const char *c = p->code >= 0 ? r->kb->codes[p->code].code : "";
  size_t k = 0;
  while (k < 3 && c[k] && k + 4 < n) {
    out[k] = c[k];
    k++;
  }
  memcpy(out + k, "BUS", 4);
}

static void chain_add(resolver *r, chain_code *cc, const piece *p) {
  const char *pc = PCODE(r, p);
  const kb_entry *e = p->entry >= 0 ? &r->kb->ent[p->entry] : NULL;
  switch (p->kind) {
    case KB_COUNTRY:
      if (!cc->base[0]) cpy(cc->base, sizeof cc->base, pc);
      break;
    case KB_SEAT:
      if (!cc->base[0]) {
        memcpy(cc->base, pc, 3);
        cc->base[3] = '\0';
        cpy(cc->seat_role, sizeof cc->seat_role, pc + 3);
      } else if (!cc->seat_role[0] && !cc->is_org &&
                 !strncmp(pc, cc->base, 3)) {
        /* "U.S. Senate": the seat's role */
        cpy(cc->seat_role, sizeof cc->seat_role, pc + 3);
      }
      break;
    case KB_ORG:
    case KB_ACTOR:
      /* A party decides for its people over the country named before it
       * ("Scottish Conservative leader David McLetchie" is GBROPP). */
      if (!cc->base[0] || (p->kind == KB_ORG && pc[0] &&
                           (r->kb->ent[p->entry].flags & KBF_PARTY) &&
                           !cc->is_org && !cc->seat_role[0] &&
                           !strncmp(pc, cc->base, 3))) {
        cc->party = p->kind == KB_ORG && p->entry >= 0 &&
                    (r->kb->ent[p->entry].flags & KBF_PARTY);
        cpy(cc->base, sizeof cc->base, pc);
        /* Organisations keep their code for their people ("IGO" of a
         * dictionary too); a country-coded actor takes a role. */
        cc->is_org = p->kind == KB_ORG || strlen(pc) > 3 ||
                     !strncmp(pc, "IGO", 3) || !strncmp(pc, "NGO", 3) ||
                     !strncmp(pc, "MNC", 3);
      }
      /* An imported title ("THE_US_SECRETARY_OF_STATE [USAGOV]"). */
      if (p->kind == KB_ACTOR && strlen(pc) > 3 && !strncmp(pc, cc->base, 3))
        cc->has_title = 1;
      break;
    case P_COMPANY:
      /* A company's people and units are the company's ("Nomura
       * Securities Co spokesman", "a vice president of Acme Corp"). */
      if (!cc->base[0]) {
        company_code(r, p, cc->base, sizeof cc->base);
        cc->is_org = 1;
      }
      break;
    case KB_ROLE:
      cc->has_role = 1;
      if (e->flags & (KBF_TITLE | KBF_INST)) cc->has_title = 1;
      if ((e->flags & KBF_TITLE) && !(e->flags & KBF_INST))
        cc->person_title = 1;
      if (e->role[0]) cpy(cc->role, sizeof cc->role, e->role);
      if (e->country[0] && !cc->dflt[0])
        cpy(cc->dflt, sizeof cc->dflt, e->country);
      if (cc->n_heads < 4 && e->last_tok)
        cc->heads[cc->n_heads++] = e->last_tok;
      if (cc->n_roles < 4) cc->roles[cc->n_roles++] = p->entry;
      break;
  }
}

/* Whether the words after unit u1 - 1 (a noun of companies.txt, or one
 * lowercase word that is no verb or auxiliary and then one) describe a
 * company: "U.S. media company Cannon Group", "UK airport operator BAA";
 * not "UK will stand firm". */
static int business_after(const resolver *r, uint32_t u1) {
  const td_doc *d = r->doc;
  const td_actor_kb *kb = r->kb;
  uint32_t k = r->units[u1 - 1].tok + 1;
  if (k >= d->n_toks) return 0;
  const td_token *t = &d->toks[k];
  if (t->kind != TD_TOK_WORD || (t->flags & TD_TOKF_CAP)) return 0;
  const char *w = d->text + t->start;
  size_t len = t->end - t->start;
  if (td__kb_co_noun_may(kb, w, len) && td__kb_co_noun(kb, w, len)) return 1;
  /* one word between: "UK airport operator" */
  if (k + 1 >= d->n_toks) return 0;
  const td_token *t2 = &d->toks[k + 1];
  const char *w2 = d->text + t2->start;
  size_t len2 = t2->end - t2->start;
  if (t2->kind != TD_TOK_WORD || (t2->flags & TD_TOKF_CAP) ||
      !td__kb_co_noun_may(kb, w2, len2))
    return 0;
  /* "UK will stand firm": a verb or auxiliary ends the noun phrase */
  if (td__kb_clause_word(kb, w, len) ||
      (len > 3 &&
       (!memcmp(w + len - 2, "ed", 2) || !memcmp(w + len - 3, "ing", 3))))
    return 0;
  return td__kb_co_noun(kb, w2, len2);
}

/* The code a chain makes, or "" when it names no country or organisation. */
static void chain_result(const chain_code *cc, char *out, size_t n) {
  const char *base = cc->base[0] ? cc->base : cc->dflt;
  if (!base[0]) {
    out[0] = '\0';
    return;
  }
  /* A party's legislators are the legislature ("Republican senator",
   * "Labour MPs"): the party's country, LEG. */
  if (cc->party && !strcmp(cc->role, "LEG")) {
    snprintf(out, n, "%.3sLEG", base);
    return;
  }
  if (cc->is_org || strlen(base) > 3) {
    /* An organisation's people and bodies take its code. */
    cpy(out, n, base);
    return;
  }
  const char *role = cc->role[0]        ? cc->role
                     : cc->seat_role[0] ? cc->seat_role
                     : cc->has_title    ? "GOV"
                                        : "";
  /* A government title in a seat of another branch is that branch's
   * ("U.S. Senate Republican leader" is USALEG) */
  if (cc->seat_role[0] && strcmp(cc->seat_role, "GOV") != 0 &&
      strcmp(role, "GOV") == 0)
    role = cc->seat_role;
  size_t rl = strlen(role);
  if (rl > 1 && role[rl - 1] == '~') {
    /* A dictionary's prefix agent ("[NGO~]"): NGO + GON. */
    snprintf(out, n, "%.*s%s", (int)(rl - 1), role, base);
    return;
  }
  cpy(out, n, base);
  size_t bl = strlen(out);
  cpy(out + bl, n - bl, role);
}

static int is_conn(const resolver *r, size_t u, int appos) {
  int32_t id = unit_id(r, u);
  const td_actor_kb *kb = r->kb;
  if (!r->units[u].word || id == 0) return 0;
  if (id == kb->w_of || id == kb->w_the || id == kb->w_in) return 1;
  if (appos && (id == kb->w_with || id == kb->w_at || id == kb->w_from ||
                id == kb->w_for))
    return 1;
  return 0;
}

static int chain_piece(const piece *p) {
  /* KB_COUNTRY, KB_SEAT, KB_ORG, KB_ROLE, KB_ACTOR, P_COMPANY */
  enum {
    M = 1u << KB_COUNTRY | 1u << KB_SEAT | 1u << KB_ORG | 1u << KB_ROLE |
        1u << KB_ACTOR
  };
  return p->kind < 32 ? (M >> p->kind) & 1 : p->kind == P_COMPANY;
}

static int piece_is_body(const resolver *r, const piece *p) {
  return p->kind == KB_ROLE &&
         !(r->kb->ent[p->entry].flags & (KBF_TITLE | KBF_INST));
}

/* Two name pieces of a chain that name different actors (Russia, NATO)
 * do not join: "Russia-NATO Council" is two mentions. */
static int compatible(const resolver *r, const piece *a, const piece *b) {
  if (a->kind == KB_ROLE || b->kind == KB_ROLE) return 1;
  if (a->kind == P_COMPANY || b->kind == P_COMPANY) return 0;
  return strncmp(PCODE(r, a), PCODE(r, b), 3) == 0;
}

/* The first piece of the chain ending right before piece k (pieces
 * [first, k)), joined by adjacency or connectors; k itself when none. *
 * conn_ok allows the apposition connectors. */
static size_t chain_left(const resolver *r, size_t k) {
  size_t first = k;
  uint32_t left = r->pieces[k].u0;
  while (first > 0) {
    const piece *p = &r->pieces[first - 1];
    if (!chain_piece(p) || piece_is_body(r, p)) break;
    /* Units between p and the chain: only "of"/"the", or "( X )". */
    uint32_t u = p->u1;
    int ok = 1;
    while (u < left) {
      if (is_conn(r, u, 0)) {
        u++;
        continue;
      }
      ok = 0;
      break;
    }
    if (!ok) {
      /* "Organization for ... Europe (OSCE) Chairman": skip "( ORG )". */
      if (first >= 2 && r->pieces[first - 1].kind == KB_ORG &&
          r->units[r->pieces[first - 1].u0 - 1].punct == '(' &&
          r->pieces[first - 1].u1 < r->n_units &&
          r->units[r->pieces[first - 1].u1].punct == ')' &&
          r->pieces[first - 1].u1 + 1 == left &&
          r->pieces[first - 2].u1 + 1 == r->pieces[first - 1].u0 &&
          compatible(r, &r->pieces[first - 2], &r->pieces[first - 1])) {
        first -= 2;
        left = r->pieces[first].u0;
        continue;
      }
      break;
    }
    /* Stop at an actor that does not agree with one already in. */
    int agree = 1;
    for (size_t q = first; q < k; q++)
      if (!compatible(r, p, &r->pieces[q])) agree = 0;
    if (!agree) break;
    first--;
    left = p->u0;
  }
  /* A chain never starts with a connector; it starts at its first piece. */
  return first;
}

/* What the word of unit u is in clause_words.txt (td__kb_clause_word): a
 * plain word hashed straight from the text as build_units hashes it, the
 * others normalised first. */
static int clause_word_at(const resolver *r, uint32_t u) {
  const unit *x = &r->units[u];
  uint64_t h;
  if (plain_hash(r->text, x->start, x->end, &h))
    return td__kb_clause_hash(r->kb, h);
  return td__kb_clause_word(r->kb, r->doc->text + x->start, x->end - x->start);
}

/* The apposition after unit u (", a reporter with Voice of America"):
 * returns the number of pieces from k that form it (0 if none) and fills
 * cc. */
static size_t apposition(resolver *r, size_t k, uint32_t u, int opens,
                         chain_code *cc) {
  if (u >= r->n_units || r->units[u].punct != ',') return 0;
  u++;
  if (u < r->n_units && r->units[u].word &&
      (unit_id(r, u) == r->kb->w_a || unit_id(r, u) == r->kb->w_an ||
       unit_id(r, u) == r->kb->w_the))
    u++;
  size_t q = k;
  int titled = 0;
  while (q < r->n_pieces && r->pieces[q].u0 >= u) {
    const piece *p = &r->pieces[q];
    /* Only connectors between pieces. */
    uint32_t v = u;
    while (v < p->u0 && is_conn(r, v, 1)) v++;
    if (v != p->u0 || !chain_piece(p)) break;
    if (q == k && p->kind != KB_ROLE) break; /* it must open with a role */
    if (p->kind == KB_ROLE &&
        (r->kb->ent[p->entry].flags & (KBF_TITLE | KBF_INST)))
      titled = 1;
    chain_add(r, cc, p);
    u = p->u1;
    q++;
  }
  if (!titled) return 0;
  /* After a name inside a clause, a reporting verb or an auxiliary right
   * after it makes the title the subject of a new clause: "Echoing
   * Condoleezza Rice, the prime minister said". A name that opens the
   * sentence or follows a mark (opens) keeps it, the closing comma left
   * out as wires often do ("..., Edward Niedermeyer, president of
   * Niedermeyer-Martin Co said"). */
  if (!opens && u < r->n_units && r->units[u].word && !r->units[u].cap &&
      clause_word_at(r, u))
    return 0;
  return q - k;
}

/* Whether pieces [a, b) hold a title word (not only institutions). */
static int chain_has_title_word(const resolver *r, size_t a, size_t b) {
  for (size_t q = a; q < b; q++)
    if (r->pieces[q].kind == KB_ROLE &&
        (r->kb->ent[r->pieces[q].entry].flags & KBF_TITLE))
      return 1;
    else if (r->pieces[q].kind == KB_ACTOR && r->pieces[q].code >= 0 &&
             strlen(PCODE(r, &r->pieces[q])) > 3)
      return 1; /* an imported title ("THE_US_SECRETARY_OF_STATE") */
  return 0;
}

static int gender_ok(uint16_t want, uint16_t have) {
  return !have || !want || (want & have);
}

/* The latest person entity with a title head tok (and a code starting
 * with base when base is set), -1 if none. */
static int32_t coref_title(resolver *r, const chain_code *cc) {
  td_doc *d = r->doc;
  int32_t best = -1;
  size_t best_m = 0;
  for (size_t i = 0; i < d->n_entities; i++) {
    if (d->entities[i].kind != TD_ENT_PERSON) continue;
    /* A one-word title ("the Secretary", "the Minister") refers to a
     * person whose title has that head word; a longer one ("press
     * secretary") only to a person who was given the same title. */
    int hit = 0;
    for (unsigned h = 0; h < cc->n_roles && !hit; h++) {
      const kb_entry *re = &r->kb->ent[cc->roles[h]];
      if (re->n_toks == 1) {
        for (unsigned j = 0; j < r->info[i].n_heads; j++)
          if (r->info[i].heads[j] == re->last_tok) hit = 1;
      } else {
        for (unsigned j = 0; j < r->info[i].n_roles; j++)
          if (r->info[i].roles[j] == cc->roles[h]) hit = 1;
      }
    }
    if (!hit) continue;
    if (cc->base[0] && strncmp(d->entities[i].code, cc->base, 3) != 0) continue;
    if (best < 0 || r->info[i].last_mention >= best_m) {
      best = (int32_t)i;
      best_m = r->info[i].last_mention;
    }
  }
  return best;
}

/* The text of units [u0, u1) with single spaces, into out. */
static void span_text(const resolver *r, uint32_t u0, uint32_t u1, char *out,
                      size_t n) {
  size_t k = 0;
  for (uint32_t u = u0; u < u1 && k + 1 < n; u++) {
    const unit *x = &r->units[u];
    if (u > u0 && x->start > r->units[u - 1].end && k + 1 < n) out[k++] = ' ';
    if (u > u0 && x->start == r->units[u - 1].end &&
        r->doc->text[x->start - 1] == '-' && k + 1 < n)
      out[k++] = '-';
    size_t m = x->end - x->start;
    if (m > n - 1 - k) m = n - 1 - k;
    memcpy(out + k, r->doc->text + x->start, m);
    k += m;
  }
  /* Drop a possessive 's. */
  if (k >= 2 && out[k - 1] == 's' && out[k - 2] == '\'') k -= 2;
  if (k + 1 >= n) k = utf8_cut(out, k);
  out[k] = '\0';
}

/* Is a name run a plausible person name? Two to four capitalised words,
 * or one word that is not the first of its sentence. */
static uint32_t sent_first(const resolver *r);
/* s0: the sentence's first word (sent_first), worked out when first needed:
 * UINT32_MAX until then. */
static int plausible_name(const resolver *r, const piece *p, uint32_t *s0) {
  uint32_t n = p->u1 - p->u0;
  if (n > 4) return 0;
  if (n == 1 && *s0 == UINT32_MAX) *s0 = sent_first(r);
  if (n == 1 && p->u0 == *s0) {
    /* A sentence's first word is a name only when it is the surname of
     * a person met before ("Stoltenberg said so"). */
    uint64_t hn = units_hash(r, p->u0, p->u1);
    int met = 0;
    for (size_t i = 0; i < r->doc->n_entities && !met; i++)
      met =
          r->doc->entities[i].kind == TD_ENT_PERSON && r->info[i].h_last == hn;
    if (!met) return 0;
  }
  /* "On Wednesday", "In December": weekdays, months and little words
   * are no names. */
  for (uint32_t u = p->u0; u < p->u1; u++) {
    int32_t id = unit_id(r, u);
    if (id && (r->kb->tok_flags[id] & KBT_NONNAME)) return 0;
  }
  /* Initials are fine inside a name, not alone; a lone word in
   * capitals is an acronym ("EEP"), not a person. */
  if (n == 1) {
    const unit *u = &r->units[p->u0];
    if (u->end - u->start < 2) return 0;
    uint32_t b = u->start;
    while (b < u->end && td__is_upper((unsigned char)r->doc->text[b])) b++;
    if (b == u->end) return 0;
  }
  return 1;
}

/* A person mention: kb entry (or -1 for an unknown name) over units
 * [u0, u1), its name units [n0, n1). */
static void person_mention(resolver *r, uint32_t sent, uint32_t u0, uint32_t u1,
                           uint32_t n0, uint32_t n1, const piece *name,
                           const chain_code *title, const chain_code *appos) {
  td_actor_kb *kb = r->kb;
  char tcode[24] = "", acode[24] = "", text_code[24] = "";
  if (title) chain_result(title, tcode, sizeof tcode);
  if (appos) chain_result(appos, acode, sizeof acode);
  /* "former Senate Republican leader Howard Baker": a former office is no
   * role now; its holder is the country's, with the prefix's role (ELI) */
  if (title && strlen(tcode) >= 3 && u0 > 0 && r->units[u0 - 1].word) {
    int32_t id = unit_id(r, u0 - 1);
    for (size_t i = 0; i < kb->n_prefix && id > 0; i++)
      if (kb->prefix[i].id == id) {
        memcpy(tcode + 3, kb->prefix[i].role, 4); /* "GBR" + "ELI\0" */
        break;
      }
  }
  if (tcode[0])
    cpy(text_code, sizeof text_code, tcode);
  else if (acode[0])
    cpy(text_code, sizeof text_code, acode);
  const kb_entry *ke = name->entry >= 0 ? &kb->ent[name->entry] : NULL;
  int32_t ent = -1;
  uint8_t how;
  const char *code;
  if (ke) {
    how = (ke->flags & KBF_LEARNT) ? TD_ACTOR_LEARNT : TD_ACTOR_DICT;
    code = PCODE(r, name);
    /* The text's own title is the freshest evidence: it wins, and is
     * learnt with the article's date. */
    if (text_code[0] && strcmp(text_code, PCODE(r, name)) != 0) {
      code = text_code;
      how = TD_ACTOR_TITLE;
    }
    ent = find_entity_kb(r, name->entry);
    /* A person learnt from this very article is a coreference. */
    if (ent >= 0 && how == TD_ACTOR_LEARNT) how = TD_ACTOR_COREF;
    if (ent < 0) {
      ent = new_entity(r, td__kb_str(kb, ke->name), code, TD_ENT_PERSON, how);
      r->info[ent].kb_entry = name->entry;
      bind_entity(r, name->entry, ent);
      r->info[ent].gender = ke->flags & (KBF_MALE | KBF_FEMALE);
      add_head(&r->info[ent], ke->title_tok);
    } else if (how == TD_ACTOR_TITLE) {
      snprintf(r->doc->entities[ent].code, sizeof r->doc->entities[ent].code,
               "%s", code);
    }
  } else {
    /* An unknown name: a name met before in this article (the same name
     * or its last word), else the text's title makes the code. */
    uint64_t hr = TD__KB_FNV0;
    for (uint32_t u = n0; u < n1; u++)
      hr = name_hash_bytes(hr, r->doc->text + r->units[u].start,
                           r->units[u].end - r->units[u].start);
    /* "Mrs Blair" after "Tony Blair": an honorific of the other gender
     * names someone else */
    int hon = honorific_before(r, n0);
    uint16_t hg = hon ? r->kb->honorific_gender[hon - 1] : 0;
    for (size_t i = 0; i < r->doc->n_entities && ent < 0; i++)
      if (r->doc->entities[i].kind == TD_ENT_PERSON &&
          r->info[i].h_full == hr && gender_ok(hg, r->info[i].gender))
        ent = (int32_t)i;
    /* A single known word ("Vladimir" of "[President Vladimir] Putin")
     * is part of a name, not a new person. */
    if (ent < 0 && n1 - n0 == 1 && unit_id(r, n0) != 0) text_code[0] = '\0';
    if (ent < 0 && !text_code[0])
      for (size_t i = 0; i < r->doc->n_entities && ent < 0; i++)
        if (r->doc->entities[i].kind == TD_ENT_PERSON &&
            r->info[i].h_last == hr && gender_ok(hg, r->info[i].gender))
          ent = (int32_t)i;
    if (ent >= 0) {
      how = text_code[0] ? TD_ACTOR_TITLE : TD_ACTOR_COREF;
      code = text_code[0] ? text_code : r->doc->entities[ent].code;
    } else {
      if (!text_code[0]) return;
      how = TD_ACTOR_TITLE;
      code = text_code;
      ent = new_entity_at(r, NULL, n0, n1, code, TD_ENT_PERSON, how);
    }
  }
  ent_info *in = &r->info[ent];
  if (title) add_roles(in, title);
  if (appos) add_roles(in, appos);
  td_entity *e = &r->doc->entities[ent];
  if (how == TD_ACTOR_TITLE && !e->title[0]) {
    uint32_t t0 = u0 < n0 ? u0 : n0;
    if (t0 < n0) span_text(r, t0, n0, e->title, sizeof e->title);
    /* Learn a full name (two words or more) with its title. */
    if (strchr(e->name, ' ') && r->day != INT32_MIN) {
      units_settle(r);
      int64_t le = td__kb_learn(kb, e->name, code, e->title, r->day,
                                r->info[ent].gender);
      /* Later mentions found through the learnt entry are this entity. */
      r->info[ent].kb_learnt = le;
      if (le >= 0) bind_entity(r, le, ent);
    }
  }
  add_mention(r, u0, u1, sent, code, ent, how);
}

static uint8_t kind_of_piece(const piece *p) {
  switch (p->kind) {
    case KB_COUNTRY:
      return TD_ENT_COUNTRY;
    case KB_PERSON:
      return TD_ENT_PERSON;
    default:
      return TD_ENT_ORG;
  }
}

/* A mention of a named actor (country, seat, organisation, dict actor). */
static void named_mention(resolver *r, uint32_t sent, const piece *p) {
  const kb_entry *ke = &r->kb->ent[p->entry];
  int32_t ent = find_entity_kb(r, p->entry);
  if (ent < 0) {
    char nm[64];
    const char *cn = td__kb_str(r->kb, ke->name);
    if (!cn[0]) {
      span_text(r, p->u0, p->u1, nm, sizeof nm);
      cn = nm;
    }
    ent =
        new_entity(r, cn, PCODE(r, p), kind_of_piece(p),
                   (ke->flags & KBF_LEARNT) ? TD_ACTOR_LEARNT : TD_ACTOR_DICT);
    r->info[ent].kb_entry = p->entry;
    bind_entity(r, p->entry, ent);
  }
  add_mention(r, p->u0, p->u1, sent, PCODE(r, p), ent,
              (ke->flags & KBF_LEARNT) ? TD_ACTOR_LEARNT : TD_ACTOR_DICT);
}

/* A mention of a company (find_companies): one entity per code and name
 * in the article. */
static void company_mention(resolver *r, uint32_t sent, const piece *p) {
  char code[8];
  company_code(r, p, code, sizeof code);
  /* Its entity: the same words and code met before (info's h_full holds
   * a company's name hash; key stays empty). */
  uint64_t h = units_hash(r, p->u0, p->u1);
  int32_t ent = -1;
  for (size_t i = 0; i < r->doc->n_entities && ent < 0; i++)
    if (r->info[i].kb_entry < 0 && r->info[i].h_full == h &&
        r->doc->entities[i].kind == TD_ENT_ORG &&
        strcmp(r->doc->entities[i].code, code) == 0)
      ent = (int32_t)i;
  if (ent < 0) {
    ent = new_entity_at(r, NULL, p->u0, p->u1, code, TD_ENT_ORG, TD_ACTOR_DICT);
    r->info[ent].h_full = h;
  }
  add_mention(r, p->u0, p->u1, sent, code, ent, TD_ACTOR_DICT);
}

/* A mention of a piece that names an actor by itself. */
static void piece_mention(resolver *r, uint32_t sent, const piece *p) {
  if (p->kind == P_COMPANY)
    company_mention(r, sent, p);
  else
    named_mention(r, sent, p);
}

/* The piece holding the name of the person whose name starts at piece k:
 * k itself, or the known person right after an unknown first name ("Jens
 * [Stoltenberg]", "J. [Smith]"). A first name is one word: a longer run
 * ("High RepresentaJens [Stoltenberg]") is no part of the person's name. */
static size_t person_head(const resolver *r, size_t k) {
  const piece *p = &r->pieces[k];
  if (p->kind == P_NAME && p->u1 == p->u0 + 1 && k + 1 < r->n_pieces &&
      r->pieces[k + 1].kind == KB_PERSON &&
      (r->pieces[k + 1].u0 == p->u1 ||
       (r->pieces[k + 1].u0 == p->u1 + 1 && r->units[p->u1].punct == '.' &&
        r->units[p->u1 - 1].end - r->units[p->u1 - 1].start == 1)))
    return k + 1;
  return k;
}

/* Do pieces [first, k) form the title of the person named from piece k
 * (head: person_head(r, k))? The one test deciding whether a chain before
 * a name is part of the person's mention or mentions of its own; title
 * gets the chain's codes. */
static int person_title(resolver *r, size_t first, size_t k, size_t head,
                        chain_code *title) {
  for (size_t q = first; q < k; q++) chain_add(r, title, &r->pieces[q]);
  if (!title->has_title) return 0;
  if (r->pieces[head].kind != P_NAME) return 1;
  /* An unknown name right after a country or organisation is the rest of
   * an organisation's name ("secretary of the British Medical
   * Association"), not a person's: a person's name follows a title or an
   * institution ("spokesperson Pricey", "of the Ukrainian Foreign Ministry
   * Dmitry Kuleba"). */
  if (!(k > 0 && r->pieces[k - 1].kind == KB_ROLE &&
        (r->kb->ent[r->pieces[k - 1].entry].flags & (KBF_TITLE | KBF_INST))))
    return 0;
  /* After an institution, a person needs a title in the chain too
   * ("representative of the Ukrainian Foreign Ministry Dmitry Kuleba", not
   * "Singapore Government Securities Market"). */
  return chain_has_title_word(r, first, k);
}

/* The first word of the sentence: its first unit that is a word, counted
 * as if a gap took in every gap after it (the scan leaves short words
 * apart: see build_units). */
static uint32_t sent_first(const resolver *r) {
  int in_gap = 0;
  for (uint32_t u = 0; u < r->n_units; u++) {
    if (unit_gap(r, u)) {
      if (in_gap) continue; /* in the gap before */
      in_gap = 1;
    } else {
      in_gap = 0;
    }
    if (r->units[u].word) return u;
  }
  return (uint32_t)r->n_units;
}

/* Whether units [a, b) would be at most one unit if a gap took in every
 * gap after it. */
static int merged_le1(const resolver *r, uint32_t a, uint32_t b) {
  if (b <= a + 1) return 1;
  for (uint32_t u = a; u < b; u++)
    if (!unit_gap(r, u)) return 0;
  return 1;
}

/* Whether a mention of sentence sent covers doc token tok, the first of
 * a name after an honorific, or ends right before the honorific ("London
 * mayor Mr Livingstone": the name is the titled person's after all). */
static int name_in_mention(const resolver *r, uint32_t sent, uint32_t tok) {
  for (size_t i = r->doc->n_mentions; i-- > 0;) {
    const td_actor_mention *m = &r->doc->mentions[i];
    if (m->sent < sent) break;
    if (m->sent == sent && m->tok_first < tok && tok <= m->tok_end + 1)
      return 1;
  }
  return 0;
}

/* Whether token k of doc d is a double quotation mark. */
static int quote_tok(const td_doc *d, uint32_t k) {
  return td__quote_mark(d->text, &d->toks[k]) == TD__QUOTE_DOUBLE;
}

/* The sentence where the quotation closed right before token k (of
 * sentence sent) opened, and in *open its opening mark; sent and k when
 * no quotation closes there. */
static uint32_t quote_opened(const td_doc *d, uint32_t k, uint32_t sent,
                             uint32_t *open) {
  *open = k;
  if (k == 0 || !quote_tok(d, k - 1)) return sent;
  /* its opening mark, at most a few sentences back */
  uint32_t lo = sent >= 6 ? d->sents[sent - 6].tok_first : 0;
  for (uint32_t j = k - 1; j-- > lo;) {
    if (!quote_tok(d, j)) continue;
    uint32_t s = sent;
    while (s > 0 && d->sents[s].tok_first > j) s--;
    *open = j;
    return s;
  }
  return sent;
}

static void resolve_sentence(resolver *r, uint32_t sent) {
  size_t k = 0;
  r->done = 0;
  uint32_t s0 = UINT32_MAX; /* sent_first(r), when needed */
  while (k < r->n_pieces) {
    piece *p = &r->pieces[k];
    if (p->kind == KB_PRONOUN) {
      const kb_entry *pe = &r->kb->ent[p->entry];
      uint16_t want = pe->flags & (KBF_MALE | KBF_FEMALE);
      /* The latest person the pronoun fits, before the quotation it
       * attributes if it closes one ('... too," she said': who speaks
       * was named before it opened, not inside it). A person named two
       * sentences back or more is no longer "he": news names its next
       * speaker, and the one between may be someone no dictionary or
       * title codes ("Lewis of Phillips and Drew"); the sentences of the
       * quotation count as one. */
      const td_actor_mention *M = r->doc->mentions;
      uint32_t qopen, tok = r->units[p->u0].tok;
      uint32_t from = quote_opened(r->doc, tok, sent, &qopen);
      /* Of the people of that sentence, the one named first, its subject
       * most often, is who "he" goes on about: "Mr Kennedy held talks with
       * Tony Blair on Friday. He said afterwards ..." (best_m: the latest
       * mention that fits). */
      int32_t best = -1;
      size_t best_m = 0;
      for (size_t j = r->doc->n_mentions; j-- > 0 && M[j].sent + 2 >= from;) {
        int32_t e = M[j].entity;
        if (M[j].tok_first >= qopen || e < 0 ||
            r->doc->entities[e].kind != TD_ENT_PERSON ||
            !gender_ok(want, r->info[e].gender))
          continue;
        if (best >= 0 && M[j].sent != M[best_m].sent) break;
        if (best < 0) best_m = j;
        best = e;
      }
      /* Nor is one named before an uncoded "Mrs Parker Bowles" whom the
       * pronoun fits. */
      if (best >= 0 && r->unk_set && r->unk_ment > best_m &&
          r->unk_sent + 2 >= sent && gender_ok(want, r->unk_gender) &&
          !name_in_mention(r, r->unk_sent, r->unk_tok))
        best = -1;
      if (best >= 0)
        add_mention(r, p->u0, p->u1, sent, r->doc->entities[best].code, best,
                    TD_ACTOR_COREF);
      k++;
      continue;
    }
    if (p->kind == KB_PERSON || p->kind == P_NAME) {
      /* An uncoded name that speaks ("Lyng said", "Lyng told") is who
       * a pronoun after it most likely means, like one after "Mr". That
       * only keeps a pronoun from a person named before the name: while
       * the article has no person, none can be, and nothing is looked
       * at. */
      int h = 0, speaks = 0;
      if (p->kind == P_NAME && r->n_persons) {
        h = honorific_before(r, p->u0);
        speaks = !h && p->u1 < r->n_units && r->units[p->u1].word &&
                 !r->units[p->u1].cap &&
                 clause_word_at(r, p->u1) == TD__KB_CLAUSE_SAY;
      }
      if (h || speaks) {
        r->unk_set = 1;
        r->unk_ment = r->doc->n_mentions;
        r->unk_sent = sent;
        r->unk_tok = r->units[p->u0].tok;
        r->unk_gender = h ? r->kb->honorific_gender[h - 1] : 0;
      }
      /* Most capitalised runs are names of nothing the article codes: no
       * title before, no apposition after, no known person after, and
       * no person met before whose name they could repeat. */
      if (p->kind == P_NAME && !r->n_persons &&
          !(k > 0 && r->pieces[k - 1].kind == KB_ROLE &&
            r->pieces[k - 1].u1 == p->u0) &&
          !(p->u1 < r->n_units && r->units[p->u1].punct == ',') &&
          !(k + 1 < r->n_pieces && r->pieces[k + 1].kind == KB_PERSON &&
            merged_le1(r, p->u1, r->pieces[k + 1].u0))) {
        k++;
        continue;
      }
      if (p->kind == P_NAME && !plausible_name(r, p, &s0)) {
        k++;
        continue;
      }
      /* An unknown first name right before a known person joins it. */
      uint32_t n0 = p->u0;
      size_t head = person_head(r, k);
      uint32_t n1 = r->pieces[head].u1;
      const piece *hp = &r->pieces[head];
      if (hp->kind == P_NAME &&
          !(k > 0 && r->pieces[k - 1].kind == KB_ROLE &&
            r->pieces[k - 1].u1 == p->u0 &&
            (r->kb->ent[r->pieces[k - 1].entry].flags &
             (KBF_TITLE | KBF_INST))) &&
          !(n1 < r->n_units && r->units[n1].punct == ',')) {
        /* Unknown, with no title before and no apposition after: only a
         * name met before in the article. */
        if (r->n_persons)
          person_mention(r, sent, n0, n1, n0, n1, hp, NULL, NULL);
        k = head + 1;
        continue;
      }
      /* The title: the chain before the name, never reaching back over
       * pieces already in mentions of their own. */
      size_t first = chain_left(r, k);
      while (first < k && r->pieces[first].u0 < r->done) first++;
      chain_code title = {0};
      int titled = person_title(r, first, k, head, &title);
      chain_code ap = {0};
      uint32_t c0 = titled && first < k ? r->pieces[first].u0 : n0;
      if (s0 == UINT32_MAX && c0 > 0 && r->units[c0 - 1].punct != ',' &&
          r->units[c0 - 1].word)
        s0 = sent_first(r);
      int opens = c0 == 0 || r->units[c0 - 1].punct == ',' ||
                  !r->units[c0 - 1].word || c0 <= s0;
      size_t na = apposition(r, head + 1, n1, opens, &ap);
      if (hp->kind == P_NAME && !titled && !na) {
        /* Unknown, untitled: only a name met before in the article. */
        if (r->n_persons)
          person_mention(r, sent, n0, n1, n0, n1, hp, NULL, NULL);
        k = head + 1;
        continue;
      }
      /* The chain is in the person's mention only as its title; an
       * untitled chain was mentioned on its own already. */
      uint32_t u0 = titled && first < k ? r->pieces[first].u0 : n0;
      person_mention(r, sent, u0, n1, n0, n1, hp, titled ? &title : NULL,
                     na ? &ap : NULL);
      /* Organisations inside the apposition are mentions of their own. */
      for (size_t q = head + 1; q < head + 1 + na; q++)
        if (r->pieces[q].kind == KB_ORG || r->pieces[q].kind == KB_ACTOR ||
            r->pieces[q].kind == P_COMPANY)
          piece_mention(r, sent, &r->pieces[q]);
      k = head + 1 + na;
      continue;
    }
    if (!chain_piece(p)) {
      k++;
      continue;
    }
    /* A chain of names and roles with no person at its end. */
    size_t end = k + 1;
    while (end < r->n_pieces && chain_piece(&r->pieces[end])) {
      const piece *q = &r->pieces[end];
      uint32_t u = r->pieces[end - 1].u1;
      /* A group noun ends its chain ("Russian troops"), unless "of"
       * names whose it is ("the ambassadors of Arnor"). */
      if (piece_is_body(r, &r->pieces[end - 1]) &&
          !(u < q->u0 &&
            (unit_id(r, u) == r->kb->w_of || unit_id(r, u) == r->kb->w_in)))
        break;
      while (u < q->u0 && is_conn(r, u, 0)) u++;
      if (u != q->u0) break;
      int agree = 1;
      for (size_t j = k; j < end; j++)
        if (!compatible(r, &r->pieces[j], q)) agree = 0;
      if (!agree) break;
      end++;
    }
    /* A person can follow: then this chain (perhaps with more pieces
     * after it, "International Monetary Fund (IMF) head") is a title,
     * handled with the person. */
    {
      size_t j = end, cl = 0;
      while (j < r->n_pieces && chain_piece(&r->pieces[j])) j++;
      if (j < r->n_pieces &&
          (r->pieces[j].kind == KB_PERSON || r->pieces[j].kind == P_NAME) &&
          (cl = chain_left(r, j)) <= k) {
        const piece *np = &r->pieces[j];
        if (np->kind == KB_PERSON || plausible_name(r, np, &s0)) {
          chain_code t = {0};
          /* The same test the person's title must pass. */
          if (person_title(r, cl, j, person_head(r, j), &t)) {
            k = j;
            continue;
          }
        }
      }
    }
    /* A country, with a role or not, that describes a company is the
     * company's: coded BUS. */
    int business = (p->kind == KB_COUNTRY || p->kind == KB_ROLE) &&
                   business_after(r, r->pieces[end - 1].u1);
    if (end == k + 1 && p->kind != KB_ROLE && !business) {
      piece_mention(r, sent, p);
      k++;
      continue;
    }
    chain_code cc = {0};
    int names = 0;
    for (size_t q = k; q < end; q++) {
      chain_add(r, &cc, &r->pieces[q]);
      if (r->pieces[q].kind != KB_ROLE) names++;
    }
    if (business && !cc.is_org) {
      cpy(cc.role, sizeof cc.role, "BUS");
      cc.has_role = 1;
      cc.has_title = 0;
      cc.person_title = 0;
    }
    char code[24];
    chain_result(&cc, code, sizeof code);
    uint32_t u0 = p->u0, u1 = r->pieces[end - 1].u1;
    int32_t ent = -1;
    if (cc.has_title) ent = coref_title(r, &cc);
    if (ent >= 0) {
      add_mention(r, u0, u1, sent, r->doc->entities[ent].code, ent,
                  TD_ACTOR_COREF);
    } else if (code[0] && cc.has_role) {
      /* A group or body: "the Russian Foreign Ministry", "Russian troops". */
      char key[64];
      {
        size_t kl = strlen(code);
        memcpy(key, code, kl);
        key[kl++] = '|';
        uint32_t h = (uint32_t)(cc.n_heads ? cc.heads[cc.n_heads - 1] : 0);
        for (int b = 0; b < 8; b++)
          key[kl++] = "0123456789abcdef"[(h >> (28 - 4 * b)) & 15];
        key[kl] = '\0';
      }
      ent = find_entity_key(r, key);
      if (ent < 0) {
        ent = new_entity_at(r, NULL, u0, u1, code, TD_ENT_GROUP, TD_ACTOR_DICT);
        cpy(r->info[ent].key, sizeof r->info[ent].key, key);
      }
      /* A person known by a title alone ("a Polish deputy minister", "an
       * Iraqi military spokesman", whose title word ends the chain of the
       * body it speaks for): the title, which a later "he" may mean. */
      const piece *nx = end < r->n_pieces ? &r->pieces[end] : NULL;
      uint32_t tu1 = u1;
      if (!cc.person_title && nx && nx->kind == KB_ROLE && nx->u0 == u1 &&
          (r->kb->ent[nx->entry].flags & KBF_TITLE) &&
          !(r->kb->ent[nx->entry].flags & KBF_INST)) {
        cc.person_title = 1;
        tu1 = nx->u1;
      }
      if (cc.person_title)
        span_text(r, u0, tu1, r->doc->entities[ent].title,
                  sizeof r->doc->entities[ent].title);
      add_mention(r, u0, u1, sent, code, ent, TD_ACTOR_DICT);
    } else if (names) {
      for (size_t q = k; q < end; q++)
        if (r->pieces[q].kind != KB_ROLE) piece_mention(r, sent, &r->pieces[q]);
    }
    k = end;
  }
}

static int32_t doc_day(const td_doc *d) {
  if (!td_date_has_year(d->date) || d->date.precision < TD_PREC_YEAR)
    return INT32_MIN;
  int m = d->date.precision >= TD_PREC_MONTH ? d->date.month : 7;
  int dd = d->date.precision >= TD_PREC_DAY ? d->date.day : 1;
  return (int32_t)td_days_from_civil(d->date.year, m, dd);
}

void td_actors_resolve(td_doc *doc, td_actor_kb *kb) {
  free(doc->entities);
  free(doc->mentions);
  doc->entities = NULL;
  doc->mentions = NULL;
  doc->n_entities = doc->n_mentions = 0;
  if (kb == NULL || doc->text == NULL) return;
  /* The working arrays live in the kb between articles. */
  resolver *keep = kb->scratch;
  if (keep == NULL) {
    keep = td_xcalloc(1, sizeof *keep);
    keep->short_cls = td_xmalloc(4096);
    keep->short_seen = kb->short_gen + 1; /* built at the first sentence */
    kb->scratch = keep;
    kb->scratch_free = scratch_free;
  }
  if (++kb->doc_serial == 0) { /* wrapped: forget every binding */
    for (size_t i = 0; i < kb->n_ent; i++) kb->ent[i].seen_doc = 0;
    kb->doc_serial = 1;
  }
  /* The scratch is the resolver: its arrays and capacities stay. */
  resolver *r = keep;
  r->doc = doc;
  r->kb = kb;
  /* The day of the article's date (the last one asked for is kept). */
  if (!r->day_known || r->day_date.year != doc->date.year ||
      r->day_date.month != doc->date.month ||
      r->day_date.day != doc->date.day ||
      r->day_date.precision != doc->date.precision) {
    r->day_date = doc->date;
    r->day = doc_day(doc);
    r->day_known = 1;
  }
  r->n_units = r->n_pieces = r->n_cand = r->n_persons = r->n_cos = 0;
  r->home_done = 0;
  r->co_first = 0;
  r->co_maxlen = 0;
  r->unk_set = 0;
  r->done = 0;
  /* Entities and mentions are built in scratch arrays (doc points at
   * them meanwhile) and copied out at their final size: one allocation
   * each per article. */
  doc->entities = r->ents;
  doc->mentions = r->ments;
  r->cap_ent = r->ents_cap;
  r->cap_ment = r->ments_cap;
  if (doc->text_len + 16 > r->text_cap) {
    r->text_cap = doc->text_len + 16 + 4096;
    r->text = td_xrealloc(r->text, r->text_cap);
  }
  memcpy(r->text, doc->text, doc->text_len);
  memset(r->text + doc->text_len, 0, 16);
  for (size_t s = 0; s < doc->n_sents; s++) {
    build_units(r, &doc->sents[s]);
    if (r->n_cand == 0) continue; /* nothing can open a piece */
    find_pieces(r);
    if (r->n_pieces == 0) continue;
    /* Only a country, seat or organisation turns into a name after an
     * honorific, and a known person after one of the other gender. */
    if (r->kinds &
        (1u << KB_COUNTRY | 1u << KB_SEAT | 1u << KB_ORG | 1u << KB_PERSON))
      honorific_names(r);
    find_companies(r);
    /* Only known people are namesakes (the company pass makes none). */
    if (r->kinds & 1u << KB_PERSON) split_namesakes(r);
    resolve_sentence(r, (uint32_t)s);
  }
  keep->ents = doc->entities;
  keep->ents_cap = r->cap_ent;
  keep->ments = doc->mentions;
  keep->ments_cap = r->cap_ment;
  r->doc = NULL;
  doc->entities = NULL;
  doc->mentions = NULL;
  if (doc->n_entities) {
    doc->entities = td_xmalloc(doc->n_entities * sizeof *doc->entities);
    memcpy(doc->entities, keep->ents, doc->n_entities * sizeof *doc->entities);
  }
  if (doc->n_mentions) {
    doc->mentions = td_xmalloc(doc->n_mentions * sizeof *doc->mentions);
    memcpy(doc->mentions, keep->ments, doc->n_mentions * sizeof *doc->mentions);
  }
}

int td_actor_kb_lookup(td_actor_kb *kb, const char *name, td_date date,
                       char *code, size_t n) {
  if (n) code[0] = '\0';
  int32_t ids[64];
  unsigned len = td__kb_split(kb, name, strlen(name), ids, 64);
  int32_t *p0 = ids;
  if (len > 1 && ids[0] == kb->w_the) {
    p0++;
    len--;
  }
  if (len == 0) return 0;
  uint64_t h = TD__KB_HASH0;
  for (unsigned i = 0; i < len; i++) h = td__kb_hash_step(h, p0[i]);
  const kb_phrase *p = td__kb_phrase_find(kb, p0, len, h);
  if (p == NULL || p->entries < 0) return 0;
  td_doc d = {0};
  d.date = date;
  resolver r = {.doc = &d, .kb = kb, .day = doc_day(&d)};
  unit u = {0, 0, 0, p0[0], 1, 1, 0, G_KEPT};
  int64_t top = -1;
  const char *best = NULL;
  for (int32_t l = p->entries; l >= 0; l = kb->links[l].next) {
    const char *c;
    int32_t s;
    int64_t sc = entry_score(&r, &kb->ent[kb->links[l].entry], &u, &c, &s);
    if (sc > top) {
      top = sc;
      best = c;
    }
  }
  if (best && n) snprintf(code, n, "%s", best);
  return 1;
}

/* ---- store ---- */

/* The actor stage's tables. Step 1 may still change until the store is
 * released; after that, changes are new steps. */
static const char *const actor_steps[] = {
    /* 0 -> 1: entities and mentions per article; people learnt from
     * titles, with the date of the article that gave the title. */
    "CREATE TABLE actor_entity (\n"
    "  article INTEGER NOT NULL, idx INTEGER NOT NULL,\n"
    "  name TEXT NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL,\n"
    "  how TEXT NOT NULL, title TEXT, mentions INTEGER NOT NULL,\n"
    "  PRIMARY KEY (article, idx)) WITHOUT ROWID;\n"
    "CREATE INDEX actor_entity_name ON actor_entity(name, code);\n"
    "CREATE TABLE actor_mention (\n"
    "  article INTEGER NOT NULL, idx INTEGER NOT NULL,\n"
    "  sent INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL, code TEXT NOT NULL, entity INTEGER,\n"
    "  how TEXT NOT NULL,\n"
    "  PRIMARY KEY (article, idx)) WITHOUT ROWID;\n"
    "CREATE TABLE actor_person (\n"
    "  article INTEGER NOT NULL, name TEXT NOT NULL, code TEXT NOT NULL,\n"
    "  since TEXT NOT NULL, title TEXT,\n"
    "  PRIMARY KEY (article, name, code)) WITHOUT ROWID;\n"
    "CREATE INDEX actor_person_name ON actor_person(name, since);\n",
};

static int actors_put_doc(td_store *st, int64_t art, const td_doc *doc,
                          td_error *err) {
  static const char *const del[] = {
      "DELETE FROM actor_entity WHERE article = ?1",
      "DELETE FROM actor_mention WHERE article = ?1",
      "DELETE FROM actor_person WHERE article = ?1"};
  static const char ins_ent[] =
      "INSERT INTO actor_entity (article, idx, name, code, kind, how, title, "
      "mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  static const char ins_men[] =
      "INSERT INTO actor_mention (article, idx, sent, start, end, text, code, "
      "entity, how) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  static const char ins_per[] =
      "INSERT OR IGNORE INTO actor_person (article, name, code, since, title) "
      "VALUES (?1, ?2, ?3, ?4, ?5)";
  sqlite3_stmt *s;
  for (size_t i = 0; i < sizeof del / sizeof del[0]; i++) {
    if ((s = td__store_stmt(st, del[i])) == NULL) goto fail;
    sqlite3_bind_int64(s, 1, art);
    if (sqlite3_step(s) != SQLITE_DONE) goto fail;
  }
  char since[24] = "";
  if (td_date_has_year(doc->date) && doc->date.precision >= TD_PREC_DAY)
    td_date_format((td_date){doc->date.year, doc->date.month, doc->date.day, 0,
                             0, TD_PREC_DAY},
                   since, sizeof since);
  for (size_t i = 0; i < doc->n_entities; i++) {
    const td_entity *e = &doc->entities[i];
    if ((s = td__store_stmt(st, ins_ent)) == NULL) goto fail;
    sqlite3_bind_int64(s, 1, art);
    sqlite3_bind_int64(s, 2, (int64_t)i);
    sqlite3_bind_text(s, 3, e->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, e->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, td_entity_kind_name(e->kind), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, td_actor_how_name(e->how), -1, SQLITE_STATIC);
    if (e->title[0]) sqlite3_bind_text(s, 7, e->title, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 8, e->n_mentions);
    if (sqlite3_step(s) != SQLITE_DONE) goto fail;
    /* People whose title the text gave are remembered with its date. */
    if (e->kind == TD_ENT_PERSON && e->how == TD_ACTOR_TITLE && since[0] &&
        strchr(e->name, ' ')) {
      if ((s = td__store_stmt(st, ins_per)) == NULL) goto fail;
      sqlite3_bind_int64(s, 1, art);
      sqlite3_bind_text(s, 2, e->name, -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 3, e->code, -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 4, since, -1, SQLITE_STATIC);
      if (e->title[0]) sqlite3_bind_text(s, 5, e->title, -1, SQLITE_STATIC);
      if (sqlite3_step(s) != SQLITE_DONE) goto fail;
    }
  }
  for (size_t i = 0; i < doc->n_mentions; i++) {
    const td_actor_mention *m = &doc->mentions[i];
    if ((s = td__store_stmt(st, ins_men)) == NULL) goto fail;
    sqlite3_bind_int64(s, 1, art);
    sqlite3_bind_int64(s, 2, (int64_t)i);
    sqlite3_bind_int64(s, 3, m->sent);
    sqlite3_bind_int64(s, 4, m->start);
    sqlite3_bind_int64(s, 5, m->end);
    /* The mention as written, its line breaks and runs of spaces made
     * one space (offsets give the exact bytes). */
    char txt[256];
    size_t tl = 0;
    for (uint32_t b = m->start; b < m->end && tl + 1 < sizeof txt; b++) {
      unsigned char c = (unsigned char)doc->text[b];
      if (td__is_space(c)) {
        if (tl && txt[tl - 1] != ' ') txt[tl++] = ' ';
      } else {
        txt[tl++] = (char)c;
      }
    }
    if (tl + 1 >= sizeof txt) { /* cut: not inside a UTF-8 sequence */
      while (tl > 0 && ((unsigned char)txt[tl - 1] & 0xC0) == 0x80) tl--;
      if (tl > 0 && (unsigned char)txt[tl - 1] >= 0xC0) tl--;
    }
    sqlite3_bind_text(s, 6, txt, (int)tl, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 7, m->code, -1, SQLITE_STATIC);
    if (m->entity >= 0)
      sqlite3_bind_int64(s, 8, m->entity);
    else
      sqlite3_bind_null(s, 8);
    sqlite3_bind_text(s, 9, td_actor_how_name(m->how), -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) goto fail;
  }
  return 0;
fail:
  return td_error_set(err, TD_EDB, td__store_path(st), 0,
                      "writing actors of article %s: %s", doc->id,
                      sqlite3_errmsg(td__store_db(st)));
}

const td__schema td__schema_actors = {
    "actors", actor_steps, sizeof actor_steps / sizeof actor_steps[0],
    actors_put_doc, NULL};

/* Known people with no role on an article's date are stored (their
 * mentions keep pronouns and subjects right) but listed only where they
 * have a code. */
int td_store_each_actor(td_store *st,
                        int (*fn)(void *ud, const td_actor_row *r), void *ud,
                        td_error *err) {
  static const char sql[] =
      "SELECT e.name, e.code, e.kind,"
      " MIN(CASE e.how WHEN 'dictionary' THEN 1 WHEN 'title' THEN 2"
      "  WHEN 'learnt' THEN 3 ELSE 4 END),"
      " COUNT(DISTINCT e.article), SUM(e.mentions), MAX(e.title),"
      " (SELECT group_concat(t, ' | ') FROM (SELECT DISTINCT m.text AS t"
      "   FROM actor_entity e2 JOIN actor_mention m ON m.article = e2.article"
      "   AND m.entity = e2.idx WHERE e2.name = e.name AND e2.code = e.code"
      "   ORDER BY m.text LIMIT 16))"
      " FROM actor_entity e WHERE e.code != '' GROUP BY e.name, e.code"
      " ORDER BY SUM(e.mentions) DESC, e.name, e.code";
  sqlite3_stmt *s = td__store_stmt(st, sql);
  if (s == NULL) goto fail;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    static const char *const hows[] = {"dictionary", "title", "learnt",
                                       "coreference"};
    int h = sqlite3_column_int(s, 3);
    td_actor_row r = {(const char *)sqlite3_column_text(s, 0),
                      (const char *)sqlite3_column_text(s, 1),
                      (const char *)sqlite3_column_text(s, 2),
                      hows[h >= 1 && h <= 4 ? h - 1 : 3],
                      (const char *)sqlite3_column_text(s, 6),
                      (const char *)sqlite3_column_text(s, 7),
                      sqlite3_column_int(s, 4),
                      sqlite3_column_int(s, 5)};
    if (fn(ud, &r)) break;
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) goto fail;
  sqlite3_reset(s);
  return 0;
fail:
  if (s) sqlite3_reset(s);
  return td_error_set(err, TD_EDB, td__store_path(st), 0, "listing actors: %s",
                      sqlite3_errmsg(td__store_db(st)));
}

int td_store_each_actor_mention(td_store *st,
                                int (*fn)(void *ud,
                                          const td_actor_mention_row *r),
                                void *ud, td_error *err) {
  static const char sql[] =
      "SELECT a.id, m.text, m.code, m.how, e.name, m.sent, m.start, m.end"
      " FROM actor_mention m JOIN article a ON a.rowid = m.article"
      " LEFT JOIN actor_entity e ON e.article = m.article AND e.idx = m.entity"
      " ORDER BY a.date, a.id, m.idx";
  sqlite3_stmt *s = td__store_stmt(st, sql);
  if (s == NULL) goto fail;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    td_actor_mention_row r = {(const char *)sqlite3_column_text(s, 0),
                              (const char *)sqlite3_column_text(s, 1),
                              (const char *)sqlite3_column_text(s, 2),
                              (const char *)sqlite3_column_text(s, 3),
                              (const char *)sqlite3_column_text(s, 4),
                              sqlite3_column_int(s, 5),
                              sqlite3_column_int(s, 6),
                              sqlite3_column_int(s, 7)};
    if (fn(ud, &r)) break;
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) goto fail;
  sqlite3_reset(s);
  return 0;
fail:
  if (s) sqlite3_reset(s);
  return td_error_set(err, TD_EDB, td__store_path(st), 0,
                      "listing actor mentions: %s",
                      sqlite3_errmsg(td__store_db(st)));
}
