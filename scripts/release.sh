#!/usr/bin/env bash
# Builds the release binary of collective for Linux: the Swift standard library, Foundation and
# Dispatch linked in statically (--static-swift-stdlib), stripped. Prints its size and the shared
# libraries it still needs (ldd), and fails when one of them is a Swift runtime library.
#
#   scripts/release.sh [--output PATH]      (default: dist/collective)
#
# Needs a Swift 6 toolchain, binutils (strip) and libcurl's development files (Debian/Ubuntu:
# apt-get install libcurl4-openssl-dev): FoundationNetworking, which `collective check --external`
# uses, calls libcurl, which stays a shared library. scripts/release-check.sh then builds the example
# site with the binary while the toolchain is out of reach. docs/deploy.md says what users need.
set -euo pipefail
cd "$(dirname "$0")/.."

output="dist/collective"
while [ $# -gt 0 ]; do
    case "$1" in
        --output) output="${2:?--output needs a path}"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "release.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
    esac
done

curl_library=""
for file in /usr/lib/*/libcurl.so /usr/lib/libcurl.so /usr/lib64/libcurl.so /usr/local/lib/libcurl.so; do
    [ -e "$file" ] && curl_library="$file"
done
if [ -z "$curl_library" ]; then
    echo "release.sh: libcurl's development files are missing; install them (Debian/Ubuntu: apt-get install libcurl4-openssl-dev, Fedora: dnf install libcurl-devel)" >&2
    exit 1
fi
command -v strip >/dev/null || { echo "release.sh: strip is missing; install binutils" >&2; exit 1; }

start=$(date +%s)
swift build -c release --product collective --static-swift-stdlib
built="$(swift build -c release --static-swift-stdlib --show-bin-path)/collective"
seconds=$(( $(date +%s) - start ))

mkdir -p "$(dirname "$output")"
cp "$built" "$output"
unstripped=$(stat -c %s "$output")
strip --strip-all "$output"
size=$(stat -c %s "$output")

echo "Built $output in ${seconds} s: $((size / 1024 / 1024)) MB stripped ($size bytes; $((unstripped / 1024 / 1024)) MB before strip)."
echo "Shared libraries it needs (ldd):"
ldd "$output" | sed 's/^/  /'
if ldd "$output" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|/lib/swift/'; then
    echo "release.sh: the binary still needs Swift runtime libraries (see above)" >&2
    exit 1
fi
"$output" --version >/dev/null
