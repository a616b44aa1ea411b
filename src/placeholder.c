/*
 * placeholder.c - TEMPORARY stand-ins so the tree links while a stage is
 * still on its branch. Delete each function here when its real
 * implementation lands; delete the file when it is empty.
 */
#include "internal.h"
#include "store_internal.h"

/* Repeated paragraphs: none until the near-duplicate stage (fingerprint.c,
 * branch dups) lands with the real td__para_is_repeat; weak, so that
 * definition replaces this one at link time. Delete it then. */
#if defined(__GNUC__)
__attribute__((weak))
#endif
int td__para_is_repeat(td_store *st, int64_t article_rowid,
                       uint32_t para_idx) {
  (void)st;
  (void)article_rowid;
  (void)para_idx;
  return 0;
}
