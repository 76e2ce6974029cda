/// C and C++: preprocessor lines, character literals, raw strings (`R"delim(…)delim"`) and
/// function names in declarations.
enum CFamily {
    private static let cKeywords = """
        auto break case const continue default do else enum extern for goto if register restrict return sizeof
        struct static switch typedef union volatile while _Alignas _Alignof _Atomic _Generic _Noreturn
        _Static_assert _Thread_local
        """
    private static let cTypes = """
        int long float short double char unsigned signed void bool _Bool _Complex size_t ssize_t ptrdiff_t
        intptr_t uintptr_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t wchar_t FILE
        """

    static let c: CodeSpec = {
        var spec = base
        spec.words = WordTable([
            (.keyword, cKeywords),
            (.keywordReserved, "inline"),
            (.keywordType, cTypes),
            (.nameBuiltin, "NULL true false"),
        ])
        spec.classIntroducers = WordTable([(.keyword, "struct union enum")])
        return spec
    }()

    static let cpp: CodeSpec = {
        var spec = base
        spec.words = WordTable([
            (
                .keyword,
                cKeywords + """
                     alignas alignof asm catch class concept const_cast consteval constexpr constinit co_await
                    co_return co_yield decltype delete dynamic_cast explicit export final friend inline mutable
                    namespace new noexcept operator override private protected public reinterpret_cast requires
                    static_assert static_cast template this thread_local throw try typeid typename using virtual
                    """
            ),
            (.keywordType, cTypes + " char8_t char16_t char32_t"),
            (.keywordConstant, "true false nullptr"),
            (.nameBuiltin, "NULL"),
        ])
        spec.classIntroducers = WordTable([(.keyword, "class struct union enum typename")])
        spec.namespaceIntroducers = WordTable([(.keyword, "namespace")])
        return spec
    }()

    private static let base: CodeSpec = {
        var spec = CodeSpec()
        spec.lineComments = ["//"]
        spec.blockComment = ("/*", "*/", false)
        spec.preprocessor = true
        spec.declarationCalls = true
        spec.punctuation = ByteSet("()[]{},.;")
        spec.operators = ByteSet("+-*/%=<>!&|^~?:")
        spec.stringStart = { s, i, _ in stringStart(s, i) }
        return spec
    }()

    /// `"…"`, `'c'`, with `L`, `u`, `U`, `u8` prefixes, and C++ raw strings.
    private static func stringStart(_ s: Scanner, _ i: Int) -> StringStart? {
        var prefix = 0
        if s.matches("u8", at: i) { prefix = 2 } else if "LuU".utf8.contains(s[i]) { prefix = 1 }
        if s[i + prefix] == UInt8(ascii: "R"), s[i + prefix + 1] == UInt8(ascii: "\"") {
            let open = i + prefix + 2
            let delimiterEnd = s.end(from: open) { $0 != UInt8(ascii: "(") && $0 != .newline && $0 != UInt8(ascii: "\"") }
            guard s[delimiterEnd] == UInt8(ascii: "("), delimiterEnd - open <= 16 else { return nil }
            let delimiter = String(decoding: s.slice(open, delimiterEnd), as: UTF8.self)
            return StringStart(
                prefixLength: prefix + 1, openLength: delimiterEnd + 1 - (i + prefix + 1),
                style: StringStyle(close: ")" + delimiter + "\"", kind: .string, escapes: false, multiline: true))
        }
        return StringStart.delimited(s, i, prefixLength: prefix, "\"", StringStyle(close: "\"", kind: .string))
            ?? StringStart.character(s, i, prefixLength: prefix)
    }
}
