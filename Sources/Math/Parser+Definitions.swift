/// `\newcommand`, `\renewcommand`, `\providecommand`, `\def` and `\let` inside a formula.
extension Parser {
    mutating func parseDefinition(_ command: String) throws(MathError) {
        switch command {
        case "def", "gdef", "edef", "xdef": try parseDef(command)
        case "let": try parseLet()
        case "DeclareMathOperator": try parseDeclareMathOperator()
        default: try parseNewCommand(command)
        }
    }

    /// Reads the name being defined: `\foo` or `{\foo}`.
    private mutating func definedName(_ command: String) throws(MathError) -> String {
        guard let tokens = try stream.rawArgument(), tokens.count == 1, case .command(let name) = tokens[0] else {
            throw MathError("\\\(command) needs a command name to define", command: "\\" + command)
        }
        return name
    }

    private mutating func parseNewCommand(_ command: String) throws(MathError) {
        _ = consumeStar()
        let name = try definedName(command)
        var arity = 0
        if let count = stream.rawOptional() {
            guard let number = Int(count.source), (0...9).contains(number) else {
                throw MathError("invalid number of arguments", command: "\\" + command)
            }
            arity = number
        }
        let optionalDefault = arity > 0 ? stream.rawOptional() : nil
        guard let body = try stream.rawArgument() else {
            throw MathError("missing macro body", command: "\\" + command)
        }
        try checkParameters(body, arity: arity, command: command)
        let exists = stream.macros[name] != nil
        if command == "newcommand", exists {
            throw MathError("\\\(name) is already defined; use \\renewcommand", command: "\\" + name)
        }
        if command == "providecommand", exists { return }
        stream.macros[name] = Macro(arity: arity, optionalDefault: optionalDefault, body: body)
    }

    /// `\DeclareMathOperator{\foo}{foo}` (or `*` for limits) defines `\foo` as `\operatorname{foo}`.
    private mutating func parseDeclareMathOperator() throws(MathError) {
        let star = consumeStar()
        let name = try definedName("DeclareMathOperator")
        guard let body = try stream.rawArgument() else {
            throw MathError("missing operator name", command: "\\DeclareMathOperator")
        }
        var tokens: [Token] = [.command("operatorname")]
        if star { tokens.append(.character("*")) }
        stream.macros[name] = Macro(arity: 0, optionalDefault: nil, body: tokens + [.beginGroup] + body + [.endGroup])
    }

    private mutating func parseDef(_ command: String) throws(MathError) {
        stream.skipSpaces()
        guard case .command(let name)? = stream.nextRaw() else {
            throw MathError("\\\(command) needs a command name to define", command: "\\" + command)
        }
        var arity = 0
        while let token = stream.peekRaw, token != .beginGroup {
            guard case .parameter(let number) = token, number == arity + 1 else {
                throw MathError("only undelimited parameters #1, #2, … are supported", command: "\\" + command)
            }
            arity = number
            _ = stream.nextRaw()
        }
        guard stream.nextRaw() == .beginGroup else { throw MathError("missing macro body", command: "\\" + command) }
        let body = try stream.rawGroupBody()
        try checkParameters(body, arity: arity, command: command)
        stream.macros[name] = Macro(arity: arity, optionalDefault: nil, body: body)
    }

    private mutating func parseLet() throws(MathError) {
        stream.skipSpaces()
        guard case .command(let name)? = stream.nextRaw() else {
            throw MathError("\\let needs a command name to define", command: "\\let")
        }
        stream.skipSpaces()
        if stream.peekRaw == .character("=") { _ = stream.nextRaw() }
        stream.skipSpaces()
        guard let target = stream.nextRaw() else { throw MathError("\\let needs a value", command: "\\let") }
        if case .command(let other) = target, let macro = stream.macros[other] {
            stream.macros[name] = macro
        } else {
            stream.macros[name] = Macro(arity: 0, optionalDefault: nil, body: [target])
        }
    }

    private func checkParameters(_ body: [Token], arity: Int, command: String) throws(MathError) {
        for token in body {
            if case .parameter(let number) = token, number > arity {
                throw MathError("#\(number) is more than the \(arity) arguments declared", command: "\\" + command)
            }
        }
    }
}
