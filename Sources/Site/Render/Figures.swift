import TextUtilities
/// Numbers a page's figures, tables and display equations, and turns `[@fig-…]` references into links.
///
/// Elements are found by id prefix, in document order: `fig-` ("Figure 1"), `tbl-` ("Table 1") and `eq-`
/// ("(1)"). A numbered `<figure>` gets `<span class="figure-number">Figure 1:</span> ` at the start of its
/// `<figcaption>` (one is added when missing), a `<table>` gets its number in its `<caption>`, and an equation
/// element gets `<span class="equation-number">(1)</span>` as its last child (after it, for a bare `<math>`).
/// References such as `[@fig-loss]` or `[@fig-a; @tbl-b]` in text (not in code, links or attributes) become
/// `<a href="#fig-loss" class="cross-ref">Figure 2</a>`. One pass to find the ids and one to write: linear time.
enum FigureNumbering {
    /// The three kinds of numbered element.
    enum Kind: CaseIterable {
        case figure, table, equation

        var prefix: String {
            switch self {
            case .figure: return "fig-"
            case .table: return "tbl-"
            case .equation: return "eq-"
            }
        }

        init?(id: String) {
            guard let kind = Kind.allCases.first(where: { id.hasPrefix($0.prefix) && id.count > $0.prefix.count }) else {
                return nil
            }
            self = kind
        }

        /// "Figure 2", "Table 2" or "(2)".
        func label(_ number: Int) -> String {
            switch self {
            case .figure: return "Figure \(number)"
            case .table: return "Table \(number)"
            case .equation: return "(\(number))"
            }
        }

        /// Whether an element of this name can carry the kind's number (any element for equations).
        func canNumber(_ element: String) -> Bool {
            switch self {
            case .figure: return ["figure", "div", "img", "svg", "section"].contains(element)
            case .table: return ["table", "figure", "div"].contains(element)
            case .equation: return true
            }
        }

        /// The text of a link to the element.
        func referenceText(_ number: Int) -> String {
            self == .equation ? "Equation (\(number))" : label(number)
        }
    }

    /// Returns the page with numbers and links, and the referenced ids that match no element (in order, once each).
    static func apply(_ html: String) -> (html: String, unresolved: [String]) {
        guard html.contains(bytes: "fig-") || html.contains(bytes: "tbl-") || html.contains(bytes: "eq-") else { return (html, []) }
        let bytes = Array(html.utf8)
        let numbers = collectNumbers(bytes)
        var writer = Writer(bytes: bytes, numbers: numbers)
        writer.run()
        return (String(decoding: writer.output, as: UTF8.self), writer.unresolved)
    }

    /// Number of every `fig-`/`tbl-`/`eq-` id in document order (the first element wins when an id repeats).
    /// Ids inside an `<svg>` (a chart's title, description and clip path) are not figures of their own.
    private static func collectNumbers(_ bytes: [UInt8]) -> [String: (Kind, Int)] {
        var numbers: [String: (Kind, Int)] = [:]
        var counters: [Kind: Int] = [:]
        var scanner = HTMLTagScanner(bytes: bytes)
        var svgDepth = 0
        while let token = scanner.next() {
            if case .end("svg", _) = token { svgDepth = max(0, svgDepth - 1) }
            guard case .start(let tag) = token else { continue }
            let insideSVG = svgDepth > 0
            if tag.name == "svg", !tag.isVoid { svgDepth += 1 }
            guard !insideSVG, let id = scanner.value("id", of: tag), let kind = Kind(id: id), kind.canNumber(tag.name), numbers[id] == nil else {
                continue
            }
            let number = (counters[kind] ?? 0) + 1
            counters[kind] = number
            numbers[id] = (kind, number)
        }
        return numbers
    }

    /// The second pass: copies the page, inserting numbers and replacing references.
    private struct Writer {
        let bytes: [UInt8]
        let numbers: [String: (Kind, Int)]
        var output: [UInt8] = []
        var unresolved: [String] = []
        private var seenUnresolved = Set<String>()
        /// Open elements per tag name, to find the end tag that closes a given element.
        private var depth: [String: Int] = [:]
        /// Insertions waiting for an end tag: tag name → stack of (depth at open, HTML to insert, before or after).
        private var closers: [String: [(depth: Int, html: String, afterTag: Bool)]] = [:]
        /// Numbered figures still waiting for their figcaption: (figure depth, label).
        private var figures: [(depth: Int, label: String, captioned: Bool)] = []
        /// Numbered tables whose existing `<caption>` is next: their labels.
        private var tableCaptions: [String] = []
        /// Ids already labelled, so a repeated id is numbered once.
        private var labelled = Set<String>()
        /// Inside code, scripts, styles or links, where references stay as written.
        private var verbatim = 0

        init(bytes: [UInt8], numbers: [String: (Kind, Int)]) {
            self.bytes = bytes
            self.numbers = numbers
            output.reserveCapacity(bytes.count + 1024)
        }

        mutating func run() {
            var scanner = HTMLTagScanner(bytes: bytes)
            while let token = scanner.next() {
                switch token {
                case .text(let range):
                    if verbatim > 0 { output += bytes[range] } else { writeText(range) }
                case .other(let range):
                    output += bytes[range]
                case .end(let name, let range):
                    endTag(name, range: range)
                case .start(let tag):
                    startTag(tag, scanner: scanner)
                }
            }
        }

