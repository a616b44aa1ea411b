/*
 * timex.c - the time-expression stage (annotate, first step).
 *
 * Reads a segmented document (doc->sents, doc->toks, byte offsets into
 * doc->text) and its date (doc->date, the document creation time, DCT) and
 * produces doc->timexes: every temporal expression found, typed (DATE, TIME,
 * DURATION, SET) and normalized the TimeML (TIMEX3) way - 2022-01-31,
 * 2022-W05, 2022-Q1, P3D, PRESENT_REF... - plus the calendar date an event
 * governed by it takes.
 *
 * How: each token is cut into atoms (letter runs, digit runs, single
 * punctuation), so "mid-February", "10:32" and "1/26/2022" read the same
 * whatever the tokenizer did with hyphens and slashes. Letter atoms are
 * looked up once in a small hash of the words of data/timex-*.txt; the hot
 * path is that lookup plus one class test, since most words are not
 * temporal. At an atom that can start an expression a hand-written matcher
 * tries the patterns in order, longest first, and resolves the value:
 * against the DCT for deictic forms ("yesterday", "last week", weekdays,
 * month-days without a year), against the anchor - the last day the text
 * mentioned - for anaphoric ones ("the next day", "earlier in the day").
 * The tense of the sentence (cue words and -ed verbs nearest the
 * expression, the governing verb before it first) decides the direction of
 * weekdays and breaks ties of year-less dates and named quarters; a
 * deadline ("until Tuesday") looks ahead, and an attribution after a
 * closing quote is not the clause's tense. Earnings stories are read with
 * the quarter they report - the first one named that is over by the DCT,
 * unless the sentence names its own ("a year ago", "the same period last
 * year" = that quarter a year before; "the latest quarter" is never one
 * still ahead) - and "that year", "the entire year" with the last point
 * named.
 *
 * Each sentence is tagged line by line (a headline or a date line run into
 * the next line never makes one expression with it). Work is linear in the
 * text: a table lookup per word, a bounded look-around per candidate.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- Lexicon: the words of data/timex-*.txt ---- */

enum {
  C_NONE = 0,
  C_MONTH,
  C_WEEKDAY,
  C_SEASON,
  C_HOLIDAY,
  C_NUM,
  C_ORD,
  C_UNIT,
  C_UNITS,
  C_SETADJ,
  C_DAYREF,
  C_REF,
  C_SHIFT,
  C_ASHIFT,
  C_AROUND,
  C_AGO,
  C_PART,
  C_MOD,
  C_QUANT,
  C_EVERY,
  C_HALF,
  C_FISCAL,
  C_TENSE,
  C_PREP,
  C_TZ,
  C_LATEST,
  C_TERM,
  C_DECADE,
  C_APPROX,
  C_STRETCH,
  C_PASSIVE,
  C_DET,
  C_COUNT
};
/* Classes that can start an expression: the hot path's one test. */
#define TRIGGER(cls)                                                          \
  ((cls) != C_NONE && (cls) != C_TENSE && (cls) != C_PREP && (cls) != C_TZ && \
   (cls) != C_APPROX && (cls) != C_STRETCH && (cls) != C_PASSIVE && \
   (cls) != C_DET)
static const char *const class_names[C_COUNT] = {
    "",      "MONTH",  "WEEKDAY", "SEASON", "HOLIDAY", "NUM",
    "ORD",   "UNIT",   "UNITS",   "SETADJ", "DAYREF",  "REF",
    "SHIFT", "ASHIFT", "AROUND",  "AGO",    "PART",    "MOD",
    "QUANT", "EVERY",  "HALF",    "FISCAL", "TENSE",   "PREP",
    "TZ",    "LATEST", "TERM",    "DECADE", "APPROX",  "STRETCH",
    "PASSIVE", "DET"};

/* Units, as in data/timex-units.txt. */
enum {
  U_SEC = 1,
  U_MIN,
  U_HOUR,
  U_DAY,
  U_WEEK,
  U_WEEKEND,
  U_MONTH,
  U_QUARTER,
  U_YEAR,
  U_DECADE,
  U_CENTURY,
  U_NIGHT
};

#define LEX_KEY 16
#define LEX_SLOTS 2048 /* power of two, well above the word count */
typedef struct lex_sense {
  uint8_t cls, weak;
  int16_t val;
} lex_sense;
typedef struct lex_entry {
  char key[LEX_KEY];
  lex_sense sense[2];
} lex_entry;

static lex_entry lexicon[LEX_SLOTS];
static int lexicon_ok;
static pthread_once_t lexicon_once = PTHREAD_ONCE_INIT;

static uint32_t hash_word(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static lex_entry *lex_slot(const char *key, size_t n, int insert) {
  uint32_t h = hash_word(key, n) & (LEX_SLOTS - 1);
  for (;;) {
    lex_entry *e = &lexicon[h];
    if (e->key[0] == '\0') {
      if (!insert) return NULL;
      memcpy(e->key, key, n);
      e->key[n] = '\0';
      return e;
    }
    if (strncmp(e->key, key, n) == 0 && e->key[n] == '\0') return e;
    h = (h + 1) & (LEX_SLOTS - 1);
  }
}

static const char *const lexicon_files[] = {
    "timex-calendar.txt", "timex-numbers.txt", "timex-units.txt",
    "timex-words.txt"};

static int load_file(const char *name, size_t *used) {
  td__lines lr;
  td_error err;
  memset(&err, 0, sizeof err);
  if (td__lines_open(&lr, NULL, name, &err) != 0) {
    fprintf(stderr, "tidings: %s: %s; no time expressions tagged\n", err.file,
            err.msg);
    td__lines_close(&lr);
    return -1;
  }
  char *line;
  while ((line = td__lines_entry(&lr)) != NULL) {
    char word[64], cls[32], flag[32];
    int val;
    flag[0] = '\0';
    int k = sscanf(line, "%63s %31s %d %31s", word, cls, &val, flag);
    size_t wl = strlen(word);
    int c = 0;
    for (int i = 1; i < C_COUNT; i++)
      if (k >= 3 && strcmp(cls, class_names[i]) == 0) c = i;
    if (c == 0 || wl >= LEX_KEY || *used >= LEX_SLOTS / 2) {
      fprintf(stderr, "tidings: %s:%ld: bad time-expression entry\n", lr.path,
              lr.line);
      continue;
    }
    for (size_t i = 0; i < wl; i++)
      word[i] = (char)td__lower((unsigned char)word[i]);
    lex_entry *e = lex_slot(word, wl, 1);
    int sn = e->sense[0].cls ? 1 : 0;
    if (e->sense[0].cls == 0) (*used)++;
    if (sn == 1 && e->sense[1].cls) {
      fprintf(stderr, "tidings: %s:%ld: more than two senses of '%s'\n",
              lr.path, lr.line, word);
      continue;
    }
    e->sense[sn].cls = (uint8_t)c;
    e->sense[sn].val = (int16_t)val;
    e->sense[sn].weak = strcmp(flag, "weak") == 0     ? 1
                        : strcmp(flag, "abbrev") == 0 ? 2
                                                      : 0;
  }
  td__lines_close(&lr);
  return 0;
}

static void lexicon_load(void) {
  size_t used = 0;
  int ok = 1;
  for (size_t i = 0; i < sizeof lexicon_files / sizeof lexicon_files[0]; i++)
    if (load_file(lexicon_files[i], &used) != 0) ok = 0;
  lexicon_ok = ok;
}

/* ---- Atoms ---- */

enum { A_WORD = 1, A_NUM, A_PUNCT };

typedef struct atom {
  uint32_t s, e;  /* span in doc->text */
  uint8_t kind;   /* A_* */
  uint8_t cap;    /* first letter upper case */
  uint8_t nd;     /* digits in a number */
  uint8_t ordsuf; /* a number with st/nd/rd/th ("10th") */
  uint8_t sp;     /* whitespace (or a token break) before it */
  char ch;        /* the character of a punctuation atom */
  lex_sense sense[2];
  int32_t num; /* value of a number of at most 9 digits, else -1 */
} atom;

/* Whether the atom is the lower-case word w. */
static int is_w(const char *text, const atom *a, const char *w) {
  size_t n = strlen(w);
  return a->kind == A_WORD && a->e - a->s == n && td__ieq(text + a->s, w, n);
}

static const lex_sense *sense_of(const atom *a, int cls) {
  if (a->sense[0].cls == cls) return &a->sense[0];
  if (a->sense[1].cls == cls) return &a->sense[1];
  return NULL;
}

/* ---- Values ---- */

enum {
  P_NONE = 0,
  P_CENT,
  P_DEC,
  P_YEAR,
  P_HALF,
  P_QUARTER,
  P_SEASON,
  P_MONTH,
  P_WEEK,
  P_WEEKEND,
  P_DAY,
  P_PART,
  P_MIN
};

/* A point value: y < 0 means the year is unknown ("XXXX"). x holds the
 * week, quarter, season, half or part of day, by precision. */
typedef struct tv {
  int prec;
  int y, m, d, h, mi, x;
} tv;

static int64_t tv_days(tv t) {
  return td_days_from_civil(t.y, t.m, t.d);
}
static tv tv_from_days(int64_t z) {
  tv t = {P_DAY, 0, 0, 0, 0, 0, 0};
  td_civil_from_days(z, &t.y, &t.m, &t.d);
  return t;
}

/* ISO 8601 week of a day: *wy the week-year, returns the week 1-53. */
static int iso_week(int64_t z, int *wy) {
  int y, m, d;
  int wd = (int)(((z + 3) % 7 + 7) % 7); /* 0 = Monday */
  int64_t thu = z - wd + 3;
  td_civil_from_days(thu, &y, &m, &d);
  *wy = y;
  return (int)((thu - td_days_from_civil(y, 1, 1)) / 7 + 1);
}

static tv tv_week_of(int64_t z) {
  tv t = {P_WEEK, 0, 0, 0, 0, 0, 0};
  t.x = iso_week(z, &t.y);
  return t;
}

static tv tv_add_months(tv t, int n) {
  int mm = t.y * 12 + (t.m - 1) + n;
  t.y = mm / 12;
  t.m = mm % 12 + 1;
  if (t.d > td_days_in_month(t.y, t.m)) t.d = td_days_in_month(t.y, t.m);
  return t;
}

/* The point `n` units from day t, at the granularity of the unit. */
static tv tv_shift(tv t, int unit, int n) {
  int64_t z = tv_days(t);
  tv r = t;
  switch (unit) {
    case U_SEC:
    case U_MIN:
    case U_HOUR:
    case U_DAY:
    case U_NIGHT:
      r = tv_from_days(z + n);
      break;
    case U_WEEK:
      r = tv_week_of(z + 7 * n);
      break;
    case U_WEEKEND:
      r = tv_week_of(z + 7 * n);
      r.prec = P_WEEKEND;
      break;
    case U_MONTH:
      r = tv_add_months(t, n);
      r.prec = P_MONTH;
      break;
    case U_QUARTER: {
      int q = (t.y * 4 + (t.m - 1) / 3) + n;
      r.y = q / 4;
      r.x = q % 4 + 1;
      r.prec = P_QUARTER;
      break;
    }
    case U_YEAR:
      r.y = t.y + n;
      r.prec = P_YEAR;
      break;
    case U_DECADE:
      r.y = (t.y / 10 + n) * 10;
      r.prec = P_DEC;
      break;
    case U_CENTURY:
      r.y = (t.y / 100 + n) * 100;
      r.prec = P_CENT;
      break;
  }
  return r;
}

/* TimeML's season codes, by SEASON value (1 spring .. 4 winter). */
static const char *const season_codes[] = {"", "SP", "SU", "FA", "WI"};

static void tv_format(tv t, char *buf, size_t n) {
  char y[8];
  if (t.y < 0)
    snprintf(y, sizeof y, "XXXX");
  else
    snprintf(y, sizeof y, "%04d", t.y % 10000);
  static const char *const parts[] = {"", "MO", "AF", "EV", "NI", "", ""};
  switch (t.prec) {
    case P_CENT:
      snprintf(buf, n, "%.2s", y);
      break;
    case P_DEC:
      snprintf(buf, n, "%.3sX", y);
      break;
    case P_YEAR:
      snprintf(buf, n, "%s", y);
      break;
    case P_HALF:
      snprintf(buf, n, "%s-H%d", y, t.x);
      break;
    case P_QUARTER:
      snprintf(buf, n, "%s-Q%d", y, t.x);
      break;
    case P_SEASON:
      snprintf(buf, n, "%s-%s", y, season_codes[t.x & 3 ? t.x : 4]);
      break;
    case P_MONTH:
      snprintf(buf, n, "%s-%02d", y, t.m);
      break;
    case P_WEEK:
      snprintf(buf, n, "%s-W%02d", y, t.x);
      break;
    case P_WEEKEND:
      snprintf(buf, n, "%s-W%02d-WE", y, t.x);
      break;
    case P_DAY:
      if (t.y < 0 && t.m == 0)
        snprintf(buf, n, "XXXX-XX-XX");
      else if (t.m == 0)
        snprintf(buf, n, "%s", y);
      else if (t.d == 0)
        snprintf(buf, n, "%s-%02d", y, t.m);
      else
        snprintf(buf, n, "%s-%02d-%02d", y, t.m, t.d);
      break;
    case P_PART:
      if (t.x == 5)
        snprintf(buf, n, "%s-%02d-%02dT12:00", y, t.m, t.d);
      else if (t.x == 6)
        snprintf(buf, n, "%s-%02d-%02dT24:00", y, t.m, t.d);
      else
        snprintf(buf, n, "%s-%02d-%02dT%s", y, t.m, t.d, parts[t.x]);
      break;
    case P_MIN:
      snprintf(buf, n, "%s-%02d-%02dT%02d:%02d%s", y, t.m, t.d, t.h, t.mi,
               t.x == 1 ? "Z" : "");
      break;
    default:
      snprintf(buf, n, "XXXX");
  }
}

/* ---- The tagging context ---- */

typedef struct expr {
  int a0, a1; /* atoms [a0, a1) */
  int type;   /* td_timex_type */
  int has_tv; /* value is a point (t) rather than the literal lit */
  tv t;
  char lit[24];
  int anchor;        /* a day-precise point that anchors later expressions */
  int flags;         /* TD_TIMEXF_* */
  int names_quarter; /* the text names a quarter ("the third quarter") */
} expr;

typedef struct ctx {
  const char *text;
  atom *at;
  size_t n, cap;
  int have_dct;
  tv dct;    /* day precision when have_dct */
  tv anchor; /* the last day mentioned, else the DCT */
  int have_anchor;
  tv ref; /* the last point the text named, at any precision from a year
             down: "that year", "later that month" refer to it */
  int have_ref;
  uint32_t ref_sent; /* the sentence that named it */
  tv lastq; /* the last quarter the text mentioned: earnings stories date
               "a year ago" and "the quarter" by it */
  int have_lastq;
  uint32_t lastq_sent; /* the sentence that named it */
  tv mainq; /* the first quarter over by the DCT the text named: the one an
               earnings story reports */
  int have_mainq;
  uint32_t stretch_sent; /* the sentence naming a stretch of months after
                            the last quarter ("the nine months", "the first
                            half"), else UINT32_MAX */
  uint32_t cur_sent;     /* the sentence being tagged */
  int running;           /* the line is running text: 1, 0, -1 not known yet */
} ctx;

/* A word that licenses a weak month name after it ("in May"). */
static int is_month_ctx_word(const char *text, const atom *a) {
  (void)text;
  return sense_of(a, C_PREP) || sense_of(a, C_MOD) || sense_of(a, C_SHIFT);
}

/* The quarter "a year ago", "the year-earlier period" compare with: one
 * the same sentence named, else the one the story reports (its first),
 * not a later aside ("after a flat second quarter", "expects a weak
 * fourth quarter"). Needs have_lastq. */
static tv story_quarter(const ctx *c) {
  if (c->lastq_sent == c->cur_sent || !c->have_mainq) return c->lastq;
  return c->mainq;
}

/* The time "a year ago", "the year-earlier period" compare with: the
 * story's quarter, but the year after the text moved on from the quarter
 * to a longer stretch in this sentence or the one before ("For the nine
 * months, net rose from $4 million a year earlier" is the year before).
 * Needs have_lastq. */
static tv story_period(const ctx *c) {
  tv q = story_quarter(c);
  if (c->stretch_sent != UINT32_MAX &&
      (c->stretch_sent == c->cur_sent || c->stretch_sent + 1 == c->cur_sent))
    return (tv){P_YEAR, q.y, 0, 0, 0, 0, 0};
  return q;
}

/* The quarter a story is about: the last one mentioned, else the one
 * before the DCT's. */
static tv quarter_ref(const ctx *c) {
  if (c->have_lastq) return story_quarter(c);
  tv t = {P_QUARTER, c->dct.y, 0, 0, 0, 0, (c->dct.m - 1) / 3};
  if (t.x == 0) {
    t.x = 4;
    t.y--;
  }
  return t;
}

/* "The latest quarter" is one already reported: the story's quarter, but
 * never one it only looks ahead to ("expects a loss in the fourth
 * quarter"), else the last one over by the DCT. */
static tv latest_quarter(const ctx *c) {
  tv q = quarter_ref(c);
  int dq = c->dct.y * 4 + (c->dct.m - 1) / 3; /* the DCT's, 0-based */
  if (q.y * 4 + q.x - 1 >= dq)
    q = (tv){P_QUARTER, (dq - 1) / 4, 0, 0, 0, 0, (dq - 1) % 4 + 1};
  return q;
}

/* The time "that <unit>" refers to: the last point named, if it is at
 * least as precise as the unit, else the anchor day or the DCT. */
static tv that_time(const ctx *c, int u) {
  if (c->have_ref &&
      ((u == U_YEAR && c->ref.prec >= P_YEAR) ||
       (u == U_MONTH && c->ref.prec >= P_MONTH && c->ref.prec != P_WEEK &&
        c->ref.prec != P_WEEKEND)) &&
      c->ref.prec != P_QUARTER && c->ref.prec != P_SEASON &&
      c->ref.prec != P_HALF)
    return c->ref.prec >= P_MONTH ? c->ref
                                  : (tv){P_DAY, c->ref.y, 1, 1, 0, 0, 0};
  return c->have_anchor ? c->anchor : c->dct;
}

/* ---- Atomizing ---- */

static void push_atom(ctx *c, atom a) {
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 256;
    c->at = td_xrealloc(c->at, c->cap * sizeof *c->at);
  }
  c->at[c->n++] = a;
}

