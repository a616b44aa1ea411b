/*
 * actor_kb.c - the actor knowledge base (part of the annotate stage).
 *
 * Reads the data files under data/actors/ (countries and seats of power,
 * organisations, roles, people with dated roles, spelling variants,
 * pronouns), PETRARCH/TABARI actor dictionaries given with --dict, and the
 * people learnt from earlier articles (the store's actor_person table).
 * Produces the token and phrase tables actors.c matches text against (see
 * actor_internal.h) and each actor's dated CAMEO codes.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actor_internal.h"
#include "store_internal.h"

/* ---- strings and tokens ---- */

static uint32_t pool_add(td_actor_kb *kb, const char *s, size_t n) {
  uint32_t off = (uint32_t)kb->pool.len;
  td__buf_put(&kb->pool, s, n);
  td__buf_putc(&kb->pool, '\0');
  return off;
}

static uint64_t str_hash(const char *s, size_t n) {
  return td__kb_word_hash((const unsigned char *)s, n);
}

size_t td__actor_norm_word(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '.') continue;
    /* U+2019 right single quotation mark reads as an apostrophe. */
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
      out[k++] = '\'';
      i += 2;
      continue;
    }
    out[k++] = (char)td__lower(c);
  }
  if (k >= 2 && out[k - 2] == '\'' && out[k - 1] == 's')
    k -= 2;
  else if (k >= 1 && out[k - 1] == '\'')
    k -= 1;
  out[k] = '\0';
  return k;
}

static uint32_t tok_slot_of(const td_actor_kb *kb, uint64_t h) {
  uint32_t j = (uint32_t)(h ^ (h >> 32)) & (kb->tok_cap - 1);
  while (kb->tok_slot[j].canon && kb->tok_slot[j].hash != h)
    j = (j + 1) & (kb->tok_cap - 1);
  return j;
}

static void tok_grow(td_actor_kb *kb) {
  uint32_t ocap = kb->tok_cap;
  kb_tokslot *old = kb->tok_slot;
  kb->tok_cap = ocap ? ocap * 2 : 4096;
  kb->tok_slot = td_xcalloc(kb->tok_cap, sizeof *kb->tok_slot);
  for (uint32_t i = 0; i < ocap; i++)
    if (old[i].canon) kb->tok_slot[tok_slot_of(kb, old[i].hash)] = old[i];
  free(old);
}

/* The raw (not canonicalised) id of token w, 0 if not interned. */
static int32_t tok_raw_find(const td_actor_kb *kb, const char *w, size_t n) {
  if (kb->tok_cap == 0) return 0;
  const kb_tokslot *t = &kb->tok_slot[tok_slot_of(kb, str_hash(w, n))];
  return t->canon ? t->id : 0;
}

int32_t td__kb_tok_find(const td_actor_kb *kb, const char *w, size_t n) {
  if (kb->tok_cap == 0) return 0;
  return td__kb_tok_by_hash(kb, str_hash(w, n));
}

/* Place *cur (raw id *cur_raw) in one of its two slots of tab (cuckoo
 * hashing: a word in the way moves to its other slot), raw ids moving
 * along in raw. Returns 1 when placed; 0 when the table is too full, with
 * *cur the word left without a slot. */
static int short_put(kb_short *tab, int32_t *raw, uint32_t shift, kb_short *cur,
                     int32_t *cur_raw) {
  uint32_t j = td__kb_short_h1(cur->key, shift);
  for (int tries = 0; tries < 64; tries++) {
    kb_short old = tab[j];
    int32_t old_raw = raw[j];
    tab[j] = *cur;
    raw[j] = *cur_raw;
    if (old.key == 0) return 1;
    *cur = old;
    *cur_raw = old_raw;
    uint32_t h1 = td__kb_short_h1(cur->key, shift);
    j = j == h1 ? td__kb_short_h2(cur->key, shift) : h1;
  }
  return 0;
}

/* The slot holding key, or -1. */
static int64_t short_slot(const td_actor_kb *kb, uint32_t key) {
  uint32_t a = td__kb_short_h1(key, kb->short_shift);
  uint32_t b = td__kb_short_h2(key, kb->short_shift);
  if (kb->short_tab[a].key == key) return a;
  if (kb->short_tab[b].key == key) return b;
  return -1;
}

/* Index a token of one to three bytes by its packed bytes. Two tokens
 * with one key (they differ only in the case bit of a non-letter byte):
 * of one or two bytes the first stays, of three the last. */
static void short_add(td_actor_kb *kb, const char *w, size_t n, int32_t id) {
  unsigned char pad[4] = {0, 0, 0, 0};
  memcpy(pad, w, n);
  kb_short cur = {td__kb_short_key(pad, (uint32_t)n), kb->tok_canon[id - 1]};
  int32_t cur_raw = id;
  int64_t old = short_slot(kb, cur.key);
  kb->tok_flags[cur.canon] |= KBT_SHORT;
  kb->short_gen++;
  if (old >= 0) {
    if (n == 3) {
      kb->short_tab[old] = cur;
      kb->short_raw[old] = id;
    }
    return;
  }
  int full = (kb->n_short + 1) * 2 > kb->short_cap;
  while (full || !short_put(kb->short_tab, kb->short_raw, kb->short_shift, &cur,
                            &cur_raw)) {
    full = 0;
    /* Twice as many slots, every word placed again (cur last). */
    uint32_t ocap = kb->short_cap;
    kb_short *otab = kb->short_tab;
    int32_t *oraw = kb->short_raw;
    for (;;) {
      kb->short_cap *= 2;
      kb->short_shift--;
      kb->short_tab = td_xcalloc(kb->short_cap, sizeof *kb->short_tab);
      kb->short_raw = td_xcalloc(kb->short_cap, sizeof *kb->short_raw);
      int ok = 1;
      for (uint32_t i = 0; i < ocap && ok; i++)
        if (otab[i].key) {
          kb_short c = otab[i];
          int32_t c_raw = oraw[i];
          ok = short_put(kb->short_tab, kb->short_raw, kb->short_shift, &c,
                         &c_raw);
        }
      if (ok) break;
      free(kb->short_tab);
      free(kb->short_raw);
    }
    free(otab);
    free(oraw);
  }
  kb->n_short++;
}

/* Make token id read as canon (a spelling variant). */
static void tok_set_canon(td_actor_kb *kb, int32_t id, int32_t canon) {
  kb->tok_canon[id - 1] = canon;
  const char *s = td__kb_str(kb, kb->tok_off[id - 1]);
  size_t n = strlen(s);
  kb->tok_slot[tok_slot_of(kb, str_hash(s, n))].canon = canon;
  if (n <= 3) {
    unsigned char pad[4] = {0, 0, 0, 0};
    memcpy(pad, s, n);
    int64_t sl = short_slot(kb, td__kb_short_key(pad, (uint32_t)n));
    if (sl >= 0 && kb->short_raw[sl] == id) {
      kb->short_tab[sl].canon = canon;
      kb->tok_flags[canon] |= KBT_SHORT;
      kb->short_gen++;
    }
  }
}

static int32_t tok_intern(td_actor_kb *kb, const char *w, size_t n) {
  int32_t id = tok_raw_find(kb, w, n);
  if (id) return id;
  if ((kb->n_toks + 1) * 2 > kb->tok_cap) tok_grow(kb);
  if (kb->n_toks == kb->tok_alloc) {
    kb->tok_alloc = kb->tok_alloc ? kb->tok_alloc * 2 : 4096;
    kb->tok_off = td_xrealloc(kb->tok_off, kb->tok_alloc * sizeof(uint32_t));
    kb->tok_canon = td_xrealloc(kb->tok_canon, kb->tok_alloc * sizeof(int32_t));
    kb->tok_flags = td_xrealloc(kb->tok_flags, kb->tok_alloc + 1);
    kb->tok_flags[0] = 0; /* id 0: an unknown word */
    kb->tok_ent1 =
        td_xrealloc(kb->tok_ent1, (kb->tok_alloc + 1) * sizeof *kb->tok_ent1);
    kb->tok_ent1[0] = TD__KB_NO_PHRASE;
  }
  uint32_t v = ++kb->n_toks;
  kb->tok_off[v - 1] = pool_add(kb, w, n);
  kb->tok_canon[v - 1] = (int32_t)v;
  kb->tok_flags[v] = 0;
  kb->tok_ent1[v] = TD__KB_NO_PHRASE;
  uint64_t h = str_hash(w, n);
  kb_tokslot *t = &kb->tok_slot[tok_slot_of(kb, h)];
  t->hash = h;
  t->id = t->canon = (int32_t)v;
  if (kb->n_toks * 16 > kb->tok_nbits) {
    /* Grow the bit filter and set the bits of every token again. */
    kb->tok_nbits = kb->tok_nbits ? kb->tok_nbits * 4 : 1u << 16;
    free(kb->tok_bits);
    kb->tok_bits = td_xcalloc(kb->tok_nbits / 64, sizeof *kb->tok_bits);
    for (uint32_t i = 0; i < kb->tok_cap; i++)
      if (kb->tok_slot[i].canon) {
        uint32_t bb =
            (uint32_t)(kb->tok_slot[i].hash >> 40) & (kb->tok_nbits - 1);
        kb->tok_bits[bb >> 6] |= UINT64_C(1) << (bb & 63);
      }
  }
  uint32_t b = (uint32_t)(h >> 40) & (kb->tok_nbits - 1);
  kb->tok_bits[b >> 6] |= UINT64_C(1) << (b & 63);
  if (n <= 3) short_add(kb, w, n, (int32_t)v);
  return (int32_t)v;
}

