/*
 * cmd_docs.c - `tidings docs`: one row per stored article with its date,
 * where the date came from, place, agency, title and word count, as a
 * table, JSON Lines or CSV.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: tidings docs [--db FILE] [--format table|jsonl|csv]\n"
    "\n"
    "List the stored articles in date order: id, date (ISO 8601), how the "
    "date was\n"
    "obtained (metadata, dateline, stamp, inferred), place, agency, title, "
    "words,\n"
    "near-duplicate cluster (the id of its earliest article, '-' when none) "
    "and the\n"
    "share of the article's words in passages that recur in other articles.\n"
    "\n"
    "  --db FILE      the store (default: $TIDINGS_DB, else tidings.db)\n"
    "  --format FMT   table (default), jsonl or csv\n"
    "  --help         show this help\n";

typedef struct docs_out {
  cli_format fmt;
  FILE *out;
} docs_out;

static json_t *str_or_null(const char *s) {
  return s ? json_string(s) : json_null();
}

static int print_row(void *ud, const td_doc_row *r) {
  docs_out *o = ud;
  switch (o->fmt) {
    case CLI_FMT_JSONL: {
      json_t *j = json_object();
      json_object_set_new(j, "id", json_string(r->id));
      json_object_set_new(j, "date", str_or_null(r->date));
      json_object_set_new(j, "date_source", str_or_null(r->date_source));
      json_object_set_new(j, "place", str_or_null(r->place));
      json_object_set_new(j, "agency", str_or_null(r->agency));
      json_object_set_new(j, "outlet", str_or_null(r->outlet));
      json_object_set_new(j, "title", str_or_null(r->title));
      json_object_set_new(j, "url", str_or_null(r->url));
      json_object_set_new(j, "words", json_integer(r->words));
      json_object_set_new(j, "paragraphs", json_integer(r->paragraphs));
      json_object_set_new(j, "sentences", json_integer(r->sentences));
      json_object_set_new(j, "cluster", str_or_null(r->cluster));
      json_object_set_new(j, "cluster_size", json_integer(r->cluster_size));
      json_object_set_new(j, "repeated", json_real(r->repeated));
      char *s = json_dumps(
          j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
      fprintf(o->out, "%s\n", s);
      free(s);
      json_decref(j);
      break;
    }
    case CLI_FMT_CSV:
      cli_csv_field(o->out, r->id);
      fputc(',', o->out);
      cli_csv_field(o->out, r->date);
      fputc(',', o->out);
      cli_csv_field(o->out, r->date_source);
      fputc(',', o->out);
      cli_csv_field(o->out, r->place);
      fputc(',', o->out);
      cli_csv_field(o->out, r->agency);
      fputc(',', o->out);
      cli_csv_field(o->out, r->title);
      fprintf(o->out, ",%ld,", r->words);
      cli_csv_field(o->out, r->cluster);
      fprintf(o->out, ",%.3f\n", r->repeated);
      break;
    default:
      /* 100 columns: the day of the date (jsonl and csv keep the time),
       * the cluster and title cut to fit. */
      {
        char day[11];
        snprintf(day, sizeof day, "%s", r->date ? r->date : "-");
        cli_table_cell(o->out, r->id, 20);
        fputc(' ', o->out);
        cli_table_cell(o->out, day, 10);
        fputc(' ', o->out);
        cli_table_cell(o->out, r->date_source, 8);
        fputc(' ', o->out);
        cli_table_cell(o->out, r->place ? r->place : "-", 11);
        fputc(' ', o->out);
        cli_table_cell(o->out, r->agency ? r->agency : "-", 11);
        fprintf(o->out, " %5ld %3.0f%% ", r->words, 100 * r->repeated);
        cli_table_cell(o->out, r->cluster ? r->cluster : "-", 10);
        fputc(' ', o->out);
        cli_table_cell(o->out, r->title ? r->title : "-", 16);
      }
      fputc('\n', o->out);
      break;
  }
  return 0;
}

int td_cmd_docs(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db = td_store_default_path();
  docs_out o = {.fmt = CLI_FMT_TABLE, .out = stdout};
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":d:f:h", opts, NULL)) != -1) {
    switch (c) {
      case 'd':
        db = optarg;
        break;
      case 'f':
        o.fmt = cli_format_option(
            "docs", optarg,
            1u << CLI_FMT_TABLE | 1u << CLI_FMT_JSONL | 1u << CLI_FMT_CSV);
        if (!o.fmt) return 2;
        break;
      case 'h':
        fputs(usage_text, stdout);
        return 0;
      default:
        return cli_option_error("docs", c, argv);
    }
  }
  if (optind < argc)
    return cli_usage_error("docs", "unexpected argument '%s'", argv[optind]);
  td_error err = {0};
  td_store *st;
  if (td_store_open(db, &st, &err) != 0) {
    cli_print_error("docs", &err);
    return 1;
  }
  if (o.fmt == CLI_FMT_CSV)
    fputs("id,date,date_source,place,agency,title,words,cluster,repeated\n",
          o.out);
  if (o.fmt == CLI_FMT_TABLE) {
    cli_table_cell(o.out, "ID", 20);
    fputc(' ', o.out);
    cli_table_cell(o.out, "DATE", 10);
    fputc(' ', o.out);
    cli_table_cell(o.out, "FROM", 8);
    fputc(' ', o.out);
    cli_table_cell(o.out, "PLACE", 11);
    fputc(' ', o.out);
    cli_table_cell(o.out, "AGENCY", 11);
    fputs(" WORDS  REP ", o.out);
    cli_table_cell(o.out, "CLUSTER", 10);
    fputs(" TITLE\n", o.out);
  }
  int rc = td_store_each_doc(st, print_row, &o, &err);
  if (rc != 0) cli_print_error("docs", &err);
  td_store_close(st);
  return rc != 0 ? 1 : 0;
}
