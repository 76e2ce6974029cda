import TextUtilities

/// The pages of every series, tag and category, for finding a page's most related pages without
/// keeping a score for every page that shares a term with it.
///
/// A page's score against another is the sum, over the terms they share, of the taxonomy's weight
/// (series 3, tags 2, categories 1) times how often each lists the term; the best are those with
/// the highest scores, newest first on equal scores, then in page order. Pages are numbered in
/// that tie-break order (their rank), and each term's pages are kept as a set of ranks: a bit set
/// when the term holds more than one page in 32 (then 64 pages' membership is one word), else the
/// sorted ranks. A page's search adds up its terms' sets 64 ranks at a time in bit-sliced counters
/// (each bit of a score in one word), in rank order: a candidate found later loses every tie, so
/// once `limit` candidates are found, only a strictly higher score than the last of them counts,
/// and the search stops when that is the highest score the page's terms allow.
///
/// Scoring every page sharing a term (a counter per page) cost 4.5 G counter updates on the
/// 100,000-page benchmark site, whose 50 tags hold 8,000 pages each; a weak-AND search over the
/// sorted ranks was slower still there, as such common terms leave little to skip.
struct RelatedPagesIndex: Sendable {
    private static let weights: [(plural: String, weight: Int)] = [("series", 3), ("tags", 2), ("categories", 1)]

    /// One term's pages (a page listing the term `n` times is in its first `n` layers): a bit set
    /// in ``bits`` (bit `r % 64` of word `start + r / 64` is set when the page of rank `r` is in
    /// the layer) or ascending ranks in ``ranks`` (at `start..<end`).
    private struct Layer: Sendable {
        var isBitSet: Bool
        var start: Int
        var end: Int
    }

    /// Page → its rank: its position among all pages, newest first, then in page order.
    private let rank: [Int32]
    /// Rank → page.
    private let pageAtRank: [PageID]
    /// Words of 64 ranks.
    private let blocks: Int
    private let layers: [Layer]
    /// The bit sets of the layers that have many pages, one after another.
    private let bits: [UInt64]
    /// The ranks of the layers that have few pages, one after another.
    private let ranks: [Int32]
    /// Each term list's layers.
    private let layersOfList: [Range<Int>]
    /// Taxonomy plural → urlized term → its list.
    private let listOfTerm: [String: [String: Int]]
    /// The terms of each page, by taxonomy.
    private let terms: [[String: [String]]]

