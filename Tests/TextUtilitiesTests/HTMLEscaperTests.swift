import Testing
import SeededRandom
import TextUtilities

@Suite struct HTMLEscaperTests {
    @Test func textEscapesFourCharactersWithNamedQuote() {
        #expect(HTMLEscaper.text.escape(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'")
    }

    @Test func attributeAlsoEscapesTheApostrophe() {
        #expect(HTMLEscaper.attribute.escape(#"it's "x" & <y>"#) == "it&#39;s &quot;x&quot; &amp; &lt;y&gt;")
    }

    @Test func numericQuoteWritesChromasForm() {
        #expect(HTMLEscaper.numericQuote.escape(#"say "hi" & 'bye'"#) == "say &#34;hi&#34; &amp; 'bye'")
    }

    @Test func textWithNothingToEscapeComesBackUnchanged() {
        let text = "plain — ünïcode ∑ text with no markup"
        #expect(!HTMLEscaper.text.needsEscaping(text))
        #expect(HTMLEscaper.text.escape(text) == text)
    }

    @Test func byteAndStringAppendsAgree() {
        let text = "x<y & \"z\" — ∑ 'w'>"
        var bytes: [UInt8] = Array("pre:".utf8)
        HTMLEscaper.attribute.append(text, to: &bytes)
        var string = "pre:"
        HTMLEscaper.attribute.append(text, to: &string)
        #expect(String(decoding: bytes, as: UTF8.self) == string)
        #expect(string == "pre:x&lt;y &amp; &quot;z&quot; — ∑ &#39;w&#39;&gt;")
    }

    /// Multi-byte UTF-8 never trips the escaper: every byte of a non-ASCII scalar is ≥ 0x80.
    @Test func onlyTheASCIIMarkupBytesAreReplaced() {
        for escaper in [HTMLEscaper.text, .attribute, .numericQuote] {
            for byte in UInt8(0)...UInt8(255) {
                let expected = byte == 38 || byte == 60 || byte == 62 || byte == 34 || (byte == 39 && escaper.escapes(39))
                #expect(escaper.escapes(byte) == expected)
            }
        }
    }

    /// The eight-bytes-per-step scan gives what replacing byte by byte gives, at every length and
    /// position of the markup bytes (seeded random texts, mostly plain, some dense with markup).
    @Test func wordAtATimeEscapingMatchesByteByByte() {
        var random = SeededGenerator(seed: 21)
        let alphabet = Array("ab <>&\"'\u{e9}\u{2211}x".utf8)
        let escapers: [(HTMLEscaper, quote: String, apostrophe: Bool)] = [
            (.text, "&quot;", false), (.attribute, "&quot;", true), (.numericQuote, "&#34;", false),
        ]
        for (escaper, quote, apostrophe) in escapers {
            for round in 0..<3_000 {
                let length = Int(random.next() % 41)
                let dense = round % 3 == 0
                let bytes = (0..<length).map { _ -> UInt8 in
                    dense || random.next() % 16 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))] : 0x61
                }
                var expected: [UInt8] = []
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "&"): expected += Array("&amp;".utf8)
                    case UInt8(ascii: "<"): expected += Array("&lt;".utf8)
                    case UInt8(ascii: ">"): expected += Array("&gt;".utf8)
                    case UInt8(ascii: "\""): expected += Array(quote.utf8)
                    case UInt8(ascii: "'") where apostrophe: expected += Array("&#39;".utf8)
                    default: expected.append(byte)
                    }
                }
                var got: [UInt8] = []
                bytes.withUnsafeBufferPointer { escaper.append($0, to: &got) }
                #expect(got == expected, "\(bytes)")
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(escaper.needsEscaping(text) == bytes.contains { escaper.escapes($0) })
            }
        }
    }
}
