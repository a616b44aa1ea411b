/*
 * dateline.c - Stage 2 (second half): the dateline and the document date.
 *
 * Reads the head of doc->text (normalized) and doc->meta_date; fills
 * doc->dateline (span, place, agency, date as written), doc->stamps (full
 * dates stamped in the head: "2022-01-30", "January 31, 2022, 10:32"),
 * doc->place, doc->agency, and a first doc->date with its td_date_source.
 * td_batch_resolve_dates then gives yearless dateline dates the year that
 * fits the other documents of the batch.
 *
 * Dateline forms, at the start of one of the first lines of the story
 * (leading spaces allowed, as in Reuters SGML):
 *   PLACE, DATE. /AGENCY/.           MOSCOW, February 2. /TASS/.
 *   PLACE, DATE (AGENCY) -           Washington, February 1 (Xinhua) -
 *   PLACE, DATE, AGENCY:             STEPANAKERT, JANUARY 31, ARTSAKHPRESS:
 *   PLACE, DATE -                    SALVADOR, Feb 26 -
 *   PLACE, REGION, DATE ...          SPRINGFIELD, Ill., March 3 (AP) -
 *   PLACE, REGION (AGENCY) -         KYIV, Ukraine (AP) -
 *   PLACE DATE -                     JOHANNESBURG March 13 -
 *   PLACE (AGENCY) -                 WASHINGTON (AP) -
 *   (AGENCY) -                       (Reuters) -
 * DATE is "Month D" or "D Month", optionally followed by ", YYYY"; up to
 * two regions may stand between place and date; a garbled date ("Narch 2")
 * still gives the place, and so does a place written in lower case before a
 * full date and the dash ("Mexico city, march 18 -"). Forms without a date
 * need a known agency. The dash may be '-', "--" or a raw en/em dash.
 * Agency names are made canonical with data/agencies.txt; place words with
 * data/place_particles.txt. Date stamps are ISO dates anywhere in the head
 * and "Month D, YYYY[, HH:MM]" or "D Month YYYY" at a line start.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

/* How far into the text the dateline and stamps are looked for. */
#define HEAD_BYTES 1500
#define HEAD_LINES 8
/* A dateline date and a stamp this many days apart or less agree. */
#define AGREE_DAYS 3

/* ---- Data: agencies and place particles --------------------------------- */

typedef struct agency_name {
  char *variant; /* as written in the file */
  char *canon;   /* shared by all variants of one agency (owned by [0]) */
} agency_name;

static agency_name *agencies;
static size_t n_agencies;
static char **particles;
static size_t n_particles;
static pthread_once_t data_once = PTHREAD_ONCE_INIT;

/* Open a data file; one that cannot be read is said and read as empty. */
static int open_data(td__lines *lr, const char *name) {
  td_error err = {0};
  if (td__lines_open(lr, NULL, name, &err) == 0) return 1;
  fprintf(stderr, "tidings: %s: %s; datelines degraded\n", err.file, err.msg);
  return 0;
}

static void load_data(void) {
  td__lines lr;
  size_t cap = 0;
  char *p;
  if (open_data(&lr, "agencies.txt"))
    while ((p = td__lines_entry(&lr)) != NULL) {
      char *canon = NULL;
      for (char *field = strtok(p, "|"); field; field = strtok(NULL, "|")) {
        char *v = td__trim(field);
        if (*v == '\0') continue;
        if (n_agencies == cap) {
          cap = cap ? cap * 2 : 64;
          agencies = td_xrealloc(agencies, cap * sizeof *agencies);
        }
        char *copy = td_xstrdup(v);
        if (canon == NULL) canon = copy;
        agencies[n_agencies++] = (agency_name){copy, canon};
      }
    }
  td__lines_close(&lr);
  cap = 0;
  if (open_data(&lr, "place_particles.txt"))
    while ((p = td__lines_entry(&lr)) != NULL) {
      if (n_particles == cap) {
        cap = cap ? cap * 2 : 32;
        particles = td_xrealloc(particles, cap * sizeof *particles);
      }
      particles[n_particles++] = td_xstrdup(p);
    }
  td__lines_close(&lr);
}

static int is_particle(const char *s, size_t n) {
  for (size_t i = 0; i < n_particles; i++)
    if (strlen(particles[i]) == n && td__ieq(particles[i], s, n)) return 1;
  return 0;
}

