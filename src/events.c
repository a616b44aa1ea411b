/*
 * events.c - the event coder (annotate stage, last step): reads a
 * segmented document whose time expressions (doc->timexes) and actor
 * mentions (doc->mentions) are done, and writes doc->events: who did what
 * to whom, coded in CAMEO, with modality, date and place.
 *
 * No parser: each sentence is a row of tokens, each token looked up once
 * (lowercase form -> lemmas and word classes, lexicon_internal.h). A token
 * whose lemma heads patterns tries them, longest first; overlapping
 * matches are settled longest first. For each accepted predicate the
 * source is the nearest plausible actor to its left (its subject: not the
 * object of a preposition, not inside another quotation), the agent of a
 * passive ("was attacked by X"), or the speaker of the quotation it sits
 * in; the targets are the pattern's + slot or the first actor to its
 * right, each expanded over coordination ("with A, B and C" gives three
 * events). Modality comes from the auxiliaries and control verbs before
 * the predicate (will, would, could, not, refused to, urged X to, if ...),
 * the date from the nearest dated time expression of the sentence, else
 * the last one of the paragraph, else the article date.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

const char *td_event_modality(unsigned flags) {
  if (flags & TD_EVF_NEGATED) return "negated";
  if (flags & TD_EVF_HYPOTHETICAL) return "hypothetical";
  if (flags & TD_EVF_PLANNED) return "planned";
  return "asserted";
}

/* ---- per-sentence token view ---- */

typedef struct stok {
  const td__word *w; /* NULL for unknown forms */
  uint32_t cls;
  int32_t mention; /* doc mention covering the token, or -1 */
  int32_t timex;   /* doc timex covering the token, or -1 */
  int16_t quote;   /* quotation region id + 1, 0 outside quotations */
  char punct;      /* the character of a one-byte punctuation token */
  uint8_t cap;     /* starts with an uppercase letter */
  uint8_t covered; /* a word of an accepted match */
  uint8_t head;    /* the head of an accepted match */
  uint8_t cond;    /* inside an if/unless clause */
  uint32_t open;   /* OPEN_CLASSES bits of the word, kept out of cls */
  char lower[24];  /* short lowercase form, for a few literal checks */
} stok;

/* Classes of content words that the coder asks about one rule at a time
 * (stok.open), never as "a function word" (stok.cls). */
#define OPEN_CLASSES \
  ((uint32_t)(TD__WC_PHRASEEND | TD__WC_SPORT | TD__WC_BODY | TD__WC_CAUSE | \
              TD__WC_TOPIC | TD__WC_DENY | TD__WC_REPORT | TD__WC_ARENA | \
              TD__WC_DISMISS))

/* stok.mention of a person the actor stage knows but could not code on
 * the article's date */
#define UNCODED (-2)

#define MAX_WORDS 20
#define MAX_ACTORS 12

typedef struct match {
  const td__pattern *p;
  int head, first, last;
  int words[MAX_WORDS];
  int n_words;
  int tgt_tok; /* token of the + slot, or -1 */
  int passive;
  int32_t code; /* code index: the pattern's, or refined by a frame */
  int inner;    /* index of the match this frame is about, or -1 */
  int absorbed; /* the object of a frame: not an event of its own */
  int modifier; /* a noun modifying the next one ("EU asylum policy"): it
                   may refine a frame but is no event of its own */
  int alleged;  /* in what an accusation tells (| allege): hypothetical */
} match;

typedef struct coder {
  td_doc *doc;
  const td_lexicon *lx;
  unsigned opts;
  int32_t soft_code;    /* index of 012 in lx->codes, what a soft frame
                           codes alone (-1: none) */
  int32_t *tok_mention; /* per doc token */
  int32_t *tok_timex;
  stok *t; /* tokens of the current sentence */
  size_t cap_t;
  int n;         /* tokens in the sentence */
  uint32_t tf;   /* doc index of its first token */
  uint32_t sent; /* sentence index */
  match *m;
  size_t n_m, cap_m;
  int32_t last_subject; /* mention of the latest source, for pronouns */
  int last_plural;      /* it names several actors or a plural noun */
  int anchored;         /* the current sentence set or cleared the anchor */
  td_date ctx_date;     /* date set by an earlier sentence of the paragraph */
  int32_t ctx_timex;
  uint32_t ctx_para;
  int32_t sent_src[MAX_ACTORS]; /* sources of the sentence's latest event */
  int sent_ns;
  /* The latest two parties named together: [0] by talks or "between A
   * and B", [1] by any event with a source and a target; pair_para is the
   * paragraph, UINT32_MAX for none. Who "the sides" or a symmetric event
   * with no actors of its own ("The first round took place in Geneva")
   * are. */
  /* Words of sport reports seen (distinct, up to 4) and scores ("6-1"):
   * see sport_report. */
  const td__word *sport[4];
  int n_sport;
  unsigned scores;
  int32_t pair[2][2];
  uint32_t pair_para[2];
  uint32_t pair_sent[2]; /* the sentence each pair was named in */
  size_t cap_ev;
} coder;

/* ---- small helpers ---- */

static int is_boundary(const stok *k) {
  return k->punct == ';' || k->punct == ':' || k->punct == '.' ||
         k->punct == '!' || k->punct == '?';
}

static int lemma_is(const stok *k, int32_t lemma) {
  return k->w && (k->w->lemma[0] == lemma || k->w->lemma[1] == lemma);
}

static unsigned shape_of(const stok *k, int32_t lemma) {
  if (!k->w) return 0;
  if (k->w->lemma[0] == lemma) return k->w->shape[0];
  if (k->w->lemma[1] == lemma) return k->w->shape[1];
  return 0;
}

static int elem_matches(const stok *k, const td__pelem *e) {
  if (e->neg) return (k->cls & TD__WC_NEG) != 0;
  return lemma_is(k, e->lemma);
}

/* The td_entity_kind of doc mention m's entity, 0 when it has none. */
static uint8_t mention_kind(const coder *c, int32_t m) {
  if (m < 0 || (size_t)m >= c->doc->n_mentions) return 0;
  int32_t ent = c->doc->mentions[m].entity;
  return ent >= 0 && (size_t)ent < c->doc->n_entities
             ? c->doc->entities[ent].kind
             : 0;
}

/* First token (relative) of the mention covering relative token j. */
static int mention_first(const coder *c, int j) {
  int32_t m = c->t[j].mention;
  while (j > 0 && c->t[j - 1].mention == m) j--;
  return j;
}
static int mention_last(const coder *c, int j) {
  int32_t m = c->t[j].mention;
  while (j + 1 < c->n && c->t[j + 1].mention == m) j++;
  return j;
}

static int same_actor(const coder *c, int32_t a, int32_t b) {
  if (a < 0 || b < 0) return 0;
  if (a == b) return 1;
  const td_actor_mention *x = &c->doc->mentions[a], *y = &c->doc->mentions[b];
  if (x->entity >= 0 && x->entity == y->entity) return 1;
  return x->code[0] && strcmp(x->code, y->code) == 0;
}

/* Whether token j is a quotation mark, straight or typographic. */
static int quote_mark(const coder *c, int j) {
  return c->t[j].punct == '"' || c->t[j].punct == '\'' ||
         td__quote_mark(c->doc->text, &c->doc->toks[c->tf + (uint32_t)j]);
}

/* ---- building the sentence view ---- */

/* A word of sport reports (function_words.txt SPORT) seen. */
static void sport_word(coder *c, const td__word *w) {
  for (int i = 0; i < c->n_sport; i++)
    if (c->sport[i] == w) return;
  if (c->n_sport < 4) c->sport[c->n_sport++] = w;
}

/* Whether doc token t opens a score: numbers of one or two digits joined
 * by a hyphen, with no space ("6-1", "2-0", "21-17"; three tokens). */
static int is_score_at(const td_doc *d, size_t t) {
  if (t + 2 >= d->n_toks) return 0;
  const td_token *a = &d->toks[t], *h = a + 1, *b = a + 2;
  return a->kind == TD_TOK_NUMBER && b->kind == TD_TOK_NUMBER &&
         a->end - a->start <= 2 && b->end - b->start <= 2 &&
         h->start == a->end && h->end == h->start + 1 &&
         d->text[h->start] == '-' && b->start == h->end;
}

/* Whether the article reports sport: three distinct sport words, or two
 * and a score. Its verbs of force and threat are then play. */
static int sport_report(const coder *c) {
  return c->n_sport >= 3 || (c->n_sport >= 2 && c->scores >= 1);
}

/* Roots that a sport report uses for play: threaten (13), protest (14),
 * force posture (15), assault (18), fight (19), mass violence (20), and
 * the generic coerce (170). */
/* The CAMEO root of an event code, as a number: "0334" is 3, "190" 19. */
static int code_root(const char *code) {
  return (code[0] - '0') * 10 + (code[1] - '0');
}

static int play_code(const char *code) {
  int root = code_root(code);
  return root == 13 || root == 14 || root == 15 || root >= 18 ||
         strcmp(code, "170") == 0;
}

static void load_sentence(coder *c, uint32_t si) {
  td_doc *d = c->doc;
  const td_sentence *s = &d->sents[si];
  c->sent = si;
  c->tf = s->tok_first;
  c->n = (int)(s->tok_end - s->tok_first);
  if ((size_t)c->n > c->cap_t) {
    c->cap_t = (size_t)c->n * 2;
    c->t = td_xrealloc(c->t, c->cap_t * sizeof *c->t);
  }
  int16_t region = 0, open = 0;
  int in_cond = 0;
  for (int i = 0; i < c->n; i++) {
    const td_token *tk = &d->toks[c->tf + (uint32_t)i];
    stok *k = &c->t[i];
    memset(k, 0, sizeof *k);
    k->mention = c->tok_mention[c->tf + (uint32_t)i];
    k->timex = c->tok_timex[c->tf + (uint32_t)i];
    const char *p = d->text + tk->start;
    size_t len = tk->end - tk->start;
    if (len == 1 && !td__is_alnum((unsigned char)*p) &&
        (unsigned char)*p < 0x80)
      k->punct = *p;
    k->cap = len > 0 && td__is_upper((unsigned char)*p);
    char buf[64];
    if (len < sizeof buf) {
      for (size_t b = 0; b < len; b++)
        buf[b] = (char)td__lower((unsigned char)p[b]);
      k->w = td__lexicon_word(c->lx, buf, len);
      if (k->w) {
        /* The open classes (phrase ends, sport, bodies, ills) are asked
         * for on their own: a word of them alone stays an unknown word (an
         * adverb, a noun) to the other rules, which read any cls bit as "a
         * function word". */
        k->open = k->w->cls & OPEN_CLASSES;
        if ((k->open & TD__WC_SPORT) && k->mention < 0) sport_word(c, k->w);
        k->cls = k->w->cls & ~OPEN_CLASSES;
        if (k->cls == 0 && k->w->lemma[0] < 0 && k->w->lemma[1] < 0)
          k->w = NULL;
      }
      size_t cl = len < sizeof k->lower - 1 ? len : sizeof k->lower - 1;
      memcpy(k->lower, buf, cl);
      k->lower[cl] = '\0';
    }
    if (tk->kind == TD_TOK_NUMBER && k->timex < 0 &&
        is_score_at(d, c->tf + (uint32_t)i))
      c->scores++; /* "16-17 February" is a time expression */
    if (k->punct == '"') {
      if (open) {
        open = 0;
        k->quote = region;
      } else {
        open = 1;
        region++;
        k->quote = region;
      }
      continue;
    }
    k->quote = open ? region : 0;
    if (k->punct == ',' || is_boundary(k)) in_cond = 0;
    if (strcmp(k->lower, "if") == 0 || strcmp(k->lower, "unless") == 0)
      in_cond = 1;
    k->cond = (uint8_t)in_cond;
  }
  /* A name right before a noun of a matter ("hurt by the Iraq
   * controversy", "the Kosovo crisis deepened") names the matter, not an
   * actor: the coder reads it as no mention. */
  for (int i = 0; i + 1 < c->n; i++)
    if (c->t[i].mention >= 0 && c->t[i + 1].mention != c->t[i].mention &&
        (c->t[i + 1].open & TD__WC_TOPIC) && c->t[i + 1].mention < 0 &&
        !c->t[i + 1].cap)
      for (int32_t m = c->t[i].mention, j = i; j >= 0 && c->t[j].mention == m;
           j--)
        c->t[j].mention = -1;
  /* Scare quotes ("condemned as "unacceptable" allegations") are no
   * quotation: a closed region of at most four words is plain text. */
  for (int i = 0; i < c->n; i++) {
    if (c->t[i].punct != '"' || c->t[i].quote == 0) continue;
    int16_t r = c->t[i].quote;
    int j = i + 1;
    while (j < c->n && !(c->t[j].punct == '"' && c->t[j].quote == r)) j++;
    if (j < c->n && j - i - 1 <= 4) {
      for (int k = i; k <= j; k++) c->t[k].quote = 0;
      c->t[i].punct = c->t[j].punct = '\'';
    }
    i = j;
  }
}

/* ---- pattern matching ---- */

/* Skip at most max tokens from j that may sit between two pattern words:
 * not boundaries, not quotes; a whole mention counts as one. Returns the
 * token index where the search for the next element starts, stepping one
 * unit at a time through *steps. */
static int next_unit(const coder *c, int j) {
  if (j < c->n && c->t[j].mention >= 0) return mention_last(c, j) + 1;
  return j + 1;
}

static int unit_ok(const coder *c, int j, int gap) {
  const stok *k = &c->t[j];
  if (is_boundary(k) || k->punct == '"') return 0;
  /* "but" opens a clause of its own: "made a decision on the response to
   * the Iran attack but would not say what the decision was" */
  if (strcmp(k->lower, "but") == 0) return 0;
  if (!gap && (k->punct == ',' || k->punct == '(' || k->punct == ')')) return 0;
  /* A short skip does not pass over a verb in the past tense that heads
   * patterns of its own ("aid agency appealed to" is no "aid to"). */
  if (!gap && k->w && k->mention < 0)
    for (int li = 0; li < 2; li++) {
      int32_t l = k->w->lemma[li];
      size_t np = 0;
      if (l >= 0 && (k->w->shape[li] & TD__SH_PAST) &&
          !(k->w->shape[li] & TD__SH_BASE) &&
          td__lexicon_patterns(c->lx, l, &np) && np > 0)
        return 0;
    }
  return 1;
}

static int match_post(const coder *c, const td__pattern *p, match *m) {
  int cur = m->head + 1;
  int gap = 0;
  m->last = m->head;
  for (int e = 0; e < p->n_post; e++) {
    const td__pelem *el = &p->post[e];
    if (el->kind == TD__PE_GAP) {
      gap = 1;
      continue;
    }
    int budget = gap ? 9 : 4; /* units to look at: the element + skips */
    int found = -1;
    int j = cur;
    for (int u = 0; u < budget && j < c->n; u++) {
      const stok *k = &c->t[j];
      if (is_boundary(k) || k->punct == '"') break;
      if (el->kind == TD__PE_ACTOR) {
        if (k->mention >= 0) {
          found = j;
          break;
        }
      } else if (k->mention < 0 || el->neg) {
        if (elem_matches(k, el)) {
          found = j;
          break;
        }
      } else {
        /* The head noun of a name may be a pattern word: "forced out
         * 1,000 Palestinian refugees". */
        int l = mention_last(c, j);
        if (elem_matches(&c->t[l], el)) {
          found = l;
          break;
        }
      }
      if (!unit_ok(c, j, gap)) break; /* cannot be skipped */
      j = next_unit(c, j);
    }
    if (found < 0) return 0;
    if (el->kind == TD__PE_ACTOR) {
      if (m->tgt_tok < 0) m->tgt_tok = found;
      cur = mention_last(c, found) + 1;
    } else {
      if (m->n_words < MAX_WORDS) m->words[m->n_words++] = found;
      cur = found + 1;
    }
    m->last = cur - 1;
    gap = 0;
  }
  return 1;
}

static int match_pre(const coder *c, const td__pattern *p, match *m) {
  int cur = m->head - 1;
  m->first = m->head;
  for (int e = p->n_pre - 1; e >= 0; e--) {
    const td__pelem *el = &p->pre[e];
    if (el->kind != TD__PE_WORD) return 0; /* only words before a head */
    int found = -1;
    for (int j = cur; j >= 0 && j >= cur - 2; j--) {
      if (!unit_ok(c, j, 0) || c->t[j].mention >= 0) break;
      if (elem_matches(&c->t[j], el)) {
        found = j;
        break;
      }
    }
    if (found < 0) return 0;
    if (m->n_words < MAX_WORDS) m->words[m->n_words++] = found;
    m->first = found;
    cur = found - 1;
  }
  return 1;
}

/* Whether token k ends in a possessive: "Monday's", "the rebels'". */
static inline int possessive_tok(const stok *k) {
  size_t n = strlen(k->lower);
  return (n >= 2 && k->lower[n - 2] == '\'' && k->lower[n - 1] == 's') ||
         (n >= 4 && memcmp(k->lower + n - 4, "\xE2\x80\x99s", 4) == 0) ||
         strcmp(k->lower, "'") == 0;
}

