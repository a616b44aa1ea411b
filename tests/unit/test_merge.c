/* Unit tests for the merge rules (merge.c) and the timeline query
 * (timeline.c). Articles and their coded events are built by hand, stored
 * with td_store_put_doc and merged with td_timeline_merge, so the rules are
 * tested apart from the annotate stages. */
/* cmocka needs these first, in this order. */
// clang-format off
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
// clang-format on
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tidings.h"

static char dbpath[256];

static void remove_db(void) {
  char p[300];
  unlink(dbpath);
  snprintf(p, sizeof p, "%s-wal", dbpath);
  unlink(p);
  snprintf(p, sizeof p, "%s-shm", dbpath);
  unlink(p);
}

static int setup(void **state) {
  static int n;
  snprintf(dbpath, sizeof dbpath, "/tmp/td_test_merge_%ld_%d.db",
           (long)getpid(), n++);
  remove_db();
  td_store *st;
  td_error err = {0};
  assert_int_equal(td_store_open(dbpath, &st, &err), 0);
  *state = st;
  return 0;
}

static int teardown(void **state) {
  td_store_close(*state);
  remove_db();
  return 0;
}

/* One coded event of a hand-made article. date: "2022-01-31", "2022-01",
 * "2022" or NULL for an undated event. */
typedef struct evspec {
  const char *src, *src_name, *tgt, *tgt_name, *code, *date;
  unsigned flags;
} evspec;

/* The sentences of the next article made, when set (else "Event i of
 * ID."); make_doc consumes it. */
static const char *const *next_texts;

static td_date date_of(const char *s) {
  td_date d = {0};
  if (s == NULL) return d;
  assert_int_equal(td_date_parse_iso(s, &d), 0);
  size_t n = strlen(s);
  d.precision = n == 4 ? TD_PREC_YEAR : n == 7 ? TD_PREC_MONTH : TD_PREC_DAY;
  return d;
}

static void add_actor(td_doc *d, const char *code, const char *name,
                      uint32_t sent, int32_t *mention) {
  *mention = -1;
  if (code == NULL || !*code) return;
  d->entities =
      td_xrealloc(d->entities, (d->n_entities + 1) * sizeof *d->entities);
  td_entity *e = &d->entities[d->n_entities];
  memset(e, 0, sizeof *e);
  snprintf(e->name, sizeof e->name, "%s", name ? name : "");
  snprintf(e->code, sizeof e->code, "%s", code);
  d->mentions =
      td_xrealloc(d->mentions, (d->n_mentions + 1) * sizeof *d->mentions);
  td_actor_mention *m = &d->mentions[d->n_mentions];
  memset(m, 0, sizeof *m);
  m->sent = sent;
  snprintf(m->code, sizeof m->code, "%s", code);
  m->entity = (int32_t)d->n_entities++;
  *mention = (int32_t)d->n_mentions++;
}

/* An article of one paragraph per event, each "Event i of ID." */
static td_doc *make_doc(const char *id, const char *date, const char *outlet,
                        const evspec *evs, size_t n) {
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, id);
  if (outlet) td_doc_set_str(&d->outlet, outlet);
  char text[4096] = "";
  d->paras = td_xcalloc(n ? n : 1, sizeof *d->paras);
  d->sents = td_xcalloc(n ? n : 1, sizeof *d->sents);
  d->events = td_xcalloc(n ? n : 1, sizeof *d->events);
  for (size_t i = 0; i < n; i++) {
    size_t start = strlen(text);
    if (next_texts)
      snprintf(text + start, sizeof text - start, "%s%s", i ? "\n\n" : "",
               next_texts[i]);
    else
      snprintf(text + start, sizeof text - start, "%sEvent %zu of %s.",
               i ? "\n\n" : "", i, id);
    if (i) start += 2;
    size_t end = strlen(text);
    d->paras[i] = (td_paragraph){(uint32_t)start, (uint32_t)end, (uint32_t)i,
                                 (uint32_t)i + 1};
    d->sents[i] =
        (td_sentence){(uint32_t)start, (uint32_t)end, (uint32_t)i, 0, 0};
    td_event *ev = &d->events[i];
    memset(ev, 0, sizeof *ev);
    ev->sent = (uint32_t)i;
    ev->start = (uint32_t)start;
    ev->end = (uint32_t)start + 5;
    add_actor(d, evs[i].src, evs[i].src_name, (uint32_t)i, &ev->source);
    add_actor(d, evs[i].tgt, evs[i].tgt_name, (uint32_t)i, &ev->target);
    snprintf(ev->source_code, sizeof ev->source_code, "%s",
             evs[i].src ? evs[i].src : "");
    snprintf(ev->target_code, sizeof ev->target_code, "%s",
             evs[i].tgt ? evs[i].tgt : "");
    snprintf(ev->code, sizeof ev->code, "%s", evs[i].code);
    ev->flags = (uint16_t)evs[i].flags;
    ev->date = date_of(evs[i].date);
    ev->date_how = TD_EVDATE_TIMEX;
    ev->timex = -1;
  }
  d->n_paras = d->n_sents = d->n_events = n;
  d->text = td_xstrdup(text);
  d->text_len = strlen(text);
  td_doc_set_raw(d, text, strlen(text));
  d->date = date_of(date);
  d->date_source = TD_DATE_SRC_METADATA;
  d->content_hash = td_doc_content_hash(d);
  return d;
}