/* ---- Small scanners over text [i, e) ------------------------------------ */

static size_t skip_blanks(const char *t, size_t i, size_t e) {
  while (i < e && (t[i] == ' ' || t[i] == '\t')) i++;
  return i;
}

/* Length of a dash at t[i] ('-', "--", en or em dash), or 0. */
static size_t dash_len(const char *t, size_t i, size_t e) {
  if (i < e && t[i] == '-') {
    size_t j = i;
    while (j < e && t[j] == '-') j++;
    return j - i;
  }
  if (i + 2 < e && (unsigned char)t[i] == 0xE2 &&
      (unsigned char)t[i + 1] == 0x80 &&
      ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94))
    return 3;
  return 0;
}

/* Whether the character at t[i] is an upper-case letter (any script). */
static int upper_at(const char *t, size_t i, size_t e) {
  unsigned char c = (unsigned char)t[i];
  if (c < 0x80) return td__is_upper(c);
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)t + i,
                       (utf8proc_ssize_t)(e - i), &cp) <= 0)
    return 0;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* A letter byte: ASCII letter or part of a multi-byte character. */
static int letter_byte(unsigned char c) {
  return td__is_alpha(c) || c >= 0x80;
}

/* A place: one to five words, each capitalised (or a particle between
 * capitalised words), made of letters, '-', '\'', '/' and '.'; a month
 * name followed by a day ends it ("JOHANNESBURG March 13 -"). Returns its
 * end (after the last word) or 0 when there is none at i. */
static int scan_month(const char *t, size_t *i, size_t e);
static size_t scan_place(const char *t, size_t i, size_t e) {
  size_t j = i, last = 0;
  int words = 0;
  while (j < e && words < 5) {
    size_t ws = j;
    int cap = upper_at(t, j, e);
    while (j < e && (letter_byte((unsigned char)t[j]) || t[j] == '-' ||
                     t[j] == '\'' || t[j] == '.' || t[j] == '/'))
      j++;
    /* No dash or quote as the last character of a word ("WASHINGTON -"). */
    while (j > ws && (t[j - 1] == '-' || t[j - 1] == '\'' || t[j - 1] == '/'))
      j--;
    if (j == ws) break;
    if (!cap && !(words > 0 && is_particle(t + ws, j - ws))) break;
    if (words > 0) {
      size_t m = ws;
      if (scan_month(t, &m, e) && m < e && t[m] == ' ' && m + 1 < e &&
          td__is_digit((unsigned char)t[m + 1]))
        break;
    }
    words++;
    if (cap) last = j;
    if (j < e && t[j] == ' ' && j + 1 < e && t[j + 1] != '(' &&
        !dash_len(t, j + 1, e))
      j++;
    else
      break;
  }
  if (last == 0 || last - i > 48) return 0;
  return last;
}

/* A number of 1..maxd digits at t[*i], not followed by a digit. */
static int scan_num(const char *t, size_t *i, size_t e, int maxd, int *v) {
  size_t j = *i;
  int x = 0;
  while (j < e && td__is_digit((unsigned char)t[j]) && (int)(j - *i) < maxd)
    x = x * 10 + (t[j++] - '0');
  if (j == *i || (j < e && td__is_digit((unsigned char)t[j]))) return 0;
  *i = j;
  *v = x;
  return 1;
}

/* A month name at t[*i] (optionally with its period). */
static int scan_month(const char *t, size_t *i, size_t e) {
  size_t j = *i;
  /* Every English month name starts with one of these letters. */
  if (j >= e || !strchr("JFMASONDjfmasond", t[j]) || t[j] == '\0') return 0;
  while (j < e && td__is_alpha((unsigned char)t[j])) j++;
  if (j - *i < 3 || j - *i > 9) return 0;
  size_t n = j - *i;
  if (j < e && t[j] == '.') n++;
  int m = td_month_from_name(t + *i, n);
  if (m) *i = *i + n;
  return m;
}

