/// Word counts, reading time and automatic summaries from a page's plain text.
enum TextMetrics {
    /// Words of space-separated scripts, plus one per CJK character (which has no spaces).
    static func wordCount(_ text: String) -> Int { counts(text).words }

    /// Minutes to read: 213 words a minute for alphabetic text, 500 characters a minute for CJK (as Hugo).
    static func readingMinutes(_ text: String) -> Int { readingMinutes(counts(text)) }

    /// Reading minutes from ``counts(_:)``.
    static func readingMinutes(_ counts: (words: Int, cjk: Int)) -> Int {
        let minutes = (Double(counts.words - counts.cjk) / 213 + Double(counts.cjk) / 500).rounded(.up)
        return max(1, Int(minutes))
    }

    /// Words (CJK characters counted one each) and CJK characters, in one pass over the scalars.
    static func counts(_ text: String) -> (words: Int, cjk: Int) {
        var words = 0
        var cjk = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                words += 1
                cjk += 1
                inWord = false
            } else if isWhitespace(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return (words, cjk)
    }

    /// Unicode's White_Space characters, without a property look-up per scalar.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 9...13, 32, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The first `length` words, ended at a sentence end near there when there is one.
    /// Returns the summary and whether text was cut off.
    static func summary(_ text: String, length: Int) -> (text: String, truncated: Bool) {
        var words: [Substring] = []
        var count = 0
        var index = text.startIndex
        var sentenceEnd: Int?
        while index < text.endIndex, count < Int(Double(length) * 1.3) {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            let start = index
            while index < text.endIndex, !text[index].isWhitespace, !(text[index].unicodeScalars.first.map(isCJK) ?? false) {
                index = text.index(after: index)
            }
            if start == index, index < text.endIndex { index = text.index(after: index) }
            guard start < index else { break }
            let word = text[start..<index]
            words.append(word)
            count += 1
            if let last = word.last, ".!?。！？".contains(last), count >= length * 2 / 3 {
                sentenceEnd = count
                if count >= length { break }
            }
        }
        let truncatedAt: Int
        if let end = sentenceEnd, end <= Int(Double(length) * 1.3) { truncatedAt = end } else { truncatedAt = min(length, words.count) }
        let chosen = words.prefix(truncatedAt)
        let truncated = !text[(chosen.last?.endIndex ?? text.startIndex)...].isBlank
        let joined = chosen.reduce(into: "") { result, word in
            let cjk = word.unicodeScalars.first.map(isCJK) ?? false
            if !result.isEmpty, !cjk, !(result.unicodeScalars.last.map(isCJK) ?? false) { result += " " }
            result += word
        }
        if truncated, let last = joined.last, !".!?。！？".contains(last) { return (joined + "…", true) }
        return (joined, truncated)
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0xAC00...0xD7AF:
            true
        default:
            false
        }
    }
}

import Foundation
