/// Declarations that change the rest of the current group: `\color`, `\displaystyle`, `\bf`, `\large`.
extension Parser {
    enum SwitchResult {
        /// Not a switch: parse the command as an atom.
        case notASwitch
        /// The switch changed the parser state; go on with the list.
        case applied
        /// The switch wrapped the rest of the list, which is now read.
        case restOfList(MathNode)
    }

    mutating func parseSwitch(_ name: String, stops: Stops) throws(MathError) -> SwitchResult {
        switch name {
        case "color":
            _ = stream.nextRaw()
            let color = try parseColor(name)
            return .restOfList(.color(row(try parseList(stops: stops)), color))
        case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle":
            _ = stream.nextRaw()
            let rest = row(try parseList(stops: stops))
            let level = ["displaystyle": 0, "textstyle": 0, "scriptstyle": 1, "scriptscriptstyle": 2][name]
            return .restOfList(.style(rest, displayStyle: name == "displaystyle", scriptLevel: level, size: nil))
        case "rm", "bf", "it", "cal", "sf", "tt", "frak", "scr", "boldmath":
            _ = stream.nextRaw()
            font = name == "boldmath" ? .bold : MathFont.named(name)
            return .applied
        default:
            guard let size = CommandTables.sizes[name] else { return .notASwitch }
            _ = stream.nextRaw()
            return .restOfList(.style(row(try parseList(stops: stops)), displayStyle: nil, scriptLevel: nil, size: size))
        }
    }
}
