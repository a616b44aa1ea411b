/*
 * segment.c - Stage 3: paragraphs, sentences and tokens.
 *
 * Reads doc->text (normalized by td_normalize) and doc->dateline; fills
 * doc->paras, doc->sents, doc->toks and doc->n_words. All spans are byte
 * offsets into doc->text.
 *
 * Paragraphs end at blank lines, and at single newlines between lines that
 * do not wrap into each other: a long line (written unwrapped), a next line
 * that is indented (Reuters style), or a line much shorter than the text's
 * wrap width that ends like a sentence.
 *
 * Tokens come from one left-to-right scan per paragraph driven by a
 * 256-entry character class table; words absorb inner apostrophes and
 * hyphens, numbers absorb , . : between digits (1,750 2.27 10:32), dotted
 * letter sequences (U.S., a.m.) and known abbreviations (Feb., Gen., from
 * data/abbreviations.txt) keep their period. Sentences are then cut over
 * the tokens: after . ! ? (plus any closing quotes or brackets) when the
 * next token opens a sentence (a capital, a number, an opening quote or
 * bracket); after a may-end abbreviation, an initial or an ellipsis only
 * when the next word is a usual sentence opener
 * (data/sentence_starters.txt); never after a title abbreviation (Mr.,
 * Gen., No.). A run-together "Ukraine.Blinken" is cut at the period (but
 * not "EY4096.3" or a glued "?" in a URL); a byline glued to a dotted
 * acronym ("Deng XianlaiU.S. Secretary") is cut off as a sentence of its
 * own, and so is the dateline found by td_dateline_parse.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

/* ---- Character classes ------------------------------------------------ */

enum {
  C_OTHER = 0, /* symbols: $ % & / + * ... */
  C_SPACE,     /* space, tab, CR, FF, VT */
  C_NL,        /* newline */
  C_UPPER,
  C_LOWER,
  C_DIGIT,
  C_PUNCT, /* , ; : ( ) [ ] { } - */
  C_STOP,  /* . ! ? */
  C_QUOTE, /* " ' ` */
  C_HIGH   /* a byte of a multi-byte UTF-8 sequence */
};

static uint8_t cclass[256];
static void init_classes(void) {
  for (int c = 0; c < 256; c++) {
    uint8_t k = C_OTHER;
    if (c >= 'A' && c <= 'Z')
      k = C_UPPER;
    else if (c >= 'a' && c <= 'z')
      k = C_LOWER;
    else if (c >= '0' && c <= '9')
      k = C_DIGIT;
    else if (c >= 0x80)
      k = C_HIGH;
    cclass[c] = k;
  }
  cclass[' '] = cclass['\t'] = cclass['\r'] = cclass['\f'] = cclass['\v'] =
      C_SPACE;
  cclass['\n'] = C_NL;
  const char *punct = ",;:()[]{}-";
  for (const char *p = punct; *p; p++) cclass[(unsigned char)*p] = C_PUNCT;
  cclass['.'] = cclass['!'] = cclass['?'] = C_STOP;
  cclass['"'] = cclass['\''] = cclass['`'] = C_QUOTE;
}

#define CLS(c) (cclass[(unsigned char)(c)])
#define IS_ALPHA(k) ((k) == C_UPPER || (k) == C_LOWER)
#define IS_ALNUM(k) ((k) == C_UPPER || (k) == C_LOWER || (k) == C_DIGIT)

/* ---- The word lists (abbreviations, sentence openers) ------------------ */

enum {
  W_ABBR_ANY = 1,   /* abbreviation that may end a sentence */
  W_ABBR_TITLE = 2, /* abbreviation that never ends a sentence */
  W_ABBR_CAP = 4,   /* abbreviation matches only with a capital first letter */
  W_STARTER = 8     /* usual sentence opener */
};

