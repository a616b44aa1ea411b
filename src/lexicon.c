/*
 * lexicon.c - the event lexicon (annotate stage, events): loads the CAMEO
 * ontology (data/cameo.tsv), the closed word classes
 * (data/function_words.txt), the irregular inflections
 * (data/inflections.txt) and the verb and phrase patterns (data/verbs.txt)
 * into hash tables that the event coder (events.c) reads one token at a
 * time. Regular inflections of every pattern word are generated here, so
 * a token's lemma is one lookup of its lowercase form.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

/* ---- string map ---- */

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h;
}

static void strmap_grow(td__strmap *m);

/* Index of the slot holding key (n bytes) or of the empty slot where it
 * would go. */
static size_t strmap_slot(const td__strmap *m, const char *key, size_t n) {
  size_t mask = m->cap - 1;
  size_t i = (size_t)hash_bytes(key, n) & mask;
  while (m->keys[i] != NULL) {
    if (strncmp(m->keys[i], key, n) == 0 && m->keys[i][n] == '\0') return i;
    i = (i + 1) & mask;
  }
  return i;
}

static int32_t strmap_get(const td__strmap *m, const char *key, size_t n) {
  if (m->cap == 0) return -1;
  size_t i = strmap_slot(m, key, n);
  return m->keys[i] ? m->vals[i] : -1;
}

/* Insert key (borrowed, NUL-terminated) -> val unless present. */
static void strmap_put(td__strmap *m, const char *key, int32_t val) {
  if ((m->n + 1) * 2 > m->cap) strmap_grow(m);
  size_t i = strmap_slot(m, key, strlen(key));
  if (m->keys[i]) return;
  m->keys[i] = key;
  m->vals[i] = val;
  m->n++;
}

static void strmap_grow(td__strmap *m) {
  td__strmap old = *m;
  m->cap = old.cap ? old.cap * 2 : 1024;
  m->keys = td_xcalloc(m->cap, sizeof *m->keys);
  m->vals = td_xcalloc(m->cap, sizeof *m->vals);
  m->n = 0;
  for (size_t i = 0; i < old.cap; i++)
    if (old.keys[i]) strmap_put(m, old.keys[i], old.vals[i]);
  free(old.keys);
  free(old.vals);
}

static void strmap_free(td__strmap *m) {
  free(m->keys);
  free(m->vals);
}

/* ---- owned strings, words and lemmas ---- */

static char *lx_strdup(td_lexicon *lx, const char *s, size_t n) {
  if (lx->n_strs == lx->cap_strs) {
    lx->cap_strs = lx->cap_strs ? lx->cap_strs * 2 : 256;
    lx->strs = td_xrealloc(lx->strs, lx->cap_strs * sizeof *lx->strs);
  }
  char *p = td_xstrndup(s, n);
  lx->strs[lx->n_strs++] = p;
  return p;
}

static td__word *word_get_or_add(td_lexicon *lx, const char *form) {
  int32_t w = strmap_get(&lx->word_map, form, strlen(form));
  if (w >= 0) return &lx->words[w];
  if (lx->n_words == lx->cap_words) {
    lx->cap_words = lx->cap_words ? lx->cap_words * 2 : 1024;
    lx->words = td_xrealloc(lx->words, lx->cap_words * sizeof *lx->words);
  }
  td__word *wd = &lx->words[lx->n_words];
  wd->form = lx_strdup(lx, form, strlen(form));
  wd->cls = 0;
  wd->lemma[0] = wd->lemma[1] = -1;
  wd->shape[0] = wd->shape[1] = 0;
  strmap_put(&lx->word_map, wd->form, (int32_t)lx->n_words);
  lx->n_words++;
  return wd;
}

static int32_t lemma_get_or_add(td_lexicon *lx, const char *lemma) {
  int32_t id = strmap_get(&lx->lemma_map, lemma, strlen(lemma));
  if (id >= 0) return id;
  if (lx->n_lemmas == lx->cap_lemmas) {
    lx->cap_lemmas = lx->cap_lemmas ? lx->cap_lemmas * 2 : 512;
    lx->lemmas = td_xrealloc(lx->lemmas, lx->cap_lemmas * sizeof *lx->lemmas);
  }
  char *s = lx_strdup(lx, lemma, strlen(lemma));
  lx->lemmas[lx->n_lemmas] = s;
  strmap_put(&lx->lemma_map, s, (int32_t)lx->n_lemmas);
  return (int32_t)lx->n_lemmas++;
}

/* Record that form is a shape of lemma id (first two lemmas win). */
static void add_form(td_lexicon *lx, const char *form, int32_t lemma,
                     unsigned shape) {
  td__word *w = word_get_or_add(lx, form);
  for (int k = 0; k < 2; k++) {
    if (w->lemma[k] == lemma) {
      w->shape[k] |= (uint8_t)shape;
      return;
    }
    if (w->lemma[k] < 0) {
      w->lemma[k] = lemma;
      w->shape[k] = (uint8_t)shape;
      return;
    }
  }
}

static int is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Whether w ends consonant-vowel-consonant (a candidate for doubling the
 * final consonant: ban -> banned, commit -> committed). */
