/// JavaScript and TypeScript: template literals with nested `${…}`, regular expression literals,
/// and TypeScript's type annotations.
enum JavaScript {
    private static let keywords = """
        for in while do break return continue switch case default if else throw try catch finally yield await
        async this of static export import debugger extends super from as
        """
    private static let reserved = """
        abstract boolean byte char double enum final float goto implements int interface long native package
        private protected public short synchronized throws transient volatile constructor
        """
    private static let builtins = """
        Array Boolean Date BigInt Function Math ArrayBuffer Number Object RegExp String Promise Proxy Symbol Map
        Set WeakSet WeakMap Error EvalError RangeError ReferenceError SyntaxError TypeError URIError JSON Reflect
        Intl isFinite isNaN parseFloat parseInt document window globalThis
        """

    static let javascript: CodeSpec = {
        var spec = base
        spec.words = WordTable([
            (.keywordReserved, reserved),
            (.keyword, keywords),
            (.keywordDeclaration, "var let const with function class"),
            (.keywordConstant, "true false null NaN Infinity undefined"),
            (.operatorWord, "new typeof instanceof in void delete"),
            (.nameBuiltin, builtins),
        ])
        return spec
    }()

    static let typescript: CodeSpec = {
        var spec = base
        spec.words = WordTable([
            (.keywordReserved, reserved + " type namespace declare module keyof infer is asserts satisfies readonly"),
            (.keyword, keywords + " readonly override accessor"),
            (.keywordDeclaration, "var let const with function class interface enum"),
            (.keywordType, "any boolean never number string symbol unknown bigint object undefined void"),
            (.keywordConstant, "true false null NaN Infinity"),
            (.operatorWord, "new typeof instanceof in delete"),
            (.nameBuiltin, builtins),
        ])
        spec.typeAfterColon = (.keywordType, true)
        spec.decorators = true
        return spec
    }()

    private static let base: CodeSpec = {
        var spec = CodeSpec()
        spec.identifierKind = .nameOther
        spec.builtinsAfterDot = true
        spec.lineComments = ["//"]
        spec.blockComment = ("/*", "*/", false)
        spec.longPunctuation = ["=>", "..."]
        spec.punctuation = ByteSet("{}()[];,.")
        spec.operators = ByteSet("+-*/%=<>!&|^~?:")
        spec.stringStart = { s, i, _ in
            StringStart.delimited(s, i, "`", StringStyle(close: "`", kind: .stringBacktick, interpolation: .dollarBrace, multiline: true))
                ?? StringStart.delimited(s, i, "\"", StringStyle(close: "\"", kind: .stringDouble))
                ?? StringStart.delimited(s, i, "'", StringStyle(close: "'", kind: .stringSingle))
        }
        spec.special = { s, afterValue in regex(&s, afterValue) }
        return spec
    }()

    /// A regular expression literal where a `/` cannot be division.
    private static func regex(_ s: inout Scanner, _ afterValue: Bool) -> Bool {
        guard s.peek() == UInt8(ascii: "/"), !afterValue, s.peek(1) != UInt8(ascii: "/"), s.peek(1) != UInt8(ascii: "*") else {
            return false
        }
        var i = s.pos + 1
        var inClass = false
        // Bounded, so a line of many `/` cannot make the search quadratic.
        let limit = min(s.count, s.pos + 2048)
        while i < limit, s[i] != .newline {
            switch s[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "["): inClass = true
            case UInt8(ascii: "]"): inClass = false
            case UInt8(ascii: "/") where !inClass:
                s.emit(.stringRegex, to: s.end(from: i + 1, while: \.isLetter))
                return true
            default: break
            }
            i += 1
        }
        return false
    }
}