/* Whether token k is a verb's past form and nothing else ("fuelled"): an
 * adjective or a noun between an actor and a nominal predicate is not. */
static int past_form(const stok *k) {
  if (!k->w) {
    size_t n = strlen(k->lower);
    return n > 4 && strcmp(k->lower + n - 2, "ed") == 0;
  }
  unsigned a = k->w->shape[0], b = k->w->lemma[1] >= 0 ? k->w->shape[1] : 0;
  return ((a | b) & TD__SH_PAST) && !((a | b) & (TD__SH_BASE | TD__SH_S));
}

/* Whether token k is the past form of a statement verb ("said", "added"). */
static int said_form(const coder *c, const stok *k) {
  if (!k->w || k->mention >= 0) return 0;
  for (int li = 0; li < 2; li++) {
    int32_t l = k->w->lemma[li];
    size_t np = 0;
    if (l < 0 || !(k->w->shape[li] & TD__SH_PAST)) continue;
    const td__pattern *ps = td__lexicon_patterns(c->lx, l, &np);
    for (size_t i = 0; i < np; i++)
      if (ps[i].flags & TD__PF_SAY) return 1;
  }
  return 0;
}

/* Whether the bare base form at token i, followed by a plain lowercase
 * word, is a noun modifier ("riot police", "aid agency", "a trade surplus
 * with"), not a verb: no auxiliary or "to" before it. */
/* Whether token k is an adverb in -ly: "has repeatedly said". */
static int ends_ly(const stok *k) {
  size_t n = strlen(k->lower);
  return n > 3 && strcmp(k->lower + n - 2, "ly") == 0;
}

/* Whether token k is spelt like a past form ("called", even where a
 * dictionary lists it as a lemma of its own). */
static int ends_ed(const stok *k) {
  size_t n = strlen(k->lower);
  return n > 3 && strcmp(k->lower + n - 2, "ed") == 0;
}

/* A word read as a verb's -ing or past form ("facing", "dismissed"). */
static int verb_form(const stok *k) {
  size_t n = strlen(k->lower);
  return past_form(k) || (n > 4 && strcmp(k->lower + n - 3, "ing") == 0);
}

/* The token before the lowercase -ly adverbs (at most max of them) right
 * before token i ("the temporarily occupied"): i - 1 when there are none,
 * -1 at the sentence start. */
static int before_ly_adverbs(const coder *c, int i, int max) {
  int j = i - 1;
  while (j >= 0 && i - 1 - j < max && c->t[j].mention < 0 && !c->t[j].punct &&
         !c->t[j].cap && ends_ly(&c->t[j]))
    j--;
  return j;
}

static int noun_modifier(const coder *c, int i) {
  const stok *prev = i > 0 ? &c->t[i - 1] : NULL;
  if (i + 1 >= c->n ||
      (prev && ((prev->cls & (TD__WC_WILL | TD__WC_HYPO | TD__WC_DO |
                              TD__WC_NEG | TD__WC_DEONTIC)) ||
                strcmp(prev->lower, "to") == 0)))
    return 0;
  const stok *nx = &c->t[i + 1];
  size_t nl = strlen(nx->lower);
  return nx->mention < 0 && !nx->punct && !nx->cap && nl > 0 &&
         !(nx->cls & (TD__WC_DET | TD__WC_PREP | TD__WC_SUBJPRON | TD__WC_REL |
                      TD__WC_CONJ | TD__WC_NEG)) &&
         !(nl > 2 && strcmp(nx->lower + nl - 2, "ly") == 0) &&
         !(nx->w && (nx->w->shape[0] & (TD__SH_PAST | TD__SH_ING)));
}

/* Whether token i can be the head word of p, judged by its shape and its
 * left neighbour (a rough part-of-speech check). */
static int head_pos_ok(const coder *c, int i, const td__pattern *p) {
  unsigned sh = shape_of(&c->t[i], p->head);
  const stok *prev = i > 0 ? &c->t[i - 1] : NULL;
  uint32_t pc = prev ? prev->cls : 0;
  int prev_det = prev && (pc & TD__WC_DET) && strcmp(prev->lower, "that") != 0;
  switch (p->pos) {
    case 'v':
      /* A longer pattern is evidence enough: "an appeal to X to
       * extradite" codes like "appealed to X to extradite". */
      if (prev_det && p->n_words < 3) return 0;
      /* "Monday's decline", "the bloc's support": after a possessive, a
       * noun. */
      if (prev && prev->mention < 0 && possessive_tok(prev) && p->n_words < 3)
        return 0;
      /* "on the U.S. attack on Iran", "the EU embargo on arms": a bare
       * base form after a country or organisation named after an article
       * or preposition, before a preposition, is a noun (a verb would
       * take the -s of a singular subject; "the Soviets argue that" has a
       * plural one). */
      if (sh == TD__SH_BASE && prev && prev->mention >= 0 && p->n_words < 3 &&
          i + 1 < c->n && c->t[i + 1].mention < 0 &&
          (c->t[i + 1].cls & TD__WC_PREP) && !(c->t[i + 1].cls & TD__WC_DET) &&
          strcmp(c->t[i + 1].lower, "to") != 0) {
        int a = mention_first(c, i - 1);
        uint8_t kind = mention_kind(c, prev->mention);
        if (a > 0 && c->t[a - 1].mention < 0 &&
            (c->t[a - 1].cls & (TD__WC_DET | TD__WC_PREP)) &&
            strcmp(c->t[a - 1].lower, "that") != 0 &&
            (kind == TD_ENT_COUNTRY || kind == TD_ENT_ORG) &&
            !ends_ed(&c->t[i]))
          return 0;
      }
      /* "requests by government agencies", "demands of the unions": an
       * -s form right before "by" or "of" is a plural noun. */
      if ((sh & TD__SH_S) && !(sh & (TD__SH_BASE | TD__SH_PAST)) &&
          p->n_words == 1 && i + 1 < c->n && c->t[i + 1].mention < 0 &&
          (strcmp(c->t[i + 1].lower, "by") == 0 ||
           strcmp(c->t[i + 1].lower, "of") == 0))
        return 0;
      /* "facing questions", "dismissed questions": an -s form right after
       * a verb's -ing or past form is its object, a plural noun (but
       * "conducted repeated attacks": a participle after a verb is an
       * adjective, and the noun after it may name the act). */
      if ((sh & TD__SH_S) && !(sh & (TD__SH_BASE | TD__SH_PAST)) &&
          p->n_words == 1 && prev && prev->mention < 0 && !prev->punct &&
          !prev->cap && !prev->cls && verb_form(prev)) {
        const stok *pp = i > 1 ? &c->t[i - 2] : NULL;
        if (!(pp && !pp->punct && pp->mention < 0 && verb_form(pp))) return 0;
      }
      /* "brokers said", "attacks were": an -s form before a verb or an
       * auxiliary is a plural noun. */
      if ((sh & TD__SH_S) && !(sh & (TD__SH_BASE | TD__SH_PAST)) &&
          i + 1 < c->n && c->t[i + 1].mention < 0 &&
          ((c->t[i + 1].cls &
            (TD__WC_BE | TD__WC_HAVE | TD__WC_WILL | TD__WC_HYPO)) ||
           said_form(c, &c->t[i + 1])))
        return 0;
      /* "strong demand from Japan", "North American demand for shares",
       * "protectionist pressure which": a bare base form after a noun or
       * an adjective, before "for", "from", "of" or a relative pronoun,
       * is a noun. */
      if (p->n_words == 1 && sh == TD__SH_BASE && prev && !prev->punct &&
          i + 1 < c->n &&
          !(pc & (TD__WC_WILL | TD__WC_HYPO | TD__WC_DO | TD__WC_NEG |
                  TD__WC_DEONTIC | TD__WC_SUBJPRON | TD__WC_REL | TD__WC_CONJ |
                  TD__WC_PREP)) &&
          (strcmp(c->t[i + 1].lower, "for") == 0 ||
           strcmp(c->t[i + 1].lower, "from") == 0 ||
           strcmp(c->t[i + 1].lower, "of") == 0 ||
           ((c->t[i + 1].cls & TD__WC_RELPRON) &&
            !(c->t[i + 1].cls & TD__WC_DET))))
        return 0;
      if (p->n_words == 1 && sh == TD__SH_BASE && noun_modifier(c, i)) return 0;
      /* A form that is both base and past ("quit", "cut") after a verb or
       * a determiner, before a plain word, modifies it: "dismisses quit
       * claim report", "the cut rate" (but "Blair quit politics", "has
       * quit the party" are verbs). */
      if (p->n_words == 1 && (sh & TD__SH_BASE) && (sh & TD__SH_PAST) &&
          prev && prev->mention < 0 && !prev->punct && !prev->cap &&
          !(pc & (TD__WC_BE | TD__WC_HAVE | TD__WC_SUBJPRON | TD__WC_REL |
                  TD__WC_CONJ)) &&
          ((pc & TD__WC_DET) || (!pc && verb_form(prev)) ||
           (!pc && prev->w && (prev->w->shape[0] & TD__SH_S))) &&
          noun_modifier(c, i))
        return 0;
      /* "the temporarily occupied territories", "a January 26 written
       * response": a participle after a determiner or a number is an
       * adjective. */
      if ((sh & TD__SH_PAST) && !(sh & (TD__SH_BASE | TD__SH_S)) &&
          p->n_words < 3) {
        int j = before_ly_adverbs(c, i, 2);
        const stok *q = j >= 0 ? &c->t[j] : NULL;
        if (q && q->mention < 0 && !q->punct &&
            (c->doc->toks[c->tf + (uint32_t)j].kind == TD_TOK_NUMBER ||
             ((q->cls & TD__WC_DET) && strcmp(q->lower, "that") != 0)))
          return 0;
      }
      if (prev && prev->mention < 0 && (pc & TD__WC_PREP) &&
          !(sh & (TD__SH_ING | TD__SH_PAST)) && strcmp(prev->lower, "to") != 0)
        return 0;
      return 1;
    case 'n':
      if (!(sh & (TD__SH_BASE | TD__SH_S))) return 0;
      if (prev && (pc & (TD__WC_WILL | TD__WC_SUBJPRON)) && !(pc & TD__WC_DET))
        return 0;
      if (prev && (strcmp(prev->lower, "to") == 0 ||
                   ((pc & TD__WC_HYPO) && !(pc & TD__WC_DET))))
        return 0;
      return 1;
    case 'a':
      return (sh & TD__SH_BASE) != 0;
    default:
      return 1;
  }
}

/* A one-word verb pattern used in its business sense: its object or its
 * subject is a noun of markets and money (function_words.txt ECON):
 * "to support its economy", "meet the price", "prices decline". */
static int business_sense(const coder *c, const match *m) {
  /* what a statement verb says is no sense of it: "said the deficit" */
  if (m->p->pos != 'v' || m->p->n_words != 1 || (m->p->flags & TD__PF_SAY))
    return 0;
  int j = m->head + 1;
  if (j < c->n && (c->t[j].cls & TD__WC_DET) && c->t[j].mention < 0) j++;
  /* "allowed the indirect takeover", "receives about 50 pct": numbers
   * and words the lexicon does not know (adjectives) may sit between. */
  int skipped = 0;
  for (; skipped < 2 && j + 1 < c->n; skipped++) {
    const stok *q = &c->t[j];
    if (q->mention >= 0 || q->cap || (q->cls & TD__WC_ECON)) break;
    if (q->w ? strcmp(q->lower, "about") != 0
             : q->punct &&
                   c->doc->toks[c->tf + (uint32_t)j].kind != TD_TOK_NUMBER)
      break;
    j++;
  }
  /* Past modifiers, the money word must end its phrase: "rejected green
   * rate changes" rejects changes. */
  if (j < c->n && c->t[j].mention < 0 && (c->t[j].cls & TD__WC_ECON) &&
      (!skipped || j + 1 >= c->n || c->t[j + 1].punct ||
       c->t[j + 1].mention >= 0 || c->t[j + 1].cls))
    return 1;
  /* The subject, back over "to", auxiliaries and a verb taking the
   * infinitive: "its trade surplus to decline", "the dollar would continue
   * to decline". */
  j = m->head - 1;
  const uint32_t aux = TD__WC_WILL | TD__WC_HYPO | TD__WC_BE | TD__WC_HAVE |
                       TD__WC_DO | TD__WC_NEG;
  for (int steps = 0; j >= 0 && steps < 4; steps++, j--) {
    const stok *q = &c->t[j];
    if (q->mention >= 0 || q->punct || (q->cls & TD__WC_ECON)) break;
    if (strcmp(q->lower, "to") == 0 || (q->cls & aux)) continue;
    /* a verb right before "to" ("continue to", "expected to") */
    if (q->w && !q->cls && strcmp(c->t[j + 1].lower, "to") == 0) continue;
    break;
  }
  return j >= 0 && c->t[j].mention < 0 && (c->t[j].cls & TD__WC_ECON) &&
         !(c->t[j].cls & TD__WC_DET);
}

/* Whether token j opens or fills a noun phrase, so that a word after it
 * is no verb: an article or possessive, a number, a name, a possessive
 * "'s", or a word the lexicon does not know ("a 3.6 billion dlr trade
 * surplus"). */
static int nominal_slot(const coder *c, int j) {
  const stok *q = &c->t[j];
  if (q->punct) return 0;
  return q->mention >= 0 || (q->cls & TD__WC_DET) || possessive_tok(q) ||
         c->doc->toks[c->tf + (uint32_t)j].kind == TD_TOK_NUMBER || !q->w;
}

/* Whether nominal match m modifies the noun right after it ("EU asylum
 * policy", "the weapons of mass destruction dossier", "an arrest
 * warrant"): a lowercase word no closed class and no verb form, which
 * names the thing, not the event. */
static int unknown_name(const coder *c, int j);

static int compound_modifier(const coder *c, const match *m) {
  int j = m->last + 1;
  /* a pattern ending in a preposition ("crackdown on") has its object
   * next; one ending in its target ("support for X") is done */
  if (j >= c->n || m->p->n_words != 1 || (c->t[m->last].cls & ~TD__WC_ECON) ||
      c->t[m->last].mention >= 0)
    return 0;
  /* after a light verb the noun is the act: "issued arrest warrants",
   * "staged a hunger strike" */
  for (int b = m->first - 1, skip = 0; b >= 0 && skip < 3; b--, skip++) {
    const stok *q = &c->t[b];
    if (q->cls & TD__WC_LIGHT) return 0;
    if (q->punct || q->mention >= 0 || (q->w && !(q->cls & TD__WC_DET))) break;
  }
  const stok *x = &c->t[j];
  size_t n = strlen(x->lower);
  /* "British hostage Ken Bigley": a noun before a name is its title */
  if (x->cap && unknown_name(c, j) && j + 1 < c->n && unknown_name(c, j + 1))
    return 1;
  if (x->punct || x->cap || x->mention >= 0 || x->timex >= 0 || n == 0 ||
      ends_ly(x) || (x->cls & ~TD__WC_ECON) || (x->open & TD__WC_PHRASEEND) ||
      strcmp(x->lower, "to") == 0 ||
      c->doc->toks[c->tf + (uint32_t)j].kind != TD_TOK_WORD)
    return 0;
  /* a plural is rarely a modifier, and the word after it is rather its
   * verb ("the talks follow", "negotiations resume") */
  const stok *h = &c->t[m->last];
  size_t hl = strlen(h->lower);
  if (hl > 2 && h->lower[hl - 1] == 's') return 0;
  /* a verb form ("the talks covered") is the predicate */
  if (x->w) return !(x->w->shape[0] & (TD__SH_PAST | TD__SH_ING | TD__SH_S));
  return !(n > 3 && (strcmp(x->lower + n - 2, "ed") == 0 ||
                     strcmp(x->lower + n - 3, "ing") == 0 ||
                     (x->lower[n - 1] == 's' && x->lower[n - 2] != 's')));
}

/* Whether token x heads a pattern of force (roots 18-20): "fight",
 * "war", "battle". */
static int force_word(const coder *c, const stok *x) {
  if (!x->w) return 0;
  for (int li = 0; li < 2; li++) {
    int32_t l = x->w->lemma[li];
    size_t np = 0;
    const td__pattern *ps = l >= 0 ? td__lexicon_patterns(c->lx, l, &np) : NULL;
    for (size_t i = 0; i < np; i++) {
      const char *pc = c->lx->codes[ps[i].code].code;
      int root = code_root(pc);
      if (root >= 18 && root <= 20) return 1;
    }
  }
  return 0;
}

/* Whether force match m is fought in an arena that is no battlefield
 * (function_words.txt ARENA: "a court battle", "a price war") or against
 * an ill (CAUSE): "fight terrorism", "the war on drugs", "battle against
 * inflation". Its object: the next few words, past articles, "against",
 * "on" and adjectives, before any name or mark. */
