import ArgumentParser

/// `collective serve` (being written).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve")
    func run() throws { throw ValidationError("not available yet") }
}
