/*
 * store.c - the SQLite store.
 *
 * Reads prepared documents (td_doc) and writes articles, paragraphs and
 * sentences, with an FTS5 index over title and text. The schema is
 * versioned per stage (each stage that keeps tables lists its migration
 * steps in a td__schema, see store_internal.h, and is migrated forward on
 * open); a store written by a newer tidings is refused
 * rather than damaged. The store runs in WAL mode so readers never block the
 * writer, and every batch of writes is one transaction, so an interrupted
 * ingest leaves the store exactly as of its last committed batch.
 *
 * Invariant: for every article row, its paragraph and sentence rows are
 * those of the article's current text (a replaced article has its old rows
 * deleted in the same transaction that writes the new ones), and the FTS
 * index holds exactly the current rows (kept by triggers).
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "store_internal.h"

/* The article stage's tables. Each step moves this stage's schema from
 * version i to i+1. Never edit a step that has shipped: add a new one. */
static const char *const article_steps[] = {
    /* 0 -> 1: articles, paragraphs, sentences, full-text index. */
    "CREATE TABLE article (\n"
    "  rowid INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  content_hash INTEGER NOT NULL,\n"
    "  origin TEXT, line INTEGER,\n"
    "  url TEXT, outlet TEXT, title TEXT, meta_date TEXT,\n"
    "  date TEXT, date_precision INTEGER NOT NULL DEFAULT 0,\n"
    "  date_source TEXT NOT NULL DEFAULT 'none',\n"
    "  place TEXT, agency TEXT,\n"
    "  words INTEGER NOT NULL DEFAULT 0,\n"
    "  n_paragraphs INTEGER NOT NULL DEFAULT 0,\n"
    "  n_sentences INTEGER NOT NULL DEFAULT 0,\n"
    "  invalid_utf8 INTEGER NOT NULL DEFAULT 0,\n"
    "  text TEXT NOT NULL,\n"
    "  ingested_at TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX article_date ON article(date, id);\n"
    "CREATE TABLE paragraph (\n"
    "  article INTEGER NOT NULL, idx INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  PRIMARY KEY (article, idx)) WITHOUT ROWID;\n"
    "CREATE TABLE sentence (\n"
    "  article INTEGER NOT NULL, idx INTEGER NOT NULL,\n"
    "  para INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  PRIMARY KEY (article, idx)) WITHOUT ROWID;\n"
    "CREATE VIRTUAL TABLE article_fts USING fts5(\n"
    "  title, text, content='article', content_rowid='rowid');\n"
    "CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN\n"
    "  INSERT INTO article_fts(rowid, title, text)\n"
    "    VALUES (new.rowid, new.title, new.text);\n"
    "END;\n"
    "CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN\n"
    "  INSERT INTO article_fts(article_fts, rowid, title, text)\n"
    "    VALUES ('delete', old.rowid, old.title, old.text);\n"
    "END;\n"
    "CREATE TRIGGER article_au AFTER UPDATE ON article BEGIN\n"
    "  INSERT INTO article_fts(article_fts, rowid, title, text)\n"
    "    VALUES ('delete', old.rowid, old.title, old.text);\n"
    "  INSERT INTO article_fts(rowid, title, text)\n"
    "    VALUES (new.rowid, new.title, new.text);\n"
    "END;\n",
};

const td__schema td__schema_article = {
    "article", article_steps, sizeof article_steps / sizeof article_steps[0],
    NULL, NULL};

/* Every stage that keeps tables, in pipeline order. A stage adds itself
 * here; its tables are created (or migrated) when a store is opened. */
static const td__schema *const schemas[] = {
    &td__schema_article,     &td__schema_timex,    &td__schema_actors,
    &td__schema_fingerprint, &td__schema_timeline, /* after fingerprint: asks it
                                                      for repeats */
};
#define N_SCHEMAS (sizeof schemas / sizeof schemas[0])

