/*
 * actor_internal.h - the actor knowledge base as seen by the actor files
 * (actor_kb.c builds it from data files, dictionaries and the store;
 * actors.c resolves mentions with it).
 *
 * Names are matched as sequences of tokens. Every distinct lowercased
 * token of every name is interned once (spelling variants such as
 * Kiev/Kyiv share one id), and every name is a sequence of token ids in
 * a hash table that also holds each proper prefix of each name, so the
 * text is matched by walking token ids left to right: one string probe
 * per text token and one integer-keyed probe per extension, never a scan
 * over the dictionary.
 */
#ifndef TD_ACTOR_INTERNAL_H
#define TD_ACTOR_INTERNAL_H

#include <string.h>

#include "internal.h"

/* What a name denotes. */
enum {
  KB_COUNTRY = 1, /* a country, region, or its adjective/demonym: code USA */
  KB_SEAT,        /* a seat of power or institution with a full code:
                     Washington, the Kremlin -> RUSGOV, the Pentagon */
  KB_ORG,         /* a named organisation: NATO -> IGOWSTNAT */
  KB_PERSON,      /* a person with dated codes */
  KB_ROLE,        /* a title or group word: president, troops, ministry */
  KB_ACTOR,       /* an imported dictionary actor of unknown kind */
  KB_PRONOUN      /* he, she, him */
};

/* Token flags. */
enum {
  KBT_NONNAME = 1,  /* never part of a person's name (nonnames.txt) */
  KBT_START = 2,    /* the first token of some name */
  KBT_CONT = 4,     /* a token some name goes on after */
  KBT_CONN = 8,     /* joins titles and appositions: of, the, a, with ... */
  KBT_DET = 16,     /* the, a, an: a role noun may follow */
  KBT_END = 32,     /* the last token of some name: a group noun may follow
                       ("Minas Tirith border police") */
  KBT_COMPANY = 64, /* closes company names: Inc, Corp, Airlines
                       (companies.txt; td__kb_company tells which kind) */
  KBT_SHORT = 128   /* a word of one to three bytes reads as this token (it
                       is in the short-word table; see short_gen) */
};

/* Entry flags. */
enum {
  KBF_PROPER = 1 << 0, /* matches only when the text capitalises it */
  KBF_MALE = 1 << 1,   /* pronoun or person gender */
  KBF_FEMALE = 1 << 2,
  KBF_LEARNT = 1 << 3, /* a person learnt from an article */
  KBF_DICT = 1 << 4,   /* imported with --dict */
  KBF_TITLE = 1 << 5,  /* role: a title that can precede a name */
  KBF_INST = 1 << 6,   /* role: an institution ("foreign ministry") */
  KBF_WEAK = 1 << 7,   /* role: inherits its role from its neighbours
                          ("spokesman", "deputy", "representative") */
  KBF_PARTY = 1 << 8,  /* a political party (parties.txt) */
  KBF_SHARED = 1 << 9  /* a party's name other countries' parties use too
                          ("Labour", "Conservative"): parties.txt "shared" */
};

/* One dated code: valid on days [from, to] (day numbers, inclusive);
 * INT32_MIN/INT32_MAX when open. dated is 0 for a code with no dates. */
typedef struct kb_code {
  char code[24];
  int32_t from, to;
  uint8_t dated;
  uint8_t len; /* strlen(code) */
} kb_code;

/* One actor, person, role or pronoun. Strings are offsets into kb->pool. */
typedef struct kb_entry {
  uint8_t kind;
  uint16_t flags;
  char role[8];            /* KB_ROLE: GOV, MIL, MED ...; "" when weak */
  char country[24];        /* KB_ROLE: default country ("secretary of state") or
                              organisation ("european commissioner") */
  uint32_t name;           /* canonical name */
  uint32_t title;          /* person: the title, "" if none */
  uint32_t codes, n_codes; /* into kb->codes, or for learnt people into
                              their own list (see learnt_codes) */
  int32_t last_tok;        /* role: id of its head token ("secretary" in
                              "secretary of state", "minister") */
  int32_t title_tok;       /* person: head token of its title, 0 if none */
  uint8_t n_toks;          /* role: tokens in its phrase */
  uint32_t seq;            /* load order: later loads win ties */
  uint32_t seen_doc;       /* td_actors_resolve: the article (serial) and */
  int32_t seen_ent;        /* entity this entry was last bound to */
} kb_entry;

