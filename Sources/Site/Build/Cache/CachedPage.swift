import Foundation
import Math

/// A page's Markdown rendering as a previous build made it, kept in the build cache with the hash
/// of the source bytes it was made from: when the bytes and everything else the rendering reads
/// (``BuildCache``'s site fingerprint) are unchanged, the build takes it instead of rendering again.
struct CachedPage: FileRecord {
    /// Hash of the content file the rendering was made from.
    var sourceHash: ContentHash
    var rendered: RenderedContent
    /// The page's render diagnostics.
    var diagnostics: [Diagnostic]
    /// The page's list entry, rendered once for every list to reuse (nil when lists render it in place).
    var entryHTML: String?
    /// The page's search terms as the Search module encoded them (nil when the page is not indexed).
    var searchTerms: KeptBytes? = nil
    /// Where the record was read from, when it came from the cache's page file (the next cache
    /// keeps it there instead of writing it again).
    var origin: RecordOrigin? = nil
}

/// Identifies a page of one language by its content file, relative to the site root.
struct PageKey: Hashable, Sendable {
    var language: Int
    var sourceFile: String
}

extension CachedPage {
    func write(to writer: inout ByteWriter) {
        writer.hash(sourceHash)
        let r = rendered
        writer.text(r.htmlStorage)
        writer.string(r.summaryHTML)
        writer.string(r.summaryText)
        writer.bool(r.isTruncated)
        writer.array(r.toc) { w, entry in
            w.int(entry.level)
            w.string(entry.id)
            w.string(entry.text)
        }
        writer.int(r.wordCount)
        writer.int(r.readingMinutes)
        writer.text(r.plainTextStorage)
        writer.bool(r.hasMath)
        writer.bool(r.hasCode)
        writer.optionalString(r.coverURL)
        writer.array(r.references) { w, reference in
            w.bool(reference.kind == .image)
            w.string(reference.target.marker)
            w.string(reference.url)
            w.bool(reference.isBroken)
            w.optionalInt(reference.line)
            w.optionalInt(reference.column)
            w.optionalString(reference.alt)
        }
        writer.array(r.equationLabels) { w, label in
            w.string(label.key)
            w.string(label.text)
        }
        writer.array(r.mathProblems) { w, problem in
            w.int(problem.line)
            w.int(problem.column)
            w.optionalString(problem.command)
            w.string(problem.message)
            w.bool(problem.isRefused)
        }
        writer.array(r.citedWorks) { w, work in
            w.string(work.schemaType)
            w.string(work.title)
            w.array(work.authors) { w, name in w.string(name) }
            w.optionalInt(work.year)
            w.optionalString(work.url)
        }
        writer.array(diagnostics) { w, diagnostic in diagnostic.write(to: &w) }
        writer.optionalString(entryHTML)
        // Terms that cannot be read back are left out: the next build tokenises the page again.
        let terms = searchTerms?.bytes
        writer.bool(terms != nil)
        if let terms { writer.data(terms) }
    }

    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        sourceHash = try reader.hash()
        var r = RenderedContent()
        r.htmlStorage = try reader.deferredText()
        r.summaryHTML = try reader.string()
        r.summaryText = try reader.string()
        r.isTruncated = try reader.bool()
        r.toc = try reader.array { (reader: inout ByteReader) throws(ByteReader.Malformed) in
            TOCEntry(level: try reader.int(), id: try reader.string(), text: try reader.string())
        }
        r.wordCount = try reader.int()
        r.readingMinutes = try reader.int()
        r.plainTextStorage = try reader.deferredText()
        r.hasMath = try reader.bool()
        r.hasCode = try reader.bool()
        r.coverURL = try reader.optionalString()
        r.references = try reader.array { (reader: inout ByteReader) throws(ByteReader.Malformed) in
            LinkReference(
                kind: try reader.bool() ? .image : .link, target: LinkDestination(parsing: try reader.string()),
                url: try reader.string(), isBroken: try reader.bool(),
                line: try reader.optionalInt(), column: try reader.optionalInt(), alt: try reader.optionalString())
        }
        r.equationLabels = try reader.array { (reader: inout ByteReader) throws(ByteReader.Malformed) in
            EquationLabel(key: try reader.string(), text: try reader.string())
        }
        r.mathProblems = try reader.array { (reader: inout ByteReader) throws(ByteReader.Malformed) in
            MathProblem(
                line: try reader.int(), column: try reader.int(), command: try reader.optionalString(),
                message: try reader.string(), isRefused: try reader.bool())
        }
        r.citedWorks = try reader.array { (reader: inout ByteReader) throws(ByteReader.Malformed) in
            CitedWork(
                schemaType: try reader.string(), title: try reader.string(),
                authors: try reader.array { (reader: inout ByteReader) throws(ByteReader.Malformed) in try reader.string() },
                year: try reader.optionalInt(), url: try reader.optionalString())
        }
        rendered = r
        diagnostics = try reader.array { (reader: inout ByteReader) throws(ByteReader.Malformed) in try Diagnostic(from: &reader) }
        entryHTML = try reader.optionalString()
        searchTerms = try reader.bool() ? .memory(try reader.data()) : nil
    }
}

extension Diagnostic {
    func write(to writer: inout ByteWriter) {
        writer.string(severity.rawValue)
        writer.optionalString(file)
        writer.optionalInt(line)
        writer.optionalInt(column)
        writer.string(message)
        writer.optionalString(hint)
        writer.optionalString(page)
        writer.optionalInt(pageLine)
        writer.optionalInt(pageColumn)
        writer.optionalString(kind?.rawValue)
    }

    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        guard let severity = Severity(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
        let file = try reader.optionalString()
        let line = try reader.optionalInt()
        let column = try reader.optionalInt()
        let message = try reader.string()
        let hint = try reader.optionalString()
        let page = try reader.optionalString()
        let pageLine = try reader.optionalInt()
        let pageColumn = try reader.optionalInt()
        let kind = try reader.optionalString().map { (raw: String) throws(ByteReader.Malformed) -> Kind in
            guard let kind = Kind(rawValue: raw) else { throw ByteReader.Malformed() }
            return kind
        }
        self.init(
            severity, message, file: file, line: line, column: column, hint: hint, page: page, pageLine: pageLine, pageColumn: pageColumn, kind: kind)
    }
}
