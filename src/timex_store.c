/*
 * timex_store.c - the time-expression stage's table in the store.
 *
 * Reads the timexes td_timex_tag left on an ingested document and writes
 * one row per expression (span, sentence, TIMEX3 type and value, the
 * calendar date an event governed by it takes, and the other end of a
 * range), in the ingest batch's transaction. A replaced article has its
 * earlier rows deleted first, so the table always holds the expressions of
 * each article's current text.
 */
#include "internal.h"
#include "store_internal.h"

static const char *const timex_steps[] = {
    /* 0 -> 1: one row per time expression of an article. */
    "CREATE TABLE timex (\n"
    "  article INTEGER NOT NULL,\n"
    "  idx INTEGER NOT NULL,\n"
    "  sent INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  type TEXT NOT NULL,\n"
    "  value TEXT NOT NULL,\n"
    "  date TEXT,\n"
    "  date_precision INTEGER NOT NULL DEFAULT 0,\n"
    "  flags INTEGER NOT NULL DEFAULT 0,\n"
    "  range_pair INTEGER,\n"
    "  PRIMARY KEY (article, idx)) WITHOUT ROWID;\n"
    "CREATE INDEX timex_date ON timex(date);\n",
};

static int db_fail(td_store *st, td_error *err, const char *what) {
  return td_error_set(err, TD_EDB, td__store_path(st), 0, "%s: %s", what,
                      sqlite3_errmsg(td__store_db(st)));
}

static int put_doc(td_store *st, int64_t art, const td_doc *doc,
                   td_error *err) {
  sqlite3_stmt *del = td__store_stmt(st, "DELETE FROM timex WHERE article = ?");
  if (del == NULL) return db_fail(st, err, "preparing timex delete");
  sqlite3_bind_int64(del, 1, art);
  int rc = sqlite3_step(del);
  sqlite3_reset(del);
  if (rc != SQLITE_DONE) return db_fail(st, err, "deleting time expressions");
  sqlite3_stmt *ins = td__store_stmt(
      st,
      "INSERT INTO timex (article, idx, sent, start, end, text, type, value, "
      "date, date_precision, flags, range_pair) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (ins == NULL) return db_fail(st, err, "preparing timex insert");
  for (size_t i = 0; i < doc->n_timexes; i++) {
    const td_timex *tx = &doc->timexes[i];
    char date[24];
    sqlite3_bind_int64(ins, 1, art);
    sqlite3_bind_int64(ins, 2, (sqlite3_int64)i);
    sqlite3_bind_int64(ins, 3, tx->sent);
    sqlite3_bind_int64(ins, 4, tx->start);
    sqlite3_bind_int64(ins, 5, tx->end);
    sqlite3_bind_text(ins, 6, doc->text + tx->start, (int)(tx->end - tx->start),
                      SQLITE_STATIC);
    sqlite3_bind_text(ins, 7, td_timex_type_name((td_timex_type)tx->type), -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(ins, 8, tx->value, -1, SQLITE_TRANSIENT);
    if (td_date_has_year(tx->date)) {
      td_date_format(tx->date, date, sizeof date);
      sqlite3_bind_text(ins, 9, date, -1, SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(ins, 9);
    }
    sqlite3_bind_int(ins, 10, tx->date.precision);
    sqlite3_bind_int(ins, 11, tx->flags);
    if (tx->range_pair >= 0)
      sqlite3_bind_int64(ins, 12, tx->range_pair);
    else
      sqlite3_bind_null(ins, 12);
    rc = sqlite3_step(ins);
    sqlite3_reset(ins);
    if (rc != SQLITE_DONE) return db_fail(st, err, "writing time expression");
  }
  return 0;
}

const td__schema td__schema_timex = {"timex", timex_steps,
                                     sizeof timex_steps / sizeof timex_steps[0],
                                     put_doc, NULL};