#define LEX_SLOTS 4096 /* power of two, well above the entries loaded */
typedef struct lex_entry {
  char word[24]; /* lower case, NUL-terminated; "" marks an empty slot */
  uint8_t len;
  uint8_t bits;
} lex_entry;
static lex_entry lex[LEX_SLOTS];
static size_t lex_count;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static void lex_add(const char *w, size_t n, uint8_t bits) {
  if (n == 0 || n >= sizeof lex[0].word || lex_count >= LEX_SLOTS / 2) return;
  uint32_t i = td__hash_lower(w, n) & (LEX_SLOTS - 1);
  while (lex[i].len) {
    if (lex[i].len == n && td__ieq(lex[i].word, w, n)) {
      lex[i].bits |= bits;
      return;
    }
    i = (i + 1) & (LEX_SLOTS - 1);
  }
  for (size_t k = 0; k < n; k++)
    lex[i].word[k] = (char)td__lower((unsigned char)w[k]);
  lex[i].len = (uint8_t)n;
  lex[i].bits = bits;
  lex_count++;
}

static uint8_t lex_bits(const char *w, size_t n) {
  if (n == 0 || n >= sizeof lex[0].word) return 0;
  uint32_t i = td__hash_lower(w, n) & (LEX_SLOTS - 1);
  while (lex[i].len) {
    if (lex[i].len == n && td__ieq(lex[i].word, w, n)) return lex[i].bits;
    i = (i + 1) & (LEX_SLOTS - 1);
  }
  return 0;
}

/* Read "WORD [CLASS]" lines of a data file; starters has no CLASS. */
static void load_list(const char *name, int starters) {
  td__lines lr;
  td_error err = {0};
  if (td__lines_open(&lr, NULL, name, &err) != 0) {
    fprintf(stderr, "tidings: %s: %s; sentence splitting degraded\n", err.file,
            err.msg);
    td__lines_close(&lr);
    return;
  }
  char *line;
  while ((line = td__lines_next(&lr)) != NULL) {
    if (td__blank_or_comment(line)) continue;
    char *p = line;
    while (td__is_space((unsigned char)*p)) p++;
    char *w = p;
    while (*p && !td__is_space((unsigned char)*p)) p++;
    size_t wn = (size_t)(p - w);
    while (td__is_space((unsigned char)*p)) p++;
    char *cls = p;
    while (*p && !td__is_space((unsigned char)*p)) p++;
    *p = '\0';
    uint8_t bits;
    if (starters) {
      bits = W_STARTER;
    } else if (strcmp(cls, "title") == 0) {
      bits = W_ABBR_TITLE;
    } else if (strcmp(cls, "any") == 0) {
      bits = W_ABBR_ANY;
    } else {
      fprintf(stderr, "%s:%ld: unknown class \"%s\" (title or any)\n", lr.path,
              lr.line, cls);
      continue;
    }
    if (!starters && td__is_upper((unsigned char)w[0])) bits |= W_ABBR_CAP;
    lex_add(w, wn, bits);
  }
  td__lines_close(&lr);
}

static void lex_load(void) {
  init_classes();
  load_list("abbreviations.txt", 0);
  load_list("sentence_starters.txt", 1);
}

/* Abbreviation class bits of the word at s (len n), or 0. */
static uint8_t abbrev_bits(const char *s, size_t n) {
  uint8_t b = lex_bits(s, n);
  if (!(b & (W_ABBR_ANY | W_ABBR_TITLE))) return 0;
  if ((b & W_ABBR_CAP) && !td__is_upper((unsigned char)s[0])) return 0;
  return b & (W_ABBR_ANY | W_ABBR_TITLE);
}

/* ---- Non-ASCII characters ---------------------------------------------- */

/* Decode the UTF-8 character at s (at most n bytes); returns its length
 * (1 for an invalid byte, which is then taken as a letter) and sets *cp. */
static size_t decode(const char *s, size_t n, utf8proc_int32_t *cp) {
  utf8proc_ssize_t r =
      utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cp);
  if (r <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  return (size_t)r;
}

/* The class of a non-ASCII character, for the text the normalizer left. */
static uint8_t high_class(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
      return C_QUOTE;
    case 0x2026:
      return C_STOP;
    default:
      break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
      return C_UPPER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
      return C_LOWER;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CF:
      return C_SPACE;
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO:
      return C_PUNCT;
    default:
      return C_OTHER;
  }
}

