import Foundation

/// BM25F with per-field weights. Every (term, page) pair gets its saturated term frequency at
/// build time, so the browser only adds `idf × weight` numbers.
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
    static let weights = (title: 8.0, headings: 3.0, tags: 4.0, body: 1.0)
    static let b = (title: 0.5, headings: 0.5, tags: 0.0, body: 0.75)
    /// Term frequencies are quantised to 1...`levels` (one character in the index).
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

    /// The saturated, length-normalised term frequency, quantised to 1...levels.
    func level(_ c: FieldCounts, _ length: FieldLengths) -> Int {
        func part(_ tf: Double, _ weight: Double, _ b: Double, _ len: Int, _ avg: Double) -> Double {
            tf == 0 ? 0 : weight * tf / (1 - b + b * Double(len) / avg)
        }
        let w = Self.weights, b = Self.b
        let tf = part(Double(c.title), w.title, b.title, length.title, averages.title)
            + part(Double(c.headings), w.headings, b.headings, length.headings, averages.headings)
            + part(Double(c.tags), w.tags, b.tags, length.tags, averages.tags)
            + part(Double(c.body), w.body, b.body, length.body, averages.body)
        let saturated = tf / (Self.k1 + tf)
        return min(Self.levels, max(1, Int((saturated * Double(Self.levels)).rounded())))
    }
}
