/*
 * fuzz_dateline.c - libFuzzer harness for the read side after the reader:
 * bytes become a document's raw text, then td_normalize, td_dateline_parse,
 * td_batch_resolve_dates and td_segment run on it. Checks the invariants
 * the later stages rely on: spans inside the text, tokens in order and
 * covered by their sentence, sentences by their paragraph.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

static void check(const td_doc *d) {
  if (d->dateline.start > d->dateline.end || d->dateline.end > d->text_len)
    abort();
  uint32_t prev_end = 0;
  for (size_t i = 0; i < d->n_toks; i++) {
    const td_token *t = &d->toks[i];
    if (t->start >= t->end || t->end > d->text_len || t->start < prev_end)
      abort();
    prev_end = t->end;
  }
  for (size_t i = 0; i < d->n_sents; i++) {
    const td_sentence *s = &d->sents[i];
    if (s->tok_first >= s->tok_end || s->tok_end > d->n_toks) abort();
    if (d->toks[s->tok_first].start != s->start ||
        d->toks[s->tok_end - 1].end != s->end)
      abort();
    if (!(d->toks[s->tok_first].flags & TD_TOKF_SENT_START)) abort();
    if (s->para >= d->n_paras) abort();
    const td_paragraph *p = &d->paras[s->para];
    if (s->start < p->start || s->end > p->end) abort();
    if (i > 0 && d->sents[i - 1].tok_end != s->tok_first) abort();
  }
  for (size_t i = 0; i < d->n_paras; i++)
    if (d->paras[i].sent_first >= d->paras[i].sent_end ||
        d->paras[i].sent_end > d->n_sents)
      abort();
  if (d->date.precision != TD_PREC_NONE && td_date_has_year(d->date) &&
      !td_date_valid(d->date))
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  td_doc *d = td_doc_new();
  /* The first byte, when it is a digit, picks a metadata date. */
  if (size > 0 && data[0] >= '0' && data[0] <= '2') {
    static const char *meta[] = {"2022-02-01", "26-FEB-1987 15:01:01.79",
                                 "Tue, 01 Feb 2022 10:00:00 GMT"};
    td_date_parse_meta(meta[data[0] - '0'], &d->meta_date);
    data++;
    size--;
  }
  td_doc_set_raw(d, (const char *)data, size);
  if (td_normalize(d, NULL) == 0) {
    td_dateline_parse(d);
    td_doc *batch[1] = {d};
    td_batch_resolve_dates(batch, 1);
    td_segment(d);
    check(d);
  }
  td_doc_free(d);
  return 0;
}