static void lookup(const char *text, atom *a) {
  size_t n = a->e - a->s;
  if (n >= LEX_KEY) return;
  char k[LEX_KEY];
  for (size_t i = 0; i < n; i++)
    k[i] = (char)td__lower((unsigned char)text[a->s + i]);
  lex_entry *e = lex_slot(k, n, 0);
  if (e) {
    a->sense[0] = e->sense[0];
    a->sense[1] = e->sense[1];
  }
}

/* Cut tokens [t0, t1) into atoms. */
static void atomize(ctx *c, const td_doc *doc, uint32_t t0, uint32_t t1) {
  const char *t = doc->text;
  c->n = 0;
  c->running = -1;
  uint32_t prev_end = 0;
  for (uint32_t k = t0; k < t1; k++) {
    uint32_t s = doc->toks[k].start, e = doc->toks[k].end;
    if (e > doc->text_len) e = (uint32_t)doc->text_len;
    int first = 1;
    uint32_t i = s;
    while (i < e) {
      unsigned char ch = (unsigned char)t[i];
      atom a;
      memset(&a, 0, sizeof a);
      a.s = i;
      a.sp = first && (c->n == 0 || s > prev_end);
      first = 0;
      if (td__is_digit(ch)) {
        int64_t v = 0;
        while (i < e && td__is_digit((unsigned char)t[i])) {
          if (a.nd < 255) a.nd++;
          if (a.nd <= 9) v = v * 10 + (t[i] - '0');
          i++;
        }
        a.kind = A_NUM;
        a.num = a.nd <= 9 ? (int32_t)v : -1;
        /* 10th, 1st, 22nd, 3rd */
        if (i + 2 <= e && a.nd <= 2 &&
            (td__ieq(t + i, "th", 2) || td__ieq(t + i, "st", 2) ||
             td__ieq(t + i, "nd", 2) || td__ieq(t + i, "rd", 2)) &&
            (i + 2 == e || !td__is_alpha((unsigned char)t[i + 2]))) {
          i += 2;
          a.ordsuf = 1;
        }
      } else if (td__is_alpha(ch) || ch >= 0x80) {
        a.cap = td__is_upper(ch);
        while (i < e && (td__is_alpha((unsigned char)t[i]) ||
                         (unsigned char)t[i] >= 0x80))
          i++;
        a.kind = A_WORD;
        a.num = -1;
      } else {
        a.kind = A_PUNCT;
        a.ch = (char)ch;
        a.num = -1;
        i++;
      }
      a.e = i;
      if (a.kind == A_WORD) lookup(t, &a);
      push_atom(c, a);
    }
    prev_end = e;
  }
}

/* ---- Tense of the sentence around an atom ---- */

static int ends_ed(const char *text, const atom *a) {
  size_t n = a->e - a->s;
  if (n < 5 || a->cap) return 0;
  const char *w = text + a->s;
  if (!(w[n - 2] == 'e' && w[n - 1] == 'd')) return 0;
  /* -eed words (need, proceed) are not past forms */
  return w[n - 3] != 'e';
}

static int punct_at(const ctx *c, int i, char ch) {
  return i < (int)c->n && c->at[i].kind == A_PUNCT && c->at[i].ch == ch;
}
static int word_at(const ctx *c, int i, const char *w) {
  return i < (int)c->n && is_w(c->text, &c->at[i], w);
}

static int cue_at(const ctx *c, int k) {
  const atom *a = &c->at[k];
  if (a->kind != A_WORD) return 0;
  const lex_sense *s = sense_of(a, C_TENSE);
  int v = s ? s->val : 0;
  if (v == 2)
    v = word_at(c, k + 1, "to") &&
                !(k + 2 < (int)c->n && sense_of(&c->at[k + 2], C_DET))
            ? 1
            : 0;
  /* "had been due to": a future seen from the past, which news reports
   * once it is over ("were planning to" may still be ahead) */
  /* "would have gone", "may have left": a modal perfect is a past */
  if (v == 1 && word_at(c, k + 1, "have")) return -1;
  if (v == 1 && k > 0 &&
      (word_at(c, k - 1, "had") ||
       (k > 1 && word_at(c, k - 1, "been") && word_at(c, k - 2, "had"))))
    return -1;
  /* "was expected to", "were planning to": a plan the story reports
   * looks ahead of the DCT like "is expected to" */
  if (v == -1 && (is_w(c->text, a, "was") || is_w(c->text, a, "were")) &&
      k + 1 < (int)c->n && cue_at(c, k + 1) > 0)
    return 1;
  if (!s) {
    if (!ends_ed(c->text, a)) return 0;
    v = -1;
  }
  /* A past form is no cue after a determiner, where it is an adjective
   * ("the reduced dividend is payable"), nor as the participle of a
   * present or infinitive passive ("will be paid", "is held", "should be
   * completed"): the auxiliary before it tells the tense. */
  if (v == -1 && k > 0 &&
      (sense_of(&c->at[k - 1], C_DET) || sense_of(&c->at[k - 1], C_PASSIVE)))
    return 0;
  return v;
}

/* A quote mark at k: " or '' (the corpora's ASCII quotes). */
static int closing_quote(const ctx *c, int k) {
  return c->at[k].kind == A_PUNCT &&
         (c->at[k].ch == '"' ||
          (c->at[k].ch == '\'' && punct_at(c, k + 1, '\'')));
}

/* A cue this few atoms before the expression, or after its first atom,
 * is the verb it modifies ("bought RJR in February", "In January, the
 * company brought in"): tense_at doubles it. */
enum { STRONG_BEFORE = 4, STRONG_AFTER = 4 };

/* -1 past, 1 future, 0 unknown (-2 and 2 when the cue is strong, see
 * STRONG_BEFORE): the tense of the verb governing atom i,
 * taken as the nearest cue before it in the clause (a governing verb
 * usually precedes: "will meet on Monday", "said on Monday"), else the
 * nearest after it ("On Monday, the US handed over"), else any. "as soon
 * as Tuesday" and "as early as Tuesday" look ahead. */
static int tense_at(const ctx *c, int i) {
  /* "Wednesday's ruling" names an event the story reports: the past */
  if (punct_at(c, i + 1, '\'') && word_at(c, i + 2, "s") &&
      !(i > 0 && (word_at(c, i - 1, "next") || word_at(c, i - 1, "this"))))
    return -1;
  if (i >= 3 && word_at(c, i - 1, "as") &&
      (word_at(c, i - 2, "soon") || word_at(c, i - 2, "early")) &&
      word_at(c, i - 3, "as"))
    return 1;
  int lo = i > 10 ? i - 10 : 0;
  /* "ahead of the weekend", "ahead of Friday's vote": ahead */
  for (int k = i - 1; k >= 1 && k >= i - 3; k--) {
    if (word_at(c, k, "of") && word_at(c, k - 1, "ahead")) return 1;
    if (!(word_at(c, k, "the") || word_at(c, k, "of"))) break;
  }
  /* "since Monday", "since shortly after the Oct. 23 attack": behind */
  for (int k = i - 1; k >= 0 && k >= i - 5; k--) {
    if (word_at(c, k, "since")) return -1;
    if (!(word_at(c, k, "shortly") || word_at(c, k, "just") ||
          word_at(c, k, "after") || word_at(c, k, "the") ||
          sense_of(&c->at[k], C_MOD)))
      break;
  }
  /* "postponed until Tuesday", "has given them until 9 a.m. Tuesday",
   * "kept closed until Friday": a deadline is ahead, whatever the verb
   * before it, unless the clause after it says otherwise ("Until
   * Thursday, they had not called him a suspect", "not until Tuesday
   * that he revealed"). "since Monday" is behind. */
  for (int k = i - 1; k >= lo && k >= i - 8; k--) {
    if (word_at(c, k, "until") || word_at(c, k, "till")) {
      int hi = i + 12 < (int)c->n ? i + 12 : (int)c->n;
      for (int j = i + 1; j < hi && !closing_quote(c, j); j++) {
        int v = cue_at(c, j);
        if (v) return v;
      }
      return 1;
    }
    if (c->at[k].kind == A_WORD && !sense_of(&c->at[k], C_TZ) &&
        !(c->at[k].e - c->at[k].s == 1)) /* a.m., p.m. letters pass */
      break;
  }
  for (int k = i - 1; k >= lo; k--) {
    if (c->at[k].kind == A_PUNCT && (c->at[k].ch == ';' || c->at[k].ch == '"'))
      break;
    int v = cue_at(c, k);
    if (v) return i - k <= STRONG_BEFORE ? 2 * v : v;
  }
  int hi = i + 12 < (int)c->n ? i + 12 : (int)c->n;
  for (int k = i + 1; k < hi; k++) {
    /* a closing quote: what follows ("... Thursday,'' Castro said) is
     * the attribution, not this clause */
    if (closing_quote(c, k)) break;
    int v = cue_at(c, k);
    if (v) return k - i <= STRONG_AFTER ? 2 * v : v;
  }
  /* any cue in the sentence, but never a scan of a whole run-on text:
   * tagging stays linear on a megabyte without a full stop */
  int fwd = 1;                     /* not past a closing quote */
  for (int d = 1; d <= 200; d++) { /* the nearest first */
    if (i - d < 0 && (!fwd || i + d >= (int)c->n)) break;
    if (i - d >= 0) {
      int v = cue_at(c, i - d);
      if (v) return v;
    }
    if (fwd && i + d < (int)c->n) {
      if (closing_quote(c, i + d)) {
        fwd = 0;
        continue;
      }
      int v = cue_at(c, i + d);
      if (v) return v;
    }
  }
  /* no verb to go by: "closed until Friday" looks ahead */
  if (i > 0 && (word_at(c, i - 1, "until") || word_at(c, i - 1, "till")))
    return 1;
  return 0;
}

/* ---- Resolution helpers ---- */

/* How many days further a date against the tense counts: a strong cue
 * (the governing verb next to it) outweighs most of a year, a past cue
 * further away only a near tie ("said" may govern another clause), a
 * future one wherever it is ("will be named ... for a mission in
 * December": what "will" governs is ahead). */
static int64_t tense_penalty(int tense) {
  return tense >= 1 || tense <= -2 ? 300 : 120;
}

/* The year that puts month m (day d, 0 for the whole month) nearest the
 * DCT; ties, and near-ties, go the way of the tense. */
static int nearest_year(const ctx *c, int m, int d, int tense) {
  if (!c->have_dct) return -1;
  int y = c->dct.y;
  int64_t z0 = tv_days(c->dct);
  int best = y;
  int64_t bestd = -1;
  for (int yy = y - 1; yy <= y + 1; yy++) {
    int dd = d ? d : 15;
    if (dd > td_days_in_month(yy, m)) dd = td_days_in_month(yy, m);
    int64_t z = td_days_from_civil(yy, m, dd);
    int64_t dist = z > z0 ? z - z0 : z0 - z;
    /* a past-tense sentence leans back, a future one forward */
    if (tense < 0 && z > z0) dist += tense_penalty(tense);
    if (tense > 0 && z < z0) dist += tense_penalty(tense);
    if (!d) { /* a whole month: its own month is this year */
      if (yy == y && m == c->dct.m) dist = 0;
    }
    if (bestd < 0 || dist < bestd) {
      bestd = dist;
      best = yy;
    }
  }
  return best;
}

/* The year that puts the span of n months from month m0 (a quarter, a
 * half) nearest the DCT, counting from its nearer end; against the tense
 * of the sentence it must be much nearer. A span holding the DCT is 0
 * away. */
static int nearest_span_year(const ctx *c, int m0, int n, int tense) {
  int64_t z0 = tv_days(c->dct);
  int best = c->dct.y;
  int64_t bestd = -1;
  for (int yy = c->dct.y - 1; yy <= c->dct.y + 1; yy++) {
    int64_t a = td_days_from_civil(yy, m0, 1);
    int64_t b = td_days_from_civil(m0 + n > 12 ? yy + 1 : yy,
                                   (m0 + n - 1) % 12 + 1, 1) -
                1;
    int64_t dist = z0 < a ? a - z0 : z0 > b ? z0 - b : 0;
    if (tense < 0 && z0 < a) dist += 120;
    if (tense > 0 && z0 > b) dist += 120;
    if (bestd < 0 || dist < bestd) {
      bestd = dist;
      best = yy;
    }
  }
  return best;
}

static tv dct_or_unknown(const ctx *c) {
  if (c->have_dct) return c->dct;
  tv t = {P_DAY, -1, 0, 0, 0, 0, 0};
  return t;
}

/* The day of a bare clock time ("at 10:30", "at noon"): the day the text
 * last named (the story's narrative day, which the gold corpora follow
 * more often than the DCT), else the DCT. */
static tv clock_day(const ctx *c) {
  if (c->have_anchor) return c->anchor;
  return dct_or_unknown(c);
}

/* A number at atom i: digits, number words ("twenty-five"), or "a"/"an"
 * when allow_a. *end gets the atom after it. */
static int number_at(const ctx *c, int i, int allow_a, int *val, int *end) {
  if (i >= (int)c->n) return 0;
  const atom *a = &c->at[i];
  if (a->kind == A_NUM && a->num >= 0 && !a->ordsuf) {
    /* the tail of a larger number ("1,750", "2.5") is no number here */
    if (i >= 2 && !a->sp && c->at[i - 1].kind == A_PUNCT &&
        (c->at[i - 1].ch == ',' || c->at[i - 1].ch == '.') &&
        !c->at[i - 1].sp && c->at[i - 2].kind == A_NUM)
      return 0;
    int k = i + 1;
    int64_t v = a->num;
    /* 1,750: thousands groups */
    while (k + 1 < (int)c->n && punct_at(c, k, ',') && !c->at[k].sp &&
           c->at[k + 1].kind == A_NUM && c->at[k + 1].nd == 3 &&
           !c->at[k + 1].sp && v < 1000000) {
      v = v * 1000 + c->at[k + 1].num;
      k += 2;
    }
    if (k + 1 < (int)c->n && c->at[k].kind == A_PUNCT && c->at[k].ch == '.' &&
        c->at[k + 1].kind == A_NUM && !c->at[k + 1].sp && !c->at[k].sp)
      return 0; /* decimals: 2.5 years is rare; leave it */
    *val = (int)v;
    *end = k;
    return 1;
  }
  if (a->kind != A_WORD) return 0;
  if (allow_a && (is_w(c->text, a, "a") || is_w(c->text, a, "an"))) {
    *val = 1;
    *end = i + 1;
    return 1;
  }
  const lex_sense *s = sense_of(a, C_NUM);
  if (!s) return 0;
  int v = s->val, k = i + 1;
  if (v >= 20 && v < 100 && v % 10 == 0) {
    int j = k;
    if (j < (int)c->n && c->at[j].kind == A_PUNCT && c->at[j].ch == '-') j++;
    if (j < (int)c->n) {
      const lex_sense *u = sense_of(&c->at[j], C_NUM);
      if (u && u->val < 10) {
        v += u->val;
        k = j + 1;
      }
    }
  }
  *val = v;
  *end = k;
  return 1;
}

