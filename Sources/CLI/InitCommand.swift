import ArgumentParser
import Foundation
import Site

extension DeployHost: ExpressibleByArgument {}

/// `collective init DIR`: makes a working new site; `--deploy HOST` adds (or, alone, writes for an
/// existing site) the host's publishing configuration.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site in a folder, or add a host's publishing configuration to a site.",
        discussion: """
            collective init my-blog                      a new site in my-blog/
            collective init my-blog --deploy github      a new site, with a GitHub Pages workflow
            collective init --deploy netlify             only netlify.toml, for the site in this folder
            See docs/deploy.md for each host.
            """
    )

    @Argument(help: "The folder to create the site in (default with --deploy: the current folder).")
    var folder: String?

    @Option(help: "The site's title (default: from the folder name).")
    var title: String?

    @Option(help: "Also write the publishing configuration for a host: \(DeployHost.allCases.map(\.rawValue).joined(separator: ", ")).")
    var deploy: DeployHost?

    @Flag(help: "With --deploy: replace the host's configuration file if it exists.")
    var force = false

    func validate() throws {
        if folder == nil, deploy == nil {
            throw ValidationError("Give the folder to create the site in, e.g. `collective init my-blog`.")
        }
        if force, deploy == nil {
            throw ValidationError("--force only applies to --deploy (an existing site is never overwritten).")
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: folder ?? ".")
        let existing =
            SiteConfig.configFile(in: root) != nil
            || FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path)
        if folder == nil, !existing, let deploy {
            Terminal.printError(
                "error: \(root.standardizedFileURL.path) holds no site (no config file and no content/); run `collective init --deploy \(deploy.rawValue)` in the site's folder, or `collective init FOLDER --deploy \(deploy.rawValue)` to make a new site with it"
            )
            throw ExitCode.failure
        }
        do {
            if !(existing && deploy != nil) {
                try Scaffold.createSite(at: root, title: title)
                let shown = folder ?? "."
                print("Created a new site in \(shown). Preview it with: collective serve -s \(shown)")
            }
            if let deploy {
                let file = try Scaffold.writeDeployConfiguration(for: deploy, siteRoot: root, force: force)
                print("Wrote \(file.path) for \(deploy.displayName). Next:")
                for step in deploy.nextSteps { print("- \(step)") }
            }
        } catch {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
    }
}
