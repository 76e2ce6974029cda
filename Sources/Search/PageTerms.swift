/// One page's term counts by field, its field lengths and its result fragment: the part of
/// indexing that can run on any thread, and that a build cache can keep (``encoded()``) for a page
/// whose document did not change, so that the index only merges.
public struct PageTerms: Sendable {
    /// The terms and their counts: counted from a document, or still in the bytes a build cache
    /// kept (checked, not decoded: the index reads each term's bytes straight into its table).
    enum Terms: Sendable {
        case counted([String: RankingModel.FieldCounts])
        /// `bytes[range]` holds `count` entries as ``encoded()`` writes them.
        case encoded(bytes: [UInt8], range: Range<Int>, count: Int)
    }

    var terms: Terms
    var length: RankingModel.FieldLengths
    let fragment: PageFragment

    /// Tokenises `document`.
    public init(_ document: SearchDocument) {
        fragment = PageFragment(document)
        var counts: [String: RankingModel.FieldCounts] = [:]
        var length = RankingModel.FieldLengths()
        Tokenizer.forEachTerm(in: document.title) {
            counts[$0, default: .init()].title.increment()
            length.title += 1
        }
        for heading in document.headings {
            Tokenizer.forEachTerm(in: heading) {
                counts[$0, default: .init()].headings.increment()
                length.headings += 1
            }
        }
        for tag in document.tags {
            Tokenizer.forEachTerm(in: tag) {
                counts[$0, default: .init()].tags.increment()
                length.tags += 1
            }
        }
        Tokenizer.forEachTerm(in: document.body) {
            counts[$0, default: .init()].body.increment()
            length.body += 1
        }
        terms = .counted(counts)
        self.length = length
    }

    init(terms: Terms, length: RankingModel.FieldLengths, fragment: PageFragment) {
        self.terms = terms
        self.length = length
        self.fragment = fragment
    }

    /// Calls `body` with each term's UTF-8 bytes and counts.
    func forEachTerm(_ body: (UnsafeBufferPointer<UInt8>, RankingModel.FieldCounts) -> Void) {
        switch terms {
        case .counted(let counts):
            for (term, c) in counts {
                var term = term
                term.withUTF8 { body($0, c) }
            }
        case .encoded(let bytes, let range, let count):
            bytes.withUnsafeBufferPointer { buffer in
                var reader = PageTerms.EntryReader(buffer, range: range)
                for _ in 0..<count {
                    guard let (term, c) = reader.next() else { return }  // checked when the page was made
                    body(term, c)
                }
            }
        }
    }

    /// The terms and their counts as a dictionary.
    var counts: [String: RankingModel.FieldCounts] {
        switch terms {
        case .counted(let counts): return counts
        case .encoded:
            var counts: [String: RankingModel.FieldCounts] = [:]
            forEachTerm { term, c in counts[String(decoding: term, as: UTF8.self)] = c }
            return counts
        }
    }
}

extension UInt8 {
    fileprivate mutating func increment() { if self < .max { self += 1 } }
}

extension UInt16 {
    fileprivate mutating func increment() { if self < .max { self += 1 } }
}
