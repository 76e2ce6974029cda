import Citations
import Foundation
import Testing
import TextUtilities
@testable import Site

/// Posts as citeable articles: Google Scholar's meta tags, `rel="cite-as"`, the byline's affiliations and
/// ORCID iDs, the "Cite this article" block and the JSON-LD `citation`.
@Suite struct CiteableArticleTests {
    private func build(
        config: String = "bibliography: refs.bib\n", page: String, path: String = "content/posts/p/index.md",
        output: String = "posts/p/index.html"
    ) throws -> (html: String, warnings: [String]) {
        let site = try SiteFixtures.makeSite([
            "config.yml": "baseURL: https://example.org/\ntitle: The Tensor Collective\nlanguageCode: en-us\n" + config,
            "refs.bib": CitationSiteTests.bib, path: page,
        ])
        let (report, folder) = try SiteFixtures.build(site)
        let html = try String(contentsOf: folder.appendingPathComponent(output), encoding: .utf8)
        return (html, report.warnings.map(\.description))
    }

    /// The head's `<meta name>` tags in order, read with an HTML tokenizer, values unescaped.
    private func metaTags(_ html: String) -> [(String, String)] {
        let bytes = Array(html.utf8)
        var scanner = HTMLTagScanner(bytes: bytes)
        var tags: [(String, String)] = []
        while let token = scanner.next() {
            if case .end("head", _) = token { break }
            guard case .start(let tag) = token, tag.name == "meta" else { continue }
            func value(_ name: String) -> String? {
                tag.attributes.first { $0.name == name }.map { CharacterReferences.decodeAll(String(decoding: bytes[$0.value], as: UTF8.self)) }
            }
            if let name = value("name"), name.hasPrefix("citation_"), let content = value("content") { tags.append((name, content)) }
        }
        return tags
    }

    static let article = """
        ---
        title: "Attention, Explained & Measured"
        date: 2024-04-12T09:00:00Z
        doi: https://doi.org/10.5281/zenodo.1234
        authors:
          - name: Ada Lovelace
            affiliations: [Analytical Engines Ltd, "University of London"]
            orcid: https://orcid.org/0000-0002-1825-0097
          - name: van der Berg, Jan
        citation:
          pdf-url: paper.pdf
        ---
        Deep nets [@lecun2015] learn.
        """

