/* libFuzzer harness for the fingerprint stage: any bytes as article text
 * (invalid UTF-8, NULs, huge words) must fingerprint without a crash, and
 * the exact similarity of a text to itself is 1 or (without a 5-gram) 0. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  td_doc *d = td_doc_new();
  d->text = td_xstrndup((const char *)data, size);
  d->text_len = size;
  td_fingerprint_doc(d);
  double j = td_text_similarity(d->text, size, d->text, size, TD_FP_SHINGLE);
  if (!(j == 0 || j == 1) || (j == 1) != (d->fingerprint->shingles > 0))
    abort();
  /* Halves of the input as two documents of a batch. */
  const char *texts[2] = {d->text, d->text + size / 2};
  size_t lens[2] = {size / 2, size - size / 2};
  td_text_pair *p;
  size_t np;
  td_dedup_texts(texts, lens, 2, 0, &p, &np, NULL);
  if (np > 1) abort();
  free(p);
  td_doc_free(d);
  return 0;
}
