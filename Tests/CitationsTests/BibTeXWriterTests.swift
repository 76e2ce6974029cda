import Testing
@testable import Citations

@Suite struct BibTeXWriterTests {
    /// A journal article with every kind of name and TeX specials in its text, written and read back.
    static var article: Reference {
        var reference = Reference(id: "maaten2008visualizing", type: .articleJournal)
        reference.author = [
            Name(family: "Maaten", given: "Laurens", particle: "van der"), Name(family: "Hinton", given: "Geoffrey"),
            Name(family: "King", given: "Martin Luther", suffix: "Jr"), Name(literal: "R&D Team"),
        ]
        reference.title = "Visualizing Data using t-SNE: 100% {braces} & $costs_1 #2"
        reference.containerTitle = "Journal of Machine Learning Research"
        reference.volume = "9"
        reference.issue = "86"
        reference.page = "2579–2605"
        reference.issued = DateParts(year: 2008, month: 11)
        reference.doi = "10.5555/a_b%c"
        reference.url = "https://jmlr.org/papers/v9/vandermaaten08a.html"
        return reference
    }

    @Test func anArticleIsWrittenAsHandCheckedBibTeX() {
        #expect(
            BibTeXWriter.entry(Self.article) == ##"""
                @article{maaten2008visualizing,
                  author = {van der Maaten, Laurens and Hinton, Geoffrey and King, Jr, Martin Luther and {R\&D Team}},
                  title = {Visualizing Data using t-SNE: 100\% \textbraceleft{}braces\textbraceright{} \& \$costs\_1 \#2},
                  journal = {Journal of Machine Learning Research},
                  volume = {9},
                  number = {86},
                  pages = {2579--2605},
                  year = {2008},
                  month = nov,
                  doi = {10.5555/a_b%25c},
                  url = {https://jmlr.org/papers/v9/vandermaaten08a.html}
                }

                """##)
    }

    @Test func writtenEntriesReadBackToTheSameReference() throws {
        var preprint = Reference(id: "kingma2014", type: .article)
        preprint.author = [Name(family: "Kingma", given: "Diederik P."), Name(family: "Ba", given: "Jimmy")]
        preprint.hasMoreAuthors = true
        preprint.title = "Adam: A Method for Stochastic Optimization"
        preprint.issued = DateParts(year: 2014, month: 12)
        preprint.arxiv = "1412.6980"
        var blog = Reference(id: "butcher2024reading", type: .webpage)
        blog.author = [Name(family: "Butcher", given: "Jasper")]
        blog.title = "Reading ~ the Literature \\ Backslash ^ caret"
        blog.containerTitle = "The Tensor Collective"
        blog.url = "https://example.org/posts/a_b/"
        blog.issued = DateParts(year: 2024, month: 4, day: 12)

        var article = Self.article
        article.doi = "10.5555/ab"  // a `%` in a DOI reads back percent-encoded, as it was written
        for original in [article, preprint, blog] {
            let text = BibTeXWriter.entry(original)
            let (read, problems) = Bibliography.read(text, format: .bibtex)
            #expect(problems.isEmpty, "\(text)")
            let back = try #require(read.references.first)
            #expect(back.id == original.id)
            #expect(back.author == original.author)
            #expect(back.hasMoreAuthors == original.hasMoreAuthors)
            #expect(back.title == original.title)
            #expect(back.containerTitle == original.containerTitle)
            #expect(back.volume == original.volume)
            #expect(back.issue == original.issue)
            #expect(back.page == original.page)
            #expect(back.doi == original.doi)
            #expect(back.url == original.url)
            #expect(back.arxiv == original.arxiv)
            // BibTeX has no day field: a day is not written.
            #expect(back.issued == DateParts(year: original.issued?.year ?? 0, month: original.issued?.month))
        }
    }

    @Test func namesWrittenAsInFrontMatterAreSplit() {
        #expect(Name(writtenAs: "Ada  Lovelace") == Name(family: "Lovelace", given: "Ada"))
        #expect(Name(writtenAs: "van der Maaten, Laurens") == Name(family: "Maaten", given: "Laurens", particle: "van der"))
        #expect(Name(writtenAs: "{OpenAI}") == Name(literal: "OpenAI"))
        #expect(Name(writtenAs: "Kurt G{\\\"o}del") == Name(family: "Gödel", given: "Kurt"))
    }
}
