import Foundation

/// BM25 per field, summed with field weights: each field saturates on its own, so a word in the
/// title outweighs any number of mentions in the body. Every (term, page) pair gets its score at
/// build time, so the browser only multiplies by the term's idf and adds.
struct RankingModel {
    /// A page's occurrences of one term, by field.
    struct FieldCounts {
        var title: UInt8 = 0
        var headings: UInt8 = 0
        var tags: UInt8 = 0
        var body: UInt16 = 0
    }

    /// A page's length in terms, by field.
    struct FieldLengths {
        var title = 0
        var headings = 0
        var tags = 0
        var body = 0
    }

    static let k1 = 1.2
    static let weights = (title: 5.0, headings: 1.5, tags: 1.0, body: 1.0)
    static let b = (title: 0.5, headings: 0.5, tags: 0.0, body: 0.75)
    /// Scores are quantised to 1...`levels` (one character in the index) on a square-root scale,
    /// which keeps body-only scores apart: the browser squares the level back.
    static let levels = 63

    let averages: (title: Double, headings: Double, tags: Double, body: Double)

    init(lengths: [FieldLengths]) {
        let n = Double(max(lengths.count, 1))
        func mean(_ f: (FieldLengths) -> Int) -> Double { max(Double(lengths.reduce(0) { $0 + f($1) }) / n, 1) }
        averages = (mean(\.title), mean(\.headings), mean(\.tags), mean(\.body))
    }

    /// Inverse document frequency of a term found in `count` of `total` pages (never negative).
    static func idf(count: Int, total: Int) -> Double {
        log(1 + (Double(total - count) + 0.5) / (Double(count) + 0.5))
    }

    /// The page's weighted sum of saturated, length-normalised field frequencies, quantised.
    func level(_ c: FieldCounts, _ length: FieldLengths) -> Int {
        func part(_ tf: UInt16, _ weight: Double, _ b: Double, _ len: Int, _ avg: Double) -> Double {
            tf == 0 ? 0 : weight * Double(tf) / (Self.k1 * (1 - b + b * Double(len) / avg) + Double(tf))
        }
        let w = Self.weights
        let b = Self.b
        let score =
            part(UInt16(c.title), w.title, b.title, length.title, averages.title)
            + part(UInt16(c.headings), w.headings, b.headings, length.headings, averages.headings)
            + part(UInt16(c.tags), w.tags, b.tags, length.tags, averages.tags)
            + part(c.body, w.body, b.body, length.body, averages.body)
        let maximum = w.title + w.headings + w.tags + w.body
        return min(Self.levels, max(1, Int((Double(Self.levels) * (score / maximum).squareRoot()).rounded())))
    }
}
