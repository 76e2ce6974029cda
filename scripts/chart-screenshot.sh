#!/usr/bin/env bash
# Screenshots the charts of an article in headless Chromium, in the light and the dark scheme.
#
#   scripts/chart-screenshot.sh [ARTICLE_DIR] [OUTDIR]
#   scripts/chart-screenshot.sh --golden [OUTDIR]     (the golden SVGs of Tests/ChartsTests/Golden, two per row)
#     ARTICLE_DIR  default Examples/tensor-collective/content/posts/training-curves
#     OUTDIR       default .build-charts/screenshot
#
# With SITE=1 it builds the example site with `collective build` and screenshots the article's page;
# otherwise it renders every ```chart block of ARTICLE_DIR/index.md with `collective chart --html`
# into a standalone page styled like the theme. Writes charts-light.png and charts-dark.png.
# Environment: COLLECTIVE=path/to/collective to skip the build; WIDTH (default 800), HEIGHT (default 3200).
# Needs Debian's chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
golden=0
if [[ "${1:-}" == --golden ]]; then golden=1; shift; set -- "" "${1:-}"; fi
article="${1:-Examples/tensor-collective/content/posts/training-curves}"
out="${2:-.build-charts/screenshot}"
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [[ -z "${COLLECTIVE:-}" ]]; then
    swift build --scratch-path .build-charts --product collective >/dev/null
    COLLECTIVE="$root/.build-charts/debug/collective"
fi
COLLECTIVE="$(cd "$(dirname "$COLLECTIVE")" && pwd)/$(basename "$COLLECTIVE")"
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }

shoot() { # page.html scheme (1 light, 0 dark: Blink's preferredColorScheme) output.png
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-color-profile=srgb \
        --blink-settings="preferredColorScheme=$2" \
        --window-size="${WIDTH:-800},${HEIGHT:-3200}" --screenshot="$3" "file://$1" 2>/dev/null
}

if [[ "${SITE:-0}" == 1 ]]; then
    site="$out/site"
    rm -rf "$site"
    mkdir -p "$site"
    "$COLLECTIVE" build -s Examples/tensor-collective -d "$site" --base-url "file://$site/"
    page=$(grep -rl 'class="chart"' "$site" --include=index.html | head -1)
    [[ -n "$page" ]] || { echo "no page with a chart in $site" >&2; exit 1; }
    shoot "$page" 1 "$out/charts-light.png"
    shoot "$page" 0 "$out/charts-dark.png"
    echo "$page: $out/charts-light.png and charts-dark.png"
    exit 0
fi

page="$out/charts.html"
{
    cat <<'HTML'
<!doctype html>
<html><head><meta charset="utf-8"><title>Charts</title><style>
:root { --bg: #fdfdfc; --text: #1d1e20; --muted: #5b5d63; --surface: #f3f3f1; --caution: #cf222e; color-scheme: light; }
@media (prefers-color-scheme: dark) { :root { --bg: #1d1e20; --text: #e8e8e6; --muted: #a8aab0; --surface: #2a2b2e; --caution: #f85149; color-scheme: dark; } }
body { margin: 0; background: var(--bg); color: var(--text); font: 17px/1.65 system-ui, sans-serif; }
main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
HTML
    "$COLLECTIVE" chart --css
    echo '</style></head><body><main>'
} > "$page"

if [[ "$golden" == 1 ]]; then
    echo '<style>main { max-width: none; display: grid; grid-template-columns: 1fr 1fr; gap: 1rem 2rem; }</style>' >> "$page"
    for svg in Tests/ChartsTests/Golden/*.svg; do
        printf '<figure class="chart"><figcaption>%s</figcaption>' "$(basename "$svg")" >> "$page"
        cat "$svg" >> "$page"
        echo '</figure>' >> "$page"
    done
    echo '</main></body></html>' >> "$page"
    shoot "$page" 1 "$out/golden-light.png"
    shoot "$page" 0 "$out/golden-dark.png"
    echo "$page: $out/golden-light.png and golden-dark.png"
    exit 0
fi

# Every ```chart block of the article, rendered from inside the article folder so data paths resolve.
blocks=$(mktemp -d)
awk -v dir="$blocks" '
    /^```chart[ \t]*$/ { n++; inside = 1; next }
    inside && /^```[ \t]*$/ { inside = 0; next }
    inside { print > (dir "/" sprintf("%02d", n) ".yaml") }
' "$article/index.md"
count=0
for spec in "$blocks"/*.yaml; do
    [[ -e "$spec" ]] || continue
    count=$((count + 1))
    (cd "$article" && "$COLLECTIVE" chart --html - < "$spec") >> "$page" || echo "chart $count failed" >&2
done
rm -rf "$blocks"
echo '</main></body></html>' >> "$page"
shoot "$page" 1 "$out/charts-light.png"
shoot "$page" 0 "$out/charts-dark.png"
echo "$count charts: $page, $out/charts-light.png and charts-dark.png"