/* "Month D" or "D Month", then optionally ", YYYY" (also " YYYY"). */
static int scan_date(const char *t, size_t *i, size_t e, td_date *out) {
  size_t j = *i;
  int m, d, y = 0;
  if ((m = scan_month(t, &j, e)) != 0) {
    j = skip_blanks(t, j, e);
    if (!scan_num(t, &j, e, 2, &d)) return 0;
  } else {
    if (!scan_num(t, &j, e, 2, &d)) return 0;
    j = skip_blanks(t, j, e);
    if ((m = scan_month(t, &j, e)) == 0) return 0;
  }
  size_t k = j;
  if (k < e && t[k] == ',') k++;
  k = skip_blanks(t, k, e);
  if (scan_num(t, &k, e, 4, &y) && y >= 1800 && y <= 2200)
    j = k;
  else
    y = 0;
  td_date dt = {.year = (int16_t)y,
                .month = (int8_t)m,
                .day = (int8_t)d,
                .precision = TD_PREC_DAY};
  if (!td_date_valid(dt)) return 0;
  *out = dt;
  *i = j;
  return 1;
}

/* Agency text between *i and the closing byte close: 1-40 bytes, starting
 * with an upper-case letter. Sets [*as, *ae) and moves *i past close. */
static int known_agency(const char *s, size_t n);

static int scan_agency(const char *t, size_t *i, size_t e, char close,
                       size_t *as, size_t *ae) {
  size_t j = *i;
  while (j < e && j - *i <= 40 && t[j] != close && t[j] != '\n') j++;
  if (j >= e || t[j] != close || j == *i || j - *i > 40) return 0;
  /* An agency is capitalised, unless it styles itself in lower case and
   * is listed: "BERLIN, June 1 (dpa) -". */
  if (!upper_at(t, *i, e) && !known_agency(t + *i, j - *i)) return 0;
  *as = *i;
  *ae = j;
  *i = j + 1;
  return 1;
}

/* ---- Names as a reader expects them ------------------------------------ */

/* Copy [s, s+n) into out (size cap) title-casing all-capital words:
 * MOSCOW -> Moscow, RIO DE JANEIRO -> Rio de Janeiro, ST. -> St. */
static void title_case(const char *s, size_t n, char *out, size_t cap,
                       int use_particles) {
  int ascii = 1;
  for (size_t i = 0; i < n; i++) ascii &= (unsigned char)s[i] < 0x80;
  if (ascii && n < cap) {
    /* The common case without utf8proc: ASCII words. */
    size_t i = 0;
    int first_word = 1;
    while (i < n) {
      size_t ws = i;
      while (i < n && s[i] != ' ' && s[i] != '-' && s[i] != '/') i++;
      int lower = 0, letters = 0;
      for (size_t k = ws; k < i; k++) {
        lower += td__is_lower((unsigned char)s[k]);
        letters += td__is_alpha((unsigned char)s[k]);
      }
      int keep = lower || letters < 2;
      int part =
          !keep && use_particles && !first_word && is_particle(s + ws, i - ws);
      int first_char = 1;
      for (size_t k = ws; k < i; k++) {
        unsigned char c = (unsigned char)s[k];
        if (!keep && !(first_char && !part)) c = td__lower(c);
        if (td__is_alpha(c)) first_char = 0;
        out[k] = (char)c;
      }
      first_word = 0;
      if (i < n) out[i] = s[i], i++;
    }
    out[n] = '\0';
    return;
  }
  td__buf b = {0};
  size_t i = 0;
  int first_word = 1;
  while (i < n) {
    /* a word runs to the next space or hyphen */
    size_t ws = i;
    while (i < n && s[i] != ' ' && s[i] != '-' && s[i] != '/') i++;
    size_t we = i;
    int has_lower = 0, letters = 0;
    for (size_t k = ws; k < we;) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + k,
                                            (utf8proc_ssize_t)(we - k), &cp);
      if (l <= 0) l = 1, cp = 0xFFFD;
      if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL) has_lower = 1;
      if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
          utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
        letters++;
      k += (size_t)l;
    }
    if (has_lower || letters < 2) {
      td__buf_put(&b, s + ws, we - ws);
    } else {
      int lower_all =
          use_particles && !first_word && is_particle(s + ws, we - ws);
      int first_char = 1;
      for (size_t k = ws; k < we;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + k,
                                              (utf8proc_ssize_t)(we - k), &cp);
        if (l <= 0) {
          td__buf_putc(&b, s[k]);
          k++;
          continue;
        }
        utf8proc_int32_t o =
            (first_char && !lower_all) ? cp : utf8proc_tolower(cp);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = utf8proc_encode_char(o, enc);
        td__buf_put(&b, enc, (size_t)el);
        if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
            utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
          first_char = 0;
        k += (size_t)l;
      }
    }
    first_word = 0;
    if (i < n) td__buf_putc(&b, s[i++]);
  }
  size_t len = b.len < cap - 1 ? b.len : cap - 1;
  /* do not cut a UTF-8 character in two */
  while (len > 0 && len < b.len && ((unsigned char)b.data[len] & 0xC0) == 0x80)
    len--;
  memcpy(out, b.data ? b.data : "", len);
  out[len] = '\0';
  td__buf_free(&b);
}

