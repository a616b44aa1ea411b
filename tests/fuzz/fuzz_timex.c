/* libFuzzer harness for the time-expression tagger: any bytes go through
 * the reading pipeline (td_doc_prepare) and td_timex_tag with a document
 * date taken from the first two bytes (or none); every expression must lie
 * inside the text, be non-empty, in sentence order, with a NUL-terminated
 * value and a consistent range pair. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  td_doc *doc = td_doc_new();
  td_doc_set_raw(doc, (const char *)data + 2, size - 2);
  if (td_doc_prepare(doc, NULL) == 0) {
    if (data[0] & 1) {
      /* a DCT somewhere in 1990-2037 */
      int64_t z =
          td_days_from_civil(1990, 1, 1) + (data[0] << 8 | data[1]) % 17000;
      int y, m, d;
      td_civil_from_days(z, &y, &m, &d);
      doc->date = (td_date){.year = (int16_t)y,
                            .month = (int8_t)m,
                            .day = (int8_t)d,
                            .precision = TD_PREC_DAY};
    }
    td_timex_tag(doc);
    uint32_t last = 0;
    for (size_t i = 0; i < doc->n_timexes; i++) {
      const td_timex *t = &doc->timexes[i];
      if (t->start >= t->end || t->end > doc->text_len || t->start < last)
        abort();
      last = t->start;
      if (memchr(t->value, '\0', sizeof t->value) == NULL || !t->value[0])
        abort();
      if (t->range_pair >= 0 &&
          ((size_t)t->range_pair >= doc->n_timexes ||
           doc->timexes[t->range_pair].range_pair != (int32_t)i))
        abort();
      if (t->sent >= doc->n_sents) abort();
    }
    /* tagging twice gives the same result */
    size_t n = doc->n_timexes;
    td_timex_tag(doc);
    if (doc->n_timexes != n) abort();
  }
  td_doc_free(doc);
  return 0;
}