/* Class of the character at t[i] (end e) and its length in bytes. */
static inline uint8_t char_at(const char *t, size_t i, size_t e, size_t *len) {
  uint8_t k = CLS(t[i]);
  if (k != C_HIGH) {
    *len = 1;
    return k;
  }
  utf8proc_int32_t cp;
  *len = decode(t + i, e - i, &cp);
  return high_class(cp);
}

/* ---- Segmentation state ------------------------------------------------ */

/* Internal token bits, cleared before td_segment returns. */
enum {
  TOKF_NOSPLIT = 1 << 13, /* title abbreviation or initial */
  TOKF_GLUED = 1 << 14,   /* byline glued to this token: cut before it */
  TOKF_OPENQ = 1 << 15,   /* an opening quote */
  TOKF_INNERDOT = 1 << 12 /* a word with inner periods (Ph.D.) */
};

typedef struct seg {
  td_doc *doc;
  size_t cap_p, cap_s, cap_t;
} seg;

static void push_tok(seg *sg, uint32_t s, uint32_t e, uint16_t kind,
                     uint16_t flags) {
  td_doc *d = sg->doc;
  if (d->n_toks == sg->cap_t) {
    sg->cap_t = sg->cap_t ? sg->cap_t * 2 : 256;
    d->toks = td_xrealloc(d->toks, sg->cap_t * sizeof *d->toks);
  }
  d->toks[d->n_toks++] = (td_token){s, e, kind, flags};
  if (kind == TD_TOK_WORD || kind == TD_TOK_NUMBER) d->n_words++;
}

static void push_sent(seg *sg, uint32_t tf, uint32_t te) {
  td_doc *d = sg->doc;
  if (tf >= te) return;
  if (d->n_sents == sg->cap_s) {
    sg->cap_s = sg->cap_s ? sg->cap_s * 2 : 64;
    d->sents = td_xrealloc(d->sents, sg->cap_s * sizeof *d->sents);
  }
  d->toks[tf].flags |= TD_TOKF_SENT_START;
  d->sents[d->n_sents++] = (td_sentence){d->toks[tf].start, d->toks[te - 1].end,
                                         (uint32_t)d->n_paras, tf, te};
}

/* Case flags of a word token [s, e). */
static uint16_t case_flags(const char *t, size_t s, size_t e) {
  size_t len;
  uint8_t k0 = char_at(t, s, e, &len);
  uint16_t f = 0;
  if (k0 == C_UPPER) f |= TD_TOKF_CAP;
  int letters = 0, lower = 0;
  for (size_t i = s; i < e;) {
    if (t[i] == '\'') break; /* NATO's is all capitals */
    uint8_t k = char_at(t, i, e, &len);
    if (k == C_UPPER) letters++;
    if (k == C_LOWER) letters++, lower++;
    i += len;
  }
  if (letters >= 2 && lower == 0) f |= TD_TOKF_ALLCAPS;
  return f;
}

/* The end of the word whose letters or digits run from before j (the last
 * of class prev) up to pe: letters and digits, inner apostrophes and
 * hyphens (HYPHEN set in *flags), dots between lower-case letters
 * (tass.com); stops before a capital glued to a dotted acronym
 * ("XianlaiU.S."). */
