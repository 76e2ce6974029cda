import Foundation
import Testing
@testable import Site

/// Partial rebuilds of a multilingual site (a copy of Fixtures/multilingual): after an edit in
/// any language, the session's output must equal a full build's, byte for byte.
@Suite struct MultilingualSessionTests {
    let site: URL

    init() throws {
        site = SiteFixtures.temporaryFolder().appendingPathComponent("multilingual")
        try FileManager.default.copyItem(at: SiteFixtures.site("multilingual"), to: site)
    }

    private func session() throws -> SiteSession { try SiteSession(builder: SiteBuilder(source: site)) }

    private func write(_ path: String, _ change: (String) -> String) throws {
        let url = site.appendingPathComponent(path)
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(change(old).utf8).write(to: url)
    }

    private static func isSearchIndex(_ key: String) -> Bool {
        key.hasPrefix("search/") || key.contains("/search/") && !key.hasSuffix(".html")
    }

    /// Every output file of `session` equals a full build of the site as it is now.
    private func expectSameAsFullBuild(_ session: SiteSession, includingSearch: Bool) throws {
        let full = try self.session().report
        #expect(Set(session.report.files.keys) == Set(full.files.keys))
        for (key, data) in full.files where includingSearch || !Self.isSearchIndex(key) {
            #expect(session.report.files[key] == data, "\(key) differs from a full build")
        }
        #expect(session.report.copies == full.copies)
        #expect(session.report.diagnostics == full.diagnostics)
        #expect(session.report.pages.map(\.path) == full.pages.map(\.path))
        #expect(session.report.pages.map(\.references) == full.pages.map(\.references))
    }

    @Test func mapsEachLanguagesFilesToTheirPages() throws {
        let session = try session()
        #expect(session.pagePath(forSource: "content/posts/hello.fr.md") == "/fr/posts/hello/")
        #expect(session.pagePath(forSource: "content/de/posts/week-one.md") == "/de/posts/week-one/")
        #expect(session.pagePath(forSource: "content/posts/hello.md") == "/posts/hello/")
    }

    @Test(arguments: [
        ("content/posts/hello.fr.md", "fr/", "posts/hello/index.html"),
        ("content/de/posts/hello.md", "de/", "fr/posts/hello/index.html"),
        ("content/posts/hello.md", "", "de/posts/hello/index.html"),
    ])
    func bodyEditRerendersThatLanguageOnly(file: String, folder: String, otherLanguage: String) throws {
        let page = folder + "posts/hello/index.html"
        var session = try session()
        try write(file) { $0 + "\nUne *phrase* de plus.\n" }
        let update = session.update(changed: [file])
        #expect(update.errors.isEmpty)
        #expect(update.scope == .pages)
        #expect(update.changedFiles.contains(page))
        #expect(!update.changedFiles.contains(otherLanguage))
        #expect(
            session.report.html(at: "/" + page.replacingOccurrences(of: "index.html", with: ""))?.contains("Une <em>phrase</em> de plus.") == true)
        try expectSameAsFullBuild(session, includingSearch: false)

        let changed = session.setSearchIndex(session.searchIndexJob()())
        #expect(!changed.isEmpty)
        #expect(changed.allSatisfy { $0.hasPrefix(folder + "search/") }, "\(changed)")
        try expectSameAsFullBuild(session, includingSearch: true)
    }

    @Test func frontMatterEditRebuildsEveryLanguage() throws {
        var session = try session()
        try write("content/posts/premiere-semaine.fr.md") {
            $0.replacingOccurrences(of: "title: \"Première semaine\"", with: "title: \"Semaine un\"")
        }
        let update = session.update(changed: ["content/posts/premiere-semaine.fr.md"])
        #expect(update.scope == .site)
        #expect(update.changedFiles.contains("fr/posts/premiere-semaine/index.html"))
        try expectSameAsFullBuild(session, includingSearch: true)
    }

    @Test func newTranslationLinksTheExistingPage() throws {
        var session = try session()
        #expect(session.report.html(at: "/about/")?.contains("hreflang=\"fr-FR\" href") == false)
        try write("content/about.fr.md") { _ in "---\ntitle: \"À propos\"\n---\nEn français aussi.\n" }
        let update = session.update(changed: ["content/about.fr.md"])
        #expect(update.scope == .site)
        #expect(update.changedFiles.contains("about/index.html") && update.changedFiles.contains("fr/about/index.html"))
        #expect(
            session.report.html(at: "/about/")?.contains(
                "<link rel=\"alternate\" hreflang=\"fr-FR\" href=\"https://polyglot.example.org/fr/about/\">") == true)
        try expectSameAsFullBuild(session, includingSearch: true)
    }

    @Test func sharedResourceEditRerendersEveryLanguagesBundle() throws {
        var session = try session()
        try write("content/posts/bundle/chart.png") { _ in "PNG2" }
        let update = session.update(changed: ["content/posts/bundle/chart.png"])
        #expect(update.errors.isEmpty)
        #expect(update.scope == .pages)
        #expect(update.changedFiles.contains("posts/bundle/chart.png") && !update.changedFiles.contains("fr/posts/bundle/chart.png"))
        try expectSameAsFullBuild(session, includingSearch: false)
    }

    @Test func layoutEditRerendersEveryLanguage() throws {
        var session = try session()
        try write("layouts/footer.mustache") { _ in "<footer class=\"footer\">{{site.title}} footer</footer>\n" }
        let update = session.update(changed: ["layouts/footer.mustache"])
        #expect(update.scope == .templates)
        #expect(
            update.changedFiles.contains("index.html") && update.changedFiles.contains("fr/index.html")
                && update.changedFiles.contains("de/404.html"))
        #expect(session.report.html(at: "/fr/")?.contains("Polyglotte footer") == true)
        try expectSameAsFullBuild(session, includingSearch: true)
    }
}
