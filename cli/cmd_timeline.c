/*
 * cmd_timeline.c - `tidings timeline`: the merged timeline, one entry per
 * real event with the articles and sentences that report it, as a table
 * (100 columns), JSON Lines, CSV with GDELT column names, or one
 * self-contained HTML page with a cooperation/conflict chart.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: tidings timeline [--db FILE] [--from DATE] [--to DATE]\n"
    "         [--actor CODE]... [--pair A,B] [--root NN] [--min-articles N]\n"
    "         [--include-background] [--ungrouped]\n"
    "         [--format table|jsonl|csv|html]\n"
    "\n"
    "The deduplicated timeline: one entry per real event, merged across "
    "articles,\nciting every article and sentence that reports it.\n"
    "\n"
    "  --db FILE              the store (default: $TIDINGS_DB, else "
    "tidings.db)\n"
    "  --from DATE, --to DATE entries overlapping these dates (ISO 8601: "
    "2022,\n"
    "                         2022-01 or 2022-01-31)\n"
    "  --actor CODE           entries with an actor whose CAMEO code starts "
    "with\n"
    "                         CODE (USA matches USAGOV); repeat for any of "
    "several\n"
    "  --pair A,B             entries between A and B, either direction\n"
    "  --root NN              entries of this CAMEO root (04: consult)\n"
    "  --min-articles N       entries cited by at least N articles\n"
    "  --include-background   also events found only in repeated background\n"
    "                         paragraphs\n"
    "  --ungrouped            in the table and HTML, one row per entry; by\n"
    "                         default the entries of a date that cite a\n"
    "                         common sentence (one happening, several dyads or\n"
    "                         codes) are one row, its articles counted once\n"
    "  --format FMT           table (default), jsonl (each entry with its "
    "group),\n"
    "                         csv (GDELT column names) or html (one self-\n"
    "                         contained page with a chart)\n"
    "  --help                 show this help\n";

typedef struct tl_out {
  cli_format fmt;
  FILE *out;
  const td_lexicon *lx;
  const char *pair[2];
  /* For the HTML chart: (day, goldstein) of each day-precise entry. */
  struct {
    int64_t day;
    double g;
  } * points;
  size_t n_points, cap_points;
  size_t n_entries, n_rows; /* rows: entries that lead their group */
  const td_timeline_groups *groups; /* NULL: --ungrouped */
} tl_out;

static json_t *str_or_null(const char *s) {
  return s && *s ? json_string(s) : json_null();
}

static const char *precision_name(int p) {
  switch (p) {
    case TD_PREC_YEAR:
      return "year";
    case TD_PREC_MONTH:
      return "month";
    case TD_PREC_NONE:
      return "none";
    default:
      return "day";
  }
}

/* ---- jsonl ---- */