static size_t scan_word(const char *t, size_t j, size_t pe, uint8_t prev,
                        uint16_t *flags) {
  /* Case flags on the way: letters and lower-case letters before any
   * apostrophe (NATO's is all capitals). */
  int upper = prev == C_UPPER, lower = prev == C_LOWER, counting = 1;
  if (prev == C_UPPER) *flags |= TD_TOKF_CAP;
  for (;;) {
    while (j < pe) {
      size_t l = 1;
      uint8_t kk = CLS(t[j]);
      if (kk == C_LOWER) {
        /* the common case: a run of ASCII lower-case letters */
        size_t j0 = j;
        do j++;
        while (j < pe && CLS(t[j]) == C_LOWER);
        lower += counting * (int)(j - j0);
        prev = C_LOWER;
        continue;
      }
      if (kk == C_HIGH) kk = char_at(t, j, pe, &l);
      if (!IS_ALNUM(kk)) break;
      if (kk == C_UPPER && prev == C_LOWER && j + 3 < pe && t[j + 1] == '.' &&
          IS_ALPHA(CLS(t[j + 2])) && t[j + 3] == '.')
        goto done;
      upper += counting & (kk == C_UPPER);
      lower += counting & (kk == C_LOWER);
      prev = kk;
      j += l;
    }
    if (j + 1 < pe) {
      unsigned char n0 = (unsigned char)t[j];
      uint8_t k1 = CLS(t[j + 1]);
      if ((n0 == '\'' || n0 == '-') &&
          (IS_ALPHA(k1) || k1 == C_HIGH || (n0 == '-' && k1 == C_DIGIT))) {
        if (n0 == '-') *flags |= TD_TOKF_HYPHEN;
        if (n0 == '\'') counting = 0;
        j++;
        continue;
      }
      /* Right single quote as an apostrophe (text not normalized). */
      if (n0 == 0xE2 && j + 3 < pe && (unsigned char)t[j + 1] == 0x80 &&
          (unsigned char)t[j + 2] == 0x99 && IS_ALPHA(CLS(t[j + 3]))) {
        counting = 0;
        j += 3;
        continue;
      }
      /* Ph.D.: a dot, one letter, a dot */
      if (n0 == '.' && IS_ALPHA(k1) && j + 2 < pe && t[j + 2] == '.') {
        *flags |= TOKF_INNERDOT;
        j += 2;
        prev = k1;
        continue;
      }
      /* tass.com, example-wire.test: a dot between lower-case words */
      if (n0 == '.' && k1 == C_LOWER && prev == C_LOWER) {
        j++;
        continue;
      }
    }
    break;
  }
done:
  if (upper + lower >= 2 && lower == 0) *flags |= TD_TOKF_ALLCAPS;
  return j;
}

