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
 *
 * Groups (td_timeline_groups_build) run the same query once more and join
 * the entries of a date that cite a common sentence, for the readers'
 * views: one happening told in one sentence is one row with its dyads.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

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

/* ---- Groups ---- */

struct td_timeline_groups {
  size_t n;                 /* entries */
  td_timeline_member *mem;  /* per entry in timeline order; then grouped */
  td_timeline_group *group; /* n_group of them */
  size_t n_group;
  struct id_group {
    int64_t id;
    size_t group;
  } * by_id; /* n, sorted by id */
  pool strings; /* the members' strings */
};

static const char *groups_keep(td_timeline_groups *g, const char *s) {
  return s ? keep(&g->strings, (const unsigned char *)s, (int)strlen(s))
           : NULL;
}

static size_t uf_find(size_t *parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

static int cmp_u64_pair(const void *a, const void *b) {
  const uint64_t *x = a, *y = b;
  if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

static int cmp_id_group(const void *a, const void *b) {
  const struct id_group *x = a, *y = b;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* How strongly entry i claims to lead its group (see the leaders). */
static long lead_rank(const td_timeline_groups *g, const long *arts,
                      size_t i) {
  const td_timeline_member *m = &g->mem[i];
  return 4 * arts[i] + 2 * (m->target && *m->target) +
         (strncmp(m->code, "01", 2) != 0);
}

void td_timeline_groups_free(td_timeline_groups *g) {
  if (g == NULL) return;
  pool_free(&g->strings);
  free(g->mem);
  free(g->group);
  free(g->by_id);
  free(g);
}

int td_timeline_groups_build(td_store *st, const td_timeline_filter *filter,
                             td_timeline_groups **out, td_error *err) {
  *out = NULL;
  td_timeline_iter *it;
  int rc = td_timeline_open(st, filter, &it, err);
  if (rc) return rc;
  td_timeline_groups *g = td_xcalloc(1, sizeof *g);
  size_t cap = 0, n_keys = 0, cap_keys = 0, n_docs = 0, cap_docs = 0;
  long *arts = NULL;
  /* keys: (hash of date, article and sentence; entry) for each mention;
   * docs: (entry, hash of article) */
  uint64_t(*keys)[2] = NULL, (*docs)[2] = NULL;
  const td_timeline_entry *e;
  while ((rc = td_timeline_next(it, &e, err)) == 1) {
    if (g->n == cap) {
      cap = cap ? 2 * cap : 256;
      g->mem = td_xrealloc(g->mem, cap * sizeof *g->mem);
      arts = td_xrealloc(arts, cap * sizeof *arts);
    }
    td_timeline_member *m = &g->mem[g->n];
    m->id = e->id;
    m->source = groups_keep(g, e->source);
    m->source_name = groups_keep(g, e->source_name);
    m->target = groups_keep(g, e->target);
    m->target_name = groups_keep(g, e->target_name);
    m->code = groups_keep(g, e->code);
    m->symmetric = e->symmetric;
    m->flags = e->flags;
    arts[g->n] = e->n_articles;
    char date[24];
    td_date_format(e->date, date, sizeof date);
    for (long i = 0; i < e->n_mentions; i++) {
      const td_event_mention *x = &e->mentions[i];
      if (n_keys == cap_keys) {
        cap_keys = cap_keys ? 2 * cap_keys : 512;
        keys = td_xrealloc(keys, cap_keys * sizeof *keys);
      }
      if (n_docs == cap_docs) {
        cap_docs = cap_docs ? 2 * cap_docs : 512;
        docs = td_xrealloc(docs, cap_docs * sizeof *docs);
      }
      uint64_t hd = XXH3_64bits(x->doc, strlen(x->doc));
      char k[64];
      int kl = snprintf(k, sizeof k, "%s|%llx|%u", date,
                        (unsigned long long)hd, (unsigned)x->sent);
      keys[n_keys][0] = XXH3_64bits(k, (size_t)kl);
      keys[n_keys++][1] = g->n;
      docs[n_docs][0] = g->n;
      docs[n_docs++][1] = hd;
    }
    g->n++;
  }
  td_timeline_close(it);
  if (rc < 0) {
    free(arts);
    free(keys);
    free(docs);
    td_timeline_groups_free(g);
    return rc;
  }
  /* Entries that share a (date, article, sentence) key are one group. */
  size_t *parent = td_xcalloc(g->n ? g->n : 1, sizeof *parent);
  for (size_t i = 0; i < g->n; i++) parent[i] = i;
  if (n_keys) qsort(keys, n_keys, sizeof *keys, cmp_u64_pair);
  for (size_t i = 1; i < n_keys; i++)
    if (keys[i][0] == keys[i - 1][0]) {
      size_t a = uf_find(parent, keys[i - 1][1]), b = uf_find(parent, keys[i][1]);
      if (a != b) parent[a > b ? a : b] = a < b ? a : b;
    }
  /* Leaders: the most articles, then an entry with a target, then one
   * that is more than a statement (root 01: the talks Putin had, not what
   * he said in them), then the first in timeline order. */
  size_t *lead = td_xcalloc(g->n ? g->n : 1, sizeof *lead);
  size_t *count = td_xcalloc(g->n ? g->n : 1, sizeof *count);
  for (size_t i = 0; i < g->n; i++) {
    size_t r = uf_find(parent, i);
    if (count[r]++ == 0 || lead_rank(g, arts, i) > lead_rank(g, arts, lead[r]))
      lead[r] = i;
  }
  /* The groups, each with its members as one slice of the reordered
   * members: the leader, then the others in timeline order. */
  size_t *gid = td_xcalloc(g->n ? g->n : 1, sizeof *gid), n_group = 0;
  for (size_t i = 0; i < g->n; i++)
    if (parent[i] == i) gid[i] = n_group++;
  g->group = td_xcalloc(n_group ? n_group : 1, sizeof *g->group);
  g->n_group = n_group;
  td_timeline_member *ordered = td_xcalloc(g->n ? g->n : 1, sizeof *ordered);
  size_t at = 0;
  for (size_t i = 0; i < g->n; i++)
    if (parent[i] == i) {
      g->group[gid[i]].members = ordered + at;
      at += count[i];
    }
  g->by_id = td_xcalloc(g->n ? g->n : 1, sizeof *g->by_id);
  for (size_t i = 0; i < g->n; i++) {
    size_t r = uf_find(parent, i);
    td_timeline_group *gr = &g->group[gid[r]];
    td_timeline_member *slot = (td_timeline_member *)gr->members;
    if (i == lead[r]) {
      /* The leader goes first: the others written so far move up one. */
      memmove(slot + 1, slot, gr->n_members * sizeof *slot);
      slot[0] = g->mem[i];
      gr->leader = g->mem[i].id;
    } else {
      slot[gr->n_members] = g->mem[i];
    }
    gr->n_members++;
    g->by_id[i].id = g->mem[i].id;
    g->by_id[i].group = gid[r];
  }
  qsort(g->by_id, g->n, sizeof *g->by_id, cmp_id_group);
  /* Distinct articles of each group. */
  for (size_t i = 0; i < n_docs; i++) docs[i][0] = gid[uf_find(parent, docs[i][0])];
  if (n_docs) qsort(docs, n_docs, sizeof *docs, cmp_u64_pair);
  for (size_t i = 0; i < n_docs; i++)
    if (i == 0 || docs[i][0] != docs[i - 1][0] || docs[i][1] != docs[i - 1][1])
      g->group[docs[i][0]].n_articles++;
  free(g->mem);
  g->mem = ordered;
  free(parent);
  free(lead);
  free(count);
  free(gid);
  free(arts);
  free(keys);
  free(docs);
  *out = g;
  return 0;
}

const td_timeline_group *td_timeline_group_of(const td_timeline_groups *g,
                                              int64_t id) {
  size_t lo = 0, hi = g->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (g->by_id[mid].id < id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < g->n && g->by_id[lo].id == id ? &g->group[g->by_id[lo].group]
                                             : NULL;
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