/* Store the docs as one batch and merge; frees them. */
static void ingest(td_store *st, td_doc **docs, size_t n) {
  td_error err = {0};
  assert_int_equal(td_store_begin(st, &err), 0);
  for (size_t i = 0; i < n; i++) {
    td_put_result r;
    assert_int_equal(td_store_put_doc(st, docs[i], &r, &err), 0);
    td_doc_free(docs[i]);
  }
  assert_int_equal(td_timeline_merge(st, &err), 0);
  assert_int_equal(td_store_commit(st, &err), 0);
}

#define DOC(id, date, outlet, ...)                          \
  make_doc(id, date, outlet, (const evspec[]){__VA_ARGS__}, \
           sizeof((const evspec[]){__VA_ARGS__}) / sizeof(evspec))

/* What a query returned, flattened for assertions. */
typedef struct entry_seen {
  char date[24], source[24], target[24], code[8], docs[256];
  unsigned flags;
  long n_mentions, n_articles, n_reports, n_outlets;
  char first_doc[32], evidence_doc[32];
} entry_seen;

static size_t query(td_store *st, const td_timeline_filter *f, entry_seen *out,
                    size_t max) {
  td_timeline_iter *it;
  td_error err = {0};
  assert_int_equal(td_timeline_open(st, f, &it, &err), 0);
  const td_timeline_entry *e;
  size_t n = 0;
  int rc;
  while ((rc = td_timeline_next(it, &e, &err)) == 1) {
    assert_true(n < max);
    entry_seen *s = &out[n++];
    memset(s, 0, sizeof *s);
    td_date_format(e->date, s->date, sizeof s->date);
    snprintf(s->source, sizeof s->source, "%s", e->source);
    snprintf(s->target, sizeof s->target, "%s", e->target);
    snprintf(s->code, sizeof s->code, "%s", e->code);
    s->flags = e->flags;
    s->n_mentions = e->n_mentions;
    s->n_articles = e->n_articles;
    s->n_reports = e->n_reports;
    s->n_outlets = e->n_outlets;
    snprintf(s->first_doc, sizeof s->first_doc, "%s", e->first_doc);
    assert_true(e->n_mentions > 0);
    snprintf(s->evidence_doc, sizeof s->evidence_doc, "%s", e->mentions[0].doc);
    for (long i = 0; i < e->n_mentions; i++) {
      const char *doc = e->mentions[i].doc;
      if (strstr(s->docs, doc) == NULL) {
        strcat(s->docs, *s->docs ? " " : "");
        strcat(s->docs, doc);
      }
      /* The sentence is the article's text at the stored offsets: a
       * whole sentence, ending with its full stop. */
      const char *sent = e->mentions[i].sentence;
      assert_true(strlen(sent) > 10);
      assert_int_equal(sent[strlen(sent) - 1], '.');
    }
  }
  assert_int_equal(rc, 0);
  td_timeline_close(it);
  return n;
}

