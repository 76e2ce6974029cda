import Foundation
import Testing
@testable import Site

/// The showcase fixture (Fixtures/theme-showcase) in headless Chromium: what a reader sees, measured
/// (line boxes, image sizes, alignment, overflow at phone widths), not only what the HTML says.
@Suite(.serialized) struct ThemeLayoutBrowserTests {
    static let ready = WebDriver.tools != nil && StaticServer.available

    /// Builds the showcase, serves it and runs `body` with a browser.
    static func withShowcase(_ body: (WebDriver, StaticServer) async throws -> Void) async throws {
        let (_, site) = try SiteFixtures.build(SiteFixtures.site("theme-showcase"))
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let server = try StaticServer(site)
        defer { server.stop() }
        let browser = try await WebDriver()
        do {
            try await body(browser, server)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    static func open(_ browser: WebDriver, _ url: String) async throws {
        try await browser.open(url)
        _ = try await browser.wait(for: "return document.readyState == 'complete'")
    }

    /// For every numbered block: the largest distance, in pixels, between a line number's top and its
    /// code line's top (table style: separate cells; inline style: spans in the line).
    static let numberDrift = """
        let worst = 0, rows = 0;
        for (const table of document.querySelectorAll('.lntable')) {
          const numbers = table.querySelectorAll('.lnt'), lines = table.querySelectorAll('.line');
          if (numbers.length != lines.length) return -1;
          numbers.forEach((n, i) => { rows++; worst = Math.max(worst, Math.abs(n.getBoundingClientRect().top - lines[i].getBoundingClientRect().top)); });
          const last = numbers[numbers.length - 1].getBoundingClientRect(), code = lines[lines.length - 1].getBoundingClientRect();
          worst = Math.max(worst, Math.abs(last.bottom - code.bottom));
        }
        for (const line of document.querySelectorAll('.line')) {
          const n = line.querySelector(':scope > .ln'), c = line.querySelector(':scope > .cl');
          if (n && c) { rows++; worst = Math.max(worst, Math.abs(n.getBoundingClientRect().top - c.getBoundingClientRect().top)); }
        }
        return [worst, rows];
        """

    @Test(.enabled(if: ready, "chromium, chromedriver or python3 is missing: the showcase was not measured"))
    func lineNumbersShareTheirLinesAtEveryFontSize() async throws {
        try await Self.withShowcase { browser, server in
            try await Self.open(browser, server.base + "/posts/numbered-code/")
            for size in ["16px", "13px", "21px"] {
                try await browser.run("document.documentElement.style.fontSize = arguments[0]", [size])
                let result = try #require(try await browser.run(Self.numberDrift) as? [Double], "every table has one number per line")
                // Table rows: 15 + 1 + 500; inline rows: 7.
                #expect(result[1] == 523)
                #expect(result[0] < 1, "numbers drift \(result[0]) px from their lines at root font size \(size)")
            }
            // Highlighted numbers sit beside highlighted lines.
            let highlighted = """
                const t = document.querySelector('.lntable');
                const n = t.querySelectorAll('.lnt'), l = t.querySelectorAll('.line');
                return [1, 13].map(i => n[i].classList.contains('hl') && l[i].classList.contains('hl')
                  && Math.abs(n[i].getBoundingClientRect().top - l[i].getBoundingClientRect().top) < 1);
                """
            #expect(try await browser.run(highlighted) as? [Bool] == [true, true])
            #expect(try await browser.run("return getComputedStyle(document.querySelector('.lnt')).userSelect") as? String == "none")
            // The copy button copies the code without its numbers.
            let copied = """
                window.__copied = null;
                Object.defineProperty(navigator.clipboard, 'writeText', { value: t => { window.__copied = t; return Promise.resolve(); } });
                document.querySelectorAll('.highlight')[1].querySelector('.copy-code').click();
                """
            try await browser.run(copied)
            let text = try await browser.wait(for: "return window.__copied") as? String
            #expect(text == "package main\n\nimport \"fmt\"\n\nfunc main() {\n    fmt.Println(\"hello\")\n}")
        }
    }

    @Test(.enabled(if: ready, "chromium, chromedriver or python3 is missing: the showcase was not measured"))
    func imagesInASentenceStayInlineAtTheirSize() async throws {
        try await Self.withShowcase { browser, server in
            try await Self.open(browser, server.base + "/posts/inline-images/")
            let measure = """
                const box = s => { const e = document.querySelector(s); const r = e.getBoundingClientRect();
                  return [getComputedStyle(e).display, Math.round(r.height), Math.round(r.left - e.parentElement.getBoundingClientRect().left)]; };
                return [box('img[alt="build: passing"]'), box('img.in-text'), box('img[alt="a raw badge"]'),
                        box('p.image-only > img'), box('figure > img')];
                """
            let boxes = try #require(try await browser.run(measure) as? [[Any]])
            #expect(boxes[0][0] as? String == "inline" && boxes[0][1] as? Int == 20 && (boxes[0][2] as? Int ?? 0) > 20, "\(boxes[0])")
            #expect(boxes[1][0] as? String == "inline" && boxes[1][1] as? Int == 14, "inTextImg keeps its height: \(boxes[1])")
            #expect(boxes[2][0] as? String == "inline" && boxes[2][1] as? Int == 18, "raw <img height> keeps it: \(boxes[2])")
            #expect(boxes[3][0] as? String == "block", "\(boxes[3])")
            #expect(boxes[4][0] as? String == "block", "\(boxes[4])")
        }
    }

    @Test(.enabled(if: ready, "chromium, chromedriver or python3 is missing: the showcase was not measured"))
    func tablesListsCoversAndPhoneWidths() async throws {
        try await Self.withShowcase { browser, server in
            try await Self.open(browser, server.base + "/posts/quotes-and-tables/")
            let align = "return Array.from(document.querySelectorAll('.post-content th')).map(e => getComputedStyle(e).textAlign)"
            #expect(try await browser.run(align) as? [String] == ["left", "center", "right"])
            #expect(try await browser.run("return document.querySelectorAll('.post-content ol').length") as? Int == 1)
            let inside =
                "return Array.from(document.querySelectorAll('.post-content details')).every(d => !!(d.closest('li') && d.closest('blockquote')))"
            #expect(try await browser.run(inside) as? Bool == true)

            // No broken picture anywhere a missing cover would show.
            for path in ["/", "/posts/", "/posts/missing-cover/"] {
                try await Self.open(browser, server.base + path)
                let broken = "return Array.from(document.images).filter(i => i.complete && i.naturalWidth == 0).map(i => i.src)"
                #expect(try await browser.run(broken) as? [String] == [], "broken images on \(path)")
            }

            // Back to top: hidden at the top of a long page on a wide screen, shown after scrolling.
            try await Self.open(browser, server.base + "/posts/numbered-code/")
            let visibility = "return getComputedStyle(document.querySelector('.top-link')).visibility"
            _ = try await browser.wait(for: visibility + " == 'hidden'", seconds: 5)
            try await browser.run("window.scrollTo(0, 4000)")
            _ = try await browser.wait(for: visibility + " == 'visible'", seconds: 5)

            // Phones: nothing wider than the screen; the back-to-top link sits in the footer, not over text.
            for width in [320, 375, 414] {
                try await browser.resize(width: width, height: 800)
                for path in ["/", "/posts/numbered-code/", "/posts/inline-images/", "/posts/quotes-and-tables/", "/search/"] {
                    try await Self.open(browser, server.base + path)
                    let overflow = "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
                    #expect(try await browser.run(overflow) as? Int == 0, "\(path) scrolls sideways at \(width) px")
                }
                #expect(try await browser.run("return getComputedStyle(document.querySelector('.top-link')).position") as? String == "static")
            }
            try await browser.resize(width: 1280, height: 900)
        }
    }

    @Test(.enabled(if: ready, "chromium, chromedriver or python3 is missing: the search page was not opened"))
    func searchCountsResultsAndSaysWhenThereAreNone() async throws {
        try await Self.withShowcase { browser, server in
            try await Self.open(browser, server.base + "/search/")
            #expect(try await browser.run("return document.getElementById('search').hidden") as? Bool == false, "the script shows the box")
            try await browser.type("gradient", into: "#search-input")
            let status = "return document.getElementById('search-status').textContent"
            _ = try await browser.wait(for: status + " == '1 result'")
            try await browser.run("const i = document.getElementById('search-input'); i.value = ''; i.dispatchEvent(new Event('input'))")
            try await browser.type("zzzqqqxx", into: "#search-input")
            _ = try await browser.wait(for: status + " == 'No results. Try fewer words, or other ones.'")
            // Math in a snippet reads as its symbols, not as TeX; matched words are marked.
            try await browser.run("const i = document.getElementById('search-input'); i.value = ''; i.dispatchEvent(new Event('input'))")
            try await browser.type("formula", into: "#search-input")
            _ = try await browser.wait(for: status + " == '1 result'")
            let snippet = try #require(
                try await browser.wait(for: "const p = document.querySelector('#search-results li p'); return p && p.textContent") as? String)
            #expect(snippet.contains("L = − ∑ i y i log p i is small"), "\(snippet)")
            #expect(!snippet.contains("\\sum") && !snippet.contains("\\log"), "\(snippet)")
            let mark = "return getComputedStyle(document.querySelector('#search-results li p mark')).backgroundColor"
            #expect(try await browser.run(mark) as? String != "rgba(0, 0, 0, 0)")
        }
    }
}
