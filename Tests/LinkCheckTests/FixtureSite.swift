import Foundation
import LinkCheck
import Site

/// Builds a fixture site of Tests/LinkCheckTests/Fixtures in memory and checks it.
enum FixtureSite {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func build(_ name: String) throws -> BuildReport {
        try SiteBuilder(source: folder.appendingPathComponent(name)).build(write: false)
    }

    static func check(_ name: String) async throws -> CheckResult {
        try await LinkChecker(report: try build(name)).run()
    }

    /// The report's lines without the summary and the blank lines between files.
    static func lines(_ result: CheckResult) -> [String] {
        result.text.split(separator: "\n").map(String.init).filter { $0 != result.summary }
    }
}
