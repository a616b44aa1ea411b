/*
 * store_internal.h - access to the store's SQLite handle for the library's
 * own later stages (fingerprints, time expressions, events), which keep
 * their tables in the same file and the same transactions.
 */
#ifndef TD_STORE_INTERNAL_H
#define TD_STORE_INTERNAL_H

#include <sqlite3.h>

#include "tidings.h"

/* The open database; owned by the store. */
sqlite3 *td__store_db(td_store *st);
/* The path the store was opened with; owned by the store. */
const char *td__store_path(td_store *st);

#endif