static void print_jsonl(tl_out *o, const td_timeline_entry *e,
                        const td_cameo *c) {
  char date[24];
  td_date_format(e->date, date, sizeof date);
  json_t *j = json_object();
  json_object_set_new(j, "id", json_integer(e->id));
  json_object_set_new(j, "date", json_string(date));
  json_object_set_new(j, "date_precision",
                      json_string(precision_name(e->date.precision)));
  json_object_set_new(j, "source", json_string(e->source));
  json_object_set_new(j, "source_name", str_or_null(e->source_name));
  json_object_set_new(j, "target", json_string(e->target));
  json_object_set_new(j, "target_name", str_or_null(e->target_name));
  json_object_set_new(j, "code", json_string(e->code));
  json_object_set_new(j, "name", str_or_null(c ? c->name : NULL));
  json_object_set_new(j, "root", json_string(e->root));
  json_object_set_new(j, "goldstein",
                      c ? json_real(c->goldstein) : json_null());
  json_object_set_new(j, "quad_class",
                      c ? json_integer(c->quad_class) : json_null());
  json_object_set_new(j, "modality", json_string(cli_modality(e->flags)));
  json_object_set_new(j, "negated", json_boolean(e->flags & TD_EVF_NEGATED));
  json_object_set_new(j, "symmetric", json_boolean(e->symmetric));
  json_object_set_new(j, "background",
                      json_boolean(e->flags & TD_EVF_BACKGROUND));
  json_object_set_new(j, "is_root", json_boolean(e->is_root));
  /* The entry leading its group (itself when alone or leading). */
  const td_timeline_group *g =
      o->groups ? td_timeline_group_of(o->groups, e->id) : NULL;
  json_object_set_new(j, "group", json_integer(g ? g->leader : e->id));
  json_t *docs = json_array(), *ms = json_array();
  for (long i = 0; i < e->n_mentions; i++) {
    const td_event_mention *m = &e->mentions[i];
    bool seen = false;
    for (long k = 0; k < i && !seen; k++)
      seen = strcmp(e->mentions[k].doc, m->doc) == 0;
    if (!seen) json_array_append_new(docs, json_string(m->doc));
    json_t *mj = cli_mention_json(m, td_cameo_lookup(o->lx, m->code));
    json_array_append_new(ms, mj);
  }
  json_object_set_new(j, "docs", docs);
  json_object_set_new(j, "n_mentions", json_integer(e->n_mentions));
  json_object_set_new(j, "n_articles", json_integer(e->n_articles));
  json_object_set_new(j, "n_reports", json_integer(e->n_reports));
  json_object_set_new(j, "n_outlets", json_integer(e->n_outlets));
  json_object_set_new(j, "first_reported", str_or_null(e->first_reported));
  json_object_set_new(j, "first_doc", str_or_null(e->first_doc));
  json_object_set_new(j, "mentions", ms);
  char *s = json_dumps(
      j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  fprintf(o->out, "%s\n", s);
  free(s);
  json_decref(j);
}

/* ---- csv ---- */

static const char csv_header[] =
    "GLOBALEVENTID,SQLDATE,Date,DatePrecision,Actor1Code,Actor1Name,"
    "Actor2Code,Actor2Name,IsRootEvent,EventCode,EventBaseCode,"
    "EventRootCode,QuadClass,GoldsteinScale,NumMentions,NumSources,"
    "NumArticles,NumReports,SOURCEURL,Modality,Background,FirstReported,"
    "Docs,Evidence\n";

static void print_csv(tl_out *o, const td_timeline_entry *e,
                      const td_cameo *c) {
  FILE *f = o->out;
  char date[24], base[4];
  td_date_format(e->date, date, sizeof date);
  /* SQLDATE is GDELT's YYYYMMDD; a coarser date gives its first day. */
  fprintf(f, "%lld,%04d%02d%02d,%s,%s,", (long long)e->id, e->date.year,
          e->date.month ? e->date.month : 1, e->date.day ? e->date.day : 1,
          date, precision_name(e->date.precision));
  cli_csv_field(f, e->source);
  fputc(',', f);
  cli_csv_field(f, e->source_name);
  fputc(',', f);
  cli_csv_field(f, e->target);
  fputc(',', f);
  cli_csv_field(f, e->target_name);
  snprintf(base, sizeof base, "%.3s", e->code);
  fprintf(f, ",%d,%s,%s,%s,", e->is_root ? 1 : 0, e->code, base, e->root);
  if (c)
    fprintf(f, "%d,%.1f,", c->quad_class, c->goldstein);
  else
    fputs(",,", f);
  fprintf(f, "%ld,%ld,%ld,%ld,", e->n_mentions, e->n_outlets, e->n_articles,
          e->n_reports);
  cli_csv_field(f, e->first_url ? e->first_url : e->first_doc);
  fprintf(f, ",%s,%d,", cli_modality(e->flags),
          (e->flags & TD_EVF_BACKGROUND) ? 1 : 0);
  cli_csv_field(f, e->first_reported);
  fputc(',', f);
  /* Docs: the citing article ids, space-separated. */
  char *docs = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&docs, &len);
  for (long i = 0; i < e->n_mentions; i++) {
    bool seen = false;
    for (long k = 0; k < i && !seen; k++)
      seen = strcmp(e->mentions[k].doc, e->mentions[i].doc) == 0;
    if (!seen) fprintf(mem, "%s%s", ftell(mem) ? " " : "", e->mentions[i].doc);
  }
  fclose(mem);
  cli_csv_field(f, docs);
  free(docs);
  fputc(',', f);
  cli_csv_field(f, e->n_mentions ? e->mentions[0].sentence : NULL);
  fputc('\n', f);
}

