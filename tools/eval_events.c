/*
 * eval_events.c - accuracy of the event coder against gold sentences read
 * in place (never copied): the CAMEO manual's example sentences (one code
 * each) and the PETRARCH validation sentences (fictional actors, expected
 * SRC|TGT|CODE triples).
 *
 *   eval_events cameo FILE [-v]
 *       FILE: code<TAB>name<TAB>sentence. Each sentence is coded alone
 *       (sources need not be known); its main event is the first event
 *       whose code is not the bare statement 010, else the first event.
 *       Prints the share with the right root and with the exact code.
 *   eval_events petrarch FILE [--dict DICT]... [--verbs VERBS]... [-v]
 *       FILE: id<TAB>date<TAB>category<TAB>expected<TAB>text, expected as
 *       SRC|TGT|CODE;... or NONE. Prints how many sentences are coded
 *       exactly right (same set of triples), event precision and recall,
 *       and the same at root level and for codes alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static td_doc *make_doc(const char *id, const char *text, const char *date) {
  td_doc *d = td_doc_new();
  td_doc_set_str(&d->id, id);
  td_doc_set_str(&d->origin, "eval");
  d->line = 1;
  td_doc_set_raw(d, text, strlen(text));
  if (date && strlen(date) == 8) {
    char iso[16];
    snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
    td_date_parse_iso(iso, &d->meta_date);
  }
  return d;
}

static void annotate(td_doc *d, td_actor_kb *kb, const td_lexicon *lx) {
  if (td_doc_prepare(d, NULL) != 0) return;
  td_batch_resolve_dates(&d, 1);
  td_timex_tag(d);
  td_actors_resolve(d, kb);
  td_events_extract_opts(d, lx, TD_EVX_KEEP_UNRESOLVED);
}

static char *split_tab(char **p) {
  char *s = *p;
  if (s == NULL) return NULL;
  char *t = strchr(s, '\t');
  if (t) {
    *t = '\0';
    *p = t + 1;
  } else {
    *p = NULL;
  }
  return s;
}

static void chomp(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

static int eval_cameo(const char *path, td_actor_kb *kb, const td_lexicon *lx,
                      int verbose) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "%s: cannot open\n", path);
    return 1;
  }
  char *line = NULL;
  size_t cap = 0;
  long ln = 0;
  int n = 0, root_ok = 0, code_ok = 0, any_root = 0, none = 0;
  while (getline(&line, &cap, f) > 0) {
    ln++;
    chomp(line);
    if (ln == 1 && strncmp(line, "code\t", 5) == 0) continue;
    char *p = line;
    char *code = split_tab(&p), *name = split_tab(&p), *text = split_tab(&p);
    if (!code || !name || !text || !*text) continue;
    td_doc *d = make_doc(code, text, NULL);
    annotate(d, kb, lx);
    const td_event *best = NULL;
    for (size_t i = 0; i < d->n_events; i++)
      if (strcmp(d->events[i].code, "010") != 0) {
        best = &d->events[i];
        break;
      }
    if (!best && d->n_events) best = &d->events[0];
    for (size_t i = 0; i < d->n_events; i++)
      if (strncmp(d->events[i].code, code, 2) == 0) {
        any_root++;
        break;
      }
    n++;
    const char *got = best ? best->code : "-";
    int r = best && strncmp(got, code, 2) == 0;
    int c = best && strcmp(got, code) == 0;
    root_ok += r;
    code_ok += c;
    none += best == NULL;
    if (verbose && !c)
      printf("%s\t%s\t%s\t%.100s\n", r ? "ROOT" : "MISS", code, got, text);
    td_doc_free(d);
  }
  free(line);
  fclose(f);
  printf("cameo examples: %d sentences\n", n);
  printf("  root right:  %d (%.3f; target >= 0.85)\n", root_ok,
         n ? (double)root_ok / n : 0);
  printf("  exact code:  %d (%.3f; target >= 0.65)\n", code_ok,
         n ? (double)code_ok / n : 0);
  printf("  any event with the right root: %d (%.3f); no event: %d\n", any_root,
         n ? (double)any_root / n : 0, none);
  return 0;
}

/* Expected or coded triples of one sentence. */
typedef struct triple {
  char src[32], tgt[32], code[8];
} triple;