    init(_ content: SiteContent) {
        let dates = content.pages.map(\.sortDate)
        let order = content.pages.pageIDs.sorted { a, b in
            dates[a] != dates[b] ? dates[a] > dates[b] : a < b
        }
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }
        let blocks = (order.count + 63) / 64
        var layers: [Layer] = []
        var bits: [UInt64] = []
        var ranks: [Int32] = []
        var layersOfList: [Range<Int>] = []
        var listOfTerm: [String: [String: Int]] = [:]
        for (plural, _) in Self.weights {
            guard let positions = content.termPosition[plural], let lists = content.taxonomyTerms[plural] else { continue }
            let first = layersOfList.count
            for (_, pages) in lists {
                let start = layers.count
                var rest = pages.map { rank[$0] }.sorted()
                while !rest.isEmpty {
                    // One of each rank in this layer; the repeats go to the next.
                    var layer: [Int32] = []
                    var repeats: [Int32] = []
                    for value in rest {
                        if layer.last == value { repeats.append(value) } else { layer.append(value) }
                    }
                    // A bit set when it is no larger than the ranks.
                    if layer.count * 2 >= blocks {
                        let start = bits.count
                        bits.append(contentsOf: repeatElement(0, count: blocks))
                        for value in layer { bits[start + Int(value) >> 6] |= 1 << UInt64(value & 63) }
                        layers.append(Layer(isBitSet: true, start: start, end: bits.count))
                    } else {
                        ranks.append(contentsOf: layer)
                        layers.append(Layer(isBitSet: false, start: ranks.count - layer.count, end: ranks.count))
                    }
                    rest = repeats
                }
                layersOfList.append(start..<layers.count)
            }
            listOfTerm[plural] = positions.mapValues { first + $0 }
        }
        self.rank = rank
        self.pageAtRank = order
        self.blocks = blocks
        self.layers = layers
        self.bits = bits
        self.ranks = ranks
        self.layersOfList = layersOfList
        self.listOfTerm = listOfTerm
        self.terms = content.pages.map(\.terms)
    }

    /// The best `limit` related pages of page `id`, best first.
    func best(for id: PageID, limit: Int) -> [PageID] {
        let sources = self.sources(of: id)
        let most = sources.reduce(0) { $0 + $1.weight }
        guard limit > 0, most > 0 else { return [] }
        let levels = Int.bitWidth - most.leadingZeroBitCount
        let me = Int(rank[id])
        let allSparse = sources.allSatisfy { !layers[$0.layer].isBitSet }
        // Where each layer of ranks has got to (blocks are visited in order).
        var positions = sources.map { layers[$0.layer].start }
        var best: [(rank: Int, score: Int)] = []
        var counter = [UInt64](repeating: 0, count: levels)
        bits.withUnsafeBufferPointer { bits in
            ranks.withUnsafeBufferPointer { ranks in
                counter.withUnsafeMutableBufferPointer { counter in
                    var block = 0
                    while block < blocks {
                        if allSparse {
                            // Only the blocks holding one of the ranks can have a candidate.
                            var next = Int.max
                            for (index, source) in sources.enumerated() where positions[index] < layers[source.layer].end {
                                next = min(next, Int(ranks[positions[index]]) >> 6)
                            }
                            guard next != .max else { break }
                            block = next
                        }
                        for level in 0..<levels { counter[level] = 0 }
                        for (index, source) in sources.enumerated() {
                            let layer = layers[source.layer]
                            var word: UInt64 = 0
                            if layer.isBitSet {
                                word = bits[layer.start + block]
                            } else {
                                let end = Int32((block + 1) << 6)
                                while positions[index] < layer.end, ranks[positions[index]] < end {
                                    word |= 1 << UInt64(ranks[positions[index]] & 63)
                                    positions[index] += 1
                                }
                            }
                            if word != 0 { Self.add(word, times: source.weight, to: counter) }
                        }
                        var threshold = best.count < limit ? 0 : best[limit - 1].score
                        var candidates = Self.above(threshold, counter)
                        if block == me >> 6 { candidates &= ~(1 << UInt64(me & 63)) }
                        while candidates != 0 {
                            let bit = candidates.trailingZeroBitCount
                            var score = 0
                            for level in 0..<levels { score |= Int((counter[level] >> UInt64(bit)) & 1) << level }
                            best.insert((block << 6 | bit, score), at: best.firstIndex { $0.score < score } ?? best.count)
                            if best.count > limit { best.removeLast() }
                            threshold = best.count < limit ? 0 : best[limit - 1].score
                            candidates &= Self.above(threshold, counter) & (bit == 63 ? 0 : ~0 << UInt64(bit + 1))
                        }
                        if best.count == limit, threshold == most { break }
                        block += 1
                    }
                }
            }
        }
        return best.map { pageAtRank[$0.rank] }
    }

    /// The layers of the lists of page `id`'s terms, with what each adds to a score: a term the
    /// page lists twice weighs twice.
    private func sources(of id: PageID) -> [(layer: Int, weight: Int)] {
        var weights: [(list: Int, weight: Int)] = []
        for (plural, weight) in Self.weights {
            guard let lists = listOfTerm[plural] else { continue }
            for term in terms[id][plural] ?? [] {
                guard let list = lists[Permalinks.urlize(term)] else { continue }
                if let index = weights.firstIndex(where: { $0.list == list }) {
                    weights[index].weight += weight
                } else {
                    weights.append((list, weight))
                }
            }
        }
        return weights.flatMap { list, weight in layersOfList[list].map { ($0, weight) } }
    }

    /// Adds `times` to the count of each rank set in `word` (bit-sliced: `counter[level]` holds
    /// bit `level` of the 64 counts).
    private static func add(_ word: UInt64, times: Int, to counter: UnsafeMutableBufferPointer<UInt64>) {
        var rest = times
        var start = 0
        while rest != 0 {
            if rest & 1 == 1 {
                var carry = word
                var level = start
                while carry != 0, level < counter.count {
                    let next = counter[level] & carry
                    counter[level] ^= carry
                    carry = next
                    level += 1
                }
            }
            rest >>= 1
            start += 1
        }
    }

    /// The ranks whose count in the bit-sliced `counter` is above `threshold`.
    private static func above(_ threshold: Int, _ counter: UnsafeMutableBufferPointer<UInt64>) -> UInt64 {
        var greater: UInt64 = 0
        var equal: UInt64 = ~0
        for level in stride(from: counter.count - 1, through: 0, by: -1) {
            if (threshold >> level) & 1 == 1 {
                equal &= counter[level]
            } else {
                greater |= equal & counter[level]
                equal &= ~counter[level]
            }
        }
        return greater
    }
}
