/*
 * sample_events.c - a deterministic sample of coded events for judging
 * the event coder's precision by hand (real news has no gold here).
 *
 *   sample_events [-n N] [--judged FILE] [--quiet] [EVENTS.jsonl|-]
 *
 * Reads the JSON Lines of `tidings annotate` (default: standard input).
 * Each event gets a key: the 64-bit xxHash of its article, sentence start,
 * predicate start, code, source and target, printed as 16 hex digits. The
 * sample is the N events with the smallest keys (default 100): the same
 * input gives the same sample, and an event the coder still finds after a
 * change keeps its key and its place, so judgments carry over and only
 * the events a change adds or alters need judging again.
 *
 * Each sampled event prints as
 *   KEY  doc DATE  SOURCE(source text) CODE name -> TARGET(target text)
 *        [modality] predicate
 *        the sentence, on one line
 * and, with --judged FILE, the judgment found for its key. FILE holds
 * lines "KEY<TAB>y|n<TAB>category<TAB>note" ('#' comments; category and
 * note may be empty): y for a correct event (right actors, right
 * direction, right root), n for a wrong one with the error class. The
 * summary then gives precision over the judged events of the sample, the
 * count per error class, and how many sampled events have no judgment.
 * --quiet prints the summary only.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct ev {
  uint64_t key;
  json_t *j;
} ev;

typedef struct judgment {
  uint64_t key;
  char ok;
  char cat[48];
} judgment;

static const char *str(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static long num(json_t *o, const char *k) {
  return (long)json_integer_value(json_object_get(o, k));
}

static int cmp_ev(const void *a, const void *b) {
  const ev *x = a, *y = b;
  return x->key < y->key ? -1 : x->key > y->key;
}

static uint64_t event_key(json_t *j) {
  char buf[512];
  int n = snprintf(buf, sizeof buf, "%s\t%ld\t%ld\t%s\t%s\t%s", str(j, "doc"),
                   num(j, "sent_start"), num(j, "start"), str(j, "code"),
                   str(j, "source"), str(j, "target"));
  if (n < 0) n = 0;
  if ((size_t)n >= sizeof buf) n = (int)sizeof buf - 1;
  return XXH64(buf, (size_t)n, 0);
}

/* The sentence on one line: runs of white space as one space. */
static void print_flat(const char *s) {
  int sp = 0;
  for (; *s; s++) {
    if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
      sp = 1;
      continue;
    }
    if (sp) putchar(' ');
    sp = 0;
    putchar(*s);
  }
}

static judgment *read_judged(const char *path, size_t *n) {
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  judgment *a = NULL;
  size_t cap = 0;
  *n = 0;
  char line[1024];
  long ln = 0;
  while (fgets(line, sizeof line, f)) {
    ln++;
    if (line[0] == '#' || line[0] == '\n') continue;
    char *tab = strchr(line, '\t');
    if (tab == NULL || tab - line != 16 || (tab[1] != 'y' && tab[1] != 'n')) {
      fprintf(stderr, "%s:%ld: expected KEY<TAB>y|n[<TAB>category]\n", path,
              ln);
      continue;
    }
    if (*n == cap) {
      cap = cap ? cap * 2 : 128;
      a = realloc(a, cap * sizeof *a);
      if (a == NULL) abort();
    }
    judgment *j = &a[(*n)++];
    memset(j, 0, sizeof *j);
    j->key = strtoull(line, NULL, 16);
    j->ok = tab[1];
    char *cat = strchr(tab + 1, '\t');
    if (cat) {
      cat++;
      size_t k = 0;
      while (cat[k] && cat[k] != '\t' && cat[k] != '\n' &&
             k + 1 < sizeof j->cat) {
        j->cat[k] = cat[k];
        k++;
      }
    }
  }
  fclose(f);
  return a;
}

