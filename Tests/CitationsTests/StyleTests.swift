import Testing
@testable import Citations

/// Both built-in styles against output written out by hand from APA 7 and IEEE rules.
@Suite struct StyleTests {
    static let bib = #"""
        @article{lecun2015, title={Deep learning}, author={LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
          journal={Nature}, volume={521}, number={7553}, pages={436--444}, year={2015}, month=may, doi={10.1038/nature14539}}
        @inproceedings{he2016, title={Deep Residual Learning for Image Recognition}, author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
          booktitle={Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition}, pages={770--778}, year={2016}}
        @misc{kingma2014, title={Adam: A Method for Stochastic Optimization}, author={Kingma, Diederik P. and Ba, Jimmy},
          year={2014}, eprint={1412.6980}, archivePrefix={arXiv}}
        @book{goodfellow2016, title={Deep Learning}, author={Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron},
          publisher={MIT Press}, address={Cambridge, MA}, year={2016}, url={https://www.deeplearningbook.org}}
        @article{smith2020a, title={Zeta}, author={Smith, Jane}, journal={J}, year={2020}}
        @article{smith2020b, title={Alpha}, author={Smith, John}, journal={J}, year={2020}}
        @article{maaten2008, title={Visualizing Data using t-SNE}, author={van der Maaten, Laurens and Hinton, Geoffrey},
          journal={Journal of Machine Learning Research}, volume={9}, number={86}, pages={2579--2605}, year={2008}}
        """#

    static let bibliography = Bibliography.read(bib, format: .bibtex).0

    private func process(_ style: CitationStyle, _ citations: [Citation]) -> ProcessedCitations {
        CitationProcessor(style: style, bibliography: Self.bibliography).process(citations)
    }

    private func cite(_ keys: String..., mode: Citation.Mode = .parenthetical) -> Citation {
        Citation(items: keys.map { CitationItem(key: $0) }, mode: mode)
    }

    @Test func authorYearCitations() {
        let result = process(
            .authorYear,
            [
                cite("lecun2015"),
                Citation(
                    items: [
                        CitationItem(key: "he2016", prefix: "see", locator: Locator(label: .page, value: "772")),
                        CitationItem(key: "kingma2014"),
                    ], mode: .parenthetical),
                cite("maaten2008", mode: .inText),
                Citation(items: [CitationItem(key: "goodfellow2016", suppressAuthor: true)], mode: .parenthetical),
                cite("smith2020a", "smith2020b"),
                cite("nobody"),
            ])
        #expect(
            result.citations.map(\.plainText) == [
                "(LeCun et al., 2015)",
                "(see He et al., 2016, p.\u{00A0}772; Kingma & Ba, 2014)",
                "van der Maaten and Hinton (2008)",
                "(2016)",
                "(Smith, 2020a; Smith, 2020b)",
                "(?nobody)",
            ])
        #expect(result.unknownKeys == ["nobody"])
        #expect(
            result.citations[0].html(entryID: { "ref-" + $0 })
                == ##"(<a href="#ref-lecun2015" class="citation" data-cites="lecun2015">LeCun et al., 2015</a>)"##)
    }

    @Test func authorYearReferenceList() {
        let citations = ["lecun2015", "he2016", "kingma2014", "goodfellow2016", "smith2020a", "smith2020b", "maaten2008"].map { cite($0) }
        let result = process(.authorYear, citations)
        #expect(result.entries.map(\.key) == ["goodfellow2016", "he2016", "kingma2014", "lecun2015", "maaten2008", "smith2020a", "smith2020b"])
        #expect(
            result.entries.map(\.text.plainText) == [
                "Goodfellow, I., Bengio, Y., & Courville, A. (2016). Deep Learning. MIT Press. https://www.deeplearningbook.org",
                "He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep Residual Learning for Image Recognition. In Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (pp. 770–778).",
                "Kingma, D. P., & Ba, J. (2014). Adam: A Method for Stochastic Optimization. arXiv:1412.6980. https://arxiv.org/abs/1412.6980",
                "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444. https://doi.org/10.1038/nature14539",
                "van der Maaten, L., & Hinton, G. (2008). Visualizing Data using t-SNE. Journal of Machine Learning Research, 9(86), 2579–2605.",
                // Jane before John (names sort in full), so Jane's work is 2020a.
                "Smith, J. (2020a). Zeta. J.",
                "Smith, J. (2020b). Alpha. J.",
            ])
        let lecun = result.entries[3].text.html(entryID: { $0 })
        #expect(lecun.contains("<i>Nature</i>, <i>521</i>(7553)"))
        #expect(lecun.hasSuffix(#"<a href="https://doi.org/10.1038/nature14539">https://doi.org/10.1038/nature14539</a>"#))
        #expect(result.entries[0].text.html(entryID: { $0 }).contains("<i>Deep Learning</i>"))
    }

    @Test func numericCitationsAndReferenceList() {
        let result = process(
            .numeric,
            [
                cite("lecun2015"),
                cite("he2016", "kingma2014", "goodfellow2016", "lecun2015"),
                Citation(items: [CitationItem(key: "maaten2008", locator: Locator(label: .chapter, value: "2"))], mode: .parenthetical),
                cite("kingma2014", mode: .inText),
                cite("lecun2015", "goodfellow2016"),
            ])
        #expect(
            result.citations.map(\.plainText) == [
                "[1]", "[1]–[4]", "[5, ch.\u{00A0}2]", "Kingma and Ba [3]", "[1], [4]",
            ])
        #expect(result.entries.map(\.number) == [1, 2, 3, 4, 5])
        #expect(
            result.entries.map(\.text.plainText) == [
                "Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” Nature, vol. 521, no. 7553, pp. 436–444, May 2015, doi: 10.1038/nature14539.",
                "K. He, X. Zhang, S. Ren, and J. Sun, “Deep Residual Learning for Image Recognition,” in Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition, 2016, pp. 770–778.",
                "D. P. Kingma and J. Ba, “Adam: A Method for Stochastic Optimization,” 2014, arXiv:1412.6980. [Online]. Available: https://arxiv.org/abs/1412.6980",
                "I. Goodfellow, Y. Bengio, and A. Courville, Deep Learning. Cambridge, MA: MIT Press, 2016. [Online]. Available: https://www.deeplearningbook.org",
                "L. van der Maaten and G. Hinton, “Visualizing Data using t-SNE,” Journal of Machine Learning Research, vol. 9, no. 86, pp. 2579–2605, 2008.",
            ])
        #expect(result.citingIndices["lecun2015"] == [0, 1, 4])
        #expect(result.entries[0].text.html(entryID: { $0 }).contains("<i>Nature</i>"))
    }

    @Test func longAuthorListsAreShortened() {
        var reference = Reference(id: "many", type: .articleJournal)
        reference.author = (1...8).map { Name(family: "Author\($0)", given: "Given") }
        reference.title = "T"
        reference.issued = DateParts(year: 2021)
        let bibliography = Bibliography([reference])
        let numeric = CitationProcessor(style: .numeric, bibliography: bibliography).process([cite("many")])
        #expect(numeric.entries[0].text.plainText == "G. Author1 et al., “T,” 2021.")
        let apa = CitationProcessor(style: .authorYear, bibliography: bibliography).process([cite("many")])
        #expect(apa.citations[0].plainText == "(Author1 et al., 2021)")
        #expect(
            apa.entries[0].text.plainText.hasPrefix(
                "Author1, G., Author2, G., Author3, G., Author4, G., Author5, G., Author6, G., Author7, G., & Author8, G. (2021). T."))
    }
}
