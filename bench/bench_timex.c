/* bench_timex - throughput of the time-expression tagger alone
 * (td_timex_tag) on the bodies of Reuters-21578 stories.
 *
 * Reads every reut2-*.sgm under the directory given, takes each story's
 * BODY (entities decoded roughly; the tagger does not care) and DATE,
 * prepares the documents (normalize, segment) outside the timing, then
 * times td_timex_tag over all of them, best of N rounds, in process CPU
 * time (one core) and wall time. Prints MB/s of body text per core.
 *
 * Usage: bench_timex DIR [ROUNDS]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static double now(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_timex REUTERS_DIR [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 5;
  if (rounds < 1) rounds = 1;
  DIR *dir = opendir(argv[1]);
  if (!dir) {
    fprintf(stderr, "bench_timex: %s: cannot open\n", argv[1]);
    return 1;
  }
  char *names[64];
  size_t nn = 0;
  struct dirent *de;
  while ((de = readdir(dir)) && nn < 64) {
    size_t l = strlen(de->d_name);
    if (l > 4 && strcmp(de->d_name + l - 4, ".sgm") == 0)
      names[nn++] = td_xstrdup(de->d_name);
  }
  closedir(dir);
  qsort(names, nn, sizeof *names, cmp);
  td_doc **docs = NULL;
  size_t n = 0, cap = 0, bytes = 0;
  for (size_t f = 0; f < nn; f++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", argv[1], names[f]);
    free(names[f]);
    FILE *fp = fopen(path, "rb");
    if (!fp) continue;
    td__buf b = {0};
    char chunk[65536];
    size_t r;
    while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0)
      td__buf_put(&b, chunk, r);
    fclose(fp);
    if (!b.data) continue;
    const char *p = b.data;
    while ((p = strstr(p, "<REUTERS")) != NULL) {
      const char *end = strstr(p, "</REUTERS>");
      if (!end) break;
      const char *dt = strstr(p, "<DATE>");
      const char *bo = strstr(p, "<BODY>");
      const char *be = bo ? strstr(bo, "</BODY>") : NULL;
      if (bo && be && be < end) {
        td_doc *d = td_doc_new();
        td_doc_set_raw(d, bo + 6, (size_t)(be - bo - 6));
        if (td_doc_prepare(d, NULL) == 0) {
          if (dt && dt < end) {
            char ds[64];
            const char *de2 = strstr(dt, "</DATE>");
            size_t l = de2 ? (size_t)(de2 - dt - 6) : 0;
            if (l >= sizeof ds) l = sizeof ds - 1;
            memcpy(ds, dt + 6, l);
            ds[l] = '\0';
            td_date_parse_meta(ds, &d->date);
          }
          if (n == cap)
            docs =
                td_xrealloc(docs, (cap = cap ? cap * 2 : 1024) * sizeof *docs);
          docs[n++] = d;
          bytes += d->text_len;
        } else {
          td_doc_free(d);
        }
      }
      p = end;
    }
    td__buf_free(&b);
  }
  if (n == 0) {
    fprintf(stderr, "bench_timex: no stories under %s\n", argv[1]);
    return 1;
  }
  double best_cpu = 1e9, best_wall = 1e9;
  size_t found = 0;
  for (int k = 0; k < rounds; k++) {
    double c0 = now(CLOCK_PROCESS_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC);
    found = 0;
    for (size_t i = 0; i < n; i++) {
      td_timex_tag(docs[i]);
      found += docs[i]->n_timexes;
    }
    double c = now(CLOCK_PROCESS_CPUTIME_ID) - c0,
           w = now(CLOCK_MONOTONIC) - w0;
    if (c < best_cpu) best_cpu = c;
    if (w < best_wall) best_wall = w;
  }
  printf(
      "timex tagger: %zu stories, %.1f MB of text, %zu expressions; best of "
      "%d: %.3f s CPU = %.1f MB/s per core (wall %.3f s = %.1f MB/s)\n",
      n, bytes / 1e6, found, rounds, best_cpu, bytes / 1e6 / best_cpu,
      best_wall, bytes / 1e6 / best_wall);
  for (size_t i = 0; i < n; i++) td_doc_free(docs[i]);
  free(docs);
  return 0;
}
