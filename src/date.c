/*
 * date.c - calendar arithmetic and the date formats of feeds.
 *
 * Days are counted from 1970-01-01 in the proleptic Gregorian calendar
 * (the civil-from-days algorithm of H. Hinnant). Every other stage does its
 * date arithmetic through these functions.
 */
#include <string.h>

#include "internal.h"

int64_t td_days_from_civil(int y, int m, int d) {
  int64_t yy = (int64_t)y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void td_civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t yy = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
  int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (mm <= 2));
  *m = mm;
  *d = dd;
}

int td_weekday(int y, int m, int d) {
  int64_t z = td_days_from_civil(y, m, d);
  /* 1970-01-01 was a Thursday (3 when Monday is 0). */
  int64_t w = (z + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

static int is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int td_days_in_month(int y, int m) {
  static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

int td_date_has_year(td_date d) {
  return d.precision != TD_PREC_NONE && d.year != 0;
}

int td_date_valid(td_date d) {
  switch ((td_precision)d.precision) {
    case TD_PREC_NONE:
      return 0;
    case TD_PREC_MINUTE:
      if (d.hour < 0 || d.hour > 23 || d.minute < 0 || d.minute > 59) return 0;
      /* fall through */
    case TD_PREC_DAY:
      if (d.day < 1 ||
          d.day > td_days_in_month(d.year ? d.year : 2000, d.month))
        return 0;
      /* fall through */
    case TD_PREC_MONTH:
      if (d.month < 1 || d.month > 12) return 0;
      /* fall through */
    case TD_PREC_YEAR:
      return d.year >= 0 && d.year <= 9999;
  }
  return 0;
}

int td_date_format(td_date d, char *buf, size_t n) {
  int w = 0;
  switch ((td_precision)d.precision) {
    case TD_PREC_NONE:
      w = snprintf(buf, n, "%s", "");
      break;
    case TD_PREC_YEAR:
      w = snprintf(buf, n, "%04d", d.year);
      break;
    case TD_PREC_MONTH:
      w = snprintf(buf, n, "%04d-%02d", d.year, d.month);
      break;
    case TD_PREC_DAY:
      w = snprintf(buf, n, "%04d-%02d-%02d", d.year, d.month, d.day);
      break;
    case TD_PREC_MINUTE:
      w = snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day,
                   d.hour, d.minute);
      break;
  }
  return w < 0 ? 0 : w;
}

/* Read exactly k digits at *s into *v; advance. */
static int digits(const char **s, int k, int *v) {
  int x = 0;
  for (int i = 0; i < k; i++) {
    if (!td__is_digit((unsigned char)(*s)[i])) return 0;
    x = x * 10 + ((*s)[i] - '0');
  }
  *s += k;
  *v = x;
  return 1;
}

int td_date_parse_iso(const char *s, td_date *out) {
  td_date d = {0};
  int v;
  while (td__is_space((unsigned char)*s)) s++;
  if (!digits(&s, 4, &v)) return TD_EPARSE;
  d.year = (int16_t)v;
  d.precision = TD_PREC_YEAR;
  if (*s == '-' && digits(&(const char *){s + 1}, 2, &v)) {
    s += 3;
    d.month = (int8_t)v;
    d.precision = TD_PREC_MONTH;
    if (*s == '-' && digits(&(const char *){s + 1}, 2, &v)) {
      s += 3;
      d.day = (int8_t)v;
      d.precision = TD_PREC_DAY;
      if ((*s == 'T' || *s == ' ') && td__is_digit((unsigned char)s[1])) {
        const char *p = s + 1;
        int h, mi;
        if (digits(&p, 2, &h) && *p == ':' && (p++, digits(&p, 2, &mi))) {
          d.hour = (int8_t)h;
          d.minute = (int8_t)mi;
          d.precision = TD_PREC_MINUTE;
          s = p;
        }
      }
    }
  }
  /* Accept trailing seconds, fraction and zone, but not more digits
   * directly after a complete field ("20221" is not a year). */
  if (td__is_digit((unsigned char)*s)) return TD_EPARSE;
  if (!td_date_valid(d)) return TD_EPARSE;
  *out = d;
  return 0;
}

int td_month_from_name(const char *s, size_t n) {
  static const char *const names[12] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (n > 0 && s[n - 1] == '.') n--;
  if (n < 3) return 0;
  for (int m = 0; m < 12; m++) {
    size_t full = strlen(names[m]);
    if (n == full && td__ieq(s, names[m], n)) return m + 1;
    if (n == 3 && td__ieq(s, names[m], 3)) return m + 1;
    /* "Sept" */
    if (m == 8 && n == 4 && td__ieq(s, "sept", 4)) return 9;
  }
  return 0;
}

static const char *skip_sp(const char *s) {
  while (td__is_space((unsigned char)*s) || *s == ',') s++;
  return s;
}

static size_t word_len(const char *s) {
  size_t n = 0;
  while (td__is_alpha((unsigned char)s[n])) n++;
  if (s[n] == '.') n++;
  return n;
}

static int number(const char **s, int *v, int maxdig) {
  int x = 0, k = 0;
  while (td__is_digit((unsigned char)(*s)[k]) && k < maxdig)
    x = x * 10 + ((*s)[k++] - '0');
  if (k == 0 || td__is_digit((unsigned char)(*s)[k])) return 0;
  *s += k;
  *v = x;
  return k;
}

/* Optional "HH:MM" after a date. */
static void time_of_day(const char *s, td_date *d) {
  s = skip_sp(s);
  int h, mi;
  const char *p = s;
  if (number(&p, &h, 2) && *p == ':' && (p++, digits(&p, 2, &mi)) && h < 24 &&
      mi < 60) {
    d->hour = (int8_t)h;
    d->minute = (int8_t)mi;
    d->precision = TD_PREC_MINUTE;
  }
}

int td_date_parse_meta(const char *s, td_date *out) {
  if (s == NULL) return TD_EPARSE;
  while (td__is_space((unsigned char)*s)) s++;
  if (td_date_parse_iso(s, out) == 0) return 0;
  td_date d = {0};
  const char *p = s;
  /* Optional weekday: "Tue, " */
  size_t wl = word_len(p);
  if (wl >= 3 && td_month_from_name(p, wl) == 0 && !td__is_digit(*p)) {
    p = skip_sp(p + wl);
  }
  int a, y;
  const char *q = p;
  if (number(&q, &a, 2)) {
    /* "26-FEB-1987 15:01" or "01 Feb 2022" or "1 February 2022" */
    if (*q == '-' || *q == ' ') q++;
    size_t ml = word_len(q);
    int m = td_month_from_name(q, ml);
    if (m == 0) return TD_EPARSE;
    q += ml;
    if (*q == '-') q++;
    q = skip_sp(q);
    if (!number(&q, &y, 4)) return TD_EPARSE;
    if (y < 100) y += y < 50 ? 2000 : 1900;
    d.year = (int16_t)y;
    d.month = (int8_t)m;
    d.day = (int8_t)a;
    d.precision = TD_PREC_DAY;
    time_of_day(q, &d);
  } else {
    /* "February 1, 2022" */
    size_t ml = word_len(p);
    int m = td_month_from_name(p, ml);
    if (m == 0) return TD_EPARSE;
    q = skip_sp(p + ml);
    if (!number(&q, &a, 2)) return TD_EPARSE;
    q = skip_sp(q);
    if (!number(&q, &y, 4) || y < 1000) return TD_EPARSE;
    d.year = (int16_t)y;
    d.month = (int8_t)m;
    d.day = (int8_t)a;
    d.precision = TD_PREC_DAY;
    time_of_day(q, &d);
  }
  if (!td_date_valid(d)) return TD_EPARSE;
  *out = d;
  return 0;
}

const char *td_date_source_name(td_date_source s) {
  switch (s) {
    case TD_DATE_SRC_METADATA:
      return "metadata";
    case TD_DATE_SRC_DATELINE:
      return "dateline";
    case TD_DATE_SRC_STAMP:
      return "stamp";
    case TD_DATE_SRC_INFERRED:
      return "inferred";
    case TD_DATE_SRC_NONE:
      break;
  }
  return "none";
}