enum {
  ST_FIND,
  ST_INSERT,
  ST_UPDATE,
  ST_DEL_PARA,
  ST_DEL_SENT,
  ST_PARA,
  ST_SENT,
  ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
    [ST_FIND] = "SELECT rowid, content_hash FROM article WHERE id = ?1",
    [ST_INSERT] =
        "INSERT INTO article (id, content_hash, origin, line, url, outlet, "
        "title, meta_date, date, date_precision, date_source, place, agency, "
        "words, n_paragraphs, n_sentences, invalid_utf8, text, ingested_at) "
        "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,"
        "?18,?19)",
    [ST_UPDATE] =
        "UPDATE article SET content_hash=?2, origin=?3, line=?4, url=?5, "
        "outlet=?6, title=?7, meta_date=?8, date=?9, date_precision=?10, "
        "date_source=?11, place=?12, agency=?13, words=?14, n_paragraphs=?15, "
        "n_sentences=?16, invalid_utf8=?17, text=?18, ingested_at=?19 "
        "WHERE id=?1",
    [ST_DEL_PARA] = "DELETE FROM paragraph WHERE article = ?1",
    [ST_DEL_SENT] = "DELETE FROM sentence WHERE article = ?1",
    [ST_PARA] =
        "INSERT INTO paragraph (article, idx, start, end) "
        "VALUES (?1, ?2, ?3, ?4)",
    [ST_SENT] =
        "INSERT INTO sentence (article, idx, para, start, end) "
        "VALUES (?1, ?2, ?3, ?4, ?5)",
};

/* Statements other stages prepare through td__store_stmt, keyed by the
 * address of their (static) SQL text. */
typedef struct stmt_cache_entry {
  const char *sql;
  sqlite3_stmt *stmt;
} stmt_cache_entry;

struct td_store {
  sqlite3 *db;
  char *path;
  sqlite3_stmt *stmt[ST_COUNT];
  stmt_cache_entry *cache;
  size_t n_cache;
};

const char *td_store_default_path(void) {
  const char *e = getenv("TIDINGS_DB");
  return (e && *e) ? e : "tidings.db";
}

static int db_error(td_store *st, td_error *err, const char *what) {
  return td_error_set(err, TD_EDB, st->path, 0, "%s: %s", what,
                      sqlite3_errmsg(st->db));
}

static int exec(td_store *st, const char *sql, td_error *err) {
  char *msg = NULL;
  if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    int rc = td_error_set(err, TD_EDB, st->path, 0, "%s",
                          msg ? msg : sqlite3_errmsg(st->db));
    sqlite3_free(msg);
    return rc;
  }
  return 0;
}

static int user_version(td_store *st, int *v) {
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) !=
      SQLITE_OK)
    return TD_EDB;
  *v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
  sqlite3_finalize(s);
  return 0;
}

/* The version of one stage's tables, 0 when the stage has none yet. */
static int stage_version(td_store *st, const char *stage, int *v) {
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(st->db, "SELECT version FROM td_schema WHERE stage=?1",
                         -1, &s, NULL) != SQLITE_OK)
    return TD_EDB;
  sqlite3_bind_text(s, 1, stage, -1, SQLITE_STATIC);
  int rc = sqlite3_step(s);
  *v = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
  sqlite3_finalize(s);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : TD_EDB;
}

/* PRAGMA user_version holds the layout of the store itself: 1 means every
 * stage's schema version is a row of td_schema. Each stage is migrated
 * forward on its own, all in one transaction, so a store is never left
 * half-migrated; a stage written by a newer tidings is refused. */
#define TD__STORE_LAYOUT 1

