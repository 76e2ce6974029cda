/// A run of `*`, `_`, `~` or a quote that may open or close emphasis.
struct Delimiter {
    var node: Int32
    var char: UInt8
    var count: Int
    var originalCount: Int
    var canOpen: Bool
    var canClose: Bool
    var previous: Int
    var next: Int
}

/// An unmatched `[` or `![`.
struct Bracket {
    var node: Int32
    /// Subject index just after the bracket.
    var position: Int
    var isImage: Bool
    var active = true
    var bracketAfter = false
    /// The top of the delimiter stack when the bracket was pushed.
    var delimiterBottom: Int
}

/// The second pass: parses the inline content of one paragraph, heading or table cell after
/// another. One parser serves the whole pass (`begin` starts each subject), so its stacks and its
/// reference to the parser are set up once, not once per paragraph.
struct InlineParser {
    let parser: Parser
    /// The subject.
    var s = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Storage offset of `s[0]`.
    var base: Int32 = 0
    var end = 0
    var container: Int32 = 0
    var pos = 0
    var delimiters: [Delimiter] = []
    var lastDelimiter = -1
    var brackets: [Bracket] = []
    /// The start of the last run of each length of backticks seen (lengths 1–8 without hashing).
    var shortBacktickRuns = SIMD8<Int32>(repeating: -1)
    var longBacktickRuns: [Int: Int] = [:]
    var scannedAllBackticks = false
    /// Subject indexes after which no terminator of each raw HTML construct exists.
    var noCommentEnd = Int.max, noProcessingEnd = Int.max, noDeclarationEnd = Int.max, noCDataEnd = Int.max
    /// Memos for math closers (site mode).
    var noDollarCloserAfter = Int.max, noDoubleDollarAfter = Int.max
    var noInlineCloserAfter = Int.max, noDisplayCloserAfter = Int.max
    var nextDollarCloser: Int?
    var dollarQueryStart = 0
    /// The last domain scan of the extended autolinks (see `domainLength`).
    var domainScan = DomainScan(start: 0, stop: 0)
    /// Where the typographer's last substitution ended: goldmark's linkify may start a link there.
    var typographerEnd = -1
    /// The table of `SpecialBytes`, alive for the whole inline pass.
    let special: UnsafePointer<UInt8>
    /// The table of byte pairs of `SpecialBytes` for large inputs (nil for small ones).
    let pairs: UnsafePointer<UInt8>?
    /// The line-map entries of the subject (see `Parser.lineEntries(for:)`), and the entry itself
    /// when there is only one (most subjects are one line: a position is then a subtraction).
    var lineEntries = 0..<0
    var onlyLineEntry: LineEntry?

    init(parser: Parser, special: SpecialBytes) {
        self.parser = parser
        self.special = UnsafePointer(special.table)
        self.pairs = special.pairs.map { UnsafePointer($0) }
    }

    /// Starts on a new subject: every property above but the parser and the table is set as for a
    /// new parser (the stacks keep their memory).
    mutating func begin(subject: UnsafeBufferPointer<UInt8>, base: Int32, container: Int32) {
        s = subject
        self.base = base
        end = subject.count
        self.container = container
        pos = 0
        if !delimiters.isEmpty { delimiters.removeAll(keepingCapacity: true) }
        lastDelimiter = -1
        if !brackets.isEmpty { brackets.removeAll(keepingCapacity: true) }
        shortBacktickRuns = SIMD8<Int32>(repeating: -1)
        if !longBacktickRuns.isEmpty { longBacktickRuns.removeAll() }
        scannedAllBackticks = false
        noCommentEnd = .max
        noProcessingEnd = .max
        noDeclarationEnd = .max
        noCDataEnd = .max
        noDollarCloserAfter = .max
        noDoubleDollarAfter = .max
        noInlineCloserAfter = .max
        noDisplayCloserAfter = .max
        nextDollarCloser = nil
        dollarQueryStart = 0
        domainScan = DomainScan(start: 0, stop: 0)
        typographerEnd = -1
        lineEntries = parser.lineEntries(for: TextSpan(start: base, count: Int32(subject.count)))
        onlyLineEntry = lineEntries.count == 1 ? parser.lineEntry(lineEntries.lowerBound, forTextOffset: base) : nil
    }

    // MARK: - Nodes

