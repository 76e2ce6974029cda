/// The dots commands, drawn as KaTeX draws them.
extension Parser {
    /// Whether the dots command `name` puts its dots on the axis (`\cdots`) or on the baseline
    /// (`\ldots`); nil when `name` is not a dots command. `\dots` chooses by what follows, as
    /// amsmath does: centred before a binary operator or a relation (`\dots +`), low otherwise.
    mutating func dotsAreCentered(_ name: String) throws(MathError) -> Bool? {
        // Every command passes here: most leave after one cheap test.
        guard name.hasSuffix("dots") || name.hasPrefix("dots") || name == "mathellipsis" else { return nil }
        switch name {
        case "ldots", "dotsc", "dotso", "mathellipsis": return false
        case "cdots", "dotsb", "dotsm", "dotsi": return true
        case "dots": break
        default: return nil
        }
        stream.skipSpaces()
        switch try stream.peek() {
        case .character(let scalar)?:
            if "+-=<>*:".unicodeScalars.contains(scalar) { return true }
            return Symbols.kind(of: scalar).map { $0 == .binary || $0 == .relation } ?? false
        case .command(let next)?:
            if next.hasPrefix("not") { return true }
            if case .symbol(let symbol)? = CommandTables.kinds[next] {
                return symbol.kind == .binary || symbol.kind == .relation
            }
            return ["int", "iint", "iiint", "oint", "sum", "prod", "coprod", "bigcup", "bigcap"].contains(next)
        default:
            return false
        }
    }
}
