/*
 * cmd_events.c - `tidings events`: the stored event mentions, one per
 * coded event of each article (the level below the timeline), with the
 * sentence, byte offsets, CAMEO code, root, quad class and Goldstein score,
 * as a table, JSON Lines or CSV.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: tidings events [--db FILE] [--format table|jsonl|csv]\n"
    "\n"
    "List the stored event mentions (one per coded event of each article) "
    "in article\n"
    "date order: doc, date, source, target, code, root, quad class, "
    "Goldstein score,\n"
    "modality, the sentence and byte offsets (sentence and predicate).\n"
    "\n"
    "  --db FILE      the store (default: $TIDINGS_DB, else tidings.db)\n"
    "  --format FMT   table (default), jsonl or csv\n"
    "  --help         show this help\n";

static const char csv_header[] =
    "doc,date,source,source_name,target,target_name,code,root,quad_class,"
    "goldstein,modality,background,entry,sent,sent_start,sent_end,start,end,"
    "place,outlet,sentence\n";

static void print_mention(FILE *f, cli_format fmt, const td_event_mention *m,
                          const td_cameo *c) {
  char date[24];
  td_date_format(m->date, date, sizeof date);
  if (fmt == CLI_FMT_JSONL) {
    json_t *j = cli_mention_json(m, c);
    char *s = json_dumps(
        j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    fprintf(f, "%s\n", s);
    free(s);
    json_decref(j);
    return;
  }
  if (fmt == CLI_FMT_CSV) {
    cli_csv_field(f, m->doc);
    fprintf(f, ",%s,", date);
    cli_csv_field(f, m->source);
    fputc(',', f);
    cli_csv_field(f, m->source_name);
    fputc(',', f);
    cli_csv_field(f, m->target);
    fputc(',', f);
    cli_csv_field(f, m->target_name);
    fprintf(f, ",%s,%s,", m->code, m->root);
    if (c)
      fprintf(f, "%d,%.1f,", c->quad_class, c->goldstein);
    else
      fputs(",,", f);
    fprintf(f, "%s,%d,", cli_modality(m->flags),
            (m->flags & TD_EVF_BACKGROUND) ? 1 : 0);
    if (m->entry) fprintf(f, "%lld", (long long)m->entry);
    fprintf(f, ",%u,%u,%u,%u,%u,", m->sent, m->sent_start, m->sent_end,
            m->start, m->end);
    cli_csv_field(f, m->place);
    fputc(',', f);
    cli_csv_field(f, m->outlet);
    fputc(',', f);
    cli_csv_field(f, m->sentence);
    fputc('\n', f);
    return;
  }
  /* Table, 100 columns: doc, date, source, target, code, modality,
   * then the sentence on its own line. */
  cli_table_cell(f, m->doc, 22);
  fputc(' ', f);
  cli_table_cell(f, date[0] ? date : "-", 10);
  fputc(' ', f);
  cli_table_cell(f, m->source[0] ? m->source : "-", 12);
  fputc(' ', f);
  cli_table_cell(f, m->target[0] ? m->target : "-", 12);
  fputc(' ', f);
  char what[128];
  snprintf(what, sizeof what, "%s %s", m->code, c ? c->name : "");
  cli_table_cell(f, what, 26);
  fputc(' ', f);
  fputs(cli_modality(m->flags), f);
  fputc('\n', f);
  char sent[4096];
  snprintf(sent, sizeof sent, "%s", m->sentence);
  for (char *p = sent; *p; p++)
    if (*p == '\n' || *p == '\t') *p = ' ';
  fputs("    ", f);
  cli_table_text(f, sent, 96);
  fputc('\n', f);
}

int td_cmd_events(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db = td_store_default_path();
  cli_format fmt = CLI_FMT_TABLE;
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":d:f:h", opts, NULL)) != -1) {
    switch (c) {
      case 'd':
        db = optarg;
        break;
      case 'f':
        fmt = cli_format_option(
            "events", optarg,
            1u << CLI_FMT_TABLE | 1u << CLI_FMT_JSONL | 1u << CLI_FMT_CSV);
        if (!fmt) return 2;
        break;
      case 'h':
        fputs(usage_text, stdout);
        return 0;
      default:
        return cli_option_error("events", c, argv);
    }
  }
  if (optind < argc)
    return cli_usage_error("events", "unexpected argument '%s'", argv[optind]);
  td_error err = {0};
  td_store *st = NULL;
  td_lexicon *lx = NULL;
  td_event_iter *it = NULL;
  if (td_store_open(db, &st, &err) != 0 ||
      td_lexicon_open(NULL, &lx, NULL, &err) != 0 ||
      td_event_mentions_open(st, &it, &err) != 0) {
    cli_print_error("events", &err);
    td_lexicon_free(lx);
    td_store_close(st);
    return 1;
  }
  if (fmt == CLI_FMT_CSV) fputs(csv_header, stdout);
  if (fmt == CLI_FMT_TABLE) {
    cli_table_cell(stdout, "DOC", 22);
    fputc(' ', stdout);
    cli_table_cell(stdout, "DATE", 10);
    fputc(' ', stdout);
    cli_table_cell(stdout, "SOURCE", 12);
    fputc(' ', stdout);
    cli_table_cell(stdout, "TARGET", 12);
    fputc(' ', stdout);
    cli_table_cell(stdout, "EVENT", 26);
    fputs(" MODALITY\n", stdout);
  }
  const td_event_mention *m;
  int rc;
  while ((rc = td_event_mentions_next(it, &m, &err)) == 1)
    print_mention(stdout, fmt, m, td_cameo_lookup(lx, m->code));
  if (rc < 0) cli_print_error("events", &err);
  td_event_mentions_close(it);
  td_lexicon_free(lx);
  td_store_close(st);
  return rc < 0 ? 1 : 0;
}