/* A word between a count and its unit that leaves the stretch as it is
 * (data/timex-words.txt, STRETCH): "two more weeks", "six straight days". */
static int counted_unit_word(const ctx *c, int k) {
  return k < (int)c->n && sense_of(&c->at[k], C_STRETCH) != NULL;
}

/* A unit at atom i: returns the unit, *plural set. */
static int unit_at(const ctx *c, int i, int *plural) {
  if (i >= (int)c->n) return 0;
  const lex_sense *s = sense_of(&c->at[i], C_UNIT);
  if (s) {
    *plural = 0;
    return s->val;
  }
  s = sense_of(&c->at[i], C_UNITS);
  if (s) {
    *plural = 1;
    return s->val;
  }
  return 0;
}

static void duration_lit(char *buf, size_t n, int unit, int count) {
  char num[16];
  if (count < 0)
    snprintf(num, sizeof num, "X");
  else
    snprintf(num, sizeof num, "%d", count);
  switch (unit) {
    case U_SEC:
      snprintf(buf, n, "PT%sS", num);
      break;
    case U_MIN:
      snprintf(buf, n, "PT%sM", num);
      break;
    case U_HOUR:
      snprintf(buf, n, "PT%sH", num);
      break;
    case U_DAY:
    case U_NIGHT:
      snprintf(buf, n, "P%sD", num);
      break;
    case U_WEEK:
      snprintf(buf, n, "P%sW", num);
      break;
    case U_WEEKEND:
      snprintf(buf, n, "P%sWE", num);
      break;
    case U_MONTH:
      snprintf(buf, n, "P%sM", num);
      break;
    case U_QUARTER: /* the TimeML corpora write P2Q, P1Q, PXQ */
      snprintf(buf, n, "P%sQ", num);
      break;
    case U_YEAR:
      snprintf(buf, n, "P%sY", num);
      break;
    case U_DECADE: /* TimeML writes decades and centuries in years; some
                      decades are some years */
      if (count >= 0)
        snprintf(buf, n, "P%dY", count * 10);
      else
        snprintf(buf, n, "PXY");
      break;
    case U_CENTURY:
      if (count >= 0)
        snprintf(buf, n, "P%dY", count * 100);
      else
        snprintf(buf, n, "PXCE");
      break;
    default:
      snprintf(buf, n, "PX");
  }
}

/* n and a half units, written in the next smaller unit TimeML uses
 * (P2Y6M, PT5H30M, PT1M30S); 0 for units without one. */
static int half_duration_lit(char *buf, size_t n, int unit, int count) {
  switch (unit) {
    case U_YEAR:
      snprintf(buf, n, count ? "P%dY6M" : "P6M", count);
      return 1;
    case U_DAY:
      snprintf(buf, n, count ? "P%dDT12H" : "PT12H", count);
      return 1;
    case U_HOUR:
      snprintf(buf, n, count ? "PT%dH30M" : "PT30M", count);
      return 1;
    case U_MIN:
      snprintf(buf, n, count ? "PT%dM30S" : "PT30S", count);
      return 1;
  }
  return 0;
}

static void set_lit(expr *x, int type, const char *lit) {
  x->type = type;
  x->has_tv = 0;
  snprintf(x->lit, sizeof x->lit, "%s", lit);
}
static void set_tv(expr *x, int type, tv t) {
  x->type = type;
  x->has_tv = 1;
  x->t = t;
}

/* A year of four digits at i (1000-2199), not part of a larger number. */
static int year_at(const ctx *c, int i, int *y) {
  if (i >= (int)c->n) return 0;
  const atom *a = &c->at[i];
  if (a->kind != A_NUM || a->nd != 4 || a->ordsuf) return 0;
  if (a->num < 1000 || a->num > 2199) return 0;
  if (i > 0 && !a->sp && c->at[i - 1].kind == A_PUNCT &&
      (c->at[i - 1].ch == '$' || c->at[i - 1].ch == '.' ||
       c->at[i - 1].ch == ','))
    return 0;
  if (i + 1 < (int)c->n && !c->at[i + 1].sp && c->at[i + 1].kind == A_PUNCT &&
      (c->at[i + 1].ch == '%' || c->at[i + 1].ch == ':'))
    return 0;
  if (i + 2 < (int)c->n && !c->at[i + 1].sp && c->at[i + 1].kind == A_PUNCT &&
      (c->at[i + 1].ch == '.' || c->at[i + 1].ch == ',') &&
      c->at[i + 2].kind == A_NUM && !c->at[i + 2].sp)
    return 0;
  *y = a->num;
  return 1;
}

/* A day of month at i (1-31, maybe "10th"). */
static int day_at(const ctx *c, int i, int *d) {
  if (i >= (int)c->n) return 0;
  const atom *a = &c->at[i];
  if (a->kind != A_NUM || a->nd > 2 || a->num < 1 || a->num > 31) return 0;
  /* not a time (10:30) or a decimal */
  if (i + 2 < (int)c->n && c->at[i + 1].kind == A_PUNCT &&
      (c->at[i + 1].ch == ':' || c->at[i + 1].ch == '.') && !c->at[i + 1].sp &&
      c->at[i + 2].kind == A_NUM && !c->at[i + 2].sp)
    return 0;
  *d = a->num;
  return 1;
}

/* A month name at i, its period swallowed; weak names need ok_weak. */
static int month_at(const ctx *c, int i, int ok_weak, int *m, int *end) {
  if (i >= (int)c->n) return 0;
  const atom *a = &c->at[i];
  const lex_sense *s = sense_of(a, C_MONTH);
  if (!s) return 0;
  int k = i + 1;
  int abbrev = 0;
  if (s->weak == 2 && punct_at(c, k, '.') && !c->at[k].sp) {
    k++;
    abbrev = 1;
  }
  if (s->weak && !ok_weak && !abbrev) return 0;
  if (!a->cap) return 0;
  /* "Jan Kavan": an abbreviation without its period needs a number */
  if (s->weak == 2 && !abbrev && ok_weak != 2 &&
      !(k < (int)c->n && c->at[k].kind == A_NUM && c->at[k].nd <= 4))
    return 0;
  *m = s->val;
  *end = k;
  return 1;
}

/* A year in words at i: "nineteen ninety-six", "twenty ten", and with
 * thousands "two thousand [and] [one]" (only where a year is certain:
 * "January 5, two thousand protesters" is a crowd). */
static int spoken_year_at(const ctx *c, int i, int thousands, int *y,
                          int *end) {
  if (i + 1 >= (int)c->n || c->at[i].kind != A_WORD ||
      c->at[i + 1].kind != A_WORD)
    return 0;
  const lex_sense *s = sense_of(&c->at[i], C_NUM);
  int n, e;
  if (!s) return 0;
  if (s->val >= 10 && s->val <= 20 && number_at(c, i + 1, 0, &n, &e) &&
      n >= 10 && n <= 99) {
    *y = s->val * 100 + n;
    *end = e;
    return 1;
  }
  if (thousands && s->val == 2 && word_at(c, i + 1, "thousand")) {
    int k = i + 2;
    *y = 2000;
    if (word_at(c, k, "and")) k++;
    if (k < (int)c->n && c->at[k].kind == A_WORD &&
        number_at(c, k, 0, &n, &e) && n >= 1 && n <= 99) {
      *y += n;
      k = e;
    } else if (word_at(c, i + 2, "and")) {
      k = i + 2;
    }
    *end = k;
    return 1;
  }
  return 0;
}

/* An optional ", YEAR" or " YEAR" at i, in digits or words. */
static int opt_year(const ctx *c, int i, int *y, int *end) {
  int k = i;
  if (punct_at(c, k, ',')) k++;
  if (year_at(c, k, y)) {
    *end = k + 1;
    return 1;
  }
  if (spoken_year_at(c, k, 0, y, end)) return 1;
  /* ", '98" */
  if (punct_at(c, k, '\'') && k + 1 < (int)c->n && c->at[k + 1].kind == A_NUM &&
      c->at[k + 1].nd == 2) {
    int v = c->at[k + 1].num;
    *y = v < 40 ? 2000 + v : 1900 + v;
    *end = k + 2;
    return 1;
  }
  return 0;
}

/* "[of] this year", "last year", "next year" after a date at i. */
static int opt_rel_year(const ctx *c, int i, int *y, int *end) {
  if (word_at(c, i, "of")) i++;
  if (!c->have_dct || i + 1 >= (int)c->n) return 0;
  const lex_sense *s = sense_of(&c->at[i], C_SHIFT);
  int pl;
  if (s && unit_at(c, i + 1, &pl) == U_YEAR && !pl) {
    *y = c->dct.y + (s->val < 0 ? -1 : s->val > 0 ? 1 : 0);
    *end = i + 2;
    return 1;
  }
  return 0;
}

static int part_at(const ctx *c, int i);

/* A clock time at i: "10:32", "3 p.m.", "10:30 a.m. EST". */
static int time_at(const ctx *c, int i, int *h, int *mi, int *zulu, int *end) {
  if (i >= (int)c->n) return 0;
  const atom *a = &c->at[i];
  if (a->kind != A_NUM || a->nd > 2 || a->num > 24) return 0;
  int hh = a->num, mm = 0, k = i + 1, colon = 0;
  int dot = 0;
  if ((punct_at(c, k, ':') || (dot = punct_at(c, k, '.'))) && !c->at[k].sp &&
      k + 1 < (int)c->n && c->at[k + 1].kind == A_NUM && c->at[k + 1].nd == 2 &&
      !c->at[k + 1].sp) {
    mm = c->at[k + 1].num;
    if (mm > 59) return 0;
    k += 2;
    colon = 1;
  }
  /* a.m. / p.m. / am / pm */
  int ampm = 0;
  if (k < (int)c->n && c->at[k].kind == A_WORD) {
    const atom *w = &c->at[k];
    size_t n = w->e - w->s;
    const char *p = c->text + w->s;
    if (n == 2 && (td__ieq(p, "am", 2) || td__ieq(p, "pm", 2))) {
      ampm = td__lower((unsigned char)p[0]) == 'p' ? 2 : 1;
      k++;
    } else if (n == 1 &&
               (td__lower((unsigned char)p[0]) == 'a' ||
                td__lower((unsigned char)p[0]) == 'p') &&
               punct_at(c, k + 1, '.') && word_at(c, k + 2, "m")) {
      ampm = td__lower((unsigned char)p[0]) == 'p' ? 2 : 1;
      k += 3;
      if (punct_at(c, k, '.') && !c->at[k].sp) k++;
    }
  }
  /* "at 4 in the morning", "by 11 at night" */
  if (!colon && !ampm && hh >= 1 && hh <= 12 && i > 0 &&
      (word_at(c, i - 1, "at") || word_at(c, i - 1, "by") ||
       word_at(c, i - 1, "until") || word_at(c, i - 1, "before") ||
       word_at(c, i - 1, "after") || word_at(c, i - 1, "around") ||
       word_at(c, i - 1, "about") || word_at(c, i - 1, "since"))) {
    int p = 0;
    if (word_at(c, k, "in") && word_at(c, k + 1, "the"))
      p = part_at(c, k + 2);
    else if (word_at(c, k, "at") && word_at(c, k + 1, "night"))
      p = 4;
    if (p) {
      if (p == 1 && hh == 12) hh = 0;
      if ((p == 2 || p == 3 || (p == 4 && hh >= 6)) && hh < 12) hh += 12;
      k += p == 4 && word_at(c, k + 1, "night") ? 2 : 3;
      ampm = 3;
    }
  }
  if (!colon && !ampm) return 0;
  if (dot && !ampm) return 0; /* 10.30 alone is a number */
  if (ampm && ampm < 3) {
    if (hh < 1 || hh > 12) return 0;
    if (ampm == 2 && hh != 12) hh += 12;
    if (ampm == 1 && hh == 12) hh = 0;
  }
  /* a time zone word: GMT, EST, ET, local time */
  *zulu = 0;
  const lex_sense *tz;
  if (k < (int)c->n && (tz = sense_of(&c->at[k], C_TZ)) &&
      td__is_upper((unsigned char)c->text[c->at[k].s + 1])) {
    *zulu = tz->val == 1;
    k++;
  }
  *h = hh;
  *mi = mm;
  *end = k;
  return 1;
}

/* An absolute calendar date starting at i. Fills t (y -1 when the text
 * gives no year: the caller resolves it) and *end. */
static int date_at(const ctx *c, int i, tv *t, int *end, int *yearless) {
  int m, d, y, k, e2;
  *yearless = 0;
  const atom *a = &c->at[i];
  if (a->kind == A_NUM) {
    /* ISO 2022-01-30 */
    if (a->nd == 4 && punct_at(c, i + 1, '-') && i + 4 < (int)c->n &&
        c->at[i + 2].kind == A_NUM && c->at[i + 2].nd <= 2 &&
        punct_at(c, i + 3, '-') && c->at[i + 4].kind == A_NUM &&
        c->at[i + 4].nd <= 2 && !c->at[i + 1].sp && !c->at[i + 2].sp) {
      y = a->num;
      m = c->at[i + 2].num;
      d = c->at[i + 4].num;
      if (m >= 1 && m <= 12 && d >= 1 && d <= td_days_in_month(y, m)) {
        *t = (tv){P_DAY, y, m, d, 0, 0, 0};
        *end = i + 5;
        return 1;
      }
      return 0;
    }
    /* 1/26/2022 (US order; day first when the first part exceeds 12) */
    if (a->nd <= 2 && punct_at(c, i + 1, '/') && i + 4 < (int)c->n &&
        c->at[i + 2].kind == A_NUM && c->at[i + 2].nd <= 2 &&
        punct_at(c, i + 3, '/') && c->at[i + 4].kind == A_NUM &&
        (c->at[i + 4].nd == 4 || c->at[i + 4].nd == 2) && !c->at[i + 1].sp &&
        !c->at[i + 3].sp) {
      m = a->num;
      d = c->at[i + 2].num;
      y = c->at[i + 4].num;
      if (c->at[i + 4].nd == 2) y += y < 40 ? 2000 : 1900;
      if (m > 12 && d <= 12) {
        int s = m;
        m = d;
        d = s;
      }
      if (m >= 1 && m <= 12 && d >= 1 && d <= td_days_in_month(y, m)) {
        *t = (tv){P_DAY, y, m, d, 0, 0, 0};
        *end = i + 5;
        return 1;
      }
      return 0;
    }
    /* 26 January [2022], 10th of January */
    if (day_at(c, i, &d)) {
      k = i + 1;
      if (word_at(c, k, "of")) k++;
      if (month_at(c, k, 2, &m, &e2) && d <= td_days_in_month(2000, m)) {
        k = e2;
        if (opt_year(c, k, &y, &e2)) {
          *t = (tv){P_DAY, y, m, d, 0, 0, 0};
          *end = e2;
        } else {
          *t = (tv){P_DAY, -1, m, d, 0, 0, 0};
          *yearless = 1;
          *end = k;
        }
        return 1;
      }
    }
    return 0;
  }
  /* January 26[th][, 2022] / January 2022 / Jan. 26 */
  int ok_weak = i > 0 && is_month_ctx_word(c->text, &c->at[i - 1]);
  if (!month_at(c, i, 1, &m, &k)) return 0;
  const lex_sense *ms = sense_of(a, C_MONTH);
  if (day_at(c, k, &d) && d <= td_days_in_month(2000, m) &&
      !(k + 1 < (int)c->n && c->at[k + 1].kind == A_WORD &&
        sense_of(&c->at[k + 1], C_UNITS))) {
    int ke = k + 1;
    if (opt_year(c, ke, &y, &e2)) {
      *t = (tv){P_DAY, y, m, d, 0, 0, 0};
      *end = e2;
    } else {
      *t = (tv){P_DAY, -1, m, d, 0, 0, 0};
      *yearless = 1;
      *end = ke;
    }
    return 1;
  }
  if (opt_year(c, k, &y, &e2) &&
      (!ms->weak || ok_weak || k > i + 1 || !punct_at(c, k, ','))) {
    *t = (tv){P_MONTH, y, m, 0, 0, 0, 0};
    *end = e2;
    return 1;
  }
  if (ms->weak && !ok_weak) return 0;
  if (k == i + 1 && ms->weak) {
    /* bare weak month ("May", "March") needs a preceding preposition */
    if (!ok_weak) return 0;
  }
  if (k > i + 1 && !ok_weak) return 0; /* "Jan." alone */
  *t = (tv){P_MONTH, -1, m, 0, 0, 0, 0};
  *yearless = 1;
  *end = k;
  return 1;
}

