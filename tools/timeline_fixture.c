/*
 * timeline_fixture.c - store hand-written coded events, so the timeline's
 * merge and output formats can be tested through the CLI apart from the
 * annotate stages (tests/golden/timeline_formats.sh and friends).
 *
 * Usage: timeline_fixture DB FILE.tsv
 *
 * FILE.tsv has one event per line, eleven tab-separated fields:
 *   doc  doc_date  outlet  source  source_name  target  target_name  code
 *   event_date  flags  sentence
 * "-" is an empty field; flags is a comma list of planned, negated,
 * hypothetical, background (or "-"). Consecutive lines with the same doc
 * make one article, each sentence its own paragraph; a sentence "^" is the
 * sentence of the line before (a second event told in it). A line "---" ends a
 * batch: the articles so far are stored and merged in one transaction, as
 * one ingest batch would be. Lines starting with '#' are comments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

#define NFIELDS 11

typedef struct line {
  char *f[NFIELDS];
} line;

static const char *opt(const char *s) {
  return strcmp(s, "-") == 0 ? "" : s;
}

static td_date parse_date(const char *s) {
  td_date d = {0};
  if (!*opt(s) || td_date_parse_iso(s, &d) != 0) return (td_date){0};
  size_t n = strlen(s);
  d.precision = n == 4 ? TD_PREC_YEAR : n == 7 ? TD_PREC_MONTH : TD_PREC_DAY;
  return d;
}

static unsigned parse_flags(const char *s) {
  unsigned f = 0;
  if (strstr(s, "planned")) f |= TD_EVF_PLANNED;
  if (strstr(s, "negated")) f |= TD_EVF_NEGATED;
  if (strstr(s, "hypothetical")) f |= TD_EVF_HYPOTHETICAL;
  if (strstr(s, "background")) f |= TD_EVF_BACKGROUND;
  return f;
}

static int32_t add_actor(td_doc *d, const char *code, const char *name,
                         uint32_t sent) {
  if (!*opt(code)) return -1;
  d->entities =
      td_xrealloc(d->entities, (d->n_entities + 1) * sizeof *d->entities);
  td_entity *e = &d->entities[d->n_entities];
  memset(e, 0, sizeof *e);
  snprintf(e->name, sizeof e->name, "%s", opt(name));
  snprintf(e->code, sizeof e->code, "%s", code);
  d->mentions =
      td_xrealloc(d->mentions, (d->n_mentions + 1) * sizeof *d->mentions);
  td_actor_mention *m = &d->mentions[d->n_mentions];
  memset(m, 0, sizeof *m);
  m->sent = sent;
  snprintf(m->code, sizeof m->code, "%s", code);
  m->entity = (int32_t)d->n_entities++;
  return (int32_t)d->n_mentions++;
}

/* One article from lines [0, n), which share their doc. */
static td_doc *make_doc(line *ls, size_t n) {
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, ls[0].f[0]);
  if (*opt(ls[0].f[2])) td_doc_set_str(&d->outlet, ls[0].f[2]);
  d->date = parse_date(ls[0].f[1]);
  d->date_source = TD_DATE_SRC_METADATA;
  d->paras = td_xcalloc(n, sizeof *d->paras);
  d->sents = td_xcalloc(n, sizeof *d->sents);
  d->events = td_xcalloc(n, sizeof *d->events);
  size_t len = 0;
  for (size_t i = 0; i < n; i++) len += strlen(ls[i].f[10]) + 2;
  char *text = td_xcalloc(len + 1, 1);
  size_t pos = 0, ns = 0;
  for (size_t i = 0; i < n; i++) {
    td_event *ev = &d->events[i];
    if (i && strcmp(ls[i].f[10], "^") == 0) {
      /* Another event of the sentence before. */
      ev->sent = d->events[i - 1].sent;
      ev->start = d->events[i - 1].start;
      ev->end = d->events[i - 1].end;
    } else {
      if (ns) {
        memcpy(text + pos, "\n\n", 2);
        pos += 2;
      }
      size_t start = pos, sl = strlen(ls[i].f[10]);
      memcpy(text + pos, ls[i].f[10], sl);
      pos += sl;
      d->paras[ns] = (td_paragraph){(uint32_t)start, (uint32_t)pos,
                                    (uint32_t)ns, (uint32_t)ns + 1};
      d->sents[ns] =
          (td_sentence){(uint32_t)start, (uint32_t)pos, (uint32_t)ns, 0, 0};
      ev->sent = (uint32_t)ns++;
      /* The predicate: the sentence's second word, for the offsets. */
      const char *sp = strchr(ls[i].f[10], ' ');
      ev->start =
          (uint32_t)(start + (sp ? (size_t)(sp - ls[i].f[10]) + 1 : 0));
      const char *sp2 = sp ? strchr(sp + 1, ' ') : NULL;
      ev->end = sp2 ? (uint32_t)(start + (size_t)(sp2 - ls[i].f[10]))
                    : (uint32_t)pos;
    }
    ev->source = add_actor(d, ls[i].f[3], ls[i].f[4], ev->sent);
    ev->target = add_actor(d, ls[i].f[5], ls[i].f[6], ev->sent);
    snprintf(ev->source_code, sizeof ev->source_code, "%s", opt(ls[i].f[3]));
    snprintf(ev->target_code, sizeof ev->target_code, "%s", opt(ls[i].f[5]));
    snprintf(ev->code, sizeof ev->code, "%s", ls[i].f[7]);
    ev->date = parse_date(ls[i].f[8]);
    ev->date_how = ev->date.precision ? TD_EVDATE_TIMEX : 0;
    ev->flags = (uint16_t)parse_flags(ls[i].f[9]);
    ev->timex = -1;
  }
  d->n_paras = d->n_sents = ns;
  d->n_events = n;
  d->text = text;
  d->text_len = pos;
  td_doc_set_raw(d, text, pos);
  d->content_hash = td_doc_content_hash(d);
  return d;
}

