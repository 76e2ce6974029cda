import Foundation
import TextUtilities

/// Collects pages and writes the static search index that `search.js` reads.
///
/// Output, all under `search/` and all JSONP-style scripts (`__tcs("key",value)`):
/// - `index.js`: page count, the first term of every shard, and the section and tag filters.
/// - `s/N.js`: shard N, a range of sorted terms → `[idf×1000, postings, tail?]`. A term keeps its
///   ``IndexLayout/inlinePostings`` best pages inline; the rest go to `t/M.js`, fetched only
///   when a query needs more matches.
/// - `p/N.js`: page N's URL, title, date, section, tags, excerpt and text, fetched only when
///   the page is shown as a result. Pages are numbered newest first, so a lower number wins ties.
/// - `f/N.js`: the page ids of one section or tag, fetched when that filter is chosen.
/// - `v/N.js`: terms without postings, filed by their first and last two characters
///   (``TypoBuckets``), fetched only to correct a word that matched nothing.
public struct SearchIndexBuilder: Sendable {
    private var pages: [PageFragment] = []
    private var lengths: [RankingModel.FieldLengths] = []
    private var table = TermTable()
    private var terms: [String] { table.terms }
    private var postings: [[Posting]] = []

    private struct Posting {
        var page: Int32
        var counts: RankingModel.FieldCounts
    }

    public init() {}

    /// The number of pages added so far.
    public var count: Int { pages.count }

    /// Adds one page. Leave out drafts and pages with `searchHidden: true` before calling.
    public mutating func add(_ document: SearchDocument) {
        append(PageTerms(document))
    }

    /// Adds pages, tokenising them on all cores; the index is the same as when they are added one
    /// by one in this order.
    public mutating func add(contentsOf documents: [SearchDocument]) {
        var start = 0
        while start < documents.count {
            let batch = Array(documents[start..<min(start + 256, documents.count)])
            for terms in batch.concurrentMap({ PageTerms($0) }) { append(terms) }
            start += batch.count
        }
    }

    /// Adds one page tokenised before (``PageTerms``, perhaps from a build cache).
    public mutating func add(_ page: PageTerms) {
        append(page)
    }

    /// Adds pages tokenised before, newest first whatever their order here (the order the index
    /// numbers pages in, so that each term's postings come sorted); the index is the same as when
    /// they are added one by one.
    public mutating func add(contentsOf pages: [PageTerms]) {
        for index in pages.indices.sorted(by: { pages[$0].fragment.isNewer(than: pages[$1].fragment) }) { append(pages[index]) }
    }

    private mutating func append(_ page: PageTerms) {
        let id32 = Int32(pages.count)
        pages.append(page.fragment)
        lengths.append(page.length)
        page.forEachTerm { term, fieldCounts in
            let id = table.number(of: term)
            if id == postings.count { postings.append([]) }
            let posting = Posting(page: id32, counts: fieldCounts)
            // A term twice in damaged bytes: the last counts, as a dictionary would keep it.
            if postings[id].last?.page == id32 { postings[id][postings[id].count - 1] = posting } else { postings[id].append(posting) }
        }
    }