/* ---- phrases ---- */

static uint32_t phr_slot(const td_actor_kb *kb, const int32_t *ids,
                         unsigned len, uint64_t hash, int *found) {
  for (uint32_t j = (uint32_t)hash & (kb->phr_cap - 1);;
       j = (j + 1) & (kb->phr_cap - 1)) {
    const kb_phrase *p = &kb->phr[j];
    if (p->len == 0) {
      *found = 0;
      return j;
    }
    if (p->hash == hash && p->len == len &&
        memcmp(kb->ids + p->ids, ids, len * sizeof *ids) == 0) {
      *found = 1;
      return j;
    }
  }
}

const kb_phrase *td__kb_phrase_find(const td_actor_kb *kb, const int32_t *ids,
                                    unsigned len, uint64_t hash) {
  if (kb->phr_cap == 0) return NULL;
  int found;
  uint32_t j = phr_slot(kb, ids, len, hash, &found);
  return found ? &kb->phr[j] : NULL;
}

static void phr_grow(td_actor_kb *kb) {
  uint32_t ncap = kb->phr_cap ? kb->phr_cap * 2 : 8192;
  kb_phrase *old = kb->phr;
  uint32_t ocap = kb->phr_cap;
  kb->phr = td_xcalloc(ncap, sizeof *kb->phr);
  kb->phr_cap = ncap;
  for (uint32_t i = 0; i < ocap; i++) {
    if (old[i].len == 0) continue;
    int found;
    uint32_t j =
        phr_slot(kb, kb->ids + old[i].ids, old[i].len, old[i].hash, &found);
    kb->phr[j] = old[i];
  }
  free(old);
}

/* Set the pair bit of a phrase's last two tokens (see pair_bits). */
static void pair_set(td_actor_kb *kb, const int32_t *ids, unsigned len) {
  uint32_t k = td__kb_pair_bit(ids[len - 2], ids[len - 1], kb->pair_nbits);
  kb->pair_bits[k >> 6] |= UINT64_C(1) << (k & 63);
}

/* Count one more phrase of two tokens or more, growing the pair filter
 * (and setting the bits of every phrase again) when it gets dense. */
static void pairs_grow(td_actor_kb *kb) {
  if (++kb->n_pairs * 16 <= kb->pair_nbits) return;
  kb->pair_nbits = kb->pair_nbits ? kb->pair_nbits * 4 : 1u << 16;
  free(kb->pair_bits);
  kb->pair_bits = td_xcalloc(kb->pair_nbits / 64, sizeof *kb->pair_bits);
  for (uint32_t i = 0; i < kb->phr_cap; i++)
    if (kb->phr[i].len >= 2)
      pair_set(kb, kb->ids + kb->phr[i].ids, kb->phr[i].len);
}

/* The phrase for ids, created (as a prefix-only phrase) if new. */
static kb_phrase *phr_get(td_actor_kb *kb, const int32_t *ids, unsigned len,
                          uint64_t hash) {
  if ((kb->n_phr + 1) * 2 > kb->phr_cap) phr_grow(kb);
  int found;
  uint32_t j = phr_slot(kb, ids, len, hash, &found);
  if (!found) {
    if (kb->n_ids + len > kb->ids_cap) {
      kb->ids_cap = (kb->ids_cap + len) * 2;
      kb->ids = td_xrealloc(kb->ids, kb->ids_cap * sizeof *kb->ids);
    }
    memcpy(kb->ids + kb->n_ids, ids, len * sizeof *ids);
    kb->phr[j] = (kb_phrase){hash, (uint32_t)kb->n_ids, len, -1};
    kb->n_ids += len;
    kb->n_phr++;
    if (len == 1) kb->tok_ent1[ids[0]] = -1;
    if (len >= 2) {
      pairs_grow(kb); /* sets the bits of the phrases before */
      pair_set(kb, ids, len);
    }
  }
  return &kb->phr[j];
}

/* Split a name into normalised tokens the way text is split: at spaces,
 * underscores, hyphens and slashes; brackets, commas and quotes around
 * words dropped. Calls fn for each token. */
#define KB_MAX_NAME_TOKS 24
static unsigned split_name(td_actor_kb *kb, const char *name, size_t n,
                           int32_t *ids) {
  return td__kb_split(kb, name, n, ids, KB_MAX_NAME_TOKS);
}

int32_t td__kb_head_tok(const td_actor_kb *kb, const int32_t *ids,
                        unsigned len) {
  for (unsigned i = 1; i < len; i++)
    if (ids[i] == kb->w_of || ids[i] == kb->w_for || ids[i] == kb->w_in)
      return ids[i - 1];
  return len ? ids[len - 1] : 0;
}

unsigned td__kb_split(td_actor_kb *kb, const char *name, size_t n, int32_t *ids,
                      unsigned max) {
  unsigned k = 0;
  size_t i = 0;
  while (i < n && k < max) {
    while (i < n && (name[i] == ' ' || name[i] == '_' || name[i] == '-' ||
                     name[i] == '/' || name[i] == '\t'))
      i++;
    size_t s = i;
    while (i < n && !(name[i] == ' ' || name[i] == '_' || name[i] == '-' ||
                      name[i] == '/' || name[i] == '\t'))
      i++;
    size_t e = i;
    while (s < e && strchr("()[]{},;:\"!?", name[s])) s++;
    while (e > s && strchr("()[]{},;:\"!?", name[e - 1])) e--;
    if (e == s) continue;
    char w[128];
    size_t wn = td__actor_norm_word(name + s, e - s, w, sizeof w);
    if (wn == 0) continue;
    int32_t id = tok_intern(kb, w, wn); /* may move tok_canon */
    ids[k++] = kb->tok_canon[id - 1];
  }
  return k;
}

void td__kb_add_name(td_actor_kb *kb, uint32_t entry, const char *name,
                     size_t n) {
  int32_t buf[KB_MAX_NAME_TOKS];
  unsigned len = split_name(kb, name, n, buf);
  int32_t *ids = buf;
  /* "The Hague" is found from "Hague": "the" never opens a name, so the
   * most common word of the text is never looked up as a name start. */
  if (len > 1 && ids[0] == kb->w_the) {
    ids++;
    len--;
  }
  if (len == 0) return;
  if ((kb->tok_flags[ids[0]] & (KBT_START | KBT_SHORT)) == KBT_SHORT ||
      (kb->tok_flags[ids[len - 1]] & (KBT_END | KBT_SHORT)) == KBT_SHORT)
    kb->short_gen++;
  kb->tok_flags[ids[0]] |= KBT_START;
  for (unsigned i = 0; i + 1 < len; i++) kb->tok_flags[ids[i]] |= KBT_CONT;
  kb->tok_flags[ids[len - 1]] |= KBT_END;
  /* The lowercase filter knows the words a lowercase word of the text
   * may be: the first word of a role, and any later word of any name
   * ("Russian foreign ministry"). */
  for (unsigned i = (kb->ent[entry].flags & KBF_PROPER) ? 1 : 0; i < len; i++) {
    const char *w = td__kb_str(kb, kb->tok_off[ids[i] - 1]);
    size_t wl = strlen(w);
    if (wl > 3) {
      uint32_t key = td__kb_low_key((unsigned char)w[0], (unsigned char)w[1],
                                    (unsigned char)w[wl - 1], (uint32_t)wl);
      kb->low_bits[key >> 3] |= (uint8_t)(1u << (key & 7));
    }
  }
  uint64_t h = TD__KB_HASH0;
  for (unsigned i = 0; i < len; i++) {
    h = td__kb_hash_step(h, ids[i]);
    kb_phrase *p = phr_get(kb, ids, i + 1, h);
    if (i + 1 < len) continue;
    /* An entry is linked to a phrase once. A person imported under the
     * name of a built-in one takes its gender (for he and she). */
    for (int32_t l = p->entries; l >= 0; l = kb->links[l].next) {
      if (kb->links[l].entry == entry) return;
      const kb_entry *o = &kb->ent[kb->links[l].entry];
      if (o->kind == KB_PERSON &&
          (kb->ent[entry].flags & (KBF_DICT | KBF_LEARNT)))
        kb->ent[entry].flags |= o->flags & (KBF_MALE | KBF_FEMALE);
    }
    if (kb->n_links == kb->links_cap) {
      kb->links_cap = kb->links_cap ? kb->links_cap * 2 : 8192;
      kb->links = td_xrealloc(kb->links, kb->links_cap * sizeof *kb->links);
    }
    kb->links[kb->n_links] = (kb_link){entry, p->entries};
    p->entries = (int32_t)kb->n_links++;
    if (len == 1) kb->tok_ent1[ids[0]] = p->entries;
    kb->n_names++;
  }
  if (len > kb->max_len) kb->max_len = len;
  if (kb->ent[entry].kind == KB_ROLE) {
    kb->ent[entry].last_tok = td__kb_head_tok(kb, ids, len);
    kb->ent[entry].n_toks = (uint8_t)len;
  }
}

