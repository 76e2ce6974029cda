import ArgumentParser
import Foundation
import Site

/// `collective init DIR`: makes a working new site.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new site in a folder.")

    @Argument(help: "The folder to create the site in.")
    var folder: String

    @Option(help: "The site's title (default: from the folder name).")
    var title: String?

    func run() throws {
        do {
            try Scaffold.createSite(at: URL(fileURLWithPath: folder), title: title)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        print("Created a new site in \(folder). Build it with: collective build -s \(folder)")
    }
}
