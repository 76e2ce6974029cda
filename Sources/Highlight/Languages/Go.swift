/// Go: raw strings in backquotes, runes, and Go's split of single-character operators into punctuation.
enum Go {
    static let spec: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (.keyword, "break default select case defer go else goto switch fallthrough if range continue for return"),
            (.keywordDeclaration, "func type struct interface map chan var const"),
            (.keywordNamespace, "import package"),
            (
                .keywordType,
                """
                uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float float32 float64 complex64 complex128
                byte rune string bool error uintptr any comparable
                """
            ),
            (.nameBuiltin, "append cap close complex copy delete imag len make new panic print println real recover min max clear"),
            (.keywordConstant, "true false iota nil"),
        ])
        spec.identifierKind = .nameOther
        spec.lineComments = ["//"]
        spec.blockComment = ("/*", "*/", false)
        spec.longOperators = [
            "<<=", ">>=", "&^=", "...", "<<", ">>", "<=", ">=", "&^", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
            "&&", "||", "<-", "++", "--", "==", "!=", ":=",
        ]
        spec.punctuation = ByteSet("|^<>=!()[]{}.,;:")
        spec.operators = ByteSet("+-*/%&~")
        spec.stringStart = { s, i, _ in
            StringStart.delimited(s, i, "`", StringStyle(close: "`", kind: .string, escapes: false, multiline: true))
                ?? StringStart.delimited(s, i, "\"", StringStyle(close: "\"", kind: .string))
                ?? StringStart.character(s, i)
        }
        return spec
    }()
}
