import Foundation
@testable import Markdown
import Testing

/// `Document.parse(utf8:)` and rendering in pieces (the path of `collective markdown`) give what
/// `Document.parse(_: String)` and `render(_:) -> String` give.
struct ByteInputTests {
    static let suites = [
        "commonmark-0.31.2.json", "gfm-0.29-spec.json", "gfm-extensions.json",
        "gfm-regression.json", "smart-punct.json",
    ]

    static func examples() throws -> [String] {
        var all: [String] = []
        for suite in suites where ConformanceTests.present(suite) {
            all += try ConformanceTests.load(suite).map(\.markdown)
        }
        return all
    }

    /// The HTML handed over piece by piece, joined.
    static func streamed(_ document: Document, options: MarkdownOptions, chunkSize: Int) -> (String, Int) {
        var bytes: [UInt8] = []
        var pieces = 0
        HTMLRenderer(options: options).render(document, chunkSize: chunkSize) { chunk in
            bytes.append(contentsOf: chunk)
            pieces += 1
        }
        return (String(decoding: bytes, as: UTF8.self), pieces)
    }

    static var definitionLists: MarkdownOptions {
        var options = MarkdownOptions.site
        options.definitionLists = true
        return options
    }

    @Test(
        .enabled(if: ConformanceTests.present("commonmark-0.31.2.json"), "../shared/conformance is absent"),
        arguments: [MarkdownOptions.commonMark, .gfm, .site, definitionLists])
    func bytesAndPiecesGiveTheSameHTML(options: MarkdownOptions) throws {
        var documents = try Self.examples()
        documents += [
            "Term\n: tight description\n\nTerm\n\n: loose\n\n  more\n", "a\r\nb\r\n\r\n> c\r\nd\r\n",
            "- a\n  b\n\n\tcode\n", "# Heading {#x}\n\ntext with `code\nspan` and $x$\n",
        ]
        #expect(documents.count > 700)
        for markdown in documents {
            let expected = renderHTML(markdown, options: options)
            let document = Document.parse(utf8: Array(markdown.utf8), options: options)
            #expect(HTMLRenderer(options: options).render(document) == expected, "bytes: \(markdown.debugDescription)")
            for chunkSize in [1, 7] {
                let (html, _) = Self.streamed(document, options: options, chunkSize: chunkSize)
                #expect(html == expected, "chunk \(chunkSize): \(markdown.debugDescription)")
            }
        }
    }

    @Test func largeDocumentsAreHandedOverInPieces() {
        let markdown = (1...200).map { "Paragraph \($0) with *emphasis* and `code`.\n" }.joined(separator: "\n")
        let document = Document.parse(utf8: Array(markdown.utf8), options: .gfm)
        let (html, pieces) = Self.streamed(document, options: .gfm, chunkSize: 256)
        #expect(html == renderHTML(markdown, options: .gfm))
        // About 60 bytes of HTML per paragraph: a piece every four or five paragraphs.
        #expect(pieces >= 40 && pieces <= 60, "\(pieces) pieces")
    }

    @Test func invalidUTF8AndNULBecomeReplacementCharacters() {
        let inputs: [[UInt8]] = [
            [0x61, 0xFF, 0x62], [0xC0, 0x80], [0xE0, 0x80, 0x80, 0x2A, 0x78, 0x2A], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0x23, 0x20, 0xE2, 0x82], [0x61, 0x00, 0x62, 0x0A, 0x00],
            Array("ok é ü 日本 🎉\n".utf8),
        ]
        for bytes in inputs {
            let expected = renderHTML(String(decoding: bytes, as: UTF8.self), options: .gfm)
            let html = HTMLRenderer(options: .gfm).render(Document.parse(utf8: bytes, options: .gfm))
            #expect(html == expected, "\(bytes)")
        }
    }

    /// Every one- and two-byte sequence, and three- and four-byte sequences over the boundary
    /// values of each byte, are judged as the standard library judges them.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        func check(_ bytes: [UInt8]) {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(UTF8Validation.isValid(bytes) == expected, "\(bytes)")
        }
        for a in 0...255 { check([UInt8(a)]) }
        for a in 0...255 { for b in 0...255 { check([UInt8(a), UInt8(b)]) } }
        let edges: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        for a in edges {
            for b in edges {
                for c in edges {
                    check([a, b, c])
                    for d in edges { check([a, b, c, d]) }
                }
            }
        }
        // Long ASCII runs with one bad byte at every position of an eight-byte word.
        for position in 0..<24 {
            var bytes = [UInt8](repeating: 0x61, count: 24)
            bytes[position] = 0x80
            check(bytes)
        }
    }
}
