import ArgumentParser
import Foundation
import Highlight

/// `collective highlight`: prints a highlighted code block (or the code stylesheet) as HTML.
struct HighlightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "highlight",
        abstract: "Highlight source code as Chroma-style HTML.",
        discussion: "Reads FILE, or standard input when FILE is absent or '-'. Unknown languages are printed escaped, unhighlighted."
    )

    @Option(name: [.short, .long], help: "Language name or alias, e.g. python, swift, sh.")
    var language: String?

    @Option(help: "Line numbers: table, inline or none.")
    var linenos: String?

    @Option(help: "Number of the first line.")
    var linenostart: Int?

    @Option(name: .customLong("hl-lines"), help: "Lines to emphasise, e.g. '2 4-6'.")
    var highlightedLines: String?

    @Option(help: "File name shown above the block.")
    var title: String?

    @Flag(help: "Print the light/dark stylesheet instead of highlighting.")
    var css = false

    @Flag(help: "List the supported language names and aliases.")
    var listLanguages = false

    @Argument(help: "Source file to highlight.")
    var file: String?

    func run() throws {
        if css { return print(Highlighter.stylesheet, terminator: "") }
        if listLanguages { return print(Highlighter.supportedLanguages.joined(separator: "\n")) }
        var attributes: [String: String] = [:]
        attributes["linenos"] = linenos
        attributes["linenostart"] = linenostart.map(String.init)
        attributes["hl_lines"] = highlightedLines
        attributes["title"] = title
        let data: Data
        if let file, file != "-" {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let code = String(decoding: data, as: UTF8.self)
        print(Highlighter.html(code: code, language: language, options: HighlightOptions(fenceAttributes: attributes)))
    }
}
