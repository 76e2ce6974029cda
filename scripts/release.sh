#!/usr/bin/env bash
# Builds the release binary of collective for Linux: the Swift standard library, Foundation and
# Dispatch linked in statically (--static-swift-stdlib), stripped. Prints its size and the shared
# libraries it still needs (ldd), and fails when one of them is a Swift runtime library.
#
#   scripts/release.sh [--output PATH] [--full-icu-data]      (default: dist/collective)
#
# ICU's data, which Foundation links whole (34 MB), is cut to what collective uses (18 % of it);
# --full-icu-data keeps all of it. Needs python3 for that, and binutils (ar, objcopy, nm).
# Needs a Swift 6 toolchain, binutils (strip) and libcurl's development files (Debian/Ubuntu:
# apt-get install libcurl4-openssl-dev): FoundationNetworking, which `collective check --external`
# uses, calls libcurl, which stays a shared library. scripts/release-check.sh then builds the example
# site with the binary while the toolchain is out of reach. docs/deploy.md says what users need.
set -euo pipefail
cd "$(dirname "$0")/.."

output="dist/collective"
full_icu=0
while [ $# -gt 0 ]; do
    case "$1" in
        --output) output="${2:?--output needs a path}"; shift 2 ;;
        --full-icu-data) full_icu=1; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
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

# ICU's data package, cut to what collective uses (scripts/icu-data-subset.py says what stays).
# Foundation's static ICU library defines the whole package as one symbol (icudtNN_dat, 34 MB in
# Swift 6.3); the subset is assembled into an object of its own, and `--defsym` points that symbol
# at it, so the linker never takes the library's copy. --full-icu-data keeps the whole package.
icu_link_flags=()
if [ "$full_icu" != 1 ]; then
    command -v python3 >/dev/null || { echo "release.sh: python3 is needed to cut ICU's data (or pass --full-icu-data)" >&2; exit 1; }
    toolchain="$(dirname "$(dirname "$(realpath "$(command -v swiftc)")")")"
    archive="$toolchain/lib/swift_static/linux/lib_FoundationICU.a"
    [ -f "$archive" ] || { echo "release.sh: no $archive in this toolchain (pass --full-icu-data)" >&2; exit 1; }
    work="$PWD/.build/icu-data"
    rm -rf "$work" && mkdir -p "$work"
    read -r member symbol < <(nm -A "$archive" 2>/dev/null | awk '$2 == "R" && $3 ~ /^icudt[0-9]+_dat$/ { n = split($1, part, ":"); print part[n - 1], $3; exit }')
    [ -n "${symbol:-}" ] || { echo "release.sh: ICU's data symbol was not found in $archive (pass --full-icu-data)" >&2; exit 1; }
    (cd "$work" && ar x "$archive" "$member")
    objcopy -O binary --only-section=.rodata "$work/$member" "$work/full.dat"
    hex_size=$(nm -S "$work/$member" | awk -v s="$symbol" '$4 == s { print $2 }')
    [ "$(stat -c %s "$work/full.dat")" = "$((16#${hex_size:-0}))" ] || { echo "release.sh: $member's .rodata is not exactly $symbol (pass --full-icu-data)" >&2; exit 1; }
    python3 scripts/icu-data-subset.py "$work/full.dat" "$work/subset.dat"
    printf '\t.section .rodata.collective_icu_data,"a"\n\t.globl collective_icu_data\n\t.type collective_icu_data,@object\n\t.balign 16\ncollective_icu_data:\n\t.incbin "%s"\n\t.size collective_icu_data, . - collective_icu_data\n\t.section .note.GNU-stack,"",@progbits\n' \
        "$work/subset.dat" >"$work/icu-data.s"
    "$toolchain/bin/clang" -c "$work/icu-data.s" -o "$work/icu-data.o"
    icu_link_flags=(-Xlinker --defsym -Xlinker "$symbol=collective_icu_data" -Xlinker "$work/icu-data.o")
fi

start=$(date +%s)
built="$(swift build -c release --static-swift-stdlib --show-bin-path)/collective"
# The package manager does not relink when only a linked object changed: link anew every time.
rm -f "$built"
swift build -c release --product collective --static-swift-stdlib "${icu_link_flags[@]}"
seconds=$(( $(date +%s) - start ))
if [ "$full_icu" != 1 ] && ! nm "$built" | grep ' collective_icu_data$' >/dev/null; then
    echo "release.sh: the binary does not hold the cut ICU data" >&2
    exit 1
fi

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