static int ends_cvc(const char *w, size_t n) {
  if (n < 3) return 0;
  char a = w[n - 3], b = w[n - 2], c = w[n - 1];
  return !is_vowel(a) && is_vowel(b) && !is_vowel(c) && c != 'w' && c != 'x' &&
         c != 'y';
}

/* Generate the regular forms of lemma (both doubled and plain forms where
 * English may double: over-generation only adds forms nobody writes). */
static void add_regular_forms(td_lexicon *lx, const char *w, int32_t id) {
  size_t n = strlen(w);
  if (n < 3 || n > 40) return;
  for (size_t i = 0; i < n; i++)
    if (!td__is_lower((unsigned char)w[i]) && w[i] != '-') return;
  char buf[64];
  char last = w[n - 1], prev = w[n - 2];
  int cons_y = last == 'y' && !is_vowel(prev);
  /* -s */
  if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
      (last == 'h' && (prev == 'c' || prev == 's'))) {
    snprintf(buf, sizeof buf, "%ses", w);
    add_form(lx, buf, id, TD__SH_S);
  }
  if (cons_y) {
    snprintf(buf, sizeof buf, "%.*sies", (int)(n - 1), w);
    add_form(lx, buf, id, TD__SH_S);
  } else if (last != 's') {
    snprintf(buf, sizeof buf, "%ss", w);
    add_form(lx, buf, id, TD__SH_S);
  }
  /* -ed */
  if (last == 'e')
    snprintf(buf, sizeof buf, "%sd", w);
  else if (cons_y)
    snprintf(buf, sizeof buf, "%.*sied", (int)(n - 1), w);
  else
    snprintf(buf, sizeof buf, "%sed", w);
  add_form(lx, buf, id, TD__SH_PAST);
  /* -ing */
  if (last == 'e' && prev == 'i')
    snprintf(buf, sizeof buf, "%.*sying", (int)(n - 2), w);
  else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o')
    snprintf(buf, sizeof buf, "%.*sing", (int)(n - 1), w);
  else
    snprintf(buf, sizeof buf, "%sing", w);
  add_form(lx, buf, id, TD__SH_ING);
  if (ends_cvc(w, n)) {
    snprintf(buf, sizeof buf, "%s%ced", w, last);
    add_form(lx, buf, id, TD__SH_PAST);
    snprintf(buf, sizeof buf, "%s%cing", w, last);
    add_form(lx, buf, id, TD__SH_ING);
  }
}

/* ---- file reading ---- */

static void lower_ascii(char *s) {
  for (; *s; s++) *s = (char)td__lower((unsigned char)*s);
}

/* ---- cameo.tsv ---- */

static int load_cameo(td_lexicon *lx, const char *dir, const td_diag *diag,
                      td_error *err) {
  td__lines r;
  int rc = td__lines_open(&r, dir, "cameo.tsv", err);
  if (rc) return rc;
  size_t cap = 0;
  char *line;
  while ((line = td__lines_next(&r)) != NULL) {
    if (td__blank_or_comment(line)) continue;
    char *f[4];
    int nf = 0;
    char *p = line;
    while (nf < 4) {
      f[nf++] = p;
      char *t = strchr(p, '\t');
      if (t == NULL) break;
      *t = '\0';
      p = t + 1;
    }
    char *end = NULL;
    double g = nf == 4 ? strtod(f[1], &end) : 0;
    size_t clen = nf == 4 ? strlen(f[0]) : 0;
    int ok = nf == 4 && end && *end == '\0' && clen >= 2 && clen <= 4 &&
             f[2][0] >= '1' && f[2][0] <= '4' && f[2][1] == '\0';
    for (size_t i = 0; ok && i < clen; i++)
      if (!td__is_digit((unsigned char)f[0][i])) ok = 0;
    if (!ok) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected CODE<tab>GOLDSTEIN<tab>QUAD<tab>NAME; line skipped");
      continue;
    }
    if (strmap_get(&lx->code_map, f[0], clen) >= 0) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "CAMEO code %s listed twice; line skipped", f[0]);
      continue;
    }
    if (lx->n_codes == cap) {
      cap = cap ? cap * 2 : 512;
      lx->codes = td_xrealloc(lx->codes, cap * sizeof *lx->codes);
    }
    td_cameo *c = &lx->codes[lx->n_codes];
    c->code = lx_strdup(lx, f[0], clen);
    c->name = lx_strdup(lx, f[3], strlen(f[3]));
    c->goldstein = g;
    c->quad_class = f[2][0] - '0';
    strmap_put(&lx->code_map, c->code, (int32_t)lx->n_codes);
    lx->n_codes++;
  }
  td__lines_close(&r);
  return 0;
}

/* ---- function_words.txt ---- */

