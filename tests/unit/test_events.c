/* Unit tests for events.c: who did what to whom in one sentence, with
 * modality, date and place, through the whole annotate pipeline (the
 * real segmenter, time tagger and actor resolver). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first. */
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "tidings.h"

static td_actor_kb *kb;
static td_lexicon *lx;

static int setup(void **state) {
  (void)state;
  td_error err = {0};
  if (td_actor_kb_open(NULL, &kb, NULL, &err) != 0) return -1;
  return td_lexicon_open(NULL, &lx, NULL, &err);
}

static int teardown(void **state) {
  (void)state;
  td_lexicon_free(lx);
  td_actor_kb_free(kb);
  return 0;
}

/* Annotate text as an article dated iso. */
static td_doc *code_on(const char *text, const char *iso) {
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, "t");
  td_doc_set_str(&d->origin, "test");
  td_doc_set_raw(d, text, strlen(text));
  td_date_parse_iso(iso, &d->meta_date);
  assert_int_equal(td_doc_prepare(d, NULL), 0);
  td_batch_resolve_dates(&d, 1);
  td_doc_annotate(d, kb, lx);
  return d;
}

/* Annotate text as an article dated 2022-02-01. */
static td_doc *code(const char *text) { return code_on(text, "2022-02-01"); }

/* The first event whose code starts with prefix, or NULL. */
static const td_event *find(const td_doc *d, const char *prefix) {
  for (size_t i = 0; i < d->n_events; i++)
    if (strncmp(d->events[i].code, prefix, strlen(prefix)) == 0)
      return &d->events[i];
  return NULL;
}

static size_t count(const td_doc *d, const char *prefix) {
  size_t n = 0;
  for (size_t i = 0; i < d->n_events; i++)
    if (strncmp(d->events[i].code, prefix, strlen(prefix)) == 0) n++;
  return n;
}

static void dump(const td_doc *d) {
  for (size_t i = 0; i < d->n_events; i++)
    fprintf(stderr, "  %s %s -> %s flags %u\n", d->events[i].code,
            d->events[i].source_code, d->events[i].target_code,
            d->events[i].flags);
}

static void assert_actor(const char *code, const char *prefix) {
  if (strncmp(code, prefix, strlen(prefix)) != 0)
    fail_msg("actor %s, want %s...", code, prefix);
}

static void active_voice(void **state) {
  (void)state;
  td_doc *d = code("Russia accused Ukraine of shelling civilians.");
  const td_event *e = find(d, "112");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "RUS");
  assert_actor(e->target_code, "UKR");
  assert_string_equal(td_event_modality(e->flags), "asserted");
  td_doc_free(d);
}

static void passive_voice(void **state) {
  (void)state;
  td_doc *d = code("Ukraine was criticized by Russia on Monday.");
  const td_event *e = find(d, "111");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "RUS");
  assert_actor(e->target_code, "UKR");
  td_doc_free(d);
}

static void several_targets(void **state) {
  (void)state;
  td_doc *d = code(
      "Blinken spoke by phone with NATO Secretary General Jens Stoltenberg, "
      "OSCE Chairman-in-Office Zbigniew Rau and EU High Representative "
      "Josep Borrell.");
  if (count(d, "041") != 3) dump(d);
  assert_int_equal(count(d, "041"), 3);
  for (size_t i = 0; i < d->n_events; i++)
    if (strcmp(d->events[i].code, "041") == 0)
      assert_actor(d->events[i].source_code, "USA");
  td_doc_free(d);
}

static void symmetric_talks(void **state) {
  (void)state;
  td_doc *d = code("Talks between Russia and Ukraine resumed on Monday.");
  const td_event *e = find(d, "04");
  if (!e) dump(d);
  assert_non_null(e);
  int ok = (strncmp(e->source_code, "RUS", 3) == 0 &&
            strncmp(e->target_code, "UKR", 3) == 0) ||
           (strncmp(e->source_code, "UKR", 3) == 0 &&
            strncmp(e->target_code, "RUS", 3) == 0);
  assert_true(ok);
  td_doc_free(d);
  /* Coordinated subjects of a symmetric predicate. */
  d = code("Russia and France held talks in Paris.");
  e = find(d, "04");
  if (!e) dump(d);
  assert_non_null(e);
  assert_true(e->source >= 0 && e->target >= 0);
  td_doc_free(d);
}

static void reported_speech(void **state) {
  (void)state;
  td_doc *d = code("Peskov said Russia would hold talks with NATO next week.");
  const td_event *say = find(d, "010");
  const td_event *talk = find(d, "03");
  if (!talk) talk = find(d, "04");
  if (!say || !talk) dump(d);
  assert_non_null(say);
  assert_actor(say->source_code, "RUS");
  assert_non_null(talk);
  assert_actor(talk->source_code, "RUS");
  assert_actor(talk->target_code, "IGOWSTNAT");
  assert_string_equal(td_event_modality(talk->flags), "planned");
  td_doc_free(d);
}

static void negation_and_refusal(void **state) {
  (void)state;
  td_doc *d = code("Russia did not attack Ukraine.");
  const td_event *e = find(d, "18");
  if (!e) e = find(d, "19");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(td_event_modality(e->flags), "negated");
  td_doc_free(d);
  /* A refusal is a rejection that happened. */
  d = code("Russia refused to withdraw its troops from the border.");
  e = find(d, "12");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(e->code, "1246");
  assert_string_equal(td_event_modality(e->flags), "asserted");
  td_doc_free(d);
}

static void did_not_rule_out(void **state) {
  (void)state;
  td_doc *d = code("Peskov did not rule out new talks with NATO.");
  const td_event *e = find(d, "014");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(td_event_modality(e->flags), "asserted");
  assert_actor(e->source_code, "RUS");
  td_doc_free(d);
}

static void planned(void **state) {
  (void)state;
  td_doc *d = code(
      "US Defense Secretary Lloyd Austin will attend the NATO defence "
      "ministerial.");
  assert_true(d->n_events > 0);
  const td_event *e = &d->events[0];
  if (!(e->flags & TD_EVF_PLANNED)) dump(d);
  assert_string_equal(td_event_modality(e->flags), "planned");
  assert_actor(e->source_code, "USA");
  td_doc_free(d);
}

static void hypothetical(void **state) {
  (void)state;
  td_doc *d = code("If Russia attacks Ukraine, the West will respond.");
  const td_event *e = find(d, "18");
  if (!e) e = find(d, "19");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(td_event_modality(e->flags), "hypothetical");
  td_doc_free(d);
  d = code("Russia could invade Ukraine.");
  e = find(d, "19");
  assert_non_null(e);
  assert_string_equal(td_event_modality(e->flags), "hypothetical");
  td_doc_free(d);
}

static void quotation_speaker(void **state) {
  (void)state;
  td_doc *d = code(
      "\"We are ready to talk to NATO,\" Russian Foreign Minister "
      "Sergei Lavrov said.");
  const td_event *e = find(d, "03");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "RUS");
  assert_true(e->flags & TD_EVF_QUOTED);
  td_doc_free(d);
}

static void place(void **state) {
  (void)state;
  td_doc *d = code("Blinken met Lavrov in Geneva on Friday.");
  const td_event *e = find(d, "04");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(e->place, "Geneva");
  assert_actor(e->source_code, "USA");
  assert_actor(e->target_code, "RUS");
  td_doc_free(d);
}