static int migrate(td_store *st, td_error *err) {
  int v;
  int rc;
  if ((rc = exec(st, "BEGIN IMMEDIATE", err)) != 0) return rc;
  if (user_version(st, &v) != 0) {
    rc = db_error(st, err, "reading schema version");
    goto fail;
  }
  if (v > TD__STORE_LAYOUT) {
    rc = td_error_set(err, TD_ESCHEMA, st->path, 0,
                      "store layout version %d is newer than this tidings "
                      "(%d); upgrade tidings",
                      v, TD__STORE_LAYOUT);
    goto fail;
  }
  /* A database with tables of its own but none of ours is someone else's
   * (a mistyped --db): leave it as it is rather than add our tables. */
  if (v < 1) {
    sqlite3_stmt *q;
    int foreign = -1;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*) FILTER (WHERE name <> 'td_schema'),"
                           " count(*) FILTER (WHERE name = 'td_schema') "
                           "FROM sqlite_master",
                           -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
      foreign = sqlite3_column_int(q, 0) > 0 && sqlite3_column_int(q, 1) == 0;
    sqlite3_finalize(q);
    if (foreign < 0) {
      rc = db_error(st, err, "reading the store's tables");
      goto fail;
    }
    if (foreign) {
      rc = td_error_set(err, TD_ESCHEMA, st->path, 0,
                        "an SQLite database but not a tidings store (it has "
                        "other tables); left untouched");
      goto fail;
    }
  }
  if (v < 1 &&
      ((rc = exec(st,
                  "CREATE TABLE IF NOT EXISTS td_schema (\n"
                  "  stage TEXT PRIMARY KEY, version INTEGER NOT NULL);\n"
                  "PRAGMA user_version = 1;",
                  err)) != 0))
    goto fail;
  for (size_t i = 0; i < N_SCHEMAS; i++) {
    const td__schema *sc = schemas[i];
    int sv;
    if (stage_version(st, sc->stage, &sv) != 0) {
      rc = db_error(st, err, "reading schema version");
      goto fail;
    }
    if (sv > (int)sc->n_steps) {
      rc = td_error_set(err, TD_ESCHEMA, st->path, 0,
                        "store tables of stage '%s' are version %d, newer "
                        "than this tidings (%u); upgrade tidings",
                        sc->stage, sv, sc->n_steps);
      goto fail;
    }
    for (; sv < (int)sc->n_steps; sv++) {
      if ((rc = exec(st, sc->steps[sv], err)) != 0) goto fail;
      char sql[160];
      snprintf(sql, sizeof sql,
               "INSERT OR REPLACE INTO td_schema (stage, version) "
               "VALUES ('%s', %d)",
               sc->stage, sv + 1);
      if ((rc = exec(st, sql, err)) != 0) goto fail;
    }
  }
  return exec(st, "COMMIT", err);
fail:
  sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

int td_store_open(const char *path, td_store **out, td_error *err) {
  *out = NULL;
  if (path == NULL) path = td_store_default_path();
  /* SQLite takes "" for a private temporary database, deleted on close:
   * an ingest into it would report success and keep nothing. */
  if (*path == '\0')
    return td_error_set(err, TD_EARG, NULL, 0,
                        "the store path is empty (--db wants a file name)");
  td_store *st = td_xcalloc(1, sizeof *st);
  st->path = td_xstrdup(path);
  int rc = sqlite3_open_v2(path, &st->db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK) {
    rc = td_error_set(err, TD_EDB, path, 0, "cannot open store: %s",
                      st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
    td_store_close(st);
    return rc;
  }
  sqlite3_busy_timeout(st->db, 10000);
  /* A file that is not a database fails here, at the first read. */
  if ((rc = exec(st,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA cache_size = -65536;", /* 64 MiB */
                 err)) != 0 ||
      (rc = migrate(st, err)) != 0) {
    td_store_close(st);
    return rc;
  }
  for (int i = 0; i < ST_COUNT; i++) {
    if (sqlite3_prepare_v3(st->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                           &st->stmt[i], NULL) != SQLITE_OK) {
      rc = db_error(st, err, "preparing statement");
      td_store_close(st);
      return rc;
    }
  }
  *out = st;
  return 0;
}

void td_store_close(td_store *st) {
  if (st == NULL) return;
  for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(st->stmt[i]);
  for (size_t i = 0; i < st->n_cache; i++) sqlite3_finalize(st->cache[i].stmt);
  free(st->cache);
  sqlite3_close(st->db);
  free(st->path);
  free(st);
}

sqlite3 *td__store_db(td_store *st) {
  return st->db;
}

sqlite3_stmt *td__store_stmt(td_store *st, const char *sql) {
  for (size_t i = 0; i < st->n_cache; i++)
    if (st->cache[i].sql == sql) {
      sqlite3_reset(st->cache[i].stmt);
      sqlite3_clear_bindings(st->cache[i].stmt);
      return st->cache[i].stmt;
    }
  sqlite3_stmt *s;
  if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
                         NULL) != SQLITE_OK)
    return NULL;
  st->cache = td_xrealloc(st->cache, (st->n_cache + 1) * sizeof *st->cache);
  st->cache[st->n_cache++] = (stmt_cache_entry){sql, s};
  return s;
}
const char *td__store_path(td_store *st) {
  return st->path;
}

