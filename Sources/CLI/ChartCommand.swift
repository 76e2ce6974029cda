import ArgumentParser

/// `collective chart` (being written).
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chart")
    func run() throws { throw ValidationError("not available yet") }
}
