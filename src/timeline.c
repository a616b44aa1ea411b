/*
 * timeline.c - the query side of the merge stage: timeline entries with
 * their mentions, filtered by date, actors, root, article count and
 * background, and the mention-level listing behind `tidings events`.
 *
 * Reads the tables merge.c writes (timeline_entry, event_mention) and the
 * article rows (id, date, URL, text for each mention's sentence). Produces
 * rows whose strings live in the iterator until its next call.
 *
 * The iterators prepare their own statements rather than take the store's
 * cached ones (td__store_stmt), so a caller may walk the timeline and the
 * mention listing at the same time; preparing costs microseconds against a
 * query that reads an index. A query for one actor pair reads the index on
 * the actors' first three letters and the day, once for each direction;
 * other queries read the date index.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "store_internal.h"

#define OPEN_LO (-((int64_t)1 << 40))
#define OPEN_HI ((int64_t)1 << 40)

#define ENTRY_COLUMNS                                                   \
  "SELECT e.rowid, e.date, e.date_precision, e.source, e.source_name, " \
  "e.target, e.target_name, e.code, e.root, e.symmetric, e.flags, "     \
  "e.is_root, e.n_mentions, e.n_articles, e.n_reports, e.n_outlets, "   \
  "e.first_reported, a.id, a.url, e.evidence FROM timeline_entry e "    \
  "LEFT JOIN article a ON a.rowid = e.first_article "
#define ENTRY_FILTERS                                       \
  " AND e.day_lo BETWEEN ?1 AND ?2 AND e.day_hi >= ?3 "     \
  "AND (?4 IS NULL OR e.root = ?4) AND e.n_articles >= ?5 " \
  "AND (?6 OR e.background = 0) "
#define ENTRY_ORDER \
  " ORDER BY e.day_lo, e.day_hi, e.source, e.target, e.code, e.rowid"

static const char sql_entries[] =
    ENTRY_COLUMNS "WHERE 1" ENTRY_FILTERS ENTRY_ORDER;
/* A pair: each direction is an index range on (the actors' first three
 * letters, day) - ?11 and ?12 - then the codes are checked as prefixes. */
static const char sql_entries_pair[] = ENTRY_COLUMNS
    "WHERE ((substr(e.source, 1, 3) = ?11 AND substr(e.target, 1, 3) = ?12 "
    "AND e.day_lo BETWEEN ?1 AND ?2) OR (substr(e.source, 1, 3) = ?12 AND "
    "substr(e.target, 1, 3) = ?11 AND e.day_lo BETWEEN ?1 AND ?2)) "
    "AND ((e.source >= ?7 AND e.source < ?8 AND e.target >= ?9 AND "
    "e.target < ?10) OR (e.source >= ?9 AND e.source < ?10 AND "
    "e.target >= ?7 AND e.target < ?8))" ENTRY_FILTERS ENTRY_ORDER;
/* The same for codes shorter than three letters, with no index. */
static const char sql_entries_short_pair[] = ENTRY_COLUMNS
    "WHERE ((e.source >= ?7 AND e.source < ?8 AND e.target >= ?9 AND "
    "e.target < ?10) OR (e.source >= ?9 AND e.source < ?10 AND "
    "e.target >= ?7 AND e.target < ?8))" ENTRY_FILTERS ENTRY_ORDER;

#define MENTION_COLUMNS                                              \
  "SELECT m.rowid, m.entry, a.id, a.date, m.outlet, a.url, m.para, " \
  "m.sent, m.sent_start, m.sent_end, m.start, m.end, "               \
  "substr(CAST(a.text AS BLOB), m.sent_start + 1, "                  \
  "m.sent_end - m.sent_start), m.source, m.source_name, m.target, "  \
  "m.target_name, m.code, m.root, m.flags, m.background, m.date, "   \
  "m.date_precision, m.date_how, m.place "                           \
  "FROM event_mention m JOIN article a ON a.rowid = m.article "

static const char sql_entry_mentions[] = MENTION_COLUMNS
    "WHERE m.entry = ?1 ORDER BY m.rowid = ?2 DESC, m.background, "
    "a.date IS NULL, a.date, a.id, m.sent, m.idx";
static const char sql_all_mentions[] =
    MENTION_COLUMNS "ORDER BY a.date IS NULL, a.date, a.id, m.idx";

/* Strings handed out with a row; freed at the next row. */
typedef struct pool {
  char **s;
  size_t n, cap;
} pool;

static const char *keep(pool *p, const unsigned char *s, int len) {
  if (s == NULL) return NULL;
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 64;
    p->s = td_xrealloc(p->s, p->cap * sizeof *p->s);
  }
  char *c = td_xstrndup((const char *)s, (size_t)len);
  p->s[p->n++] = c;
  return c;
}

