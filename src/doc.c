/*
 * doc.c - the document model: creation, freeing, field setters, the content
 * hash that makes ingest idempotent, and td_doc_prepare, which runs the
 * read-side stages (normalize, dateline, segment) on one document.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "internal.h"

td_doc *td_doc_new(void) {
  return td_xcalloc(1, sizeof(td_doc));
}

void td_doc_free(td_doc *doc) {
  if (doc == NULL) return;
  free(doc->id);
  free(doc->origin);
  free(doc->url);
  free(doc->outlet);
  free(doc->title);
  free(doc->meta_date_text);
  free(doc->raw);
  free(doc->text);
  free(doc->offmap);
  free(doc->place);
  free(doc->agency);
  free(doc->paras);
  free(doc->sents);
  free(doc->toks);
  free(doc->timexes);
  free(doc->entities);
  free(doc->mentions);
  free(doc->events);
  td_fingerprint_free(doc->fingerprint);
  free(doc);
}

void td_doc_set_raw(td_doc *doc, const char *raw, size_t len) {
  free(doc->raw);
  doc->raw = td_xstrndup(raw ? raw : "", raw ? len : 0);
  doc->raw_len = raw ? len : 0;
}

void td_doc_set_str(char **field, const char *s) {
  free(*field);
  *field = s ? td_xstrdup(s) : NULL;
}

/* Hash a string field with a separator, so ("ab","c") != ("a","bc"). */
static void hash_field(XXH3_state_t *st, const char *s) {
  static const char sep = '\x1f';
  if (s) XXH3_64bits_update(st, s, strlen(s));
  XXH3_64bits_update(st, &sep, 1);
}

uint64_t td_doc_content_hash(const td_doc *doc) {
  XXH3_state_t *st = XXH3_createState();
  if (st == NULL) {
    fprintf(stderr, "tidings: out of memory\n");
    abort();
  }
  XXH3_64bits_reset(st);
  hash_field(st, doc->url);
  hash_field(st, doc->outlet);
  hash_field(st, doc->title);
  hash_field(st, doc->meta_date_text);
  if (doc->raw_len) XXH3_64bits_update(st, doc->raw, doc->raw_len);
  uint64_t h = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  return h;
}

int td_doc_prepare(td_doc *doc, const td_diag *diag) {
  doc->content_hash = td_doc_content_hash(doc);
  int rc = td_normalize(doc, diag);
  if (rc != 0) return rc;
  td_dateline_parse(doc);
  td_segment(doc);
  return 0;
}

int td__quote_mark(const char *text, const td_token *t) {
  const unsigned char *s = (const unsigned char *)text + t->start;
  switch (t->end - t->start) {
    case 1:
      return s[0] == '"'    ? TD__QUOTE_DOUBLE
             : s[0] == '\'' ? TD__QUOTE_SINGLE
                            : 0;
    case 2:
      return s[0] == '\'' && s[1] == '\'' ? TD__QUOTE_DOUBLE : 0;
    case 3: /* U+2018-201B single, U+201C-201F double */
      if (s[0] != 0xE2 || s[1] != 0x80 || s[2] < 0x98 || s[2] > 0x9F) return 0;
      return s[2] < 0x9C ? TD__QUOTE_SINGLE : TD__QUOTE_DOUBLE;
  }
  return 0;
}