static void dating(void **state) {
  (void)state;
  td_doc *d = code(
      "On January 26, the United States handed its response to "
      "Russia. Blinken criticized Russia.");
  const td_event *e = find(d, "04");
  if (!e) dump(d);
  assert_non_null(e);
  char buf[24];
  td_date_format(e->date, buf, sizeof buf);
  assert_string_equal(buf, "2022-01-26");
  assert_int_equal(e->date_how, TD_EVDATE_TIMEX);
  td_doc_free(d);
  /* Without a time expression: the article date. */
  d = code("Blinken criticized Russia.\n\nLavrov denounced NATO.");
  e = find(d, "111");
  assert_non_null(e);
  td_date_format(e->date, buf, sizeof buf);
  assert_string_equal(buf, "2022-02-01");
  assert_int_equal(e->date_how, TD_EVDATE_DOCUMENT);
  td_doc_free(d);
}

static void frames(void **state) {
  (void)state;
  /* An appeal takes its code from what it asks for. */
  td_doc *d = code("Blinken urged Russia to withdraw its troops.");
  const td_event *e = find(d, "02");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(e->code, "0256");
  assert_actor(e->source_code, "USA");
  assert_actor(e->target_code, "RUS");
  assert_null(find(d, "087")); /* what is asked for did not happen */
  td_doc_free(d);
  /* A rejection looks past the request it rejects. */
  d = code("Russia rejected a NATO request to withdraw its troops.");
  e = find(d, "12");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(e->code, "1246");
  td_doc_free(d);
}

static void demand_by_speaker(void **state) {
  (void)state;
  /* "X should do Y", written by Z: Z demands Y of X. */
  td_doc *d = code(
      "\"Russia should withdraw its troops from the border,\" "
      "Ukrainian Foreign Minister Dmytro Kuleba wrote.");
  const td_event *e = find(d, "10");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(e->code, "1056");
  assert_actor(e->source_code, "UKR");
  assert_actor(e->target_code, "RUS");
  td_doc_free(d);
}

static void conditional_threat(void **state) {
  (void)state;
  td_doc *d = code(
      "Russia will cut gas supplies to Ukraine unless Kyiv pays "
      "its debts.");
  const td_event *e = find(d, "13");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "RUS");
  td_doc_free(d);
}

static void symmetric_without_actors(void **state) {
  (void)state;
  /* The parties of the talks named two paragraphs up, not the actors the
   * article mentions most. */
  td_doc *d = code(
      "Germany and France held talks on energy prices on Monday. Germany "
      "said France agreed. Poland criticised Germany. Poland criticised "
      "Germany again. Poland warned Germany.\n\nThe second round took place in "
      "Vienna on 3 "
      "February.");
  size_t n = 0;
  for (size_t i = 0; i < d->n_events; i++) {
    const td_event *x = &d->events[i];
    if (strncmp(x->code, "04", 2) != 0 || x->date.day != 3) continue;
    n++;
    if (!((!strncmp(x->source_code, "DEU", 3) &&
           !strncmp(x->target_code, "FRA", 3)) ||
          (!strncmp(x->source_code, "FRA", 3) &&
           !strncmp(x->target_code, "DEU", 3)))) {
      dump(d);
      fail_msg("talks between %s and %s", x->source_code, x->target_code);
    }
  }
  if (n == 0) dump(d);
  assert_int_equal(n, 1);
  td_doc_free(d);
  /* With no pair named nearby the event is not coded. */
  d = code(
      "Spain praised Italy. Italy thanked Spain.\n\nIt rained.\n\nIt rained "
      "again.\n\n"
      "The talks took place in Rome.");
  for (size_t i = 0; i < d->n_events; i++)
    if (strncmp(d->events[i].code, "04", 2) == 0) {
      dump(d);
      fail_msg("talks coded with no parties");
    }
  td_doc_free(d);
}

static void symmetric_partner(void **state) {
  (void)state;
  /* Talks with one party named: the other is its partner in the latest
   * pair. */
  td_doc *d = code(
      "Germany accused France of fraud on Monday. Germany held "
      "negotiations on Tuesday.");
  const td_event *e = find(d, "046");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->target_code, "FRA");
  td_doc_free(d);
}

static void present_perfect_date(void **state) {
  (void)state;
  /* A date named earlier in the paragraph does not date what has
   * happened up to now. */
  td_doc *d = code(
      "On January 12, Germany accused Russia of hacking. Russia has "
      "denied the accusation.");
  const td_event *e = find(d, "016");
  if (!e) dump(d);
  assert_non_null(e);
  assert_int_equal(e->date.month, 2);
  assert_int_equal(e->date.day, 1);
  e = find(d, "112");
  assert_non_null(e);
  assert_int_equal(e->date.day, 12);
  td_doc_free(d);
}

/* A statement is dated by a time next to its verb, not by one in what
 * it says, and is never a plan because what it says lies ahead. (The
 * story is dated Tuesday 2022-02-01.) */
static void statement_dates(void **state) {
  (void)state;
  td_doc *d = code(
      "While the plan would raise 2023 spending by 5 pct, exports would "
      "fall in March, Japan said.");
  const td_event *e = find(d, "010");
  if (!e || e->date.year != 2022 || e->date.month != 2 ||
      (e->flags & TD_EVF_PLANNED))
    dump(d);
  assert_non_null(e);
  assert_int_equal(e->date.year, 2022);
  assert_int_equal(e->date.day, 1);
  assert_false(e->flags & TD_EVF_PLANNED);
  td_doc_free(d);
  d = code("Japan announced its decision to leave the talks late yesterday.");
  e = find(d, "01");
  if (!e || e->date.month != 1 || e->date.day != 31) dump(d);
  assert_non_null(e);
  assert_int_equal(e->date.day, 31);
  td_doc_free(d);
  d = code("On January 28, in a conversation with Peru, Chile noted that "
           "exports would rise.");
  e = find(d, "010");
  if (!e || e->date.day != 28) dump(d);
  assert_non_null(e);
  assert_int_equal(e->date.day, 28);
  td_doc_free(d);
  d = code("On Monday, Japan said its exports would rise in 2023.");
  e = find(d, "010");
  assert_non_null(e);
  assert_int_equal(e->date.day, 31);
  assert_false(e->flags & TD_EVF_PLANNED);
  td_doc_free(d);
}

static void precision_rules(void **state) {
  (void)state;
  /* Withholding membership is a rejection, not a denial of blame. */
  td_doc *d = code("Hungary denied Sweden membership of the bloc.");
  const td_event *e = find(d, "12");
  if (!e) dump(d);
  assert_non_null(e);
  assert_null(find(d, "016"));
  td_doc_free(d);
  /* A name in a prepositional phrase is not the subject. */
  d = code(
      "The agreements with the United States and Japan reject Chinese "
      "claims to the islands.");
  for (size_t i = 0; i < d->n_events; i++)
    if (!strncmp(d->events[i].source_code, "USA", 3) ||
        !strncmp(d->events[i].source_code, "JPN", 3)) {
      dump(d);
      fail_msg("a prepositional object as the source");
    }
  td_doc_free(d);
  /* Who reports a story is not who acts in it. */
  d = code(
      "Rebels attacked the town of Goma on Sunday, a Reuters "
      "correspondent said, a week after Kenya sent troops.");
  for (size_t i = 0; i < d->n_events; i++)
    if (strstr(d->events[i].source_code, "MED")) {
      dump(d);
      fail_msg("a news outlet as a source");
    }
  td_doc_free(d);
  /* "announced sanctions": the announcer imposes them. */
  d = code("Canada announced sanctions against Iran.");
  e = find(d, "16");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "CAN");
  td_doc_free(d);
  /* "..., a senior official said": an unnamed speaker, not the actor of
   * the first clause. */
  d = code(
      "Talks between Chile and Peru will resume in May, a senior "
      "official said.");
  for (size_t i = 0; i < d->n_events; i++)
    if (!strncmp(d->events[i].code, "01", 2)) {
      dump(d);
      fail_msg("an unnamed speaker coded as the first actor");
    }
  td_doc_free(d);
  /* A condemned attack points at its agent. */
  d = code("France condemned the shelling by Russian forces of the city.");
  e = find(d, "11");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->target_code, "RUS");
  td_doc_free(d);
  /* A reduced passive: the victims are no source. */
  d = code("Ten Malian soldiers killed in the ambush were buried.");
  for (size_t i = 0; i < d->n_events; i++)
    if (!strncmp(d->events[i].source_code, "MLI", 3)) {
      dump(d);
      fail_msg("victims of a reduced passive as the source");
    }
  td_doc_free(d);
  /* "after the museum shooting": a noun, not the subject's deed. */
  d = code(
      "Norway advised against travel to Tunisia after the museum "
      "shooting.");
  for (size_t i = 0; i < d->n_events; i++)
    if (!strncmp(d->events[i].code, "19", 2)) {
      dump(d);
      fail_msg("a gerund after an article coded with the clause subject");
    }
  td_doc_free(d);
  /* "the occupied territories": an adjective, not Norway's occupation. */
  d = code("Norway visited the occupied territories.");
  assert_null(find(d, "19"));
  td_doc_free(d);
  /* nor with an adverb between */
  d = code("Norway visited the temporarily occupied territories of Iceland.");
  if (find(d, "19")) dump(d);
  assert_null(find(d, "19"));
  td_doc_free(d);
  /* One event once per sentence, with its target. */
  d = code("Norway ratified an agreement with Iceland.");
  size_t n = count(d, "057");
  if (n != 1) dump(d);
  assert_int_equal(n, 1);
  assert_actor(find(d, "057")->target_code, "ISL");
  td_doc_free(d);
}

