/*
 * annotate.c - the annotate stage as one call: time expressions, then
 * actors, then events, on a prepared (normalized, dated, segmented)
 * document. Each step reads what the earlier ones left on the document.
 */
#include "internal.h"

void td_doc_annotate(td_doc *doc, td_actor_kb *kb, const td_lexicon *lx) {
  td_timex_tag(doc);
  if (kb == NULL) return;
  td_actors_resolve(doc, kb);
  if (lx == NULL) return;
  td_events_extract(doc, lx);
}
