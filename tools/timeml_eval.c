/*
 * timeml_eval.c - score the time-expression tagger (td_timex_tag) against
 * TimeML gold the TempEval-3 way.
 *
 * Reads TimeML .tml files (TimeBank, AQUAINT: the text inside <TEXT>, the
 * document date is the CREATION_TIME TIMEX3) or MEANTIME CAT XML files
 * (tokens joined by spaces, one sentence a line; TIMEX3 markables anchored
 * to tokens; the document date is the CREATION_TIME TIMEX3, which sits in
 * the text and is scored like any other). MEANTIME annotates only the
 * title and first five sentences of each article, so system output is
 * scored only up to the end of the last sentence holding any markable of
 * the document. Each document's text goes
 * through the library's own pipeline (td_doc_prepare, document date set to
 * the gold DCT, td_timex_tag) and the system's spans are mapped back to the
 * text through doc->offmap.
 *
 * Figures per corpus: strict extent P/R/F1 (identical span), relaxed extent
 * P/R/F1 (overlap, one-to-one), value accuracy and type accuracy on relaxed
 * matches, and value F1 = relaxed F1 x value accuracy. Values compare
 * case-insensitively, with one notational equivalence: a decade written
 * "199X" (our output) equals TimeML's "199".
 *
 * Usage: timeml_eval [-v] NAME FILE_OR_DIR...   (-v lists every miss,
 * false alarm and wrong value with its document)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

typedef struct span {
  size_t s, e;
  char type[16];
  char value[64];
  int used;
} span;

typedef struct gold_doc {
  td__buf text;
  span *g;
  size_t n, cap;
  char dct[64];
  char dct_text[64]; /* the words of an in-text CREATION_TIME (MEANTIME) */
  size_t scored_end; /* system spans starting at or after this are not
                        scored (MEANTIME annotates only its first sentences) */
} gold_doc;

static void add_span(gold_doc *d, span sp) {
  if (d->n == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 32;
    d->g = td_xrealloc(d->g, d->cap * sizeof *d->g);
  }
  d->g[d->n++] = sp;
}

/* The value of attribute name in the tag text [p, q), or "". */
static void attr(const char *p, const char *q, const char *name, char *out,
                 size_t n) {
  size_t nl = strlen(name);
  out[0] = '\0';
  for (const char *s = p; s + nl + 2 < q; s++) {
    if ((s == p || s[-1] == ' ' || s[-1] == '\t' || s[-1] == '\n') &&
        strncmp(s, name, nl) == 0 && s[nl] == '=' && s[nl + 1] == '"') {
      const char *v = s + nl + 2;
      const char *w = memchr(v, '"', (size_t)(q - v));
      if (!w) return;
      size_t len = (size_t)(w - v);
      if (len >= n) len = n - 1;
      memcpy(out, v, len);
      out[len] = '\0';
      return;
    }
  }
}

/* Append s[0..n) to b with XML entities decoded. */
static void put_decoded(td__buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '&') {
      static const struct {
        const char *ent;
        char c;
      } ents[] = {{"&amp;", '&'},
                  {"&lt;", '<'},
                  {"&gt;", '>'},
                  {"&quot;", '"'},
                  {"&apos;", '\''}};
      int done = 0;
      for (size_t k = 0; k < 5 && !done; k++) {
        size_t l = strlen(ents[k].ent);
        if (i + l <= n && strncmp(s + i, ents[k].ent, l) == 0) {
          td__buf_putc(b, ents[k].c);
          i += l - 1;
          done = 1;
        }
      }
      if (done) continue;
    }
    td__buf_putc(b, s[i]);
  }
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  td__buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) td__buf_put(&b, chunk, n);
  fclose(f);
  if (b.data == NULL) td__buf_put(&b, "", 0);
  return td__buf_detach(&b, len);
}

