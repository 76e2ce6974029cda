/// A table-driven lexer for programming languages described by a `CodeSpec`.
///
/// String bodies and interpolated expressions live on an explicit stack, so `"\("\("…")")"`
/// nests to any depth without recursion.
struct CodeLexer: Lexer {
    let spec: CodeSpec

    private enum Frame {
        case string(StringStyle)
        /// Code inside an interpolation; `depth` counts brackets opened since; with `colonEnds`
        /// (Python f-strings) a `:` at depth 0 starts the format spec, back in the string.
        case interpolation(close: UInt8, depth: Int, colonEnds: Bool)
    }

    /// What the next identifier means because of the word before it.
    private enum Pending { case none, function, type, namespace }

    private struct State {
        var stack: [Frame] = []
        var pending = Pending.none
        var afterValue = false
        /// Whether the last token could end a type (`int`, `T`, `*`, `>`), for `declarationCalls`.
        var typeLike = false
    }

    func lex(_ scanner: inout Scanner) {
        var state = State()
        scanner.run { s in
            if case .string(let style)? = state.stack.last {
                lexStringBody(&s, style, &state)
            } else {
                lexCode(&s, &state)
            }
        }
    }

    // MARK: - Code

    private func lexCode(_ s: inout Scanner, _ state: inout State) {
        let byte = s.peek()
        if byte.isSpace {
            let end = s.end(from: s.pos, while: \.isSpace)
            if state.pending == .namespace, s.slice(s.pos, end).contains(.newline) { state.pending = .none }
            s.emit(.text, to: end)
            return
        }
        if case .interpolation(_, 0, true)? = state.stack.last, byte == UInt8(ascii: "!"),
            "rsa".utf8.contains(s.peek(1)), s.peek(2) == UInt8(ascii: "}") || s.peek(2) == UInt8(ascii: ":")
        {
            // An f-string conversion (`{x!r}`) belongs to the replacement field, not the expression.
            s.emit(.stringInterpol, length: 2)
            return
        }
        if closesInterpolation(byte, &state) {
            s.emit(.stringInterpol, length: 1)
            state.stack.removeLast()
            return
        }
        if let special = spec.special, special(&s, state.afterValue) {
            state.pending = .none
            state.afterValue = false
            return
        }
        if s.pos == 0, s.matches("#!") {
            s.emitRestOfLine(.commentHashbang)
            return
        }
        if lexComment(&s) { return }
        if spec.preprocessor, byte == UInt8(ascii: "#"), s.isFirstOnLine(s.pos) {
            lexPreprocessor(&s)
            return
        }
        if let start = spec.stringStart(s, s.pos, state.afterValue) {
            state.typeLike = false
            s.emit(.stringAffix, length: start.prefixLength)
            s.emit(start.style.kind, length: start.openLength)
            state.stack.append(.string(start.style))
            state.pending = .none
            return
        }
        if byte.isDigit || (byte == UInt8(ascii: ".") && s.peek(1).isDigit) {
            let (end, kind) = s.number(from: s.pos, suffixes: spec.numberSuffixes)
            s.emit(kind, to: end)
            state.afterValue = true
            state.pending = .none
            return
        }
        if byte.isIdentifierStart {
            lexIdentifier(&s, &state)
            return
        }
        if spec.decorators, byte == UInt8(ascii: "@"), s.peek(1).isIdentifierStart {
            s.emit(.nameDecorator, to: s.end(from: s.pos + 1) { $0.isIdentifier || $0 == UInt8(ascii: ".") })
            return
        }
        lexSymbol(&s, &state)
    }

