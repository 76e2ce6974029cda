import Foundation
import SeededRandom
import Testing
@testable import Site

/// The related pages search (which skips pages that cannot be among the best) against scoring
/// every page with every other, on random sites.
@Suite struct RelatedPagesSearchTests {
    /// Every page's best `limit` pages by the definition: series 3, tags 2, categories 1 per shared
    /// term (by urlized term, once per listing on each side), highest score first, then newest,
    /// then in page order; only regular pages are candidates, never the page itself.
    static func reference(_ content: SiteContent, limit: Int) -> [[PageID]] {
        let weights = [("series", 3), ("tags", 2), ("categories", 1)]
        let keys = content.pages.map { page in page.terms.mapValues { $0.map(Permalinks.urlize) } }
        return content.pages.pageIDs.map { id in
            let scored = content.regularPages.filter { $0 != id }.map { other -> (id: PageID, score: Int) in
                var score = 0
                for (plural, weight) in weights {
                    for term in keys[id][plural] ?? [] {
                        for otherTerm in keys[other][plural] ?? [] where term == otherTerm {
                            score += weight
                        }
                    }
                }
                return (other, score)
            }
            return scored.filter { $0.score > 0 }.sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                let (dateA, dateB) = (content.pages[a.id].sortDate, content.pages[b.id].sortDate)
                if dateA != dateB { return dateA > dateB }
                return a.id < b.id
            }.prefix(limit).map(\.id)
        }
    }

    /// A random site: `count` pages drawing terms from vocabularies of the given sizes, dates from
    /// a few days (so many tie), some without a date; a section page with terms of its own.
    static func site(count: Int, vocabulary: (series: Int, tags: Int, categories: Int), skewed: Bool, random: inout SeededGenerator)
        -> SiteContent
    {
        let withSeries = vocabulary.series > 0
        var raw: [String: Value] = ["title": .string("T")]
        var taxonomies: [String: Value] = ["tag": .string("tags"), "category": .string("categories")]
        if withSeries { taxonomies["series"] = .string("series") }
        raw["taxonomies"] = .table(taxonomies)
        let config = SiteConfig(raw: raw)
        func draw(_ size: Int, most: Int) -> [String] {
            guard size > 0 else { return [] }
            return (0..<Int.random(in: 0...most, using: &random)).map { _ in
                // Skewed sites draw low-numbered words far more often (a few huge terms).
                let word = skewed ? Int(Double(size) * pow(Double.random(in: 0..<1, using: &random), 3)) : Int.random(in: 0..<size, using: &random)
                // The same term in two spellings that urlize alike, sometimes in one page.
                return Bool.random(using: &random) ? "Word \(word)" : "word-\(word)"
            }
        }
        let days = Int.random(in: 1...6, using: &random)
        func page(_ kind: Page.Kind, section: String, file: String) -> Page {
            let date: Date? =
                Int.random(in: 0..<8, using: &random) == 0
                ? nil : Date(timeIntervalSince1970: 1_700_000_000 + 86_400 * Double(Int.random(in: 0..<days, using: &random)))
            var terms: [String: [String]] = [:]
            for (plural, size, most) in [("series", vocabulary.series, 2), ("tags", vocabulary.tags, 6), ("categories", vocabulary.categories, 2)] {
                let drawn = draw(size, most: most)
                if !drawn.isEmpty { terms[plural] = drawn }
            }
            return Page(
                kind: kind, sourceFile: "content/\(file)", bundleFolder: nil, section: section, params: [:], title: file,
                description: nil, date: date, lastmod: nil, publishDate: nil, expiryDate: nil, isDraft: false,
                slug: nil, url: nil, aliases: [], weight: 0, layout: nil, terms: terms, cover: nil, body: "", bodyLine: 1)
        }
        var tree = ContentTree()
        tree.sections = ["posts", "notes"]
        tree.pages.append(page(.section, section: "notes", file: "notes/_index.md"))
        for number in 0..<count {
            let section = number % 3 == 0 ? "notes" : "posts"
            tree.pages.append(page(.page, section: section, file: "\(section)/p\(number).md"))
        }
        let (content, diagnostics) = SiteContent.assemble(tree, config: config, options: BuildOptions())
        #expect(diagnostics.isEmpty)
        return content
    }

    @Test func theSearchFindsWhatScoringEveryPageFinds() {
        var random = SeededGenerator(seed: 21)
        var relatedPages = 0
        for round in 0..<400 {
            let vocabulary = (
                series: Int.random(in: 0...3, using: &random), tags: Int.random(in: 1...12, using: &random),
                categories: Int.random(in: 1...4, using: &random)
            )
            let skewed = Bool.random(using: &random)
            let content = Self.site(count: Int.random(in: 0...60, using: &random), vocabulary: vocabulary, skewed: skewed, random: &random)
            let limit = Int.random(in: 1...6, using: &random)
            let expected = Self.reference(content, limit: limit)
            #expect(RelatedPages(content, limit: limit).lists == expected, "round \(round)")
            relatedPages += expected.filter { !$0.isEmpty }.count
        }
        #expect(relatedPages > 5000, "the random sites relate pages")
    }

    @Test func longListsAreSkippedThroughCorrectly() {
        var random = SeededGenerator(seed: 100_000)
        for (tags, skewed) in [(5, false), (30, false), (30, true)] {
            let content = Self.site(count: 700, vocabulary: (series: 2, tags: tags, categories: 3), skewed: skewed, random: &random)
            #expect(RelatedPages(content).lists == Self.reference(content, limit: 3), "\(tags) tags, skewed: \(skewed)")
        }
    }
}
