import Foundation
import Citations
import TextUtilities

/// Turns a page's citations (`[@key]`, `@key`) into links to its reference list, writes that list (at the
/// end, or where `::: {#refs}` was), and links cross-references to sections and theorem-like divs
/// (`[@sec-intro]`, `[@thm-convex]`). Runs on the rendered HTML, outside code, links and scripts;
/// `[@fig-…]`, `[@tbl-…]` and `[@eq-…]` are ``FigureNumbering``'s. Without a bibliography only
/// cross-references change, so a page that merely contains `[@name]` renders as before.
struct CitationLinks {
    var bibliography: Bibliography
    var style: StyleChoice
    /// Cross-reference targets of the page: id → link text (`thm-convex` → `Theorem 1`, `sec-intro` → its heading).
    var targets: [String: String]
    /// Where a key is written, for warnings: (page body, file line of its first line).
    var body: String
    var bodyLine: Int
    /// The theme's strings in the page's language (the list's heading, the back-links' labels).
    var strings: [String: String] = Strings.english

    /// Id prefixes of cross-references this pass resolves.
    static let crossReferencePrefixes = FencedDivs.TheoremKind.allCases.map { $0.rawValue + "-" } + ["sec-"]
    /// Id prefixes ``FigureNumbering`` resolves, left alone here.
    static let figurePrefixes = ["fig-", "tbl-", "eq-"]

    private enum Found {
        case citation(Int)
        case crossReference([String])
    }

    /// The page's HTML with citations and cross-references linked and its reference list in place, and the
    /// references that list holds.
    func apply(_ html: String, sink: DiagnosticSink) -> (html: String, listed: [Reference]) {
        guard html.utf8.contains(UInt8(ascii: "@")) else { return (html, []) }
        let hasBibliography = !bibliography.references.isEmpty
        guard hasBibliography || !targets.isEmpty else { return (html, []) }
        let bytes = Array(html.utf8)
        var found: [(range: Range<Int>, what: Found)] = []
        var citations: [Citation] = []
        var scanner = HTMLTagScanner(bytes: bytes)
        var verbatim = 0
        while let token = scanner.next() {
            switch token {
            case .start(let tag):
                if !tag.isVoid, Self.verbatimTags.contains(tag.name) { verbatim += 1 }
            case .end(let name, _):
                if Self.verbatimTags.contains(name) { verbatim = max(0, verbatim - 1) }
            case .text(let range):
                guard verbatim == 0, bytes[range].contains(UInt8(ascii: "@")) else { continue }
                let text = String(decoding: bytes[range], as: UTF8.self)
                let matches = CitationSyntax.scan(text) { key in
                    targets[key] != nil || hasBibliography && bibliography[key] != nil
                }
                for match in matches {
                    let keys = match.citation.items.map(\.key)
                    let absolute = (range.lowerBound + match.range.lowerBound)..<(range.lowerBound + match.range.upperBound)
                    if keys.allSatisfy({ key in Self.crossReferencePrefixes.contains { key.hasPrefix($0) } }) {
                        found.append((absolute, .crossReference(keys)))
                    } else if hasBibliography, !keys.contains(where: { key in Self.figurePrefixes.contains { key.hasPrefix($0) } }) {
                        found.append((absolute, .citation(citations.count)))
                        citations.append(Self.decodingEntities(match.citation))
                    }
                }
            case .other:
                break
            }
        }
        guard !found.isEmpty else { return (html, []) }

        let processed = CitationProcessor(choice: style, bibliography: bibliography).process(citations)
        for key in processed.unknownKeys {
            let (line, column) = location(of: "@" + key)
            sink.diagnostics.append(
                Diagnostic(
                    .warning, "citation key @\(key) is in no bibliography of this page or site",
                    file: sink.file, line: line, column: column, hint: "check the key or add its entry"))
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 4096)
        var copied = 0
        var reportedTargets = Set<String>()
        for (range, what) in found {
            output += bytes[copied..<range.lowerBound]
            copied = range.upperBound
            switch what {
            case .citation(let index):
                let inner = processed.citations[index].html(entryID: Self.entryID)
                output += Array("<span class=\"citation-group\" id=\"cite-\(index + 1)\">\(inner)</span>".utf8)
            case .crossReference(let keys):
                let links = keys.map { key -> String in
                    guard let label = targets[key] else {
                        if reportedTargets.insert(key).inserted {
                            let (line, column) = location(of: "@" + key)
                            sink.diagnostics.append(
                                Diagnostic(
                                    .warning, "cross-reference [@\(key)] matches no section or theorem-like div of this page; check the id",
                                    file: sink.file, line: line, column: column))
                        }
                        return "<strong class=\"cross-ref unresolved\">?@\(HTMLText.escape(key))</strong>"
                    }
                    return "<a href=\"#\(HTMLText.escape(key))\" class=\"cross-ref\">\(label)</a>"
                }
                output += Array(Self.joinedWithAnd(links).utf8)
            }
        }
        output += bytes[copied...]
        var result = String(decoding: output, as: UTF8.self)
        guard !processed.entries.isEmpty else { return (result.replacingOccurrences(of: FencedDivs.referencesSlot, with: ""), []) }
        let list = referenceList(processed)
        if result.contains(bytes: FencedDivs.referencesSlot) {
            result = result.replacingOccurrences(of: FencedDivs.referencesSlot, with: list)
        } else {
            result += list
        }
        return (result, processed.entries.map(\.reference))
    }

