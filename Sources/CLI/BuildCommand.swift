import ArgumentParser
import Foundation
import LinkCheck
import Site
import TextUtilities

/// `collective build`: builds a site folder into static files.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into a folder of static files."
    )

    @Option(name: [.short, .long], help: "The site folder (with content/ and a config file).")
    var source: String = "."

    @Option(name: [.short, .long], help: "Where to write the site (default: SOURCE/public).")
    var destination: String?

    @Option(name: .customLong("base-url"), help: "Build for this address instead of the config's baseURL (default: $HUGO_BASEURL when set).")
    var baseURL: String?

    @Flag(name: [.customShort("D"), .long], help: "Include drafts.")
    var drafts = false

    @Flag(name: [.customShort("F"), .long], help: "Include pages dated in the future.")
    var future = false

    @Flag(name: [.customShort("E"), .long], help: "Include expired pages.")
    var expired = false

    @Flag(name: [.short, .long], help: "Print errors only.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also print notices, and where the time went.")
    var verbose = false

    @Flag(
        name: .long,
        help: "Replace the destination's contents even if collective did not write them (.git, CNAME, .nojekyll and .well-known are kept).")
    var force = false

    @Flag(name: .long, help: "Run the executable cells (```{python}) whose frozen outputs are stale, and freeze the new outputs in _freeze/.")
    var execute = false

    @Flag(name: .customLong("execute-all"), help: "Run every executable cell (also written --execute=all).")
    var executeAll = false

    @Flag(
        name: .customLong("no-cache"),
        help:
            "Build everything, without reading or writing the build cache in SOURCE/.collective-cache (the config's buildCache = false does the same for every build)."
    )
    var noCache = false

    @Option(
        help: "How diagnostics are printed: text (lines on standard error) or json (one array of every diagnostic on standard output, nothing else).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let sourceURL = URL(fileURLWithPath: source)
        let destinationURL = destination.map { URL(fileURLWithPath: $0) }
        let override: BaseURLOverride?
        do {
            override = try BaseURLOverride.resolve(flag: baseURL, environment: ProcessInfo.processInfo.environment)
        } catch {
            printStopping(error)
            throw ExitCode.failure
        }
        if let override, override.origin == .environment, !quiet, format == .text {
            print("Building for \(override.url) (from \(BaseURLOverride.environmentVariable)).")
        }
        var options = BuildOptions(drafts: drafts, future: future, expired: expired, baseURL: override?.url)
        options.execute = executeAll ? .all : execute ? .stale : nil
        var builder = SiteBuilder(source: sourceURL, destination: destinationURL, options: options, replaceForeignOutput: force)
        // Running cells renders their pages anew: no renderings are reused then.
        builder.useCache = !noCache && options.execute == nil
        let progress = BuildProgress()
        builder.progress = progress
        let display = quiet || format == .json ? nil : ProgressDisplay(progress)
        let report: BuildReport
        let linkFindings: [Diagnostic]
        do {
            // The link checker's internal checks run on every build, as warnings, while the output is written.
            (report, linkFindings) = try builder.build(alongside: internalFindings)
            display?.stop()
        } catch {
            display?.stop()
            printStopping(error)
            throw ExitCode.failure
        }
        if format == .json {
            print(DiagnosticRenderer.json(report.diagnostics + linkFindings), terminator: "")
            if !report.errors.isEmpty { throw ExitCode.failure }
            withExtendedLifetime(report) { Foundation.exit(EXIT_SUCCESS) }
        }
        let shown: Set<Diagnostic.Severity> = quiet ? [.error] : verbose ? [.error, .warning, .notice] : [.error, .warning]
        for diagnostic in report.diagnostics + linkFindings where shown.contains(diagnostic.severity) {
            Terminal.printError(diagnostic.description)
        }
        let milliseconds = Int((report.seconds * 1000).rounded())
        if !quiet {
            print(
                "Built \(Plural.count(report.pageCount, "page")), \(Plural.count(report.listCount, "list page")) and \(Plural.count(report.staticCount, "static file")) in \(milliseconds) ms"
                    + " (\(report.written) written, \(report.unchanged) unchanged); \(Plural.count(report.errors.count, "error")), \(Plural.count(report.warnings.count + linkFindings.filter { $0.severity == .warning }.count, "warning"))."
            )
            if let leftOut = Self.describe(report.leftOut) { print(leftOut) }
            if let note = report.cacheNote { print("Build cache: " + Self.describe(cache: note, report: report)) }
            print(Self.table(report.outputCounts), terminator: "")
            if verbose { print(Self.timeTable(progress.timings), terminator: "") }
        }
        if !report.errors.isEmpty {
            if !report.published {
                Terminal.printError("The build failed: the previous output in \(builder.destination.path) was left untouched.")
            }
            throw ExitCode.failure
        }
        if !quiet { print("Output: \(builder.destination.path)") }
        // Exit with the report still alive: freeing a large site's pages and files one object at
        // a time takes longer than the kernel takes to drop the whole heap.
        withExtendedLifetime(report) { Foundation.exit(EXIT_SUCCESS) }
    }
}

