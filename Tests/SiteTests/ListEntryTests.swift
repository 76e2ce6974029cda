import Foundation
import Testing
@testable import Site

/// List entries are rendered once per page and reused; they must read exactly as when rendered in place.
@Suite struct ListEntryTests {
    @Test func entriesRenderedOnceMatchEntriesRenderedInPlace() throws {
        let example = SiteFixtures.repositoryRoot.appendingPathComponent("Examples/tensor-collective")
        let (cached, _) = try SiteFixtures.build(example, write: false)
        // The same template as a site override turns the reuse off: every list renders in place.
        let site = SiteFixtures.temporaryFolder().appendingPathComponent("example")
        try FileManager.default.copyItem(at: example, to: site)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("layouts/partials"), withIntermediateDirectories: true)
        let entry = try #require(DefaultTheme.templates["post-entry"])
        try Data(entry.utf8).write(to: site.appendingPathComponent("layouts/partials/post-entry.mustache"))
        let (inPlace, _) = try SiteFixtures.build(site, write: false)
        #expect(Set(cached.files.keys) == Set(inPlace.files.keys))
        for (key, data) in inPlace.files { #expect(cached.files[key] == data, "\(key)") }
        #expect(cached.html(at: "/")?.contains("class=\"post-entry") == true)
    }

    @Test func anOverriddenEntryMayReadTheListPage() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\ntags: [x]\n---\nBody.\n",
            "layouts/partials/post-entry.mustache": "<p class=\"entry\">{{title}} in {{page.title}}</p>",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(report.html(at: "/posts/")?.contains("<p class=\"entry\">A in Posts</p>") == true)
        #expect(report.html(at: "/tags/x/")?.contains("<p class=\"entry\">A in x</p>") == true)
    }
}