static void dct_from(const char *x, size_t n, gold_doc *d) {
  const char *p = x, *end = x + n;
  while ((p = strstr(p, "<TIMEX3")) && p < end) {
    const char *q = strchr(p, '>');
    if (!q) break;
    char fn[64];
    attr(p, q, "functionInDocument", fn, sizeof fn);
    if (strcmp(fn, "CREATION_TIME") == 0) {
      attr(p, q, "value", d->dct, sizeof d->dct);
      return;
    }
    p = q;
  }
}

static int load_tml(const char *x, size_t n, gold_doc *d) {
  dct_from(x, n, d);
  const char *t = strstr(x, "<TEXT>");
  const char *te = t ? strstr(t, "</TEXT>") : NULL;
  if (!t || !te) return -1;
  const char *p = t + 6;
  span open = {0};
  int in = 0;
  while (p < te) {
    const char *lt = memchr(p, '<', (size_t)(te - p));
    if (!lt) lt = te;
    put_decoded(&d->text, p, (size_t)(lt - p));
    if (lt >= te) break;
    const char *gt = memchr(lt, '>', (size_t)(te - lt));
    if (!gt) break;
    if (strncmp(lt, "<TIMEX3", 7) == 0) {
      memset(&open, 0, sizeof open);
      attr(lt, gt, "type", open.type, sizeof open.type);
      attr(lt, gt, "value", open.value, sizeof open.value);
      open.s = d->text.len;
      in = 1;
    } else if (strncmp(lt, "</TIMEX3", 8) == 0 && in) {
      open.e = d->text.len;
      if (open.e > open.s) add_span(d, open);
      in = 0;
    }
    p = gt + 1;
  }
  return 0;
}

/* MEANTIME CAT: <token t_id="N" sentence="S">text</token> ... then
 * <Markables> with <TIMEX3 ...><token_anchor t_id="N"/>...</TIMEX3>. */
