import ArgumentParser
import Foundation
import Site

/// `collective new posts/my-post.md`: a new content file from an archetype.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a content file from an archetype.")

    @Argument(help: "The path under content/, such as posts/my-first-post.md.")
    var path: String

    @Option(name: [.short, .long], help: "The site folder.")
    var source: String = "."

    func run() throws {
        do {
            let file = try Scaffold.createContent(path, siteRoot: URL(fileURLWithPath: source))
            print("Created \(file.path)")
        } catch {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
    }
}
