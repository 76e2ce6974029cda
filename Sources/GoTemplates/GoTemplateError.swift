/// A template that does not parse, escape or execute: which template, where, and why.
///
/// `description` reads like Go's messages with a 1-based column:
/// `shortcodes/img.html:3:14: executing "img" at <.Foo>: can't evaluate field Foo in type string`.
public struct GoTemplateError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        /// The source does not parse.
        case parse
        /// html/template could not work out an escaping context (e.g. `{{if}}` branches that end
        /// in different contexts).
        case escape
        /// A run-time failure: a missing field, a failing function, a wrong argument.
        case execution
        /// A limit was reached: template call depth, output size or loop iterations.
        case limit
    }

    public let kind: Kind
    /// The name the source was parsed under (usually its file path).
    public let file: String
    /// The template that was executing (a `define`d name or the file's own).
    public let template: String
    /// 1-based line and column (in characters) of the node at fault; 0 when unknown.
    public let line: Int
    public let column: Int
    /// The source text of the node at fault (`.Foo`), empty when not applicable.
    public let node: String
    public let message: String

    public var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(location): \(detail)"
    }

    /// The description without its location, for a host that reports the file, line and column
    /// apart: `executing "img" at <.Foo>: can't evaluate field Foo in type string`.
    public var detail: String {
        switch kind {
        case .parse: return message
        case .escape, .execution, .limit:
            let at = node.isEmpty ? "" : " at <\(node)>"
            return "executing \"\(template)\"\(at): \(message)"
        }
    }
}

/// A source position: the parsed source and a byte offset into it.
struct SourceText: Sendable {
    let name: String
    let bytes: [UInt8]

    /// 1-based line and column (in characters) of a byte offset.
    func lineAndColumn(_ offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        let end = min(max(offset, 0), bytes.count)
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }

    func text(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
