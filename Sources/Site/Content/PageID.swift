/// One page of a language's content: its position in ``SiteContent/pages``. Page identity travels
/// as this type (lists, neighbours, related pages, the build state and cache), never as a bare
/// `Int` that could be mistaken for a render job's or a list's position.
struct PageID: Hashable, Comparable, Sendable {
    /// The position in `SiteContent.pages`, and in the arrays kept beside it (each page's
    /// rendering, diagnostics, cache record).
    let index: Int

    init(_ index: Int) { self.index = index }

    static func < (lhs: PageID, rhs: PageID) -> Bool { lhs.index < rhs.index }
}

extension Array {
    /// The element of page `id`, in an array kept beside ``SiteContent/pages`` (one element per page).
    subscript(_ id: PageID) -> Element {
        get { self[id.index] }
        set { self[id.index] = newValue }
    }

    /// The ids of the pages of an array kept beside ``SiteContent/pages``.
    var pageIDs: [PageID] { indices.map(PageID.init) }
}
