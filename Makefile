# qunxiang: `make run` opens the reader on the bundled article, `make test` runs every test.
# Both install OpenCC (libopencc-dev, with pkg-config) through apt-get when it is missing.

CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ARGS ?=

.PHONY: run test deps bench fuzz eval install uninstall

deps:
	@if pkg-config --exists opencc 2>/dev/null && [ -f /usr/share/opencc/t2s.json ]; then :; else \
	  echo "Installing OpenCC (libopencc-dev, pkg-config) with apt-get..."; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopencc-dev pkg-config; \
	fi

run: deps
	@$(CARGO) run --release --locked -- $(ARGS)

test: deps
	$(CARGO) test --locked

# Extraction scored against the real articles of ../shared/corpus (hand-made gold): one row
# per article and the totals. EVAL_ARGS="-v" lists every miss; other folders of
# NAME.txt|html + NAME.gold.json can be given as arguments.
EVAL_ARGS ?=
eval: deps
	@$(CARGO) run --release --locked --quiet --example eval -- $(EVAL_ARGS)

# Benchmarks (criterion; several minutes). Figures and the opencc comparison: BENCHMARKS.md.
bench: deps
	$(CARGO) bench --bench reader --bench hostile

# Fuzz the loader with libFuzzer for FUZZ_SECONDS: every input is read as text, as HTML and
# as the reader's JSON. FUZZ_TARGET=load (default) runs the extraction too (the tagger: under one
# run a second); FUZZ_TARGET=parse stops after decoding, HTML/JSON reading and cleaning
# (about 100 a second). Seeds: the fixtures (text, HTML, gold JSON); fuzz/load.dict gives
# HTML tags, JSON keys and quote marks to splice in.
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
FUZZ_SECONDS ?= 300
FUZZ_TARGET ?= load
fuzz: deps
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz
	mkdir -p fuzz/corpus/$(FUZZ_TARGET)
	cd fuzz && RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run --fuzz-dir . $(FUZZ_TARGET) corpus/$(FUZZ_TARGET) \
	  ../tests/fixtures -- -dict=load.dict -max_total_time=$(FUZZ_SECONDS)

# Installs the binary, the manual page and the bash, zsh and fish completions under PREFIX
# (default /usr/local; DESTDIR for packaging). The page and the completions are generated
# from the command-line definition by the binary itself (qunxiang man, qunxiang completions).
PREFIX ?= /usr/local
BIN := $(or $(CARGO_TARGET_DIR),target)/release/qunxiang
install: deps
	$(CARGO) build --release --locked
	install -Dm755 $(BIN) $(DESTDIR)$(PREFIX)/bin/qunxiang
	mkdir -p $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(BIN) man > $(DESTDIR)$(PREFIX)/share/man/man1/qunxiang.1
	$(BIN) completions bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/qunxiang
	$(BIN) completions zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_qunxiang
	$(BIN) completions fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/qunxiang.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/qunxiang $(DESTDIR)$(PREFIX)/share/man/man1/qunxiang.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/qunxiang \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_qunxiang \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/qunxiang.fish
