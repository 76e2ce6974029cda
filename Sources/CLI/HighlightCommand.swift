import ArgumentParser

/// `collective highlight` (being written).
struct HighlightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "highlight")
    func run() throws { throw ValidationError("not available yet") }
}
