/// A problem found by an engine or a tool: where it is, what it is, and what to do about it.
/// Every part of collective reports through this one type; ``DiagnosticRenderer`` writes it for a
/// terminal, as JSON, or as the dev server's overlay.
public struct Diagnostic: Sendable, Error, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is: errors fail the build, warnings and notices do not.
    public enum Severity: String, Sendable, Comparable, Codable, CaseIterable {
        case error, warning, notice

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .notice: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Problems of a page's content that `collective check` lists beside broken links.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A shortcode with no template anywhere: only its inner content is shown.
        case unknownShortcode = "unknown-shortcode"
        /// A site's shortcode template that failed on one call: its inner content is shown instead.
        case failedShortcode = "failed-shortcode"
        /// A math opener (`$$`, `\[`, `\(`, `\begin{…}`) with no closer: the reader sees the TeX as text.
        case unclosedMath = "unclosed-math"
    }

    public var severity: Severity
    /// The file, relative to the site's root (`content/posts/a.md`), or nil for the site as a whole.
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// What is wrong.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// The page being built when the problem showed, when that is not `file` itself (a template or
    /// a shortcode that failed on one page): its source file relative to the site's root.
    public var page: String?
    /// 1-based line in `page` where it called what failed (the shortcode call), when known.
    public var pageLine: Int?
    /// 1-based column in `page` of that call, when known.
    public var pageColumn: Int?
    /// Which content problem this is, for those `collective check` lists; nil for any other.
    public var kind: Kind?

    public init(
        _ severity: Severity, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
        hint: String? = nil, page: String? = nil, pageLine: Int? = nil, pageColumn: Int? = nil, kind: Kind? = nil
    ) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        self.page = page
        self.pageLine = pageLine
        self.pageColumn = pageColumn
        self.kind = kind
    }

    /// `file:line:col: severity: message; hint (page)`, the form editors and terminals link to.
    public var description: String { DiagnosticRenderer.text(self) }

    /// `file:line:col`, or the file alone, or nil for the site as a whole.
    public var location: String? { Self.location(file, line, column) }

    /// `page:line:col` (where the page calls what failed), or the page alone; nil without a page or
    /// when the page is `file` itself.
    public var pageLocation: String? {
        guard page != file else { return nil }
        return Self.location(page, pageLine, pageColumn)
    }

    /// The diagnostic as found while building `page` (a source file relative to the site's root),
    /// at `line` and `column` of the page when known; one that already names a page keeps it.
    public func whileBuilding(_ page: String?, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        guard self.page == nil else { return self }
        var diagnostic = self
        diagnostic.page = page
        diagnostic.pageLine = line
        diagnostic.pageColumn = column
        return diagnostic
    }

    private static func location(_ file: String?, _ line: Int?, _ column: Int?) -> String? {
        guard let file else { return nil }
        guard let line else { return file }
        return "\(file):\(line)" + (column.map { ":\($0)" } ?? "")
    }
}