static void pronoun_reach(void **state) {
  (void)state;
  /* "It said" long after the last coded actor is not that actor: only
   * the criticism is coded. */
  td_doc *d = code(
      "Japan criticised China on Monday. The company's shares "
      "fell. Its profits fell too. It said it would appeal.");
  if (d->n_events != 1) dump(d);
  assert_int_equal(d->n_events, 1);
  td_doc_free(d);
  /* An unresolved "he" is not a country: only the rejection is coded. */
  d = code("Brazil rejected the plan. He said the talks would go on.");
  if (d->n_events != 1) dump(d);
  assert_int_equal(d->n_events, 1);
  td_doc_free(d);
}

/* A verb dictionary of our own in the PETRARCH format: blocks, irregular
 * forms, a synset, a pattern, a null code and a two-way code. */
static void verb_dictionary(void **state) {
  (void)state;
  const char *path = "test_events_verbs.tmp";
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(
      "<!-- a test dictionary -->\n"
      "&FRUIT\n+APPLES\n+PEARS\n\n"
      "--- GREET  [051]  ---\n"
      "GREET  # a comment\n"
      "- * WITH &FRUIT  [0514]\n"
      "- * COLDLY  [---]\n\n"
      "--- STRIDE [032:033] ---\n"
      "STRIDE {STRODE STRIDDEN}\n",
      f);
  fclose(f);
  td_error err = {0};
  td_lexicon *own = NULL;
  assert_int_equal(td_lexicon_open(NULL, &own, NULL, &err), 0);
  size_t n = 0;
  assert_int_equal(td_lexicon_load_verbs(own, path, NULL, &n, &err), 0);
  remove(path);
  assert_int_equal(n, 4); /* greet, greet with apples|pears, stride */
  const td_cameo *k = td_cameo_lookup(own, "0514");
  assert_non_null(k); /* a dictionary's own code, with its root's class */
  assert_int_equal(k->quad_class, td_cameo_lookup(own, "050")->quad_class);
  const char *texts[] = {"Spain greeted Italy with pears.",
                         "Spain greeted Italy.", "Spain strode into Italy.",
                         "Spain accused Italy of fraud."};
  const char *want[] = {"0514", "051", "032", NULL};
  for (int t = 0; t < 4; t++) {
    td_doc *d = td_doc_new();
    td_doc_set_str(&d->id, "v");
    td_doc_set_raw(d, texts[t], strlen(texts[t]));
    assert_int_equal(td_doc_prepare(d, NULL), 0);
    td_doc_annotate(d, kb, own);
    if (want[t] == NULL) {
      /* tidings' own patterns are replaced */
      if (d->n_events) dump(d);
      assert_int_equal(d->n_events, 0);
    } else {
      const td_event *e = find(d, want[t]);
      if (!e) dump(d);
      assert_non_null(e);
      assert_string_equal(e->code, want[t]);
      assert_actor(e->source_code, "ESP");
      assert_actor(e->target_code, "ITA");
    }
    if (t == 2) { /* and Italy's event back */
      const td_event *b = find(d, "033");
      assert_non_null(b);
      assert_actor(b->source_code, "ITA");
    }
    td_doc_free(d);
  }
  td_lexicon_free(own);
}

static void modality_names(void **state) {
  (void)state;
  assert_string_equal(td_event_modality(0), "asserted");
  assert_string_equal(td_event_modality(TD_EVF_REPORTED), "asserted");
  assert_string_equal(td_event_modality(TD_EVF_PLANNED), "planned");
  assert_string_equal(td_event_modality(TD_EVF_NEGATED), "negated");
  assert_string_equal(td_event_modality(TD_EVF_HYPOTHETICAL), "hypothetical");
}

static void empty_and_odd_input(void **state) {
  (void)state;
  td_doc *d = code("...");
  assert_int_equal(d->n_events, 0);
  td_doc_free(d);
  d = code("\"\"\"(((( said said said by by with and and , , ;");
  td_doc_free(d);
  /* No lexicon: no events, nothing breaks. */
  d = td_doc_new();
  td_events_extract(d, NULL);
  assert_int_equal(d->n_events, 0);
  td_doc_free(d);
}

/* Whether some event has these two actors, in either order. */
static int has_pair(const td_doc *d, const char *prefix, const char *a,
                    const char *b) {
  for (size_t i = 0; i < d->n_events; i++) {
    const td_event *e = &d->events[i];
    if (strncmp(e->code, prefix, strlen(prefix)) != 0) continue;
    if ((!strncmp(e->source_code, a, 3) && !strncmp(e->target_code, b, 3)) ||
        (!strncmp(e->source_code, b, 3) && !strncmp(e->target_code, a, 3)))
      return 1;
  }
  return 0;
}

static int any_target(const td_doc *d, const char *prefix) {
  for (size_t i = 0; i < d->n_events; i++)
    if (!strncmp(d->events[i].target_code, prefix, strlen(prefix))) return 1;
  return 0;
}

/* A seat or city after "in"/"at" is where a meeting happens, never its
 * other party; the object named before it is. */
static void meeting_place_not_target(void **state) {
  (void)state;
  td_doc *d = code("Kuleba met Lavrov in Brussels on Thursday.");
  const td_event *e = find(d, "04");
  if (!e || any_target(d, "IGOEU")) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "UKR");
  assert_actor(e->target_code, "RUS");
  assert_string_equal(e->place, "Brussels");
  assert_false(any_target(d, "IGOEU"));
  td_doc_free(d);
  d = code("Kuleba met Lavrov at the White House.");
  if (any_target(d, "USA")) dump(d);
  assert_false(any_target(d, "USA"));
  assert_true(has_pair(d, "04", "UKR", "RUS"));
  td_doc_free(d);
}

/* A group meeting in a seat with no other party named has no target. */
static void group_meeting_no_target(void **state) {
  (void)state;
  td_doc *d = code("EU foreign ministers will meet in Washington on Monday.");
  const td_event *e = find(d, "03");
  if (!e) e = find(d, "04");
  if (!e || any_target(d, "USA")) dump(d);
  assert_non_null(e);
  assert_string_equal(e->target_code, "");
  assert_string_equal(e->place, "Washington");
  assert_false(any_target(d, "USA"));
  td_doc_free(d);
}

