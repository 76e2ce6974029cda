#!/usr/bin/env bash
# Fuzzes the Markdown engine with libFuzzer.
#   scripts/fuzz-markdown.sh [SECONDS]   (default 600)
# Seeds: the conformance examples in ../shared/conformance. Findings land in $WORK/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"
WORK="${TMPDIR:-/tmp}/markdown-fuzz"
mkdir -p "$WORK/corpus" "$WORK/findings"

python3 - "$WORK/corpus" ../shared/conformance <<'PY'
import json, pathlib, sys
corpus, conformance = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
count = 0
for path in sorted(conformance.glob("*.json")):
    for example in json.loads(path.read_text()):
        (corpus / f"{path.stem}-{example['example']}.md").write_text(example["markdown"])
        count += 1
print(f"{count} seed inputs")
PY

swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name MarkdownFuzz \
    Sources/Markdown/*.swift scripts/fuzz-markdown-entry.swift -o "$WORK/markdown-fuzz"

"$WORK/markdown-fuzz" "$WORK/corpus" -artifact_prefix="$WORK/findings/" \
    -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    2>&1 | tee "$WORK/fuzz.log" | grep -E "^#[0-9]+.*(pulse|DONE)|ERROR|SUMMARY|stat::" || true
