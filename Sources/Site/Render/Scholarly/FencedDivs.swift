import Foundation

/// Pandoc/Quarto fenced divs: `::: {#thm-convex name="Convexity"}` … `:::`, `::: {.callout-note}`,
/// `::: {.proof}`, `::: {#refs}`, and any `::: {#id .class}`. Only the braced form (and a bare
/// `::: callout-…`) is a div, so a Hugo page's own `:::` lines stay text.
///
/// Before Markdown runs, each fence line becomes a level-6 heading holding a marker (one line for one
/// line, so source positions stay right, and a heading ends a paragraph as a fence does); the heading hook
/// writes the marker, and ``restore(_:)`` turns markers into `<div>` tags, numbering theorem-like divs per
/// page (Theorem 1, Lemma 1, …) with their title at the start of their first paragraph.
struct FencedDivs: Sendable {
    /// A theorem-like environment, by id prefix as Quarto writes them.
    enum TheoremKind: String, CaseIterable, Sendable {
        case thm, lem, def, prp, cor, exm, exr, cnj

        var name: String {
            switch self {
            case .thm: "Theorem"
            case .lem: "Lemma"
            case .def: "Definition"
            case .prp: "Proposition"
            case .cor: "Corollary"
            case .exm: "Example"
            case .exr: "Exercise"
            case .cnj: "Conjecture"
            }
        }

        /// The CSS class of its div (`theorem`, `lemma`, …).
        var cssClass: String { name.lowercased() }

        init?(id: String) {
            guard let dash = id.firstIndex(of: "-"), let kind = TheoremKind(rawValue: String(id[..<dash])),
                id.index(after: dash) < id.endIndex
            else { return nil }
            self = kind
        }
    }

    /// One div as written.
    struct Div: Sendable, Equatable {
        var id: String?
        var classes: [String]
        var attributes: [(String, String)]
        /// The line of the opening fence in the Markdown given.
        var line: Int

        static func == (lhs: Div, rhs: Div) -> Bool {
            lhs.id == rhs.id && lhs.classes == rhs.classes && lhs.line == rhs.line
                && lhs.attributes.map { $0.0 + "=" + $0.1 } == rhs.attributes.map { $0.0 + "=" + $0.1 }
        }

        func attribute(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 }
    }

    /// The text of the level-6 heading that stands for a fence.
    static let headingPrefix = "CollectiveFencedDiv"

    private(set) var divs: [Div] = []
    /// Problems with line numbers of the Markdown given.
    private(set) var warnings: [(message: String, line: Int)] = []