/* Whether [s, s+n) names an agency of data/agencies.txt. */
static int known_agency(const char *s, size_t n) {
  for (size_t i = 0; i < n_agencies; i++)
    if (strlen(agencies[i].variant) == n && td__ieq(agencies[i].variant, s, n))
      return 1;
  return 0;
}

/* The canonical name of the agency written [s, s+n). */
static void agency_name_of(const char *s, size_t n, char *out, size_t cap) {
  while (n > 0 && td__is_space((unsigned char)s[n - 1])) n--;
  while (n > 0 && td__is_space((unsigned char)*s)) s++, n--;
  for (size_t i = 0; i < n_agencies; i++) {
    if (strlen(agencies[i].variant) == n &&
        td__ieq(agencies[i].variant, s, n)) {
      snprintf(out, cap, "%s", agencies[i].canon);
      return;
    }
  }
  int letters = 0, lower = 0;
  for (size_t i = 0; i < n; i++) {
    if (td__is_alpha((unsigned char)s[i])) letters++;
    if (td__is_lower((unsigned char)s[i])) lower++;
  }
  if (letters > 4 && lower == 0)
    title_case(s, n, out, cap, 0);
  else
    snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), s);
}

/* ---- The dateline ------------------------------------------------------- */

/* After a date: ". /AGENCY/." (repeated), " (AGENCY)", ", AGENCY:", then an
 * optional dash. Returns the end of the dateline, or 0 if nothing marks
 * one. Sets the agency span when there is one. */
static size_t scan_tail(const char *t, size_t j, size_t e, size_t *as,
                        size_t *ae) {
  int marked = 0;
  size_t k;
  /* ". /TASS/." possibly repeated, or " /PRNewswire/ --" */
  k = j;
  if (k < e && t[k] == '.') k++;
  k = skip_blanks(t, k, e);
  if (k < e && t[k] == '/') {
    size_t q = k + 1;
    if (scan_agency(t, &q, e, '/', as, ae)) {
      marked = 1;
      if (q < e && t[q] == '.') q++;
      j = q;
      /* a repeated "/TASS/." */
      for (;;) {
        size_t r = skip_blanks(t, j, e), s2, e2;
        if (r < e && t[r] == '/' &&
            (r++, scan_agency(t, &r, e, '/', &s2, &e2))) {
          if (r < e && t[r] == '.') r++;
          j = r;
        } else {
          break;
        }
      }
    }
  }
  if (!marked) {
    k = skip_blanks(t, j, e);
    if (k < e && t[k] == '(') {
      size_t q = k + 1;
      if (scan_agency(t, &q, e, ')', as, ae)) {
        marked = 1;
        j = q;
      }
    } else if (k == j && k < e && t[k] == ',') {
      size_t q = skip_blanks(t, k + 1, e);
      if (scan_agency(t, &q, e, ':', as, ae)) {
        marked = 1;
        j = q;
      } else {
        /* ", Reuter -": an agency word before the dash */
        q = skip_blanks(t, k + 1, e);
        size_t w = q;
        while (w < e && (td__is_alpha((unsigned char)t[w]) || t[w] == '-')) w++;
        size_t d = skip_blanks(t, w, e);
        if (w > q && w - q <= 24 && upper_at(t, q, e) && d > w &&
            dash_len(t, d, e)) {
          *as = q;
          *ae = w;
          marked = 1;
          j = w;
        }
      }
    }
  }
  k = skip_blanks(t, j, e);
  /* "CHICAGO, March 4, - " */
  if (k < e && t[k] == ',' && dash_len(t, skip_blanks(t, k + 1, e), e))
    k = skip_blanks(t, k + 1, e);
  size_t dl = dash_len(t, k, e);
  /* "NEW YORK, March 2 -The exchange": the dash may touch the text, but
   * not a digit ("Feb 16-17" is a range, no dateline dash). */
  if (dl && (k + dl >= e || !td__is_digit((unsigned char)t[k + dl]))) {
    return skip_blanks(t, k + dl, e);
  }
  if (marked) return skip_blanks(t, j, e);
  /* "MOSCOW, Feb 2. The" or "MOSCOW, Feb 2: The" */
  if (j < e && (t[j] == '.' || t[j] == ':') && j + 1 < e && t[j + 1] == ' ')
    return skip_blanks(t, j + 1, e);
  return 0;
}

