import Foundation
import Testing
@testable import Site

/// ```` ```{swift} ```` cells (issue 23): a page's Swift cells compiled as one program, so later
/// cells see earlier declarations; output split back per cell; a compile error, a crash and a
/// timeout each fail their own cell with a file line, and the cells after them are not run.
@Suite struct SwiftCellTests {
    static let swiftc = ExecutionSettings.find("swiftc", path: ProcessInfo.processInfo.environment["PATH"] ?? "")
    static let hasSwiftc = swiftc != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    func build(_ body: String, execute: ExecuteMode? = .all) throws -> (BuildReport, String, URL) {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": ExecutedCellTests.config,
            "content/posts/run/index.md": "---\ntitle: Run\n---\n" + body,
        ])
        var options = BuildOptions()
        options.execute = execute
        let (report, output) = try SiteFixtures.build(site, options: options)
        let html = (try? String(contentsOf: output.appendingPathComponent("posts/run/index.html"), encoding: .utf8)) ?? ""
        return (report, html, site)
    }

    /// The text of each output element of the page, in order (`stdout: …`, `error NotRun: …`).
    func outputs(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "<pre class=\"notebook-") {
            let tail = rest[range.upperBound...]
            guard let close = tail.firstIndex(of: ">"), let end = tail.range(of: "</pre>") else { break }
            let kind = tail[..<close].split(separator: "\"").first.map(String.init) ?? ""
            let label = kind.hasPrefix("error") ? "error " + (tail[..<close].components(separatedBy: "Error: ").last?.dropLast() ?? "") : kind
            found.append(label + ": " + tail[tail.index(after: close)..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines))
            rest = tail[end.upperBound...]
        }
        return found
    }

    @Test(.enabled(if: hasSwiftc, "needs swiftc on PATH"))
    func cellsShareDeclarationsAndTheirOutputsSplitBack() throws {
        let (report, html, site) = try build(
            """
            ```{swift}
            let numbers = [3, 1, 2]
            print(numbers.sorted())
            ```

            Between.

            ```{swift}
            #| echo: false
            print("total", numbers.reduce(0, +))
            ```
            """)
        #expect(report.warnings.isEmpty, "\(report.lines)")
        #expect(outputs(html) == ["stream notebook-stdout: [1, 2, 3]", "stream notebook-stdout: total 6"])
        #expect(html.contains("<code class=\"language-swift\" data-lang=\"swift\">"))
        let frozen = try String(contentsOf: site.appendingPathComponent("_freeze/posts/run/index.md.json"), encoding: .utf8)
        #expect(frozen.contains("\"interpreter\" : \"swift "))
        // Built again without running, the page shows the frozen outputs.
        let (_, output) = try SiteFixtures.build(site)
        let again = try String(contentsOf: output.appendingPathComponent("posts/run/index.html"), encoding: .utf8)
        #expect(outputs(again) == outputs(html))
    }

    @Test(.enabled(if: hasSwiftc, "needs swiftc on PATH"))
    func aCompileErrorFailsItsCellAtItsLine() throws {
        let (report, html, _) = try build(
            """
            ```{swift}
            print("first")
            ```

            ```{swift}
            let a = 1
            let b: Int = "two"
            ```
            """)
        #expect(report.warnings.map(\.line) == [10])
        #expect(
            report.warnings.first?.message.hasPrefix("swift cell failed: CompileError: line 2: error: cannot convert value of type 'String'") == true,
            "\(report.lines)")
        #expect(
            outputs(html) == [
                "error NotRun: not run: the page's Swift cells did not compile",
                "error CompileError: line 2: error: cannot convert value of type 'String' to specified type 'Int'",
            ])
    }

    @Test(.enabled(if: hasSwiftc, "needs swiftc on PATH"))
    func aCrashAndATimeoutFailTheirCellsAndStopTheRest() throws {
        let (crashed, crashHTML, _) = try build(
            """
            ```{swift}
            let xs = [1]
            print("before")
            print(xs[3])
            ```

            ```{swift}
            print("never")
            ```
            """)
        #expect(crashed.warnings.map(\.line) == [5])
        let crash = outputs(crashHTML)
        #expect(crash.count == 4)
        #expect(crash.first == "stream notebook-stdout: before")
        #expect(crash.dropFirst().first?.contains("Fatal error: Index out of range") == true)
        #expect(crash.dropFirst(2).first?.hasPrefix("error ProgramEnded: the program crashed in this cell (signal") == true)
        #expect(crash.last == "error NotRun: not run: the program stopped at an earlier cell")

        let (slow, slowHTML, _) = try build(
            """
            ```{swift}
            #| timeout: 1
            print("looping")
            while true {}
            ```
            """)
        #expect(slow.warnings.map(\.line) == [6])
        #expect(
            outputs(slowHTML) == [
                "stream notebook-stdout: looping",
                "error TimeoutError: the cell ran longer than 1 s and was stopped; give it more time with `#| timeout:` or execute.timeout",
            ])
    }
}
