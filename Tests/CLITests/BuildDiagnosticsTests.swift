import Foundation
import Testing

/// `collective build --format json`: every diagnostic, as data, for editors and CI.
@Suite struct BuildDiagnosticsTests {
    private struct Entry: Decodable, Equatable {
        var severity: String
        var file: String?
        var line: Int?
        var column: Int?
        var message: String
    }

    @Test func jsonListsEveryDiagnosticAndNothingElse() throws {
        let root = try CollectiveProcess.site([
            "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
            "content/posts/a.md": "---\ntitle: A\ndate: someday\n---\nText.\n\n![x](/missing.png)\n",
        ])
        let outcome = try CollectiveProcess.run(["build", "-s", root.path, "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let entries = try JSONDecoder().decode([Entry].self, from: Data(outcome.output.utf8))
        #expect(
            entries.contains {
                $0.severity == "warning" && $0.file == "content/posts/a.md" && $0.line == 3 && $0.column == 7 && $0.message.contains("someday")
            })
        #expect(entries.contains { $0.severity == "warning" && $0.file == "content/posts/a.md" && $0.line == 7 && $0.column == 1 })
        // The text form says the same on standard error.
        let text = try CollectiveProcess.run(["build", "-s", root.path])
        #expect(text.errors.contains("content/posts/a.md:3:7: warning: cannot read date \"someday\""))
    }

    @Test func aBuildThatCannotStartIsOneJSONError() throws {
        let missing = CollectiveProcess.temporaryFolder().appendingPathComponent("nowhere").path
        let outcome = try CollectiveProcess.run(["build", "-s", missing, "--format", "json"])
        #expect(outcome.status == 1)
        let entries = try JSONDecoder().decode([Entry].self, from: Data(outcome.output.utf8))
        #expect(entries.count == 1)
        #expect(entries.first?.severity == "error")
        #expect(entries.first?.message.contains("does not exist") == true)
    }
}
