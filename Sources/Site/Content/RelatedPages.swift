import TextUtilities

/// Each page's most related pages: those sharing the most series (weight 3), tags (2) and
/// categories (1) with it, newest first on equal scores, then in page order.
///
/// Worked out for every page at once, in parallel: on a large site a common tag gives each page
/// thousands of candidates, so scores live in one flat array per thread, not in dictionaries.
struct RelatedPages: Sendable {
    /// Each page's related pages, in the order of the pages, best first (kept by the build cache).
    let lists: [[PageID]]

    private static let weights: [(plural: String, weight: Int32)] = [("series", 3), ("tags", 2), ("categories", 1)]

    init(_ content: SiteContent, limit: Int = 3) {
        let count = content.pages.count
        let chunkSize = max(64, count / 64)
        let chunks = Array(stride(from: 0, to: count, by: chunkSize)).map { $0..<min($0 + chunkSize, count) }
        lists = chunks.concurrentMap { range -> [[PageID]] in
            var scores = [Int32](repeating: 0, count: count)
            var candidates: [PageID] = []
            return range.map(PageID.init).map { index in
                for (plural, weight) in Self.weights {
                    for term in content.pages[index].terms[plural] ?? [] {
                        for other in content.pages(taxonomy: plural, term: term) where other != index {
                            if scores[other] == 0 { candidates.append(other) }
                            scores[other] += weight
                        }
                    }
                }
                let best = Self.best(candidates, scores: scores, content: content, limit: limit)
                for candidate in candidates { scores[candidate] = 0 }
                candidates.removeAll(keepingCapacity: true)
                return best
            }
        }.flatMap { $0 }
    }

    /// The lists a previous build worked out for the same pages (the build cache's, valid while no
    /// front matter changed).
    init(lists: [[PageID]]) {
        self.lists = lists
    }

    /// The related pages of page `id`, best first.
    subscript(id: PageID) -> [PageID] { lists[id] }

    /// The best `limit` candidates, by a running selection.
    private static func best(_ candidates: [PageID], scores: [Int32], content: SiteContent, limit: Int) -> [PageID] {
        func better(_ a: PageID, _ b: PageID) -> Bool {
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            if content.pages[a].sortDate != content.pages[b].sortDate { return content.pages[a].sortDate > content.pages[b].sortDate }
            return a < b
        }
        var best: [PageID] = []
        for candidate in candidates where best.count < limit || better(candidate, best[best.count - 1]) {
            let position = best.firstIndex { better(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
