/// A JSON parser over UTF-8 bytes that keeps object members in order and reports errors by line
/// and column (Foundation's gives a character index at best, and boxes every value).
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    static let depthLimit = 512

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON document.
    static func parse(_ bytes: [UInt8]) throws(NotebookError) -> NotebookJSON {
        var parser = JSONParser(bytes)
        // A byte-order mark is allowed before the document.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the JSON document") }
        return value
    }

    private func error(_ message: String) -> NotebookError {
        var line = 1
        var column = 1
        var position = 0
        while position < min(index, bytes.count) {
            if bytes[position] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[position] & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return NotebookError(message, line: line, column: column)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    private mutating func value() throws(NotebookError) -> NotebookJSON {
        skipSpace()
        guard index < bytes.count else { throw error("the JSON ends early: a value is missing (is the file cut short?)") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        // Python's json module writes these for non-finite floats.
        case UInt8(ascii: "N"):
            try literal("NaN")
            return .number(.nan)
        case UInt8(ascii: "I"):
            try literal("Infinity")
            return .number(.infinity)
        default: throw error("expected a JSON value")
        }
    }

    private mutating func literal(_ word: String) throws(NotebookError) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("expected a JSON value")
        }
        index += expected.count
    }

    private mutating func enter() throws(NotebookError) {
        depth += 1
        guard depth <= Self.depthLimit else { throw error("the JSON nests deeper than \(Self.depthLimit) levels") }
    }

    private mutating func object() throws(NotebookError) -> NotebookJSON {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: NotebookJSON)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted member name") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected `:` after the member name") }
            index += 1
            members.append((key, try value()))
            skipSpace()
            guard index < bytes.count else { throw error("the JSON ends early: an object is not closed with `}`") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw error("expected `,` or `}` in an object")
        }
    }

    private mutating func array() throws(NotebookError) -> NotebookJSON {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [NotebookJSON] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw error("the JSON ends early: a list is not closed with `]`") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            throw error("expected `,` or `]` in a list")
        }
    }

    private mutating func number() throws(NotebookError) -> Double {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            index = start
            throw error("not a valid JSON number")
        }
        return value
    }

    private mutating func string() throws(NotebookError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { throw error("a control character inside a string; write it as an escape") }
            index += 1
        }
        guard index < bytes.count else {
            index = start - 1
            throw error("a string is not closed with `\"`")
        }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: bytes[start..<index - 1], as: UTF8.self)
        }
        var output = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"),
                        bytes[index + 2] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + ((low &- 0xDC00) & 0x3FF)
                    }
                    output.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                case let other: output.append(other)
                }
                index += 1
                continue
            }
            guard byte >= 0x20 else { throw error("a control character inside a string; write it as an escape") }
            output.append(byte)
            index += 1
        }
        index = start - 1
        throw error("a string is not closed with `\"`")
    }

    /// Reads the four hex digits after `\u`, leaving the index on the last one.
    private mutating func hex4() throws(NotebookError) -> UInt32 {
        guard index + 4 < bytes.count, let value = UInt32(String(decoding: bytes[index + 1...index + 4], as: UTF8.self), radix: 16) else {
            throw error("`\\u` must be followed by four hex digits")
        }
        index += 4
        return value
    }
}
