/// A tolerant tokenizer of HTML: text, start tags with their attributes, end tags, and the rest
/// (comments, doctypes, processing instructions). It never fails: a `<` that starts no tag is text.
/// The contents of `<script>` and `<style>` are one text token, as browsers read them.
public struct HTMLTagScanner {
    /// One attribute: its lowercased name and where its raw value lies (empty when it has none).
    public struct Attribute: Sendable {
        public var name: String
        public var value: Range<Int>
    }

    /// One start tag.
    public struct Tag: Sendable {
        /// The lowercased tag name.
        public var name: String
        public var attributes: [Attribute]
        /// True for a self-closing tag or a void element (`img`, `br`, …): no end tag follows.
        public var isVoid: Bool
        /// The bytes from `<` to `>`.
        public var range: Range<Int>
    }

    public enum Token: Sendable {
        case text(Range<Int>)
        case start(Tag)
        case end(String, Range<Int>)
        case other(Range<Int>)
    }

    public let bytes: [UInt8]
    public private(set) var index = 0
    /// Set after a `<script>` or `<style>` start tag: the next token is its contents, as text.
    private var rawTextEnd: [UInt8]?

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The raw value of the first attribute called `name` (lowercase) of `tag`, as text.
    public func value(_ name: String, of tag: Tag) -> String? {
        tag.attributes.first { $0.name == name }.map { String(decoding: bytes[$0.value], as: UTF8.self) }
    }

    /// The value of the first attribute called `name` (lowercase) of `tag`, character references decoded.
    public func decodedValue(_ name: String, of tag: Tag) -> String? {
        tag.attributes.first { $0.name == name }.map { CharacterReferences.decodeAll(bytes[$0.value]) }
    }

    /// Whether the input after the current position, skipping white space, starts with `prefix`
    /// (lowercase; the input is compared without regard to ASCII case).
    public func nextNonSpaceStarts(with prefix: String) -> Bool {
        var position = index
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        return Self.starts(bytes, at: position, withLowercase: Array(prefix.utf8))
    }

    public mutating func next() -> Token? {
        guard index < bytes.count else { return nil }
        let start = index
        if let closing = rawTextEnd {
            rawTextEnd = nil
            while index < bytes.count, !(bytes[index] == 0x3C && Self.starts(bytes, at: index, withLowercase: closing)) { index += 1 }
            if index > start { return .text(start..<index) }
        }
        if bytes[index] != 0x3C {
            while index < bytes.count, bytes[index] != 0x3C { index += 1 }
            return .text(start..<index)
        }
        guard index + 1 < bytes.count else {
            index += 1
            return .text(start..<index)
        }
        let following = bytes[index + 1]
        if following == 0x21 || following == 0x3F {
            if bytes[index...].starts(with: Self.commentStart) {
                index = Self.find(Self.commentEnd, in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
            } else {
                index = (bytes[index...].firstIndex(of: 0x3E) ?? bytes.count - 1) + 1
            }
            return .other(start..<index)
        }
        if following == 0x2F {
            var position = index + 2
            let nameStart = position
            while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
            guard position > nameStart else {
                index += 1
                return .text(start..<index)
            }
            let name = Self.name(bytes[nameStart..<position])
            index = (bytes[position...].firstIndex(of: 0x3E) ?? bytes.count - 1) + 1
            return .end(name, start..<index)
        }
        guard Self.isLetter(following) else {
            index += 1
            return .text(start..<index)
        }
        var position = index + 1
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        let name = Self.name(bytes[(index + 1)..<position])
        var attributes: [Attribute] = []
        var selfClosing = false
        while position < bytes.count, bytes[position] != 0x3E {
            let byte = bytes[position]
            if byte == 0x2F {
                selfClosing = true
                position += 1
                continue
            }
            if Self.isSpace(byte) {
                position += 1
                continue
            }
            selfClosing = false
            let attributeStart = position
            while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != 0x3D, bytes[position] != 0x3E,
                bytes[position] != 0x2F || position == attributeStart
            { position += 1 }
            let attribute = Self.name(bytes[attributeStart..<position])
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == 0x3D else {
                attributes.append(Attribute(name: attribute, value: position..<position))
                continue
            }
            position += 1
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count else { break }
            let value: Range<Int>
            if bytes[position] == 0x22 || bytes[position] == 0x27 {
                let quote = bytes[position]
                let valueStart = position + 1
                let valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                value = valueStart..<valueEnd
                position = min(bytes.count, valueEnd + 1)
            } else {
                let valueStart = position
                while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
                value = valueStart..<position
            }
            attributes.append(Attribute(name: attribute, value: value))
        }
        index = min(bytes.count, position + 1)
        let isVoid = selfClosing || Self.voidElements.contains(name)
        if !isVoid, name == "script" || name == "style" { rawTextEnd = Array("</\(name)".utf8) }
        return .start(Tag(name: name, attributes: attributes, isVoid: isVoid, range: start..<index))
    }

    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)

    private static func starts(_ bytes: [UInt8], at position: Int, withLowercase prefix: [UInt8]) -> Bool {
        guard position + prefix.count <= bytes.count else { return false }
        for offset in prefix.indices where lower(bytes[position + offset]) != prefix[offset] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            if bytes[position] == needle[0], bytes[position..<(position + needle.count)].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }

    private static func name(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map(lower), as: UTF8.self)
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isNameByte(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x3A }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
}
