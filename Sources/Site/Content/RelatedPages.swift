/// Each page's most related pages: those sharing the most series (weight 3), tags (2) and
/// categories (1) with it, newest first on equal scores, then in page order.
///
/// Worked out for every page at once, in parallel, by ``RelatedPagesIndex``: on a large site a
/// common tag holds thousands of pages, so each page's search skips the pages that cannot be
/// among its best instead of scoring every page that shares a term with it.
struct RelatedPages: Sendable {
    /// Each page's related pages, in the order of the pages, best first (kept by the build cache).
    let lists: [[PageID]]

    init(_ content: SiteContent, limit: Int = 3) {
        let index = RelatedPagesIndex(content)
        let count = content.pages.count
        let chunkSize = max(64, count / 64)
        let chunks = Array(stride(from: 0, to: count, by: chunkSize)).map { $0..<min($0 + chunkSize, count) }
        lists = chunks.concurrentMap { range -> [[PageID]] in
            range.map { index.best(for: PageID($0), limit: limit) }
        }.flatMap { $0 }
    }

    /// The lists a previous build worked out for the same pages (the build cache's, valid while no
    /// front matter changed).
    init(lists: [[PageID]]) {
        self.lists = lists
    }

    /// The related pages of page `id`, best first.
    subscript(id: PageID) -> [PageID] { lists[id] }
}
