import Foundation

/// Reads CSL-JSON (Zotero's and Pandoc's export): an array of items with `id`, `type`, name lists,
/// `issued.date-parts` and the standard variables. A broken file or item is reported, never fatal.
enum CSLJSONReader {
    static func read(_ text: String) -> (references: [Reference], diagnostics: [CitationDiagnostic]) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            return (
                [],
                [
                    CitationDiagnostic(
                        "not valid JSON (\(error.localizedDescription)); a CSL-JSON file is an array of items",
                        at: nil)
                ]
            )
        }
        guard let items = object as? [Any] else {
            return ([], [CitationDiagnostic("a CSL-JSON file is an array of items, `[{\"id\": …}, …]`", at: nil)])
        }
        var references: [Reference] = []
        var diagnostics: [CitationDiagnostic] = []
        for (offset, element) in items.enumerated() {
            guard let item = element as? [String: Any] else {
                diagnostics.append(CitationDiagnostic("item \(offset + 1) is not an object; it is skipped", at: nil))
                continue
            }
            guard let id = string(item["id"]), !id.isEmpty else {
                diagnostics.append(CitationDiagnostic("item \(offset + 1) has no `id`; it is skipped", at: nil))
                continue
            }
            references.append(reference(id: id, item))
        }
        return (references, diagnostics)
    }

    private static func reference(id: String, _ item: [String: Any]) -> Reference {
        var reference = Reference(id: id, type: ReferenceType(csl: string(item["type"]) ?? ""))
        reference.author = names(item["author"])
        reference.editor = names(item["editor"])
        reference.issued = date(item["issued"])
        reference.accessed = date(item["accessed"])
        reference.title = string(item["title"])
        reference.containerTitle = string(item["container-title"])
        reference.collectionTitle = string(item["collection-title"])
        reference.volume = string(item["volume"])
        reference.issue = string(item["issue"])
        reference.page = string(item["page"]).map { $0.replacingOccurrences(of: "--", with: "–") }
        reference.publisher = string(item["publisher"])
        reference.publisherPlace = string(item["publisher-place"])
        reference.edition = string(item["edition"])
        reference.authority = string(item["authority"])
        reference.number = string(item["number"])
        reference.doi = string(item["DOI"] ?? item["doi"]).map(BibTeXConverter.bareDOI)
        reference.url = string(item["URL"] ?? item["url"])
        reference.isbn = string(item["ISBN"])
        reference.note = string(item["note"])
        if let arxiv = string(item["arxiv"] ?? item["arXiv"]) {
            reference.arxiv = arxiv
        } else if let number = reference.number, number.lowercased().hasPrefix("arxiv:") {
            reference.arxiv = String(number.dropFirst(6))
        }
        return reference
    }

    /// A string or a number as text.
    private static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber:
            return number.stringValue
        default:
            return nil
        }
    }

    private static func names(_ value: Any?) -> [Name] {
        guard let list = value as? [Any] else { return [] }
        return list.compactMap { element in
            guard let name = element as? [String: Any] else { return nil }
            let particles = [string(name["dropping-particle"]), string(name["non-dropping-particle"])].compactMap { $0 }
            let result = Name(
                family: string(name["family"]), given: string(name["given"]),
                particle: particles.isEmpty ? nil : particles.joined(separator: " "),
                suffix: string(name["suffix"]), literal: string(name["literal"]))
            return result.family == nil && result.literal == nil && result.given == nil ? nil : result
        }
    }

    /// `{"date-parts": [[2017, 6, 12]]}`, or `{"raw": "2017-06-12"}`.
    private static func date(_ value: Any?) -> DateParts? {
        guard let object = value as? [String: Any] else { return nil }
        if let parts = object["date-parts"] as? [Any], let first = parts.first as? [Any] {
            let numbers = first.compactMap { element -> Int? in
                if let text = element as? String { return Int(text) }
                return (element as? NSNumber)?.intValue
            }
            guard let year = numbers.first else { return nil }
            var date = DateParts(year: year)
            if numbers.count > 1, (1...12).contains(numbers[1]) { date.month = numbers[1] }
            if numbers.count > 2, date.month != nil, (1...31).contains(numbers[2]) { date.day = numbers[2] }
            return date
        }
        if let raw = string(object["raw"]) { return DateText.parse(raw) }
        return nil
    }
}
