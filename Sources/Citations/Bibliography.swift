/// The references of one or more bibliography files, by citation key.
public struct Bibliography: Sendable {
    /// The file formats read.
    public enum Format: Sendable {
        case bibtex
        case cslJSON

        /// The format a file name's extension names (`.bib`, `.bibtex`, `.json`), or nil.
        public init?(fileName: String) {
            let lower = fileName.lowercased()
            if lower.hasSuffix(".bib") || lower.hasSuffix(".bibtex") {
                self = .bibtex
            } else if lower.hasSuffix(".json") {
                self = .cslJSON
            } else {
                return nil
            }
        }
    }

    public private(set) var references: [Reference] = []
    private var byKey: [String: Int] = [:]

    public init(_ references: [Reference] = []) {
        for reference in references { add(reference) }
    }

    /// Reads a file's text; the references read and the problems found (with their line and column).
    public static func read(_ text: String, format: Format) -> (Bibliography, [CitationDiagnostic]) {
        switch format {
        case .bibtex:
            let file = BibTeXParser.parse(text)
            return (Bibliography(BibTeXConverter.references(file)), file.diagnostics)
        case .cslJSON:
            let (references, diagnostics) = CSLJSONReader.read(text)
            return (Bibliography(references), diagnostics)
        }
    }

    /// The reference with citation key `key` (keys match as written, then ignoring case).
    public subscript(key: String) -> Reference? {
        if let index = byKey[key] ?? byKey[key.lowercased()] { return references[index] }
        return nil
    }

    /// Adds a reference; one already present with the same key wins.
    public mutating func add(_ reference: Reference) {
        guard byKey[reference.id] == nil else { return }
        byKey[reference.id] = references.count
        if byKey[reference.id.lowercased()] == nil { byKey[reference.id.lowercased()] = references.count }
        references.append(reference)
    }

    /// This bibliography with `other`'s references that it lacks (a page's own file before the site's).
    public func merged(with other: Bibliography) -> Bibliography {
        var result = self
        for reference in other.references { result.add(reference) }
        return result
    }
}
