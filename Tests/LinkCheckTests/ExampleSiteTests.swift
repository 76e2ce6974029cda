import Foundation
import Testing
import LinkCheck
import Site

/// The shipped example site and the PaperMod example (from ../shared) check without errors,
/// except for defects of that content, listed here.
@Suite("Example sites")
struct ExampleSiteTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func check(_ folder: URL) async throws -> CheckResult {
        try await LinkChecker(report: try SiteBuilder(source: folder).build(write: false)).run()
    }

    @Test func tensorCollectiveExample() async throws {
        let result = try await Self.check(Self.repository.appendingPathComponent("Examples/tensor-collective"))
        #expect(result.findings.filter { $0.severity != .notice } == [])
        #expect(result.pageCount > 10)
    }

    static let papermod = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/papermod-example")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: papermod.path), "../shared/corpus/papermod-example is absent"))
    func papermodExample() async throws {
        let folder = Self.papermod
        let result = try await Self.check(folder)
        // A real defect of that content: the FAQ page it links to is a draft (and expired), so it is not built.
        #expect(
            result.findings.filter { $0.severity != .notice }.map(\.description) == [
                "content/posts/math-typesetting.md:18:44: error: broken link: ../papermod/papermod-faq/#custom-head--footer matches no page, section, term or file"
            ])
    }
}
