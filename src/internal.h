/*
 * internal.h - declarations shared between library files but not public.
 * Internal cross-file symbols are named td__*.
 */
#ifndef TD_INTERNAL_H
#define TD_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tidings.h"

/* Report a diagnostic through diag (may be NULL). */
void td__diag(const td_diag *diag, td_severity sev, const char *file, long line,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* A growable byte buffer. Invariant: data[len] == '\0' whenever data is not
 * NULL, so data can be used as a C string when it holds no NUL. */
typedef struct td__buf {
  char *data;
  size_t len, cap;
} td__buf;
void td__buf_reserve(td__buf *b, size_t extra);
void td__buf_put(td__buf *b, const void *p, size_t n);
void td__buf_putc(td__buf *b, char c);
void td__buf_printf(td__buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Give up the buffer's memory to the caller (who frees it); b is reset. */
char *td__buf_detach(td__buf *b, size_t *len);
void td__buf_free(td__buf *b);

/* ASCII helpers that ignore the locale. */
static inline bool td__is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
static inline bool td__is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
static inline bool td__is_upper(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
static inline bool td__is_lower(unsigned char c) {
  return c >= 'a' && c <= 'z';
}
static inline bool td__is_alpha(unsigned char c) {
  return td__is_upper(c) || td__is_lower(c);
}
static inline bool td__is_alnum(unsigned char c) {
  return td__is_alpha(c) || td__is_digit(c);
}
static inline unsigned char td__lower(unsigned char c) {
  return td__is_upper(c) ? (unsigned char)(c + 32) : c;
}
/* UTF-8 (normalize.c). Decode the code point at s (n > 0 bytes available)
 * strictly: no overlong forms, surrogates or values above U+10FFFF. Returns
 * its length 1-4 and sets *cp, or 0 when s does not start a valid
 * sequence. */
int td__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encode cp (at most U+10FFFF) at out, which has room for 4 bytes; returns
 * the length. */
int td__utf8_encode(uint32_t cp, char *out);
/* Append s[0..n) to out with every byte that is not part of valid UTF-8
 * replaced by U+FFFD. Returns the number of bytes replaced; *first_bad (if
 * not NULL) gets the offset in s of the first one. */
size_t td__utf8_repair(const char *s, size_t n, td__buf *out,
                       size_t *first_bad);
/* Offset of the first byte in s[0..n) that is not valid UTF-8, or n. */
size_t td__utf8_valid_prefix(const char *s, size_t n);

/* Case-insensitive ASCII comparison of n bytes. */
bool td__ieq(const char *a, const char *b, size_t n);
/* 32-bit FNV-1a of the n bytes at s with ASCII letters lowercased: a key
 * for small word tables that ignore case. */
uint32_t td__hash_lower(const char *s, size_t n);
/* What token t of text is as a quotation mark: TD__QUOTE_DOUBLE for ",
 * '' or a typographic double quote, TD__QUOTE_SINGLE for ' or a
 * typographic single quote, 0 for none. */
enum { TD__QUOTE_SINGLE = 1, TD__QUOTE_DOUBLE = 2 };
int td__quote_mark(const char *text, const td_token *t);
/* qsort comparison of two uint64_t, ascending. */
int td__cmp_u64(const void *a, const void *b);
/* The index of the first of the n ascending values v not below x (n when
 * there is none). */
size_t td__u64_lower_bound(const uint64_t *v, size_t n, uint64_t x);

/* A data or dictionary file read line by line, for every stage that loads
 * knowledge from data/. */
typedef struct td__lines {
  FILE *f;
  char path[1024];
  long line; /* number of the line last returned, 1-based */
  char *buf;
  size_t cap;
} td__lines;
/* Open dir/name (dir NULL: td__data_dir()). Returns 0, or TD_EIO with err
 * filled ("path: cannot open: reason"); r needs td__lines_close either
 * way. */
int td__lines_open(td__lines *r, const char *dir, const char *name,
                   td_error *err);
/* The next line without its line ending, or NULL at the end of the file
 * (at once when the file could not be opened).
 * The text is r's and valid until the next call. */
char *td__lines_next(td__lines *r);
/* The next line that is neither blank nor a '#' comment, trimmed of white
 * space (valid until the next call), or NULL at the end of the file. */
char *td__lines_entry(td__lines *r);
void td__lines_close(td__lines *r);
/* Whether s holds nothing but white space or a '#' comment. */
bool td__blank_or_comment(const char *s);
/* s without leading and trailing ASCII white space (cut in place). */
char *td__trim(char *s);

/* The directory holding tidings' data files: $TIDINGS_DATA, else the data
 * directory chosen at build time. Static or environment string. */
const char *td__data_dir(void);

/* Fingerprint words (fingerprint.c). The next normalized word of t[0..n)
 * at or after *pos: letters and digits, ASCII lowercased, other scripts
 * case-folded, an apostrophe between two word characters dropped. Writes
 * at most TD__FP_WORD_MAX bytes of it to buf (a longer word is cut there),
 * sets *start to its first byte and *pos past it and returns its length,
 * or 0 when no word is left. The one definition of a word that
 * fingerprints and evaluation tools share. */
#define TD__FP_WORD_MAX 64
size_t td__fp_word(const char *t, size_t n, size_t *pos, size_t *start,
                   char *buf);

/* The sorted, distinct 64-bit hashes of the word k-grams of t[0..n);
 * *out is malloc'd (caller frees; NULL when there are none). */
size_t td__fp_shingles(const char *t, size_t n, unsigned k, uint64_t **out);
/* |A and B| / |A or B| of two sorted distinct hash arrays; 0 if both are
 * empty. */
double td__fp_jaccard(const uint64_t *a, size_t na, const uint64_t *b,
                      size_t nb);

#endif
