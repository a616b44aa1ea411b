/*
 * lexicon_internal.h - the loaded event lexicon as the event coder sees it
 * (shared by lexicon.c, which builds it, and events.c, which reads it).
 *
 * Every lowercase word form the coder may need is one td__word in a hash
 * table: its closed classes (TD__WC_*) and up to two lemmas with the shape
 * the form has for each (noun/verb base or -s form, past, -ing). Patterns
 * are grouped by the lemma of their head word, so coding a token is one
 * hash lookup and a walk over the few patterns of its lemmas.
 */
#ifndef TD_LEXICON_INTERNAL_H
#define TD_LEXICON_INTERNAL_H

#include "internal.h"

/* Closed word classes, from data/function_words.txt. */
enum {
  TD__WC_DET = 1u << 0,
  TD__WC_PREP = 1u << 1,
  TD__WC_PLACEPREP = 1u << 2,
  TD__WC_BE = 1u << 3,
  TD__WC_HAVE = 1u << 4,
  TD__WC_DO = 1u << 5,
  TD__WC_WILL = 1u << 6,
  TD__WC_HYPO = 1u << 7,
  TD__WC_NEG = 1u << 8,
  TD__WC_SUBJPRON = 1u << 9,
  TD__WC_FIRSTPRON = 1u << 10,
  TD__WC_CONJ = 1u << 11,
  TD__WC_REL = 1u << 12,
  TD__WC_PLAN = 1u << 13,
  TD__WC_TRY = 1u << 14,
  TD__WC_REFUSE = 1u << 15,
  TD__WC_ACCORDING = 1u << 16,
  TD__WC_DEONTIC = 1u << 17,
  TD__WC_PAIRREF = 1u << 18,   /* "the two", "both": the pair just named */
  TD__WC_RELPRON = 1u << 19,   /* "which", "who": as a subject, the noun
                                  phrase before them */
  TD__WC_ECON = 1u << 20,      /* nouns of markets and money: "support
                                  prices", "shares fell" are no events */
  TD__WC_LIGHT = 1u << 21,     /* light verbs: their object noun names the
                                  subject's act ("issued arrest warrants") */
  TD__WC_ARTICLE = 1u << 22,   /* articles: "the talks" after a preposition
                                  are no act of the clause's subject */
  TD__WC_PHRASEEND = 1u << 23, /* "also", "or": a noun before one ends its
                                  phrase */
  TD__WC_SPORT = 1u << 24,     /* "tournament", "goalkeeper": words of
                                  sport reports */
  TD__WC_BODY = 1u << 25,      /* "government", "panel": a body acting for
                                  an actor named elsewhere */
  TD__WC_CAUSE = 1u << 26,     /* "terrorism", "poverty": ills fought in a
                                  campaign, not in violence */
  TD__WC_TOPIC = 1u << 27,     /* "controversy", "crisis": a name before one
                                  names a matter, not an actor */
  TD__WC_DENY = 1u << 28,      /* "denied": what it denies, a clause or a
                                  report, is negated */
  TD__WC_REPORT = 1u << 29,    /* "reports", "claims", "rumours" */
  TD__WC_ARENA = 1u << 30      /* "court", "election": a battle or a war in
                                  it is no fighting */
};
/* "dismissed", "rejected": what the reports they dismiss say is negated
 * (the last bit, outside the enum: an enum constant is an int). */
#define TD__WC_DISMISS (UINT32_C(1) << 31)

/* The shape of a form for one of its lemmas. */
enum {
  TD__SH_BASE = 1u << 0, /* the lemma itself: noun, verb base or adjective */
  TD__SH_S = 1u << 1,    /* plural or third person singular */
  TD__SH_PAST = 1u << 2, /* past tense or past participle */
  TD__SH_ING = 1u << 3   /* -ing form */
};

typedef struct td__word {
  const char *form;
  uint32_t cls;     /* TD__WC_* */
  int32_t lemma[2]; /* lemma ids, -1 when unused */
  uint8_t shape[2]; /* TD__SH_* for each lemma */
} td__word;

/* Elements of a pattern. */
enum {
  TD__PE_WORD = 1, /* a word, matched by lemma (NEG words by class) */
  TD__PE_GAP,      /* "..": any few tokens inside the clause */
  TD__PE_ACTOR     /* "+": an actor mention, the target */
};
typedef struct td__pelem {
  int32_t lemma;
  uint8_t kind;
  uint8_t neg; /* the word is a negation: match any NEG-class token */
} td__pelem;

