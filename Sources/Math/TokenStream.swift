/// The parser's input: tokens still to read, with user macros expanded on demand.
struct TokenStream {
    /// Pending tokens in reverse order, so the next token is `pending.last`.
    private var pending: [Token]
    /// User macros, visible for the rest of the formula once defined.
    var macros: [String: Macro]
    private var expansions = 0
    private var pushed = 0

    static let expansionLimit = 10_000
    static let pushLimit = 1_000_000

    init(tokens: [Token], macros: [String: Macro]) {
        pending = tokens.reversed()
        self.macros = macros
    }

    /// The next token, without expanding macros.
    var peekRaw: Token? { pending.last }

    /// The token after the next one, without expanding macros.
    var peekSecondRaw: Token? { pending.count >= 2 ? pending[pending.count - 2] : nil }

    /// Removes and returns the next token, without expanding macros.
    mutating func nextRaw() -> Token? { pending.popLast() }

    /// Puts tokens back in front of the input.
    mutating func push(_ tokens: [Token]) throws(MathError) {
        pushed += tokens.count
        guard pushed <= Self.pushLimit else {
            throw MathError("macro expansion grows the formula without bound")
        }
        pending.append(contentsOf: tokens.reversed())
    }

    /// Expands user macros at the front of the input until the next token is not one, and returns it.
    mutating func peek() throws(MathError) -> Token? {
        while case .command(let name)? = pending.last, let macro = macros[name] ?? BuiltinMacros.table[name] {
            pending.removeLast()
            expansions += 1
            guard expansions <= Self.expansionLimit else {
                throw MathError("too many macro expansions; is a macro defined in terms of itself?", command: "\\" + name)
            }
            var arguments: [[Token]] = []
            var needed = macro.arity
            if let optionalDefault = macro.optionalDefault {
                arguments.append(rawOptional() ?? optionalDefault)
                needed -= 1
            }
            for _ in 0..<max(needed, 0) {
                guard let argument = try rawArgument() else {
                    throw MathError("missing argument", command: "\\" + name)
                }
                arguments.append(argument)
            }
            try push(macro.expand(with: arguments))
        }
        return pending.last
    }

    /// Expands macros, then removes and returns the next token.
    mutating func next() throws(MathError) -> Token? {
        let token = try peek()
        if token != nil { pending.removeLast() }
        return token
    }

    /// Skips white space tokens, without expanding macros.
    mutating func skipSpaces() {
        while pending.last == .space { pending.removeLast() }
    }

    /// Reads one undelimited argument as raw tokens: a balanced `{…}` group (without its braces)
    /// or a single token. Returns nil at the end of input.
    mutating func rawArgument() throws(MathError) -> [Token]? {
        skipSpaces()
        guard let first = pending.popLast() else { return nil }
        switch first {
        case .beginGroup: return try rawGroupBody()
        case .endGroup: throw MathError("an argument is missing before }")
        default: return [first]
        }
    }

    /// Reads the tokens up to the `}` matching an already consumed `{`.
    mutating func rawGroupBody() throws(MathError) -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        while let token = pending.popLast() {
            switch token {
            case .beginGroup: depth += 1
            case .endGroup:
                if depth == 0 { return tokens }
                depth -= 1
            default: break
            }
            tokens.append(token)
        }
        throw MathError("missing } to close a group")
    }

    /// Longest optional argument looked for; keeps repeated `[` without `]` from costing quadratic time.
    static let optionalArgumentLimit = 1_000

    /// Reads an optional `[…]` argument as raw tokens, if one comes next.
    mutating func rawOptional() -> [Token]? {
        var index = pending.count - 1
        while index >= 0, pending[index] == .space { index -= 1 }
        guard index >= 0, pending[index] == .character("[") else { return nil }
        var depth = 0
        var tokens: [Token] = []
        var cursor = index - 1
        while cursor >= 0, index - cursor <= Self.optionalArgumentLimit {
            let token = pending[cursor]
            switch token {
            case .beginGroup: depth += 1
            case .endGroup: depth -= 1
            case .character("]") where depth == 0:
                pending.removeSubrange(cursor...)
                return tokens
            default: break
            }
            tokens.append(token)
            cursor -= 1
        }
        return nil
    }
}
