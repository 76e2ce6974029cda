#!/usr/bin/env bash
# libFuzzer for the highlighter: every lexer and the HTML writer on arbitrary bytes.
#
#   scripts/fuzz-highlight.sh [SECONDS] [extra libFuzzer flags…]
#
# Compiles Sources/Highlight with a small entry point (written to a temporary directory) using
# -sanitize=fuzzer,address, then runs libFuzzer seeded with the test corpus. The first input byte
# picks the language; the rest is the code. A crash, a sanitizer report, or tokens that do not
# re-form the input (checked with a trap) is a finding; libFuzzer writes it to $TMPDIR/highlight-fuzz-crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/FuzzEntry.swift" <<'SWIFT_ENTRY'
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let languages = Highlighter.supportedLanguages
    let language = languages[Int(data[0]) % languages.count]
    let code = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let tokens = Highlighter.tokens(code: code, language: language)
    let normalized = code.replacingOccurrences(of: "\r\n", with: "\n")
    if tokens.map(\.text).joined() != normalized { fatalError("tokens do not cover the input (\(language))") }
    var options = HighlightOptions()
    options.lineNumbers = size % 3 == 0 ? .table : .inline
    options.highlightedLines = [1, 2]
    _ = Highlighter.html(code: code, language: language, options: options)
    return 0
}
SWIFT_ENTRY
# `replacingOccurrences` needs Foundation; the library itself does not.
sed -i '1i import Foundation' "$work/FuzzEntry.swift"

mapfile -t sources < <(find Sources/Highlight -name '*.swift' | sort)
swiftc -O -parse-as-library -module-name Highlight -sanitize=fuzzer,address \
    "${sources[@]}" "$work/FuzzEntry.swift" -o "$work/fuzz-highlight"

mkdir -p "$work/seeds"
i=0
for file in Tests/HighlightCorpus/*.txt; do
    cp "$file" "$work/seeds/$i"
    i=$((i + 1))
done
"$work/fuzz-highlight" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -artifact_prefix="${TMPDIR:-/tmp}/highlight-fuzz-" "$@" "$work/seeds"
