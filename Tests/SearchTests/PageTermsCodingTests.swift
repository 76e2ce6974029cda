import Foundation
import Testing
@testable import Search

/// ``PageTerms`` kept as bytes by a build cache give the same index as the documents themselves.
@Suite struct PageTermsCodingTests {
    static let documents: [SearchDocument] = [
        .page(
            "old", title: "Caching notes", body: "An old page about caches, parseHTTPHeader and hash_map.", day: 1,
            tags: ["memory"], headings: ["Why cache"]),
        .page("new", title: "Profiling", body: "A new page that mentions caching once. 東京で勉強する。", day: 300),
        .page("mid", title: "Memory", body: String(repeating: "heap stack ", count: 400), day: 100, section: "notes", tags: ["memory", "rust"]),
        SearchDocument(
            url: "/undated/", title: "Quotes \"and\" lines", date: nil, section: "", tags: [], headings: [],
            body: "Line\nbreak\u{2028}here", excerpt: "An excerpt"),
    ]

    @Test func decodedTermsGiveTheSameIndexFiles() throws {
        var direct = SearchIndexBuilder()
        var decoded = SearchIndexBuilder()
        for document in Self.documents {
            direct.add(document)
            let bytes = PageTerms(document).encoded()
            decoded.add(try #require(PageTerms(encoded: bytes)))
        }
        // Added together in another order, newest first inside the builder: the same files again.
        var together = SearchIndexBuilder()
        together.add(contentsOf: try Self.documents.reversed().map { try #require(PageTerms(encoded: PageTerms($0).encoded())) })
        let (a, b, c) = (direct.files(), decoded.files(), together.files())
        #expect(a.keys.sorted() == b.keys.sorted() && a.keys.sorted() == c.keys.sorted())
        for (path, data) in a {
            #expect(b[path] == data, "\(path) differs")
            #expect(c[path] == data, "\(path) differs when added together")
        }
        let page = try #require(PageTerms(encoded: PageTerms(Self.documents[2]).encoded()))
        #expect(page.counts["heap"]?.body == 400 && page.length.body == 800)
        #expect(page.counts.count == PageTerms(Self.documents[2]).counts.count)
        #expect(page.fragment.date == Self.documents[2].date && page.fragment.tags == ["memory", "rust"])
    }

    @Test func damagedBytesAreRefused() throws {
        let bytes = PageTerms(Self.documents[0]).encoded()
        #expect(PageTerms(encoded: Array(bytes.dropLast())) == nil)
        #expect(PageTerms(encoded: bytes + [0]) == nil)
        #expect(PageTerms(encoded: []) == nil)
        var otherVersion = bytes
        otherVersion[0] &+= 1
        #expect(PageTerms(encoded: otherVersion) == nil)
        // A term whose bytes are not UTF-8 (it could repair to the same text as another).
        var notText = PageTerms(.page("zq", title: "Other", body: "zzqq", day: 2)).encoded()
        let entry: [UInt8] = [4] + Array("zzqq".utf8)
        let at = try #require((0...(notText.count - entry.count)).last { Array(notText[$0..<$0 + entry.count]) == entry })
        notText[at + 1] = 0xC3
        notText[at + 2] = 0x28
        #expect(PageTerms(encoded: notText) == nil)
        // Every cut of the bytes is refused, never a crash.
        for end in 0..<bytes.count { #expect(PageTerms(encoded: Array(bytes[..<end])) == nil) }
    }
}
