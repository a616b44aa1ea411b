/*
 * cmd_annotate.c - `tidings annotate [--dict FILE]... [--verbs FILE]...
 * [FILE|-]`: run the whole pipeline (normalize, dateline, segment, time,
 * actors, events) on articles without a store and print one JSON object
 * per coded event.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: tidings annotate [--dict FILE]... [--verbs FILE]... [--all]\n"
    "                        [--format jsonl|tsv] [FILE|-]...\n"
    "\n"
    "Code the events of articles, without a store. The input (default: "
    "standard\n"
    "input) is JSON Lines (one article per line: id, date, text) or one "
    "plain\n"
    "article; a directory or a Reuters-21578 .sgm file also works, and "
    "several\ninputs are dated together as one batch. Output: "
    "one JSON\n"
    "object per event per line, with doc, date, date_how, source, target "
    "(null if\n"
    "none), code, name, root, quad_class, goldstein, modality, reported, "
    "quoted,\n"
    "place, predicate, sentence (its text) and byte offsets into the "
    "normalized\n"
    "text (start/end of the predicate, sent_start/sent_end).\n"
    "\n"
    "  --dict FILE  also load a PETRARCH/TABARI actor dictionary (repeatable)\n"
    "  --verbs FILE code with a PETRARCH/TABARI verb dictionary instead of\n"
    "               tidings' own verb patterns (repeatable: they add up)\n"
    "  --all        also print events whose source actor is unknown\n"
    "  --format F   jsonl (default) or tsv: a header row, then doc, date,\n"
    "               date_how, source, target, code, root, quad_class,\n"
    "               goldstein, modality, place, start, end, sentence\n"
    "  --help       show this help\n"
    "\n"
    "Exit status: 0 on success, 1 when an article or dictionary was "
    "rejected,\n"
    "2 on a usage error.\n";

typedef struct annotate_run {
  td_actor_kb *kb;
  const td_lexicon *lx;
  const td_diag *diag;
  unsigned opts;
  int rejected;
  FILE *out;
  int tsv;
  td_doc **batch; /* prepared articles waiting for their dates */
  size_t n_batch;
} annotate_run;

/* Articles are dated together, as ingest does, so a dateline without a
 * year takes it from the other articles of the batch. */
#define ANNOTATE_BATCH 1000

/* Write s (n bytes) as a JSON string. */
static void json_str(FILE *out, const char *s, size_t n) {
  fputc('"', out);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      fputc('\\', out);
      fputc(c, out);
    } else if (c == '\n') {
      fputs("\\n", out);
    } else if (c == '\t') {
      fputs("\\t", out);
    } else if (c == '\r') {
      fputs("\\r", out);
    } else if (c < 0x20) {
      fprintf(out, "\\u%04x", c);
    } else {
      fputc(c, out);
    }
  }
  fputc('"', out);
}

static void json_cstr(FILE *out, const char *s) {
  if (s == NULL || *s == '\0')
    fputs("null", out);
  else
    json_str(out, s, strlen(s));
}

static const char *date_how_name(int h) {
  switch (h) {
    case TD_EVDATE_TIMEX:
      return "timex";
    case TD_EVDATE_CONTEXT:
      return "context";
    default:
      return "document";
  }
}

static void print_actor(FILE *out, int32_t m, const char *code) {
  if (m < 0 || code[0] == '\0')
    fputs("null", out);
  else
    json_cstr(out, code);
}

/* A TSV field: tabs and line breaks become spaces. */
static void tsv_field(FILE *out, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    fputc(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch, out);
  }
}

static void print_event_tsv(annotate_run *r, const td_doc *d,
                            const td_event *e) {
  FILE *out = r->out;
  const td_cameo *c = td_cameo_lookup(r->lx, e->code);
  char date[24];
  td_date_format(e->date, date, sizeof date);
  tsv_field(out, d->id ? d->id : "", d->id ? strlen(d->id) : 0);
  const td_sentence *s = &d->sents[e->sent];
  fprintf(out, "\t%s\t%s\t%s\t%s\t%s\t%.2s\t%d\t%.1f\t%s\t", date,
          date_how_name(e->date_how), e->source >= 0 ? e->source_code : "",
          e->target >= 0 ? e->target_code : "", e->code, e->code,
          c ? c->quad_class : 0, c ? c->goldstein : 0.0,
          td_event_modality(e->flags));
  tsv_field(out, e->place, strlen(e->place));
  fprintf(out, "\t%u\t%u\t", e->start, e->end);
  tsv_field(out, d->text + s->start, s->end - s->start);
  fputc('\n', out);
}

