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

    /// Whether the HTML may be unbalanced: a quick tally of container tags by name, outside
    /// comments, scripts and style sheets, that finds an end tag with nothing of its name open or
    /// a start tag left open. Most pages are balanced and skip the full scan.
    private static func mayNeedBalancing(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes -> Bool in
            var depth: [String: Int] = [:]
            var i = 0
            let n = bytes.count
            func skip(past terminator: StaticString, from start: Int) -> Int {
                let pattern = UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount)
                var j = start
                while j + pattern.count <= n {
                    if bytes[j] == pattern[0], (0..<pattern.count).allSatisfy({ bytes[j + $0] | (pattern[$0] >= 0x61 ? 0x20 : 0) == pattern[$0] }) {
                        return j + pattern.count
                    }
                    j += 1
                }
                return n
            }
            while i < n {
                guard bytes[i] == UInt8(ascii: "<") else {
                    i += 1
                    continue
                }
                if i + 3 < n, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    i = skip(past: "-->", from: i + 4)
                    continue
                }
                var j = i + 1
                let isEnd = j < n && bytes[j] == UInt8(ascii: "/")
                if isEnd { j += 1 }
                let nameStart = j
                while j < n, (bytes[j] | 0x20) >= UInt8(ascii: "a"), (bytes[j] | 0x20) <= UInt8(ascii: "z") { j += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self).lowercased()
                if !isEnd, name == "script" || name == "style" {
                    i = skip(past: name == "script" ? "</script" : "</style", from: j)
                    continue
                }
                if containers.contains(name) {
                    let count = (depth[name] ?? 0) + (isEnd ? -1 : 1)
                    if count < 0 { return true }
                    depth[name] = count
                }
                i = j
            }
            return depth.values.contains { $0 != 0 }
        }
    }
}
