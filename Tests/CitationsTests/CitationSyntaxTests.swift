import Testing
@testable import Citations

@Suite struct CitationSyntaxTests {
    private func citations(_ text: String, citable: Set<String>? = nil) -> [Citation] {
        CitationSyntax.scan(text, isCitable: { citable?.contains($0) ?? true }).map(\.citation)
    }

    @Test func bracketedCitationWithLocator() {
        let found = CitationSyntax.scan("As shown [@vaswani2017, p. 33].")
        #expect(found.count == 1)
        #expect(found[0].range == 9..<30)
        #expect(
            found[0].citation
                == Citation(
                    items: [CitationItem(key: "vaswani2017", locator: Locator(label: .page, value: "33"))],
                    mode: .parenthetical))
    }

    @Test func severalItemsWithPrefixesLocatorsAndSuffixes() {
        let found = citations("[see @a; @b, ch. 2; @c, pp. 33-35, emphasis added; also @d:x.y, 12]")
        #expect(
            found == [
                Citation(
                    items: [
                        CitationItem(key: "a", prefix: "see"),
                        CitationItem(key: "b", locator: Locator(label: .chapter, value: "2")),
                        CitationItem(key: "c", locator: Locator(label: .page, value: "33–35"), suffix: ", emphasis added"),
                        CitationItem(key: "d:x.y", prefix: "also", locator: Locator(label: .page, value: "12")),
                    ], mode: .parenthetical)
            ])
    }

    @Test func suppressedAuthorAndInTextCitations() {
        #expect(
            citations("Smith says [-@smith04].") == [
                Citation(
                    items: [CitationItem(key: "smith04", suppressAuthor: true)],
                    mode: .parenthetical)
            ])
        #expect(
            citations("@smith04 [p. 33] says so, as does @jones.") == [
                Citation(items: [CitationItem(key: "smith04", locator: Locator(label: .page, value: "33"))], mode: .inText),
                Citation(items: [CitationItem(key: "jones")], mode: .inText),
            ])
    }

    @Test func notCitations() {
        // E-mail addresses, links, brackets without keys, and in-text handles no bibliography knows.
        #expect(citations("mail me at jo@example.org or [see here](x) or [text @ home]").isEmpty)
        #expect(citations("[@a](http://x)").isEmpty)
        // As in Pandoc, a bracket with a part that names no key is text, and its `@a` cites in the running text.
        #expect(citations("[see @a; no key here]") == [Citation(items: [CitationItem(key: "a")], mode: .inText)])
        #expect(citations("follow @somebody on social media", citable: ["known"]).isEmpty)
        #expect(citations("@known wrote", citable: ["known"]).count == 1)
    }

    @Test func keysEndBeforeTrailingPunctuationAndAllowBraces() {
        #expect(citations("see @smith04.").first?.items.first?.key == "smith04")
        #expect(citations("[@{weird key}]").first?.items.first?.key == "weird key")
        #expect(citations("[@fig-loss]").first?.items.first?.key == "fig-loss")
    }

    @Test func locatorLabels() {
        let (locator, suffix) = CitationSyntax.locatorAndSuffix(" sec. 3.2 and elsewhere")
        #expect(locator == Locator(label: .section, value: "3.2"))
        #expect(suffix == "and elsewhere")
        #expect(CitationSyntax.locatorAndSuffix("a classic").0 == nil)
        #expect(CitationSyntax.locatorAndSuffix("fig. 4").0 == Locator(label: .figure, value: "4"))
        #expect(CitationSyntax.locatorAndSuffix("pp. iv-vi").0 == Locator(label: .page, value: "iv–vi"))
        #expect(Locator(label: .page, value: "33–35").text == "pp.\u{00A0}33–35")
    }
}
