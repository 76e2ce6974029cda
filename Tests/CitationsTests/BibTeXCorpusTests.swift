import Foundation
import Testing
@testable import Citations

/// Real `.bib` files, kept out of the repository in the git-ignored `bib-corpus/` folder (JabRef's and
/// biber's test files: exports of reference managers and deliberately odd inputs), filled by
/// `scripts/fetch-bib-corpus.sh` at pinned commits. Without it these tests show as skipped.
@Suite struct BibTeXCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("bib-corpus")
    static let present = FileManager.default.fileExists(atPath: corpus.path)

    static func files() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension.lowercased() == "bib" }
            .sorted { $0.path < $1.path }
    }

    static func read(_ name: String) throws -> String {
        let data = try Data(contentsOf: corpus.appendingPathComponent(name))
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file parses (no crash, no hang) and most entries of the corpus are read.
    @Test(.enabled(if: present, "needs bib-corpus/ (scripts/fetch-bib-corpus.sh)"))
    func everyFileParses() throws {
        let files = Self.files()
        #expect(files.count >= 250)
        var entries = 0
        var problems = 0
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let (bibliography, diagnostics) = Bibliography.read(text, format: .bibtex)
            entries += bibliography.references.count
            problems += diagnostics.count
        }
        print("bibtex corpus: \(files.count) files, \(entries) entries, \(problems) diagnostics")
        #expect(entries > 2000)
    }

    /// A JabRef export (as in an IEEE paper), checked field by field by hand against the file.
    @Test(.enabled(if: present, "needs bib-corpus/ (scripts/fetch-bib-corpus.sh)"))
    func handCheckedJabRefExport() throws {
        let (bibliography, diagnostics) = Bibliography.read(try Self.read("jabref/jablib_src_test_latex_pdfs_IEEE_ieee-paper.bib"),
                                                            format: .bibtex)
        #expect(diagnostics.isEmpty)
        let alver = try #require(bibliography["Alver2007"])
        #expect(alver.type == .articleJournal)
        #expect(alver.author == [Name(family: "Alver", given: "Morten Omholt"), Name(family: "Tennøy", given: "Torodd"),
                                 Name(family: "Alfredsen", given: "Jo Arve"), Name(family: "Øie", given: "Gunvor")])
        #expect(alver.containerTitle == "Aquacultural engineering")
        #expect(alver.issued == DateParts(year: 2007))
        #expect(alver.issue == "2")
        #expect(alver.volume == "36")
        #expect(alver.page == "115–121")
        #expect(alver.publisher == "Elsevier")
        let alverA = try #require(bibliography["Alver2007a"])
        #expect(alverA.hasMoreAuthors)
        #expect(alverA.author.count == 1)
        let kopp = try #require(bibliography["Kopp2018"])
        #expect(kopp.type == .paperConference)
        #expect(kopp.containerTitle == "ZEUS")
        #expect(kopp.title == "Markdown Architectural Decision Records: Format and Tool Support")
    }

    /// biber's name tests: BibTeX's name forms, checked by hand against BibTeX's rules.
    @Test(.enabled(if: present, "needs bib-corpus/ (scripts/fetch-bib-corpus.sh)"))
    func handCheckedBiberNames() throws {
        let (bibliography, _) = Bibliography.read(try Self.read("biber/t_tdata_names.bib"), format: .bibtex)
        func first(_ key: String) -> Name? { bibliography[key]?.author.first }
        #expect(first("L5") == Name(family: "Eel", given: "Egbert", particle: "von"))
        #expect(first("L6") == Name(family: "Frome", given: "Francis", particle: "van der valt"))
        #expect(first("L9") == Name(family: "Iliad Ipswich", given: "Ian"))
        #expect(first("L10") == Name(family: "Jolly", given: "James", suffix: "III"))
        #expect(first("L10a") == Name(family: "Pimentel", given: "Joseph J.", suffix: "Jr."))
        #expect(first("L11") == Name(family: "Kluster", given: "Kevin", particle: "van", suffix: "Jr."))
        #expect(first("L12") == Name(family: "Vallée Poussin", given: "Charles Louis Xavier Joseph", particle: "de la"))
    }
}
