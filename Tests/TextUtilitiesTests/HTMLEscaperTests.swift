import Testing
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
}