    /// The Markdown with fence lines replaced; `self` keeps the divs.
    mutating func extract(_ markdown: String) -> String {
        guard markdown.contains(bytes: ":::") else { return markdown }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var open: [Int] = []
        var fence: (character: Character, count: Int)?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            guard line.count - trimmed.count <= 3 else { continue }
            if let marker = Self.codeFence(trimmed) {
                if let current = fence {
                    if marker.character == current.character, marker.count >= current.count,
                        trimmed.drop(while: { $0 == marker.character }).allSatisfy({ $0 == " " || $0 == "\t" })
                    {
                        fence = nil
                    }
                } else {
                    fence = marker
                }
                continue
            }
            guard fence == nil, trimmed.hasPrefix(":::") else { continue }
            let rest = trimmed.drop { $0 == ":" }.trimmingCharacters(in: .whitespaces)
            if rest.isEmpty {
                guard let opened = open.popLast() else { continue }
                lines[index] = "###### \(Self.headingPrefix)\(opened)Close"
                continue
            }
            guard let div = Self.parseOpening(rest, line: index + 1) else { continue }
            open.append(divs.count)
            lines[index] = "###### \(Self.headingPrefix)\(divs.count)Open"
            divs.append(div)
        }
        for opened in open {
            warnings.append(("fenced div `:::` opened here is never closed; add a line `:::` after its content", divs[opened].line))
            lines.append("###### \(Self.headingPrefix)\(opened)Close")
        }
        return lines.joined(separator: "\n")
    }

    /// A ``` or ~~~ fence at the start of `line`.
    private static func codeFence(_ line: Substring) -> (character: Character, count: Int)? {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let count = line.prefix { $0 == first }.count
        return count >= 3 ? (first, count) : nil
    }

    /// `{#id .class key="value"}` (with optional trailing colons) or a bare `callout-…` class.
    static func parseOpening(_ text: String, line: Int) -> Div? {
        var body = Substring(text)
        while body.hasSuffix(":") { body = body.dropLast() }
        body = Substring(body.trimmingCharacters(in: .whitespaces))
        if !body.hasPrefix("{") {
            guard body.hasPrefix("callout-"), body.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            return Div(id: nil, classes: [String(body)], attributes: [], line: line)
        }
        guard body.hasSuffix("}") else { return nil }
        var div = Div(id: nil, classes: [], attributes: [], line: line)
        var rest = body.dropFirst().dropLast()[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { break }
            if first == "#" || first == "." {
                let word = rest.dropFirst().prefix { !" \t".contains($0) }
                guard !word.isEmpty else { return nil }
                if first == "#" { div.id = String(word) } else { div.classes.append(String(word)) }
                rest = rest.dropFirst(word.count + 1)
                continue
            }
            let name = rest.prefix { $0 != "=" && $0 != " " }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
            rest = rest.dropFirst(name.count)
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst()
            var value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let inner = rest.dropFirst()
                guard let end = inner.firstIndex(of: quote) else { return nil }
                value = inner[..<end]
                rest = inner[inner.index(after: end)...]
            } else {
                value = rest.prefix { $0 != " " }
                rest = rest.dropFirst(value.count)
            }
            div.attributes.append((String(name), String(value)))
        }
        return div.id == nil && div.classes.isEmpty ? nil : div
    }

    /// The index and side of a fence heading's text, if it is one (`CollectiveFencedDiv3Open`).
    static func marker(inHeading text: String) -> (index: Int, opens: Bool)? {
        guard text.hasPrefix(headingPrefix) else { return nil }
        let rest = text.dropFirst(headingPrefix.count)
        let opens = rest.hasSuffix("Open")
        guard opens || rest.hasSuffix("Close"), let index = Int(rest.dropLast(opens ? 4 : 5)) else { return nil }
        return (index, opens)
    }

    /// What the heading hook writes for a fence heading.
    static func markerHTML(index: Int, opens: Bool) -> String {
        "<!--collective-div-\(index)-\(opens ? "open" : "close")-->"
    }

    /// The id `#refs` div's placeholder after ``restore(_:)``, where the reference list goes.
    static let referencesSlot = "<div id=\"refs\" class=\"references-slot\"></div>"

    /// Turns markers into divs; returns the HTML and the numbered targets (`thm-convex` → `Theorem 1`).
    func restore(_ html: String) -> (html: String, targets: [String: String]) {
        guard !divs.isEmpty else { return (html, [:]) }
        var output = html
        var targets: [String: String] = [:]
        var counters: [TheoremKind: Int] = [:]
        for (index, div) in divs.enumerated() {
            let (open, close, label) = tags(for: div, counters: &counters)
            if let id = div.id, let label { targets[id] = label }
            output = Self.replacing(Self.markerHTML(index: index, opens: true) + "\n", in: output, with: open)
            output = Self.replacing(Self.markerHTML(index: index, opens: true), in: output, with: open)
            output = Self.replacing(Self.markerHTML(index: index, opens: false) + "\n", in: output, with: close)
            output = Self.replacing(Self.markerHTML(index: index, opens: false), in: output, with: close)
        }
        return (output, targets)
    }

    /// Replaces `marker` by `html`; an opening `html` ending in a title span is moved into the paragraph after it.
    private static func replacing(_ marker: String, in text: String, with html: (String, String?)) -> String {
        guard let range = text.range(of: marker) else { return text }
        var result = String(text[..<range.lowerBound]) + html.0
        var rest = text[range.upperBound...]
        if let inline = html.1 {
            if rest.hasPrefix("<p>") {
                result += "<p>" + inline + " "
                rest = rest.dropFirst(3)
            } else {
                result += "<p>" + inline + "</p>\n"
            }
        }
        return result + rest
    }

    /// The opening tag (with an inline title for the first paragraph), the closing tag, and the cross-reference label.
    private func tags(for div: Div, counters: inout [TheoremKind: Int]) -> (open: (String, String?), close: (String, String?), label: String?) {
        let idAttribute = div.id.map { " id=\"\(HTMLText.escape($0))\"" } ?? ""
        let title = (div.attribute("name") ?? div.attribute("title")).map { HTMLText.escape($0) }
        if div.id == "refs" { return ((Self.referencesSlot, nil), ("", nil), nil) }
        if let id = div.id, let kind = TheoremKind(id: id) {
            let number = (counters[kind] ?? 0) + 1
            counters[kind] = number
            let label = "\(kind.name) \(number)"
            let heading = "<span class=\"theorem-title\"><strong>\(label)\(title.map { " (\($0))" } ?? "").</strong></span>"
            return (("<div\(idAttribute) class=\"\(([kind.cssClass] + div.classes).joined(separator: " "))\">\n", heading), ("</div>\n", nil), label)
        }
        if let callout = div.classes.first(where: { $0.hasPrefix("callout-") }) {
            let type = String(callout.dropFirst("callout-".count))
            let known = ["note": "Note", "tip": "Tip", "warning": "Warning", "caution": "Caution", "important": "Important"]
            let heading = title ?? known[type] ?? HTMLText.escape(type.capitalized)
            let classes = HTMLText.escape((["callout"] + div.classes).joined(separator: " "))
            return (
                ("<div\(idAttribute) class=\"\(classes)\" role=\"note\">\n<p class=\"callout-title\">\(heading)</p>\n", nil), ("</div>\n", nil), nil
            )
        }
        if let plain = div.classes.first(where: { ["proof", "remark", "solution"].contains($0) }) {
            let heading = "<span class=\"proof-title\"><em>\(title ?? plain.capitalized).</em></span>"
            let end = plain == "proof" ? "<span class=\"proof-end\" aria-hidden=\"true\">∎</span>\n" : ""
            return (("<div\(idAttribute) class=\"\(HTMLText.escape(div.classes.joined(separator: " ")))\">\n", heading), (end + "</div>\n", nil), nil)
        }
        let classes = div.classes.isEmpty ? "" : " class=\"\(HTMLText.escape(div.classes.joined(separator: " ")))\""
        let data = div.attributes.filter { $0.0 != "title" && $0.0 != "name" }
            .map { " data-\(HTMLText.escape($0.0.lowercased()))=\"\(HTMLText.escape($0.1))\"" }.joined()
        return (("<div\(idAttribute)\(classes)\(data)>\n", nil), ("</div>\n", nil), nil)
    }
}
