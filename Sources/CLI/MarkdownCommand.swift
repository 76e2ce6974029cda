import ArgumentParser

/// `collective markdown` (being written).
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "markdown")
    func run() throws { throw ValidationError("not available yet") }
}
