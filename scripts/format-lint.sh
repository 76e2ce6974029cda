#!/usr/bin/env bash
# Lints the modules that follow .swift-format with swift-format (bundled with Swift 6 toolchains).
# Formatting the rest of the tree is one commit per module (docs/architecture.md); add a module's
# folders here in the commit that formats it. Generated files carry `swift-format-ignore-file`.
set -euo pipefail
cd "$(dirname "$0")/.."
formatted=(Sources/TextUtilities Sources/Diagnostics Sources/SeededRandom Sources/SVGText Sources/Templating
           Sources/Notebooks Sources/Highlight Sources/Citations Sources/CSL Sources/Charts Sources/Diagrams
           Sources/GoTemplates Sources/DevServer Tests/GoTemplatesTests Tests/DevServerTests
           Tests/NotebooksTests Tests/HighlightTests Tests/CitationsTests Tests/CSLTests Tests/ChartsTests Tests/DiagramsTests
           Tests/TextUtilitiesTests Tests/DiagnosticsTests Tests/TemplatingTests)
if ! command -v swift-format >/dev/null; then
    if [ "${CI:-}" = true ]; then echo "CI=true needs swift-format (it comes with the Swift toolchain)" >&2; exit 1; fi
    echo "SKIPPED: swift-format lint (swift-format is not on PATH)"
    exit 0
fi
swift-format lint --strict --recursive --configuration .swift-format "${formatted[@]}"
echo "swift-format: ${formatted[*]} follow .swift-format"
