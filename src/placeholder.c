/*
 * placeholder.c - TEMPORARY do-nothing annotate stages so the tree links
 * while the real ones (timex.c, actors.c, lexicon.c, events.c) are
 * written. Delete each function here when its real implementation lands;
 * delete the file when it is empty.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

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
void td_actors_resolve(td_doc *doc, td_actor_kb *kb) {
  (void)doc;
  (void)kb;
}

struct td_lexicon {
  int unused;
};
int td_lexicon_open(const char *data_dir, td_lexicon **out,
                    const td_diag *diag, td_error *err) {
  (void)data_dir;
  (void)diag;
  (void)err;
  *out = td_xcalloc(1, sizeof **out);
  return 0;
}
void td_lexicon_free(td_lexicon *lx) { free(lx); }
void td_events_extract(td_doc *doc, const td_lexicon *lx) {
  (void)doc;
  (void)lx;
}