    /// Tracks bracket depth inside an interpolation; true when `byte` ends it.
    private func closesInterpolation(_ byte: UInt8, _ state: inout State) -> Bool {
        guard case .interpolation(let close, let depth, let colonEnds)? = state.stack.last else { return false }
        var newDepth = depth
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            newDepth += 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            if depth == 0 { return byte == close }
            newDepth -= 1
        case UInt8(ascii: ":"):
            return colonEnds && depth == 0
        default:
            return false
        }
        state.stack[state.stack.count - 1] = .interpolation(close: close, depth: newDepth, colonEnds: colonEnds)
        return false
    }

    private func lexComment(_ s: inout Scanner) -> Bool {
        if let block = spec.blockComment, s.matches(block.open) {
            s.emit(.commentMultiline, to: s.blockCommentEnd(from: s.pos, open: block.open, close: block.close, nests: block.nests))
            return true
        }
        for prefix in spec.lineComments where s.matches(prefix) {
            s.emitRestOfLine(.commentSingle)
            return true
        }
        return false
    }

    /// `#include <file>` and other directives, continued over backslash-newlines.
    private func lexPreprocessor(_ s: inout Scanner) {
        var end = s.pos
        while true {
            end = s.lineEnd(from: end)
            guard end < s.count, s[end - 1] == UInt8(ascii: "\\") else { break }
            end += 1
        }
        let word = s.end(from: s.end(from: s.pos + 1, while: \.isBlank), while: \.isIdentifier)
        if s.slice(s.pos, word).elementsEqual("#include".utf8) || s.slice(s.pos, word).elementsEqual("#import".utf8) {
            let file = s.end(from: word, while: \.isBlank)
            let commentStart = s.firstComment(from: file, before: end)
            s.emit(.commentPreproc, to: file)
            s.emit(.commentPreprocFile, to: commentStart)
        }
        let commentStart = s.firstComment(from: s.pos, before: end)
        s.emit(.commentPreproc, to: commentStart)
        if commentStart < end {
            s.emit(s.matches("//") ? .commentSingle : .commentMultiline, to: end)
        }
    }

    private func lexIdentifier(_ s: inout Scanner, _ state: inout State) {
        let end =
            spec.dottedIdentifiers
            ? s.end(from: s.pos) { $0.isIdentifier || $0 == UInt8(ascii: ".") }
            : s.identifierEnd(from: s.pos)
        let word = s.slice(s.pos, end)
        let previous = s.previousNonSpace(before: s.pos)
        let afterDot = previous == UInt8(ascii: ".") && s[s.pos - 2] != UInt8(ascii: ".")
        var kind = spec.words[word]
        if afterDot, !spec.builtinsAfterDot, let known = kind, known == .nameBuiltin || known == .nameBuiltinPseudo {
            kind = nil
        }
        if let typeRule = spec.typeAfterColon, kind == nil || typeRule.overrides, s.followsTypeColon(s.pos) {
            kind = typeRule.kind
        }
        if kind == nil || kind == .keywordType || kind == .nameBuiltin {
            switch state.pending {
            case .function: kind = .nameFunction
            case .type where kind == nil: kind = spec.classKind
            case .namespace: kind = spec.namespaceKind
            default: break
            }
        }
        let next = s.nextNonBlank(from: end).byte
        if spec.bangMacros, kind == nil, s[end] == UInt8(ascii: "!"), s[end + 1] != UInt8(ascii: "=") {
            s.emit(.nameFunctionMagic, to: end + 1)
            state.pending = .none
            state.afterValue = false
            return
        }
        if kind == nil, spec.declarationCalls, state.typeLike, next == UInt8(ascii: "(") {
            kind = .nameFunction
        }
        let resolved =
            kind
            ?? (afterDot ? spec.memberKind : nil)
            ?? (spec.callKind != nil && next == UInt8(ascii: "(") ? spec.callKind : nil)
            ?? spec.identifierKind
        s.emit(resolved, to: end)
        if spec.functionIntroducers.contains(word) {
            state.pending = .function
        } else if spec.classIntroducers.contains(word) {
            state.pending = .type
        } else if spec.namespaceIntroducers.contains(word) {
            state.pending = .namespace
        } else if state.pending != .namespace || resolved != spec.namespaceKind {
            state.pending = .none
        }
        state.typeLike = kind == nil || kind == .keywordType || kind == spec.classKind || kind == .nameBuiltin
        state.afterValue =
            kind == nil || kind == .keywordConstant || kind == .nameBuiltin || kind == .nameBuiltinPseudo
            || resolved == .nameFunction || resolved == spec.classKind
    }

    private func lexSymbol(_ s: inout Scanner, _ state: inout State) {
        let byte = s.peek()
        if state.pending == .namespace, byte == UInt8(ascii: "."), s.peek(1).isIdentifierStart {
            s.emit(spec.namespaceKind, length: 1)
            return
        }
        state.pending = .none
        let wasTypeLike = state.typeLike
        state.typeLike = false
        if let long = spec.longPunctuation.first(where: { s.matches($0) }) {
            s.emit(.punctuation, length: long.utf8.count)
            state.afterValue = false
        } else if let long = spec.longOperators.first(where: { s.matches($0) }) {
            s.emit(.operator, length: long.utf8.count)
            state.afterValue = false
        } else if spec.punctuation.contains(byte) {
            s.emit(.punctuation, length: 1)
            state.afterValue = byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
            state.typeLike = wasTypeLike && (byte == UInt8(ascii: "]") || byte == UInt8(ascii: ">"))
        } else if spec.operators.contains(byte) {
            let end = s.end(from: s.pos) { spec.operators.contains($0) && !spec.punctuation.contains($0) }
            let pointerOrGeneric = s.slice(s.pos, end).allSatisfy {
                $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: ">")
            }
            s.emit(.operator, to: end)
            state.afterValue = false
            state.typeLike = wasTypeLike && pointerOrGeneric
        } else {
            s.emitScalar(.text)
        }
    }

    // MARK: - Strings

    private func lexStringBody(_ s: inout Scanner, _ style: StringStyle, _ state: inout State) {
        var i = s.pos
        let lead = style.escapeLead
        while i < s.count {
            let byte = s[i]
            if byte == style.close[0], s.matches(style.close, at: i) {
                s.emit(style.kind, to: i)
                s.emit(style.kind, length: style.close.count)
                state.stack.removeLast()
                state.afterValue = true
                return
            }
            if !lead.isEmpty, byte == lead[0], s.matches(lead, at: i) {
                s.emit(style.kind, to: i)
                let after = i + lead.count
                if style.interpolation == .backslashParen, s[after] == UInt8(ascii: "(") {
                    s.emit(.stringInterpol, to: after + 1)
                    state.stack.append(.interpolation(close: UInt8(ascii: ")"), depth: 0, colonEnds: false))
                } else {
                    s.emit(.stringEscape, to: s.escapeEnd(from: after))
                }
                return
            }
            if let interpolation = interpolationStart(s, i, style.interpolation) {
                s.emit(style.kind, to: i)
                s.emit(interpolation.kind, to: interpolation.end)
                if let close = interpolation.close {
                    state.stack.append(.interpolation(close: close, depth: 0, colonEnds: style.interpolation == .braces))
                }
                return
            }
            if byte == .newline, !style.multiline {
                s.emit(style.kind, to: i)
                state.stack.removeLast()
                return
            }
            i += 1
        }
        s.emit(style.kind, to: i)
    }

    /// An interpolation or brace escape at `i`: where its opener ends, its kind, and the bracket
    /// that closes the embedded expression (nil for a simple `$name` or an escape).
    private func interpolationStart(_ s: Scanner, _ i: Int, _ interpolation: StringStyle.Interpolation)
        -> (end: Int, kind: TokenKind, close: UInt8?)?
    {
        let byte = s[i]
        let next = s[i + 1]
        switch interpolation {
        case .none, .backslashParen:
            return nil
        case .braces:
            if byte == UInt8(ascii: "{") {
                return next == byte ? (i + 2, .stringEscape, nil) : (i + 1, .stringInterpol, UInt8(ascii: "}"))
            }
            if byte == UInt8(ascii: "}") { return next == byte ? (i + 2, .stringEscape, nil) : (i + 1, .stringInterpol, nil) }
            return nil
        case .dollarBrace:
            return byte == UInt8(ascii: "$") && next == UInt8(ascii: "{") ? (i + 2, .stringInterpol, UInt8(ascii: "}")) : nil
        case .dollar:
            guard byte == UInt8(ascii: "$") else { return nil }
            if next == UInt8(ascii: "{") { return (i + 2, .stringInterpol, UInt8(ascii: "}")) }
            if next == UInt8(ascii: "(") { return (i + 2, .stringInterpol, UInt8(ascii: ")")) }
            if next.isIdentifierStart { return (s.identifierEnd(from: i + 1), .stringInterpol, nil) }
            return nil
        }
    }
}

