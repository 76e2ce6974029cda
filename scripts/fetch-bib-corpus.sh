#!/usr/bin/env bash
# Fills bib-corpus/ (git-ignored) with the .bib files of JabRef's and biber's repositories (at the
# commits named in its README), for Tests/CitationsTests/BibTeXCorpusTests.swift.
#   scripts/fetch-bib-corpus.sh [DEST]
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-bib-corpus}"
work="$(mktemp -d)"
fetch() {  # name url commit
    git clone --quiet --filter=blob:none --no-checkout "$2" "$work/$1"
    mkdir -p "$dest/$1"
    git -C "$work/$1" ls-tree -r --name-only "$3" | grep -i '\.bib$' | while read -r file; do
        git -C "$work/$1" show "$3:$file" > "$dest/$1/$(echo "$file" | tr '/' '_')"
    done
}
fetch jabref https://github.com/JabRef/jabref edbf3b13ad2806e4460f1d477ddcb087984c8459
fetch biber https://github.com/plk/biber c29ec7f7dbfd6583617bcede508a4170daa9e251
echo "$(find "$dest" -name '*.bib' | wc -l) files in $dest"
