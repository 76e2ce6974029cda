/// Where a Markdown link points, as its author wrote it: a destination written in Markdown, or the
/// target of a `ref`/`relref` shortcode.
///
/// Shortcodes are expanded in the Markdown text before it is parsed, so a reference crosses the
/// parser as link-destination text: ``marker`` writes it and ``init(parsing:)`` reads it back, and
/// nothing else in collective sees that text.
public enum LinkDestination: Sendable, Equatable {
    /// A destination written in Markdown (`../other.md#part`, `https://…`, `diagram.png`).
    case markdown(String)
    /// A `ref` (`absolute`: the page's absolute URL) or `relref` (its site-relative URL) target.
    case reference(path: String, absolute: Bool)

    private static let prefix = "collective-ref:"
    private static let absoluteMarker = "abs:"

    /// Reads a destination from the Markdown parser, recognising what ``marker`` wrote.
    public init(parsing destination: String) {
        guard destination.hasPrefix(Self.prefix) else {
            self = .markdown(destination)
            return
        }
        let rest = destination.dropFirst(Self.prefix.count)
        let absolute = rest.hasPrefix(Self.absoluteMarker)
        self = .reference(path: String(absolute ? rest.dropFirst(Self.absoluteMarker.count) : rest), absolute: absolute)
    }

    /// The text a `ref`/`relref` shortcode leaves in the Markdown for ``init(parsing:)``.
    public var marker: String {
        switch self {
        case .markdown(let destination): destination
        case .reference(let path, let absolute): Self.prefix + (absolute ? Self.absoluteMarker : "") + path
        }
    }

    /// Where a marker starts in expanded text (a reference outside a Markdown link).
    static func firstMarker(in text: Substring) -> Range<Substring.Index>? {
        text.firstRange(ofBytes: prefix)
    }

    /// True when `text` may hold a marker (a byte search: it runs on every page's HTML).
    static func mayHoldMarker(_ text: String) -> Bool {
        text.contains(bytes: prefix)
    }

    /// The `ref`/`relref` target, nil for a destination written in Markdown.
    public var referencePath: String? {
        if case .reference(let path, _) = self { path } else { nil }
    }

    /// As a reader would write it: the Markdown destination, or `ref "path"` / `relref "path"`.
    public var written: String {
        switch self {
        case .markdown(let destination): destination
        case .reference(let path, let absolute): "\(absolute ? "ref" : "relref") \"\(path)\""
        }
    }
}

/// What a link's destination resolved to.
enum ResolvedLink: Equatable {
    /// Not a link to a content file: written as it is.
    case unchanged
    /// The URL of the page it names.
    case page(String)
    /// A link to a content file, or a reference, that names no page.
    case missing

    /// The URL to write: the page's, `#` for a reference that names no page, nil to keep the
    /// destination as written.
    func url(for destination: LinkDestination) -> String? {
        switch self {
        case .unchanged: nil
        case .page(let url): url
        case .missing: destination.referencePath != nil ? "#" : nil
        }
    }
}
