/// A TeX error: what went wrong and, when one command is to blame, which and where.
public struct MathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A line and column (both from 1, columns counted in characters) in a formula's TeX.
    public struct Location: Sendable, Equatable {
        /// The line within the formula, from 1.
        public var line: Int
        /// The column within the line, from 1.
        public var column: Int

        /// Creates a location.
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// A sentence describing the problem.
    public var message: String
    /// The command at fault, with its backslash (for example `\foo`), when there is one.
    public var command: String?
    /// Where the command at fault first appears in the formula, when it is written there (not
    /// produced by a macro).
    public var location: Location?

    /// Creates an error.
    public init(_ message: String, command: String? = nil, location: Location? = nil) {
        self.message = message
        self.command = command
        self.location = location
    }

    /// The message, followed by the command when there is one.
    public var description: String {
        guard let command else { return message }
        return "\(message) (\(command))"
    }

    /// This error with ``location`` set to the first place its command appears in `source`.
    func located(in source: String) -> MathError {
        guard location == nil, let command, !command.isEmpty else { return self }
        var copy = self
        copy.location = Self.firstLocation(of: command, in: source)
        return copy
    }

    /// Where `command` first occurs in `source` as a whole command (`\foo` not followed by a letter).
    static func firstLocation(of command: String, in source: String) -> Location? {
        let needle = Array(command.unicodeScalars)
        let scalars = Array(source.unicodeScalars)
        let wordCommand = needle.count > 1 && needle[0] == "\\" && Lexer.isLetter(needle[1])
        guard !needle.isEmpty, scalars.count >= needle.count else { return nil }
        var line = 1
        var column = 1
        var index = 0
        while index + needle.count <= scalars.count {
            if scalars[index] == needle[0], Array(scalars[index..<index + needle.count]) == needle {
                let end = index + needle.count
                let escaped = index > 0 && scalars[index - 1] == "\\" && needle[0] == "\\"
                if !escaped, !(wordCommand && end < scalars.count && Lexer.isLetter(scalars[end])) {
                    return Location(line: line, column: column)
                }
            }
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return nil
    }
}
