/*
 * read.c - stage 1, read: turns paths and streams into td_doc articles.
 *
 * Reads plain text files (one article each), JSON Lines feeds (one article
 * per line, our field names and news-please's), and Reuters-21578 SGML
 * (one article per <REUTERS> element), walking directories recursively in
 * name order. Produces documents with their identity (id, origin, line),
 * metadata (url, outlet, title, metadata date) and raw text; everything
 * after that is td_normalize's job.
 *
 * Bad input never stops a run: each unreadable path or bad article is
 * reported once as "file:line: message" through the diag sink, counted in
 * stats->rejected and skipped. Memory stays bounded by the article size
 * limit: a line or element longer than it is skipped, never buffered whole.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "internal.h"

/* A JSON line may be longer than the article text it holds (escapes and
 * metadata): lines up to twice the article limit are parsed, and the text
 * is then checked against the limit itself. */
#define LINE_LIMIT (2u * TD_MAX_ARTICLE_BYTES)
/* A Reuters element holds the story plus its header tags. */
#define ELEMENT_LIMIT (TD_MAX_ARTICLE_BYTES + 65536u)

/* One reader run: where articles go and where problems are reported. */
typedef struct reader {
  td_read_fn fn;
  void *ud;
  const td_diag *diag;
  td_read_stats *stats;
  /* While walking a directory: the path of the current subdirectory
   * relative to the walked one, with a trailing '/' ("" at the top). It
   * prefixes ids taken from file names, so business/001.txt and
   * sport/001.txt stay two articles. */
  const char *id_prefix;
} reader;

static void reject(reader *r, const char *file, long line, const char *fmt,
                   const char *arg) {
  td__diag(r->diag, TD_SEV_ERROR, file, line, fmt, arg);
  r->stats->rejected++;
}

/* Hand a finished document to the callback. */
static int deliver(reader *r, td_doc *doc) {
  r->stats->articles++;
  return r->fn(r->ud, doc);
}

/* ---- Buffered line reading with a length limit ----------------------- */

#define LR_TAIL 4096u

typedef struct lreader {
  FILE *f;
  char buf[65536];
  size_t pos, end;
  int eof;
  long line; /* number of the line last returned, 1-based */
  size_t *bytes;
  /* The last LR_TAIL bytes dropped from an over-long line: a Reuters
   * element written on one huge line still shows its </REUTERS>. */
  char tail[LR_TAIL];
  size_t tail_len;
} lreader;

static int lr_fill(lreader *lr) {
  if (lr->eof) return 0;
  lr->pos = 0;
  lr->end = fread(lr->buf, 1, sizeof lr->buf, lr->f);
  *lr->bytes += lr->end;
  if (lr->end == 0) lr->eof = 1;
  return lr->end > 0;
}

/* Keep the last LR_TAIL bytes of what was dropped so far. */
static void lr_keep_tail(lreader *lr, const char *d, size_t n) {
  if (n >= LR_TAIL) {
    memcpy(lr->tail, d + n - LR_TAIL, LR_TAIL);
    lr->tail_len = LR_TAIL;
    return;
  }
  if (lr->tail_len + n > LR_TAIL) {
    size_t drop = lr->tail_len + n - LR_TAIL;
    memmove(lr->tail, lr->tail + drop, lr->tail_len - drop);
    lr->tail_len -= drop;
  }
  memcpy(lr->tail + lr->tail_len, d, n);
  lr->tail_len += n;
}

/* Append the next line (without its '\n') to out, keeping at most limit
 * bytes of it; *too_long is set when bytes were dropped, and then the
 * line's last LR_TAIL bytes follow the kept ones (so a closing tag at the
 * end of an over-long line is still seen). Returns 0 at the end of input,
 * 1 otherwise. */
