/*
 * fuzz_actors.c - libFuzzer harness for actor resolution: bytes become an
 * article (its first byte picks a date from 1980 to 2035, so dated roles
 * and learning run), which is prepared and resolved with one knowledge
 * base kept across inputs (it learns, as in an ingest). Checks that
 * mentions lie inside their sentence's tokens, refer to an existing
 * entity, and are in text order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

static td_actor_kb *kb;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (kb == NULL) {
    td_error err = {0};
    if (td_actor_kb_open(NULL, &kb, NULL, &err) != 0) abort();
  }
  if (size == 0) return 0;
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, "f");
  td_doc_set_raw(d, (const char *)data + 1, size - 1);
  if (td_doc_prepare(d, NULL) == 0) {
    d->date = (td_date){(int16_t)(1980 + data[0] % 56),
                        (int8_t)(1 + data[0] % 12),
                        (int8_t)(1 + data[0] % 28),
                        0,
                        0,
                        TD_PREC_DAY};
    td_actors_resolve(d, kb);
    uint32_t prev = 0;
    for (size_t i = 0; i < d->n_mentions; i++) {
      const td_actor_mention *m = &d->mentions[i];
      if (m->sent >= d->n_sents || m->start >= m->end || m->end > d->text_len)
        abort();
      const td_sentence *s = &d->sents[m->sent];
      if (m->tok_first < s->tok_first || m->tok_end > s->tok_end ||
          m->tok_first >= m->tok_end)
        abort();
      if (m->entity < 0 || (size_t)m->entity >= d->n_entities) abort();
      if (m->start < prev && i > 0 && m->sent == d->mentions[i - 1].sent &&
          m->start < d->mentions[i - 1].start)
        abort();
      prev = m->start;
      if (strlen(m->code) >= sizeof m->code) abort();
    }
  }
  td_doc_free(d);
  return 0;
}