uint32_t td__kb_new_entry(td_actor_kb *kb, uint8_t kind, uint16_t flags,
                          const char *name) {
  if (kb->n_ent == kb->ent_cap) {
    kb->ent_cap = kb->ent_cap ? kb->ent_cap * 2 : 1024;
    kb->ent = td_xrealloc(kb->ent, kb->ent_cap * sizeof *kb->ent);
  }
  kb_entry *e = &kb->ent[kb->n_ent];
  memset(e, 0, sizeof *e);
  e->kind = kind;
  e->flags = flags;
  e->name = pool_add(kb, name, strlen(name));
  e->codes = (uint32_t)kb->n_codes;
  e->seq = ++kb->seq;
  e->last_tok = 0;
  return (uint32_t)kb->n_ent++;
}

void td__kb_add_code(td_actor_kb *kb, uint32_t entry, const char *code,
                     int32_t from, int32_t to, int dated) {
  kb_entry *e = &kb->ent[entry];
  /* Codes of an entry are contiguous: move them to the end if needed. */
  if (e->codes + e->n_codes != kb->n_codes) {
    if (kb->n_codes + e->n_codes + 1 > kb->codes_cap) {
      kb->codes_cap = (kb->n_codes + e->n_codes + 1) * 2;
      kb->codes = td_xrealloc(kb->codes, kb->codes_cap * sizeof *kb->codes);
    }
    memmove(kb->codes + kb->n_codes, kb->codes + e->codes,
            e->n_codes * sizeof *kb->codes);
    e->codes = (uint32_t)kb->n_codes;
    kb->n_codes += e->n_codes;
  }
  if (kb->n_codes + 1 > kb->codes_cap) {
    kb->codes_cap = kb->codes_cap ? kb->codes_cap * 2 : 4096;
    kb->codes = td_xrealloc(kb->codes, kb->codes_cap * sizeof *kb->codes);
  }
  kb_code *c = &kb->codes[kb->n_codes++];
  memset(c, 0, sizeof *c);
  size_t n = strlen(code);
  if (n >= sizeof c->code) n = sizeof c->code - 1;
  for (size_t i = 0; i < n; i++)
    c->code[i] =
        (char)((code[i] >= 'a' && code[i] <= 'z') ? code[i] - 32 : code[i]);
  c->from = from;
  c->to = to;
  c->dated = (uint8_t)(dated != 0);
  c->len = (uint8_t)n;
  e->n_codes++;
  /* An imported actor whose codes all carry a role, some of them
   * date-restricted, is a person holding offices (the dictionaries'
   * people: [RUSGOV >080508] [RUSELI]); a bare country code ([UKR])
   * marks a country, place or organisation. */
  if ((e->flags & KBF_DICT) && (e->kind == KB_ACTOR || e->kind == KB_PERSON)) {
    int any_dated = 0, all_roles = 1;
    for (uint32_t i = 0; i < e->n_codes; i++) {
      const kb_code *x = &kb->codes[e->codes + i];
      any_dated |= x->dated;
      if (strlen(x->code) <= 3) all_roles = 0;
    }
    e->kind = any_dated && all_roles ? KB_PERSON : KB_ACTOR;
  }
}

const char *td__kb_entry_code(const td_actor_kb *kb, const kb_entry *e,
                              int32_t day, int32_t *since) {
  const kb_code *best = NULL;
  int best_rank = 0;
  int32_t best_from = INT32_MIN;
  /* Ranks: 3 a dated code valid on the day (the latest start wins: the
   * newest evidence); 2 an undated code; 1 a dated code valid after the
   * day (learnt later: the earliest wins); dated codes that ended before
   * the day never apply. Without a day, the latest start wins, but a role
   * held in office beats a later ELI one (a former leader's): an undated
   * story names a prime minister for what he did in office, and a story
   * of his later years would be dated. */
  for (uint32_t i = 0; i < e->n_codes; i++) {
    const kb_code *c = &kb->codes[e->codes + i];
    int rank;
    if (!c->dated)
      rank = 2;
    else if (day == INT32_MIN)
      rank = c->len == 6 && strcmp(c->code + 3, "ELI") == 0 ? 2 : 3;
    else if (c->from <= day && day <= c->to)
      rank = 3;
    else if (c->from > day && (e->flags & KBF_LEARNT))
      rank = 1;
    else
      continue;
    int better = rank > best_rank;
    if (rank == best_rank) {
      if (rank == 3 && c->from > best_from) better = 1;
      if (rank == 1 && c->from < best_from) better = 1;
    }
    if (better) {
      best = c;
      best_rank = rank;
      best_from = c->from;
    }
  }
  if (since) *since = best && best->dated ? best->from : INT32_MIN;
  return best ? best->code : NULL;
}

/* ---- data files ---- */

/* Calls fn on each name of a "name | name | ..." list. */
static void each_name(td_actor_kb *kb, uint32_t entry, char *list) {
  char *save = NULL;
  for (char *p = strtok_r(list, "|", &save); p;
       p = strtok_r(NULL, "|", &save)) {
    p = td__trim(p);
    if (*p) td__kb_add_name(kb, entry, p, strlen(p));
  }
}

static int valid_code(const char *c) {
  size_t n = strlen(c);
  if (n < 3 || n >= 24) return 0;
  for (size_t i = 0; i < n; i++)
    if (!td__is_upper((unsigned char)c[i]) &&
        !td__is_digit((unsigned char)c[i]))
      return 0;
  return 1;
}

/* Opens dir/actors/name as lines; reports a missing file to diag. */
static int open_lines(td__lines *r, const char *dir, const char *name,
                      const td_diag *diag) {
  char sub[256];
  snprintf(sub, sizeof sub, "actors/%s", name);
  td_error err = {0};
  int rc = td__lines_open(r, dir, sub, &err);
  if (rc) td__diag(diag, TD_SEV_ERROR, r->path, 0, "%s", err.msg);
  return rc;
}

/* Each line: "word word ..." - one group of spelling variants. The first
 * word of a group is the one the others read as. */
static int load_variants(td_actor_kb *kb, const char *dir,
                         const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, "variants.txt", diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  char *s;
  while ((s = td__lines_entry(&r)) != NULL) {
    int32_t canon = 0;
    char *save = NULL;
    for (char *w = strtok_r(s, " \t", &save); w;
         w = strtok_r(NULL, " \t", &save)) {
      char nw[128];
      size_t n = td__actor_norm_word(w, strlen(w), nw, sizeof nw);
      if (n == 0) continue;
      int32_t id = tok_intern(kb, nw, n);
      if (!canon)
        canon = kb->tok_canon[id - 1];
      else
        tok_set_canon(kb, id, canon);
    }
  }
  td__lines_close(&r);
  return 0;
}

/* nonnames.txt: words, separated by spaces or lines. */
static int load_nonnames(td_actor_kb *kb, const char *dir,
                         const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, "nonnames.txt", diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  char *s;
  while ((s = td__lines_entry(&r)) != NULL) {
    char *save = NULL;
    for (char *w = strtok_r(s, " \t", &save); w;
         w = strtok_r(NULL, " \t", &save)) {
      char nw[128];
      size_t n = td__actor_norm_word(w, strlen(w), nw, sizeof nw);
      if (n == 0) continue;
      int32_t id = tok_intern(kb, nw, n);
      kb->tok_flags[kb->tok_canon[id - 1]] |= KBT_NONNAME;
    }
  }
  td__lines_close(&r);
  return 0;
}

