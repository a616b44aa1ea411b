/*
 * eval_segment.c - sentence splitting accuracy against Universal
 * Dependencies CoNLL-U files (read in place from $SHARED/ud).
 *
 * Each UD document is rebuilt as text: the "# text" of its sentences joined
 * by a space inside a paragraph ("# newpar"), paragraphs by a blank line.
 * td_segment then cuts it; a boundary is the end offset of a sentence that
 * is not the last of its paragraph (paragraph ends are given away by the
 * blank line). Prints precision, recall and F1 of those boundaries, and the
 * recall on the gold sentences that end in . ! ? (with closing quotes or
 * brackets), the boundaries a punctuation-driven splitter can find; web
 * text without final punctuation is out of its reach.
 *
 * usage: eval_segment FILE.conllu...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

typedef struct counts {
  size_t gold, pred, hit, gold_punct, hit_punct, docs, sents;
} counts;

typedef struct docbuf {
  char *text;
  size_t len, cap;
  size_t *ends; /* gold in-paragraph boundaries */
  unsigned char *punct;
  size_t n_ends, cap_ends;
  size_t para_start_sent; /* index in ends where the current paragraph began */
  int in_para;
} docbuf;

static void put(docbuf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->text = td_xrealloc(b->text, b->cap);
  }
  memcpy(b->text + b->len, s, n);
  b->len += n;
  b->text[b->len] = '\0';
}

static int ends_in_punct(const char *s, size_t n) {
  while (n > 0 && strchr("\"')]", s[n - 1])) n--;
  return n > 0 && strchr(".!?", s[n - 1]) != NULL;
}

static int has_end(const size_t *ends, size_t n, size_t x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ends[mid] < x)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && ends[lo] == x;
}

/* The gold boundary list keeps every sentence end; the last of each
 * paragraph is dropped when the paragraph closes. */
static void close_para(docbuf *b) {
  if (b->n_ends > b->para_start_sent) b->n_ends--;
  b->para_start_sent = b->n_ends;
}

static void score(docbuf *b, counts *c) {
  close_para(b);
  if (b->len == 0) return;
  td_doc *d = td_doc_new();
  d->text = td_xstrdup(b->text);
  d->text_len = b->len;
  td_segment(d);
  /* predicted in-paragraph boundaries */
  size_t *pred = td_xmalloc((d->n_sents + 1) * sizeof *pred);
  size_t np = 0;
  for (size_t i = 0; i + 1 < d->n_sents; i++)
    if (d->sents[i].para == d->sents[i + 1].para) pred[np++] = d->sents[i].end;
  c->pred += np;
  c->gold += b->n_ends;
  for (size_t i = 0; i < b->n_ends; i++) {
    int hit = has_end(pred, np, b->ends[i]);
    c->hit += (size_t)hit;
    if (b->punct[i]) {
      c->gold_punct++;
      c->hit_punct += (size_t)hit;
    }
  }
  c->docs++;
  free(pred);
  td_doc_free(d);
}

static void reset(docbuf *b) {
  b->len = 0;
  if (b->text) b->text[0] = '\0';
  b->n_ends = 0;
  b->para_start_sent = 0;
  b->in_para = 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: eval_segment FILE.conllu...\n");
    return 2;
  }
  counts c = {0};
  docbuf b = {0};
  char *line = NULL;
  size_t cap = 0;
  for (int a = 1; a < argc; a++) {
    FILE *f = fopen(argv[a], "r");
    if (f == NULL) {
      perror(argv[a]);
      return 1;
    }
    reset(&b);
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
      while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
      line[n] = '\0';
      if (strncmp(line, "# newdoc", 8) == 0) {
        score(&b, &c);
        reset(&b);
      } else if (strncmp(line, "# newpar", 8) == 0) {
        if (b.len) {
          close_para(&b);
          put(&b, "\n\n", 2);
        }
      } else if (strncmp(line, "# text = ", 9) == 0) {
        const char *s = line + 9;
        size_t sl = strlen(s);
        if (b.len && b.text[b.len - 1] != '\n') put(&b, " ", 1);
        put(&b, s, sl);
        if (b.n_ends == b.cap_ends) {
          b.cap_ends = b.cap_ends ? b.cap_ends * 2 : 64;
          b.ends = td_xrealloc(b.ends, b.cap_ends * sizeof *b.ends);
          b.punct = td_xrealloc(b.punct, b.cap_ends);
        }
        b.ends[b.n_ends] = b.len;
        b.punct[b.n_ends++] = (unsigned char)ends_in_punct(s, sl);
        c.sents++;
      }
    }
    score(&b, &c);
    fclose(f);
  }
  free(line);
  free(b.text);
  free(b.ends);
  free(b.punct);
  double p = c.pred ? (double)c.hit / (double)c.pred : 0;
  double r = c.gold ? (double)c.hit / (double)c.gold : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("UD documents %zu, sentences %zu, in-paragraph boundaries %zu\n",
         c.docs, c.sents, c.gold);
  printf("sentence boundaries: precision %.3f recall %.3f F1 %.3f\n", p, r, f1);
  printf("recall on sentences ending in . ! ?: %.3f (%zu of %zu)\n",
         c.gold_punct ? (double)c.hit_punct / (double)c.gold_punct : 0,
         c.hit_punct, c.gold_punct);
  return 0;
}