    /// The source position of subject index `i` (inlined: a call copied the whole parser first).
    @inline(__always)
    func position(_ i: Int) -> (Int32, Int32) {
        let offset = base + Int32(i)
        if let entry = onlyLineEntry {
            if entry.offset <= offset { return (entry.line, entry.column + (offset - entry.offset)) }
        } else if let p = parser.position(ofTextOffset: offset, in: lineEntries) {
            return p
        }
        let c = parser.nodes[Int(container)]
        return (c.line, c.column)
    }

    mutating func append(_ kind: NodeKind, at i: Int) -> Int32 {
        let (line, column) = position(i)
        let node = parser.makeNode(kind, line: line, column: column)
        parser.appendChild(container, node)
        return node
    }

    /// Appends literal text taken straight from the subject, merging with a preceding text node.
    /// `plain`: the text is known to hold no byte that HTML escaping replaces (the renderer then
    /// copies it as it is).
    mutating func appendText(_ start: Int, _ stop: Int, plain: Bool = false) {
        guard stop > start else { return }
        let span = TextSpan(start: base + Int32(start), count: Int32(stop - start))
        let last = parser.nodes[Int(container)].lastChild
        if last >= 0, parser.nodes[Int(last)].kind == .text, parser.nodes[Int(last)].text.end == Int(span.start),
            lastDelimiter < 0 || delimiters[lastDelimiter].node != last, brackets.last?.node != last
        {
            parser.nodes[Int(last)].text.count += span.count
            if !plain { parser.nodes[Int(last)].flags &= ~NodeFlags.plainText }
            return
        }
        let node = append(.text, at: start)
        parser.nodes[Int(node)].text = span
        if plain { parser.nodes[Int(node)].flags |= NodeFlags.plainText }
    }

    /// Appends a text node with new bytes.
    @discardableResult
    mutating func appendStoredText(_ bytes: some Sequence<UInt8>, at i: Int) -> Int32 {
        let node = append(.text, at: i)
        parser.nodes[Int(node)].text = parser.store(bytes)
        return node
    }

    // MARK: - Driver

    mutating func parse() {
        while pos < end {
            let c = s[pos]
            if special[Int(c)] & SpecialBytes.special == 0 || isPlainHere(c, pos) {
                let start = pos
                // The table entries of the run's bytes, or-ed: whether it needs escaping.
                var seen = special[Int(c)]
                pos += 1
                scan: while pos < end {
                    if let bytes = s.baseAddress {
                        pos =
                            if let pairs {
                                Self.skipPlainBytes(bytes, from: pos, to: end, pairs: pairs, seen: &seen)
                            } else {
                                Self.skipPlainBytes(bytes, from: pos, to: end, special, seen: &seen)
                            }
                    }
                    let limit = min(pos + 4, end)
                    while pos < limit {
                        let d = s[pos]
                        let entry = special[Int(d)]
                        if entry & SpecialBytes.special != 0, !isPlainHere(d, pos) { break scan }
                        seen |= entry
                        pos += 1
                    }
                }
                var stop = pos
                if pos < end, s[pos] == ASCII.newline {
                    while stop > start, ASCII.isSpaceOrTab(s[stop - 1]) { stop -= 1 }
                }
                appendText(start, stop, plain: seen & SpecialBytes.escaped == 0)
                continue
            }
            parseSpecial(c)
        }
        processEmphasis(bottom: -1)
    }

