import TextUtilities

/// The pages of every series, tag and category, for finding a page's most related pages without
/// scoring every page that shares a term with it.
///
/// A page's score against another is the sum, over the terms they share, of the taxonomy's weight
/// (series 3, tags 2, categories 1) times how often each lists the term; the best are those with
/// the highest scores, newest first on equal scores, then in page order. Pages are numbered in
/// that tie-break order (their rank) and each term's pages are kept as sorted ranks, so a page's
/// candidates can be visited in rank order: a candidate visited later loses every tie, so once
/// `limit` candidates are found, only a strictly higher score than the last of them counts. The
/// search (a weak-AND search) skips, by galloping over the sorted lists, every page whose lists
/// cannot add up to such a score: with a few common tags that is most of them.
struct RelatedPagesIndex: Sendable {
    private static let weights: [(plural: String, weight: Int32)] = [("series", 3), ("tags", 2), ("categories", 1)]

    /// Page → its rank: its position among all pages, newest first, then in page order.
    private let rank: [Int32]
    /// Rank → page.
    private let pageAtRank: [PageID]
    /// Every term's pages as sorted ranks, one list after another (a page listing a term twice is
    /// there twice).
    private let postings: [Int32]
    /// Each term list's range in ``postings``.
    private let ranges: [Range<Int>]
    /// The most times one page appears in each term list (1 unless a page lists a term twice).
    private let repeats: [Int32]
    /// Taxonomy plural → urlized term → its list.
    private let listOfTerm: [String: [String: Int]]
    /// The terms of each page, by taxonomy.
    private let terms: [[String: [String]]]

    init(_ content: SiteContent) {
        let dates = content.pages.map(\.sortDate)
        let order = content.pages.pageIDs.sorted { a, b in
            dates[a] != dates[b] ? dates[a] > dates[b] : a < b
        }
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }
        var postings: [Int32] = []
        var ranges: [Range<Int>] = []
        var repeats: [Int32] = []
        var listOfTerm: [String: [String: Int]] = [:]
        for (plural, _) in Self.weights {
            guard let positions = content.termPosition[plural], let lists = content.taxonomyTerms[plural] else { continue }
            let first = ranges.count
            for (_, pages) in lists {
                let start = postings.count
                postings.append(contentsOf: pages.map { rank[$0] }.sorted())
                var most: Int32 = 1
                var run: Int32 = 1
                for position in (start + 1)..<max(start + 1, postings.count) {
                    run = postings[position] == postings[position - 1] ? run + 1 : 1
                    most = max(most, run)
                }
                ranges.append(start..<postings.count)
                repeats.append(most)
            }
            listOfTerm[plural] = positions.mapValues { first + $0 }
        }
        self.rank = rank
        self.pageAtRank = order
        self.postings = postings
        self.ranges = ranges
        self.repeats = repeats
        self.listOfTerm = listOfTerm
        self.terms = content.pages.map(\.terms)
    }

    /// One of a page's term lists during its search: where it has got to and what it adds.
    private struct Cursor {
        var position: Int
        let end: Int
        /// What each appearance of a candidate in this list adds to its score.
        let weight: Int32
        /// The most this list can add to one candidate's score.
        let bound: Int32
    }

    /// The best `limit` related pages of page `id`, best first.
    func best(for id: PageID, limit: Int) -> [PageID] {
        guard limit > 0 else { return [] }
        var cursors = self.cursors(of: id)
        let me = rank[id]
        var best: [(rank: Int32, score: Int32)] = []
        postings.withUnsafeBufferPointer { postings in
            while true {
                cursors.removeAll { $0.position == $0.end }
                // Insertion sort by the rank each cursor is at (a page has a few terms).
                for index in cursors.indices.dropFirst() {
                    var at = index
                    while at > 0, postings[cursors[at - 1].position] > postings[cursors[at].position] {
                        cursors.swapAt(at - 1, at)
                        at -= 1
                    }
                }
                let threshold = best.count < limit ? 0 : best[limit - 1].score
                // The first rank at which the lists reached so far could add up to more than the
                // threshold: no rank before it can.
                var sum: Int32 = 0
                guard let pivot = cursors.firstIndex(where: { sum += $0.bound; return sum > threshold }) else { break }
                let target = postings[cursors[pivot].position]
                guard postings[cursors[0].position] == target else {
                    for index in 0..<pivot {
                        cursors[index].position = Self.seek(target, from: cursors[index].position, to: cursors[index].end, in: postings)
                    }
                    continue
                }
                var score: Int32 = 0
                for index in cursors.indices {
                    while cursors[index].position < cursors[index].end, postings[cursors[index].position] == target {
                        score += cursors[index].weight
                        cursors[index].position += 1
                    }
                }
                guard target != me, best.count < limit || score > threshold else { continue }
                best.insert((target, score), at: best.firstIndex { $0.score < score } ?? best.count)
                if best.count > limit { best.removeLast() }
            }
        }
        return best.map { pageAtRank[Int($0.rank)] }
    }

    /// A cursor at the start of each list of a term of page `id`; a term listed twice weighs twice.
    private func cursors(of id: PageID) -> [Cursor] {
        var weights: [(list: Int, weight: Int32)] = []
        for (plural, weight) in Self.weights {
            guard let lists = listOfTerm[plural] else { continue }
            for term in terms[id][plural] ?? [] {
                guard let list = lists[Permalinks.urlize(term)] else { continue }
                if let index = weights.firstIndex(where: { $0.list == list }) {
                    weights[index].weight += weight
                } else {
                    weights.append((list, weight))
                }
            }
        }
        return weights.map { list, weight in
            Cursor(position: ranges[list].lowerBound, end: ranges[list].upperBound, weight: weight, bound: weight * repeats[list])
        }
    }

    /// The first position in `start..<end` whose rank is at least `target` (`end` if none), by
    /// galloping: steps doubling from `start`, then a binary search in the last step.
    private static func seek(_ target: Int32, from start: Int, to end: Int, in postings: UnsafeBufferPointer<Int32>) -> Int {
        var low = start
        var high = start
        var step = 1
        while high < end, postings[high] < target {
            low = high + 1
            high += step
            step *= 2
        }
        high = min(high, end)
        while low < high {
            let middle = (low + high) / 2
            if postings[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
