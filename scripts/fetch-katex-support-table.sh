#!/usr/bin/env bash
# Fills katex-corpus/ (git-ignored: it is KaTeX's text) with support-table.txt, the commands of KaTeX's
# documented function table (docs/support_table.md of github:KaTeX/KaTeX at a pinned commit) and their
# usage examples, for Tests/MathTests/KaTeXCoverageTests.swift.
#   scripts/fetch-katex-support-table.sh [DEST]
# KATEX_REPO names another clone or bare mirror of the repository to read the commit from.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-katex-corpus}"
commit=a11ce7289b735a2c1970cddbd858c5b894da9c2b   # KaTeX 0.18.2's docs, August 2026
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="${KATEX_REPO:-}"
if [ -z "$repo" ] && [ -d /work/.mirror/KaTeX+KaTeX/repo ]; then
    repo=/work/.mirror/KaTeX+KaTeX/repo
fi
if [ -z "$repo" ]; then
    git clone --quiet --filter=blob:none --no-checkout https://github.com/KaTeX/KaTeX "$work/KaTeX"
    repo="$work/KaTeX"
fi
mkdir -p "$dest"
git -C "$repo" show "$commit:docs/support_table.md" > "$work/support_table.md"
python3 scripts/katex-support-table.py "$work/support_table.md" "$dest/support-table.txt"
echo "$commit" > "$dest/COMMIT"
