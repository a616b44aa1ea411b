/*
 * merge.c - the merge stage: event mentions into timeline entries.
 *
 * Reads the coded events of each new or replaced article (td_doc.events,
 * with the actor mentions and entities they point to) and stores one
 * event_mention row per event, in the ingest batch's transaction (put_doc).
 * At the end of the batch (end_batch) every mention not merged yet joins a
 * timeline_entry, or starts one: one entry per real event, citing every
 * article and sentence that reports it.
 *
 * The merge rules. A mention joins an entry when
 *   - its CAMEO root is the entry's and both are negated or neither is;
 *   - its date range and the entry's nest: a day inside a month, a month
 *     inside a year, or the same range (a month-precise mention joins a
 *     day-precise entry inside that month, and a day-precise mention
 *     refines a month-precise entry to that day);
 *   - its actors match the entry's: the same code, or one code a more
 *     specific form of the other (USA and USAGOV), an empty actor only an
 *     empty one; either order when both the mention's and the entry's code
 *     are symmetric (data/cameo_symmetric.tsv: talks, calls, agreements).
 * Among several candidates the mention takes the one with the same date
 * range, then the one cited by most articles, then the oldest. The mentions
 * of a batch are merged most precise first, so a month-precise mention
 * finds the day-precise entries of its batch.
 *
 * A mention is background when the coder marked it so or its paragraph
 * repeats an earlier article (td__para_is_repeat, from the near-duplicate
 * stage, whose end_batch runs before this one). Background is asked again
 * whenever an entry is recomputed, since a later batch may bring an
 * earlier holder of the paragraph.
 *
 * Invariants: every mention with a dated event (a year known) belongs to
 * exactly one entry once its batch has ended; an entry's day range is the
 * intersection of its mentions' ranges and its counts, code, actors and
 * evidence are those of its current mentions (entries touched by a batch
 * are recomputed from their mentions at its end). A replaced article
 * dissolves the entries it was in: their other mentions are merged again,
 * so the timeline does not depend on whether an article was replaced. An
 * entry's match keys (source_key, target_key) are the most general actor codes
 * of its mentions.
 */
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "internal.h"
#include "store_internal.h"

/* 0 -> 1: mentions, entries, and the entries a batch touched. */
static const char *const timeline_steps[] = {
    "CREATE TABLE event_mention (\n"
    "  rowid INTEGER PRIMARY KEY,\n"
    "  article INTEGER NOT NULL, idx INTEGER NOT NULL,\n"
    "  para INTEGER NOT NULL, sent INTEGER NOT NULL,\n"
    "  sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  source TEXT NOT NULL, source_name TEXT,\n"
    "  target TEXT NOT NULL, target_name TEXT,\n"
    "  code TEXT NOT NULL, root TEXT NOT NULL,\n"
    "  flags INTEGER NOT NULL,\n"
    "  date TEXT, date_precision INTEGER NOT NULL,\n"
    "  day_lo INTEGER, day_hi INTEGER, date_how INTEGER NOT NULL,\n"
    "  place TEXT, outlet TEXT, doc_date TEXT,\n"
    "  background INTEGER NOT NULL DEFAULT 0,\n"
    "  merged INTEGER NOT NULL DEFAULT 0,\n"
    "  entry INTEGER, swapped INTEGER NOT NULL DEFAULT 0,\n"
    "  wording BLOB\n"
    ");\n"
    "CREATE INDEX event_mention_article ON event_mention(article, idx);\n"
    "CREATE INDEX event_mention_entry ON event_mention(entry);\n"
    "CREATE INDEX event_mention_pending ON event_mention(merged)\n"
    "  WHERE merged = 0;\n"
    "CREATE TABLE timeline_entry (\n"
    "  rowid INTEGER PRIMARY KEY,\n"
    "  date TEXT NOT NULL, date_precision INTEGER NOT NULL,\n"
    "  day_lo INTEGER NOT NULL, day_hi INTEGER NOT NULL,\n"
    "  source_key TEXT NOT NULL, target_key TEXT NOT NULL,\n"
    "  source TEXT NOT NULL, source_name TEXT,\n"
    "  target TEXT NOT NULL, target_name TEXT,\n"
    "  code TEXT NOT NULL, root TEXT NOT NULL,\n"
    "  symmetric INTEGER NOT NULL, negated INTEGER NOT NULL,\n"
    "  flags INTEGER NOT NULL DEFAULT 0,\n"
    "  is_root INTEGER NOT NULL DEFAULT 0,\n"
    "  n_mentions INTEGER NOT NULL DEFAULT 0,\n"
    "  n_articles INTEGER NOT NULL DEFAULT 0,\n"
    "  n_reports INTEGER NOT NULL DEFAULT 0,\n"
    "  n_outlets INTEGER NOT NULL DEFAULT 0,\n"
    "  background INTEGER NOT NULL DEFAULT 0,\n"
    "  first_reported TEXT, first_article INTEGER, evidence INTEGER,\n"
    "  wording BLOB\n"
    ");\n"
    "CREATE INDEX timeline_entry_match ON timeline_entry(root, negated,\n"
    "  substr(source_key, 1, 3), substr(target_key, 1, 3), date_precision,\n"
    "  day_lo);\n"
    "CREATE INDEX timeline_entry_day ON timeline_entry(day_lo);\n"
    "CREATE INDEX timeline_entry_pair ON timeline_entry(\n"
    "  substr(source, 1, 3), substr(target, 1, 3), day_lo);\n"
    "CREATE TABLE timeline_dirty (entry INTEGER PRIMARY KEY);\n",
};

/* ---- Symmetric codes (data/cameo_symmetric.tsv) ---- */

