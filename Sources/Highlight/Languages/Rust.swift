/// Rust: nested block comments, doc comments, raw strings `r#"…"#`, lifetimes vs character
/// literals, attributes and `macro!` calls.
enum Rust {
    static let spec: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (
                .keyword,
                """
                as async await break const continue crate dyn else enum extern fn for if impl in loop match mod
                move mut pub ref return static struct super trait type union unsafe use where while
                """
            ),
            (.keywordDeclaration, "let"),
            (.keywordConstant, "true false"),
            (.nameBuiltinPseudo, "self Self"),
            (.keywordType, "u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 usize isize f32 f64 char str bool"),
            (
                .nameBuiltin,
                """
                Copy Send Sized Sync Unpin Drop Fn FnMut FnOnce drop Box ToOwned Clone PartialEq PartialOrd Eq Ord
                AsRef AsMut Into From Default Iterator Extend IntoIterator DoubleEndedIterator ExactSizeIterator
                Option Some None Result Ok Err String ToString Vec TryFrom TryInto FromIterator
                """
            ),
        ])
        spec.functionIntroducers = WordTable([(.keyword, "fn")])
        spec.classIntroducers = WordTable([(.keyword, "struct enum union trait type")])
        spec.namespaceIntroducers = WordTable([(.keyword, "mod")])
        spec.lineComments = ["//"]
        spec.blockComment = ("/*", "*/", true)
        spec.typeAfterColon = (.nameClass, false)
        spec.bangMacros = true
        spec.longOperators = ["..="]
        spec.longPunctuation = ["::", "->"]
        spec.punctuation = ByteSet("{}()[],.;")
        spec.operators = ByteSet("+-*/%&|<>^!~@=:?")
        spec.stringStart = { s, i, _ in stringStart(s, i) }
        spec.special = { s, _ in lexSpecial(&s) }
        return spec
    }()

    private static func stringStart(_ s: Scanner, _ i: Int) -> StringStart? {
        let prefix = s[i] == UInt8(ascii: "b") ? 1 : 0
        if s[i + prefix] == UInt8(ascii: "r") {
            let hashes = s.end(from: i + prefix + 1) { $0 == UInt8(ascii: "#") } - (i + prefix + 1)
            if s[i + prefix + 1 + hashes] == UInt8(ascii: "\""), hashes <= 255 {
                let close = "\"" + String(repeating: "#", count: hashes)
                return StringStart(
                    prefixLength: 0, openLength: prefix + hashes + 2,
                    style: StringStyle(close: close, kind: .string, escapes: false, multiline: true))
            }
        }
        return StringStart.delimited(s, i, prefixLength: prefix, "\"", StringStyle(close: "\"", kind: .string, multiline: true))
            ?? StringStart.character(s, i, prefixLength: prefix)
    }

    /// Doc comments, attributes and lifetimes.
    private static func lexSpecial(_ s: inout Scanner) -> Bool {
        if s.matches("///") && s.peek(3) != UInt8(ascii: "/") || s.matches("//!") {
            s.emitRestOfLine(.stringDoc)
            return true
        }
        if (s.matches("/**") && s.peek(3) != UInt8(ascii: "*") && s.peek(3) != UInt8(ascii: "/")) || s.matches("/*!") {
            s.emit(.stringDoc, to: s.blockCommentEnd(from: s.pos, open: "/*", close: "*/", nests: true))
            return true
        }
        if s.matches("#[") || s.matches("#![") {
            var depth = 0
            var i = s.pos
            while i < s.count {
                if s[i] == UInt8(ascii: "[") { depth += 1 }
                if s[i] == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        break
                    }
                }
                i += 1
            }
            s.emit(.commentPreproc, to: i)
            return true
        }
        if s.peek() == UInt8(ascii: "'"), s.peek(1).isIdentifierStart, StringStart.character(s, s.pos) == nil {
            s.emit(.operator, length: 1)
            let end = s.identifierEnd(from: s.pos)
            let word = s.slice(s.pos, end)
            s.emit(word.elementsEqual("static".utf8) || word.elementsEqual("_".utf8) ? .nameBuiltin : .nameAttribute, to: end)
            return true
        }
        return false
    }
}
