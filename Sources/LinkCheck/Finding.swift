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
        /// An error of the build itself (a config or front matter that cannot be read).
        case buildError = "build-error"
    }

    public enum Severity: String, Sendable, Codable, Comparable {
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

    public var severity: Severity
    public var kind: Kind
    /// The source file relative to the site folder (`content/posts/a.md`), or the output file
    /// (`public/tags/index.html`) when no source file wrote the link.
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The URL or id the finding is about.
    public var subject: String
    public var message: String

    public init(_ severity: Severity, _ kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
                subject: String, message: String) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.subject = subject
        self.message = message
    }

    /// The order of reports: by file, position, severity, then message.
    static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.severity, lhs.message)
            < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.severity, rhs.message)
    }

    /// `file:line:column: severity: message`, the form editors and terminals link to.
    public var description: String {
        let position = (line.map { ":\($0)" } ?? "") + (line != nil ? column.map { ":\($0)" } ?? "" : "")
        return "\(file)\(position): \(severity.rawValue): \(message)"
    }

    /// The finding as a build diagnostic (errors become warnings: a build does not fail on links).
    public var diagnostic: Diagnostic {
        Diagnostic(severity == .notice ? .notice : .warning, message, file: file, line: line, column: column)
    }
}
