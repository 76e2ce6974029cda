/// One entry of a `.bib` file as written: its type, key and fields with `@string` macros expanded and `#`
/// pieces joined, TeX still in the text.
public struct BibTeXEntry: Sendable, Equatable {
    /// The entry type, lower-cased (`article`, `inproceedings`).
    public var type: String
    public var key: String
    /// Field values by lower-cased name.
    public var fields: [String: String]
    /// Where the entry's `@` is.
    public var location: SourceLocation
}

/// The entries of a `.bib` file and the problems found in it.
public struct BibTeXFile: Sendable {
    public var entries: [BibTeXEntry] = []
    /// `@preamble` text, joined.
    public var preamble = ""
    public var diagnostics: [CitationDiagnostic] = []
}

/// Reads BibTeX and BibLaTeX files as reference managers export them: `@string` macros (and the month
/// macros `jan`…`dec`), `#` concatenation, braced and quoted values with nested braces, `@comment`,
/// `@preamble`, text outside entries, `{…}` or `(…)` around an entry. A broken entry is reported with its
/// line and column and skipped; reading goes on at the next `@`. Any input returns (no crash, linear time).
public enum BibTeXParser {
    public static func parse(_ text: String) -> BibTeXFile {
        var reader = Reader(bytes: Array(text.utf8))
        reader.run()
        return reader.file
    }

    private struct Failure: Error {
        var message: String
        var offset: Int
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var file = BibTeXFile()
        var macros: [String: String] = [
            "jan": "1", "feb": "2", "mar": "3", "apr": "4", "may": "5", "jun": "6",
            "jul": "7", "aug": "8", "sep": "9", "oct": "10", "nov": "11", "dec": "12",
        ]
        var keys = Set<String>()
        /// Offsets where lines start, for line and column numbers.
        let lineStarts: [Int]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
            lineStarts = starts
        }

