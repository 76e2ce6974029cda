import Testing
@testable import Highlight

@Suite struct CFamilyTests {
    @Test func preprocessorLines() {
        let tokens = lex("#include <stdio.h> // io\n#define MAX(a, b) \\\n  ((a) > (b))\nint x;\n", "c")
        #expect(has(tokens, .commentPreprocFile, "<stdio.h> "))
        #expect(has(tokens, .commentSingle, "// io"))
        #expect(has(tokens, .commentPreproc, "#define MAX(a, b) \\\n  ((a) > (b))"))
        #expect(has(tokens, .keywordType, "int"))
    }

    @Test func functionDeclarationsButNotCalls() {
        let tokens = lex("static unsigned long hash(const char *s) { return strlen(s); }\nnode_t *push(int v);\n", "c")
        #expect(has(tokens, .nameFunction, "hash"))
        #expect(has(tokens, .nameFunction, "push"))
        #expect(has(tokens, .name, "strlen"))
    }

    @Test func charactersAndEscapes() {
        let tokens = lex("char c = '\\n'; char *s = \"a\\tb\";", "c")
        #expect(has(tokens, .stringChar, "'"))
        #expect(has(tokens, .stringEscape, "\\n"))
        #expect(has(tokens, .stringEscape, "\\t"))
    }

    @Test func cppRawStringsAndClasses() {
        let tokens = lex("auto r = R\"x(a \"b\" \\n)x\";\nclass Widget final : public Base {};\n", "cpp")
        #expect(has(tokens, .stringAffix, "R"))
        #expect(has(tokens, .string, "\"x(a \"b\" \\n)x\""))
        #expect(has(tokens, .nameClass, "Widget"))
        #expect(has(tokens, .keyword, "public"))
    }
}
