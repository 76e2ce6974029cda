import Site

/// One entry of the dev server's log: a line of progress, or a diagnostic of a build (kept as a
/// value, so that the command can route it without reading the text back).
public enum ServeMessage: Sendable, Equatable, CustomStringConvertible {
    case progress(String)
    case diagnostic(Diagnostic)

    /// The diagnostic, when this is one.
    public var diagnostic: Diagnostic? {
        if case .diagnostic(let diagnostic) = self { diagnostic } else { nil }
    }

    /// The line as written to the terminal.
    public var description: String {
        switch self {
        case .progress(let line): line
        case .diagnostic(let diagnostic): DiagnosticRenderer.text(diagnostic)
        }
    }
}