/* Try a dateline starting at i (end of the head e). */
static int try_dateline_strict(td_doc *doc, size_t i, size_t e) {
  const char *t = doc->text;
  size_t as = 0, ae = 0, end = 0, place_end = 0;
  td_date date = {0};
  if (t[i] == '(') {
    size_t q = i + 1;
    /* Without a date only a known agency makes a dateline: "(CORRECTION) -"
     * is none. */
    if (!scan_agency(t, &q, e, ')', &as, &ae) || !known_agency(t + as, ae - as))
      return 0;
    size_t k = skip_blanks(t, q, e);
    size_t dl = dash_len(t, k, e);
    if (!dl) return 0;
    end = skip_blanks(t, k + dl, e);
  } else {
    place_end = scan_place(t, i, e);
    if (!place_end) return 0;
    size_t j = place_end;
    /* "OAKLAND , N.J." */
    size_t k0 = skip_blanks(t, j, e);
    if (k0 < e && t[k0] == ',' && k0 - j <= 1) j = k0;
    if (j < e && t[j] == ',') {
      j = skip_blanks(t, j + 1, e);
      size_t dstart = j;
      /* Up to two regions before the date: "Ill., March 3", "Va. Feb 26",
       * "Grand Cayman, British West Indies, March 25", "the Netherlands,
       * March 31"; or a region and the dash: "WOODBRIDGE, N.J. - ". */
      int regions = 0, found = 0;
      while (!(found = scan_date(t, &j, e, &date)) && regions < 2) {
        size_t r0 = j;
        if (r0 + 4 < e && memcmp(t + r0, "the ", 4) == 0) r0 += 4;
        size_t r = scan_place(t, r0, e);
        if (!r || r - j > 32) break;
        size_t q = r;
        size_t pa = skip_blanks(t, r, e);
        if (pa > r && pa < e && t[pa] == '(') {
          /* "KYIV, Ukraine (AP) -": no date; a known agency and the dash */
          size_t q2 = pa + 1, s2, e2;
          if (!scan_agency(t, &q2, e, ')', &s2, &e2) ||
              !known_agency(t + s2, e2 - s2) ||
              !dash_len(t, skip_blanks(t, q2, e), e))
            return 0;
          j = r;
          found = 1;
          break;
        }
        if (q < e && t[q] == ',') {
          q++;
        } else if (t[r - 1] == '.' && q < e && t[q] == ' ') {
          if (dash_len(t, skip_blanks(t, q, e), e)) {
            j = r;
            found = 1; /* no date */
            break;
          }
        } else {
          break;
        }
        q = skip_blanks(t, q, e);
        /* "Md., - March 4 -" */
        if (dash_len(t, q, e) == 1 && q + 2 < e && t[q + 1] == ' ' &&
            td__is_alpha((unsigned char)t[q + 2]))
          q = skip_blanks(t, q + 1, e);
        j = dstart = q;
        regions++;
      }
      if (!found) {
        /* A garbled date ("Narch 2", "March 2O", "Marchg 12") before the
         * dash: the place alone. */
        size_t q = dstart;
        while (q < e && td__is_alpha((unsigned char)t[q]) && q - dstart < 12)
          q++;
        if (q == dstart) return 0;
        q = skip_blanks(t, q, e);
        size_t d0 = q;
        int digits = 0;
        while (q < e && td__is_alnum((unsigned char)t[q]) && q - d0 < 4)
          digits += td__is_digit((unsigned char)t[q++]);
        if (!digits) return 0; /* "Germany, France - the two" */
        q = skip_blanks(t, q, e);
        size_t dl = dash_len(t, q, e);
        if (!dl || (q + dl < e && !td__is_space((unsigned char)t[q + dl])))
          return 0;
        memset(&date, 0, sizeof date);
        j = q;
      }
      end = scan_tail(t, j, e, &as, &ae);
      if (!end) return 0;
    } else if (j < e && t[j] == ' ' && j + 1 < e &&
               td__is_upper((unsigned char)t[j + 1]) &&
               (k0 = j + 1, scan_date(t, &k0, e, &date))) {
      /* PLACE Month D - (no comma; only with the dash, so that a heading
       * "TODAY IN WASHINGTON FOR APRIL 7 (TIMES EDT)" is no dateline) */
      end = scan_tail(t, k0, e, &as, &ae);
      size_t q = end;
      while (q > k0 && td__is_space((unsigned char)t[q - 1])) q--;
      if (!end || q == k0 ||
          (t[q - 1] != '-' && (unsigned char)t[q - 1] < 0x80))
        return 0;
    } else {
      /* PLACE (AGENCY) - */
      size_t k = skip_blanks(t, j, e);
      if (k == j || k >= e || t[k] != '(') return 0;
      size_t q = k + 1;
      if (!scan_agency(t, &q, e, ')', &as, &ae) ||
          !known_agency(t + as, ae - as))
        return 0;
      k = skip_blanks(t, q, e);
      size_t dl = dash_len(t, k, e);
      if (!dl) return 0;
      end = skip_blanks(t, k + dl, e);
    }
  }
  td_dateline *dl = &doc->dateline;
  dl->start = (uint32_t)i;
  dl->end = (uint32_t)end;
  dl->date = date;
  if (place_end)
    title_case(t + i, place_end - i, dl->place, sizeof dl->place, 1);
  if (ae > as) agency_name_of(t + as, ae - as, dl->agency, sizeof dl->agency);
  return 1;
}

