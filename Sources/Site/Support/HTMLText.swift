import Foundation
import TextUtilities

/// Small helpers for producing and reading HTML text.
enum HTMLText {
    /// Escapes `& < > "` (and `'` with `apostrophe`) for text and attribute values, in one pass over the bytes.
    static func escape(_ text: String, apostrophe: Bool = false) -> String {
        (apostrophe ? HTMLEscaper.attribute : HTMLEscaper.text).escape(text)
    }

    /// The text of an HTML fragment: tags removed, common entities decoded, whitespace collapsed.
    /// Scripts and styles are dropped; math reads as its TeX source (its annotation).
    /// Works on UTF-8 bytes in one pass: it runs over every page of the site.
    /// Without `headings`, headings, code blocks and drawings (SVG) are left out: an automatic
    /// summary reads as prose, its first words never run into a title or a column of line numbers.
    /// With `readableMath`, math reads as its symbols (`E = mc2`, operators spaced) instead of its
    /// TeX source: the text search results show.
    static func plainText(_ html: String, headings: Bool = true, readableMath: Bool = false) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var scanner = PlainTextScanner(input: bytes, headings: headings, readableMath: readableMath)
            return scanner.run()
        }
    }

    /// The prose a reader reads, for word counts and reading time: as ``plainText(_:)`` without code
    /// blocks, drawings (SVG, such as charts) or math, and the number of formulas left out (each
    /// reads as about one word).
    static func prose(_ html: String) -> (text: String, formulas: Int) {
        var html = html
        return html.withUTF8 { bytes in
            var scanner = PlainTextScanner(input: bytes, prose: true)
            let text = scanner.run()
            return (text, scanner.formulas)
        }
    }
}

/// The byte-level state machine behind ``HTMLText/plainText(_:)``.
private struct PlainTextScanner {
    let input: UnsafeBufferPointer<UInt8>
    var output: [UInt8] = []
    var pendingSpace = false
    var skipping: ShortName?  // "script", "style" or a hidden table while inside one
    var inMath = false
    var inAnnotation = false
    /// Prose only: code blocks, SVG and math are skipped (``formulas`` counts the math).
    let prose: Bool
    private(set) var formulas = 0

    /// False: headings, code blocks and SVG are skipped.
    let headings: Bool
    /// Math as its symbols rather than its TeX annotation.
    let readableMath: Bool

    init(input: UnsafeBufferPointer<UInt8>, prose: Bool = false, headings: Bool = true, readableMath: Bool = false) {
        self.input = input
        self.prose = prose
        self.headings = headings
        self.readableMath = readableMath
        output.reserveCapacity(input.count / 2)
    }

    /// Tags after which words must not run together.
    private static let breaking: Set<ShortName> = Set(
        [
            "p", "/p", "br", "br/", "li", "/li", "/h1", "/h2", "/h3", "/h4", "/h5",
            "/h6", "td", "th", "/pre", "div", "/div", "math", "/math", "tr", "/tr",
            "blockquote", "/blockquote", "figcaption", "dt", "dd",
        ].map(ShortName.init))
    private static let (pre, svg) = (ShortName("pre"), ShortName("svg"))
    /// Math token ends: readable math puts a space after each (`∑ i y i log p i`).
    private static let mathTokenEnds: Set<ShortName> = Set(["/mi", "/mn", "/mo", "/mtext", "/ms"].map(ShortName.init))
    private static let headingNames: Set<ShortName> = Set(["h1", "h2", "h3", "h4", "h5", "h6"].map(ShortName.init))
    private static let (script, style, table, math, endMath, annotation, endAnnotation) = (
        ShortName("script"), ShortName("style"), ShortName("table"), ShortName("math"), ShortName("/math"),
        ShortName("annotation"), ShortName("/annotation")
    )