static int parse_expected(char *s, triple *out, int max) {
  if (strcmp(s, "NONE") == 0 || *s == '\0') return 0;
  int n = 0;
  char *save = NULL;
  for (char *t = strtok_r(s, ";", &save); t && n < max;
       t = strtok_r(NULL, ";", &save)) {
    char *a = t, *b = strchr(a, '|');
    if (!b) continue;
    *b++ = '\0';
    char *c = strchr(b, '|');
    if (!c) continue;
    *c++ = '\0';
    snprintf(out[n].src, sizeof out[n].src, "%s", a);
    snprintf(out[n].tgt, sizeof out[n].tgt, "%s", b);
    snprintf(out[n].code, sizeof out[n].code, "%s", c);
    n++;
  }
  return n;
}

/* PETRARCH writes a missing target as "---" and leaves codes as given. */
static int same_actor_code(const char *gold, const char *got) {
  if (strcmp(gold, "---") == 0 || *gold == '\0') return *got == '\0';
  return strcmp(gold, got) == 0;
}

static int eval_petrarch(const char *path, td_actor_kb *kb,
                         const td_lexicon *lx, int verbose) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "%s: cannot open\n", path);
    return 1;
  }
  char *line = NULL;
  size_t cap = 0;
  long ln = 0;
  int sentences = 0, exact = 0, codes_exact = 0, pairs_exact = 0;
  int gold_n = 0, got_n = 0, tp = 0, tp_root = 0, tp_code = 0, tp_pair = 0;
  while (getline(&line, &cap, f) > 0) {
    ln++;
    chomp(line);
    if (ln == 1 && strncmp(line, "id\t", 3) == 0) continue;
    char *p = line;
    char *id = split_tab(&p), *date = split_tab(&p), *cat = split_tab(&p),
         *exp = split_tab(&p), *text = split_tab(&p);
    if (!id || !date || !cat || !exp || !text) continue;
    triple gold[32], got[64];
    int ng = parse_expected(exp, gold, 32), nt = 0;
    td_doc *d = make_doc(id, text, date);
    annotate(d, kb, lx);
    for (size_t i = 0; i < d->n_events && nt < 64; i++) {
      const td_event *e = &d->events[i];
      if (e->flags & (TD_EVF_NEGATED | TD_EVF_HYPOTHETICAL)) continue;
      if (e->source < 0) continue;
      triple t;
      snprintf(t.src, sizeof t.src, "%s", e->source_code);
      snprintf(t.tgt, sizeof t.tgt, "%s", e->target_code);
      snprintf(t.code, sizeof t.code, "%s", e->code);
      int dup = 0;
      for (int k = 0; k < nt; k++)
        if (!strcmp(got[k].src, t.src) && !strcmp(got[k].tgt, t.tgt) &&
            !strcmp(got[k].code, t.code))
          dup = 1;
      if (!dup) got[nt++] = t;
    }
    int used[64] = {0}, match = 0, mroot = 0, mcode = 0, mpair = 0;
    for (int g = 0; g < ng; g++) {
      for (int k = 0; k < nt; k++)
        if (!used[k] && same_actor_code(gold[g].src, got[k].src) &&
            same_actor_code(gold[g].tgt, got[k].tgt) &&
            strcmp(gold[g].code, got[k].code) == 0) {
          used[k] = 1;
          match++;
          break;
        }
      for (int k = 0; k < nt; k++)
        if (same_actor_code(gold[g].src, got[k].src) &&
            same_actor_code(gold[g].tgt, got[k].tgt) &&
            strncmp(gold[g].code, got[k].code, 2) == 0) {
          mroot++;
          break;
        }
      for (int k = 0; k < nt; k++)
        if (same_actor_code(gold[g].src, got[k].src) &&
            same_actor_code(gold[g].tgt, got[k].tgt)) {
          mpair++;
          break;
        }
      for (size_t k = 0; k < d->n_events; k++)
        if (strcmp(gold[g].code, d->events[k].code) == 0) {
          mcode++;
          break;
        }
    }
    sentences++;
    gold_n += ng;
    got_n += nt;
    tp += match;
    tp_root += mroot;
    tp_code += mcode;
    tp_pair += mpair;
    int ok = match == ng && nt == ng;
    exact += ok;
    /* The same set of source-target pairs, codes aside: the suite's codes
     * come from its own WEIS-based test verb dictionary. */
    {
      int pair_ok = 1;
      for (int g = 0; g < ng && pair_ok; g++) {
        int f = 0;
        for (int k = 0; k < nt && !f; k++)
          f = same_actor_code(gold[g].src, got[k].src) &&
              same_actor_code(gold[g].tgt, got[k].tgt);
        pair_ok = f;
      }
      for (int k = 0; k < nt && pair_ok; k++) {
        int f = 0;
        for (int g = 0; g < ng && !f; g++)
          f = same_actor_code(gold[g].src, got[k].src) &&
              same_actor_code(gold[g].tgt, got[k].tgt);
        pair_ok = f;
      }
      pairs_exact += pair_ok;
    }
    codes_exact += mcode == ng;
    if (verbose && !ok) {
      printf("%s\tgold=", id);
      for (int g = 0; g < ng; g++)
        printf("%s|%s|%s;", gold[g].src, gold[g].tgt, gold[g].code);
      printf("\tgot=");
      for (int k = 0; k < nt; k++)
        printf("%s|%s|%s;", got[k].src, got[k].tgt, got[k].code);
      printf("\t%.120s\n", text);
    }
    td_doc_free(d);
  }
  free(line);
  fclose(f);
  double pr = got_n ? (double)tp / got_n : 0,
         rc = gold_n ? (double)tp / gold_n : 0;
  printf("petrarch validation: %d sentences, %d gold events\n", sentences,
         gold_n);
  printf("  sentences coded exactly right: %d (%.3f)\n", exact,
         sentences ? (double)exact / sentences : 0);
  printf(
      "  sentences with exactly the gold source-target pairs (codes aside): "
      "%d (%.3f)\n",
      pairs_exact, sentences ? (double)pairs_exact / sentences : 0);
  printf("  events: %d coded, %d right: precision %.3f recall %.3f F1 %.3f\n",
         got_n, tp, pr, rc, pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0);
  printf("  gold events matched at root level (actors right): %d (%.3f)\n",
         tp_root, gold_n ? (double)tp_root / gold_n : 0);
  printf(
      "  gold events whose source and target were coded (any code): %d "
      "(%.3f)\n",
      tp_pair, gold_n ? (double)tp_pair / gold_n : 0);
  printf(
      "  (the suite's codes come from its own test verb dictionary, a "
      "KEDS/WEIS-based file that is not CAMEO; without it no exact match "
      "is expected)\n");
  printf("  gold event codes found regardless of actors: %d (%.3f)\n", tp_code,
         gold_n ? (double)tp_code / gold_n : 0);
  printf("  sentences whose gold codes were all found: %d\n", codes_exact);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr,
            "usage: eval_events cameo|petrarch FILE [--dict DICT]... [-v]\n");
    return 2;
  }
  int verbose = 0;
  td_error err = {0};
  td_actor_kb *kb = NULL;
  td_lexicon *lx = NULL;
  if (td_actor_kb_open(NULL, &kb, NULL, &err) != 0 ||
      td_lexicon_open(NULL, &lx, NULL, &err) != 0) {
    fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
    return 1;
  }
  for (int i = 3; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0) {
      verbose = 1;
    } else if (strcmp(argv[i], "--verbs") == 0 && i + 1 < argc) {
      size_t n = 0;
      if (td_lexicon_load_verbs(lx, argv[++i], NULL, &n, &err) != 0)
        fprintf(stderr, "%s: %s\n", argv[i], err.msg);
      else
        printf("verb dictionary %s: %zu patterns\n", argv[i], n);
    } else if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) {
      size_t n = 0;
      if (td_actor_kb_load_dict(kb, argv[++i], NULL, &n, &err) != 0)
        fprintf(stderr, "%s: %s\n", argv[i], err.msg);
      else
        printf("dictionary %s: %zu entries\n", argv[i], n);
    }
  }
  int rc;
  if (strcmp(argv[1], "cameo") == 0)
    rc = eval_cameo(argv[2], kb, lx, verbose);
  else
    rc = eval_petrarch(argv[2], kb, lx, verbose);
  td_lexicon_free(lx);
  td_actor_kb_free(kb);
  return rc;
}