/* "the two" and "both sides" are the pair just named. */
static void pair_reference(void **state) {
  (void)state;
  td_doc *d = code(
      "Kuleba met Lavrov in Antalya on Thursday and the two spoke by "
      "phone on Friday.");
  if (!has_pair(d, "041", "UKR", "RUS")) dump(d);
  assert_true(has_pair(d, "041", "UKR", "RUS"));
  td_doc_free(d);
  d = code(
      "Kuleba met Lavrov in Antalya on Thursday. Both sides agreed to "
      "exchange prisoners.");
  if (!has_pair(d, "03", "UKR", "RUS")) dump(d);
  assert_true(has_pair(d, "03", "UKR", "RUS"));
  td_doc_free(d);
  /* Named three sentences back: "both sides" is not taken for them. */
  d = code(
      "Kuleba met Lavrov in Antalya on Thursday. The weather was cold. "
      "Prices rose. Both sides agreed to exchange prisoners.");
  if (has_pair(d, "03", "UKR", "RUS")) dump(d);
  assert_false(has_pair(d, "03", "UKR", "RUS"));
  td_doc_free(d);
}

/* "A and the B will meet", "negotiators from A and B will meet": both
 * are parties. */
static void coordinated_parties(void **state) {
  (void)state;
  td_doc *d = code("Moldova and the European Union will hold talks next week.");
  if (!has_pair(d, "0", "MDA", "IGO")) dump(d);
  assert_true(has_pair(d, "0", "MDA", "IGO"));
  td_doc_free(d);
  d = code(
      "Negotiators from Moldova and Romania will meet in Geneva on "
      "Monday.");
  if (!has_pair(d, "0", "MDA", "ROU")) dump(d);
  assert_true(has_pair(d, "0", "MDA", "ROU"));
  td_doc_free(d);
  /* A list after a comma is no coordination with the subject. */
  d = code(
      "Blinken spoke with envoys from NATO, the EU and the OSCE, the "
      "State Department said.");
  if (any_target(d, "IGOWSTNAT") && find(d, "010") &&
      strncmp(find(d, "010")->source_code, "IGO", 3) == 0)
    dump(d);
  for (size_t i = 0; i < d->n_events; i++)
    if (!strcmp(d->events[i].code, "010"))
      assert_actor(d->events[i].source_code, "USA");
  td_doc_free(d);
}

/* A time in a relative clause after a comma dates that clause only. */
static void relative_clause_time(void **state) {
  (void)state;
  td_doc *d = code(
      "Moldova accused Russia of aggression in Transnistria, where Russian "
      "troops have been stationed since 1992.");
  const td_event *e = find(d, "112");
  if (!e) dump(d);
  assert_non_null(e);
  char buf[24];
  td_date_format(e->date, buf, sizeof buf);
  assert_string_equal(buf, "2022-02-01");
  td_doc_free(d);
}

/* Companies are no countries, and what they say or do among themselves
 * is business news: no event. Their dealings with governments stay. */
static void business_news(void **state) {
  (void)state;
  td_doc *d = code(
      "American Express said it would sell its stake in Lehman Brothers. "
      "Orbitel Dynamics Inc agreed to buy a plant from British Petroleum Co. "
      "Hughes Tool Co. said it accused Bexley Corp of breaking the deal.");
  if (d->n_events) dump(d);
  assert_int_equal(d->n_events, 0);
  td_doc_free(d);
  d = code(
      "Orbitel Dynamics Inc urged the Japanese government to open its "
      "market.");
  const td_event *e = find(d, "02");
  if (!e) dump(d);
  assert_non_null(e);
  assert_string_equal(e->source_code, "BUS");
  assert_actor(e->target_code, "JPN");
  td_doc_free(d);
}

/* What is discussed or weighed is no event: "to discuss the negotiations
 * with Belarus" is no negotiation by the one who discusses. */
static void topics_are_no_events(void **state) {
  (void)state;
  td_doc *d = code(
      "Polish President Jan Kowal met German officials to discuss "
      "the harvest and the negotiations with Belarus.");
  const td_event *e = find(d, "04");
  if (!e || d->n_events != 1) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "POL");
  assert_actor(e->target_code, "DEU");
  assert_int_equal(d->n_events, 1);
  td_doc_free(d);
  d = code("Japan is considering sanctions against Iran.");
  if (d->n_events != 1 || !find(d, "014")) dump(d);
  assert_non_null(find(d, "014"));
  assert_int_equal(d->n_events, 1);
  td_doc_free(d);
}

/* Who speaks: a name inside what was said is not the speaker. */
static void speaker_attribution(void **state) {
  (void)state;
  /* "He" no one can resolve is the subject; "China" is what he said. */
  td_doc *d = code("He said China would double its wool imports.");
  if (d->n_events) dump(d);
  assert_int_equal(d->n_events, 0);
  td_doc_free(d);
  d = code("Farm output in Peru will fall, he added.");
  if (d->n_events) dump(d);
  assert_int_equal(d->n_events, 0);
  td_doc_free(d);
  /* ", dealers said": unnamed speakers, not Japan. */
  d = code("The yen rose as Japanese insurers sold bonds, dealers said.");
  if (find(d, "010")) dump(d);
  assert_null(find(d, "010"));
  td_doc_free(d);
  /* "according to X": X says so, not the country before. */
  d = code("The storm hit Chile, according to Peruvian officials.");
  const td_event *e = find(d, "010");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "PER");
  td_doc_free(d);
  /* The inverted order still names the speaker after the verb. */
  d = code("Talks will resume in March, said Blinken.");
  e = find(d, "010");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "USA");
  td_doc_free(d);
}

/* Nouns and names that look like predicates code nothing. */
static void word_senses(void **state) {
  (void)state;
  static const char *const texts[] = {
      /* a noun after a possessive */
      "Japan said the market would recover from Monday's decline.",
      /* a capitalised name inside a sentence */
      "Nigeria said Shell in Lagos paid its taxes.",
      /* an -s form before a verb is a plural noun */
      "Japanese brokers said the yen rose.",
      /* a base form after an adjective and before "from" */
      "Canada noted strong demand from China.",
      /* "which" stands for the noun before it: no actor threatens */
      "The U.S. fuelled protectionist pressure which threatens world trade.",
      /* a common noun with its auxiliary is the subject, not a name
       * further left */
      "In northern Chile, a long drought has killed crops.",
      /* a fight against an ill is a campaign; the common noun asked to
       * act is the subject of the infinitive; a noun before a name is its
       * title */
      "Britain said its new law will fight poverty.",
      "Chile said it wants more migrants to come to Peru.",
      "Chile said so after the death of British hostage Ken Bigley.",
      /* a noun modifying the noun after it names no event */
      "Britain said the plan would break EU asylum policy.",
      "Cuba said the men left the Cuba detention camp.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    td_doc *d = code(texts[i]);
    for (size_t k = 0; k < d->n_events; k++)
      if (strcmp(d->events[k].code, "010") != 0) {
        fprintf(stderr, "%s\n", texts[i]);
        dump(d);
        fail();
      }
    td_doc_free(d);
  }
  /* a bare noun opening a clause is its subject: no actor killed */
  {
    td_doc *f = code("Chile is poor because drought has killed crops.");
    if (find(f, "18")) dump(f);
    assert_null(find(f, "18"));
    td_doc_free(f);
  }
  /* "declined comment" declines to comment (011), rejects nothing. */
  td_doc *d = code("Blinken declined comment on the accord.");
  if (!find(d, "011") || find(d, "12")) dump(d);
  assert_non_null(find(d, "011"));
  assert_null(find(d, "12"));
  td_doc_free(d);
  /* A noun predicate takes its actor across a light verb ("issued"),
   * not across another verb ("fuelled ... pressure" above). */
  d = code("A court in Kenya has issued arrest warrants for two Ugandan men.");
  const td_event *w = find(d, "173");
  if (!w) dump(d);
  assert_non_null(w);
  assert_actor(w->source_code, "KEN");
  assert_actor(w->target_code, "UGA");
  td_doc_free(d);
  d = code("Tokyo resisted U.S. pressure on Japan.");
  w = find(d, "100");
  if (!w) dump(d);
  assert_non_null(w);
  assert_actor(w->source_code, "USA");
  td_doc_free(d);
  /* "who" stands for the name before it. */
  d = code(
      "Russia welcomed Ukrainian Foreign Minister Dmytro Kuleba, who "
      "criticized NATO.");
  const td_event *e = find(d, "111");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "UKR");
  td_doc_free(d);
}