/* Tokenize the paragraph [ps, pe). */
static void tokenize(seg *sg, size_t ps, size_t pe) {
  const char *t = sg->doc->text;
  size_t i = ps;
  while (i < pe) {
    unsigned char c = (unsigned char)t[i];
    uint8_t k = CLS(c);
    if (k == C_SPACE || k == C_NL) {
      i++;
      continue;
    }
    size_t clen = 1;
    if (k == C_HIGH) k = char_at(t, i, pe, &clen);
    size_t s = i;
    if (k == C_SPACE) {
      i += clen;
      continue;
    }
    if (IS_ALPHA(k)) {
      /* Dotted letters: U.S., a.m., U.S.A., e.g. */
      if (c < 0x80 && i + 3 < pe && t[i + 1] == '.' &&
          IS_ALPHA(CLS(t[i + 2])) && t[i + 3] == '.') {
        size_t j = i;
        while (j + 1 < pe && IS_ALPHA(CLS(t[j])) && t[j + 1] == '.') j += 2;
        uint16_t f = (uint16_t)(case_flags(t, i, j) | TD_TOKF_ABBREV);
        if (s > ps && CLS(t[s - 1]) == C_LOWER) f |= TOKF_GLUED;
        if (j + 1 < pe && t[j] == '-' && IS_ALPHA(CLS(t[j + 1]))) {
          /* U.S.-led: one hyphenated word, the period no longer final */
          f = (uint16_t)((f & ~TD_TOKF_ABBREV) | TD_TOKF_HYPHEN);
          j = scan_word(t, j + 2, pe, CLS(t[j + 1]), &f);
          f &= (uint16_t)~TD_TOKF_ALLCAPS;
        }
        push_tok(sg, (uint32_t)i, (uint32_t)j, TD_TOK_WORD, f);
        i = j;
        continue;
      }
      uint16_t flags = 0;
      size_t j = scan_word(t, i + clen, pe, k, &flags);
      if (j < pe && t[j] == '.') {
        size_t wl = j - s;
        uint8_t ab = 0;
        if (flags & TOKF_INNERDOT)
          ab = W_ABBR_ANY;
        else if (wl == 1 && td__is_upper(c))
          /* An initial (Antony J. Blinken) ends a sentence only before a
           * usual opener ("Malcolm X. The film"). */
          ab = W_ABBR_ANY;
        else if (wl < 24)
          ab = abbrev_bits(t + s, wl);
        if (ab) {
          j++;
          flags |= TD_TOKF_ABBREV;
          if (ab & W_ABBR_TITLE) flags |= TOKF_NOSPLIT;
        }
      }
      push_tok(sg, (uint32_t)s, (uint32_t)j, TD_TOK_WORD, flags);
      i = j;
      continue;
    }
    if (k == C_DIGIT) {
      size_t j = i + clen;
      for (;;) {
        while (j < pe && CLS(t[j]) == C_DIGIT) j++;
        if (j + 1 < pe && (t[j] == ',' || t[j] == '.' || t[j] == ':') &&
            CLS(t[j + 1]) == C_DIGIT) {
          j++;
          continue;
        }
        break;
      }
      uint16_t kind = TD_TOK_NUMBER, nflags = 0;
      if (j < pe && (IS_ALPHA(CLS(t[j])) || CLS(t[j]) == C_HIGH)) {
        /* 2nd, 1980s, 10am: a word */
        kind = TD_TOK_WORD;
        j = scan_word(t, j, pe, C_DIGIT, &nflags);
      }
      push_tok(sg, (uint32_t)s, (uint32_t)j, kind, nflags);
      i = j;
      continue;
    }
    if (k == C_STOP && c == '.' && i + 2 < pe && t[i + 1] == '.' &&
        t[i + 2] == '.') {
      size_t j = i;
      while (j < pe && t[j] == '.') j++;
      push_tok(sg, (uint32_t)s, (uint32_t)j, TD_TOK_PUNCT, 0);
      i = j;
      continue;
    }
    if (k == C_PUNCT && c == '-') {
      size_t j = i;
      while (j < pe && t[j] == '-') j++;
      push_tok(sg, (uint32_t)s, (uint32_t)j, TD_TOK_PUNCT, 0);
      i = j;
      continue;
    }
    if (k == C_QUOTE) {
      /* Opening when it follows a space, an opening bracket or the
       * paragraph start, and precedes something that is not a space. */
      uint16_t f = 0;
      int before_open = (s == ps) || td__is_space((unsigned char)t[s - 1]) ||
                        t[s - 1] == '(' || t[s - 1] == '[' || t[s - 1] == '"' ||
                        t[s - 1] == '\'';
      int after_text =
          s + clen < pe && !td__is_space((unsigned char)t[s + clen]);
      if (c >= 0x80) {
        utf8proc_int32_t cp;
        decode(t + s, pe - s, &cp);
        if (cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x201E)
          before_open = after_text = 1;
        else if (cp == 0x201D || cp == 0x2019 || cp == 0x00BB)
          before_open = 0;
      }
      if (before_open && after_text) f = TOKF_OPENQ;
      push_tok(sg, (uint32_t)s, (uint32_t)(i + clen), TD_TOK_PUNCT, f);
      i += clen;
      continue;
    }
    push_tok(sg, (uint32_t)s, (uint32_t)(i + clen),
             (k == C_PUNCT || k == C_STOP) ? TD_TOK_PUNCT : TD_TOK_SYMBOL, 0);
    i += clen;
  }
}

/* Whether token k opens a sentence: a capital, a digit, or an opening
 * quote or bracket before one. */
static int opens_sentence(const td_doc *d, size_t k, size_t te) {
  const char *t = d->text;
  for (; k < te; k++) {
    const td_token *tk = &d->toks[k];
    if (tk->flags & TD_TOKF_CAP) return 1;
    if (tk->kind == TD_TOK_NUMBER) return 1;
    unsigned char c = (unsigned char)t[tk->start];
    if ((tk->flags & TOKF_OPENQ) || c == '(' || c == '[') continue;
    return 0;
  }
  return 0;
}

/* Whether token k (after opening quotes) is a usual sentence opener. */
static int starter_word(const td_doc *d, size_t k, size_t te) {
  for (; k < te; k++) {
    const td_token *tk = &d->toks[k];
    if (tk->flags & TOKF_OPENQ) continue;
    if (!(tk->flags & TD_TOKF_CAP)) return 0;
    uint8_t b = lex_bits(d->text + tk->start, tk->end - tk->start);
    return (b & W_STARTER) != 0;
  }
  return 0;
}