typedef struct symmetric_codes {
  char (*code)[8];
  size_t n;
} symmetric_codes;

static int load_symmetric(symmetric_codes *sc, td_error *err) {
  td__lines lr;
  if (td__lines_open(&lr, NULL, "cameo_symmetric.tsv", err) != 0) {
    td__lines_close(&lr);
    return TD_EIO;
  }
  char *line;
  size_t cap = 0;
  while ((line = td__lines_entry(&lr)) != NULL) {
    size_t n = 0;
    while (td__is_digit((unsigned char)line[n])) n++;
    if (n < 2 || n > 4) continue;
    if (sc->n == cap) {
      cap = cap ? cap * 2 : 16;
      sc->code = td_xrealloc(sc->code, cap * sizeof *sc->code);
    }
    memcpy(sc->code[sc->n], line, n);
    sc->code[sc->n][n] = '\0';
    sc->n++;
  }
  td__lines_close(&lr);
  return 0;
}

static bool is_symmetric(const symmetric_codes *sc, const char *code) {
  size_t len = strlen(code);
  for (size_t i = 0; i < sc->n; i++) {
    size_t n = strlen(sc->code[i]);
    /* The code itself, or a four-digit child of a listed parent. */
    if (strcmp(sc->code[i], code) == 0 ||
        (n == 3 && len == 4 && strncmp(sc->code[i], code, 3) == 0))
      return true;
  }
  return false;
}

/* ---- The rules ---- */

/* The day range of a date at its precision; false when it has no year. */
static bool day_range(td_date d, int64_t *lo, int64_t *hi) {
  if (d.precision == TD_PREC_NONE || !td_date_has_year(d)) return false;
  switch (d.precision) {
    case TD_PREC_YEAR:
      *lo = td_days_from_civil(d.year, 1, 1);
      *hi = td_days_from_civil(d.year, 12, 31);
      return true;
    case TD_PREC_MONTH:
      if (d.month < 1 || d.month > 12) return false;
      *lo = td_days_from_civil(d.year, d.month, 1);
      *hi = td_days_from_civil(d.year, d.month,
                               td_days_in_month(d.year, d.month));
      return true;
    default:
      if (d.month < 1 || d.month > 12 || d.day < 1) return false;
      *lo = *hi = td_days_from_civil(d.year, d.month, d.day);
      return true;
  }
}

/* Two actor codes name the same actor: equal, or one is the other made
 * more specific (USA, USAGOV). Empty matches only empty. */
static bool actor_match(const char *a, const char *b) {
  if (strcmp(a, b) == 0) return true;
  size_t la = strlen(a), lb = strlen(b);
  if (la == 0 || lb == 0) return false;
  size_t n = la < lb ? la : lb;
  return n >= 3 && memcmp(a, b, n) == 0;
}

/* The more general of two matching codes. */
static const char *general(const char *a, const char *b) {
  return strlen(a) <= strlen(b) ? a : b;
}

/* ---- Wording ----
 *
 * A one-sided event ("X said ...", no target) is told apart from X's other
 * statements of the day only by what it says. The wording of a sentence is
 * the sorted set of hashes of its content words (four letters or more, not
 * in data/merge_stopwords.txt); two reports of one statement share a
 * third of the shorter wording and at least three content words (two for
 * a wording of four words or fewer). An entry keeps the wording of the
 * report that started it: comparing with a union of its reports would let
 * an entry grow by chains of loosely related sentences. */

#define WORDING_MAX 64                /* content words kept for a mention */
#define ENTRY_WORDING_MAX WORDING_MAX /* an entry: its first report's */

static struct {
  uint32_t *hash; /* sorted */
  size_t n;
  int failed;
} stopwords;
static once_flag stopwords_once = ONCE_FLAG_INIT;

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static void load_stopwords(void) {
  td__lines lr;
  if (td__lines_open(&lr, NULL, "merge_stopwords.txt", NULL) != 0) {
    td__lines_close(&lr);
    stopwords.failed = 1;
    return;
  }
  char *line;
  size_t cap = 0;
  while ((line = td__lines_entry(&lr)) != NULL) {
    size_t n = strcspn(line, " \t");
    if (stopwords.n == cap) {
      cap = cap ? cap * 2 : 256;
      stopwords.hash = td_xrealloc(stopwords.hash, cap * sizeof(uint32_t));
    }
    stopwords.hash[stopwords.n++] = td__hash_lower(line, n);
  }
  td__lines_close(&lr);
  qsort(stopwords.hash, stopwords.n, sizeof(uint32_t), cmp_u32);
}

/* The wording of text[0, n) into out (at most max), sorted and distinct;
 * returns its size. */
static size_t wording(const char *text, size_t n, uint32_t *out, size_t max) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)text[i];
    if (!(td__is_alnum(c) || c >= 0x80)) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && (td__is_alnum((unsigned char)text[j]) ||
                     (unsigned char)text[j] >= 0x80))
      j++;
    if (j - i >= 4) {
      uint32_t h = td__hash_lower(text + i, j - i);
      if (!bsearch(&h, stopwords.hash, stopwords.n, sizeof h, cmp_u32) &&
          k < max)
        out[k++] = h;
    }
    i = j;
  }
  qsort(out, k, sizeof *out, cmp_u32);
  size_t d = 0;
  for (size_t i = 0; i < k; i++)
    if (d == 0 || out[d - 1] != out[i]) out[d++] = out[i];
  return d;
}

static size_t shared_words(const uint32_t *a, size_t na, const uint32_t *b,
                           size_t nb) {
  size_t i = 0, j = 0, n = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
    } else {
      j++;
    }
  }
  return n;
}