static int lr_next(lreader *lr, td__buf *out, size_t limit, int *too_long) {
  size_t kept = 0;
  int any = 0;
  *too_long = 0;
  lr->tail_len = 0;
  for (;;) {
    if (lr->pos == lr->end && !lr_fill(lr)) break;
    any = 1;
    char *s = lr->buf + lr->pos;
    size_t avail = lr->end - lr->pos;
    char *nl = memchr(s, '\n', avail);
    size_t n = nl ? (size_t)(nl - s) : avail;
    size_t take = n;
    if (kept + take > limit) {
      take = limit > kept ? limit - kept : 0;
      *too_long = 1;
    }
    td__buf_put(out, s, take);
    if (take < n) lr_keep_tail(lr, s + take, n - take);
    kept += take;
    lr->pos += n + (nl ? 1 : 0);
    if (nl) break;
  }
  if (*too_long) td__buf_put(out, lr->tail, lr->tail_len);
  if (!any) return 0;
  lr->line++;
  return 1;
}

/* ---- Small helpers ---------------------------------------------------- */

static const char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

/* The extension of a path's last component without the dot, or "". */
static const char *extension(const char *path) {
  const char *b = base_name(path);
  const char *dot = strrchr(b, '.');
  return (dot && dot != b) ? dot + 1 : "";
}

static bool ext_is(const char *ext, const char *want) {
  size_t n = strlen(want);
  return strlen(ext) == n && td__ieq(ext, want, n);
}

/* The format a file's extension names; TD_FMT_AUTO when it names none. */
static td_format format_of(const char *path) {
  const char *e = extension(path);
  if (ext_is(e, "txt") || ext_is(e, "text")) return TD_FMT_TEXT;
  if (ext_is(e, "jsonl") || ext_is(e, "ndjson")) return TD_FMT_JSONL;
  if (ext_is(e, "sgm") || ext_is(e, "sgml")) return TD_FMT_SGML;
  return TD_FMT_AUTO;
}

/* The file name without its directory and extension, after the reader's
 * id prefix: a text article's id. */
static char *stem_of(const reader *r, const char *name) {
  if (strcmp(name, "-") == 0) return td_xstrdup("stdin");
  const char *b = base_name(name);
  const char *dot = strrchr(b, '.');
  size_t n = (dot && dot != b) ? (size_t)(dot - b) : strlen(b);
  td__buf id = {0};
  if (r->id_prefix) td__buf_put(&id, r->id_prefix, strlen(r->id_prefix));
  td__buf_put(&id, b, n);
  return td__buf_detach(&id, NULL);
}

static td_doc *new_doc(const char *origin, long line) {
  td_doc *doc = td_doc_new();
  td_doc_set_str(&doc->origin, origin);
  doc->line = line;
  return doc;
}

/* Set the metadata date from its text; a date that does not parse is kept
 * as text and reported as a warning. */
static void set_meta_date(reader *r, td_doc *doc, const char *s) {
  td_doc_set_str(&doc->meta_date_text, s);
  if (td_date_parse_meta(s, &doc->meta_date) != 0) {
    memset(&doc->meta_date, 0, sizeof doc->meta_date);
    td__diag(r->diag, TD_SEV_WARNING, doc->origin, doc->line,
             "cannot read the date '%.60s'; article kept without it", s);
  }
}

/* ---- Plain text ------------------------------------------------------- */

static int read_text(reader *r, FILE *f, const char *name) {
  td__buf b = {0};
  char chunk[65536];
  size_t n;
  int big = 0;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    r->stats->bytes += n;
    if (b.len + n > TD_MAX_ARTICLE_BYTES) {
      big = 1;
      break;
    }
    td__buf_put(&b, chunk, n);
  }
  if (!big && ferror(f)) {
    td__buf_free(&b);
    td__diag(r->diag, TD_SEV_ERROR, name, 0, "cannot read: %s",
             strerror(errno));
    r->stats->rejected++;
    return 0;
  }
  if (big) {
    td__buf_free(&b);
    td__diag(r->diag, TD_SEV_ERROR, name, 1, "%s: article over %u bytes",
             td_strerror(TD_ETOOBIG), TD_MAX_ARTICLE_BYTES);
    r->stats->rejected++;
    return 0;
  }
  td_doc *doc = new_doc(name, 1);
  doc->id = stem_of(r, name);
  doc->raw_len = b.len;
  doc->raw = td__buf_detach(&b, NULL);
  return deliver(r, doc);
}

/* ---- JSON Lines ------------------------------------------------------- */

/* Field names, best first. The first present, non-null, non-empty string
 * wins, so news-please's "text": null falls through to "maintext". */
