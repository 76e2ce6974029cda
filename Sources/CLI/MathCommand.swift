import ArgumentParser
import Foundation
import Math

/// `collective math [--display] [TEX]`: prints the MathML for TeX given as an argument or on standard input.
struct MathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "math",
        abstract: "Convert TeX math to MathML Core."
    )

    @Flag(name: .long, help: "Render as display (block) math.")
    var display = false

    @Flag(
        name: .long,
        help: """
            Read JSON lines {"tex": "…", "display": true} from standard input and write one JSON line per \
            formula: {"html": "…", "refused": false, "errors": ["1:5: unknown command (\\\\foo)"]}.
            """)
    var batch = false

    @Argument(help: "The TeX formula; read from standard input when omitted.")
    var tex: String?

    func run() throws {
        if batch { return try runBatch() }
        var source = tex ?? ""
        if tex == nil {
            while let line = readLine(strippingNewline: false) { source += line }
            while let last = source.last, last.isNewline { source.removeLast() }
        }
        let result = MathRenderer().render(source, display: display)
        for error in result.errors {
            FileHandle.standardError.write(Data("error: \(Self.located(error))\n".utf8))
        }
        print(result.html)
        if result.isRefused { throw ExitCode(1) }
    }

    /// `line:column: message` when the error knows where it is.
    private static func located(_ error: MathError) -> String {
        guard let location = error.location else { return error.description }
        return "\(location.line):\(location.column): \(error.description)"
    }

    private func runBatch() throws {
        let renderer = MathRenderer()
        var refused = 0
        var total = 0
        while let line = readLine() {
            guard !line.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let source = object["tex"] as? String
            else {
                throw ValidationError("each line of standard input must be a JSON object with a \"tex\" string")
            }
            let result = renderer.render(source, display: object["display"] as? Bool ?? false)
            total += 1
            if result.isRefused { refused += 1 }
            let record: [String: Any] = [
                "html": result.html, "refused": result.isRefused,
                "errors": result.errors.map(Self.located),
            ]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.withoutEscapingSlashes])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        FileHandle.standardError.write(Data("\(total) formulas, \(refused) refused\n".utf8))
    }
}