    @Test func postsCarryGoogleScholarTagsInGuidelineOrder() throws {
        let (html, warnings) = try build(page: Self.article)
        #expect(warnings.filter { !$0.hasPrefix("refs.bib:") }.isEmpty)
        let tags = metaTags(html)
        #expect(
            tags.map(\.0) == [
                "citation_title", "citation_author", "citation_author_institution", "citation_author_institution",
                "citation_author_orcid", "citation_author", "citation_publication_date", "citation_doi",
                "citation_fulltext_html_url", "citation_pdf_url", "citation_language",
            ])
        #expect(
            tags.map(\.1) == [
                "Attention, Explained & Measured", "Ada Lovelace", "Analytical Engines Ltd", "University of London",
                "0000-0002-1825-0097", "van der Berg, Jan", "2024/04/12", "10.5281/zenodo.1234",
                "https://example.org/posts/p/", "https://example.org/posts/p/paper.pdf", "en-us",
            ])
        #expect(html.contains(#"<link rel="cite-as" href="https://doi.org/10.5281/zenodo.1234">"#))
        #expect(
            html.contains(
                #"<ul class="post-byline"><li>Ada Lovelace<span class="affiliation">, Analytical Engines Ltd; University of London</span> <a class="orcid" href="https://orcid.org/0000-0002-1825-0097" rel="author">ORCID 0000-0002-1825-0097</a></li><li>van der Berg, Jan</li></ul>"#
            ))
    }

    @Test func theCiteBlockHoldsTheFormattedReferenceAndBibTeXThatReadsBack() throws {
        let (html, _) = try build(page: Self.article)
        let start = try #require(html.range(of: #"<section class="cite-this" aria-labelledby="cite-this-title">"#))
        let block = String(html[start.lowerBound...].prefix { $0 != "§" }).components(separatedBy: "</section>")[0]
        #expect(block.contains(#"<h2 id="cite-this-title">Cite this article</h2>"#))
        // The site's style (author–year by default), the site as the container, the DOI as the link.
        #expect(
            block.contains(
                #"<p class="cite-reference">Lovelace, A., &amp; van der Berg, J. (2024). <i>Attention, Explained &amp; Measured</i>. The Tensor Collective. <a href="https://doi.org/10.5281/zenodo.1234">https://doi.org/10.5281/zenodo.1234</a></p>"#
            ))
        let code = try #require(block.range(of: "<code>")).upperBound
        let end = try #require(block.range(of: "</code>")).lowerBound
        let bibtex = CharacterReferences.decodeAll(String(block[code..<end]))
        #expect(bibtex.hasPrefix("@misc{lovelace2024attention,\n  author = {Lovelace, Ada and van der Berg, Jan},\n"))
        let (read, problems) = Bibliography.read(bibtex, format: .bibtex)
        #expect(problems.isEmpty)
        let reference = try #require(read.references.first)
        #expect(reference.title == "Attention, Explained & Measured")
        #expect(reference.author == [Name(family: "Lovelace", given: "Ada"), Name(family: "Berg", given: "Jan", particle: "van der")])
        #expect(reference.containerTitle == "The Tensor Collective")
        #expect(reference.doi == "10.5281/zenodo.1234")
        #expect(reference.url == "https://example.org/posts/p/")
        #expect(reference.issued == DateParts(year: 2024, month: 4))
    }

    @Test func aJournalAndTheNumericStyleShapeTheCitation() throws {
        let (html, _) = try build(
            config: "citation-style: numeric\n",
            page: """
                ---
                title: On Depth
                date: 2023-01-05
                author: Grace Hopper
                citation:
                  type: article-journal
                  container-title: Journal of Examples
                  publisher: Example Press
                  volume: 3
                  issue: 2
                  page: 10-20
                ---
                Text.
                """)
        let tags = metaTags(html)
        #expect(tags.first { $0.0 == "citation_journal_title" }?.1 == "Journal of Examples")
        #expect(tags.first { $0.0 == "citation_publisher" }?.1 == "Example Press")
        #expect(tags.filter { $0.0.hasSuffix("page") }.map(\.1) == ["10", "20"])
        #expect(html.contains(#"<p class="cite-reference">G. Hopper, “On Depth,” <i>Journal of Examples</i>, vol. 3, no. 2, pp. 10–20, Jan. 2023"#))
        #expect(html.contains("@article{hopper2023depth,"))
        #expect(html.contains("  journal = {Journal of Examples},\n  volume = {3},\n  number = {2},\n  pages = {10--20},"))
        #expect(!html.contains(#"rel="cite-as""#))
    }

    @Test func citationFalseTurnsItOffForAPageOrTheSite() throws {
        let off = try build(page: "---\ntitle: P\nauthor: A B\ncitation: false\n---\nText.\n").html
        #expect(metaTags(off).isEmpty)
        #expect(!off.contains("cite-this"))
        let siteOff = try build(config: "params:\n  citation: false\n", page: "---\ntitle: P\nauthor: A B\n---\nText.\n").html
        #expect(metaTags(siteOff).isEmpty)
        #expect(!siteOff.contains("cite-this"))
        // A page outside a section is not an article unless it asks.
        let about = try build(page: "---\ntitle: About\n---\nText.\n", path: "content/about.md", output: "about/index.html").html
        #expect(metaTags(about).isEmpty)
        let asked = try build(page: "---\ntitle: About\ncitation: true\n---\nText.\n", path: "content/about.md", output: "about/index.html").html
        #expect(metaTags(asked).map(\.0).first == "citation_title")
    }

    @Test func aBadORCIDIsAWarningAndLeftOut() throws {
        let (html, warnings) = try build(page: "---\ntitle: P\nauthor:\n  - name: A B\n    orcid: 0000-0002-1825-0098\n---\nText.\n")
        #expect(warnings.contains { $0.hasPrefix("content/posts/p/index.md:4: warning: `0000-0002-1825-0098` is not an ORCID iD") })
        #expect(!metaTags(html).contains { $0.0 == "citation_author_orcid" })
        #expect(ArticleAuthor.normalizedORCID("0000-0002-1694-233X") == "0000-0002-1694-233X")
        #expect(ArticleAuthor.normalizedORCID("0000000218250097") == nil)
    }

    @Test func theJSONLDListsTheCitedWorksAndAuthorDetails() throws {
        let (html, _) = try build(page: Self.article)
        let start = try #require(html.range(of: #"<script type="application/ld+json">"#)).upperBound
        let end = try #require(html[start...].range(of: "</script>")).lowerBound
        let object = try #require(try JSONSerialization.jsonObject(with: Data(html[start..<end].utf8)) as? [String: Any])
        let citations = try #require(object["citation"] as? [[String: Any]])
        #expect(citations.count == 1)
        #expect(citations.first?["@type"] as? String == "ScholarlyArticle")
        #expect(citations.first?["name"] as? String == "Deep learning")
        #expect(citations.first?["url"] as? String == "https://doi.org/10.1038/nature14539")
        #expect(citations.first?["datePublished"] as? String == "2015")
        let authors = try #require(object["author"] as? [[String: Any]])
        #expect(authors.first?["sameAs"] as? String == "https://orcid.org/0000-0002-1825-0097")
        #expect((authors.first?["affiliation"] as? [[String: Any]])?.count == 2)
    }
}