/* Pattern flags. */
enum {
  TD__PF_SYM = 1u << 0,   /* symmetric: talks between A and B */
  TD__PF_SAY = 1u << 1,   /* a statement verb: its complement is reported */
  TD__PF_NOTGT = 1u << 2, /* never look for a target to the right */
  TD__PF_FAR = 1u << 3,   /* the target may be named anywhere later in the
                             sentence: "published draft agreements, which
                             Moscow expects from Washington" */
  TD__PF_INNER = 1u << 4, /* only the object of a frame ("called for free
                             trade"), never an event of its own */
  TD__PF_PLACE = 1u << 5, /* the + slot is where the event happens ("met
                             X in Brussels"), not its target */
  TD__PF_TOPIC = 1u << 6, /* what its object names is talked about, not
                             done: "discussed ongoing negotiations with
                             Russia", "considering sanctions" */
  TD__PF_ALLEGE = 1u << 7, /* what its object tells is alleged, not
                             asserted: "accused X of shelling" */
  TD__PF_SOFT = 1u << 8    /* a frame that, with no coded object, is a
                             pessimistic comment (012): "warned that
                             police will no longer tolerate rallies" is a
                             threat, "warned that many firms could be
                             crippled" a comment */
};

#define TD__MAX_PRE 4
#define TD__MAX_POST 12

typedef struct td__pattern {
  int32_t head; /* lemma id of the head word */
  uint8_t pos;  /* 'v', 'n', 'a' or 0 for any */
  uint8_t n_pre, n_post;
  uint8_t n_words;            /* words (not gaps) in the pattern: longer wins */
  td__pelem pre[TD__MAX_PRE]; /* nearest to the head last */
  td__pelem post[TD__MAX_POST];
  int32_t code;     /* index into td_lexicon.codes */
  int32_t rcode;    /* an imported "[032:033]": the target's event back to
                       the source (033), else -1 */
  uint8_t code_len; /* digits of the code: more is more specific */
  uint8_t generic;  /* a "not specified below" code (020, 070, 190) */
  uint16_t flags;
  uint32_t line; /* line in verbs.txt, for diagnostics */
} td__pattern;

/* A string -> int32 open-addressing map (keys borrowed). */
typedef struct td__strmap {
  const char **keys;
  int32_t *vals;
  size_t cap, n;
} td__strmap;

struct td_lexicon {
  td_cameo *codes;
  size_t n_codes;
  td__strmap code_map;

  td__word *words;
  size_t n_words, cap_words;
  td__strmap word_map;

  char **lemmas; /* lemma id -> string */
  size_t n_lemmas, cap_lemmas;
  td__strmap lemma_map;

  td__pattern *pats; /* sorted by head lemma */
  size_t n_pats;
  uint32_t *pat_first; /* per lemma id: first pattern and count */
  uint16_t *pat_count;

  /* frames.txt: per inner-code prefix, the code index for each frame
   * (TD__FRAME_*), or -1. */
  int32_t (*frames)[5];
  size_t n_frames;
  td__strmap frame_map;

  int verbs_imported; /* a verb dictionary replaced verbs.txt's patterns */

  /* Strings owned by the lexicon, freed with it. */
  char **strs;
  size_t n_strs, cap_strs;
};

/* Frames (columns of frames.txt). */
enum {
  TD__FRAME_APPEAL = 0,
  TD__FRAME_INTENT,
  TD__FRAME_DEMAND,
  TD__FRAME_REJECT,
  TD__FRAME_THREATEN
};
/* The code index that frame gives an inner event coded inner (code
 * index), by the longest listed prefix of its code; -1 if none. */
int32_t td__lexicon_frame(const td_lexicon *lx, int frame, int32_t inner);

/* The entry of a lowercase form of n bytes, or NULL. */
const td__word *td__lexicon_word(const td_lexicon *lx, const char *form,
                                 size_t n);
/* The lemma id of a lowercase lemma string, or -1. */
int32_t td__lexicon_lemma(const td_lexicon *lx, const char *lemma);
/* The patterns headed by lemma id (count in *n). */
const td__pattern *td__lexicon_patterns(const td_lexicon *lx, int32_t lemma,
                                        size_t *n);

#endif