static int campaign(const coder *c, const match *m) {
  const char *code = c->lx->codes[m->code].code;
  int root = code_root(code);
  if (root < 18 || root > 20) return 0;
  /* "a High Court battle", "the leadership fight", "a price war", "tax
   * pledge clash" (a headline) */
  if (m->first > 0 && (c->t[m->first - 1].open & TD__WC_ARENA)) return 1;
  /* ... also before the noun that ends the pattern: "waged a trade war" */
  if (m->last > m->first && (c->t[m->last - 1].open & TD__WC_ARENA)) return 1;
  /* The ill itself as the object of a verb or noun of force ("will
   * fight terrorism", "the war on terror"): the campaign's object, no act
   * of violence of its own. */
  if (m->p->pos == 'n' && (c->t[m->head].open & TD__WC_CAUSE))
    for (int j = m->first - 1; j >= 0 && j >= m->first - 3; j--) {
      const stok *x = &c->t[j];
      if (x->mention >= 0 || x->punct) break;
      if (x->cls & (TD__WC_DET | TD__WC_PREP | TD__WC_ARTICLE)) continue;
      if (force_word(c, x)) return 1;
      break;
    }
  for (int j = m->last + 1; j < c->n && j <= m->last + 4; j++) {
    const stok *x = &c->t[j];
    if (x->open & TD__WC_CAUSE) return 1; /* also "the Aids epidemic" */
    if (x->mention >= 0 || x->punct || x->cap) return 0;
    if (x->cls & ~(uint32_t)(TD__WC_DET | TD__WC_PREP | TD__WC_ARTICLE))
      return 0;
  }
  return 0;
}

static void try_heads(coder *c, int i) {
  const stok *k = &c->t[i];
  /* Not in names or time expressions ("last March" is no march). */
  if (!k->w || k->mention >= 0 || k->timex >= 0) return;
  /* A capitalised word inside a sentence is a name ("Shell in South
   * Africa", "the Paris Accord"), unless the text capitalises after an
   * abbreviation ("the U.S. Attack") or a quotation mark, or the word is
   * in capitals (a headline). */
  if (k->cap && i > 0) {
    const td_token *tk = &c->doc->toks[c->tf + (uint32_t)i];
    const td_token *pt = &c->doc->toks[c->tf + (uint32_t)i - 1];
    int lower = 0;
    for (uint32_t b = tk->start + 1; b < tk->end && !lower; b++)
      lower = c->doc->text[b] >= 'a' && c->doc->text[b] <= 'z';
    const stok *pk = &c->t[i - 1];
    if (lower && c->doc->text[pt->end - 1] != '.' && !quote_mark(c, i - 1) &&
        pk->punct != ':' && pk->punct != '(' && pk->punct != '-')
      return;
  }
  for (int li = 0; li < 2; li++) {
    int32_t lemma = k->w->lemma[li];
    if (lemma < 0) continue;
    size_t np = 0;
    const td__pattern *ps = td__lexicon_patterns(c->lx, lemma, &np);
    for (size_t pi = 0; pi < np; pi++) {
      const td__pattern *p = &ps[pi];
      if (!head_pos_ok(c, i, p)) continue;
      match m;
      m.p = p;
      m.head = m.first = m.last = i;
      m.n_words = 0;
      m.tgt_tok = -1;
      m.passive = 0;
      m.code = p->code;
      m.inner = -1;
      m.absorbed = 0;
      m.alleged = 0;
      m.words[m.n_words++] = i;
      if (!match_pre(c, p, &m) || !match_post(c, p, &m)) continue;
      if (business_sense(c, &m)) continue;
      m.modifier = p->pos == 'n' && compound_modifier(c, &m);
      if (campaign(c, &m)) continue;
      /* "a trade surplus with": a longer verb pattern whose next word is
       * not right after the head, which a noun follows, is no verb. */
      if (p->pos == 'v' && p->n_words > 1 && m.head == m.first &&
          shape_of(k, p->head) == TD__SH_BASE && i > 0 &&
          nominal_slot(c, i - 1) && noun_modifier(c, i)) {
        int next_in = 0;
        for (int w = 0; w < m.n_words; w++)
          if (m.words[w] == i + 1) next_in = 1;
        if (!next_in) continue;
      }
      if (c->n_m == c->cap_m) {
        c->cap_m = c->cap_m ? c->cap_m * 2 : 32;
        c->m = td_xrealloc(c->m, c->cap_m * sizeof *c->m);
      }
      c->m[c->n_m++] = m;
      /* Patterns are longest first; shorter ones stay candidates in case
       * the longest loses a word to a longer match elsewhere. */
    }
  }
}

static int cmp_match(const void *a, const void *b) {
  const match *x = a, *y = b;
  if (x->p->n_words != y->p->n_words)
    return x->p->n_words > y->p->n_words ? -1 : 1;
  /* An event of its own beats a mere object of frames over the same
   * words ("met" is a meeting, not only what one may ask for). */
  int xi = (x->p->flags & TD__PF_INNER) != 0,
      yi = (y->p->flags & TD__PF_INNER) != 0;
  if (xi != yi) return xi - yi;
  if (x->p->code_len != y->p->code_len)
    return x->p->code_len > y->p->code_len ? -1 : 1;
  if (x->p->generic != y->p->generic) return x->p->generic ? 1 : -1;
  /* Same length: a non-statement beats a statement; then text order. */
  int xs = (x->p->flags & TD__PF_SAY) != 0,
      ys = (y->p->flags & TD__PF_SAY) != 0;
  if (xs != ys) return xs - ys;
  return x->head - y->head;
}

static int cmp_match_pos(const void *a, const void *b) {
  const match *x = a, *y = b;
  return x->head - y->head;
}

/* Keep the longest matches whose words do not overlap. */
static void settle_matches(coder *c) {
  if (c->n_m > 1) qsort(c->m, c->n_m, sizeof *c->m, cmp_match);
  size_t kept = 0;
  for (size_t i = 0; i < c->n_m; i++) {
    match *m = &c->m[i];
    int clash = 0;
    for (int w = 0; w < m->n_words && !clash; w++)
      if (c->t[m->words[w]].covered) clash = 1;
    if (clash) continue;
    for (int w = 0; w < m->n_words; w++) c->t[m->words[w]].covered = 1;
    c->t[m->head].head = 1;
    c->m[kept++] = *m;
  }
  c->n_m = kept;
  if (kept > 1) qsort(c->m, kept, sizeof *c->m, cmp_match_pos);
}

/* ---- frames ---- */

/* The frame column of a code: appeals, intents, demands, rejections and
 * threats take their specific code from the event they are about. Only
 * generic codes (020, 030, 100, 120, 130, 021 ...) are refined. */
static int frame_of(const td_cameo *c) {
  const char *k = c->code;
  size_t n = strlen(k);
  if (n == 4) return -1;
  int root = code_root(k);
  switch (root) {
    case 2:
      return TD__FRAME_APPEAL;
    case 3:
      return TD__FRAME_INTENT;
    case 10:
      return TD__FRAME_DEMAND;
    case 12:
      return TD__FRAME_REJECT;
    case 13:
      return TD__FRAME_THREATEN;
    default:
      return -1;
  }
}

static int frame_root(const td_cameo *c) {
  int root = code_root(c->code);
  return root == 2 || root == 3 || root == 10 || root == 12 || root == 13;
}

/* Whether a refined code is more specific than the frame's own. */
static int refines(const td_cameo *frame, const td_cameo *to) {
  size_t n = strlen(frame->code);
  if (n == 3 && frame->code[2] == '0') return 1;
  return strncmp(frame->code, to->code, n) == 0 && strlen(to->code) > n;
}

static int is_possessive_at(const coder *c, int last);

/* Protests, hunger strikes, strikes, blockades and riots (141-145) take
 * their purpose from what follows ("to demand the president's
 * resignation" 1411, "against the decision" 1412, "for rights" 1413,
 * "for a new constitution" 1414): the purpose is an object coded 0831-0834
 * in the same sentence; its last digit is the protest's. */
static void protest_purposes(coder *c) {
  const td_lexicon *lx = c->lx;
  for (size_t i = 0; i < c->n_m; i++) {
    match *m = &c->m[i];
    const char *code = lx->codes[m->code].code;
    if (m->absorbed || strlen(code) != 3 || code[0] != '1' || code[1] != '4' ||
        code[2] < '1' || code[2] > '5')
      continue;
    for (size_t k = i + 1; k < c->n_m; k++) {
      match *n = &c->m[k];
      if (n->head - m->last > 20) break;
      int blocked = 0;
      for (int j = m->last + 1; j < n->first && !blocked; j++)
        if (is_boundary(&c->t[j])) blocked = 1;
      if (blocked) break;
      /* The purpose: a change of leadership, policy, rights or
       * institutions, asked for (024x, 104x) or named (083x). */
      const char *ic = lx->codes[n->code].code;
      if (strlen(ic) != 4 || ic[3] < '1' || ic[3] > '4' ||
          (strncmp(ic, "083", 3) != 0 && strncmp(ic, "024", 3) != 0 &&
           strncmp(ic, "104", 3) != 0 && strncmp(ic, "034", 3) != 0 &&
           strncmp(ic, "14", 2) != 0))
        continue;
      char sub[8];
      snprintf(sub, sizeof sub, "%s%c", code, ic[3]);
      const td_cameo *to = td_cameo_lookup(lx, sub);
      if (to) {
        m->code = (int32_t)(to - lx->codes);
        if (n->p->flags & TD__PF_INNER) n->absorbed = 1;
      }
      break;
    }
  }
}

/* What a topic predicate (| topic: discuss, consider) is about is no
 * event: the nominal predicates of its object ("to discuss the situation
 * in Ukraine and ongoing negotiations with Russia", "considering
 * sanctions against Iran") are absorbed. The
 * object runs to the end of the clause: no boundary, comma, quotation,
 * relative word or other verbal predicate in between. */
static void absorb_topics(coder *c) {
  for (size_t i = 0; i < c->n_m; i++) {
    const match *m = &c->m[i];
    if (m->absorbed || !(m->p->flags & TD__PF_TOPIC)) continue;
    for (size_t k = i + 1; k < c->n_m; k++) {
      match *n = &c->m[k];
      /* A verb's -s form in the object is a plural noun ("considering
       * sanctions"). */
      unsigned sh = shape_of(&c->t[n->head], n->p->head);
      int nominal =
          n->p->pos == 'n' || (n->head == n->first && (sh & TD__SH_S) &&
                               !(sh & (TD__SH_PAST | TD__SH_BASE)));
      if (!nominal || (n->p->flags & TD__PF_SAY) || n->first - m->last > 12)
        break;
      int open = 1;
      for (int j = m->last + 1; j < n->first && open; j++) {
        const stok *q = &c->t[j];
        if (is_boundary(q) || q->punct == ',' || q->punct == '"' ||
            q->quote != c->t[m->head].quote ||
            ((q->cls & TD__WC_REL) && !(q->cls & (TD__WC_DET | TD__WC_PREP))))
          open = 0;
      }
      if (!open) break;
      n->absorbed = 1;
    }
  }
}

/* What an accusation tells (| allege: "accused Blair of using force",
 * "blamed Russia for attacking", "alleged that Ukraine had attacked") is
 * alleged: the verbal predicates after it in its clause, once its object
 * opens with "of", "for", "with" or "that", are hypothetical. The clause
 * ends at a boundary, a quotation mark, a comma after that word, or a
 * relative word other than that "that". */
static void mark_alleged(coder *c) {
  for (size_t i = 0; i < c->n_m; i++) {
    const match *m = &c->m[i];
    if (m->absorbed || !(m->p->flags & TD__PF_ALLEGE)) continue;
    int opened = 0, closed = 0, j = m->head + 1;
    for (size_t k = i + 1; k < c->n_m && !closed; k++) {
      match *n = &c->m[k];
      if (n->first <= m->head) continue;
      if (n->first - m->last > 16) break;
      for (; j < n->first && !closed; j++) {
        const stok *q = &c->t[j];
        int marker = q->mention < 0 && (strcmp(q->lower, "of") == 0 ||
                                        strcmp(q->lower, "for") == 0 ||
                                        strcmp(q->lower, "with") == 0 ||
                                        strcmp(q->lower, "that") == 0);
        if (is_boundary(q) || q->punct == '"' ||
            q->quote != c->t[m->head].quote || (opened && q->punct == ',') ||
            ((q->cls & TD__WC_REL) && !(q->cls & (TD__WC_DET | TD__WC_PREP)) &&
             !(marker && !opened)))
          closed = 1;
        else if (marker)
          opened = 1;
      }
      /* A noun names something that may well have happened ("blamed
       * Brazil for the failure of the talks"): only verbs are alleged. */
      if (opened && !closed && n->p->pos != 'n') n->alleged = 1;
    }
  }
}

/* Give each frame the code its object calls for. The object is the most
 * specific coded predicate after the frame in its clause ("ask banks to
 * help finance" is about financing, 071, not help, 070). Matches that can
 * only be objects (| inner) and found no frame are dropped. */
static void apply_frames(coder *c) {
  const td_lexicon *lx = c->lx;
  for (size_t i = 0; i < c->n_m; i++) {
    match *m = &c->m[i];
    if (m->absorbed || (m->p->flags & (TD__PF_SAY | TD__PF_INNER))) continue;
    int fr = frame_of(&lx->codes[m->code]);
    if (fr < 0) continue;
    int best = -1;
    int32_t best_to = -1;
    for (size_t k = i + 1; k < c->n_m; k++) {
      match *n = &c->m[k];
      if (n->head - m->last > 16) break;
      int blocked = 0;
      for (int j = m->last + 1; j < n->first && !blocked; j++)
        if (is_boundary(&c->t[j])) blocked = 1;
      if (blocked) break;
      /* The object sits in the frame's clause: not past a comma, an "if"
       * or a new clause ("willing to send material ... if it is
       * attacked"). */
      for (int j = m->last + 1; j < n->first && !blocked; j++) {
        const stok *q = &c->t[j];
        if (q->punct == ',' || q->cond ||
            ((q->cls & TD__WC_REL) && !(q->cls & (TD__WC_DET | TD__WC_PREP))))
          blocked = 1;
      }
      if (blocked) break;
      if (n->p->flags & TD__PF_SAY) break;
      if (!(n->p->flags & TD__PF_INNER) && frame_root(&lx->codes[n->code])) {
        /* "threatened to resume terrorist activities": a more specific
         * code of the frame's own kind is taken whole. */
        if (refines(&lx->codes[m->code], &lx->codes[n->code]) &&
            strncmp(lx->codes[m->code].code, lx->codes[n->code].code, 2) == 0) {
          best = (int)k;
          best_to = n->code;
          break;
        }
        /* "rejected a request to ...", "rejected calls for ...": the
         * request is what is rejected; and "refused to commit to
         * assistance", "urged X to agree to talks": a generic intent or
         * appeal in between is transparent. Look past both. */
        int nominal = n->p->pos == 'n' ||
                      (shape_of(&c->t[n->head], n->p->head) & TD__SH_S) ||
                      (n->head > 0 && (c->t[n->head - 1].cls & TD__WC_DET)) ||
                      (n->head > 0 && c->t[n->head - 1].mention >= 0 &&
                       is_possessive_at(c, n->head - 1));
        if (nominal || lx->codes[n->code].code[2] == '0') {
          n->absorbed = 1;
          continue;
        }
        break;
      }
      /* A more specific object may follow the first closely ("help
       * finance"), no further. */
      if (best >= 0 && n->first - c->m[best].last > 4) break;
      int32_t to = td__lexicon_frame(lx, fr, n->code);
      if (to < 0 || !refines(&lx->codes[m->code], &lx->codes[to])) continue;
      /* Equal specificity: the later word heads the object ("an end to
       * the embargo", "help finance"). */
      if (best_to < 0 ||
          strlen(lx->codes[to].code) >= strlen(lx->codes[best_to].code)) {
        best = (int)k;
        best_to = to;
      }
    }
    if (best >= 0) {
      m->code = best_to;
      m->inner = best;
      c->m[best].absorbed = 1;
    } else if ((m->p->flags & TD__PF_SOFT) && c->soft_code >= 0) {
      /* A soft frame with nothing coded to be about is a pessimistic
       * comment ("warned that many firms could be crippled"), unless an
       * actor is warned ("Iran warned the United States"). */
      int j = m->last + 1;
      while (j < c->n && (c->t[j].cls & TD__WC_DET) && c->t[j].mention < 0)
        j++;
      if (!(j < c->n && c->t[j].mention >= 0)) m->code = c->soft_code;
    }
  }
  protest_purposes(c);
  absorb_topics(c);
  mark_alleged(c);
}

/* ---- actors ---- */

static int is_possessive_at(const coder *c, int last) {
  const td_token *tk = &c->doc->toks[c->tf + (uint32_t)last];
  const char *p = c->doc->text + tk->start;
  size_t len = tk->end - tk->start;
  if (len >= 2 && p[len - 2] == '\'' &&
      (p[len - 1] == 's' || p[len - 1] == 'S'))
    return 1;
  if (last + 1 < c->n) {
    const char *l = c->t[last + 1].lower;
    if (strcmp(l, "'s") == 0 || strcmp(l, "'") == 0) return 1;
    if (strcmp(l, "s") == 0 && last + 2 <= c->n && c->t[last].punct == '\'')
      return 1;
  }
  return 0;
}

