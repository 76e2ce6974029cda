import Testing
@testable import Highlight

@Suite struct SwiftLanguageTests {
    @Test func nestedInterpolation() {
        let tokens = lex(#"let s = "a \(f("b \(x)")) c""#, "swift")
        #expect(tokens.filter { $0.kind == .stringInterpol }.count == 4)
        #expect(has(tokens, .name, "f"))
        #expect(has(tokens, .name, "x"))
        #expect(tokens.last == Token(kind: .string, text: " c\""))
    }

    @Test func nestedBlockComments() {
        let tokens = lex("/* a /* b */ c */ let x = 1", "swift")
        #expect(tokens.first == Token(kind: .commentMultiline, text: "/* a /* b */ c */"))
        #expect(has(tokens, .keywordDeclaration, "let"))
    }

    @Test func rawAndMultilineStrings() {
        let tokens = lex("let p = #\"C:\\path \\#(name) \"quoted\"\"#\nlet m = \"\"\"\n  line \"one\"\n  \"\"\"\n", "swift")
        #expect(has(tokens, .stringInterpol, "\\#("))
        #expect(has(tokens, .string, "#\"C:\\path "))
        #expect(has(tokens, .string, "\"\"\"\n  line \"one\"\n  \"\"\""))
    }

    @Test func declarations() {
        let tokens = lex("import Foundation\nstruct Point: Hashable { func norm() -> Double { self.x.count } }", "swift")
        #expect(has(tokens, .nameClass, "Foundation"))
        #expect(has(tokens, .nameClass, "Point"))
        #expect(has(tokens, .nameFunction, "norm"))
        #expect(has(tokens, .nameBuiltin, "Double"))
        #expect(has(tokens, .nameBuiltinPseudo, "count"))
    }
}
