#!/usr/bin/env bash
# Fills bib-corpus/ (git-ignored) with the .bib files of JabRef's and biber's repositories (at the
# commits pinned below), for Tests/CitationsTests/BibTeXCorpusTests.swift.
#   scripts/fetch-bib-corpus.sh [DEST]
# BIB_CORPUS_MIRRORS names a folder holding git mirrors as owner+name/repo (a clone of
# github.com/owner/name) to read the commits from instead of cloning.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-bib-corpus}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fetch() {  # name owner/repo commit
    local repo="$work/$1"
    if [ -n "${BIB_CORPUS_MIRRORS:-}" ]; then
        repo="$BIB_CORPUS_MIRRORS/${2/\//+}/repo"
    else
        git clone --quiet --filter=blob:none --no-checkout "https://github.com/$2" "$repo"
    fi
    mkdir -p "$dest/$1"
    git -C "$repo" ls-tree -r --name-only "$3" | grep -i '\.bib$' | while read -r file; do
        git -C "$repo" show "$3:$file" > "$dest/$1/$(echo "$file" | tr '/' '_')"
    done
}
fetch jabref JabRef/jabref edbf3b13ad2806e4460f1d477ddcb087984c8459
fetch biber plk/biber c29ec7f7dbfd6583617bcede508a4170daa9e251
echo "$(find "$dest" -name '*.bib' | wc -l) files in $dest"