/* ---- table ---- */

static const char *label(const char *name, const char *code) {
  if (name && *name) return name;
  return code && *code ? code : "-";
}

static void flags_text(unsigned flags, char *buf, size_t n) {
  buf[0] = '\0';
  if (flags & TD_EVF_PLANNED) snprintf(buf, n, "planned");
  if (flags & TD_EVF_HYPOTHETICAL) snprintf(buf, n, "hypoth");
  if (flags & TD_EVF_NEGATED)
    snprintf(buf + strlen(buf), n - strlen(buf), "%snegated",
             buf[0] ? "," : "");
  if (flags & TD_EVF_BACKGROUND)
    snprintf(buf + strlen(buf), n - strlen(buf), "%sbackgr", buf[0] ? "," : "");
  if (!buf[0]) snprintf(buf, n, "-");
}

/* The group entry e leads, or NULL when e is shown under its leader (or
 * there are no groups). *member: e is a member not leading its group. */
static const td_timeline_group *group_led(const tl_out *o,
                                          const td_timeline_entry *e,
                                          int *member) {
  *member = 0;
  if (!o->groups) return NULL;
  const td_timeline_group *g = td_timeline_group_of(o->groups, e->id);
  if (g && g->leader != e->id) *member = 1;
  return g && g->leader == e->id ? g : NULL;
}

/* Member i of group g as "who -> whom code name". */
static void group_member(const tl_out *o, const td_timeline_group *g,
                         size_t i, char *buf, size_t n) {
  const td_timeline_member *m = &g->members[i];
  const char *sn = m->source_name && *m->source_name ? m->source_name
                   : *m->source                      ? m->source
                                                     : "-";
  const char *tn = m->target_name && *m->target_name ? m->target_name
                   : *m->target                      ? m->target
                                                     : "-";
  const td_cameo *c = td_cameo_lookup(o->lx, m->code);
  char fl[40];
  flags_text(m->flags, fl, sizeof fl);
  int plain = strcmp(fl, "-") == 0;
  snprintf(buf, n, "%s %s %s %s%s%s%s%s%s", sn, m->symmetric ? "<->" : "->",
           tn, m->code, c ? " " : "", c ? c->name : "", plain ? "" : " (",
           plain ? "" : fl, plain ? "" : ")");
}

/* The other entries of group g as "who -> whom code name; ...". */
static void group_others(const tl_out *o, const td_timeline_group *g,
                         char *buf, size_t n) {
  size_t len = 0;
  buf[0] = '\0';
  for (size_t i = 1; i < g->n_members && len + 1 < n; i++) {
    char one[256];
    group_member(o, g, i, one, sizeof one);
    int w = snprintf(buf + len, n - len, "%s%s", i > 1 ? "; " : "", one);
    if (w < 0) break;
    len += (size_t)w;
  }
}
/* Two lines an entry, 100 columns: date, who -> whom, what, flags,
 * articles; then the evidence sentence with its article. */
