/*
 * cmd_timex.c - `tidings timex`: the time expressions of one article, one
 * JSON object per line with byte offsets into the input as given, the
 * expression's text, its TIMEX3 type and value. The document date is
 * --dct, or what the article's own dateline and stamps say (as in ingest).
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: tidings timex [--dct YYYY-MM-DD] [FILE|-]\n"
    "\n"
    "Find the time expressions of one article (a text file, or standard "
    "input)\n"
    "and print one JSON object per expression: start and end (byte offsets "
    "in\n"
    "the input), text, type (DATE, TIME, DURATION, SET) and the TIMEX3 "
    "value\n"
    "resolved against the document date.\n"
    "\n"
    "  --dct DATE   the document date (YYYY-MM-DD); default: the article's "
    "own\n"
    "               dateline or date stamps\n"
    "  --help       show this help\n";

static int read_all(FILE *f, char **out, size_t *len) {
  size_t cap = 65536, n = 0;
  char *b = td_xmalloc(cap);
  size_t r;
  while ((r = fread(b + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) b = td_xrealloc(b, cap *= 2);
  }
  if (ferror(f)) {
    free(b);
    return -1;
  }
  *out = b;
  *len = n;
  return 0;
}

/* Why the input is no article, or NULL when it is one. */
static const char *malformed(const char *s, size_t n) {
  size_t letters = 0, ctrl = 0;
  if (n == 0) return "empty input: no text";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0) return "binary data (NUL bytes), not text";
    if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ctrl++;
    if ((c | 32) >= 'a' && (c | 32) <= 'z')
      letters++;
    else if (c >= 0x80)
      letters++;
  }
  if (ctrl * 10 > n) return "binary data (control characters), not text";
  if (letters == 0) return "no text: the input holds no words";
  return NULL;
}

static void print_timex(const td_doc *doc, const td_timex *tx) {
  size_t s = doc->offmap ? doc->offmap[tx->start] : tx->start;
  size_t e = doc->offmap ? doc->offmap[tx->end] : tx->end;
  if (e > doc->raw_len || s > e) {
    s = tx->start;
    e = tx->end;
  }
  json_t *j = json_object();
  json_object_set_new(j, "start", json_integer((json_int_t)s));
  json_object_set_new(j, "end", json_integer((json_int_t)e));
  json_t *text = json_stringn(doc->raw + s, e - s);
  if (text == NULL) /* invalid UTF-8 in the input: give the normalized text */
    text = json_stringn(doc->text + tx->start, tx->end - tx->start);
  json_object_set_new(j, "text", text ? text : json_null());
  json_object_set_new(j, "type",
                      json_string(td_timex_type_name((td_timex_type)tx->type)));
  json_object_set_new(j, "value", json_string(tx->value));
  char *out = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
  printf("%s\n", out);
  free(out);
  json_decref(j);
}

int td_cmd_timex(int argc, char **argv) {
  static const struct option opts[] = {{"dct", required_argument, NULL, 'd'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *dct = NULL;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "+:", opts, NULL)) != -1) {
    switch (c) {
      case 'd':
        dct = optarg;
        break;
      case 'h':
        fputs(usage_text, stdout);
        return 0;
      default:
        return cli_option_error("timex", c, argv);
    }
  }
  if (argc - optind > 1)
    return cli_usage_error("timex", "one input at a time (FILE or -)");
  td_date dct_date = {0};
  if (dct && (td_date_parse_iso(dct, &dct_date) != 0 ||
              dct_date.precision < TD_PREC_DAY || !td_date_valid(dct_date)))
    return cli_usage_error("timex", "--dct '%s' is not a date (YYYY-MM-DD)",
                           dct);
  const char *path = optind < argc ? argv[optind] : "-";
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "tidings timex: %s: cannot open\n", path);
    return 1;
  }
  char *raw;
  size_t len;
  int rc = read_all(f, &raw, &len);
  if (f != stdin) fclose(f);
  if (rc != 0) {
    fprintf(stderr, "tidings timex: %s: cannot read\n", path);
    return 1;
  }
  const char *why = malformed(raw, len);
  if (why) {
    fprintf(stderr, "tidings timex: %s:1: %s\n", path, why);
    free(raw);
    return 1;
  }
  td_doc *doc = td_doc_new();
  td_doc_set_str(&doc->origin, path);
  doc->line = 1;
  td_doc_set_raw(doc, raw, len);
  free(raw);
  int errors = 0;
  td_diag diag = cli_stderr_diag(&errors);
  rc = td_doc_prepare(doc, &diag);
  if (rc != 0) {
    fprintf(stderr, "tidings timex: %s:1: %s\n", path, td_strerror(rc));
    td_doc_free(doc);
    return 1;
  }
  if (dct) {
    doc->date = dct_date;
    doc->date_source = TD_DATE_SRC_METADATA;
  } else {
    td_batch_resolve_dates(&doc, 1);
    if (!td_date_has_year(doc->date))
      fprintf(stderr,
              "tidings timex: %s: warning: no document date found; relative "
              "expressions stay unresolved (give --dct)\n",
              path);
  }
  td_timex_tag(doc);
  for (size_t i = 0; i < doc->n_timexes; i++)
    print_timex(doc, &doc->timexes[i]);
  td_doc_free(doc);
  return 0;
}
