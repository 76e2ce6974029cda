/// The files search.js reads to correct a word with one typo: `v/N.js`, each a bucket of terms
/// without postings.
///
/// Every term of ``minimumTermLength`` or more characters, without digits, is filed twice: under
/// its first two characters and under its last two. One edit (insertion, deletion, substitution
/// or transposition) in a word of five or more characters leaves its first two or its last two
/// characters as they are, so the two buckets of the typed word hold every term one edit away,
/// wherever the edit is, including in the first two letters. The script fetches those two
/// buckets only when a word matched nothing, then the shards of the terms it picked.
///
/// A bucket is `[forward, backward]`: the terms filed by their first characters, sorted, and the
/// terms filed by their last characters, each reversed, sorted. Both lists are front-coded:
/// entries are separated by spaces, and each starts with one ``PostingCode`` digit telling how many
/// UTF-16 units it shares with the previous entry, followed by the rest.
enum TypoBuckets {
    /// Shorter terms are not typo candidates: a word of five letters is at least four after one edit.
    static let minimumTermLength = 4
    /// About this many bytes of entries, before front coding, go into one bucket.
    static let bucketBytes = 4_096

    /// Whether `term` is filed: long enough, and not a number or a code with digits.
    static func isCandidate(_ term: String) -> Bool {
        term.unicodeScalars.count >= minimumTermLength && !term.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The bucket of a term's first two characters (`backward` false) or last two (true):
    /// a hash over the direction and the two code points, modulo `count`. search.js computes the same.
    static func bucket(of term: String, backward: Bool, count: Int) -> Int {
        let scalars = Array(term.unicodeScalars)
        let key = backward ? [scalars[scalars.count - 1], scalars[scalars.count - 2]] : [scalars[0], scalars[1]]
        var h = backward ? 1 : 0
        for scalar in key { h = (h * 31 + Int(scalar.value)) % count }
        return h
    }

    /// The number of buckets and each bucket's JSON value, for the index's terms.
    static func files(terms: [String]) -> (count: Int, values: [String]) {
        let filed = terms.filter(isCandidate)
        let bytes = filed.reduce(0) { $0 + 2 * ($1.utf8.count + 1) }
        let count = max(1, (bytes + bucketBytes - 1) / bucketBytes)
        var forward = [[String]](repeating: [], count: count)
        var backward = [[String]](repeating: [], count: count)
        for term in filed {
            forward[bucket(of: term, backward: false, count: count)].append(term)
            backward[bucket(of: term, backward: true, count: count)]
                .append(String(String.UnicodeScalarView(term.unicodeScalars.reversed())))
        }
        let values = (0..<count).map { b in
            "[" + JSONText.string(frontCoded(forward[b])) + "," + JSONText.string(frontCoded(backward[b])) + "]"
        }
        return (count, values)
    }

    /// Sorted terms, each written as its shared-prefix length and the rest (see the type's notes).
    static func frontCoded(_ terms: [String]) -> String {
        let sorted = terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        var out = ""
        var previous: [Unicode.Scalar] = []
        for (i, term) in sorted.enumerated() {
            let scalars = Array(term.unicodeScalars)
            var shared = 0
            while shared < min(scalars.count, previous.count), scalars[shared] == previous[shared] { shared += 1 }
            var sharedUnits = scalars[..<shared].reduce(0) { $0 + UTF16.width($1) }
            while sharedUnits > 63 {  // the largest one-digit count; only long astral-plane words get here
                shared -= 1
                sharedUnits -= UTF16.width(scalars[shared])
            }
            if i > 0 { out += " " }
            out.unicodeScalars.append(Unicode.Scalar(PostingCode.digit(sharedUnits)))
            out.unicodeScalars.append(contentsOf: scalars[shared...])
            previous = scalars
        }
        return out
    }
}
