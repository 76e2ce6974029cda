import Foundation
import Testing
@testable import Search

@Suite struct SearchIndexBuilderTests {
    static func corpus() -> SearchIndexBuilder {
        var builder = SearchIndexBuilder()
        builder.add(.page("old", title: "Caching notes", body: "An old page about caches.", day: 1))
        builder.add(.page("new", title: "Profiling", body: "A new page that mentions caching once.", day: 300))
        builder.add(.page("mid", title: "Memory", body: "Heaps and stacks.", day: 100, section: "notes", tags: ["memory", "rust"]))
        builder.add(.page("undated", title: "Quotes \"and\" lines", body: "Line\nbreak\u{2028}here", day: 0, section: "notes"))
        return builder
    }

    @Test func writesTopLevelShardsPagesAndFilters() throws {
        let index = IndexFiles(Self.corpus())
        let top = try index.top
        #expect(top["v"] as? Int == 2)
        #expect(top["n"] as? Int == 4)
        #expect(try index.boundaries.first == "")
        #expect(index.files.keys.contains("search/p/3.js"))
        #expect(!index.files.keys.contains("search/p/4.js"))
        let sections = try #require(top["sec"] as? [[Any]])
        #expect(sections.map { $0[0] as? String } == ["notes", "posts"])
        #expect(sections.map { $0[1] as? Int } == [2, 2])
        let tags = try #require(top["tag"] as? [[Any]])
        #expect(tags.map { $0[0] as? String } == ["memory", "rust"])
    }