static const char *const k_text[] = {"text", "maintext", "body", "content",
                                     NULL};
static const char *const k_id[] = {"id",         "_id",  "doc_id",
                                   "article_id", "guid", NULL};
static const char *const k_title[] = {"title", "headline", NULL};
static const char *const k_date[] = {
    "date",         "date_publish", "published", "published_at",
    "publish_date", "pubdate",      "datetime",  NULL};
static const char *const k_url[] = {"url", "link", NULL};
static const char *const k_source[] = {"source",    "source_domain", "outlet",
                                       "publisher", "site_name",     NULL};

/* The first usable string among the keys, or NULL. *present (if not NULL)
 * tells whether any of the keys exists at all. */
static const char *field_str(json_t *obj, const char *const *keys,
                             int *present) {
  if (present) *present = 0;
  for (; *keys; keys++) {
    json_t *v = json_object_get(obj, *keys);
    if (v == NULL) continue;
    if (present) *present = 1;
    if (json_is_string(v) && json_string_length(v) > 0)
      return json_string_value(v);
    /* NewsAPI style: "source": {"id": ..., "name": "Reuters"} */
    if (json_is_object(v)) {
      json_t *name = json_object_get(v, "name");
      if (json_is_string(name) && json_string_length(name) > 0)
        return json_string_value(name);
    }
  }
  return NULL;
}

static bool has_text_field(json_t *obj) {
  for (const char *const *k = k_text; *k; k++)
    if (json_object_get(obj, *k)) return true;
  return false;
}

/* Build the article of one JSON object; rejects it (reported) and returns
 * NULL when it has no usable text. */
static td_doc *jsonl_doc(reader *r, json_t *obj, const char *name, long line) {
  int present;
  const char *text = field_str(obj, k_text, &present);
  size_t text_len = 0;
  if (text == NULL) {
    reject(r, name, line, "%s",
           present ? "empty or non-string text field"
                   : "no text field (text, maintext, body or content)");
    return NULL;
  }
  for (const char *const *k = k_text; *k; k++) {
    json_t *v = json_object_get(obj, *k);
    if (v && json_is_string(v) && json_string_value(v) == text) {
      text_len = json_string_length(v);
      break;
    }
  }
  if (text_len > TD_MAX_ARTICLE_BYTES) {
    td__diag(r->diag, TD_SEV_ERROR, name, line, "%s: text over %u bytes",
             td_strerror(TD_ETOOBIG), TD_MAX_ARTICLE_BYTES);
    r->stats->rejected++;
    return NULL;
  }
  td_doc *doc = new_doc(name, line);
  td_doc_set_raw(doc, text, text_len);

  const char *id = field_str(obj, k_id, NULL);
  char idbuf[64];
  if (id == NULL) {
    for (const char *const *k = k_id; *k && id == NULL; k++) {
      json_t *v = json_object_get(obj, *k);
      if (json_is_integer(v)) {
        snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(v));
        id = idbuf;
      }
    }
  }
  if (id) {
    doc->id = td_xstrdup(id);
  } else {
    /* No id: the feed's stem and the line, stable across re-ingests of
     * the same feed. */
    char *stem = stem_of(r, name);
    td__buf b = {0};
    td__buf_printf(&b, "%s:%ld", stem, line);
    free(stem);
    doc->id = td__buf_detach(&b, NULL);
  }
  td_doc_set_str(&doc->url, field_str(obj, k_url, NULL));
  td_doc_set_str(&doc->title, field_str(obj, k_title, NULL));
  td_doc_set_str(&doc->outlet, field_str(obj, k_source, NULL));

  const char *date = field_str(obj, k_date, NULL);
  if (date) {
    set_meta_date(r, doc, date);
  } else {
    /* A number of seconds (or milliseconds) since 1970. */
    for (const char *const *k = k_date; *k; k++) {
      json_t *v = json_object_get(obj, *k);
      if (!json_is_number(v)) continue;
      double t = json_number_value(v);
      if (t > 1e11) t /= 1000.0;
      time_t tt = (time_t)t;
      struct tm tm;
      char iso[32];
      if (gmtime_r(&tt, &tm) &&
          strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
        set_meta_date(r, doc, iso);
      break;
    }
  }
  return doc;
}

