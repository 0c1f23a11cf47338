# dpf build. Targets: all (default), run, test, check, asan, tsan, bench, lint, layers, clean,
# deps, pot, fault, fuzz, valgrind, install, uninstall.
# Everything is built under $(BUILD); the tests use a test build (build-test/, and the
# sanitizer trees), the only kind with a clock that DPF_NOW can set (TEST_CLOCK=1).

BUILD   ?= build
SAN     ?=
TEST_CLOCK ?=
PREFIX  ?= /usr/local
# The data folder of an installed dpf, compiled in: running setgid, dpf uses nothing else.
DATADIR ?= /var/lib/dpf
# The system group that owns DATADIR and that dpf is setgid to.
DPF_GROUP ?= dpf
CC      ?= cc
PKGS    := sqlite3 xlsxwriter ncursesw nettle libzip expat freexl opencc
CFLAGS  ?= -O2 -g
# -MMD -MP: each object's real header dependencies, in a .d file beside it.
CFLAGS  += -pthread -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wformat=2 -MMD -MP \
           -DDPF_LOCALEDIR='"$(PREFIX)/share/locale"' -DDPF_LINGUAS='"$(LINGUAS)"' \
           -DDPF_DATADIR='"$(DATADIR)"' -Iinclude -Isrc/core -I$(BUILD) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lsqlite3 -lxlsxwriter -lz -lncursesw -ltinfo -lnettle -lzip -lexpat -lfreexl -lopencc) -lm -pthread
ifeq ($(SAN),thread)
CFLAGS  += -O1 -fno-omit-frame-pointer -fsanitize=thread
LDFLAGS += -fsanitize=thread
else ifneq ($(SAN),)
CFLAGS  += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
ifneq ($(TEST_CLOCK),)
CFLAGS  += -DDPF_TEST_CLOCK
endif
# What a tree is built with: a change (the test clock, a sanitizer) rebuilds it all, so that
# build/dpf can never keep a clock DPF_NOW sets.
BUILD_KIND := SAN=$(SAN) TEST_CLOCK=$(TEST_CLOCK) PREFIX=$(PREFIX) DATADIR=$(DATADIR) DEPS=mmd
# The test build every test target runs (make in it with $(TESTBUILD) TARGET).
TESTBUILD = $(MAKE) --no-print-directory BUILD=build-test TEST_CLOCK=1

