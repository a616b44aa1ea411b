/*
 * ingest.c - the ingest driver: reads articles from paths, runs the
 * read-side stages on each (td_doc_prepare), resolves the dates of each
 * batch together and writes the batch to the store in one transaction.
 *
 * Batching is what makes an interrupted ingest safe: a batch is either
 * wholly in the store or not at all, and a rerun finds the committed
 * articles unchanged (same content hash) and stores the rest.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "store_internal.h"

typedef struct ingest_run {
  td_store *st;
  const td_ingest_opts *opts;
  td_ingest_stats *stats;
  td_error *err;
  td_doc **batch;
  size_t n, cap;
  int failed; /* a store error stops the run */
  struct timespec t0;
} ingest_run;

static double elapsed(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) +
         (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void free_batch(ingest_run *r) {
  for (size_t i = 0; i < r->n; i++) td_doc_free(r->batch[i]);
  r->n = 0;
}

static int flush(ingest_run *r) {
  if (r->n == 0) return 0;
  td_batch_resolve_dates(r->batch, r->n);
  int rc = td_store_begin(r->st, r->err);
  size_t added = 0, same = 0, repl = 0, redo = 0;
  for (size_t i = 0; rc == 0 && i < r->n; i++) {
    td_put_result res;
    uint64_t hash;
    int found = td__store_find_doc(r->st, r->batch[i]->id, &hash);
    if (found < 0) {
      rc = td_error_set(r->err, TD_EDB, td__store_path(r->st), 0,
                        "looking up article %s", r->batch[i]->id);
      break;
    }
    int again = found && hash == r->batch[i]->content_hash;
    if (again && !(r->opts && r->opts->reprocess)) {
      same++;
      continue;
    }
    if (r->opts) td_doc_annotate(r->batch[i], r->opts->kb, r->opts->lexicon);
    rc = td__store_put_doc(r->st, r->batch[i], again, &res, r->err);
    if (rc == 0 && again) {
      redo++;
      continue;
    }
    if (rc == 0) {
      if (res == TD_PUT_NEW) added++;
      if (res == TD_PUT_UNCHANGED) same++;
      if (res == TD_PUT_REPLACED) repl++;
    }
  }
  if (rc == 0) rc = td__store_end_batch(r->st, r->err);
  if (rc == 0) rc = td_store_commit(r->st, r->err);
  if (rc != 0) {
    td_store_rollback(r->st);
    r->failed = 1;
  } else {
    r->stats->ingested += added;
    r->stats->unchanged += same;
    r->stats->replaced += repl;
    r->stats->reprocessed += redo;
  }
  free_batch(r);
  r->stats->seconds = elapsed(&r->t0);
  if (rc == 0 && r->opts && r->opts->progress)
    r->opts->progress(r->opts->progress_ud, r->stats);
  return rc;
}

static int on_doc(void *ud, td_doc *doc) {
  ingest_run *r = ud;
  const td_diag *diag = r->opts ? &r->opts->diag : NULL;
  r->stats->read++;
  r->stats->bytes += doc->raw_len;
  int rc = td_doc_prepare(doc, diag);
  if (rc != 0) {
    td__diag(diag, TD_SEV_ERROR, doc->origin, doc->line > 0 ? doc->line : 1,
             "%s%s%s", td_strerror(rc), doc->id ? ", article " : "",
             doc->id ? doc->id : "");
    r->stats->rejected++;
    td_doc_free(doc);
    return 0;
  }
  /* Two versions of one id in one batch: the later wins, as it would
   * across batches. */
  for (size_t i = 0; i < r->n; i++) {
    if (strcmp(r->batch[i]->id, doc->id) == 0) {
      td_doc_free(r->batch[i]);
      r->batch[i] = doc;
      return 0;
    }
  }
  if (r->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 64;
    r->batch = td_xrealloc(r->batch, r->cap * sizeof *r->batch);
  }
  r->batch[r->n++] = doc;
  size_t bs = r->opts && r->opts->batch_size ? r->opts->batch_size : 1000;
  if (r->n >= bs && flush(r) != 0) return 1;
  return 0;
}

int td_ingest(td_store *st, const char *const *paths, size_t n,
              const td_ingest_opts *opts, td_ingest_stats *stats,
              td_error *err) {
  ingest_run r = {.st = st, .opts = opts, .stats = stats, .err = err};
  memset(stats, 0, sizeof *stats);
  clock_gettime(CLOCK_MONOTONIC, &r.t0);
  for (size_t i = 0; i < n && !r.failed; i++) {
    td_read_stats rs = {0};
    td_read_path(paths[i], on_doc, &r, opts ? &opts->diag : NULL, &rs);
    stats->rejected += rs.rejected;
  }
  if (!r.failed) flush(&r);
  free_batch(&r);
  free(r.batch);
  stats->seconds = elapsed(&r.t0);
  return r.failed ? (err && err->code ? err->code : TD_EDB) : 0;
}