        private static let verbatimTags: Set<String> = ["code", "pre", "script", "style", "a", "textarea", "kbd", "samp"]

        private mutating func startTag(_ tag: HTMLTagScanner.Tag, scanner: HTMLTagScanner) {
            output += bytes[tag.range]
            if tag.isVoid { return }
            let level = (depth[tag.name] ?? 0) + 1
            depth[tag.name] = level
            if Self.verbatimTags.contains(tag.name) { verbatim += 1 }
            if tag.name == "figcaption", let index = figures.lastIndex(where: { !$0.captioned }),
                figures[index].depth == depth["figure"]
            {
                figures[index].captioned = true
                let empty = scanner.nextNonSpaceStarts(with: "</figcaption")
                output += Array(numberSpan(class: "figure-number", figures[index].label, empty: empty).utf8)
            }
            if tag.name == "caption", let label = tableCaptions.popLast() {
                let empty = scanner.nextNonSpaceStarts(with: "</caption")
                output += Array(numberSpan(class: "table-number", label, empty: empty).utf8)
            }
            guard let id = scanner.value("id", of: tag), let (kind, number) = numbers[id] else { return }
            // Only the element that defined the number is labelled, not a later duplicate id.
            guard !labelled.contains(id) else { return }
            labelled.insert(id)
            switch (kind, tag.name) {
            case (_, "figure"):
                figures.append((level, kind.label(number), false))
            case (.table, "table"):
                if scanner.nextNonSpaceStarts(with: "<caption") {
                    tableCaptions.append(kind.label(number))
                } else {
                    output += Array("<caption>\(numberSpan(class: "table-number", kind.label(number), empty: true))</caption>".utf8)
                }
            case (.equation, let name):
                let span = "<span class=\"equation-number\">\(kind.label(number))</span>"
                closers[name, default: []].append((level, span, name == "math"))
            default:
                break
            }
        }

        private mutating func endTag(_ name: String, range: Range<Int>) {
            let level = depth[name] ?? 0
            var after: String?
            if var stack = closers[name], let last = stack.last, last.depth == level {
                stack.removeLast()
                closers[name] = stack
                if last.afterTag { after = last.html } else { output += Array(last.html.utf8) }
            }
            if name == "figure", let last = figures.last, last.depth == level {
                figures.removeLast()
                if !last.captioned {
                    output += Array("<figcaption>\(numberSpan(class: "figure-number", last.label, empty: true))</figcaption>".utf8)
                }
            }
            output += bytes[range]
            if let after { output += Array(after.utf8) }
            if level > 0 {
                depth[name] = level - 1
                if Self.verbatimTags.contains(name) { verbatim = max(0, verbatim - 1) }
            }
        }

        private func numberSpan(class name: String, _ label: String, empty: Bool) -> String {
            empty ? "<span class=\"\(name)\">\(label)</span>" : "<span class=\"\(name)\">\(label):</span> "
        }

        /// Copies text, replacing `[@id]` and `[@id; @id]` references.
        private mutating func writeText(_ range: Range<Int>) {
            var index = range.lowerBound
            var copied = index
            while index < range.upperBound - 2 {
                guard bytes[index] == 0x5B, bytes[index + 1] == 0x40,
                    let (ids, end) = parseReference(from: index, limit: range.upperBound)
                else {
                    index += 1
                    continue
                }
                output += bytes[copied..<index]
                output += Array(links(ids).utf8)
                index = end
                copied = end
            }
            output += bytes[copied..<range.upperBound]
        }

        /// Parses `[@a; @b]` starting at the `[`; returns the ids and the index after `]`.
        private func parseReference(from start: Int, limit: Int) -> ([String], Int)? {
            var ids: [String] = []
            var index = start + 1
            while index < limit {
                while index < limit, bytes[index] == 0x20 { index += 1 }
                guard index < limit, bytes[index] == 0x40 else { return nil }
                index += 1
                let idStart = index
                while index < limit, Self.isIDByte(bytes[index]) { index += 1 }
                var idEnd = index
                while idEnd > idStart, bytes[idEnd - 1] == 0x2E || bytes[idEnd - 1] == 0x3A { idEnd -= 1 }
                guard idEnd > idStart, index - idStart <= 200 else { return nil }
                let id = String(decoding: bytes[idStart..<idEnd], as: UTF8.self)
                guard Kind(id: id) != nil else { return nil }
                ids.append(id)
                index = idEnd
                while index < limit, bytes[index] == 0x20 { index += 1 }
                guard index < limit else { return nil }
                if bytes[index] == 0x5D { return (ids, index + 1) }
                guard bytes[index] == 0x3B || bytes[index] == 0x2C else { return nil }
                index += 1
            }
            return nil
        }

        private static func isIDByte(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A || byte >= 0x80
        }

        private mutating func links(_ ids: [String]) -> String {
            let parts = ids.map { id -> String in
                guard let (kind, number) = numbers[id] else {
                    if seenUnresolved.insert(id).inserted { unresolved.append(id) }
                    return "<strong class=\"cross-ref unresolved\">?@\(HTMLText.escape(id))</strong>"
                }
                return "<a href=\"#\(HTMLText.escape(id))\" class=\"cross-ref\">\(kind.referenceText(number))</a>"
            }
            switch parts.count {
            case 1: return parts[0]
            case 2: return parts[0] + " and " + parts[1]
            default: return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
            }
        }
    }
}
