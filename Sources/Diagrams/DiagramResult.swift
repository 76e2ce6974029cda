/// A problem found in a diagram's source, located by line and column (1-based, within the source).
public struct DiagramDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether the diagram could not be drawn (an error) or was drawn with something left out (a warning).
    public enum Severity: Sendable, Equatable { case error, warning }

    public var line: Int
    public var column: Int
    public var message: String
    public var severity: Severity

    /// A diagnostic at `line`:`column`.
    public init(line: Int, column: Int, message: String, severity: Severity = .error) {
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `LINE:COLUMN: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// The kinds of Mermaid diagram this renderer draws.
public enum DiagramKind: String, Sendable, Equatable {
    case flowchart
    case sequence
    case state
    case classDiagram = "class"
    case pie
}

/// What rendering a diagram gives: the SVG (nil when it could not be drawn) and the problems found.
public struct DiagramResult: Sendable {
    /// The `<svg>` element, or nil when an error stopped the drawing.
    public var svg: String?
    /// Errors (when `svg` is nil) and warnings (things left out of a drawn diagram).
    public var diagnostics: [DiagramDiagnostic]
    /// The diagram's kind, when the header named one this renderer knows.
    public var kind: DiagramKind?

    /// The first error, when the diagram was not drawn.
    public var error: DiagramDiagnostic? { diagnostics.first { $0.severity == .error } }
    /// The warnings of a drawn diagram.
    public var warnings: [DiagramDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}
