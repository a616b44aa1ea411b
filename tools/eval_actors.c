/*
 * eval_actors.c - how well the actor knowledge base reads PETRARCH/TABARI
 * actor dictionaries. For each dictionary given: load time and entries
 * added; then every name in it (actors and their + synonyms) is looked
 * up again through the knowledge base (td_actor_kb_lookup), and every
 * date-restricted code ([CODE 770101-120812]) is checked to be the code
 * given back on a day inside its range when no other range of the same
 * actor overlaps that day.
 *
 * Usage: eval_actors DICT...   (reads the files in place)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tidings.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A TABARI date, YYMMDD (00-29 are 20xx) or YYYYMMDD, as a day number;
 * -1 if not one. */
static long tday(const char *s, size_t n) {
  char b[16];
  if (n != 6 && n != 8) return -1;
  memcpy(b, s, n);
  b[n] = 0;
  for (size_t i = 0; i < n; i++)
    if (b[i] < '0' || b[i] > '9') return -1;
  long v = atol(b);
  int y = n == 6 ? (int)(v / 10000) : (int)(v / 10000);
  if (n == 6) y += y < 30 ? 2000 : 1900;
  int m = (int)(v / 100 % 100), d = (int)(v % 100);
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  return (long)td_days_from_civil(y, m, d);
}

typedef struct dated {
  char code[24];
  long from, to;
} dated;

typedef struct tally {
  long names, found;
  long dated, dated_ok, dated_checked;
} tally;

static void check_entry(td_actor_kb *kb, const char *name, dated *ds, int nd,
                        tally *t) {
  for (int i = 0; i < nd; i++) {
    long mid = ds[i].from / 2 + ds[i].to / 2;
    if (ds[i].from < -100000) mid = ds[i].to - 30;
    if (ds[i].to > 100000) mid = ds[i].from + 30;
    int overlap = 0;
    for (int j = 0; j < nd; j++)
      if (j != i && ds[j].from <= mid && mid <= ds[j].to) overlap = 1;
    t->dated++;
    if (overlap) continue;
    t->dated_checked++;
    int y, m, d;
    td_civil_from_days(mid, &y, &m, &d);
    td_date date = {(int16_t)y, (int8_t)m, (int8_t)d, 0, 0, TD_PREC_DAY};
    char code[24];
    if (td_actor_kb_lookup(kb, name, date, code, sizeof code) &&
        strcmp(code, ds[i].code) == 0)
      t->dated_ok++;
  }
}

static void eval_file(td_actor_kb *kb, const char *path, tally *t) {
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    return;
  }
  char line[8192], cur[512] = "";
  dated ds[32];
  int nd = 0;
  td_date probe = {2022, 2, 1, 0, 0, TD_PREC_DAY};
  while (fgets(line, sizeof line, f)) {
    char *s = line;
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '#' || *s == '!' || *s == '<' || *s == '\n' || *s == 0) continue;
    if (strchr(s, '{')) continue;
    /* Dated codes of the current entry. */
    for (char *b = strchr(s, '['); b; b = strchr(b + 1, '[')) {
      char code[48], r1[32] = "";
      if (sscanf(b + 1, "%47[A-Za-z0-9] %31[0-9->]", code, r1) == 2 &&
          nd < 32) {
        char *dash = strchr(r1, '-');
        dated x = {"", -1000000, 1000000};
        snprintf(x.code, sizeof x.code, "%.23s", code);
        for (char *c = x.code; *c; c++)
          if (*c >= 'a' && *c <= 'z') *c -= 32;
        if (r1[0] == '>')
          x.from = tday(r1 + 1, strlen(r1 + 1));
        else if (dash) {
          x.from = tday(r1, (size_t)(dash - r1));
          x.to = tday(dash + 1, strlen(dash + 1));
        } else
          continue;
        if (x.from != -1 && x.to != -1) ds[nd++] = x;
      }
    }
    if (*s == '[') continue;
    int syn = *s == '+';
    if (syn) s++;
    char name[512];
    size_t n = strcspn(s, "[#\n");
    if (n >= sizeof name) n = sizeof name - 1;
    memcpy(name, s, n);
    name[n] = 0;
    for (char *c = name; *c; c++)
      if (*c == '_') *c = ' ';
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\t')) name[--n] = 0;
    if (!n) continue;
    if (!syn) {
      if (cur[0] && nd) check_entry(kb, cur, ds, nd, t);
      snprintf(cur, sizeof cur, "%s", name);
      nd = 0;
    }
    char code[24];
    t->names++;
    if (td_actor_kb_lookup(kb, name, probe, code, sizeof code)) t->found++;
  }
  if (cur[0] && nd) check_entry(kb, cur, ds, nd, t);
  fclose(f);
}

int main(int argc, char **argv) {
  td_actor_kb *kb;
  td_error err = {0};
  double t0 = now();
  if (td_actor_kb_open(NULL, &kb, NULL, &err) != 0) {
    fprintf(stderr, "eval_actors: %s\n", err.msg);
    return 1;
  }
  td_actor_kb_stats st;
  td_actor_kb_stats_get(kb, &st);
  printf("built-in knowledge: %zu actors, %zu names, %zu people (%.1f ms)\n",
         st.actors, st.names, st.people, (now() - t0) * 1e3);
  size_t total = 0;
  double tl = 0;
  for (int i = 1; i < argc; i++) {
    size_t n = 0;
    double t1 = now();
    int warnings = 0;
    if (td_actor_kb_load_dict(kb, argv[i], NULL, &n, &err) != 0) {
      fprintf(stderr, "eval_actors: %s\n", err.msg);
      continue;
    }
    double dt = now() - t1;
    tl += dt;
    total += n;
    const char *b = strrchr(argv[i], '/');
    printf("  %-52s %6zu entries  %7.1f ms\n", b ? b + 1 : argv[i], n,
           dt * 1e3);
    (void)warnings;
  }
  td_actor_kb_stats_get(kb, &st);
  printf(
      "dictionaries: %zu entries loaded in %.1f ms; knowledge base now %zu "
      "actors, %zu names\n",
      total, tl * 1e3, st.actors, st.names);
  tally t = {0};
  double t2 = now();
  for (int i = 1; i < argc; i++) eval_file(kb, argv[i], &t);
  printf("names found again: %ld / %ld (%.2f%%) in %.1f ms\n", t.found, t.names,
         t.names ? 100.0 * (double)t.found / (double)t.names : 0.0,
         (now() - t2) * 1e3);
  printf(
      "dated codes: %ld, of which %ld without overlapping ranges; right "
      "code on a day inside the range: %ld (%.2f%%)\n",
      t.dated, t.dated_checked, t.dated_ok,
      t.dated_checked ? 100.0 * (double)t.dated_ok / (double)t.dated_checked
                      : 0.0);
  td_actor_kb_free(kb);
  return 0;
}