static void print_event(annotate_run *r, const td_doc *d, const td_event *e) {
  if (r->tsv) {
    print_event_tsv(r, d, e);
    return;
  }
  FILE *out = r->out;
  const td_cameo *c = td_cameo_lookup(r->lx, e->code);
  char date[24], root[3] = {e->code[0], e->code[1], 0};
  td_date_format(e->date, date, sizeof date);
  fputs("{\"doc\":", out);
  json_cstr(out, d->id);
  fputs(",\"date\":", out);
  json_cstr(out, date);
  fprintf(out, ",\"date_how\":\"%s\",\"source\":", date_how_name(e->date_how));
  print_actor(out, e->source, e->source_code);
  fputs(",\"source_text\":", out);
  if (e->source >= 0)
    json_str(out, d->text + d->mentions[e->source].start,
             d->mentions[e->source].end - d->mentions[e->source].start);
  else
    fputs("null", out);
  fputs(",\"target\":", out);
  print_actor(out, e->target, e->target_code);
  fputs(",\"target_text\":", out);
  if (e->target >= 0)
    json_str(out, d->text + d->mentions[e->target].start,
             d->mentions[e->target].end - d->mentions[e->target].start);
  else
    fputs("null", out);
  fputs(",\"code\":", out);
  json_cstr(out, e->code);
  fputs(",\"name\":", out);
  json_cstr(out, c ? c->name : NULL);
  fprintf(out, ",\"root\":\"%s\",\"quad_class\":%d,\"goldstein\":%.1f", root,
          c ? c->quad_class : 0, c ? c->goldstein : 0.0);
  fprintf(out, ",\"modality\":\"%s\",\"reported\":%s,\"quoted\":%s",
          td_event_modality(e->flags),
          (e->flags & TD_EVF_REPORTED) ? "true" : "false",
          (e->flags & TD_EVF_QUOTED) ? "true" : "false");
  fputs(",\"place\":", out);
  json_cstr(out, e->place);
  fputs(",\"predicate\":", out);
  json_str(out, d->text + e->start, e->end - e->start);
  const td_sentence *s = &d->sents[e->sent];
  fputs(",\"sentence\":", out);
  json_str(out, d->text + s->start, s->end - s->start);
  fprintf(out,
          ",\"sent\":%u,\"start\":%u,\"end\":%u,\"sent_start\":%u,"
          "\"sent_end\":%u}\n",
          e->sent, e->start, e->end, s->start, s->end);
}

static void flush_batch(annotate_run *r) {
  td_batch_resolve_dates(r->batch, r->n_batch);
  for (size_t k = 0; k < r->n_batch; k++) {
    td_doc *doc = r->batch[k];
    td_timex_tag(doc);
    td_actors_resolve(doc, r->kb);
    td_events_extract_opts(doc, r->lx, r->opts);
    for (size_t i = 0; i < doc->n_events; i++)
      print_event(r, doc, &doc->events[i]);
    td_doc_free(doc);
  }
  r->n_batch = 0;
}

static int on_doc(void *ud, td_doc *doc) {
  annotate_run *r = ud;
  int rc = td_doc_prepare(doc, r->diag);
  if (rc != 0) {
    if (r->diag->emit)
      r->diag->emit(r->diag->ud, TD_SEV_ERROR, doc->origin, doc->line,
                    td_strerror(rc));
    r->rejected++;
    td_doc_free(doc);
    return 0;
  }
  r->batch[r->n_batch++] = doc;
  if (r->n_batch == ANNOTATE_BATCH) flush_batch(r);
  return 0;
}

/* Sniff the format of an in-memory input: JSON Lines when it opens with
 * '{', Reuters SGML when it opens with a tag, else one plain article. */
