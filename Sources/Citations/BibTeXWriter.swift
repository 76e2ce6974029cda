/// Writes a ``Reference`` as a BibTeX entry a reader can paste into a `.bib` file: the entry type and
/// fields BibTeX and BibLaTeX both read, values in braces with TeX's special characters escaped, names as
/// `Family, Given` joined by `and`, the month as its three-letter macro. Reading the result back with
/// ``Bibliography/read(_:format:)`` gives the same reference.
public enum BibTeXWriter {
    /// The entry for `reference`, its fields one per line, ending in a newline.
    public static func entry(_ reference: Reference) -> String {
        var fields: [(String, String)] = []
        func add(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            fields.append((name, "{" + escaped(value) + "}"))
        }
        var names = reference.author.map(name)
        if reference.hasMoreAuthors { names.append("others") }
        if !names.isEmpty { fields.append(("author", "{" + names.joined(separator: " and ") + "}")) }
        if !reference.editor.isEmpty {
            fields.append(("editor", "{" + reference.editor.map(name).joined(separator: " and ") + "}"))
        }
        add("title", reference.title)
        let type = entryType(reference.type)
        switch type {
        case "article": add("journal", reference.containerTitle)
        case "inproceedings", "incollection": add("booktitle", reference.containerTitle)
        case "misc": add("howpublished", reference.containerTitle)
        default: break
        }
        add("series", reference.collectionTitle)
        add("volume", reference.volume)
        add("number", reference.issue ?? reference.number)
        add(
            "pages",
            reference.page.map { page in
                let dashed = page.replacingOccurrences(of: "–", with: "--")
                return dashed.contains("--") ? dashed : dashed.replacingOccurrences(of: "-", with: "--")
            })
        add("edition", reference.edition)
        switch type {
        case "techreport": add("institution", reference.publisher)
        case "phdthesis": add("school", reference.publisher)
        default: add("publisher", reference.publisher)
        }
        add("address", reference.publisherPlace)
        if let issued = reference.issued {
            fields.append(("year", "{\(issued.year)}"))
            if let month = issued.month, (1...12).contains(month) { fields.append(("month", monthMacros[month - 1])) }
        }
        add("isbn", reference.isbn)
        if let doi = reference.doi { fields.append(("doi", "{" + verbatim(doi) + "}")) }
        if let url = reference.url { fields.append(("url", "{" + verbatim(url) + "}")) }
        if let arxiv = reference.arxiv {
            fields.append(("eprint", "{" + verbatim(arxiv) + "}"))
            fields.append(("archivePrefix", "{arXiv}"))
        }
        add("note", reference.note)
        let body = fields.map { "  \($0.0) = \($0.1)" }.joined(separator: ",\n")
        return "@\(type){\(key(reference.id)),\n\(body)\n}\n"
    }

    /// The BibTeX entry type for a reference type.
    static func entryType(_ type: ReferenceType) -> String {
        switch type {
        case .articleJournal: "article"
        case .paperConference: "inproceedings"
        case .book: "book"
        case .chapter: "incollection"
        case .report: "techreport"
        case .thesis: "phdthesis"
        case .manuscript: "unpublished"
        case .webpage, .article, .dataset, .software, .misc: "misc"
        }
    }

    static let monthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `Family, Given` (`von Family, Jr, Given` with particle and suffix); an unsplit name in braces.
    static func name(_ name: Name) -> String {
        if let literal = name.literal { return "{" + escaped(literal) + "}" }
        var family = escaped(name.family ?? "")
        if family.contains(" ") || family.lowercased() == "others" { family = "{" + family + "}" }
        var parts = [[name.particle.map(escaped), family].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")]
        if let suffix = name.suffix, !suffix.isEmpty { parts.append(escaped(suffix)) }
        if let given = name.given, !given.isEmpty { parts.append(escaped(given)) }
        return parts.joined(separator: ", ")
    }

    /// A key BibTeX accepts: characters other than letters, digits and `-_:./` dropped.
    static func key(_ id: String) -> String {
        let kept = id.filter { $0.isLetter || $0.isNumber || "-_:./".contains($0) }
        return kept.isEmpty ? "ref" : kept
    }

    /// Text with TeX's specials escaped (`&` → `\&`; braces and backslashes as commands, so braces stay balanced).
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&", "%", "$", "#", "_": result += "\\" + String(character)
            case "{": result += "\\textbraceleft{}"
            case "}": result += "\\textbraceright{}"
            case "\\": result += "\\textbackslash{}"
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default: result.append(character)
            }
        }
        return result
    }

    /// A DOI or URL: kept as written (readers take these fields verbatim), with braces, which would end the
    /// value, and `%`, which would start a comment, percent-encoded.
    static func verbatim(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")
    }
}