static size_t query_all(td_store *st, entry_seen *out, size_t max) {
  td_timeline_filter f = {.include_background = 1};
  return query(st, &f, out, max);
}

/* The same phone call from two articles, actors in either order: one
 * entry citing both; the code is symmetric. */
static void test_symmetric_talks(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("a1", "2022-02-01", "Xinhua",
          {"USAGOV", "Antony Blinken", "RUSGOV", "Sergei Lavrov", "041",
           "2022-01-31", 0}),
      DOC("a2", "2022-02-02", "TASS",
          {"RUSGOV", "Sergey Lavrov", "USAGOV", "Antony Blinken", "041",
           "2022-01-31", 0}),
  };
  ingest(st, docs, 2);
  entry_seen e[4];
  assert_int_equal(query_all(st, e, 4), 1);
  assert_string_equal(e[0].date, "2022-01-31");
  assert_string_equal(e[0].code, "041");
  assert_string_equal(e[0].docs, "a1 a2");
  assert_int_equal(e[0].n_articles, 2);
  assert_int_equal(e[0].n_outlets, 2);
  assert_string_equal(e[0].first_doc, "a1");
}

/* A visit is directional: A visits B and B visits A are two events. */
static void test_directional_not_swapped(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("b1", "2022-02-01", NULL,
          {"FRAGOV", NULL, "RUSGOV", NULL, "042", "2022-02-07", 0}),
      DOC("b2", "2022-02-08", NULL,
          {"RUSGOV", NULL, "FRAGOV", NULL, "042", "2022-02-07", 0}),
  };
  ingest(st, docs, 2);
  entry_seen e[4];
  assert_int_equal(query_all(st, e, 4), 2);
}

/* Same root, one code more specific: one entry keeping the specific code;
 * a different root stays apart. */
static void test_codes(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("c1", "2022-01-27", NULL,
          {"RUSGOV", NULL, "USA", NULL, "01", "2022-01-27", 0},
          {"RUSGOV", NULL, "USA", NULL, "112", "2022-01-27", 0}),
      DOC("c2", "2022-01-27", NULL,
          {"RUSGOV", NULL, "USA", NULL, "013", "2022-01-27", 0}),
  };
  ingest(st, docs, 2);
  entry_seen e[4];
  assert_int_equal(query_all(st, e, 4), 2);
  /* Order: same date, same actors, by code. */
  assert_string_equal(e[0].code, "013");
  assert_string_equal(e[0].docs, "c1 c2");
  assert_string_equal(e[1].code, "112");
}

/* USA and USAGOV are one actor at two levels of detail; USAGOV and USAMIL
 * are not the same actor. */
static void test_actor_specificity(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("d1", "2022-01-26", NULL,
          {"USAGOV", NULL, "RUS", NULL, "0311", "2022-01-26", 0},
          {"USAMIL", NULL, "RUS", NULL, "031", "2022-01-26", 0}),
  };
  ingest(st, docs, 1);
  entry_seen e[4];
  assert_int_equal(query_all(st, e, 4), 2);
  td_doc *more[] = {
      DOC("d2", "2022-01-27", NULL,
          {"USAGOV", NULL, "RUSGOV", NULL, "031", "2022-01-26", 0}),
  };
  ingest(st, more, 1);
  assert_int_equal(query_all(st, e, 4), 2);
  /* d2 joined the USAGOV entry (its code stays the most specific). */
  int found = 0;
  for (int i = 0; i < 2; i++)
    if (strcmp(e[i].docs, "d1 d2") == 0) {
      found = 1;
      assert_string_equal(e[i].code, "0311");
      assert_string_equal(e[i].source, "USAGOV");
    }
  assert_true(found);
}

/* A month-precise mention joins the day-precise entry inside its month;
 * a day-precise mention arriving later refines a month-precise entry; a
 * mention of another month or year stays apart. */