static void print_table(tl_out *o, const td_timeline_entry *e,
                        const td_cameo *c, const td_timeline_group *g) {
  FILE *f = o->out;
  char date[24], who[160], fl[40], what[160];
  td_date_format(e->date, date, sizeof date);
  snprintf(who, sizeof who, "%.24s %s %.24s", label(e->source_name, e->source),
           e->symmetric ? "<->" : "->", label(e->target_name, e->target));
  snprintf(what, sizeof what, "%s %s", e->code, c ? c->name : "");
  flags_text(e->flags, fl, sizeof fl);
  cli_table_cell(f, date, 10);
  fputs("  ", f);
  cli_table_cell(f, who, 34);
  fputs("  ", f);
  cli_table_cell(f, what, 32);
  fputs("  ", f);
  cli_table_cell(f, fl, 9);
  fprintf(f, " %5ld\n", g ? g->n_articles : e->n_articles);
  /* The other entries of its group, a line each (at most four). */
  for (size_t i = 1; g && i < g->n_members; i++) {
    char one[256];
    if (i == 4 && g->n_members > 5)
      snprintf(one, sizeof one, "and %zu more", g->n_members - 4);
    else
      group_member(o, g, i, one, sizeof one);
    fputs("            + ", f);
    cli_table_text(f, one, 86);
    fputc('\n', f);
    if (i == 4) break;
  }
  if (e->n_mentions) {
    char ev[4096];
    snprintf(ev, sizeof ev, "%s: %s", e->mentions[0].doc,
             e->mentions[0].sentence);
    for (char *p = ev; *p; p++)
      if (*p == '\n' || *p == '\t') *p = ' ';
    fputs("            ", f);
    cli_table_text(f, ev, 88);
    fputc('\n', f);
  }
}

/* ---- html ---- */

static void html_text(FILE *f, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
      case '&':
        fputs("&amp;", f);
        break;
      case '<':
        fputs("&lt;", f);
        break;
      case '>':
        fputs("&gt;", f);
        break;
      case '"':
        fputs("&quot;", f);
        break;
      default:
        fputc(*s, f);
    }
  }
}

static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, "
    "initial-scale=1\">\n"
    "<title>tidings timeline</title>\n<style>\n"
    "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}\n"
    "h1{font-size:1.4em}table{border-collapse:collapse;width:100%}\n"
    "th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f3f3f3}td.n{text-align:right}td.d{white-space:nowrap}\n"
    ".coop{color:#1a7f37}.conf{color:#b3261e}.flag{font-size:.85em;"
    "color:#555}\n"
    "blockquote{margin:.2em 0;color:#444;font-style:italic}\n"
    "details{font-size:.9em}svg{max-width:100%;height:auto;"
    "background:#fafafa;border:1px solid #e5e5e5}\n"
    "</style>\n</head>\n<body>\n";

static void html_row(tl_out *o, const td_timeline_entry *e, const td_cameo *c,
                     const td_timeline_group *g) {
  FILE *f = o->out;
  char date[24], fl[40];
  td_date_format(e->date, date, sizeof date);
  flags_text(e->flags, fl, sizeof fl);
  const char *cls = !c                 ? ""
                    : c->goldstein > 0 ? "coop"
                    : c->goldstein < 0 ? "conf"
                                       : "";
  fprintf(f, "<tr><td class=\"d\">%s</td><td>", date);
  html_text(f, label(e->source_name, e->source));
  fprintf(f, " <span class=\"flag\">%s</span> %s ", e->source,
          e->symmetric ? "&harr;" : "&rarr;");
  html_text(f, label(e->target_name, e->target));
  fprintf(f, " <span class=\"flag\">%s</span>", e->target);
  if (g && g->n_members > 1) {
    char also[1024];
    group_others(o, g, also, sizeof also);
    fputs("<br><span class=\"flag\">also: ", f);
    html_text(f, also);
    fputs("</span>", f);
  }
  fprintf(f, "</td><td class=\"%s\">%s ", cls, e->code);
  html_text(f, c ? c->name : "");
  if (c) fprintf(f, " <span class=\"flag\">(%+.1f)</span>", c->goldstein);
  fprintf(f, "</td><td class=\"flag\">%s</td><td class=\"n\">%ld</td>",
          strcmp(fl, "-") ? fl : "", g ? g->n_articles : e->n_articles);
  fprintf(f, "<td class=\"n\">%ld</td><td>", e->n_outlets);
  if (e->n_mentions) {
    fputs("<blockquote>", f);
    html_text(f, e->mentions[0].sentence);
    fputs("</blockquote><span class=\"flag\">", f);
    html_text(f, e->mentions[0].doc);
    fputs("</span>", f);
  }
  if (e->n_mentions > 1) {
    fprintf(f, "<details><summary>%ld mentions</summary><ul>", e->n_mentions);
    for (long i = 0; i < e->n_mentions; i++) {
      const td_event_mention *m = &e->mentions[i];
      fputs("<li>", f);
      html_text(f, m->doc);
      if (m->outlet) {
        fputs(" (", f);
        html_text(f, m->outlet);
        fputs(")", f);
      }
      if (m->flags & TD_EVF_BACKGROUND) fputs(" [background]", f);
      fputs(": ", f);
      html_text(f, m->sentence);
      fputs("</li>", f);
    }
    fputs("</ul></details>", f);
  }
  fputs("</td></tr>\n", f);
}