static const struct {
  const char *name;
  uint32_t bit;
} class_names[] = {
    {"DET", TD__WC_DET},
    {"PREP", TD__WC_PREP},
    {"PLACEPREP", TD__WC_PLACEPREP},
    {"BE", TD__WC_BE},
    {"HAVE", TD__WC_HAVE},
    {"DO", TD__WC_DO},
    {"WILL", TD__WC_WILL},
    {"HYPO", TD__WC_HYPO},
    {"NEG", TD__WC_NEG},
    {"SUBJPRON", TD__WC_SUBJPRON},
    {"FIRSTPRON", TD__WC_FIRSTPRON},
    {"CONJ", TD__WC_CONJ},
    {"REL", TD__WC_REL},
    {"PLAN", TD__WC_PLAN},
    {"TRY", TD__WC_TRY},
    {"REFUSE", TD__WC_REFUSE},
    {"ACCORDING", TD__WC_ACCORDING},
    {"DEONTIC", TD__WC_DEONTIC},
    {"PAIRREF", TD__WC_PAIRREF},
    {"RELPRON", TD__WC_RELPRON},
    {"ECON", TD__WC_ECON},
    {"LIGHT", TD__WC_LIGHT},
    {"ARTICLE", TD__WC_ARTICLE},
    {"PHRASEEND", TD__WC_PHRASEEND},
    {"SPORT", TD__WC_SPORT},
    {"BODY", TD__WC_BODY},
    {"CAUSE", TD__WC_CAUSE},
    {"TOPIC", TD__WC_TOPIC},
    {"DENY", TD__WC_DENY},
    {"REPORT", TD__WC_REPORT},
    {"ARENA", TD__WC_ARENA},
    {"DISMISS", TD__WC_DISMISS},
};

static int load_classes(td_lexicon *lx, const char *dir, const td_diag *diag,
                        td_error *err) {
  td__lines r;
  int rc = td__lines_open(&r, dir, "function_words.txt", err);
  if (rc) return rc;
  char *line;
  while ((line = td__lines_next(&r)) != NULL) {
    if (td__blank_or_comment(line)) continue;
    char *colon = strchr(line, ':');
    uint32_t bit = 0;
    if (colon) {
      *colon = '\0';
      for (size_t i = 0; i < sizeof class_names / sizeof class_names[0]; i++)
        if (strcmp(line, class_names[i].name) == 0) bit = class_names[i].bit;
    }
    if (bit == 0) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected CLASS: words, with a known class; line skipped");
      continue;
    }
    char *save = NULL;
    for (char *w = strtok_r(colon + 1, " \t", &save); w;
         w = strtok_r(NULL, " \t", &save)) {
      lower_ascii(w);
      word_get_or_add(lx, w)->cls |= bit;
    }
  }
  td__lines_close(&r);
  return 0;
}

/* ---- inflections.txt ---- */

static int load_inflections(td_lexicon *lx, const char *dir,
                            const td_diag *diag, td_error *err) {
  td__lines r;
  int rc = td__lines_open(&r, dir, "inflections.txt", err);
  if (rc) return rc;
  char *line;
  while ((line = td__lines_next(&r)) != NULL) {
    if (td__blank_or_comment(line)) continue;
    char *colon = strchr(line, ':');
    if (colon == NULL || colon == line) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected 'lemma: form form ...'; line skipped");
      continue;
    }
    *colon = '\0';
    lower_ascii(line);
    int32_t id = lemma_get_or_add(lx, line);
    add_form(lx, line, id, TD__SH_BASE);
    char *save = NULL;
    for (char *w = strtok_r(colon + 1, " \t", &save); w;
         w = strtok_r(NULL, " \t", &save)) {
      lower_ascii(w);
      size_t n = strlen(w);
      unsigned shape = TD__SH_PAST;
      if (n > 4 && strcmp(w + n - 3, "ing") == 0)
        shape = TD__SH_ING;
      else if (w[n - 1] == 's' || strcmp(w, "men") == 0 ||
               strcmp(w, "women") == 0 || strcmp(w, "children") == 0)
        shape = TD__SH_S;
      add_form(lx, w, id, shape);
    }
  }
  td__lines_close(&r);
  return 0;
}

/* ---- verbs.txt ---- */

/* The lemma id of a pattern word, added (with its base form) if new. */
static int32_t pattern_lemma(td_lexicon *lx, const char *w) {
  int32_t id = strmap_get(&lx->lemma_map, w, strlen(w));
  if (id >= 0) return id;
  id = lemma_get_or_add(lx, w);
  add_form(lx, w, id, TD__SH_BASE);
  return id;
}

