import Testing
@testable import Highlight

@Suite struct WebLanguageTests {
    @Test func nestedTemplateLiterals() {
        let tokens = lex("const s = `a ${items.map(x => `<${x}>`).join('')} b`;", "js")
        #expect(tokens.filter { $0.kind == .stringInterpol }.count == 4)
        #expect(has(tokens, .stringBacktick, " b`"))
        #expect(has(tokens, .stringSingle, "''"))
        #expect(has(tokens, .punctuation, "=>"))
    }

    @Test func regexVersusDivision() {
        let tokens = lex("const re = /a\\/[/]b/gi; const half = total / 2 / n;", "javascript")
        #expect(has(tokens, .stringRegex, "/a\\/[/]b/gi"))
        #expect(tokens.filter { $0.kind == .stringRegex }.count == 1)
    }

    @Test func typeScriptAnnotations() {
        let tokens = lex("function greet(user: User): string { return user.name; }\ninterface A { b?: number }", "ts")
        #expect(has(tokens, .keywordType, "User"))
        #expect(has(tokens, .keywordType, "string"))
        #expect(has(tokens, .keywordType, "number"))
        #expect(has(tokens, .keywordDeclaration, "interface"))
    }

    @Test func htmlEmbedsScriptAndStyle() {
        let tokens = lex("<p class=\"x\">a &amp; b</p><script>let y = 1;</script><style>p { color: red; }</style>", "html")
        #expect(has(tokens, .nameTag, "p"))
        #expect(has(tokens, .nameAttribute, "class"))
        #expect(has(tokens, .string, "\"x\""))
        #expect(has(tokens, .nameEntity, "&amp;"))
        #expect(has(tokens, .keywordDeclaration, "let"))
        #expect(has(tokens, .keyword, "color"))
        #expect(has(tokens, .keywordConstant, "red"))
        #expect(has(tokens, .nameTag, "script"))
    }

    @Test func xmlTagsAndSections() {
        let tokens = lex("<?xml version=\"1.0\"?>\n<a x='1'><![CDATA[<b>]]><!-- c --></a>", "xml")
        #expect(has(tokens, .commentPreproc, "<?xml version=\"1.0\"?>"))
        #expect(has(tokens, .nameTag, "<a"))
        #expect(has(tokens, .nameAttribute, "x="))
        #expect(has(tokens, .commentPreproc, "<![CDATA[<b>]]>"))
        #expect(has(tokens, .commentMultiline, "<!-- c -->"))
    }

    @Test func cssSelectorsAndValues() {
        let tokens = lex("@media (min-width: 40em) { .a:hover > #b { margin: -0.5rem auto !important; color: var(--x); } }", "css")
        #expect(has(tokens, .nameClass, "a"))
        #expect(has(tokens, .nameDecorator, "hover"))
        #expect(has(tokens, .nameNamespace, "b"))
        #expect(has(tokens, .keyword, "margin"))
        #expect(has(tokens, .numberFloat, "-0.5"))
        #expect(has(tokens, .keywordType, "rem"))
        #expect(has(tokens, .keywordConstant, "auto"))
        #expect(has(tokens, .commentPreproc, "!important"))
        #expect(has(tokens, .nameFunction, "var"))
        #expect(has(tokens, .nameVariable, "--x"))
    }
}