/* Collect the mentions coordinated with the one spanning [a, b]
 * ("A, B and C"), scanning right (dir 1) or left (dir -1). A list joined
 * by commas alone is no coordination ("with Russia, Carla Babb, a
 * reporter"): items are kept up to the last one joined by "and". */
/* "and the X": the article of a name coordinated with one before it. */
static int and_before(const coder *c, int k) {
  return k > 0 && c->t[k - 1].mention < 0 &&
         (strcmp(c->t[k - 1].lower, "and") == 0 ||
          strcmp(c->t[k - 1].lower, "&") == 0);
}

static int coordinated(const coder *c, int a, int b, int dir, int32_t *out,
                       int n, int max) {
  int j = dir > 0 ? b + 1 : a - 1;
  int n0 = n, keep = n;
  while (n < max && j >= 0 && j < c->n) {
    int k = j, steps = 0, has_and = 0;
    while (k >= 0 && k < c->n && steps < 4 && c->t[k].mention < 0) {
      const stok *q = &c->t[k];
      if (strcmp(q->lower, "and") == 0 || strcmp(q->lower, "&") == 0) {
        has_and = 1;
      } else if (!(q->punct == ',' || strcmp(q->lower, "as") == 0 ||
                   strcmp(q->lower, "well") == 0 ||
                   strcmp(q->lower, "both") == 0 ||
                   ((q->cls & TD__WC_DET) &&
                    (steps > 0 || (dir < 0 && and_before(c, k)))))) {
        break;
      }
      k += dir;
      steps++;
    }
    if (steps == 0 || k < 0 || k >= c->n || c->t[k].mention < 0) break;
    int32_t mi = c->t[k].mention;
    int dup = 0;
    for (int q = 0; q < n; q++)
      if (same_actor(c, out[q], mi)) dup = 1;
    if (!dup) out[n++] = mi;
    if (has_and) keep = n;
    if (dir > 0)
      j = mention_last(c, k) + 1;
    else
      j = mention_first(c, k) - 1;
  }
  (void)n0;
  return keep;
}

/* Whether b is a bare country (or its government) of the same country as
 * a: "the Russian Foreign Ministry published Russia's drafts" does not
 * make Russia the target. */
static int same_country(const coder *c, int32_t a, int32_t b) {
  if (a < 0 || b < 0) return 0;
  const char *x = c->doc->mentions[a].code, *y = c->doc->mentions[b].code;
  if (strlen(x) < 3 || strlen(y) < 3 || strncmp(x, y, 3) != 0) return 0;
  if (strncmp(x, "IGO", 3) == 0 || strncmp(x, "NGO", 3) == 0) return 0;
  size_t lx = strlen(x), ly = strlen(y);
  return lx == 3 || ly == 3 || strcmp(x + 3, y + 3) == 0;
}

/* The quotation speaker of region q: the source of a statement right
 * after the closing quote or right before the opening one. */
static int32_t find_subject(coder *c, const match *m, int32_t *out, int *n);

static int32_t quote_speaker(coder *c, int16_t q) {
  int open = -1, close = -1;
  for (int i = 0; i < c->n; i++)
    if (c->t[i].punct == '"' && c->t[i].quote == q) {
      if (open < 0)
        open = i;
      else
        close = i;
    }
  for (size_t i = 0; i < c->n_m; i++) {
    match *m = &c->m[i];
    if (!(m->p->flags & TD__PF_SAY)) continue;
    int near_after = close >= 0 && m->head > close && m->head - close <= 6;
    int near_before = open >= 0 && m->head < open && open - m->last <= 3;
    if (!near_after && !near_before) continue;
    int32_t subj[MAX_ACTORS];
    int ns = 0;
    find_subject(c, m, subj, &ns);
    if (ns > 0) return subj[0];
  }
  return -1;
}

/* Whether mention s is a plural noun phrase ("Western diplomats", "the
 * ministers"): "they" may stand for it. */
static int mention_plural(const coder *c, int32_t s) {
  const td_actor_mention *a = &c->doc->mentions[s];
  const char *t = c->doc->text;
  if (a->end < a->start + 3) return 0;
  char z = t[a->end - 1], y = t[a->end - 2];
  return (z == 's' || z == 'S') && y != 's' && y != 'S' && y != '\'' &&
         y != 'u' && y != 'U';
}

/* Set the pronoun anchor: the first of the n sources in src. */
static void set_anchor(coder *c, const int32_t *src, int n) {
  c->last_subject = src[0];
  c->last_plural = n > 1 || mention_plural(c, src[0]);
  c->anchored = 1;
}

/* Resolve a pronoun at token j: first person inside a quotation is the
 * speaker; otherwise the latest source. */
static int32_t resolve_pronoun(coder *c, int j) {
  if ((c->t[j].cls & TD__WC_FIRSTPRON) && c->t[j].quote)
    return quote_speaker(c, c->t[j].quote);
  if (c->t[j].cls & TD__WC_FIRSTPRON) return -1;
  /* "Baker, who spoke ...": a relative pronoun stands for the noun phrase
   * before it, not for the latest source. */
  if (c->t[j].cls & TD__WC_RELPRON) return -1;
  int32_t s = c->last_subject;
  if (s < 0) return -1;
  /* A pronoun reaches back one sentence at most: "It said" three
   * sentences after the last coded actor is most often about someone
   * the actor stage could not name (a company, a spokesman). */
  const td_actor_mention *a = &c->doc->mentions[s];
  if (a->sent + 1 < c->sent) return -1;
  /* "Mr Rios said he ...": a name no dictionary knows between the latest
   * source and the pronoun is who it most likely means. */
  int from = a->sent == c->sent ? (int)(a->tok_end - c->tf) : 0;
  for (int i = from; i < j; i++)
    if (unknown_name(c, i)) return -1;
  /* "he" or "she" the actor stage left unresolved is no country or
   * organisation. */
  const char *w = c->t[j].lower;
  int person = a->entity >= 0 && (size_t)a->entity < c->doc->n_entities &&
               c->doc->entities[a->entity].kind == TD_ENT_PERSON;
  /* "he" or "she" is a person, named or by a title in the singular ("Jan
   * Nowak, a Polish deputy minister. He said ..."), not a body ("BBC
   * Radio") or an institution. */
  if (!strncmp(w, "he", 2) || !strncmp(w, "she", 3)) {
    int role = a->entity >= 0 && (size_t)a->entity < c->doc->n_entities &&
               c->doc->entities[a->entity].kind == TD_ENT_GROUP &&
               c->doc->entities[a->entity].title[0] && !mention_plural(c, s);
    if (!person && !role) return -1;
  }
  /* "they" is no single person, and no country or body named in the
   * singular ("Tokyo", "the U.S."): most often the unnamed dealers,
   * officials or firms of the sentence before. "it" is no person. */
  if (!strncmp(w, "they", 4) && (person || !c->last_plural)) return -1;
  if ((!strcmp(w, "it") || !strncmp(w, "it'", 3)) && person) return -1;
  return s;
}

/* Whether token j heads an accepted statement ("said"). */
static int say_head_at(const coder *c, int j) {
  for (size_t i = 0; i < c->n_m; i++)
    if (c->m[i].head == j && !c->m[i].absorbed)
      return (c->m[i].p->flags & TD__PF_SAY) != 0;
  return 0;
}

/* Whether token j heads an accepted noun pattern: "investment" in
 * ", investment managers said" is a modifier of the speaker's noun. */
static int nominal_head_at(const coder *c, int j) {
  for (size_t i = 0; i < c->n_m; i++)
    if (c->m[i].head == j) return c->m[i].p->pos == 'n';
  return 0;
}

/* Whether what starts at token `at` is the direct object of the statement
 * verb at j ("announced sanctions"), not a clause of its own ("said, two
 * weeks after ...", "claimed that ISIL had attacked"). */
static int say_object(const coder *c, int j, int at) {
  if (at - j > 4) return 0;
  for (int k = j + 1; k < at; k++)
    if (c->t[k].punct || (c->t[k].cls & TD__WC_REL) || c->t[k].mention >= 0)
      return 0;
  return 1;
}

/* The subject(s) of match m: nearest plausible actor to its left. Returns
 * the first, fills out[0..*n). */
/* Whether the preposition at token p is the "from" of origin of an
 * unnamed noun opening the clause ("Negotiators from Turkey and the UN
 * will meet"): the names after it are the subject. */
static int origin_from(const coder *c, int p) {
  if (p < 1 || strcmp(c->t[p].lower, "from") != 0 || c->t[p].mention >= 0)
    return 0;
  int j = p - 1, words = 0;
  while (j >= 0 && words < 3) {
    const stok *k = &c->t[j];
    if (k->mention >= 0 || k->head || k->punct || k->timex >= 0 ||
        (k->cls & ~TD__WC_DET))
      break;
    if (k->cls & TD__WC_DET) break;
    words++;
    j--;
  }
  if (words == 0) return 0;
  return j < 0 || is_boundary(&c->t[j]) || c->t[j].punct == ',' ||
         ((c->t[j].cls & TD__WC_DET) && c->t[j].mention < 0);
}

/* The token before the auxiliaries, negations and -ly adverbs that end at
 * token j (j itself when there are none): "Alun Michael has repeatedly
 * said", "peace has not arrived". */
static int before_auxiliaries(const coder *c, int j) {
  while (j > 0 && c->t[j].mention < 0 && !c->t[j].punct && !c->t[j].cap &&
         ((c->t[j].cls & (TD__WC_BE | TD__WC_HAVE | TD__WC_WILL | TD__WC_HYPO |
                          TD__WC_DO | TD__WC_NEG)) ||
          ends_ly(&c->t[j])))
    j--;
  return j;
}

/* Whether token j is a capitalised word no dictionary knows, inside the
 * sentence: part of a name ("Chia", "Pacific", "Air"). */
static int unknown_name(const coder *c, int j) {
  const stok *k = &c->t[j];
  /* Opening the sentence, a word the lexicon knows may be capitalised
   * only for that ("Also", "But"). */
  if (j < 0 || (j == 0 && k->w) || !k->cap || k->mention >= 0 || k->punct ||
      k->timex >= 0 ||
      (k->cls & (TD__WC_SUBJPRON | TD__WC_DET | TD__WC_PREP | TD__WC_CONJ)))
    return 0;
  /* "The U.S. Has said": a function word capitalised after an
   * abbreviation is no name */
  if (k->cls & ~(uint32_t)(TD__WC_ECON | TD__WC_LIGHT | TD__WC_PLAN |
                           TD__WC_TRY | TD__WC_REFUSE))
    return 0;
  const td_token *tk = &c->doc->toks[c->tf + (uint32_t)j];
  for (uint32_t b = tk->start + 1; b < tk->end; b++)
    if (c->doc->text[b] >= 'a' && c->doc->text[b] <= 'z') return 1;
  return 0; /* a word in capitals: a headline */
}

/* Whether the statement m is made by a name the actor stage could not
 * code: "Chia said", ", company spokesman Bob Foulkes said", or a
 * country's name inside a company's ("Pacific Western said", "TAP Air
 * Portugal said", "U.S. West said"). Its subject is no actor named
 * further left. */
static int unknown_speaker(const coder *c, const match *m) {
  int j = m->first - 1;
  if (!(m->p->flags & TD__PF_SAY) || j < 0) return 0;
  /* "Alun Michael has said", "Chia would also say": the auxiliaries and
   * adverbs between a name and its statement verb */
  int v = before_auxiliaries(c, j);
  /* "Jack Straw, who argues ..., has said": the name before a relative
   * clause that closes right before the verb */
  if (v > 1 && c->t[v].punct == ',') {
    for (int r = v - 1; r > 1 && r > v - 40 && !is_boundary(&c->t[r]); r--)
      if ((c->t[r].cls & TD__WC_RELPRON) && c->t[r - 1].punct == ',') {
        if (unknown_name(c, r - 2)) v = r - 2;
        break;
      }
  }
  if (v < j && unknown_name(c, v)) j = v;
  if (unknown_name(c, j)) {
    /* "Venezuelan Energy and Mines Minister Aturo Hernandez said",
     * "Japanese Finance Ministry official Etsuzo Kawade said": a name
     * after a coded title or body is that actor's. */
    int plain = 0;
    for (;;) {
      const stok *q = j > 0 ? &c->t[j - 1] : NULL;
      if (q && unknown_name(c, j - 1)) {
        j--;
      } else if (j > 1 && q->mention < 0 &&
                 (strcmp(q->lower, "and") == 0 ||
                  strcmp(q->lower, "of") == 0) &&
                 (unknown_name(c, j - 2) || c->t[j - 2].mention >= 0)) {
        j--;
      } else if (q && plain < 2 && q->mention < 0 && !q->punct && !q->cap &&
                 !q->cls && !q->head) {
        j--; /* "official", "spokesman" */
        plain++;
      } else {
        break;
      }
    }
    return !(j > 0 && c->t[j - 1].mention >= 0);
  }
  if (c->t[j].mention < 0) return 0;
  int a = mention_first(c, j);
  if (a < 1) return 0;
  const stok *l = &c->t[a - 1];
  return unknown_name(c, a - 1) ||
         (l->mention >= 0 && !possessive_tok(l) && !is_possessive_at(c, a - 1));
}

/* Whether token k is a plain word of a common noun phrase: lowercase, in
 * no closed class, no name, time, predicate or body noun ("government"). */
static int plain_noun(const coder *c, int k) {
  const stok *x = &c->t[k];
  return x->mention < 0 && !x->punct && !x->cap && x->timex < 0 && !x->head &&
         !x->cls && !(x->open & TD__WC_BODY) && x->lower[0] &&
         c->doc->toks[c->tf + (uint32_t)k].kind == TD_TOK_WORD;
}

/* Whether the subject of verb m is a common noun phrase that names no
 * actor: an article, plain lowercase words, then the verb's auxiliaries
 * ("the economy has not recovered", "peace has not arrived" after "that
 * the"). No name further left is its subject. */
static int common_noun_subject(const coder *c, const match *m) {
  int v = before_auxiliaries(c, m->first - 1);
  if (v < 1 || v == m->first - 1)
    return 0; /* no auxiliary: a noun's verb
                 is too often a noun too */
  for (int k = v, words = 0; k >= 0 && words < 3; k--, words++) {
    const stok *x = &c->t[k];
    if (x->mention >= 0 || x->punct || x->cap || x->timex >= 0 || x->head ||
        x->quote != c->t[m->head].quote)
      return 0;
    if (x->cls & TD__WC_ARTICLE) /* not "Ottawa and the provinces" */
      return k < v &&
             !(k > 0 && !c->t[k - 1].punct && (c->t[k - 1].cls & TD__WC_CONJ));
    /* a bare noun opening a clause: "... that peace has not arrived" */
    if ((x->cls & TD__WC_REL) && !(x->cls & TD__WC_RELPRON) && k < v) return 1;
    if (!plain_noun(c, k) ||
        (x->w && (x->w->shape[0] & (TD__SH_PAST | TD__SH_ING))))
      return 0;
  }
  return 0;
}

/* "the armed forces concentrated along the border", "the talks ended": a
 * past form right after a common noun phrase (an article, then plain
 * words) has that phrase for subject, or is a reduced relative on it: no
 * actor further left. Not inside a prepositional phrase ("German bankers
 * at the presentation criticized") nor after a name ("the U.S. trade
 * representative"). */
static int past_after_noun_phrase(const coder *c, const match *m) {
  int j = m->first - 1;
  if (m->p->pos != 'v' || j < 0 || m->head != m->first) return 0;
  unsigned sh = shape_of(&c->t[m->head], m->p->head);
  if (!(sh & TD__SH_PAST) || (sh & (TD__SH_BASE | TD__SH_S))) return 0;
  int k = j, run = 0;
  for (; k >= 0 && run < 3; k--, run++) {
    const stok *b = &c->t[k];
    if (!plain_noun(c, k) || (b->open & TD__WC_PHRASEEND) || ends_ly(b) ||
        (k == j && b->w && (b->w->shape[0] & (TD__SH_PAST | TD__SH_ING))))
      break;
  }
  return run > 0 && k >= 0 && (c->t[k].cls & TD__WC_ARTICLE) &&
         c->t[k].mention < 0 &&
         !(k > 0 &&
           (c->t[k - 1].mention >= 0 ||
            ((c->t[k - 1].cls & TD__WC_PREP) && c->t[k - 1].mention < 0)));
}

