import Testing
@testable import Citations

@Suite struct TeXTextTests {
    @Test(arguments: [
        (#"{\"o}"#, "ö"), (#"\"o"#, "ö"), (#"\'{e}"#, "é"), (#"\'e"#, "é"), (#"G{\"{u}}nter"#, "Günter"),
        (#"\`a"#, "à"), (#"\^o"#, "ô"), (#"\~n"#, "ñ"), (#"\c{c}"#, "ç"), (#"\c c"#, "ç"), (#"\v{s}"#, "š"),
        (#"\'{\i}"#, "í"), (#"\H{o}"#, "ő"), (#"\k{a}"#, "ą"), (#"\r{a}"#, "å"), (#"\u{g}"#, "ğ"), (#"\={a}"#, "ā"),
        (#"\ss"#, "ß"), (#"Stra{\ss}e"#, "Straße"), (#"{\o}"#, "ø"), (#"\AA{}ngstr\"om"#, "Ångström"), (#"{\l}"#, "ł"),
        (#"Erd{\H o}s"#, "Erdős"), (#"Ho\v{r}ej\v{s}"#, "Hořejš"),
    ])
    func accentsAndLettersBecomeUnicode(_ tex: String, _ expected: String) {
        #expect(TeXText.unicode(tex) == expected)
        // Composed characters (NFC), so that keys and sorting compare equal to typed text.
        #expect(TeXText.unicode(tex).unicodeScalars.count == expected.unicodeScalars.count)
    }

    @Test func bracesDashesTiesAndEscapesAreResolved() {
        #expect(
            TeXText.unicode("{BERT}: Pre-training of Deep {Bidirectional} Transformers") == "BERT: Pre-training of Deep Bidirectional Transformers")
        #expect(TeXText.unicode("100--110") == "100–110")
        #expect(TeXText.unicode("A---B") == "A—B")
        #expect(TeXText.unicode("Smith~et~al.") == "Smith\u{00A0}et\u{00A0}al.")
        #expect(TeXText.unicode(#"R\&D at 50\% off"#) == "R&D at 50% off")
        #expect(TeXText.unicode(#"\emph{Deep} \textbf{learning}"#) == "Deep learning")
        #expect(TeXText.unicode("$O(n^2)$ time") == "O(n^2) time")
        #expect(TeXText.unicode("line\n   break") == "line break")
    }

    @Test func verbatimFieldsKeepTheirCharacters() {
        #expect(TeXText.verbatim(#"https://example.org/a\_b~c?x=1\&y=2"#) == "https://example.org/a_b~c?x=1&y=2")
        #expect(TeXText.verbatim("{10.1000/xyz_123}") == "10.1000/xyz_123")
    }

    @Test func malformedTeXNeverFails() {
        for input in ["\\", "{", "}", "\\\"", "{\\'{", String(repeating: "{", count: 5000), "\\c", "\\'{}", "~--"] {
            _ = TeXText.unicode(input)
        }
        #expect(TeXText.unicode("\\'{}") == "\u{0301}")
    }
}