static int load_cat(const char *x, size_t n, gold_doc *d) {
  dct_from(x, n, d);
  size_t *ts = NULL, *te = NULL, cap = 0;
  long *tsent = NULL;
  size_t *sent_end = NULL, n_sent_end = 0;
  const char *p = x;
  long prev_sent = -1;
  while ((p = strstr(p, "<token ")) != NULL) {
    const char *gt = strchr(p, '>');
    if (!gt) break;
    char id[32], sent[32];
    attr(p, gt, "t_id", id, sizeof id);
    attr(p, gt, "sentence", sent, sizeof sent);
    const char *close = strstr(gt, "</token>");
    if (!close) break;
    long tid = atol(id), s = atol(sent);
    if (tid <= 0 || tid > 1000000) {
      p = close;
      continue;
    }
    if ((size_t)tid >= cap) {
      size_t nc = (size_t)tid * 2 + 64;
      ts = td_xrealloc(ts, nc * sizeof *ts);
      te = td_xrealloc(te, nc * sizeof *te);
      tsent = td_xrealloc(tsent, nc * sizeof *tsent);
      for (size_t k = cap; k < nc; k++) {
        ts[k] = te[k] = (size_t)-1;
        tsent[k] = -1;
      }
      cap = nc;
    }
    if (d->text.len) td__buf_putc(&d->text, s != prev_sent ? '\n' : ' ');
    prev_sent = s;
    ts[tid] = d->text.len;
    put_decoded(&d->text, gt + 1, (size_t)(close - gt - 1));
    te[tid] = d->text.len;
    tsent[tid] = s;
    if (s >= 0 && s < 100000) {
      if ((size_t)s >= n_sent_end) {
        sent_end = td_xrealloc(sent_end, ((size_t)s + 1) * sizeof *sent_end);
        for (size_t k = n_sent_end; k <= (size_t)s; k++) sent_end[k] = 0;
        n_sent_end = (size_t)s + 1;
      }
      sent_end[s] = d->text.len;
    }
    p = close;
  }
  const char *m = strstr(x, "<Markables>");
  long last_sent = -1;
  if (m) {
    const char *me = strstr(m, "</Markables>");
    for (const char *a = m; (a = strstr(a, "t_id=\"")) && (!me || a < me);
         a++) {
      long tid = atol(a + 6);
      if (tid > 0 && (size_t)tid < cap && tsent[tid] > last_sent)
        last_sent = tsent[tid];
    }
  }
  d->scored_end = last_sent >= 0 && (size_t)last_sent < n_sent_end
                      ? sent_end[last_sent]
                      : (size_t)-1;
  p = m ? m : x + n;
  while ((p = strstr(p, "<TIMEX3")) != NULL) {
    const char *gt = strchr(p, '>');
    if (!gt) break;
    span sp = {0};
    attr(p, gt, "type", sp.type, sizeof sp.type);
    attr(p, gt, "value", sp.value, sizeof sp.value);
    if (gt[-1] == '/') {
      p = gt;
      continue;
    }
    const char *end = strstr(gt, "</TIMEX3>");
    if (!end) break;
    size_t s = (size_t)-1, e = 0;
    for (const char *a = gt; (a = strstr(a, "t_id=\"")) && a < end; a++) {
      long tid = atol(a + 6);
      if (tid > 0 && (size_t)tid < cap && ts[tid] != (size_t)-1) {
        if (ts[tid] < s) s = ts[tid];
        if (te[tid] > e) e = te[tid];
      }
    }
    if (s != (size_t)-1 && e > s) {
      sp.s = s;
      sp.e = e;
      add_span(d, sp);
      char fn[64];
      attr(p, gt, "functionInDocument", fn, sizeof fn);
      if (strcmp(fn, "CREATION_TIME") == 0) {
        /* "February 03 , 2009": drop the space the tokens put before the
         * comma */
        size_t o = 0;
        for (size_t k = s; k < e && o + 1 < sizeof d->dct_text; k++) {
          if (d->text.data[k] == ' ' && k + 1 < e && d->text.data[k + 1] == ',')
            continue;
          d->dct_text[o++] = d->text.data[k];
        }
        d->dct_text[o] = '\0';
      }
    }
    p = end;
  }
  free(ts);
  free(te);
  free(tsent);
  free(sent_end);
  return 0;
}

typedef struct score {
  size_t docs, gold, sys, strict_sys, strict_gold, rel_sys, rel_gold, val_ok,
      type_ok, pairs;
} score;

static int value_eq(const char *a, const char *b) {
  char x[64], y[64];
  snprintf(x, sizeof x, "%s", a);
  snprintf(y, sizeof y, "%s", b);
  for (char *s = x; *s; s++) *s = (char)td__lower((unsigned char)*s);
  for (char *s = y; *s; s++) *s = (char)td__lower((unsigned char)*s);
  size_t lx = strlen(x), ly = strlen(y);
  (void)0;
  if (lx == 4 && x[3] == 'x' && td__is_digit((unsigned char)x[2])) x[3] = 0;
  /* weeks: "2000-W7" is "2000-W07" */
  char *w;
  if ((w = strstr(x, "-w0")) != NULL) memmove(w + 2, w + 3, strlen(w + 3) + 1);
  if ((w = strstr(y, "-w0")) != NULL) memmove(w + 2, w + 3, strlen(w + 3) + 1);
  if (ly == 4 && y[3] == 'x' && td__is_digit((unsigned char)y[2])) y[3] = 0;
  return strcmp(x, y) == 0;
}

static int verbose;