/* Resolve the year of a year-less date against the DCT. */
static void fix_year(const ctx *c, tv *t, int tense) {
  if (t->y >= 0) return;
  t->y = nearest_year(c, t->m, t->prec == P_DAY ? t->d : 0, tense);
}

/* Weekday w resolved against the DCT with the sentence's tense. */
static tv weekday_value(const ctx *c, int w, int tense, int shift) {
  if (!c->have_dct) {
    tv t = {P_DAY, -1, 0, 0, 0, 0, 0};
    return t;
  }
  int64_t z = tv_days(c->dct);
  int dw = td_weekday(c->dct.y, c->dct.m, c->dct.d);
  int64_t r;
  if (shift < 0) /* last Monday: the one before this week's, or before */
    r = z - ((dw - w + 7) % 7 == 0 ? 7 : (dw - w + 7) % 7);
  else if (shift > 0)
    r = z + ((w - dw + 7) % 7 == 0 ? 7 : (w - dw + 7) % 7);
  else if (w == dw)
    r = z;
  else if (tense > 0)
    r = z + (w - dw + 7) % 7;
  else
    r = z - (dw - w + 7) % 7;
  return tv_from_days(r);
}

/* Month and day of holiday value v (data/timex-calendar.txt) in year y;
 * with y < 0, a typical day for choosing the year. */
static void holiday_day(int v, int y, int *m, int *d) {
  if (v >= 30000) { /* days from Easter Sunday (Gregorian computus) */
    *m = 4;
    *d = 10;
    if (y < 0) return;
    int a = y % 19, b = y / 100, cc = y % 100, q = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - q - g + 15) % 30, ii = cc / 4, kk = cc % 4;
    int l = (32 + 2 * e + 2 * ii - h - kk) % 7,
        mm = (a + 11 * h + 22 * l) / 451;
    int em = (h + l - 7 * mm + 114) / 31, ed = (h + l - 7 * mm + 114) % 31 + 1;
    int yy;
    td_civil_from_days(td_days_from_civil(y, em, ed) + (v - 30100), &yy, m, d);
    return;
  }
  if (v < 20000) { /* a fixed day */
    *m = v / 100;
    *d = v % 100;
    return;
  }
  int n = v / 10 % 10, wd = v % 10; /* the n-th weekday of a month */
  *m = v / 100 % 100;
  *d = 15;
  if (y < 0) return;
  int first = 1 + (wd - td_weekday(y, *m, 1) + 7) % 7;
  if (n == 0) { /* the weekday after the first Monday */
    int monday = 1 + (7 - td_weekday(y, *m, 1)) % 7;
    *d = monday + (wd ? wd : 7);
  } else if (n == 9) { /* the last */
    int last = td_days_in_month(y, *m);
    *d = last - (td_weekday(y, *m, last) - wd + 7) % 7;
  } else {
    *d = first + 7 * (n - 1);
  }
}

/* A part of the day ("morning", "night") at i: 1-4, else 0. */
static int part_at(const ctx *c, int i) {
  if (i >= (int)c->n) return 0;
  const lex_sense *s = sense_of(&c->at[i], C_PART);
  if (s && s->val <= 4) return s->val;
  int pl;
  if (unit_at(c, i, &pl) == U_NIGHT && !pl) return 4;
  return 0;
}

/* TimeBank types "Friday night" DATE but "Friday morning" TIME. */
static int part_type(int part) {
  return part == 4 ? TD_TIMEX_DATE : TD_TIMEX_TIME;
}

static tv tv_part(tv day, int part) {
  if (day.y < 0) return day;
  day.prec = P_PART;
  day.x = part;
  return day;
}

/* Whether "the [fiscal] year" with "year" at atom i is a stretch of a
 * year rather than the year itself: a company's year told by its last day
 * ("the year ended March 31", "the fiscal year ending June 30") or one gone
 * through ("throughout the year"). "For the year, sales rose" is the year. */
static int year_stretch(const ctx *c, int i) {
  int k = i - 1;
  if (word_at(c, k, "fiscal")) k--;
  return word_at(c, i + 1, "ended") || word_at(c, i + 1, "ending") ||
         (k > 0 && word_at(c, k, "the") && word_at(c, k - 1, "throughout"));
}

/* ---- The matcher ---- */

static int match_unitexpr(const ctx *c, int i, expr *x, int tense);

/* "the same month a year ago", "the same period last year": the time the
 * sentence is about (a month or year it named, else the story's quarter),
 * a year back. Atom i is "same". */
static int same_year_back(const ctx *c, int i, expr *x) {
  int pl, u = unit_at(c, i + 1, &pl);
  int period = word_at(c, i + 1, "period");
  if (!((u == U_MONTH || u == U_QUARTER || u == U_YEAR) && !pl) && !period)
    return 0;
  int k = i + 2, e;
  if ((word_at(c, k, "a") || word_at(c, k, "one")) &&
      word_at(c, k + 1, "year") &&
      (word_at(c, k + 2, "ago") || word_at(c, k + 2, "earlier")))
    e = k + 3;
  else if (word_at(c, k, "last") && word_at(c, k + 1, "year"))
    e = k + 2;
  else
    return 0;
  tv t;
  int named = c->have_ref && c->ref_sent == c->cur_sent && c->ref.y >= 0;
  if (u == U_QUARTER || (period && c->have_lastq && !named)) {
    if (!c->have_lastq) return 0;
    t = u == U_QUARTER ? story_quarter(c) : story_period(c);
  } else if (named && c->ref.prec >= P_MONTH && u != U_YEAR) {
    t = c->ref;
    t.prec = P_MONTH;
    t.d = 0;
  } else if (named) {
    t = (tv){P_YEAR, c->ref.y, 0, 0, 0, 0, 0};
  } else {
    t = tv_shift(c->dct, period ? U_YEAR : u, 0);
  }
  t.y--;
  if (t.prec == P_DAY) t.d = 0;
  x->a1 = e;
  set_tv(x, TD_TIMEX_DATE, t);
  return 1;
}

