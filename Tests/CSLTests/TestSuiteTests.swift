import Foundation
import Testing
@testable import CSL

/// The CSL test suite's processor fixtures, kept out of the repository in the git-ignored `csl-test-suite/`
/// (scripts/fetch-csl-test-suite.sh, pinned commit). Prints the pass rate per category (docs/citations.md
/// records it) and fails when a category falls below the floor measured when this processor was written.
/// Without the folder (no copy fetched, or GitHub out of reach) the test shows as skipped.
@Suite struct TestSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("csl-test-suite")
    static let present = FileManager.default.fileExists(atPath: folder.path)

    /// Passing fixtures per category when these figures were recorded (docs/citations.md).
    static let floors: [String: Int] = [
        "affix": 5, "bugreports": 55, "collapse": 14, "condition": 17, "date": 94, "decorations": 4, "disambiguate": 64,
        "display": 2, "etal": 4, "flipflop": 8, "form": 3, "fullstyles": 3, "group": 6, "integration": 5, "label": 10,
        "locale": 19, "locator": 6, "magic": 33, "name": 102, "nameattr": 97, "nameorder": 6, "namespaces": 1, "number": 12,
        "page": 2, "plural": 7, "position": 8, "punctuation": 9, "quotes": 2, "simplespace": 1, "sort": 49,
        "sortseparator": 1, "substitute": 5, "textcase": 20, "unicode": 1, "variables": 2,
    ]

    @Test(.enabled(if: present, "needs csl-test-suite/ (scripts/fetch-csl-test-suite.sh)"))
    func everyFixture() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count > 800)
        var passed: [String: Int] = [:]
        var total: [String: Int] = [:]
        var failures: [String] = []
        for file in files {
            let text = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(file)), as: UTF8.self)
            let fixture = Fixture(name: String(file.dropLast(4)), text: text)
            total[fixture.category, default: 0] += 1
            let output = try? fixture.run()
            if let output, output.trimmingCharacters(in: .whitespacesAndNewlines) == fixture.expected {
                passed[fixture.category, default: 0] += 1
            } else {
                failures.append(fixture.name)
                if let show = ProcessInfo.processInfo.environment["CSL_SHOW"], fixture.name.hasPrefix(show) {
                    print(
                        "== \(fixture.name)\nexpected: \(fixture.expected.replacingOccurrences(of: "\n", with: "⏎"))\n     got: \((output ?? "(not run)").replacingOccurrences(of: "\n", with: "⏎"))"
                    )
                }
            }
        }
        let allPassed = passed.values.reduce(0, +)
        let all = total.values.reduce(0, +)
        var report = "CSL test suite: \(allPassed)/\(all) passed\n"
        for category in total.keys.sorted() {
            let p = passed[category] ?? 0
            let t = total[category]!
            report += "  \(category): \(p)/\(t) (\(t == 0 ? 0 : p * 100 / t)%)\n"
        }
        print(report)
        if let path = ProcessInfo.processInfo.environment["CSL_FAILURES"] {
            try failures.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        for (category, floor) in Self.floors {
            #expect((passed[category] ?? 0) >= floor, "\(category): \(passed[category] ?? 0) passed, \(floor) before")
        }
    }
}
