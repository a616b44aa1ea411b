/*
 * tidings.h - the public interface of libtidings.
 *
 * tidings turns news articles into a deduplicated, sourced timeline of
 * political events. The library is a one-way pipeline; each section below is
 * one stage, in pipeline order:
 *
 *   read -> normalize + dateline -> segment -> annotate -> fingerprint
 *        -> store -> merge -> query and render
 *
 * Ownership rule for the whole API: a function that returns memory says who
 * frees it; every td_X_new has a td_X_free, and td_X_free(NULL) does nothing.
 * Out of memory aborts the process in one place (td_xmalloc and friends), so
 * no caller checks for NULL from an allocation.
 *
 * Errors: functions that can fail return int, 0 on success and a negative
 * TD_E* code otherwise. When the caller passes a td_error, it is filled with
 * the file, line and a human message, so a CLI can print "file:line: msg".
 */
#ifndef TIDINGS_H
#define TIDINGS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TD_VERSION "0.1.0"

/* ------------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------- */

/* X(name, value, message): the one list of error codes. */
#define TD_ERRNO_MAP(X)                                                     \
  X(OK, 0, "success")                                                       \
  X(IO, -1, "cannot read or write")                                         \
  X(PARSE, -2, "malformed input")                                           \
  X(EMPTY, -3, "empty article")                                             \
  X(BINARY, -4, "binary data, not text")                                    \
  X(TOOBIG, -5, "input too large")                                          \
  X(NOTEXT, -6, "no article text")                                          \
  X(DB, -7, "store error")                                                  \
  X(SCHEMA, -8, "store schema is newer than this program")                  \
  X(ARG, -9, "invalid argument")                                            \
  X(NOTFOUND, -10, "not found")

enum td_errno {
#define TD__ERR_ENUM(name, val, msg) TD_E##name = (val),
  TD_ERRNO_MAP(TD__ERR_ENUM)
#undef TD__ERR_ENUM
};

/* The message and the symbolic name ("TD_EPARSE") of an error code; static
 * strings, never NULL (unknown codes give "unknown error"). */
const char *td_strerror(int code);
const char *td_errname(int code);

/* Where and why something failed. file is empty and line 0 when unknown. */
typedef struct td_error {
  int code;
  long line;
  char file[512];
  char msg[512];
} td_error;

/* Fill err (if not NULL) and return code, so callers can write
 * `return td_error_set(err, TD_EPARSE, path, line, "bad %s", x);`. */
