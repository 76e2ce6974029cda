import ArgumentParser
import DevServer
import Foundation

/// `collective serve-worker`: the build process `collective serve` starts and talks to over its
/// standard input and output. Not for direct use.
struct ServeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-worker",
        abstract: "The site builder that `collective serve` runs in a process of its own.",
        shouldDisplay: false
    )

    func run() throws {
        let status = BuildWorker.run()
        if status != 0 { throw ExitCode(status) }
    }
}