/* honorifics.txt: "word gender" lines, gender m, f or - (at most 16). */
static int load_honorifics(td_actor_kb *kb, const char *dir,
                           const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, "honorifics.txt", diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  char *s;
  while ((s = td__lines_entry(&r)) != NULL) {
    char *save = NULL;
    char *w = strtok_r(s, " \t", &save), *g = strtok_r(NULL, " \t", &save);
    char nw[128];
    size_t n = w ? td__actor_norm_word(w, strlen(w), nw, sizeof nw) : 0;
    if (n == 0 || g == NULL || strtok_r(NULL, " \t", &save) != NULL ||
        !(strcmp(g, "m") == 0 || strcmp(g, "f") == 0 || strcmp(g, "-") == 0)) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected 'word m|f|-'; line skipped");
      continue;
    }
    if (kb->n_honorific == sizeof kb->honorific / sizeof kb->honorific[0]) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "more than 16 honorifics; '%s' skipped", w);
      continue;
    }
    int32_t id = tok_intern(kb, nw, n);
    kb->honorific_gender[kb->n_honorific] = g[0] == 'm'   ? KBF_MALE
                                            : g[0] == 'f' ? KBF_FEMALE
                                                          : 0;
    kb->honorific[kb->n_honorific++] = kb->tok_canon[id - 1];
  }
  td__lines_close(&r);
  return 0;
}

/* The label of a "label: words" line s among names (NULL-terminated):
 * 1 + its index, with *rest the words after the colon; 0 when the line
 * has no colon or another label. */
static int line_label(char *s, const char *const *names, char **rest) {
  char *colon = strchr(s, ':');
  if (!colon) return 0;
  *colon = '\0';
  *rest = colon + 1;
  const char *k = td__trim(s);
  for (int i = 0; names[i]; i++)
    if (strcmp(k, names[i]) == 0) return i + 1;
  return 0;
}

/* clause_words.txt: "say: words" and "aux: words" lines. Kept as hashes
 * (td__kb_word_hash) with the kind in the low bit, sorted: they name
 * nothing, and the scan of names never sees them. */
static int load_clause_words(td_actor_kb *kb, const char *dir,
                             const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, "clause_words.txt", diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  size_t cap = 0;
  char *s;
  static const char *const labels[] = {"aux", "say", NULL};
  while ((s = td__lines_entry(&r)) != NULL) {
    char *words;
    int label = line_label(s, labels, &words);
    if (!label) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected 'say: words' or 'aux: words'; line skipped");
      continue;
    }
    uint64_t say = label == 2;
    char *save = NULL;
    for (char *w = strtok_r(words, " \t", &save); w;
         w = strtok_r(NULL, " \t", &save)) {
      char nw[128];
      size_t n = td__actor_norm_word(w, strlen(w), nw, sizeof nw);
      if (n == 0) continue;
      if (kb->n_clause_word == cap) {
        cap = cap ? cap * 2 : 64;
        kb->clause_word =
            td_xrealloc(kb->clause_word, cap * sizeof *kb->clause_word);
      }
      uint64_t h = td__kb_word_hash((const unsigned char *)nw, n);
      kb->clause_word[kb->n_clause_word++] = (h & ~UINT64_C(1)) | (uint64_t)say;
      kb->clause_bits[h >> 60] |= UINT64_C(1) << ((h >> 54) & 63);
    }
  }
  td__lines_close(&r);
  if (kb->n_clause_word)
    qsort(kb->clause_word, kb->n_clause_word, sizeof *kb->clause_word,
          td__cmp_u64);
  return 0;
}

int td__kb_clause_word(const td_actor_kb *kb, const char *s, size_t n) {
  if (kb->n_clause_word == 0) return 0;
  char nw[128];
  size_t m = td__actor_norm_word(s, n, nw, sizeof nw);
  if (m == 0) return 0;
  return td__kb_clause_hash(kb, td__kb_word_hash((const unsigned char *)nw, m));
}

int td__kb_clause_hash(const td_actor_kb *kb, uint64_t h) {
  if (!((kb->clause_bits[h >> 60] >> ((h >> 54) & 63)) & 1)) return 0;
  h &= ~UINT64_C(1);
  /* The entry sorts as h (aux) or h | 1 (say): the first entry not below
   * h is one of them if there is one, the aux first. */
  const uint64_t *cw = kb->clause_word;
  size_t lo = td__u64_lower_bound(cw, kb->n_clause_word, h);
  if (lo == kb->n_clause_word || (cw[lo] | 1) != (h | 1)) return 0;
  return cw[lo] & 1 ? TD__KB_CLAUSE_SAY : TD__KB_CLAUSE_AUX;
}

int td__kb_honorific(const td_actor_kb *kb, int32_t id) {
  for (unsigned i = 0; i < kb->n_honorific && id > 0; i++)
    if (kb->honorific[i] == id) return (int)i + 1;
  return 0;
}

/* companies.txt: "KIND: word | word ..." with KIND suffix, head or
 * public. Suffixes and heads get KBT_COMPANY (suffixes KBT_NONNAME too:
 * never part of a person's name); suffixes and public words are listed
 * for td__kb_company. */
/* The slot of id in kb->co_set (its own, or the empty one it would
 * take). */
static inline uint32_t co_slot(const td_actor_kb *kb, int32_t id) {
  const uint32_t mask = sizeof kb->co_set / sizeof kb->co_set[0] - 1;
  uint32_t j = ((uint32_t)id * UINT32_C(0x9E3779B1)) >> 24;
  while (kb->co_set[j & mask].id != 0 && kb->co_set[j & mask].id != id) j++;
  return j & mask;
}

static void co_set_add(td_actor_kb *kb, int32_t id, int kind) {
  const size_t cap = sizeof kb->co_set / sizeof kb->co_set[0];
  if (kb->n_co_suffix + kb->n_co_public > cap / 2) return; /* lists only */
  uint32_t j = co_slot(kb, id);
  kb->co_set[j].id = id;
  kb->co_set[j].kinds |= 1u << kind;
}

static int load_companies(td_actor_kb *kb, const char *dir,
                          const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, "companies.txt", diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  char *s;
  /* in the order of TD__KB_CO_SUFFIX, _HEAD, _PUBLIC; then the nouns */
  static const char *const kinds[] = {"suffix", "head", "public", "noun",
                                      NULL};
  while ((s = td__lines_entry(&r)) != NULL) {
    char *words;
    int kind = line_label(s, kinds, &words);
    if (kind == 0) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected 'suffix|head|public|noun: word | word ...'");
      continue;
    }
    char *save = NULL;
    for (char *w = strtok_r(words, "|", &save); w;
         w = strtok_r(NULL, "|", &save)) {
      w = td__trim(w);
      char nw[128];
      size_t n = td__actor_norm_word(w, strlen(w), nw, sizeof nw);
      if (n == 0) continue;
      if (kind == 4) { /* a noun: no token of any name */
        kb->co_noun =
            td_xrealloc(kb->co_noun, (kb->n_co_noun + 1) * sizeof *kb->co_noun);
        kb->co_noun[kb->n_co_noun++] =
            td__kb_word_hash((const unsigned char *)nw, n);
        unsigned a = (unsigned char)nw[0] - 'a', z = (unsigned char)nw[n - 1] - 'a';
        if (a < 26 && z < 26 && n < 64) {
          kb->co_fl[a] |= 1u << z;
          kb->co_len |= UINT64_C(1) << n;
        }
        continue;
      }
      int32_t id = kb->tok_canon[tok_intern(kb, nw, n) - 1];
      if (kind != TD__KB_CO_PUBLIC) kb->tok_flags[id] |= KBT_COMPANY;
      if (kind == TD__KB_CO_SUFFIX) kb->tok_flags[id] |= KBT_NONNAME;
      int32_t **list = kind == TD__KB_CO_SUFFIX   ? &kb->co_suffix
                       : kind == TD__KB_CO_PUBLIC ? &kb->co_public
                                                  : NULL;
      size_t *nl =
          kind == TD__KB_CO_SUFFIX ? &kb->n_co_suffix : &kb->n_co_public;
      if (list) {
        *list = td_xrealloc(*list, (*nl + 1) * sizeof **list);
        (*list)[(*nl)++] = id;
        co_set_add(kb, id, kind);
      }
    }
  }
  td__lines_close(&r);
  if (kb->n_co_noun)
    qsort(kb->co_noun, kb->n_co_noun, sizeof *kb->co_noun, td__cmp_u64);
  return 0;
}

