#!/usr/bin/env bash
# Fills csl-test-suite/ (git-ignored) with the CSL processor test fixtures (processor-tests/humans/*.txt)
# of github:citation-style-language/test-suite at a pinned commit, for Tests/CSLTests/TestSuiteTests.swift.
#   scripts/fetch-csl-test-suite.sh [DEST]
# CSL_TEST_SUITE_REPO names another clone or mirror of the repository to read the commit from.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-csl-test-suite}"
commit=13724f99a9b253e4a363f72e55b90cf8889e92b8
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="${CSL_TEST_SUITE_REPO:-}"
if [ -z "$repo" ]; then
    git clone --quiet --filter=blob:none --no-checkout https://github.com/citation-style-language/test-suite "$work/test-suite"
    repo="$work/test-suite"
fi
mkdir -p "$dest"
git -C "$repo" ls-tree --name-only "$commit" processor-tests/humans/ | grep '\.txt$' | while read -r file; do
    git -C "$repo" show "$commit:$file" > "$dest/$(basename "$file")"
done
echo "$commit" > "$dest/COMMIT"
echo "$(find "$dest" -name '*.txt' | wc -l) fixtures in $dest (test-suite at $commit)"
