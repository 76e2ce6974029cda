#!/usr/bin/env bash
# Checks a release binary the way a user without a Swift toolchain runs it: with an empty
# environment (no PATH, no LD_LIBRARY_PATH), from a folder outside this source tree, and, where a
# mount namespace can be made (root, or unprivileged user namespaces), with the toolchain's library
# folders and this source tree hidden behind empty folders. It builds the example site and checks
# a few of its pages. Fails when the binary needs a Swift library or the build fails.
#
# With --reference, it also builds the example site in 40 languages with both binaries and fails
# unless every output is byte-identical: the reference (a development build, which links all of
# ICU's data) checks that the release binary's cut ICU data (scripts/icu-data-subset.py) lacks
# nothing collective uses — dates and month names in the site's language come from ICU.
#
#   scripts/release-check.sh [BINARY] [--reference DEV_BINARY]   (default: dist/collective)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary_argument="" reference=""
while [ $# -gt 0 ]; do
    case "$1" in
        --reference) reference="$(realpath "${2:?--reference needs a binary}")"; shift 2 ;;
        *) binary_argument="$1"; shift ;;
    esac
done
binary="$(realpath "${binary_argument:-$root/dist/collective}")"
[ -x "$binary" ] || { echo "release-check.sh: no binary at $binary; run scripts/release.sh first" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$binary" "$work/collective"
cp -R "$root/Examples/tensor-collective" "$work/site"

if ldd "$work/collective" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|/lib/swift/'; then
    ldd "$work/collective" >&2
    echo "release-check.sh: FAIL: the binary needs Swift runtime libraries" >&2
    exit 1
fi

# The toolchain's library folders: <prefix>/lib/swift and <prefix>/lib/swift_static.
hidden=("$root")
prefix=/nonexistent
if command -v swift >/dev/null; then
    prefix="$(dirname "$(dirname "$(realpath "$(command -v swift)")")")"
    for folder in "$prefix/lib/swift" "$prefix/lib/swift_static"; do
        [ -d "$folder" ] && hidden+=("$folder")
    done
fi

run='cd "$WORK" && env -i ./collective build -s site -d out --quiet'
hide=""
for folder in "${hidden[@]}"; do hide+="mount -t tmpfs -o size=1m tmpfs '$folder' && "; done
probe="$prefix/lib/swift/linux/libswiftCore.so"
flags=()
if unshare --mount true 2>/dev/null; then
    flags=(--mount)
elif unshare --mount --map-root-user true 2>/dev/null; then
    flags=(--mount --map-root-user)
fi
if [ ${#flags[@]} -gt 0 ]; then
    WORK="$work" unshare "${flags[@]}" sh -c "$hide [ ! -e '$probe' ] && [ ! -e '$root/Package.swift' ] && $run"
    echo "Built the example with an empty environment and these folders hidden: ${hidden[*]}"
else
    WORK="$work" sh -c "$run"
    echo "Built the example with an empty environment; no mount namespace can be made here, so the toolchain stayed in place (ldd shows no Swift library)"
fi

for page in index.html posts/index.html index.xml sitemap.xml; do
    [ -s "$work/out/$page" ] || { echo "release-check.sh: FAIL: $page was not written" >&2; exit 1; }
done
grep -q '<math' -r "$work/out/posts" || { echo "release-check.sh: FAIL: no MathML in the example's posts" >&2; exit 1; }
ls "$work"/out/assets/style.*.css >/dev/null || { echo "release-check.sh: FAIL: the theme's style sheet is missing" >&2; exit 1; }
files=$(find "$work/out" -type f | wc -l)

if [ -n "$reference" ]; then
    # Languages with their own scripts, digits, calendars' month forms and date patterns.
    languages="en fr de es pt-br it nl sv nb da fi pl cs hu ro el ru uk sr tr ar fa he hi bn ta th
        vi id ms zh-cn zh-tw ja ko ca eu ga cy is sw"
    count=0
    for language in $languages; do
        rm -rf "$work/lang" "$work/a" "$work/b"
        cp -R "$root/Examples/tensor-collective" "$work/lang"
        sed -i "s/^languageCode:.*/languageCode: $language/" "$work/lang/config.yml"
        grep -q "^languageCode: $language\$" "$work/lang/config.yml" || { echo "release-check.sh: FAIL: the example's config.yml has no languageCode line to set" >&2; exit 1; }
        "$reference" build -s "$work/lang" -d "$work/a" --quiet
        "$work/collective" build -s "$work/lang" -d "$work/b" --quiet
        if ! diff -r "$work/a" "$work/b" >"$work/diff.txt"; then
            head -n 20 "$work/diff.txt" >&2
            echo "release-check.sh: FAIL: in $language, the release binary's output differs from $reference's" >&2
            exit 1
        fi
        count=$((count + 1))
    done
    echo "The example built in $count languages is byte-identical with $reference's output"
fi
echo "release-check.sh: OK ($files files)"
