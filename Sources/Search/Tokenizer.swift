/// Splits text into index terms.
///
/// A word is a run of letters, marks, digits and `_`; apostrophes inside words are dropped
/// ("don't" → "dont"). Runs of CJK characters (Han, kana, Hangul) become overlapping bigrams,
/// since those scripts do not separate words with spaces. Words are folded (``TextFolding``),
/// stemmed (``EnglishStemmer``), and code identifiers also yield their parts
/// (`parseHTTPHeader` → `parse`, `http`, `header`; `hash_map` → `hash`, `map`).
/// search.js tokenises queries by the same rules, without the identifier parts.
enum Tokenizer {
    /// Words longer than this (hashes, base64, URLs without separators) are not indexed.
    static let maximumWordLength = 40

    /// Calls `body` with every index term of `text`, in order.
    static func forEachTerm(in text: String, _ body: (String) -> Void) {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        forEachWordBytes(in: text) { bytes, isCJK, isASCII in
            if isASCII {
                // Most words: folded, checked and stemmed as bytes, made a String once.
                guard let term = asciiTerm(bytes, scratch: &scratch) else { return }
                body(term)
                guard mayHaveParts(bytes) else { return }
                emitParts(of: String(decoding: bytes, as: UTF8.self), besides: term, body)
                return
            }
            let word = String(decoding: bytes, as: UTF8.self)
            if isCJK {
                let folded = Array(TextFolding.fold(word).unicodeScalars)
                if folded.count == 1 { body(String(folded[0])) }
                for i in folded.indices.dropLast() {
                    var pair = String.UnicodeScalarView()
                    pair.append(folded[i])
                    pair.append(folded[i + 1])
                    body(String(pair))
                }
                return
            }
            guard let term = term(for: word) else { return }
            body(term)
            guard mayHaveParts(word.utf8) else { return }
            emitParts(of: word, besides: term, body)
        }
    }

    /// The terms of a code identifier's parts, when it has more than one, other than `term`.
    private static func emitParts(of word: String, besides term: String, _ body: (String) -> Void) {
        let parts = identifierParts(word)
        guard parts.count > 1 else { return }
        for part in parts { if let p = self.term(for: part), p != term { body(p) } }
    }

    /// ``term(for:)`` for a word of ASCII bytes, without the Strings in between.
    private static func asciiTerm(_ word: [UInt8], scratch folded: inout [UInt8]) -> String? {
        guard word.count <= maximumWordLength else { return nil }
        folded.removeAll(keepingCapacity: true)
        for byte in word { folded.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
        if folded.count <= StopWords.longest, StopWords.english.contains(String(decoding: folded, as: UTF8.self)) { return nil }
        EnglishStemmer.stem(&folded)
        return String(decoding: folded, as: UTF8.self)
    }

    /// All index terms of `text`.
    static func terms(in text: String) -> [String] {
        var result: [String] = []
        forEachTerm(in: text) { result.append($0) }
        return result
    }

    /// The folded, stemmed term for one word, or nil for stop words and overlong words.
    static func term(for word: String) -> String? {
        let folded = TextFolding.fold(word)
        guard folded.utf8.count <= maximumWordLength || folded.unicodeScalars.count <= maximumWordLength,
            !StopWords.english.contains(folded)
        else { return nil }
        return EnglishStemmer.stem(folded)
    }

    /// Calls `body` with each raw word and whether it is a CJK run.
    static func forEachWord(in text: String, _ body: (String, Bool) -> Void) {
        forEachWordBytes(in: text) { bytes, isCJK, _ in body(String(decoding: bytes, as: UTF8.self), isCJK) }
    }

    /// Calls `body` with the UTF-8 of each raw word, whether it is a CJK run and whether it is all ASCII.
    private static func forEachWordBytes(in text: String, _ body: ([UInt8], Bool, Bool) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var wordIsCJK = false
        var wordIsASCII = true
        func flush() {
            if !word.isEmpty { body(word, wordIsCJK, wordIsASCII) }
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
        }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if isWordScalar(scalar) {
                    if wordIsCJK { flush() }
                    wordIsCJK = false
                    word.append(UInt8(scalar.value))
                } else if scalar != "'" {
                    flush()
                }
                continue
            }
            if scalar == "\u{2019}" { continue }
            let cjk = isCJK(scalar)
            if cjk || isWordScalar(scalar) {
                if cjk != wordIsCJK { flush() }
                wordIsCJK = cjk
                wordIsASCII = false
                UTF8.encode(scalar) { word.append($0) }
            } else {
                flush()
            }
        }
        flush()
    }

    /// A quick test that rules out most words: no `_` and no capital letter after the first.
    static func mayHaveParts<Bytes: Collection<UInt8>>(_ word: Bytes) -> Bool {
        word.dropFirst().contains { $0 == 0x5F || $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }
    }

    /// Splits a code identifier at `_` and at case humps: `parseHTTPHeader` → parse, HTTP, Header.
    static func identifierParts(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar == "_" {
                if !current.isEmpty { parts.append(String(current)) }
                current = String.UnicodeScalarView()
                continue
            }
            if let last = current.last, isUppercase(scalar) {
                let nextIsLower = i + 1 < scalars.count && isLowercase(scalars[i + 1])
                if isLowercase(last) || isUppercase(last) && nextIsLower {
                    parts.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            current.append(scalar)
        }
        if !current.isEmpty { parts.append(String(current)) }
        return parts
    }

    /// Unicode's upper and lower case, answered without a property look-up for ASCII.
    private static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s.value >= 0x41 && s.value <= 0x5A : s.properties.isUppercase
    }

    private static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s.value >= 0x61 && s.value <= 0x7A : s.properties.isLowercase
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return v >= 0x30 && v <= 0x39 || v >= 0x41 && v <= 0x5A || v >= 0x61 && v <= 0x7A || v == 0x5F
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Han, kana and Hangul, including half-width katakana and the CJK extension planes.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x11FF, 0x3040...0x30FF, 0x3130...0x318F, 0x31F0...0x31FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
