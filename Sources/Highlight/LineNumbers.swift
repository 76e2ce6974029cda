/// How line numbers are shown next to a code block.
public enum LineNumbers: Sendable, Equatable {
    /// No line numbers.
    case none
    /// A two-column table: numbers on the left, code on the right (Hugo's `linenos=table`).
    case table
    /// Numbers at the start of each code line (Hugo's `linenos=inline`).
    case inline
}
