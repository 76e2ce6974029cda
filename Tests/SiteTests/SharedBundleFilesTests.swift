import Foundation
import Testing
@testable import Site

/// A bundle file that several languages see is published once, and every translation points to
/// that copy; a file named for a language is lent to the other translations. The expected files and
/// URLs were taken from Hugo 0.168 on the same site.
@Suite struct SharedBundleFilesTests {
    static func files(inSubdir: Bool) -> [String: String] {
        [
            "hugo.toml": """
            baseURL = "https://example.org/"
            defaultContentLanguage = "en"
            defaultContentLanguageInSubdir = \(inSubdir)
            [languages.en]
            weight = 1
            [languages.fr]
            weight = 2
            """,
            "layouts/_shortcodes/r.html": "{{ range .Page.Resources }}[{{ .Name }} {{ .RelPermalink }}]{{ end }}",
            "content/posts/b/index.md": "---\ntitle: B\n---\n![x](p.png) ![y](t.png) ![z](t.fr.png) {{< r >}}\n",
            "content/posts/b/index.fr.md": "---\ntitle: B fr\n---\n![x](p.png) ![y](s.png) ![z](s.en.png) ![w](q.png) {{< r >}}\n",
            "content/posts/c/index.fr.md": "---\ntitle: C fr\n---\n![x](r.png) {{< r >}}\n",
            "content/posts/b/p.png": "P", "content/posts/b/p.fr.png": "PF", "content/posts/b/q.png": "Q",
            "content/posts/b/r.fr.png": "R", "content/posts/b/s.en.png": "S", "content/posts/b/t.fr.png": "T",
            "content/posts/c/r.fr.png": "CR",
        ]
    }

    /// The page's content with our theme's image attributes left out (Hugo's output has none).
    static func body(_ report: BuildReport, _ path: String) throws -> String {
        HugoFidelity.article(try #require(report.html(at: path))).replacingOccurrences(of: " loading=\"lazy\" decoding=\"async\"", with: "")
    }

    static func pngFiles(_ output: URL) -> [String] {
        FileTree.regularFiles(under: output).filter { $0.hasSuffix(".png") }.sorted()
    }

    @Test func aBundleFileIsPublishedOnceAndSharedByTheTranslations() throws {
        let (report, output) = try SiteFixtures.build(try SiteFixtures.makeSite(Self.files(inSubdir: false)))
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(report.diagnostics.isEmpty, "\(report.lines)")
        #expect(
            Self.pngFiles(output) == [
                "fr/posts/b/p.fr.png", "fr/posts/b/r.fr.png", "fr/posts/b/t.fr.png", "fr/posts/c/r.fr.png",
                "posts/b/p.png", "posts/b/q.png", "posts/b/s.en.png",
            ])
        #expect(
            try Self.body(report, "/posts/b/") == """
                <p><img src="/posts/b/p.png" alt="x"> <img src="/fr/posts/b/t.fr.png" alt="y"> <img src="/fr/posts/b/t.fr.png" alt="z"> \
                [p.png /posts/b/p.png][q.png /posts/b/q.png][r.fr.png /fr/posts/b/r.fr.png][s.en.png /posts/b/s.en.png][t.fr.png /fr/posts/b/t.fr.png]</p>
                """)
        #expect(
            try Self.body(report, "/fr/posts/b/") == """
                <p><img src="/fr/posts/b/p.fr.png" alt="x"> <img src="/posts/b/s.en.png" alt="y"> <img src="/posts/b/s.en.png" alt="z"> \
                <img src="/posts/b/q.png" alt="w"> \
                [p.fr.png /fr/posts/b/p.fr.png][q.png /posts/b/q.png][r.fr.png /fr/posts/b/r.fr.png][s.en.png /posts/b/s.en.png][t.fr.png /fr/posts/b/t.fr.png]</p>
                """)
        #expect(try Self.body(report, "/fr/posts/c/") == "<p><img src=\"/fr/posts/c/r.fr.png\" alt=\"x\"> [r.fr.png /fr/posts/c/r.fr.png]</p>")
    }

    @Test func theDefaultLanguageInItsSubfolderPublishesTheSharedFiles() throws {
        let (report, output) = try SiteFixtures.build(try SiteFixtures.makeSite(Self.files(inSubdir: true)))
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(
            Self.pngFiles(output) == [
                "en/posts/b/p.png", "en/posts/b/q.png", "en/posts/b/s.en.png", "fr/posts/b/p.fr.png",
                "fr/posts/b/r.fr.png", "fr/posts/b/t.fr.png", "fr/posts/c/r.fr.png",
            ])
        #expect(
            try Self.body(report, "/fr/posts/b/") == """
                <p><img src="/fr/posts/b/p.fr.png" alt="x"> <img src="/en/posts/b/s.en.png" alt="y"> <img src="/en/posts/b/s.en.png" alt="z"> \
                <img src="/en/posts/b/q.png" alt="w"> \
                [p.fr.png /fr/posts/b/p.fr.png][q.png /en/posts/b/q.png][r.fr.png /fr/posts/b/r.fr.png][s.en.png /en/posts/b/s.en.png][t.fr.png /fr/posts/b/t.fr.png]</p>
                """)
    }

    /// `duplicateResourceFiles = true` (Hugo's documented setting; Hugo 0.168 itself still writes one
    /// copy) gives every translation its own copy, so relative paths in raw HTML work everywhere.
    @Test func duplicateResourceFilesCopiesBesideEveryTranslation() throws {
        var files = Self.files(inSubdir: false)
        files["hugo.toml"] = files["hugo.toml"]!.replacingOccurrences(
            of: "defaultContentLanguage = \"en\"",
            with: "defaultContentLanguage = \"en\"\nduplicateResourceFiles = true")
        let (report, output) = try SiteFixtures.build(try SiteFixtures.makeSite(files))
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(Self.pngFiles(output).contains("fr/posts/b/p.png") && Self.pngFiles(output).contains("posts/b/p.png"))
        #expect(try Self.body(report, "/fr/posts/b/").contains("<img src=\"/fr/posts/b/q.png\" alt=\"w\">"))
    }

    /// Hugo 0.168 publishes a file without a language in a bundle that only French has for no one
    /// (the French image breaks); we publish it with the French page so readers see it.
    @Test func aBundleOnlyTheSecondLanguageHasKeepsItsFiles() throws {
        var files = Self.files(inSubdir: false)
        files["content/posts/c/p.png"] = "CP"
        files["content/posts/c/index.fr.md"] = "---\ntitle: C fr\n---\n![x](p.png)\n"
        let (report, output) = try SiteFixtures.build(try SiteFixtures.makeSite(files))
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(try Self.body(report, "/fr/posts/c/") == "<p class=\"image-only\"><img src=\"/fr/posts/c/p.png\" alt=\"x\"></p>")
        #expect(Self.pngFiles(output).contains("fr/posts/c/p.png"))
        #expect(!Self.pngFiles(output).contains("posts/c/p.png"))
    }
}
