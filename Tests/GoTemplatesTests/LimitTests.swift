import GoTemplates
import Testing

@Suite struct LimitTests {
    @Test func infiniteRecursionStops() throws {
        let source = #"{{define "r"}}{{if true}}{{with .}}{{template "r" .}}{{end}}{{end}}{{end}}{{template "r" 1}}"#
        let error = failure(source)
        #expect(error?.kind == .limit)
        let shallow = try TemplateSet(name: "t", source: source, mode: .text, limits: TemplateLimits(maxDepth: 5))
        #expect(throws: GoTemplateError.self) { try shallow.execute("t") }
        do {
            _ = try shallow.execute("t")
        } catch {
            #expect(error.message == "exceeded maximum template depth (5)")
        }
    }

    @Test func outputLimit() throws {
        let set = try TemplateSet(name: "t", source: "{{range 1000}}0123456789{{end}}", mode: .text, limits: TemplateLimits(maxOutputBytes: 5000))
        #expect(throws: GoTemplateError.self) { try set.execute("t") }
        #expect(try TemplateSet(name: "t", source: "{{range 100}}0123456789{{end}}", mode: .text).execute("t").count == 1000)
    }

    @Test func iterationLimit() throws {
        let set = try TemplateSet(
            name: "t", source: "{{range 1000}}{{range 1000}}{{end}}{{end}}", mode: .text, limits: TemplateLimits(maxIterations: 10_000))
        do {
            _ = try set.execute("t")
            Issue.record("expected the iteration limit")
        } catch {
            #expect(error.kind == .limit)
        }
        #expect(failure("{{range 100000000000}}{{end}}")?.kind == .limit)
    }

    @Test func deepNestingIsAParseError() throws {
        let deep = String(repeating: "{{if 1}}", count: 500) + String(repeating: "{{end}}", count: 500)
        #expect(failure(deep)?.kind == .parse)
        let parens = "{{" + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000) + "}}"
        #expect(failure(parens)?.kind == .parse)
        let fine = String(repeating: "{{if 1}}", count: 50) + "x" + String(repeating: "{{end}}", count: 50)
        #expect(try text(fine) == "x")
    }

    /// An `else if` chain is one level however long (PaperMod's `svg.html` has 146 links).
    @Test func longElseIfChainsAreNotDeepNesting() throws {
        var source = "{{if eq . 0}}zero"
        for n in 1..<300 { source += "{{else if eq . \(n)}}n\(n)" }
        source += "{{else}}other{{end}}"
        #expect(try text(source, 0) == "zero")
        #expect(try text(source, 299) == "n299")
        #expect(try text(source, 1000) == "other")
        let html = try TemplateSet(name: "t", source: source.replacingOccurrences(of: "n299", with: "<b title=\"{{.}}\">n299</b>"), mode: .html)
        #expect(try html.execute("t", data: .int(299)) == "<b title=\"299\">n299</b>")
        // Variables declared in the first condition stay visible down the chain, as in Go.
        #expect(try text("{{if $x := 2 | eq 1}}a{{else if eq $x false}}b:{{$x}}{{end}}", 0) == "b:false")
        #expect(try text("{{with $v := .}}{{else with 3}}{{.}}{{end}}", 0) == "3")
    }
}