int td_error_set(td_error *err, int code, const char *file, long line,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Diagnostics that do not stop the work (warnings, per-article rejects)
 * go to a sink the caller provides. A NULL sink or NULL emit discards them. */
typedef enum td_severity { TD_SEV_WARNING = 1, TD_SEV_ERROR = 2 } td_severity;
typedef struct td_diag {
  void (*emit)(void *ud, td_severity sev, const char *file, long line,
               const char *msg);
  void *ud;
} td_diag;

/* Memory: these never return NULL; they abort with a message instead. */
void *td_xmalloc(size_t n);
void *td_xcalloc(size_t count, size_t size);
void *td_xrealloc(void *p, size_t n);
char *td_xstrdup(const char *s);
char *td_xstrndup(const char *s, size_t n);

/* ------------------------------------------------------------------------
 * Dates
 * ---------------------------------------------------------------------- */

/* How much of a date is known. Comparisons are meaningful: more is finer. */
typedef enum td_precision {
  TD_PREC_NONE = 0,
  TD_PREC_YEAR,
  TD_PREC_MONTH,
  TD_PREC_DAY,
  TD_PREC_MINUTE
} td_precision;

/* A calendar date (proleptic Gregorian). Fields below the precision are 0.
 * A date whose year is unknown but month/day are (a dateline "February 2")
 * has year 0 and precision TD_PREC_DAY; td_date_has_year tells. */
typedef struct td_date {
  int16_t year;
  int8_t month; /* 1-12 */
  int8_t day;   /* 1-31 */
  int8_t hour;
  int8_t minute;
  uint8_t precision; /* td_precision */
} td_date;

/* Day number since 1970-01-01 for y-m-d (any y, m 1-12, d 1-31). */
int64_t td_days_from_civil(int y, int m, int d);
/* Inverse of td_days_from_civil. */
void td_civil_from_days(int64_t days, int *y, int *m, int *d);
/* Day of week, 0 = Monday .. 6 = Sunday. */
int td_weekday(int y, int m, int d);
/* Number of days in month m of year y. */
int td_days_in_month(int y, int m);
/* Whether the date is a real calendar date at its precision. */
int td_date_valid(td_date d);
int td_date_has_year(td_date d);
/* Write the date as ISO 8601 at its precision ("2022", "2022-02",
 * "2022-02-01", "2022-02-01T10:32"); "" for TD_PREC_NONE. Returns the
 * length written (buffer of at least 20 bytes is always enough). */
int td_date_format(td_date d, char *buf, size_t n);
/* Parse ISO 8601 "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS...]"
 * (a space may replace T; trailing zone or seconds are ignored). 0 or
 * TD_EPARSE. */
int td_date_parse_iso(const char *s, td_date *out);
/* Parse the dates found in feed metadata: ISO 8601, RFC 2822
 * ("Tue, 01 Feb 2022 10:00:00 GMT"), Reuters ("26-FEB-1987 15:01:01.79"),
 * "February 1, 2022", "1 February 2022". 0 or TD_EPARSE. */
int td_date_parse_meta(const char *s, td_date *out);
/* Month number 1-12 for an English month name or abbreviation at s (len n),
 * case-insensitive, with or without a trailing period; 0 if none. */
int td_month_from_name(const char *s, size_t n);

/* ------------------------------------------------------------------------
 * The document model
 * ---------------------------------------------------------------------- */

/* Where a document's date came from, best first. */
typedef enum td_date_source {
  TD_DATE_SRC_NONE = 0,
  TD_DATE_SRC_METADATA, /* a date field of the feed (JSON date, Reuters DATE) */
  TD_DATE_SRC_DATELINE, /* the dateline ("MOSCOW, February 2.") */
  TD_DATE_SRC_STAMP,    /* a full date stamp in the article head */
  TD_DATE_SRC_INFERRED  /* from other dates in the article or its batch */
} td_date_source;
/* "metadata", "dateline", "stamp", "inferred" or "none". */
const char *td_date_source_name(td_date_source s);

/* Token kinds and flags. Offsets in tokens, sentences and paragraphs are
 * byte offsets into td_doc.text, half-open [start, end). */
typedef enum td_token_kind {
  TD_TOK_WORD = 1, /* letters, digits inside words, apostrophes, hyphens */
  TD_TOK_NUMBER,   /* digits with , . : separators (1,750  2.27  10:32) */
  TD_TOK_PUNCT,    /* . , ; : ! ? " ' ( ) [ ] - etc., one per token */
  TD_TOK_SYMBOL    /* anything else ($ % & / + ...) */
} td_token_kind;
enum {
  TD_TOKF_CAP = 1 << 0,     /* first letter uppercase */
  TD_TOKF_ALLCAPS = 1 << 1, /* every letter uppercase, at least 2 letters */
  TD_TOKF_ABBREV = 1 << 2,  /* includes its trailing period (U.S., Feb., Dr.) */
  TD_TOKF_HYPHEN = 1 << 3,  /* contains an inner hyphen (US-led) */
  TD_TOKF_SENT_START = 1 << 4 /* first token of its sentence */
};
typedef struct td_token {
  uint32_t start, end;
  uint16_t kind;  /* td_token_kind */
  uint16_t flags; /* TD_TOKF_* */
} td_token;

typedef struct td_sentence {
  uint32_t start, end;         /* text span, trimmed of whitespace */
  uint32_t para;               /* index of its paragraph */
  uint32_t tok_first, tok_end; /* tokens [tok_first, tok_end) */
} td_sentence;

typedef struct td_paragraph {
  uint32_t start, end;           /* text span, trimmed of whitespace */
  uint32_t sent_first, sent_end; /* sentences [sent_first, sent_end) */
} td_paragraph;

/* The dateline found at the head of a story, if any. */
typedef struct td_dateline {
  uint32_t start, end; /* span in text; start == end when there is none */
  char place[64];      /* "Moscow", "Washington"; "" if none */
  char agency[64];     /* "TASS", "Xinhua", "AP", "Reuters"; "" if none */
  td_date date;        /* as written: year 0 when the dateline omits it */
} td_dateline;

#define TD_MAX_STAMPS 8

/* ---- Annotations, filled by the annotate stages (Stage 4) ----
 * Spans are byte offsets into td_doc.text, half-open [start, end); sent is
 * the index of the sentence holding the span. */

typedef enum td_timex_type {
  TD_TIMEX_DATE = 1,
  TD_TIMEX_TIME,
  TD_TIMEX_DURATION,
  TD_TIMEX_SET
} td_timex_type;
/* "DATE", "TIME", "DURATION", "SET". */
const char *td_timex_type_name(td_timex_type t);

/* How a time expression's value was obtained (td_timex.flags). */
enum {
  TD_TIMEXF_RELATIVE = 1 << 0, /* resolved against the document date */
  TD_TIMEXF_ANCHORED = 1 << 1, /* resolved against a date the text gave
                                  just before ("the next day") */
  TD_TIMEXF_NO_YEAR = 1 << 2   /* the text gave no year; it was inferred */
};

/* A temporal expression normalized the TimeML (TIMEX3) way against the
 * document date. */
typedef struct td_timex {
  uint32_t start, end;
  uint32_t sent;
  uint8_t type;   /* td_timex_type */
  uint8_t flags;  /* TD_TIMEXF_* */
  char value[24]; /* TIMEX3 value: 2022-01-31, 2022-W05, P3D, PAST_REF ... */
  /* The calendar date an event governed by this expression takes: day
   * precision for a day (and minute for a clock time), month for a month
   * or an ISO week (the month of its Thursday), year for a year, quarter,
   * half or season; TD_PREC_NONE when the value is no calendar date
   * (durations, sets, *_REF, decades, a year the text never gives). */
  td_date date;
  int32_t range_pair; /* the other end of a range ("February 16-17"), or -1 */
} td_timex;

/* How an actor mention got its code, best evidence first. */
typedef enum td_actor_how {
  TD_ACTOR_DICT = 1, /* the name is in the knowledge base or a --dict file */
  TD_ACTOR_TITLE,    /* a title or apposition in the text ("US Secretary of
                        State X", "X, a reporter with Voice of America") */
  TD_ACTOR_LEARNT,   /* learnt from an earlier article in the store */
  TD_ACTOR_COREF     /* a later short name, "the Secretary" or a pronoun */
} td_actor_how;
/* "dictionary", "title", "learnt", "coreference". */
const char *td_actor_how_name(td_actor_how h);

/* What kind of actor an entity is. */
typedef enum td_entity_kind {
  TD_ENT_PERSON = 1, /* a named person ("Antony Blinken") */
  TD_ENT_COUNTRY,    /* a country or region named as such ("Russia", "US") */
  TD_ENT_ORG,        /* an organisation or a seat of power ("NATO", "the
                        Kremlin", "Voice of America") */
  TD_ENT_GROUP       /* an unnamed group or body ("Russian troops", "the
                        Russian Foreign Ministry") */
} td_entity_kind;
/* "person", "country", "organisation", "group". */
const char *td_entity_kind_name(td_entity_kind k);

/* One actor of an article: every mention of the same person, country or
 * organisation shares one entity. */
typedef struct td_entity {
  char name[64];  /* canonical name: "Antony Blinken", "Russia", "NATO" */
  char code[24];  /* CAMEO actor code valid on the article's date: USAGOV */
  char title[48]; /* the title the text gives a person ("US Secretary of
                     State"), "" if none */
  uint8_t how;    /* td_actor_how of its best mention */
  uint8_t kind;   /* td_entity_kind */
  uint16_t n_mentions;
} td_entity;

/* A noun phrase that names an actor. */
typedef struct td_actor_mention {
  uint32_t start, end;
  uint32_t sent;
  uint32_t tok_first, tok_end; /* tokens [tok_first, tok_end) */
  char code[24];  /* CAMEO actor code: "USAGOV", "IGOWSTNAT", "UKRREB" */
  int32_t entity; /* index into td_doc.entities */
  uint8_t how;    /* td_actor_how */
} td_actor_mention;

/* Event flags. A modality is at most one of PLANNED, NEGATED, HYPOTHETICAL;
 * none of them means the event is reported as having happened. */
enum {
  TD_EVF_PLANNED = 1 << 0,      /* future or scheduled ("will attend") */
  TD_EVF_NEGATED = 1 << 1,      /* denied or refused ("did not rule out"
                                   is not negated: it is coded as such) */
  TD_EVF_HYPOTHETICAL = 1 << 2, /* conditional, possible, demanded-of */
  TD_EVF_REPORTED = 1 << 3,     /* inside reported speech of a third party */
  TD_EVF_QUOTED = 1 << 4,       /* inside a quotation */
  TD_EVF_BACKGROUND = 1 << 5    /* only in repeated background material */
};
/* "asserted", "planned", "negated" or "hypothetical" for a flags value. */
const char *td_event_modality(unsigned flags);

/* Where an event's date came from. */
typedef enum td_event_date_how {
  TD_EVDATE_TIMEX = 1, /* a time expression governing it in the sentence */
  TD_EVDATE_CONTEXT,   /* a date set by an earlier sentence */
  TD_EVDATE_DOCUMENT   /* the article's date */
} td_event_date_how;

/* Who did what to whom: one coded event mention. */
typedef struct td_event {
  uint32_t sent;
  uint32_t start, end;    /* the predicate ("spoke by phone with") */
  int32_t source, target; /* indices into td_doc.mentions, -1 for none */
  char source_code[24];   /* the codes, copied: "" for none */
  char target_code[24];
  char code[8]; /* CAMEO event code: "0311" */
  uint16_t flags; /* TD_EVF_* */
  td_date date;
  uint8_t date_how; /* td_event_date_how */
  int32_t timex;    /* index into td_doc.timexes, or -1 */
  char place[48];   /* "Geneva" when the sentence names one, else "" */
} td_event;

/* One article moving through the pipeline. The reader fills the identity
 * and metadata fields and raw; td_normalize fills text and offmap;
 * td_dateline_parse fills dateline, stamps, place, agency and a first date;
 * td_batch_resolve_dates finishes date and date_source; td_segment fills
 * paragraphs, sentences and tokens; td_doc_annotate fills timexes, entities,
 * mentions and events. Every pointer field is owned by the doc and freed by
 * td_doc_free. */
typedef struct td_doc {
  char *id;     /* article id (file stem, JSON id, Reuters NEWID) */
  char *origin; /* the file it was read from ("-" for stdin) */
  long line;    /* line in origin where the article starts, 1-based */
  char *url, *outlet, *title; /* metadata; NULL when absent */
  char *meta_date_text;       /* the metadata date as given, or NULL */
  td_date meta_date;          /* parsed metadata date, TD_PREC_NONE if none */

  char *raw; /* the article text as read (after any container decoding) */
  size_t raw_len;

  char *text; /* normalized text: valid UTF-8, NFC, unified punctuation */
  size_t text_len;
  uint32_t *offmap; /* text_len+1 entries: raw offset of each text byte */
  unsigned n_invalid_utf8; /* bytes replaced by U+FFFD during normalize */

  td_dateline dateline;
  td_date stamps[TD_MAX_STAMPS]; /* full dates seen in the head, in order */
  unsigned n_stamps;
  td_date date;               /* the document date (may lack a year until */
  td_date_source date_source; /* td_batch_resolve_dates has run) */
  char *place;                /* dateline place, or NULL */
  char *agency;               /* dateline or metadata agency, or NULL */

  td_paragraph *paras;
  size_t n_paras;
  td_sentence *sents;
  size_t n_sents;
  td_token *toks;
  size_t n_toks;
  size_t n_words; /* word and number tokens */

  uint64_t content_hash; /* td_doc_content_hash, set by td_doc_prepare */

  /* Filled by the annotate stages (td_doc_annotate). */
  td_timex *timexes;
  size_t n_timexes;
  td_entity *entities;
  size_t n_entities;
  td_actor_mention *mentions;
  size_t n_mentions;
  td_event *events;
  size_t n_events;

  /* Filled by td_fingerprint_doc (or by the store when absent). */
  struct td_fingerprint *fingerprint;
} td_doc;

/* A new empty document. Free with td_doc_free. */
td_doc *td_doc_new(void);
void td_doc_free(td_doc *doc);
/* Replace raw with a copy of the len bytes at raw. */
void td_doc_set_raw(td_doc *doc, const char *raw, size_t len);
/* Replace a string field (id, origin, url, outlet, title, meta_date_text)
 * with a copy of s (NULL clears). Example: td_doc_set_str(&d->url, s). */
void td_doc_set_str(char **field, const char *s);
/* A 64-bit hash of everything that identifies this version of the article
 * (raw text and metadata). Same hash means the same content. */
uint64_t td_doc_content_hash(const td_doc *doc);

/* ------------------------------------------------------------------------
 * Stage 1: read
 * ---------------------------------------------------------------------- */

/* Articles larger than this are rejected as TD_ETOOBIG. */
#define TD_MAX_ARTICLE_BYTES (8u * 1024u * 1024u)

/* Called once per article read. The callback takes ownership of doc (it
 * must td_doc_free it). Return 0 to continue, non-zero to stop reading. */
typedef int (*td_read_fn)(void *ud, td_doc *doc);

/* Counts kept by a reader run. */
typedef struct td_read_stats {
  size_t articles; /* handed to the callback */
  size_t rejected; /* bad articles or unreadable paths, each reported */
  size_t bytes;    /* bytes of input read */
} td_read_stats;

/* Read every article under path and hand each to fn:
 * - a text file: one article, id = file name without extension, line 1;
 * - a JSON Lines file (.jsonl, .ndjson): one article per line. Fields, the
 *   first present and non-empty winning: id (_id, doc_id, article_id,
 *   guid; a number is written in decimal; missing: "<file stem>:<line>"),
 *   text (maintext, body, content), title (headline), date (date_publish,
 *   published, published_at, publish_date, pubdate, datetime; a string
 *   for td_date_parse_meta or seconds since 1970), url (link), source
 *   (source_domain, outlet, publisher, site_name; or an object with a
 *   "name") as the outlet;
 * - a Reuters-21578 SGML file (.sgm): one article per <REUTERS> element,
 *   id = NEWID, metadata date from DATE, title from TITLE, outlet
 *   "Reuters", raw text = DATELINE + BODY with entities decoded (stories
 *   without a BODY: the TITLE, else the TEXT without tags), line = the
 *   line of the <REUTERS> tag;
 * - "-": JSON Lines on stdin (origin "-", derived ids "stdin:<line>");
 * - a directory: walked recursively in byte order of names, hidden entries
 *   skipped; ids taken from file names in its subdirectories are prefixed
 *   with their relative path ("sport/001"), so equal names in different
 *   folders stay different articles. Only article files by extension
 *   (.txt/.text as text,
 *   .jsonl/.ndjson, .sgm, any case) and skipping the rest silently, as
 *   well as documentation named README, LICENSE, COPYING ... (any
 *   extension). A .jsonl whose first record has no text field at all is
 *   no article feed (a gold file, say): skipped with a warning. A
 *   directory holding .sgm files is a corpus distribution: its .txt files
 *   are documentation, skipped with one warning.
 * A file named explicitly with any other extension is read as text.
 * Each bad article or unreadable path is reported to diag as
 * "file:line: message" (line 0 when there is none), counted in
 * stats->rejected and skipped; reading goes on. Articles and JSON lines
 * over the size limit are rejected without being held in memory whole.
 * Invalid UTF-8 in a JSON line or SGML element is replaced by U+FFFD with
 * a warning at its line. stats (may be NULL) is added to, not reset.
 * Returns 0, or the callback's non-zero value if it stopped the read. */
int td_read_path(const char *path, td_read_fn fn, void *ud,
                 const td_diag *diag, td_read_stats *stats);
/* The same for an already open stream; name is the origin used for ids
 * and messages. TD_FMT_AUTO picks the format from name's extension ("-"
 * is JSON Lines, anything unknown text). The caller closes f. */
typedef enum td_format {
  TD_FMT_AUTO = 0,
  TD_FMT_TEXT,
  TD_FMT_JSONL,
  TD_FMT_SGML
} td_format;
int td_read_stream(FILE *f, const char *name, td_format fmt, td_read_fn fn,
                   void *ud, const td_diag *diag, td_read_stats *stats);

/* ------------------------------------------------------------------------
 * Stage 2: normalize and dateline
 * ---------------------------------------------------------------------- */

/* Make doc->text from doc->raw (replacing any earlier text): invalid
 * UTF-8 bytes become U+FFFD (each run reported to diag as a warning at
 * origin and line: doc->line plus the newlines before it; the first five
 * runs, then a count), CRLF and CR become LF, form feed and vertical tab
 * LF, other control characters a space; text is NFC; then the rules of
 * data/charmap.tsv apply: typographic quotes become ' and ", dashes and
 * minus '-', odd spaces ' ', the ellipsis "...", zero-width characters,
 * BOM and soft hyphens are dropped. offmap[i] is the raw offset of text
 * byte i (a replaced or composed character maps all its bytes to the
 * first raw byte it came from; offmap[text_len] = raw_len), non-decreasing.
 * Returns 0; TD_EEMPTY when the text holds nothing but whitespace;
 * TD_EBINARY when raw holds a NUL, more than 10% control characters, or
 * more than 25% control characters and invalid bytes together; TD_ETOOBIG
 * over TD_MAX_ARTICLE_BYTES. text and offmap are set in every case. */
int td_normalize(td_doc *doc, const td_diag *diag);

/* Find the dateline and date stamps in the head of doc->text (the first
 * eight non-blank lines, at most 1500 bytes) and set doc->dateline, stamps,
 * place, agency, and date/date_source from the best evidence (metadata >
 * dateline > stamp). A dateline date without a year takes it from the
 * metadata date or a stamp consistent with it; a stamp that contradicts the
 * dateline by more than a few days is ignored for the date. Leaves date
 * without a year when the article alone cannot tell. Agency names are made
 * canonical with data/agencies.txt. Replaces any earlier result. */
void td_dateline_parse(td_doc *doc);

/* Finish the dates of a batch: each doc whose date lacks a year takes the
 * year that puts its month and day nearest to the dated documents of the
 * batch (as they were before the call, so order does not matter), or, when
 * none has a year, nearest to its own date stamps (date_source becomes
 * TD_DATE_SRC_INFERRED only if the day itself was not written in a
 * dateline). */
void td_batch_resolve_dates(td_doc **docs, size_t n);

/* ------------------------------------------------------------------------
 * Stage 3: segment
 * ---------------------------------------------------------------------- */

/* Split doc->text into paragraphs (blank lines, or single newlines between
 * lines that do not wrap), sentences and tokens. Sentence splitting keeps
 * abbreviations (U.S., Feb., Gen., Dr.), initials, decimals, quotes and
 * ellipses inside the sentence, and splits run-together sentences
 * ("Ukraine.Blinken said"). A dateline found by td_dateline_parse is a
 * sentence of its own, and a byline glued to a dotted acronym ("Deng
 * XianlaiU.S. Secretary") is cut off as one. Abbreviations and sentence
 * openers come from data/abbreviations.txt and data/sentence_starters.txt.
 * Replaces any earlier segmentation. */
void td_segment(td_doc *doc);

/* Read-side convenience: normalize, dateline and segment one document and
 * set content_hash. Returns td_normalize's result. */
int td_doc_prepare(td_doc *doc, const td_diag *diag);

/* ------------------------------------------------------------------------
 * Stage 4: annotate - time expressions, actors, events
 * ---------------------------------------------------------------------- */

/* Find the temporal expressions of a segmented document and resolve them
 * against doc->date (the document creation time) and against each other
 * (a date just mentioned anchors "the next day"). Replaces doc->timexes,
 * in text order. A document without a date gets values only for absolute
 * expressions (others get X placeholders: "XXXX-12-17"). The word lists
 * come from data/timex-*.txt under td__data_dir(), read once per process;
 * if they cannot be read, a message goes to stderr and nothing is tagged. */
void td_timex_tag(td_doc *doc);

/* The actor knowledge base: countries, organisations, roles and people
 * with dated roles from the data files, plus imported dictionaries and
 * people learnt from articles. */
typedef struct td_actor_kb td_actor_kb;
typedef struct td_store td_store;

/* Load the built-in knowledge from data_dir (NULL: the installed data
 * directory, or $TIDINGS_DATA): data/actors/countries.txt, organisations,
 * roles, people (dated), variants, pronouns, nonnames. Bad lines are
 * reported to diag with file and line and skipped; a missing file fails
 * with TD_EIO. Free with td_actor_kb_free. A kb learns from every article
 * it resolves and keeps working memory: use one kb per thread. */
int td_actor_kb_open(const char *data_dir, td_actor_kb **out,
                     const td_diag *diag, td_error *err);
void td_actor_kb_free(td_actor_kb *kb);
/* Add a PETRARCH/TABARI actor dictionary on top of what is loaded
 * (NAME [CODE], +SYNONYM lines, date-restricted codes [CODE 770101-120812],
 * [CODE >080508], [CODE <911226], agents [~GOV] as role words); malformed
 * lines are reported with file:line and skipped. For a name known twice,
 * the code valid on the article's date with the latest start wins, then
 * the more specific undated code, then the later loaded. *n_entries (if
 * not NULL) gets the number of entries added. TD_EIO if path cannot be
 * read. */
int td_actor_kb_load_dict(td_actor_kb *kb, const char *path,
                          const td_diag *diag, size_t *n_entries,
                          td_error *err);

/* Find and code the actor mentions of a segmented document (after
 * td_timex_tag, so dated roles use doc->date): names, titles before a
 * name and appositions after it, groups ("Russian troops"), and mentions
 * that refer back (a surname, "the Secretary", he/she/him). People whose
 * role the text states are added to kb as learnt, with the article's
 * date. Replaces doc->entities and doc->mentions (owned by doc). */
void td_actors_resolve(td_doc *doc, td_actor_kb *kb);
/* Add the people learnt from earlier articles (the store's actor tables)
 * to kb, each with the date of the article that gave its title; a newer
 * title wins from its date on. st is only read. Returns 0 or TD_EDB. */
int td_actor_kb_load_store(td_actor_kb *kb, td_store *st, td_error *err);
/* Counts of what kb holds: actors (entries with a code) and the names and
 * variants that find them. */
typedef struct td_actor_kb_stats {
  size_t actors, names, people, learnt, dict_entries;
} td_actor_kb_stats;
void td_actor_kb_stats_get(const td_actor_kb *kb, td_actor_kb_stats *out);
/* Look up a name as written ("Antony Blinken", "the Kremlin") and write
 * the CAMEO code it has on the date into code (n bytes, "" if none).
 * Returns 1 when the name is known, 0 otherwise. */
int td_actor_kb_lookup(td_actor_kb *kb, const char *name, td_date date,
                       char *code, size_t n);

/* The CAMEO event ontology and the verb and phrase patterns that code it,
 * read from the data files. */
typedef struct td_lexicon td_lexicon;

/* One CAMEO event code. Strings are owned by the lexicon. */
typedef struct td_cameo {
  const char *code;  /* "0311" */
  const char *name;  /* "Express intent to cooperate economically" */
  double goldstein;  /* -10 .. +10 */
  int quad_class;    /* 1 verbal coop, 2 material coop, 3 verbal conflict,
                        4 material conflict */
} td_cameo;

/* Load the CAMEO tables and verb patterns from data_dir (NULL as for
 * td_actor_kb_open). Free with td_lexicon_free. */
int td_lexicon_open(const char *data_dir, td_lexicon **out,
                    const td_diag *diag, td_error *err);
void td_lexicon_free(td_lexicon *lx);
/* Replace the verb patterns of lx with those of a PETRARCH or TABARI verb
 * dictionary at path: blocks "--- NAME [CODE] ---", verbs with their
 * irregular forms ("BREAK {BROKE BROKEN}"), patterns "- WORDS * WORDS
 * [CODE]" and &SYNSETS. A second dictionary adds to the first. Codes that
 * cameo.tsv lacks are added with their root's Goldstein value and quad
 * class. *n_patterns (if not NULL) gets the patterns read. Returns 0, or
 * TD_EIO when the file cannot be read. */
int td_lexicon_load_verbs(td_lexicon *lx, const char *path, const td_diag *diag,
                          size_t *n_patterns, td_error *err);
/* The entry of a CAMEO code, or NULL if the code is unknown. */
const td_cameo *td_cameo_lookup(const td_lexicon *lx, const char *code);

/* Code the events of a document whose timexes and actor mentions are
 * done. Replaces doc->events. Only events with a known source actor are
 * kept. */
void td_events_extract(td_doc *doc, const td_lexicon *lx);
/* Options of td_events_extract_opts. */
enum {
  /* Also keep events whose source actor is unknown (source -1), e.g. to
   * evaluate event codes on sentences whose actors no dictionary knows. */
  TD_EVX_KEEP_UNRESOLVED = 1 << 0
};
/* td_events_extract with TD_EVX_* options. */
void td_events_extract_opts(td_doc *doc, const td_lexicon *lx,
                            unsigned opts);

/* Run the annotate stages in order on a prepared document: td_timex_tag,
 * td_actors_resolve, td_events_extract. kb and lx may be NULL to skip
 * actors and events. */
void td_doc_annotate(td_doc *doc, td_actor_kb *kb, const td_lexicon *lx);

/* ------------------------------------------------------------------------
 * Fingerprint: near-duplicate articles and repeated passages
 *
 * Similarity is word 5-gram Jaccard over normalized words (letters and
 * digits, ASCII lowercased, other scripts case-folded, apostrophes inside a
 * word dropped, everything else a separator), so punctuation and case never
 * matter. Candidates come from MinHash signatures (one-permutation hashing
 * with optimal densification) split into LSH bands; every candidate is
 * verified by its exact Jaccard before it counts. Passages (paragraphs, and
 * long sentences of paragraphs of 3+ sentences) are fingerprinted with word
 * 3-grams to find repeated background material.
 * ---------------------------------------------------------------------- */

typedef struct td_store td_store;

#define TD_FP_SHINGLE 5             /* words per document shingle */
#define TD_FP_ROWS 4                /* MinHash values per LSH band */
#define TD_FP_BANDS 8               /* LSH bands per document */
#define TD_FP_THRESHOLD 0.8         /* default near-duplicate Jaccard */
#define TD_FP_PASSAGE_SHINGLE 3     /* words per passage shingle */
#define TD_FP_PASSAGE_KEYS 2        /* LSH bands per passage */
#define TD_FP_PASSAGE_MIN_WORDS 8   /* shorter passages are not indexed */
#define TD_FP_PASSAGE_THRESHOLD 0.5 /* passage 3-gram Jaccard for a repeat */
#define TD_FP_MAX_PASSAGES 64       /* passages indexed per article, at most */

/* One passage of an article: a paragraph (sent == -1) or a long sentence
 * (20+ words) of a paragraph of 3+ sentences. */
typedef struct td_passage {
  uint32_t start, end; /* span in td_doc.text */
  uint32_t para;       /* its paragraph */
  int32_t sent;        /* its sentence, or -1 for the whole paragraph */
  uint32_t words;      /* normalized words */
  uint32_t keys[TD_FP_PASSAGE_KEYS]; /* LSH keys (31 bits) */
} td_passage;

/* An article's fingerprint. Owned by its td_doc (td_doc_free frees it). */
typedef struct td_fingerprint td_fingerprint;
struct td_fingerprint {
  uint32_t words;    /* normalized words */
  uint32_t shingles; /* distinct word 5-grams; 0 means no band keys: the
                        article is too short to be a near-duplicate */
  uint32_t bands[TD_FP_BANDS]; /* LSH band keys (31 bits) */
  td_passage *passages;
  size_t n_passages;
};

/* Fingerprint a document from doc->text and its paragraphs and sentences;
 * replaces doc->fingerprint. Works on any text, empty included. */
void td_fingerprint_doc(td_doc *doc);
void td_fingerprint_free(td_fingerprint *fp);

/* The exact word n-gram Jaccard similarity of two texts (n >= 1); 0 when
 * either text has fewer than n words. */
double td_text_similarity(const char *a, size_t na, const char *b, size_t nb,
                          unsigned n);

/* Near-duplicates among n texts held in memory, without a store: the
 * same fingerprints, LSH bands and exact verification as ingest. *pairs
 * (free() it; NULL when none) gets every verified pair (a < b, indexes
 * into texts) with word 5-gram Jaccard >= threshold (0 or less: the
 * default) that LSH proposed, sorted by a then b. stats may be NULL.
 * Returns 0 or TD_EARG. */
typedef struct td_text_pair {
  size_t a, b;
  double similarity;
} td_text_pair;
typedef struct td_dedup_stats {
  size_t bytes;      /* text fingerprinted */
  size_t candidates; /* distinct candidate pairs verified */
  double fingerprint_s, candidates_s, verify_s; /* CPU time of each step */
} td_dedup_stats;
int td_dedup_texts(const char *const *texts, const size_t *lens, size_t n,
                   double threshold, td_text_pair **pairs, size_t *n_pairs,
                   td_dedup_stats *stats);

/* A verified near-duplicate pair, by article id. */
typedef struct td_dup_pair {
  const char *a, *b;
  double similarity; /* exact word 5-gram Jaccard */
} td_dup_pair;

/* A cluster of near-duplicate articles: complete-linkage groups of the
 * verified pairs at or above the threshold (every two of its articles are
 * such a pair; pairs are merged best first). Ids are in date then id order
 * (docs[0] is the earliest); strings are valid during the callback. */
typedef struct td_dup_cluster {
  const char *const *docs;
  size_t n_docs;
  const td_dup_pair *pairs; /* the verified pairs inside it, best first */
  size_t n_pairs;
  double similarity; /* the lowest pair similarity of pairs */
} td_dup_cluster;

/* Call fn for each near-duplicate cluster of the store at threshold (0 or
 * less: TD_FP_THRESHOLD), largest first. The store keeps verified pairs
 * down to Jaccard 0.5; a lower threshold is refused with TD_EARG. fn
 * returns non-zero to stop. Returns 0 or a negative error. */
int td_dups_each(td_store *st, double threshold,
                 int (*fn)(void *ud, const td_dup_cluster *c), void *ud,
                 td_error *err);

/* A passage shared by two articles. For a repeat, origin is the earliest
 * article (by date, then id) holding it; for a paraphrase, the article
 * whose passage is most similar. Strings are valid during the callback. */
typedef struct td_passage_link {
  const char *article, *origin; /* article ids */
  uint32_t para, origin_para;   /* paragraph indexes */
  int32_t sent, origin_sent;    /* sentence indexes, -1 for a paragraph */
  double similarity;            /* repeats: word 3-gram Jaccard; paraphrases:
                                   Jaccard of the content-word sets */
  const char *text;             /* the article's passage text */
} td_passage_link;

/* Call fn for each passage of the store that repeats (exactly or nearly)
 * one of an earlier article, in article date order. */
int td_repeats_each(td_store *st, int (*fn)(void *ud, const td_passage_link *l),
                    void *ud, td_error *err);

/* Call fn for each paragraph that paraphrases a paragraph of another
 * article without repeating it: content-word Jaccard at least min_sim
 * (0 or less: 0.3) but no repeat link. Computed at query time over the
 * whole store (an inverted index in memory), so it costs a pass over the
 * stored text. */
int td_paraphrases_each(td_store *st, double min_sim,
                        int (*fn)(void *ud, const td_passage_link *l), void *ud,
                        td_error *err);

/* ------------------------------------------------------------------------
 * Store
 * ---------------------------------------------------------------------- */

typedef struct td_store td_store;

/* The store file used when none is given: $TIDINGS_DB or "tidings.db".
 * Static or environment string; do not free. */
const char *td_store_default_path(void);

/* Open (creating if needed) and migrate the store at path. On success
 * *out is a handle to close with td_store_close. */
int td_store_open(const char *path, td_store **out, td_error *err);
void td_store_close(td_store *st);

/* Transactions: a batch of puts between begin and commit is atomic. */
int td_store_begin(td_store *st, td_error *err);
int td_store_commit(td_store *st, td_error *err);
int td_store_rollback(td_store *st);

typedef enum td_put_result {
  TD_PUT_NEW = 1,       /* a new article id */
  TD_PUT_UNCHANGED = 2, /* same id, same content: nothing written */
  TD_PUT_REPLACED = 3   /* same id, different content: old version replaced */
} td_put_result;

/* Store a prepared document (its paragraphs, sentences and text, indexed
 * for full-text search). *result says what happened. */
int td_store_put_doc(td_store *st, const td_doc *doc, td_put_result *result,
                     td_error *err);

/* One row of the document listing. Strings borrow from the store and are
 * valid until the next call of the iterator. */
typedef struct td_doc_row {
  const char *id, *date, *date_source, *place, *agency, *title, *outlet,
      *url, *origin;
  long words;
  long paragraphs, sentences;
  /* Near-duplicate cluster: the id of its earliest article, NULL when the
   * article has no near-duplicate; cluster_size articles in it (0 when
   * none). */
  const char *cluster;
  long cluster_size;
  /* Share (0..1) of the article's words in passages that recur in other
   * articles (repeated background material). */
  double repeated;
} td_doc_row;

/* Call fn for each stored article in date then id order. fn returns
 * non-zero to stop. Returns 0 or TD_EDB. */
int td_store_each_doc(td_store *st, int (*fn)(void *ud, const td_doc_row *r),
                      void *ud, td_error *err);

/* Number of stored articles, or a negative error. */
long td_store_count_docs(td_store *st);

/* One actor of the store, over all articles: the entities with the same
 * name and code. Strings borrow from the store and are valid until the
 * next call of the iterator. */
typedef struct td_actor_row {
  const char *name, *code, *kind; /* kind: td_entity_kind_name */
  const char *how;      /* the best td_actor_how_name of its mentions */
  const char *title;    /* a title the text gave, or NULL */
  const char *variants; /* the distinct texts of its mentions, " | " */
  long articles, mentions;
} td_actor_row;
/* Call fn for each stored actor, most mentioned first. fn returns
 * non-zero to stop. Returns 0 or TD_EDB. */
int td_store_each_actor(td_store *st,
                        int (*fn)(void *ud, const td_actor_row *r), void *ud,
                        td_error *err);
/* One stored actor mention (strings as for td_actor_row). */
typedef struct td_actor_mention_row {
  const char *doc, *text, *code, *how;
  const char *entity; /* the entity's name, or NULL */
  long sent, start, end;
} td_actor_mention_row;
/* Call fn for each stored actor mention in article date, id and text
 * order. Returns 0 or TD_EDB. */
int td_store_each_actor_mention(
    td_store *st, int (*fn)(void *ud, const td_actor_mention_row *r),
    void *ud, td_error *err);

/* ------------------------------------------------------------------------
 * Ingest: read, prepare and store, in batches
 * ---------------------------------------------------------------------- */

typedef struct td_ingest_stats {
  size_t read;      /* articles read */
  size_t ingested;  /* new articles stored */
  size_t unchanged; /* already stored with the same content */
  size_t replaced;  /* same id, new content: old version replaced */
  size_t rejected;  /* bad articles and unreadable paths */
  size_t reprocessed; /* unchanged articles annotated again (reprocess) */
  size_t bytes;     /* bytes of article text read */
  double seconds;   /* wall time so far */
} td_ingest_stats;

typedef struct td_ingest_opts {
  size_t batch_size; /* articles per transaction; 0 means 1000 */
  td_diag diag;      /* warnings and rejects, as "file:line: message" */
  /* Called after each batch is committed (may be NULL). */
  void (*progress)(void *ud, const td_ingest_stats *stats);
  void *progress_ud;
  /* Knowledge for the annotate stage (td_doc_annotate); NULL skips actors
   * (and events), NULL lexicon skips events. Borrowed, not freed. */
  td_actor_kb *kb;
  const td_lexicon *lexicon;
  /* Annotate and rewrite articles already stored with the same content
   * (after an upgrade of tidings or of its data files); they are counted
   * as reprocessed, not unchanged. */
  int reprocess;
} td_ingest_opts;

/* Ingest every article under the n paths (see td_read_path) into st. Each
 * batch of articles is prepared, has its dates resolved together
 * (td_batch_resolve_dates), is annotated (td_doc_annotate, skipped for
 * articles already stored unchanged) and is written in one transaction; a batch that
 * fails to commit is rolled back whole and the error returned. Bad articles
 * are reported through opts->diag and counted, never stored. Returns 0 when
 * the store was written successfully (rejects are not failures: see
 * stats->rejected), or a negative error with err filled. */
int td_ingest(td_store *st, const char *const *paths, size_t n,
              const td_ingest_opts *opts, td_ingest_stats *stats,
              td_error *err);

/* ------------------------------------------------------------------------
 * Merge and timeline
 *
 * Every coded event of every stored article is kept as an event mention
 * (article, sentence, byte offsets, actors, code, date, outlet). At the end
 * of each ingest batch the new mentions are merged into timeline entries,
 * one per real event: same date allowing for precision (a month-precise
 * mention joins a day-precise entry inside that month), same actors (a
 * code and a more specific code of the same actor match: USA and USAGOV;
 * either order for symmetric codes such as talks), same CAMEO root (the
 * entry keeps the most specific code) and same polarity (a negated event
 * never merges with an asserted one). An event with one actor only (a
 * statement) merges only with reports worded alike, or with the same named
 * speaker in the same article. Merging is incremental: a new article joins
 * the entries that already exist; a replaced article dissolves the entries
 * it was in and their other mentions merge again.
 *
 * A mention found in repeated background material (a paragraph that
 * recurs from an earlier article) is background: it stays a mention and a
 * citation of its entry, but an entry made only of background mentions is
 * hidden unless asked for, and background articles are not counted as
 * reports (n_reports).
 *
 * Strings in the rows below borrow from the iterator and are valid until
 * its next call or its close.
 * ---------------------------------------------------------------------- */

/* One stored event mention. */
typedef struct td_event_mention {
  int64_t id;           /* mention id in the store */
  int64_t entry;        /* its timeline entry, 0 when it has none (undated) */
  const char *doc;      /* article id */
  const char *doc_date; /* the article's date (ISO 8601), or NULL */
  const char *outlet;   /* outlet, else agency, of the article; or NULL */
  const char *url;      /* the article's URL, or NULL */
  uint32_t para, sent;  /* paragraph and sentence index in the article */
  uint32_t sent_start, sent_end;    /* the sentence's bytes in the text */
  uint32_t start, end;              /* the predicate's bytes in the text */
  const char *sentence;             /* the sentence's text */
  const char *source, *source_name; /* CAMEO actor code ("" for none) and */
  const char *target, *target_name; /* the actor's name (or NULL) */
  const char *code;                 /* CAMEO event code */
  char root[3];                     /* its two-digit root */
  unsigned flags;                   /* TD_EVF_*; TD_EVF_BACKGROUND when the
                                       sentence is repeated material */
  td_date date;                     /* the event's date */
  uint8_t date_how;                 /* td_event_date_how */
  const char *place;                /* or NULL */
} td_event_mention;

/* One timeline entry: a real event and every mention that reports it. */
typedef struct td_timeline_entry {
  int64_t id;
  td_date date;                     /* the most precise date of its mentions */
  const char *source, *source_name; /* the most frequent actor codes (and */
  const char *target, *target_name; /* names) of its mentions */
  const char *code;                 /* the most specific code of its mentions */
  char root[3];
  int symmetric;   /* the code is symmetric (talks): either order */
  unsigned flags;  /* modality: 0 asserted (some mention reports it as
                      happened), else TD_EVF_PLANNED or
                      TD_EVF_HYPOTHETICAL; TD_EVF_NEGATED when negated;
                      TD_EVF_BACKGROUND when every mention is */
  int is_root;     /* reported in the first paragraph of an article */
  long n_mentions; /* mentions, background included */
  long n_articles; /* distinct articles citing it */
  long n_reports;  /* articles citing it outside repeated material */
  long n_outlets;  /* distinct known outlets of those articles */
  const char *first_reported;       /* date of the earliest citing article */
  const char *first_doc;            /* id of that article */
  const char *first_url;            /* its URL, or NULL */
  const td_event_mention *mentions; /* n_mentions of them, the evidence
                                       mention first (earliest non-background
                                       asserted report), then by article */
} td_timeline_entry;

/* What a timeline query selects. Zero-initialised means everything but
 * background-only entries. */
typedef struct td_timeline_filter {
  td_date from, to;          /* entries overlapping [from, to]; a bound of
                                precision TD_PREC_NONE is open */
  const char *const *actors; /* entries with an actor code starting with */
  size_t n_actors;           /* any of these (USA matches USAGOV) */
  const char *pair[2];       /* both set: entries between these two actors,
                                either direction */
  const char *root;          /* "04": entries of this root; NULL any */
  long min_articles;         /* at least this many citing articles */
  int include_background;    /* also entries made only of background */
} td_timeline_filter;

typedef struct td_timeline_iter td_timeline_iter;

/* Start a timeline query; entries come in date order (then source, target,
 * code). *out is closed with td_timeline_close. Returns 0, TD_EARG for a bad
 * filter, or TD_EDB. */
int td_timeline_open(td_store *st, const td_timeline_filter *filter,
                     td_timeline_iter **out, td_error *err);
/* The next entry with its mentions: 1 and *entry set (valid until the next
 * call or close), 0 at the end, or a negative error. */
int td_timeline_next(td_timeline_iter *it, const td_timeline_entry **entry,
                     td_error *err);
void td_timeline_close(td_timeline_iter *it);

/* Entries told together, for a reader of the timeline: entries of one
 * date that cite a common sentence form a group ("published two draft
 * agreements, which Moscow expects from Washington and NATO" gives four
 * dyads and two codes of one happening). The group is led by the entry
 * cited by the most articles (the first of them in timeline order). Each
 * entry stays a dyadic event of its own (JSON Lines, CSV). */
typedef struct td_timeline_member {
  int64_t id;
  const char *source, *source_name; /* as in td_timeline_entry */
  const char *target, *target_name;
  const char *code;
  int symmetric;
  unsigned flags; /* modality, as in td_timeline_entry */
} td_timeline_member;

typedef struct td_timeline_group {
  int64_t leader;   /* id of the entry that leads it */
  long n_articles;  /* distinct articles citing any of its entries */
  size_t n_members; /* its entries, the leader first, then timeline order */
  const td_timeline_member *members;
} td_timeline_group;

typedef struct td_timeline_groups td_timeline_groups;

/* The groups of the entries a timeline query selects (the same filter as
 * td_timeline_open). Free with td_timeline_groups_free. Returns 0, TD_EARG
 * for a bad filter, or TD_EDB. */
int td_timeline_groups_build(td_store *st, const td_timeline_filter *filter,
                             td_timeline_groups **out, td_error *err);
/* The group of entry id, or NULL for an entry the query did not select.
 * Valid until td_timeline_groups_free. */
const td_timeline_group *td_timeline_group_of(const td_timeline_groups *g,
                                              int64_t id);
void td_timeline_groups_free(td_timeline_groups *g);

typedef struct td_event_iter td_event_iter;

/* Every stored event mention, in article date, article id, sentence order.
 * Close with td_event_mentions_close. */
int td_event_mentions_open(td_store *st, td_event_iter **out, td_error *err);
/* 1 and *m set (valid until the next call or close), 0 at the end, or a
 * negative error. */
int td_event_mentions_next(td_event_iter *it, const td_event_mention **m,
                           td_error *err);
void td_event_mentions_close(td_event_iter *it);

/* Sizes of the timeline, for reports and benchmarks: *out filled, 0 or
 * TD_EDB. */
typedef struct td_timeline_stats {
  long mentions;      /* stored event mentions */
  long dated;         /* of which have a date with a year (mergeable) */
  long entries;       /* timeline entries */
  long visible;       /* entries with a non-background mention */
  long merged;        /* mentions in an entry with other mentions */
  long multi_article; /* entries cited by more than one article */
} td_timeline_stats;
int td_timeline_stats_get(td_store *st, td_timeline_stats *out, td_error *err);

/* Merge every mention not merged yet into the timeline. Ingest does this at
 * the end of each batch; call it yourself only after writing articles
 * with td_store_put_doc outside td_ingest (inside or outside a
 * transaction). Returns 0 or a negative error. */
int td_timeline_merge(td_store *st, td_error *err);

#ifdef __cplusplus
}
#endif
#endif /* TIDINGS_H */
