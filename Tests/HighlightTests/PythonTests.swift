import Testing
@testable import Highlight

@Suite struct PythonTests {
    @Test func definitionsDecoratorsAndTypeHints() {
        let tokens = lex("@dataclass\nclass Point(Base):\n    def norm(self, x: int) -> float:\n        return 1\n", "python")
        #expect(has(tokens, .nameDecorator, "@dataclass"))
        #expect(has(tokens, .nameClass, "Point"))
        #expect(has(tokens, .nameFunction, "norm"))
        #expect(has(tokens, .nameBuiltinPseudo, "self"))
        #expect(has(tokens, .nameBuiltin, "int"))
        #expect(has(tokens, .nameBuiltin, "float"))
        #expect(has(tokens, .keyword, "return"))
    }

    @Test func nestedFStringInterpolation() {
        let tokens = lex(#"f"a {x + f'{y!r}'} {{b}} {v:>{w}}""#, "py")
        #expect(has(tokens, .stringAffix, "f"))
        #expect(has(tokens, .stringEscape, "{{"))
        #expect(has(tokens, .stringEscape, "}}"))
        #expect(has(tokens, .name, "x"))
        #expect(has(tokens, .name, "y"))
        #expect(has(tokens, .name, "w"))
        #expect(tokens.filter { $0.kind == .stringInterpol }.count >= 4)
        #expect(kind(of: "!r}", in: tokens) == .stringInterpol)
        // The quote of the inner f-string does not end the outer one.
        #expect(tokens.last?.kind == .stringDouble)
    }

    @Test func rawBytesAndDocstrings() {
        let tokens = lex("def f():\n    \"\"\"Doc\n    more\"\"\"\n    return r\"\\d\", b\"\\n\"\n", "python")
        #expect(has(tokens, .stringDoc, "\"\"\"Doc\n    more\"\"\""))
        #expect(has(tokens, .stringDouble, "\"\\d\""))
        #expect(has(tokens, .stringEscape, "\\n"))
    }

    @Test func numbersAndOperatorWords() {
        let tokens = lex("x = 0x1F + 1_000 + 2.5e-3 if a is not None and b in c else 0b101\n", "python")
        #expect(has(tokens, .numberHex, "0x1F"))
        #expect(has(tokens, .numberInteger, "1_000"))
        #expect(has(tokens, .numberFloat, "2.5e-3"))
        #expect(has(tokens, .numberBin, "0b101"))
        #expect(has(tokens, .operatorWord, "is"))
        #expect(has(tokens, .operatorWord, "and"))
        #expect(has(tokens, .keywordConstant, "None"))
    }

    @Test func importsAndBuiltinsAfterDot() {
        let tokens = lex("from os.path import join\nobj.print(len(x))\n", "python")
        #expect(has(tokens, .keywordNamespace, "from"))
        #expect(kind(of: "os.path", in: tokens) == .nameNamespace)
        #expect(has(tokens, .name, "print"))
        #expect(has(tokens, .nameBuiltin, "len"))
    }
}
