import Foundation
import TextUtilities

/// ``PageTerms`` as bytes, for a build cache: variable-length integers and length-prefixed UTF-8.
/// The format is this module's own; a cache stores the bytes as they are and hands them back.
extension PageTerms {
    /// Changes whenever the encoding or the tokenising does, so that old bytes are refused.
    static let encodingVersion: UInt8 = 1

    /// The page's terms, counts, lengths and fragment as bytes; ``init(encoded:)`` reads them back.
    public func encoded() -> [UInt8] {
        if case .encoded(let bytes, _, _) = terms { return bytes }
        var out = CompactBytesWriter()
        out.byte(Self.encodingVersion)
        for value in [length.title, length.headings, length.tags, length.body] { out.number(value) }
        out.text(fragment.url)
        out.text(fragment.title)
        if let date = fragment.date {
            out.byte(1)
            out.word(date.timeIntervalSinceReferenceDate.bitPattern)
        } else {
            out.byte(0)
        }
        out.text(fragment.section)
        out.number(fragment.tags.count)
        for tag in fragment.tags { out.text(tag) }
        out.text(fragment.json)
        let counts = counts
        out.number(counts.count)
        for (term, c) in counts {
            out.text(term)
            out.number(Int(c.title))
            out.number(Int(c.headings))
            out.number(Int(c.tags))
            out.number(Int(c.body))
        }
        return out.bytes
    }

    /// The page with its terms held only as ``encoded()`` bytes, and those bytes: what a build
    /// that keeps the bytes for its cache indexes, so that each page's terms are not held twice
    /// (as a dictionary and as bytes) until the index is made.
    public func encodedOnly() -> (terms: PageTerms, bytes: [UInt8]) {
        let bytes = encoded()
        return (PageTerms(encoded: bytes) ?? self, bytes)
    }

    /// Reads what ``encoded()`` wrote; nil when the bytes are damaged or of another version.
    public init?(encoded bytes: [UInt8]) {
        var reader = CompactBytesReader(bytes)
        guard reader.byte() == Self.encodingVersion else { return nil }
        var length = RankingModel.FieldLengths()
        guard let title = reader.number(), let headings = reader.number(), let tags = reader.number(), let body = reader.number()
        else { return nil }
        (length.title, length.headings, length.tags, length.body) = (title, headings, tags, body)
        guard let url = reader.text(), let pageTitle = reader.text(), let hasDate = reader.byte() else { return nil }
        var date: Date?
        if hasDate == 1 {
            guard let bits = reader.word() else { return nil }
            date = Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits))
        } else if hasDate != 0 {
            return nil
        }
        guard let section = reader.text(), let tagCount = reader.count() else { return nil }
        var pageTags: [String] = []
        for _ in 0..<tagCount {
            guard let tag = reader.text() else { return nil }
            pageTags.append(tag)
        }
        guard let json = reader.text(), let termCount = reader.count() else { return nil }
        // The entries are checked here, on the thread that reads the page, and decoded by the index.
        let start = reader.offset
        let valid = bytes.withUnsafeBufferPointer { buffer in
            var entries = EntryReader(buffer, range: start..<buffer.count)
            for _ in 0..<termCount {
                // A term that is not UTF-8 could repair to the same text as another.
                guard let (term, _) = entries.next(), term.allSatisfy({ $0 < 0x80 }) || String(validating: term, as: UTF8.self) != nil
                else { return false }
            }
            return entries.isAtEnd
        }
        guard valid else { return nil }
        self.init(
            terms: .encoded(bytes: bytes, range: start..<bytes.count, count: termCount), length: length,
            fragment: PageFragment(url: url, title: pageTitle, date: date, section: section, tags: pageTags, json: json))
    }

    /// Reads the term entries of encoded bytes: a term's UTF-8 bytes and its four counts.
    struct EntryReader {
        private let buffer: UnsafeBufferPointer<UInt8>
        private var offset: Int
        private let end: Int

        init(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
            self.buffer = buffer
            offset = range.lowerBound
            end = range.upperBound
        }

        var isAtEnd: Bool { offset == end }

        /// The next entry; nil past the end or on a damaged one.
        mutating func next() -> (UnsafeBufferPointer<UInt8>, RankingModel.FieldCounts)? {
            guard let length = number(), length <= end - offset else { return nil }
            let term = UnsafeBufferPointer(rebasing: buffer[offset..<offset + length])
            offset += length
            guard let t = number(), let h = number(), let g = number(), let b = number(), t <= 255, h <= 255, g <= 255,
                b <= 65_535
            else { return nil }
            return (term, RankingModel.FieldCounts(title: UInt8(t), headings: UInt8(h), tags: UInt8(g), body: UInt16(b)))
        }

        private mutating func number() -> Int? {
            var value = 0
            var shift = 0
            while offset < end {
                let byte = buffer[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
                if shift > 56 { return nil }
            }
            return nil
        }
    }
}
