import Foundation
import Testing
@testable import Citations

/// Real `.bib` files, kept out of the repository in the git-ignored `bib-corpus/` folder (JabRef's and
/// biber's test files: exports of reference managers and deliberately odd inputs; Zotero Better BibTeX's
/// fixtures: users' libraries and its BibTeX and BibLaTeX exports), filled by `scripts/fetch-bib-corpus.sh`
/// at pinned commits. Without it these tests show as skipped.
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
        #expect(files.count >= 750)
        var entries = 0
        var problems = 0
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let (bibliography, diagnostics) = Bibliography.read(text, format: .bibtex)
            entries += bibliography.references.count
            problems += diagnostics.count
            // BIB_SHOW=better-bibtex prints the diagnostics of the files whose corpus path starts so.
            if let show = ProcessInfo.processInfo.environment["BIB_SHOW"],
                file.path.dropFirst(Self.corpus.path.count + 1).hasPrefix(show)
            {
                for diagnostic in diagnostics { print("\(file.lastPathComponent):\(diagnostic)") }
            }
        }
        print("bibtex corpus: \(files.count) files, \(entries) entries, \(problems) diagnostics")
        #expect(entries > 20000)
    }

    /// A JabRef export (as in an IEEE paper), checked field by field by hand against the file.
    @Test(.enabled(if: present, "needs bib-corpus/ (scripts/fetch-bib-corpus.sh)"))
    func handCheckedJabRefExport() throws {
        let (bibliography, diagnostics) = Bibliography.read(
            try Self.read("jabref/jablib_src_test_latex_pdfs_IEEE_ieee-paper.bib"),
            format: .bibtex)
        #expect(diagnostics.isEmpty)
        let alver = try #require(bibliography["Alver2007"])
        #expect(alver.type == .articleJournal)
        #expect(
            alver.author == [
                Name(family: "Alver", given: "Morten Omholt"), Name(family: "Tennøy", given: "Torodd"),
                Name(family: "Alfredsen", given: "Jo Arve"), Name(family: "Øie", given: "Gunvor"),
            ])
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

    /// Zotero Better BibTeX exports (BibLaTeX and BibTeX), checked field by field by hand against the files.
    @Test(.enabled(if: present, "needs bib-corpus/ (scripts/fetch-bib-corpus.sh)"))
    func handCheckedBetterBibTeXExports() throws {
        let folder = "better-bibtex/test_fixtures_export_"
        let (preprints, preprintDiagnostics) = Bibliography.read(
            try Self.read(folder + "Better BibTeX does not use biblatex fields eprint and eprinttype #170.biblatex.bib"), format: .bibtex)
        #expect(preprintDiagnostics.isEmpty)
        let bachmann = try #require(preprints["BachmannDybalskiNaaijkens14"])
        #expect(bachmann.title == "Lieb-Robinson Bounds, Arveson Spectrum and Haag-Ruelle Scattering Theory for Gapped Quantum Spin Systems")
        #expect(
            bachmann.author == [
                Name(family: "Bachmann", given: "Sven"), Name(family: "Dybalski", given: "Wojciech"),
                Name(family: "Naaijkens", given: "Pieter"),
            ])
        #expect(bachmann.issued == DateParts(year: 2014, month: 12, day: 9))
        #expect(bachmann.arxiv == "1412.2970")
        #expect(bachmann.url == "http://arxiv.org/abs/1412.2970")
        #expect(bachmann.accessed == DateParts(year: 2015, month: 2, day: 7))

        let (gates, gatesDiagnostics) = Bibliography.read(try Self.read(folder + "Export C as {v C}, not v{C} #152.bibtex.bib"), format: .bibtex)
        #expect(gatesDiagnostics.isEmpty)
        let procopio = try #require(gates["Procopio2014"])
        #expect(procopio.title == "Experimental Superposition of Orders of Quantum Gates")
        #expect(procopio.author.count == 10)
        #expect(procopio.author[2] == Name(family: "Araújo", given: "Mateus"))
        #expect(procopio.author[8] == Name(family: "Brukner", given: "Časlav"))
        #expect(procopio.issued == DateParts(year: 2014, month: 12))
        #expect(procopio.arxiv == "1412.4006")

        let (journals, journalDiagnostics) = Bibliography.read(
            try Self.read(folder + "Citations have month and day next to year #868.biblatex.bib"), format: .bibtex)
        #expect(journalDiagnostics.isEmpty)
        let salim = try #require(journals["salim_distinct_1996"])
        #expect(salim.type == .articleJournal)
        #expect(
            salim.title
                == "Distinct Specificity in the Recognition of Phosphoinositides by the Pleckstrin Homology Domains of Dynamin and Bruton's Tyrosine Kinase."
        )
        #expect(salim.author.count == 12)
        #expect(salim.author[1] == Name(family: "Bottomley", given: "M. J."))
        #expect(salim.issued == DateParts(year: 1996, month: 11, day: 15))
        #expect(salim.containerTitle == "The EMBO journal")
        #expect(salim.volume == "15")
        #expect(salim.issue == "22")
        #expect(salim.page == "6241–6250")
        let keusch = try #require(journals["keusch_antibody_1998"])
        #expect(keusch.issued == DateParts(year: 1998, month: 11))
        #expect(keusch.containerTitle == "Carbohydrate research")
        #expect(keusch.page == "37–48")
    }
}
