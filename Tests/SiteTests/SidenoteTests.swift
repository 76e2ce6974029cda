import Foundation
import Testing
@testable import Site

/// Footnotes as sidenotes: the copies the page gets, the switch, and where a browser puts them.
@Suite(.serialized) struct SidenoteTests {
    static let footnotes = """
        <div class="footnotes" role="doc-endnotes">
        <hr>
        <ol>
        <li id="fn:1">
        <p>One <em>note</em> with <a href="https://example.org/" id="x">a link</a>.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>&#160;<a href="#fnref1:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
        </li>
        <li id="fn:2">
        <p>First paragraph.</p>
        <p>Second, with <code>x</code>.&#160;<a href="#fnref:2" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
        </li>
        <li id="fn:3">
        <ul>
        <li>a list</li>
        </ul>
        <p>&#160;<a href="#fnref:3" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
        </li>
        </ol>
        </div>
        """

    @Test func eachFootnoteIsCopiedAfterItsFirstReference() {
        let html = """
            <p>A<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup> b<sup id="fnref:2"><a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup> c<sup id="fnref1:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup> d<sup id="fnref:3"><a href="#fn:3" class="footnote-ref" role="doc-noteref">3</a></sup>.</p>

            """ + Self.footnotes
        let result = Sidenotes.apply(html)
        #expect(
            result.hasPrefix(
                """
                <p>A<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup><span class="sidenote" hidden aria-hidden="true"><span class="sidenote-number">1</span> One <em>note</em> with <a tabindex="-1" href="https://example.org/">a link</a>.</span> \
                b<sup id="fnref:2"><a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup><span class="sidenote" hidden aria-hidden="true"><span class="sidenote-number">2</span> First paragraph.<br>Second, with <code>x</code>.</span> \
                c<sup id="fnref1:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup> \
                d<sup id="fnref:3"><a href="#fn:3" class="footnote-ref" role="doc-noteref">3</a></sup>.</p>
                """))
        // The ordinary footnotes stay as they were.
        #expect(result.hasSuffix(Self.footnotes))
        #expect(result.components(separatedBy: "class=\"sidenote\"").count == 3)
    }

    @Test func pagesWithoutFootnotesAreUnchanged() {
        let html = "<p>No notes, though <sup id=\"fnref:1\">here</sup>.</p>\n"
        #expect(Sidenotes.apply(html) == html)
    }

    static func site(sidenotesInConfig: Bool) throws -> URL {
        try SiteFixtures.makeSite([
            "config.yml": "baseURL: https://example.org/\ntitle: T\n" + (sidenotesInConfig ? "sidenotes: true\n" : ""),
            "content/posts/short/index.md": """
            ---
            title: Short
            ---
            A claim[^a] and another[^b].

            [^a]: The first note, long enough to wrap over several lines in the margin of a wide screen.
            [^b]: The second note.
            """,
            "content/posts/long/index.md": """
            ---
            title: Long
            sidenotes: true
            ---
            ## One

            A claim with a note.[^a]

            ## Two

            More text.

            [^a]: A note beside a table of contents.
            """,
            "content/posts/off/index.md": "---\ntitle: Off\nsidenotes: false\n---\nText[^a].\n\n[^a]: Note.\n",
        ])
    }

    @Test func theSwitchIsTheSitesOrThePages() throws {
        let (_, on) = try SiteFixtures.build(Self.site(sidenotesInConfig: true))
        let short = try String(contentsOf: on.appendingPathComponent("posts/short/index.html"), encoding: .utf8)
        #expect(short.contains(#"<span class="sidenote" hidden aria-hidden="true"><span class="sidenote-number">2</span> The second note.</span>"#))
        let off = try String(contentsOf: on.appendingPathComponent("posts/off/index.html"), encoding: .utf8)
        #expect(!off.contains("sidenote"))
        // Feeds carry the ordinary footnotes only.
        let feed = try String(contentsOf: on.appendingPathComponent("index.xml"), encoding: .utf8)
        #expect(!feed.contains("sidenote"))

        let (_, unset) = try SiteFixtures.build(Self.site(sidenotesInConfig: false))
        #expect(try !String(contentsOf: unset.appendingPathComponent("posts/short/index.html"), encoding: .utf8).contains("sidenote"))
        #expect(try String(contentsOf: unset.appendingPathComponent("posts/long/index.html"), encoding: .utf8).contains("class=\"sidenote\""))
    }

    /// Where each sidenote is drawn: [shown, left, right, top] of the note, [left, right] of the text column,
    /// the top of its reference, and whether the page scrolls sideways.
    static let placement = """
        const note = document.querySelector('.sidenote'), ref = note.previousElementSibling;
        const content = document.querySelector('.post-content').getBoundingClientRect(), box = note.getBoundingClientRect();
        return [getComputedStyle(note).display != 'none', box.left, box.right, box.top, content.left, content.right,
                ref.getBoundingClientRect().top, document.documentElement.scrollWidth > window.innerWidth,
                getComputedStyle(document.querySelector('.footnotes')).display != 'none'];
        """

    @Test(.enabled(if: ThemeLayoutBrowserTests.ready, "chromium, chromedriver or python3 is missing: sidenotes were not placed"))
    func wideScreensShowNotesInTheMarginAndPhonesTheFootnotes() async throws {
        let (_, output) = try SiteFixtures.build(Self.site(sidenotesInConfig: true))
        let server = try StaticServer(output)
        defer { server.stop() }
        let browser = try await WebDriver()
        do {
            try await browser.resize(width: 1280, height: 900)
            for (path, side) in [("/posts/short/", "right"), ("/posts/long/", "left")] {
                try await ThemeLayoutBrowserTests.open(browser, server.base + path)
                let p = try #require(try await browser.run(Self.placement) as? [Any])
                func at(_ index: Int) -> Double { (p[index] as? NSNumber)?.doubleValue ?? .nan }
                #expect(p[0] as? Bool == true, "\(path): the sidenote is not shown at 1280 px")
                if side == "right" {
                    #expect(at(1) > at(5), "\(path): the note starts inside the text column")
                } else {
                    #expect(at(2) < at(4), "\(path): the note ends inside the text column")
                }
                #expect(abs(at(3) - at(6)) < 40, "\(path): the note is \(at(3) - at(6)) px below its reference")
                #expect(p[7] as? Bool == false, "\(path) scrolls sideways at 1280 px")
            }
            try await browser.resize(width: 375, height: 800)
            try await ThemeLayoutBrowserTests.open(browser, server.base + "/posts/short/")
            let p = try #require(try await browser.run(Self.placement) as? [Any])
            #expect(p[0] as? Bool == false, "the sidenote shows at 375 px")
            #expect(p[8] as? Bool == true, "the ordinary footnotes are hidden at 375 px")
            #expect(p[7] as? Bool == false, "the page scrolls sideways at 375 px")
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }
}
