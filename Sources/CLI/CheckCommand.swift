import ArgumentParser

/// `collective check` (being written).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check")
    func run() throws { throw ValidationError("not available yet") }
}