#define TD__KB_NO_PHRASE INT32_MIN
#define TD__KB_LOWBITS (1u << 16)
/* The filter key of a lowercase word: its first two bytes, last byte and
 * length, folded to 16 bits. */
static inline uint32_t td__kb_low_key(unsigned char a, unsigned char b,
                                      unsigned char z, uint32_t len) {
  uint32_t k = (uint32_t)a | (uint32_t)b << 8 | (uint32_t)z << 16 |
               (len > 15 ? 15u : len) << 24;
  return (uint32_t)((k * UINT64_C(0x9E3779B97F4A7C15)) >> 48);
}

/* The packed key of a word of one to three bytes: its bytes with the
 * ASCII case bit set (so "US" and "us" meet), read as a little-endian
 * 32-bit integer from a copy padded with zeros. w must have 4 readable
 * bytes (n + 1 <= 4 is enough with the NUL of a C string, else copy). */
static inline uint32_t td__kb_short_key(const unsigned char *w, uint32_t n) {
  static const uint32_t mask[4] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu};
  uint32_t k = (uint32_t)w[0] | (uint32_t)w[1] << 8 | (uint32_t)w[2] << 16;
  return (k | 0x202020u) & mask[n];
}

/* A token slot: the token's hash, its canonical id (0: empty slot). */
typedef struct kb_tokslot {
  uint64_t hash;
  int32_t canon;
  int32_t id;
} kb_tokslot;

typedef struct kb_short {
  uint32_t key;  /* bytes packed little-endian, 0 for an empty slot */
  int32_t canon; /* the canonical id of the word (kept in step by
                    tok_set_canon); its raw id is in kb->short_raw */
} kb_short;

/* The two slots a short word's key may occupy (cuckoo hashing), for a
 * table of 2^(32 - shift) slots. */
static inline uint32_t td__kb_short_h1(uint32_t key, uint32_t shift) {
  return (key * UINT32_C(0x9E3779B1)) >> shift;
}
static inline uint32_t td__kb_short_h2(uint32_t key, uint32_t shift) {
  return ((key ^ (key >> 13)) * UINT32_C(0x85EBCA77)) >> shift;
}

/* FNV-1a, for hashing names byte by byte (entities of an article). */
#define TD__KB_FNV0 UINT64_C(1469598103934665603)
static inline uint64_t td__kb_fnv(uint64_t h, unsigned char c) {
  return (h ^ c) * UINT64_C(1099511628211);
}

/* The hash of a token: its normalised bytes (see td__actor_norm_word) read
 * eight at a time as little-endian integers, the last padded with zeros,
 * each mixed in with a multiply and a shift (a bijection on one chunk: no
 * two words of up to eight bytes share a hash); the text side hashes a
 * plain word straight from the text a word at a time (td__kb_chunk on the
 * lowercased bytes). */
#define TD__KB_WH0 UINT64_C(0x243F6A8885A308D3)
static inline uint64_t td__kb_chunk(uint64_t h, uint64_t w) {
  h = (h ^ w) * UINT64_C(0x9E3779B97F4A7C15);
  return h ^ (h >> 29);
}
/* Bytes [0, n) of an 8-byte chunk, little-endian on every host. */
static inline uint64_t td__kb_load_le(const unsigned char *s, size_t n) {
  uint64_t w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  memcpy(&w, s, n);
#else
  for (size_t i = 0; i < n; i++) w |= (uint64_t)s[i] << (8 * i);
#endif
  return w;
}
static inline uint64_t td__kb_word_hash(const unsigned char *s, size_t n) {
  uint64_t h = TD__KB_WH0;
  for (; n > 8; s += 8, n -= 8) h = td__kb_chunk(h, td__kb_load_le(s, 8));
  return td__kb_chunk(h, td__kb_load_le(s, n));
}

