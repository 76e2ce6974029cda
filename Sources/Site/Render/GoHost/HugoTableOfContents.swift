/// Hugo's `.TableOfContents` as a shortcode of the same page reads it (a `toc` shortcode): the page's
/// headings are known only once its Markdown is rendered, so the shortcode gets ``token`` and the
/// list takes its place afterwards (`markup.tableOfContents`: `startLevel` 2, `endLevel` 3,
/// `ordered` false by default).
///
/// Hugo's list, as Hugo 0.168 writes it: headings nest under the last heading one level up; a
/// level skipped gets an empty item (`## A` then `#### B` gives an item for the missing level);
/// levels past `endLevel` are left out; two spaces of indentation a level.
struct HugoTableOfContents {
    /// What `.Page.TableOfContents` gives a shortcode of the page being rendered.
    static let token = "HAHACOLLECTIVETABLEOFCONTENTSHBHB"

    var startLevel = 2
    var endLevel = 3
    var ordered = false

    init(config: SiteConfig) {
        let settings = Value.table(config.raw).value(atPath: "markup.tableOfContents")
        startLevel = settings?["startLevel"]?.int ?? 2
        endLevel = settings?["endLevel"]?.int ?? 3
        ordered = settings?["ordered"]?.bool ?? false
    }

    /// `html` with every ``token`` (and a paragraph holding only it) replaced by the table of the
    /// headings found in `headingsHTML`, the page's rendered Markdown.
    func replacingToken(in html: String, headingsHTML: String) -> String {
        guard html.contains(Self.token) else { return html }
        let table = self.html(headings: Self.headings(in: headingsHTML))
        return html.replacingOccurrences(of: "<p>" + Self.token + "</p>", with: table)
            .replacingOccurrences(of: Self.token, with: table)
    }

    /// A heading of the page: its level, id and rendered content.
    struct Heading {
        var level: Int
        var id: String
        var html: String
    }

    private final class Node {
        let level: Int
        let heading: Heading?
        var children: [Node] = []
        init(level: Int, heading: Heading?) {
            self.level = level
            self.heading = heading
        }
    }

    func html(headings: [Heading]) -> String {
        let root = Node(level: startLevel - 1, heading: nil)
        for heading in headings where heading.level >= startLevel {
            var parent = root
            for level in startLevel..<heading.level {
                if parent.children.isEmpty { parent.children.append(Node(level: level, heading: nil)) }
                parent = parent.children[parent.children.count - 1]
            }
            parent.children.append(Node(level: heading.level, heading: heading))
        }
        guard !root.children.isEmpty, startLevel <= endLevel else { return "<nav id=\"TableOfContents\"></nav>" }
        return "<nav id=\"TableOfContents\">\n" + list(root.children, indent: 2) + "</nav>"
    }

    private func list(_ nodes: [Node], indent: Int) -> String {
        let tag = ordered ? "ol" : "ul"
        let pad = String(repeating: " ", count: indent)
        var out = pad + "<\(tag)>\n"
        for node in nodes {
            out += pad + "  <li>"
            if let heading = node.heading { out += "<a href=\"#\(heading.id)\">\(heading.html)</a>" }
            if !node.children.isEmpty, node.level + 1 <= endLevel {
                out += "\n" + list(node.children, indent: indent + 4) + pad + "  </li>\n"
            } else {
                out += "</li>\n"
            }
        }
        return out + pad + "</\(tag)>\n"
    }

    /// The `<h1>`…`<h6>` elements with an id in rendered HTML, their content without collective's
    /// section anchor.
    static func headings(in html: String) -> [Heading] {
        var found: [Heading] = []
        var rest = html[...]
        while let open = rest.range(of: "<h") {
            rest = rest[open.upperBound...]
            guard let digit = rest.first, let level = digit.wholeNumberValue, (1...6).contains(level),
                rest.dropFirst().hasPrefix(" id=\""), let tagEnd = rest.firstIndex(of: ">")
            else { continue }
            let idStart = rest.index(rest.startIndex, offsetBy: 6)
            guard let idEnd = rest[idStart..<tagEnd].firstIndex(of: "\""),
                let close = rest[tagEnd...].range(of: "</h\(level)>")
            else { continue }
            var content = String(rest[rest.index(after: tagEnd)..<close.lowerBound])
            if let anchor = content.range(of: "<a class=\"anchor\""), let end = content[anchor.upperBound...].range(of: "</a>") {
                content.removeSubrange(anchor.lowerBound..<end.upperBound)
            }
            found.append(Heading(level: level, id: String(rest[idStart..<idEnd]), html: content))
            rest = rest[close.upperBound...]
        }
        return found
    }
}
