# galley — the two commands: `make site` and `make test`.
SWIFT ?= swift
GALLEY := .build/release/galley
## Release builds link the Swift runtime and Foundation statically, as `make install` does: the
## binary galley users install is the one built and measured here (a 10,000-article build takes
## about 10% less CPU than with the shared runtime, whose every call goes through the PLT; start-up
## 11 -> 6 ms). Every release build in .build takes the same flags: SwiftPM rebuilds everything
## when they change between two builds.
RELEASE_BUILD := $(SWIFT) build -c release --static-swift-stdlib

.PHONY: all deps build site test eval bench fuzz goldens clean new-field-check install install-check

all: site

## Install missing Debian packages (libxml2-dev, libcmark-dev, zlib1g-dev, libsqlite3-dev, pkg-config).
deps:
	@bash scripts/install-deps.sh

## Build galley in release mode.
build: deps
	$(RELEASE_BUILD) --product galley

## Build the bundled example site from content/ into public/.
site: build
	$(GALLEY) build --config galley.yml --content content --output public --templates templates

## The whole test suite. The server tests run on their own: Swift Testing runs tests in parallel on
## the two threads of the cooperative pool, and the other suites' long synchronous builds would
## starve the server's request handlers of them.
test: deps
	bash scripts/install-test-tools.sh
	$(SWIFT) test --disable-xctest --skip GalleyServeTests
	$(SWIFT) test --disable-xctest --filter GalleyServeTests
	if command -v chromium >/dev/null 2>&1; then $(MAKE) --no-print-directory browser-check; fi

## Extraction quality on ../shared/corpora against the floors in eval/baseline.json.
## `make eval ARGS=--verbose` lists the worst pages; `ARGS=--raise` raises the floors.
eval: deps
	$(RELEASE_BUILD) --product galley-eval
	.build/release/galley-eval $(ARGS)

## Fuzz extract + normalise + render with libFuzzer and ASan: `make fuzz MINUTES=30`.
MINUTES ?= 10
fuzz:
	bash scripts/fuzz.sh $(MINUTES)

## Rewrite the golden ladder files (review the diff like code).
goldens: deps
	for rung in extractRung normaliseRung renderRung; do \
		RECORD_GOLDENS=1 $(SWIFT) test --disable-xctest --filter "GoldenLadderTests/$$rung" || exit 1; \
	done

## Add a field to the article schema in a scratch copy (FrontMatter.swift only) and check it
## reaches pages, the build state and front matter; `ARGS=--tests` also runs the schema tests there.
new-field-check: deps
	bash scripts/new-field-check.sh $(ARGS)

## Install galley and galley-serve, built with the static Swift runtime (only libxml2, cmark,
## zlib and SQLite stay shared), with bash, zsh and fish completions and man pages:
## `make install PREFIX=/usr/local` (DESTDIR is honoured). The build has its own scratch folder,
## .build-install, so it does not undo `make build`.
PREFIX ?= /usr/local
INSTALL_BUILD := $(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-install
install: deps
	# The man pages first: the plugin builds the products its own way (without the static
	# runtime), and the two builds after it link them again as they are installed.
	$(SWIFT) package --scratch-path .build-install plugin generate-manual --configuration release
	$(INSTALL_BUILD) --product galley
	$(INSTALL_BUILD) --product galley-serve
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -s -m 755 .build-install/release/galley .build-install/release/galley-serve $(DESTDIR)$(PREFIX)/bin/
	install -m 644 .build-install/plugins/GenerateManual/outputs/galley/galley.1 \
		.build-install/plugins/GenerateManual/outputs/galley-serve/galley-serve.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	.build-install/release/galley --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/galley
	.build-install/release/galley --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_galley
	.build-install/release/galley --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/galley.fish
	@echo "installed galley $$(.build-install/release/galley --version) into $(DESTDIR)$(PREFIX)"

## Install into a temporary prefix and use it as a new user would, from an empty folder:
## galley init, galley build, galley serve --port 0 (one request), --version, man page, completions.
install-check:
	bash scripts/install-check.sh

## Extraction and build benchmarks (medians of several runs).
bench: build
	bash scripts/bench.sh

clean:
	rm -rf .build .build-install public/*

.PHONY: serve browser-check

## Preview the example site with live reload: builds galley and galley-serve (release), then
## `galley serve` on content/, templates/ and galley.yml (if present). `make serve ARGS="--port 9000"`.
serve: deps
	$(RELEASE_BUILD) --product galley
	$(RELEASE_BUILD) --product galley-serve
	$(GALLEY) serve --content content --templates templates --output public $(if $(wildcard galley.yml),--config galley.yml) $(ARGS)

## Load the example site through galley-serve in headless Chromium: home, an article, a tag page,
## the 404 page and a failed rebuild; fails on console errors; screenshots in .build/screenshots/.
browser-check: deps
	bash scripts/browser-check.sh

.PHONY: lighthouse

## Score the example site (built with --search when pagefind is there) with Lighthouse and axe-core
## in headless Chromium, mobile and desktop: home, an article, a tag page, the tags index, 404 and
## search. Fails below accessibility/best practices/SEO 100 or performance 95, or on any axe
## violation. Needs chromium, node and python3 (skipped with a message otherwise); about 2 minutes.
lighthouse: build
	GALLEY=.build/release/galley bash scripts/lighthouse.sh
