import GoTemplates
import Testing

@Suite struct APITests {
    final class Pages: GoObject {
        let titles: [String]
        init(_ titles: [String]) { self.titles = titles }
        var goTypeName: String { "page.Pages" }
        func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
            switch name {
            case "Len": return .int(titles.count)
            default: return nil
            }
        }
        var rangeElements: [GoValue]? { titles.map { ["Title": .string($0)] } }
        func index(_ key: GoValue) -> GoValue? {
            guard case .string(let title) = key else { return nil }
            return titles.contains(title) ? ["Title": .string(title)] : .null
        }
        var printed: String { "Pages(\(titles.count))" }
    }

    /// Hugo's params maps: keys stored in lower case, fields written in any case.
    @Test func lowercaseFieldFallbackIsOptIn() throws {
        let data: GoValue = ["params": ["bookportablelinks": "warning", "Exact": "kept"]]
        let source = "{{ .params.BookPortableLinks }}|{{ .params.Exact }}"
        let hugo = try TemplateSet(mode: .text, lowercaseFieldFallback: true).adding([("t", source)])
        #expect(try hugo.execute("t", data: data) == "warning|kept")
        let go = try TemplateSet(mode: .text).adding([("t", source)])
        #expect(try go.execute("t", data: data) == "<no value>|kept")
    }

    @Test func rangeableObjects() throws {
        let pages = GoValue.object(Pages(["A", "B", "C"]))
        #expect(try text("{{ range . }}{{ .Title }}{{ end }}", pages) == "ABC")
        #expect(try text("{{ len . }} {{ .Len }} {{ . }}", pages) == "3 3 Pages(3)")
        #expect(try text("{{ (index . 1).Title }} {{ (index . \"C\").Title }}", pages) == "B C")
        #expect(
            try text("{{ range first 2 . }}{{ .Title }}{{ end }} {{ range where . \"Title\" \"ne\" \"A\" }}{{ .Title }}{{ end }}", pages) == "AB BC")
        #expect(try text("{{ eq . $ }} {{ eq . .Len }}", pages) == "true false")
        #expect(try text(#"{{ printf "%T" . }}"#, pages) == "page.Pages")
    }

    @Test func collectingParseErrors() throws {
        var errors: [GoTemplateError] = []
        let set = TemplateSet(mode: .html).adding([("good", "{{ . }}"), ("bad", "{{ if }}"), ("also", "ok")], errors: &errors)
        #expect(set.names == ["also", "good"])
        #expect(errors.count == 1)
        #expect(errors.first?.file == "bad")
        #expect(TemplateSet.check(name: "x", source: "{{ end }}")?.message == "unexpected {{end}}")
        #expect(TemplateSet.check(name: "x", source: "{{ .X }}") == nil)
    }

    @Test func missingTemplate() {
        do {
            _ = try TemplateSet().execute("none")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == #"no such template "none""#)
        }
    }

    @Test func functionsCalledDirectly() throws {
        let upper = try #require(FunctionRegistry.standard["upper"])
        #expect(try upper(["abc"], context: .detached).stringValue == "ABC")
        #expect(FunctionRegistry.builtins.names.count == 19)
        #expect(FunctionRegistry.standard.names.contains("strings.ReplaceRE"))
        var registry = FunctionRegistry()
        registry.register("one") { _ in 1 }
        var other = FunctionRegistry()
        other.register("one") { _ in 2 }
        registry.merge(other)
        #expect(try text("{{ one }}", functions: registry) == "2")
    }

    /// A host's `return` (Hugo's) takes the words after it as one command: `return and $a $b`.
    @Test func returnTakesTheRestOfTheAction() throws {
        var registry = FunctionRegistry.standard
        registry.register("return") { args in args.count == 1 ? args[0] : .string("args: \(args.count)") }
        #expect(try text(#"{{ return and (not (eq "a" "")) "host" }}"#, functions: registry) == "host")
        #expect(try text(#"{{ return printf "%s-%d" "x" 3 }}|{{ return "one" }}"#, functions: registry) == "x-3|one")
        #expect(throws: GoTemplateError.self) { try text(#"{{ return "" | default "x" }}"#, functions: registry) }
        // Without a host `return`, the word is an undefined function as in Go.
        #expect(throws: GoTemplateError.self) { try text(#"{{ return 1 }}"#) }
    }

    @Test func valuesPrintLikeGo() {
        #expect(GoValue.float(1e21).printed == "1e+21")
        #expect(GoValue.float(123456789.0).printed == "1.23456789e+08")
        #expect(GoValue.float(-0.5).printed == "-0.5")
        #expect(GoValue.float(0.000012).printed == "1.2e-05")
        #expect(GoValue.array([.null, .bool(true), .map(["a": 1])]).printed == "[<nil> true map[a:1]]")
        #expect(GoValue.safe("x", .url).typeName == "template.URL")
        #expect(GoValue.string("").isTruthy == false)
        #expect(GoValue.object(Person(name: "a", age: 1)).isTruthy)
    }

    @Test func templateCallsDoNotShareVariables() throws {
        let source = #"{{ define "in" }}{{ $x := "inner" }}{{ $x }}{{ end }}{{ $x := "outer" }}{{ template "in" }} {{ $x }}"#
        let output = try text(source)
        #expect(output == "inner outer")
    }

    @Test func textModeDoesNotEscape() throws {
        #expect(try text("<a href=\"{{ . }}\">{{ . }}</a>", "javascript:<x>") == "<a href=\"javascript:<x>\">javascript:<x></a>")
    }
}
