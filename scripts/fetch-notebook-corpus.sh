#!/usr/bin/env bash
# Fills notebook-corpus/ (git-ignored) with public machine-learning notebooks at pinned commits, for
# Tests/SiteTests/NotebookCorpusTests.swift. Other people's work: never committed.
#   scripts/fetch-notebook-corpus.sh [DEST]
# A bare mirror under $MIRRORS (default /work/.mirror, OWNER+NAME/repo) is read when present;
# otherwise the repository is cloned from GitHub (blobs on demand).
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-notebook-corpus}"
MIRRORS="${MIRRORS:-/work/.mirror}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# NAME  OWNER/REPO  COMMIT  PATH-PATTERN (extended regex over the repository's paths)
SOURCES='
nn-zero-to-hero   karpathy/nn-zero-to-hero                73c3fcc741f0ec104ca850b1fb0df90e7e8d4cde  ^lectures/.*\.ipynb$
intro-ml-python   amueller/introduction_to_ml_with_python ea60cf6cf791553b6cca7cf31802c68cb3798ebb  ^[^/]*\.ipynb$
python-ds-handbook jakevdp/PythonDataScienceHandbook      d66231454ef753818dc9213c9b5942e067266966  ^notebooks/0[2-5].*\.ipynb$
'
echo "$SOURCES" | while read -r name repo commit pattern; do
    [ -n "$name" ] || continue
    mirror="$MIRRORS/${repo/\//+}/repo"
    if [ -d "$mirror" ]; then
        gitdir="$mirror"
    else
        git clone --quiet --bare --filter=blob:none "https://github.com/$repo" "$work/$name"
        gitdir="$work/$name"
    fi
    mkdir -p "$dest/$name"
    git --git-dir="$gitdir" ls-tree -r --name-only "$commit" | grep -E "$pattern" | while read -r file; do
        # A mirror may lack its largest files; those are named and left out.
        if ! git --git-dir="$gitdir" show "$commit:$file" > "$dest/$name/$(echo "$file" | tr '/' '_')" 2>/dev/null; then
            rm -f "$dest/$name/$(echo "$file" | tr '/' '_')"
            echo "left out (not in the mirror): $repo $file"
        fi
    done
done
echo "$(find "$dest" -name '*.ipynb' | wc -l) notebooks in $dest"
