/*
 * error.c - error codes, the error struct and the one place where running
 * out of memory ends the process. Every other module allocates through
 * td_xmalloc and friends and never checks for NULL.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

const char *td_strerror(int code) {
  switch (code) {
#define TD__ERR_MSG(name, val, msg) \
  case (val):                       \
    return msg;
    TD_ERRNO_MAP(TD__ERR_MSG)
#undef TD__ERR_MSG
  }
  return "unknown error";
}

const char *td_errname(int code) {
  switch (code) {
#define TD__ERR_NAME(name, val, msg) \
  case (val):                        \
    return "TD_E" #name;
    TD_ERRNO_MAP(TD__ERR_NAME)
#undef TD__ERR_NAME
  }
  return "unknown error";
}

int td_error_set(td_error *err, int code, const char *file, long line,
                 const char *fmt, ...) {
  if (err == NULL) return code;
  err->code = code;
  err->line = line;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  if (fmt != NULL) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
  } else {
    snprintf(err->msg, sizeof err->msg, "%s", td_strerror(code));
  }
  return code;
}

static void td__oom(size_t n) {
  fprintf(stderr, "tidings: out of memory (%zu bytes)\n", n);
  abort();
}

void *td_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (p == NULL) td__oom(n);
  return p;
}

void *td_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (p == NULL) td__oom(count * size);
  return p;
}

void *td_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (q == NULL) td__oom(n);
  return q;
}

char *td_xstrdup(const char *s) {
  return td_xstrndup(s, strlen(s));
}

char *td_xstrndup(const char *s, size_t n) {
  char *p = td_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}
