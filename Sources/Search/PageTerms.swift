/// One page's term counts by field, its field lengths and its result fragment: the part of
/// indexing that can run on any thread, and that a build cache can keep (``encoded()``) for a page
/// whose document did not change, so that the index only merges.
public struct PageTerms: Sendable {
    var counts: [String: RankingModel.FieldCounts] = [:]
    var length = RankingModel.FieldLengths()
    let fragment: PageFragment

    /// Tokenises `document`.
    public init(_ document: SearchDocument) {
        fragment = PageFragment(document)
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
    }

    init(counts: [String: RankingModel.FieldCounts], length: RankingModel.FieldLengths, fragment: PageFragment) {
        self.counts = counts
        self.length = length
        self.fragment = fragment
    }
}

extension UInt8 {
    fileprivate mutating func increment() { if self < .max { self += 1 } }
}

extension UInt16 {
    fileprivate mutating func increment() { if self < .max { self += 1 } }
}