static int32_t find_subject(coder *c, const match *m, int32_t *out, int *n) {
  *n = 0;
  int16_t q = c->t[m->head].quote;
  int j = m->first - 1;
  if (unknown_speaker(c, m)) return -1;
  if (m->p->pos == 'v' && common_noun_subject(c, m)) return -1;
  if (past_after_noun_phrase(c, m)) return -1;
  /* "wants more migrants to come", "urged investors to buy": the common
   * noun asked to act is the subject of the infinitive, no actor */
  if (j > 1 && strcmp(c->t[j].lower, "to") == 0) {
    int b = j - 1, words = 0;
    while (b >= 0 && words < 4 && c->t[b].mention < 0 && !c->t[b].punct &&
           !c->t[b].cap && !(c->t[b].open & TD__WC_BODY) && !c->t[b].head &&
           (c->t[b].cls == 0 || (c->t[b].cls & TD__WC_DET)) &&
           !(c->t[b].cls & TD__WC_SUBJPRON)) {
      b--;
      words++;
    }
    if (words > 0 && b >= 0 && (c->t[b].cls & TD__WC_TRY) &&
        !(c->t[b].cls & (TD__WC_HYPO | TD__WC_DEONTIC)) && /* not "would" */
        !(c->t[j - 1].cls & TD__WC_DET))
      return -1;
  }
  /* "Kuleba, who met Blinken on Friday, said": a relative clause between
   * the subject and its verb is skipped */
  {
    int v = before_auxiliaries(c, j);
    if (v > 1 && c->t[v].punct == ',')
      for (int r = v - 1; r > 0 && r > v - 40; r--) {
        /* words quoted inside the clause are passed over ("who argues
         * the constitution reflected a \"British vision\", has said") */
        if (c->t[r].quote != q && !is_boundary(&c->t[r])) continue;
        /* "..., although several countries, ... have": a conjunction
         * after a comma opens a clause of its own; one inside the
         * relative clause ("who took on the post after David Blunkett
         * quit, has rejected") is passed over */
        if (is_boundary(&c->t[r]) ||
            ((c->t[r].cls & TD__WC_REL) && !(c->t[r].cls & TD__WC_RELPRON) &&
             c->t[r - 1].punct == ','))
          break;
        if ((c->t[r].cls & TD__WC_RELPRON) && !(c->t[r].cls & TD__WC_DET) &&
            c->t[r].mention < 0) {
          /* only a clause with a verb of its own ends at the comma: in
           * "the rate, which G7 nations, in particular the US, have
           * blamed" the verb is the relative clause's */
          int verb = 0;
          for (int x = r + 1; x < v && !verb; x++)
            verb = c->t[x].head ||
                   (c->t[x].cls & (TD__WC_BE | TD__WC_HAVE | TD__WC_DO)) ||
                   past_form(&c->t[x]);
          if (verb) j = c->t[r - 1].punct == ',' ? r - 2 : r - 1;
          break;
        }
      }
  }
  /* "pressure which threatens trade", "Kuleba, who met Blinken": a
   * relative pronoun right before the predicate is its subject and
   * stands for the noun phrase before it, an actor or not. */
  {
    int r = j;
    while (r >= 0 && c->t[r].mention < 0 && !c->t[r].punct &&
           (c->t[r].cls & (TD__WC_BE | TD__WC_HAVE | TD__WC_WILL | TD__WC_HYPO |
                           TD__WC_NEG | TD__WC_DO)))
      r--;
    if (r >= 0 && (c->t[r].cls & TD__WC_RELPRON) && c->t[r].mention < 0 &&
        c->t[r].quote == q) {
      int a = r - 1;
      if (a >= 0 && c->t[a].punct == ',') a--;
      if (a >= 0 && c->t[a].mention >= 0 && !is_possessive_at(c, a)) {
        out[(*n)++] = c->t[a].mention;
        return out[0];
      }
      return -1;
    }
  }
  while (j >= 0) {
    stok *k = &c->t[j];
    if (is_boundary(k)) break;
    /* "..., an AFP correspondent said, two weeks after rebels kidnapped":
     * the one who speaks is not who acts in what follows. */
    if (k->head && say_head_at(c, j) && !say_object(c, j, m->first)) break;
    /* "..., a senior official said": the noun phrase right before the
     * predicate, after a comma, is its subject, even unnamed. */
    /* ", dealers said", ", trade sources said": with a statement verb, a
     * short lowercase noun phrase without an article too. */
    int bare = (m->p->flags & TD__PF_SAY) && m->first - j - 1 <= 3;
    if (k->punct == ',' && j + 1 < m->first &&
        ((c->t[j + 1].cls & TD__WC_DET) || bare) && !c->t[j + 1].quote == !q) {
      int plain = 1;
      for (int i = j + 1; i < m->first && plain; i++)
        if (possessive_tok(&c->t[i]) && i > j + 1) {
          continue; /* "the trade paper Ward's Automotive Reports said" */
        } else if (c->t[i].punct || c->t[i].mention >= 0 ||
                   (c->t[i].head && !nominal_head_at(c, i)) ||
                   (c->t[i].cls & (TD__WC_SUBJPRON | TD__WC_REL | TD__WC_PREP |
                                   TD__WC_BE | TD__WC_HAVE)) ||
                   (!(c->t[j + 1].cls & TD__WC_DET) &&
                    (c->t[i].cap || c->t[i].timex >= 0)))
          plain = 0;
      if (plain) break;
    }
    if (k->punct == ')') { /* a parenthesis is no subject */
      int depth = 0;
      while (j >= 0) {
        if (c->t[j].punct == ')') depth++;
        if (c->t[j].punct == '(' && --depth == 0) break;
        j--;
      }
      j--;
      continue;
    }
    if (k->quote != q) {
      if (q) break; /* do not leave the quotation */
      int16_t r = k->quote;
      while (j >= 0 && c->t[j].quote == r) j--; /* hop over it */
      continue;
    }
    /* "after David Blunkett quit": a known person with no code on the
     * date, not inside a prepositional phrase, is the subject; no actor
     * further left is */
    if (k->mention == UNCODED) {
      int a = j;
      while (a > 0 && c->t[a - 1].mention == UNCODED) a--;
      if (!(a > 0 && (c->t[a - 1].cls & TD__WC_PREP) &&
            !(c->t[a - 1].cls & TD__WC_DET)))
        break;
      j = a - 1;
      continue;
    }
    if (k->mention >= 0) {
      int a = mention_first(c, j), b = j;
      /* "the agreements with the United States stipulate": a name in a
       * prepositional phrase, after its article, is no subject; also
       * after its title and honorific ("after talks with British Foreign
       * Secretary Sir Geoffrey Howe, said"). */
      int pb = a - 1;
      for (int hops = 0; pb > 0 && hops < 2; hops++) {
        /* the title right before the name, perhaps with an honorific
         * between ("Secretary Sir Geoffrey Howe") */
        int t = unknown_name(c, pb) && c->t[pb - 1].mention >= 0 ? pb - 1 : pb;
        if (c->t[t].mention < 0) break;
        pb = mention_first(c, t) - 1;
      }
      while (pb > 0 && (c->t[pb].cls & TD__WC_DET) &&
             !(c->t[pb].cls & TD__WC_PREP) && c->t[pb].mention < 0 &&
             a - pb < 3)
        pb--;
      const stok *before = pb >= 0 ? &c->t[pb] : NULL;
      int after_prep = before && (before->cls & TD__WC_PREP) &&
                       !(before->cls & TD__WC_DET) && before->mention < 0 &&
                       !origin_from(c, pb);
      int poss = is_possessive_at(c, b);
      int nominal = m->p->pos == 'n' || m->p->pos == 'a';
      /* "Russia's buildup": the possessor is the actor of a nominal
       * predicate, whatever precedes it; otherwise a possessive is no
       * subject. */
      if (poss) after_prep = !(nominal && m->first - b <= 4);
      /* "a statement on the U.S. attack on Iran", "after the Israeli
       * strike": a country, group or person named right before a
       * nominal predicate is its actor, also inside a prepositional
       * phrase (not a seat or an organisation: "the Paris talks" are
       * where). */
      if (after_prep && nominal && b + 1 == m->first) {
        uint8_t kind = mention_kind(c, k->mention);
        if (kind == TD_ENT_COUNTRY || kind == TD_ENT_GROUP ||
            kind == TD_ENT_PERSON)
          after_prep = 0;
      }
      if (!after_prep) {
        out[(*n)++] = k->mention;
        *n = coordinated(c, a, b, -1, out, *n, MAX_ACTORS);
        /* "with the United States and NATO": the first of the
         * coordinated names decides. */
        if (*n > 1 && !poss) {
          const td_actor_mention *f = &c->doc->mentions[out[*n - 1]];
          int fa = (int)f->tok_first - (int)c->tf;
          int fb = fa - 1;
          while (fb > 0 && (c->t[fb].cls & TD__WC_DET) &&
                 !(c->t[fb].cls & TD__WC_PREP) && c->t[fb].mention < 0)
            fb--;
          if (fa > 0 && fa < c->n && fb >= 0 && fb < fa &&
              (c->t[fb].cls & TD__WC_PREP) && !(c->t[fb].cls & TD__WC_DET) &&
              c->t[fb].mention < 0 && !origin_from(c, fb)) {
            *n = 0;
            j = fb - 1;
            continue;
          }
        }
        return out[0];
      }
      j = a - 1;
      continue;
    }
    if ((k->cls & TD__WC_SUBJPRON) && !(k->cls & TD__WC_DET)) {
      int32_t r = resolve_pronoun(c, j);
      if (r >= 0) {
        out[(*n)++] = r;
        return r;
      }
      if (k->cls & TD__WC_FIRSTPRON) break;
      /* "he added", "it said" with no one to refer to: the subject is
       * someone no dictionary knows, not a name further left. */
      if (!(k->cls & TD__WC_REL)) break;
    }
    j--;
  }
  /* Inside a quotation with no subject of its own: the speaker. */
  if (q) {
    int32_t s = quote_speaker(c, q);
    if (s >= 0) {
      out[(*n)++] = s;
      return s;
    }
  }
  return -1;
}

/* Statement verbs may have their subject after them ("said Blinken"):
 * only where the order is inverted, after a comma or a quotation
 * ("..., said Blinken"), or in "according to X". "He said China will
 * ..." has its subject before the verb, even one no dictionary knows. */
static int32_t subject_after(coder *c, const match *m) {
  if (m->first > 0 && !(c->t[m->head].cls & TD__WC_ACCORDING)) {
    const stok *b = &c->t[m->first - 1];
    if (b->punct != ',' && !quote_mark(c, m->first - 1)) return -1;
  }
  for (int j = m->last + 1; j < c->n && j <= m->last + 3; j++) {
    if (is_boundary(&c->t[j]) || c->t[j].punct == '"') break;
    if (c->t[j].mention >= 0) {
      /* "..., said Britain had to", "says the US emphasis on X is
       * misplaced": a noun phrase with a verb of its own after it is the
       * subject of what was said, not of the statement */
      int acc = (c->t[m->head].cls & TD__WC_ACCORDING) != 0;
      for (int b = mention_last(c, j) + 1; !acc && b < c->n && b <= j + 12;
           b++) {
        const stok *x = &c->t[b];
        if (is_boundary(x) ||
            (x->punct && x->punct != '-' && !quote_mark(c, b)))
          break;
        if (x->mention < 0 && !x->cap &&
            ((x->cls & (TD__WC_BE | TD__WC_HAVE | TD__WC_WILL | TD__WC_HYPO |
                        TD__WC_DO)) ||
             (x->head && !nominal_head_at(c, b))))
          return -1;
      }
      return c->t[j].mention;
    }
  }
  return -1;
}

/* The agent of a passive: "by X" right after the predicate. */
static int by_agent(coder *c, const match *m, int32_t *out) {
  for (int j = m->last + 1; j < c->n && j <= m->last + 4; j++) {
    if (is_boundary(&c->t[j]) || c->t[j].punct == '"') break;
    if (strcmp(c->t[j].lower, "by") == 0 && j + 1 < c->n) {
      int k = j + 1;
      while (k < c->n && (c->t[k].cls & TD__WC_DET) && c->t[k].mention < 0 &&
             k < j + 3)
        k++;
      if (k < c->n && c->t[k].mention >= 0) {
        out[0] = c->t[k].mention;
        return coordinated(c, mention_first(c, k), mention_last(c, k), 1, out,
                           1, MAX_ACTORS);
      }
      return 0;
    }
  }
  return 0;
}

static int is_passive(const coder *c, const match *m) {
  if (m->p->pos == 'n' || m->p->pos == 'a') return 0;
  if (!(shape_of(&c->t[m->head], m->p->head) & TD__SH_PAST)) return 0;
  for (int j = m->first - 1; j >= 0 && j >= m->first - 3; j--) {
    const stok *k = &c->t[j];
    if (k->cls & TD__WC_BE) return 1;
    if (k->mention >= 0 || k->punct || k->w == NULL) {
      if (k->w == NULL && !k->punct && k->mention < 0) continue; /* adverb */
      break;
    }
    if (!(k->cls & TD__WC_NEG)) break;
  }
  /* A reduced passive: "ten soldiers killed in the attack". A specific
   * verb of force (roots 17-20 but not the generic "attacked", "fought")
   * takes an object when active, so a past form with a preposition or the
   * end of the clause right after it is passive. */
  const char *pc = c->lx->codes[m->code].code;
  int root = code_root(pc);
  if (root < 17 || root > 20 || m->p->generic || m->first == 0) return 0;
  /* "a civilian allegedly killed by": past a hedging adverb */
  int bi = m->first - 1;
  while (bi > 0 && (c->t[bi].cls & TD__WC_HYPO) && ends_ly(&c->t[bi])) bi--;
  const stok *b = &c->t[bi];
  if (b->mention < 0 && (b->cls & ~TD__WC_DET) != 0) return 0;
  if (b->cls & (TD__WC_HAVE | TD__WC_SUBJPRON | TD__WC_REL)) return 0;
  if (m->head != m->last || m->head + 1 >= c->n) return m->head == m->last;
  const stok *a = &c->t[m->head + 1];
  if (a->punct) return a->punct != '"';
  return (a->cls & TD__WC_PREP) && strcmp(a->lower, "to") != 0 &&
         strcmp(a->lower, "with") != 0 && a->mention < 0;
}

/* Whether the mention starting at token a is the object of a place or
 * time preposition ("in Geneva", "at the Vienna site"). */
static int after_placeprep(const coder *c, int a) {
  int j = a - 1;
  while (j >= 0 && (c->t[j].cls & TD__WC_DET) && c->t[j].mention < 0) j--;
  return j >= 0 && (c->t[j].cls & TD__WC_PLACEPREP) && c->t[j].mention < 0;
}

/* The token of the "by X" agent right after the nominal predicate headed
 * at token h ("an attack by Osgiliath soldiers"), or -1. */
static int nominal_agent(const coder *c, int h) {
  const match *nm = NULL;
  for (size_t i = 0; i < c->n_m; i++)
    if (c->m[i].head == h && !c->m[i].absorbed) nm = &c->m[i];
  if (!nm || nm->p->pos != 'n') return -1;
  int j = nm->last + 1;
  if (j >= c->n || strcmp(c->t[j].lower, "by") != 0) return -1;
  j++;
  while (j < c->n && (c->t[j].cls & TD__WC_DET) && c->t[j].mention < 0 &&
         j <= nm->last + 3)
    j++;
  return j < c->n && c->t[j].mention >= 0 ? j : -1;
}

static int find_targets(coder *c, const match *m, int32_t src, int32_t *out) {
  int n = 0;
  if (m->tgt_tok >= 0 && (m->p->flags & TD__PF_PLACE)) {
    /* "met Blinken in Brussels": the slot is the place; the other party
     * is an object named before it, else there is none. */
    int stop = mention_first(c, m->tgt_tok);
    for (int j = m->head + 1; j < stop; j++) {
      const stok *k = &c->t[j];
      if (k->mention < 0) continue;
      int a = j, b = mention_last(c, j);
      if (after_placeprep(c, a) || same_actor(c, src, k->mention)) {
        j = b;
        continue;
      }
      out[n++] = k->mention;
      return coordinated(c, a, b, 1, out, n, MAX_ACTORS);
    }
    return 0;
  }
  if (m->tgt_tok >= 0) {
    out[n++] = c->t[m->tgt_tok].mention;
    return coordinated(c, mention_first(c, m->tgt_tok),
                       mention_last(c, m->tgt_tok), 1, out, n, MAX_ACTORS);
  }
  if (m->p->flags & TD__PF_NOTGT) return 0;
  int far = (m->p->flags & TD__PF_FAR) != 0;
  int16_t q = c->t[m->head].quote;
  /* From the head: a gap of the pattern may hold the target ("accused
   * Ukraine of shelling"). */
  for (int j = m->head + 1; j < c->n && (far || j <= m->last + 12); j++) {
    stok *k = &c->t[j];
    if (k->covered && j <= m->last) continue;
    if (is_boundary(k) || k->punct == '"' || k->quote != q) break;
    if (!far) {
      if (k->punct == ',') break;
      if (k->head) {
        /* "condemned an attack by Osgiliath soldiers": a nominal event as
         * the object points at its agent. Otherwise another predicate
         * takes its own target. */
        int ag = j - m->last <= 3 ? nominal_agent(c, j) : -1;
        if (ag >= 0 && !same_actor(c, src, c->t[ag].mention)) {
          out[n++] = c->t[ag].mention;
          return coordinated(c, mention_first(c, ag), mention_last(c, ag), 1,
                             out, n, MAX_ACTORS);
        }
        break;
      }
      if ((k->cls & TD__WC_REL) && !(k->cls & TD__WC_PREP) && k->mention < 0)
        break;
    }
    if (k->mention >= 0) {
      int a = j, b = mention_last(c, j);
      if (after_placeprep(c, a) || same_country(c, src, k->mention) ||
          same_actor(c, src, k->mention)) {
        j = b;
        continue;
      }
      out[n++] = k->mention;
      return coordinated(c, a, b, 1, out, n, MAX_ACTORS);
    }
  }
  return n;
}