static bool same_wording(const uint32_t *a, size_t na, const uint32_t *b,
                         size_t nb) {
  size_t shared = shared_words(a, na, b, nb);
  size_t shorter = na < nb ? na : nb;
  return shared * 3 >= shorter &&
         (shared >= 3 || (shared == 2 && shorter <= 4));
}

/* Wordings are stored as little-endian 32-bit words. */
static void bind_wording(sqlite3_stmt *s, int i, const uint32_t *w, size_t n) {
  unsigned char buf[ENTRY_WORDING_MAX * 4];
  for (size_t k = 0; k < n; k++)
    for (int b = 0; b < 4; b++) buf[4 * k + b] = (unsigned char)(w[k] >> 8 * b);
  sqlite3_bind_blob(s, i, buf, (int)(4 * n), SQLITE_TRANSIENT);
}

static size_t column_wording(sqlite3_stmt *s, int i, uint32_t *w, size_t max) {
  const unsigned char *p = sqlite3_column_blob(s, i);
  size_t n = (size_t)sqlite3_column_bytes(s, i) / 4;
  if (p == NULL) return 0;
  if (n > max) n = max;
  for (size_t k = 0; k < n; k++)
    w[k] = (uint32_t)p[4 * k] | (uint32_t)p[4 * k + 1] << 8 |
           (uint32_t)p[4 * k + 2] << 16 | (uint32_t)p[4 * k + 3] << 24;
  return n;
}

typedef struct pending {
  int64_t id, article;
  char source[24], target[24], code[8], root[3];
  unsigned flags;
  int precision;
  int64_t lo, hi;
  uint32_t para;
  uint32_t wording[WORDING_MAX];
  size_t n_wording;
} pending;

typedef struct candidate {
  int64_t id, lo, hi;
  char source_key[24], target_key[24];
  int symmetric, precision;
  long n_articles;
  uint32_t wording[ENTRY_WORDING_MAX];
  size_t n_wording;
  bool same_article; /* holds a mention of the mention's own article */
} candidate;

/* How well a candidate entry fits a mention: -1 not at all, else larger is
 * better. *swapped says whether the mention's source is the entry's
 * target. */
static long fit(const pending *m, bool m_symmetric, const candidate *c,
                int *swapped) {
  bool nested =
      (c->lo <= m->lo && m->hi <= c->hi) || (m->lo <= c->lo && c->hi <= m->hi);
  if (!nested) return -1;
  if (actor_match(m->source, c->source_key) &&
      actor_match(m->target, c->target_key))
    *swapped = 0;
  else if (m_symmetric && c->symmetric &&
           actor_match(m->source, c->target_key) &&
           actor_match(m->target, c->source_key))
    *swapped = 1;
  else
    return -1;
  /* One-sided: only a report of the same statement, or the same named
   * speaker again in the same article (one briefing told in several
   * sentences). */
  if ((!*m->source || !*m->target) && !c->same_article &&
      !same_wording(m->wording, m->n_wording, c->wording, c->n_wording))
    return -1;
  long score = c->n_articles < 100000 ? c->n_articles : 100000;
  if (c->lo == m->lo && c->hi == m->hi) score += 1000000;
  return score;
}

/* ---- Statements ---- */

static const char sql_unmerge_of_article[] =
    "UPDATE event_mention SET merged = 0, entry = NULL, swapped = 0 "
    "WHERE article != ?1 AND entry IN (SELECT entry FROM event_mention "
    "WHERE article = ?1 AND entry IS NOT NULL)";
static const char sql_entries_of_article[] =
    "DELETE FROM timeline_entry WHERE rowid IN (SELECT entry FROM "
    "event_mention WHERE article = ?1 AND entry IS NOT NULL)";
static const char sql_delete_mentions[] =
    "DELETE FROM event_mention WHERE article = ?1";
static const char sql_insert_mention[] =
    "INSERT INTO event_mention (article, idx, para, sent, sent_start, "
    "sent_end, start, end, source, source_name, target, target_name, code, "
    "root, flags, date, date_precision, day_lo, day_hi, date_how, place, "
    "outlet, doc_date, wording) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,"
    "?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24)";
static const char sql_pending[] =
    "SELECT rowid, article, source, target, code, root, flags, "
    "date_precision, day_lo, day_hi, para, wording FROM event_mention "
    "WHERE merged = 0 ORDER BY date_precision DESC, day_lo, article, idx";
static const char sql_candidates[] =
    "SELECT rowid, day_lo, day_hi, source_key, target_key, symmetric, "
    "date_precision, n_articles, wording FROM timeline_entry "
    "WHERE root = ?1 AND negated = ?2 AND substr(source_key, 1, 3) = ?3 "
    "AND substr(target_key, 1, 3) = ?4 AND date_precision = ?5 "
    "AND day_lo BETWEEN ?6 AND ?7";
/* The entries that mentions of the same article, root and actor names as
 * mention ?3 already joined. */
static const char sql_article_entries[] =
    "SELECT DISTINCT o.entry FROM event_mention o JOIN event_mention m "
    "ON m.rowid = ?3 WHERE o.article = ?1 AND o.entry IS NOT NULL AND "
    "o.root = ?2 AND coalesce(o.source_name, '') = "
    "coalesce(m.source_name, '') AND coalesce(o.target_name, '') = "
    "coalesce(m.target_name, '')";
static const char sql_new_entry[] =
    "INSERT INTO timeline_entry (date, date_precision, day_lo, day_hi, "
    "source_key, target_key, source, target, code, root, symmetric, negated, "
    "wording) VALUES ('', ?1, ?2, ?3, ?4, ?5, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char sql_join_entry[] =
    "UPDATE timeline_entry SET day_lo = ?2, day_hi = ?3, "
    "source_key = ?4, target_key = ?5 WHERE rowid = ?1";
