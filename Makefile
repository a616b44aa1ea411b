# tidings - plain Makefile in the cmark style.
#
#   make            library and CLI in build/
#   make test       unit + golden tests (normal build)
#   make check      the same under AddressSanitizer + UBSan, -Werror
#   make leakcheck  golden tests under valgrind --leak-check=full
#   make bench      throughput benchmarks (reads ../shared in place)
#   make fuzz       libFuzzer harnesses, a short run each (needs clang)
#   make eval       accuracy evaluations against ../shared gold
#   make lint / format
#
# Sources are found by wildcard: a new stage is a new src/*.c, a new
# subcommand a new cli/cmd_*.c, a new unit test a new tests/unit/test_*.c.

CC       ?= cc
PKGS     := sqlite3 jansson libutf8proc libxxhash
WERROR   ?=
OPT      ?= -O2 -g
CFLAGS   ?=
CFLAGS   += -std=c11 -Wall -Wextra -Wpedantic $(WERROR) $(OPT) \
            -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
            -DTD_DATA_DIR='"$(CURDIR)/data"' \
            $(shell pkg-config --cflags $(PKGS))
LDLIBS   += $(shell pkg-config --libs $(PKGS)) -lm
BUILD    ?= build
SHARED   ?= ../shared

LIB_SRC  := $(sort $(wildcard src/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
TOOL_SRC := $(sort $(wildcard tools/*.c))
BENCH_SRC:= $(sort $(wildcard bench/*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libtidings.a
BIN      := $(BUILD)/tidings
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN := $(TOOL_SRC:tools/%.c=$(BUILD)/tools/%)
BENCH_BIN:= $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

.PHONY: all test unit golden check leakcheck bench fuzz eval lint format clean

all: $(BIN) $(TOOL_BIN)

$(BUILD)/%.o: %.c include/tidings.h src/internal.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) $(CLI_OBJ) $(LIB) $(LDLIBS) -o $@

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB) $(LDLIBS) $(shell pkg-config --libs cmocka) -o $@

$(BUILD)/tools/%: tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB) $(LDLIBS) -o $@

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB) $(LDLIBS) -o $@

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; SHARED=$(SHARED) $$t; done

golden: $(BIN)
	@TIDINGS=$(CURDIR)/$(BIN) SHARED=$(SHARED) sh tests/golden/run.sh

test: all unit golden

# Sanitizer build in its own directory, warnings as errors.
check:
	$(MAKE) BUILD=build-san WERROR=-Werror OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" test

leakcheck: $(BIN)
	@TIDINGS="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 $(CURDIR)/$(BIN)" \
	  SHARED=$(SHARED) sh tests/golden/run.sh

bench: $(BIN) $(BENCH_BIN)
	@SHARED=$(SHARED) BUILD=$(BUILD) sh bench/run.sh

FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZTIME ?= 20
build-fuzz/%: tests/fuzz/%.c $(LIB_SRC)
	@mkdir -p build-fuzz
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	  -Iinclude -Isrc -DTD_DATA_DIR='"$(CURDIR)/data"' $(shell pkg-config --cflags $(PKGS)) \
	  $< $(LIB_SRC) $(LDLIBS) -o $@
fuzz: $(FUZZ_BIN)
	@set -e; for f in $(FUZZ_BIN); do echo "== $$f ($(FUZZTIME)s)"; mkdir -p build-fuzz/corpus-$$(basename $$f); \
	  $$f -max_total_time=$(FUZZTIME) -max_len=65536 build-fuzz/corpus-$$(basename $$f) tests/fuzz/seeds 2>&1 | tail -3; done

eval: all
	@SHARED=$(SHARED) BUILD=$(BUILD) sh tools/eval.sh

lint:
	clang-tidy $(LIB_SRC) $(CLI_SRC) -- $(CFLAGS)

format:
	clang-format -i include/*.h src/*.c src/*.h cli/*.c cli/*.h tests/unit/*.c tests/fuzz/*.c tools/*.c bench/*.c

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