/* "talks between A and B" */
static int between_actors(coder *c, const match *m, int32_t *out) {
  for (int j = m->last + 1; j < c->n && j <= m->last + 6; j++) {
    if (is_boundary(&c->t[j])) break;
    if (strcmp(c->t[j].lower, "between") == 0 ||
        strcmp(c->t[j].lower, "among") == 0) {
      int k = j + 1;
      while (k < c->n && (c->t[k].cls & TD__WC_DET) && c->t[k].mention < 0) k++;
      if (k >= c->n || c->t[k].mention < 0) return 0;
      out[0] = c->t[k].mention;
      return coordinated(c, mention_first(c, k), mention_last(c, k), 1, out, 1,
                         MAX_ACTORS);
    }
  }
  return 0;
}

static void remember_pair(coder *c, int strong, int32_t a, int32_t b) {
  if (a < 0 || b < 0 || same_actor(c, a, b)) return;
  const td_actor_mention *x = &c->doc->mentions[a], *y = &c->doc->mentions[b];
  if (strlen(x->code) < 3 || strlen(y->code) < 3 ||
      strncmp(x->code, y->code, 3) == 0)
    return;
  for (int k = strong ? 0 : 1; k < 2; k++) {
    c->pair[k][0] = a;
    c->pair[k][1] = b;
    c->pair_para[k] = c->doc->sents[c->sent].para;
    c->pair_sent[k] = c->sent;
  }
}

/* The parties of a symmetric event with no actors of its own: the latest
 * pair named together in this paragraph or the one before, preferring a
 * pair of talks or "between A and B". 0 when there is none: the event is
 * not coded rather than given the article's usual suspects. */
static int recent_pair(const coder *c, int32_t out[2]) {
  uint32_t para = c->doc->sents[c->sent].para;
  for (int k = 0; k < 2; k++) {
    uint32_t pp = c->pair_para[k];
    if (pp == UINT32_MAX || pp > para || para - pp > 1) continue;
    out[0] = c->pair[k][0];
    out[1] = c->pair[k][1];
    return 1;
  }
  return 0;
}

/* Whether the pair out (from recent_pair) was named in this sentence or
 * the one before: "the two" and "both sides" point no further back. */
static int close_pair(const coder *c, const int32_t pr[2]) {
  for (int k = 0; k < 2; k++)
    if (c->pair[k][0] == pr[0] && c->pair[k][1] == pr[1] &&
        c->pair_sent[k] + 1 >= c->sent)
      return 1;
  return 0;
}

/* "between A and B" anywhere in the sentence names two parties. */
static void remember_between(coder *c) {
  for (int j = 0; j + 1 < c->n; j++) {
    if (strcmp(c->t[j].lower, "between") != 0) continue;
    int k = j + 1;
    while (k < c->n && (c->t[k].cls & TD__WC_DET) && c->t[k].mention < 0) k++;
    if (k >= c->n || c->t[k].mention < 0) continue;
    int32_t out[MAX_ACTORS];
    out[0] = c->t[k].mention;
    int n = coordinated(c, mention_first(c, k), mention_last(c, k), 1, out, 1,
                        MAX_ACTORS);
    if (n >= 2) remember_pair(c, 1, out[0], out[1]);
  }
}

/* Whether the subject of the predicate is "the two", "both (sides)" or
 * "the pair": the pair of actors named just before. */
static int pair_subject(const coder *c, const match *m) {
  int j = m->first - 1, steps = 0;
  while (j >= 0 && steps < 3 && c->t[j].mention < 0 && !c->t[j].punct &&
         !c->t[j].cap &&
         !(c->t[j].cls &
           (TD__WC_DET | TD__WC_PREP | TD__WC_REL | TD__WC_PAIRREF))) {
    j--;
    steps++;
  }
  if (j < 0 || c->t[j].mention >= 0 || c->t[j].punct) return 0;
  int w = j;
  if (!(c->t[w].cls & TD__WC_PAIRREF)) {
    /* "both sides", "the two ministers" */
    w = j - 1;
    if (w < 0 || c->t[j].cap || !(c->t[w].cls & TD__WC_PAIRREF) ||
        c->t[w].mention >= 0)
      return 0;
  }
  if (strcmp(c->t[w].lower, "both") == 0) return 1;
  return w > 0 && (c->t[w - 1].cls & TD__WC_DET) && c->t[w - 1].mention < 0;
}

/* ---- modality, date, place ---- */

/* The head of the last predicate of the sentence (not absorbed) that ends
 * before m, or -1. */
static int predicate_before(const coder *c, const match *m) {
  int h = -1;
  for (size_t i = 0; i < c->n_m; i++)
    if (&c->m[i] != m && !c->m[i].absorbed && c->m[i].last < m->first &&
        !(c->m[i].p->flags & TD__PF_INNER) && c->m[i].head > h)
      h = c->m[i].head;
  return h;
}

/* Whether the words right before token j join it to what comes before:
 * a conjunction ("and", "plus") or "as well as". */
static int conj_before(const coder *c, int j) {
  if (j == 0 || c->t[j - 1].punct) return 0;
  if (c->t[j - 1].cls & TD__WC_CONJ) return 1;
  return j >= 3 && strcmp(c->t[j - 1].lower, "as") == 0 &&
         strcmp(c->t[j - 2].lower, "well") == 0 &&
         strcmp(c->t[j - 3].lower, "as") == 0;
}

/* The latest verb predicate before m in the sentence that has
 * m's verb form, which an "and" right before m coordinates with it
 * ("should continue talks and withdraw", "said it would not attack Peru
 * and added"), or NULL. */
static const match *coordinated_with(const coder *c, const match *m) {
  if (!conj_before(c, m->first) || m->p->pos != 'v') return NULL;
  unsigned forms = TD__SH_BASE | TD__SH_PAST | TD__SH_S | TD__SH_ING;
  unsigned b = shape_of(&c->t[m->head], m->p->head) & forms;
  const match *best = NULL;
  for (size_t i = 0; i < c->n_m; i++) {
    const match *p = &c->m[i];
    if (p == m || p->absorbed || p->last >= m->first || p->p->pos != 'v' ||
        (p->p->flags & TD__PF_INNER) || (best && p->head <= best->head))
      continue;
    int crossed = 0;
    for (int k = p->last + 1; k < m->first && !crossed; k++)
      crossed = is_boundary(&c->t[k]) || c->t[k].quote != c->t[m->head].quote;
    if (!crossed && (shape_of(&c->t[p->head], p->p->head) & forms & b))
      best = p;
  }
  return best;
}

/* Whether match m lies in what a denied report says: "dismissed reports
 * he would quit", "denied claims that its troops had shelled the town".
 * Looks left from m, up to a comma ("denied the claims, saying it
 * condemned torture" is asserted), for a report noun (REPORT) right after
 * a verb of denial (DENY), a determiner between. */
static int in_denied_report(const coder *c, const match *m) {
  for (int j = m->first - 1; j > 0 && j >= m->first - 12; j--) {
    const stok *k = &c->t[j];
    if (is_boundary(k) || k->punct == '"' || k->punct == ',') return 0;
    if (!(k->open & TD__WC_REPORT) || k->mention >= 0) continue;
    int b = j - 1;
    if (b > 0 && (c->t[b].cls & TD__WC_DET) && c->t[b].mention < 0) b--;
    return (c->t[b].open & (TD__WC_DENY | TD__WC_DISMISS)) &&
           c->t[b].mention < 0;
  }
  return 0;
}

/* Whether match m lies in what a verb of denial denies: "denied his
 * forecasts were too optimistic", "denied that its troops had shelled",
 * "denied attacking". Looks left from m up to a comma, a quotation mark,
 * a relative or conjunctive word other than "that", or another verbal
 * predicate. */
static int in_denied_clause(const coder *c, const match *m) {
  /* "denied the charges and said": a verb coordinated with the denial is
   * the denier's own */
  if (m->first > 0 && (c->t[m->first - 1].cls & TD__WC_CONJ)) return 0;
  for (int j = m->first - 1; j >= 0 && j >= m->first - 10; j--) {
    const stok *k = &c->t[j];
    if (is_boundary(k) || k->punct == '"' || k->punct == ',') return 0;
    /* "although he has admitted", "which quoted him": a clause of its own */
    if ((k->cls & TD__WC_REL) && !(k->cls & TD__WC_DET) && k->mention < 0)
      return 0;
    if ((k->open & TD__WC_DENY) && k->mention < 0) return 1;
    if (k->head && k->mention < 0 && !nominal_head_at(c, j)) return 0;
  }
  return 0;
}

static uint16_t modality(coder *c, const match *m, const match *coordinated,
                         int reported, int *refused, int *deontic) {
  uint16_t f = 0;
  *refused = 0;
  *deontic = 0;
  int consumed_neg = 0;
  for (int e = 0; e < m->p->n_pre; e++)
    if (m->p->pre[e].neg) consumed_neg = 1;
  /* "should continue talks and withdraw": a verb coordinated with the one
   * before shares its modal */
  int coord_head = coordinated ? coordinated->head : -1,
      coord = coord_head >= 0;
  for (int j = m->first - 1, steps = 0; j >= 0 && (steps < 8 || coord);
       j--, steps++) {
    const stok *k = &c->t[j];
    if (is_boundary(k) || k->punct == '"') break;
    if ((k->mention >= 0 || k->punct == ',') && !coord) break;
    /* coordinated: what lies between the two verbs is the first verb's
     * object; its modals are those before its head */
    if (coord && j != coord_head) continue;
    if (coord) {
      coord = 0;
      continue;
    }
    if ((k->cls & TD__WC_NEG) && !consumed_neg && strcmp(k->lower, "no") != 0) {
      f |= TD_EVF_NEGATED;
      /* "will not", "won't": a refusal rather than a non-event. */
      if (k->cls & TD__WC_WILL) *refused = 1;
      if (j > 0 && (c->t[j - 1].cls & (TD__WC_WILL | TD__WC_HYPO)))
        *refused = 1;
    }
    if (k->cls & TD__WC_WILL) f |= TD_EVF_PLANNED;
    /* "should not have been allowed": a modal perfect judges the past,
     * it asks nothing */
    int perfect = 0;
    for (int p = j + 1; p < c->n && p <= j + 2; p++)
      if (c->t[p].cls & TD__WC_HAVE)
        perfect = 1;
      else if (!(c->t[p].cls & TD__WC_NEG))
        break;
    if ((k->cls & TD__WC_DEONTIC) && !perfect) {
      /* must, should, ought; need to, have to */
      int to = j + 1 < c->n && strcmp(c->t[j + 1].lower, "to") == 0;
      if (to || !(k->cls & (TD__WC_HAVE))) {
        if (to || strcmp(k->lower, "need") != 0) *deontic = 1;
      }
    }
    if (k->cls & TD__WC_HYPO) {
      if (strcmp(k->lower, "would") == 0 && reported)
        f |= TD_EVF_PLANNED;
      else
        f |= TD_EVF_HYPOTHETICAL;
    }
    /* "had no plans to invade", "has no intention of attacking": a plan
     * denied */
    if ((strcmp(k->lower, "to") == 0 || strcmp(k->lower, "of") == 0) && j > 1 &&
        (c->t[j - 1].cls & TD__WC_PLAN) &&
        strcmp(c->t[j - 2].lower, "no") == 0) {
      f |= TD_EVF_NEGATED;
      *refused = 1;
      break;
    }
    if (strcmp(k->lower, "of") == 0 && j > 0 &&
        (c->t[j - 1].cls & TD__WC_PLAN) && !c->t[j - 1].head) {
      f |= TD_EVF_PLANNED; /* "the intention of attacking" */
      break;
    }
    if (strcmp(k->lower, "to") == 0 && j > 0) {
      const stok *v = &c->t[j - 1];
      /* "would prefer Turkey to admit", "urged Russia to withdraw": the
       * verb before the actor asked to act */
      if (v->mention >= 0 && mention_first(c, j - 1) > 0) {
        const stok *w = &c->t[mention_first(c, j - 1) - 1];
        if (w->cls & TD__WC_TRY) f |= TD_EVF_HYPOTHETICAL;
      }
      if (v->head && v->covered) {
        /* The control verb is a predicate of its own: what it asks for or
         * refuses is not the event itself. */
      }
      if (v->cls & TD__WC_REFUSE) {
        f |= TD_EVF_NEGATED;
        *refused = 1;
      } else if (v->cls & TD__WC_TRY)
        f |= TD_EVF_HYPOTHETICAL;
      else if ((v->cls & TD__WC_PLAN) || (v->cls & TD__WC_BE))
        f |= TD_EVF_PLANNED;
      else if (strcmp(v->lower, "going") == 0 || strcmp(v->lower, "due") == 0)
        f |= TD_EVF_PLANNED;
      break;
    }
    if (k->head) break; /* a predicate of its own */
  }
  if (c->t[m->head].cond) f |= TD_EVF_HYPOTHETICAL;
  if (in_denied_report(c, m) || in_denied_clause(c, m)) f |= TD_EVF_NEGATED;
  return f;
}

/* "have already held", "has denied": the present perfect tells what has
 * happened up to the time of writing, not on a date named earlier in the
 * paragraph. */
static int present_perfect(const coder *c, const match *m) {
  for (int j = m->first - 1, steps = 0; j >= 0 && steps < 4; j--, steps++) {
    const stok *k = &c->t[j];
    if (k->punct || k->mention >= 0 || k->head) return 0;
    if (k->cls & TD__WC_HAVE)
      return strcmp(k->lower, "had") != 0 && strcmp(k->lower, "having") != 0 &&
             strcmp(c->t[j + 1].lower, "to") != 0;
  }
  return 0;
}

static int date_after(td_date a, td_date b) {
  if (!a.precision || !b.precision || !a.year || !b.year) return 0;
  if (a.year != b.year) return a.year > b.year;
  if (a.precision < TD_PREC_MONTH || b.precision < TD_PREC_MONTH) return 0;
  if (a.month != b.month) return a.month > b.month;
  if (a.precision < TD_PREC_DAY || b.precision < TD_PREC_DAY) return 0;
  return a.day > b.day;
}

/* Whether the time expression starting at token j dates the statement m:
 * a time next to its verb ("said on Monday", "On Monday, X said"), not
 * one in what was said ("1988 defense spending would rise, he said"):
 * none across another predicate, a quotation mark or, after the verb,
 * "that". */
static int dates_statement(const coder *c, const match *m, int j) {
  int32_t x = c->t[j].timex;
  const td_timex *tx = &c->doc->timexes[x];
  int x_end = j;
  while (x_end + 1 < c->n && c->t[x_end + 1].timex == x) x_end++;
  /* A time opening the sentence, closed by a comma, dates what the
   * sentence reports ("On January 28, in a conversation with Macron,
   * Putin noted"). */
  if (j <= 1 && x_end < m->first && x_end + 1 < c->n &&
      c->t[x_end + 1].punct == ',')
    return 1;
  int a = j < m->head ? j + 1 : m->last + 1, b = j < m->head ? m->first : j;
  int across = 0;
  for (int k = a; k < b && !across; k++)
    across = c->t[k].punct == '"' ||
             (c->t[k].head && (k < m->first || k > m->last)) ||
             (j > m->last && (c->t[k].cls & TD__WC_REL) && c->t[k].mention < 0);
  /* before the verb and a comma, a time further in is inside what was
   * said ("exports would fall in March, Japan said") */
  for (int k = x_end + 1; k < m->first && j < m->head && !across; k++)
    across = c->t[k].punct == ',';
  /* "announced his decision to leave late yesterday": a day named
   * relative to the story, and not after it, is when it was said */
  return !across || (j > m->last && (tx->flags & TD_TIMEXF_RELATIVE) &&
                     tx->date.precision >= TD_PREC_DAY &&
                     !date_after(tx->date, c->doc->date));
}

static int32_t governing_timex(coder *c, const match *m) {
  int best = -1, bestd = 1 << 30;
  int32_t last = -1;
  for (int j = 0; j < c->n; j++) {
    int32_t x = c->t[j].timex;
    if (x < 0 || x == last) continue;
    last = x;
    const td_timex *tx = &c->doc->timexes[x];
    if (tx->date.precision == TD_PREC_NONE) continue;
    int dist = j < m->head ? m->head - j : j - m->last;
    if (dist < 0) dist = 0;
    /* A time expression inside another quotation or clause governs less. */
    if (c->t[j].quote != c->t[m->head].quote) dist += 20;
    /* "..., where Kiev has been engaged ... since 2014": a relative
     * clause after a comma has its own time, never the predicate's. */
    int rel = 0;
    for (int k = m->last + 1; k + 1 < j && !rel; k++)
      rel = c->t[k].punct == ',' && c->t[k + 1].mention < 0 &&
            (c->t[k + 1].cls & TD__WC_REL) &&
            !(c->t[k + 1].cls & (TD__WC_DET | TD__WC_PREP));
    if (rel) continue;
    if ((m->p->flags & TD__PF_SAY) && !dates_statement(c, m, j)) continue;
    if (dist < bestd) {
      bestd = dist;
      best = x;
    }
  }
  return best;
}

