/*
 * placeholder.c - TEMPORARY minimal read/normalize/dateline/segment so the
 * tree links while the real stages (read.c, normalize.c, dateline.c,
 * segment.c) are written. Delete each function here when its real
 * implementation lands; delete the file when it is empty.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Annotate stages: no annotations until actors.c lands. */

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
int td_actor_kb_load_dict(td_actor_kb *kb, const char *path,
                          const td_diag *diag, size_t *n_entries,
                          td_error *err) {
  (void)kb;
  (void)path;
  (void)diag;
  (void)err;
  if (n_entries) *n_entries = 0;
  return 0;
}
void td_actors_resolve(td_doc *doc, td_actor_kb *kb) {
  (void)doc;
  (void)kb;
}