/* Cut the tokens [tf, te) of the current paragraph into sentences. */
static void split_sentences(seg *sg, size_t tf, size_t te, uint32_t dl_end) {
  td_doc *d = sg->doc;
  const char *t = d->text;
  size_t first = tf;
  for (size_t k = tf; k < te; k++) {
    td_token *tk = &d->toks[k];
    /* The dateline is a sentence of its own. */
    if (dl_end && tk->end <= dl_end && k + 1 < te &&
        d->toks[k + 1].start >= dl_end) {
      push_sent(sg, (uint32_t)first, (uint32_t)k + 1);
      first = k + 1;
      continue;
    }
    if ((tk->flags & TOKF_GLUED) && k > first) {
      push_sent(sg, (uint32_t)first, (uint32_t)k);
      first = k;
    }
    /* Most tokens are plain words: nothing to decide. */
    if (tk->kind != TD_TOK_PUNCT && !(tk->flags & TD_TOKF_ABBREV)) continue;
    int cut = 0;
    unsigned char c = (unsigned char)t[tk->start];
    size_t len = tk->end - tk->start;
    int ellipsis =
        (c == '.' && len >= 3) ||
        (c == 0xE2 && len == 3 && (unsigned char)t[tk->start + 2] == 0xA6);
    int stop = tk->kind == TD_TOK_PUNCT &&
               ((len == 1 && (c == '.' || c == '!' || c == '?')) || ellipsis);
    int abbrev = (tk->flags & TD_TOKF_ABBREV) && !(tk->flags & TOKF_NOSPLIT);
    if (!stop && !abbrev) continue;
    /* Absorb closing quotes and brackets. */
    size_t m = k + 1;
    while (m < te) {
      const td_token *n = &d->toks[m];
      unsigned char nc = (unsigned char)t[n->start];
      size_t nl = n->end - n->start;
      int closer = n->kind == TD_TOK_PUNCT && !(n->flags & TOKF_OPENQ) &&
                   (CLS(nc) == C_QUOTE || nc == ')' || nc == ']' ||
                    (nc == 0xE2 && nl == 3 &&
                     ((unsigned char)t[n->start + 2] == 0x9D ||
                      (unsigned char)t[n->start + 2] == 0x99)));
      /* A further ! or ? ("?!") belongs to the same end. */
      int more = n->kind == TD_TOK_PUNCT && n->end - n->start == 1 &&
                 (nc == '!' || nc == '?' || nc == '.');
      if (!closer && !more) break;
      m++;
    }
    if (m >= te) break; /* the paragraph ends the sentence */
    /* Text glued to the end mark: "Ukraine.Blinken" is two sentences, but
     * "EY4096.3", "news.asp?ArticleID" and "Yahoo!Mail" are not. */
    int glued = d->toks[m].start == d->toks[m - 1].end;
    if (stop && !ellipsis && glued &&
        (c != '.' || d->toks[m].kind == TD_TOK_NUMBER))
      cut = 0;
    else if (stop && !ellipsis)
      cut = opens_sentence(d, m, te);
    else
      cut = starter_word(d, m, te);
    if (cut) {
      push_sent(sg, (uint32_t)first, (uint32_t)m);
      first = m;
      k = m - 1;
    }
  }
  push_sent(sg, (uint32_t)first, (uint32_t)te);
}

static void add_paragraph(seg *sg, size_t ps, size_t pe, uint32_t dl_end) {
  const char *t = sg->doc->text;
  while (ps < pe && td__is_space((unsigned char)t[ps])) ps++;
  while (pe > ps && td__is_space((unsigned char)t[pe - 1])) pe--;
  if (ps >= pe) return;
  td_doc *d = sg->doc;
  size_t tf = d->n_toks;
  tokenize(sg, ps, pe);
  if (d->n_toks == tf) return;
  size_t sf = d->n_sents;
  split_sentences(sg, tf, d->n_toks, (dl_end > ps && dl_end < pe) ? dl_end : 0);
  if (d->n_paras == sg->cap_p) {
    sg->cap_p = sg->cap_p ? sg->cap_p * 2 : 16;
    d->paras = td_xrealloc(d->paras, sg->cap_p * sizeof *d->paras);
  }
  d->paras[d->n_paras++] = (td_paragraph){(uint32_t)ps, (uint32_t)pe,
                                          (uint32_t)sf, (uint32_t)d->n_sents};
}