static int parse_pattern(td_lexicon *lx, char *line, td__pattern *p,
                         const char **why) {
  memset(p, 0, sizeof *p);
  p->head = -1;
  char *bar = strchr(line, '|');
  if (bar) {
    *bar = '\0';
    char *fsave = NULL;
    for (char *f = strtok_r(bar + 1, " \t,", &fsave); f;
         f = strtok_r(NULL, " \t,", &fsave)) {
      if (strcmp(f, "sym") == 0)
        p->flags |= TD__PF_SYM;
      else if (strcmp(f, "say") == 0)
        p->flags |= TD__PF_SAY | TD__PF_NOTGT;
      else if (strcmp(f, "notgt") == 0)
        p->flags |= TD__PF_NOTGT;
      else if (strcmp(f, "far") == 0)
        p->flags |= TD__PF_FAR;
      else if (strcmp(f, "inner") == 0)
        p->flags |= TD__PF_INNER;
      else if (strcmp(f, "place") == 0)
        p->flags |= TD__PF_PLACE;
      else if (strcmp(f, "topic") == 0)
        p->flags |= TD__PF_TOPIC;
      else if (strcmp(f, "allege") == 0)
        p->flags |= TD__PF_ALLEGE;
      else if (strcmp(f, "soft") == 0)
        p->flags |= TD__PF_SOFT;
      else {
        *why =
            "unknown flag (sym, say, notgt, far, inner, place, topic, "
            "allege, soft)";
        return -1;
      }
    }
  }
  char *save = NULL;
  char *code = strtok_r(line, " \t", &save);
  if (code == NULL) {
    *why = "missing code";
    return -1;
  }
  int32_t ci = strmap_get(&lx->code_map, code, strlen(code));
  if (ci < 0) {
    *why = "unknown CAMEO code";
    return -1;
  }
  p->code = ci;
  p->rcode = -1;
  p->code_len = (uint8_t)strlen(code);
  /* 020, 070, 190: "not specified below" */
  p->generic = p->code_len == 3 && code[2] == '0';
  /* Collect the elements, remembering which is the head. */
  td__pelem el[TD__MAX_PRE + TD__MAX_POST + 1];
  uint8_t pos_of[TD__MAX_PRE + TD__MAX_POST + 1];
  int n = 0, marked = -1, with_pos = -1;
  for (char *w = strtok_r(NULL, " \t", &save); w;
       w = strtok_r(NULL, " \t", &save)) {
    if (n == (int)(sizeof el / sizeof el[0])) {
      *why = "pattern too long";
      return -1;
    }
    td__pelem e = {-1, 0, 0};
    uint8_t pos = 0;
    if (strcmp(w, "+") == 0) {
      e.kind = TD__PE_ACTOR;
    } else if (strcmp(w, "..") == 0) {
      e.kind = TD__PE_GAP;
    } else {
      if (*w == '^') {
        if (marked >= 0) {
          *why = "two words marked ^ as the head";
          return -1;
        }
        marked = n;
        w++;
      }
      char *slash = strchr(w, '/');
      if (slash) {
        pos = (uint8_t)slash[1];
        if ((pos != 'v' && pos != 'n' && pos != 'a') || slash[2]) {
          *why = "part of speech must be /v, /n or /a";
          return -1;
        }
        *slash = '\0';
        if (with_pos < 0) with_pos = n;
      }
      if (*w == '\0') {
        *why = "empty word";
        return -1;
      }
      lower_ascii(w);
      e.kind = TD__PE_WORD;
      int32_t wi = strmap_get(&lx->word_map, w, strlen(w));
      if (wi >= 0 && (lx->words[wi].cls & TD__WC_NEG)) e.neg = 1;
      e.lemma = pattern_lemma(lx, w);
    }
    pos_of[n] = pos;
    el[n++] = e;
  }
  int head = marked >= 0 ? marked : with_pos;
  if (head < 0)
    for (int i = 0; i < n; i++)
      if (el[i].kind == TD__PE_WORD && !el[i].neg) {
        head = i;
        break;
      }
  if (head < 0) {
    *why = "no head word";
    return -1;
  }
  if (head > TD__MAX_PRE || n - head - 1 > TD__MAX_POST) {
    *why = "too many words before or after the head";
    return -1;
  }
  p->head = el[head].lemma;
  p->pos = pos_of[head];
  for (int i = 0; i < head; i++) p->pre[p->n_pre++] = el[i];
  for (int i = head + 1; i < n; i++) p->post[p->n_post++] = el[i];
  p->n_words = 0;
  for (int i = 0; i < n; i++)
    if (el[i].kind != TD__PE_GAP) p->n_words++;
  return 0;
}

static int cmp_pattern(const void *a, const void *b) {
  const td__pattern *x = a, *y = b;
  if (x->head != y->head) return x->head < y->head ? -1 : 1;
  if (x->n_words != y->n_words) return x->n_words > y->n_words ? -1 : 1;
  /* As long: the more specific code first ("provide .. food" before
   * "provide .. aid"). */
  if (x->code_len != y->code_len) return x->code_len > y->code_len ? -1 : 1;
  if (x->generic != y->generic) return x->generic ? 1 : -1;
  return x->line < y->line ? -1 : x->line > y->line;
}

static void index_patterns(td_lexicon *lx, size_t from);

static int load_patterns(td_lexicon *lx, const char *dir, const td_diag *diag,
                         td_error *err) {
  td__lines r;
  int rc = td__lines_open(&r, dir, "verbs.txt", err);
  if (rc) return rc;
  size_t cap = 0;
  size_t n_irregular_lemmas = lx->n_lemmas; /* ids below: irregular */
  char *line;
  while ((line = td__lines_next(&r)) != NULL) {
    if (td__blank_or_comment(line)) continue;
    td__pattern p;
    const char *why = NULL;
    if (parse_pattern(lx, line, &p, &why) != 0) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line, "%s; line skipped", why);
      continue;
    }
    p.line = (uint32_t)r.line;
    if (lx->n_pats == cap) {
      cap = cap ? cap * 2 : 1024;
      lx->pats = td_xrealloc(lx->pats, cap * sizeof *lx->pats);
    }
    lx->pats[lx->n_pats++] = p;
  }
  td__lines_close(&r);
  index_patterns(lx, n_irregular_lemmas);
  return 0;
}