/* Patterns starting at atom i; on success x->a1 is the end. */
static int match(ctx *c, int i, expr *x) {
  const atom *a = &c->at[i];
  int tense = 0, tense_done = 0;
#define TENSE() (tense_done ? tense : (tense_done = 1, tense = tense_at(c, i)))
  memset(x, 0, sizeof *x);
  x->a0 = i;
  tv t;
  int k, e2, yl, y, n, pl, u;

  /* ---- absolute dates, with a weekday before and a time after ---- */
  int wk_start = i;
  const lex_sense *wds = sense_of(a, C_WEEKDAY);
  if (wds) {
    k = i + 1;
    if (punct_at(c, k, '.') && !c->at[k].sp) k++;
    if (punct_at(c, k, ',')) k++;
    if (k < (int)c->n && date_at(c, k, &t, &e2, &yl) && t.prec == P_DAY) {
      i = k;
      a = &c->at[i];
    } else if (wds->weak || !a->cap) {
      return 0;
    }
  }
  if ((a->kind == A_NUM || sense_of(a, C_MONTH)) &&
      date_at(c, i, &t, &e2, &yl)) {
    x->a0 = wk_start;
    if (yl) {
      int yy;
      if (opt_rel_year(c, e2, &yy, &k)) {
        t.y = yy;
        e2 = k;
      } else {
        fix_year(c, &t, TENSE());
        x->flags |= TD_TIMEXF_NO_YEAR;
      }
    }
    int h, mi, zu;
    k = e2;
    if (t.prec == P_DAY) {
      int k2 = k;
      if (punct_at(c, k2, ',')) k2++;
      if (word_at(c, k2, "at")) k2++;
      if (time_at(c, k2, &h, &mi, &zu, &e2)) {
        t.prec = P_MIN;
        t.h = h;
        t.mi = mi;
        t.x = zu;
        x->a1 = e2;
        set_tv(x, TD_TIMEX_TIME, t);
        return 1;
      }
      int p = part_at(c, k);
      if (p) {
        x->a1 = k + 1;
        set_tv(x, part_type(p), tv_part(t, p));
        return 1;
      }
    }
    x->a1 = k;
    set_tv(x, TD_TIMEX_DATE, t);
    x->anchor = t.prec == P_DAY;
    return 1;
  }
  if (wds) {
    /* a bare weekday, maybe with a part of the day */
    t = weekday_value(c, wds->val, TENSE(), 0);
    x->flags |= TD_TIMEXF_RELATIVE;
    k = i + 1;
    if (punct_at(c, k, '\'') && word_at(c, k + 1, "s")) k += 2;
    int p = part_at(c, k);
    if (p) {
      x->a1 = k + 1;
      set_tv(x, part_type(p), tv_part(t, p));
      return 1;
    }
    x->a1 = i + 1;
    set_tv(x, TD_TIMEX_DATE, t);
    x->anchor = 1;
    return 1;
  }

  if (a->kind == A_NUM) {
    int h, mi, zu;
    /* a clock time: today's unless the text said otherwise */
    if (time_at(c, i, &h, &mi, &zu, &e2)) {
      t = clock_day(c);
      /* 10 p.m. Wednesday, 16:00 UTC today, 5 p.m. EST Nov. 9 */
      k = e2;
      if (punct_at(c, k, ',')) k++;
      if (word_at(c, k, "on")) k++;
      expr day;
      if (k < (int)c->n && c->at[k].kind == A_WORD &&
          (sense_of(&c->at[k], C_WEEKDAY) || sense_of(&c->at[k], C_DAYREF) ||
           sense_of(&c->at[k], C_MONTH)) &&
          match(c, k, &day) && day.has_tv &&
          (day.t.prec == P_DAY || day.t.prec == P_PART) && day.t.y >= 0) {
        t = day.t;
        e2 = day.a1;
      }
      t.prec = t.y < 0 ? P_DAY : P_MIN;
      t.h = h;
      t.mi = mi;
      t.x = zu;
      x->a1 = e2;
      set_tv(x, TD_TIMEX_TIME, t);
      return 1;
    }
    /* 0800 GMT: a four-digit clock time needs its zone */
    const lex_sense *tz;
    if (a->nd == 4 && a->num / 100 < 24 && a->num % 100 < 60 &&
        i + 1 < (int)c->n && (tz = sense_of(&c->at[i + 1], C_TZ)) &&
        c->at[i + 1].e - c->at[i + 1].s > 1 &&
        td__is_upper((unsigned char)c->text[c->at[i + 1].s + 1])) {
      t = clock_day(c);
      t.prec = t.y < 0 ? P_DAY : P_MIN;
      t.h = a->num / 100;
      t.mi = a->num % 100;
      t.x = tz->val == 1;
      x->a1 = i + 2;
      set_tv(x, TD_TIMEX_TIME, t);
      return 1;
    }
    /* "1100 hrs EST", "at 1500 hours": a four-digit clock time with the
     * military "hours" (a bare "1100" would be taken for a year). "hours"
     * alone needs "at" before it: "flew 1500 hours" is a duration. */
    if (a->nd == 4 && a->num / 100 < 24 && a->num % 100 < 60 &&
        (word_at(c, i + 1, "hrs") ||
         (word_at(c, i + 1, "hours") && i > 0 && word_at(c, i - 1, "at")))) {
      int k = i + 2;
      if (k < (int)c->n && (tz = sense_of(&c->at[k], C_TZ)) &&
          c->at[k].e - c->at[k].s > 1 &&
          td__is_upper((unsigned char)c->text[c->at[k].s + 1]))
        k++;
      else
        tz = NULL;
      t = clock_day(c);
      t.prec = t.y < 0 ? P_DAY : P_MIN;
      t.h = a->num / 100;
      t.mi = a->num % 100;
      t.x = tz && tz->val == 1;
      x->a1 = k;
      set_tv(x, TD_TIMEX_TIME, t);
      return 1;
    }
    /* the 70s, '80s, '82 */
    if (a->nd == 2 && !a->ordsuf) {
      int apos = i > 0 && punct_at(c, i - 1, '\'') && !a->sp;
      int yy = a->num < 30 ? 2000 + a->num : 1900 + a->num;
      if (a->num % 10 == 0 && word_at(c, i + 1, "s") && !c->at[i + 1].sp &&
          (apos ||
           (i > 0 && (word_at(c, i - 1, "the") || word_at(c, i - 1, "and"))))) {
        x->a0 = apos ? i - 1 : i;
        x->a1 = i + 2;
        set_tv(x, TD_TIMEX_DATE, (tv){P_DEC, 1900 + a->num, 0, 0, 0, 0, 0});
        return 1;
      }
      if (apos && i > 1 && is_month_ctx_word(c->text, &c->at[i - 2]) &&
          !(i + 1 < (int)c->n && c->at[i + 1].kind == A_WORD &&
            !c->at[i + 1].sp)) {
        x->a0 = i - 1;
        x->a1 = i + 1;
        set_tv(x, TD_TIMEX_DATE, (tv){P_YEAR, yy, 0, 0, 0, 0, 0});
        return 1;
      }
    }
    /* the 1990s, 1990's */
    if (a->nd == 4 && a->num >= 1000 && a->num <= 2190 && a->num % 10 == 0) {
      k = i + 1;
      if (punct_at(c, k, '\'') && !c->at[k].sp) k++;
      if (word_at(c, k, "s") && !c->at[k].sp) {
        t = (tv){P_DEC, a->num, 0, 0, 0, 0, 0};
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_DATE, t);
        return 1;
      }
    }
    if (year_at(c, i, &y)) {
      /* 1998-99 / 1998-2000: two years */
      x->a1 = i + 1;
      set_tv(x, TD_TIMEX_DATE, (tv){P_YEAR, y, 0, 0, 0, 0, 0});
      /* the 1988 second quarter */
      const lex_sense *o =
          i + 1 < (int)c->n ? sense_of(&c->at[i + 1], C_ORD) : NULL;
      if (o && o->val <= 4 && unit_at(c, i + 2, &pl) == U_QUARTER && !pl) {
        x->a1 = i + 3;
        set_tv(x, TD_TIMEX_DATE, (tv){P_QUARTER, y, 0, 0, 0, 0, o->val});
        x->names_quarter = 1;
        return 1;
      }
      /* "the 1988 quarter", "the 1989 period" in an earnings story: the
       * quarter in view, that year */
      if (c->have_lastq && i > 0 && word_at(c, i - 1, "the") &&
          ((unit_at(c, i + 1, &pl) == U_QUARTER && !pl) ||
           word_at(c, i + 1, "period"))) {
        x->a1 = i + 2;
        t = word_at(c, i + 1, "period") ? story_period(c) : story_quarter(c);
        t.y = y;
        set_tv(x, TD_TIMEX_DATE, t);
        return 1;
      }
      /* "2000 years", "1500 people": a quantity, not a year */
      if (unit_at(c, i + 1, &pl) && pl) return match_unitexpr(c, i, x, TENSE());
      return 1;
    }
    if (a->ordsuf) {
      /* the 20th century */
      if (unit_at(c, i + 1, &pl) == U_CENTURY && !pl) {
        t = (tv){P_CENT, (a->num - 1) * 100, 0, 0, 0, 0, 0};
        x->a1 = i + 2;
        set_tv(x, TD_TIMEX_DATE, t);
        return 1;
      }
      return 0;
    }
    return match_unitexpr(c, i, x, TENSE());
  }
  if (a->kind != A_WORD) return 0;
  if (a->sense[0].cls == C_NONE) {
    /* '90s */
    return 0;
  }

  /* ---- word-led forms ---- */
  const lex_sense *s;
  if ((s = sense_of(a, C_DAYREF))) {
    x->flags |= TD_TIMEXF_RELATIVE;
    if (!c->have_dct) {
      t = (tv){P_DAY, -1, 0, 0, 0, 0, 0};
    } else {
      t = tv_from_days(tv_days(c->dct) + (s->val == 100 ? 0 : s->val));
    }
    if (s->val == 100) {
      x->a1 = i + 1;
      set_tv(x, TD_TIMEX_TIME, tv_part(t, 4));
      return 1;
    }
    k = i + 1;
    if (punct_at(c, k, '\'') && word_at(c, k + 1, "s")) k += 2;
    int p = part_at(c, k);
    if (p) {
      x->a1 = k + 1;
      set_tv(x, part_type(p), tv_part(t, p));
      return 1;
    }
    x->a1 = i + 1;
    set_tv(x, TD_TIMEX_DATE, t);
    x->anchor = 1;
    return 1;
  }
  if ((s = sense_of(a, C_REF))) {
    /* "recent years" / "recent months": a duration-ish past */
    if (s->val < 0 && (u = unit_at(c, i + 1, &pl)) && pl) {
      x->a1 = i + 2;
      set_lit(x, TD_TIMEX_DATE, "PAST_REF");
      return 1;
    }
    if (is_w(c->text, a, "current")) {
      /* "the current quarter/year" is a date, not PRESENT_REF */
      k = i + 1;
      if (word_at(c, k, "fiscal")) k++;
      if ((u = unit_at(c, k, &pl)) && !pl && c->have_dct) {
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_DATE, tv_shift(c->dct, u, 0));
        return 1;
      }
    }
    if (is_w(c->text, a, "soon") &&
        ((i > 0 && word_at(c, i - 1, "as")) || word_at(c, i + 1, "as") ||
         word_at(c, i + 1, "after") || word_at(c, i + 1, "afterwards")))
      return 0;
    /* "was soon released", "soon became": shortly after a past event, no
     * time ahead of the DCT; "soon-to-open" is an adjective */
    if (is_w(c->text, a, "soon") && TENSE() < 0) return 0;
    /* "the now-cancelled deal", "soon-to-open": part of an adjective */
    if (punct_at(c, i + 1, '-') && !c->at[i + 1].sp && i + 2 < (int)c->n &&
        c->at[i + 2].kind == A_WORD && !c->at[i + 2].sp)
      return 0;
    /* "future losses": an adjective; "the future", "in future" are times */
    if (is_w(c->text, a, "future") &&
        !(i > 0 && (word_at(c, i - 1, "the") || word_at(c, i - 1, "in") ||
                    word_at(c, i - 1, "near"))))
      return 0;
    /* "in the future", "worried about the future", "into the foreseeable
     * future" are times; "the future of Europe", "the future looks
     * bleak" a topic */
    if (is_w(c->text, a, "future") && word_at(c, i - 1, "the")) {
      int p = i - 2;
      if (p >= 0 && (word_at(c, p, "near") || word_at(c, p, "foreseeable") ||
                     word_at(c, p, "distant")))
        p--;
      if (word_at(c, i + 1, "of") ||
          !(p >= 0 && (word_at(c, p, "in") || word_at(c, p, "into") ||
                       word_at(c, p, "for") || word_at(c, p, "about"))))
        return 0;
    }
    x->a1 = i + 1;
    set_lit(x, TD_TIMEX_DATE,
            s->val < 0   ? "PAST_REF"
            : s->val > 0 ? "FUTURE_REF"
                         : "PRESENT_REF");
    return 1;
  }
  if (is_w(c->text, a, "same") && c->have_dct && same_year_back(c, i, x))
    return 1;
  if ((s = sense_of(a, C_SHIFT)) || (s = sense_of(a, C_ASHIFT))) {
    /* "the next day", "the last week" read from the text's anchor */
    int ana = s->cls == C_ASHIFT ||
              (s->val != 0 && i > 0 && word_at(c, i - 1, "the") &&
               unit_at(c, i + 1, &pl) == U_DAY);
    tv base = ana && c->have_anchor ? c->anchor : c->dct;
    x->flags |= ana && c->have_anchor ? TD_TIMEXF_ANCHORED : TD_TIMEXF_RELATIVE;
    k = i + 1;
    if (!c->have_dct && !(ana && c->have_anchor)) base.y = -1;
    /* the past / the past three years */
    if ((u = unit_at(c, k, &pl)) && !pl) {
      if (base.y < 0) {
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_DATE, (tv){P_DAY, -1, 0, 0, 0, 0, 0});
        return 1;
      }
      int shift = s->val;
      /* "past week" = last week */
      if (u == U_NIGHT) {
        /* last night: the evening before the DCT */
        t = tv_from_days(tv_days(base) + (shift < 0 ? -1 : shift));
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_TIME, tv_part(t, 4));
        return 1;
      }
      /* "the past year", "the last decade": a stretch of time */
      if ((is_w(c->text, a, "past") && u >= U_DAY && u != U_WEEKEND &&
           u != U_YEAR) ||
          (is_w(c->text, a, "last") && u >= U_DECADE)) {
        char lit[24];
        duration_lit(lit, sizeof lit, u, 1);
        x->a1 = k + 1;
        set_lit(x, TD_TIMEX_DURATION, lit);
        return 1;
      }
      /* "In March, ... The following month": from the month or year the
       * text last named, not only from its last day */
      if (s->cls == C_ASHIFT && (u == U_MONTH || u == U_YEAR) &&
          (c->have_anchor || c->have_ref))
        base = that_time(c, u);
      t = tv_shift(base, u, shift);
      /* "the same quarter", "the previous quarter": from the one named */
      if (ana && u == U_QUARTER && c->have_lastq) {
        int q = c->lastq.y * 4 + c->lastq.x - 1 + shift;
        t = (tv){P_QUARTER, q / 4, 0, 0, 0, 0, q % 4 + 1};
      }
      /* this year's third quarter, last year's first half */
      const lex_sense *o;
      if (u == U_YEAR && punct_at(c, k + 1, '\'') && word_at(c, k + 2, "s") &&
          k + 3 < (int)c->n && (o = sense_of(&c->at[k + 3], C_ORD)) &&
          o->val <= 4) {
        int kq = k + 4;
        if (punct_at(c, kq, '-')) kq++;
        int uq = unit_at(c, kq, &pl), hq = word_at(c, kq, "half");
        if ((uq == U_QUARTER && !pl) || (hq && o->val <= 2)) {
          x->a1 = kq + 1;
          set_tv(x, TD_TIMEX_DATE,
                 (tv){hq ? P_HALF : P_QUARTER, t.y, 0, 0, 0, 0, o->val});
          x->names_quarter = !hq;
          return 1;
        }
      }
      /* "last year's quarter" in an earnings story: the story's quarter,
       * that year */
      if (u == U_YEAR && c->have_lastq && punct_at(c, k + 1, '\'') &&
          word_at(c, k + 2, "s") &&
          ((unit_at(c, k + 3, &pl) == U_QUARTER && !pl) ||
           word_at(c, k + 3, "period"))) {
        x->a1 = k + 4;
        int yy = t.y;
        t = word_at(c, k + 3, "period") ? story_period(c) : story_quarter(c);
        t.y = yy;
        set_tv(x, TD_TIMEX_DATE, t);
        return 1;
      }
      if (u == U_DAY) x->anchor = 1;
      if (u <= U_HOUR) return 0;
      x->a1 = k + 1;
      set_tv(x, TD_TIMEX_DATE, t);
      return 1;
    }
    const lex_sense *w2;
    if (k < (int)c->n && (w2 = sense_of(&c->at[k], C_WEEKDAY)) && !w2->weak) {
      t = weekday_value(c, w2->val, TENSE(), s->val);
      if (ana && c->have_anchor) {
        int64_t z = tv_days(c->anchor);
        int dw = td_weekday(c->anchor.y, c->anchor.m, c->anchor.d);
        int dd = (w2->val - dw + 7) % 7;
        t = tv_from_days(
            s->val < 0
                ? z - ((dw - w2->val + 7) % 7 ? (dw - w2->val + 7) % 7 : 7)
                : z + (dd ? dd : 7));
      }
      x->a1 = k + 1;
      set_tv(x, TD_TIMEX_DATE, t);
      x->anchor = 1;
      return 1;
    }
    int m;
    if (month_at(c, k, 1, &m, &e2) && c->have_dct) {
      y = c->dct.y;
      if (s->val < 0 && m >= c->dct.m) y--;
      if (s->val > 0 && m <= c->dct.m) y++;
      int dd;
      /* "last Oct. 23": that day of the month so named */
      if (day_at(c, e2, &dd) && dd <= td_days_in_month(y, m)) {
        x->a1 = e2 + 1;
        set_tv(x, TD_TIMEX_DATE, (tv){P_DAY, y, m, dd, 0, 0, 0});
        x->anchor = 1;
        return 1;
      }
      x->a1 = e2;
      set_tv(x, TD_TIMEX_DATE, (tv){P_MONTH, y, m, 0, 0, 0, 0});
      return 1;
    }
    if (k < (int)c->n && (w2 = sense_of(&c->at[k], C_SEASON)) && c->have_dct) {
      /* seasons counted year * 4 + (season - 1); a winter is labelled by
       * the year of its December */
      int m0 = c->dct.m;
      int cur = m0 == 12  ? c->dct.y * 4 + 3
                : m0 <= 2 ? (c->dct.y - 1) * 4 + 3
                          : c->dct.y * 4 + (m0 - 3) / 3;
      int want = w2->val - 1, idx;
      int back = cur - (((cur - want) % 4 + 4) % 4);
      if (s->val < 0)
        idx = back == cur ? cur - 4 : back;
      else if (s->val > 0)
        idx = back + 4;
      else /* this: the current one, else the nearer, a recent one first */
        idx = cur - back <= 2 ? back : back + 4;
      y = idx / 4;
      x->a1 = k + 1;
      set_tv(x, TD_TIMEX_DATE, (tv){P_SEASON, y, 0, 0, 0, 0, idx % 4 + 1});
      return 1;
    }
    int p = part_at(c, k);
    if (p && s->val == 0 && !ana) {
      x->a1 = k + 1;
      set_tv(x, TD_TIMEX_TIME, tv_part(dct_or_unknown(c), p));
      return 1;
    }
    /* "the following evening", "the next morning": from the day the text
     * is at; "next morning" alone, from the DCT */
    if (p && (ana || (s->val != 0 && c->have_dct)) &&
        (c->have_anchor || c->have_dct)) {
      tv day = ana && c->have_anchor ? c->anchor : c->dct;
      if (!ana && i > 0 && word_at(c, i - 1, "the") && c->have_anchor)
        day = c->anchor;
      x->a1 = k + 1;
      set_tv(x, TD_TIMEX_TIME, tv_part(tv_from_days(tv_days(day) + s->val), p));
      return 1;
    }
    /* the past two months, the next few days: durations */
    if ((is_w(c->text, a, "past") || is_w(c->text, a, "last") ||
         is_w(c->text, a, "next") || is_w(c->text, a, "coming") ||
         is_w(c->text, a, "previous") || is_w(c->text, a, "following")) &&
        k < (int)c->n) {
      int cnt = -2;
      if (number_at(c, k, 0, &n, &e2))
        cnt = n;
      else if (sense_of(&c->at[k], C_QUANT)) {
        cnt = -1;
        e2 = k + 1;
      }
      if (cnt != -2 && counted_unit_word(c, e2) && unit_at(c, e2 + 1, &pl))
        e2++; /* the past five trading days */
      if (cnt == -1 && s->val < 0 && (u = unit_at(c, e2, &pl))) {
        x->a1 = e2 + 1;
        set_lit(x, TD_TIMEX_DATE, s->val < 0 ? "PAST_REF" : "FUTURE_REF");
        return 1;
      }
      if (cnt != -2 && (u = unit_at(c, e2, &pl))) {
        char lit[24];
        duration_lit(lit, sizeof lit, u, cnt);
        x->a1 = e2 + 1;
        set_lit(x, TD_TIMEX_DURATION, lit);
        return 1;
      }
    }
    /* the last half of 1989 */
    if (word_at(c, k, "half") && word_at(c, k + 1, "of") &&
        year_at(c, k + 2, &y) && s->val != 0) {
      x->a1 = k + 3;
      set_tv(x, TD_TIMEX_DATE, (tv){P_HALF, y, 0, 0, 0, 0, s->val < 0 ? 2 : 1});
      return 1;
    }
    /* the coming weeks, the past months: vaguely ahead or behind */
    if (s->val != 0 && (u = unit_at(c, k, &pl)) && pl && u >= U_DAY &&
        u != U_WEEKEND) {
      x->a1 = k + 1;
      set_lit(x, TD_TIMEX_DATE, s->val < 0 ? "PAST_REF" : "FUTURE_REF");
      return 1;
    }
    if (is_w(c->text, a, "past") && i > 0 && word_at(c, i - 1, "the")) {
      x->a1 = i + 1;
      set_lit(x, TD_TIMEX_DATE, "PAST_REF");
      return 1;
    }
    return 0;
  }
  if ((s = sense_of(a, C_PART))) {
    /* noon Thursday, midnight Friday, morning of January 26 */
    k = i + 1;
    if (word_at(c, k, "on") || word_at(c, k, "of")) k++;
    expr day;
    if (k < (int)c->n && c->at[k].kind == A_WORD &&
        (sense_of(&c->at[k], C_WEEKDAY) || sense_of(&c->at[k], C_DAYREF) ||
         sense_of(&c->at[k], C_MONTH)) &&
        match(c, k, &day) && day.has_tv && day.t.prec == P_DAY &&
        day.t.y >= 0) {
      x->a1 = day.a1;
      set_tv(x, part_type(s->val), tv_part(day.t, s->val));
      x->flags = day.flags;
      return 1;
    }
    /* at noon, by midnight: the day in view */
    if (s->val >= 5 && i > 0 &&
        (word_at(c, i - 1, "at") || word_at(c, i - 1, "by") ||
         word_at(c, i - 1, "until") || word_at(c, i - 1, "before") ||
         word_at(c, i - 1, "after")) &&
        (c->have_anchor || c->have_dct)) {
      x->a1 = i + 1;
      set_tv(x, TD_TIMEX_TIME, tv_part(clock_day(c), s->val));
      return 1;
    }
    return 0;
  }
  if ((s = sense_of(a, C_AROUND))) {
    /* later this month, earlier in the day, earlier this year */
    k = i + 1;
    if (word_at(c, k, "in") || word_at(c, k, "on")) k++;
    if (word_at(c, k, "the") || word_at(c, k, "that")) {
      if ((u = unit_at(c, k + 1, &pl)) && !pl) {
        t = tv_shift(word_at(c, k, "that") ? that_time(c, u)
                     : c->have_anchor      ? c->anchor
                                           : dct_or_unknown(c),
                     u, 0);
        x->flags |= c->have_anchor ? TD_TIMEXF_ANCHORED : TD_TIMEXF_RELATIVE;
        if (t.y < 0) return 0;
        x->a1 = k + 2;
        set_tv(x, TD_TIMEX_DATE, t);
        return 1;
      }
      return 0;
    }
    /* later this month, later today, later on Tuesday */
    expr sub;
    if (k < (int)c->n &&
        (sense_of(&c->at[k], C_SHIFT) || sense_of(&c->at[k], C_DAYREF) ||
         (sense_of(&c->at[k], C_WEEKDAY) && word_at(c, k - 1, "on")))) {
      if (match(c, k, &sub) && sub.has_tv) {
        *x = sub;
        x->a0 = i;
        return 1;
      }
    }
    return 0;
  }
  if ((s = sense_of(a, C_MOD))) {
    /* early March, mid-February, late 1998, the end of the year */
    k = i + 1;
    if (punct_at(c, k, '-') && !c->at[k].sp) k++;
    if (s->weak && !word_at(c, k, "of")) return 0; /* "to end the day" */
    if (word_at(c, k, "of")) k++;
    /* early on Monday */
    if (word_at(c, k, "on") && k + 1 < (int)c->n &&
        (sense_of(&c->at[k + 1], C_WEEKDAY) ||
         sense_of(&c->at[k + 1], C_MONTH)))
      k++;
    if (word_at(c, k, "the")) k++;
    expr sub;
    if (k < (int)c->n && k > i &&
        (c->at[k].kind == A_NUM || sense_of(&c->at[k], C_MONTH) ||
         sense_of(&c->at[k], C_SHIFT) || sense_of(&c->at[k], C_SEASON) ||
         sense_of(&c->at[k], C_UNIT) || sense_of(&c->at[k], C_WEEKDAY) ||
         sense_of(&c->at[k], C_DAYREF) || part_at(c, k))) {
      int m;
      int dd;
      /* mid-afternoon, late morning [yesterday]: that part of the day the
       * text names, else of the day it is at */
      int p = part_at(c, k);
      if (p) {
        if (match(c, k, &sub) && sub.has_tv && sub.type == TD_TIMEX_TIME) {
          *x = sub;
          x->a0 = i;
          return 1;
        }
        if (!(c->have_anchor || c->have_dct)) return 0;
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_TIME, tv_part(clock_day(c), p));
        return 1;
      }
      /* the start of the day, the end of the day: the day in view */
      if (unit_at(c, k, &pl) == U_DAY && !pl && k > i + 1 &&
          (c->have_anchor || c->have_dct)) {
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_DATE, clock_day(c));
        return 1;
      }
      if (month_at(c, k, 1, &m, &e2) && !day_at(c, e2, &dd)) {
        int yy;
        if (opt_year(c, e2, &yy, &k) || opt_rel_year(c, e2, &yy, &k)) {
          t = (tv){P_MONTH, yy, m, 0, 0, 0, 0};
          e2 = k;
        } else {
          t = (tv){P_MONTH, -1, m, 0, 0, 0, 0};
          fix_year(c, &t, TENSE());
        }
        x->a1 = e2;
        set_tv(x, TD_TIMEX_DATE, t);
        return 1;
      }
      if ((u = unit_at(c, k, &pl)) && !pl && u >= U_WEEK &&
          (c->have_anchor || c->have_dct)) {
        /* "the end of the year": the DCT's year */
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_DATE, tv_shift(c->dct, u, 0));
        if (!c->have_dct) return 0;
        return 1;
      }
      const lex_sense *w2 = sense_of(&c->at[k], C_SEASON);
      if (w2 && c->have_dct) {
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_DATE, (tv){P_SEASON, c->dct.y, 0, 0, 0, 0, w2->val});
        return 1;
      }
      /* late Monday, early yesterday, late last year */
      if (match(c, k, &sub) && sub.has_tv && sub.type == TD_TIMEX_DATE) {
        int keep_anchor = sub.anchor && sub.t.prec == P_DAY;
        *x = sub;
        x->a0 = i;
        x->anchor = keep_anchor;
        return 1;
      }
    }
    return 0;
  }
  if ((s = sense_of(a, C_SEASON))) {
    k = i + 1;
    if (word_at(c, k, "of")) k++;
    if (year_at(c, k, &y) || spoken_year_at(c, k, 0, &y, &e2)) {
      x->a1 = year_at(c, k, &y) ? k + 1 : e2;
      set_tv(x, TD_TIMEX_DATE, (tv){P_SEASON, y, 0, 0, 0, 0, s->val});
      return 1;
    }
    if (s->weak) return 0;
    if (!(i > 0 && (word_at(c, i - 1, "this") || word_at(c, i - 1, "the") ||
                    word_at(c, i - 1, "in") || word_at(c, i - 1, "until") ||
                    word_at(c, i - 1, "by"))))
      return 0;
    if (!c->have_dct) return 0;
    x->a1 = i + 1;
    set_tv(x, TD_TIMEX_DATE, (tv){P_SEASON, c->dct.y, 0, 0, 0, 0, s->val});
    return 1;
  }
  if ((s = sense_of(a, C_ORD))) {
    /* the third quarter [of 1998], the first half, the 1st century */
    k = i + 1;
    if (punct_at(c, k, '-') && !c->at[k].sp) k++;
    if (word_at(c, k, "fiscal")) k++;
    u = unit_at(c, k, &pl);
    int hf = word_at(c, k, "half");
    if ((u == U_QUARTER && !pl && s->val <= 4) || (hf && s->val <= 2)) {
      int yy;
      /* "the fiscal first quarter", "the fiscal-first quarter" */
      int fiscal = 0;
      if (i > 0 && word_at(c, i - 1, "fiscal"))
        fiscal = 1;
      else if (i > 1 && punct_at(c, i - 1, '-') && word_at(c, i - 2, "fiscal"))
        fiscal = 2;
      x->a0 = i - fiscal;
      e2 = k + 1;
      if (word_at(c, e2, "of") && year_at(c, e2 + 1, &yy))
        e2 += 2;
      else if (word_at(c, e2, "of") && opt_rel_year(c, e2 + 1, &yy, &k))
        e2 = k;
      else if (opt_year(c, e2, &yy, &k))
        e2 = k;
      else if (c->have_dct) {
        /* "the first half of the year": the year is still to be found */
        if (word_at(c, e2, "of") && word_at(c, e2 + 1, "the") &&
            unit_at(c, e2 + 2, &pl) == U_YEAR && !pl)
          e2 += 3;
        int cur = hf ? (c->dct.m - 1) / 6 + 1 : (c->dct.m - 1) / 3 + 1;
        if (fiscal) { /* a company's own year: the one it just reported */
          yy = c->dct.y;
          if (s->val > cur && TENSE() <= 0) yy--;
        } else {
          yy = nearest_span_year(
              c, hf ? (s->val - 1) * 6 + 1 : (s->val - 1) * 3 + 1, hf ? 6 : 3,
              TENSE());
        }
      } else
        yy = -1;
      x->a1 = e2;
      set_tv(x, TD_TIMEX_DATE,
             (tv){hf ? P_HALF : P_QUARTER, yy, 0, 0, 0, 0, s->val});
      x->names_quarter = !hf;
      return 1;
    }
    if (u == U_CENTURY && !pl && !is_w(c->text, a, "final")) {
      x->a1 = k + 1;
      set_tv(x, TD_TIMEX_DATE, (tv){P_CENT, (s->val - 1) * 100, 0, 0, 0, 0, 0});
      return 1;
    }
    /* "the first two quarters [of 1990]": the first half */
    if (s->val == 1 && number_at(c, i + 1, 0, &n, &e2) && n == 2 &&
        unit_at(c, e2, &pl) == U_QUARTER && pl) {
      int yy = -1;
      k = e2 + 1;
      if (word_at(c, k, "of") && year_at(c, k + 1, &yy))
        k += 2;
      else if (c->have_dct)
        yy = c->dct.y;
      if (yy >= 0) {
        x->a1 = k;
        set_tv(x, TD_TIMEX_DATE, (tv){P_HALF, yy, 0, 0, 0, 0, 1});
        return 1;
      }
    }
    /* the first nine months: a duration */
    if (number_at(c, i + 1, 0, &n, &e2) && (u = unit_at(c, e2, &pl)) && pl) {
      char lit[24];
      duration_lit(lit, sizeof lit, u, n);
      x->a1 = e2 + 1;
      set_lit(x, TD_TIMEX_DURATION, lit);
      return 1;
    }
    return 0;
  }
  if ((s = sense_of(a, C_EVERY))) {
    k = i + 1;
    if (is_w(c->text, a, "per") || is_w(c->text, a, "each") ||
        is_w(c->text, a, "every")) {
      const lex_sense *w2;
      if ((u = unit_at(c, k, &pl)) && !pl) {
        char lit[24];
        duration_lit(lit, sizeof lit, u, 1);
        x->a1 = k + 1;
        set_lit(x, TD_TIMEX_SET, lit);
        return 1;
      }
      if (k < (int)c->n && (w2 = sense_of(&c->at[k], C_WEEKDAY)) && !w2->weak) {
        char lit[24];
        snprintf(lit, sizeof lit, "XXXX-WXX-%d", w2->val + 1);
        x->a1 = k + 1;
        set_lit(x, TD_TIMEX_SET, lit);
        return 1;
      }
      /* "each July", "every spring": that month or season of every year */
      int m;
      if (!is_w(c->text, a, "per") && month_at(c, k, 2, &m, &e2)) {
        char lit[24];
        snprintf(lit, sizeof lit, "XXXX-%02d", m);
        x->a1 = e2;
        set_lit(x, TD_TIMEX_SET, lit);
        return 1;
      }
      if (!is_w(c->text, a, "per") && k < (int)c->n &&
          (w2 = sense_of(&c->at[k], C_SEASON))) {
        char lit[24];
        snprintf(lit, sizeof lit, "XXXX-%s",
                 season_codes[w2->val & 3 ? w2->val : 4]);
        x->a1 = k + 1;
        set_lit(x, TD_TIMEX_SET, lit);
        return 1;
      }
    }
    return 0;
  }
  if ((s = sense_of(a, C_SETADJ))) {
    /* "paid quarterly" is a set, "a quarterly dividend" no expression */
    if (s->weak && i + 1 < (int)c->n && c->at[i + 1].kind == A_WORD &&
        !c->at[i + 1].sense[0].cls &&
        !(word_at(c, i + 1, "in") || word_at(c, i + 1, "on") ||
          word_at(c, i + 1, "at") || word_at(c, i + 1, "by") ||
          word_at(c, i + 1, "for") || word_at(c, i + 1, "and") ||
          word_at(c, i + 1, "or") || word_at(c, i + 1, "to") ||
          word_at(c, i + 1, "from") || word_at(c, i + 1, "with") ||
          word_at(c, i + 1, "until") || word_at(c, i + 1, "since")))
      return 0;
    char lit[24];
    duration_lit(lit, sizeof lit, s->val, 1);
    x->a1 = i + 1;
    set_lit(x, TD_TIMEX_SET, lit);
    return 1;
  }
  if ((s = sense_of(a, C_FISCAL))) {
    if (year_at(c, i + 1, &y)) {
      x->a1 = i + 2;
      set_tv(x, TD_TIMEX_DATE, (tv){P_YEAR, y, 0, 0, 0, 0, 0});
      return 1;
    }
    if ((u = unit_at(c, i + 1, &pl)) == U_YEAR && !pl && i > 0 &&
        word_at(c, i - 1, "the")) {
      x->a1 = i + 2;
      if (year_stretch(c, i + 1))
        set_lit(x, TD_TIMEX_DURATION, "P1Y");
      else if (c->have_dct) /* "lower earnings for the fiscal year" */
        set_tv(x, TD_TIMEX_DATE, tv_shift(c->dct, U_YEAR, 0));
      else
        return 0;
      return 1;
    }
    return 0;
  }
  if ((s = sense_of(a, C_HOLIDAY))) {
    if (!a->cap) return 0;
    k = i + 1;
    /* "Election Day", "Labor Day": the name needs its "Day", and is no
     * part of a longer one ("Holocaust Memorial Day", "Ukraine's ...") */
    if (s->weak &&
        (!(word_at(c, k, "day") && c->at[k].cap) ||
         (i > 0 && ((c->at[i - 1].kind == A_WORD && c->at[i - 1].cap &&
                     c->at[i - 1].sense[0].cls == C_NONE) ||
                    word_at(c, i - 1, "s")))))
      return 0;
    int eve = 0;
    if (word_at(c, k, "day") || word_at(c, k, "sunday"))
      k++;
    else if (word_at(c, k, "eve"))
      eve = k++;
    int m, d;
    holiday_day(s->val, -1, &m, &d);
    t = (tv){P_DAY, -1, m, d, 0, 0, 0};
    if (opt_year(c, k, &y, &e2)) {
      t.y = y;
      k = e2;
    } else
      fix_year(c, &t, TENSE());
    if (t.y >= 0) {
      holiday_day(s->val, t.y, &t.m, &t.d);
      if (eve) t = tv_from_days(tv_days(t) - 1);
    }
    x->a1 = k;
    /* "Easter week", "the Christmas weekend": the week holding it */
    if (!eve && (u = unit_at(c, k, &pl)) && !pl &&
        (u == U_WEEK || u == U_WEEKEND) && t.y >= 0) {
      t = tv_week_of(tv_days(t));
      if (u == U_WEEKEND) t.prec = P_WEEKEND;
      x->a1 = k + 1;
    }
    set_tv(x, TD_TIMEX_DATE, t);
    x->anchor = t.prec == P_DAY;
    return 1;
  }
  /* "day-long", "decades-long": a stretch of that unit, or of some */
  if ((u = unit_at(c, i, &pl)) && punct_at(c, i + 1, '-') && !c->at[i + 1].sp &&
      word_at(c, i + 2, "long") && !c->at[i + 2].sp) {
    char lit[24];
    duration_lit(lit, sizeof lit, u, pl ? -1 : 1);
    x->a1 = i + 3;
    set_lit(x, TD_TIMEX_DURATION, lit);
    return 1;
  }
  if ((s = sense_of(a, C_UNIT))) {
    /* "quarter-to-quarter", "year-to-year": a comparison, no time */
    if (punct_at(c, i + 1, '-') && word_at(c, i + 2, "to") &&
        punct_at(c, i + 3, '-'))
      return 0;
    u = s->val;
    /* a year ago, a week earlier, a year (duration), twice a year (set) */
    /* "a year-earlier gain" is the year-earlier time, below */
    if (i > 0 && (word_at(c, i - 1, "a") || word_at(c, i - 1, "an")) &&
        !(punct_at(c, i + 1, '-') &&
          (word_at(c, i + 2, "earlier") || word_at(c, i + 2, "ago")))) {
      x->a0 = i - 1;
      return match_unitexpr(c, i - 1, x, TENSE());
    }
    /* "an additional year", "one more week" */
    if (i > 1 && counted_unit_word(c, i - 1) &&
        (word_at(c, i - 2, "a") || word_at(c, i - 2, "an") ||
         word_at(c, i - 2, "one"))) {
      x->a0 = i - 2;
      return match_unitexpr(c, i - 2, x, TENSE());
    }
    /* that day, that year, that quarter: the time the text is at */
    if (i > 0 && word_at(c, i - 1, "that") && (c->have_anchor || c->have_dct)) {
      tv base = that_time(c, u);
      if (u == U_QUARTER) {
        if (!c->have_lastq) return 0;
        t = c->lastq;
      } else if (u == U_DAY || u >= U_WEEK) {
        t = tv_shift(base, u, 0);
      } else {
        return 0;
      }
      x->a0 = i - 1;
      x->a1 = i + 1;
      x->flags |= c->have_anchor ? TD_TIMEXF_ANCHORED : TD_TIMEXF_RELATIVE;
      set_tv(x, TD_TIMEX_DATE, t);
      return 1;
    }
    /* the full year, the whole year, the entire year */
    if (u == U_YEAR && i > 1 && word_at(c, i - 2, "the") && c->have_dct &&
        (word_at(c, i - 1, "full") || word_at(c, i - 1, "whole") ||
         word_at(c, i - 1, "entire"))) {
      x->a0 = i - 1;
      x->a1 = i + 1;
      t = tv_shift(c->dct, u, 0);
      /* "a loss in the fourth quarter of 2005 and for the entire year":
       * the year the sentence is about */
      if (c->have_lastq && c->lastq_sent == c->cur_sent && c->lastq.y >= 0)
        t.y = c->lastq.y;
      else if (c->have_ref && c->ref_sent == c->cur_sent && c->ref.y >= 0)
        t.y = c->ref.y;
      set_tv(x, TD_TIMEX_DATE, t);
      return 1;
    }
    /* year-end, year end, year's end: the DCT's year */
    if (u == U_YEAR && c->have_dct) {
      k = i + 1;
      if (punct_at(c, k, '-') && !c->at[k].sp)
        k++;
      else if (punct_at(c, k, '\'') && word_at(c, k + 1, "s"))
        k += 2;
      if (word_at(c, k, "end")) {
        x->a1 = k + 1;
        set_tv(x, TD_TIMEX_DATE, tv_shift(c->dct, u, 0));
        return 1;
      }
    }
    /* the latest quarter */
    if (u == U_QUARTER && i > 1 && word_at(c, i - 1, "latest") &&
        word_at(c, i - 2, "the") && c->have_dct) {
      x->a0 = i - 1;
      x->a1 = i + 1;
      set_tv(x, TD_TIMEX_DATE, latest_quarter(c));
      return 1;
    }
    /* year-earlier, year-ago [quarter|period] */
    if (u == U_YEAR && punct_at(c, i + 1, '-') &&
        (word_at(c, i + 2, "earlier") || word_at(c, i + 2, "ago")) &&
        c->have_dct) {
      k = i + 3;
      const lex_sense *o = k < (int)c->n ? sense_of(&c->at[k], C_ORD) : NULL;
      if (o && o->val <= 4 && unit_at(c, k + 1, &pl) == U_QUARTER && !pl) {
        x->a1 = k + 2;
        set_tv(x, TD_TIMEX_DATE,
               (tv){P_QUARTER, quarter_ref(c).y - 1, 0, 0, 0, 0, o->val});
        return 1;
      }
      int uq = unit_at(c, k, &pl);
      if (uq == U_QUARTER && !pl) {
        t = quarter_ref(c);
        t.y--;
        x->a1 = k + 1;
      } else if (word_at(c, k, "period")) {
        t = c->have_lastq ? story_period(c) : quarter_ref(c);
        t.y--;
        x->a1 = k + 1;
      } else if (c->have_lastq) {
        t = story_period(c);
        t.y--;
        x->a1 = k;
      } else {
        t = tv_shift(c->dct, U_YEAR, -1);
        x->a1 = k;
      }
      set_tv(x, TD_TIMEX_DATE, t);
      return 1;
    }
    /* "the year 2000", "the year two thousand": that year */
    if (u == U_YEAR && i > 0 && word_at(c, i - 1, "the") &&
        (year_at(c, i + 1, &y) || spoken_year_at(c, i + 1, 1, &y, &e2))) {
      x->a1 = year_at(c, i + 1, &y) ? i + 2 : e2;
      set_tv(x, TD_TIMEX_DATE, (tv){P_YEAR, y, 0, 0, 0, 0, 0});
      return 1;
    }
    if (!(i > 0 && word_at(c, i - 1, "the")) || !c->have_dct) return 0;
    /* the year, the quarter, the week, the weekend, the day */
    if (u == U_YEAR && year_stretch(c, i)) {
      x->a1 = i + 1;
      set_lit(x, TD_TIMEX_DURATION, "P1Y");
      return 1;
    }
    /* "the week of March 6": the week holding that day */
    if (u == U_WEEK && word_at(c, i + 1, "of") && i + 2 < (int)c->n) {
      int yl;
      if (date_at(c, i + 2, &t, &e2, &yl) && t.prec == P_DAY) {
        if (yl) fix_year(c, &t, TENSE());
        if (t.y >= 0) {
          x->a1 = e2;
          set_tv(x, TD_TIMEX_DATE, tv_week_of(tv_days(t)));
          return 1;
        }
      }
    }
    if (u == U_YEAR || u == U_WEEKEND || u == U_WEEK) {
      t = tv_shift(c->dct, u, 0);
      /* "over the weekend" early in the week is the one just past */
      if (u == U_WEEKEND && td_weekday(c->dct.y, c->dct.m, c->dct.d) <= 3 &&
          TENSE() <= 0)
        t = tv_shift(c->dct, u, -1);
      x->a1 = i + 1;
      set_tv(x, TD_TIMEX_DATE, t);
      return 1;
    }
    if (u == U_QUARTER) {
      t = quarter_ref(c);
      x->a1 = i + 1;
      /* "the quarter a year ago": that quarter the year before */
      if ((word_at(c, i + 1, "a") || word_at(c, i + 1, "one")) &&
          word_at(c, i + 2, "year") &&
          (word_at(c, i + 3, "ago") || word_at(c, i + 3, "earlier"))) {
        t.y--;
        x->a1 = i + 4;
      }
      set_tv(x, TD_TIMEX_DATE, t);
      return 1;
    }
    if (u == U_DAY && !(i >= 2 && word_at(c, i - 2, "of"))) {
      x->a1 = i + 1;
      t = c->have_anchor ? c->anchor : c->dct;
      /* "the day before." / "the day after," with nothing after them */
      int dir = word_at(c, i + 1, "before")  ? -1
                : word_at(c, i + 1, "after") ? 1
                                             : 0;
      expr day;
      if (dir && (i + 2 >= (int)c->n || c->at[i + 2].kind == A_PUNCT)) {
        t = tv_from_days(tv_days(t) + dir);
        x->a1 = i + 2;
        x->anchor = 1;
      } else if (dir && c->at[i + 2].kind == A_WORD &&
                 (sense_of(&c->at[i + 2], C_WEEKDAY) ||
                  sense_of(&c->at[i + 2], C_MONTH) ||
                  sense_of(&c->at[i + 2], C_SHIFT) ||
                  sense_of(&c->at[i + 2], C_DAYREF)) &&
                 match(c, i + 2, &day) && day.has_tv && day.t.prec == P_DAY &&
                 day.t.y >= 0) {
        /* "the day before last Tuesday's hearing": a day from that one */
        t = tv_from_days(tv_days(day.t) + dir);
        x->a1 = day.a1;
        x->anchor = 1;
      }
      set_tv(x, TD_TIMEX_DATE, t);
      x->flags |= c->have_anchor ? TD_TIMEXF_ANCHORED : TD_TIMEXF_RELATIVE;
      return 1;
    }
    return 0;
  }
  if ((s = sense_of(a, C_DECADE)) && i > 0 && word_at(c, i - 1, "the")) {
    x->a1 = i + 1;
    set_tv(x, TD_TIMEX_DATE, (tv){P_DEC, s->val, 0, 0, 0, 0, 0});
    return 1;
  }
  /* a spoken year: nineteen ninety-six, twenty ten */
  if ((s = sense_of(a, C_NUM)) && s->val >= 10 && s->val <= 20 &&
      number_at(c, i + 1, 0, &n, &e2) && n >= 10 && n <= 99 &&
      c->at[i + 1].kind == A_WORD) {
    x->a1 = e2;
    set_tv(x, TD_TIMEX_DATE, (tv){P_YEAR, s->val * 100 + n, 0, 0, 0, 0, 0});
    return 1;
  }
  if (sense_of(a, C_NUM) || sense_of(a, C_QUANT) || sense_of(a, C_HALF))
    return match_unitexpr(c, i, x, TENSE());
  if (sense_of(a, C_UNITS) && i > 0 && word_at(c, i - 1, "these") &&
      sense_of(a, C_UNITS)->val == U_DAY) {
    x->a0 = i - 1;
    x->a1 = i + 1;
    set_lit(x, TD_TIMEX_DATE, "PRESENT_REF");
    return 1;
  }
  if (sense_of(a, C_LATEST) && i > 0 && word_at(c, i - 1, "the") &&
      c->have_dct &&
      ((unit_at(c, i + 1, &pl) == U_QUARTER && !pl) ||
       word_at(c, i + 1, "period"))) {
    x->a1 = i + 2;
    set_tv(x, TD_TIMEX_DATE, latest_quarter(c));
    return 1;
  }
  if (sense_of(a, C_TERM) && i > 1 && word_at(c, i - 2, "the") &&
      (word_at(c, i - 1, "near") || word_at(c, i - 1, "short") ||
       word_at(c, i - 1, "long"))) {
    x->a0 = i - 1;
    x->a1 = i + 1;
    set_lit(x, TD_TIMEX_DATE, "FUTURE_REF");
    return 1;
  }
  if (sense_of(a, C_UNITS)) {
    /* bare plurals after for/over/within: "for years" */
    if (i > 0 && (word_at(c, i - 1, "for") || word_at(c, i - 1, "within") ||
                  word_at(c, i - 1, "over") || word_at(c, i - 1, "in"))) {
      u = sense_of(a, C_UNITS)->val;
      if (u == U_WEEKEND) return 0;
      char lit[24];
      duration_lit(lit, sizeof lit, u, -1);
      x->a1 = i + 1;
      set_lit(x, TD_TIMEX_DURATION, lit);
      return 1;
    }
  }
  return 0;
