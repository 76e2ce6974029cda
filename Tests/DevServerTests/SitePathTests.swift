import Testing
@testable import DevServer

@Suite struct SitePathTests {
    private let keys: Set<String> = ["index.html", "posts/index.html", "posts/a/index.html", "css/site.css", "a b/index.html", "é/x.txt"]
    private func resolve(_ path: String, query: String = "") -> SitePath.Resolution {
        SitePath.resolve(path, query: query, exists: keys.contains)
    }

    @Test func findsFilesAndFolderIndexes() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/posts/") == .file("posts/index.html"))
        #expect(resolve("/posts//a/") == .file("posts/a/index.html"))
        #expect(resolve("/css/site.css") == .file("css/site.css"))
        #expect(resolve("/a%20b/") == .file("a b/index.html"))
        #expect(resolve("/%C3%A9/x.txt") == .file("é/x.txt"))
        #expect(resolve("/index.html") == .file("index.html"))
    }

    @Test func redirectsFoldersToTheirSlash() {
        #expect(resolve("/posts/a", query: "?x=1") == .redirect("/posts/a/?x=1"))
        #expect(resolve("/posts") == .redirect("/posts/"))
    }

    @Test func refusesEverythingThatCouldLeaveTheSite() {
        for path in [
            "/..", "/../index.html", "/posts/../index.html", "/%2e%2e/index.html", "/%2E%2e/", "/posts/%2e%2e/",
            "/.%2e/index.html", "/./index.html", "/%2e/", "/posts%2f..%2f..%2findex.html", "index.html",
            "http://host/index.html", "/%00", "/index.html%00", "/\\..\\index.html", "/%5c", "/%", "/%2", "/%gg",
            "/%ff%fe", "/css/site.css/",
        ] {
            #expect(resolve(path) == .notFound, "\(path)")
        }
    }

    @Test func doubleEncodingIsJustAName() {
        #expect(SitePath.decode("/%252e%252e/")?.segments == ["%2e%2e"])
    }
}
