#!/bin/bash
# Proves the "one article schema" promise: a new front-matter field is one file's change.
#
# In a scratch copy of this repository (HEAD plus the working tree's changes), adds a field
# `kicker` to Sources/GalleyCore/FrontMatter.swift only (a stored property, an init parameter,
# one row of `fields`), lets the theme show it, builds galley, and checks that the field
#   - is read from front matter and reaches the article template (`article.kicker`) and list
#     items (`kicker`), which the template variable check accepts;
#   - survives the build state: after a template-only change the pages are rendered again from
#     the stored documents, and the kicker is still there;
#   - is written back to front matter (`--keep-markdown`).
# With --tests it also runs ArticleSchemaTests in the copy, which take every row (the new one
# too) through YAML, both readers, the build state, summaries and render keys.
#
# Usage: scripts/new-field-check.sh [--tests]      (about 4 minutes; 10 more with --tests)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/galley-new-field.XXXXXX)
trap 'rm -rf "$work"' EXIT
copy=$work/galley
mkdir -p "$copy"
(cd "$repo" && git ls-files -co --exclude-standard -z | xargs -0 -I{} cp --parents {} "$copy/")
cd "$copy"
git init -q && git add -A && git -c user.name=check -c user.email=check@localhost commit -qm base

python3 - <<'PY'
import re
path = "Sources/GalleyCore/FrontMatter.swift"
s = open(path).read()
s = s.replace("    public var draft: Bool\n", "    public var draft: Bool\n    public var kicker: String?\n", 1)
s = s.replace("slug: String? = nil, draft: Bool = false,", "slug: String? = nil, draft: Bool = false, kicker: String? = nil,", 1)
s = s.replace("        self.draft = draft\n", "        self.draft = draft\n        self.kicker = kicker\n", 1)
row = '        ArticleField("kicker", .text(.init { $0.kicker } set: { $0.kicker = $1 }), template: "kicker"),\n'
s = s.replace("    ]\n\n    /// The key under which", row + "    ]\n\n    /// The key under which", 1)
assert s.count("kicker") == 8, s.count("kicker")
open(path, "w").write(s)
PY
code_files=$(git diff --name-only -- Sources | wc -l)

# The theme shows it (a theme change, not code).
python3 - <<'PY'
path = "templates/article.mustache"
s = open(path).read()
marker = '<h1 class="article__title">'
assert marker in s
s = s.replace(marker, '{{#article.kicker}}<p class="new-field">{{article.kicker}}</p>{{/article.kicker}}' + marker, 1)
open(path, "w").write(s)
PY

echo "building galley with the new field (debug)…"
swift build --product galley > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; echo "FAIL: the copy does not build"; exit 1; }
galley=$copy/.build/debug/galley

site=$work/site
mkdir -p "$site/content"
cat > "$site/content/banjir.md" <<'MD'
---
title: Banjir Rob Rendam Pesisir Utara
date: 2026-10-12T09:30:00+07:00
tags: [Banjir]
kicker: Eksklusif
---

Air laut merendam tiga desa pesisir pada Senin pagi. Warga mengungsi ke balai desa.
MD
build() { "$galley" build --config "$copy/galley.yml" --content "$site/content" --output "$site/public" --templates "$1" --quiet; }
build "$copy/templates"
page=$(find "$site/public" -path '*banjir*' -name index.html | head -1)
grep -q '<p class="new-field">Eksklusif</p>' "$page" || { echo "FAIL: the kicker is not on the article page"; exit 1; }

# A template-only change: pages come again from the documents in the build state.
cp -r "$copy/templates" "$work/templates2"
echo '<!-- changed -->' >> "$work/templates2/article.mustache"
build "$work/templates2"
grep -q '<!-- changed -->' "$page" || { echo "FAIL: the template change was not rendered"; exit 1; }
grep -q '<p class="new-field">Eksklusif</p>' "$page" || { echo "FAIL: the kicker was lost in the build state"; exit 1; }

"$galley" build --config "$copy/galley.yml" --content "$site/content" --output "$work/public3" --templates "$copy/templates" \
    --keep-markdown "$work/markdown" --quiet
grep -q '^kicker: Eksklusif$' "$work"/markdown/*.md || { echo "FAIL: --keep-markdown does not write the kicker back"; exit 1; }

if [ "${1:-}" = "--tests" ]; then
    swift test --disable-xctest --filter 'ArticleSchemaTests|TemplateVariablesTests' > "$work/test.log" 2>&1 \
        || { grep -E '✘' "$work/test.log" | head -20; echo "FAIL: the schema tests fail with the new row"; exit 1; }
    grep -c 'kicker' "$work/test.log" | xargs echo "schema test cases naming kicker:"
fi
echo "ok: a new field \`kicker\` took $code_files code file (Sources/GalleyCore/FrontMatter.swift) and one theme line;"
echo "    it reached the article page, survived the build state, and was written back to front matter"