static int cmp_point(const void *a, const void *b) {
  const int64_t *x = a, *y = b;
  return *x < *y ? -1 : *x > *y;
}

/* The chart: for each day, the Goldstein sum of its cooperative entries
 * as a green bar up, of its conflictual entries as a red bar down, and the
 * net sum as a dot. Drawn here as inline SVG, with a <title> tooltip per
 * day: no script, no network. */
static void html_chart(tl_out *o) {
  FILE *f = o->out;
  if (o->n_points == 0) {
    fputs("<p>No day-precise entry with a known CAMEO code to chart.</p>\n", f);
    return;
  }
  qsort(o->points, o->n_points, sizeof *o->points, cmp_point);
  int64_t d0 = o->points[0].day, d1 = o->points[o->n_points - 1].day;
  size_t ndays = (size_t)(d1 - d0 + 1);
  double *coop = td_xcalloc(ndays, sizeof *coop);
  double *conf = td_xcalloc(ndays, sizeof *conf);
  int *count = td_xcalloc(ndays, sizeof *count);
  for (size_t i = 0; i < o->n_points; i++) {
    size_t k = (size_t)(o->points[i].day - d0);
    if (o->points[i].g >= 0)
      coop[k] += o->points[i].g;
    else
      conf[k] += o->points[i].g;
    count[k]++;
  }
  double top = 1, bottom = -1;
  for (size_t k = 0; k < ndays; k++) {
    if (coop[k] > top) top = coop[k];
    if (conf[k] < bottom) bottom = conf[k];
  }
  const double W = 960, H = 310, L = 56, R = 16, T = 30, B = 40;
  double pw = W - L - R, ph = H - T - B;
  double bw = pw / (double)ndays;
  double zero = T + ph * top / (top - bottom);
  double scale = ph / (top - bottom);
  fprintf(f,
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f "
          "%.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
          "aria-label=\"Daily Goldstein sum\">\n",
          W, H, W, H);
  /* Axis and ticks. */
  fprintf(f,
          "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
          "stroke=\"#888\"/>\n",
          L, zero, W - R, zero);
  double ticks[] = {top, top / 2, 0, bottom / 2, bottom};
  for (int i = 0; i < 5; i++) {
    double y = zero - ticks[i] * scale;
    fprintf(f,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
            "text-anchor=\"end\" fill=\"#555\">%.1f</text>\n"
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
            "stroke=\"#e0e0e0\"/>\n",
            L - 6, y + 4, ticks[i], L, y, W - R, y);
  }
  for (size_t k = 0; k < ndays; k++) {
    if (count[k] == 0) continue;
    int y, m, d;
    td_civil_from_days(d0 + (int64_t)k, &y, &m, &d);
    double x = L + bw * (double)k + bw * 0.1, w = bw * 0.8;
    if (w < 0.5) w = 0.5;
    fprintf(f,
            "<g><title>%04d-%02d-%02d: %d entries, cooperation %+.1f, "
            "conflict %+.1f, net %+.1f</title>",
            y, m, d, count[k], coop[k], conf[k], coop[k] + conf[k]);
    if (coop[k] > 0)
      fprintf(f,
              "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
              "fill=\"#2da44e\"/>",
              x, zero - coop[k] * scale, w, coop[k] * scale);
    if (conf[k] < 0)
      fprintf(f,
              "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
              "fill=\"#cf222e\"/>",
              x, zero, w, -conf[k] * scale);
    fputs("</g>\n", f);
  }
  /* The net sum of each day with entries, as a dot: a line would invent
   * values for the days between. */
  for (size_t k = 0; k < ndays; k++)
    if (count[k])
      fprintf(f, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3\" fill=\"#222\"/>\n",
              L + bw * ((double)k + 0.5), zero - (coop[k] + conf[k]) * scale);
  /* Date labels: first, last, and about eight between. */
  size_t step = ndays / 8 ? ndays / 8 : 1;
  for (size_t k = 0; k < ndays; k += step) {
    int y, m, d;
    td_civil_from_days(d0 + (int64_t)k, &y, &m, &d);
    fprintf(f,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
            "text-anchor=\"middle\" fill=\"#555\">%04d-%02d-%02d</text>\n",
            L + bw * ((double)k + 0.5), H - B + 16, y, m, d);
  }
  /* Legend, above the plot. */
  fprintf(f,
          "<rect x=\"%.1f\" y=\"8\" width=\"10\" height=\"10\" "
          "fill=\"#2da44e\"/><text x=\"%.1f\" y=\"17\" font-size=\"11\" "
          "fill=\"#333\">cooperation (Goldstein &gt; 0)</text>"
          "<rect x=\"%.1f\" y=\"8\" width=\"10\" height=\"10\" "
          "fill=\"#cf222e\"/><text x=\"%.1f\" y=\"17\" font-size=\"11\" "
          "fill=\"#333\">conflict (Goldstein &lt; 0)</text>"
          "<circle cx=\"%.1f\" cy=\"13\" r=\"3\" fill=\"#222\"/>"
          "<text x=\"%.1f\" y=\"17\" font-size=\"11\" fill=\"#333\">"
          "net daily sum</text>\n",
          L, L + 14, L + 190, L + 204, L + 375, L + 384);
  fputs("</svg>\n", f);
  free(coop);
  free(conf);
  free(count);
}