int td_store_begin(td_store *st, td_error *err) {
  return exec(st, "BEGIN IMMEDIATE", err);
}

int td_store_commit(td_store *st, td_error *err) {
  return exec(st, "COMMIT", err);
}

int td_store_rollback(td_store *st) {
  if (sqlite3_get_autocommit(st->db)) return 0;
  return sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK
             ? 0
             : TD_EDB;
}

/* Bind a string, or NULL for a NULL or empty string. Text is bound
 * SQLITE_STATIC: every string outlives the statement's step. */
static void bind_text(sqlite3_stmt *s, int i, const char *v) {
  if (v && *v)
    sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(s, i);
}

static int step_done(td_store *st, sqlite3_stmt *s, td_error *err,
                     const char *what) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) return db_error(st, err, what);
  return 0;
}

static int put_children(td_store *st, const td_doc *doc, sqlite3_int64 art,
                        td_error *err) {
  sqlite3_stmt *p = st->stmt[ST_PARA], *s = st->stmt[ST_SENT];
  for (size_t i = 0; i < doc->n_paras; i++) {
    sqlite3_bind_int64(p, 1, art);
    sqlite3_bind_int64(p, 2, (sqlite3_int64)i);
    sqlite3_bind_int64(p, 3, doc->paras[i].start);
    sqlite3_bind_int64(p, 4, doc->paras[i].end);
    int rc = step_done(st, p, err, "writing paragraph");
    if (rc) return rc;
  }
  for (size_t i = 0; i < doc->n_sents; i++) {
    sqlite3_bind_int64(s, 1, art);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
    sqlite3_bind_int64(s, 3, doc->sents[i].para);
    sqlite3_bind_int64(s, 4, doc->sents[i].start);
    sqlite3_bind_int64(s, 5, doc->sents[i].end);
    int rc = step_done(st, s, err, "writing sentence");
    if (rc) return rc;
  }
  return 0;
}

int td_store_put_doc(td_store *st, const td_doc *doc, td_put_result *result,
                     td_error *err) {
  return td__store_put_doc(st, doc, 0, result, err);
}

int td__store_put_doc(td_store *st, const td_doc *doc, int rewrite,
                      td_put_result *result, td_error *err) {
  sqlite3_stmt *f = st->stmt[ST_FIND];
  sqlite3_bind_text(f, 1, doc->id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(f);
  sqlite3_int64 art = 0;
  int exists = 0;
  uint64_t old_hash = 0;
  if (rc == SQLITE_ROW) {
    exists = 1;
    art = sqlite3_column_int64(f, 0);
    old_hash = (uint64_t)sqlite3_column_int64(f, 1);
  }
  sqlite3_reset(f);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error(st, err, "looking up article");
  if (exists && old_hash == doc->content_hash && !rewrite) {
    *result = TD_PUT_UNCHANGED;
    return 0;
  }

  char date[24], now[32];
  td_date_format(doc->date, date, sizeof date);
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);

  sqlite3_stmt *s = st->stmt[exists ? ST_UPDATE : ST_INSERT];
  sqlite3_bind_text(s, 1, doc->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 2, (sqlite3_int64)doc->content_hash);
  bind_text(s, 3, doc->origin);
  sqlite3_bind_int64(s, 4, doc->line);
  bind_text(s, 5, doc->url);
  bind_text(s, 6, doc->outlet);
  bind_text(s, 7, doc->title);
  bind_text(s, 8, doc->meta_date_text);
  bind_text(s, 9, td_date_has_year(doc->date) ? date : NULL);
  sqlite3_bind_int(s, 10, doc->date.precision);
  sqlite3_bind_text(s, 11, td_date_source_name(doc->date_source), -1,
                    SQLITE_STATIC);
  bind_text(s, 12, doc->place);
  bind_text(s, 13, doc->agency);
  sqlite3_bind_int64(s, 14, (sqlite3_int64)doc->n_words);
  sqlite3_bind_int64(s, 15, (sqlite3_int64)doc->n_paras);
  sqlite3_bind_int64(s, 16, (sqlite3_int64)doc->n_sents);
  sqlite3_bind_int(s, 17, (int)doc->n_invalid_utf8);
  sqlite3_bind_text(s, 18, doc->text ? doc->text : "",
                    (int)(doc->text ? doc->text_len : 0), SQLITE_STATIC);
  sqlite3_bind_text(s, 19, now, -1, SQLITE_STATIC);
  if ((rc = step_done(st, s, err, "writing article")) != 0) return rc;

  if (exists) {
    sqlite3_bind_int64(st->stmt[ST_DEL_PARA], 1, art);
    if ((rc = step_done(st, st->stmt[ST_DEL_PARA], err, "replacing")) != 0)
      return rc;
    sqlite3_bind_int64(st->stmt[ST_DEL_SENT], 1, art);
    if ((rc = step_done(st, st->stmt[ST_DEL_SENT], err, "replacing")) != 0)
      return rc;
  } else {
    art = sqlite3_last_insert_rowid(st->db);
  }
  if ((rc = put_children(st, doc, art, err)) != 0) return rc;
  for (size_t i = 0; i < N_SCHEMAS; i++)
    if (schemas[i]->put_doc &&
        (rc = schemas[i]->put_doc(st, (int64_t)art, doc, err)) != 0)
      return rc;
  *result = exists ? TD_PUT_REPLACED : TD_PUT_NEW;
  return 0;
}

