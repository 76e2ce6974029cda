import Testing
@testable import Highlight

@Suite struct RustTests {
    @Test func nestedCommentsAndDocComments() {
        let tokens = lex("/* a /* b */ c */\n/// Docs\nfn main() {}\n", "rust")
        #expect(has(tokens, .commentMultiline, "/* a /* b */ c */"))
        #expect(has(tokens, .stringDoc, "/// Docs"))
        #expect(has(tokens, .nameFunction, "main"))
    }

    @Test func rawStringsCharsAndLifetimes() {
        let tokens = lex(###"fn f<'a>(s: &'a str) -> char { let r = r##"a "# b"##; let c = '\n'; 'x' }"###, "rust")
        #expect(has(tokens, .string, ###"r##"a "# b"##"###))
        #expect(has(tokens, .nameAttribute, "a"))
        #expect(has(tokens, .stringEscape, "\\n"))
        #expect(has(tokens, .stringChar, "'x'"))
        #expect(has(tokens, .keywordType, "str"))
    }

    @Test func attributesMacrosAndTypes() {
        let tokens = lex("#[derive(Debug)]\nstruct P { x: Point }\nprintln!(\"{}\", v != w);\n", "rust")
        #expect(has(tokens, .commentPreproc, "#[derive(Debug)]"))
        #expect(has(tokens, .nameClass, "P"))
        #expect(has(tokens, .nameClass, "Point"))
        #expect(has(tokens, .nameFunctionMagic, "println!"))
        #expect(has(tokens, .name, "v"))
    }
}