static void test_precision(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("e1", "2021-12-18", "TASS",
          {"RUSGOV", NULL, "USA", NULL, "010", "2021-12-17", 0}),
      DOC("e2", "2022-02-01", "Xinhua",
          {"RUSGOV", NULL, "USA", NULL, "010", "2021-12", 0}),
      DOC("e3", "2022-02-01", "Xinhua",
          {"RUSGOV", NULL, "USA", NULL, "010", "2022-12", 0}),
  };
  ingest(st, docs, 3);
  entry_seen e[8];
  assert_int_equal(query_all(st, e, 8), 2);
  assert_string_equal(e[0].date, "2021-12-17");
  assert_string_equal(e[0].docs, "e1 e2");
  assert_string_equal(e[1].date, "2022-12");

  /* Incremental: a later batch dates the 2022-12 event to a day. */
  td_doc *more[] = {
      DOC("e4", "2022-12-06", NULL,
          {"RUS", NULL, "USA", NULL, "010", "2022-12-05", 0}),
  };
  ingest(st, more, 1);
  assert_int_equal(query_all(st, e, 8), 2);
  assert_string_equal(e[1].date, "2022-12-05");
  assert_string_equal(e[1].docs, "e3 e4");
  assert_string_equal(e[1].source, "RUSGOV"); /* ties: the more specific */
}

/* A negated event never merges with the asserted one; planned and
 * asserted reports merge, and the entry is asserted. */
static void test_modality(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("f1", "2022-02-02", NULL,
          {"USAGOV", NULL, "IGOWSTNAT", NULL, "043", "2022-02-16",
           TD_EVF_PLANNED},
          {"USAGOV", NULL, "IGOWSTNAT", NULL, "040", "2022-02-20",
           TD_EVF_PLANNED}),
      DOC("f2", "2022-02-17", NULL,
          {"USAGOV", NULL, "IGOWSTNAT", NULL, "043", "2022-02-16", 0},
          {"USAGOV", NULL, "IGOWSTNAT", NULL, "043", "2022-02-16",
           TD_EVF_NEGATED}),
  };
  ingest(st, docs, 2);
  entry_seen e[8];
  assert_int_equal(query_all(st, e, 8), 3);
  /* The asserted report is the evidence, cited first. */
  assert_string_equal(e[0].docs, "f2 f1");
  assert_int_equal(e[0].flags & (TD_EVF_PLANNED | TD_EVF_NEGATED), 0);
  assert_int_equal(e[1].flags & TD_EVF_NEGATED, TD_EVF_NEGATED);
  assert_string_equal(e[2].date, "2022-02-20");
  assert_int_equal(e[2].flags & TD_EVF_PLANNED, TD_EVF_PLANNED);
}

/* Background: an event only in repeated material is hidden, unless asked
 * for; a background mention of a reported event is cited but not counted
 * as a report. */
static void test_background(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("g1", "2022-02-02", "TASS",
          {"USA", NULL, "RUS", NULL, "0311", "2022-01-26", 0}),
      DOC("g2", "2022-02-02", "TASS",
          {"USA", NULL, "RUS", NULL, "0311", "2022-01-26", TD_EVF_BACKGROUND},
          {"UKR", NULL, "RUS", NULL, "112", "2022-01-20", TD_EVF_BACKGROUND}),
  };
  ingest(st, docs, 2);
  entry_seen e[8];
  td_timeline_filter f = {0};
  assert_int_equal(query(st, &f, e, 8), 1);
  assert_string_equal(e[0].docs, "g1 g2");
  assert_string_equal(e[0].evidence_doc, "g1");
  assert_int_equal(e[0].n_articles, 2);
  assert_int_equal(e[0].n_reports, 1);
  assert_int_equal(e[0].n_outlets, 1);
  assert_int_equal(query_all(st, e, 8), 2);
  assert_string_equal(e[0].date, "2022-01-20");
  assert_int_equal(e[0].flags & TD_EVF_BACKGROUND, TD_EVF_BACKGROUND);
  assert_int_equal(e[0].n_reports, 0);
}

/* A replaced article leaves its entries; an entry left empty goes; an
 * undated event is a mention but no entry. */
