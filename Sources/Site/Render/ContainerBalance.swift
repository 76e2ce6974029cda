import TextUtilities

/// Keeps a page's raw HTML from breaking the theme around it: an end tag of a container
/// (`</div>`, `</section>`, `</main>` …) that closes nothing the page opened would close the
/// theme's own element in a browser and push the rest of the article out of it, so it is dropped;
/// a container the page leaves open is closed at the end of the page's content.
enum ContainerBalance {
    /// The elements the theme keeps open around a page's content, and their kin.
    private static let containers: Set<String> = [
        "div", "section", "article", "main", "aside", "header", "footer", "nav", "form", "body", "html",
    ]

    /// What balancing did to one page's HTML.
    struct Result {
        var html: String
        /// End tags dropped because they closed nothing the page opened (`div` → 2).
        var dropped: [String: Int] = [:]
        /// Containers the page left open, closed at its end.
        var closed: [String: Int] = [:]
    }

    static func balanced(_ html: String) -> Result {
        var result = Result(html: html)
        guard mayNeedBalancing(html) else { return result }
        var scanner = HTMLTagScanner(bytes: Array(html.utf8))
        var open: [String] = []
        var cuts: [Range<Int>] = []
        while let token = scanner.next() {
            switch token {
            case .start(let tag) where !tag.isVoid && containers.contains(tag.name):
                open.append(tag.name)
            case .end(let name, let range) where containers.contains(name):
                if let index = open.lastIndex(of: name) {
                    open.removeSubrange(index...)
                } else {
                    cuts.append(range)
                    result.dropped[name, default: 0] += 1
                }
            default:
                break
            }
        }
        guard !cuts.isEmpty || !open.isEmpty else { return result }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scanner.bytes.count + open.count * 8)
        var from = 0
        for cut in cuts {
            bytes += scanner.bytes[from..<cut.lowerBound]
            from = cut.upperBound
        }
        bytes += scanner.bytes[from...]
        for name in open.reversed() {
            bytes += Array("</\(name)>".utf8)
            result.closed[name, default: 0] += 1
        }
        result.html = String(decoding: bytes, as: UTF8.self)
        return result
    }

    /// Whether the HTML has a container tag at all (most pages have none, and skip the scan).
    private static func mayNeedBalancing(_ html: String) -> Bool {
        var utf8 = html.utf8[...]
        while let lt = utf8.firstIndex(of: UInt8(ascii: "<")) {
            var name = utf8[utf8.index(after: lt)...]
            if name.first == UInt8(ascii: "/") { name = name.dropFirst() }
            let letters = name.prefix { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
            if (2...7).contains(letters.count), containers.contains(String(decoding: letters, as: UTF8.self).lowercased()) {
                return true
            }
            utf8 = utf8[utf8.index(after: lt)...]
        }
        return false
    }
}