int td__kb_co_noun(const td_actor_kb *kb, const char *w, size_t n) {
  char nw[128];
  size_t m = td__actor_norm_word(w, n, nw, sizeof nw);
  if (m == 0 || kb->n_co_noun == 0) return 0;
  uint64_t h = td__kb_word_hash((const unsigned char *)nw, m);
  size_t i = td__u64_lower_bound(kb->co_noun, kb->n_co_noun, h);
  return i < kb->n_co_noun && kb->co_noun[i] == h;
}

int td__kb_company(const td_actor_kb *kb, int32_t id) {
  if (id <= 0) return 0;
  if (kb->n_co_suffix + kb->n_co_public <=
      sizeof kb->co_set / sizeof kb->co_set[0] / 2) {
    /* Every id is in the set too. */
    uint32_t kinds = kb->co_set[co_slot(kb, id)].kinds;
    if (kb->tok_flags[id] & KBT_COMPANY)
      return (kinds >> TD__KB_CO_SUFFIX) & 1 ? TD__KB_CO_SUFFIX
                                             : TD__KB_CO_HEAD;
    return (kinds >> TD__KB_CO_PUBLIC) & 1 ? TD__KB_CO_PUBLIC : 0;
  }
  /* Suffixes and heads are KBT_COMPANY; public words are not. */
  if (kb->tok_flags[id] & KBT_COMPANY) {
    for (size_t i = 0; i < kb->n_co_suffix; i++)
      if (kb->co_suffix[i] == id) return TD__KB_CO_SUFFIX;
    return TD__KB_CO_HEAD;
  }
  for (size_t i = 0; i < kb->n_co_public; i++)
    if (kb->co_public[i] == id) return TD__KB_CO_PUBLIC;
  return 0;
}

/* countries.txt, organisations.txt: "CODE KIND: name | name ..." with
 * KIND country, seat or org. */
static int load_names(td_actor_kb *kb, const char *dir, const char *file,
                      const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, file, diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  char *s;
  while ((s = td__lines_entry(&r)) != NULL) {
    char *colon = strchr(s, ':');
    char code[32], kind[16];
    if (!colon || sscanf(s, "%31s %15[a-z]", code, kind) != 2 ||
        !valid_code(code)) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected 'CODE KIND: name | name ...'");
      continue;
    }
    uint8_t k = strcmp(kind, "country") == 0 ? KB_COUNTRY
                : strcmp(kind, "seat") == 0  ? KB_SEAT
                : strcmp(kind, "org") == 0   ? KB_ORG
                                             : 0;
    if (!k) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "unknown kind '%s' (country, seat or org)", kind);
      continue;
    }
    char *names = colon + 1;
    char first[128] = "";
    {
      const char *bar = strchr(names, '|');
      size_t n = bar ? (size_t)(bar - names) : strlen(names);
      if (n >= sizeof first) n = sizeof first - 1;
      memcpy(first, names, n);
      first[n] = '\0';
    }
    if (k == KB_SEAT) {
      /* Each seat is an actor of its own ("the Kremlin", "Moscow"). */
      char *save = NULL;
      for (char *p = strtok_r(names, "|", &save); p;
           p = strtok_r(NULL, "|", &save)) {
        p = td__trim(p);
        if (!*p) continue;
        uint32_t e = td__kb_new_entry(kb, k, KBF_PROPER, p);
        td__kb_add_code(kb, e, code, INT32_MIN, INT32_MAX, 0);
        td__kb_add_name(kb, e, p, strlen(p));
      }
      continue;
    }
    uint32_t e = td__kb_new_entry(kb, k, KBF_PROPER, td__trim(first));
    td__kb_add_code(kb, e, code, INT32_MIN, INT32_MAX, 0);
    each_name(kb, e, names);
  }
  td__lines_close(&r);
  return 0;
}

/* roles.txt: "ROLE KIND [CTY]: phrase | phrase ..." - ROLE a CAMEO role
 * code or '-' (takes its role from its neighbours), KIND title, body or
 * inst, CTY a default country. */
static int load_roles(td_actor_kb *kb, const char *dir, const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, "roles.txt", diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  char *s;
  while ((s = td__lines_entry(&r)) != NULL) {
    char *colon = strchr(s, ':');
    char role[16], kind[16], cty[24] = "";
    int nf = 0;
    if (colon) {
      *colon = '\0';
      nf = sscanf(s, "%15s %15s %23s", role, kind, cty);
    }
    if (nf < 2 || (strcmp(role, "-") != 0 && strlen(role) != 3)) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected 'ROLE KIND [COUNTRY]: phrase | phrase ...'");
      continue;
    }
    if (strcmp(kind, "prefix") == 0 && strlen(role) == 3) {
      /* Words before a title that make its holder's role this one
       * ("former", "ex"): token ids with the role. */
      char *save = NULL;
      for (char *p = strtok_r(colon + 1, "|", &save); p;
           p = strtok_r(NULL, "|", &save)) {
        p = td__trim(p);
        char nw[64];
        size_t n = td__actor_norm_word(p, strlen(p), nw, sizeof nw);
        if (n == 0 || kb->n_prefix >= sizeof kb->prefix / sizeof *kb->prefix)
          continue;
        kb->prefix[kb->n_prefix].id = kb->tok_canon[tok_intern(kb, nw, n) - 1];
        memcpy(kb->prefix[kb->n_prefix++].role, role, 4);
      }
      continue;
    }
    uint16_t fl = strcmp(kind, "title") == 0  ? KBF_TITLE
                  : strcmp(kind, "inst") == 0 ? KBF_INST
                  : strcmp(kind, "body") == 0 ? 0
                                              : 0xffff;
    if (fl == 0xffff) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "unknown kind '%s' (title, body, inst or prefix)", kind);
      continue;
    }
    if (strcmp(role, "-") == 0) fl |= KBF_WEAK;
    uint32_t e = td__kb_new_entry(kb, KB_ROLE, fl, "");
    if (!(fl & KBF_WEAK)) memcpy(kb->ent[e].role, role, 4);
    if (nf == 3 && valid_code(cty))
      memcpy(kb->ent[e].country, cty, strlen(cty) + 1);
    /* Each phrase is its own entry so a role knows its head token. */
    char *save = NULL;
    int first = 1;
    for (char *p = strtok_r(colon + 1, "|", &save); p;
         p = strtok_r(NULL, "|", &save)) {
      p = td__trim(p);
      if (!*p) continue;
      uint32_t pe = e;
      if (!first) {
        pe = td__kb_new_entry(kb, KB_ROLE, fl, "");
        kb->ent[pe] = kb->ent[e];
        kb->ent[pe].seq = ++kb->seq;
      }
      kb->ent[pe].name = pool_add(kb, p, strlen(p));
      td__kb_add_name(kb, pe, p, strlen(p));
      first = 0;
    }
  }
  td__lines_close(&r);
  return 0;
}

/* pronouns.txt: "m: he | him" or "f: she". */
static int load_pronouns(td_actor_kb *kb, const char *dir,
                         const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, "pronouns.txt", diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  char *s;
  while ((s = td__lines_entry(&r)) != NULL) {
    if ((s[0] != 'm' && s[0] != 'f') || s[1] != ':') {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected 'm: word | word'");
      continue;
    }
    uint32_t e = td__kb_new_entry(kb, KB_PRONOUN,
                                  s[0] == 'm' ? KBF_MALE : KBF_FEMALE, "");
    each_name(kb, e, s + 2);
  }
  td__lines_close(&r);
  return 0;
}

/* A day number from "YYYY-MM-DD" (or YYYY-MM, YYYY); INT32_MIN on error. */
static int32_t iso_day(const char *s, int end) {
  int y = 0, m = 0, d = 0;
  int n = sscanf(s, "%4d-%2d-%2d", &y, &m, &d);
  if (n < 1 || y < 1000) return INT32_MIN;
  if (n < 2) m = end ? 12 : 1;
  if (n < 3) d = end ? td_days_in_month(y, m) : 1;
  if (m < 1 || m > 12 || d < 1 || d > td_days_in_month(y, m)) return INT32_MIN;
  return (int32_t)td_days_from_civil(y, m, d);
}

/* people.txt: "Name | variant ... = CODE FROM..TO, CODE FROM..TO ; g ;
 * title" - dates ISO, either side may be empty (open). g is m, f or -. */
/* people.txt (kind KB_PERSON) and parties.txt (KB_ORG): "Name | variant
 * = CODE FROM..TO, ... ; g ; title", gender and title optional. */