/* Verbs in their business sense and business people code nothing: a
 * noun of markets and money as object, traders as speakers. */
static void business_senses(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Japan acted to support the dollar.",
      "Norway moved to prevent the krone falling, and Sweden will meet the "
      "price.",
      "West German trade sources said the offer was neutral.",
      "An Indian trade source told Reuters the deal was done.",
      /* the subject of an infinitive, back over auxiliaries and "to" */
      "Japan expects its trade surplus to decline this year.",
      "Japan hopes the dollar will continue to decline.",
      /* "concentrate" alone is no massing of forces */
      "Japan will concentrate on exports to Europe.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    td_doc *d = code(texts[i]);
    if (d->n_events) {
      fprintf(stderr, "%s\n", texts[i]);
      dump(d);
    }
    assert_int_equal(d->n_events, 0);
    td_doc_free(d);
  }
  /* A statement about money is still a statement, and declining to say
   * is declining comment, not a rejection. */
  td_doc *d = code("Japan said the budget deficit would grow.");
  if (!find(d, "010")) dump(d);
  assert_non_null(find(d, "010"));
  td_doc_free(d);
  d = code("Japan declined to say whether it would join.");
  if (!find(d, "011") || find(d, "12")) dump(d);
  assert_non_null(find(d, "011"));
  assert_null(find(d, "12"));
  td_doc_free(d);
  /* The political sense stays. */
  d = code("Japan will support Ukraine.");
  const td_event *e = find(d, "03");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->target_code, "UKR");
  td_doc_free(d);
}

/* Talks or a summit named in a prepositional phrase or opening the clause
 * are not the act of the clause's subject; inside their own phrase or
 * "between A and B" they keep their parties. */
static void talks_in_phrases(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Peru fears that the dispute will be passed to the summit in June.",
      "Chile sold more copper after the end of the producer talks.",
      "Bolivia says there is no negotiation on the border now.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    td_doc *d = code(texts[i]);
    if (find(d, "04")) {
      fprintf(stderr, "%s\n", texts[i]);
      dump(d);
    }
    assert_null(find(d, "04"));
    td_doc_free(d);
  }
  td_doc *d = code("Peru welcomed the Chile-Bolivia talks on water.");
  const td_event *e = find(d, "04");
  if (!e) dump(d);
  assert_non_null(e);
  td_doc_free(d);
  d = code("Ecuador left before the talks between Chile and Peru.");
  e = find(d, "04");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "CHL");
  td_doc_free(d);
  d = code("Chile and Peru held a meeting in Lima.");
  e = find(d, "04");
  if (!e) dump(d);
  assert_non_null(e);
  assert_true(strcmp(e->source_code, "CHL") == 0 ||
              strcmp(e->source_code, "PER") == 0);
  td_doc_free(d);
}

/* Who speaks at the end of a sentence: an unnamed noun phrase with noun
 * modifiers or a possessive name is still the speaker; an actor after an
 * inverted "said" closing the sentence is the speaker; "trade" before a
 * noun is no verb. */
static void speakers_and_modifiers(void **state) {
  (void)state;
  static const char *const no_chile[] = {
      "Chile will raise copper output next year, mining investment analysts "
      "said.",
      "Chile has cut its fishing quota, the industry weekly Lopez's Fish "
      "Report said.",
  };
  for (size_t i = 0; i < sizeof no_chile / sizeof no_chile[0]; i++) {
    td_doc *d = code(no_chile[i]);
    const td_event *e = find(d, "01");
    if (e && !strncmp(e->source_code, "CHL", 3)) {
      fprintf(stderr, "%s\n", no_chile[i]);
      dump(d);
      fail_msg("the unnamed speaker's statement given to Chile");
    }
    td_doc_free(d);
  }
  td_doc *d = code(
      "Prices in Bolivia will keep rising, said Chilean Foreign Minister "
      "Ana Soto.");
  const td_event *e = find(d, "01");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "CHL");
  td_doc_free(d);
  d = code("Chile, in a note, said Bolivia would close the border.");
  e = find(d, "01");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "CHL");
  td_doc_free(d);
  d = code("Chile ran a 2.1 billion dlr trade surplus with Peru last year.");
  if (find(d, "06")) dump(d);
  assert_null(find(d, "06"));
  td_doc_free(d);
  d = code("Chile will trade with Peru again.");
  e = find(d, "0311");
  if (!e) dump(d);
  assert_non_null(e);
  td_doc_free(d);
}

/* Events of sentence sent whose source starts with prefix. */
static size_t from_in(const td_doc *d, uint32_t sent, const char *prefix) {
  size_t n = 0;
  for (size_t i = 0; i < d->n_events; i++)
    if (d->events[i].sent == sent &&
        !strncmp(d->events[i].source_code, prefix, strlen(prefix)))
      n++;
  return n;
}

/* Code text and assert that n of the events of sentence sent have a source
 * code starting with prefix (the events are printed when not). */
static void expect_from(const char *text, uint32_t sent, const char *prefix,
                        size_t n) {
  td_doc *d = code(text);
  if (from_in(d, sent, prefix) != n) dump(d);
  assert_int_equal(from_in(d, sent, prefix), n);
  td_doc_free(d);
}

/* "they" stands for a plural or a body named in several words, not for a
 * country or a person; "it" is no person; a speaker no dictionary knows
 * takes the place of the actor a pronoun would reach back to. */
static void pronoun_number(void **state) {
  (void)state;
  td_doc *d = code("Japan raised its tariffs. They said the move was overdue.");
  if (from_in(d, 1, "JPN")) dump(d);
  assert_int_equal(from_in(d, 1, "JPN"), 0);
  td_doc_free(d);
  d = code("Antony Blinken spoke on Monday. It said the deal was off.");
  if (from_in(d, 1, "USA")) dump(d);
  assert_int_equal(from_in(d, 1, "USA"), 0);
  td_doc_free(d);
  d = code(
      "Chilean officials met the envoy of Peru. Gomez said the sale was "
      "done. They also denied the report.");
  if (from_in(d, 2, "CHL")) dump(d);
  assert_int_equal(from_in(d, 2, "CHL"), 0);
  td_doc_free(d);
  d = code(
      "Chilean officials met the envoy of Peru. They also denied the "
      "report.");
  if (!from_in(d, 1, "CHL")) dump(d);
  assert_int_equal(from_in(d, 1, "CHL"), 1);
  td_doc_free(d);
}

/* A statement by a name no dictionary knows is no statement of an actor
 * named further left, nor of a country inside a company's name; a name
 * after a coded title stays that actor's. */