int td__store_find_doc(td_store *st, const char *id, uint64_t *hash) {
  sqlite3_stmt *f = st->stmt[ST_FIND];
  sqlite3_bind_text(f, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(f);
  if (rc == SQLITE_ROW) *hash = (uint64_t)sqlite3_column_int64(f, 1);
  sqlite3_reset(f);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : TD_EDB;
}

int td__store_end_batch(td_store *st, td_error *err) {
  for (size_t i = 0; i < N_SCHEMAS; i++) {
    int rc;
    if (schemas[i]->end_batch && (rc = schemas[i]->end_batch(st, err)) != 0)
      return rc;
  }
  return 0;
}

long td_store_count_docs(td_store *st) {
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM article", -1, &s,
                         NULL) != SQLITE_OK)
    return TD_EDB;
  long n =
      sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : TD_EDB;
  sqlite3_finalize(s);
  return n;
}

static const char *col(sqlite3_stmt *s, int i) {
  return (const char *)sqlite3_column_text(s, i);
}

int td_store_each_doc(td_store *st, int (*fn)(void *ud, const td_doc_row *r),
                      void *ud, td_error *err) {
  sqlite3_stmt *s;
  /* Undated articles sort last. */
  const char *sql =
      "SELECT a.id, a.date, a.date_source, a.place, a.agency, a.title, "
      "a.outlet, a.url, a.origin, a.words, a.n_paragraphs, a.n_sentences, "
      "h.id, (SELECT count(*) FROM fp_doc c WHERE c.cluster = f.cluster), "
      "f.repeated FROM article a "
      "LEFT JOIN fp_doc f ON f.article = a.rowid "
      "LEFT JOIN article h ON h.rowid = f.cluster "
      "ORDER BY a.date IS NULL, a.date, a.id";
  if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
    return db_error(st, err, "listing articles");
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    td_doc_row r = {
        .id = col(s, 0),
        .date = col(s, 1),
        .date_source = col(s, 2),
        .place = col(s, 3),
        .agency = col(s, 4),
        .title = col(s, 5),
        .outlet = col(s, 6),
        .url = col(s, 7),
        .origin = col(s, 8),
        .words = (long)sqlite3_column_int64(s, 9),
        .paragraphs = (long)sqlite3_column_int64(s, 10),
        .sentences = (long)sqlite3_column_int64(s, 11),
        .cluster = col(s, 12),
        .cluster_size = (long)sqlite3_column_int64(s, 13),
        .repeated = sqlite3_column_double(s, 14),
    };
    if (fn(ud, &r) != 0) {
      rc = SQLITE_DONE;
      break;
    }
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) return db_error(st, err, "listing articles");
  return 0;
}
