/// goldmark's typographer extension (on by default in Hugo), rule for rule: `---` → —, `--` → –,
/// `...` → …, `<<` → «, `>>` → », and quotes and apostrophes decided one at a time from the
/// characters around them (no pairing, only a count of open quotes per block), unlike
/// ``MarkdownOptions/smartPunctuation`` (CommonMark's smart punctuation with paired quotes).
/// Mirrors `extension/typographer.go` of github.com/yuin/goldmark.
extension InlineParser {
    /// Tries the typographer at `pos`; false when the byte stays literal (the caller appends it).
    mutating func handleTypographer(_ c: UInt8) -> Bool {
        var lineEnd = pos
        while lineEnd < end, s[lineEnd] != ASCII.newline { lineEnd += 1 }
        if lineEnd < end { lineEnd += 1 }  // goldmark's line keeps its newline
        let length = lineEnd - pos
        func at(_ i: Int) -> UInt8 { s[pos + i] }
        let dash = UInt8(ascii: "-")
        let dot = UInt8(ascii: ".")
        let lt = UInt8(ascii: "<")
        let gt = UInt8(ascii: ">")
        if length > 2 {
            if c == dash, at(1) == dash, at(2) == dash { return substitute("\u{2014}", 3) }
            if c == dot {
                if at(1) == dot, at(2) == dot { return substitute("\u{2026}", 3) }
                return false
            }
        }
        if length > 1 {
            if c == lt { return at(1) == lt ? substitute("\u{00AB}", 2) : false }
            if c == gt { return at(1) == gt ? substitute("\u{00BB}", 2) : false }
            if c == dash, at(1) == dash { return substitute("\u{2013}", 2) }
        }
        guard c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") else { return false }

        // parser.ScanDelimiter with the run of this quote character.
        let before = runeBefore(pos)
        var j = pos
        while j < lineEnd, s[j] == c { j += 1 }
        let after: Unicode.Scalar = j < lineEnd ? runeAt(j) : " "
        let beforePunct = Self.goPunctOrSymbol(before)
        let beforeSpace = Self.goSpaceRune(before)
        let afterPunct = Self.goPunctOrSymbol(after)
        let afterSpace = Self.goSpaceRune(after)
        let canOpen = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let canClose = !beforeSpace && (!beforePunct || afterSpace || afterPunct)

        if c == UInt8(ascii: "'") {
            // Decades: '90s
            if canOpen, !canClose, length > 3, ASCII.isDigit(at(1)), ASCII.isDigit(at(2)), at(3) == UInt8(ascii: "s") {
                let next: Unicode.Scalar = length > 4 ? runeAt(pos + 4) : " "
                if Self.goSpaceRune(next) || Self.goPunctOrSymbol(next) { return substitute("\u{2019}", 1) }
            }
            // 'twas, 'em, 'net
            if length > 1, Self.goPunct(before) || Self.goSpace(before),
                [UInt8(ascii: "t"), UInt8(ascii: "e"), UInt8(ascii: "n"), UInt8(ascii: "l")].contains(at(1))
            {
                return substitute("\u{2019}", 1)
            }
            // An apostrophe between a letter or digit and a letter.
            if length > 1, before.properties.generalCategory == .decimalNumber || Self.goLetter(before),
                Self.goLetter(runeAt(pos + 1))
            {
                return substitute("\u{2019}", 1)
            }
            if canOpen, !canClose {
                var right = false
                // Alice's, I'm, Don't, You'd
                if length > 1, [UInt8(ascii: "s"), UInt8(ascii: "m"), UInt8(ascii: "t"), UInt8(ascii: "d")].contains(at(1)),
                    length < 3 || ASCII.isPunctuation(at(2)) || Self.byteIsSpace(at(2))
                {
                    right = true
                }
                // I've, I'll, You're
                if length > 2,
                    (at(1) == UInt8(ascii: "v") && at(2) == UInt8(ascii: "e"))
                        || (at(1) == UInt8(ascii: "l") && at(2) == UInt8(ascii: "l"))
                        || (at(1) == UInt8(ascii: "r") && at(2) == UInt8(ascii: "e")),
                    length < 4 || ASCII.isPunctuation(at(3)) || Self.byteIsSpace(at(3))
                {
                    right = true
                }
                if !right { parser.typographerQuotes.single += 1 }
                return substitute(right ? "\u{2019}" : "\u{2018}", 1)
            }
            // Smiths', doin' (goldmark's condition reduces to this, the quote itself being punctuation).
            if length > 2, runeAt(pos + 1).properties.generalCategory != .decimalNumber {
                return substitute("\u{2019}", 1)
            }
            if parser.typographerQuotes.single > 0, isQuoteClose(canOpen: canOpen, canClose: canClose, length: length) {
                parser.typographerQuotes.single -= 1
                return substitute("\u{2019}", 1)
            }
            return false
        }
        if canOpen, !canClose {
            parser.typographerQuotes.double += 1
            return substitute("\u{201C}", 1)
        }
        if parser.typographerQuotes.double > 0, isQuoteClose(canOpen: canOpen, canClose: canClose, length: length) {
            // "Monitor 21""
            if length > 1, at(1) == UInt8(ascii: "\""), before.properties.generalCategory == .decimalNumber { return false }
            parser.typographerQuotes.double -= 1
            return substitute("\u{201D}", 1)
        }
        return false
    }

    private func isQuoteClose(canOpen: Bool, canClose: Bool, length: Int) -> Bool {
        if canClose, !canOpen { return true }
        guard canClose, canOpen, length > 1, Self.goPunct(runeAt(pos + 1)) else { return false }
        return length == 2 || (length > 2 && ASCII.isPunctuation(s[pos + 2])) || Self.byteIsSpace(s[pos + 2])
    }

    private mutating func substitute(_ text: String, _ count: Int) -> Bool {
        appendStoredText(text.utf8, at: pos)
        pos += count
        typographerEnd = pos
        return true
    }

    /// The character before subject index `i` (goldmark's `PrecendingCharacter`): a newline at the start.
    private func runeBefore(_ i: Int) -> Unicode.Scalar {
        guard i > 0 else { return "\n" }
        var k = i - 1
        while k > 0, s[k] & 0xC0 == 0x80 { k -= 1 }
        return runeAt(k)
    }

    /// The character starting at subject index `i` (U+FFFD for a malformed sequence).
    private func runeAt(_ i: Int) -> Unicode.Scalar {
        var iterator = UnsafeBufferPointer(rebasing: s[i..<min(end, i + 4)]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// Go's `unicode.IsPunct`: general category P.
    static func goPunct(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default: false
        }
    }

    /// goldmark's `util.IsPunctRune`: general category P or S.
    static func goPunctOrSymbol(_ r: Unicode.Scalar) -> Bool {
        if goPunct(r) { return true }
        switch r.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }

    /// Go's `unicode.IsSpace`.
    static func goSpace(_ r: Unicode.Scalar) -> Bool {
        switch r.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        default: return r.value > 0xFF && r.properties.generalCategory.isSeparator
        }
    }

    /// goldmark's `util.IsSpaceRune`.
    static func goSpaceRune(_ r: Unicode.Scalar) -> Bool {
        (r.value <= 0xFF && byteIsSpace(UInt8(r.value))) || goSpace(r)
    }

    /// goldmark's `util.IsSpace` for a byte.
    static func byteIsSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }

    /// Go's `unicode.IsLetter`: general category L.
    static func goLetter(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isSeparator: Bool {
        self == .spaceSeparator || self == .lineSeparator || self == .paragraphSeparator
    }
}
