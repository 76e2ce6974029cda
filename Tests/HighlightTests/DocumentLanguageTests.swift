import Testing
@testable import Highlight

@Suite struct DocumentLanguageTests {
    @Test func markdownBlocksAndInlines() {
        let code = "# Title\n## Sub\n- item with `code` and **bold**\n> quote\n[a](http://x) *em* ~~gone~~\n| a | b |\n|---|--:|\n"
        let tokens = lex(code, "md")
        #expect(has(tokens, .genericHeading, "# Title"))
        #expect(has(tokens, .genericSubheading, "## Sub"))
        #expect(has(tokens, .keyword, "-"))
        #expect(has(tokens, .stringBacktick, "`code`"))
        #expect(has(tokens, .genericStrong, "**bold**"))
        #expect(has(tokens, .genericEmph, "quote"))
        #expect(has(tokens, .nameTag, "a"))
        #expect(has(tokens, .nameAttribute, "http://x"))
        #expect(has(tokens, .genericEmph, "*em*"))
        #expect(has(tokens, .genericDeleted, "~~gone~~"))
        #expect(has(tokens, .punctuation, "|---|--:|"))
    }

    @Test func markdownFencesUseTheirLanguage() {
        let tokens = lex("````markdown\n```python\ndef f(): pass\n```\n````\n```python\ndef g(): pass\n```\n", "markdown")
        // Markdown inside Markdown is not lexed again: it stays a code block.
        #expect(kind(of: "def f(): pass", in: tokens) == .stringBacktick)
        #expect(has(tokens, .nameFunction, "g"))
        #expect(has(tokens, .keyword, "def"))
    }

    @Test func latexCommandsAndMath() {
        let tokens = lex("\\section[short]{Intro} % note\n$\\alpha = 2x$ and \\[ E \\]", "tex")
        #expect(has(tokens, .keyword, "\\section"))
        #expect(has(tokens, .nameAttribute, "[short]"))
        #expect(has(tokens, .nameBuiltin, "{"))
        #expect(has(tokens, .comment, "% note"))
        #expect(has(tokens, .nameVariable, "\\alpha"))
        #expect(has(tokens, .number, "2"))
        #expect(has(tokens, .stringBacktick, "\\["))
    }

    @Test func scientificLanguages() {
        let r = lex("x <- read.csv(\"a\") %>% filter(y == TRUE)", "r")
        #expect(has(r, .nameFunction, "read.csv"))
        #expect(has(r, .operator, "%>%"))
        #expect(has(r, .keywordConstant, "TRUE"))
        let julia = lex("f(x::Int) = \"v=$(x') $x\" # c\n#= a #= b =# =#", "julia")
        #expect(has(julia, .keywordType, "Int"))
        #expect(has(julia, .stringInterpol, "$x"))
        #expect(has(julia, .operator, "'"))
        #expect(has(julia, .commentMultiline, "#= a #= b =# =#"))
        let matlab = lex("function y = f(x)\n%{\nblock\n%}\ny = x' + 'str';\nhold on\n", "matlab")
        #expect(has(matlab, .nameFunction, "f"))
        #expect(has(matlab, .commentMultiline, "%{\nblock\n%}"))
        #expect(has(matlab, .operator, "'"))
        #expect(has(matlab, .string, "'str'"))
        #expect(has(matlab, .string, "on"))
    }

    @Test func goJavaKotlin() {
        let go = lex("func main() { x := `raw\n` + 'r' }", "go")
        #expect(has(go, .keywordDeclaration, "func"))
        #expect(has(go, .operator, ":="))
        #expect(has(go, .string, "`raw\n`"))
        #expect(has(go, .stringChar, "'r'"))
        let java = lex("@Override public List<String> names(int n) { return list.of(n); }", "java")
        #expect(has(java, .nameDecorator, "@Override"))
        #expect(has(java, .nameFunction, "names"))
        #expect(has(java, .nameAttribute, "of"))
        let kotlin = lex("fun greet(u: User) = \"Hi ${u.name} and $x\"", "kotlin")
        #expect(has(kotlin, .nameFunction, "greet"))
        #expect(has(kotlin, .stringInterpol, "${"))
        #expect(has(kotlin, .stringInterpol, "$x"))
    }
}
