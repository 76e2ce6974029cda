import Foundation
import Testing
@testable import Site

/// Real machine-learning notebooks, kept out of the repository in the git-ignored
/// `notebook-corpus/` folder, filled by `scripts/fetch-notebook-corpus.sh` at pinned commits.
/// Without it this test shows as skipped.
@Suite struct NotebookCorpusTests {
    static let corpus = SiteFixtures.repositoryRoot.appendingPathComponent("notebook-corpus")
    static let present = FileManager.default.fileExists(atPath: corpus.path)

    /// Every notebook becomes a page without an error, its images written as files.
    @Test(.enabled(if: present, "needs notebook-corpus/ (scripts/fetch-notebook-corpus.sh)"))
    func everyNotebookRenders() throws {
        let notebooks = FileTree.regularFiles(under: Self.corpus).filter { $0.hasSuffix(".ipynb") }
        #expect(notebooks.count >= 30)
        let site = try SiteFixtures.makeSite(["hugo.toml": "title = \"Corpus\"\nbaseURL = \"https://example.org/\"\n"])
        for (index, path) in notebooks.enumerated() {
            let folder = site.appendingPathComponent("content/nb/\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(path), to: folder.appendingPathComponent("index.ipynb"))
        }
        let (report, output) = try SiteFixtures.build(site)
        let errors = report.errors.map(\.description)
        let pages = notebooks.indices.filter {
            FileManager.default.fileExists(atPath: output.appendingPathComponent("nb/\($0)/index.html").path)
        }
        let images = FileTree.regularFiles(under: output.appendingPathComponent("nb")).filter { $0.contains("/notebook-cell") }
        print(
            "notebook corpus: \(pages.count) of \(notebooks.count) notebooks rendered, \(images.count) images, \(errors.count) errors, \(report.warnings.count) warnings"
        )
        #expect(errors.isEmpty, "\(errors)")
        #expect(pages.count == notebooks.count)
        #expect(images.count > 100)
        var dataURIs = 0
        for page in pages {
            let html = try String(contentsOf: output.appendingPathComponent("nb/\(page)/index.html"), encoding: .utf8)
            if html.contains("src=\"data:") { dataURIs += 1 }
        }
        #expect(dataURIs == 0)
    }
}