#undef TENSE
}

/* NUMBER UNIT [ago|later|earlier|old]: durations and shifted dates;
 * "a few days", "several years", "half an hour". */
static int match_unitexpr(const ctx *c, int i, expr *x, int tense) {
  int n = -1, k, u, pl;
  const atom *a = &c->at[i];
  /* "Islam will one day be ...": some day ahead, not a stretch */
  if (is_w(c->text, a, "one") && word_at(c, i + 1, "day") && i > 0 &&
      c->at[i - 1].kind == A_WORD && sense_of(&c->at[i - 1], C_TENSE) &&
      sense_of(&c->at[i - 1], C_TENSE)->val == 1) {
    x->a1 = i + 2;
    set_lit(x, TD_TIMEX_DATE, "FUTURE_REF");
    return 1;
  }
  if (sense_of(a, C_QUANT)) {
    k = i + 1;
    if (word_at(c, k, "of")) k++;
    if (sense_of(a, C_QUANT)->val > 0) n = sense_of(a, C_QUANT)->val;
    if (i > 0 && (word_at(c, i - 1, "a") || word_at(c, i - 1, "an")))
      x->a0 = i - 1; /* a few days, a couple of years */
  } else if (sense_of(a, C_HALF)) {
    k = i + 1;
    if (word_at(c, k, "an") || word_at(c, k, "a")) k++;
    u = unit_at(c, k, &pl);
    if (u == U_HOUR) {
      x->a1 = k + 1;
      set_lit(x, TD_TIMEX_DURATION, "PT30M");
      return 1;
    }
    if (u == U_YEAR || u == U_DAY) {
      x->a1 = k + 1;
      set_lit(x, TD_TIMEX_DURATION, u == U_YEAR ? "P6M" : "PT12H");
      return 1;
    }
    return 0;
  } else if (!number_at(c, i, 1, &n, &k)) {
    return 0;
  }
  if (n < 0) { /* several years ago, a few days later */
    int pl2, u2 = unit_at(c, k, &pl2);
    if (u2 && pl2 &&
        (word_at(c, k + 1, "ago") || word_at(c, k + 1, "earlier"))) {
      x->a1 = k + 2;
      set_lit(x, TD_TIMEX_DATE, "PAST_REF");
      return 1;
    }
  }
  /* "2 1/2 years": a half more of the unit */
  int half = 0;
  if (n >= 0 && k + 2 < (int)c->n && c->at[k].kind == A_NUM &&
      c->at[k].num == 1 && c->at[k].sp && punct_at(c, k + 1, '/') &&
      !c->at[k + 1].sp && c->at[k + 2].kind == A_NUM && c->at[k + 2].num == 2 &&
      !c->at[k + 2].sp) {
    half = 1;
    k += 3;
  } else if (n >= 0 && word_at(c, k, "and") && word_at(c, k + 1, "a") &&
             word_at(c, k + 2, "half") && unit_at(c, k + 3, &pl)) {
    half = 1;
    k += 3;
  }
  /* "two more weeks", "an additional year", "six straight days": the
   * same stretch */
  int stretch = 0;
  if (n >= 0 && !half && counted_unit_word(c, k) && unit_at(c, k + 1, &pl) &&
      pl == (n != 1)) {
    k++;
    stretch = 1;
  }
  /* "two to three weeks", "between 60 and 90 days", "5-10 years": the
   * first count takes the unit of the second, each its own duration */
  int m2, e3;
  if (n > 0 && !half && !stretch &&
      (word_at(c, k, "to") || word_at(c, k, "and") || word_at(c, k, "or") ||
       (punct_at(c, k, '-') && !c->at[k].sp)) &&
      number_at(c, k + 1, 0, &m2, &e3) && m2 > n) {
    if (counted_unit_word(c, e3)) e3++;
    if ((u = unit_at(c, e3, &pl)) && pl && !punct_at(c, e3 + 1, '-') &&
        !word_at(c, e3 + 1, "old")) {
      char lit[24];
      duration_lit(lit, sizeof lit, u, n);
      x->a1 = k;
      set_lit(x, TD_TIMEX_DURATION, lit);
      return 1;
    }
  }
  int hyph = 0;
  if (punct_at(c, k, '-') && !c->at[k].sp) {
    k++;
    hyph = 1;
  }
  u = unit_at(c, k, &pl);
  if (!u) return 0;
  if (n == 1 && pl && !half) return 0;
  /* ages: "47-year-old", "47 years old" are not time expressions */
  int e = k + 1;
  if ((punct_at(c, e, '-') && word_at(c, e + 1, "old")) || word_at(c, e, "old"))
    return 0;
  /* fractions: "three-quarters of its food", "a quarter of the market" */
  int y2;
  if (u == U_QUARTER && !stretch && n >= 0 &&
      ((hyph && pl) || (word_at(c, e, "of") && !year_at(c, e + 1, &y2)) ||
       (e < (int)c->n && c->at[e].kind == A_PUNCT && c->at[e].ch == ',' &&
        n == 1 && !hyph)))
    return 0;
  /* "a minute and a half", "two and a half years" */
  if (n >= 0 && !half && word_at(c, e, "and") && word_at(c, e + 1, "a") &&
      word_at(c, e + 2, "half") && !pl) {
    half = 1;
    e += 3;
  }
  if (half) {
    char lit[24];
    if (!half_duration_lit(lit, sizeof lit, u, n)) return 0;
    x->a1 = e;
    set_lit(x, TD_TIMEX_DURATION, lit);
    return 1;
  }
  x->a1 = e;
  if (!hyph &&
      (word_at(c, e, "ago") || word_at(c, e, "earlier") ||
       word_at(c, e, "later") || word_at(c, e, "before") ||
       word_at(c, e, "after") || word_at(c, e, "from")) &&
      n >= 0 && u >= U_DAY) {
    int ago = word_at(c, e, "ago");
    int back = ago || word_at(c, e, "earlier") || word_at(c, e, "before");
    /* "two days after the vote": relative to an event, keep the duration */
    if (word_at(c, e, "before") || word_at(c, e, "after") ||
        word_at(c, e, "from")) {
      if (!(word_at(c, e + 1, "that") || word_at(c, e, "from"))) goto duration;
      if (word_at(c, e, "from") && !word_at(c, e + 1, "now")) goto duration;
    }
    tv base = ago || !c->have_anchor ? c->dct : c->anchor;
    x->flags |=
        ago || !c->have_anchor ? TD_TIMEXF_RELATIVE : TD_TIMEXF_ANCHORED;
    if (!c->have_dct && !(!ago && c->have_anchor)) goto duration;
    tv t = tv_shift(base, u, back ? -n : n);
    /* "profit rose from a year ago" in a quarterly report: that quarter */
    if (u == U_YEAR && back && c->have_lastq) {
      t = story_period(c);
      t.y -= n;
    }
    x->a1 = e + 1;
    if (word_at(c, e, "from") || word_at(c, e + 1, "that")) x->a1 = e + 2;
    set_tv(x, TD_TIMEX_DATE, t);
    x->anchor = t.prec == P_DAY;
    return 1;
  }
  /* "in three weeks" in a future sentence: the date three weeks on */
  if (!hyph && n > 0 && u >= U_DAY && u != U_WEEKEND && i > 0 &&
      word_at(c, i - 1, "in") && tense > 0 && c->have_dct) {
    set_tv(x, TD_TIMEX_DATE, tv_shift(c->dct, u, n));
    x->flags |= TD_TIMEXF_RELATIVE;
    return 1;
  }
duration:;
  char lit[24];
  duration_lit(lit, sizeof lit, u, n);
  /* "twice a year", "$5 a day", "10% a year": a set */
  if (n == 1 && !hyph && i > 0 &&
      (word_at(c, i, "a") || word_at(c, i, "per")) &&
      (c->at[i - 1].kind == A_NUM || word_at(c, i - 1, "twice") ||
       word_at(c, i - 1, "times") || word_at(c, i - 1, "once") ||
       word_at(c, i - 1, "million") || word_at(c, i - 1, "billion") ||
       word_at(c, i - 1, "percent") || punct_at(c, i - 1, '%'))) {
    set_lit(x, TD_TIMEX_SET, lit);
    return 1;
  }
  set_lit(x, TD_TIMEX_DURATION, lit);
  return 1;
}