static void test_replace_and_undated(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("h1", "2022-03-01", NULL,
          {"CHN", NULL, "JPN", NULL, "036", "2022-03-01", 0}),
      DOC("h2", "2022-03-01", NULL,
          {"CHN", NULL, "JPN", NULL, "036", "2022-03-01", 0},
          {"CHN", NULL, "JPN", NULL, "173", NULL, 0}),
  };
  ingest(st, docs, 2);
  entry_seen e[8];
  assert_int_equal(query_all(st, e, 8), 1);
  assert_int_equal(e[0].n_articles, 2);
  td_timeline_stats stats;
  td_error err = {0};
  assert_int_equal(td_timeline_stats_get(st, &stats, &err), 0);
  assert_int_equal(stats.mentions, 3);
  assert_int_equal(stats.dated, 2);
  assert_int_equal(stats.entries, 1);
  assert_int_equal(stats.merged, 2);

  td_doc *v2[] = {DOC("h2", "2022-03-02", "v2",
                      {"CHN", NULL, "KOR", NULL, "036", "2022-03-01", 0})};
  ingest(st, v2, 1);
  assert_int_equal(query_all(st, e, 8), 2);
  assert_string_equal(e[0].target, "JPN");
  assert_int_equal(e[0].n_articles, 1);
  td_doc *v1[] = {DOC("h1", "2022-03-02", "v2",
                      {"CHN", NULL, "KOR", NULL, "036", "2022-03-01", 0})};
  ingest(st, v1, 1);
  assert_int_equal(query_all(st, e, 8), 1);
  assert_string_equal(e[0].target, "KOR");
  assert_string_equal(e[0].docs, "h1 h2");
}

/* The filters: dates, actors, pair, root, article count. */
static void test_filters(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("k1", "2022-01-31", NULL,
          {"USAGOV", NULL, "RUSGOV", NULL, "041", "2022-01-31", 0},
          {"UKRGOV", NULL, "RUS", NULL, "1056", "2022-01-30", 0},
          {"USAGOV", NULL, "UKR", NULL, "051", "2022-02-01", 0}),
      DOC("k2", "2022-02-01", NULL,
          {"RUSGOV", NULL, "USAGOV", NULL, "041", "2022-01-31", 0}),
  };
  ingest(st, docs, 2);
  entry_seen e[8];
  td_timeline_filter f = {.from = date_of("2022-01-31"),
                          .to = date_of("2022-01")};
  assert_int_equal(query(st, &f, e, 8), 1);
  assert_string_equal(e[0].code, "041");
  f = (td_timeline_filter){.to = date_of("2022-01-30")};
  assert_int_equal(query(st, &f, e, 8), 1);
  assert_string_equal(e[0].code, "1056");
  const char *actors[] = {"UKR"};
  f = (td_timeline_filter){.actors = actors, .n_actors = 1};
  assert_int_equal(query(st, &f, e, 8), 2);
  f = (td_timeline_filter){.pair = {"RUS", "USA"}};
  assert_int_equal(query(st, &f, e, 8), 1);
  assert_string_equal(e[0].docs, "k1 k2");
  f = (td_timeline_filter){.pair = {"UKR", "RUS"}};
  assert_int_equal(query(st, &f, e, 8), 1);
  f = (td_timeline_filter){.root = "05"};
  assert_int_equal(query(st, &f, e, 8), 1);
  f = (td_timeline_filter){.min_articles = 2};
  assert_int_equal(query(st, &f, e, 8), 1);
  assert_string_equal(e[0].code, "041");

  td_timeline_iter *it = NULL;
  td_error err = {0};
  f = (td_timeline_filter){.root = "4"};
  assert_int_equal(td_timeline_open(st, &f, &it, &err), TD_EARG);
  f = (td_timeline_filter){.from = date_of("2022-02"),
                           .to = date_of("2022-01-31")};
  assert_int_equal(td_timeline_open(st, &f, &it, &err), TD_EARG);
  f = (td_timeline_filter){.pair = {"USA", NULL}};
  assert_int_equal(td_timeline_open(st, &f, &it, &err), TD_EARG);
  assert_null(it);
}

/* A one-sided event (a statement with no target) merges only with reports
 * worded alike, or with the same named speaker's other statements of that
 * day in the same article (one briefing): the same speaker says many things
 * in a day, and one code (RUSGOV) covers many speakers. */
