/*
 * common.c - helpers shared by the subcommands: usage errors, the stderr
 * diagnostics sink, output format names, CSV quoting and table cells.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "tidings%s%s: ", cmd ? " " : "", cmd ? cmd : "");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'tidings %s%s--help' for more information.\n",
          cmd ? cmd : "", cmd ? " " : "");
  return 2;
}

void cli_print_error(const char *cmd, const td_error *err) {
  fprintf(stderr, "tidings %s: ", cmd);
  if (err->file[0]) {
    if (err->line > 0)
      fprintf(stderr, "%s:%ld: ", err->file, err->line);
    else
      fprintf(stderr, "%s: ", err->file);
  }
  fprintf(stderr, "%s\n", err->msg[0] ? err->msg : td_strerror(err->code));
}

static void emit(void *ud, td_severity sev, const char *file, long line,
                 const char *msg) {
  if (file && *file && line > 0)
    fprintf(stderr, "%s:%ld: ", file, line);
  else if (file && *file)
    fprintf(stderr, "%s: ", file);
  fprintf(stderr, "%s: %s\n", sev == TD_SEV_ERROR ? "error" : "warning", msg);
  if (ud && sev == TD_SEV_ERROR) (*(int *)ud)++;
}

td_diag cli_stderr_diag(int *errors) {
  td_diag d = {emit, errors};
  return d;
}

cli_format cli_format_option(const char *cmd, const char *s, unsigned allowed) {
  static const char *const names[] = {NULL, "table", "jsonl", "csv", "html"};
  for (int f = CLI_FMT_TABLE; f <= CLI_FMT_HTML; f++)
    if ((allowed & (1u << f)) && strcmp(s, names[f]) == 0) return f;
  char list[64] = "";
  for (int f = CLI_FMT_TABLE; f <= CLI_FMT_HTML; f++)
    if (allowed & (1u << f)) {
      if (list[0]) strcat(list, ", ");
      strcat(list, names[f]);
    }
  cli_usage_error(cmd, "unknown format '%s' (%s)", s, list);
  return 0;
}

int cli_option_error(const char *cmd, int c, char **argv) {
  const char *opt = argv[optind - 1];
  if (c == ':') return cli_usage_error(cmd, "option '%s' needs a value", opt);
  /* An unknown letter, perhaps inside a bundle ("-qx"), is named on its
   * own; glibc sets optopt to 0 for an unknown long option. */
  if (optopt) return cli_usage_error(cmd, "unknown option '-%c'", optopt);
  return cli_usage_error(cmd, "unknown option '%s'", opt);
}

void cli_csv_field(FILE *out, const char *s) {
  if (s == NULL) return;
  if (strpbrk(s, ",\"\r\n") == NULL) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

void cli_table_text(FILE *out, const char *s, int width) {
  /* A cell, then drop the padding: the last column of a line. */
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  cli_table_cell(mem, s, width);
  fclose(mem);
  while (len > 0 && buf[len - 1] == ' ') len--;
  fwrite(buf, 1, len, out);
  free(buf);
}

/* Write n bytes of a cell: a control character (a newline or tab in a
 * feed's title) would break the table's rows, so it becomes a space. */
static void put_cell(FILE *out, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    fputc(c < 0x20 || c == 0x7F ? ' ' : c, out);
  }
}

void cli_table_cell(FILE *out, const char *s, int width) {
  if (s == NULL) s = "";
  int cols = 0;
  const unsigned char *p = (const unsigned char *)s;
  const unsigned char *cut = p;
  /* Count code points (start bytes) as columns; good enough for the
   * Latin, Cyrillic and Greek text of news. */
  while (*p) {
    if ((*p & 0xC0) != 0x80) {
      if (cols == width) break;
      cols++;
    }
    p++;
    cut = p;
  }
  int truncated = *p != '\0';
  if (truncated && width >= 1) {
    /* Leave room for an ellipsis character. */
    const unsigned char *q = (const unsigned char *)s;
    int c = 0;
    cut = q;
    while (*q && c < width - 1) {
      q++;
      while ((*q & 0xC0) == 0x80) q++;
      c++;
      cut = q;
    }
    put_cell(out, s, (size_t)(cut - (const unsigned char *)s));
    fputs("\xE2\x80\xA6", out);
    cols = width;
  } else {
    put_cell(out, s, (size_t)(cut - (const unsigned char *)s));
  }
  for (; cols < width; cols++) fputc(' ', out);
}

const char *cli_modality(unsigned flags) {
  if (flags & TD_EVF_NEGATED) return "negated";
  if (flags & TD_EVF_PLANNED) return "planned";
  if (flags & TD_EVF_HYPOTHETICAL) return "hypothetical";
  return "asserted";
}

static json_t *str_or_null(const char *s) {
  return s && *s ? json_string(s) : json_null();
}

json_t *cli_mention_json(const td_event_mention *m, const td_cameo *c) {
  char date[24];
  td_date_format(m->date, date, sizeof date);
  json_t *j = json_object();
  json_object_set_new(j, "doc", json_string(m->doc));
  json_object_set_new(j, "date", str_or_null(date));
  json_object_set_new(j, "source", str_or_null(m->source));
  json_object_set_new(j, "source_name", str_or_null(m->source_name));
  json_object_set_new(j, "target", str_or_null(m->target));
  json_object_set_new(j, "target_name", str_or_null(m->target_name));
  json_object_set_new(j, "code", json_string(m->code));
  json_object_set_new(j, "name", str_or_null(c ? c->name : NULL));
  json_object_set_new(j, "root", json_string(m->root));
  json_object_set_new(j, "quad_class",
                      c ? json_integer(c->quad_class) : json_null());
  json_object_set_new(j, "goldstein",
                      c ? json_real(c->goldstein) : json_null());
  json_object_set_new(j, "modality", json_string(cli_modality(m->flags)));
  json_object_set_new(j, "background",
                      json_boolean(m->flags & TD_EVF_BACKGROUND));
  json_object_set_new(j, "entry",
                      m->entry ? json_integer(m->entry) : json_null());
  json_object_set_new(j, "sentence", json_string(m->sentence));
  json_object_set_new(j, "sent", json_integer(m->sent));
  json_object_set_new(j, "sent_start", json_integer(m->sent_start));
  json_object_set_new(j, "sent_end", json_integer(m->sent_end));
  json_object_set_new(j, "start", json_integer(m->start));
  json_object_set_new(j, "end", json_integer(m->end));
  json_object_set_new(j, "place", str_or_null(m->place));
  json_object_set_new(j, "outlet", str_or_null(m->outlet));
  return j;
}