/* ---- Driver ---- */

static void push_timex(td_doc *doc, size_t *cap, const ctx *c, const expr *x,
                       uint32_t sent) {
  if (doc->n_timexes == *cap) {
    *cap = *cap ? *cap * 2 : 16;
    doc->timexes = td_xrealloc(doc->timexes, *cap * sizeof *doc->timexes);
  }
  td_timex *tx = &doc->timexes[doc->n_timexes];
  memset(tx, 0, sizeof *tx);
  tx->start = c->at[x->a0].s;
  tx->end = c->at[x->a1 - 1].e;
  tx->sent = sent;
  tx->type = (uint8_t)x->type;
  tx->range_pair = -1;
  tx->flags = (uint8_t)x->flags;
  if (x->has_tv) {
    tv t = x->t;
    tv_format(t, tx->value, sizeof tx->value);
    if (t.y >= 0) {
      td_date d = {0};
      d.year = (int16_t)t.y;
      switch (t.prec) {
        case P_MIN:
          d.hour = (int8_t)t.h;
          d.minute = (int8_t)t.mi;
          d.precision = TD_PREC_MINUTE;
          d.month = (int8_t)t.m;
          d.day = (int8_t)t.d;
          break;
        case P_DAY:
        case P_PART:
          d.month = (int8_t)t.m;
          d.day = (int8_t)t.d;
          d.precision =
              t.m ? (t.d ? TD_PREC_DAY : TD_PREC_MONTH) : TD_PREC_YEAR;
          break;
        case P_WEEK:
        case P_WEEKEND: {
          /* a week dates to the month of its Thursday */
          int64_t z = td_days_from_civil(t.y, 1, 4);
          int wd = (int)(((z + 3) % 7 + 7) % 7);
          int64_t thu = z - wd + 3 + 7 * (int64_t)(t.x - 1);
          int yy, mm, dd;
          td_civil_from_days(thu, &yy, &mm, &dd);
          d.year = (int16_t)yy;
          d.month = (int8_t)mm;
          d.precision = TD_PREC_MONTH;
          break;
        }
        case P_MONTH:
          d.month = (int8_t)t.m;
          d.precision = TD_PREC_MONTH;
          break;
        case P_YEAR:
        case P_QUARTER:
        case P_HALF:
        case P_SEASON:
          d.precision = TD_PREC_YEAR;
          break;
        default:
          d.year = 0;
          break;
      }
      tx->date = d;
    }
  } else {
    memcpy(tx->value, x->lit, sizeof tx->value);
  }
  doc->n_timexes++;
}

