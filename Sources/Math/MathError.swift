/// A TeX error: what went wrong and, when one command is to blame, which.
public struct MathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence describing the problem.
    public var message: String
    /// The command at fault, with its backslash (for example `\foo`), when there is one.
    public var command: String?

    /// Creates an error.
    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    /// The message, followed by the command when there is one.
    public var description: String {
        guard let command else { return message }
        return "\(message) (\(command))"
    }
}
