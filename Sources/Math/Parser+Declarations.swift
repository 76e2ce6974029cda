/// Declarations that change the rest of the current group: `\color`, `\displaystyle`, `\bf`, `\large`.
extension Parser {
    /// Parses a declaration (its token still unread). Returns the rest of the list wrapped in the
    /// declaration's effect, or nil when the declaration only changed the parser state (fonts).
    mutating func parseDeclaration(_ name: String, stops: Stops) throws(MathError) -> MathNode? {
        _ = stream.nextRaw()
        switch name {
        case "color":
            let color = try parseColor(name)
            return .color(Self.row(try parseList(stops: stops)), color)
        case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle":
            let rest = Self.row(try parseList(stops: stops))
            let level = ["displaystyle": 0, "textstyle": 0, "scriptstyle": 1, "scriptscriptstyle": 2][name]
            return .style(rest, displayStyle: name == "displaystyle", scriptLevel: level, size: nil)
        case "rm", "bf", "it", "cal", "sf", "tt", "frak", "scr", "boldmath":
            font = name == "boldmath" ? .bold : MathFont.named(name)
            return nil
        default:
            let size = CommandTables.sizes[name] ?? 1
            return .style(Self.row(try parseList(stops: stops)), displayStyle: nil, scriptLevel: nil, size: size)
        }
    }
}