/* Give the pattern words from lemma id `from` on their regular forms, sort
 * the patterns and index them by head lemma. */
static void index_patterns(td_lexicon *lx, size_t from) {
  /* Regular forms of every pattern word not listed as irregular. */
  for (size_t id = from; id < lx->n_lemmas; id++) {
    const char *l = lx->lemmas[id];
    int32_t wi = strmap_get(&lx->word_map, l, strlen(l));
    /* Grammatical words only: the other classes (PLAN, LIGHT, SPORT,
     * CAUSE ...) hold content words that inflect like any other. */
    const uint32_t closed = TD__WC_DET | TD__WC_PREP | TD__WC_PLACEPREP |
                            TD__WC_BE | TD__WC_HAVE | TD__WC_DO | TD__WC_WILL |
                            TD__WC_NEG | TD__WC_SUBJPRON | TD__WC_FIRSTPRON |
                            TD__WC_CONJ | TD__WC_REL | TD__WC_PAIRREF |
                            TD__WC_RELPRON | TD__WC_ARTICLE;
    if (wi >= 0 && (lx->words[wi].cls & closed)) continue; /* closed class */
    add_regular_forms(lx, l, (int32_t)id);
  }
  if (lx->n_pats) qsort(lx->pats, lx->n_pats, sizeof *lx->pats, cmp_pattern);
  free(lx->pat_first);
  free(lx->pat_count);
  lx->pat_first = td_xcalloc(lx->n_lemmas + 1, sizeof *lx->pat_first);
  lx->pat_count = td_xcalloc(lx->n_lemmas + 1, sizeof *lx->pat_count);
  for (size_t i = lx->n_pats; i-- > 0;) {
    int32_t h = lx->pats[i].head;
    lx->pat_first[h] = (uint32_t)i;
    if (lx->pat_count[h] < UINT16_MAX) lx->pat_count[h]++;
  }
}

/* ---- frames.txt ---- */

static int load_frames(td_lexicon *lx, const char *dir, const td_diag *diag,
                       td_error *err) {
  td__lines r;
  int rc = td__lines_open(&r, dir, "frames.txt", err);
  if (rc) return rc;
  size_t cap = 0;
  char *line;
  while ((line = td__lines_next(&r)) != NULL) {
    if (td__blank_or_comment(line)) continue;
    char *save = NULL, *f[6];
    int nf = 0;
    for (char *w = strtok_r(line, " \t", &save); w && nf < 6;
         w = strtok_r(NULL, " \t", &save))
      f[nf++] = w;
    int32_t row[5];
    int ok = nf == 6 && strmap_get(&lx->frame_map, f[0], strlen(f[0])) < 0;
    for (int k = 0; ok && k < 5; k++) {
      row[k] = -1;
      if (strcmp(f[k + 1], "-") == 0) continue;
      row[k] = strmap_get(&lx->code_map, f[k + 1], strlen(f[k + 1]));
      if (row[k] < 0) ok = 0;
    }
    if (!ok) {
      td__diag(diag, TD_SEV_WARNING, r.path, r.line,
               "expected a new code prefix and five known codes or '-'; "
               "line skipped");
      continue;
    }
    if (lx->n_frames == cap) {
      cap = cap ? cap * 2 : 64;
      lx->frames = td_xrealloc(lx->frames, cap * sizeof *lx->frames);
    }
    memcpy(lx->frames[lx->n_frames], row, sizeof row);
    strmap_put(&lx->frame_map, lx_strdup(lx, f[0], strlen(f[0])),
               (int32_t)lx->n_frames);
    lx->n_frames++;
  }
  td__lines_close(&r);
  return 0;
}

int32_t td__lexicon_frame(const td_lexicon *lx, int frame, int32_t inner) {
  if (inner < 0 || (size_t)inner >= lx->n_codes || frame < 0 || frame > 4)
    return -1;
  const char *code = lx->codes[inner].code;
  for (size_t len = strlen(code); len >= 2; len--) {
    int32_t row = strmap_get(&lx->frame_map, code, len);
    if (row >= 0) return lx->frames[row][frame];
  }
  return -1;
}

/* ---- public ---- */

int td_lexicon_open(const char *data_dir, td_lexicon **out, const td_diag *diag,
                    td_error *err) {
  *out = NULL;
  const char *dir = data_dir ? data_dir : td__data_dir();
  td_lexicon *lx = td_xcalloc(1, sizeof *lx);
  int rc = load_cameo(lx, dir, diag, err);
  if (rc == 0) rc = load_classes(lx, dir, diag, err);
  if (rc == 0) rc = load_inflections(lx, dir, diag, err);
  if (rc == 0) rc = load_patterns(lx, dir, diag, err);
  if (rc == 0) rc = load_frames(lx, dir, diag, err);
  if (rc != 0) {
    td_lexicon_free(lx);
    return rc;
  }
  *out = lx;
  return 0;
}