static const char sql_set_mention[] =
    "UPDATE event_mention SET merged = 1, entry = ?2, swapped = ?3, "
    "background = ?4 WHERE rowid = ?1";
static const char sql_mark_dirty[] =
    "INSERT OR IGNORE INTO timeline_dirty (entry) VALUES (?1)";
static const char sql_dirty[] = "SELECT entry FROM timeline_dirty";
static const char sql_clear_dirty[] = "DELETE FROM timeline_dirty";
static const char sql_entry_mentions[] =
    "SELECT m.rowid, m.article, a.id, m.source, m.source_name, m.target, "
    "m.target_name, m.code, m.flags, m.background, m.para, m.outlet, "
    "m.doc_date, m.date, m.date_precision, m.day_lo, m.day_hi, m.swapped, "
    "m.sent FROM event_mention m JOIN article a ON a.rowid = m.article "
    "WHERE m.entry = ?1";
static const char sql_update_entry[] =
    "UPDATE timeline_entry SET date = ?2, date_precision = ?3, day_lo = ?4, "
    "day_hi = ?5, source = ?6, source_name = ?7, target = ?8, "
    "target_name = ?9, code = ?10, symmetric = ?11, flags = ?12, "
    "is_root = ?13, n_mentions = ?14, n_articles = ?15, n_reports = ?16, "
    "n_outlets = ?17, background = ?18, first_reported = ?19, "
    "first_article = ?20, evidence = ?21 WHERE rowid = ?1";
static const char sql_set_background[] =
    "UPDATE event_mention SET background = ?2 WHERE rowid = ?1";
static const char sql_delete_entry[] =
    "DELETE FROM timeline_entry WHERE rowid = ?1";

static int db_fail(td_store *st, td_error *err, const char *what) {
  return td_error_set(err, TD_EDB, td__store_path(st), 0, "%s: %s", what,
                      sqlite3_errmsg(td__store_db(st)));
}

/* A cached statement, or NULL with err filled. */
static sqlite3_stmt *stmt(td_store *st, const char *sql, td_error *err) {
  sqlite3_stmt *s = td__store_stmt(st, sql);
  if (s == NULL) db_fail(st, err, "preparing a timeline statement");
  return s;
}

static int done(td_store *st, sqlite3_stmt *s, td_error *err,
                const char *what) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  return rc == SQLITE_DONE ? 0 : db_fail(st, err, what);
}

static void bind_text_or_null(sqlite3_stmt *s, int i, const char *v) {
  if (v && *v)
    sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(s, i);
}

static const char *col_text(sqlite3_stmt *s, int i) {
  const char *t = (const char *)sqlite3_column_text(s, i);
  return t ? t : "";
}

/* ---- put_doc: one row per coded event ---- */

static const char *actor_name(const td_doc *doc, int32_t mention) {
  if (mention < 0 || (size_t)mention >= doc->n_mentions) return NULL;
  int32_t e = doc->mentions[mention].entity;
  if (e < 0 || (size_t)e >= doc->n_entities) return NULL;
  return doc->entities[e].name[0] ? doc->entities[e].name : NULL;
}

static int put_doc(td_store *st, int64_t art, const td_doc *doc,
                   td_error *err) {
  sqlite3_stmt *s;
  int rc;
  call_once(&stopwords_once, load_stopwords);
  if (stopwords.failed)
    return td_error_set(err, TD_EIO, td__data_dir(), 0,
                        "cannot read merge_stopwords.txt");
  /* A replaced (or re-annotated) article: the entries its old mentions
   * were in are dissolved and their other mentions merged again at the end
   * of the batch, as if they had just arrived. Keeping the entries would
   * leave them shaped (dates, actor keys, wording) by mentions that are
   * gone. */
  static const char *const replace[] = {
      sql_unmerge_of_article, sql_entries_of_article, sql_delete_mentions};
  for (size_t k = 0; k < sizeof replace / sizeof *replace; k++) {
    if ((s = stmt(st, replace[k], err)) == NULL) return TD_EDB;
    sqlite3_bind_int64(s, 1, art);
    if ((rc = done(st, s, err, "replacing event mentions")) != 0) return rc;
  }

  char doc_date[24] = "";
  if (td_date_has_year(doc->date))
    td_date_format(doc->date, doc_date, sizeof doc_date);
  const char *outlet = doc->outlet && *doc->outlet ? doc->outlet : doc->agency;
  for (size_t i = 0; i < doc->n_events; i++) {
    const td_event *ev = &doc->events[i];
    size_t clen = strnlen(ev->code, sizeof ev->code);
    if (clen < 2 || clen >= sizeof ev->code) continue; /* not coded */
    char root[3] = {ev->code[0], ev->code[1], '\0'};
    uint32_t para = 0, ss = 0, se = 0;
    if (ev->sent < doc->n_sents) {
      para = doc->sents[ev->sent].para;
      ss = doc->sents[ev->sent].start;
      se = doc->sents[ev->sent].end;
    }
    char date[24] = "";
    int64_t lo = 0, hi = 0;
    bool dated = day_range(ev->date, &lo, &hi);
    if (dated) td_date_format(ev->date, date, sizeof date);
    if ((s = stmt(st, sql_insert_mention, err)) == NULL) return TD_EDB;
    sqlite3_bind_int64(s, 1, art);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
    sqlite3_bind_int64(s, 3, para);
    sqlite3_bind_int64(s, 4, ev->sent);
    sqlite3_bind_int64(s, 5, ss);
    sqlite3_bind_int64(s, 6, se);
    sqlite3_bind_int64(s, 7, ev->start);
    sqlite3_bind_int64(s, 8, ev->end);
    sqlite3_bind_text(s, 9, ev->source_code,
                      (int)strnlen(ev->source_code, sizeof ev->source_code),
                      SQLITE_TRANSIENT);
    bind_text_or_null(s, 10, actor_name(doc, ev->source));
    sqlite3_bind_text(s, 11, ev->target_code,
                      (int)strnlen(ev->target_code, sizeof ev->target_code),
                      SQLITE_TRANSIENT);
    bind_text_or_null(s, 12, actor_name(doc, ev->target));
    sqlite3_bind_text(s, 13, ev->code, (int)clen, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 14, root, 2, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 15, ev->flags);
    bind_text_or_null(s, 16, date);
    sqlite3_bind_int(s, 17, dated ? ev->date.precision : TD_PREC_NONE);
    if (dated) {
      sqlite3_bind_int64(s, 18, lo);
      sqlite3_bind_int64(s, 19, hi);
    }
    sqlite3_bind_int(s, 20, ev->date_how);
    bind_text_or_null(s, 21, ev->place);
    bind_text_or_null(s, 22, outlet);
    bind_text_or_null(s, 23, doc_date);
    uint32_t w[WORDING_MAX];
    size_t nw = se > ss && doc->text && se <= doc->text_len
                    ? wording(doc->text + ss, se - ss, w, WORDING_MAX)
                    : 0;
    bind_wording(s, 24, w, nw);
    if ((rc = done(st, s, err, "writing an event mention")) != 0) return rc;
  }
  return 0;
}

