/*
 * placeholder.c - TEMPORARY minimal read/normalize/dateline/segment so the
 * tree links while the real stages (read.c, normalize.c, dateline.c,
 * segment.c) are written. Delete each function here when its real
 * implementation lands; delete the file when it is empty.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "store_internal.h"

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

int td_read_path(const char *path, td_read_fn fn, void *ud, const td_diag *diag,
                 td_read_stats *stats) {
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

void td_dateline_parse(td_doc *doc) {
  if (doc->meta_date.precision) {
    doc->date = doc->meta_date;
    doc->date_source = TD_DATE_SRC_METADATA;
  }
}

void td_batch_resolve_dates(td_doc **docs, size_t n) {
  (void)docs;
  (void)n;
}

/* One paragraph per blank-line block, one sentence per paragraph, tokens
 * split at spaces and punctuation. */
void td_segment(td_doc *doc) {
  free(doc->paras);
  free(doc->sents);
  free(doc->toks);
  doc->paras = NULL;
  doc->sents = NULL;
  doc->toks = NULL;
  doc->n_paras = doc->n_sents = doc->n_toks = doc->n_words = 0;
  size_t cap_p = 0, cap_t = 0;
  const char *t = doc->text;
  size_t i = 0, n = doc->text_len;
  while (i < n) {
    while (i < n && td__is_space((unsigned char)t[i])) i++;
    if (i >= n) break;
    size_t s = i;
    while (i < n && !(t[i] == '\n' && i + 1 < n && t[i + 1] == '\n')) i++;
    size_t e = i;
    while (e > s && td__is_space((unsigned char)t[e - 1])) e--;
    if (doc->n_paras == cap_p) {
      cap_p = cap_p ? cap_p * 2 : 16;
      doc->paras = td_xrealloc(doc->paras, cap_p * sizeof *doc->paras);
      doc->sents = td_xrealloc(doc->sents, cap_p * sizeof *doc->sents);
    }
    size_t tf = doc->n_toks;
    for (size_t k = s; k < e;) {
      unsigned char c = (unsigned char)t[k];
      if (td__is_space(c)) {
        k++;
        continue;
      }
      size_t ks = k;
      if (td__is_alnum(c) || c >= 0x80) {
        while (k < e && (td__is_alnum((unsigned char)t[k]) ||
                         (unsigned char)t[k] >= 0x80))
          k++;
      } else {
        k++;
      }
      if (doc->n_toks == cap_t) {
        cap_t = cap_t ? cap_t * 2 : 256;
        doc->toks = td_xrealloc(doc->toks, cap_t * sizeof *doc->toks);
      }
      td_token tk = {(uint32_t)ks, (uint32_t)k,
                     td__is_alnum(c) || c >= 0x80 ? TD_TOK_WORD : TD_TOK_PUNCT,
                     0};
      if (tk.kind == TD_TOK_WORD) doc->n_words++;
      doc->toks[doc->n_toks++] = tk;
    }
    doc->paras[doc->n_paras] =
        (td_paragraph){(uint32_t)s, (uint32_t)e, (uint32_t)doc->n_paras,
                       (uint32_t)doc->n_paras + 1};
    doc->sents[doc->n_paras] =
        (td_sentence){(uint32_t)s, (uint32_t)e, (uint32_t)doc->n_paras,
                      (uint32_t)tf, (uint32_t)doc->n_toks};
    doc->n_paras++;
    doc->n_sents++;
  }
}

/* Annotate stages: no annotations until timex.c, actors.c and events.c
 * land. */
void td_timex_tag(td_doc *doc) {
  (void)doc;
}

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
void td_actor_kb_free(td_actor_kb *kb) {
  free(kb);
}
void td_actors_resolve(td_doc *doc, td_actor_kb *kb) {
  (void)doc;
  (void)kb;
}

void td_events_extract(td_doc *doc, const td_lexicon *lx) {
  (void)doc;
  (void)lx;
}

/* Repeated paragraphs: none until the near-duplicate stage (fingerprint.c,
 * branch dups) lands with the real td__para_is_repeat; weak, so that
 * definition replaces this one at link time. Delete it then. */
#if defined(__GNUC__)
__attribute__((weak))
#endif
int td__para_is_repeat(td_store *st, int64_t article_rowid,
                       uint32_t para_idx) {
  (void)st;
  (void)article_rowid;
  (void)para_idx;
  return 0;
}
