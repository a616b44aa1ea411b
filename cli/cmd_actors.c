/*
 * cmd_actors.c - `tidings actors`: the actors resolved in the stored
 * articles, one row per actor (name and CAMEO code) with its kind, how it
 * was learnt, its title, the variants it was written as and how often it
 * was mentioned; or, with --mentions, one row per mention.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: tidings actors [--db FILE] [--format table|jsonl] [--mentions]\n"
    "\n"
    "List the actors resolved in the stored articles, most mentioned first: "
    "name,\n"
    "CAMEO code, kind (person, country, organisation, group), how the code "
    "was\n"
    "learnt (dictionary, title, learnt, coreference), the title the text "
    "gave,\n"
    "the variants it was written as, articles and mentions.\n"
    "\n"
    "  --db FILE      the store (default: $TIDINGS_DB, else tidings.db)\n"
    "  --format FMT   table (default) or jsonl\n"
    "  --mentions     one row per mention instead: article, sentence, text, "
    "code,\n"
    "                 how, the actor it refers to\n"
    "  --help         show this help\n";

typedef struct actors_out {
  cli_format fmt;
  FILE *out;
} actors_out;

static json_t *str_or_null(const char *s) {
  return s ? json_string(s) : json_null();
}

static void put_json(FILE *out, json_t *j) {
  char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
  fprintf(out, "%s\n", s);
  free(s);
  json_decref(j);
}

static int print_actor(void *ud, const td_actor_row *r) {
  actors_out *o = ud;
  if (o->fmt == CLI_FMT_JSONL) {
    json_t *j = json_object();
    json_object_set_new(j, "name", json_string(r->name));
    json_object_set_new(j, "code", json_string(r->code));
    json_object_set_new(j, "kind", json_string(r->kind));
    json_object_set_new(j, "how", json_string(r->how));
    json_object_set_new(j, "title", str_or_null(r->title));
    json_t *v = json_array();
    if (r->variants) {
      const char *p = r->variants;
      while (*p) {
        const char *q = strstr(p, " | ");
        size_t n = q ? (size_t)(q - p) : strlen(p);
        json_array_append_new(v, json_stringn(p, n));
        p += n + (q ? 3 : 0);
      }
    }
    json_object_set_new(j, "variants", v);
    json_object_set_new(j, "articles", json_integer(r->articles));
    json_object_set_new(j, "mentions", json_integer(r->mentions));
    put_json(o->out, j);
    return 0;
  }
  cli_table_cell(o->out, r->name, 24);
  fputc(' ', o->out);
  cli_table_cell(o->out, r->code, 11);
  fputc(' ', o->out);
  cli_table_cell(o->out, r->kind, 7);
  fputc(' ', o->out);
  cli_table_cell(o->out, r->how, 11);
  fprintf(o->out, " %4ld %5ld  ", r->articles, r->mentions);
  cli_table_cell(o->out, r->variants ? r->variants : "-", 60);
  fputc('\n', o->out);
  return 0;
}

static int print_mention(void *ud, const td_actor_mention_row *r) {
  actors_out *o = ud;
  if (o->fmt == CLI_FMT_JSONL) {
    json_t *j = json_object();
    json_object_set_new(j, "doc", json_string(r->doc));
    json_object_set_new(j, "sent", json_integer(r->sent));
    json_object_set_new(j, "start", json_integer(r->start));
    json_object_set_new(j, "end", json_integer(r->end));
    json_object_set_new(j, "text", json_string(r->text));
    json_object_set_new(j, "code", json_string(r->code));
    json_object_set_new(j, "how", json_string(r->how));
    json_object_set_new(j, "actor", str_or_null(r->entity));
    put_json(o->out, j);
    return 0;
  }
  cli_table_cell(o->out, r->doc, 22);
  fprintf(o->out, " %4ld ", r->sent);
  cli_table_cell(o->out, r->text, 36);
  fputc(' ', o->out);
  cli_table_cell(o->out, r->code, 11);
  fputc(' ', o->out);
  cli_table_cell(o->out, r->how, 11);
  fputc(' ', o->out);
  cli_table_cell(o->out, r->entity ? r->entity : "-", 24);
  fputc('\n', o->out);
  return 0;
}

int td_cmd_actors(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"mentions", no_argument, NULL, 'm'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db = td_store_default_path();
  actors_out o = {.fmt = CLI_FMT_TABLE, .out = stdout};
  int mentions = 0, c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":d:f:mh", opts, NULL)) != -1) {
    switch (c) {
      case 'd':
        db = optarg;
        break;
      case 'f':
        o.fmt = cli_format_option("actors", optarg,
                                  1u << CLI_FMT_TABLE | 1u << CLI_FMT_JSONL);
        if (!o.fmt) return 2;
        break;
      case 'm':
        mentions = 1;
        break;
      case 'h':
        fputs(usage_text, stdout);
        return 0;
      default:
        return cli_option_error("actors", c, argv);
    }
  }
  if (optind < argc)
    return cli_usage_error("actors", "unexpected argument '%s'", argv[optind]);
  td_error err = {0};
  td_store *st;
  if (td_store_open(db, &st, &err) != 0) {
    cli_print_error("actors", &err);
    return 1;
  }
  if (o.fmt == CLI_FMT_TABLE) {
    if (mentions)
      fprintf(o.out, "%-22s %4s %-36s %-11s %-11s %s\n", "ARTICLE", "SENT",
              "TEXT", "CODE", "HOW", "ACTOR");
    else
      fprintf(o.out, "%-24s %-11s %-7s %-11s %4s %5s  %s\n", "NAME", "CODE",
              "KIND", "HOW", "ARTS", "MENTS", "VARIANTS");
  }
  int rc = mentions ? td_store_each_actor_mention(st, print_mention, &o, &err)
                    : td_store_each_actor(st, print_actor, &o, &err);
  if (rc != 0) cli_print_error("actors", &err);
  td_store_close(st);
  return rc != 0 ? 1 : 0;
}