/* Read a JSON Lines stream. With sniff set (a .jsonl met while walking a
 * directory), a stream whose first record has no text field at all is not
 * an article feed: it is skipped with a warning. */
static int read_jsonl(reader *r, FILE *f, const char *name, int sniff) {
  lreader *lr = td_xcalloc(1, sizeof *lr);
  lr->f = f;
  lr->bytes = &r->stats->bytes;
  td__buf line = {0}, fixed = {0};
  int rc = 0, too_long, first = 1;
  for (;;) {
    line.len = 0;
    if (!lr_next(lr, &line, LINE_LIMIT, &too_long)) break;
    long ln = lr->line;
    if (too_long) {
      td__diag(r->diag, TD_SEV_ERROR, name, ln, "%s: line over %u bytes",
               td_strerror(TD_ETOOBIG), LINE_LIMIT);
      r->stats->rejected++;
      first = 0;
      continue;
    }
    size_t i = 0;
    /* A byte order mark opening the file is no part of the JSON. */
    if (ln == 1 && line.len >= 3 && memcmp(line.data, "\xEF\xBB\xBF", 3) == 0)
      i = 3;
    size_t skip = i;
    while (i < line.len && td__is_space((unsigned char)line.data[i])) i++;
    if (i == line.len) continue; /* blank lines separate nothing */
    const char *js = line.data + skip;
    size_t jn = line.len - skip;
    /* Invalid UTF-8 is repaired now but reported only for a line that is
     * read: a rejected line gets its one error, not a warning as well. */
    size_t nbad = 0, bad = 0;
    if (td__utf8_valid_prefix(js, jn) < jn) {
      fixed.len = 0;
      nbad = td__utf8_repair(js, jn, &fixed, &bad);
      js = fixed.data;
      jn = fixed.len;
    }
    json_error_t jerr;
    json_t *obj = json_loadb(js, jn, 0, &jerr);
    if (obj == NULL) {
      /* Malformed even while sniffing: reported like any feed line. */
      td__diag(r->diag, TD_SEV_ERROR, name, ln,
               "malformed JSON (column %d): %s", jerr.column, jerr.text);
      r->stats->rejected++;
      first = 0;
      continue;
    }
    if (!json_is_object(obj)) {
      json_decref(obj);
      reject(r, name, ln, "%s", "not a JSON object");
      first = 0;
      continue;
    }
    if (nbad)
      td__diag(r->diag, TD_SEV_WARNING, name, ln,
               "invalid UTF-8: %zu byte%s replaced by U+FFFD (first at "
               "column %zu)",
               nbad, nbad == 1 ? "" : "s", bad + skip + 1);
    if (first && sniff && !has_text_field(obj)) {
      json_decref(obj);
      td__diag(r->diag, TD_SEV_WARNING, name, ln,
               "not an article feed (no text, maintext, body or content "
               "field): skipped");
      break;
    }
    first = 0;
    td_doc *doc = jsonl_doc(r, obj, name, ln);
    json_decref(obj);
    if (doc && (rc = deliver(r, doc)) != 0) break;
  }
  if (rc == 0 && ferror(f)) {
    td__diag(r->diag, TD_SEV_ERROR, name, lr->line + 1, "cannot read: %s",
             strerror(errno));
    r->stats->rejected++;
  }
  td__buf_free(&line);
  td__buf_free(&fixed);
  free(lr);
  return rc;
}

/* ---- Reuters-21578 SGML ----------------------------------------------- */

/* Find "<tag" followed by '>' or a space in s[0..n); returns the position
 * just after the opening tag's '>' and sets *content_end to the start of
 * "</tag>" (or n when unclosed). NULL when there is no such tag. */
