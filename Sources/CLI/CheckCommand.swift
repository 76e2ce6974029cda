import ArgumentParser
import Foundation
import LinkCheck
import Site

/// `collective check`: builds the site in memory and reports broken links, anchors and images.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every link, anchor and image of the site (exit 1 on errors).",
        discussion: "Findings are reported at the source file, line and column where a link is written. See docs/check.md."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: [.short, .long], help: "The site folder (with content/ and a config file).")
    var source: String = "."

    @Flag(help: "Also check external URLs over the network.")
    var external = false

    @Option(help: "Report format: text (grouped by file) or json (stable, for CI tools).")
    var format: Format = .text

    @Flag(help: "Fail on warnings too, not only on errors.")
    var strict = false

    @Flag(name: .customLong("no-cache"), help: "Ask about every external URL, ignoring and not writing the cache.")
    var noCache = false

    @Flag(name: [.customShort("D"), .long], help: "Include drafts.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Check the site as built for this address (default: $HUGO_BASEURL when set).")
    var baseURL: String?

    @Flag(help: .hidden)
    var timings = false

    func run() async throws {
        let siteRoot = URL(fileURLWithPath: source)
        let clock = ContinuousClock()
        let start = clock.now
        let report: BuildReport
        do {
            let override = try BaseURLOverride.resolve(flag: baseURL, environment: ProcessInfo.processInfo.environment)
            report = try SiteBuilder(source: siteRoot, options: BuildOptions(drafts: drafts, baseURL: override?.url)).build(write: false)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        let built = clock.now
        var options: ExternalOptions?
        if external {
            var externalOptions = ExternalOptions(config: report.config, siteRoot: siteRoot)
            if noCache { externalOptions.cacheFile = nil }
            options = externalOptions
        }
        let result: CheckResult
        do {
            result = try await LinkChecker(report: report).run(external: options)
        } catch {
            Terminal.printError("error: check.skip: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        if timings {
            Terminal.printError("build \(built - start), check \(clock.now - built)")
        }
        print(format == .json ? result.json : result.text, terminator: "")
        let status = result.exitStatus(strict: strict)
        if status != 0 { throw ExitCode(status) }
    }
}
