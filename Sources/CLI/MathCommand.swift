import ArgumentParser

/// `collective math` (being written).
struct MathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "math")
    func run() throws { throw ValidationError("not available yet") }
}