struct td_actor_kb {
  /* token table: open addressing on the 64-bit hash of the normalised
   * token (a collision between two 64-bit hashes is ignored: it would
   * take billions of distinct words); a Bloom-style bit set in front
   * rejects most unknown words without touching the table. */
  struct kb_tokslot *tok_slot;
  uint32_t tok_cap;
  uint32_t *tok_off;  /* pool offset of each token string */
  int32_t *tok_canon; /* canonical id of each token (variants share one) */
  uint8_t *tok_flags; /* KBT_* of each token */
  int32_t *tok_ent1;  /* by token id: the head of the entries list (into
                         links) of the one-token phrase of that id, -1 when
                         that phrase has no entries (a prefix only),
                         TD__KB_NO_PHRASE when there is no such phrase: a
                         name start is scored without touching the phrase
                         table (kept in step with it) */
  uint32_t n_toks, tok_alloc;
  uint64_t *tok_bits; /* tok_nbits bits, at least 16 per token: small
                         enough to stay in the first-level cache for the
                         built-in knowledge, grown with --dict */
  uint32_t tok_nbits;
  /* Tokens of one to three bytes (the, of, he, US, EU) by their bytes
   * packed in an integer: the most frequent words need no hashing. Each
   * key is in one of two slots (cuckoo hashing, at most half full), so a
   * lookup reads both and never branches on what it finds. */
  struct kb_short *short_tab;
  int32_t *short_raw; /* the raw token id of each slot */
  uint32_t short_cap, short_shift, n_short;
  /* Counts the changes that may make a short word open or end a name or
   * be a determiner (a slot added or re-pointed, KBT_START, KBT_END or
   * KBT_DET on a KBT_SHORT token): actors.c keeps filters of those short
   * words and builds them again when this moves. */
  uint32_t short_gen;
  /* canonical ids of the honorifics (honorifics.txt): "Mr", "Lord", and
   * the gender each gives (KBF_MALE, KBF_FEMALE or 0) */
  int32_t honorific[16];
  uint16_t honorific_gender[16];
  unsigned n_honorific;
  /* the words that open a clause after a name or title
   * (clause_words.txt): hashes with the low bit set for reporting verbs,
   * sorted ("..., the prime minister said", "Lyng said") */
  uint64_t *clause_word;
  size_t n_clause_word;
  /* bit (h >> 54) of the hash of each: most words find theirs clear and
   * are no clause word without a search */
  uint64_t clause_bits[16];
  /* Words that open a name matched in lowercase (roles: "secretary",
   * "troops"), by first two letters and length: a lowercase word of the
   * text outside any name is looked up only when its bit is set. */
  uint8_t low_bits[TD__KB_LOWBITS / 8];
  /* Byte classes for hashing text on the fly: the lowercase byte, or 0
   * for a separator ('-', '/', NUL), 1 for a dropped byte ('.'), 2 for
   * a byte that may open a typographic apostrophe (0xE2). */
  unsigned char byte_class[256];
  /* Punctuation the groups look at: , ( ) . [ ] */
  unsigned char punct_keep[256];

  /* phrase table: open addressing over token-id sequences */
  struct kb_phrase *phr;
  uint32_t phr_cap, n_phr;
  /* A bit for each pair of token ids that ends a phrase of two tokens or
   * more (its last two), at least 16 bits per such phrase: a longer match
   * is looked for in the phrase table (with dictionaries loaded, far
   * bigger than the cache) only when its last two words are such a
   * pair. */
  uint64_t *pair_bits;
  uint32_t pair_nbits, n_pairs;
  int32_t *ids; /* token-id sequences of phrases */
  size_t n_ids, ids_cap;
  struct kb_link *links; /* phrase -> entries lists */
  size_t n_links, links_cap;
  unsigned max_len; /* longest name, in tokens */

  kb_entry *ent;
  size_t n_ent, ent_cap;
  kb_code *codes;
  size_t n_codes, codes_cap;

  td__buf pool; /* strings, NUL-terminated; offset 0 is "" */

  size_t n_dict_entries, n_people, n_learnt, n_names;
  /* Working memory of td_actors_resolve, kept between articles (owned by
   * actors.c, freed with scratch_free). */
  void *scratch;
  void (*scratch_free)(void *scratch);
  uint32_t doc_serial; /* counts the articles resolved */
  /* ids of the little words that join titles and appositions */
  int32_t w_of, w_the, w_a, w_an, w_with, w_at, w_for, w_from, w_in, w_and;
  uint32_t seq;
  /* companies.txt: token ids of the legal suffixes (Inc, Ltd) and of the
   * public words (Central, Reserve) that make a head no company's. */
  int32_t *co_suffix, *co_public;
  size_t n_co_suffix, n_co_public;
  /* roles.txt prefixes: a word before a title that gives its holder this
   * role instead ("former", "ex": ELI) */
  struct {
    int32_t id;
    char role[4];
  } prefix[8];
  size_t n_prefix;
  /* companies.txt nouns ("firm", "operator"): td__kb_word_hash of each,
   * sorted (td__kb_co_noun) */
  uint64_t *co_noun;
  size_t n_co_noun;
  /* a filter in front of them: bit (last letter) of co_fl[first letter],
   * bit (length) of co_len, for lowercase ASCII nouns */
  uint32_t co_fl[26];
  uint64_t co_len;
  /* The same ids in one small open-addressing set (key 0: empty), each
   * with bit 1 << TD__KB_CO_SUFFIX or 1 << TD__KB_CO_PUBLIC: a lookup
   * is a probe or two, not a scan of the lists. */
  struct {
    int32_t id;
    uint32_t kinds;
  } co_set[256];
};

