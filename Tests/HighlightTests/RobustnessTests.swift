import Testing
@testable import Highlight

/// Every lexer must cover its input exactly, on any bytes, without deep recursion.
@Suite struct RobustnessTests {
    /// A small deterministic generator, so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes biased towards the characters lexers care about.
    static func randomSource(_ generator: inout SplitMix, length: Int) -> String {
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
        var generator = SplitMix(state: UInt64(language.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
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
}
