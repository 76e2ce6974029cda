#!/usr/bin/env bash
# Lints every Swift file of Sources/ and Tests/ against .swift-format with swift-format (bundled
# with Swift 6 toolchains). Generated files carry `swift-format-ignore-file`.
set -euo pipefail
cd "$(dirname "$0")/.."
formatted=(Sources Tests)
if ! command -v swift-format >/dev/null; then
    if [ "${CI:-}" = true ]; then echo "CI=true needs swift-format (it comes with the Swift toolchain)" >&2; exit 1; fi
    echo "SKIPPED: swift-format lint (swift-format is not on PATH)"
    exit 0
fi
swift-format lint --strict --recursive --configuration .swift-format "${formatted[@]}"
echo "swift-format: ${formatted[*]} follow .swift-format"