/* Lines longer than this were not hard-wrapped. */
#define UNWRAPPED_LINE 120

/* The wrap width of hard-wrapped text: its longest line; 0 when some
 * line is longer than UNWRAPPED_LINE (the text is not hard-wrapped). */
static size_t wrap_width(const char *t, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(t + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - t) : n;
    size_t l = e - i;
    if (l > UNWRAPPED_LINE) return 0;
    if (l > w) w = l;
    i = e + 1;
  }
  return w;
}

/* Whether the single newline at nl (line [ls, nl)) ends a paragraph. */
static int line_breaks(const char *t, size_t n, size_t ls, size_t nl,
                       size_t width) {
  size_t le = nl;
  while (le > ls && td__is_space((unsigned char)t[le - 1])) le--;
  size_t l = le - ls;
  if (l == 0) return 1;
  /* Text that has unwrapped lines has one paragraph per line. */
  if (width == 0 || nl - ls > UNWRAPPED_LINE) return 1;
  size_t next = nl + 1;
  if (next < n && (t[next] == '\t' ||
                   (t[next] == ' ' && next + 1 < n && t[next + 1] == ' ')))
    return 1;
  unsigned char last = (unsigned char)t[le - 1];
  if (l * 10 < width * 6 && (last == '.' || last == '!' || last == '?' ||
                             last == '"' || last == ':' || last == '\''))
    return 1;
  /* A short line without final punctuation (a title, a stamp, a byline)
   * followed by a capitalised line. */
  if (l * 10 < width * 5 && !(last == ',' || last == '-') && next < n &&
      td__is_upper((unsigned char)t[next]) && width >= 40)
    return 1;
  return 0;
}

void td_segment(td_doc *doc) {
  pthread_once(&lex_once, lex_load);
  free(doc->paras);
  free(doc->sents);
  free(doc->toks);
  doc->paras = NULL;
  doc->sents = NULL;
  doc->toks = NULL;
  doc->n_paras = doc->n_sents = doc->n_toks = doc->n_words = 0;
  const char *t = doc->text;
  size_t n = doc->text_len;
  if (t == NULL || n == 0) return;
  seg sg = {doc, 0, 0, 0};
  /* Tokens are rarely more than one per 4 bytes of news text. */
  sg.cap_t = n / 4 + 16;
  doc->toks = td_xmalloc(sg.cap_t * sizeof *doc->toks);
  uint32_t dl_end =
      doc->dateline.end > doc->dateline.start && doc->dateline.end <= n
          ? doc->dateline.end
          : 0;
  size_t width = wrap_width(t, n);
  size_t ps = 0, ls = 0;
  while (ls < n) {
    const char *nlp = memchr(t + ls, '\n', n - ls);
    if (nlp == NULL) break;
    size_t nl = (size_t)(nlp - t);
    /* A blank line (only spaces) or a non-wrapping line ends a paragraph. */
    size_t q = nl + 1;
    while (q < n && (t[q] == ' ' || t[q] == '\t' || t[q] == '\r')) q++;
    int blank_next = q >= n || t[q] == '\n';
    if (blank_next || line_breaks(t, n, ls, nl, width)) {
      add_paragraph(&sg, ps, nl, dl_end);
      ps = nl + 1;
    }
    ls = nl + 1;
  }
  add_paragraph(&sg, ps, n, dl_end);
  for (size_t k = 0; k < doc->n_toks; k++)
    doc->toks[k].flags &=
        (uint16_t) ~(TOKF_NOSPLIT | TOKF_GLUED | TOKF_OPENQ | TOKF_INNERDOT);
}