/* ---- end_batch: the merge ---- */

static int load_pending(td_store *st, pending **out, size_t *n, td_error *err) {
  sqlite3_stmt *s = stmt(st, sql_pending, err);
  if (s == NULL) return TD_EDB;
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 256;
      *out = td_xrealloc(*out, cap * sizeof **out);
    }
    pending *p = &(*out)[(*n)++];
    memset(p, 0, sizeof *p);
    p->id = sqlite3_column_int64(s, 0);
    p->article = sqlite3_column_int64(s, 1);
    snprintf(p->source, sizeof p->source, "%s", col_text(s, 2));
    snprintf(p->target, sizeof p->target, "%s", col_text(s, 3));
    snprintf(p->code, sizeof p->code, "%s", col_text(s, 4));
    snprintf(p->root, sizeof p->root, "%s", col_text(s, 5));
    p->flags = (unsigned)sqlite3_column_int(s, 6);
    p->precision = sqlite3_column_int(s, 7);
    p->lo = sqlite3_column_int64(s, 8);
    p->hi = sqlite3_column_int64(s, 9);
    p->para = (uint32_t)sqlite3_column_int64(s, 10);
    p->n_wording = column_wording(s, 11, p->wording, WORDING_MAX);
  }
  sqlite3_reset(s);
  return rc == SQLITE_DONE ? 0 : db_fail(st, err, "reading new mentions");
}

static int mark_dirty(td_store *st, int64_t entry, td_error *err) {
  sqlite3_stmt *s = stmt(st, sql_mark_dirty, err);
  if (s == NULL) return TD_EDB;
  sqlite3_bind_int64(s, 1, entry);
  return done(st, s, err, "marking a timeline entry");
}

