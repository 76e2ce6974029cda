/// A problem found while building: where it is, what it is, and what to do about it.
public struct Diagnostic: Sendable, Error, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is: errors fail the build, warnings and notices do not.
    public enum Severity: String, Sendable, Comparable, Codable {
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
    /// The file, relative to the site's root (`content/posts/a.md`), or nil for the site as a whole.
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col: severity: message`, the form editors and terminals link to.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        return "\(location)\(severity.rawValue): \(message)"
    }
}
