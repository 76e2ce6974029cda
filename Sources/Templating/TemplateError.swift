/// A template that does not parse: where, and why.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line and column of the offending tag.
    public let line: Int
    public let column: Int
    public let reason: String

    public var description: String { "\(line):\(column): \(reason)" }
}
