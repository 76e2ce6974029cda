#!/usr/bin/env bash
# Fills bib-corpus/ (git-ignored) with the .bib files of JabRef's and biber's repositories and Zotero
# Better BibTeX's test fixtures (users' .bib files it imports, and its BibTeX and BibLaTeX exports, saved
# with .bib appended), at the commits pinned below, for Tests/CitationsTests/BibTeXCorpusTests.swift.
#   scripts/fetch-bib-corpus.sh [DEST]
# BIB_CORPUS_MIRRORS names a folder holding git mirrors as owner+name/repo (a clone of
# github.com/owner/name) to read the commits from instead of cloning.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-bib-corpus}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fetch() {  # name owner/repo commit [pattern of paths to take]
    local repo="$work/$1"
    if [ -n "${BIB_CORPUS_MIRRORS:-}" ]; then
        repo="$BIB_CORPUS_MIRRORS/${2/\//+}/repo"
    else
        git clone --quiet --filter=blob:none --no-checkout "https://github.com/$2" "$repo"
    fi
    mkdir -p "$dest/$1"
    git -C "$repo" ls-tree -r --name-only "$3" | grep -iE "${4:-\.bib\$}" | while read -r file; do
        name="$(echo "$file" | tr '/' '_')"
        case "$name" in *.bib) ;; *) name="$name.bib" ;; esac
        # A mirror may lack its largest files: those are left out.
        git -C "$repo" show "$3:$file" > "$dest/$1/$name" 2>/dev/null || { rm -f "$dest/$1/$name"; echo "not read: $file"; }
    done
}
fetch jabref JabRef/jabref edbf3b13ad2806e4460f1d477ddcb087984c8459
fetch biber plk/biber c29ec7f7dbfd6583617bcede508a4170daa9e251
fetch better-bibtex retorquere/zotero-better-bibtex 73dd6799831d1c11f0186bd44bbb26c43b95e521 \
    '^test/fixtures/(import/.*\.bib|export/.*\.(bibtex|biblatex))$'
echo "$(find "$dest" -name '*.bib' | wc -l) files in $dest"
