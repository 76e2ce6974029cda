import Foundation

/// A fenced block whose code runs at build time, Quarto's spelling: ```` ```{python} ````, with
/// options in leading `#| key: value` lines.
struct ExecutableCell: Sendable, Equatable {
    /// The languages cells may be written in.
    enum Language: String, Sendable, Codable, CaseIterable { case python, swift }

    var language: Language
    /// The code without its option lines.
    var code: String
    /// The whole block as written (option lines included): what the freeze key covers.
    var text: String
    var options: CellOptions
    /// The file line of the first code line (after the option lines).
    var firstCodeLine: Int

    /// The executable language an info string names (`{python}`, `{python echo=false}`), or nil.
    static func language(ofInfo info: String) -> Language? {
        let trimmed = info.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}") else { return nil }
        let name = trimmed.dropFirst().prefix { $0.isLetter || $0.isNumber }
        return Language(rawValue: name.lowercased())
    }

    /// Splits a block into its `#|` option lines and its code; `fenceLine` is the file line of the
    /// opening fence. Unknown keys and bad values are warnings (text, file line).
    static func read(_ text: String, language: Language, fenceLine: Int) -> (cell: ExecutableCell, warnings: [(String, Int)]) {
        var options = CellOptions()
        var warnings: [(String, Int)] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var optionCount = 0
        while let first = lines.first, first.hasPrefix("#|") {
            let line = fenceLine + 1 + optionCount
            let entry = first.dropFirst(2)
            if let colon = entry.firstIndex(of: ":") {
                let key = entry[..<colon].trimmingCharacters(in: .whitespaces)
                let value = entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if let problem = options.set(key, to: Self.unquoted(value)) { warnings.append((problem, line)) }
            } else {
                warnings.append(("cell option `\(entry.trimmingCharacters(in: .whitespaces))` has no value; write `#| key: value`", line))
            }
            lines.removeFirst()
            optionCount += 1
        }
        let code = lines.joined(separator: "\n")
        let cell = ExecutableCell(
            language: language, code: code.hasSuffix("\n") ? String(code.dropLast()) : code, text: text,
            options: options, firstCodeLine: fenceLine + 1 + optionCount)
        return (cell, warnings)
    }

    private static func unquoted(_ value: String) -> String {
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}

/// A cell's options (Quarto's names).
struct CellOptions: Sendable, Equatable {
    /// Show the code.
    var echo = true
    /// Run the code.
    var eval = true
    /// Show the outputs.
    var output = true
    /// Show anything at all (the code still runs).
    var include = true
    /// The cell's id in the page.
    var label: String?
    /// The caption of the cell's figures.
    var figureCaption: String?
    /// Show the warnings the code raised.
    var warning = true
    /// Seconds the cell may run (nil: the site's default).
    var timeout: Double?

    static let keys = ["echo", "eval", "output", "include", "label", "fig-cap", "warning", "timeout"]

    /// Sets an option; a message when the key or value is not understood.
    mutating func set(_ key: String, to value: String) -> String? {
        func flag(_ apply: (Bool) -> Void) -> String? {
            switch value.lowercased() {
            case "true", "yes":
                apply(true)
                return nil
            case "false", "no":
                apply(false)
                return nil
            default: return "cell option `\(key)` should be true or false, not `\(value)`; it was ignored"
            }
        }
        switch key {
        case "echo": return flag { echo = $0 }
        case "eval": return flag { eval = $0 }
        case "output": return flag { output = $0 }
        case "include": return flag { include = $0 }
        case "warning": return flag { warning = $0 }
        case "label":
            label = value
            return nil
        case "fig-cap":
            figureCaption = value
            return nil
        case "timeout":
            guard let seconds = Double(value), seconds > 0 else {
                return "cell option `timeout` should be a number of seconds, not `\(value)`; it was ignored"
            }
            timeout = seconds
            return nil
        default:
            return "unknown cell option `\(key)`; the options are \(Self.keys.joined(separator: ", "))"
        }
    }
}

/// What running a cell gave.
struct CellRun: Sendable, Equatable, Codable {
    var stdout = ""
    var stderr = ""
    /// The `repr` of the last expression's value.
    var result: String?
    var error: CellFailure?
    /// Figures as SVG markup.
    var figures: [String] = []
    var warnings: [String] = []
}

/// A cell that raised, timed out or could not run.
struct CellFailure: Sendable, Equatable, Codable {
    var name: String
    var value: String
    var traceback: String
    /// The line of the cell's code where it failed (1-based), when known.
    var line: Int?
}