/* A phrase: a token-id sequence; entries is the head of its list of
 * entries (-1 for a prefix of longer names only). */
typedef struct kb_phrase {
  uint64_t hash;
  uint32_t ids, len; /* into kb->ids */
  int32_t entries;   /* index into kb->links, -1 none */
} kb_phrase;
typedef struct kb_link {
  uint32_t entry;
  int32_t next;
} kb_link;

/* Normalise one word for matching into out (cap bytes): ASCII lowercase,
 * periods dropped, a possessive 's or trailing apostrophe dropped, the
 * typographic apostrophe read as '. Returns the length (0: nothing). */
size_t td__actor_norm_word(const char *s, size_t n, char *out, size_t cap);

/* The id of a normalised token (its canonical variant), 0 if unknown. */
int32_t td__kb_tok_find(const td_actor_kb *kb, const char *w, size_t n);
/* The canonical id of a short token by its packed bytes, 0 if unknown
 * (a key that is no short word's, such as UINT32_MAX, finds nothing);
 * without a branch. */
static inline int32_t td__kb_tok_short(const td_actor_kb *kb, uint32_t key) {
  const kb_short *a = &kb->short_tab[td__kb_short_h1(key, kb->short_shift)];
  const kb_short *b = &kb->short_tab[td__kb_short_h2(key, kb->short_shift)];
  /* Masks, not branches: which slot holds a word is unpredictable. */
  int32_t ma = -(int32_t)(a->key == key), mb = -(int32_t)(b->key == key);
  return (a->canon & ma) | (b->canon & mb);
}
/* The same by the token's hash (td__kb_word_hash). */
static inline int32_t td__kb_tok_by_hash(const td_actor_kb *kb, uint64_t h) {
  uint32_t b = (uint32_t)(h >> 40) & (kb->tok_nbits - 1);
  if (!((kb->tok_bits[b >> 6] >> (b & 63)) & 1)) return 0;
  for (uint32_t j = (uint32_t)(h ^ (h >> 32)) & (kb->tok_cap - 1);;
       j = (j + 1) & (kb->tok_cap - 1)) {
    const kb_tokslot *t = &kb->tok_slot[j];
    if (t->canon == 0) return 0;
    if (t->hash == h) return t->canon;
  }
}
/* Whether canonical token id is an honorific ("mr", "lord"): 1 + the
 * index of it in kb->honorific, 0 if it is none. */
int td__kb_honorific(const td_actor_kb *kb, int32_t id);

/* What the word s[0, n) is in clause_words.txt: TD__KB_CLAUSE_SAY for a
 * reporting verb ("said"), TD__KB_CLAUSE_AUX for an auxiliary ("has"),
 * 0 for none. */
enum { TD__KB_CLAUSE_AUX = 1, TD__KB_CLAUSE_SAY = 2 };
int td__kb_clause_word(const td_actor_kb *kb, const char *s, size_t n);
/* The same for a word by its kb hash (td__kb_word_hash of its normalised
 * form). */
int td__kb_clause_hash(const td_actor_kb *kb, uint64_t h);
/* The phrase for ids[0..len), or NULL. */
const kb_phrase *td__kb_phrase_find(const td_actor_kb *kb, const int32_t *ids,
                                    unsigned len, uint64_t hash);
/* The bit of pair_bits (nbits of them) for token ids a, b. */
static inline uint32_t td__kb_pair_bit(int32_t a, int32_t b, uint32_t nbits) {
  uint64_t x = ((uint64_t)(uint32_t)a << 32 | (uint32_t)b) *
               UINT64_C(0x9E3779B97F4A7C15);
  return (uint32_t)(x >> 32) & (nbits - 1);
}
/* Whether token ids a, b may be the last two of a phrase: 0 means no
 * phrase ends in them. */
