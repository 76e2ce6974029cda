import Foundation
import Testing
@testable import Site

/// The example site's search page in headless Chromium: typing, the keys PaperMod readers know,
/// and no index request before the box is used. (Search's own SearchPageTests covers `?q=` links,
/// filters and `file://`.)
@Suite(.serialized) struct ExampleSiteSearchTests {
    static let ready = WebDriver.tools != nil && StaticServer.available

    /// Builds Examples/tensor-collective, serves it and opens its search page.
    /// `prepare` may change the built site before it is served.
    static func withSearchPage(
        prepare: (URL) throws -> Void = { _ in },
        _ body: (WebDriver, StaticServer) async throws -> Void
    ) async throws {
        let (report, site) = try SiteFixtures.build(SiteFixtures.repositoryRoot.appendingPathComponent("Examples/tensor-collective"))
        #expect(report.diagnostics.isEmpty, "\(report.lines)")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        try prepare(site)
        let server = try StaticServer(site)
        defer { server.stop() }
        let browser = try await WebDriver()
        do {
            try await browser.open(server.base + "/search/")
            _ = try await browser.wait(for: "return document.readyState == 'complete'")
            try await body(browser, server)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    static let resultLinks = "return Array.from(document.querySelectorAll('#search-results li > a')).map(a => a.getAttribute('href'))"
    /// What the search page shows besides its results, for timeout messages.
    static let shown =
        "return [document.getElementById('search-input').value, document.getElementById('search-status').textContent, document.getElementById('search-results').children.length + ' items: ' + document.getElementById('search-results').innerHTML.slice(0, 200), performance.getEntriesByType('resource').map(r => r.name.split('/search/')[1] + ' ' + Math.round(r.duration) + ' ms').join(', ')].join(' | ')"
    static let focused = "const e = document.activeElement; return e.id || e.getAttribute('href') || e.tagName"

    @Test(.enabled(if: ready, "chromium, chromedriver or python3 is missing: the example site's search page was not opened"))
    func typingAQueryShowsTheExpectedFirstResult() async throws {
        try await Self.withSearchPage { browser, _ in
            let requested = "return performance.getEntriesByType('resource').some(r => r.name.includes('/search/index.js'))"
            #expect(try await browser.run(requested) as? Bool == false, "nothing is fetched before the box is used")
            try await browser.type("trainin", into: "#search-input")
            // Search as you type: the unfinished word already finds the page.
            let first = try await browser.wait(for: Self.resultLinks + "[0]", seconds: 40, explain: Self.shown)
            #expect(first as? String == "/posts/training-curves/")
            try await browser.type("g", into: "#search-input")
            _ = try await browser.wait(for: "return location.search == '?q=training'")
            _ = try await browser.wait(for: Self.resultLinks + ".length == 3", seconds: 40, explain: Self.shown)
            #expect(
                try await browser.run(Self.resultLinks) as? [String]
                    == ["/posts/training-curves/", "/posts/digits-matrix-derivative/", "/posts/easy-read-lab-to-model/"])
            let title = try await browser.run("return document.querySelector('#search-results li > a').innerHTML") as? String
            #expect(title == "Reading <mark>Training</mark> Curves")
            #expect(try await browser.run("return document.getElementById('search-status').textContent") as? String == "3 results")
        }
    }

    @Test(.enabled(if: ready, "chromium, chromedriver or python3 is missing: a cut-short index file was not tested"))
    func anIndexFileCutShortIsReportedNotWaitedForForever() async throws {
        // Every page fragment arrives cut short (it runs, but never hands over its data).
        let cutShort: (URL) throws -> Void = { site in
            let fragments = site.appendingPathComponent("search/p")
            for name in try FileManager.default.contentsOfDirectory(atPath: fragments.path) {
                try Data("__tcs;".utf8).write(to: fragments.appendingPathComponent(name))
            }
        }
        try await Self.withSearchPage(prepare: cutShort) { browser, _ in
            try await browser.type("training", into: "#search-input")
            let status = "return document.getElementById('search-status').textContent"
            let failed = try await browser.wait(
                for: status + " == document.getElementById('search').dataset.failed ? 'failed' : null",
                seconds: 40, explain: Self.shown)
            #expect(failed as? String == "failed")
        }
    }

    @Test(.enabled(if: ready, "chromium, chromedriver or python3 is missing: keyboard navigation was not tested"))
    func keyboardMovesThroughResultsOpensAndClears() async throws {
        try await Self.withSearchPage { browser, server in
            #expect(try await browser.run(Self.focused) as? String == "BODY")
            try await browser.press(.slash)
            #expect(try await browser.run(Self.focused) as? String == "search-input", "/ focuses the box")
            #expect(try await browser.run("return document.getElementById('search-input').value") as? String == "", "the / is not typed")
            try await browser.type("model", into: "#search-input")
            _ = try await browser.wait(for: Self.resultLinks + ".length == 3", seconds: 40, explain: Self.shown)
            let links = try #require(try await browser.run(Self.resultLinks) as? [String])

            try await browser.press(.arrowDown)
            #expect(try await browser.run(Self.focused) as? String == links[0])
            try await browser.press(.arrowDown)
            try await browser.press(.arrowDown)
            #expect(try await browser.run(Self.focused) as? String == links[2])
            try await browser.press(.arrowDown)
            #expect(try await browser.run(Self.focused) as? String == links[2], "stays on the last result")
            try await browser.press(.arrowUp)
            try await browser.press(.arrowUp)
            try await browser.press(.arrowUp)
            #expect(try await browser.run(Self.focused) as? String == "search-input", "back to the box")

            try await browser.press(.escape)
            #expect(try await browser.run("return document.getElementById('search-input').value") as? String == "")
            #expect(try await browser.run(Self.resultLinks + ".length") as? Int == 0, "Escape clears the results")
            #expect(try await browser.run("return location.search") as? String == "")

            try await browser.press(.slash)
            try await browser.type("queries", into: "#search-input")
            _ = try await browser.wait(for: Self.resultLinks + ".length == 1")
            try await browser.press(.enter)
            _ = try await browser.wait(for: "return location.pathname == '/posts/attention-from-scratch/'")
            #expect(try await browser.url == server.base + "/posts/attention-from-scratch/", "Enter opens the first result")
        }
    }
}
