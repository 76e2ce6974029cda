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

    @Argument(help: "The TeX formula; read from standard input when omitted.")
    var tex: String?

    func run() throws {
        var source = tex ?? ""
        if tex == nil {
            while let line = readLine(strippingNewline: false) { source += line }
            while let last = source.last, last.isNewline { source.removeLast() }
        }
        let result = MathRenderer().render(source, display: display)
        if let error = result.error {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print(result.html)
    }
}