static const char *sgml_find(const char *s, size_t n, const char *tag,
                             const char **content_end) {
  size_t tl = strlen(tag);
  const char *end = s + n;
  for (const char *p = s; p < end;) {
    const char *lt = memchr(p, '<', (size_t)(end - p));
    if (lt == NULL) return NULL;
    if ((size_t)(end - lt) > tl + 1 && memcmp(lt + 1, tag, tl) == 0 &&
        (lt[tl + 1] == '>' || lt[tl + 1] == ' ')) {
      const char *gt = memchr(lt, '>', (size_t)(end - lt));
      if (gt == NULL) return NULL;
      const char *c = gt + 1;
      *content_end = end;
      for (const char *q = c; q < end;) {
        const char *l2 = memchr(q, '<', (size_t)(end - q));
        if (l2 == NULL) break;
        if ((size_t)(end - l2) >= tl + 3 && l2[1] == '/' &&
            memcmp(l2 + 2, tag, tl) == 0 && l2[tl + 2] == '>') {
          *content_end = l2;
          break;
        }
        q = l2 + 1;
      }
      return c;
    }
    p = lt + 1;
  }
  return NULL;
}

/* Append s[0..n) to out with SGML entities decoded and tags removed when
 * strip_tags is set. Character references to control characters (the
 * &#2; / &#3; story markers, &#5;, &#22;, &#127; ...) are dropped; tab and
 * newline are kept. Unknown entities stay as written. */
static void sgml_decode(const char *s, size_t n, td__buf *out, int strip_tags) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '&' && !(strip_tags && s[j] == '<')) j++;
    td__buf_put(out, s + i, j - i);
    if (j >= n) break;
    i = j;
    if (s[i] == '<') {
      const char *gt = memchr(s + i, '>', n - i);
      i = gt ? (size_t)(gt - s) + 1 : n;
      continue;
    }
    const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
    if (semi == NULL) {
      td__buf_putc(out, '&');
      i++;
      continue;
    }
    const char *e = s + i + 1;
    size_t el = (size_t)(semi - e);
    const char *lit = NULL;
    if (el == 2 && memcmp(e, "lt", 2) == 0) lit = "<";
    if (el == 2 && memcmp(e, "gt", 2) == 0) lit = ">";
    if (el == 3 && memcmp(e, "amp", 3) == 0) lit = "&";
    if (el == 4 && memcmp(e, "quot", 4) == 0) lit = "\"";
    if (el == 4 && memcmp(e, "apos", 4) == 0) lit = "'";
    if (lit) {
      td__buf_putc(out, lit[0]);
      i = (size_t)(semi - s) + 1;
      continue;
    }
    if (el >= 2 && e[0] == '#') {
      uint32_t cp = 0;
      int hex = (e[1] == 'x' || e[1] == 'X');
      size_t k = hex ? 2 : 1;
      int ok = k < el;
      for (; k < el && ok; k++) {
        unsigned char c = (unsigned char)e[k];
        int d = td__is_digit(c)               ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (d < 0 || cp > 0x10FFFF)
          ok = 0;
        else
          cp = cp * (hex ? 16 : 10) + (uint32_t)d;
      }
      if (ok && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        if (cp == '\t' || cp == '\n' || cp >= 0xA0 ||
            (cp >= 0x20 && cp < 0x7F)) {
          char u[4];
          td__buf_put(out, u, (size_t)td__utf8_encode(cp, u));
        }
        i = (size_t)(semi - s) + 1;
        continue;
      }
    }
    td__buf_putc(out, '&');
    i++;
  }
}

