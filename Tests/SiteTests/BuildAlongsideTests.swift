import Foundation
import Testing
@testable import Site

/// `SiteBuilder.build(alongside:)`: work on the report that runs while the output is written.
@Suite struct BuildAlongsideTests {
    @Test func givesTheWorkTheReportAndReturnsItsResult() throws {
        let destination = SiteFixtures.temporaryFolder().appendingPathComponent("public")
        let builder = SiteBuilder(source: SiteFixtures.site("good-site"), destination: destination)
        let (report, paths) = try builder.build(alongside: { $0.pages.map(\.path) })
        #expect(paths == report.pages.map(\.path))
        #expect(paths.contains("/"))
        #expect(report.published)
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent("index.html").path))
    }

    @Test func runsTheWorkWhenNothingIsWritten() throws {
        let builder = SiteBuilder(source: SiteFixtures.site("good-site"))
        let (report, fileCount) = try builder.build(write: false, alongside: { $0.files.count })
        #expect(fileCount == report.files.count)
        #expect(!report.published)
    }
}