void td_lexicon_free(td_lexicon *lx) {
  if (lx == NULL) return;
  for (size_t i = 0; i < lx->n_strs; i++) free(lx->strs[i]);
  free(lx->strs);
  free(lx->codes);
  free(lx->words);
  free(lx->lemmas);
  free(lx->pats);
  free(lx->pat_first);
  free(lx->pat_count);
  free(lx->frames);
  strmap_free(&lx->frame_map);
  strmap_free(&lx->code_map);
  strmap_free(&lx->word_map);
  strmap_free(&lx->lemma_map);
  free(lx);
}

const td_cameo *td_cameo_lookup(const td_lexicon *lx, const char *code) {
  if (lx == NULL || code == NULL) return NULL;
  int32_t i = strmap_get(&lx->code_map, code, strlen(code));
  return i < 0 ? NULL : &lx->codes[i];
}

const td__word *td__lexicon_word(const td_lexicon *lx, const char *form,
                                 size_t n) {
  int32_t i = strmap_get(&lx->word_map, form, n);
  return i < 0 ? NULL : &lx->words[i];
}

int32_t td__lexicon_lemma(const td_lexicon *lx, const char *lemma) {
  return strmap_get(&lx->lemma_map, lemma, strlen(lemma));
}

const td__pattern *td__lexicon_patterns(const td_lexicon *lx, int32_t lemma,
                                        size_t *n) {
  if (lemma < 0 || (size_t)lemma >= lx->n_lemmas || lx->pat_first == NULL) {
    *n = 0;
    return NULL;
  }
  *n = lx->pat_count[lemma];
  return *n ? &lx->pats[lx->pat_first[lemma]] : NULL;
}

/* ---- PETRARCH and TABARI verb dictionaries ---- */

/* A synset ("&CURRENCY" and its "+MEMBER" lines). */
typedef struct vd_synset {
  char *name; /* "&CURRENCY" */
  char **members;
  size_t n, cap;
} vd_synset;

/* A verb of the current block: its words (lowercase, '_' joined) and
 * which of them is the verb. */
typedef struct vd_verb {
  char words[8][32];
  int n, head;
  char code[8], rcode[8];
} vd_verb;

typedef struct vd_reader {
  td_lexicon *lx;
  vd_synset *syn;
  size_t n_syn, cap_syn;
  vd_verb verbs[64];
  int n_verbs;
  char block_code[8], block_rcode[8];
  size_t added, skipped, cap_pats;
  uint32_t line;
} vd_reader;

/* The code of "[CODE]" at s ("[023?]" reads 023, "[032:033]" 032), ""
 * for the null codes ([---], [+++], [###]) and anything else. */
static void vd_code(const char *s, char out[8]) {
  out[0] = '\0';
  const char *b = strchr(s, '[');
  if (!b) return;
  b++;
  while (*b == ' ') b++;
  size_t n = 0;
  while (n < 7 && td__is_alnum((unsigned char)b[n])) n++;
  if (n < 2 || !td__is_digit((unsigned char)b[0]) ||
      !td__is_digit((unsigned char)b[1]))
    return;
  memcpy(out, b, n);
  out[n] = '\0';
}

/* The second code of "[032:033]" (what the target does back), or "". */
static void vd_rcode(const char *s, char out[8]) {
  out[0] = '\0';
  const char *b = strchr(s, '[');
  const char *colon = b ? strchr(b, ':') : NULL;
  const char *e = b ? strchr(b, ']') : NULL;
  if (!colon || !e || colon > e) return;
  char buf[16];
  snprintf(buf, sizeof buf, "[%.*s]", (int)(e - colon - 1), colon + 1);
  vd_code(buf, out);
}

/* The index of code, added when cameo.tsv does not list it (a dictionary's
 * own codes: "1717", "174K") with its root's Goldstein value and quad
 * class. */
static int32_t vd_code_index(td_lexicon *lx, const char *code) {
  int32_t ci = strmap_get(&lx->code_map, code, strlen(code));
  if (ci >= 0) return ci;
  char root[4] = {code[0], code[1], '0', '\0'};
  int32_t ri = strmap_get(&lx->code_map, root, 3);
  lx->codes = td_xrealloc(lx->codes, (lx->n_codes + 1) * sizeof *lx->codes);
  td_cameo *c = &lx->codes[lx->n_codes];
  c->code = lx_strdup(lx, code, strlen(code));
  c->name = ri >= 0 ? lx->codes[ri].name : "(dictionary code)";
  c->goldstein = ri >= 0 ? lx->codes[ri].goldstein : 0;
  c->quad_class = ri >= 0 ? lx->codes[ri].quad_class : 1;
  strmap_put(&lx->code_map, c->code, (int32_t)lx->n_codes);
  return (int32_t)lx->n_codes++;
}

static const vd_synset *vd_find_synset(const vd_reader *r, const char *name,
                                       size_t n) {
  for (size_t i = 0; i < r->n_syn; i++)
    if (strlen(r->syn[i].name) == n && strncmp(r->syn[i].name, name, n) == 0)
      return &r->syn[i];
  return NULL;
}