/* Decoded, whitespace-trimmed and single-line (newlines become spaces). */
static char *sgml_field(const char *s, size_t n) {
  td__buf b = {0};
  sgml_decode(s, n, &b, 1);
  size_t a = 0, e = b.len;
  while (a < e && td__is_space((unsigned char)b.data[a])) a++;
  while (e > a && td__is_space((unsigned char)b.data[e - 1])) e--;
  char *r = td_xstrndup(b.data ? b.data + a : "", e - a);
  for (char *p = r; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
  td__buf_free(&b);
  return r;
}

/* Turn one <REUTERS ...>...</REUTERS> element into an article. */
static int sgml_element(reader *r, const char *el, size_t n, const char *name,
                        long line) {
  const char *gt = memchr(el, '>', n);
  const char *id = NULL;
  size_t idn = 0;
  if (gt) {
    for (const char *p = el; p + 7 < gt; p++) {
      if (memcmp(p, "NEWID=\"", 7) == 0 && (p == el || p[-1] == ' ')) {
        id = p + 7;
        const char *q = memchr(id, '"', (size_t)(gt - id));
        idn = q ? (size_t)(q - id) : 0;
        break;
      }
    }
  }
  if (id == NULL || idn == 0) {
    reject(r, name, line, "%s", "REUTERS element without a NEWID");
    return 0;
  }
  td_doc *doc = new_doc(name, line);
  doc->id = td_xstrndup(id, idn);
  td_doc_set_str(&doc->outlet, "Reuters");

  const char *ce, *c;
  if ((c = sgml_find(el, n, "DATE", &ce)) != NULL) {
    char *d = sgml_field(c, (size_t)(ce - c));
    if (*d) set_meta_date(r, doc, d);
    free(d);
  }
  const char *text = sgml_find(el, n, "TEXT", &ce);
  size_t tn = text ? (size_t)(ce - text) : 0;
  td__buf raw = {0};
  if (text) {
    const char *te;
    if ((c = sgml_find(text, tn, "TITLE", &te)) != NULL) {
      char *t = sgml_field(c, (size_t)(te - c));
      if (*t)
        doc->title = t;
      else
        free(t);
    }
    const char *body = sgml_find(text, tn, "BODY", &te);
    size_t bn = body ? (size_t)(te - body) : 0;
    if (body) {
      /* Dateline then body: "SALVADOR, Feb 26 - Showers continued ..." */
      const char *de;
      if ((c = sgml_find(text, tn, "DATELINE", &de)) != NULL) {
        while (c < de && td__is_space((unsigned char)*c)) c++;
        sgml_decode(c, (size_t)(de - c), &raw, 0);
      }
      sgml_decode(body, bn, &raw, 0);
    } else if (doc->title) {
      /* BRIEF stories: the headline is the story. */
      td__buf_put(&raw, doc->title, strlen(doc->title));
    } else {
      /* UNPROC stories: the text as it stands, tags removed. */
      sgml_decode(text, tn, &raw, 1);
    }
  }
  if (raw.len > TD_MAX_ARTICLE_BYTES) {
    td__buf_free(&raw);
    td_doc_free(doc);
    td__diag(r->diag, TD_SEV_ERROR, name, line, "%s: article over %u bytes",
             td_strerror(TD_ETOOBIG), TD_MAX_ARTICLE_BYTES);
    r->stats->rejected++;
    return 0;
  }
  /* An empty story (the corpus has UNPROC records holding only control
   * characters) is well-formed SGML with nothing to read: skipped with a
   * warning, not rejected as malformed input. */
  size_t k = 0;
  while (k < raw.len && td__is_space((unsigned char)raw.data[k])) k++;
  if (k == raw.len && doc->title == NULL) {
    td__diag(r->diag, TD_SEV_WARNING, name, line,
             "Reuters story %s is empty (no title, no text): skipped", doc->id);
    td__buf_free(&raw);
    td_doc_free(doc);
    return 0;
  }
  doc->raw_len = raw.len;
  doc->raw = td__buf_detach(&raw, NULL);
  return deliver(r, doc);
}

static const char *find_str(const char *s, size_t n, const char *pat) {
  size_t pn = strlen(pat);
  for (const char *p = s; n >= pn;) {
    const char *lt = memchr(p, pat[0], n - pn + 1);
    if (lt == NULL) return NULL;
    if (memcmp(lt, pat, pn) == 0) return lt;
    n -= (size_t)(lt - p) + 1;
    p = lt + 1;
  }
  return NULL;
}

static int read_sgml(reader *r, FILE *f, const char *name) {
  lreader *lr = td_xcalloc(1, sizeof *lr);
  lr->f = f;
  lr->bytes = &r->stats->bytes;
  td__buf el = {0}, fixed = {0};
  int rc = 0, too_long, in_el = 0, skipping = 0;
  long start = 0;
  size_t line_start;
  for (;;) {
    line_start = el.len;
    if (!lr_next(lr, &el, LINE_LIMIT, &too_long)) break;
    const char *ln = el.data + line_start;
    size_t lnn = el.len - line_start;
    if (!in_el) {
      const char *open = find_str(ln, lnn, "<REUTERS");
      if (open == NULL) {
        el.len = line_start;
        continue;
      }
      /* Keep the element from its tag on. */
      size_t off = (size_t)(open - el.data);
      memmove(el.data, el.data + off, el.len - off);
      el.len -= off;
      line_start = 0;
      in_el = 1;
      skipping = 0;
      start = lr->line;
      lnn = el.len;
    }
    td__buf_putc(&el, '\n'); /* may move el.data: ln is stale below */
    if (too_long || el.len > ELEMENT_LIMIT) skipping = 1;
    const char *close = find_str(el.data + line_start, lnn, "</REUTERS>");
    if (close == NULL) {
      if (skipping) el.len = line_start; /* keep only the current line */
      continue;
    }
    in_el = 0;
    if (skipping) {
      td__diag(r->diag, TD_SEV_ERROR, name, start, "%s: article over %u bytes",
               td_strerror(TD_ETOOBIG), TD_MAX_ARTICLE_BYTES);
      r->stats->rejected++;
      el.len = 0;
      continue;
    }
    size_t n = (size_t)(close - el.data) + strlen("</REUTERS>");
    const char *e = el.data;
    if (td__utf8_valid_prefix(e, n) < n) {
      size_t bad;
      fixed.len = 0;
      size_t nbad = td__utf8_repair(e, n, &fixed, &bad);
      long bl = start;
      for (size_t k = 0; k < bad; k++) bl += e[k] == '\n';
      td__diag(r->diag, TD_SEV_WARNING, name, bl,
               "invalid UTF-8: %zu byte%s replaced by U+FFFD", nbad,
               nbad == 1 ? "" : "s");
      e = fixed.data;
      n = fixed.len;
    }
    rc = sgml_element(r, e, n, name, start);
    el.len = 0;
    if (rc != 0) break;
  }
  if (rc == 0 && in_el) {
    td__diag(r->diag, TD_SEV_ERROR, name, start, "%s",
             "REUTERS element not closed at end of file");
    r->stats->rejected++;
  }
  if (rc == 0 && ferror(f)) {
    td__diag(r->diag, TD_SEV_ERROR, name, lr->line + 1, "cannot read: %s",
             strerror(errno));
    r->stats->rejected++;
  }
  td__buf_free(&el);
  td__buf_free(&fixed);
  free(lr);
  return rc;
}

/* ---- Streams, files and directories ----------------------------------- */

static int read_stream(reader *r, FILE *f, const char *name, td_format fmt,
                       int sniff) {
  if (fmt == TD_FMT_AUTO) {
    fmt = strcmp(name, "-") == 0 ? TD_FMT_JSONL : format_of(name);
    if (fmt == TD_FMT_AUTO) fmt = TD_FMT_TEXT;
  }
  switch (fmt) {
    case TD_FMT_JSONL:
      return read_jsonl(r, f, name, sniff);
    case TD_FMT_SGML:
      return read_sgml(r, f, name);
    default:
      return read_text(r, f, name);
  }
}

int td_read_stream(FILE *f, const char *name, td_format fmt, td_read_fn fn,
                   void *ud, const td_diag *diag, td_read_stats *stats) {
  td_read_stats local = {0};
  reader r = {
      .fn = fn, .ud = ud, .diag = diag, .stats = stats ? stats : &local};
  return read_stream(&r, f, name ? name : "-", fmt, 0);
}

static int read_file(reader *r, const char *path, td_format fmt, int sniff) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    reject(r, path, 0, "cannot open: %s", strerror(errno));
    return 0;
  }
  struct stat st;
  if (fmt == TD_FMT_TEXT && fstat(fileno(f), &st) == 0 &&
      st.st_size > (off_t)TD_MAX_ARTICLE_BYTES) {
    fclose(f);
    td__diag(r->diag, TD_SEV_ERROR, path, 1, "%s: %lld bytes, limit %u",
             td_strerror(TD_ETOOBIG), (long long)st.st_size,
             TD_MAX_ARTICLE_BYTES);
    r->stats->rejected++;
    return 0;
  }
  int rc = read_stream(r, f, path, fmt, sniff);
  fclose(f);
  return rc;
}