    /// The same with the table of byte pairs: sixteen, eight, then four bytes per step, two bytes
    /// per look-up.
    @inline(__always)
    static func skipPlainBytes(
        _ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, pairs: UnsafePointer<UInt8>, seen: inout UInt8
    ) -> Int {
        let raw = UnsafeRawPointer(bytes)
        @inline(__always) func pair(_ offset: Int) -> UInt8 {
            pairs[Int(raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))]
        }
        var p = start
        var entries = seen
        while p &+ 16 <= end {
            let step =
                pair(p) | pair(p &+ 2) | pair(p &+ 4) | pair(p &+ 6) | pair(p &+ 8) | pair(p &+ 10) | pair(p &+ 12)
                | pair(p &+ 14)
            if step & SpecialBytes.special != 0 { break }
            entries |= step
            p &+= 16
        }
        if p &+ 8 <= end {
            let step = pair(p) | pair(p &+ 2) | pair(p &+ 4) | pair(p &+ 6)
            if step & SpecialBytes.special == 0 {
                entries |= step
                p &+= 8
            }
        }
        if p &+ 4 <= end {
            let step = pair(p) | pair(p &+ 2)
            if step & SpecialBytes.special == 0 {
                entries |= step
                p &+= 4
            }
        }
        seen = entries
        return p
    }

    /// The first index from `start` at which one of the next four bytes is special (or near `end`):
    /// eight, then four bytes per step, each a table look-up, with the index in a register. The
    /// entries of the bytes skipped are or-ed into `seen`.
    @inline(__always)
    static func skipPlainBytes(
        _ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int,
        _ table: UnsafePointer<UInt8>, seen: inout UInt8
    ) -> Int {
        var p = start
        var entries = seen
        while p &+ 8 <= end {
            let q = bytes + p
            let step =
                table[Int(q[0])] | table[Int(q[1])] | table[Int(q[2])] | table[Int(q[3])]
                | table[Int(q[4])] | table[Int(q[5])] | table[Int(q[6])] | table[Int(q[7])]
            if step & SpecialBytes.special != 0 { break }
            entries |= step
            p &+= 8
        }
        while p &+ 4 <= end {
            let q = bytes + p
            let step = table[Int(q[0])] | table[Int(q[1])] | table[Int(q[2])] | table[Int(q[3])]
            if step & SpecialBytes.special != 0 { break }
            entries |= step
            p &+= 4
        }
        seen = entries
        return p
    }

    /// Whether a special byte at `i` is sure to be plain text, so the run of text goes on: a `w`
    /// inside a word or not followed by `ww.` (in any case) cannot start a `www.` link, a `:` not
    /// followed by `//` cannot end a scheme (unless it may open an emoji).
    @inline(__always)
    func isPlainHere(_ c: UInt8, _ i: Int) -> Bool {
        if c == UInt8(ascii: "w") || c == UInt8(ascii: "W") {
            if i > 0, ASCII.isAlphanumeric(s[i - 1]) { return true }
            let www =
                i + 3 < end && s[i + 1] | 0x20 == UInt8(ascii: "w") && s[i + 2] | 0x20 == UInt8(ascii: "w")
                && s[i + 3] == UInt8(ascii: ".")
            return !www
        }
        if c == UInt8(ascii: ":") {
            return !parser.options.emoji && !(i + 2 < end && s[i + 1] == UInt8(ascii: "/") && s[i + 2] == UInt8(ascii: "/"))
        }
        return false
    }

    mutating func parseSpecial(_ c: UInt8) {
        switch c {
        case ASCII.newline: handleNewline()
        case UInt8(ascii: "\\"): handleBackslash()
        case UInt8(ascii: "`"): handleBackticks()
        case UInt8(ascii: "*"), UInt8(ascii: "_"): handleDelimiter(c)
        case UInt8(ascii: "~"):
            if parser.options.strikethrough { handleDelimiter(c) } else { literalByte() }
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            if parser.options.typographer {
                if !handleTypographer(c) { literalByte() }
            } else if parser.options.smartPunctuation {
                handleDelimiter(c)
            } else {
                literalByte()
            }
        case UInt8(ascii: "."), UInt8(ascii: "-"):
            if parser.options.typographer {
                if !handleTypographer(c) { literalByte() }
            } else if parser.options.smartPunctuation {
                handleSmartDashOrDots(c)
            } else {
                literalByte()
            }
        case UInt8(ascii: ":") where parser.options.emoji:
            if !handleEmoji(), !parseExtendedAutolink(c) { literalByte() }
        case UInt8(ascii: ">"):
            if !parser.options.typographer || !handleTypographer(c) { literalByte() }
        case UInt8(ascii: "["):
            let node = appendStoredText(CollectionOfOne(c), at: pos)
            pushBracket(node: node, position: pos + 1, isImage: false)
            pos += 1
        case UInt8(ascii: "!"):
            if pos + 1 < end, s[pos + 1] == UInt8(ascii: "[") {
                let node = appendStoredText([c, UInt8(ascii: "[")], at: pos)
                pushBracket(node: node, position: pos + 2, isImage: true)
                pos += 2
            } else {
                literalByte()
            }
        case UInt8(ascii: "]"): handleCloseBracket()
        case UInt8(ascii: "<"): handleLessThan()
        case UInt8(ascii: "&"): handleEntity()
        case UInt8(ascii: "$"):
            if !parseDollarMath() { literalByte() }
        default:
            if !parseExtendedAutolink(c) { literalByte() }
        }
    }

    mutating func literalByte() {
        appendText(pos, pos + 1, plain: special[Int(s[pos])] & SpecialBytes.escaped == 0)
        pos += 1
    }

    // MARK: - Line breaks, escapes, entities

    mutating func handleNewline() {
        let hard = pos >= 2 && s[pos - 1] == 0x20 && s[pos - 2] == 0x20
        _ = append(hard ? .lineBreak : .softBreak, at: pos)
        pos += 1
        while pos < end, ASCII.isSpaceOrTab(s[pos]) { pos += 1 }
    }

    mutating func handleBackslash() {
        let next: UInt8 = pos + 1 < end ? s[pos + 1] : 0
        if parser.options.math, next == UInt8(ascii: "(") || next == UInt8(ascii: "["), parseBracketMath() { return }
        if ASCII.isPunctuation(next) {
            appendText(pos + 1, pos + 2)
            pos += 2
        } else if next == ASCII.newline, parser.options.goldmarkBackslashBreaks, pos > 0, s[pos - 1] == UInt8(ascii: "\\") {
            literalByte()
        } else if next == ASCII.newline {
            _ = append(.lineBreak, at: pos)
            pos += 2
            while pos < end, ASCII.isSpaceOrTab(s[pos]) { pos += 1 }
        } else {
            literalByte()
        }
    }

    mutating func handleEntity() {
        if let (bytes, next) = decodeEntity(s, pos, end) {
            appendStoredText(bytes, at: pos)
            pos = next
        } else {
            literalByte()
        }
    }

    // MARK: - Code spans

    mutating func handleBackticks() {
        let start = pos
        while pos < end, s[pos] == UInt8(ascii: "`") { pos += 1 }
        let length = pos - start
        guard let closer = findBacktickCloser(length: length, from: pos) else {
            appendText(start, pos)
            return
        }
        let node = append(.code, at: start)
        // Line endings become spaces; one space comes off each end unless the content is all spaces.
        var a = pos
        var b = closer
        var allSpace = true
        var newline = false
        for k in a..<b {
            let c = s[k]
            if c == ASCII.newline { newline = true } else if c != 0x20 { allSpace = false }
        }
        let isSpace = { (c: UInt8) in c == 0x20 || c == ASCII.newline }
        if !allSpace, b - a >= 2, isSpace(s[a]), isSpace(s[b - 1]) {
            a += 1
            b -= 1
        }
        if newline {
            let stored = parser.storageEnd
            for k in a..<b { parser.storage.append(s[k] == ASCII.newline ? 0x20 : s[k]) }
            parser.nodes[Int(node)].text = parser.spanSince(stored)
        } else {
            // The content as written: point at it.
            parser.nodes[Int(node)].text = TextSpan(start: base + Int32(a), count: Int32(b - a))
        }
        pos = closer + length
    }

    /// The start of the next run of exactly `length` backticks at or after `from`.
    mutating func findBacktickCloser(length: Int, from: Int) -> Int? {
        if scannedAllBackticks, lastBacktickRun(length: length) < from { return nil }
        var i = from
        while i < end {
            if s[i] == UInt8(ascii: "`") {
                let runStart = i
                while i < end, s[i] == UInt8(ascii: "`") { i += 1 }
                let runLength = i - runStart
                if runLength <= 8 {
                    shortBacktickRuns[runLength - 1] = Int32(runStart)
                } else {
                    longBacktickRuns[runLength] = runStart
                }
                if runLength == length { return runStart }
            } else {
                i += 1
            }
        }
        scannedAllBackticks = true
        return nil
    }

    /// Where the last run of `length` backticks seen so far starts (-1: none).
    func lastBacktickRun(length: Int) -> Int {
        length <= 8 ? Int(shortBacktickRuns[length - 1]) : longBacktickRuns[length] ?? -1
    }

    // MARK: - Autolinks and raw HTML

    mutating func handleLessThan() {
        if let next = scanAutolink() {
            pos = next
            return
        }
        if let next = scanInlineHTML() {
            let node = append(.inlineHTML, at: pos)
            parser.nodes[Int(node)].text = TextSpan(start: base + Int32(pos), count: Int32(next - pos))
            pos = next
            return
        }
        if parser.options.typographer, handleTypographer(UInt8(ascii: "<")) { return }
        literalByte()
    }

    /// `<scheme:…>` or `<user@example.com>`.
    mutating func scanAutolink() -> Int? {
        var j = pos + 1
        let schemeStart = j
        while j < end,
            ASCII.isAlphanumeric(s[j]) || s[j] == UInt8(ascii: "+") || s[j] == UInt8(ascii: ".")
                || s[j] == UInt8(ascii: "-")
        { j += 1 }
        let schemeLength = j - schemeStart
        if schemeLength >= 2, schemeLength <= 32, ASCII.isLetter(s[schemeStart]), j < end, s[j] == UInt8(ascii: ":") {
            j += 1
            while j < end, s[j] > 0x20, s[j] != UInt8(ascii: "<"), s[j] != UInt8(ascii: ">") { j += 1 }
            if j < end, s[j] == UInt8(ascii: ">") {
                makeAutolink(contentStart: schemeStart, contentEnd: j, email: false)
                return j + 1
            }
            return nil
        }
        // E-mail address.
        j = pos + 1
        while j < end, isEmailLocalByte(s[j]) { j += 1 }
        guard j > pos + 1, j < end, s[j] == UInt8(ascii: "@") else { return nil }
        j += 1
        var labelLength = 0
        var labels = 0
        while j < end {
            let c = s[j]
            if ASCII.isAlphanumeric(c) || (c == UInt8(ascii: "-") && labelLength > 0) {
                labelLength += 1
                if labelLength > 63 { return nil }
                j += 1
            } else if c == UInt8(ascii: "."), labelLength > 0, s[j - 1] != UInt8(ascii: "-") {
                labels += 1
                labelLength = 0
                j += 1
            } else {
                break
            }
        }
        guard labelLength > 0, s[j - 1] != UInt8(ascii: "-"), j < end, s[j] == UInt8(ascii: ">") else { return nil }
        makeAutolink(contentStart: pos + 1, contentEnd: j, email: true)
        return j + 1
    }

    func isEmailLocalByte(_ c: UInt8) -> Bool {
        if ASCII.isAlphanumeric(c) { return true }
        switch c {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
            UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"),
            UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
            UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    mutating func makeAutolink(contentStart: Int, contentEnd: Int, email: Bool) {
        let link = append(.link, at: pos)
        parser.nodes[Int(link)].flags |= NodeFlags.autolink | NodeFlags.angleAutolink
        let raw = UnsafeBufferPointer(rebasing: s[contentStart..<contentEnd])
        let decoded = parser.storeEntitiesOnly(raw)
        if email {
            let start = parser.storageEnd
            parser.storage.append(contentsOf: "mailto:".utf8)
            parser.storage.append(contentsOf: parser.bytes(decoded))
            parser.nodes[Int(link)].text = parser.spanSince(start)
        } else {
            parser.nodes[Int(link)].text = decoded
        }
        let (line, column) = position(contentStart)
        let text = parser.makeNode(.text, line: line, column: column)
        parser.nodes[Int(text)].text = decoded
        parser.appendChild(link, text)
    }

    mutating func scanInlineHTML() -> Int? {
        guard pos + 1 < end else { return nil }
        let c = s[pos + 1]
        if ASCII.isLetter(c) { return scanOpenTag(s, pos, end) }
        if c == UInt8(ascii: "/") { return scanClosingTag(s, pos, end) }
        if c == UInt8(ascii: "?") {
            guard pos < noProcessingEnd else { return nil }
            if let k = find(s, pos + 2, end, "?>") { return k + 2 }
            noProcessingEnd = pos
            return nil
        }
        guard c == UInt8(ascii: "!"), pos + 2 < end else { return nil }
        if hasPrefix(s, pos, end, caseInsensitive: "<!--") {
            if hasPrefix(s, pos, end, caseInsensitive: "<!-->") { return pos + 5 }
            if hasPrefix(s, pos, end, caseInsensitive: "<!--->") { return pos + 6 }
            guard pos < noCommentEnd else { return nil }
            if let k = find(s, pos + 4, end, "-->") { return k + 3 }
            noCommentEnd = pos
            return nil
        }
        if hasPrefix(s, pos, end, caseInsensitive: "<![cdata["), s[pos + 3] == UInt8(ascii: "C") {
            guard pos < noCDataEnd else { return nil }
            if let k = find(s, pos + 9, end, "]]>") { return k + 3 }
            noCDataEnd = pos
            return nil
        }
        if ASCII.isLetter(s[pos + 2]) {
            guard pos < noDeclarationEnd else { return nil }
            if let k = find(s, pos + 3, end, ">") { return k + 1 }
            noDeclarationEnd = pos
            return nil
        }
        return nil
    }
}

/// The bytes that interrupt a run of plain text for a given set of options, and those HTML
/// escaping replaces: a 256-entry table read through a pointer (no bounds checks in the scan of
/// every byte of text).
final class SpecialBytes {
    /// The bit of an entry set for a byte that interrupts a run of text.
    static let special: UInt8 = 1
    /// The bit set for a byte that HTML escaping replaces (`&`, `<`, `>`, `"`): a run of text with
    /// none is copied by the renderer as it is.
    static let escaped: UInt8 = 2

    /// The entries: bytes, so eight look-ups can be or-ed together.
    let table: UnsafeMutablePointer<UInt8>
    /// For large inputs, the entries of byte pairs: `pairs[a | b << 8]` is `table[a] | table[b]`
    /// (the same for either byte order), so the scan of a run of text makes half the look-ups.
    let pairs: UnsafeMutablePointer<UInt8>?

    /// The input size from which the pair table (64 KB, made in about 20,000 instructions) pays.
    static let pairTableThreshold = 1 << 17

    init(options: MarkdownOptions, pairs withPairs: Bool = false) {
        table = .allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for c in "\n\\`*_[]!<&".utf8 { table[Int(c)] = Self.special }
        if options.strikethrough { table[Int(UInt8(ascii: "~"))] = Self.special }
        if options.smartPunctuation { for c in "'\".-".utf8 { table[Int(c)] = Self.special } }
        if options.typographer { for c in "'\".->".utf8 { table[Int(c)] = Self.special } }
        if options.emoji { table[Int(UInt8(ascii: ":"))] = Self.special }
        if options.math { table[Int(UInt8(ascii: "$"))] = Self.special }
        if options.autolinks { for c in ":@wW".utf8 { table[Int(c)] = Self.special } }
        for c in "&<>\"".utf8 { table[Int(c)] |= Self.escaped }
        pairs = withPairs ? Self.makePairs(table) : nil
    }

    private static func makePairs(_ table: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let pairs = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
        for a in 0..<256 {
            let row = pairs + (a << 8)
            let entry = table[a]
            if entry == 0 {
                row.initialize(from: table, count: 256)
            } else {
                for b in 0..<256 { (row + b).initialize(to: table[b] | entry) }
            }
        }
        return pairs
    }

    deinit {
        table.deallocate()
        pairs?.deallocate()
    }
}

extension Parser {
    /// Stores `bytes` with entity references resolved (backslashes stay).
    func storeEntitiesOnly(_ s: UnsafeBufferPointer<UInt8>) -> TextSpan {
        let start = storageEnd
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "&"), let (decoded, next) = decodeEntity(s, i, s.count) {
                storage.append(contentsOf: decoded)
                i = next
            } else {
                storage.append(s[i])
                i += 1
            }
        }
        return spanSince(start)
    }

    /// Parses the inlines of every paragraph, heading and table cell.
    func parseInlines() {
        let special = SpecialBytes(options: options, pairs: source.count >= SpecialBytes.pairTableThreshold)
        var inline = InlineParser(parser: self, special: special)
        // Subjects in the storage are parsed from a copy (the storage grows meanwhile).
        var copy = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        var copyCapacity = 256
        let blockCount = nodes.count
        source.withUnsafeBufferPointer { source in
            for i in 0..<blockCount {
                let kind = nodes[i].kind
                guard kind == .paragraph || kind == .heading || kind == .tableCell || kind == .definitionTerm else { continue }
                guard nodes[i].parent >= 0 else { continue }
                var span = nodes[i].text
                // Trim trailing whitespace; headings also lose leading whitespace.
                while span.count > 0, ASCII.isWhitespace(byte(at: span.end - 1)) { span.count -= 1 }
                while span.count > 0, ASCII.isSpaceOrTab(byte(at: Int(span.start))) {
                    span.start += 1
                    span.count -= 1
                }
                if options.taskLists, kind == .paragraph { span = takeTaskMarker(paragraph: Int32(i), span) }
                guard span.count > 0 else { continue }
                let subject: UnsafeBufferPointer<UInt8>
                if span.start < sourceCount {
                    // The source never changes: parse it where it is.
                    subject = UnsafeBufferPointer(rebasing: source[Int(span.start)..<span.end])
                } else {
                    let count = Int(span.count)
                    if count > copyCapacity {
                        copy.deallocate()
                        copyCapacity = max(count, copyCapacity * 2)
                        copy = .allocate(capacity: copyCapacity)
                    }
                    storage.withUnsafeBufferPointer {
                        copy.initialize(from: $0.baseAddress! + Int(span.start - sourceCount), count: count)
                    }
                    subject = UnsafeBufferPointer(start: copy, count: count)
                }
                inline.begin(subject: subject, base: span.start, container: Int32(i))
                inline.parse()
            }
        }
        copy.deallocate()
        withExtendedLifetime(special) {}
    }
}