/* Merge one mention: join the best fitting entry or start one. */
static int merge_one(td_store *st, const symmetric_codes *sc, const pending *m,
                     td_error *err) {
  int64_t entry = 0;
  int swapped = 0, rc;
  if (m->precision != TD_PREC_NONE) {
    bool m_sym = is_symmetric(sc, m->code);
    candidate best = {0};
    long best_score = -1;
    int best_swapped = 0;
    char s3[4], t3[4];
    snprintf(s3, sizeof s3, "%.3s", m->source);
    snprintf(t3, sizeof t3, "%.3s", m->target);
    /* Matching actors share their first three letters (the country or
     * organisation), so the candidates come from the index on them; a
     * symmetric mention also looks the other way round. */
    bool both = m_sym && strcmp(s3, t3) != 0;
    /* The entries this mention's article already joined with the same
     * root and actor names. */
    int64_t own[16];
    size_t n_own = 0;
    sqlite3_stmt *s = stmt(st, sql_article_entries, err);
    if (s == NULL) return TD_EDB;
    sqlite3_bind_int64(s, 1, m->article);
    sqlite3_bind_text(s, 2, m->root, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, m->id);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
      if (n_own < sizeof own / sizeof *own)
        own[n_own++] = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return db_fail(st, err, "finding entries");
    /* An entry at year precision spans at most 366 days, at month
     * precision 31, at day precision one: each is looked for from that
     * far before the mention's range, through the index. */
    static const struct {
      int precision, span;
    } spans[] = {{TD_PREC_DAY, 0}, {TD_PREC_MONTH, 31}, {TD_PREC_YEAR, 366}};
    for (int q = 0; q < (both ? 6 : 3); q++) {
      int pass = q / 3;
      s = stmt(st, sql_candidates, err);
      if (s == NULL) return TD_EDB;
      sqlite3_bind_text(s, 1, m->root, -1, SQLITE_STATIC);
      sqlite3_bind_int(s, 2, (m->flags & TD_EVF_NEGATED) ? 1 : 0);
      sqlite3_bind_text(s, 3, pass ? t3 : s3, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 4, pass ? s3 : t3, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(s, 5, spans[q % 3].precision);
      sqlite3_bind_int64(s, 6, m->lo - spans[q % 3].span);
      sqlite3_bind_int64(s, 7, m->hi);
      while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        candidate c = {0};
        c.id = sqlite3_column_int64(s, 0);
        c.lo = sqlite3_column_int64(s, 1);
        c.hi = sqlite3_column_int64(s, 2);
        snprintf(c.source_key, sizeof c.source_key, "%s", col_text(s, 3));
        snprintf(c.target_key, sizeof c.target_key, "%s", col_text(s, 4));
        c.symmetric = sqlite3_column_int(s, 5);
        c.precision = sqlite3_column_int(s, 6);
        c.n_articles = (long)sqlite3_column_int64(s, 7);
        c.n_wording = column_wording(s, 8, c.wording, ENTRY_WORDING_MAX);
        for (size_t k = 0; k < n_own && !c.same_article; k++)
          c.same_article = own[k] == c.id;
        int sw = 0;
        long score = fit(m, m_sym, &c, &sw);
        if (score > best_score ||
            (score == best_score && score >= 0 && c.id < best.id)) {
          best_score = score;
          best = c;
          best_swapped = sw;
        }
      }
      sqlite3_reset(s);
      if (rc != SQLITE_DONE) return db_fail(st, err, "finding entries");
    }
    if (best_score >= 0) {
      entry = best.id;
      swapped = best_swapped;
      const char *sk =
          general(swapped ? m->target : m->source, best.source_key);
      const char *tk =
          general(swapped ? m->source : m->target, best.target_key);
      if ((s = stmt(st, sql_join_entry, err)) == NULL) return TD_EDB;
      sqlite3_bind_int64(s, 1, entry);
      sqlite3_bind_int64(s, 2, m->lo > best.lo ? m->lo : best.lo);
      sqlite3_bind_int64(s, 3, m->hi < best.hi ? m->hi : best.hi);
      sqlite3_bind_text(s, 4, sk, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 5, tk, -1, SQLITE_TRANSIENT);
      if ((rc = done(st, s, err, "joining an entry")) != 0) return rc;
    } else {
      if ((s = stmt(st, sql_new_entry, err)) == NULL) return TD_EDB;
      sqlite3_bind_int(s, 1,
                       m->precision > TD_PREC_DAY ? TD_PREC_DAY : m->precision);
      sqlite3_bind_int64(s, 2, m->lo);
      sqlite3_bind_int64(s, 3, m->hi);
      sqlite3_bind_text(s, 4, m->source, -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 5, m->target, -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 6, m->code, -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 7, m->root, -1, SQLITE_STATIC);
      sqlite3_bind_int(s, 8, m_sym);
      sqlite3_bind_int(s, 9, (m->flags & TD_EVF_NEGATED) ? 1 : 0);
      bind_wording(s, 10, m->wording, m->n_wording);
      if ((rc = done(st, s, err, "starting an entry")) != 0) return rc;
      entry = sqlite3_last_insert_rowid(td__store_db(st));
    }
    if ((rc = mark_dirty(st, entry, err)) != 0) return rc;
  }
  sqlite3_stmt *s = stmt(st, sql_set_mention, err);
  if (s == NULL) return TD_EDB;
  sqlite3_bind_int64(s, 1, m->id);
  if (entry)
    sqlite3_bind_int64(s, 2, entry);
  else
    sqlite3_bind_null(s, 2);
  sqlite3_bind_int(s, 3, swapped);
  /* Undated mentions join no entry, so recompute never sees them. */
  int background = (m->flags & TD_EVF_BACKGROUND) != 0;
  if (!entry && !background) {
    int r = td__para_is_repeat(st, m->article, m->para);
    if (r < 0) return db_fail(st, err, "asking for repeated paragraphs");
    background = r == 1;
  }
  sqlite3_bind_int(s, 4, background);
  return done(st, s, err, "merging a mention");
}

/* ---- Recomputing an entry from its mentions ---- */

typedef struct emention {
  int64_t id, article;
  char doc[96];
  char source[24], target[24], code[8];
  char source_name[64], target_name[64];
  char outlet[64], doc_date[24], date[24];
  unsigned flags;
  int background, precision, swapped;
  uint32_t para, sent;
  int64_t lo, hi;
} emention;

static int cmp_article(const void *a, const void *b) {
  const emention *x = a, *y = b;
  return x->article < y->article ? -1 : x->article > y->article;
}

/* The most frequent value of a field over the mentions (ties: the longer,
 * then the smaller); "" when there are none. which: 0 source, 1 target, 2
 * code, each in the entry's orientation. */
static const char *field(const emention *m, int which) {
  switch (which) {
    case 0:
      return m->swapped ? m->target : m->source;
    case 1:
      return m->swapped ? m->source : m->target;
    default:
      return m->code;
  }
}
static const char *name_of(const emention *m, int which) {
  return which == 0 ? (m->swapped ? m->target_name : m->source_name)
                    : (m->swapped ? m->source_name : m->target_name);
}

static const char *most_frequent(const emention *ms, size_t n, int which,
                                 bool longest_first) {
  const char *best = "";
  size_t best_count = 0;
  for (size_t i = 0; i < n; i++) {
    const char *v = field(&ms[i], which);
    size_t count = 0;
    for (size_t j = 0; j < n; j++)
      if (strcmp(field(&ms[j], which), v) == 0) count++;
    size_t lv = strlen(v), lb = strlen(best);
    bool better;
    if (longest_first)
      better = lv != lb              ? lv > lb
               : count != best_count ? count > best_count
                                     : strcmp(v, best) < 0;
    else
      better = count != best_count ? count > best_count
               : lv != lb          ? lv > lb
                                   : strcmp(v, best) < 0;
    if (i == 0 || better) {
      best = v;
      best_count = count;
    }
  }
  return best;
}

