import Foundation
import Notebooks

/// A notebook read as a content file: its front matter and a Markdown body in which each shown
/// code cell is a placeholder block that ``NotebookCells`` fills when the page renders. Outputs
/// are not kept: the renderer reads the notebook again, one page at a time, so a site of large
/// notebooks never holds all their images at once.
enum NotebookSource {
    static let fileExtension = "ipynb"
    /// The info string of a code cell's placeholder block; its text is the cell's 0-based index.
    static let cellLanguage = "collective-notebook-cell"

    /// The page text (front matter from a first raw or Markdown cell holding YAML between `---`
    /// lines, then the body) and the front matter found in the notebook's metadata: `title`,
    /// `authors` (nbformat's list of `{name}`), and any field under `collective`.
    static func pageText(of notebook: Notebook) -> (text: String, metadata: [String: Value]) {
        var metadata: [String: Value] = [:]
        if let title = notebook.metadata["title"]?.string { metadata["title"] = .string(title) }
        if case .array(let authors)? = notebook.metadata["authors"] {
            let names = authors.compactMap { $0["name"]?.string ?? $0.string }
            if !names.isEmpty { metadata["authors"] = .array(names.map(Value.string)) }
        }
        if case .object(let members)? = notebook.metadata["collective"] {
            for (key, value) in members { metadata[key] = Self.value(value) }
        }
        var text = ""
        var cells = notebook.cells.enumerated().makeIterator()
        var first = cells.next()
        if let (_, cell) = first, cell.kind != .code, let frontMatter = Self.frontMatter(cell.source) {
            text = frontMatter
            first = nil
        }
        var pending = first
        var seenMarkdown = false
        while let (index, cell) = pending ?? cells.next() {
            pending = nil
            guard !cell.tags.contains(.removeCell) else { continue }
            switch cell.kind {
            case .markdown:
                var source = cell.source
                // A notebook's first heading is its title, as Jupyter Book reads it (the theme shows the title).
                if !seenMarkdown, metadata["title"] == nil, let (title, rest) = Self.leadingTitle(source) {
                    metadata["title"] = .string(title)
                    source = rest
                }
                seenMarkdown = true
                if !cell.attachments.isEmpty { source = Attachment.numbered(source, cell: index) }
                text += source + "\n\n"
            case .code: text += "```\(cellLanguage)\n\(index)\n```\n\n"
            case .raw: continue
            }
        }
        return (text, metadata)
    }

    /// A Markdown cell's attached file as the page text names it: `attachment:CELL/NAME`, the cell
    /// number added to nbformat's `attachment:NAME` so the renderer finds the right cell's file.
    struct Attachment: Equatable {
        /// The cell's 0-based index in the notebook.
        var cell: Int
        var name: String

        /// The attachment an image destination names, or nil for any other destination.
        init?(destination: String) {
            guard destination.hasPrefix("attachment:") else { return nil }
            let rest = destination.dropFirst("attachment:".count)
            guard let slash = rest.firstIndex(of: "/"), let cell = Int(rest[..<slash]) else { return nil }
            self.cell = cell
            let name = String(rest[rest.index(after: slash)...])
            self.name = name.removingPercentEncoding ?? name
        }

        /// `source` with each `attachment:` destination given the cell's number.
        static func numbered(_ source: String, cell: Int) -> String {
            source.replacingOccurrences(of: "(attachment:", with: "(attachment:\(cell)/")
                .replacingOccurrences(of: "<attachment:", with: "<attachment:\(cell)/")
        }
    }

    /// The text of a first line `# Title`, and the cell without it.
    private static func leadingTitle(_ source: String) -> (String, String)? {
        let trimmed = source.drop { $0 == "\n" || $0 == " " }
        guard trimmed.hasPrefix("# ") else { return nil }
        let line = trimmed.prefix { $0 != "\n" }
        let title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return nil }
        return (title, String(trimmed.dropFirst(line.count)))
    }

    /// A cell's text when it is YAML front matter (`---` lines around it), with a newline after the closing line.
    private static func frontMatter(_ source: String) -> String? {
        let trimmed = source.drop { $0 == "\n" || $0 == " " }
        guard trimmed.hasPrefix("---\n") || trimmed.hasPrefix("---\r\n") else { return nil }
        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.dropFirst().contains(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
        return String(trimmed) + "\n"
    }

    static func value(_ json: NotebookJSON) -> Value {
        switch json {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number): Int(exactly: number).map(Value.int) ?? .double(number)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(value))
        case .object(let members): .table(Dictionary(members.map { ($0.key, value($0.value)) }, uniquingKeysWith: { $1 }))
        }
    }

    /// Reads and parses a notebook file; the error names what is wrong and, for bad JSON, where.
    static func read(_ url: URL) throws(NotebookError) -> Notebook {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw NotebookError("cannot read the file") }
        return try NotebookReader.read([UInt8](data))
    }
}
