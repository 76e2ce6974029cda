#!/usr/bin/env bash
# Instructions per input byte, which do not depend on the machine's load: `collective markdown
# --gfm` and `pulldown-cmark -T -S -F -L` under `valgrind --tool=callgrind` on the first MEGABYTES
# of the bodies bench-markdown-cli.sh makes, minus a run on an empty input (process start-up).
#   scripts/markdown-instructions.sh [MEGABYTES] [COLLECTIVE]
# valgrind 3.19 cannot read the Swift toolchain's DWARF 5, so the binary is profiled from a copy
# with its debug sections stripped. Needs valgrind and the Debian package pulldown-cmark.
set -euo pipefail
cd "$(dirname "$0")/.."
MEGABYTES="${1:-3}"
COLLECTIVE="${2:-.build/release/collective}"
WORK="${TMPDIR:-/tmp}/markdown-cli-bench"
[ -f "$WORK/bodies-x1.md" ] || scripts/bench-markdown-cli.sh 0 1 "$COLLECTIVE" >/dev/null 2>&1 || true
[ -f "$WORK/bodies-x1.md" ] || { echo "could not make $WORK/bodies-x1.md" >&2; exit 1; }
INPUT="$WORK/head-${MEGABYTES}mb.md"
head -c "$((MEGABYTES * 1000000))" "$WORK/bodies-x1.md" > "$INPUT"
: > "$WORK/empty.md"
BINARY="$WORK/collective-stripped"
cp "$COLLECTIVE" "$BINARY"
strip --strip-debug "$BINARY"

count() { # count LABEL COMMAND... (input on standard input)
    local log="$WORK/callgrind.log"
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "${@:2}" > /dev/null 2> "$log"
    grep -o 'Collected : [0-9]*' "$log" | grep -o '[0-9]*$'
}
measure() { # measure LABEL COMMAND-WITH-FILE-ARGUMENT | COMMAND-READING-STDIN
    local empty full
    if [ "$2" = stdin ]; then
        empty=$(count "$1" "${@:3}" < "$WORK/empty.md")
        full=$(count "$1" "${@:3}" < "$INPUT")
    else
        empty=$(count "$1" "${@:2}" "$WORK/empty.md")
        full=$(count "$1" "${@:2}" "$INPUT")
    fi
    python3 -c "import sys; e, f, n = map(int, sys.argv[1:4]); print(f'{sys.argv[4]}: {f - e:,} instructions for {n:,} bytes, {(f - e) / n:.1f} per byte (start-up {e:,})')" \
        "$empty" "$full" "$(stat -c %s "$INPUT")" "$1"
}
measure "collective markdown --gfm" "$BINARY" markdown --gfm
measure "pulldown-cmark -T -S -F -L" stdin pulldown-cmark -T -S -F -L