static inline int td__kb_pair_may(const td_actor_kb *kb, int32_t a, int32_t b) {
  if (kb->pair_nbits == 0) return 0;
  uint32_t k = td__kb_pair_bit(a, b, kb->pair_nbits);
  return (int)((kb->pair_bits[k >> 6] >> (k & 63)) & 1);
}
/* The same, inline, for the matching loop. */
static inline const kb_phrase *td__kb_phrase_get(const td_actor_kb *kb,
                                                 const int32_t *ids,
                                                 unsigned len, uint64_t hash) {
  for (uint32_t j = (uint32_t)hash & (kb->phr_cap - 1);;
       j = (j + 1) & (kb->phr_cap - 1)) {
    const kb_phrase *p = &kb->phr[j];
    if (p->len == 0) return NULL;
    if (p->hash == hash && p->len == len) {
      const int32_t *q = kb->ids + p->ids;
      unsigned i = 0;
      while (i < len && q[i] == ids[i]) i++;
      if (i == len) return p;
    }
  }
}
/* Incremental hash of a token-id sequence: h = td__kb_hash_step(h, id),
 * starting from TD__KB_HASH0. */
#define TD__KB_HASH0 UINT64_C(0x9e3779b97f4a7c15)
static inline uint64_t td__kb_hash_step(uint64_t h, int32_t id) {
  h ^= (uint64_t)(uint32_t)id + UINT64_C(0x9e3779b97f4a7c15) + (h << 6) +
       (h >> 2);
  h *= UINT64_C(0xff51afd7ed558ccd);
  return h ^ (h >> 32);
}

/* What companies.txt says of token id: TD__KB_CO_SUFFIX, TD__KB_CO_HEAD
 * (the KBT_COMPANY words), TD__KB_CO_PUBLIC, or 0. */
enum { TD__KB_CO_SUFFIX = 1, TD__KB_CO_HEAD, TD__KB_CO_PUBLIC };
int td__kb_company(const td_actor_kb *kb, int32_t id);
/* Whether the word w[0, n) is a noun that describes a company ("U.S.
 * media company", "UK airport operator"): companies.txt "noun". */
int td__kb_co_noun(const td_actor_kb *kb, const char *w, size_t n);
/* Whether the word may be one (td__kb_co_noun's filter): no for most. */
static inline int td__kb_co_noun_may(const td_actor_kb *kb, const char *w,
                                     size_t n) {
  if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') n -= 2; /* "firm's" */
  if (n == 0) return 0;
  unsigned a = (unsigned char)w[0] - 'a', z = (unsigned char)w[n - 1] - 'a';
  return n < 64 && a < 26 && z < 26 && ((kb->co_len >> n) & 1) &&
         ((kb->co_fl[a] >> z) & 1);
}

/* The head token of a title's ids: the last one before "of", "for" or
 * "in", else the last. */
int32_t td__kb_head_tok(const td_actor_kb *kb, const int32_t *ids,
                        unsigned len);
/* Split a name into token ids as text is split; returns the count. */
unsigned td__kb_split(td_actor_kb *kb, const char *name, size_t n, int32_t *ids,
                      unsigned max);
/* Add a name for an entry (split into tokens as the text would be). */
void td__kb_add_name(td_actor_kb *kb, uint32_t entry, const char *name,
                     size_t n);
/* A new entry; name is its canonical name. Returns its index. */
uint32_t td__kb_new_entry(td_actor_kb *kb, uint8_t kind, uint16_t flags,
                          const char *name);
/* Append a code to the entry that was created last. */
void td__kb_add_code(td_actor_kb *kb, uint32_t entry, const char *code,
                     int32_t from, int32_t to, int dated);
/* Add (or re-date) a person learnt from an article of date day, with the
 * code and the title the text gave, and gender flags (KBF_MALE/FEMALE, or
 * 0 when unknown). Returns the person's entry, or -1
 * when the name or code is unusable or a business code (...BUS). */
int64_t td__kb_learn(td_actor_kb *kb, const char *name, const char *code,
                     const char *title, int32_t day, uint16_t gender);
/* The best code of an entry on day (INT32_MIN: no date known), with the
 * day its evidence starts (*since, may be NULL). NULL when none. */
const char *td__kb_entry_code(const td_actor_kb *kb, const kb_entry *e,
                              int32_t day, int32_t *since);
static inline const char *td__kb_str(const td_actor_kb *kb, uint32_t off) {
  return kb->pool.data + off;
}

#endif
