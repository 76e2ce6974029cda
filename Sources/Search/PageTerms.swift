/// One page's term counts by field and its field lengths: the part of indexing that can run on
/// any thread.
struct PageTerms: Sendable {
    var counts: [String: RankingModel.FieldCounts] = [:]
    var length = RankingModel.FieldLengths()
    let fragment: PageFragment

    init(_ document: SearchDocument) {
        fragment = PageFragment(document)
        Tokenizer.forEachTerm(in: document.title) { counts[$0, default: .init()].title.increment(); length.title += 1 }
        for heading in document.headings {
            Tokenizer.forEachTerm(in: heading) { counts[$0, default: .init()].headings.increment(); length.headings += 1 }
        }
        for tag in document.tags {
            Tokenizer.forEachTerm(in: tag) { counts[$0, default: .init()].tags.increment(); length.tags += 1 }
        }
        Tokenizer.forEachTerm(in: document.body) { counts[$0, default: .init()].body.increment(); length.body += 1 }
    }
}

extension UInt8 {
    fileprivate mutating func increment() { if self < .max { self += 1 } }
}

extension UInt16 {
    fileprivate mutating func increment() { if self < .max { self += 1 } }
}
