import Foundation
import Testing
@testable import Highlight

/// The real-world snippets in `Tests/HighlightCorpus/` (one file per language, snippets separated
/// by a `-----8<-----` line; kept outside the test target so SwiftPM has no unhandled files):
/// every one must be supported and covered exactly.
@Suite struct CorpusTests {
    static let separator = "-----8<-----\n"

    static func corpus() throws -> [(language: String, snippets: [String])] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("HighlightCorpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { file in
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return (String(file.dropLast(4)), text.components(separatedBy: separator).filter { !$0.isEmpty })
        }
    }

    @Test func corpusCoversTheRequiredLanguages() throws {
        let corpus = try Self.corpus()
        #expect(corpus.reduce(0) { $0 + $1.snippets.count } >= 200)
        let required = """
            python swift c cpp rust go java kotlin javascript typescript json yaml toml bash console html xml css
            sql markdown latex diff dockerfile r julia matlab make
            """.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(Set(corpus.map(\.language)).isSuperset(of: required))
        for name in required { #expect(Highlighter.isSupported(name), "\(name)") }
    }

    @Test func everySnippetIsCoveredAndHighlighted() throws {
        for (language, snippets) in try Self.corpus() {
            for snippet in snippets {
                let tokens = Highlighter.tokens(code: snippet, language: language)
                #expect(tokens.map(\.text).joined() == snippet, "\(language)")
                // Real code always has something to colour.
                #expect(tokens.contains { $0.kind != .text }, "\(language): \(snippet.prefix(40))")
            }
        }
    }

    @Test func aliasesResolve() {
        for alias in [
            "py", "js", "ts", "yml", "sh", "zsh", "shell", "rs", "golang", "kt", "tex", "docker", "makefile", "jl", "md", "c++", "shell-session",
        ] {
            #expect(Highlighter.isSupported(alias), "\(alias)")
        }
    }
}
