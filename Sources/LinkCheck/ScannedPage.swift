import Foundation
import TextUtilities

/// What the checker reads from one HTML output file: its ids and the URLs it links to.
struct ScannedPage: Sendable {
    /// Every `id` attribute, with how many elements carry it.
    var idCounts: [String: Int] = [:]
    /// Ids in the order they first appear (for stable reports).
    var idOrder: [String] = []
    /// `<a name="…">` anchors, which fragments also reach.
    var names: Set<String> = []
    /// `href` and `src` values of links, images, scripts, stylesheets and media, in order.
    var links: [String] {
        get { storedLinks?.decoded() ?? scannedLinks }
        set {
            scannedLinks = newValue
            storedLinks = nil
        }
    }
    private var scannedLinks: [String] = []
    /// The links as a ``ScanStore`` file holds them, decoded only when asked for: a check after an
    /// edit follows the links of the few files whose bytes changed.
    var storedLinks: StoredTexts?

    private static let hrefTags: Set<String> = ["a", "area", "link"]
    private static let sourceTags: Set<String> = ["img", "script", "source", "iframe", "video", "audio", "embed", "track", "input"]
    /// `<link rel>` values that name no resource to fetch.
    private static let hintRelations: Set<String> = ["preconnect", "dns-prefetch"]

    init() {}

    init(html: Data) {
        self.init(html: [UInt8](html))
    }

    /// Reads every start tag's `id`, `name`, `href`, `src` and `poster`, character references decoded.
    init(html: [UInt8]) {
        var scanner = HTMLTagScanner(bytes: html)
        while let token = scanner.next() {
            guard case .start(let tag) = token else { continue }
            for attribute in tag.attributes {
                let value = { CharacterReferences.decodeAll(html[attribute.value]) }
                switch attribute.name {
                case "id":
                    let id = value()
                    guard !id.isEmpty else { continue }
                    if idCounts[id] == nil { idOrder.append(id) }
                    idCounts[id, default: 0] += 1
                case "name" where tag.name == "a":
                    names.insert(value())
                case "href" where Self.hrefTags.contains(tag.name):
                    if tag.name == "link", let relation = scanner.value("rel", of: tag)?.lowercased(),
                        Self.hintRelations.contains(relation)
                    {
                        continue
                    }
                    scannedLinks.append(value())
                case "src" where Self.sourceTags.contains(tag.name), "poster" where tag.name == "video":
                    scannedLinks.append(value())
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

/// Length-prefixed texts in a range of shared bytes (a ``ScanStore`` file), decoded on demand.
struct StoredTexts: Sendable {
    let bytes: [UInt8]
    let range: Range<Int>
    let count: Int

    /// The texts; empty when the bytes are not what ``ScanStore`` checked them to be.
    func decoded() -> [String] {
        var reader = CompactBytesReader(Array(bytes[range]))
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = reader.text() else { return [] }
            texts.append(text)
        }
        return texts
    }
}