static const char *keep_col(pool *p, sqlite3_stmt *s, int i) {
  const unsigned char *t = sqlite3_column_text(s, i);
  return keep(p, t, sqlite3_column_bytes(s, i));
}

static void pool_clear(pool *p) {
  for (size_t i = 0; i < p->n; i++) free(p->s[i]);
  p->n = 0;
}

static void pool_free(pool *p) {
  pool_clear(p);
  free(p->s);
}

static int db_fail(td_store *st, td_error *err, const char *what) {
  return td_error_set(err, TD_EDB, td__store_path(st), 0, "%s: %s", what,
                      sqlite3_errmsg(td__store_db(st)));
}

static td_date parse_date(const char *s, int precision) {
  td_date d = {0};
  if (s && td_date_parse_iso(s, &d) == 0) d.precision = (uint8_t)precision;
  return d;
}

/* Fill a mention row from the current row of a MENTION_COLUMNS query. */
static void read_mention(sqlite3_stmt *s, pool *p, td_event_mention *m) {
  memset(m, 0, sizeof *m);
  m->id = sqlite3_column_int64(s, 0);
  m->entry = sqlite3_column_int64(s, 1);
  m->doc = keep_col(p, s, 2);
  m->doc_date = keep_col(p, s, 3);
  m->outlet = keep_col(p, s, 4);
  m->url = keep_col(p, s, 5);
  m->para = (uint32_t)sqlite3_column_int64(s, 6);
  m->sent = (uint32_t)sqlite3_column_int64(s, 7);
  m->sent_start = (uint32_t)sqlite3_column_int64(s, 8);
  m->sent_end = (uint32_t)sqlite3_column_int64(s, 9);
  m->start = (uint32_t)sqlite3_column_int64(s, 10);
  m->end = (uint32_t)sqlite3_column_int64(s, 11);
  const void *blob = sqlite3_column_blob(s, 12);
  m->sentence = keep(p, blob ? blob : (const void *)"",
                     blob ? sqlite3_column_bytes(s, 12) : 0);
  m->source = keep_col(p, s, 13);
  m->source_name = keep_col(p, s, 14);
  m->target = keep_col(p, s, 15);
  m->target_name = keep_col(p, s, 16);
  m->code = keep_col(p, s, 17);
  const char *root = (const char *)sqlite3_column_text(s, 18);
  if (root) snprintf(m->root, sizeof m->root, "%s", root);
  m->flags = (unsigned)sqlite3_column_int(s, 19);
  if (sqlite3_column_int(s, 20)) m->flags |= TD_EVF_BACKGROUND;
  m->date = parse_date((const char *)sqlite3_column_text(s, 21),
                       sqlite3_column_int(s, 22));
  m->date_how = (uint8_t)sqlite3_column_int(s, 23);
  m->place = keep_col(p, s, 24);
  if (!m->source) m->source = "";
  if (!m->target) m->target = "";
  if (!m->code) m->code = "";
}

/* ---- The timeline ---- */

struct td_timeline_iter {
  td_store *st;
  sqlite3_stmt *entries, *mentions;
  char **actors;
  size_t n_actors;
  td_timeline_entry row;
  td_event_mention *ms;
  size_t ms_cap;
  pool strings;
};

/* The end of the range of codes starting with prefix: prefix with its last
 * byte incremented ("USA" -> "USB"). */
static void prefix_end(const char *prefix, char *out, size_t n) {
  snprintf(out, n, "%s", prefix);
  size_t len = strlen(out);
  if (len > 0) out[len - 1] = (char)(out[len - 1] + 1);
}

static bool bound(td_date d, bool upper, int64_t *day) {
  if (d.precision == TD_PREC_NONE) {
    *day = upper ? OPEN_HI : OPEN_LO;
    return true;
  }
  if (!td_date_has_year(d)) return false;
  int m = d.precision >= TD_PREC_MONTH ? d.month : (upper ? 12 : 1);
  if (m < 1 || m > 12) return false;
  int dd = d.precision >= TD_PREC_DAY
               ? d.day
               : (upper ? td_days_in_month(d.year, m) : 1);
  *day = td_days_from_civil(d.year, m, dd);
  return true;
}

void td_timeline_close(td_timeline_iter *it) {
  if (it == NULL) return;
  sqlite3_finalize(it->entries);
  sqlite3_finalize(it->mentions);
  for (size_t i = 0; i < it->n_actors; i++) free(it->actors[i]);
  free(it->actors);
  free(it->ms);
  pool_free(&it->strings);
  free(it);
}

