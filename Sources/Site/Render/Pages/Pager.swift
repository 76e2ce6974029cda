/// One page of a paginated list: `/posts/`, `/posts/page/2/`, …
struct Pager: Sendable {
    /// The list's own path (`/posts/`).
    var listPath: String
    var number: Int
    var count: Int
    var items: [PageID]
    /// The first entry of the first page is shown larger (PaperMod's featured post).
    var featureFirst: Bool

    /// The path of this pager page.
    var path: String { url(number) }

    func url(_ number: Int) -> String {
        number == 1 ? listPath : listPath + "page/\(number)/"
    }

    /// Splits `items` into pagers of `size`.
    static func paginate(_ items: [PageID], listPath: String, size: Int, featureFirst: Bool) -> [Pager] {
        let count = max(1, (items.count + size - 1) / size)
        return (1...count).map { number in
            let slice = Array(items.dropFirst((number - 1) * size).prefix(size))
            return Pager(listPath: listPath, number: number, count: count, items: slice, featureFirst: featureFirst)
        }
    }
}
