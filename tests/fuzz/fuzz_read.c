/*
 * fuzz_read.c - libFuzzer harness for the readers and td_normalize: the
 * input is read as JSON Lines, as Reuters SGML and as a text file (through
 * fmemopen and td_read_stream), and every article read is normalized.
 * Checks the invariants later stages rely on: text is valid UTF-8 with no
 * NUL or CR, and offmap is non-decreasing and inside raw.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tidings.h"

static int check(void *ud, td_doc *doc) {
  (void)ud;
  if (doc->id == NULL || doc->origin == NULL || doc->line < 1) abort();
  int rc = td_normalize(doc, NULL);
  if (rc != 0 && rc != TD_EEMPTY && rc != TD_EBINARY && rc != TD_ETOOBIG)
    abort();
  if (rc == 0) {
    if (td__utf8_valid_prefix(doc->text, doc->text_len) != doc->text_len)
      abort();
    if (memchr(doc->text, '\0', doc->text_len) ||
        memchr(doc->text, '\r', doc->text_len))
      abort();
    for (size_t i = 0; i < doc->text_len; i++)
      if (doc->offmap[i] >= doc->raw_len ||
          (i > 0 && doc->offmap[i] < doc->offmap[i - 1]))
        abort();
    if (doc->offmap[doc->text_len] != doc->raw_len) abort();
  }
  td_doc_free(doc);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const struct {
    td_format fmt;
    const char *name;
  } runs[] = {{TD_FMT_JSONL, "fuzz.jsonl"},
              {TD_FMT_SGML, "fuzz.sgm"},
              {TD_FMT_TEXT, "fuzz.txt"}};
  if (size == 0) return 0;
  for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
    FILE *f = fmemopen((void *)data, size, "r");
    if (f == NULL) return 0;
    td_read_stats st = {0};
    td_read_stream(f, runs[i].name, runs[i].fmt, check, NULL, NULL, &st);
    fclose(f);
    if (st.bytes != size) abort();
  }
  return 0;
}
