/// Java and Kotlin: annotations, generics, method declarations, Kotlin string templates.
enum JVM {
    static let java: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (
                .keyword,
                """
                assert break case catch continue default do else finally for goto if instanceof new return
                switch this throw try while yield
                """
            ),
            (
                .keywordDeclaration,
                """
                abstract const enum extends final implements native private protected public sealed permits static
                strictfp super synchronized throws transient volatile class interface record var non
                """
            ),
            (.keywordType, "boolean byte char double float int long short void"),
            (.keywordConstant, "true false null"),
            (.keywordNamespace, "package import"),
        ])
        spec.classIntroducers = WordTable([(.keyword, "class interface enum record")])
        spec.namespaceIntroducers = WordTable([(.keyword, "package import")])
        spec.lineComments = ["//"]
        spec.blockComment = ("/*", "*/", false)
        spec.declarationCalls = true
        spec.decorators = true
        spec.memberKind = .nameAttribute
        spec.punctuation = ByteSet("(){};:.,")
        spec.operators = ByteSet("~^*!%&[]<>|+=/?-")
        spec.stringStart = { s, i, _ in
            StringStart.delimited(s, i, "\"\"\"", StringStyle(close: "\"\"\"", kind: .string, multiline: true))
                ?? StringStart.delimited(s, i, "\"", StringStyle(close: "\"", kind: .string))
                ?? StringStart.character(s, i)
        }
        return spec
    }()

    static let kotlin: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (
                .keyword,
                """
                abstract actual annotation as break by catch companion const constructor continue crossinline data
                delegate do dynamic else enum expect external false final finally for get if import in infix init
                inline inner interface internal is lateinit noinline open operator out override package private
                protected public reified return sealed set super suspend tailrec this throw try typealias typeof
                vararg when where while
                """
            ),
            (.keywordDeclaration, "class fun object val var"),
            (
                .keywordType,
                """
                Boolean Byte Char Double Float Int Long Short String Any Unit Nothing
                """
            ),
            (.keywordConstant, "true false null"),
            (.nameBuiltin, "it"),
        ])
        spec.functionIntroducers = WordTable([(.keyword, "fun")])
        spec.classIntroducers = WordTable([(.keyword, "class interface object")])
        spec.namespaceIntroducers = WordTable([(.keyword, "package import")])
        spec.lineComments = ["//"]
        spec.blockComment = ("/*", "*/", true)
        spec.decorators = true
        spec.memberKind = .nameAttribute
        spec.longOperators = ["::", "!!", "?:", "?."]
        spec.punctuation = ByteSet("(){};:.,")
        spec.operators = ByteSet("~^*!%&[]<>|+=/?-")
        spec.stringStart = { s, i, _ in
            StringStart.delimited(
                s, i, "\"\"\"", StringStyle(close: "\"\"\"", kind: .string, escapes: false, interpolation: .dollar, multiline: true))
                ?? StringStart.delimited(s, i, "\"", StringStyle(close: "\"", kind: .string, interpolation: .dollar))
                ?? StringStart.character(s, i)
        }
        return spec
    }()
}
