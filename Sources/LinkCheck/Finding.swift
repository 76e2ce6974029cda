import Site

/// One problem the link checker found, where it is written and what to do about it.
public struct Finding: Sendable, Equatable, Codable, CustomStringConvertible {
    /// What kind of problem a finding is; the raw value is the `kind` of the JSON report.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A link to a page, section, term or file the site does not have.
        case brokenLink = "broken-link"
        /// A `#fragment` that matches no id on the target page.
        case brokenAnchor = "broken-anchor"
        /// An image or media file that does not resolve.
        case missingImage = "missing-image"
        /// An image without alt text.
        case missingAlt = "missing-alt"
        /// A `ref`/`relref` shortcode whose target does not exist.
        case brokenReference = "broken-reference"
        /// Two or more elements of one page with the same id.
        case duplicateID = "duplicate-id"
        /// A page no list, menu or link reaches.
        case orphanPage = "orphan-page"
        /// An `http://` link to a host the site links to with `https://` elsewhere.
        case insecureLink = "insecure-link"
        /// An external URL that answered with an error or did not answer.
        case brokenExternal = "broken-external"
        /// An external URL that moved permanently.
        case permanentRedirect = "permanent-redirect"
        /// An external URL whose page has no element with the fragment's id.
        case brokenExternalAnchor = "broken-external-anchor"
        /// An external URL that could not be verified (rate limited after every retry).
        case unverifiedExternal = "unverified-external"
        /// An external URL on a loopback or private address, not fetched.
        case privateExternal = "private-external"
        /// A formula refused, or drawn with an unknown command in an error box.
        case mathError = "math-error"
        /// A math opener (`$$`, `\[`, `\(`, `\begin{…}`) with no closer: its TeX shows as text.
        case unclosedMath = "unclosed-math"
        /// A shortcode with no template anywhere: the call is dropped, its inner content kept.
        case unknownShortcode = "unknown-shortcode"
        /// A site's shortcode template that failed on a call: its inner content is shown instead.
        case failedShortcode = "failed-shortcode"
        /// An error of the build itself (a config or front matter that cannot be read).
        case buildError = "build-error"
    }

    /// The finding kind of a build diagnostic about content, nil for one `collective check` does not list.
    static func kind(of diagnostic: Diagnostic) -> Kind? {
        switch diagnostic.kind {
        case .unclosedMath: .unclosedMath
        case .unknownShortcode: .unknownShortcode
        case .failedShortcode: .failedShortcode
        case nil: nil
        }
    }

    /// The severities of ``Diagnostic``.
    public typealias Severity = Diagnostic.Severity

    /// Where, how serious, and what: the checker reports through the shared diagnostic model.
    public var diagnostic: Diagnostic
    public var kind: Kind
    /// The URL or id the finding is about.
    public var subject: String

    public var severity: Severity { diagnostic.severity }
    /// The source file relative to the site folder (`content/posts/a.md`), or the output file
    /// (`public/tags/index.html`) when no source file wrote the link.
    public var file: String { diagnostic.file ?? "" }
    public var line: Int? { diagnostic.line }
    public var column: Int? { diagnostic.column }
    public var message: String { diagnostic.message }

    public init(
        _ severity: Severity, _ kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
        subject: String, message: String
    ) {
        diagnostic = Diagnostic(severity, message, file: file, line: line, column: column)
        self.kind = kind
        self.subject = subject
    }

    /// A finding that reports a build diagnostic as it is (its place, severity, message and hint).
    init(_ kind: Kind, diagnostic: Diagnostic, subject: String = "") {
        self.diagnostic = diagnostic
        self.kind = kind
        self.subject = subject
    }

    /// The order of reports: by file, position, severity, then message.
    static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.severity, lhs.message)
            < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.severity, rhs.message)
    }

    /// `file:line:column: severity: message`, the form editors and terminals link to.
    public var description: String { diagnostic.description }

    /// The finding as a build diagnostic (errors become warnings: a build does not fail on links).
    public var buildDiagnostic: Diagnostic {
        var diagnostic = diagnostic
        diagnostic.severity = severity == .notice ? .notice : .warning
        return diagnostic
    }

    private enum CodingKeys: String, CodingKey {
        case severity, kind, file, line, column, subject, message, page, pageLine, pageColumn
    }

    /// The JSON report's finding (docs/check.md): the diagnostic's fields with `kind` and `subject`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(Severity.self, forKey: .severity), try container.decode(Kind.self, forKey: .kind),
            file: try container.decode(String.self, forKey: .file),
            line: try container.decodeIfPresent(Int.self, forKey: .line),
            column: try container.decodeIfPresent(Int.self, forKey: .column),
            subject: try container.decode(String.self, forKey: .subject),
            message: try container.decode(String.self, forKey: .message))
        diagnostic.page = try container.decodeIfPresent(String.self, forKey: .page)
        diagnostic.pageLine = try container.decodeIfPresent(Int.self, forKey: .pageLine)
        diagnostic.pageColumn = try container.decodeIfPresent(Int.self, forKey: .pageColumn)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(kind, forKey: .kind)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encodeIfPresent(column, forKey: .column)
        try container.encode(subject, forKey: .subject)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(diagnostic.page, forKey: .page)
        try container.encodeIfPresent(diagnostic.pageLine, forKey: .pageLine)
        try container.encodeIfPresent(diagnostic.pageColumn, forKey: .pageColumn)
    }
}