static void unknown_speakers(void **state) {
  (void)state;
  td_doc *d = code(
      "Coastal Peru said it would sell two ships. Chile will build a dam, "
      "project spokesman Luis Arce said. The dam will be finished next "
      "year, Chilean Energy Minister Luis Arce said.");
  assert_int_equal(from_in(d, 0, "PER"), 0);
  assert_int_equal(from_in(d, 1, "CHL"), 0);
  assert_int_equal(from_in(d, 2, "CHL"), 1);
  td_doc_free(d);
  /* an auxiliary between the unknown name and its verb; a noun phrase
   * after "said" with a verb of its own is what was said, not who said
   * it, while an inverted subject with a nationality is the speaker */
  d = code(
      "Peru will sell two ships, Pedro Soto has said. Pedro Soto said "
      "Chile had a strong economy. \"We agree,\" said Chilean trade "
      "official Pedro Soto.");
  assert_int_equal(from_in(d, 0, "PER"), 0);
  assert_int_equal(from_in(d, 1, "CHL"), 0);
  assert_int_equal(from_in(d, 2, "CHL"), 1);
  td_doc_free(d);
  /* an unknown name after an inverted "says", or before a relative clause
   * that ends at the verb; a participle whose clause's subject is unknown
   * is not the statement of that clause's object */
  d = code(
      "Chile is heading the wrong way, says Howard. Jorge Soto, who "
      "backs a \"Chilean vision for Peru\", has said the vote is near. "
      "Ana Soto has criticised the Peruvian plan, saying it fails.");
  assert_int_equal(from_in(d, 0, "CHL"), 0);
  assert_int_equal(from_in(d, 1, "CHL"), 0);
  assert_int_equal(from_in(d, 2, "PER"), 0);
  td_doc_free(d);
  /* a relative clause with a verb of its own between the subject and its
   * verb is skipped; one without is the verb's own clause */
  d = code(
      "Chile, which met Peru on Friday, rejected the plan. The tax, "
      "which Peru has criticised, stays.");
  assert_int_equal(from_in(d, 0, "CHL"), 2);
  assert_int_equal(from_in(d, 1, "PER"), 1);
  td_doc_free(d);
  /* words quoted inside the relative clause do not stop the skip */
  d = code(
      "Chilean Foreign Minister Ana Soto, who argues the treaty reflected a "
      "\"Peruvian vision for Europe\" and gives \"national governments a "
      "stronger grip\", has "
      "said the vote could be held in spring.");
  if (from_in(d, 0, "PER")) dump(d);
  assert_int_equal(from_in(d, 0, "PER"), 0);
  assert_non_null(find(d, "010"));
  assert_actor(find(d, "010")->source_code, "CHLGOV");
  td_doc_free(d);
}

/* "no plans to", "no intention of": a plan denied is no threat or
 * attack asserted; "the intention of" is a plan. */
static void denied_plans(void **state) {
  (void)state;
  td_doc *d = code(
      "Moscow said it had no plans to invade Ukraine. Russia has "
      "no intention of attacking Ukraine.");
  for (size_t i = 0; i < d->n_events; i++) {
    const td_event *e = &d->events[i];
    if (e->code[0] == '1' && e->code[1] >= '3' &&
        !(e->flags & TD_EVF_NEGATED)) {
      dump(d);
      fail();
    }
  }
  td_doc_free(d);
  d = code("Russia has the intention of attacking Ukraine.");
  const td_event *e = find(d, "1");
  if (!e || e->code[1] != '3') dump(d);
  assert_non_null(e);
  assert_int_equal(e->code[1], '3'); /* a threat (13) */
  td_doc_free(d);
  /* "should not ignore" in reported speech is a demand, which an unknown
   * speaker makes for no actor; "should not have been" judges the past */
  d = code(
      "Pedro Soto said Chile should not ignore the rules. Peru said the "
      "row should not have been allowed to escalate.");
  if (find(d, "12") || find(d, "10")) dump(d);
  assert_null(find(d, "12"));
  assert_null(find(d, "10"));
  td_doc_free(d);
  /* "Mr Rios said he would meet Peru": not the pair named before; "The
   * U.S. Has said it": a capitalised "Has" is no unknown name */
  d = code(
      "Chilean Foreign Minister Dana Soto met Peru. Mr Rios said he "
      "would meet Peru again. The U.S. Has said it will impose tariffs "
      "on Chile.");
  if (from_in(d, 1, "CHL") || !find(d, "131")) dump(d);
  assert_int_equal(from_in(d, 1, "CHL"), 0);
  assert_non_null(find(d, "131"));
  td_doc_free(d);
  /* a verb coordinated with the one before shares its modal and its
   * subject; a past form after a common noun phrase is no actor's */
  d = code(
      "\"Chile should talk and withdraw its troops,\" Peru said. Chile "
      "will meet Peru and sign the deal. Peru said that the talks ended. "
      "Chile said it would not attack Peru and added that it wants peace.");
  e = find(d, "0874");
  if (e || !find(d, "1056") || from_in(d, 1, "PER")) dump(d);
  assert_null(e); /* no asserted withdrawal: Peru demands it */
  assert_non_null(find(d, "1056"));
  assert_int_equal(from_in(d, 1, "PER"), 0);
  /* "added" coordinates with "said", not with "attack": Peru says nothing */
  if (from_in(d, 3, "PER")) dump(d);
  assert_int_equal(from_in(d, 3, "PER"), 0);
  td_doc_free(d);
  /* "as well as" coordinates like "and" */
  d = code(
      "Chile must continue talks, as well as withdraw its troops from "
      "the border with Peru.");
  e = find(d, "0874");
  if (!e || !(e->flags & TD_EVF_HYPOTHETICAL)) dump(d);
  assert_non_null(e);
  assert_true(e->flags & TD_EVF_HYPOTHETICAL);
  td_doc_free(d);
  /* what someone would prefer an actor to do is hypothetical */
  d = code("Many in France would prefer Turkey to admit the killings.");
  e = find(d, "015");
  if (!e || !(e->flags & TD_EVF_HYPOTHETICAL)) dump(d);
  assert_true(e == NULL || (e->flags & TD_EVF_HYPOTHETICAL));
  td_doc_free(d);
}

/* A sport report's verbs of force are play: with a score or three words
 * of sport, "beat" and "attacked" code nothing; without, they do. */
static void sport_reports(void **state) {
  (void)state;
  td_doc *d = code("Spain beat Italy 2-0 in the cup match.");
  if (d->n_events) dump(d);
  assert_int_equal(d->n_events, 0);
  td_doc_free(d);
  d = code(
      "The Spanish striker attacked early. Italy's goalkeeper and "
      "defenders fought back in the tournament.");
  if (d->n_events) dump(d);
  assert_int_equal(d->n_events, 0);
  td_doc_free(d);
  d = code("Spain beat Italy's envoy. Spanish troops attacked Italy.");
  assert_non_null(find(d, "18"));
  td_doc_free(d);
}

/* Business and plain senses: a takeover or a share in per cent as the
 * object, a plural noun before "by", a welcome of no one, a treaty that
 * "calls for" something. */
static void more_word_senses(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Chile has allowed the indirect takeover of a Peruvian bank.",
      "Peru receives about 40 pct of the exports.",
      "Chile has capped budgetary requests by the ministries.",
      "Peru welcomed the end of the strike.",
      "The treaty calls for Peru to buy more wheat.",
      /* "allow" without an actor allowed is no yielding */
      "Peru will resume payments, allowing banks to recoup their losses.",
      /* weapons named are not weapons used; protecting reserves is no
       * military protection */
      "Chile read the dossier on Peru's weapons of mass destruction.",
      "Chile acted to protect its reserves.",
      /* a question asked is no appeal */
      "Chile asked: \"How can Peru fight crime?\"",
      "Asked about Peru by reporters, the official smiled.",
      /* an -s form right after a verb is its object, a noun */
      "Chile faced questions about Peru.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    td_doc *d = code(texts[i]);
    if (d->n_events) {
      fprintf(stderr, "%s\n", texts[i]);
      dump(d);
    }
    assert_int_equal(d->n_events, 0);
    td_doc_free(d);
  }
  td_doc *d = code("Peru welcomed the Chilean president.");
  const td_event *e = find(d, "043");
  if (!e) dump(d);
  assert_non_null(e);
  td_doc_free(d);
  d = code("Chile called Peru on Monday.");
  e = find(d, "041");
  if (!e) dump(d);
  assert_non_null(e);
  td_doc_free(d);
  /* "conducted repeated attacks": the attacks after an adjective are
   * still the act */
  d = code("Iran has conducted repeated attacks on Kuwait.");
  e = find(d, "180");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->target_code, "KWT");
  td_doc_free(d);
  d = code("Chile has allowed Peru to take the lead.");
  e = find(d, "080");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->target_code, "PER");
  td_doc_free(d);
}

