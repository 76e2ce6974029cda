import Testing
@testable import Highlight
import SeededRandom

/// Every lexer must cover its input exactly, on any bytes, without deep recursion.
@Suite(.timeLimit(.minutes(2))) struct RobustnessTests {

    /// Bytes biased towards the characters lexers care about.
    static func randomSource(_ generator: inout SeededGenerator, length: Int) -> String {
        let alphabet = Array("\"'`\\$(){}[]<>#/*%!=-+:;,.@&|^~?\n\t abcxyz019_ef\u{e9}\u{1F600}".unicodeScalars)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            if Int.random(in: 0..<8, using: &generator) == 0, let scalar = Unicode.Scalar(UInt32.random(in: 0...0xD7FF, using: &generator)) {
                scalars.append(scalar)
            } else {
                scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
        }
        return String(scalars)
    }

    @Test(arguments: Highlighter.supportedLanguages)
    func randomInputIsCoveredExactly(language: String) {
        var generator = SeededGenerator(seed: UInt64(language.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        for round in 0..<60 {
            let code = Self.randomSource(&generator, length: round * 7)
            let tokens = Highlighter.tokens(code: code, language: language)
            #expect(tokens.map(\.text).joined() == code, "\(language) round \(round)")
            #expect(!tokens.contains { $0.text.isEmpty })
            _ = Highlighter.html(code: code, language: language)
        }
    }

    @Test(arguments: ["swift", "python", "javascript", "bash", "kotlin", "julia", "rust", "markdown", "html", "yaml", "css"])
    func deepNestingNeedsNoRecursion(language: String) {
        let depth = 20_000
        let openers = [
            "swift": "\"\\(", "python": "f\"{", "javascript": "`${", "bash": "\"$(", "kotlin": "\"${",
            "julia": "\"$(", "rust": "/*", "markdown": "[", "html": "<a ", "yaml": "[", "css": "@media x {",
        ]
        let code = String(repeating: openers[language] ?? "(", count: depth)
        let tokens = Highlighter.tokens(code: code, language: language)
        #expect(tokens.map(\.text).joined() == code)
    }

    /// Inputs that would make a naive lexer rescan the rest of a line at every byte. They are
    /// not timed here (benchmarks do that); with a quadratic lexer this test would not finish.
    @Test func pathologicalLinesAreLexed() {
        let cases: [(String, String)] = [
            ("swift", String(repeating: "#", count: 60_000)),
            ("javascript", String(repeating: "= /", count: 30_000)),
            ("latex", String(repeating: "\\a[", count: 30_000)),
            ("markdown", String(repeating: "[*_`", count: 30_000)),
            ("rust", String(repeating: "'a", count: 30_000)),
            ("html", String(repeating: "<a b=", count: 30_000)),
            ("c", "#define X " + String(repeating: "\"/", count: 30_000)),
        ]
        for (language, code) in cases {
            #expect(Highlighter.tokens(code: code, language: language).map(\.text).joined() == code, "\(language)")
        }
    }

    @Test func invalidUTF8FromDataIsRepairedNotFatal() {
        let bytes: [UInt8] = [0x22, 0xFF, 0xFE, 0x5C, 0x28, 0x0A, 0xC3]
        let code = String(decoding: bytes, as: UTF8.self)
        for language in Highlighter.supportedLanguages {
            #expect(Highlighter.tokens(code: code, language: language).map(\.text).joined() == code)
        }
    }

    /// Issue 15: 400 KB of JSON with unclosed strings took 5.2 s (each string looked for its next
    /// backslash in the rest of the source). Exact tokens; the time limit is only a generous guard.
    @Test(.timeLimit(.minutes(2))) func unclosedJSONStringsAreLinear() {
        let lines = 130_000
        let code = String(repeating: "\"a\n", count: lines)
        #expect(code.utf8.count >= 390_000)
        let tokens = Highlighter.tokens(code: code, language: "json")
        #expect(tokens.count == 2 * lines)
        #expect(
            tokens.indices.allSatisfy { k in
                k % 2 == 0 ? tokens[k] == Token(kind: .stringDouble, text: "\"a") : tokens[k] == Token(kind: .text, text: "\n")
            })
        // Strings without escapes before a distant backslash: each string used to scan to it.
        let values = String(repeating: "\"abc\", ", count: 60_000) + "\"\\n\""
        let valueTokens = Highlighter.tokens(code: values, language: "json")
        #expect(valueTokens.map(\.text).joined() == values)
        #expect(valueTokens.last == Token(kind: .stringDouble, text: "\""))
        #expect(valueTokens.dropLast().last == Token(kind: .stringEscape, text: "\\n"))
    }

    /// Lines of `[` without `]` in Markdown: the remembered search for `]` was cut at each line's
    /// end, so every line searched to the end of the source again.
    @Test(.timeLimit(.minutes(2))) func markdownLinesOfOpenBracketsAreLinear() {
        let code = String(repeating: "[\n", count: 100_000)
        let tokens = Highlighter.tokens(code: code, language: "markdown")
        #expect(tokens == [Token(kind: .text, text: code)])
    }

    /// Unclosed strings, comments and other openers, in every language, at 20 KB: each lexer
    /// covers the input exactly (with a quadratic lexer this would not finish within the limit).
    @Test(
        .timeLimit(.minutes(2)),
        arguments: Highlighter.supportedLanguages.filter {
            [
                "json", "python", "swift", "c", "cpp", "rust", "go", "java", "kotlin", "javascript", "typescript", "r", "julia", "matlab", "yaml",
                "toml", "css", "sql", "diff", "bash", "console", "dockerfile", "make", "html", "xml", "markdown", "latex",
            ].contains($0)
        })
    func unclosedOpenersAreLinear(language: String) {
        for opener in ["\"a\n", "'a\n", "/*", "\"\"\"", "`", "<!--", "\"\\", "${", "[\n", "r#\"", "%{"] {
            let code = String(repeating: opener, count: 20_000 / opener.utf8.count)
            #expect(Highlighter.tokens(code: code, language: language).map(\.text).joined() == code, "\(opener.debugDescription)")
        }
    }
}
