/*
 * main.c - the tidings command: dispatch to one subcommand per file,
 * global help and version. Exit status: 0 success, 1 failure or rejected
 * input, 2 usage error.
 */
#include <string.h>

#include "cli.h"

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} command;

static const command commands[] = {
    {"ingest", td_cmd_ingest, "read articles into the store"},
    {"docs", td_cmd_docs, "list the stored articles with their dates"},
    {"annotate", td_cmd_annotate, "code the events of articles as JSON Lines"},
    {"timex", td_cmd_timex, "print the time expressions of an article"},
    {"actors", td_cmd_actors, "list the resolved actors and their codes"},
    {"dups", td_cmd_dups, "near-duplicate articles and repeated passages"},
    {"events", td_cmd_events, "list the stored event mentions"},
    {"timeline", td_cmd_timeline,
     "the deduplicated timeline of events, with sources"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out) {
  fprintf(out,
          "tidings %s - a deduplicated, sourced timeline of political events "
          "from news articles\n\n"
          "Usage: tidings COMMAND [OPTIONS] [ARGS]\n\nCommands:\n",
          TD_VERSION);
  for (size_t i = 0; i < N_COMMANDS; i++)
    fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fprintf(out,
          "  help     show this help, or a command's: tidings help COMMAND\n\n"
          "Every command that uses the store takes --db FILE (default: "
          "$TIDINGS_DB, else tidings.db).\n"
          "Run 'tidings COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("tidings %s\n", TD_VERSION);
    return 0;
  }
  if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 ||
      strcmp(cmd, "-h") == 0) {
    if (argc > 2 && strcmp(cmd, "help") == 0) {
      for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[2], commands[i].name) == 0) {
          char *args[] = {argv[2], "--help", NULL};
          return commands[i].run(2, args);
        }
      return cli_usage_error(NULL, "unknown command '%s'", argv[2]);
    }
    usage(stdout);
    return 0;
  }
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strcmp(cmd, commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  if (cmd[0] == '-') return cli_usage_error(NULL, "unknown option '%s'", cmd);
  return cli_usage_error(NULL, "unknown command '%s'", cmd);
}