static int load_dated(td_actor_kb *kb, const char *dir, const char *file,
                      uint8_t kind, const td_diag *diag) {
  td__lines r;
  if (open_lines(&r, dir, file, diag) != 0) {
    td__lines_close(&r);
    return TD_EIO;
  }
  char *s;
  while ((s = td__lines_entry(&r)) != NULL) {
    char *eq = strchr(s, '=');
    if (!eq) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected 'Name | variant = CODE FROM..TO ; g ; title'");
      continue;
    }
    *eq = '\0';
    char *rest = eq + 1;
    char *gender = strchr(rest, ';');
    char *title = NULL;
    if (gender) {
      *gender++ = '\0';
      title = strchr(gender, ';');
      if (title) *title++ = '\0';
      gender = td__trim(gender);
    }
    char first[128];
    {
      const char *bar = strchr(s, '|');
      size_t n = bar ? (size_t)(bar - s) : strlen(s);
      if (n >= sizeof first) n = sizeof first - 1;
      memcpy(first, s, n);
      first[n] = '\0';
    }
    uint16_t fl = KBF_PROPER;
    if (gender && gender[0] == 'm') fl |= KBF_MALE;
    if (gender && gender[0] == 'f') fl |= KBF_FEMALE;
    /* Codes first: a bad code skips the line. */
    kb_code cs[16];
    unsigned nc = 0;
    int bad = 0;
    char *save = NULL;
    for (char *c = strtok_r(rest, ",", &save); c && nc < 16;
         c = strtok_r(NULL, ",", &save)) {
      char code[32], range[64] = "";
      int k = sscanf(c, "%31s %63s", code, range);
      if (k < 1 || !valid_code(code)) {
        bad = 1;
        break;
      }
      kb_code kc = {.from = INT32_MIN, .to = INT32_MAX, .dated = 0};
      memcpy(kc.code, code, strlen(code) + 1); /* valid_code: < 24 bytes */
      if (k == 2) {
        char *dots = strstr(range, "..");
        if (!dots) {
          bad = 1;
          break;
        }
        *dots = '\0';
        if (range[0] && (kc.from = iso_day(range, 0)) == INT32_MIN) bad = 1;
        if (dots[2] && (kc.to = iso_day(dots + 2, 1)) == INT32_MIN) bad = 1;
        kc.dated = 1;
      }
      cs[nc++] = kc;
    }
    if (bad || nc == 0) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "bad code or dates (want CODE YYYY-MM-DD..YYYY-MM-DD)");
      continue;
    }
    if (kind == KB_ORG) fl |= KBF_PARTY;
    if (kind == KB_ORG && gender && strcmp(gender, "shared") == 0)
      fl |= KBF_SHARED;
    uint32_t e = td__kb_new_entry(kb, kind, fl, td__trim(first));
    for (unsigned i = 0; i < nc; i++)
      td__kb_add_code(kb, e, cs[i].code, cs[i].from, cs[i].to, cs[i].dated);
    if (title) {
      title = td__trim(title);
      kb->ent[e].title = pool_add(kb, title, strlen(title));
      int32_t ids[KB_MAX_NAME_TOKS];
      unsigned n = split_name(kb, title, strlen(title), ids);
      kb->ent[e].title_tok = td__kb_head_tok(kb, ids, n);
    }
    each_name(kb, e, s);
    if (kind == KB_PERSON) kb->n_people++;
  }
  td__lines_close(&r);
  return 0;
}