/* Adds one pattern line (our verbs.txt syntax) to the lexicon. */
static void vd_add_line(vd_reader *r, char *text, const char *rcode) {
  td__pattern p;
  const char *why = NULL;
  if (parse_pattern(r->lx, text, &p, &why) != 0) {
    r->skipped++;
    return;
  }
  p.line = r->line;
  if (rcode && rcode[0]) p.rcode = vd_code_index(r->lx, rcode);
  if (r->lx->n_pats == r->cap_pats) {
    r->cap_pats = r->cap_pats ? r->cap_pats * 2 : 1024;
    r->lx->pats = td_xrealloc(r->lx->pats, r->cap_pats * sizeof *r->lx->pats);
  }
  r->lx->pats[r->lx->n_pats++] = p;
  r->added++;
}

/* Emits the pattern "words" (space separated, '*' the verb, synsets not
 * yet expanded) for verb v with code, expanding the first synset in
 * turn; depth bounds nested synsets and fan-out. */
static void vd_emit(vd_reader *r, const vd_verb *v, const char *code,
                    const char *rcode, const char *words, int depth) {
  const char *amp = strchr(words, '&');
  if (amp) {
    size_t n = 1;
    while (amp[n] && (td__is_alnum((unsigned char)amp[n]) || amp[n] == '_'))
      n++;
    /* "&TIETYPES_RUMORS": the name stops where a synset name ends. */
    const vd_synset *s = NULL;
    for (size_t k = n; k > 1 && !s; k--) s = vd_find_synset(r, amp, k);
    if (s == NULL || depth > 3) {
      r->skipped++;
      return;
    }
    n = strlen(s->name);
    for (size_t i = 0; i < s->n && i < 32; i++) {
      char buf[512];
      snprintf(buf, sizeof buf, "%.*s%s%s", (int)(amp - words), words,
               s->members[i], amp + n);
      vd_emit(r, v, code, rcode, buf, depth + 1);
    }
    return;
  }
  char line[640];
  size_t k = (size_t)snprintf(line, sizeof line, "%s", code);
  char buf[512];
  snprintf(buf, sizeof buf, "%s", words);
  for (char *c = buf; *c; c++)
    if (*c == '_') *c = ' ';
  int star = 0;
  char *save = NULL;
  for (char *w = strtok_r(buf, " \t", &save); w && k < sizeof line - 64;
       w = strtok_r(NULL, " \t", &save)) {
    if (strcmp(w, "*") == 0) {
      star = 1;
      for (int i = 0; i < v->n; i++)
        k += (size_t)snprintf(line + k, sizeof line - k,
                              i == v->head ? " ^%s/v" : " %s", v->words[i]);
      continue;
    }
    /* Source and compound markers and skips; a target slot stays. */
    if (!strcmp(w, "$") || !strcmp(w, "%") || !strcmp(w, "^")) continue;
    if (!strcmp(w, "+")) {
      k += (size_t)snprintf(line + k, sizeof line - k, " +");
      continue;
    }
    while (*w == '+' || *w == '$' || *w == '%') w++;
    size_t wl = strlen(w);
    while (wl && (w[wl - 1] == '+' || w[wl - 1] == '$')) w[--wl] = '\0';
    if (!*w) continue;
    k += (size_t)snprintf(line + k, sizeof line - k, " %s", w);
  }
  if (!star) {
    r->skipped++;
    return;
  }
  vd_add_line(r, line, rcode);
}

/* "BREAK {BROKE BROKEN}", "+BREAK_DOWN {+BROKE_DOWN}", "WIRE_+TAP",
 * "DISBAND [160]": a verb of the current block. */
static void vd_verb_line(vd_reader *r, char *s) {
  if (r->n_verbs >= 64) return;
  vd_verb *v = &r->verbs[r->n_verbs];
  memset(v, 0, sizeof *v);
  vd_code(s, v->code);
  vd_rcode(s, v->rcode);
  if (!v->code[0]) {
    snprintf(v->code, sizeof v->code, "%s", r->block_code);
    snprintf(v->rcode, sizeof v->rcode, "%s", r->block_rcode);
  }
  char *brace = strchr(s, '{');
  char *br = strchr(s, '[');
  size_t nn = strcspn(s, " \t{[");
  char name[256];
  snprintf(name, sizeof name, "%.*s", (int)nn, s);
  lower_ascii(name);
  v->head = -1;
  char *save = NULL;
  for (char *w = strtok_r(name, "_", &save); w && v->n < 8;
       w = strtok_r(NULL, "_", &save)) {
    int marked = *w == '+';
    if (marked) w++;
    if (!*w) continue;
    if (marked || (v->head < 0 && v->n == 0)) v->head = v->n;
    snprintf(v->words[v->n++], sizeof v->words[0], "%s", w);
  }
  if (v->n == 0) return;
  if (v->head < 0) v->head = 0;
  int32_t lemma = lemma_get_or_add(r->lx, v->words[v->head]);
  add_form(r->lx, v->words[v->head], lemma, TD__SH_BASE);
  /* Irregular forms: the word at the verb's place in each listed form. */
  if (brace && (!br || brace < br)) {
    char *end = strchr(brace, '}');
    if (end) *end = '\0';
    char *fs = NULL;
    for (char *f = strtok_r(brace + 1, " \t", &fs); f;
         f = strtok_r(NULL, " \t", &fs)) {
      lower_ascii(f);
      int i = 0;
      char *ws = NULL;
      for (char *w = strtok_r(f, "_", &ws); w; w = strtok_r(NULL, "_", &ws)) {
        if (*w == '+') w++;
        if (i++ == v->head && *w) {
          size_t n = strlen(w);
          unsigned shape = n > 3 && !strcmp(w + n - 3, "ing") ? TD__SH_ING
                           : w[n - 1] == 's'                  ? TD__SH_S
                                                              : TD__SH_PAST;
          add_form(r->lx, w, lemma, shape);
        }
      }
    }
  }
  r->n_verbs++;
  if (v->code[0]) vd_emit(r, v, v->code, v->rcode, "*", 0);
}

