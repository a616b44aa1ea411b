/*
 * cmd_dups.c - `tidings dups`: the near-duplicate clusters of the store
 * (articles whose word 5-gram Jaccard is at least the threshold, verified
 * pair by pair) with their pairwise similarity; with --passages also the
 * repeated passages (linked to the earliest article holding them) and the
 * paraphrased ones. Table or JSON Lines.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: tidings dups [--db FILE] [--threshold J] [--format table|jsonl]\n"
    "                    [--passages] [--paraphrase S]\n"
    "\n"
    "List the clusters of near-duplicate articles: articles whose word "
    "5-gram\n"
    "Jaccard similarity is at least J, each pair verified exactly, largest\n"
    "cluster first, with every pair's similarity.\n"
    "\n"
    "  --db FILE       the store (default: $TIDINGS_DB, else tidings.db)\n"
    "  --threshold J   similarity for a near-duplicate, 0.5 to 1 (default "
    "0.8)\n"
    "  --format FMT    table (default) or jsonl: one object per cluster with\n"
    "                  \"docs\" (ids, earliest first), \"similarity\" (the "
    "lowest\n"
    "                  pair) and \"pairs\" ([id, id, similarity])\n"
    "  --passages      also list repeated passages (\"kind\":\"repeat\": "
    "linked to\n"
    "                  the earliest article holding them) and paraphrased\n"
    "                  paragraphs (\"kind\":\"paraphrase\")\n"
    "  --paraphrase S  content-word Jaccard for a paraphrase (default 0.3)\n"
    "  --help          show this help\n";

typedef struct dups_out {
  cli_format fmt;
  FILE *out;
  size_t n;
} dups_out;

static void print_json(FILE *out, json_t *j) {
  char *s = json_dumps(
      j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
  fprintf(out, "%s\n", s);
  free(s);
  json_decref(j);
}

static int print_cluster(void *ud, const td_dup_cluster *c) {
  dups_out *o = ud;
  o->n++;
  if (o->fmt == CLI_FMT_JSONL) {
    json_t *j = json_object(), *docs = json_array(), *pairs = json_array();
    json_object_set_new(j, "kind", json_string("cluster"));
    for (size_t i = 0; i < c->n_docs; i++)
      json_array_append_new(docs, json_string(c->docs[i]));
    json_object_set_new(j, "docs", docs);
    json_object_set_new(j, "similarity", json_real(c->similarity));
    for (size_t i = 0; i < c->n_pairs; i++)
      json_array_append_new(pairs,
                            json_pack("[s,s,f]", c->pairs[i].a, c->pairs[i].b,
                                      c->pairs[i].similarity));
    json_object_set_new(j, "pairs", pairs);
    print_json(o->out, j);
    return 0;
  }
  fprintf(o->out, "cluster %zu: %zu articles, similarity %.3f", o->n, c->n_docs,
          c->similarity);
  if (c->n_pairs > 1) fprintf(o->out, " to %.3f", c->pairs[0].similarity);
  fputc('\n', o->out);
  for (size_t i = 0; i < c->n_docs; i++)
    fprintf(o->out, "  %s%s\n", c->docs[i], i == 0 ? "  (earliest)" : "");
  for (size_t i = 0; i < c->n_pairs; i++)
    fprintf(o->out, "    %s ~ %s  %.3f\n", c->pairs[i].a, c->pairs[i].b,
            c->pairs[i].similarity);
  return 0;
}

typedef struct link_out {
  dups_out *o;
  const char *kind;
  size_t n;
} link_out;

static void where(FILE *out, uint32_t para, int32_t sent) {
  if (sent >= 0)
    fprintf(out, "para %u sent %d", para, sent);
  else
    fprintf(out, "para %u", para);
}

static int print_link(void *ud, const td_passage_link *l) {
  link_out *lo = ud;
  FILE *out = lo->o->out;
  lo->n++;
  if (lo->o->fmt == CLI_FMT_JSONL) {
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(lo->kind));
    json_object_set_new(j, "article", json_string(l->article));
    json_object_set_new(j, "para", json_integer(l->para));
    json_object_set_new(j, "sentence",
                        l->sent >= 0 ? json_integer(l->sent) : json_null());
    json_object_set_new(j, "origin", json_string(l->origin));
    json_object_set_new(j, "origin_para", json_integer(l->origin_para));
    json_object_set_new(
        j, "origin_sentence",
        l->origin_sent >= 0 ? json_integer(l->origin_sent) : json_null());
    json_object_set_new(j, "similarity", json_real(l->similarity));
    json_object_set_new(j, "text", json_string(l->text ? l->text : ""));
    print_json(out, j);
    return 0;
  }
  fprintf(out, "  %s ", l->article);
  where(out, l->para, l->sent);
  fprintf(out, " %s %s ", lo->kind[0] == 'r' ? "repeats" : "paraphrases",
          l->origin);
  where(out, l->origin_para, l->origin_sent);
  fprintf(out, "  %.3f  ", l->similarity);
  cli_table_cell(out, l->text, 48);
  fputc('\n', out);
  return 0;
}

int td_cmd_dups(int argc, char **argv) {
  static const struct option opts[] = {
      {"db", required_argument, NULL, 'd'},
      {"threshold", required_argument, NULL, 't'},
      {"format", required_argument, NULL, 'f'},
      {"passages", no_argument, NULL, 'p'},
      {"paraphrase", required_argument, NULL, 'P'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *db = td_store_default_path();
  dups_out o = {.fmt = CLI_FMT_TABLE, .out = stdout};
  double threshold = TD_FP_THRESHOLD, para_min = 0.3;
  int passages = 0;
  int c;
  char *end;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":d:t:f:pP:h", opts, NULL)) != -1) {
    switch (c) {
      case 'd':
        db = optarg;
        break;
      case 't':
        threshold = strtod(optarg, &end);
        if (*optarg == '\0' || *end != '\0' || !(threshold >= 0.5) ||
            threshold > 1)
          return cli_usage_error("dups",
                                 "--threshold wants a number from 0.5 to 1, "
                                 "not '%s'",
                                 optarg);
        break;
      case 'P':
        para_min = strtod(optarg, &end);
        if (*optarg == '\0' || *end != '\0' || !(para_min > 0) || para_min > 1)
          return cli_usage_error("dups",
                                 "--paraphrase wants a number in (0, 1], not "
                                 "'%s'",
                                 optarg);
        passages = 1;
        break;
      case 'f':
        o.fmt = cli_format_option("dups", optarg,
                                  1u << CLI_FMT_TABLE | 1u << CLI_FMT_JSONL);
        if (!o.fmt) return 2;
        break;
      case 'p':
        passages = 1;
        break;
      case 'h':
        fputs(usage_text, stdout);
        return 0;
      default:
        return cli_option_error("dups", c, argv);
    }
  }
  if (optind < argc)
    return cli_usage_error("dups", "unexpected argument '%s'", argv[optind]);
  td_error err = {0};
  td_store *st;
  if (td_store_open(db, &st, &err) != 0) {
    cli_print_error("dups", &err);
    return 1;
  }
  int rc = td_dups_each(st, threshold, print_cluster, &o, &err);
  if (rc == 0 && o.fmt == CLI_FMT_TABLE)
    fprintf(o.out,
            "%zu cluster%s of near-duplicates (word 5-gram Jaccard >= "
            "%.2f)\n",
            o.n, o.n == 1 ? "" : "s", threshold);
  if (rc == 0 && passages) {
    link_out lo = {&o, "repeat", 0};
    if (o.fmt == CLI_FMT_TABLE)
      fprintf(o.out,
              "\nrepeated passages (word 3-gram Jaccard >= %.2f; "
              "origin = earliest article):\n",
              TD_FP_PASSAGE_THRESHOLD);
    rc = td_repeats_each(st, print_link, &lo, &err);
    if (rc == 0) {
      link_out lp = {&o, "paraphrase", 0};
      if (o.fmt == CLI_FMT_TABLE)
        fprintf(o.out,
                "\nparaphrased paragraphs (content-word Jaccard >= "
                "%.2f, not repeats):\n",
                para_min);
      rc = td_paraphrases_each(st, para_min, print_link, &lp, &err);
    }
  }
  if (rc != 0) cli_print_error("dups", &err);
  td_store_close(st);
  return rc != 0 ? 1 : 0;
}