    /// Output files relative to the site root, e.g. `search/index.js`, `search/s/3.js`,
    /// `search/p/12.js`.
    public func files() -> [String: Data] {
        var files: [String: Data] = [:]
        func write(_ key: String, _ value: String) {
            files[IndexLayout.folder + key + ".js"] = Data(JSONText.script(key: key, value: value).utf8)
        }
        let order = pages.indices.sorted { pages[$0].isNewer(than: pages[$1]) }
        var rank = [Int](repeating: 0, count: pages.count)
        for (r, p) in order.enumerated() { rank[p] = r }
        let fragments = Array(order.enumerated()).concurrentMap { [pages] r, p in
            Data(JSONText.script(key: "p/\(r)", value: pages[p].json).utf8)
        }
        for (r, data) in fragments.enumerated() { files[IndexLayout.folder + "p/\(r).js"] = data }

        let model = RankingModel(lengths: lengths)
        var shard: [String] = []
        var shardBytes = 0
        var boundaries: [String] = []
        var tailCount = 0
        func closeShard() {
            guard !shard.isEmpty else { return }
            write("s/\(boundaries.count - 1)", "{" + shard.joined(separator: ",") + "}")
            shard = []
            shardBytes = 0
        }
        let sortedTerms = terms.indices.sorted { terms[$0].utf16.lexicographicallyPrecedes(terms[$1].utf16) }
        let encoded = sortedTerms.concurrentMap { [self, rank] t in encode(term: t, rank: rank, model: model) }
        for (t, (head, rest)) in zip(sortedTerms, encoded) {
            var entry = head
            if let rest {
                write("t/\(tailCount)", rest)
                entry += ",\(tailCount)"
                tailCount += 1
            }
            entry += "]"
            if shard.isEmpty { boundaries.append(boundaries.isEmpty ? "" : terms[t]) }
            shard.append(entry)
            shardBytes += entry.utf8.count
            if shardBytes >= IndexLayout.shardBytes { closeShard() }
        }
        closeShard()

        let filters = FilterLists(pages: pages, rank: rank)
        for (i, ids) in filters.pageIDs.enumerated() { write("f/\(i)", JSONText.string(PostingCode.encodeIDs(ids))) }
        let typo = TypoBuckets.files(terms: terms)
        for (b, value) in typo.values.enumerated() { write("v/\(b)", value) }
        let top =
            "{\"v\":\(IndexLayout.version),\"n\":\(pages.count),\"k\":"
            + JSONText.array(boundaries.map(JSONText.string)) + ",\"vb\":\(typo.count),\"sec\":" + filters.sectionsJSON
            + ",\"tag\":" + filters.tagsJSON + "}"
        write("index", top)
        return files
    }

    /// A term's shard entry without its tail number and closing bracket (`"term":[idf,"postings"`),
    /// and the JSON of its tail file when it has more than ``IndexLayout/inlinePostings`` pages.
    private func encode(term t: Int, rank: [Int], model: RankingModel) -> (head: String, tail: String?) {
        var list = postings[t].map { p in
            PostingCode.pack(id: rank[Int(p.page)], level: model.level(p.counts, lengths[Int(p.page)]))
        }
        // At least 1, so a word on every page still ranks its pages among themselves.
        let idf = max(1, Int((RankingModel.idf(count: list.count, total: pages.count) * 1000).rounded()))
        list.sort()  // by page id; already so when pages were added newest first
        var tail: String?
        if list.count > IndexLayout.inlinePostings {
            // The best pages stay inline: the higher level, then the lower id. The lowest level
            // that is kept is found by counting, and each part stays in id order.
            var histogram = [Int](repeating: 0, count: 256)
            for posting in list { histogram[posting & 255] += 1 }
            var (lowest, better) = (255, 0)
            while better + histogram[lowest] < IndexLayout.inlinePostings {
                better += histogram[lowest]
                lowest -= 1
            }
            var room = IndexLayout.inlinePostings - better  // pages of the lowest level kept
            var (head, rest) = ([Int](), [Int]())
            head.reserveCapacity(IndexLayout.inlinePostings)
            rest.reserveCapacity(list.count - IndexLayout.inlinePostings)
            for posting in list {
                let level = posting & 255
                if level > lowest || level == lowest && room > 0 {
                    if level == lowest { room -= 1 }
                    head.append(posting)
                } else {
                    rest.append(posting)
                }
            }
            tail = JSONText.string(PostingCode.encode(packed: rest))
            list = head
        }
        return (JSONText.string(terms[t]) + ":[\(idf),\"" + PostingCode.encode(packed: list) + "\"", tail)
    }
}
