import ArgumentParser
import Charts
import Foundation

/// `collective chart SPEC.yaml`: renders a chart spec to SVG on standard output, for use outside a site.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Render a chart spec (YAML or JSON) to SVG.",
        discussion: """
            Reads SPEC, or standard input when SPEC is absent or '-'. Data file paths in the spec are relative \
            to the spec's folder (the current folder for standard input). Problems are printed to standard error \
            as FILE:LINE: warning; a spec that cannot be drawn exits with status 1.
            """
    )

    @Flag(help: "Print the whole HTML figure (SVG, hidden data table, caption) instead of the bare SVG.")
    var html = false

    @Flag(help: "Print the chart stylesheet (light and dark colours) and exit.")
    var css = false

    @Argument(help: "The chart spec file.")
    var spec: String?

    func run() throws {
        if css { return print(ChartRenderer.stylesheet, terminator: "") }
        let text: String
        let base: URL
        let name: String
        if let spec, spec != "-" {
            guard let data = FileManager.default.contents(atPath: spec) else { throw ValidationError("cannot read \(spec)") }
            text = String(decoding: data, as: UTF8.self)
            base = URL(fileURLWithPath: spec).deletingLastPathComponent()
            name = spec
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            name = "<stdin>"
        }
        let result = ChartRenderer().render(spec: text, baseDirectory: base)
        for warning in result.warnings {
            let location = warning.line.map { "\(name):\($0)" } ?? name
            FileHandle.standardError.write(Data("\(location): warning: \(warning.message)\n".utf8))
        }
        if html { print(result.html, terminator: "") }
        if result.svg.isEmpty { throw ExitCode(1) }
        if !html { print(result.svg) }
    }
}
