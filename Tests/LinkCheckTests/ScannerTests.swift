import Foundation
import Testing
@testable import LinkCheck

@Suite("HTML scanning and URL classification")
struct ScannerTests {
    @Test func readsIDsAndLinksTolerantly() {
        let html = """
            <!-- <a href="/commented/"> --><H2 ID=intro>Intro</H2><a href='/a/?x=1&amp;y=2#p'>a</a>
            <script>var s = "<a href='/in-script/'>";</script><img src="/i.png" alt><a name=legacy></a>
            <link rel="preconnect" href="https://fonts.example"><p id="">empty</p><div id="intro"><a href="/unclosed
            """
        let scan = ScannedPage(html: Array(html.utf8))
        #expect(scan.idOrder == ["intro"])
        #expect(scan.idCounts["intro"] == 2)
        #expect(scan.links == ["/a/?x=1&y=2#p", "/i.png", "/unclosed"])
        #expect(scan.hasAnchor("legacy"))
        #expect(scan.hasAnchor("top"))
        #expect(!scan.hasAnchor("missing"))
        let fromData = ScannedPage(html: Data(html.utf8))
        #expect(fromData.idOrder == scan.idOrder && fromData.idCounts == scan.idCounts && fromData.links == scan.links)
    }

    @Test func lowersTagAndAttributeNamesOnlyAsNamesGo() {
        let scan = ScannedPage(html: Array("<A HREF='/x/'>x</A><IMG SRC=/i.png><ÀA href=/no/><a hréf=/no/ ID=Mixed>".utf8))
        #expect(scan.links == ["/x/", "/i.png"])
        #expect(scan.idOrder == ["Mixed"])
    }

    /// Attribute values are decoded with HTML's whole table (the checker's own six-name table, which
    /// left `&eacute;` as text and so reported an id written that way as missing, is gone).
    @Test func decodesCharacterReferences() {
        let scan = ScannedPage(html: Array(#"<h2 id="caf&eacute;">x</h2><a href="a&#39;b&#x2F;c&quot;&bogus;&hellip;&">y</a>"#.utf8))
        #expect(scan.idOrder == ["café"])
        #expect(scan.hasAnchor("café"))
        #expect(scan.links == ["a'b/c\"&bogus;…&"])
    }

    @Test func classifiesURLs() {
        func classify(_ url: String, base: String = "/") -> LinkTarget {
            LinkTarget.classify(url, pagePath: "/posts/a/", basePath: base, siteHost: "example.org")
        }
        #expect(classify("../b/#x") == .local(path: "/posts/b/", fragment: "x"))
        #expect(classify("img%20one.png") == .local(path: "/posts/a/img one.png", fragment: nil))
        #expect(classify("#top") == .local(path: "/posts/a/", fragment: "top"))
        #expect(classify("https://example.org/blog/x/", base: "/blog/") == .local(path: "/x/", fragment: nil))
        #expect(classify("/blog/x/", base: "/blog/") == .local(path: "/x/", fragment: nil))
        #expect(classify("//cdn.example.net/a.js") == .external("https://cdn.example.net/a.js"))
        #expect(classify("HTTP://Other.example/") == .external("HTTP://Other.example/"))
        #expect(classify("mailto:a@example.org") == .skipped)
        #expect(classify("  ") == .skipped)
        #expect(LinkTarget.host(of: "https://user@Example.COM:8443/x") == "example.com")
        #expect(LinkTarget.host(of: "https://[::1]:8080/") == "[::1]")
        #expect(LinkTarget.host(of: "urn:x:y") == nil)
        #expect(classify(" https://example.org/a/#b\n") == .local(path: "/a/", fragment: "b"))
        #expect(classify("\u{3000}/x/") == .local(path: "/x/", fragment: nil))  // ideographic space trimmed
        #expect(classify("a:b/c.html") == .skipped)  // a scheme, not a path
        #expect(classify("1a:b") == .local(path: "/posts/a/1a:b", fragment: nil))  // not a scheme
        #expect(classify("tel:+1-555") == .skipped)
        #expect(classify("HTTPS://EXAMPLE.org/blog/a/?q#f", base: "/blog/") == .local(path: "/a/", fragment: "f"))
        #expect(classify("httpx://example.org/") == .skipped)
        #expect(LinkTarget.host(of: "http://a@b@Host.example:80?x") == "host.example")
    }

    @Test func tellsURLsThatMeanTheSameOnEveryPage() {
        let urls = [
            "/tags/", "/blog/x/#y", "//cdn.example.net/a.js", "https://example.org/a/", "HTTP://Other.example/",
            "mailto:a@example.org", "#top", "../b/", "img%20one.png", "1a:b", " /x/", "?q=1", "",
        ]
        let samePlaceEverywhere = urls.filter { !LinkTarget.dependsOnPage($0) }
        #expect(
            samePlaceEverywhere == [
                "/tags/", "/blog/x/#y", "//cdn.example.net/a.js", "https://example.org/a/",
                "HTTP://Other.example/", "mailto:a@example.org",
            ])
        for url in samePlaceEverywhere {
            let onPost = LinkTarget.classify(url, pagePath: "/posts/a/", basePath: "/blog/", siteHost: "example.org")
            let onFile = LinkTarget.classify(url, pagePath: "/x/y/z.html", basePath: "/blog/", siteHost: "example.org")
            #expect(onPost == onFile, "\(url)")
        }
    }
}