int main(int argc, char **argv) {
  long want = 100;
  const char *judged = NULL, *in = "-";
  int quiet = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
      want = atol(argv[++i]);
    else if (strcmp(argv[i], "--judged") == 0 && i + 1 < argc)
      judged = argv[++i];
    else if (strcmp(argv[i], "--quiet") == 0)
      quiet = 1;
    else if (argv[i][0] == '-' && argv[i][1])
      return fprintf(stderr,
                     "usage: sample_events [-n N] [--judged FILE] [--quiet] "
                     "[EVENTS.jsonl|-]\n"),
             2;
    else
      in = argv[i];
  }
  FILE *f = strcmp(in, "-") == 0 ? stdin : fopen(in, "r");
  if (f == NULL) {
    perror(in);
    return 2;
  }
  ev *evs = NULL;
  size_t n = 0, cap = 0;
  char *line = NULL;
  size_t lcap = 0;
  long ln = 0;
  while (getline(&line, &lcap, f) > 0) {
    ln++;
    json_error_t e;
    json_t *j = json_loads(line, 0, &e);
    if (j == NULL) {
      fprintf(stderr, "%s:%ld: %s\n", in, ln, e.text);
      continue;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 1024;
      evs = realloc(evs, cap * sizeof *evs);
      if (evs == NULL) abort();
    }
    evs[n].key = event_key(j);
    evs[n].j = j;
    n++;
  }
  free(line);
  if (f != stdin) fclose(f);
  if (n > 1) qsort(evs, n, sizeof *evs, cmp_ev);
  size_t nj = 0;
  judgment *js = judged ? read_judged(judged, &nj) : NULL;
  size_t take = (size_t)(want < 0 ? 0 : want);
  if (take > n) take = n;
  long ok = 0, bad = 0, unjudged = 0;
  struct {
    char cat[48];
    long n;
  } cats[64];
  size_t ncat = 0;
  for (size_t i = 0; i < take; i++) {
    json_t *j = evs[i].j;
    const judgment *jd = NULL;
    for (size_t k = 0; k < nj && !jd; k++)
      if (js[k].key == evs[i].key) jd = &js[k];
    if (jd && jd->ok == 'y') ok++;
    if (jd && jd->ok == 'n') {
      bad++;
      const char *c = jd->cat[0] ? jd->cat : "unclassified";
      size_t k = 0;
      while (k < ncat && strcmp(cats[k].cat, c) != 0) k++;
      if (k == ncat && ncat < 64) {
        snprintf(cats[ncat].cat, sizeof cats[ncat].cat, "%s", c);
        cats[ncat++].n = 0;
      }
      if (k < ncat) cats[k].n++;
    }
    if (judged && !jd) unjudged++;
    if (quiet) continue;
    printf("%016llx  doc %s %s  %s(%s) %s %s -> %s(%s)  [%s] %s",
           (unsigned long long)evs[i].key, str(j, "doc"), str(j, "date"),
           str(j, "source"), str(j, "source_text"), str(j, "code"),
           str(j, "name"), str(j, "target"), str(j, "target_text"),
           str(j, "modality"), str(j, "predicate"));
    if (judged)
      printf("  JUDGED: %s %s", jd ? (jd->ok == 'y' ? "y" : "n") : "?",
             jd ? jd->cat : "");
    printf("\n    ");
    print_flat(str(j, "sentence"));
    printf("\n");
  }
  printf("events: %zu, sampled: %zu\n", n, take);
  if (judged) {
    printf("judged: %ld correct, %ld wrong, %ld not judged", ok, bad, unjudged);
    if (ok + bad) printf("; precision %.3f", (double)ok / (double)(ok + bad));
    printf("\n");
    for (size_t k = 0; k < ncat; k++)
      printf("  %-28s %ld\n", cats[k].cat, cats[k].n);
  }
  for (size_t i = 0; i < n; i++) json_decref(evs[i].j);
  free(evs);
  free(js);
  return 0;
}
