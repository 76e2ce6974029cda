import Foundation
import Testing
@testable import Site

/// Builds Fixtures/multilingual (English at the root, French by file suffix, German from its own
/// `contentDir`) and checks what each language gets and how the languages link to each other.
@Suite struct MultilingualSiteTests {
    let report: BuildReport
    let output: URL

    init() throws {
        (report, output) = try SiteFixtures.build(SiteFixtures.site("multilingual"))
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    private func alternates(_ path: String) throws -> [String] {
        let html = try #require(report.html(at: path))
        return html.split(separator: "\n").filter { $0.hasPrefix("<link rel=\"alternate\" hreflang=") }.map(String.init)
    }

    @Test func buildsWithoutErrorsOrWarnings() {
        #expect(report.errors.isEmpty, "\(report.lines)")
        #expect(report.warnings.isEmpty, "\(report.lines)")
        #expect(report.pageCount == 11)
    }

    @Test func writesEachLanguageUnderItsFolder() {
        let expected = [
            "index.html", "posts/hello/index.html", "posts/week-one/index.html", "posts/bundle/index.html", "about/index.html",
            "tags/greetings/index.html", "index.xml", "atom.xml", "feed.json", "posts/index.xml", "search/index.js", "404.html",
            "fr/index.html", "fr/posts/hello/index.html", "fr/posts/premiere-semaine/index.html", "fr/posts/bundle/index.html",
            "fr/tags/salutations/index.html", "fr/index.xml", "fr/atom.xml", "fr/feed.json", "fr/posts/index.xml",
            "fr/search/index.html", "fr/search/index.js", "fr/404.html",
            "de/index.html", "de/posts/hello/index.html", "de/posts/week-one/index.html", "de/index.xml", "de/404.html",
            "sitemap.xml", "en/sitemap.xml", "fr/sitemap.xml", "de/sitemap.xml", "robots.txt", "img/logo.png",
        ]
        for path in expected { #expect(exists(path), "missing \(path)") }
        // Pages present in one language only stay there; static files are copied once, at the root.
        for path in ["fr/about", "de/about", "de/posts/bundle", "posts/premiere-semaine", "fr/img", "de/img", "fr/robots.txt", "en/index.html"] {
            #expect(!exists(path), "unexpected \(path)")
        }
    }

    @Test func languagesHaveTheirOwnListsTitlesMenusAndStrings() throws {
        let english = try #require(report.html(at: "/posts/"))
        #expect(english.contains("Hello") && !english.contains("Bonjour") && !english.contains("Hallo"))
        let french = try #require(report.html(at: "/fr/posts/"))
        #expect(french.contains("Bonjour") && french.contains("Première semaine") && !french.contains("Week one"))
        let home = try #require(report.html(at: "/fr/"))
        #expect(home.contains("<html lang=\"fr-FR\" dir=\"ltr\">"))
        #expect(home.contains("<title>Polyglotte</title>"))
        #expect(home.contains("<a href=\"/fr/posts/\">Articles</a>"))
        #expect(home.contains("Aller au contenu"))
        #expect(report.html(at: "/de/posts/hello/")?.contains("<html lang=\"de\"") == true)
        #expect(report.html(at: "/de/posts/hello/")?.contains("Hallo, Welt.") == true)
    }

    @Test func translatedPagesLinkEveryVersionWithHreflang() throws {
        #expect(
            try alternates("/posts/hello/") == [
                "<link rel=\"alternate\" hreflang=\"en-us\" href=\"https://polyglot.example.org/posts/hello/\">",
                "<link rel=\"alternate\" hreflang=\"fr-FR\" href=\"https://polyglot.example.org/fr/posts/hello/\">",
                "<link rel=\"alternate\" hreflang=\"de\" href=\"https://polyglot.example.org/de/posts/hello/\">",
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://polyglot.example.org/posts/hello/\">",
            ])
        #expect(try alternates("/fr/posts/hello/") == alternates("/posts/hello/"))
        #expect(try alternates("/about/").isEmpty)
        // Lists are translations of each other by kind and path.
        #expect(try alternates("/fr/posts/").contains("<link rel=\"alternate\" hreflang=\"en-us\" href=\"https://polyglot.example.org/posts/\">"))
    }

    @Test func translationKeyLinksPagesWhosePathsDiffer() throws {
        let links = try alternates("/posts/week-one/")
        #expect(links.contains("<link rel=\"alternate\" hreflang=\"fr-FR\" href=\"https://polyglot.example.org/fr/posts/premiere-semaine/\">"))
        #expect(links.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://polyglot.example.org/de/posts/week-one/\">"))
    }

    @Test func languageSwitchLeadsToTranslationsElseHomes() throws {
        let onTranslated = try #require(report.html(at: "/fr/posts/premiere-semaine/"))
        #expect(
            onTranslated.contains(
                "<ul class=\"menu lang-switch\"><li><a href=\"/posts/week-one/\" hreflang=\"en-us\" lang=\"en-us\" title=\"English\">English</a></li><li><a href=\"/de/posts/week-one/\" hreflang=\"de\" lang=\"de\" title=\"Deutsch\">Deutsch</a></li></ul>"
            ))
        let onEnglishOnly = try #require(report.html(at: "/about/"))
        #expect(
            onEnglishOnly.contains(
                "<li><a href=\"/fr/\" hreflang=\"fr-FR\" lang=\"fr-FR\" title=\"French\">Français</a></li><li><a href=\"/de/\" hreflang=\"de\" lang=\"de\" title=\"Deutsch\">Deutsch</a></li>"
            ))
    }

    @Test func linksAndImagesStayInTheirLanguage() throws {
        let french = try #require(report.html(at: "/fr/posts/hello/"))
        #expect(french.contains("<a href=\"/fr/posts/bundle/\">le paquet</a>"))
        #expect(french.contains("<img src=\"/img/logo.png\""))
        let bundle = try #require(report.html(at: "/fr/posts/bundle/"))
        // A shared resource is published once, beside the default language's page (as Hugo 0.168 does);
        // a suffixed one only beside its own.
        #expect(bundle.contains("<img src=\"/posts/bundle/chart.png\""))
        #expect(exists("posts/bundle/chart.png") && !exists("fr/posts/bundle/chart.png"))
        #expect(exists("fr/posts/bundle/note.fr.txt") && !exists("posts/bundle/note.fr.txt"))
    }

    @Test func feedsAndSearchArePerLanguage() throws {
        let rss = try text("fr/index.xml")
        #expect(rss.contains("<language>fr-FR</language>"))
        #expect(rss.contains("<link>https://polyglot.example.org/fr/posts/hello/</link>"))
        #expect(!rss.contains("https://polyglot.example.org/posts/hello/"))
        #expect(try text("de/feed.json").contains("\"language\": \"de\""))
        let search = try #require(report.html(at: "/fr/search/"))
        #expect(search.contains("data-base=\"/fr/search/\""))
        let frenchIndex = try FileManager.default.subpathsOfDirectory(atPath: output.appendingPathComponent("fr/search").path)
            .filter { $0.hasSuffix(".js") }.map { try text("fr/search/" + $0) }.joined()
        #expect(frenchIndex.contains("Bonjour") && !frenchIndex.contains("Hello"))
    }

    @Test func sitemapIsAnIndexOfTheLanguagesSitemaps() throws {
        let index = try text("sitemap.xml")
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        for code in ["en", "fr", "de"] {
            #expect(index.contains("<sitemap><loc>https://polyglot.example.org/\(code)/sitemap.xml</loc>"))
        }
        let french = try text("fr/sitemap.xml")
        #expect(french.contains("<loc>https://polyglot.example.org/fr/posts/hello/</loc>"))
        #expect(!french.contains("<loc>https://polyglot.example.org/posts/hello/</loc>"))
        #expect(french.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"))
        #expect(
            french.contains(
                "<url><loc>https://polyglot.example.org/fr/posts/premiere-semaine/</loc><lastmod>2024-01-10T00:00:00Z</lastmod><xhtml:link rel=\"alternate\" hreflang=\"en-us\" href=\"https://polyglot.example.org/posts/week-one/\"/><xhtml:link rel=\"alternate\" hreflang=\"fr-FR\" href=\"https://polyglot.example.org/fr/posts/premiere-semaine/\"/>"
            ))
        #expect(try text("en/sitemap.xml").contains("<loc>https://polyglot.example.org/about/</loc>"))
        #expect(try text("robots.txt").contains("Sitemap: https://polyglot.example.org/sitemap.xml"))
    }

    @Test func reportNamesPagesByTheirPathUnderTheSite() {
        #expect(report.pages.contains { $0.path == "/fr/posts/hello/" && $0.sourceFile == "content/posts/hello.fr.md" })
        #expect(report.pages.contains { $0.path == "/de/posts/hello/" && $0.sourceFile == "content/de/posts/hello.md" })
        #expect(!report.pages.contains { $0.sourceFile?.hasPrefix("content/de/") == true && !$0.path.hasPrefix("/de/") })
    }

    @Test func defaultLanguageInSubdirRedirectsTheRoot() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.yaml": """
            baseURL: https://example.org/blog/
            defaultContentLanguageInSubdir: true
            languages:
              en: {weight: 1}
              ES: {weight: 2, languageName: Español}
            """,
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n",
            "content/posts/a.es.md": "---\ntitle: Una\ndate: 2024-01-01\n---\nTexto.\n",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(report.errors.isEmpty, "\(report.lines)")
        #expect(report.html(at: "/en/posts/a/")?.contains("Text.") == true)
        #expect(report.html(at: "/es/posts/a/")?.contains("Texto.") == true)
        #expect(report.html(at: "/")?.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/blog/en/\">") == true)
        #expect(report.html(at: "/posts/a/") == nil)
        #expect(report.files["404.html"] != nil && report.files["404.html"] == report.files["en/404.html"])
        #expect(report.html(at: "/es/posts/a/")?.contains("<a href=\"/blog/en/posts/a/\" hreflang=\"en\"") == true)
    }

    @Test func jsonConfigWithOneLanguageBuildsAtTheRoot() throws {
        let site = try SiteFixtures.makeSite([
            "config.json": #"{"baseURL": "https://example.org/", "defaultContentLanguage": "fr", "languages": {"fr": {"title": "Seul"}}}"#,
            "content/posts/a.md": "---\ntitle: A\n---\nTexte.\n",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(report.errors.isEmpty, "\(report.lines)")
        let html = try #require(report.html(at: "/posts/a/"))
        #expect(html.contains("<html lang=\"fr\"") && html.contains("· Seul</title>"))
        #expect(!html.contains("hreflang") && !html.contains("lang-switch"))
        #expect(String(decoding: report.files["sitemap.xml"] ?? Data(), as: UTF8.self).contains("<urlset"))
    }

    static let papermod = SiteFixtures.shared.appendingPathComponent("corpus/papermod-example")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: papermod.path), "shared/corpus/papermod-example is absent"))
    func papermodExampleBuildsItsThreeLanguages() throws {
        let (report, _) = try SiteFixtures.build(Self.papermod, write: false)
        #expect(report.errors.isEmpty, "\(report.lines)")
        #expect(!report.lines.contains { $0.contains("other languages") })
        let french = try #require(report.html(at: "/fr/"))
        #expect(french.contains("<title>PaperModL2</title>"))
        #expect(french.contains("<a href=\"/hugo-PaperMod/fr/frtags/\">FRTags</a>"))
        let farsi = try #require(report.html(at: "/fa/posts/markdown-syntax/"))
        #expect(farsi.contains("<html lang=\"fa\" dir=\"rtl\">"))
        #expect(
            farsi.contains(
                "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://adityatelange.github.io/hugo-PaperMod/fr/posts/markdown-syntax/\">"))
        #expect(report.html(at: "/fr/search/")?.contains("data-base=\"/hugo-PaperMod/fr/search/\"") == true)
        #expect(report.html(at: "/fr/archives/") != nil && report.html(at: "/fa/archives/") == nil)
        #expect(report.files["fa/sitemap.xml"] != nil && report.files["en/sitemap.xml"] != nil)
    }

    @Test(arguments: [
        (
            "defaultContentLanguage = \"de\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
            "hugo.toml:1: error: defaultContentLanguage \"de\" is not one of the languages (en, fr); add languages.de or set defaultContentLanguage to one of them"
        ),
        (
            "[languages]\nen = \"English\"\n",
            "hugo.toml:1: error: `languages.en` must be a table of settings (languageName, weight, title, params, …), not a single value"
        ),
        (
            "languages = [\"en\", \"fr\"]\n",
            "hugo.toml:1: error: `languages` must be a table with one entry per language code, such as languages.en and languages.fr"
        ),
        (
            "[languages.fr]\ncontentDir = \"../elsewhere\"\n",
            "hugo.toml:1: error: `languages.fr.contentDir` must be a folder inside the site, such as content/fr"
        ),
    ])
    func badLanguagesConfigNamesTheFileAndTheFix(config: String, message: String) throws {
        let site = try SiteFixtures.makeSite(["hugo.toml": config, "content/a.md": "# A\n"])
        #expect(throws: Diagnostic.self) { try SiteBuilder(source: site).build(write: false) }
        do {
            _ = try SiteBuilder(source: site).build(write: false)
        } catch {
            #expect(error.description == message)
        }
    }
}