    @Test func numbersPagesNewestFirst() throws {
        let index = IndexFiles(Self.corpus())
        let urls = try (0..<4).map { try #require(try index.value("p/\($0)") as? [String: Any])["u"] as? String }
        #expect(urls == ["/posts/new/", "/notes/mid/", "/posts/old/", "/notes/undated/"])
        let page = try #require(try index.value("p/3") as? [String: Any])
        #expect(page["t"] as? String == "Quotes \"and\" lines")
        #expect(page["b"] as? String == "Line break\u{2028}here")
        #expect(page["d"] as? String == "2020-01-01")
        // The "notes" filter (f/0) lists pages 1 and 3.
        let notes = IndexFiles.decode(try #require(try index.value("f/0") as? String), levels: false).map(\.0)
        #expect(notes == [1, 3])
    }

    @Test func findsEveryTermInItsShard() throws {
        var builder = SearchIndexBuilder()
        for i in 0..<300 {
            builder.add(.page("p\(i)", title: "Page \(i)", body: "word\(i) common unique\(i * 7) 東京\(i) ábc\(i % 13)", day: i))
        }
        let index = IndexFiles(builder)
        let k = try index.boundaries
        #expect(k.count > 1, "expected several shards")
        #expect(zip(k, k.dropFirst()).allSatisfy { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        var seen = 0
        for n in k.indices {
            for term in try index.shard(n).keys {
                #expect(try index.shardNumber(for: term) == n, "\(term) is in shard \(n)")
                seen += 1
            }
        }
        #expect(seen > 900)
        let word = try #require(try index.postings("word17"))
        #expect(word.inline.map(\.0) == [300 - 1 - 17])
    }

    @Test func weighsTitlesAboveBodiesAndRareTermsAboveCommonOnes() throws {
        let index = IndexFiles(Self.corpus())
        let cach = try #require(try index.postings("cach"))
        let levels = Dictionary(uniqueKeysWithValues: cach.inline)
        // Page 2 has "Caching" in its title, page 0 only once in its body.
        #expect(try #require(levels[2]) > (try #require(levels[0])))
        let page = try #require(try index.postings("pag"), "\"page\" stems to \"pag\"")
        let heaps = try #require(try index.postings("heap"))
        #expect(heaps.idf > page.idf)
    }

    @Test func keepsAWordFoundOnEveryPageRankable() throws {
        var builder = SearchIndexBuilder()
        builder.add(.page("a", title: "Alpha", body: "everywhere once", day: 3))
        builder.add(.page("b", title: "Everywhere", body: "everywhere once", day: 1))
        builder.add(.page("c", title: "Gamma", body: "everywhere everywhere everywhere", day: 2))
        let index = IndexFiles(builder)
        let word = try #require(try index.postings("everywher"))
        #expect(word.idf >= 1, "an idf of 0 would leave only the date to rank by")
        let levels = Dictionary(uniqueKeysWithValues: word.inline)
        // Pages: 0 = a (newest), 1 = c, 2 = b. Title beats three body mentions beats one.
        #expect(try #require(levels[2]) > (try #require(levels[1])))
        #expect(try #require(levels[1]) > (try #require(levels[0])))
    }

    @Test func movesPostingsBeyondTheInlineLimitToATail() throws {
        var builder = SearchIndexBuilder()
        let total = IndexLayout.inlinePostings + 40
        for i in 0..<total {
            let filler = String(repeating: "filler ", count: i % 50)
            builder.add(.page("p\(i)", title: i == 7 ? "Common title" : "Page", body: "common \(filler)", day: i))
        }
        let index = IndexFiles(builder)
        let common = try #require(try index.postings("common"))
        #expect(common.inline.count == IndexLayout.inlinePostings)
        #expect(common.tail.count == 40)
        #expect(Set(common.inline.map(\.0) + common.tail.map(\.0)) == Set(0..<total))
        // The page with the word in its title ranks among the inline ones.
        #expect(common.inline.contains { $0.0 == total - 1 - 7 })
        let worstInline = common.inline.map(\.1).min() ?? 0
        #expect(common.tail.allSatisfy { $0.1 <= worstInline })
    }

    @Test func addsPagesInParallelWithTheSameResult() {
        let documents = (0..<600).map { i in
            SearchDocument.page(
                "p\(i)", title: "Page \(i % 17)", body: "body \(i) word\(i % 29) 東京\(i % 5)", day: i % 40,
                tags: ["t\(i % 3)"], headings: ["Heading \(i % 7)"])
        }
        var one = SearchIndexBuilder()
        var all = SearchIndexBuilder()
        for document in documents { one.add(document) }
        all.add(contentsOf: documents)
        #expect(all.count == 600)
        #expect(one.files() == all.files())
    }

    @Test func encodesPostingsWithoutCharactersThatNeedEscaping() {
        let encoded = PostingCode.encode([(0, 1), (31, 63), (32, 5), (100_000, 2)])
        #expect(!encoded.contains("\\") && !encoded.contains("\""))
        let decoded = IndexFiles.decode(encoded, levels: true)
        #expect(decoded.map(\.0) == [0, 31, 32, 100_000])
        #expect(decoded.map(\.1) == [1, 63, 5, 2])
    }

    @Test func compactsFragmentTextAtWordBoundaries() {
        #expect(PageFragment.compact("  a  b\n\nc ", limit: 100) == "a b c")
        #expect(PageFragment.compact("alpha beta gamma", limit: 12) == "alpha beta")
        #expect(PageFragment.compact("", limit: 5) == "")
    }
}

@Suite struct TypoBucketTests {
    /// Decodes one front-coded list as search.js does.
    static func unpack(_ s: String, backward: Bool) -> [String] {
        guard !s.isEmpty else { return [] }
        var previous: [UInt16] = []
        return s.split(separator: " ").map { entry in
            let units = Array(entry.utf16)
            let shared = Int(units[0]) - (units[0] > 92 ? 41 : 40)
            previous = Array(previous.prefix(shared)) + units.dropFirst()
            let term = String(decoding: previous, as: UTF16.self)
            return backward ? String(String.UnicodeScalarView(term.unicodeScalars.reversed())) : term
        }
    }

    @Test func filesEveryLongTermUnderItsFirstAndLastTwoCharacters() throws {
        var builder = SearchIndexBuilder()
        var words = ["concurrency", "concurrent", "currency", "ocean", "tree", "trees", "été", "𝒳𝒴𝒵𝒳", "δρόμος", "abc", "x2019", "hash_map"]
        for i in 0..<400 {
            words.append("word" + String(UnicodeScalar(UInt8(97 + i % 26))) + String(UnicodeScalar(UInt8(97 + i / 26 % 26))) + "tail")
        }
        for (i, w) in words.enumerated() { builder.add(.page("p\(i)", title: w, body: w, day: i)) }
        let index = IndexFiles(builder)
        let count = try #require(try index.top["vb"] as? Int)
        #expect(count > 1, "a few thousand bytes of terms fill more than one bucket")
        var forward: [Int: [String]] = [:]
        var backward: [Int: [String]] = [:]
        for b in 0..<count {
            let lists = try #require(try index.value("v/\(b)") as? [String])
            forward[b] = Self.unpack(lists[0], backward: false)
            backward[b] = Self.unpack(lists[1], backward: true)
        }
        let terms = Set(words.flatMap { Tokenizer.terms(in: $0) })
        for term in terms {
            let filed = TypoBuckets.isCandidate(term)
            #expect(forward[TypoBuckets.bucket(of: term, backward: false, count: count)]?.contains(term) == filed, "\(term)")
            if filed { #expect(backward[TypoBuckets.bucket(of: term, backward: true, count: count)]?.contains(term) == true, "\(term)") }
        }
        #expect(!TypoBuckets.isCandidate("abc") && !TypoBuckets.isCandidate("x2019") && TypoBuckets.isCandidate("𝒳𝒴𝒵𝒳"))
        #expect(forward.values.reduce(0) { $0 + $1.count } == terms.filter(TypoBuckets.isCandidate).count)
    }

    @Test func frontCodingSharesPrefixesInUTF16Units() {
        let coded = TypoBuckets.frontCoded(["trees", "tree", "𝒳𝒴b", "𝒳𝒴a"])
        #expect(coded == "(tree ,s (𝒳𝒴a ,b")
        #expect(Self.unpack(coded, backward: false) == ["tree", "trees", "𝒳𝒴a", "𝒳𝒴b"])
    }
}
