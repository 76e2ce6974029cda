import Foundation
import Testing
@testable import Math

/// Every command of KaTeX's documented function table renders, except the few listed here with the
/// reason, which docs/math.md repeats. The table is KaTeX's text, kept out of the repository in the
/// git-ignored `katex-corpus/` (scripts/fetch-katex-support-table.sh, pinned commit, fetched from
/// GitHub, which CI may not reach): without it the tests show as skipped.
@Suite struct KaTeXCoverageTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("katex-corpus/support-table.txt")
    static let enabled = FileManager.default.fileExists(atPath: file.path)

    /// Commands of KaTeX's table we leave out on purpose (see "Not supported" in docs/math.md).
    static let notSupported: Set<String> = [
        "\\includegraphics"  // an image from the network inside math: no request may leave the site
    ]

    static func table() throws -> [(name: String, tex: String)] {
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return (String(line[..<tab]), String(line[line.index(after: tab)...]))
        }
    }

    @Test(.enabled(if: enabled, "needs katex-corpus/ (scripts/fetch-katex-support-table.sh)"))
    func everyDocumentedCommandRenders() throws {
        let table = try Self.table()
        #expect(table.count > 950)
        let renderer = MathRenderer()
        var failures: [String] = []
        for (name, tex) in table where !Self.notSupported.contains(name) {
            let result = renderer.render(tex, display: false)
            if let error = result.error {
                failures.append("\(name)  \(tex)  → \(error)")
            } else if !isWellFormedXML(result.html) {
                failures.append("\(name)  \(tex)  → not well-formed XML")
            }
        }
        print("KaTeX support table: \(table.count - failures.count) of \(table.count) render")
        for failure in failures { print("  refused: \(failure)") }
        #expect(failures.isEmpty)
    }

    @Test(.enabled(if: enabled, "needs katex-corpus/ (scripts/fetch-katex-support-table.sh)"))
    func theLeftOutCommandsAreStillLeftOut() throws {
        // Keeps the list above (and docs/math.md) honest: each entry is in the table and still fails.
        let table = Dictionary(try Self.table().map { ($0.name, $0.tex) }, uniquingKeysWith: { first, _ in first })
        for name in Self.notSupported {
            let tex = try #require(table[name])
            #expect(MathRenderer().render(tex, display: false).error != nil, "\(name) renders now")
        }
    }
}
