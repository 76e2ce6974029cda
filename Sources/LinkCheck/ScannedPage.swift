import Foundation

/// What the checker reads from one HTML output file: its ids and the URLs it links to.
struct ScannedPage: Sendable {
    /// Every `id` attribute, with how many elements carry it.
    var idCounts: [String: Int] = [:]
    /// Ids in the order they first appear (for stable reports).
    var idOrder: [String] = []
    /// `<a name="…">` anchors, which fragments also reach.
    var names: Set<String> = []
    /// `href` and `src` values of links, images, scripts, stylesheets and media, in order.
    var links: [String] = []

    private static let hrefTags: Set<String> = ["a", "area", "link"]
    private static let sourceTags: Set<String> = ["img", "script", "source", "iframe", "video", "audio", "embed", "track", "input"]
    /// `<link rel>` values that name no resource to fetch.
    private static let hintRelations: Set<String> = ["preconnect", "dns-prefetch"]

    init(html: [UInt8]) {
        self = html.withUnsafeBufferPointer { ScannedPage(scanning: $0) }
    }

    /// Scans the bytes where they are, without copying them into an array.
    init(html: Data) {
        self = html.withUnsafeBytes { ScannedPage(scanning: $0.bindMemory(to: UInt8.self)) }
    }

    private init(scanning html: UnsafeBufferPointer<UInt8>) {
        HTMLScanner.scan(html) { tag in
            for (name, value) in tag.attributes {
                switch name {
                case "id":
                    guard !value.isEmpty else { continue }
                    if idCounts[value] == nil { idOrder.append(value) }
                    idCounts[value, default: 0] += 1
                case "name" where tag.name == "a":
                    names.insert(value)
                case "href" where Self.hrefTags.contains(tag.name):
                    if tag.name == "link", let relation = tag.value("rel")?.lowercased(), Self.hintRelations.contains(relation) { continue }
                    links.append(value)
                case "src" where Self.sourceTags.contains(tag.name), "poster" where tag.name == "video":
                    links.append(value)
                default:
                    continue
                }
            }
        }
    }

    /// True when `#fragment` reaches an element of this page.
    func hasAnchor(_ fragment: String) -> Bool {
        fragment.isEmpty || fragment == "top" || idCounts[fragment] != nil || names.contains(fragment)
    }
}