static int flush(td_store *st, line *ls, size_t n, td_error *err) {
  int rc = td_store_begin(st, err);
  for (size_t i = 0; rc == 0 && i < n;) {
    size_t j = i + 1;
    while (j < n && strcmp(ls[j].f[0], ls[i].f[0]) == 0) j++;
    td_doc *d = make_doc(ls + i, j - i);
    td_put_result r;
    rc = td_store_put_doc(st, d, &r, err);
    td_doc_free(d);
    i = j;
  }
  if (rc == 0) rc = td_timeline_merge(st, err);
  if (rc == 0) rc = td_store_commit(st, err);
  if (rc != 0) td_store_rollback(st);
  return rc;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: timeline_fixture DB FILE.tsv\n");
    return 2;
  }
  FILE *f = fopen(argv[2], "r");
  if (f == NULL) {
    perror(argv[2]);
    return 1;
  }
  td_store *st;
  td_error err = {0};
  if (td_store_open(argv[1], &st, &err) != 0) {
    fprintf(stderr, "%s: %s\n", argv[1], err.msg);
    fclose(f);
    return 1;
  }
  line *ls = NULL;
  size_t n = 0, cap = 0;
  char buf[8192];
  long lineno = 0;
  int rc = 0;
  while (rc == 0 && fgets(buf, sizeof buf, f)) {
    lineno++;
    buf[strcspn(buf, "\r\n")] = '\0';
    if (buf[0] == '#' || buf[0] == '\0') continue;
    if (strcmp(buf, "---") == 0) {
      rc = flush(st, ls, n, &err);
      for (size_t i = 0; i < n; i++)
        for (int k = 0; k < NFIELDS; k++) free(ls[i].f[k]);
      n = 0;
      continue;
    }
    line l;
    char *p = buf;
    int k = 0;
    for (; k < NFIELDS && p; k++) {
      char *tab = strchr(p, '\t');
      l.f[k] = td_xstrndup(p, tab ? (size_t)(tab - p) : strlen(p));
      p = tab ? tab + 1 : NULL;
    }
    if (k != NFIELDS || p != NULL) {
      fprintf(stderr, "%s:%ld: want %d tab-separated fields\n", argv[2], lineno,
              NFIELDS);
      for (int i = 0; i < k; i++) free(l.f[i]);
      rc = 1;
      break;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      ls = td_xrealloc(ls, cap * sizeof *ls);
    }
    ls[n++] = l;
  }
  if (rc == 0 && n) rc = flush(st, ls, n, &err);
  if (rc < 0) fprintf(stderr, "%s: %s\n", argv[1], err.msg);
  for (size_t i = 0; i < n; i++)
    for (int k = 0; k < NFIELDS; k++) free(ls[i].f[k]);
  free(ls);
  fclose(f);
  td_store_close(st);
  return rc ? 1 : 0;
}