static void find_place(coder *c, const match *m, char *out, size_t cap) {
  out[0] = '\0';
  if (m->tgt_tok >= 0 && (m->p->flags & TD__PF_PLACE)) {
    const td_actor_mention *pm = &c->doc->mentions[c->t[m->tgt_tok].mention];
    size_t len = pm->end - pm->start;
    if (len < cap) {
      memcpy(out, c->doc->text + pm->start, len);
      out[len] = '\0';
      return;
    }
  }
  for (int j = 0; j + 1 < c->n; j++) {
    if (c->t[j].quote != c->t[m->head].quote) continue;
    if (!(strcmp(c->t[j].lower, "in") == 0 || strcmp(c->t[j].lower, "at") == 0))
      continue;
    if (j < m->head - 12 || j > m->last + 14) continue;
    int k = j + 1;
    if (k < c->n && (c->t[k].cls & TD__WC_DET) && !c->t[k].cap) k++;
    int a = k;
    while (k < c->n && c->t[k].cap && c->t[k].mention < 0 &&
           c->t[k].timex < 0 && !c->t[k].punct && k - a < 3 && !(k == 0))
      k++;
    if (k == a) continue;
    if (k < c->n && c->t[k].mention >= 0) continue;
    const td_token *ta = &c->doc->toks[c->tf + (uint32_t)a];
    const td_token *tb = &c->doc->toks[c->tf + (uint32_t)(k - 1)];
    size_t len = tb->end - ta->start;
    if (len >= cap) continue;
    memcpy(out, c->doc->text + ta->start, len);
    out[len] = '\0';
    return;
  }
}

/* ---- events ---- */

static void push_event(coder *c, const td_event *e) {
  td_doc *d = c->doc;
  if (d->n_events == c->cap_ev) {
    c->cap_ev = c->cap_ev ? c->cap_ev * 2 : 16;
    d->events = td_xrealloc(d->events, c->cap_ev * sizeof *d->events);
  }
  d->events[d->n_events++] = *e;
}

/* The speaker whose statement m is reported in: the subject of a
 * statement verb before it ("X said Y would ...") or of one closing its
 * clause ("Y will ..., X said"); -1 if none. */
static int32_t say_speaker(coder *c, const match *m) {
  const match *best = NULL;
  for (size_t i = 0; i < c->n_m; i++) {
    const match *s = &c->m[i];
    if (s == m || !(s->p->flags & TD__PF_SAY) || s->absorbed) continue;
    if (c->t[s->head].cond) continue; /* "if X says ..." */
    int ok = 1;
    if (s->last < m->first) {
      for (int j = s->last + 1; j < m->first && ok; j++)
        if (is_boundary(&c->t[j])) ok = 0;
      if (ok) best = s; /* the nearest before wins */
    } else if (s->first > m->last && best == NULL) {
      /* "..., X said": a comma or quote between, no other statement */
      int comma = 0;
      for (int j = m->last + 1; j < s->first && ok; j++) {
        if (is_boundary(&c->t[j])) ok = 0;
        if (c->t[j].punct == ',' || c->t[j].punct == '"') comma = 1;
      }
      if (ok && comma) best = s;
    }
  }
  if (best == NULL) return -1;
  int32_t subj[MAX_ACTORS];
  int ns = 0;
  find_subject(c, best, subj, &ns);
  if (ns == 0) {
    int32_t a = subject_after(c, best);
    return a >= 0 ? a : -2; /* a speaker no dictionary knows */
  }
  return subj[0];
}

/* The target of a statement: the first other actor of what was said, to
 * the right ("X said Y would ...") or, when the statement closes the
 * sentence ("..., X said"), to the left. */
static int say_target_in(coder *c, int from, int to, int32_t src,
                         int32_t *out) {
  for (int j = from; j < to; j++) {
    if (is_boundary(&c->t[j])) break;
    if (c->t[j].mention < 0) continue;
    int a = j, b = mention_last(c, j);
    int32_t mi = c->t[j].mention;
    j = b;
    if (after_placeprep(c, a) || same_actor(c, src, mi) ||
        same_country(c, src, mi))
      continue;
    out[0] = mi;
    return 1;
  }
  return 0;
}

static int say_target(coder *c, const match *m, int32_t src, int32_t *out) {
  /* What was said follows the verb unless the verb is followed by a
   * preposition, a time or the end ("..., X said in an interview"). */
  int nx = m->last + 1;
  int right_first = nx < c->n && !is_boundary(&c->t[nx]) &&
                    c->t[nx].punct != ',' && c->t[nx].timex < 0 &&
                    !((c->t[nx].cls & TD__WC_PREP) && c->t[nx].mention < 0);
  int start = 0;
  for (int j = m->first - 1; j >= 0; j--)
    if (is_boundary(&c->t[j])) {
      start = j + 1;
      break;
    }
  if (right_first) {
    if (say_target_in(c, m->last + 1, c->n, src, out)) return 1;
    return 0;
  }
  if (say_target_in(c, start, m->first, src, out)) return 1;
  return say_target_in(c, m->last + 1, c->n, src, out);
}

/* Whether an appeal or a demand earlier in the sentence governs m: what
 * is asked for is not an event that happened. */
static int under_appeal(coder *c, const match *m) {
  for (size_t i = 0; i < c->n_m; i++) {
    const match *k = &c->m[i];
    if (k == m || k->absorbed || k->last >= m->first) continue;
    const char *code = c->lx->codes[k->code].code;
    int root = code_root(code);
    if (root != 2 && root != 10 && !(c->t[k->head].cls & TD__WC_TRY)) continue;
    if (m->first - k->last > 25) continue;
    int ok = 1;
    for (int j = k->last + 1; j < m->first && ok; j++)
      if (is_boundary(&c->t[j])) ok = 0;
    if (ok) return 1;
  }
  return 0;
}

/* "after the museum shooting", "the killing of": a verb's -ing form after
 * an article is a noun, and its participle an adjective: an event only of
 * an actor the text attaches. */
static int det_gerund(const coder *c, const match *m) {
  unsigned sh = shape_of(&c->t[m->head], m->p->head);
  if (m->head != m->first || m->first == 0) return 0;
  /* "the exiled dissidents", "the occupied territories", "the temporarily
   * occupied territories": a participle right after an article, or an
   * article and an -ly adverb, is an adjective. */
  int pj = before_ly_adverbs(c, m->first, 1);
  const stok *p = &c->t[pj >= 0 ? pj : m->first - 1];
  if (((sh & TD__SH_PAST) || m->p->pos == 'a') && (p->cls & TD__WC_DET) &&
      !(p->cls & (TD__WC_PREP | TD__WC_SUBJPRON | TD__WC_REL)) &&
      p->mention < 0)
    return 1;
  if (!(sh & TD__SH_ING)) return 0;
  for (int j = m->first - 1; j >= 0 && j >= m->first - 2; j--) {
    const stok *k = &c->t[j];
    if (k->punct || k->mention >= 0 || k->head) return 0;
    if ((k->cls & TD__WC_DET) &&
        !(k->cls & (TD__WC_PREP | TD__WC_SUBJPRON | TD__WC_REL)))
      return 1;
  }
  return 0;
}

/* The article opening the phrase of a one-word noun of talks or meetings
 * that is no object of a verb: after a preposition, a form of "be" or at
 * the start of the clause ("the breakdown of the ICO talks", "referred to
 * the summit", "there is no negotiation", "The meeting was requested").
 * Such talks are not the act of the clause's subject: only an actor
 * inside the phrase ("the U.S.-Japan talks") or "between A and B" is a
 * party. Returns the article's token, or -1. */
static int article_phrase(const coder *c, const match *m) {
  if (m->p->pos != 'n' || m->p->n_words != 1 || !(m->p->flags & TD__PF_SYM))
    return -1;
  int j = m->first - 1, steps = 0;
  while (j >= 0 && steps < 4 && !c->t[j].punct && !c->t[j].head &&
         (c->t[j].mention >= 0 || !(c->t[j].cls & (TD__WC_DET | TD__WC_PREP |
                                                   TD__WC_REL | TD__WC_BE)))) {
    j--;
    steps++;
  }
  if (j < 0 || c->t[j].mention >= 0 || !(c->t[j].cls & TD__WC_ARTICLE))
    return -1;
  const stok *b = j > 0 ? &c->t[j - 1] : NULL;
  if (b && b->mention < 0 &&
      (b->punct == ',' || b->punct == '"' || is_boundary(b) ||
       (b->cls & (TD__WC_PREP | TD__WC_BE))))
    return j;
  return b ? -1 : j;
}

/* Whether the mention at token j, right before the force noun of m, is
 * the place it happened rather than its actor: a seat of government
 * ("the Berlin blockade", "the Madrid bomb", "the London bombings"). */
static int force_site(const coder *c, const match *m, int j) {
  const char *pc = c->lx->codes[m->code].code;
  int root = code_root(pc);
  if (root < 18 || root > 20) return 0;
  const char *mc = c->doc->mentions[c->t[j].mention].code;
  size_t n = strlen(mc);
  return mention_kind(c, c->t[j].mention) == TD_ENT_ORG && n > 3 &&
         strcmp(mc + n - 3, "GOV") == 0;
}

