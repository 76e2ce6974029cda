import ArgumentParser
import Diagrams
import Foundation

/// `collective diagram FILE`: renders Mermaid source (a flowchart, a sequence, class or state diagram, or a pie chart) to SVG on
/// standard output, for use outside a site.
struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Render a Mermaid flowchart, sequence, class or state diagram, or pie chart to SVG.",
        discussion: """
            Reads FILE, or standard input when FILE is absent or '-'. Problems are printed to standard error \
            as FILE:LINE:COLUMN: error or warning; a diagram that cannot be drawn exits with status 1.
            """
    )

    @Flag(help: "Print the diagram stylesheet (light and dark colours) and exit.")
    var css = false

    @Argument(help: "The Mermaid source file.")
    var file: String?

    func run() throws {
        if css { return print(DiagramRenderer.stylesheet, terminator: "") }
        let text: String
        let name: String
        if let file, file != "-" {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            text = String(decoding: data, as: UTF8.self)
            name = file
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            name = "<stdin>"
        }
        let result = DiagramRenderer().render(text)
        for diagnostic in result.diagnostics {
            let kind = diagnostic.severity == .error ? "error" : "warning"
            FileHandle.standardError.write(Data("\(name):\(diagnostic.line):\(diagnostic.column): \(kind): \(diagnostic.message)\n".utf8))
        }
        guard let svg = result.svg else { throw ExitCode(1) }
        print(svg)
    }
}