/* Documentation that sits next to articles: README.txt, LICENSE.txt ...
 * (the name before its first dot, any case). */
static bool is_doc_name(const char *name) {
  static const char *const docs[] = {"readme",  "license", "licence",
                                     "copying", "changes", "changelog",
                                     "notice",  "authors", NULL};
  size_t n = strcspn(name, ".");
  for (const char *const *d = docs; *d; d++)
    if (strlen(*d) == n && td__ieq(name, *d, n)) return true;
  return false;
}

static int skip_hidden(const struct dirent *e) {
  return e->d_name[0] != '.';
}

static int by_name(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

/* The directories being walked, outermost first, to refuse symlink loops. */
typedef struct walk_frame {
  dev_t dev;
  ino_t ino;
  const struct walk_frame *up;
} walk_frame;

static int walk_dir(reader *r, const char *path, const walk_frame *up) {
  struct dirent **names;
  int n = scandir(path, &names, skip_hidden, by_name);
  if (n < 0) {
    reject(r, path, 0, "cannot read directory: %s", strerror(errno));
    return 0;
  }
  /* A directory of Reuters .sgm files is a corpus distribution: its .txt
   * files are the corpus's documentation and category lists. */
  int has_sgml = 0, docs_skipped = 0;
  for (int i = 0; i < n; i++)
    if (format_of(names[i]->d_name) == TD_FMT_SGML) has_sgml = 1;
  size_t pl = strlen(path);
  while (pl > 1 && path[pl - 1] == '/') pl--;
  int rc = 0;
  for (int i = 0; i < n && rc == 0; i++) {
    const char *nm = names[i]->d_name;
    td__buf full = {0};
    td__buf_put(&full, path, pl);
    if (!(pl == 1 && path[0] == '/')) td__buf_putc(&full, '/');
    td__buf_put(&full, nm, strlen(nm));
    struct stat st;
    if (stat(full.data, &st) != 0) {
      reject(r, full.data, 0, "cannot read: %s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
      int loop = 0;
      for (const walk_frame *w = up; w; w = w->up)
        if (w->dev == st.st_dev && w->ino == st.st_ino) loop = 1;
      if (loop) {
        td__diag(r->diag, TD_SEV_WARNING, full.data, 0,
                 "directory loop: skipped");
      } else {
        walk_frame here = {st.st_dev, st.st_ino, up};
        const char *outer = r->id_prefix;
        td__buf prefix = {0};
        td__buf_printf(&prefix, "%s%s/", outer ? outer : "", nm);
        r->id_prefix = prefix.data;
        rc = walk_dir(r, full.data, &here);
        r->id_prefix = outer;
        td__buf_free(&prefix);
      }
    } else if (S_ISREG(st.st_mode)) {
      td_format fmt = format_of(nm);
      if (fmt == TD_FMT_TEXT && (is_doc_name(nm) || has_sgml)) {
        docs_skipped++;
      } else if (fmt != TD_FMT_AUTO) {
        rc = read_file(r, full.data, fmt, fmt == TD_FMT_JSONL);
      }
    }
    td__buf_free(&full);
  }
  if (has_sgml && docs_skipped > 0)
    td__diag(r->diag, TD_SEV_WARNING, path, 0,
             "%d text file%s next to the .sgm files taken as corpus "
             "documentation, not articles",
             docs_skipped, docs_skipped == 1 ? "" : "s");
  for (int i = 0; i < n; i++) free(names[i]);
  free(names);
  return rc;
}

int td_read_path(const char *path, td_read_fn fn, void *ud, const td_diag *diag,
                 td_read_stats *stats) {
  td_read_stats local = {0};
  reader r = {
      .fn = fn, .ud = ud, .diag = diag, .stats = stats ? stats : &local};
  if (strcmp(path, "-") == 0)
    return read_stream(&r, stdin, "-", TD_FMT_JSONL, 0);
  struct stat st;
  if (stat(path, &st) != 0) {
    reject(&r, path, 0, "cannot read: %s", strerror(errno));
    return 0;
  }
  if (S_ISDIR(st.st_mode)) {
    walk_frame top = {st.st_dev, st.st_ino, NULL};
    return walk_dir(&r, path, &top);
  }
  /* Named explicitly: any extension other than a feed's is text. */
  td_format fmt = format_of(path);
  return read_file(&r, path, fmt == TD_FMT_AUTO ? TD_FMT_TEXT : fmt, 0);
}
