/*
 * cli.h - what the subcommands of the tidings CLI share: their entry
 * points (one cmd_<name>.c each) and small helpers for options, messages
 * and output formats. Exit status: 0 success, 1 the work failed or some
 * input was rejected, 2 a usage error.
 */
#ifndef TD_CLI_H
#define TD_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "tidings.h"

/* Each subcommand's entry point; argv[0] is the command name. */
int td_cmd_ingest(int argc, char **argv);
int td_cmd_docs(int argc, char **argv);
int td_cmd_annotate(int argc, char **argv);
int td_cmd_actors(int argc, char **argv);
int td_cmd_timex(int argc, char **argv);
int td_cmd_dups(int argc, char **argv);
int td_cmd_events(int argc, char **argv);
int td_cmd_timeline(int argc, char **argv);

/* Print "tidings CMD: message" and a hint to stderr; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Print "tidings: file:line: message" style errors from a td_error. */
void cli_print_error(const char *cmd, const td_error *err);
/* A diagnostics sink printing "file:line: warning|error: msg" to stderr;
 * counts into the int pointed to by ud (errors only) when ud is not NULL. */
td_diag cli_stderr_diag(int *errors);

typedef enum cli_format {
  CLI_FMT_TABLE = 1,
  CLI_FMT_JSONL,
  CLI_FMT_CSV,
  CLI_FMT_HTML
} cli_format;
/* Parse command cmd's --format value among those allowed (a mask of
 * 1 << format); for an unknown or disallowed name, prints the usage error
 * naming the allowed ones and returns 0. */
cli_format cli_format_option(const char *cmd, const char *s, unsigned allowed);
/* The usage error for what getopt_long returns when the command line does
 * not fit the command's options: ':' (an option without its value) or
 * anything else (an unknown option). Returns 2. */
int cli_option_error(const char *cmd, int c, char **argv);

/* "asserted", "planned", "negated" or "hypothetical" for TD_EVF_* flags
 * (negated wins: a refused plan is a negated event). Static string. */
const char *cli_modality(unsigned flags);

/* One stored event mention as a JSON object (the fields of `tidings events
 * --format jsonl`); c is its CAMEO entry or NULL. The caller owns the
 * reference (json_decref). */
json_t *cli_mention_json(const td_event_mention *m, const td_cameo *c);

/* Write s as one RFC 4180 CSV field (quoted when needed). NULL is empty. */
void cli_csv_field(FILE *out, const char *s);
/* Write s truncated to width display columns (UTF-8 aware), padded. */
void cli_table_cell(FILE *out, const char *s, int width);
/* The same without the padding, for the last column of a line. */
void cli_table_text(FILE *out, const char *s, int width);

#endif
