import Foundation
import Testing
@testable import Site

/// Hugo's rendering of content, rule by rule (issue 16, docs/fidelity.md). Every expected output
/// below was taken from Hugo 0.168 on the same input (entities written as characters, the theme's
/// heading anchors left out).
enum HugoFidelity {
    /// Builds a one-page site (`config` appended to a minimal hugo.toml) and returns the page's
    /// article body without collective's heading anchors.
    static func body(_ markdown: String, config: String = "", files: [String: String] = [:],
                     path: String = "content/p.md", url: String = "/p/") throws -> String {
        var site = files
        site["hugo.toml"] = "baseURL = \"https://example.org/\"\ntitle = \"T\"\n" + config
        site[path] = "---\ntitle: P\n---\n" + markdown
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(site), write: false)
        let html = try #require(report.html(at: url))
        return article(html)
    }

    /// The inner HTML of `div.post-content`, anchors removed, trimmed.
    static func article(_ html: String) -> String {
        guard let open = html.range(of: "class=\"post-content\""),
              let start = html[open.upperBound...].firstIndex(of: ">") else { return "" }
        var depth = 1
        var i = html.index(after: start)
        var endIndex = html.endIndex
        while i < html.endIndex {
            if html[i...].hasPrefix("<div") { depth += 1 }
            if html[i...].hasPrefix("</div") {
                depth -= 1
                if depth == 0 { endIndex = i; break }
            }
            i = html.index(after: i)
        }
        var body = String(html[html.index(after: start)..<endIndex])
        while let anchor = body.range(of: "<a class=\"anchor\""), let close = body[anchor.upperBound...].range(of: "</a>") {
            body.removeSubrange(anchor.lowerBound..<close.upperBound)
        }
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite struct TypographerTests {
    static let text = """
        We've said "it works" -- mostly --- and 'twas fine... in the '90s. << ok >>

        Don't change `"code" -- here`.

        # Tom's "big" idea -- v2...

        a 'open

        b 'e' and 5'10" and x'e'
        """

    @Test func onByDefaultWithGoldmarksRules() throws {
        let body = try HugoFidelity.body(Self.text)
        #expect(body.contains("<p>We’ve said “it works” – mostly — and ’twas fine… in the ’90s. « ok »</p>"))
        #expect(body.contains("<p>Don’t change <code>&quot;code&quot; -- here</code>.</p>"))
        #expect(body.contains("<h1 id=\"toms-big-idea--v2\">Tom’s “big” idea – v2…</h1>"))
        // goldmark counts open quotes over the whole document: the ' opened in one paragraph closes in the next.
        #expect(body.contains("<p>a ‘open</p>"))
        #expect(body.contains("<p>b ’e’ and 5'10&quot; and x’e’</p>"))
    }

    @Test func offWhenTheConfigSaysSo() throws {
        for config in ["[markup.goldmark.extensions]\ntypographer = false\n",
                       "[markup.goldmark.extensions.typographer]\ndisable = true\n"] {
            let body = try HugoFidelity.body(Self.text, config: config)
            #expect(body.contains("<p>We've said &quot;it works&quot; -- mostly --- and 'twas fine... in the '90s. &lt;&lt; ok &gt;&gt;</p>"))
            #expect(body.contains("<h1 id=\"toms-big-idea----v2\">Tom's &quot;big&quot; idea -- v2...</h1>"))
        }
    }

    @Test func neverInsideMath() throws {
        let body = try HugoFidelity.body("Math $a--b's$ here.\n")
        #expect(body.contains("<annotation encoding=\"application/x-tex\">a--b's</annotation>"))
    }
}
