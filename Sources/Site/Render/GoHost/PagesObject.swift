import Foundation
import GoTemplates

/// Hugo's `Pages` (`.Site.RegularPages`, `.Site.Pages`) as shortcodes see it: a list to range over,
/// `where` and `first` like any list, with the methods shortcodes call on it: the orderings
/// (`ByPublishDate`, `ByDate`, `ByTitle`, `ByWeight`, `Reverse`), `Len`, and `RelatedTo` with
/// `keyVals` (the pages whose front matter list `Key` holds one of `Values`, as a tag list
/// shortcode asks for them).
struct PagesObject: GoObject {
    let pages: [Page]
    let host: HugoHost

    var goTypeName: String { "page.Pages" }
    var rangeElements: [GoValue]? { pages.map { .object(PageObject(page: $0, host: host, scratch: ScratchObject())) } }
    var isTruthy: Bool { !pages.isEmpty }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Len": return .int(pages.count)
        case "Reverse": return wrap(pages.reversed())
        case "ByPublishDate": return wrap(ordered { ($0.publishDate ?? $0.date ?? .distantPast) < ($1.publishDate ?? $1.date ?? .distantPast) })
        case "ByDate": return wrap(ordered { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) })
        case "ByTitle": return wrap(ordered { $0.title < $1.title })
        case "ByWeight": return wrap(ordered { ($0.weight, $0.sortDate) < ($1.weight, $1.sortDate) })
        case "RelatedTo":
            guard case .map(let query)? = arguments.first, let key = query["Key"]?.text else {
                throw GoFunctionError("RelatedTo needs keyVals")
            }
            var wanted = Set<String>()
            if case .array(let values)? = query["Values"] { wanted = Set(values.map(\.text)) }
            return wrap(pages.filter { page in page.param(key)?.stringList.contains { wanted.contains($0) } ?? false })
        default: return nil
        }
    }

    /// The pages sorted by `before`, pages it cannot tell apart kept in their order.
    private func ordered(_ before: (Page, Page) -> Bool) -> [Page] {
        pages.enumerated().sorted { a, b in
            before(a.element, b.element) || (!before(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }

    private func wrap(_ pages: some Sequence<Page>) -> GoValue { .object(PagesObject(pages: Array(pages), host: host)) }

    /// Hugo's `keyVals KEY VALUE...`: the query `RelatedTo` reads.
    static func keyValues(_ arguments: [GoValue]) throws -> GoValue {
        guard let key = arguments.first else { throw GoFunctionError("keyVals needs a key") }
        return .map(["Key": key, "Values": .array(Array(arguments.dropFirst()))])
    }
}
