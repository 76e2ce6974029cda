#!/usr/bin/env bash
# Renders the Math corpus (Tests/MathTests/Corpus/expressions.txt) to one HTML page with
# `collective math`, then screenshots it with headless Chromium for a visual check.
#
#   scripts/math-screenshot.sh [OUTDIR]      (default: .build-math/screenshot)
#
# Environment: COLLECTIVE=path/to/collective to skip the build; WIDTH (default 1100).
# Needs Debian's chromium (apt-get install -y chromium) and, for good glyphs, a math font
# (apt-get install -y fonts-lmodern).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-math/screenshot}"
mkdir -p "$out"
out=$(cd "$out" && pwd)
corpus=Tests/MathTests/Corpus/expressions.txt

if [[ -z "${COLLECTIVE:-}" ]]; then
    swift build --scratch-path .build-math --product collective >/dev/null
    COLLECTIVE=.build-math/debug/collective
fi
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }

per_page="${PER_PAGE:-40}"
site_rr='\mathbb{R}'
head=$(cat <<'HTML'
<!doctype html>
<html><head><meta charset="utf-8"><title>Math corpus</title>
<style>
body { font: 15px/1.4 "Latin Modern Roman", serif; margin: 16px; columns: 2; column-gap: 24px; }
math { font-family: "Latin Modern Math", "STIX Two Math", math; font-size: 1.15em; }
math[display="block"] { overflow-x: auto; overflow-y: hidden; }
.item { break-inside: avoid; border-bottom: 1px solid #ddd; padding: 4px 0; }
.src { font: 10px/1.2 monospace; color: #777; white-space: pre-wrap; word-break: break-all; }
.math-error { color: #b00; font-family: monospace; background: #fee; }
</style></head><body>
HTML
)
n=0
page=0
rm -f "$out"/corpus-*.html "$out"/corpus-*.png
while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    if (( n % per_page == 0 )); then
        page=$((page + 1))
        printf '%s\n' "$head" > "$out/corpus-$page.html"
    fi
    n=$((n + 1))
    flag=()
    tex="$line"
    if [[ "$line" == '$$ '* ]]; then flag=(--display); tex="${line#\$\$ }"; fi
    tex="${tex//\\RR/$site_rr}"  # the corpus's one site-wide macro
    html=$("$COLLECTIVE" math "${flag[@]}" "$tex" 2>/dev/null || echo '<span class="math-error">error</span>')
    src=$(printf '%s' "$tex" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
    printf '<div class="item"><div class="src">%d. %s</div>%s</div>\n' "$n" "$src" "$html" >> "$out/corpus-$page.html"
done < "$corpus"

for ((i = 1; i <= page; i++)); do
    echo '</body></html>' >> "$out/corpus-$i.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size="${WIDTH:-1100},${HEIGHT:-1500}" --screenshot="$out/corpus-$i.png" \
        "file://$out/corpus-$i.html" 2>/dev/null
done
echo "$n formulas on $page pages: $out/corpus-N.html and corpus-N.png"
