/*
 * placeholder.c - TEMPORARY minimal read/normalize/dateline/segment so the
 * tree links while the real stages (read.c, normalize.c, dateline.c,
 * segment.c) are written. Delete each function here when its real
 * implementation lands; delete the file when it is empty.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int td_read_stream(FILE *f, const char *name, td_format fmt, td_read_fn fn,
                   void *ud, const td_diag *diag, td_read_stats *stats) {
  (void)fmt;
  td__buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) td__buf_put(&b, chunk, n);
  td_doc *doc = td_doc_new();
  const char *base = strrchr(name, '/');
  base = base ? base + 1 : name;
  const char *dot = strrchr(base, '.');
  char *id = td_xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
  doc->id = id;
  td_doc_set_str(&doc->origin, name);
  doc->line = 1;
  td_doc_set_raw(doc, b.data ? b.data : "", b.len);
  stats->bytes += b.len;
  stats->articles++;
  td__buf_free(&b);
  (void)diag;
  return fn(ud, doc);
}

int td_read_path(const char *path, td_read_fn fn, void *ud,
                 const td_diag *diag, td_read_stats *stats) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    td__diag(diag, TD_SEV_ERROR, path, 0, "cannot open");
    stats->rejected++;
    return 0;
  }
  int rc = td_read_stream(f, path, TD_FMT_TEXT, fn, ud, diag, stats);
  fclose(f);
  return rc;
}

int td_normalize(td_doc *doc, const td_diag *diag) {
  (void)diag;
  free(doc->text);
  free(doc->offmap);
  doc->text = td_xstrndup(doc->raw, doc->raw_len);
  doc->text_len = doc->raw_len;
  doc->offmap = td_xmalloc((doc->text_len + 1) * sizeof *doc->offmap);
  for (size_t i = 0; i <= doc->text_len; i++) doc->offmap[i] = (uint32_t)i;
  for (size_t i = 0; i < doc->text_len; i++)
    if (!td__is_space((unsigned char)doc->text[i])) return 0;
  return TD_EEMPTY;
}

/* Annotate stages: no annotations until timex.c, actors.c and events.c
 * land. */
void td_timex_tag(td_doc *doc) { (void)doc; }

struct td_actor_kb {
  int unused;
};
int td_actor_kb_open(const char *data_dir, td_actor_kb **out,
                     const td_diag *diag, td_error *err) {
  (void)data_dir;
  (void)diag;
  (void)err;
  *out = td_xcalloc(1, sizeof **out);
  return 0;
}
void td_actor_kb_free(td_actor_kb *kb) { free(kb); }
int td_actor_kb_load_dict(td_actor_kb *kb, const char *path,
                          const td_diag *diag, size_t *n_entries,
                          td_error *err) {
  (void)kb;
  (void)path;
  (void)diag;
  (void)err;
  if (n_entries) *n_entries = 0;
  return 0;
}
void td_actors_resolve(td_doc *doc, td_actor_kb *kb) {
  (void)doc;
  (void)kb;
}