/* A place written in lower case ("Mexico city, march 18 -", "peoria,
 * april 7 -"): one to three words of letters, a full date and the dash.
 * The place is capitalised word by word (particles after the first word
 * excepted). */
static int try_dateline_lower(td_doc *doc, size_t i, size_t e) {
  const char *t = doc->text;
  size_t j = i;
  for (int words = 0; words < 3; words++) {
    size_t ws = j;
    while (j < e && td__is_alpha((unsigned char)t[j])) j++;
    if (j == ws) return 0;
    if (j + 1 < e && t[j] == ' ' && td__is_alpha((unsigned char)t[j + 1]))
      j++;
    else
      break;
  }
  size_t pe = j;
  if (pe - i > 32) return 0;
  if (j < e && t[j] == ' ') j++;
  if (j >= e || t[j] != ',') return 0;
  j = skip_blanks(t, j + 1, e);
  td_date date;
  if (!scan_date(t, &j, e, &date)) return 0;
  size_t as = 0, ae = 0;
  size_t end = scan_tail(t, j, e, &as, &ae);
  size_t q = end;
  while (q > j && td__is_space((unsigned char)t[q - 1])) q--;
  if (!end || q == j || t[q - 1] != '-') return 0;
  td_dateline *dl = &doc->dateline;
  dl->start = (uint32_t)i;
  dl->end = (uint32_t)end;
  dl->date = date;
  size_t n = pe - i < sizeof dl->place - 1 ? pe - i : sizeof dl->place - 1;
  for (size_t k = 0; k < n; k++) {
    char c = t[i + k];
    int word_start = k == 0 || t[i + k - 1] == ' ';
    if (word_start) {
      size_t we = k;
      while (we < n && t[i + we] != ' ') we++;
      if (k == 0 || !is_particle(t + i + k, we - k))
        c = (char)(td__is_lower((unsigned char)c) ? c - 32 : c);
    }
    dl->place[k] = c;
  }
  dl->place[n] = '\0';
  return 1;
}

static int try_dateline(td_doc *doc, size_t i, size_t e) {
  return try_dateline_strict(doc, i, e) || try_dateline_lower(doc, i, e);
}

