import SeededRandom
import Testing
@testable import Citations

@Suite struct BibTeXParserTests {
    @Test func stringsConcatenationAndMonthMacros() {
        let text = """
            @string{nips = "Advances in Neural Information Processing Systems"}
            @String(pre = {Proceedings of the })
            @inproceedings{vaswani2017,
              title = {Attention Is All You Need},
              booktitle = nips # " 30",
              year = 2017, month = dec,
              note = pre # {Conference}
            }
            """
        let file = BibTeXParser.parse(text)
        #expect(file.diagnostics.isEmpty)
        let entry = try! #require(file.entries.first)
        #expect(entry.type == "inproceedings")
        #expect(entry.key == "vaswani2017")
        #expect(entry.fields["booktitle"] == "Advances in Neural Information Processing Systems 30")
        #expect(entry.fields["year"] == "2017")
        #expect(entry.fields["month"] == "12")
        #expect(entry.fields["note"] == "Proceedings of the Conference")
        #expect(entry.location == SourceLocation(line: 3, column: 1))
    }

    @Test func nestedBracesQuotesCommentsAndPreamble() {
        let text = """
            This line is a comment, as is everything outside entries.
            @comment{ @article{ignored, title = {no}} }
            @preamble{ "\\newcommand{\\noopsort}[1]{}" }
            % a percent comment
            @article{he2016,
              title = "Deep Residual Learning for {Image} Recognition: {"quoted" {deeply {nested}}}",
              author = {He, Kaiming and Zhang, Xiangyu},   % trailing comment
              pages = {770--778},
            }
            """
        let file = BibTeXParser.parse(text)
        #expect(file.diagnostics.isEmpty)
        #expect(file.entries.map(\.key) == ["he2016"])
        #expect(file.entries[0].fields["title"] == #"Deep Residual Learning for {Image} Recognition: {"quoted" {deeply {nested}}}"#)
        #expect(file.entries[0].fields["pages"] == "770--778")
        #expect(file.preamble.contains("noopsort"))
    }

    @Test func brokenEntriesAreReportedWithLineAndColumnAndSkipped() {
        let text = """
            @article{good1, title = {One}, year = 2020}
            @article{broken, title = {Two} year = 2021}
            @article{unclosed, title = {Three, year = 2022
            @book{good2, title = {Four}}
            @misc{, title = {No key}}
            """
        let file = BibTeXParser.parse(text)
        #expect(file.entries.map(\.key) == ["good1", "good2"])
        #expect(file.diagnostics.count == 3)
        #expect(file.diagnostics[0].location == SourceLocation(line: 2, column: 32))
        #expect(file.diagnostics[0].message.contains("expected `,`"))
        #expect(file.diagnostics[1].location == SourceLocation(line: 3, column: 28))
        #expect(file.diagnostics[1].message.contains("never closed"))
        #expect(file.diagnostics[2].location?.line == 5)
        #expect(file.diagnostics[2].message.contains("no citation key"))
    }

    @Test func undefinedMacrosAndDuplicatesAreWarnings() {
        let text = "@article{a, journal = jmlr, title = {X}, title = {Y}}\n@article{a, title = {Again}}"
        let file = BibTeXParser.parse(text)
        #expect(file.entries.count == 1)
        #expect(file.entries[0].fields["title"] == "X")
        #expect(file.entries[0].fields["journal"] == "")
        let messages = file.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("`jmlr` is not defined") })
        #expect(messages.contains { $0.contains("second `title`") })
        #expect(messages.contains { $0.contains("`a` is used again") })
    }

    @Test func columnsCountCharactersNotBytes() {
        let file = BibTeXParser.parse("@article{é, title = {Ü} x}")
        #expect(file.diagnostics.first?.location == SourceLocation(line: 1, column: 25))
    }

    /// 2,000 inputs mutated from a real-looking file (seeded): every one returns, with diagnostics or entries.
    @Test func randomInputsNeverCrash() {
        let seed = """
            @string{j = "Journal"} @article{k1, author = {M{\\"u}ller, J. and {OpenAI} and others},
            title = "A {B} c", journal = j # { 2}, year = 2020, month = jan, pages = {1--2}}
            @inproceedings(k2, title = {T}, crossref = {proc}) @proceedings{proc, title = {Proc}} % c
            """
        let alphabet = Array("@{}()\",=#%\\ \nabc{}'\"~-".utf8)
        var random = SeededGenerator(seed: 22)
        let base = Array(seed.utf8)
        var parsedEntries = 0
        for _ in 0..<2000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = alphabet.randomElement(using: &random)!
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
                }
                if bytes.isEmpty { bytes = [0x40] }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let file = BibTeXParser.parse(text)
            let (bibliography, _) = Bibliography.read(text, format: .bibtex)
            parsedEntries += file.entries.count
            #expect(bibliography.references.count == file.entries.count)
            for diagnostic in file.diagnostics {
                #expect(diagnostic.location.map { $0.line >= 1 && $0.column >= 1 } ?? true)
            }
        }
        // Most mutations leave some entries readable: recovery works, not only survival.
        #expect(parsedEntries > 2000)
    }
}
