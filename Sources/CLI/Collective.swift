import ArgumentParser
import Foundation

/// The `collective` command: each subcommand parses its arguments and calls a library.
@main
struct Collective: AsyncParsableCommand {
    /// The release this binary was built from.
    static let version = "0.5.0"

    static let configuration = CommandConfiguration(
        commandName: "collective",
        abstract: "Build and serve technical blogs: Markdown, math, code and charts, no JavaScript needed.",
        version: version,
        subcommands: [
            BuildCommand.self, ServeCommand.self, CheckCommand.self, InitCommand.self, NewCommand.self,
            MarkdownCommand.self, MathCommand.self, HighlightCommand.self, ChartCommand.self, DiagramCommand.self,
            ServeWorkerCommand.self,
        ]
    )

    static func main() async {
        // `--execute=all` (Quarto's spelling) is the flag `--execute-all`; `--execute=stale` is `--execute`.
        let arguments = CommandLine.arguments.dropFirst().map { argument in
            switch argument {
            case "--execute=all": "--execute-all"
            case "--execute=stale": "--execute"
            default: argument
            }
        }
        if let word = arguments.first, !word.hasPrefix("-"), let message = unknownSubcommand(word) {
            Terminal.printError(message)
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    /// The message for a first word that names no subcommand, with the nearest names; nil for a real one.
    static func unknownSubcommand(_ word: String) -> String? {
        let commands = configuration.subcommands.map { ($0.configuration.commandName, $0.configuration.shouldDisplay) }
        guard !commands.contains(where: { $0.0 == word }), word != "help" else { return nil }
        let names = commands.filter(\.1).compactMap(\.0) + ["help"]
        let near = names.filter { SpellingDistance.between($0, word) <= max(1, word.count / 3) }
        let hint = near.isEmpty ? "" : " Did you mean \(near.map { "`\($0)`" }.joined(separator: " or "))?"
        return "error: `\(word)` is not a collective command.\(hint) Commands: \(names.dropLast().joined(separator: ", ")); see `collective --help`."
    }
}

/// Edit distance between two words (insertions, deletions, substitutions and swaps of neighbours).
enum SpellingDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a.lowercased()), Array(b.lowercased()))
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