/* Only what happened is charted: planned, hypothetical and negated
 * entries are listed but add nothing to the day's sum. */
static void collect_point(tl_out *o, const td_timeline_entry *e,
                          const td_cameo *c) {
  if (!c || e->date.precision < TD_PREC_DAY) return;
  if (e->flags & (TD_EVF_PLANNED | TD_EVF_HYPOTHETICAL | TD_EVF_NEGATED))
    return;
  if (o->n_points == o->cap_points) {
    o->cap_points = o->cap_points ? o->cap_points * 2 : 256;
    o->points = td_xrealloc(o->points, o->cap_points * sizeof *o->points);
  }
  o->points[o->n_points].day =
      td_days_from_civil(e->date.year, e->date.month, e->date.day);
  o->points[o->n_points].g = c->goldstein;
  o->n_points++;
}

/* ---- the command ---- */

static int parse_date_opt(const char *opt, const char *s, td_date *d) {
  if (td_date_parse_iso(s, d) != 0 || !td_date_has_year(*d))
    return cli_usage_error("timeline",
                           "%s wants an ISO 8601 date "
                           "(2022, 2022-01 or 2022-01-31), not '%s'",
                           opt, s);
  return 0;
}

int td_cmd_timeline(int argc, char **argv) {
  static const struct option opts[] = {
      {"db", required_argument, NULL, 'd'},
      {"from", required_argument, NULL, 'F'},
      {"to", required_argument, NULL, 'T'},
      {"actor", required_argument, NULL, 'a'},
      {"pair", required_argument, NULL, 'p'},
      {"root", required_argument, NULL, 'r'},
      {"min-articles", required_argument, NULL, 'm'},
      {"include-background", no_argument, NULL, 'b'},
      {"ungrouped", no_argument, NULL, 'u'},
      {"format", required_argument, NULL, 'f'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *db = td_store_default_path();
  tl_out o = {.fmt = CLI_FMT_TABLE, .out = stdout};
  td_timeline_filter filter = {0};
  const char **actors = NULL;
  size_t n_actors = 0;
  char pair_buf[128] = "";
  int c, rc = 0;
  opterr = 0;
  int ungrouped = 0;
  while ((c = getopt_long(argc, argv, ":d:F:T:a:p:r:m:buf:h", opts, NULL)) !=
         -1) {
    switch (c) {
      case 'd':
        db = optarg;
        break;
      case 'F':
        rc = parse_date_opt("--from", optarg, &filter.from);
        break;
      case 'T':
        rc = parse_date_opt("--to", optarg, &filter.to);
        break;
      case 'a':
        if (!*optarg) {
          rc = cli_usage_error("timeline", "--actor wants a CAMEO code");
          break;
        }
        actors = td_xrealloc(actors, (n_actors + 1) * sizeof *actors);
        actors[n_actors++] = optarg;
        break;
      case 'p': {
        snprintf(pair_buf, sizeof pair_buf, "%s", optarg);
        char *comma = strchr(pair_buf, ',');
        if (!comma || comma == pair_buf || !comma[1] ||
            strchr(comma + 1, ',')) {
          rc = cli_usage_error("timeline",
                               "--pair wants two actor codes "
                               "A,B, not '%s'",
                               optarg);
          break;
        }
        *comma = '\0';
        filter.pair[0] = o.pair[0] = pair_buf;
        filter.pair[1] = o.pair[1] = comma + 1;
        break;
      }
      case 'r':
        if (strlen(optarg) != 2 || optarg[0] < '0' || optarg[0] > '2' ||
            optarg[1] < '0' || optarg[1] > '9' || strcmp(optarg, "00") == 0 ||
            strcmp(optarg, "20") > 0)
          rc = cli_usage_error("timeline",
                               "--root wants a two-digit CAMEO "
                               "root (01-20), not '%s'",
                               optarg);
        filter.root = optarg;
        break;
      case 'm': {
        char *end;
        long n = strtol(optarg, &end, 10);
        if (*optarg == '\0' || *end || n < 0)
          rc = cli_usage_error("timeline",
                               "--min-articles wants a count, "
                               "not '%s'",
                               optarg);
        filter.min_articles = n;
        break;
      }
      case 'b':
        filter.include_background = 1;
        break;
      case 'u':
        ungrouped = 1;
        break;
      case 'f':
        o.fmt = cli_format_option("timeline", optarg,
                                  1u << CLI_FMT_TABLE | 1u << CLI_FMT_JSONL |
                                      1u << CLI_FMT_CSV | 1u << CLI_FMT_HTML);
        if (!o.fmt) rc = 2;
        break;
      case 'h':
        fputs(usage_text, stdout);
        free(actors);
        return 0;
      default:
        rc = cli_option_error("timeline", c, argv);
    }
    if (rc) {
      free(actors);
      return rc;
    }
  }
  if (optind < argc) {
    free(actors);
    return cli_usage_error("timeline", "unexpected argument '%s'",
                           argv[optind]);
  }
  filter.actors = actors;
  filter.n_actors = n_actors;

  td_error err = {0};
  td_store *st = NULL;
  td_lexicon *lx = NULL;
  td_timeline_iter *it = NULL;
  td_timeline_groups *groups = NULL;
  /* Groups for the readers' views and the JSON Lines group field; CSV
   * keeps one GDELT-style row per entry. */
  int want_groups = o.fmt != CLI_FMT_CSV &&
                    !(ungrouped && o.fmt != CLI_FMT_JSONL);
  if (td_store_open(db, &st, &err) != 0 ||
      td_lexicon_open(NULL, &lx, NULL, &err) != 0 ||
      (want_groups &&
       td_timeline_groups_build(st, &filter, &groups, &err) != 0) ||
      td_timeline_open(st, &filter, &it, &err) != 0) {
    /* A filter the store refuses (--from after --to) is a usage error. */
    int usage = err.code == TD_EARG;
    if (usage)
      cli_usage_error("timeline", "%s", err.msg);
    else
      cli_print_error("timeline", &err);
    td_timeline_groups_free(groups);
    td_lexicon_free(lx);
    td_store_close(st);
    free(actors);
    return usage ? 2 : 1;
  }
  o.lx = lx;
  o.groups = groups;
  FILE *f = o.out;
  if (o.fmt == CLI_FMT_CSV) fputs(csv_header, f);
  if (o.fmt == CLI_FMT_TABLE) {
    cli_table_cell(f, "DATE", 10);
    fputs("  ", f);
    cli_table_cell(f, "WHO -> WHOM", 34);
    fputs("  ", f);
    cli_table_cell(f, "WHAT", 32);
    fputs("  ", f);
    cli_table_cell(f, "FLAGS", 9);
    fputs("  ARTS\n", f);
  }
  /* HTML: the table rows go to memory first, as the chart above them
   * needs every entry. */
  char *rows = NULL;
  size_t rows_len = 0;
  if (o.fmt == CLI_FMT_HTML) o.out = open_memstream(&rows, &rows_len);
  const td_timeline_entry *e;
  while ((rc = td_timeline_next(it, &e, &err)) == 1) {
    const td_cameo *cm = td_cameo_lookup(lx, e->code);
    /* An entry shown under its group's leader has no row of its own. */
    int member;
    const td_timeline_group *g = group_led(&o, e, &member);
    o.n_entries++;
    if (!member) o.n_rows++;
    switch (o.fmt) {
      case CLI_FMT_JSONL:
        print_jsonl(&o, e, cm);
        break;
      case CLI_FMT_CSV:
        print_csv(&o, e, cm);
        break;
      case CLI_FMT_HTML:
        collect_point(&o, e, cm);
        if (!member) html_row(&o, e, cm, g);
        break;
      default:
        if (!member) print_table(&o, e, cm, g);
    }
  }
  if (o.fmt == CLI_FMT_HTML) {
    fclose(o.out);
    o.out = f;
    fputs(html_head, f);
    fputs("<h1>Timeline", f);
    if (o.pair[0]) {
      fputs(": ", f);
      html_text(f, o.pair[0]);
      fputs(" &harr; ", f);
      html_text(f, o.pair[1]);
    }
    fprintf(f,
            "</h1>\n<p>%zu entries, each one real event merged across "
            "the articles that report it, in %zu rows (the entries of a "
            "date told in one sentence share a row). Chart: daily sum of "
            "the Goldstein scores of the day-precise entries%s "
            "(cooperation up, conflict down, the net sum as a dot).</p>\n",
            o.n_entries, o.n_rows, o.pair[0] ? " between the pair" : "");
    html_chart(&o);
    fputs(
        "<table>\n<thead><tr><th>Date</th><th>Who &rarr; whom</th>"
        "<th>What</th><th>Flags</th><th>Articles</th><th>Outlets</th>"
        "<th>Evidence</th></tr></thead>\n<tbody>\n",
        f);
    if (rows) fwrite(rows, 1, rows_len, f);
    fputs("</tbody>\n</table>\n<p class=\"flag\">Made by tidings " TD_VERSION
          ".</p>\n</body>\n</html>\n",
          f);
    free(rows);
  }
  if (rc < 0) cli_print_error("timeline", &err);
  free(o.points);
  td_timeline_groups_free(groups);
  td_timeline_close(it);
  td_lexicon_free(lx);
  td_store_close(st);
  free(actors);
  return rc < 0 ? 1 : 0;
}