/* Whether x is a stretch of a company's year longer than a quarter: "the
 * nine months", "the first half", "the six months ended June 30". */
static int months_stretch(const expr *x) {
  if (x->has_tv) return x->t.prec == P_HALF;
  return x->type == TD_TIMEX_DURATION &&
         (strcmp(x->lit, "P6M") == 0 || strcmp(x->lit, "P9M") == 0);
}

/* Whether the expression should take a preceding "the". */
static int takes_the(const ctx *c, const expr *x) {
  if (x->a0 == 0 || !word_at(c, x->a0 - 1, "the")) return 0;
  const atom *a = &c->at[x->a0];
  if (a->kind == A_NUM)
    return x->type == TD_TIMEX_DURATION || x->t.prec == P_DEC;
  if (sense_of(a, C_MONTH) || sense_of(a, C_WEEKDAY)) return 0;
  if (x->type == TD_TIMEX_SET) return 0;
  if (x->type == TD_TIMEX_DATE && !x->has_tv && x->a1 == x->a0 + 1 &&
      !is_w(c->text, a, "future") && !is_w(c->text, a, "past"))
    return 0; /* "the recent", "the current" */
  return 1;
}

/* The first atom of x with its modifier: "nearly two years", "more than
 * four hours", "around Nov. 1", "right now". */
static int with_modifier(const ctx *c, const expr *x) {
  int a0 = x->a0;
  if (a0 == 0) return a0;
  const lex_sense *m = sense_of(&c->at[a0 - 1], C_APPROX);
  if (!m) return a0;
  const atom *f = &c->at[a0];
  int amount = f->kind == A_NUM || sense_of(f, C_NUM) || sense_of(f, C_QUANT) ||
               is_w(c->text, f, "a") || is_w(c->text, f, "an");
  int point = x->has_tv && x->type != TD_TIMEX_DURATION;
  int ref = !x->has_tv && x->type == TD_TIMEX_DATE;
  switch (m->val) {
    case 1:
      return amount || point ? a0 - 1 : a0;
    case 2: {
      const lex_sense *m2 = a0 >= 2 ? sense_of(&c->at[a0 - 2], C_APPROX) : NULL;
      return (amount || point) && m2 && m2->val == 5 ? a0 - 2 : a0;
    }
    case 3:
      return amount && x->type == TD_TIMEX_DURATION ? a0 - 1 : a0;
    case 4:
      return ref ? a0 - 1 : a0;
  }
  return a0;
}

/* A range end after a day: "February 16-17", "January 10 to 13". */
static int range_end(ctx *c, const expr *x, expr *r) {
  if (!x->has_tv || x->t.prec != P_DAY) return 0;
  int k = x->a1;
  if (!(punct_at(c, k, '-') || word_at(c, k, "to") || word_at(c, k, "and") ||
        word_at(c, k, "through") || word_at(c, k, "until") ||
        word_at(c, k, "till")))
    return 0;
  /* the first expr must end with its day number */
  if (c->at[x->a1 - 1].kind != A_NUM) return 0;
  int d;
  if (!day_at(c, k + 1, &d) || d <= x->t.d ||
      d > td_days_in_month(x->t.y < 0 ? 2000 : x->t.y, x->t.m))
    return 0;
  /* not "January 10 to 13 percent" or the start of another date */
  int m, e2;
  if (month_at(c, k + 2, 1, &m, &e2)) return 0;
  memset(r, 0, sizeof *r);
  r->a0 = k + 1;
  r->a1 = k + 2;
  r->has_tv = 1;
  r->type = TD_TIMEX_DATE;
  r->t = x->t;
  r->t.d = d;
  int y;
  r->flags = x->flags;
  if (opt_year(c, r->a1, &y, &e2)) {
    r->t.y = y;
    r->flags &= ~TD_TIMEXF_NO_YEAR;
    r->a1 = e2;
  } else if (opt_rel_year(c, r->a1, &y, &e2)) {
    r->t.y = y;
    r->flags &= ~TD_TIMEXF_NO_YEAR;
    r->a1 = e2;
  }
  r->anchor = 1;
  return 1;
}

/* Whether a line break between tokens a and b ends an expression. A
 * headline or a date line run into the next line is never one expression
 * with it; but text wrapped at a fixed width (the Reuters wire: "on
 * March\n9", "at 1300\nGMT") breaks long lines anywhere, so a break after
 * a line of WRAP_WIDTH bytes or more joins. */
#define WRAP_WIDTH 55
static int line_break_between(const td_doc *doc, uint32_t a, uint32_t b) {
  const char *t = doc->text;
  uint32_t s = doc->toks[a].end, e = doc->toks[b].start;
  const char *nl = e > s ? memchr(t + s, '\n', e - s) : NULL;
  if (nl == NULL) return 0;
  if (memchr(nl + 1, '\n', (size_t)(t + e - (nl + 1)))) return 1;
  size_t ls = (size_t)(nl - t);
  while (ls > 0 && t[ls - 1] != '\n') ls--;
  return (size_t)(nl - t) - ls < WRAP_WIDTH;
}

/* Whether atom k is a word in title case ("Week", not "week" or "WEEK"). */
static int title_case(const ctx *c, int k) {
  const atom *a = &c->at[k];
  return a->kind == A_WORD && a->cap && a->e - a->s > 1 &&
         !td__is_upper((unsigned char)c->text[a->s + 1]);
}

/* Whether the line being tagged is running text: it has a lower-case word
 * of four letters or more, so it is no title-case headline. Worked out
 * once a line. */
static int running_text(ctx *c) {
  if (c->running < 0) {
    c->running = 0;
    for (int k = 0; k < (int)c->n && !c->running; k++) {
      const atom *w = &c->at[k];
      if (w->kind == A_WORD && w->e - w->s >= 4 &&
          td__is_lower((unsigned char)c->text[w->s]))
        c->running = 1;
    }
  }
  return c->running;
}

/* Whether x is the name of a programme or a paper rather than a time: in
 * running text (the line has a lower-case word of four letters or more, so
 * it is no title-case headline), a word that is only capitalized in a name
 * - a unit, "today", "tonight" - written in title case after the first
 * word of the expression ("This Week", "60 Minutes") or, alone, right
 * after a capitalized word that does not open the line ("USA Today"). */
static int title_name(ctx *c, const expr *x) {
  int last = x->a1 - 1;
  const atom *a = &c->at[last];
  if (!title_case(c, last) ||
      !(sense_of(a, C_UNIT) || sense_of(a, C_UNITS) || sense_of(a, C_DAYREF)))
    return 0;
  for (int k = x->a0; k < last; k++)
    if (sense_of(&c->at[k], C_HOLIDAY) || sense_of(&c->at[k], C_MONTH) ||
        sense_of(&c->at[k], C_WEEKDAY))
      return 0; /* "Thanksgiving Day", "May Day" */
  if (last == x->a0) {
    /* alone: after a capitalized word ("USA Today"), or any word or number
     * for a day word, which running text never capitalizes mid-sentence
     * ("Radio 4's Today programme") */
    int p = last - 1;
    if (p < 1 || !a->sp || c->at[p].kind == A_PUNCT ||
        !(c->at[p].cap || sense_of(a, C_DAYREF)))
      return 0;
  }
  return running_text(c);
}

/* Whether a year x is part of a name: between capitalized words that are
 * no time words, the first not opening the line, in running text ("the
 * Russell 2000 Index", "Windows 2000 Server"); "Developers Conference
 * 2010 June 8" names its year. */
static int year_name(ctx *c, const expr *x) {
  int p = x->a0 - 1, q = x->a1;
  if (!x->has_tv || x->t.prec != P_YEAR || x->a1 != x->a0 + 1 || p < 1 ||
      q >= (int)c->n || !title_case(c, p) || c->at[p].sense[0].cls != C_NONE ||
      !title_case(c, q) || c->at[q].sense[0].cls != C_NONE ||
      !c->at[x->a0].sp || !c->at[q].sp)
    return 0;
  return running_text(c);
}

void td_timex_tag(td_doc *doc) {
  free(doc->timexes);
  doc->timexes = NULL;
  doc->n_timexes = 0;
  if (doc->text == NULL || doc->toks == NULL) return;
  pthread_once(&lexicon_once, lexicon_load);
  if (!lexicon_ok) return;

  ctx c;
  memset(&c, 0, sizeof c);
  c.text = doc->text;
  td_date dd = doc->date;
  if (dd.precision >= TD_PREC_YEAR && dd.year > 0) {
    c.have_dct = 1;
    c.dct = (tv){P_DAY,
                 dd.year,
                 dd.month ? dd.month : 1,
                 dd.precision >= TD_PREC_DAY && dd.day ? dd.day : 1,
                 0,
                 0,
                 0};
  }
  c.anchor = c.dct;
  c.stretch_sent = UINT32_MAX;
  size_t cap = 0;
  /* Work line by line within each sentence: a headline or a date line
   * run into the next line is never one expression with it. */
  size_t si = 0;
  uint32_t t0 = 0;
  while (si < doc->n_sents) {
    const td_sentence *sn = &doc->sents[si];
    if (sn->tok_end <= sn->tok_first || sn->tok_end > doc->n_toks) {
      si++;
      continue;
    }
    if (t0 < sn->tok_first || t0 >= sn->tok_end) t0 = sn->tok_first;
    uint32_t t1 = t0 + 1;
    while (t1 < sn->tok_end && !line_break_between(doc, t1 - 1, t1)) t1++;
    atomize(&c, doc, t0, t1);
    if (t1 >= sn->tok_end) {
      t0 = 0;
      si++;
    } else {
      t0 = t1;
    }
    size_t sent_index = t0 ? si : si - 1;
    int prev = -1, prev_a0 = 0, prev_a1 = 0; /* last expression here */
    c.cur_sent = (uint32_t)sent_index;
    for (int i = 0; i < (int)c.n;) {
      const atom *a = &c.at[i];
      /* the cheap first test: digits, or a temporal word */
      if (!(a->kind == A_NUM ||
            (a->kind == A_WORD &&
             (TRIGGER(a->sense[0].cls) || TRIGGER(a->sense[1].cls))))) {
        i++;
        continue;
      }
      expr x;
      if (!match(&c, i, &x) || x.a1 <= i) {
        i++;
        continue;
      }
      if (title_name(&c, &x) || year_name(&c, &x)) {
        /* "This Week", "60 Minutes", "USA Today", "Russell 2000 Index" */
        i = x.a1;
        continue;
      }
      if (takes_the(&c, &x)) x.a0--;
      if (prev < 0 || x.a0 > prev_a1) {
        int m0 = with_modifier(&c, &x);
        if (prev < 0 || m0 >= prev_a1) x.a0 = m0;
      }
      size_t first = doc->n_timexes;
      push_timex(doc, &cap, &c, &x, (uint32_t)sent_index);
      /* from March to May, between 2019 and 2021: a range */
      if (prev >= 0 && prev_a1 + 1 == x.a0 && x.has_tv &&
          doc->timexes[prev].range_pair < 0 && prev_a0 > 0 &&
          doc->timexes[prev].type == TD_TIMEX_DATE &&
          doc->timexes[prev].value[0] != 'P' &&
          ((word_at(&c, prev_a0 - 1, "from") &&
            (word_at(&c, prev_a1, "to") || word_at(&c, prev_a1, "until") ||
             word_at(&c, prev_a1, "through") || punct_at(&c, prev_a1, '-'))) ||
           (word_at(&c, prev_a0 - 1, "between") &&
            word_at(&c, prev_a1, "and")))) {
        doc->timexes[prev].range_pair = (int32_t)first;
        doc->timexes[first].range_pair = prev;
      }
      prev = (int)first;
      prev_a0 = x.a0;
      prev_a1 = x.a1;
      if (x.has_tv && x.t.y >= 0 &&
          (x.t.prec == P_YEAR || x.t.prec == P_MONTH || x.t.prec == P_DAY ||
           x.t.prec == P_PART || x.t.prec == P_MIN)) {
        c.ref = x.t;
        c.have_ref = 1;
        c.ref_sent = (uint32_t)sent_index;
      }
      if (c.have_lastq && months_stretch(&x))
        c.stretch_sent = (uint32_t)sent_index;
      if (x.names_quarter && x.t.y >= 0) {
        c.lastq = x.t;
        c.have_lastq = 1;
        c.lastq_sent = (uint32_t)sent_index;
        c.stretch_sent = UINT32_MAX;
        if (!c.have_mainq && c.have_dct &&
            x.t.y * 4 + x.t.x - 1 < c.dct.y * 4 + (c.dct.m - 1) / 3) {
          c.mainq = x.t;
          c.have_mainq = 1;
        }
      }
      if (x.anchor && x.has_tv && x.t.prec >= P_DAY && x.t.y >= 0) {
        c.anchor = x.t;
        c.anchor.prec = P_DAY;
        c.have_anchor = 1;
      }
      expr r;
      int next = x.a1;
      if (range_end(&c, &x, &r)) {
        /* "January 10 to 13, 2021": the year at the end dates both */
        if ((x.flags & TD_TIMEXF_NO_YEAR) && !(r.flags & TD_TIMEXF_NO_YEAR) &&
            r.t.y != x.t.y) {
          doc->n_timexes = first;
          x.t.y = r.t.y;
          x.flags &= ~TD_TIMEXF_NO_YEAR;
          push_timex(doc, &cap, &c, &x, (uint32_t)sent_index);
        }
        push_timex(doc, &cap, &c, &r, (uint32_t)sent_index);
        if (r.t.y >= 0) { /* the range's end is the latest day named */
          c.anchor = r.t;
          c.have_anchor = 1;
          c.ref = r.t;
          c.have_ref = 1;
          c.ref_sent = (uint32_t)sent_index;
        }
        if (doc->timexes[first].range_pair < 0) {
          doc->timexes[first].range_pair = (int32_t)(first + 1);
          doc->timexes[first + 1].range_pair = (int32_t)first;
        }
        next = r.a1;
        prev = -1;
      }
      i = next;
    }
  }
  free(c.at);
}

const char *td_timex_type_name(td_timex_type t) {
  switch (t) {
    case TD_TIMEX_DATE:
      return "DATE";
    case TD_TIMEX_TIME:
      return "TIME";
    case TD_TIMEX_DURATION:
      return "DURATION";
    case TD_TIMEX_SET:
      return "SET";
  }
  return "DATE";
}
