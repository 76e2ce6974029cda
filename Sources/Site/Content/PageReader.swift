import Foundation

/// Turns one content file's text into a ``Page``, collecting what is wrong with it.
struct PageReader {
    let config: SiteConfig
    /// Front matter parsed by earlier builds (the build cache's); nil to parse every page.
    var memo: FrontMatterMemo? = nil

    /// Reads a content file. `contentPath` is relative to the language's content folder (`posts/a.md`).
    /// Returns nil (with an error diagnostic) when the front matter cannot be read.
    /// `defaults` are front matter fields the file's own front matter may override (a notebook's metadata).
    func read(
        source: String, contentPath: String, kind: Page.Kind, section: String,
        bundleFolder: String?, defaults: [String: Value] = [:]
    ) -> (page: Page?, diagnostics: [Diagnostic]) {
        guard let split = split(source) else {
            let diagnostic = Diagnostic(
                .error, "front matter is not closed: add a closing `---` (or `+++`) line after it",
                file: config.language.contentDir + "/" + contentPath, line: 1, column: 1)
            return (nil, [diagnostic])
        }
        return read(split: split, contentPath: contentPath, kind: kind, section: section, bundleFolder: bundleFolder, defaults: defaults)
    }

    /// A content file's front matter and body (Windows line ends read as `\n`); nil when the front matter is not closed.
    func split(_ source: String) -> FrontMatter? {
        FrontMatter.split(source.firstRange(ofBytes: "\r") != nil ? source.replacingOccurrences(of: "\r\n", with: "\n") : source)
    }

    /// Reads a content file split by ``split(_:)`` (or, for a file whose rendering the build cache
    /// has, its front matter as the cache kept it, with an empty body).
    func read(
        split: FrontMatter, contentPath: String, kind: Page.Kind, section: String,
        bundleFolder: String?, defaults: [String: Value] = [:]
    ) -> (page: Page?, diagnostics: [Diagnostic]) {
        let file = config.language.contentDir + "/" + contentPath
        var diagnostics: [Diagnostic] = []
        var params: [String: Value] = [:]
        var keyLines: [String: Int] = [:]
        if let format = split.format {
            do {
                if let memo {
                    (params, keyLines) = try memo.parsed(split.text, format: format) { () throws(DataFormatError) in
                        try Self.parse(split.text, format: format)
                    }
                } else {
                    (params, keyLines) = try Self.parse(split.text, format: format)
                }
            } catch {
                let line = split.firstLine + error.line - 1
                let diagnostic = Diagnostic(
                    .error, "invalid \(format.rawValue.uppercased()) front matter: \(error.describe(lineOffset: split.firstLine - 1))",
                    file: file, line: line, column: error.column)
                return (nil, [diagnostic])
            }
        }
        for (key, value) in defaults where params.valueIgnoringCase(key) == nil { params[key] = value }
        let fields = CaseInsensitiveTable(params)
        func line(of key: String) -> Int? {
            keyLines.first { $0.key.lowercased() == key.lowercased() }.map { split.firstLine + $0.value - 1 }
        }
        /// The column where the value of a top-level `key: value` or `key = value` line starts.
        func column(of key: String) -> Int? {
            guard let keyLine = keyLines.first(where: { $0.key.lowercased() == key.lowercased() })?.value,
                let text = split.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(keyLine - 1).first,
                let separator = text.firstIndex(where: { $0 == ":" || $0 == "=" })
            else { return nil }
            let value = text[text.index(after: separator)...].firstIndex { $0 != " " && $0 != "\t" } ?? text.endIndex
            return text.distance(from: text.startIndex, to: value) + 1
        }
        func date(_ key: String) -> Date? {
            guard let value = fields[key] else { return nil }
            guard let text = value.string, !text.isEmpty else { return nil }
            guard let reading = DateReader.read(text) else {
                diagnostics.append(
                    Diagnostic(
                        .warning, "cannot read \(key) \"\(text)\"; use a form such as 2023-11-16T10:30:00+00:00; the date is ignored",
                        file: file, line: line(of: key), column: column(of: key)))
                return nil
            }
            if reading.isPartial {
                let day = String(text.prefix(10))
                diagnostics.append(
                    Diagnostic(
                        .warning, "cannot fully read \(key) \"\(text)\"; read as \(day); write it as \(day)T10:30:00+00:00 or \(day)",
                        file: file, line: line(of: key), column: column(of: key)))
            }
            return reading.date
        }

        var terms: [String: [String]] = [:]
        terms.reserveCapacity(config.taxonomies.count)
        for taxonomy in config.taxonomies {
            let isAuthors = taxonomy.plural == "authors"
            var values = fields[taxonomy.plural].map { isAuthors ? $0.authorNames : $0.stringList } ?? []
            if isAuthors, values.isEmpty {
                values = fields["author"]?.authorNames ?? []
            }
            if !values.isEmpty { terms[taxonomy.plural] = values }
        }

        let title =
            fields["title"]?.string
            ?? (kind == .home ? config.title : Self.humanize(contentPath, kind: kind))
        let publishDate = date("publishDate")
        let pageDate = date("date") ?? publishDate
        var page = Page(
            kind: kind,
            sourceFile: file,
            bundleFolder: bundleFolder,
            section: section,
            params: params,
            title: title,
            description: fields["description"]?.string,
            date: pageDate,
            lastmod: date("lastmod") ?? pageDate,
            publishDate: publishDate,
            expiryDate: date("expiryDate"),
            isDraft: fields["draft"]?.bool ?? false,
            slug: fields["slug"]?.string,
            url: fields["url"]?.string,
            aliases: fields["aliases"]?.stringList ?? [],
            weight: fields["weight"]?.int ?? 0,
            layout: fields["layout"]?.string,
            terms: terms,
            cover: Self.cover(fields["cover"]),
            body: split.body,
            bodyLine: split.bodyLine
        )
        for (key, line) in keyLines { page.fieldLines[key.lowercased()] = split.firstLine + line - 1 }
        for field in Self.typedFields {
            guard let value = fields[field.key], !field.accepts(value) else { continue }
            diagnostics.append(
                Diagnostic(
                    .warning, "`\(field.key)` should be \(field.expected), not \(value.shortDescription); it was ignored",
                    file: file, line: line(of: field.key)))
        }
        if page.title.isEmpty, kind == .page { page.title = Self.humanize(contentPath, kind: kind) }
        return (page, diagnostics)
    }