extension Scanner {
    /// Whether `index` follows a type-annotation colon or arrow (`x: T`, `-> T`), skipping `&`.
    func followsTypeColon(_ index: Int) -> Bool {
        var i = index - 1
        while i >= 0, bytes[i].isSpace || bytes[i] == UInt8(ascii: "&") { i -= 1 }
        guard i >= 0 else { return false }
        if bytes[i] == UInt8(ascii: ":") { return self[i - 1] != UInt8(ascii: ":") && self[i + 1] != UInt8(ascii: ":") }
        return bytes[i] == UInt8(ascii: ">") && self[i - 1] == UInt8(ascii: "-")
    }

    /// Whether `word` occurs at `index`.
    func matches(_ word: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        for (k, byte) in word.enumerated() where bytes[index + k] != byte { return false }
        return true
    }

    /// The end of a block comment opened at `index`; nested openers count when `nests`.
    func blockCommentEnd(from index: Int, open: String, close: String, nests: Bool) -> Int {
        let openBytes = Array(open.utf8)
        let closeBytes = Array(close.utf8)
        var depth = 0
        var i = index
        while i < count {
            if matches(openBytes, at: i), nests || depth == 0 {
                depth += 1
                i += openBytes.count
            } else if matches(closeBytes, at: i) {
                depth -= 1
                i += closeBytes.count
                if depth == 0 { return i }
            } else {
                i += 1
            }
        }
        return count
    }