    mutating func run() -> String {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "<") {
                index = tag(at: index)
                continue
            }
            if skipping != nil || (inMath && (prose || inAnnotation == readableMath)) {
                index += 1
                continue
            }
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 {
                pendingSpace = !output.isEmpty
                index += 1
                continue
            }
            if inMath, byte == 0xE2, index + 2 < count, Self.isInvisibleOperator([byte, input[index + 1], input[index + 2]]) {
                index += 3
                continue
            }
            if byte == UInt8(ascii: "&"), let (decoded, next) = entity(at: index) {
                if !(inMath && Self.isInvisibleOperator(decoded)) { emit(decoded) }
                index = next
                continue
            }
            if pendingSpace {
                output.append(32)
                pendingSpace = false
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// U+2061–U+2064 (function application, invisible times, separator, plus): no text to read.
    private static func isInvisibleOperator(_ bytes: [UInt8]) -> Bool {
        bytes.count == 3 && bytes[0] == 0xE2 && bytes[1] == 0x81 && (0xA1...0xA4).contains(bytes[2])
    }

    private mutating func emit(_ bytes: [UInt8]) {
        if pendingSpace {
            output.append(32)
            pendingSpace = false
        }
        output.append(contentsOf: bytes)
    }

    /// Reads the tag starting at `start` and returns the index after it.
    private mutating func tag(at start: Int) -> Int {
        var index = start + 1
        var name = ShortName()
        while index < input.count, name.count < 16 {
            let byte = input[index]
            if byte == UInt8(ascii: ">") || byte == 32 || byte == 10 || byte == 9 { break }
            name.append(byte | (byte >= 65 && byte <= 90 ? 0x20 : 0))
            index += 1
        }
        while index < input.count, input[index] != UInt8(ascii: ">") { index += 1 }
        let end = min(index + 1, input.count)
        if let skip = skipping {
            if name == skip.closing { skipping = nil }
            return end
        }
        switch name {
        case Self.script, Self.style: skipping = name
        case Self.pre where prose || !headings, Self.svg where prose || !headings: skipping = name
        case _ where !headings && Self.headingNames.contains(name): skipping = name
        case Self.table where Self.isVisuallyHidden(input[start..<end]):
            skipping = name  // a chart's data table for screen readers is not prose
        case Self.math:
            inMath = true
            formulas += 1
        case Self.endMath:
            inMath = false
            inAnnotation = false
        case Self.annotation: inAnnotation = true
        case Self.endAnnotation: inAnnotation = false
        default: break
        }
        if Self.breaking.contains(name) || (readableMath && inMath && Self.mathTokenEnds.contains(name)), !output.isEmpty {
            pendingSpace = true
        }
        return end
    }

    private static let hiddenClass = Array("visually-hidden".utf8)

    private static func isVisuallyHidden(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard tag.count >= hiddenClass.count else { return false }
        var index = tag.startIndex
        while index + hiddenClass.count <= tag.endIndex {
            if tag[index] == hiddenClass[0], tag[index..<(index + hiddenClass.count)].elementsEqual(hiddenClass) { return true }
            index += 1
        }
        return false
    }

    /// Decodes the character reference at `start`; nil leaves the `&` as text. A named no-break
    /// space (`&nbsp;`) reads as a space; a numeric one (`&#160;`, as footnote back-links write it)
    /// stays U+00A0.
    private func entity(at start: Int) -> ([UInt8], Int)? {
        guard let (decoded, next) = CharacterReferences.decode(input, at: start, end: input.count) else { return nil }
        let named = input[start + 1] != UInt8(ascii: "#")
        return (named && decoded == Self.noBreakSpace ? [32] : decoded, next)
    }

    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]
}

/// Up to 16 bytes of a tag or entity name, packed in two integers: compared and hashed
/// without allocating (the scanner meets every tag of every page).
private struct ShortName: Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private(set) var count = 0

    init() {}

    init(_ text: String) {
        for byte in text.utf8 { append(byte) }
    }

    /// Adds a byte; bytes past the sixteenth are dropped (the count still tells them apart).
    mutating func append(_ byte: UInt8) {
        if count < 8 {
            low |= UInt64(byte) << (8 * UInt64(count))
        } else if count < 16 {
            high |= UInt64(byte) << (8 * UInt64(count - 8))
        }
        count += 1
    }

    /// The closing tag's name: `/` and this name.
    var closing: ShortName {
        var name = ShortName()
        name.append(UInt8(ascii: "/"))
        for position in 0..<min(count, 15) {
            let word = position < 8 ? low : high
            name.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(position % 8))))
        }
        return name
    }
}