/* The most frequent non-empty name given to an actor code. */
static const char *name_for(const emention *ms, size_t n, int which,
                            const char *code) {
  const char *best = NULL;
  size_t best_count = 0;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(field(&ms[i], which), code) != 0) continue;
    const char *v = name_of(&ms[i], which);
    if (!*v) continue;
    size_t count = 0;
    for (size_t j = 0; j < n; j++)
      if (strcmp(field(&ms[j], which), code) == 0 &&
          strcmp(name_of(&ms[j], which), v) == 0)
        count++;
    if (count > best_count) {
      best = v;
      best_count = count;
    }
  }
  return best;
}

/* Whether a mention makes a better evidence sentence than another: a
 * report outside background, asserted, from the earliest article. */
static bool better_evidence(const emention *a, const emention *b) {
  if (a->background != b->background) return a->background < b->background;
  int ma = (a->flags & (TD_EVF_PLANNED | TD_EVF_HYPOTHETICAL)) != 0;
  int mb = (b->flags & (TD_EVF_PLANNED | TD_EVF_HYPOTHETICAL)) != 0;
  if (ma != mb) return ma < mb;
  int c = strcmp(a->doc_date[0] ? a->doc_date : "~",
                 b->doc_date[0] ? b->doc_date : "~");
  if (c != 0) return c < 0;
  c = strcmp(a->doc, b->doc);
  if (c != 0) return c < 0;
  return a->sent < b->sent;
}