/* ---- Date stamps -------------------------------------------------------- */

/* "HH:MM" after a date stamp (", 10:32" or " 10:32"). */
static void scan_time(const char *t, size_t j, size_t e, td_date *d) {
  if (j < e && t[j] == ',') j++;
  j = skip_blanks(t, j, e);
  int h, mi;
  if (scan_num(t, &j, e, 2, &h) && j < e && t[j] == ':' &&
      (j++, scan_num(t, &j, e, 2, &mi)) && h < 24 && mi < 60) {
    d->hour = (int8_t)h;
    d->minute = (int8_t)mi;
    d->precision = TD_PREC_MINUTE;
  }
}

static void add_stamp(td_doc *doc, td_date d) {
  if (doc->n_stamps < TD_MAX_STAMPS) doc->stamps[doc->n_stamps++] = d;
}

/* Stamps in [0, e): ISO dates anywhere, "Month D, YYYY" and "D Month YYYY"
 * at the start of a line. The dateline's own span is skipped. */
static void find_stamps(td_doc *doc, size_t e) {
  const char *t = doc->text;
  int line_start = 1;
  for (size_t i = 0; i < e; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == '\n') {
      line_start = 1;
      continue;
    }
    if (c == ' ' || c == '\t') continue;
    int at_line = line_start;
    line_start = 0;
    if (!td__is_digit(c) && !(at_line && td__is_upper(c))) continue;
    if (i >= doc->dateline.start && i < doc->dateline.end) continue;
    if (i > 0 && (td__is_alnum((unsigned char)t[i - 1]) || t[i - 1] == '-'))
      continue;
    if (td__is_digit(c) && i + 10 <= e && t[i + 4] == '-' && t[i + 7] == '-') {
      td_date d;
      char buf[24];
      size_t n = e - i < sizeof buf - 1 ? e - i : sizeof buf - 1;
      memcpy(buf, t + i, n);
      buf[n] = '\0';
      /* only the date and an optional time: cut at the first space after */
      if (td_date_parse_iso(buf, &d) == 0 && d.precision >= TD_PREC_DAY &&
          !(i + 10 < e && td__is_digit((unsigned char)t[i + 10]))) {
        add_stamp(doc, d);
        i += 9;
      }
      continue;
    }
    if (at_line && (td__is_upper(c) || td__is_digit(c))) {
      size_t j = i;
      td_date d;
      if (scan_date(t, &j, e, &d) && d.year) {
        scan_time(t, j, e, &d);
        add_stamp(doc, d);
        i = j - 1;
      }
    }
  }
}

/* ---- The document date -------------------------------------------------- */

/* The year that puts month/day of d nearest to the full date a. */
static int nearest_year(td_date d, td_date a, int64_t *dist) {
  int64_t ad =
      td_days_from_civil(a.year, a.month ? a.month : 1, a.day ? a.day : 1);
  int best = 0;
  int64_t bd = INT64_MAX;
  for (int y = a.year - 1; y <= a.year + 1; y++) {
    if (d.day > td_days_in_month(y, d.month)) continue;
    int64_t x = td_days_from_civil(y, d.month, d.day) - ad;
    if (x < 0) x = -x;
    if (x < bd) bd = x, best = y;
  }
  *dist = bd;
  return best;
}

