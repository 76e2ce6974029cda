import Foundation
import Testing
@testable import Math

/// The corpus in Corpus/expressions.txt: real-world formulas, one per line ("$$ " marks display math).
@Suite struct CorpusTests {
    static func corpus() throws -> [(tex: String, display: Bool)] {
        let url = testDirectory().appendingPathComponent("Corpus/expressions.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            line.hasPrefix("$$ ") ? (String(line.dropFirst(3)), true) : (String(line), false)
        }
    }

    /// The site-wide macro the corpus uses, as a site's configuration would define it.
    static let siteMacros = ["\\RR": "\\mathbb{R}"]

    @Test func everyFormulaConvertsToWellFormedMathML() throws {
        let formulas = try Self.corpus()
        #expect(formulas.count >= 300)
        let renderer = MathRenderer(macros: Self.siteMacros)
        var failures: [String] = []
        for (tex, display) in formulas {
            let result = renderer.render(tex, display: display)
            if let error = result.error {
                failures.append("\(tex): \(error)")
            } else if !isWellFormedXML(result.html) {
                failures.append("\(tex): not well-formed XML")
            }
        }
        print("Math corpus: \(formulas.count - failures.count) passed, \(failures.count) failed")
        for failure in failures { print("  failed: \(failure)") }
        #expect(failures.isEmpty)
    }

    @Test func outputUsesMathMLCoreElementsOnly() throws {
        let core: Set<String> = [
            "math", "semantics", "annotation", "mi", "mn", "mo", "mtext", "mrow", "mfrac", "msqrt", "mroot",
            "msub", "msup", "msubsup", "munder", "mover", "munderover", "mspace", "mstyle", "mphantom",
            "mpadded", "mtable", "mtr", "mtd", "mmultiscripts", "mprescripts",
        ]
        var seen: Set<String> = []
        for (tex, display) in try Self.corpus() {
            let html = MathRenderer(macros: Self.siteMacros).render(tex, display: display).html
            for piece in html.split(separator: "<").dropFirst() where !piece.hasPrefix("/") {
                seen.insert(String(piece.prefix(while: { $0.isLetter })))
            }
        }
        #expect(seen.subtracting(core).isEmpty, "non-Core elements: \(seen.subtracting(core))")
    }

    static let papermodPage = testDirectory()
        .appendingPathComponent("../../../shared/corpus/papermod-example/content/posts/math-typesetting.md").standardized

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: papermodPage.path),
            "shared/corpus/papermod-example is absent: skipping the PaperMod math page"))
    func paperModMathPageConverts() throws {
        let page = try String(contentsOf: Self.papermodPage, encoding: .utf8)
        var formulas: [(String, Bool)] = []
        for (open, close, display) in [("$$", "$$", true), ("\\(", "\\)", false)] {
            var rest = Substring(page)
            while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
                formulas.append((String(rest[start.upperBound..<end.lowerBound]), display))
                rest = rest[end.upperBound...]
            }
        }
        #expect(formulas.count == 2)
        for (tex, display) in formulas {
            let result = MathRenderer().render(tex, display: display)
            #expect(result.error == nil, "\(tex)")
            #expect(result.html.contains("<mfrac>"))
        }
    }
}
