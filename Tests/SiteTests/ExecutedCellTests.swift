import Foundation
import Testing
@testable import Site

/// Executable cells (```` ```{python} ````, issue 23): one session per page, cell options, errors
/// and timeouts with file lines, a cleared environment, a temporary working folder, and freeze hits
/// and misses. They need python3 on PATH; without it they show as skipped (and fail under CI).
@Suite struct ExecutedCellTests {
    static let python = ExecutionSettings.find("python3", path: ProcessInfo.processInfo.environment["PATH"] ?? "")
    static let hasPython = python != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    static let hasMatplotlib: Bool = {
        guard let python else { return ProcessInfo.processInfo.environment["CI"] == "true" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import matplotlib"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0 || ProcessInfo.processInfo.environment["CI"] == "true"
    }()

    static let config = "title = \"X\"\nbaseURL = \"https://example.org/\"\n"

    /// Text as a Python string literal (its UTF-8 bytes, so any character survives).
    static func pythonString(_ text: String) -> String {
        "bytes([" + text.utf8.map(String.init).joined(separator: ",") + "]).decode()"
    }

    func build(_ site: URL, _ mode: ExecuteMode?) throws -> (BuildReport, String) {
        var options = BuildOptions()
        options.execute = mode
        let (report, output) = try SiteFixtures.build(site, options: options)
        let html = (try? String(contentsOf: output.appendingPathComponent("posts/run/index.html"), encoding: .utf8)) ?? ""
        return (report, html)
    }

    /// The outputs part of the page: from the first cell to the footer.
    func cells(_ html: String) -> String {
        guard let start = html.range(of: "<div class=\"notebook-cell\"")?.lowerBound,
            let end = html.range(of: "<footer class=\"post-footer\">")?.lowerBound, start < end
        else { return "" }
        return String(html[start..<end])
    }

    @Test(.enabled(if: hasPython, "needs python3 on PATH"))
    func cellsShareStateAndOptionsApply() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": Self.config,
            "content/posts/run/index.md": """
            ---
            title: Run
            ---
            ```{python}
            total = 40
            print("from stdout")
            total + 2
            ```

            ```{python}
            #| echo: false
            print("total is", total)
            ```

            ```{python}
            #| eval: false
            never_run()
            ```

            ```{python}
            #| output: false
            print("hidden output")
            ```

            ```{python}
            #| include: false
            secret = "invisible"
            ```

            ```{python}
            #| label: last-cell
            #| colour: red
            secret.upper()
            ```
            """,
        ])
        let (report, html) = try build(site, .stale)
        #expect(
            report.lines == [
                "content/posts/run/index.md:32: warning: unknown cell option `colour`; the options are echo, eval, output, include, label, fig-cap, warning, timeout"
            ])
        let cells = cells(html)
        #expect(cells.contains("<pre class=\"notebook-stream notebook-stdout\">from stdout\n</pre>\n<pre class=\"notebook-result\">42</pre>"))
        #expect(cells.contains("<pre class=\"notebook-stream notebook-stdout\">total is 40\n</pre>"))
        #expect(!cells.contains("<span class=\"s2\">&#34;total is&#34;</span>"))
        #expect(cells.contains("never_run"))
        #expect(!cells.contains("NameError"))
        #expect(cells.contains("hidden_output") == false && !cells.contains(">hidden output\n"))
        #expect(!cells.contains("invisible&#34;") && !cells.contains("secret</span> <span class=\"o\">=</span>"))
        #expect(cells.contains("<div class=\"notebook-cell\" id=\"last-cell\">"))
        #expect(
            cells.contains("<pre class=\"notebook-result\">&#39;INVISIBLE&#39;</pre>")
                || cells.contains("<pre class=\"notebook-result\">'INVISIBLE'</pre>"))
        #expect(cells.components(separatedBy: "<div class=\"notebook-cell\"").count - 1 == 5)
    }

    @Test(.enabled(if: hasPython, "needs python3 on PATH"))
    func errorsAndTimeoutsAreShownAndWarnedWithTheirLine() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": Self.config,
            "content/posts/run/index.md": """
            ---
            title: Run
            ---
            ```{python}
            values = [1, 2]
            values[5]
            ```

            ```{python}
            #| timeout: 1
            import time
            time.sleep(30)
            ```

            ```{python}
            print("after")
            ```
            """,
        ])
        let start = Date()
        let (report, html) = try build(site, .all)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(
            report.lines == [
                "content/posts/run/index.md:6: warning: python cell failed: IndexError: list index out of range",
                "content/posts/run/index.md:11: warning: python cell failed: TimeoutError: the cell ran longer than 1 s and was stopped; give it more time with `#| timeout:` or execute.timeout",
            ])
        let cells = cells(html)
        // The cell after the timeout says in the page why it did not run; the warning is the timeout's.
        #expect(cells.contains("not run: the session ended at cell 2 (timed out)</pre>"))
        #expect(
            cells.contains(
                "Traceback (most recent call last):\n  cell line 2, in &lt;module&gt;\n    values[5]\nIndexError: list index out of range</pre>"))
        #expect(cells.contains("aria-label=\"Error: TimeoutError\""))
        #expect(report.errors.isEmpty)
    }

    @Test(.enabled(if: hasPython, "needs python3 on PATH"))
    func environmentIsClearedAndTheFolderIsACopy() throws {
        // Two variables of this process (setenv is not safe beside parallel tests): one the config lets through.
        let names = ProcessInfo.processInfo.environment.keys.filter { !["PATH", "HOME", "LANG"].contains($0) && !$0.contains("\"") }.sorted()
        try #require(names.count >= 2)
        let (secret, allowed) = (names[0], names[1])
        let allowedValue = ProcessInfo.processInfo.environment[allowed]!
        let site = try SiteFixtures.makeSite([
            "hugo.toml": Self.config + "[execute]\nenv = [\"\(allowed)\"]\n",
            "content/posts/run/data.txt": "bundle data\n",
            "content/posts/run/index.md": """
            ---
            title: Run
            ---
            ```{python}
            import os
            open("made-by-cell.txt", "w").write("x")
            print(os.environ.get("\(secret)"), os.environ.get("\(allowed)") == \(Self.pythonString(allowedValue)), open("data.txt").read().strip())
            ```
            """,
        ])
        let (report, html) = try build(site, .stale)
        #expect(report.lines.isEmpty, "\(report.lines)")
        #expect(cells(html).contains(">None True bundle data\n</pre>"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/posts/run/made-by-cell.txt").path))
    }

    @Test(.enabled(if: hasPython, "needs python3 on PATH"))
    func freezeIsReusedUntilCodeOrDataChange() throws {
        let page = """
            ---
            title: Run
            ---
            ```{python}
            import random
            rows = open("data.csv").read().splitlines()
            print(len(rows), random.random())
            ```
            """
        let site = try SiteFixtures.makeSite([
            "hugo.toml": Self.config,
            "content/posts/run/data.csv": "a\n1\n",
            "content/posts/run/index.md": page,
        ])
        // Never run: no output, and a warning that says how to get one.
        let (neverRun, neverHTML) = try build(site, nil)
        #expect(
            neverRun.lines == [
                "content/posts/run/index.md:4: warning: 1 cell has no frozen output for the current code and data files (the first is here); build with --execute to run"
            ])
        #expect(!cells(neverHTML).contains("notebook-outputs"))
        let (_, first) = try build(site, .stale)
        let freezeFile = site.appendingPathComponent("_freeze/posts/run/index.md.json")
        #expect(FileManager.default.fileExists(atPath: freezeFile.path))
        #expect(cells(first).contains(">2 0."))
        // A build without --execute, and one with it, both reuse the frozen output (a random number would change).
        let (frozen, frozenHTML) = try build(site, nil)
        #expect(frozen.lines.isEmpty)
        #expect(cells(frozenHTML) == cells(first))
        let (_, staleHTML) = try build(site, .stale)
        #expect(cells(staleHTML) == cells(first))
        // --execute=all reruns.
        let (_, allHTML) = try build(site, .all)
        #expect(cells(allHTML) != cells(first))
        // Editing a data file makes the output stale.
        try Data("a\n1\n2\n".utf8).write(to: site.appendingPathComponent("content/posts/run/data.csv"))
        let (edited, editedHTML) = try build(site, nil)
        #expect(edited.lines.count == 1)
        #expect(!cells(editedHTML).contains("notebook-outputs"))
        let (_, rerunHTML) = try build(site, .stale)
        #expect(cells(rerunHTML).contains(">3 0."))
        // Editing the code does too.
        try Data(page.replacingOccurrences(of: "len(rows)", with: "len(rows) * 10").utf8)
            .write(to: site.appendingPathComponent("content/posts/run/index.md"))
        let (_, codeHTML) = try build(site, nil)
        #expect(!cells(codeHTML).contains("notebook-outputs"))
        let (_, codeRerun) = try build(site, .stale)
        #expect(cells(codeRerun).contains(">30 0."))
    }

    /// `collective serve --execute`: an edited cell reruns in the session's rebuild, and the page shows its new output.
    @Test(.enabled(if: hasPython, "needs python3 on PATH"))
    func serveSessionRerunsAnEditedCell() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": Self.config,
            "content/posts/run/index.md": "---\ntitle: Run\n---\n```{python}\nprint(6 * 7)\n```\n",
        ])
        var options = BuildOptions()
        options.execute = .stale
        var session = try SiteSession(builder: SiteBuilder(source: site, options: options))
        #expect(session.report.html(at: "/posts/run/")?.contains(">42\n</pre>") == true)
        try Data("---\ntitle: Run\n---\n```{python}\nprint(6 * 9)\n```\n".utf8)
            .write(to: site.appendingPathComponent("content/posts/run/index.md"))
        let update = session.update(changed: ["content/posts/run/index.md"])
        #expect(update.errors.isEmpty)
        #expect(update.changedFiles.contains("posts/run/index.html"))
        #expect(session.report.html(at: "/posts/run/")?.contains(">54\n</pre>") == true)
        let frozen = try String(contentsOf: site.appendingPathComponent("_freeze/posts/run/index.md.json"), encoding: .utf8)
        #expect(frozen.contains("\"stdout\" : \"54\\n\""))
    }

    @Test(.enabled(if: hasMatplotlib, "needs python3 with matplotlib"))
    func figuresBecomeSVGFilesWithCaptions() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": Self.config,
            "content/posts/run/index.md": """
            ---
            title: Run
            ---
            ```{python}
            #| fig-cap: Loss by step
            import matplotlib.pyplot as plt
            plt.plot([3, 2, 1])
            plt.title("loss")
            ```
            """,
        ])
        var options = BuildOptions()
        options.execute = .stale
        let (report, output) = try SiteFixtures.build(site, options: options)
        #expect(report.lines.isEmpty, "\(report.lines)")
        let html = try String(contentsOf: output.appendingPathComponent("posts/run/index.html"), encoding: .utf8)
        #expect(
            html.contains(
                "<figure class=\"notebook-figure\"><img src=\"/posts/run/cell1-1.svg\" alt=\"Loss by step\" loading=\"lazy\" decoding=\"async\"><figcaption>Loss by step</figcaption></figure>"
            ))
        #expect(!html.contains("matplotlib.lines.Line2D"))
        let svg = try String(contentsOf: output.appendingPathComponent("posts/run/cell1-1.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
    }
}