extension BuildCommand {
    /// A diagnostic that stopped the build, in the chosen format.
    private func printStopping(_ error: Diagnostic) {
        if format == .json {
            print(DiagnosticRenderer.json([error]), terminator: "")
        } else {
            Terminal.printError(error.description)
        }
    }

    /// "Left out 2 drafts (--drafts) and 1 future page (--future)."; nil when nothing was left out.
    static func describe(_ leftOut: LeftOutPages) -> String? {
        let parts = [
            (leftOut.drafts, "draft", "--drafts"), (leftOut.future, "future page", "--future"), (leftOut.expired, "expired page", "--expired"),
        ]
        .filter { $0.0 > 0 }
        .map { "\(Plural.count($0.0, $0.1)) (\($0.2))" }
        guard !parts.isEmpty else { return nil }
        let list = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        return "Left out \(list); the flags in brackets include them."
    }
}

extension BuildCommand {
    /// "content/a.md changed: 9,999 of 10,000 pages and 29,000 of 30,000 output files reused".
    static func describe(cache note: String, report: BuildReport) -> String {
        guard report.reusedPages > 0 || report.reusedFiles > 0 else { return note + "." }
        let pages = ProgressDisplay.grouped(report.reusedPages) + (report.reusedPages == 1 ? " page" : " pages")
        let files = ProgressDisplay.grouped(report.reusedFiles) + (report.reusedFiles == 1 ? " output file" : " output files")
        return note + ": reused the rendering of \(pages) and \(files)."
    }

    /// The files the build wrote by kind, as a two-column table with a total.
    static func table(_ counts: [OutputKind: Int]) -> String {
        let rows = OutputKind.allCases.compactMap { kind in counts[kind].flatMap { $0 > 0 ? (kind.rawValue, $0) : nil } }
        let total = ("Total", rows.reduce(0) { $0 + $1.1 })
        var lines = aligned((rows + [total]).map { [$0.0, ProgressDisplay.grouped($0.1)] })
        lines.insert(String(repeating: "-", count: lines[lines.count - 1].count), at: lines.count - 1)
        return lines.map { $0 + "\n" }.joined()
    }

    /// Rows as the summary tables print them: two spaces, the first cell padded on the right, the
    /// others aligned on the right, cells joined by ` | `.
    static func aligned(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            "  "
                + row.enumerated().map { column, cell in
                    let pad = String(repeating: " ", count: widths[column] - cell.count)
                    return column == 0 ? cell + pad : pad + cell
                }.joined(separator: " | ")
        }
    }
}

extension BuildCommand {
    /// Where the time went, for `--verbose`: each phase's wall time in milliseconds and its share.
    static func timeTable(_ timings: [BuildProgress.PhaseTime]) -> String {
        let total = timings.reduce(0) { $0 + $1.seconds }
        guard total > 0 else { return "" }
        let rows = timings.map {
            [
                $0.phase, ProgressDisplay.grouped(Int(($0.seconds * 1000).rounded())) + " ms",
                String(Int(($0.seconds / total * 100).rounded())) + "%",
            ]
        }
        return "Time by phase:\n" + aligned(rows).map { $0 + "\n" }.joined()
    }
}

/// Writing to standard error.
enum Terminal {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// `--format` of `collective build`.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