static td_format sniff(const char *buf, size_t n) {
  size_t i = 0;
  while (i < n &&
         (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
    i++;
  if (i < n && buf[i] == '{') return TD_FMT_JSONL;
  if (i + 8 < n && (strncmp(buf + i, "<REUTERS", 8) == 0 ||
                    strncmp(buf + i, "<!DOCTYP", 8) == 0))
    return TD_FMT_SGML;
  return TD_FMT_TEXT;
}

static int read_input(const char *path, annotate_run *r, td_error *err) {
  struct stat st;
  td_read_stats rs = {0};
  if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    td_read_path(path, on_doc, r, r->diag, &rs);
    r->rejected += (int)rs.rejected;
    return 0;
  }
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (f == NULL) return td_error_set(err, TD_EIO, path, 0, "cannot open input");
  char *data = NULL;
  size_t len = 0, cap = 0, n;
  do {
    if (cap - len < 65536) {
      cap = cap ? cap * 2 : 65536 * 2;
      data = td_xrealloc(data, cap);
    }
    n = fread(data + len, 1, cap - len, f);
    len += n;
  } while (n > 0);
  if (f != stdin) fclose(f);
  if (len == 0) {
    free(data);
    return td_error_set(err, TD_EEMPTY, path, 0, "empty input");
  }
  td_format fmt = sniff(data, len);
  FILE *mem = fmemopen(data, len, "rb");
  if (mem == NULL) {
    free(data);
    return td_error_set(err, TD_EIO, path, 0, "cannot read input");
  }
  td_read_stream(mem, strcmp(path, "-") == 0 ? "stdin" : path, fmt, on_doc, r,
                 r->diag, &rs);
  fclose(mem);
  free(data);
  r->rejected += (int)rs.rejected;
  return 0;
}

int td_cmd_annotate(int argc, char **argv) {
  static const struct option opts[] = {{"dict", required_argument, NULL, 'D'},
                                       {"verbs", required_argument, NULL, 'V'},
                                       {"all", no_argument, NULL, 'a'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char **dicts = td_xcalloc((size_t)argc + 1, sizeof *dicts);
  size_t n_dicts = 0;
  /* Verb dictionaries go at the end of the same list, backwards. */
  size_t n_verbs = 0;
  unsigned evopts = 0;
  int c, tsv = 0;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, ":D:V:af:h", opts, NULL)) != -1) {
    switch (c) {
      case 'D':
        dicts[n_dicts++] = optarg;
        break;
      case 'V':
        dicts[(size_t)argc - n_verbs++] = optarg;
        break;
      case 'a':
        evopts |= TD_EVX_KEEP_UNRESOLVED;
        break;
      case 'f':
        if (strcmp(optarg, "tsv") == 0) {
          tsv = 1;
        } else if (strcmp(optarg, "jsonl") != 0) {
          free(dicts);
          return cli_usage_error("annotate", "unknown format '%s' (jsonl, tsv)",
                                 optarg);
        }
        break;
      case 'h':
        fputs(usage_text, stdout);
        free(dicts);
        return 0;
      default:
        free(dicts);
        return cli_option_error("annotate", c, argv);
    }
  }
  int n_inputs = argc - optind;

  int errors = 0;
  td_diag diag = cli_stderr_diag(&errors);
  td_error err = {0};
  td_actor_kb *kb = NULL;
  td_lexicon *lx = NULL;
  int status = 0;
  if (td_actor_kb_open(NULL, &kb, &diag, &err) != 0 ||
      td_lexicon_open(NULL, &lx, &diag, &err) != 0) {
    cli_print_error("annotate", &err);
    td_actor_kb_free(kb);
    free(dicts);
    return 1;
  }
  for (size_t i = 0; i < n_dicts; i++) {
    size_t n = 0;
    if (td_actor_kb_load_dict(kb, dicts[i], &diag, &n, &err) != 0) {
      cli_print_error("annotate", &err);
      status = 1;
    }
  }
  for (size_t i = 0; i < n_verbs; i++) {
    size_t n = 0;
    if (td_lexicon_load_verbs(lx, dicts[(size_t)argc - i], &diag, &n, &err) !=
        0) {
      cli_print_error("annotate", &err);
      status = 1;
    }
  }
  annotate_run r = {kb, lx, &diag, evopts, 0, stdout, tsv, NULL, 0};
  if (tsv)
    fputs(
        "doc\tdate\tdate_how\tsource\ttarget\tcode\troot\tquad_class\t"
        "goldstein\tmodality\tplace\tstart\tend\tsentence\n",
        stdout);
  r.batch = td_xcalloc(ANNOTATE_BATCH, sizeof *r.batch);
  /* Several inputs are read as one batch (their dates resolved
   * together); none means standard input. */
  for (int i = 0; i < (n_inputs ? n_inputs : 1); i++) {
    const char *path = n_inputs ? argv[optind + i] : "-";
    if (read_input(path, &r, &err) != 0) {
      cli_print_error("annotate", &err);
      status = 1;
    }
  }
  flush_batch(&r);
  free(r.batch);
  if (r.rejected || errors) status = 1;
  td_lexicon_free(lx);
  td_actor_kb_free(kb);
  free(dicts);
  return status;
}