static int recompute(td_store *st, const symmetric_codes *sc, int64_t entry,
                     td_error *err) {
  sqlite3_stmt *s = stmt(st, sql_entry_mentions, err);
  if (s == NULL) return TD_EDB;
  sqlite3_bind_int64(s, 1, entry);
  emention *ms = NULL;
  size_t n = 0, cap = 0;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (n == cap) {
      cap = cap ? cap * 2 : 8;
      ms = td_xrealloc(ms, cap * sizeof *ms);
    }
    emention *m = &ms[n++];
    memset(m, 0, sizeof *m);
    m->id = sqlite3_column_int64(s, 0);
    m->article = sqlite3_column_int64(s, 1);
    snprintf(m->doc, sizeof m->doc, "%s", col_text(s, 2));
    snprintf(m->source, sizeof m->source, "%s", col_text(s, 3));
    snprintf(m->source_name, sizeof m->source_name, "%s", col_text(s, 4));
    snprintf(m->target, sizeof m->target, "%s", col_text(s, 5));
    snprintf(m->target_name, sizeof m->target_name, "%s", col_text(s, 6));
    snprintf(m->code, sizeof m->code, "%s", col_text(s, 7));
    m->flags = (unsigned)sqlite3_column_int(s, 8);
    m->background = sqlite3_column_int(s, 9);
    m->para = (uint32_t)sqlite3_column_int64(s, 10);
    snprintf(m->outlet, sizeof m->outlet, "%s", col_text(s, 11));
    snprintf(m->doc_date, sizeof m->doc_date, "%s", col_text(s, 12));
    snprintf(m->date, sizeof m->date, "%s", col_text(s, 13));
    m->precision = sqlite3_column_int(s, 14);
    m->lo = sqlite3_column_int64(s, 15);
    m->hi = sqlite3_column_int64(s, 16);
    m->swapped = sqlite3_column_int(s, 17);
    m->sent = (uint32_t)sqlite3_column_int64(s, 18);
  }
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) {
    free(ms);
    return db_fail(st, err, "reading an entry's mentions");
  }
  /* Background: a mention the coder marked so, or in a paragraph that
   * repeats an earlier article. Asked again for every mention of an entry
   * a batch touches, as a new article may be the earlier holder of a
   * paragraph (its copy in an older-stored article becomes the repeat). */
  for (size_t i = 0; i < n; i++) {
    int bg = (ms[i].flags & TD_EVF_BACKGROUND) != 0;
    if (!bg) {
      int r = td__para_is_repeat(st, ms[i].article, ms[i].para);
      if (r < 0) {
        free(ms);
        return db_fail(st, err, "asking for repeated paragraphs");
      }
      bg = r == 1;
    }
    if (bg == ms[i].background) continue;
    ms[i].background = bg;
    if ((s = stmt(st, sql_set_background, err)) == NULL) {
      free(ms);
      return TD_EDB;
    }
    sqlite3_bind_int64(s, 1, ms[i].id);
    sqlite3_bind_int(s, 2, bg);
    if ((rc = done(st, s, err, "marking background")) != 0) {
      free(ms);
      return rc;
    }
  }
  if (n == 0) {
    free(ms);
    if ((s = stmt(st, sql_delete_entry, err)) == NULL) return TD_EDB;
    sqlite3_bind_int64(s, 1, entry);
    return done(st, s, err, "deleting an empty entry");
  }

  /* Date: the intersection of the ranges, written at the finest
   * precision (by the merge rules the finest mentions share one range). */
  size_t finest = 0;
  int64_t lo = ms[0].lo, hi = ms[0].hi;
  for (size_t i = 1; i < n; i++) {
    if (ms[i].precision > ms[finest].precision) finest = i;
    if (ms[i].lo > lo) lo = ms[i].lo;
    if (ms[i].hi < hi) hi = ms[i].hi;
  }
  if (lo > hi) lo = hi = ms[finest].lo; /* only after a replacement */
  int precision = ms[finest].precision;
  if (precision > TD_PREC_DAY) precision = TD_PREC_DAY;
  td_date d = {.precision = (uint8_t)precision};
  int y, mo, dd;
  td_civil_from_days(lo, &y, &mo, &dd);
  d.year = (int16_t)y;
  d.month = precision >= TD_PREC_MONTH ? (int8_t)mo : 0;
  d.day = precision >= TD_PREC_DAY ? (int8_t)dd : 0;
  char ev_date[24];
  td_date_format(d, ev_date, sizeof ev_date);

  const char *source = most_frequent(ms, n, 0, false);
  const char *target = most_frequent(ms, n, 1, false);
  const char *code = most_frequent(ms, n, 2, true);
  size_t ev = 0, n_asserted = 0, n_planned = 0;
  int background = 1, is_root = 0;
  for (size_t i = 0; i < n; i++) {
    if (better_evidence(&ms[i], &ms[ev])) ev = i;
    unsigned f = ms[i].flags;
    if (!(f & (TD_EVF_PLANNED | TD_EVF_HYPOTHETICAL))) n_asserted++;
    if (f & TD_EVF_PLANNED) n_planned++;
    if (!ms[i].background) {
      background = 0;
      if (ms[i].para == 0) is_root = 1;
    }
  }
  unsigned flags = (ms[0].flags & TD_EVF_NEGATED);
  if (n_asserted == 0)
    flags |= n_planned ? TD_EVF_PLANNED : TD_EVF_HYPOTHETICAL;
  if (background) flags |= TD_EVF_BACKGROUND;

  /* Articles, reports (articles with a mention outside background) and
   * outlets, counted distinct; the first reported is the earliest dated
   * article (undated ones last, then the lowest article). */
  int64_t evidence = ms[ev].id;
  char first_reported[24];
  qsort(ms, n, sizeof *ms, cmp_article);
  long n_articles = 0, n_reports = 0, n_outlets = 0;
  size_t first = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    int report = 0;
    for (; j < n && ms[j].article == ms[i].article; j++)
      if (!ms[j].background) report = 1;
    n_articles++;
    n_reports += report;
    const char *a = ms[i].doc_date[0] ? ms[i].doc_date : "~";
    const char *b = ms[first].doc_date[0] ? ms[first].doc_date : "~";
    if (strcmp(a, b) < 0) first = i;
    i = j;
  }
  for (size_t i = 0; i < n; i++) {
    if (!ms[i].outlet[0]) continue;
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++)
      seen = strcmp(ms[j].outlet, ms[i].outlet) == 0;
    if (!seen) n_outlets++;
  }
  snprintf(first_reported, sizeof first_reported, "%s", ms[first].doc_date);

  if ((s = stmt(st, sql_update_entry, err)) == NULL) {
    free(ms);
    return TD_EDB;
  }
  /* The strings point into ms, which stays alive until the step. */
  sqlite3_bind_int64(s, 1, entry);
  sqlite3_bind_text(s, 2, ev_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(s, 3, precision);
  sqlite3_bind_int64(s, 4, lo);
  sqlite3_bind_int64(s, 5, hi);
  sqlite3_bind_text(s, 6, source, -1, SQLITE_TRANSIENT);
  bind_text_or_null(s, 7, name_for(ms, n, 0, source));
  sqlite3_bind_text(s, 8, target, -1, SQLITE_TRANSIENT);
  bind_text_or_null(s, 9, name_for(ms, n, 1, target));
  sqlite3_bind_text(s, 10, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(s, 11, is_symmetric(sc, code));
  sqlite3_bind_int(s, 12, (int)flags);
  sqlite3_bind_int(s, 13, is_root);
  sqlite3_bind_int64(s, 14, (sqlite3_int64)n);
  sqlite3_bind_int64(s, 15, n_articles);
  sqlite3_bind_int64(s, 16, n_reports);
  sqlite3_bind_int64(s, 17, n_outlets);
  sqlite3_bind_int(s, 18, background);
  bind_text_or_null(s, 19, first_reported);
  sqlite3_bind_int64(s, 20, ms[first].article);
  sqlite3_bind_int64(s, 21, evidence);
  rc = done(st, s, err, "updating an entry");
  free(ms);
  return rc;
}

int td_timeline_merge(td_store *st, td_error *err) {
  symmetric_codes sc = {0};
  pending *ps = NULL;
  size_t n = 0;
  int64_t *dirty = NULL;
  size_t n_dirty = 0, cap = 0;
  int rc = load_symmetric(&sc, err);
  if (rc == 0) rc = load_pending(st, &ps, &n, err);
  for (size_t i = 0; rc == 0 && i < n; i++)
    rc = merge_one(st, &sc, &ps[i], err);
  if (rc == 0) {
    sqlite3_stmt *s = stmt(st, sql_dirty, err);
    if (s == NULL) rc = TD_EDB;
    int step;
    while (rc == 0 && (step = sqlite3_step(s)) == SQLITE_ROW) {
      if (n_dirty == cap) {
        cap = cap ? cap * 2 : 256;
        dirty = td_xrealloc(dirty, cap * sizeof *dirty);
      }
      dirty[n_dirty++] = sqlite3_column_int64(s, 0);
    }
    if (s) sqlite3_reset(s);
    if (rc == 0 && step != SQLITE_DONE)
      rc = db_fail(st, err, "reading touched entries");
  }
  for (size_t i = 0; rc == 0 && i < n_dirty; i++)
    rc = recompute(st, &sc, dirty[i], err);
  if (rc == 0) {
    sqlite3_stmt *s = stmt(st, sql_clear_dirty, err);
    rc = s ? done(st, s, err, "clearing touched entries") : TD_EDB;
  }
  free(dirty);
  free(ps);
  free(sc.code);
  return rc;
}

static int end_batch(td_store *st, td_error *err) {
  return td_timeline_merge(st, err);
}

const td__schema td__schema_timeline = {
    "timeline", timeline_steps, sizeof timeline_steps / sizeof *timeline_steps,
    put_doc, end_batch};