CORE_SRC := $(wildcard src/core/*/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TUI_SRC  := $(wildcard src/tui/*.c)
SCHEMA   := $(sort $(wildcard schema/*.sql))
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/schema_gen.o $(BUILD)/hant_gen.o \
            $(BUILD)/pinyin_gen.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o) $(TUI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# The Traditional catalogues are made at build from the Simplified one (scripts/po_hant.py,
# OpenCC); only po/*.po are written by hand.
HANT     := zh_TW zh_HK
LINGUAS  := $(basename $(notdir $(wildcard po/*.po))) $(HANT)
MO       := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/dpf.mo)

DPF      := $(BUILD)/dpf
# dpf(1) in each catalogue's language and in English (en/, the msgids), and the bash
# completion: written from the command rows by the dpf just built (dpf help --man,
# --completion). The page of a locale that names no language (man1/) is the Chinese one,
# as dpf's messages are there.
MAN_DEFAULT := zh_CN
MAN      := $(BUILD)/man/man1/dpf.1 $(BUILD)/man/en/man1/dpf.1 \
            $(LINGUAS:%=$(BUILD)/man/%/man1/dpf.1)
COMPLETION := $(BUILD)/completion/dpf
DEMO_DB  ?= demo.db

.DEFAULT_GOAL := all
.PHONY: all run test check unit cli asan tsan bench clean deps pot lint layers fault fuzz valgrind \
        install uninstall FORCE

# The screen tests with dpf under valgrind (memcheck): no memory error, no definite leak. On
# the test build, as every test.
valgrind: deps
	@$(TESTBUILD) all
	@scripts/deps.sh valgrind
	VALGRIND=1 TUI_WAIT=300 tests/tui/run.sh build-test

# Fuzzing with libFuzzer (clang): the CSV reader, the ID validators, a row's validation and
# the .xlsx reader, FUZZ_TIME seconds each from the seeds in fuzz/corpus (the .xlsx seeds are
# written by fuzz/xlsx_seeds.py into $(BUILD)/fuzz-seeds); inputs that once crashed are kept
# in tests/fuzz_regressions/TARGET and replayed first. CI runs a short form.
FUZZ_TIME ?= 60
FUZZ_TARGETS := csv idcard person xlsx
FUZZ_FLAGS := -g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
              -fno-sanitize-recover=all -Iinclude -Isrc/core -I$(BUILD) -DDPF_LOCALEDIR='"$(PREFIX)/share/locale"'
fuzz: $(BUILD)/schema_gen.c $(BUILD)/hant_gen.c $(BUILD)/pinyin_gen.c
	@scripts/deps.sh clang libclang-rt-14-dev
	@fuzz/xlsx_seeds.py $(BUILD)/fuzz-seeds/xlsx
	@for t in $(FUZZ_TARGETS); do \
	    clang $(FUZZ_FLAGS) -o $(BUILD)/fuzz_$$t fuzz/fuzz_$$t.c $(CORE_SRC) \
	        $(BUILD)/schema_gen.c $(BUILD)/hant_gen.c $(BUILD)/pinyin_gen.c $(LDLIBS) || exit 1; \
	    if ls tests/fuzz_regressions/$$t/* > /dev/null 2>&1; then \
	        $(BUILD)/fuzz_$$t tests/fuzz_regressions/$$t/* || exit 1; fi; \
	    mkdir -p $(BUILD)/fuzz-corpus/$$t; \
	    $(BUILD)/fuzz_$$t -max_total_time=$(FUZZ_TIME) -max_len=4096 -print_final_stats=1 \
	        -artifact_prefix=$(BUILD)/fuzz-$$t- $(BUILD)/fuzz-corpus/$$t \
	        $$(ls -d fuzz/corpus/$$t $(BUILD)/fuzz-seeds/$$t 2> /dev/null) \
	        > $(BUILD)/fuzz_$$t.log 2>&1 || { tail -40 $(BUILD)/fuzz_$$t.log; exit 1; }; \
	    echo "fuzz $$t: $$(grep -o 'stat::number_of_executed_units: [0-9]*' $(BUILD)/fuzz_$$t.log | \
	        grep -o '[0-9]*$$') runs in $(FUZZ_TIME) s, no crash"; \
	done

# Faults: kill -9 in the middle of an import, an approval, a daily backup and a restore
# (ROUNDS each), and 8 processes at once for FAULT_SECONDS. CI runs a short form; this is
# the long one. On the test build: the scripts set the clock with DPF_NOW.
ROUNDS ?= 25
FAULT_SECONDS ?= 60
fault: deps
	@$(TESTBUILD) all
	tests/fault/crash.sh build-test $(ROUNDS)
	tests/fault/backup_crash.sh build-test $(ROUNDS)
	tests/fault/concurrency.sh build-test $(FAULT_SECONDS)
all: $(DPF) $(MO)
all: $(MAN) $(COMPLETION)

deps:
	@scripts/deps.sh

$(BUILD)/kind: FORCE
	@mkdir -p $(BUILD)
	@echo '$(BUILD_KIND)' | cmp -s - $@ || echo '$(BUILD_KIND)' > $@

$(BUILD)/%.o: %.c $(BUILD)/kind
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

# Migrations are compiled into the binary so a lone `dpf` file can upgrade any database.
$(BUILD)/schema_gen.c: $(SCHEMA) scripts/embed_schema.sh
	@mkdir -p $(dir $@)
	scripts/embed_schema.sh $(SCHEMA) > $@

$(BUILD)/schema_gen.o: $(BUILD)/schema_gen.c $(BUILD)/kind
	$(CC) $(CFLAGS) -c -o $@ $<

# The characters OpenCC's t2s changes, a bit each, so that Simplified text skips OpenCC.
$(BUILD)/hant_gen.c: scripts/hant_table.py
	@mkdir -p $(dir $@)
	scripts/hant_table.py > $@.tmp && mv $@.tmp $@

$(BUILD)/hant_gen.o: $(BUILD)/hant_gen.c $(BUILD)/kind
	$(CC) $(CFLAGS) -c -o $@ $<

# The pinyin of every CJK character (src/core/base/pinyin_table.h), read from ICU once at
# build time by a tool that runs here: dpf itself does not link ICU. Built without the
# tree's sanitizers, as a build tool.
$(BUILD)/pinyin_gen_tool: scripts/pinyin_gen.c src/core/base/pinyin_table.h
	@mkdir -p $(dir $@)
	$(CC) -O1 -Isrc/core -o $@ $< $(shell pkg-config --cflags --libs icu-uc icu-i18n)

$(BUILD)/pinyin_gen.c: $(BUILD)/pinyin_gen_tool
	$(BUILD)/pinyin_gen_tool > $@.tmp && mv $@.tmp $@

$(BUILD)/pinyin_gen.o: $(BUILD)/pinyin_gen.c $(BUILD)/kind
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libdpfcore.a: $(CORE_OBJ)
	ar rcs $@ $^

$(DPF): $(CLI_OBJ) $(BUILD)/libdpfcore.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/locale/%/LC_MESSAGES/dpf.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# Taiwan's wording (s2twp: 软件 as 軟體) and Hong Kong's characters (s2hk).
$(BUILD)/po/zh_TW.po: OPENCC_CONFIG := s2twp.json
$(BUILD)/po/zh_HK.po: OPENCC_CONFIG := s2hk.json
$(HANT:%=$(BUILD)/po/%.po): $(BUILD)/po/%.po: po/zh_CN.po scripts/po_hant.py
	@mkdir -p $(dir $@)
	scripts/po_hant.py $(OPENCC_CONFIG) $* < $< > $@.tmp
	msgfmt --check -o /dev/null $@.tmp && mv $@.tmp $@

$(HANT:%=$(BUILD)/locale/%/LC_MESSAGES/dpf.mo): $(BUILD)/locale/%/LC_MESSAGES/dpf.mo: $(BUILD)/po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# The catalogue in the build tree, whatever DPF_LOCALEDIR the caller has.
HELP_DPF = DPF_LOCALEDIR=$(abspath $(BUILD))/locale $(DPF)
$(BUILD)/man/man1/dpf.1: $(BUILD)/man/$(MAN_DEFAULT)/man1/dpf.1
	@mkdir -p $(dir $@)
	cp $< $@

$(BUILD)/man/en/man1/dpf.1: $(DPF)
	@mkdir -p $(dir $@)
	$(HELP_DPF) --lang en help --man > $@.tmp && mv $@.tmp $@

$(BUILD)/man/%/man1/dpf.1: $(DPF) $(BUILD)/locale/%/LC_MESSAGES/dpf.mo
	@mkdir -p $(dir $@)
	$(HELP_DPF) --lang $* help --man > $@.tmp && mv $@.tmp $@

$(COMPLETION): $(DPF)
	@mkdir -p $(dir $@)
	$(HELP_DPF) help --completion en $(LINGUAS) > $@.tmp && mv $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libdpfcore.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libdpfcore.a $(LDLIBS) -lcmocka

run: deps all
	@test -f $(DEMO_DB) || $(DPF) --db $(DEMO_DB) demo
	$(DPF) --db $(DEMO_DB)
	@echo 'The commands of README.md, in this shell: export DPF_DB=$$PWD/$(DEMO_DB) PATH=$$PWD/$(BUILD):$$PATH'

# The tests run the test build, and build/dpf (the normal build) for the check that it
# ignores DPF_NOW.
test: deps all
	@$(TESTBUILD) REAL_DPF=$(abspath $(DPF)) check

# Every test suite against $(BUILD), which must have the test clock (TEST_CLOCK=1); the
# layer check (no circle, no upward call: scripts/layers.py) is one of them.
check: all $(UNIT_BIN)
	@REAL_DPF=$(REAL_DPF) DPF_SAN=$(SAN) tests/run_all.sh $(BUILD)

asan: deps all
	$(MAKE) BUILD=build-asan SAN=1 TEST_CLOCK=1 REAL_DPF=$(abspath $(DPF)) check

# The bulk import runs on two threads: ThreadSanitizer watches them.
tsan: deps all
	$(MAKE) BUILD=build-tsan SAN=thread TEST_CLOCK=1 REAL_DPF=$(abspath $(DPF)) check

# The office machine: dpf setgid to $(DPF_GROUP), the only way into DATADIR (2770), which
# holds the database, backup/ and restore/ (root places a file to restore there; 2770 too,
# because SQLite, even reading, makes a WAL file's -shm beside it). The normal build only: an installed dpf never has the test clock. As root without
# DESTDIR the group is created and the owners and modes set; with DESTDIR (a package) that
# is the post-install step README.md gives.
BINDIR  := $(DESTDIR)$(PREFIX)/bin
LOCALES := $(DESTDIR)$(PREFIX)/share/locale
MANDIR  := $(DESTDIR)$(PREFIX)/share/man
BASHCOMP := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
DATA    := $(DESTDIR)$(DATADIR)
install: all
	@test -z "$(TEST_CLOCK)$(SAN)" || { echo "make install: the normal build only" >&2; exit 1; }
	@test -n "$(DESTDIR)" || test "$$(id -u)" = 0 || \
	    { echo "make install: run it as root (or give DESTDIR)" >&2; exit 1; }
	install -d $(BINDIR) $(DATA) $(DATA)/backup $(DATA)/restore
	install -m 0755 $(DPF) $(BINDIR)/dpf
	for l in $(LINGUAS); do \
	    install -D -m 0644 $(BUILD)/locale/$$l/LC_MESSAGES/dpf.mo \
	        $(LOCALES)/$$l/LC_MESSAGES/dpf.mo || exit 1; done
	install -D -m 0644 $(BUILD)/man/man1/dpf.1 $(MANDIR)/man1/dpf.1
	for l in en $(LINGUAS); do \
	    install -D -m 0644 $(BUILD)/man/$$l/man1/dpf.1 $(MANDIR)/$$l/man1/dpf.1 || exit 1; done
	install -D -m 0644 $(COMPLETION) $(BASHCOMP)/dpf
	@if [ -z "$(DESTDIR)" ]; then \
	    getent group $(DPF_GROUP) > /dev/null || groupadd --system $(DPF_GROUP) || exit 1; \
	    chown root:$(DPF_GROUP) $(BINDIR)/dpf $(DATA) $(DATA)/backup $(DATA)/restore && \
	    chmod 2755 $(BINDIR)/dpf && chmod 2770 $(DATA) $(DATA)/backup $(DATA)/restore && \
	    echo "installed $(BINDIR)/dpf (root:$(DPF_GROUP) 2755) and $(DATA) (2770)"; \
	else \
	    echo "installed into $(DESTDIR): the post-install step (README.md) sets the group"; \
	fi

# The program, its catalogues, manual pages and completion; never DATADIR, which holds the
# register.
uninstall:
	rm -f $(BINDIR)/dpf $(MANDIR)/man1/dpf.1 $(BASHCOMP)/dpf
	for l in en $(LINGUAS); do \
	    rm -f $(LOCALES)/$$l/LC_MESSAGES/dpf.mo $(MANDIR)/$$l/man1/dpf.1; done

# Every bench/bench_NAME.c is a benchmark program, built by one rule.
BENCHES := $(patsubst bench/%.c,$(BUILD)/%,$(wildcard bench/bench_*.c))
$(BUILD)/bench_%: bench/bench_%.c $(BUILD)/libdpfcore.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libdpfcore.a $(LDLIBS)

bench: deps all $(BENCHES)
	@bench/run.sh $(BUILD)

# The layers: no circle between files, no call from a lower floor to a higher one
# (scripts/layers.py reads who calls whom from the objects' symbols).
layers: all
	@scripts/layers.py $(BUILD)

# Static analysis; any finding fails.
lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability --std=c11 \
	    -Iinclude -Isrc/core src/core src/cli src/tui tests/unit bench

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -o po/dpf.pot $(CORE_SRC) $(CLI_SRC) $(TUI_SRC) src/core/*/*.h

clean:
	rm -rf build build-test build-asan build-tsan

# The header dependencies the compiler wrote (-MMD).
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
