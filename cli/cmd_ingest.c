/*
 * cmd_ingest.c - `tidings ingest [--db FILE] PATH...`: read articles into
 * the store, with progress on a terminal and a summary line at the end.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: tidings ingest [--db FILE] [--batch N] [--dict FILE]... "
    "[--reprocess] [--quiet] PATH...\n"
    "\n"
    "Read articles into the store. PATH is a text file (one article, id = "
    "file name\n"
    "without extension), a directory (read recursively), a JSON Lines file\n"
    "(.jsonl/.ndjson: id, url, source, title, date, text; news-please's "
    "maintext,\n"
    "date_publish, source_domain also work), a Reuters-21578 SGML file "
    "(.sgm), or -\n"
    "for JSON Lines on standard input. Ingesting the same content again "
    "changes\n"
    "nothing; a changed article with the same id replaces the old version.\n"
    "\n"
    "  --db FILE    the store (default: $TIDINGS_DB, else tidings.db)\n"
    "  --batch N    articles per transaction (default 1000)\n"
    "  --dict FILE  also use a PETRARCH/TABARI actor dictionary (repeatable);\n"
    "               bad lines are reported as FILE:LINE and skipped\n"
    "  --reprocess  annotate again the articles already stored unchanged\n"
    "               (after upgrading tidings or editing its data files)\n"
    "  --quiet      no progress and no summary line\n"
    "  --help       show this help\n"
    "\n"
    "Exit status: 0 when every article was stored, 1 when any was rejected or "
    "the\n"
    "store failed, 2 on a usage error.\n";

typedef struct progress {
  int tty;
} progress;

static void on_progress(void *ud, const td_ingest_stats *s) {
  progress *p = ud;
  if (!p->tty) return;
  double mb = (double)s->bytes / 1e6;
  fprintf(stderr, "\r%zu articles, %.1f MB, %.1f MB/s  ", s->read, mb,
          s->seconds > 0 ? mb / s->seconds : 0.0);
  fflush(stderr);
}

int td_cmd_ingest(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                       {"batch", required_argument, NULL, 'b'},
                                       {"dict", required_argument, NULL, 'D'},
                                       {"quiet", no_argument, NULL, 'q'},
                                       {"reprocess", no_argument, NULL, 'r'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db = td_store_default_path();
  long batch = 1000;
  int quiet = 0, reprocess = 0, c;
  const char **dicts = NULL;
  size_t n_dicts = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":d:b:D:qrh", opts, NULL)) != -1) {
    switch (c) {
      case 'd':
        db = optarg;
        break;
      case 'b': {
        char *end;
        batch = strtol(optarg, &end, 10);
        if (*end || batch < 1)
          return cli_usage_error("ingest",
                                 "--batch wants a positive number, "
                                 "not '%s'",
                                 optarg);
        break;
      }
      case 'D':
        dicts = realloc(dicts, (n_dicts + 1) * sizeof *dicts);
        if (dicts == NULL) abort();
        dicts[n_dicts++] = optarg;
        break;
      case 'q':
        quiet = 1;
        break;
      case 'r':
        reprocess = 1;
        break;
      case 'h':
        free(dicts);
        fputs(usage_text, stdout);
        return 0;
      default:
        free(dicts);
        return cli_option_error("ingest", c, argv);
    }
  }
  if (optind >= argc) {
    free(dicts);
    return cli_usage_error("ingest", "no PATH given (use - for stdin)");
  }

  td_error err = {0};
  td_store *st;
  if (td_store_open(db, &st, &err) != 0) {
    cli_print_error("ingest", &err);
    free(dicts);
    return 1;
  }
  progress prog = {.tty = !quiet && isatty(STDERR_FILENO)};
  int errors = 0;
  td_diag diag = cli_stderr_diag(&errors);
  td_actor_kb *kb = NULL;
  td_lexicon *lx = NULL;
  int kb_rc = td_actor_kb_open(NULL, &kb, &diag, &err);
  /* The user's dictionaries on top of the built-in knowledge, then the
   * people learnt from the articles already stored. */
  for (size_t i = 0; kb_rc == 0 && i < n_dicts; i++)
    kb_rc = td_actor_kb_load_dict(kb, dicts[i], &diag, NULL, &err);
  if (kb_rc == 0) kb_rc = td_actor_kb_load_store(kb, st, &err);
  free(dicts);
  if (kb_rc != 0 || td_lexicon_open(NULL, &lx, &diag, &err) != 0) {
    cli_print_error("ingest", &err);
    td_actor_kb_free(kb);
    td_store_close(st);
    return 1;
  }
  td_ingest_opts io = {.batch_size = (size_t)batch,
                       .diag = diag,
                       .progress = on_progress,
                       .progress_ud = &prog,
                       .kb = kb,
                       .lexicon = lx,
                       .reprocess = reprocess};
  td_ingest_stats s;
  int rc = td_ingest(st, (const char *const *)argv + optind,
                     (size_t)(argc - optind), &io, &s, &err);
  if (prog.tty) fputc('\n', stderr);
  if (rc != 0) cli_print_error("ingest", &err);
  if (!quiet) {
    fprintf(stderr,
            "ingest: %zu ingested, %zu unchanged, %zu replaced, %zu rejected "
            "(%.1f MB in %.2f s) into %s\n",
            s.ingested, s.unchanged, s.replaced, s.rejected,
            (double)s.bytes / 1e6, s.seconds, db);
    if (s.reprocessed > 0)
      fprintf(stderr, "ingest: %zu unchanged articles annotated again\n",
              s.reprocessed);
    if (s.unchanged > 0 && s.ingested == 0 && s.replaced == 0)
      fprintf(stderr, "ingest: all %zu articles were already stored\n",
              s.unchanged);
  }
  td_lexicon_free(lx);
  td_actor_kb_free(kb);
  td_store_close(st);
  return rc != 0 || s.rejected > 0 ? 1 : 0;
}
