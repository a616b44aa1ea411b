/*
 * fuzz_events.c - libFuzzer harness for the event coder: the input is one
 * article, run through the whole annotate pipeline (prepare, time, actors,
 * events). Checks the invariants the store and the timeline rely on:
 * every event's sentence, offsets, mentions and timex are in range, its
 * code is in the CAMEO table, and at most one modality is set.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

static td_actor_kb *kb;
static td_lexicon *lx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (kb == NULL) {
    td_error err = {0};
    if (td_actor_kb_open(NULL, &kb, NULL, &err) != 0 ||
        td_lexicon_open(NULL, &lx, NULL, &err) != 0)
      abort();
  }
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, "fuzz");
  td_doc_set_str(&d->origin, "fuzz");
  td_doc_set_raw(d, (const char *)data, size);
  td_date_parse_iso("2022-02-01", &d->meta_date);
  if (td_doc_prepare(d, NULL) == 0) {
    td_batch_resolve_dates(&d, 1);
    td_doc_annotate(d, kb, lx);
    for (size_t i = 0; i < d->n_events; i++) {
      const td_event *e = &d->events[i];
      if (e->sent >= d->n_sents) abort();
      const td_sentence *s = &d->sents[e->sent];
      if (e->start < s->start || e->end > s->end || e->start >= e->end) abort();
      if (e->source >= (int32_t)d->n_mentions ||
          e->target >= (int32_t)d->n_mentions)
        abort();
      if (e->source < 0) abort(); /* unresolved sources are not kept */
      if (e->source >= 0 && e->target >= 0 && e->source == e->target) abort();
      if (e->timex >= (int32_t)d->n_timexes) abort();
      if (td_cameo_lookup(lx, e->code) == NULL) abort();
      unsigned mod =
          e->flags & (TD_EVF_PLANNED | TD_EVF_NEGATED | TD_EVF_HYPOTHETICAL);
      if (mod & (mod - 1)) abort();
      if (e->date_how < TD_EVDATE_TIMEX || e->date_how > TD_EVDATE_DOCUMENT)
        abort();
    }
    /* Unresolved events too. */
    td_events_extract_opts(d, lx, TD_EVX_KEEP_UNRESOLVED);
    for (size_t i = 0; i < d->n_events; i++)
      if (d->events[i].sent >= d->n_sents) abort();
  }
  td_doc_free(d);
  return 0;
}