static void eval_file(const char *path, score *sc) {
  size_t len;
  char *x = slurp(path, &len);
  if (!x) {
    fprintf(stderr, "%s: cannot read\n", path);
    return;
  }
  gold_doc gd;
  memset(&gd, 0, sizeof gd);
  gd.scored_end = (size_t)-1;
  int cat = strstr(x, "<token ") != NULL && strstr(x, "<TEXT>") == NULL;
  int rc = cat ? load_cat(x, len, &gd) : load_tml(x, len, &gd);
  free(x);
  if (rc != 0 || gd.text.data == NULL) {
    fprintf(stderr, "%s: no text\n", path);
    td__buf_free(&gd.text);
    free(gd.g);
    return;
  }
  td_doc *doc = td_doc_new();
  td_doc_set_str(&doc->origin, path);
  td_doc_set_raw(doc, gd.text.data, gd.text.len);
  td_doc_prepare(doc, NULL);
  td_date dct;
  /* A gold DCT value that is no ISO date ("03-02-2009" in one MEANTIME
   * file) is read from the words of the date line instead. */
  if (td_date_parse_iso(gd.dct, &dct) == 0 ||
      (gd.dct_text[0] && td_date_parse_meta(gd.dct_text, &dct) == 0)) {
    if (dct.precision > TD_PREC_DAY) dct.precision = TD_PREC_DAY;
    doc->date = dct;
  }
  td_timex_tag(doc);
  sc->docs++;
  sc->gold += gd.n;
  size_t n_sys = 0;
  for (size_t i = 0; i < doc->n_timexes; i++)
    if (doc->offmap[doc->timexes[i].start] < gd.scored_end) n_sys++;
  sc->sys += n_sys;
  /* the verbose listing shows one error a line: line breaks and tabs of
   * the text print as spaces */
  char *show = td_xstrdup(gd.text.data);
  for (char *q = show; *q; q++)
    if (*q == '\n' || *q == '\t' || *q == '\r') *q = ' ';
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  for (size_t i = 0; i < doc->n_timexes; i++) {
    const td_timex *tx = &doc->timexes[i];
    size_t s = doc->offmap[tx->start], e = doc->offmap[tx->end];
    if (s >= gd.scored_end) continue;
    /* strict */
    /* one-to-one: an unused gold span with the same extent first, else
     * the unused one overlapping most */
    int strict = 0, best = -1;
    size_t best_ov = 0;
    for (size_t g = 0; g < gd.n; g++) {
      if (gd.g[g].s == s && gd.g[g].e == e) {
        strict = 1;
        if (!gd.g[g].used) {
          best = (int)g;
          best_ov = (size_t)-1;
        }
      }
      if (!gd.g[g].used && gd.g[g].s < e && s < gd.g[g].e) {
        size_t ov =
            (e < gd.g[g].e ? e : gd.g[g].e) - (s > gd.g[g].s ? s : gd.g[g].s);
        if (best < 0 || ov > best_ov) {
          best = (int)g;
          best_ov = ov;
        }
      }
    }
    if (strict) sc->strict_sys++;
    if (best >= 0) {
      span *g = &gd.g[best];
      g->used = 1;
      sc->rel_sys++;
      sc->pairs++;
      int vok = value_eq(tx->value, g->value);
      int tok =
          strcmp(td_timex_type_name((td_timex_type)tx->type), g->type) == 0;
      sc->val_ok += vok;
      sc->type_ok += tok;
      if (verbose && !vok)
        printf("VALUE\t%s\t%.*s\t%s\t%s\tgold %.*s\t%s\t%s\n", base,
               (int)(e - s), show + s, tx->value,
               td_timex_type_name((td_timex_type)tx->type), (int)(g->e - g->s),
               show + g->s, g->value, g->type);
      else if (verbose && (g->s != s || g->e != e))
        printf("EXTENT\t%s\t%.*s\tgold %.*s\n", base, (int)(e - s),
               show + s, (int)(g->e - g->s), show + g->s);
    } else if (verbose) {
      size_t cs = s > 30 ? s - 30 : 0;
      /* a false alarm inside a gold span another expression matched: the
       * gold span was cut in two */
      int split = 0;
      for (size_t g = 0; g < gd.n; g++)
        if (gd.g[g].s < e && s < gd.g[g].e) split = 1;
      printf("%s\t%s\t%.*s\t%s\t%s\t...%.*s...\n",
             split ? "FALSE-SPLIT" : "FALSE", base, (int)(e - s),
             show + s, tx->value,
             td_timex_type_name((td_timex_type)tx->type),
             (int)(e + 30 - cs < gd.text.len - cs ? e + 30 - cs
                                                  : gd.text.len - cs),
             show + cs);
    }
  }
  for (size_t g = 0; g < gd.n; g++) {
    int strict = 0;
    for (size_t i = 0; i < doc->n_timexes; i++) {
      const td_timex *tx = &doc->timexes[i];
      if (doc->offmap[tx->start] == gd.g[g].s &&
          doc->offmap[tx->end] == gd.g[g].e)
        strict = 1;
    }
    sc->strict_gold += strict;
    sc->rel_gold += gd.g[g].used;
    if (verbose && !gd.g[g].used) {
      size_t s = gd.g[g].s, e = gd.g[g].e;
      size_t cs = s > 30 ? s - 30 : 0;
      size_t ce = e + 30 < gd.text.len ? e + 30 : gd.text.len;
      printf("MISS\t%s\t%.*s\t%s\t%s\t...%.*s...\n", base, (int)(e - s),
             show + s, gd.g[g].value, gd.g[g].type, (int)(ce - cs),
             show + cs);
    }
  }
  free(show);
  td_doc_free(doc);
  td__buf_free(&gd.text);
  free(gd.g);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void eval_path(const char *path, score *sc) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "%s: cannot read\n", path);
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    size_t l = strlen(path);
    if ((l > 4 && strcmp(path + l - 4, ".tml") == 0) ||
        (l > 4 && strcmp(path + l - 4, ".xml") == 0))
      eval_file(path, sc);
    return;
  }
  DIR *dir = opendir(path);
  if (!dir) return;
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(dir)) != NULL) {
    if (de->d_name[0] == '.') continue;
    if (n == cap)
      names = td_xrealloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
    names[n++] = td_xstrdup(de->d_name);
  }
  closedir(dir);
  if (n) qsort(names, n, sizeof *names, cmp_str);
  for (size_t i = 0; i < n; i++) {
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/%s", path, names[i]);
    eval_path(sub, sc);
    free(names[i]);
  }
  free(names);
}