static void vd_strip_comments(char *s, int *in_comment) {
  for (;;) {
    if (*in_comment) {
      char *end = strstr(s, "-->");
      if (!end) {
        *s = '\0';
        return;
      }
      memmove(s, end + 3, strlen(end + 3) + 1);
      *in_comment = 0;
    }
    char *open = strstr(s, "<!--");
    if (!open) break;
    char *end = strstr(open, "-->");
    if (end) {
      memmove(open, end + 3, strlen(end + 3) + 1);
    } else {
      *open = '\0';
      *in_comment = 1;
      break;
    }
  }
  int depth = 0;
  for (char *q = s; *q; q++) {
    if (*q == '[') depth++;
    if (*q == ']' && depth > 0) depth--;
    if (*q == '#' && depth == 0) {
      *q = '\0';
      break;
    }
  }
}

int td_lexicon_load_verbs(td_lexicon *lx, const char *path, const td_diag *diag,
                          size_t *n_patterns, td_error *err) {
  if (n_patterns) *n_patterns = 0;
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return td_error_set(err, TD_EIO, path, 0, "cannot open: %s",
                        strerror(errno));
  vd_reader r;
  memset(&r, 0, sizeof r);
  r.lx = lx;
  /* The dictionary replaces tidings' own patterns (a second dictionary
   * adds to the first). */
  if (!lx->verbs_imported) lx->n_pats = 0;
  lx->verbs_imported = 1;
  r.cap_pats = lx->n_pats;
  size_t first_lemma = lx->n_lemmas;
  char line[4096];
  int in_comment = 0;
  vd_synset *cur_syn = NULL;
  while (fgets(line, sizeof line, f)) {
    r.line++;
    vd_strip_comments(line, &in_comment);
    char *s = line;
    while (td__is_space((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && td__is_space((unsigned char)s[n - 1])) s[--n] = '\0';
    if (n == 0) {
      cur_syn = NULL;
      continue;
    }
    if (s[0] == '&') {
      if (r.n_syn == r.cap_syn) {
        r.cap_syn = r.cap_syn ? r.cap_syn * 2 : 16;
        r.syn = td_xrealloc(r.syn, r.cap_syn * sizeof *r.syn);
      }
      cur_syn = &r.syn[r.n_syn++];
      memset(cur_syn, 0, sizeof *cur_syn);
      size_t nl = strcspn(s, " \t");
      cur_syn->name = td_xstrndup(s, nl);
      lower_ascii(cur_syn->name); /* patterns are read in lowercase */
      continue;
    }
    if (cur_syn && s[0] == '+') {
      if (cur_syn->n == cur_syn->cap) {
        cur_syn->cap = cur_syn->cap ? cur_syn->cap * 2 : 8;
        cur_syn->members = td_xrealloc(cur_syn->members,
                                       cur_syn->cap * sizeof *cur_syn->members);
      }
      lower_ascii(s + 1);
      cur_syn->members[cur_syn->n++] = td_xstrdup(s + 1);
      continue;
    }
    cur_syn = NULL;
    if (strncmp(s, "---", 3) == 0) {
      vd_code(s, r.block_code);
      vd_rcode(s, r.block_rcode);
      r.n_verbs = 0;
      continue;
    }
    if (s[0] == '-' && (s[1] == ' ' || s[1] == '\t')) {
      char code[8], rcode[8];
      vd_code(s, code);
      vd_rcode(s, rcode);
      char *br = strchr(s, '[');
      if (br) *br = '\0';
      lower_ascii(s + 2);
      if (!code[0]) continue; /* a pattern that codes nothing */
      vd_code_index(lx, code);
      for (int i = 0; i < r.n_verbs; i++)
        vd_emit(&r, &r.verbs[i], code, rcode, s + 2, 0);
      continue;
    }
    if (strchr(s, '=') == NULL) {
      char code[8];
      vd_code(s, code);
      if (code[0]) vd_code_index(lx, code);
      if (r.block_code[0]) vd_code_index(lx, r.block_code);
      vd_verb_line(&r, s);
    }
  }
  fclose(f);
  for (size_t i = 0; i < r.n_syn; i++) {
    for (size_t k = 0; k < r.syn[i].n; k++) free(r.syn[i].members[k]);
    free(r.syn[i].members);
    free(r.syn[i].name);
  }
  free(r.syn);
  index_patterns(lx, first_lemma);
  if (r.skipped)
    td__diag(diag, TD_SEV_WARNING, path, 0,
             "%zu patterns not read (unknown synset, no verb, too long)",
             r.skipped);
  if (n_patterns) *n_patterns = r.added;
  return 0;
}
