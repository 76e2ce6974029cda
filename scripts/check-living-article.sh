#!/usr/bin/env bash
# Reruns the example site's living article ("Digits with a matrix and a derivative") with
# `collective build --execute=all` in a copy of the site, and fails unless its test accuracy is at
# least 90%. Needs python3 with numpy, scikit-learn and matplotlib (.ci/run installs them).
#   scripts/check-living-article.sh [COLLECTIVE-BINARY] [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
collective="${1:-$(swift build --show-bin-path)/collective}"
python="${2:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R Examples/tensor-collective "$work/site"
# The site names its interpreter; the cells see no other environment than PATH, HOME and LANG.
printf '\nexecute:\n  python: %s\n' "$(command -v "$python")" >> "$work/site/config.yml"
"$collective" build -s "$work/site" -d "$work/public" --execute=all 2>&1 | tee "$work/log"
if grep -q "python cell failed\|cannot run python" "$work/log"; then
    echo "FAILED: the living article's cells did not all run" >&2
    exit 1
fi
accuracy="$(grep -o 'test accuracy: [0-9.]*%' "$work/public/posts/digits-matrix-derivative/index.html" | grep -o '[0-9.]*' | head -1)"
echo "living article: test accuracy ${accuracy:-none}%"
if [ -z "$accuracy" ] || ! awk -v a="$accuracy" 'BEGIN { exit !(a >= 90) }'; then
    echo "FAILED: the test accuracy is below 90% (or missing)" >&2
    exit 1
fi
if ! diff -q Examples/tensor-collective/_freeze/posts/digits-matrix-derivative/index.md.json \
        "$work/site/_freeze/posts/digits-matrix-derivative/index.md.json" >/dev/null; then
    echo "note: the rerun's outputs differ from the committed _freeze/ (another interpreter or library version)"
fi
