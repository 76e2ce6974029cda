import Testing
@testable import Citations

@Suite struct CSLJSONTests {
    @Test func itemsBecomeReferences() {
        let text = """
            [{"id": "goodfellow2014", "type": "paper-conference", "title": "Generative Adversarial Nets",
              "author": [{"family": "Goodfellow", "given": "Ian"}, {"family": "Maaten", "given": "Laurens", "non-dropping-particle": "van der"},
                         {"literal": "DeepMind"}],
              "container-title": "Advances in Neural Information Processing Systems", "volume": 27, "page": "2672-2680",
              "issued": {"date-parts": [[2014, 12]]}, "DOI": "https://doi.org/10.5555/2969033.2969125", "number": "arXiv:1406.2661"},
             {"id": 42, "type": "book", "title": "Deep Learning", "issued": {"raw": "2016-11-18"}},
             {"title": "no id"}, 7]
            """
        let (bibliography, diagnostics) = Bibliography.read(text, format: .cslJSON)
        #expect(bibliography.references.count == 2)
        #expect(diagnostics.map(\.message) == ["item 3 has no `id`; it is skipped", "item 4 is not an object; it is skipped"])
        let gan = try! #require(bibliography["goodfellow2014"])
        #expect(gan.type == .paperConference)
        #expect(gan.author[1].familyWithParticle == "van der Maaten")
        #expect(gan.author[2] == Name(literal: "DeepMind"))
        #expect(gan.volume == "27")
        #expect(gan.issued == DateParts(year: 2014, month: 12))
        #expect(gan.doi == "10.5555/2969033.2969125")
        #expect(gan.arxiv == "1406.2661")
        #expect(bibliography["42"]?.issued == DateParts(year: 2016, month: 11, day: 18))
    }

    @Test func brokenJSONIsOneDiagnostic() {
        let (bibliography, diagnostics) = Bibliography.read("[{\"id\": ", format: .cslJSON)
        #expect(bibliography.references.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.hasPrefix("not valid JSON"))
        #expect(Bibliography.read("{\"id\": 1}", format: .cslJSON).1.first?.message.contains("array") == true)
    }
}
