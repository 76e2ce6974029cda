import Foundation
@testable import CSL

/// One fixture of the CSL test suite (`processor-tests/humans/*.txt`): sections between
/// `>>===== NAME =====>>` and `<<===== NAME =====<<`.
struct Fixture {
    var name: String
    var sections: [String: String]

    init(name: String, text: String) {
        self.name = name
        var sections: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        // Some fixtures (the localized date formats) start with a byte order mark.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(">>=") && trimmed.hasSuffix("=>>") {
                current = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: ">=< ")).uppercased()
                lines = []
            } else if trimmed.hasPrefix("<<=") && trimmed.hasSuffix("=<<"), let name = current {
                sections[name] = lines.joined(separator: "\n")
                current = nil
            } else if current != nil {
                lines.append(line)
            }
        }
        self.sections = sections
    }

    /// The category: the file name before `_` (`name`, `date`, `disambiguate` …).
    var category: String { String(name.prefix { $0 != "_" }) }

    var mode: String { sections["MODE"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
    var expected: String { sections["RESULT"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    static func cite(_ object: [String: Any]) -> CSLCite {
        func text(_ key: String) -> String? { CSLJSON.string(object[key]) }
        let suppress = (object["suppress-author"] as? Bool) ?? (text("suppress-author").map { $0 == "1" || $0 == "true" } ?? false)
        return CSLCite(
            id: text("id") ?? "", locator: text("locator"), label: text("label"), prefix: text("prefix") ?? "",
            suffix: text("suffix") ?? "", suppressAuthor: suppress)
    }

    static func json(_ text: String?) -> Any? {
        guard let data = text?.data(using: .utf8) else { return nil }
        return try? JSONSerialization.jsonObject(with: data)
    }

    /// The processor's output in the suite's format, or nil when the fixture uses what the runner does not support.
    func run() throws -> String? {
        guard mode == "citation" || mode == "bibliography" else { return nil }
        guard sections["BIBENTRIES"] == nil, sections["BIBSECTION"] == nil else { return nil }
        let style = try CSLStyle(xml: sections["CSL"] ?? "")
        let items = CSLJSON.items(sections["INPUT"] ?? "[]") ?? []
        let processor = CSLProcessor(style: style, items: items)
        var citations: [CSLCitation] = []
        var citationsFormat = false
        if let list = Self.json(sections["CITATIONS"]) as? [Any] {
            citationsFormat = true
            for entry in list {
                guard let triple = entry as? [Any], let first = triple.first as? [String: Any] else { continue }
                let cites = (first["citationItems"] as? [[String: Any]] ?? []).map(Self.cite)
                let note = (first["properties"] as? [String: Any])?["noteIndex"].flatMap { CSLJSON.string($0) }.flatMap { Int($0) }
                citations.append(CSLCitation(cites: cites, noteIndex: note == 0 ? nil : note))
            }
        } else if let list = Self.json(sections["CITATION-ITEMS"]) as? [Any] {
            for entry in list {
                citations.append(CSLCitation(cites: (entry as? [[String: Any]] ?? []).map(Self.cite)))
            }
        } else if mode == "citation" {
            citations = [CSLCitation(cites: items.map { CSLCite(id: $0.id) })]
        }
        let uncited = mode == "bibliography" && citations.isEmpty ? items.map(\.id) : []
        let (rendered, entries) = processor.process(citations, uncited: uncited)
        if mode == "citation" {
            if citationsFormat {
                return rendered.enumerated().map { index, output in
                    (index == rendered.count - 1 ? ">>" : "..") + "[\(index)] " + output.html
                }.joined(separator: "\n")
            }
            return rendered.map(\.html).joined(separator: "\n")
        }
        return "<div class=\"csl-bib-body\">\n"
            + entries.map { entry in
                let html = entry.text.html
                // citeproc-js puts an entry's block parts on their own lines.
                let body = html.hasPrefix("<div class=\"csl-") ? "\n    " + html + "\n  " : html
                return "  <div class=\"csl-entry\">" + body + "</div>\n"
            }.joined()
            + "</div>"
    }
}