void td_dateline_parse(td_doc *doc) {
  pthread_once(&data_once, load_data);
  memset(&doc->dateline, 0, sizeof doc->dateline);
  doc->n_stamps = 0;
  memset(&doc->date, 0, sizeof doc->date);
  doc->date_source = TD_DATE_SRC_NONE;
  free(doc->place);
  free(doc->agency);
  doc->place = doc->agency = NULL;
  const char *t = doc->text;
  size_t n = doc->text ? doc->text_len : 0;
  size_t e = n < HEAD_BYTES ? n : HEAD_BYTES;

  /* The dateline: at the start of one of the first lines. */
  size_t ls = 0;
  for (int line = 0; line < HEAD_LINES && ls < e; line++) {
    size_t i = skip_blanks(t, ls, e);
    while (i < e && t[i] == '*') i++; /* "****LONDON, March 5 -" */
    if (i < e && t[i] != '\n' && try_dateline(doc, i, e)) break;
    const char *nl = memchr(t + ls, '\n', e - ls);
    if (nl == NULL) break;
    ls = (size_t)(nl - t) + 1;
    if (i >= e || t[i] == '\n') line--; /* blank lines do not count */
  }
  /* Stamps: in the same first lines. */
  size_t he = 0;
  for (int line = 0; line < HEAD_LINES && he < e;) {
    const char *nl = memchr(t + he, '\n', e - he);
    size_t le = nl ? (size_t)(nl - t) : e;
    if (skip_blanks(t, he, le) < le) line++;
    he = nl ? le + 1 : e;
  }
  find_stamps(doc, he);
  /* A dateline right after a stamp on the same line:
   * " date 2022-01-30 MOSCOW, January 30 (TASS) -" */
  if (doc->dateline.end == 0) {
    for (size_t i = 0; i + 11 < e; i++) {
      if (td__is_digit((unsigned char)t[i]) && t[i + 4] == '-' &&
          t[i + 7] == '-' && td__is_digit((unsigned char)t[i + 9]) &&
          t[i + 10] == ' ' &&
          (i == 0 || !td__is_alnum((unsigned char)t[i - 1]))) {
        size_t j = skip_blanks(t, i + 10, e);
        if (j < e && try_dateline(doc, j, e)) break;
      }
    }
  }
  td_dateline *dl = &doc->dateline;
  if (dl->place[0]) doc->place = td_xstrdup(dl->place);
  if (dl->agency[0]) doc->agency = td_xstrdup(dl->agency);

  if (doc->meta_date.precision != TD_PREC_NONE &&
      td_date_has_year(doc->meta_date)) {
    doc->date = doc->meta_date;
    doc->date_source = TD_DATE_SRC_METADATA;
    return;
  }
  if (dl->date.precision != TD_PREC_NONE) {
    doc->date = dl->date;
    doc->date_source = TD_DATE_SRC_DATELINE;
    if (!td_date_has_year(dl->date)) {
      /* A year from a stamp that agrees with the dateline; a stamp days or
       * months away (a re-post date) is not the story's date. */
      for (unsigned k = 0; k < doc->n_stamps; k++) {
        int64_t dist;
        int y = nearest_year(dl->date, doc->stamps[k], &dist);
        if (y && dist <= AGREE_DAYS) {
          doc->date.year = (int16_t)y;
          break;
        }
      }
    }
    return;
  }
  if (doc->n_stamps > 0) {
    doc->date = doc->stamps[0];
    if (doc->date.precision > TD_PREC_DAY) {
      doc->date.precision = TD_PREC_DAY;
      doc->date.hour = doc->date.minute = 0;
    }
    doc->date_source = TD_DATE_SRC_STAMP;
  }
}

void td_batch_resolve_dates(td_doc **docs, size_t n) {
  /* The anchors are the dates the batch had before this call, so that the
   * result does not depend on the order of the documents. */
  td_date *anchors = NULL;
  size_t n_anchors = 0;
  for (size_t i = 0; i < n; i++) {
    td_doc *d = docs[i];
    if (d == NULL || d->date.precision < TD_PREC_DAY ||
        td_date_has_year(d->date))
      continue;
    if (anchors == NULL) {
      anchors = td_xmalloc((n + 1) * sizeof *anchors);
      for (size_t j = 0; j < n; j++)
        if (docs[j] && td_date_has_year(docs[j]->date))
          anchors[n_anchors++] = docs[j]->date;
    }
    int best = 0;
    int64_t bd = INT64_MAX;
    for (size_t j = 0; j < n_anchors; j++) {
      int64_t dist;
      int y = nearest_year(d->date, anchors[j], &dist);
      if (y && dist < bd) bd = dist, best = y;
    }
    /* Nothing dated in the batch: fall back on the article's own stamps. */
    for (unsigned k = 0; best == 0 && k < d->n_stamps; k++) {
      int64_t dist;
      int y = nearest_year(d->date, d->stamps[k], &dist);
      if (y && dist < bd) bd = dist, best = y;
    }
    if (best == 0) continue;
    d->date.year = (int16_t)best;
    if (d->date_source != TD_DATE_SRC_DATELINE)
      d->date_source = TD_DATE_SRC_INFERRED;
  }
  free(anchors);
}
