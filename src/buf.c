/*
 * buf.c - small shared utilities: the growable byte buffer, diagnostics
 * and ASCII comparisons used by every stage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void td__buf_reserve(td__buf *b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  b->data = td_xrealloc(b->data, cap);
  b->cap = cap;
}

void td__buf_put(td__buf *b, const void *p, size_t n) {
  td__buf_reserve(b, n);
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void td__buf_putc(td__buf *b, char c) {
  td__buf_reserve(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}

void td__buf_printf(td__buf *b, const char *fmt, ...) {
  va_list ap;
  char small[256];
  va_start(ap, fmt);
  /* Measure with a real buffer: GCC's sanitizer build warns on NULL. */
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n <= 0) return;
  if ((size_t)n < sizeof small) {
    td__buf_put(b, small, (size_t)n);
    return;
  }
  td__buf_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

char *td__buf_detach(td__buf *b, size_t *len) {
  if (b->data == NULL) td__buf_reserve(b, 0);
  char *p = b->data;
  if (len) *len = b->len;
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}

void td__buf_free(td__buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

void td__diag(const td_diag *diag, td_severity sev, const char *file, long line,
              const char *fmt, ...) {
  if (diag == NULL || diag->emit == NULL) return;
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  diag->emit(diag->ud, sev, file, line, msg);
}

bool td__ieq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (td__lower((unsigned char)a[i]) != td__lower((unsigned char)b[i]))
      return false;
  return true;
}

uint32_t td__hash_lower(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= td__lower((unsigned char)s[i]);
    h *= 16777619u;
  }
  return h;
}

#ifndef TD_DATA_DIR
#define TD_DATA_DIR "data"
#endif

const char *td__data_dir(void) {
  const char *e = getenv("TIDINGS_DATA");
  return (e && *e) ? e : TD_DATA_DIR;
}

int td__lines_open(td__lines *r, const char *dir, const char *name,
                   td_error *err) {
  memset(r, 0, sizeof *r);
  snprintf(r->path, sizeof r->path, "%s/%s", dir ? dir : td__data_dir(), name);
  r->f = fopen(r->path, "r");
  if (r->f == NULL)
    return td_error_set(err, TD_EIO, r->path, 0, "cannot open: %s",
                        strerror(errno));
  return 0;
}

char *td__lines_next(td__lines *r) {
  if (r->f == NULL) return NULL;
  ssize_t n = getline(&r->buf, &r->cap, r->f);
  if (n < 0) return NULL;
  r->line++;
  while (n > 0 && (r->buf[n - 1] == '\n' || r->buf[n - 1] == '\r'))
    r->buf[--n] = '\0';
  return r->buf;
}

void td__lines_close(td__lines *r) {
  if (r->f) fclose(r->f);
  free(r->buf);
  r->f = NULL;
  r->buf = NULL;
}

char *td__lines_entry(td__lines *r) {
  char *line;
  while ((line = td__lines_next(r)) != NULL) {
    char *p = td__trim(line);
    if (*p != '\0' && *p != '#') return p;
  }
  return NULL;
}

bool td__blank_or_comment(const char *s) {
  while (td__is_space((unsigned char)*s)) s++;
  return *s == '\0' || *s == '#';
}

char *td__trim(char *s) {
  while (td__is_space((unsigned char)*s)) s++;
  char *e = s + strlen(s);
  while (e > s && td__is_space((unsigned char)e[-1])) e--;
  *e = '\0';
  return s;
}

int td__cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

size_t td__u64_lower_bound(const uint64_t *v, size_t n, uint64_t x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid] < x)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}
