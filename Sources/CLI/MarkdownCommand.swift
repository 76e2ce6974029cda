import ArgumentParser
import Foundation
import Markdown

/// `collective markdown [FILE] [--commonmark|--gfm] [--smart]`: prints the HTML for a Markdown file
/// or standard input.
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown to HTML (site extensions by default)."
    )

    @Flag(name: .long, help: "Strict CommonMark 0.31.2 with no extensions.")
    var commonmark = false

    @Flag(name: .long, help: "GitHub Flavored Markdown exactly as cmark-gfm renders it.")
    var gfm = false

    @Flag(name: .long, help: "Typographic quotes, dashes and ellipses.")
    var smart = false

    @Argument(help: "The Markdown file; read from standard input when omitted.")
    var file: String?

    func validate() throws {
        if commonmark && gfm { throw ValidationError("--commonmark and --gfm cannot be combined") }
    }

    func run() throws {
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("error: cannot read \(file)\n".utf8))
                throw ExitCode(1)
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        var options: MarkdownOptions = commonmark ? .commonMark : gfm ? .gfm : .site
        if smart { options.smartPunctuation = true }
        let html = renderHTML(String(decoding: data, as: UTF8.self), options: options)
        FileHandle.standardOutput.write(Data(html.utf8))
    }
}