    static func entryID(_ key: String) -> String { "ref-" + key }

    /// The opening of the reference list this pass writes.
    static let referenceListStart = "<section id=\"refs\" class=\"references "

    /// `html` without the reference list (for the page's plain text).
    static func withoutReferenceList(_ html: String) -> String {
        // Runs on every page: byte search (Foundation's `range(of:)` converts the page to UTF-16).
        guard let start = html.firstRange(ofBytes: referenceListStart),
            let end = html[start.upperBound...].firstRange(ofBytes: "</section>\n")
        else { return html }
        return String(html[..<start.lowerBound]) + html[end.upperBound...]
    }

    private static let verbatimTags: Set<String> = ["code", "pre", "script", "style", "a", "textarea", "kbd", "samp", "math", "svg"]

    /// The reference list: each entry with its link (DOI, URL, arXiv) and links back to where it is cited.
    private func referenceList(_ processed: ProcessedCitations) -> String {
        var html = Self.referenceListStart + "\(style.className)\" role=\"doc-bibliography\" aria-labelledby=\"refs-title\">\n"
        html += "<h2 id=\"refs-title\">\(HTMLText.escape(strings["references"] ?? "References"))</h2>\n<ol class=\"reference-list\">\n"
        for entry in processed.entries {
            html += "<li id=\"\(HTMLText.escape(Self.entryID(entry.key)))\">"
            if let number = entry.number { html += "<span class=\"reference-number\">[\(number)]</span> " }
            html += entry.text.html(entryID: Self.entryID)
            if let arxiv = entry.reference.arxiv, entry.reference.doi != nil || entry.reference.url != nil {
                html += " <a class=\"reference-arxiv\" href=\"https://arxiv.org/abs/\(HTMLText.escape(arxiv))\">arXiv:\(HTMLText.escape(arxiv))</a>"
            }
            let citing = processed.citingIndices[entry.key] ?? []
            if !citing.isEmpty {
                html += " <span class=\"reference-backlinks\">"
                html += citing.enumerated().map { offset, index in
                    let text = citing.count == 1 ? "↩" : "↩\(offset + 1)"
                    let label = (strings["backToCitation"] ?? "Back to citation {n}").replacingOccurrences(of: "{n}", with: String(offset + 1))
                    return "<a href=\"#cite-\(index + 1)\" aria-label=\"\(HTMLText.escape(label))\">\(text)</a>"
                }.joined(separator: " ")
                html += "</span>"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// "A", "A and B", "A, B and C".
    private static func joinedWithAnd(_ parts: [String]) -> String {
        switch parts.count {
        case 0: return ""
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
        }
    }

    /// File line and column of the first `text` in the page's body (the body's first line when not found).
    private func location(of text: String) -> (Int, Int?) {
        guard let range = body.range(of: text) else { return (bodyLine, nil) }
        let before = body[..<range.lowerBound]
        let line = before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { body.index(after: $0) } ?? body.startIndex
        return (bodyLine + line, body.distance(from: lineStart, to: range.lowerBound) + 1)
    }

    /// Prefixes and suffixes come from HTML text: `&amp;` and friends back to characters (they are escaped again on output).
    private static func decodingEntities(_ citation: Citation) -> Citation {
        var result = citation
        for index in result.items.indices {
            result.items[index].prefix = decode(result.items[index].prefix)
            result.items[index].suffix = decode(result.items[index].suffix)
        }
        return result
    }

    private static func decode(_ text: String) -> String {
        CharacterReferences.decodeAll(text)
    }
}
