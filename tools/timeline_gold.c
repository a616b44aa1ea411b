/*
 * timeline_gold.c - score a timeline (tidings timeline --format jsonl)
 * against a gold timeline such as seeds/gold/timeline.jsonl, read in place.
 *
 * Usage: timeline_gold GOLD.jsonl TIMELINE.jsonl [FORBIDDEN_DATE]...
 *
 * A gold row gives acceptable dates, extended regular expressions over the
 * source and target actor codes (a symmetric row may match either way
 * round), acceptable two-digit roots, the articles that report the event
 * and min_docs. It is found when one timeline entry has an acceptable date,
 * matching actors and root, and cites at least min_docs of the listed
 * articles. It is split when two entries of the same date, the same root
 * and the same actors (either order for a symmetric row) both match it
 * and cite a listed article: the same event counted twice. (Entries on two
 * of the acceptable dates are not a split: a row whose articles must agree
 * on the date says so with min_docs.) An entry dated one of the
 * forbidden dates is an error. Prints one line per gold row and a summary;
 * exit 0 when every row is found, none is split and no date is forbidden.
 */
#include <jansson.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *read_jsonl(const char *path) {
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  json_t *all = json_array();
  char *line = NULL;
  size_t cap = 0;
  long n = 0;
  while (getline(&line, &cap, f) > 0) {
    n++;
    if (line[0] == '\n' || line[0] == '#') continue;
    json_error_t e;
    json_t *j = json_loads(line, 0, &e);
    if (j == NULL) {
      fprintf(stderr, "%s:%ld: %s\n", path, n, e.text);
      exit(2);
    }
    json_array_append_new(all, j);
  }
  free(line);
  fclose(f);
  return all;
}

static const char *str(json_t *o, const char *key) {
  const char *s = json_string_value(json_object_get(o, key));
  return s ? s : "";
}

static bool in_array(json_t *arr, const char *s) {
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) {
    const char *x = json_string_value(v);
    if (x && strcmp(x, s) == 0) return true;
  }
  return false;
}

static bool re_match(const char *re, const char *s) {
  regex_t r;
  if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB) != 0) {
    fprintf(stderr, "bad regular expression: %s\n", re);
    exit(2);
  }
  bool m = regexec(&r, s, 0, NULL, 0) == 0;
  regfree(&r);
  return m;
}

/* Whether entry e matches gold row g by date, actors and root; *swapped
 * says whether it matched the other way round. */
static bool matches(json_t *g, json_t *e, bool *swapped) {
  if (!in_array(json_object_get(g, "dates"), str(e, "date"))) return false;
  if (!in_array(json_object_get(g, "roots"), str(e, "root"))) return false;
  const char *gs = str(g, "source"), *gt = str(g, "target");
  const char *es = str(e, "source"), *et = str(e, "target");
  *swapped = false;
  if (re_match(gs, es) && re_match(gt, et)) return true;
  if (json_is_true(json_object_get(g, "symmetric")) && re_match(gs, et) &&
      re_match(gt, es)) {
    *swapped = true;
    return true;
  }
  return false;
}

static long cited(json_t *g, json_t *e) {
  long n = 0;
  size_t i;
  json_t *d;
  json_array_foreach(json_object_get(g, "docs"), i, d) {
    if (in_array(json_object_get(e, "docs"), json_string_value(d))) n++;
  }
  return n;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr,
            "usage: timeline_gold GOLD.jsonl TIMELINE.jsonl [DATE]...\n");
    return 2;
  }
  json_t *gold = read_jsonl(argv[1]), *tl = read_jsonl(argv[2]);
  size_t gi, ei, ej;
  json_t *g, *e, *e2;
  long found = 0, split = 0, forbidden = 0;
  json_array_foreach(gold, gi, g) {
    long min_docs = (long)json_integer_value(json_object_get(g, "min_docs"));
    long best = 0;
    const char *best_date = "";
    bool is_split = false;
    json_array_foreach(tl, ei, e) {
      bool sw;
      if (!matches(g, e, &sw)) continue;
      long c = cited(g, e);
      if (c > best) {
        best = c;
        best_date = str(e, "date");
      }
      if (c == 0) continue;
      /* Another entry, same date, root and actors, also citing it. */
      json_array_foreach(tl, ej, e2) {
        bool sw2;
        if (ej <= ei || !matches(g, e2, &sw2) || cited(g, e2) == 0) continue;
        if (strcmp(str(e, "root"), str(e2, "root")) != 0 ||
            strcmp(str(e, "date"), str(e2, "date")) != 0)
          continue;
        const char *s1 = str(e, sw ? "target" : "source");
        const char *t1 = str(e, sw ? "source" : "target");
        const char *s2 = str(e2, sw2 ? "target" : "source");
        const char *t2 = str(e2, sw2 ? "source" : "target");
        if (strcmp(s1, s2) == 0 && strcmp(t1, t2) == 0) is_split = true;
      }
    }
    bool ok = best >= min_docs && min_docs > 0;
    found += ok;
    split += is_split;
    printf("%s %s: %s (%ld of %ld articles needed in one entry%s%s)%s\n",
           ok ? "found" : "MISSING", str(g, "id"), str(g, "what"), best,
           min_docs, best ? ", dated " : "", best_date,
           is_split ? " SPLIT" : "");
  }
  json_array_foreach(tl, ei, e) {
    for (int i = 3; i < argc; i++)
      if (strcmp(str(e, "date"), argv[i]) == 0) {
        printf("FORBIDDEN entry dated %s: %s %s -> %s\n", argv[i],
               str(e, "code"), str(e, "source"), str(e, "target"));
        forbidden++;
      }
  }
  size_t n = json_array_size(gold);
  printf(
      "timeline_gold: %ld of %zu gold events found, %ld split, %ld "
      "entries on forbidden dates, %zu entries\n",
      found, n, split, forbidden, json_array_size(tl));
  json_decref(gold);
  json_decref(tl);
  return (size_t)found == n && split == 0 && forbidden == 0 ? 0 : 1;
}