/* The pronoun anchor: a sentence whose events found no actor still moves
 * it to its first actor, and "he" may be a role in the singular; an
 * unnamed speaker clears it; "who" is never the latest source. */
static void pronoun_anchor(void **state) {
  (void)state;
  expect_from(
      "The talks were led by Jan Nowak, a Polish deputy minister. He said "
      "the debt would be paid.",
      1, "POL", 1);
  expect_from(
      "The summary said the drought in Peru was severe. It said investment "
      "was weak.",
      1, "PER", 0);
  expect_from("Peru sent a note. Gomez, who spoke in Lima, declined to comment.",
              1, "PER", 0);
}

/* "he" is a person known by a title, even one that ends the chain of the
 * body it speaks for ("an Iraqi military spokesman"), never the body or
 * a broadcaster ("BBC Radio"). */
static void pronoun_titles(void **state) {
  (void)state;
  expect_from(
      "Iraqi warplanes hit a target, an Iraqi military spokesman said. He "
      "said the raid took place off the coast.",
      1, "IRQMIL", 1);
  expect_from(
      "\"Where do you go?\" he asked on BBC Radio. He warned that the police "
      "would suffer.",
      1, "GBRMED", 0);
}

/* "warned that" with nothing coded to threaten with is a pessimistic
 * comment (012), a threat with it ("warned that the police would crack
 * down"), and a threat when an actor is warned. */
static void warnings(void **state) {
  (void)state;
  td_doc *d = code("Sergei Lavrov warned that many firms could be crippled.");
  if (!find(d, "012") || find(d, "13")) dump(d);
  assert_non_null(find(d, "012"));
  assert_null(find(d, "13"));
  td_doc_free(d);
  d = code("Sergei Lavrov warned the United States on Monday.");
  if (!find(d, "13")) dump(d);
  assert_non_null(find(d, "13"));
  td_doc_free(d);
  d = code(
      "Russian police chief Ivan Petrov warned that the police would crack "
      "down on the protesters.");
  if (!find(d, "13")) dump(d);
  assert_non_null(find(d, "13"));
  td_doc_free(d);
}

/* A relative clause with a conjunction inside it is still skipped to
 * find the subject ("X, who spoke after Y called, has rejected"). */
static void relative_clauses(void **state) {
  (void)state;
  td_doc *d = code(
      "Sergei Lavrov, who spoke on Friday after Antony Blinken called, has "
      "rejected the offer.");
  const td_event *e = find(d, "12");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "RUS");
  td_doc_free(d);
  /* A known person with no role on the date is no actor, and is the
   * subject that keeps an actor further left from being one. */
  d = code_on(
      "Charles Clarke took on the post after David Blunkett quit.",
      "2005-03-03");
  if (find(d, "08")) dump(d);
  assert_null(find(d, "08"));
  td_doc_free(d);
  /* A name after its title in a prepositional phrase is no subject
   * either: the speaker is the one before the phrase. */
  d = code_on(
      "George Shultz, standing next to British Foreign Secretary Sir "
      "Geoffrey Howe, said the economy was strong.",
      "1987-10-20");
  const td_event *st = find(d, "010");
  if (!st || strncmp(st->source_code, "USA", 3) != 0) dump(d);
  assert_non_null(st);
  assert_actor(st->source_code, "USA");
  td_doc_free(d);
}

/* A money word inside a longer object is no business sense ("rejected
 * green rate changes"). */
static void titles_and_objects(void **state) {
  (void)state;
  td_doc *d = code("Chile has flatly rejected green rate changes.");
  const td_event *e = find(d, "12");
  if (!e) dump(d);
  assert_non_null(e);
  td_doc_free(d);
}

/* A verb whose past is its base ("hurt", "quit") is passive after "been";
 * a name before a noun of a matter is no agent ("by the Iraq
 * controversy"); such a form between a verb and a noun modifies it
 * ("dismisses quit claim report"); what a denied report says is negated,
 * but not a clause after a comma. */
static void matters_and_denied_reports(void **state) {
  (void)state;
  td_doc *d = code("Tony Blair had been hurt by Iraq, an aide said.");
  const td_event *e = find(d, "18");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "IRQ");
  assert_actor(e->target_code, "GBR");
  td_doc_free(d);
  d = code("Tony Blair had been hurt by the Iraq controversy, an aide said.");
  if (count(d, "18")) dump(d);
  assert_int_equal(count(d, "18"), 0);
  td_doc_free(d);
  d = code("Tony Blair dismisses quit claim report");
  if (count(d, "08")) dump(d);
  assert_int_equal(count(d, "08"), 0);
  td_doc_free(d);
  d = code("Tony Blair quit politics.");
  e = find(d, "08");
  if (!e) dump(d);
  assert_non_null(e);
  td_doc_free(d);
  d = code("Russia denied reports that its troops had shelled Kharkiv.");
  e = find(d, "19");
  if (!e) dump(d);
  assert_non_null(e);
  assert_true(e->flags & TD_EVF_NEGATED);
  td_doc_free(d);
  d = code("Russia shelled Kharkiv.");
  e = find(d, "19");
  assert_non_null(e);
  assert_false(e->flags & TD_EVF_NEGATED);
  td_doc_free(d);
  /* What "deny" denies is negated, a clause or a gerund; a verb
   * coordinated with the denial, or after "although", is not. */
  static const char *const denied[] = {
      "Russia denied that its troops had shelled Kharkiv.",
      "Russia denied its troops had shelled Kharkiv.",
      "Russia denied attacking Kharkiv."};
  for (size_t i = 0; i < sizeof denied / sizeof *denied; i++) {
    d = code(denied[i]);
    e = find(d, "19");
    if (!e) e = find(d, "18");
    if (!e || !(e->flags & TD_EVF_NEGATED)) dump(d);
    assert_non_null(e);
    assert_true(e->flags & TD_EVF_NEGATED);
    td_doc_free(d);
  }
  d = code("Russia denied the charges and attacked Kharkiv.");
  e = find(d, "18");
  if (!e || (e->flags & TD_EVF_NEGATED)) dump(d);
  assert_non_null(e);
  assert_false(e->flags & TD_EVF_NEGATED);
  td_doc_free(d);
  d = code("The United States denied the claims, saying it condemned torture.");
  e = find(d, "111");
  if (!e) dump(d);
  assert_non_null(e);
  assert_false(e->flags & TD_EVF_NEGATED);
  td_doc_free(d);
}

/* "attacked the Tory plans", "an attack on its policies" are criticism,
 * "attacked Ukrainian positions" force; a gap does not cross "but". */
