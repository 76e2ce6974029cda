import Foundation
import Site
import TextUtilities

/// The findings of one check, sorted, with the text and JSON reports and the exit status.
public struct CheckResult: Sendable, Equatable {
    /// The findings in report order: by file, line, column, severity and message.
    public let findings: [Finding]
    /// Pages (with their links) that were checked.
    public let pageCount: Int
    /// Distinct external URLs that were checked (0 without `--external`).
    public let externalCount: Int

    public init(findings: [Finding], pageCount: Int, externalCount: Int) {
        self.findings = findings.sorted(by: Finding.ordered)
        self.pageCount = pageCount
        self.externalCount = externalCount
    }

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }
    public var noticeCount: Int { findings.count { $0.severity == .notice } }

    /// 0 when clean, 1 with errors (or, when `strict`, with warnings); notices never fail.
    public func exitStatus(strict: Bool) -> Int32 {
        errorCount > 0 || (strict && warningCount > 0) ? 1 : 0
    }

    /// The findings grouped by file (files sorted), one line each, then a summary line.
    public var text: String {
        var lines: [String] = []
        var currentFile: String?
        for finding in findings {
            if finding.file != currentFile {
                if currentFile != nil { lines.append("") }
                lines.append(finding.file)
                currentFile = finding.file
            }
            var position = ""
            if let line = finding.line {
                position = "\(line)" + (finding.column.map { ":\($0)" } ?? "") + ": "
            }
            lines.append("  \(position)\(finding.severity.rawValue): \(finding.message)" + DiagnosticRenderer.pageNote(finding.diagnostic))
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Checked 12 pages and 3 external URLs: 1 error, 0 warnings, 2 notices."
    public var summary: String {
        let external = externalCount > 0 ? " and \(Plural.count(externalCount, "external URL"))" : ""
        return "Checked \(Plural.count(pageCount, "page"))\(external): \(Plural.count(errorCount, "error")), "
            + "\(Plural.count(warningCount, "warning")), \(Plural.count(noticeCount, "notice"))."
    }

    /// The report as JSON with sorted keys (the schema is in docs/check.md).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let report = JSONReport(
            version: 1, findings: findings,
            summary: .init(
                errors: errorCount, warnings: warningCount, notices: noticeCount,
                pages: pageCount, externalURLs: externalCount))
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct JSONReport: Encodable {
        struct Summary: Encodable {
            var errors, warnings, notices, pages, externalURLs: Int
        }

        var version: Int
        var findings: [Finding]
        var summary: Summary
    }
}
