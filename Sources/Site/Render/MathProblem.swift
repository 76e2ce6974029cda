/// A formula of a page that failed: refused (its TeX shown instead), or drawn with an unknown
/// command in an error box. `collective check` lists these beside broken links.
public struct MathProblem: Sendable, Equatable {
    /// File line and column of the problem (the formula's place plus the place in its TeX).
    public var line: Int
    public var column: Int
    /// The command at fault (`\foo`), when one is.
    public var command: String?
    /// What went wrong.
    public var message: String
    /// Whether the whole formula was refused (not drawn at all).
    public var isRefused: Bool

    public init(line: Int, column: Int, command: String?, message: String, isRefused: Bool) {
        self.line = line
        self.column = column
        self.command = command
        self.message = message
        self.isRefused = isRefused
    }
}