int td_timeline_open(td_store *st, const td_timeline_filter *f,
                     td_timeline_iter **out, td_error *err) {
  static const td_timeline_filter none = {0};
  *out = NULL;
  if (f == NULL) f = &none;
  int64_t lo, hi;
  if (!bound(f->from, false, &lo) || !bound(f->to, true, &hi))
    return td_error_set(err, TD_EARG, "", 0, "a date bound needs a year");
  if (lo > hi)
    return td_error_set(err, TD_EARG, "", 0,
                        "the first date is after the last");
  if ((f->pair[0] == NULL) != (f->pair[1] == NULL) ||
      (f->pair[0] && (!*f->pair[0] || !*f->pair[1])))
    return td_error_set(err, TD_EARG, "", 0,
                        "an actor pair needs two actor codes");
  for (size_t i = 0; i < f->n_actors; i++)
    if (f->actors[i] == NULL || !*f->actors[i])
      return td_error_set(err, TD_EARG, "", 0, "an empty actor code");
  if (f->root && (strlen(f->root) != 2 || !td__is_digit(f->root[0]) ||
                  !td__is_digit(f->root[1])))
    return td_error_set(err, TD_EARG, "", 0,
                        "a CAMEO root is two digits, not '%s'", f->root);

  td_timeline_iter *it = td_xcalloc(1, sizeof *it);
  it->st = st;
  sqlite3 *db = td__store_db(st);
  bool short_pair =
      f->pair[0] && (strlen(f->pair[0]) < 3 || strlen(f->pair[1]) < 3);
  const char *sql = !f->pair[0]  ? sql_entries
                    : short_pair ? sql_entries_short_pair
                                 : sql_entries_pair;
  if (sqlite3_prepare_v2(db, sql, -1, &it->entries, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, sql_entry_mentions, -1, &it->mentions, NULL) !=
          SQLITE_OK) {
    int rc = db_fail(st, err, "preparing the timeline query");
    td_timeline_close(it);
    return rc;
  }
  sqlite3_stmt *s = it->entries;
  sqlite3_bind_int64(s, 1, lo == OPEN_LO ? OPEN_LO : lo - 366);
  sqlite3_bind_int64(s, 2, hi);
  sqlite3_bind_int64(s, 3, lo);
  if (f->root) sqlite3_bind_text(s, 4, f->root, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(s, 5, f->min_articles);
  sqlite3_bind_int(s, 6, f->include_background ? 1 : 0);
  if (f->pair[0]) {
    char end_a[64], end_b[64];
    prefix_end(f->pair[0], end_a, sizeof end_a);
    prefix_end(f->pair[1], end_b, sizeof end_b);
    sqlite3_bind_text(s, 7, f->pair[0], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 8, end_a, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 9, f->pair[1], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 10, end_b, -1, SQLITE_TRANSIENT);
    if (!short_pair) {
      sqlite3_bind_text(s, 11, f->pair[0], 3, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 12, f->pair[1], 3, SQLITE_TRANSIENT);
    }
  }
  if (f->n_actors) {
    it->actors = td_xcalloc(f->n_actors, sizeof *it->actors);
    for (size_t i = 0; i < f->n_actors; i++)
      it->actors[i] = td_xstrdup(f->actors[i]);
    it->n_actors = f->n_actors;
  }
  *out = it;
  return 0;
}

static bool starts_with(const char *s, const char *prefix) {
  return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool actor_selected(const td_timeline_iter *it, const char *source,
                           const char *target) {
  if (it->n_actors == 0) return true;
  for (size_t i = 0; i < it->n_actors; i++)
    if (starts_with(source, it->actors[i]) ||
        starts_with(target, it->actors[i]))
      return true;
  return false;
}

int td_timeline_next(td_timeline_iter *it, const td_timeline_entry **entry,
                     td_error *err) {
  sqlite3_stmt *s = it->entries;
  pool_clear(&it->strings);
  int rc;
  for (;;) {
    rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) break;
    const char *src = (const char *)sqlite3_column_text(s, 3);
    const char *tgt = (const char *)sqlite3_column_text(s, 5);
    if (actor_selected(it, src, tgt)) break;
  }
  if (rc == SQLITE_DONE) return 0;
  if (rc != SQLITE_ROW) return db_fail(it->st, err, "reading the timeline");

  pool *p = &it->strings;
  td_timeline_entry *e = &it->row;
  memset(e, 0, sizeof *e);
  e->id = sqlite3_column_int64(s, 0);
  e->date = parse_date((const char *)sqlite3_column_text(s, 1),
                       sqlite3_column_int(s, 2));
  e->source = keep_col(p, s, 3);
  e->source_name = keep_col(p, s, 4);
  e->target = keep_col(p, s, 5);
  e->target_name = keep_col(p, s, 6);
  e->code = keep_col(p, s, 7);
  const char *root = (const char *)sqlite3_column_text(s, 8);
  if (root) snprintf(e->root, sizeof e->root, "%s", root);
  e->symmetric = sqlite3_column_int(s, 9);
  e->flags = (unsigned)sqlite3_column_int(s, 10);
  e->is_root = sqlite3_column_int(s, 11);
  e->n_mentions = (long)sqlite3_column_int64(s, 12);
  e->n_articles = (long)sqlite3_column_int64(s, 13);
  e->n_reports = (long)sqlite3_column_int64(s, 14);
  e->n_outlets = (long)sqlite3_column_int64(s, 15);
  e->first_reported = keep_col(p, s, 16);
  e->first_doc = keep_col(p, s, 17);
  e->first_url = keep_col(p, s, 18);
  int64_t evidence = sqlite3_column_int64(s, 19);
  if (!e->source) e->source = "";
  if (!e->target) e->target = "";
  if (!e->code) e->code = "";

  sqlite3_stmt *m = it->mentions;
  sqlite3_reset(m);
  sqlite3_bind_int64(m, 1, e->id);
  sqlite3_bind_int64(m, 2, evidence);
  size_t n = 0;
  while ((rc = sqlite3_step(m)) == SQLITE_ROW) {
    if (n == it->ms_cap) {
      it->ms_cap = it->ms_cap ? it->ms_cap * 2 : 16;
      it->ms = td_xrealloc(it->ms, it->ms_cap * sizeof *it->ms);
    }
    read_mention(m, p, &it->ms[n++]);
  }
  sqlite3_reset(m);
  if (rc != SQLITE_DONE)
    return db_fail(it->st, err, "reading an entry's mentions");
  e->n_mentions = (long)n;
  e->mentions = it->ms;
  *entry = e;
  return 1;
}

/* ---- Mentions ---- */

struct td_event_iter {
  td_store *st;
  sqlite3_stmt *s;
  td_event_mention row;
  pool strings;
};

int td_event_mentions_open(td_store *st, td_event_iter **out, td_error *err) {
  *out = NULL;
  td_event_iter *it = td_xcalloc(1, sizeof *it);
  it->st = st;
  if (sqlite3_prepare_v2(td__store_db(st), sql_all_mentions, -1, &it->s,
                         NULL) != SQLITE_OK) {
    int rc = db_fail(st, err, "preparing the mention listing");
    td_event_mentions_close(it);
    return rc;
  }
  *out = it;
  return 0;
}

int td_event_mentions_next(td_event_iter *it, const td_event_mention **m,
                           td_error *err) {
  pool_clear(&it->strings);
  int rc = sqlite3_step(it->s);
  if (rc == SQLITE_DONE) return 0;
  if (rc != SQLITE_ROW) return db_fail(it->st, err, "reading mentions");
  read_mention(it->s, &it->strings, &it->row);
  *m = &it->row;
  return 1;
}

void td_event_mentions_close(td_event_iter *it) {
  if (it == NULL) return;
  sqlite3_finalize(it->s);
  pool_free(&it->strings);
  free(it);
}

/* ---- Sizes ---- */

int td_timeline_stats_get(td_store *st, td_timeline_stats *out, td_error *err) {
  static const char sql[] =
      "SELECT (SELECT count(*) FROM event_mention), "
      "(SELECT count(*) FROM event_mention WHERE date_precision > 0), "
      "(SELECT count(*) FROM timeline_entry), "
      "(SELECT count(*) FROM timeline_entry WHERE background = 0), "
      "(SELECT coalesce(sum(n_mentions), 0) FROM timeline_entry "
      "  WHERE n_mentions > 1), "
      "(SELECT count(*) FROM timeline_entry WHERE n_articles > 1)";
  memset(out, 0, sizeof *out);
  sqlite3_stmt *s = td__store_stmt(st, sql);
  if (s == NULL) return db_fail(st, err, "counting the timeline");
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    out->mentions = (long)sqlite3_column_int64(s, 0);
    out->dated = (long)sqlite3_column_int64(s, 1);
    out->entries = (long)sqlite3_column_int64(s, 2);
    out->visible = (long)sqlite3_column_int64(s, 3);
    out->merged = (long)sqlite3_column_int64(s, 4);
    out->multi_article = (long)sqlite3_column_int64(s, 5);
  }
  sqlite3_reset(s);
  return rc == SQLITE_ROW ? 0 : db_fail(st, err, "counting the timeline");
}
