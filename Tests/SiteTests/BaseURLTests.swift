import Foundation
import Testing
@testable import Site

/// `--base-url` and `HUGO_BASEURL`: which address wins, which are refused, and a site built for
/// another address under a sub-path, with every absolute and site-relative link following it.
@Suite struct BaseURLTests {
    @Test func theFlagWinsOverTheVariableAndAnEmptyVariableIsIgnored() throws {
        let environment = ["HUGO_BASEURL": "https://env.example.net/"]
        #expect(
            try BaseURLOverride.resolve(flag: "https://flag.example.net", environment: environment)
                == BaseURLOverride("https://flag.example.net/", origin: .flag))
        let fromEnvironment = try #require(try BaseURLOverride.resolve(flag: nil, environment: environment))
        #expect(fromEnvironment.url == "https://env.example.net/")
        #expect(fromEnvironment.origin == .environment)
        #expect(try BaseURLOverride.resolve(flag: nil, environment: ["HUGO_BASEURL": " "]) == nil)
        #expect(try BaseURLOverride.resolve(flag: nil, environment: [:]) == nil)
        #expect(try BaseURLOverride("/blog", origin: .flag).url == "/blog/")
        #expect(try BaseURLOverride(" HTTP://Example.org/a/ ", origin: .flag).url == "HTTP://Example.org/a/")
    }

    @Test(arguments: [
        "example.org/blog/", "https://", "https:///blog/", "ftp://example.org/", "https://example.org/a b/", "https://example.org/?x=1", "",
    ])
    func anAddressThatIsNotAURLOrPathIsRefused(_ text: String) {
        #expect(throws: Diagnostic.self) { try BaseURLOverride(text, origin: .environment) }
        do {
            _ = try BaseURLOverride(text, origin: .environment)
        } catch {
            #expect(error.description.hasPrefix("error: HUGO_BASEURL \"\(text)\" is not a site address"))
            #expect(error.description.contains("https://example.org/blog/"))
        }
    }

    @Test func aSiteBuiltForAnotherAddressLinksToItEverywhere() throws {
        let base = "https://preview.example.net/blog/"
        let source = SiteFixtures.site("good-site")
        let (report, output) = try SiteFixtures.build(source, options: BuildOptions(baseURL: base))
        #expect(report.errors.isEmpty, "\(report.lines)")
        let files = try textFiles(in: output)
        #expect(files.count > 10)
        for (path, text) in files {
            #expect(!text.contains("blog.example.org") && !text.contains("blog%2Eexample%2Eorg"), "\(path) still names the config's address")
        }
        let sitemap = try #require(files["sitemap.xml"])
        let locations = values(of: "<loc>", until: "</loc>", in: sitemap)
        #expect(!locations.isEmpty)
        #expect(locations.allSatisfy { $0.hasPrefix(base) }, "\(locations)")
        #expect(locations.contains(base + "posts/first/"))
        let feed = try #require(files["index.xml"])
        let links = values(of: "<link>", until: "</link>", in: feed)
        #expect(links.count > 1)
        #expect(links.allSatisfy { $0.hasPrefix(base) }, "\(links)")
        let post = try #require(files["posts/first/index.html"])
        #expect(post.contains("<link rel=\"canonical\" href=\"\(base)posts/first/\""))

        // Site-relative links carry /blog/ and lead to a file of the output, except links the
        // writer put in Markdown as root paths (Hugo keeps those as written; `check` reports them).
        let written = try markdownRootLinks(in: source.appendingPathComponent("content"))
        var checked = 0
        for (path, text) in files where path.hasSuffix(".html") {
            for link in values(of: "href=\"", until: "\"", in: text) + values(of: "src=\"", until: "\"", in: text)
            where link.hasPrefix("/") && !link.hasPrefix("//") {
                guard link.hasPrefix("/blog/") else {
                    #expect(written.contains(link), "\(path): \(link) does not carry the base path")
                    continue
                }
                let target = String(link.dropFirst("/blog/".count).prefix { $0 != "#" && $0 != "?" })
                let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(path): \(link) leads nowhere")
                checked += 1
            }
        }
        #expect(checked > 50, "only \(checked) site-relative links were found")
    }

    @Test func everyLanguageOfAMultilingualSiteFollowsTheAddress() throws {
        let (report, output) = try SiteFixtures.build(SiteFixtures.site("multilingual"), options: BuildOptions(baseURL: "https://pv.example.net/x/"))
        #expect(report.errors.isEmpty, "\(report.lines)")
        let files = try textFiles(in: output)
        for (path, text) in files {
            #expect(!text.contains("polyglot.example.org"), "\(path) still names the config's address")
        }
        let home = try #require(files["index.html"])
        #expect(home.contains("href=\"/x/de/\" hreflang=\"de\""))
        let germanSitemap = try #require(files["de/sitemap.xml"])
        #expect(germanSitemap.contains("<loc>https://pv.example.net/x/de/"))
    }

    /// Every text file of the output, by path relative to it.
    private func textFiles(in folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard ["html", "xml", "txt", "json", "js"].contains(url.pathExtension) else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            files[path] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    /// The texts between each `start` and the next `end`.
    private func values(of start: String, until end: String, in text: String) -> [String] {
        text.components(separatedBy: start).dropFirst().compactMap { $0.components(separatedBy: end).first }
    }

    /// Root paths written as Markdown link or image destinations (`](/img/logo.png)`) in a content folder.
    private func markdownRootLinks(in folder: URL) throws -> Set<String> {
        var links: Set<String> = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "md" else { continue }
            links.formUnion(values(of: "](", until: ")", in: try String(contentsOf: url, encoding: .utf8)).filter { $0.hasPrefix("/") })
        }
        return links
    }
}