static void verbal_attacks(void **state) {
  (void)state;
  td_doc *d = code("Sergei Lavrov attacked the six new pledges of NATO.");
  if (!find(d, "111") || count(d, "18")) dump(d);
  assert_non_null(find(d, "111"));
  assert_int_equal(count(d, "18"), 0);
  td_doc_free(d);
  d = code("Tony Blair attacked the Conservative plans for pensions.");
  if (!find(d, "111") || count(d, "18")) dump(d);
  assert_non_null(find(d, "111"));
  assert_int_equal(count(d, "18"), 0);
  td_doc_free(d);
  d = code("Sergei Lavrov launched an attack on the policy of NATO.");
  if (!find(d, "111") || count(d, "19")) dump(d);
  assert_non_null(find(d, "111"));
  assert_int_equal(count(d, "19"), 0);
  td_doc_free(d);
  d = code("Russian troops attacked Ukrainian positions near Kharkiv.");
  if (!find(d, "19")) dump(d);
  assert_non_null(find(d, "19"));
  td_doc_free(d);
  d = code(
      "Biden has decided on a response to the Iran attack but would not say "
      "what the decision was.");
  if (count(d, "111")) dump(d);
  assert_int_equal(count(d, "111"), 0);
  td_doc_free(d);
}

/* A battle, war or clash in an arena that is no battlefield is no
 * fighting; neither is fighting against cuts. */
static void arenas(void **state) {
  (void)state;
  static const char *const none[] = {
      "Sergei Lavrov won the first round of a High Court battle with Antony "
      "Blinken.",
      "Japan waged a trade war with the United States.",
      "Boris Johnson and Emmanuel Macron tax pledge clash",
      "Ukraine has done a superb job in fighting against defence cuts.",
      "Britain will fight the Aids epidemic.",
      "Britain will fight terrorism.",
      "Sergei Lavrov criticised the Kremlin for failing to address the "
      "\"ticking bomb\" of pension reform."};
  for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
    td_doc *d = code(none[i]);
    if (count(d, "19") || count(d, "18") || count(d, "138")) dump(d);
    assert_int_equal(count(d, "19"), 0);
    assert_int_equal(count(d, "18"), 0);
    assert_int_equal(count(d, "138"), 0);
    td_doc_free(d);
  }
  td_doc *d = code("Japan waged a war with the United States.");
  if (!find(d, "19")) dump(d);
  assert_non_null(find(d, "19"));
  td_doc_free(d);
}

/* What an accusation tells is alleged: hypothetical, not asserted. */
static void accusations(void **state) {
  (void)state;
  static const char *const alleged[] = {
      "Ukraine blamed Russia for attacking its positions.",
      "Sergei Lavrov alleged that Ukraine had attacked the separatists.",
      "Ukraine accused Russia of breaking the truce by shelling its "
      "positions."};
  for (size_t i = 0; i < sizeof alleged / sizeof *alleged; i++) {
    td_doc *d = code(alleged[i]);
    const td_event *e = find(d, "18");
    if (!e) e = find(d, "19");
    if (!e || !(e->flags & TD_EVF_HYPOTHETICAL)) dump(d);
    assert_non_null(e);
    assert_true(e->flags & TD_EVF_HYPOTHETICAL);
    assert_non_null(find(d, "112"));
    td_doc_free(d);
  }
  /* A hedging adverb makes the event hypothetical, also in a reduced
   * passive. */
  static const char *const hedged[] = {
      "Russian troops allegedly shelled Kharkiv.",
      "A civilian allegedly killed by Russian troops was buried on Sunday."};
  for (size_t i = 0; i < sizeof hedged / sizeof *hedged; i++) {
    td_doc *d = code(hedged[i]);
    const td_event *e = find(d, "18");
    if (!e) e = find(d, "19");
    if (!e || !(e->flags & TD_EVF_HYPOTHETICAL)) dump(d);
    assert_non_null(e);
    assert_actor(e->source_code, "RUSMIL");
    assert_true(e->flags & TD_EVF_HYPOTHETICAL);
    td_doc_free(d);
  }
  /* The accusation itself is asserted, and a sentence after it is not in
   * what it tells. */
  td_doc *d = code("Ukraine blamed Russia. Russia attacked its positions.");
  const td_event *e = find(d, "112");
  assert_non_null(e);
  assert_false(e->flags & TD_EVF_HYPOTHETICAL);
  e = find(d, "1");
  for (size_t i = 0; i < d->n_events; i++)
    if (d->events[i].code[0] == '1' &&
        (d->events[i].code[1] == '8' || d->events[i].code[1] == '9'))
      e = &d->events[i];
  assert_false(e->flags & TD_EVF_HYPOTHETICAL);
  td_doc_free(d);
}

/* A country right before a nominal predicate is its actor, also inside a
 * prepositional phrase, and a base form between it and a preposition is
 * that noun ("on the U.S. attack on Iran"); a seat of government there is
 * where it happened ("the Madrid bombing"); a plural subject keeps its
 * verb ("the Soviets argue that"). */
static void nominal_modifiers(void **state) {
  (void)state;
  td_doc *d = code(
      "The European Union will not comment on the U.S. attack on Iran.");
  const td_event *e = find(d, "18");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "USA");
  assert_actor(e->target_code, "IRN");
  td_doc_free(d);
  d = code("Ukraine recalled the Madrid bombing of 2004.");
  for (size_t i = 0; i < d->n_events; i++)
    if (d->events[i].code[0] == '1' && d->events[i].code[1] == '8')
      assert_false(strncmp(d->events[i].source_code, "ESP", 3) == 0);
  td_doc_free(d);
  d = code("The Soviets argue that they are the best customer.");
  e = find(d, "01");
  if (!e) dump(d);
  assert_non_null(e);
  assert_actor(e->source_code, "RUS");
  td_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(active_voice),
      cmocka_unit_test(passive_voice),
      cmocka_unit_test(several_targets),
      cmocka_unit_test(symmetric_talks),
      cmocka_unit_test(reported_speech),
      cmocka_unit_test(negation_and_refusal),
      cmocka_unit_test(did_not_rule_out),
      cmocka_unit_test(planned),
      cmocka_unit_test(hypothetical),
      cmocka_unit_test(quotation_speaker),
      cmocka_unit_test(place),
      cmocka_unit_test(dating),
      cmocka_unit_test(frames),
      cmocka_unit_test(demand_by_speaker),
      cmocka_unit_test(conditional_threat),
      cmocka_unit_test(symmetric_without_actors),
      cmocka_unit_test(symmetric_partner),
      cmocka_unit_test(present_perfect_date),
      cmocka_unit_test(statement_dates),
      cmocka_unit_test(precision_rules),
      cmocka_unit_test(pronoun_reach),
      cmocka_unit_test(verb_dictionary),
      cmocka_unit_test(modality_names),
      cmocka_unit_test(empty_and_odd_input),
      cmocka_unit_test(meeting_place_not_target),
      cmocka_unit_test(group_meeting_no_target),
      cmocka_unit_test(pair_reference),
      cmocka_unit_test(coordinated_parties),
      cmocka_unit_test(relative_clause_time),
      cmocka_unit_test(business_news),
      cmocka_unit_test(topics_are_no_events),
      cmocka_unit_test(speaker_attribution),
      cmocka_unit_test(word_senses),
      cmocka_unit_test(business_senses),
      cmocka_unit_test(talks_in_phrases),
      cmocka_unit_test(speakers_and_modifiers),
      cmocka_unit_test(pronoun_number),
      cmocka_unit_test(unknown_speakers),
      cmocka_unit_test(more_word_senses),
      cmocka_unit_test(sport_reports),
      cmocka_unit_test(denied_plans),
      cmocka_unit_test(pronoun_anchor),
      cmocka_unit_test(titles_and_objects),
      cmocka_unit_test(pronoun_titles),
      cmocka_unit_test(relative_clauses),
      cmocka_unit_test(warnings),
      cmocka_unit_test(matters_and_denied_reports),
      cmocka_unit_test(verbal_attacks),
      cmocka_unit_test(arenas),
      cmocka_unit_test(accusations),
      cmocka_unit_test(nominal_modifiers),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
