# ghgcalc - greenhouse-gas inventory calculator.
# make            build ./ghgcalc
# make test       unit + end-to-end tests (the README's test command)
# make sanitize   the whole test suite against an ASan+UBSan build
# make valgrind   unit tests and the smoke suite (every command on the shipped examples) under valgrind;
#                 make valgrind-full: every end-to-end suite under valgrind (about an hour)
# make deps       apt-get install what building and testing need (Debian 12, as root)
# make install    PREFIX=/usr/local DESTDIR=
# make bench, make bench-mc, make bench-audit, make fuzz, make format, make clean.  V=1 shows the commands.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DATADIR   ?= $(PREFIX)/share/ghgcalc
CC        ?= cc
PKGS      := yaml-0.1 xlsxwriter minizip libxml-2.0
BUILD     ?= build
SANFLAGS  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Debian 12 packages: build (libminizip and libxml2 read the workbooks `ghgcalc import` takes), test
# (independent workbook reader, LibreOffice recalculation, PDF pages), tools.
DEPS_BUILD := build-essential pkg-config libyaml-dev libxlsxwriter-dev zlib1g-dev libcmocka-dev libminizip-dev libxml2-dev
DEPS_TEST  := python3 python3-openpyxl python3-yaml libreoffice-calc-nogui poppler-utils valgrind clang libclang-rt-14-dev
# Only the benchmarks (make bench, make bench-mc) need these: bench/python_equiv.py uses pandas,
# bench/python_mc.py numpy. `make bench-deps` installs them; no test needs them.
DEPS_BENCH := python3-numpy python3-pandas
DEPS       := $(DEPS_BUILD) $(DEPS_TEST)

ifeq ($(V),1)
Q :=
else
Q := @
endif

# pkg-config answers; a missing library gets the Debian package that provides it.
PKG_OK    := $(shell pkg-config --exists $(PKGS) 2>/dev/null && echo yes)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

CFLAGS   ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
DEFS     := -D_POSIX_C_SOURCE=200809L -DGHGCALC_VERSION='"$(VERSION)"' -DGHGCALC_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(WARN) $(DEFS) $(CFLAGS) $(PKG_CFLAGS) -pthread -MMD -MP
LDLIBS   = $(PKG_LIBS) -lm -pthread

CALC_SRC := $(filter-out calc/main.c,$(wildcard calc/*.c))
RPT_SRC  := $(wildcard reports/*.c)
LIB_SRC  := $(CALC_SRC) $(RPT_SRC)
UNIT_SRC := $(wildcard tests/unit/test_*.c)

OBJDIR    = $(BUILD)/obj
LIB_OBJ   = $(LIB_SRC:%.c=$(OBJDIR)/%.o)
MAIN_OBJ  = $(OBJDIR)/calc/main.o
UNIT_BINS = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all check-deps deps bench-deps test unit e2e sanitize valgrind valgrind-full install uninstall clean format bench bench-mc bench-audit fuzz example
.DEFAULT_GOAL := all

all: check-deps ghgcalc

check-deps:
ifneq ($(PKG_OK),yes)
	@for p in yaml-0.1:libyaml-dev xlsxwriter:libxlsxwriter-dev minizip:libminizip-dev libxml-2.0:libxml2-dev; do \
	  pkg-config --exists $${p%%:*} 2>/dev/null || echo "ghgcalc: missing library $${p%%:*}: install the Debian package $${p##*:} (or run 'make deps' as root)" >&2; \
	done; \
	command -v pkg-config >/dev/null || echo "ghgcalc: pkg-config is missing: install the Debian package pkg-config (or run 'make deps')" >&2; \
	exit 1
endif

deps:
	DEBIAN_FRONTEND=noninteractive apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEPS) >/dev/null
	@echo "ghgcalc: dependencies installed"

bench-deps:
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEPS_BENCH) >/dev/null

ghgcalc: $(BUILD)/ghgcalc
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/ghgcalc: $(MAIN_OBJ) $(LIB_OBJ)
	@echo "  LINK    $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OBJDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -Icalc -Itests/unit -o $@ $< $(LIB_OBJ) $(LDLIBS) $(CMOCKA_LIBS)

# The README's test command. tests/run prints one summary line: "N passed, M failed".
# The suites run $(BUILD)/ghgcalc. Only the default build refreshes the top-level ./ghgcalc: a
# build in another folder (make sanitize) must not leave its instrumented binary there.
ifeq ($(BUILD),build)
TEST_PROGRAM = all
else
TEST_PROGRAM = check-deps $(BUILD)/ghgcalc
endif
test: $(TEST_PROGRAM) $(UNIT_BINS)
	$(Q)tests/run $(BUILD)

# Same suite against an ASan+UBSan build in its own folder.
sanitize:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan CFLAGS="-O1 -g $(SANFLAGS)" LDFLAGS="$(SANFLAGS)" test

# Under valgrind: the unit tests and tests/e2e/smoke_e2e.py (every command on the shipped examples);
# valgrind-full runs every end-to-end suite under valgrind (about an hour; not in CI).
valgrind: $(TEST_PROGRAM) $(UNIT_BINS)
	$(Q)GHGCALC_VALGRIND=1 tests/run $(BUILD)

valgrind-full: $(TEST_PROGRAM) $(UNIT_BINS)
	$(Q)GHGCALC_VALGRIND=1 GHGCALC_VALGRIND_FULL=1 tests/run $(BUILD)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/factors $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 ghgcalc $(DESTDIR)$(PREFIX)/bin/ghgcalc
	install -m 644 factors/*.yaml $(DESTDIR)$(DATADIR)/factors/
	install -m 644 rules/*.yaml $(DESTDIR)$(DATADIR)/rules/
	install -m 644 docs/ghgcalc.1 $(DESTDIR)$(PREFIX)/share/man/man1/ghgcalc.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ghgcalc $(DESTDIR)$(PREFIX)/share/man/man1/ghgcalc.1
	rm -rf $(DESTDIR)$(DATADIR)

example: all
	./ghgcalc inventory inventories/jilin-2020.yaml -o jilin-2020.xlsx

format:
	clang-format -i calc/*.c calc/*.h reports/*.c reports/*.h tests/unit/*.c tests/unit/*.h

clean:
	rm -rf build ghgcalc tests/out

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_BINS:=.d)

# Benchmark against the raw libraries and a Python equivalent; writes bench/RESULTS.md (issue 5).
# BENCH_PY_MAX=1000000 also runs the Python equivalent at 10^6 records (about 7 GB). Not part of `make test`.
bench:
	$(Q)bench/run.sh

# The Monte Carlo against a numpy implementation of the same model, 10^5 iterations of the shipped inventory;
# writes bench/RESULTS-mc.md (copied into RESULTS.md by bench/run.sh). Not part of `make test`.
bench-mc:
	$(Q)bench/mc.sh

# The audit benchmark (issue 13): `ghgcalc audit` over 10,000 synthetic reports against a Python peer of the
# same checks; writes bench/RESULTS-audit.md and its section of bench/RESULTS.md. Not part of `make test`.
bench-audit:
	$(Q)bench/run_audit.sh

# libFuzzer harnesses (clang, ASan+UBSan), each run for FUZZ_TIME seconds on every core; findings are
# copied to fuzz/regressions/ (fuzz/replay.sh replays them). Not part of `make test`.
FUZZ_TIME ?= 60
fuzz:
	$(Q)fuzz/run.sh $(FUZZ_TIME)
