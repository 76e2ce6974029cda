/// A light English stemmer: plurals, `-ed`, `-ing` and a final `e`, so that "caching",
/// "cached", "caches" and "cache" share one term. It only touches words of ASCII letters and
/// never shortens a word below three letters. search.js carries the same rules.
enum EnglishStemmer {
    static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        stem(&w)
        return String(decoding: w, as: UTF8.self)
    }

    /// Stems the UTF-8 bytes of a word in place.
    static func stem(_ w: inout [UInt8]) {
        guard w.count >= 4, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ies") {
            if w.count > 4 {
                w.removeLast(3)
                w.append(0x79)
            }
        } else if ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is") {
            w.removeLast()
        }
        if ends(w, "eed") {
            // "speed", "need": not a past tense.
        } else if ends(w, "ied") && w.count > 4 {
            w.removeLast(3)
            w.append(0x79)
        } else if ends(w, "ing") && strip(&w, 3) || ends(w, "ed") && strip(&w, 2) {
            let n = w.count
            if w[n - 1] == w[n - 2], !isVowel(w[n - 1]), !"lsz".utf8.contains(w[n - 1]) { w.removeLast() }
        }
        if w.count >= 4, w.last == 0x65 { w.removeLast() }
    }

    private static func ends(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard w.count >= n else { return false }
        return suffix.withUTF8Buffer { s in
            var i = 0
            while i < n, w[w.count - n + i] == s[i] { i += 1 }
            return i == n
        }
    }

    /// Removes a suffix of `count` letters when at least three letters with a vowel remain.
    private static func strip(_ w: inout [UInt8], _ count: Int) -> Bool {
        let rest = w.dropLast(count)
        guard rest.count >= 3, rest.contains(where: isVowel) else { return false }
        w.removeLast(count)
        return true
    }

    private static func isVowel(_ c: UInt8) -> Bool { "aeiouy".utf8.contains(c) }
}
