import Testing
import TextUtilities

@Suite struct CharacterReferencesTests {
    @Test func decodesNamedDecimalAndHexadecimalReferences() {
        #expect(CharacterReferences.decodeAll("&amp; &lt;&gt; &quot;&apos; &#65;&#x42;&#X43;") == "& <> \"' ABC")
    }

    /// The copies this table replaced knew six names (LinkCheck, the site's plain text) or 23 (Go's
    /// htmlUnescape); HTML knows 2,125, and a page's raw HTML may use any of them.
    @Test func knowsHTMLsWholeTableNotJustTheCommonNames() {
        #expect(CharacterReferences.decodeAll("caf&eacute; &hellip; &ngE; &Afr; &check;") == "café … ≧̸ 𝔄 ✓")
    }

    @Test func referencesWithoutSemicolonOrUnknownNamesStayText() {
        #expect(CharacterReferences.decodeAll("AT&T &amp &nosuchname; &#; &#x; & ;") == "AT&T &amp &nosuchname; &#; &#x; & ;")
    }

    @Test func invalidCodePointsBecomeTheReplacementCharacter() {
        #expect(CharacterReferences.decodeAll("&#0;&#xD800;&#x110000;") == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func decodeReportsTheIndexAfterTheSemicolon() {
        let bytes = Array("x&lambda;y".utf8)
        let result = bytes.withUnsafeBufferPointer { CharacterReferences.decode($0, at: 1, end: $0.count) }
        #expect(result.map { String(decoding: $0.0, as: UTF8.self) } == "λ")
        #expect(result?.1 == 9)
    }

    @Test func decodeStopsAtTheGivenEnd() {
        let bytes = Array("&amp;".utf8)
        let result = bytes.withUnsafeBufferPointer { CharacterReferences.decode($0, at: 0, end: 4) }
        #expect(result == nil)
    }
}

@Suite struct TrailingRunTests {
    @Test func dropsOnlyTheTrailingRun() {
        #expect("a\n\nb\n\n".dropping(trailing: "\n") == "a\n\nb")
        #expect("\n\n".dropping(trailing: "\n") == "")
        #expect("x  ".dropping(trailing: " ") == "x")
        #expect("x".dropping(trailing: " ") == "x")
    }
}