static void code_match(coder *c, match *m) {
  int32_t src[MAX_ACTORS], tgt[MAX_ACTORS];
  int ns = 0, nt = 0;
  const td_lexicon *lx = c->lx;
  /* "Russia will meet Ukraine and sign the deal": the verb an "and" right
   * before m coordinates it with, whose subject and modal m shares */
  const match *coord = coordinated_with(c, m);
  m->passive = is_passive(c, m);
  if (m->passive) {
    ns = by_agent(c, m, src);
    int32_t subj[MAX_ACTORS];
    int nsub = 0;
    find_subject(c, m, subj, &nsub);
    for (int i = 0; i < nsub; i++) tgt[nt++] = subj[i];
    if (ns == 0 && nt == 0) m->passive = 0;
  }
  if (!m->passive) {
    /* A participle clause after a comma shares the subject of the clause
     * before it: "Blinken said ..., expressing concerns". */
    int participle = (shape_of(&c->t[m->head], m->p->head) & TD__SH_ING) &&
                     m->first > 0 && c->t[m->first - 1].punct == ',';
    /* ... and when that clause's subject is no one the dictionaries know
     * ("Clare Short has criticised the US-led coalition, saying"), not the
     * name of its object */
    int pred_end = participle && c->sent_ns == 0 ? predicate_before(c, m) : -1;
    if (coord) {
      find_subject(c, coord, src, &ns); /* the first verb's subject */
    } else if (participle && c->sent_ns > 0) {
      for (int i = 0; i < c->sent_ns; i++) src[ns++] = c->sent_src[i];
    } else if (pred_end >= 0) {
      /* the subject of the clause before, never a name after its
       * predicate (its object) */
      find_subject(c, m, src, &ns);
      if (ns > 0 &&
          (int)c->doc->mentions[src[0]].tok_first - (int)c->tf > pred_end)
        ns = 0;
    } else if ((m->p->pos == 'n' && m->p->n_words == 1 &&
                !(m->p->flags & TD__PF_SYM)) ||
               det_gerund(c, m)) {
      /* A bare noun ("the genocide", "the museum shooting") is an event
       * of an actor only when the text attaches one: a possessive or a
       * name right before it ("Russia's buildup", "Russian aggression"),
       * or "by X" after it. The subject of the clause is not enough. */
      int j = m->first - 1, steps = 0;
      while (j >= 0 && steps < 3 && c->t[j].mention < 0 && !c->t[j].punct &&
             !(c->t[j].cls & (TD__WC_PREP | TD__WC_REL)) && !c->t[j].head &&
             !(past_form(&c->t[j]) && !(c->t[j].cls & TD__WC_LIGHT))) {
        j--;
        steps++;
      }
      if (j >= 0 && c->t[j].mention >= 0 && !force_site(c, m, j))
        src[ns++] = c->t[j].mention;
      if (ns == 0) ns = by_agent(c, m, src);
    } else {
      find_subject(c, m, src, &ns);
      int d = article_phrase(c, m);
      if (d >= 0 && ns > 0 &&
          (int)c->doc->mentions[src[0]].tok_first - (int)c->tf <= d)
        ns = 0;
    }
    if ((m->p->flags & TD__PF_SAY) && (c->t[m->head].cls & TD__WC_ACCORDING))
      ns = 0; /* "X ..., according to Y": Y says so */
    if (m->p->flags & TD__PF_SAY) {
      int32_t s = subject_after(c, m);
      /* "..., said U.S. trade representative Clayton Yeutter.": a speaker
       * after an inverted statement verb, ending the clause, is its
       * subject, whatever actor the reported clause names. */
      if (s >= 0 && ns > 0) {
        for (int e = (int)c->doc->mentions[s].tok_end - (int)c->tf;
             e < c->n && s >= 0 && !c->t[e].punct; e++)
          if ((c->t[e].head && !nominal_head_at(c, e)) ||
              (c->t[e].cls & (TD__WC_REL | TD__WC_BE | TD__WC_HAVE |
                              TD__WC_WILL | TD__WC_HYPO)))
            s = -1; /* "..., said Russia would attack" */
      }
      if (s >= 0) {
        ns = 0;
        src[ns++] = s;
      } else if (m->first > 0 && m->last + 1 < c->n &&
                 (c->t[m->first - 1].punct == ',' ||
                  quote_mark(c, m->first - 1)) &&
                 unknown_name(c, m->last + 1)) {
        ns = 0; /* "..., says Howard": a speaker no dictionary knows */
      }
    }
    int32_t btw[MAX_ACTORS];
    int nb = 0;
    if ((m->p->flags & TD__PF_SYM) && (nb = between_actors(c, m, btw)) >= 2) {
      /* "talks between A and B", whoever proposes them */
      ns = 0;
      /* "talks between A and B" */
      src[ns++] = btw[0];
      for (int i = 1; i < nb; i++) tgt[nt++] = btw[i];
    } else if ((m->p->flags & TD__PF_SAY) && m->tgt_tok < 0) {
      if (ns > 0) nt = say_target(c, m, src[0], tgt);
    } else {
      nt = find_targets(c, m, ns ? src[0] : -1, tgt);
    }
  }
  int sym = (m->p->flags & TD__PF_SYM) != 0;
  if (sym && nt == 0) {
    if (ns >= 2) {
      for (int i = 1; i < ns; i++) tgt[nt++] = src[i];
      ns = 1;
    } else if (ns == 0) {
      int nb = between_actors(c, m, src);
      if (nb >= 2) {
        for (int i = 1; i < nb; i++) tgt[nt++] = src[i];
        ns = 1;
      } else if (nb == 1) {
        ns = 1;
      }
    }
  }
  int32_t pr[2];
  /* "Cleverly met Blinken ... and the two spoke by phone" */
  if (!m->passive && !c->t[m->head].quote && pair_subject(c, m) &&
      recent_pair(c, pr) && close_pair(c, pr)) {
    if (sym) {
      ns = nt = 0;
      src[ns++] = pr[0];
      tgt[nt++] = pr[1];
    } else if (nt == 0) {
      /* "both sides agreed to ...": each of them, towards the other */
      ns = nt = 0;
      src[ns++] = pr[0];
      src[ns++] = pr[1];
      tgt[nt++] = pr[1];
      tgt[nt++] = pr[0];
    } else {
      ns = 0;
      src[ns++] = pr[0];
      src[ns++] = pr[1];
    }
  }
  int own_actors = ns > 0 && nt > 0;
  /* "The West indicated areas for further negotiations": the other party
   * of talks with one named is its partner in the latest pair. */
  if (sym && ns == 1 && nt == 0 && !c->t[m->head].quote && recent_pair(c, pr)) {
    if (same_actor(c, src[0], pr[0]))
      tgt[nt++] = pr[1];
    else if (same_actor(c, src[0], pr[1]))
      tgt[nt++] = pr[0];
  }
  /* ... unless its subject is a pronoun that means someone no dictionary
   * knows ("Mr Rios said he would meet Peru") */
  int pron = 0;
  if (m->first > 0) {
    const stok *b = &c->t[before_auxiliaries(c, m->first - 1)];
    pron =
        (b->cls & TD__WC_SUBJPRON) && !(b->cls & TD__WC_DET) && b->mention < 0;
  }
  if (sym && ns == 0 && !pron && !c->t[m->head].quote && recent_pair(c, pr)) {
    if (nt == 0) {
      src[ns++] = pr[0];
      tgt[nt++] = pr[1];
    } else {
      src[ns++] = same_actor(c, pr[0], tgt[0]) ? pr[1] : pr[0];
    }
  }
  /* A frame with no target of its own is about the inner event's actor:
   * "demanded that the US cancel ..." targets the US. */
  if (m->inner >= 0 && nt == 0) {
    const match *in = &c->m[m->inner];
    int32_t is[MAX_ACTORS];
    int nis = 0;
    find_subject(c, in, is, &nis);
    if (nis > 0 && (ns == 0 || !same_actor(c, is[0], src[0])) &&
        in->first > m->last) {
      for (int i = 0; i < nis; i++) tgt[nt++] = is[i];
    } else {
      nt = find_targets(c, in, ns ? src[0] : -1, tgt);
    }
  }

  int32_t code = m->code;
  int32_t speaker = -1;
  if (!(m->p->flags & TD__PF_SAY)) {
    if (c->t[m->head].quote) speaker = quote_speaker(c, c->t[m->head].quote);
    if (speaker < 0) speaker = say_speaker(c, m);
  }
  int reported = speaker != -1 && !(ns > 0 && same_actor(c, speaker, src[0]));
  int refused = 0, deontic = 0;
  /* "would" in what someone said is their future, not a condition: "they
   * said they would blockade Paris". */
  uint16_t flags = modality(c, m, coord, speaker != -1, &refused, &deontic);
  if (m->alleged) flags |= TD_EVF_HYPOTHETICAL;
  if (reported) flags |= TD_EVF_REPORTED;
  if (c->t[m->head].quote) flags |= TD_EVF_QUOTED;
  const char *pc = lx->codes[code].code;
  int root = code_root(pc);
  if (root != 2 && root != 10 && !(m->p->flags & TD__PF_SAY) &&
      under_appeal(c, m))
    flags |= TD_EVF_HYPOTHETICAL;

  /* "Russia should withdraw", said or written by someone else: a demand
   * by the speaker on the one who should act (CAMEO codes obligation in
   * reported speech as a demand). */
  if (deontic && reported) {
    /* "the UK should not ignore ...": a demand that it not act, coded as
     * a plain demand (a frame code would ask for the act itself) */
    int not = (flags & TD_EVF_NEGATED) != 0;
    int32_t to = not ? -1 : td__lexicon_frame(lx, TD__FRAME_DEMAND, code);
    if (root == 2 || root == 10) to = code;
    if (to < 0) to = td__lexicon_frame(lx, TD__FRAME_DEMAND, -1);
    if (to < 0) {
      const td_cameo *d = td_cameo_lookup(lx, "100");
      to = d ? (int32_t)(d - lx->codes) : code;
    }
    code = to;
    nt = 0;
    for (int i = 0; i < ns; i++) tgt[nt++] = src[i];
    ns = 0;
    if (speaker >= 0) src[ns++] = speaker;
    flags &= (uint16_t) ~(TD_EVF_HYPOTHETICAL | TD_EVF_PLANNED |
                          TD_EVF_REPORTED | TD_EVF_NEGATED);
    if (not &&(root == 2 || root == 10)) flags |= TD_EVF_NEGATED;
    pc = lx->codes[code].code;
    root = code_root(pc);
  }
  /* An object-only predicate is an event only as the content of a demand
   * ("Libya must hand over the suspects"). */
  if ((m->p->flags & TD__PF_INNER) && !(deontic && reported)) return;
  /* "Chia said ...", "The summary said ...": a speaker no dictionary
   * knows is who a pronoun in the next sentence most likely means, not
   * the actor named before. */
  if (ns == 0 && (m->p->flags & TD__PF_SAY)) {
    c->last_subject = -1;
    c->anchored = 1;
  }
  if (ns == 0 && !(c->opts & TD_EVX_KEEP_UNRESOLVED)) return;

  td_event e;
  memset(&e, 0, sizeof e);
  e.sent = c->sent;
  const td_token *ta = &c->doc->toks[c->tf + (uint32_t)m->first];
  /* The predicate ends at its last word, not at a target it names. */
  int lastw = m->head;
  for (int w = 0; w < m->n_words; w++)
    if (m->words[w] > lastw) lastw = m->words[w];
  const td_token *tb = &c->doc->toks[c->tf + (uint32_t)lastw];
  e.start = ta->start;
  e.end = tb->end;
  /* Only a stated plan (will, plans to) makes an intent or a threat; a
   * future date alone marks the event planned. */
  int stated_plan = (flags & TD_EVF_PLANNED) != 0;
  e.timex = governing_timex(c, m);
  if (e.timex >= 0) {
    e.date = c->doc->timexes[e.timex].date;
    e.date_how = TD_EVDATE_TIMEX;
    /* a statement is made when it is made: what it says may lie ahead */
    if (date_after(e.date, c->doc->date) && !(m->p->flags & TD__PF_SAY))
      flags |= TD_EVF_PLANNED;
  } else if (c->ctx_date.precision &&
             c->ctx_para == c->doc->sents[c->sent].para &&
             (speaker != -1 || !present_perfect(c, m))) {
    e.date = c->ctx_date;
    e.date_how = TD_EVDATE_CONTEXT;
    e.timex = -1;
  } else {
    e.date = c->doc->date;
    e.date_how = TD_EVDATE_DOCUMENT;
  }
  /* "will withdraw its force unless ...": a conditional plan is a threat
   * (CAMEO 13). */
  int conditional = !(flags & TD_EVF_NEGATED) && root != 13 && root != 1 &&
                    (stated_plan || ((flags & TD_EVF_HYPOTHETICAL) &&
                                     root >= 14 && !c->t[m->head].cond));
  if (conditional) {
    int threat = 0;
    for (int j = m->last + 1; j < c->n && !threat; j++) {
      if (is_boundary(&c->t[j])) break;
      if (strcmp(c->t[j].lower, "unless") == 0 ||
          strcmp(c->t[j].lower, "otherwise") == 0 ||
          (!stated_plan && strcmp(c->t[j].lower, "if") == 0))
        threat = 1;
    }
    if (threat) {
      int32_t to = td__lexicon_frame(lx, TD__FRAME_THREATEN, code);
      if (to < 0) {
        const td_cameo *t = td_cameo_lookup(lx, "130");
        to = t ? (int32_t)(t - lx->codes) : code;
      }
      code = to;
      flags &= (uint16_t) ~(TD_EVF_PLANNED | TD_EVF_HYPOTHETICAL);
      root = 13;
    }
  }
  /* A stated plan of force or pressure is a threat (CAMEO 13): "would
   * blockade Paris", "will withdraw the inspectors". */
  if (stated_plan && !(flags & TD_EVF_NEGATED) && root >= 14) {
    int32_t to = td__lexicon_frame(lx, TD__FRAME_THREATEN, code);
    if (to >= 0) {
      code = to;
      root = 13;
      flags &= (uint16_t)~TD_EVF_PLANNED;
    }
  }
  /* Planned cooperation is an intent (CAMEO 03), refused cooperation a
   * rejection (12): "will give aid" 033, "refused to lift sanctions" 1244.
   * The rejection is asserted; the intent stays marked planned. */
  if (root >= 4 && root <= 8) {
    if ((flags & TD_EVF_NEGATED) && refused) {
      int32_t to = td__lexicon_frame(lx, TD__FRAME_REJECT, code);
      if (to >= 0) {
        code = to;
        flags &= (uint16_t)~TD_EVF_NEGATED;
      }
    } else if (stated_plan &&
               !(flags & (TD_EVF_NEGATED | TD_EVF_HYPOTHETICAL))) {
      int32_t to = td__lexicon_frame(lx, TD__FRAME_INTENT, code);
      if (to >= 0) code = to;
    }
  }
  snprintf(e.code, sizeof e.code, "%s", lx->codes[code].code);
  /* One modality at most: negated, else hypothetical, else planned. */
  if (flags & TD_EVF_NEGATED)
    flags &= (uint16_t) ~(TD_EVF_HYPOTHETICAL | TD_EVF_PLANNED);
  else if (flags & TD_EVF_HYPOTHETICAL)
    flags &= (uint16_t)~TD_EVF_PLANNED;
  e.flags = flags;
  find_place(c, m, e.place, sizeof e.place);

  if (ns == 0) src[ns++] = -1;
  if (nt == 0) tgt[nt++] = -1;
  for (int i = 0; i < ns; i++)
    for (int k = 0; k < nt; k++) {
      if (src[i] >= 0 && tgt[k] >= 0 && same_actor(c, src[i], tgt[k])) continue;
      e.source = src[i];
      e.target = tgt[k];
      snprintf(e.source_code, sizeof e.source_code, "%s",
               src[i] >= 0 ? c->doc->mentions[src[i]].code : "");
      snprintf(e.target_code, sizeof e.target_code, "%s",
               tgt[k] >= 0 ? c->doc->mentions[tgt[k]].code : "");
      push_event(c, &e);
      /* An imported "[032:033]": the target's event back to the source. */
      if (m->p->rcode >= 0 && code == m->code && src[i] >= 0 && tgt[k] >= 0) {
        td_event b = e;
        b.source = tgt[k];
        b.target = src[i];
        snprintf(b.source_code, sizeof b.source_code, "%s", e.target_code);
        snprintf(b.target_code, sizeof b.target_code, "%s", e.source_code);
        snprintf(b.code, sizeof b.code, "%s", lx->codes[m->p->rcode].code);
        push_event(c, &b);
      }
    }
  /* A bare gerund ("the bloc abandoning ... along with denying ...")
   * takes its actors from far away: they name no pair. */
  int gerund = (shape_of(&c->t[m->head], m->p->head) & TD__SH_ING) &&
               !(m->first > 0 && (c->t[m->first - 1].cls & TD__WC_BE));
  /* A statement's target is what it is about, not a party to it. */
  if (own_actors && !gerund && !(m->p->flags & TD__PF_SAY) &&
      !(flags & (TD_EVF_NEGATED | TD_EVF_HYPOTHETICAL)))
    remember_pair(c, sym, src[0], tgt[0]);
  if (src[0] >= 0) {
    set_anchor(c, src, ns);
    c->sent_ns = 0;
    for (int i = 0; i < ns && src[i] >= 0; i++)
      c->sent_src[c->sent_ns++] = src[i];
  }
}

/* Whether an actor code is a business's (BUS, USABUS). */
static int is_business(const char *code) {
  size_t n = strlen(code);
  return n >= 3 && strcmp(code + n - 3, "BUS") == 0;
}

/* A bare statement (010) by an actor who, in the same sentence, does
 * something coded more specifically ("X said it would withdraw") adds
 * nothing: CAMEO codes statements only when nothing more specific is
 * said. A statement about another actor's deed stays ("X said Y would").
 * Only the same mention or entity counts, not the same country. */
static void drop_redundant_statements(coder *c, size_t first) {
  td_doc *d = c->doc;
  size_t kept = first;
  for (size_t i = first; i < d->n_events; i++) {
    td_event *e = &d->events[i];
    int drop = 0;
    /* "Reuters reports", "an AFP correspondent said": a news outlet
     * attributing the story makes no statement of its own. */
    if (strcmp(e->code, "010") == 0 && e->source >= 0) {
      size_t sl = strlen(e->source_code);
      if (sl >= 6 && strcmp(e->source_code + sl - 3, "MED") == 0) drop = 1;
    }
    /* "Anacomp Inc said it acquired ...", "Hecla Mining Co agreed to buy
     * a stake from BP": what companies do among themselves, and what
     * they announce, is business news, not a political event. A
     * company's dealings with a government or another political actor
     * stay ("Acme Corp urged Congress to ..."). */
    if (is_business(e->source_code) &&
        (!e->target_code[0] || is_business(e->target_code) ||
         strcmp(e->code, "010") == 0))
      drop = 1;
    /* The same event twice in one sentence, or once more without the
     * target the other names ("ratified an agreement with the EU"). */
    for (size_t k = first; k < i && !drop; k++) {
      const td_event *o = &d->events[k];
      if (strcmp(o->source_code, e->source_code) == 0 &&
          strcmp(o->code, e->code) == 0 &&
          strcmp(o->target_code, e->target_code) == 0 && o->flags == e->flags)
        drop = 1;
    }
    if (!e->target_code[0])
      for (size_t k = first; k < d->n_events && !drop; k++) {
        const td_event *o = &d->events[k];
        if (k != i && o->target_code[0] &&
            strcmp(o->source_code, e->source_code) == 0 &&
            strcmp(o->code, e->code) == 0 && o->flags == e->flags)
          drop = 1;
      }
    if (!drop && strcmp(e->code, "010") == 0 && e->source >= 0) {
      const td_actor_mention *a = &d->mentions[e->source];
      for (size_t k = first; k < d->n_events && !drop; k++) {
        const td_event *o = &d->events[k];
        if (k == i || o->source < 0 || strncmp(o->code, "01", 2) == 0) continue;
        const td_actor_mention *b = &d->mentions[o->source];
        if (o->source == e->source ||
            (a->entity >= 0 && a->entity == b->entity))
          drop = 1;
        /* "A and B will meet to discuss ...": B's part in talks (03, 04)
         * is no statement of its own either. */
        if (!e->target_code[0] && o->target >= 0 && o->code[0] == '0' &&
            (o->code[1] == '3' || o->code[1] == '4')) {
          const td_actor_mention *t = &d->mentions[o->target];
          if (o->target == e->source ||
              (a->entity >= 0 && a->entity == t->entity))
            drop = 1;
        }
      }
    }
    if (!drop) d->events[kept++] = *e;
  }
  d->n_events = kept;
}

static void code_sentence(coder *c, uint32_t si) {
  load_sentence(c, si);
  c->n_m = 0;
  c->sent_ns = 0;
  c->anchored = 0;
  for (int i = 0; i < c->n; i++) try_heads(c, i);
  settle_matches(c);
  apply_frames(c);
  size_t first_ev = c->doc->n_events;
  for (size_t i = 0; i < c->n_m; i++)
    if (!c->m[i].absorbed && !c->m[i].modifier) code_match(c, &c->m[i]);
  drop_redundant_statements(c, first_ev);
  remember_between(c);
  /* The latest dated expression sets the date for what follows. */
  uint32_t para = c->doc->sents[si].para;
  if (para != c->ctx_para) c->ctx_date.precision = TD_PREC_NONE;
  c->ctx_para = para;
  for (int j = c->n - 1; j >= 0; j--) {
    int32_t x = c->t[j].timex;
    if (x >= 0 && c->doc->timexes[x].date.precision &&
        c->doc->timexes[x].type == TD_TIMEX_DATE) {
      c->ctx_date = c->doc->timexes[x].date;
      break;
    }
  }
  /* A sentence without events of a known actor still moves the pronoun
   * anchor to its first actor ("The talks were led by Jan Nowak, a Polish
   * deputy minister. He said ..."). */
  if (!c->anchored)
    for (int j = 0; j < c->n; j++)
      if (c->t[j].mention >= 0) {
        set_anchor(c, &c->t[j].mention, 1);
        break;
      }
}

void td_events_extract_opts(td_doc *doc, const td_lexicon *lx, unsigned opts) {
  free(doc->events);
  doc->events = NULL;
  doc->n_events = 0;
  if (lx == NULL || doc->n_toks == 0) return;
  coder c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  c.lx = lx;
  c.opts = opts;
  c.last_subject = -1;
  c.ctx_para = UINT32_MAX;
  c.pair_para[0] = c.pair_para[1] = UINT32_MAX;
  const td_cameo *soft = td_cameo_lookup(lx, "012");
  c.soft_code = soft ? (int32_t)(soft - lx->codes) : -1;
  c.tok_mention = td_xmalloc(doc->n_toks * sizeof *c.tok_mention);
  c.tok_timex = td_xmalloc(doc->n_toks * sizeof *c.tok_timex);
  for (size_t i = 0; i < doc->n_toks; i++)
    c.tok_mention[i] = c.tok_timex[i] = -1;
  for (size_t i = 0; i < doc->n_mentions; i++) {
    const td_actor_mention *a = &doc->mentions[i];
    /* A person known but with no role on the date is no actor: to the
     * coder a name no dictionary codes (UNCODED: it may still be the
     * subject that keeps an actor further left from being one). */
    for (uint32_t t = a->tok_first; t < a->tok_end && t < doc->n_toks; t++)
      c.tok_mention[t] = a->code[0] ? (int32_t)i : UNCODED;
  }
  for (size_t i = 0; i < doc->n_timexes; i++) {
    const td_timex *x = &doc->timexes[i];
    if (x->sent >= doc->n_sents) continue;
    const td_sentence *s = &doc->sents[x->sent];
    for (uint32_t t = s->tok_first; t < s->tok_end && t < doc->n_toks; t++)
      if (doc->toks[t].start >= x->start && doc->toks[t].end <= x->end)
        c.tok_timex[t] = (int32_t)i;
  }
  for (uint32_t si = 0; si < doc->n_sents; si++) code_sentence(&c, si);
  if (sport_report(&c)) {
    size_t o = 0;
    for (size_t i = 0; i < doc->n_events; i++)
      if (!play_code(doc->events[i].code)) doc->events[o++] = doc->events[i];
    doc->n_events = o;
  }
  free(c.tok_mention);
  free(c.tok_timex);
  free(c.t);
  free(c.m);
}

void td_events_extract(td_doc *doc, const td_lexicon *lx) {
  td_events_extract_opts(doc, lx, 0);
}