    /// The start of the first `//` or `/*` comment in `index..<limit` (outside quotes), or `limit`.
    func firstComment(from index: Int, before limit: Int) -> Int {
        var i = index
        var quote: UInt8 = 0
        while i < limit {
            let byte = bytes[i]
            if quote != 0 {
                if byte == UInt8(ascii: "\\") { i += 1 } else if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "/"), self[i + 1] == UInt8(ascii: "/") || self[i + 1] == UInt8(ascii: "*") {
                return i
            }
            i += 1
        }
        return limit
    }

    /// The end and kind of the number literal at `index`.
    func number(from index: Int, suffixes: Bool) -> (end: Int, kind: TokenKind) {
        let radix = self[index + 1] | 0x20
        var kind = TokenKind.numberInteger
        var i: Int
        if self[index] == UInt8(ascii: "0"), radix == UInt8(ascii: "x") || radix == UInt8(ascii: "b") || radix == UInt8(ascii: "o") {
            kind = radix == UInt8(ascii: "x") ? .numberHex : radix == UInt8(ascii: "b") ? .numberBin : .numberOct
            i = end(from: index + 2) { $0.isHexDigit || $0 == UInt8(ascii: "_") }
        } else {
            i = end(from: index) { $0.isDigit || $0 == UInt8(ascii: "_") }
            if self[i] == UInt8(ascii: "."), self[i + 1].isDigit || (i > index && !self[i + 1].isIdentifierStart && self[i + 1] != UInt8(ascii: "."))
            {
                kind = .numberFloat
                i = end(from: i + 1) { $0.isDigit || $0 == UInt8(ascii: "_") }
            }
            if self[i] | 0x20 == UInt8(ascii: "e") {
                let sign = self[i + 1] == UInt8(ascii: "+") || self[i + 1] == UInt8(ascii: "-") ? 1 : 0
                if self[i + 1 + sign].isDigit {
                    kind = .numberFloat
                    i = end(from: i + 1 + sign, while: \.isDigit)
                }
            }
        }
        if suffixes { i = end(from: i, while: \.isIdentifier) }
        return (i, kind)
    }
}