    /// Parses front matter. TOML reads `date = 2023-13-45` as a date literal and rejects the whole
    /// table; such a value is read as text instead, so that, as in YAML, only the date is ignored
    /// (with a warning) and not the page.
    private static func parse(_ text: String, format: DataFormat) throws(DataFormatError) -> ([String: Value], [String: Int]) {
        var text = text
        for _ in 0..<20 {
            do {
                return try format.parseTable(text)
            } catch {
                guard format == .toml, error.reason.contains("date") || error.reason.contains("time"),
                    let quoted = quotingValue(onLine: error.line, of: text)
                else { throw error }
                text = quoted
            }
        }
        return try format.parseTable(text)
    }

    /// `text` with the bare value of the `key = value` line `line` in quotes; nil when that line
    /// holds no bare date-like value.
    private static func quotingValue(onLine line: Int, of text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, let equals = lines[line - 1].firstIndex(of: "=") else { return nil }
        let entry = lines[line - 1]
        let value = entry[entry.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard let first = value.first, first.isNumber, value.allSatisfy({ $0.isNumber || "-:.+TtZz ".contains($0) }) else { return nil }
        lines[line - 1] = entry[...equals] + " \"" + value + "\""
        return lines.joined(separator: "\n")
    }

    /// Front matter fields with one type, and what a value must be to be read.
    private static let typedFields: [(key: String, expected: String, accepts: @Sendable (Value) -> Bool)] = [
        ("draft", "true or false", { $0 == .null || $0.bool != nil }),
        ("weight", "a whole number", { $0 == .null || $0.int != nil }),
        ("title", "text", Self.isText),
        ("slug", "text", Self.isText),
        ("url", "text", Self.isText),
        ("layout", "text", Self.isText),
        ("description", "text", Self.isText),
    ]

    @Sendable private static func isText(_ value: Value) -> Bool {
        switch value {
        case .string, .int, .double, .bool, .null: true
        case .array, .table: false
        }
    }

    private static func cover(_ value: Value?) -> Cover? {
        guard let value, let image = value["image"]?.string, !image.isEmpty else { return nil }
        return Cover(
            image: image, alt: value["alt"]?.string, caption: value["caption"]?.string,
            relative: value["relative"]?.bool ?? false)
    }

    /// A title from a file or folder name: `my-first-post.md` → "My first post".
    static func humanize(_ contentPath: String, kind: Page.Kind) -> String {
        var parts = contentPath.split(separator: "/").map(String.init)
        if let last = parts.last, last.hasPrefix("index.") || last.hasPrefix("_index.") { parts.removeLast() }
        guard var name = parts.last else { return "" }
        if let dot = name.firstIndex(of: "."), kind == .page || name.hasSuffix(".md") { name = String(name[..<dot]) }
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