int td_actor_kb_open(const char *data_dir, td_actor_kb **out,
                     const td_diag *diag, td_error *err) {
  if (data_dir == NULL) data_dir = td__data_dir();
  td_actor_kb *kb = td_xcalloc(1, sizeof *kb);
  td__buf_putc(&kb->pool, '\0'); /* offset 0 is "" */
  for (int c = 0; c < 256; c++)
    kb->byte_class[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  kb->byte_class['-'] = kb->byte_class['/'] = kb->byte_class[0] = 0;
  kb->byte_class['.'] = 1;
  kb->byte_class[0xE2] = 2;
  for (const char *q = ",().[]"; *q; q++) kb->punct_keep[(unsigned char)*q] = 1;
  kb->short_cap = 1024;
  kb->short_shift = 32 - 10;
  kb->short_tab = td_xcalloc(kb->short_cap, sizeof *kb->short_tab);
  kb->short_raw = td_xcalloc(kb->short_cap, sizeof *kb->short_raw);
  static const char *const little[] = {"of", "the", "a",    "an", "with",
                                       "at", "for", "from", "in", "and"};
  int32_t *slots[] = {&kb->w_of,   &kb->w_the, &kb->w_a,   &kb->w_an,
                      &kb->w_with, &kb->w_at,  &kb->w_for, &kb->w_from,
                      &kb->w_in,   &kb->w_and};
  for (size_t i = 0; i < sizeof little / sizeof little[0]; i++) {
    *slots[i] = tok_intern(kb, little[i], strlen(little[i]));
    kb->tok_flags[*slots[i]] |= KBT_CONN;
    size_t wl = strlen(little[i]); /* "with", "from" pass the filter */
    if (wl > 3) {
      uint32_t key = td__kb_low_key(
          (unsigned char)little[i][0], (unsigned char)little[i][1],
          (unsigned char)little[i][wl - 1], (uint32_t)wl);
      kb->low_bits[key >> 3] |= (uint8_t)(1u << (key & 7));
    }
  }
  kb->tok_flags[kb->w_the] |= KBT_DET;
  kb->tok_flags[kb->w_a] |= KBT_DET;
  kb->tok_flags[kb->w_an] |= KBT_DET;
  kb->short_gen++;
  int rc = 0;
  /* Variants first, so names loaded later share their canonical tokens. */
  if ((rc = load_variants(kb, data_dir, diag)) == 0 &&
      (rc = load_nonnames(kb, data_dir, diag)) == 0 &&
      (rc = load_honorifics(kb, data_dir, diag)) == 0 &&
      (rc = load_clause_words(kb, data_dir, diag)) == 0 &&
      (rc = load_companies(kb, data_dir, diag)) == 0 &&
      (rc = load_names(kb, data_dir, "countries.txt", diag)) == 0 &&
      (rc = load_names(kb, data_dir, "organisations.txt", diag)) == 0 &&
      (rc = load_roles(kb, data_dir, diag)) == 0 &&
      (rc = load_pronouns(kb, data_dir, diag)) == 0 &&
      (rc = load_dated(kb, data_dir, "people.txt", KB_PERSON, diag)) == 0)
    rc = load_dated(kb, data_dir, "parties.txt", KB_ORG, diag);
  if (rc != 0) {
    td_actor_kb_free(kb);
    *out = NULL;
    return td_error_set(err, rc, data_dir, 0,
                        "cannot load the actor knowledge base from %s/actors",
                        data_dir);
  }
  *out = kb;
  return 0;
}

void td_actor_kb_free(td_actor_kb *kb) {
  if (kb == NULL) return;
  if (kb->scratch_free) kb->scratch_free(kb->scratch);
  free(kb->tok_slot);
  free(kb->clause_word);
  free(kb->tok_off);
  free(kb->tok_canon);
  free(kb->tok_flags);
  free(kb->tok_ent1);
  free(kb->tok_bits);
  free(kb->pair_bits);
  free(kb->short_tab);
  free(kb->short_raw);
  free(kb->phr);
  free(kb->ids);
  free(kb->links);
  free(kb->ent);
  free(kb->codes);
  free(kb->co_suffix);
  free(kb->co_public);
  free(kb->co_noun);
  td__buf_free(&kb->pool);
  free(kb);
}

/* ---- PETRARCH / TABARI dictionaries ---- */

/* A TABARI date: YYMMDD (00-29 are 20xx) or YYYYMMDD; INT32_MIN if bad. */
static int32_t tabari_day(const char *s, size_t n) {
  int y, m, d;
  for (size_t i = 0; i < n; i++)
    if (!td__is_digit((unsigned char)s[i])) return INT32_MIN;
  if (n == 6) {
    y = (s[0] - '0') * 10 + (s[1] - '0');
    y += y < 30 ? 2000 : 1900;
    s += 2;
  } else if (n == 8) {
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
        (s[3] - '0');
    s += 4;
  } else {
    return INT32_MIN;
  }
  m = (s[0] - '0') * 10 + (s[1] - '0');
  d = (s[2] - '0') * 10 + (s[3] - '0');
  if (m < 1 || m > 12 || d < 1 || d > td_days_in_month(y, m)) return INT32_MIN;
  return (int32_t)td_days_from_civil(y, m, d);
}

/* Parse "[CODE]" "[CODE 770101-120812]" "[CODE >080508]" "[CODE <0801]"
 * at s into *c. Returns the length consumed, 0 when malformed; *skip is
 * set for a null code ([---]) or an agent code ([~GOV]) with *agent. */
static size_t parse_code(const char *s, kb_code *c, int *null_code) {
  const char *close = strchr(s, ']');
  if (!close) return 0;
  char buf[96];
  size_t n = (size_t)(close - s - 1);
  if (n >= sizeof buf) return 0;
  memcpy(buf, s + 1, n);
  buf[n] = '\0';
  /* The code, then the date part with its spaces removed: "> 080109",
   * "950601 - 990815" are read as ">080109", "950601-990815". */
  char code[48] = "", dates[48] = "";
  size_t i = 0, k = 0;
  while (buf[i] && td__is_space((unsigned char)buf[i])) i++;
  while (buf[i] && !td__is_space((unsigned char)buf[i]) && k + 1 < sizeof code)
    code[k++] = buf[i++];
  code[k] = '\0';
  k = 0;
  for (; buf[i]; i++)
    if (!td__is_space((unsigned char)buf[i])) {
      if (k + 1 >= sizeof dates) return 0;
      dates[k++] = buf[i];
    }
  dates[k] = '\0';
  *null_code = 0;
  if (!code[0]) return 0;
  /* TABARI's null and placeholder codes: the name is known, not coded. */
  if (strcmp(code, "---") == 0 || strcmp(code, "###") == 0 ||
      strcmp(code, "+++") == 0) {
    *null_code = 1;
    return (size_t)(close - s + 1);
  }
  /* A compound actor "ELR/GAL" is coded as its first member. */
  char *slash = strchr(code, '/');
  if (slash) *slash = '\0';
  /* An agent is a suffix ("[~GOV]": GON + GOV) or a prefix ("[NGO~]":
   * NGO + GON) of the code of the actor it goes with. */
  const char *cc = code[0] == '~' ? code + 1 : code;
  size_t cn = strlen(cc);
  if (cn > 1 && cc == code && cc[cn - 1] == '~') cn--;
  if (cn == 0 || cn >= sizeof c->code) return 0;
  for (size_t i = 0; i < cn; i++)
    if (!td__is_alnum((unsigned char)cc[i])) return 0;
  memset(c, 0, sizeof *c);
  memcpy(c->code, code, strlen(code) < sizeof c->code ? strlen(code) + 1 : 0);
  c->from = INT32_MIN;
  c->to = INT32_MAX;
  if (dates[0]) {
    c->dated = 1;
    const char *dash = strchr(dates, '-');
    if (dates[0] == '>') {
      if ((c->from = tabari_day(dates + 1, strlen(dates + 1))) == INT32_MIN)
        return 0;
    } else if (dates[0] == '<') {
      if ((c->to = tabari_day(dates + 1, strlen(dates + 1))) == INT32_MIN)
        return 0;
    } else if (dash) {
      if ((c->from = tabari_day(dates, (size_t)(dash - dates))) == INT32_MIN ||
          (c->to = tabari_day(dash + 1, strlen(dash + 1))) == INT32_MIN)
        return 0;
    } else {
      return 0;
    }
  }
  return (size_t)(close - s + 1);
}

/* The macros of a dictionary ("!PERSON! = MAN, MEN"): a name such as
 * "CONGRESS!PERSON!" stands for one name per word of the list. */
typedef struct dict_macros {
  struct {
    char name[32];
    char *words; /* "MAN, MEN, WOMAN" */
  } m[32];
  unsigned n;
} dict_macros;

static void macro_define(dict_macros *ms, char *s) {
  char *eq = strchr(s, '=');
  char *close = strchr(s + 1, '!');
  if (!close || close > eq || ms->n >= 32) return;
  size_t n = (size_t)(close - s + 1);
  if (n >= sizeof ms->m[0].name) return;
  memcpy(ms->m[ms->n].name, s, n);
  ms->m[ms->n].name[n] = '\0';
  ms->m[ms->n].words = td_xstrdup(td__trim(eq + 1));
  ms->n++;
}

/* The macro used in name, or NULL; *at is where it starts. */
static const char *macro_find(const dict_macros *ms, const char *name,
                              const char **at, size_t *len) {
  for (unsigned i = 0; i < ms->n; i++) {
    const char *p = strstr(name, ms->m[i].name);
    if (p) {
      *at = p;
      *len = strlen(ms->m[i].name);
      return ms->m[i].words;
    }
  }
  return NULL;
}

/* Calls add for each expansion of name's macro (name itself without). */
static void macro_each(const dict_macros *ms, const char *name,
                       void (*fn)(void *, const char *), void *arg) {
  const char *at = NULL;
  size_t len = 0;
  const char *words = macro_find(ms, name, &at, &len);
  if (!words) {
    fn(arg, name);
    return;
  }
  for (const char *w = words; *w;) {
    while (*w == ',' || td__is_space((unsigned char)*w)) w++;
    size_t wn = strcspn(w, ",");
    while (wn && td__is_space((unsigned char)w[wn - 1])) wn--;
    if (wn) {
      char buf[512];
      snprintf(buf, sizeof buf, "%.*s%.*s%s", (int)(at - name), name, (int)wn,
               w, at + len);
      fn(arg, buf);
    }
    w += strcspn(w, ",");
  }
}

static void copy_first(void *arg, const char *name) {
  char *out = arg;
  if (!out[0]) snprintf(out, 512, "%s", name);
}

static void macro_first(const dict_macros *ms, const char *name, char *out,
                        size_t n) {
  (void)n;
  out[0] = '\0';
  macro_each(ms, name, copy_first, out);
}

typedef struct name_adder {
  td_actor_kb *kb;
  uint32_t entry;
} name_adder;

static void add_one(void *arg, const char *name) {
  name_adder *a = arg;
  td__kb_add_name(a->kb, a->entry, name, strlen(name));
}

/* Adds a dictionary name, its macro expansions and its listed plurals
 * ("ATTORNEY_GENERAL {ATTORNEYS_GENERAL}"). */
static void add_dict_names(td_actor_kb *kb, uint32_t entry,
                           const dict_macros *ms, const char *name,
                           const char *forms) {
  name_adder a = {kb, entry};
  macro_each(ms, name, add_one, &a);
  char buf[512];
  snprintf(buf, sizeof buf, "%s", forms);
  char *save = NULL;
  for (char *f = strtok_r(buf, " \t", &save); f;
       f = strtok_r(NULL, " \t", &save))
    macro_each(ms, f, add_one, &a);
}

int td_actor_kb_load_dict(td_actor_kb *kb, const char *path,
                          const td_diag *diag, size_t *n_entries,
                          td_error *err) {
  if (n_entries) *n_entries = 0;
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return td_error_set(err, TD_EIO, path, 0, "cannot open: %s",
                        strerror(errno));
  char line[8192];
  long ln = 0;
  int in_comment = 0;
  int64_t cur = -1; /* the entry being defined */
  size_t added = 0;
  dict_macros macros = {0};
  char forms[512] = "";
  while (fgets(line, sizeof line, f)) {
    ln++;
    char *s = line;
    /* XML-style comment blocks of the PETRARCH validation files. */
    if (in_comment) {
      char *end = strstr(s, "-->");
      if (!end) continue;
      in_comment = 0;
      s = end + 3;
    }
    char *open = strstr(s, "<!--");
    if (open) {
      char *end = strstr(open, "-->");
      if (end)
        memmove(open, end + 3, strlen(end + 3) + 1);
      else {
        *open = '\0';
        in_comment = 1;
      }
    }
    /* '#' starts a comment, except inside a code ("[###]"). */
    int depth = 0;
    for (char *q = s; *q; q++) {
      if (*q == '[') depth++;
      if (*q == ']' && depth > 0) depth--;
      if (*q == '#' && depth == 0) {
        *q = '\0';
        break;
      }
    }
    size_t len = strlen(s);
    while (len && td__is_space((unsigned char)s[len - 1])) s[--len] = '\0';
    if (len == 0) continue;
    int indented = td__is_space((unsigned char)s[0]);
    s = td__trim(s);
    if (*s == '\0') continue;
    if (s[0] == '<') continue; /* tags */
    /* "!PERSON! = MAN, MEN, WOMAN": a macro used in later names. */
    if (s[0] == '!' && strchr(s, '=') && !strchr(s, '[')) {
      macro_define(&macros, s);
      continue;
    }
    char *br = strchr(s, '[');
    /* The name part: everything before the first code. */
    char name[512] = "";
    if (!(indented && br == s)) {
      const char *ns = s[0] == '+' ? s + 1 : s;
      size_t nn = br ? (size_t)(br - ns) : strlen(ns);
      if (nn >= sizeof name) nn = sizeof name - 1;
      memcpy(name, ns, nn);
      name[nn] = '\0';
      char *t = td__trim(name);
      memmove(name, t, strlen(t) + 1);
      /* "GOLDEN_GOOSE {GOLDEN_GEESE}" lists irregular plurals; "{}" says
       * there are none. */
      char *ob = strchr(name, '{'), *cb = ob ? strchr(ob, '}') : NULL;
      if (ob && cb) {
        *cb = '\0';
        snprintf(forms, sizeof forms, "%s", ob + 1);
        *ob = '\0';
        char *t2 = td__trim(name);
        memmove(name, t2, strlen(t2) + 1);
      } else {
        forms[0] = '\0';
      }
      if (strpbrk(name, "{}") || !name[0]) {
        if (s[0] != '+') cur = -1;
        continue;
      }
    }
    /* Codes on this line. */
    kb_code cs[16];
    unsigned nc = 0;
    int bad = 0, has_null = 0;
    for (char *p = br; p && *p;) {
      if (*p != '[') {
        if (td__is_space((unsigned char)*p)) {
          p++;
          continue;
        }
        /* Text after the codes (a description column) is ignored. */
        if (nc > 0 || has_null) break;
        bad = 1;
        break;
      }
      int null_code;
      size_t used = parse_code(p, &cs[nc < 16 ? nc : 15], &null_code);
      if (used == 0) {
        bad = 1;
        break;
      }
      if (null_code)
        has_null = 1;
      else if (nc < 16)
        nc++;
      p += used;
    }
    if (bad) {
      td__diag(diag, TD_SEV_WARNING, path, ln,
               "malformed actor code (want [CODE], [CODE YYMMDD-YYMMDD], "
               "[CODE >YYMMDD] or [CODE <YYMMDD]); line skipped");
      continue;
    }
    if (s[0] == '+') {
      if (cur < 0) {
        td__diag(diag, TD_SEV_WARNING, path, ln,
                 "synonym with no actor before it; line skipped");
        continue;
      }
      add_dict_names(kb, (uint32_t)cur, &macros, name, forms);
    } else if (name[0]) {
      size_t c0 = nc > 0 ? strlen(cs[0].code) : 0;
      int agent = nc > 0 && (cs[0].code[0] == '~' || cs[0].code[c0 - 1] == '~');
      /* The canonical name of a name with a macro: its first expansion. */
      char first[512];
      macro_first(&macros, name, first, sizeof first);
      char canon[128];
      size_t k = 0;
      for (size_t i = 0; first[i] && k + 1 < sizeof canon; i++)
        canon[k++] = first[i] == '_' ? ' ' : first[i];
      while (k && canon[k - 1] == ' ') k--;
      canon[k] = '\0';
      /* "SERGEY LAVROV" reads as "Sergey Lavrov". */
      for (size_t i = 1; i < k; i++)
        if (td__is_alpha((unsigned char)canon[i - 1]))
          canon[i] = (char)td__lower((unsigned char)canon[i]);
      if (agent) {
        /* An agent: a role word (FARMER [~AGR]) matched in any case; it
         * may title a person ("Prime Minister Telemar"). */
        uint32_t e = td__kb_new_entry(kb, KB_ROLE, KBF_DICT | KBF_TITLE, canon);
        /* The whole agent code ("GOVFRM"); a prefix keeps its '~'. */
        snprintf(kb->ent[e].role, sizeof kb->ent[e].role, "%.7s",
                 cs[0].code[0] == '~' ? cs[0].code + 1 : cs[0].code);
        add_dict_names(kb, e, &macros, name, forms);
        cur = -1;
        added++;
        continue;
      }
      cur = td__kb_new_entry(kb, KB_ACTOR, KBF_PROPER | KBF_DICT, canon);
      add_dict_names(kb, (uint32_t)cur, &macros, name, forms);
      added++;
    } else if (cur < 0) {
      td__diag(diag, TD_SEV_WARNING, path, ln,
               "code with no actor before it; line skipped");
      continue;
    }
    if (cur >= 0)
      for (unsigned i = 0; i < nc; i++)
        if (cs[i].code[0] != '~')
          td__kb_add_code(kb, (uint32_t)cur, cs[i].code, cs[i].from, cs[i].to,
                          cs[i].dated);
    (void)has_null;
  }
  fclose(f);
  for (unsigned i = 0; i < macros.n; i++) free(macros.m[i].words);
  kb->n_dict_entries += added;
  if (n_entries) *n_entries = added;
  return 0;
}

/* ---- learnt people ---- */

int64_t td__kb_learn(td_actor_kb *kb, const char *name, const char *code,
                     const char *title, int32_t day, uint16_t gender) {
  /* A company's people are not learnt: titles such as "Acme Corp
   * chairman" are many, and one would recode a namesake politician
   * elsewhere ("Charles H. Baker, former president of Rohm and Haas Co"
   * is no Howard Baker). */
  size_t cl = strlen(code);
  if (cl >= 3 && strcmp(code + cl - 3, "BUS") == 0) return -1;
  int32_t ids[KB_MAX_NAME_TOKS];
  unsigned len = split_name(kb, name, strlen(name), ids);
  if (len == 0 || !valid_code(code)) return -1;
  uint64_t h = TD__KB_HASH0;
  for (unsigned i = 0; i < len; i++) h = td__kb_hash_step(h, ids[i]);
  const kb_phrase *p = td__kb_phrase_find(kb, ids, len, h);
  int64_t e = -1;
  if (p)
    for (int32_t l = p->entries; l >= 0; l = kb->links[l].next)
      if (kb->ent[kb->links[l].entry].flags & KBF_LEARNT) {
        e = kb->links[l].entry;
        break;
      }
  if (e < 0) {
    e = td__kb_new_entry(kb, KB_PERSON, KBF_PROPER | KBF_LEARNT, name);
    td__kb_add_name(kb, (uint32_t)e, name, strlen(name));
    /* The surname alone finds a learnt person in later articles. */
    const char *sp = strrchr(name, ' ');
    if (sp && td__is_upper((unsigned char)sp[1]))
      td__kb_add_name(kb, (uint32_t)e, sp + 1, strlen(sp + 1));
    kb->n_learnt++;
  }
  kb_entry *en = &kb->ent[e];
  en->flags |= gender & (KBF_MALE | KBF_FEMALE);
  if (title && *title) {
    en->title = pool_add(kb, title, strlen(title));
    int32_t tids[KB_MAX_NAME_TOKS];
    unsigned tn = split_name(kb, title, strlen(title), tids);
    en->title_tok = td__kb_head_tok(kb, tids, tn);
  }
  /* The same code learnt again keeps its earliest date. */
  for (uint32_t i = 0; i < en->n_codes; i++) {
    kb_code *c = &kb->codes[en->codes + i];
    if (strcmp(c->code, code) == 0) {
      if (day < c->from) c->from = day;
      return e;
    }
  }
  td__kb_add_code(kb, (uint32_t)e, code, day, INT32_MAX, 1);
  return e;
}

int td_actor_kb_load_store(td_actor_kb *kb, td_store *st, td_error *err) {
  sqlite3_stmt *s = td__store_stmt(
      st, "SELECT name, code, since, title FROM actor_person ORDER BY since");
  if (s == NULL)
    return td_error_set(err, TD_EDB, td__store_path(st), 0,
                        "reading learnt actors: %s",
                        sqlite3_errmsg(td__store_db(st)));
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(s, 0);
    const char *code = (const char *)sqlite3_column_text(s, 1);
    const char *since = (const char *)sqlite3_column_text(s, 2);
    const char *title = (const char *)sqlite3_column_text(s, 3);
    int32_t day = since ? iso_day(since, 0) : INT32_MIN;
    if (name && code && day != INT32_MIN)
      td__kb_learn(kb, name, code, title, day, 0);
  }
  sqlite3_reset(s);
  if (rc != SQLITE_DONE)
    return td_error_set(err, TD_EDB, td__store_path(st), 0,
                        "reading learnt actors: %s",
                        sqlite3_errmsg(td__store_db(st)));
  return 0;
}

void td_actor_kb_stats_get(const td_actor_kb *kb, td_actor_kb_stats *out) {
  memset(out, 0, sizeof *out);
  for (size_t i = 0; i < kb->n_ent; i++)
    if (kb->ent[i].n_codes) out->actors++;
  out->names = kb->n_names;
  out->people = kb->n_people;
  out->learnt = kb->n_learnt;
  out->dict_entries = kb->n_dict_entries;
}
