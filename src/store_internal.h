/*
 * store_internal.h - access to the store's SQLite handle for the library's
 * own later stages (fingerprints, time expressions, events), which keep
 * their tables in the same file and the same transactions.
 */
#ifndef TD_STORE_INTERNAL_H
#define TD_STORE_INTERNAL_H

#include <sqlite3.h>

#include "tidings.h"

/* A stage's tables: its migration steps in order. Step i moves the stage's
 * schema from version i to i+1; a step that has shipped is never edited,
 * a change is a new step. store.c lists every stage's td__schema and
 * migrates each on open, in one transaction. */
typedef struct td__schema {
  const char *stage; /* "article", "timex", "fingerprint", ... */
  const char *const *steps;
  unsigned n_steps;
  /* Write the stage's rows for a new or replaced article (rowid art), in
   * the ingest batch's transaction, after the article row; remove the
   * article's earlier rows first. NULL when the stage keeps none. */
  int (*put_doc)(td_store *st, int64_t art, const td_doc *doc, td_error *err);
  /* Corpus-level work once every article of a batch is written (clusters,
   * timeline merge), in the same transaction. NULL when none. */
  int (*end_batch)(td_store *st, td_error *err);
} td__schema;
extern const td__schema td__schema_article;
extern const td__schema td__schema_timex; /* timex_store.c */
extern const td__schema td__schema_actors;
extern const td__schema td__schema_fingerprint;
extern const td__schema td__schema_timeline; /* merge.c */

/* A prepared statement for sql, which must be a static string: statements
 * are cached by the address of their text and live as long as the store.
 * The statement comes back reset with its bindings cleared; NULL when the
 * SQL does not compile (sqlite3_errmsg(td__store_db(st)) says why). */
sqlite3_stmt *td__store_stmt(td_store *st, const char *sql);

/* Whether an article with this id is stored: 1 (and *hash its content
 * hash), 0 when not, TD_EDB on a store error. */
int td__store_find_doc(td_store *st, const char *id, uint64_t *hash);

/* td_store_put_doc, but when rewrite is set an article stored with the
 * same content is written again with its new annotations (and reported
 * as TD_PUT_REPLACED). */
int td__store_put_doc(td_store *st, const td_doc *doc, int rewrite,
                      td_put_result *result, td_error *err);

/* Run every stage's end_batch, in pipeline order (ingest calls this
 * before committing a batch). */
int td__store_end_batch(td_store *st, td_error *err);

/* The open database; owned by the store. */
sqlite3 *td__store_db(td_store *st);
/* The path the store was opened with; owned by the store. */
const char *td__store_path(td_store *st);

/* Repeated material (fingerprint.c), for the event and timeline stages.
 * Valid once the batch holding the article has run end_batch.
 *
 * Whether paragraph para_idx of the article (rowid) is repeated material:
 * 1 when the paragraph, or long sentences covering at least half of its
 * words, repeat (word 3-gram Jaccard >= TD_FP_PASSAGE_THRESHOLD) a passage
 * of an EARLIER article (by date, then id); 0 when it is original here
 * (the earliest article holding it gets 0); a negative TD_E* on a store
 * error. */
int td__para_is_repeat(td_store *st, int64_t article_rowid, uint32_t para_idx);

/* What is known about one paragraph's repeats. */
typedef struct td__para_repeat_info {
  int shared;     /* recurs in another article at all (origin too) */
  int repeat;     /* td__para_is_repeat */
  int64_t origin; /* rowid of the earliest article holding it, or 0 */
  uint32_t origin_para;
  double similarity; /* best passage similarity to its group */
  double share;      /* share of the paragraph's words that recur */
} td__para_repeat_info;
int td__para_repeat(td_store *st, int64_t article_rowid, uint32_t para_idx,
                    td__para_repeat_info *out);

#endif
