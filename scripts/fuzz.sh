#!/usr/bin/env bash
# Fuzzes extract + normalise + render of one page with libFuzzer and AddressSanitizer.
# Usage: scripts/fuzz.sh [MINUTES] (default 10). Seeds: the bundled example and, when present,
# ../shared/corpora. The growing corpus is kept in .fuzz/corpus (gitignored); crashes are
# written to .fuzz/artifacts — each one found becomes a regression test in
# Tests/GalleyExtractTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
bash scripts/install-deps.sh
GALLEY_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product galley-fuzz -Xswiftc -sanitize=fuzzer,address
mkdir -p .fuzz/corpus .fuzz/seeds .fuzz/artifacts
find content -name '*.html' -o -name '*.htm' | while read -r page; do cp "$page" ".fuzz/seeds/$(echo "$page" | tr / _)"; done
if [ -d ../shared/corpora/readability-test-pages ]; then
  for page in ../shared/corpora/readability-test-pages/*/source.html; do
    cp "$page" ".fuzz/seeds/readability_$(basename "$(dirname "$page")").html"
  done
fi
.build-fuzz/release/galley-fuzz -max_total_time=$((minutes * 60)) -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=.fuzz/artifacts/ -print_final_stats=1 .fuzz/corpus .fuzz/seeds