static void test_one_sided_wording(void **state) {
  td_store *st = *state;
  static const char *const w1[] = {
      "Peskov said the Kremlin was in no hurry to draw conclusions on the "
      "written response.",
      "He also said the grain harvest would break records."};
  static const char *const w2[] = {
      "The Kremlin is in no hurry to draw conclusions from the US written "
      "response, Peskov told reporters."};
  static const char *const w3[] = {
      "Peskov said President Putin would visit Minsk in spring.",
      "Zakharova said the consulate in Lyon would reopen."};
  td_doc *docs[3];
  next_texts = w1;
  docs[0] = DOC("w1", "2022-01-28", NULL,
                {"RUSGOV", "Dmitry Peskov", "", NULL, "010", "2022-01-27", 0},
                {"RUSGOV", "Dmitry Peskov", "", NULL, "010", "2022-01-27", 0});
  next_texts = w2;
  docs[1] = DOC("w2", "2022-01-28", NULL,
                {"RUSGOV", "Dmitry Peskov", "", NULL, "010", "2022-01-27", 0});
  next_texts = w3;
  docs[2] =
      DOC("w3", "2022-01-28", NULL,
          {"RUSGOV", "Dmitry Peskov", "", NULL, "010", "2022-01-27", 0},
          {"RUSGOV", "Maria Zakharova", "", NULL, "010", "2022-01-27", 0});
  next_texts = NULL;
  ingest(st, docs, 3);
  entry_seen e[4];
  /* w1's two statements and w2's report of the first; Peskov in w3;
   * Zakharova in w3 (same code, same article, another speaker). */
  assert_int_equal(query_all(st, e, 4), 3);
  int n_w3 = 0, n_merged = 0;
  for (int i = 0; i < 3; i++) {
    if (strcmp(e[i].docs, "w3") == 0) {
      n_w3++;
      assert_int_equal(e[i].n_mentions, 1);
    }
    if (strcmp(e[i].docs, "w1 w2") == 0) {
      n_merged++;
      assert_int_equal(e[i].n_mentions, 3);
    }
  }
  assert_int_equal(n_w3, 2);
  assert_int_equal(n_merged, 1);
}

/* The mention listing holds every coded event with its sentence. */
static void test_mentions(void **state) {
  td_store *st = *state;
  td_doc *docs[] = {
      DOC("m1", "2022-01-31", "Xinhua",
          {"USAGOV", "Antony Blinken", "RUSGOV", "Sergei Lavrov", "041",
           "2022-01-31", 0},
          {"USAGOV", "Antony Blinken", "", NULL, "010", NULL, 0}),
  };
  ingest(st, docs, 1);
  td_event_iter *it;
  td_error err = {0};
  assert_int_equal(td_event_mentions_open(st, &it, &err), 0);
  const td_event_mention *m;
  assert_int_equal(td_event_mentions_next(it, &m, &err), 1);
  assert_string_equal(m->doc, "m1");
  assert_string_equal(m->sentence, "Event 0 of m1.");
  assert_string_equal(m->source_name, "Antony Blinken");
  assert_string_equal(m->target_name, "Sergei Lavrov");
  assert_string_equal(m->root, "04");
  assert_string_equal(m->outlet, "Xinhua");
  assert_true(m->entry > 0);
  assert_int_equal(td_event_mentions_next(it, &m, &err), 1);
  assert_string_equal(m->sentence, "Event 1 of m1.");
  assert_string_equal(m->target, "");
  assert_int_equal(m->entry, 0);
  assert_int_equal(m->date.precision, TD_PREC_NONE);
  assert_int_equal(td_event_mentions_next(it, &m, &err), 0);
  td_event_mentions_close(it);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_symmetric_talks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_directional_not_swapped, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_codes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_actor_specificity, setup, teardown),
      cmocka_unit_test_setup_teardown(test_precision, setup, teardown),
      cmocka_unit_test_setup_teardown(test_modality, setup, teardown),
      cmocka_unit_test_setup_teardown(test_background, setup, teardown),
      cmocka_unit_test_setup_teardown(test_replace_and_undated, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
      cmocka_unit_test_setup_teardown(test_one_sided_wording, setup, teardown),
      cmocka_unit_test_setup_teardown(test_mentions, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