        func location(_ offset: Int) -> SourceLocation {
            var low = 0
            var high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            let start = lineStarts[low]
            let end = min(offset, bytes.count)
            // Columns count characters, not bytes: continuation bytes are skipped.
            let column = start < end ? bytes[start..<end].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } : 0
            return SourceLocation(line: low + 1, column: column + 1)
        }

        mutating func run() {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "@") else {
                    index += 1
                    continue
                }
                let start = index
                do {
                    try entry(at: start)
                } catch {
                    file.diagnostics.append(CitationDiagnostic(error.message + "; the entry is skipped", at: location(error.offset)))
                    // Go on at the next `@` that starts a line (or any `@` after this one).
                    index = max(index, start + 1)
                    while index < bytes.count, !(bytes[index] == UInt8(ascii: "@") && startsLine(index)) { index += 1 }
                }
            }
        }

        private func startsLine(_ offset: Int) -> Bool {
            var position = offset - 1
            while position >= 0, bytes[position] == 0x20 || bytes[position] == 0x09 { position -= 1 }
            return position < 0 || bytes[position] == 0x0A || bytes[position] == 0x0D
        }

        private mutating func entry(at start: Int) throws(Failure) {
            index = start + 1
            skipSpace()
            let type = identifier().lowercased()
            guard !type.isEmpty else {
                throw Failure(message: "`@` is not followed by an entry type such as @article", offset: index)
            }
            if type == "comment" {
                // `@comment{…}` skips a balanced group; `@comment` alone comments out the line.
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "(") {
                    let open = bytes[index]
                    _ = try balanced(open: open, close: open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")"))
                }
                return
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "(") else {
                throw Failure(message: "@\(type) must be followed by `{`", offset: index)
            }
            let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
            index += 1
            skipSpace()
            switch type {
            case "preamble":
                file.preamble += try value()
                try expect(close, after: "@preamble's value")
            case "string":
                let nameOffset = index
                let name = identifier().lowercased()
                guard !name.isEmpty else { throw Failure(message: "@string needs a name, as in @string{acl = \"ACL\"}", offset: nameOffset) }
                skipSpace()
                try expect(UInt8(ascii: "="), after: "the @string name `\(name)`")
                skipSpace()
                macros[name] = try value()
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                }
                try expect(close, after: "the @string definition")
            default:
                try regularEntry(type: type, start: start, close: close)
            }
        }

        private mutating func regularEntry(type: String, start: Int, close: UInt8) throws(Failure) {
            let keyOffset = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != close, !isSpace(bytes[index]),
                bytes[index] != UInt8(ascii: "=")
            { index += 1 }
            let key = String(decoding: bytes[keyOffset..<index], as: UTF8.self)
            skipSpace()
            guard !key.isEmpty, index < bytes.count, bytes[index] != UInt8(ascii: "=") else {
                throw Failure(message: "@\(type) has no citation key; write @\(type){key, …}", offset: keyOffset)
            }
            var fields: [String: String] = [:]
            var order: [String] = []
            while true {
                skipSpace()
                guard index < bytes.count else {
                    throw Failure(message: "@\(type){\(key), …} is not closed; add the missing `\(Character(Unicode.Scalar(close)))`", offset: start)
                }
                if bytes[index] == close {
                    index += 1
                    break
                }
                guard bytes[index] == UInt8(ascii: ",") else {
                    throw Failure(
                        message: "expected `,` between fields of @\(type){\(key), …} (a missing comma or an unbalanced brace?)",
                        offset: index)
                }
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == close {
                    index += 1
                    break
                }
                let nameOffset = index
                let name = identifier().lowercased()
                guard !name.isEmpty else {
                    throw Failure(message: "expected a field name in @\(type){\(key), …}", offset: nameOffset)
                }
                skipSpace()
                try expect(UInt8(ascii: "="), after: "the field name `\(name)` in @\(type){\(key), …}")
                skipSpace()
                let text = try value()
                if fields[name] != nil {
                    file.diagnostics.append(
                        CitationDiagnostic(
                            "@\(type){\(key), …} has a second `\(name)` field; the first is kept",
                            at: location(nameOffset)))
                } else {
                    fields[name] = text
                    order.append(name)
                }
            }
            if !keys.insert(key).inserted {
                file.diagnostics.append(
                    CitationDiagnostic(
                        "the key `\(key)` is used again; the first entry with it is kept",
                        at: location(keyOffset)))
                return
            }
            file.entries.append(BibTeXEntry(type: type, key: key, fields: fields, location: location(start)))
        }

        /// A field value: pieces joined by `#`.
        private mutating func value() throws(Failure) -> String {
            var result = ""
            while true {
                skipSpace()
                guard index < bytes.count else { throw Failure(message: "the file ends where a value was expected", offset: index) }
                let byte = bytes[index]
                if byte == UInt8(ascii: "{") {
                    result += try balanced(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
                } else if byte == UInt8(ascii: "\"") {
                    result += try quoted()
                } else if isDigit(byte) {
                    let start = index
                    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                    result += String(decoding: bytes[start..<index], as: UTF8.self)
                } else {
                    let start = index
                    let name = identifier().lowercased()
                    guard !name.isEmpty else {
                        throw Failure(message: "expected a value: `{…}`, `\"…\"`, a number or an @string name", offset: start)
                    }
                    if let text = macros[name] {
                        result += text
                    } else {
                        file.diagnostics.append(
                            CitationDiagnostic(
                                "`\(name)` is not defined by an @string; it is read as empty",
                                at: location(start)))
                    }
                }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return result }
                index += 1
            }
        }

        /// A `{…}` value (nested braces kept inside), without its outer braces.
        private mutating func balanced(open: UInt8, close: UInt8) throws(Failure) -> String {
            let start = index
            index += 1
            var depth = 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    index += 2
                    continue
                }
                if byte == open {
                    depth += 1
                } else if byte == close {
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self)
                    }
                } else if byte == UInt8(ascii: "@"), depth <= 2, startsLine(index), looksLikeEntryStart(index) {
                    // An entry starting inside a value: the value's brace was never closed.
                    break
                }
                index += 1
            }
            throw Failure(message: "this `\(Character(Unicode.Scalar(open)))` is never closed", offset: start)
        }

        /// A `"…"` value: braces inside may hold `"`.
        private mutating func quoted() throws(Failure) -> String {
            let start = index
            index += 1
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") {
                    depth -= 1
                    if depth < 0 { throw Failure(message: "unbalanced `}` inside a quoted value", offset: index) }
                } else if byte == UInt8(ascii: "\""), depth == 0 {
                    index += 1
                    return String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self)
                } else if byte == UInt8(ascii: "@"), startsLine(index), looksLikeEntryStart(index) {
                    break
                }
                index += 1
            }
            throw Failure(message: "this `\"` is never closed", offset: start)
        }

        /// `@word{` or `@word(` at `offset`.
        private func looksLikeEntryStart(_ offset: Int) -> Bool {
            var position = offset + 1
            let start = position
            while position < bytes.count, isLetter(bytes[position]) { position += 1 }
            guard position > start else { return false }
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            return position < bytes.count && (bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "("))
        }

        private mutating func expect(_ byte: UInt8, after what: String) throws(Failure) {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else {
                throw Failure(message: "expected `\(Character(Unicode.Scalar(byte)))` after \(what)", offset: index)
            }
            index += 1
        }

        /// A name: letters, digits and `_-:.+/'` (BibTeX allows most printable characters but not `{}(),="#%`).
        private mutating func identifier() -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte <= 0x20 || byte == 0x7F || "{}(),=\"#%@".utf8.contains(byte) { break }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        private mutating func skipSpace() {
            while index < bytes.count {
                if isSpace(bytes[index]) {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "%") {
                    // A `%` line comment between fields (biber accepts them).
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                } else {
                    return
                }
            }
        }

        private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    }
}