static double f1(double p, double r) {
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

int main(int argc, char **argv) {
  int a = 1;
  if (a < argc && strcmp(argv[a], "-v") == 0) {
    verbose = 1;
    a++;
  }
  if (argc - a < 2) {
    fprintf(stderr, "usage: timeml_eval [-v] NAME FILE_OR_DIR...\n");
    return 2;
  }
  const char *name = argv[a++];
  score sc = {0};
  for (; a < argc; a++) eval_path(argv[a], &sc);
  double sp = sc.sys ? (double)sc.strict_sys / sc.sys : 0;
  double sr = sc.gold ? (double)sc.strict_gold / sc.gold : 0;
  double rp = sc.sys ? (double)sc.rel_sys / sc.sys : 0;
  double rr = sc.gold ? (double)sc.rel_gold / sc.gold : 0;
  double va = sc.pairs ? (double)sc.val_ok / sc.pairs : 0;
  double ta = sc.pairs ? (double)sc.type_ok / sc.pairs : 0;
  printf(
      "%-9s docs %3zu gold %4zu sys %4zu | strict P %.3f R %.3f F1 %.3f | "
      "relaxed P %.3f R %.3f F1 %.3f | value acc %.3f F1 %.3f | type acc "
      "%.3f\n",
      name, sc.docs, sc.gold, sc.sys, sp, sr, f1(sp, sr), rp, rr, f1(rp, rr),
      va, f1(rp, rr) * va, ta);
  return sc.docs ? 0 : 1;
}
