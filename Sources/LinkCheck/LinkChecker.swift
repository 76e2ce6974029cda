import Foundation
import Site

/// `collective check` as a library: checks a site built in memory, and optionally its external links.
public struct LinkChecker: Sendable {
    public let report: BuildReport

    /// Checks the output of `SiteBuilder.build(write: false)`.
    public init(report: BuildReport) {
        self.report = report
    }

    /// Runs the internal checks and, with `external` options, the external ones.
    /// Build errors are findings too: a site that does not build is not ready to publish.
    /// Throws when a `check.skip` pattern is not a valid regular expression.
    public func run(external: ExternalOptions? = nil) async throws -> CheckResult {
        let (internalFindings, references) = InternalChecker(report: report, site: SiteMap(report: report)).run()
        var findings = internalFindings
        for diagnostic in report.errors {
            findings.append(
                Finding(
                    .error, .buildError, file: diagnostic.file ?? report.config?.fileName ?? "", line: diagnostic.line,
                    column: diagnostic.column, subject: "", message: diagnostic.message))
        }
        // Content problems the build warned about: formulas left open, shortcodes dropped or failed.
        for diagnostic in report.warnings {
            guard let kind = Finding.kind(of: diagnostic) else { continue }
            findings.append(Finding(kind, diagnostic: diagnostic))
        }
        var externalCount = 0
        if let external {
            findings += try await ExternalChecker(options: external).check(references)
            externalCount = Set(references.map { ExternalChecker.splitFragment($0.url).0 }).count
        }
        return CheckResult(findings: findings, pageCount: report.pages.count, externalCount: externalCount)
    }
}

/// The internal link checks of `collective check` as build diagnostics (warnings and notices),
/// without those the builder already reports. Fast: no network. When the build used the build
/// cache, HTML files scanned by an earlier build (same bytes) are not scanned again (``ScanStore``),
/// and their links are not resolved again unless an anchor they point at may have changed (``OutlinkStore``).
public func internalFindings(_ report: BuildReport) -> [Diagnostic] {
    let store = report.cacheFolder.map { ScanStore(folder: $0) }
    let site = SiteMap(report: report, known: store?.scans ?? [:])
    if let folder = report.cacheFolder, let store {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store.update(to: site.scansByHash(report), in: folder)
    }
    var checker = InternalChecker(report: report, site: site)
    checker.skipBuilderFindings = true
    let previous = report.cacheFolder.flatMap { OutlinkStore(folder: $0) }
    let result = checker.check(reusing: previous)
    if let folder = report.cacheFolder, result.outlinks != previous {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        result.outlinks.save(in: folder)
    }
    return result.findings.sorted(by: Finding.ordered).map(\.buildDiagnostic)
}
