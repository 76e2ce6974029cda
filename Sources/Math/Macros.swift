/// A user macro: `\newcommand`, `\def` or a site-wide definition.
struct Macro: Sendable {
    /// How many arguments the macro takes.
    var arity: Int
    /// The default of an optional first argument (`\newcommand{\x}[2][d]{…}`).
    var optionalDefault: [Token]?
    /// The replacement text, with `.parameter` tokens standing for the arguments.
    var body: [Token]

    /// A macro whose arity is the highest `#n` in `body`.
    init(body: [Token]) {
        var highest = 0
        for token in body {
            if case .parameter(let number) = token { highest = max(highest, number) }
        }
        self.init(arity: highest, optionalDefault: nil, body: body)
    }

    init(arity: Int, optionalDefault: [Token]?, body: [Token]) {
        self.arity = arity
        self.optionalDefault = optionalDefault
        self.body = body
    }

    /// The body with each `#n` replaced by argument `n`.
    func expand(with arguments: [[Token]]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(body.count)
        for token in body {
            if case .parameter(let number) = token {
                if number <= arguments.count { result.append(contentsOf: arguments[number - 1]) }
            } else {
                result.append(token)
            }
        }
        return result
    }
}

/// Macro tables: parsed once from site configuration, then extended by a formula's definitions.
enum Macros {
    /// Parses site-wide macros given as TeX strings keyed by name (`"\\RR"` or `"RR"`).
    /// Definitions that do not tokenize are skipped.
    static func table(from definitions: [String: String]) -> [String: Macro] {
        var table: [String: Macro] = [:]
        for (name, body) in definitions {
            let key = name.hasPrefix("\\") ? String(name.dropFirst()) : name
            guard !key.isEmpty, let tokens = try? Lexer.tokenize(body) else { continue }
            table[key] = Macro(body: tokens)
        }
        return table
    }
}
