import GoTemplates
import Testing

@Suite struct ErrorTests {
    func parseError(_ source: String) -> GoTemplateError? {
        do {
            _ = try TemplateSet(name: "shortcodes/img.html", source: source, mode: .html)
            return nil
        } catch {
            return error
        }
    }

    @Test func executionErrorNamesFileLineColumnAndNode() {
        let source = "<figure>\n  <img>\n  <p>{{ .Title }}{{ .Foo }}</p>\n</figure>"
        let error = failure(source, .string("a string"), mode: .html, name: "shortcodes/img.html")
        #expect(error?.kind == .execution)
        #expect(error?.file == "shortcodes/img.html")
        #expect(error?.line == 3)
        #expect(error?.column == 9)
        #expect(error?.node == ".Title")
        #expect(
            error?.description == #"shortcodes/img.html:3:9: executing "shortcodes/img.html" at <.Title>: can't evaluate field Title in type string"#)
    }

    @Test func errorsInsideDefinedTemplatesNameThem() {
        let source = "{{define \"inner\"}}\n  {{ index . 3 }}{{end}}{{template \"inner\" .}}"
        let error = failure(source, [1], name: "page.html")
        #expect(error?.template == "inner")
        #expect(error?.file == "page.html")
        #expect(error?.line == 2)
        #expect(error?.column == 6)
        #expect(error?.node == "index . 3")
        #expect(error?.description == #"page.html:2:6: executing "inner" at <index . 3>: error calling index: index out of range: 3"#)
    }

    /// A host that reports the file, line and column apart takes the rest as `detail`.
    @Test func detailIsTheDescriptionWithoutItsLocation() {
        let error = failure("a\n {{ index . 3 }}", [1], name: "page.html")
        #expect(error?.detail == #"executing "page.html" at <index . 3>: error calling index: index out of range: 3"#)
        #expect(parseError("{{ .X ")?.detail == "unclosed action")
    }

    /// A function learns where the running template calls it (a host's `warnf` reports that place),
    /// in a template run from a function too.
    @Test func aFunctionSeesWhereItIsCalled() throws {
        var registry = FunctionRegistry.standard
        registry.register("here") { _, context in
            guard let position = context.position else { return "nowhere" }
            return .string("\(position.file):\(position.line):\(position.column)")
        }
        registry.register("part") { _, context in .string(try context.execute("part.html", data: .null)) }
        let set = try TemplateSet(mode: .text, functions: registry).adding([
            ("page.html", "x\n  é {{ here }} {{ part }}"), ("part.html", "\n {{ here }}"),
        ])
        #expect(try set.execute("page.html") == "x\n  é page.html:2:8 \n part.html:2:5")
        let here = try #require(registry["here"])
        #expect(try here([], context: .detached).stringValue == "nowhere")
    }

    @Test func columnsCountCharacters() {
        let error = failure("é€ {{ .X.Y }}", .string("s"))
        #expect(error?.line == 1)
        #expect(error?.column == 7)
    }

    @Test func hostErrorsAreWrapped() {
        let error = failure(#"{{ .Greet 1 }}"#, .object(Person(name: "A", age: 1)))
        #expect(error?.message == "error calling Greet: Greet wants a name")
        #expect(failure("{{ .Nope }}", .object(Person(name: "A", age: 1)))?.message == "can't evaluate field Nope in type *tests.Person")
        #expect(failure(#"{{ .A "x" }}"#, ["A": 1])?.message == "A is not a method but has arguments")
        #expect(failure(#"{{ 3 "x" }}"#)?.message == "can't give argument to non-function 3")
        #expect(failure(#"{{ template "nope" }}"#)?.message == #"no such template "nope""#)
        #expect(failure("{{ range . }}{{ end }}", .string("s"))?.message == "range can't iterate over s")
        #expect(failure("{{ range $i, $v := 3 }}{{ end }}")?.message == "can't use 3 to iterate over more than one variable")
    }

    @Test func parseErrors() {
        let cases: [(String, String, Int, Int)] = [
            ("{{ .X ", "unclosed action", 1, 1),
            ("a\n{{if .X}}b", "unexpected EOF", 2, 11),
            ("{{end}}", "unexpected {{end}}", 1, 3),
            ("{{else}}", "unexpected {{else}}", 1, 3),
            ("{{ $x }}", #"undefined variable "$x""#, 1, 4),
            ("{{ nofunc 1 }}", #"function "nofunc" not defined"#, 1, 4),
            (#"{{ "open }}"#, "unterminated quoted string", 1, 4),
            ("{{ `raw }}", "unterminated raw quoted string", 1, 4),
            ("{{ 1x }}", #"bad number syntax: "1x""#, 1, 4),
            ("{{ break }}", "{{break}} outside {{range}}", 1, 4),
            ("{{ continue }}", "{{continue}} outside {{range}}", 1, 4),
            ("{{ if }}x{{ end }}", "missing value for if", 1, 7),
            ("{{ /* c */ }}", "unrecognized character in action: /", 1, 4),
            ("{{/* unclosed }}", "unclosed comment", 1, 1),
            ("{{ 1 | 2 }}", "non executable command in pipeline stage 2", 1, 8),
            ("{{ $x := 1 | }}", "missing command after |", 1, 14),
            ("{{ ( 1 }}", "unclosed left paren", 1, 8),
            ("{{ 1 ) }}", "unexpected right paren", 1, 6),
            ("{{ @ }}", "unrecognized character in action: @", 1, 4),
            ("{{ $a, $b := 1 }}", "too many declarations in command", 1, 4),
            ("{{ if 1 }}{{ define \"x\" }}{{ end }}{{ end }}", "unexpected <define> in input", 1, 14),
            ("{{ template . }}", "unexpected <.> in template clause", 1, 13),
            ("{{ range . }}{{ else }}{{ else }}{{ end }}", "expected end; found {{else}}", 1, 24),
            ("{{ .X.Y\"a\" }}", "missing space between arguments", 1, 8),
            ("{{ 'ab' }}", "unterminated character constant", 1, 4),
        ]
        for (source, message, line, column) in cases {
            let error = parseError(source)
            #expect(error?.kind == .parse, "\(source)")
            #expect(error?.message == message, "\(source)")
            #expect(error?.line == line, "\(source)")
            #expect(error?.column == column, "\(source)")
        }
        #expect(parseError("{{ .X ")?.description == "shortcodes/img.html:1:1: unclosed action")
    }

    @Test func multipleDefinitions() {
        #expect(parseError(#"{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}"#)?.message == #"template: multiple definition of template "a""#)
        #expect(
            parseError(#"{{ define "shortcodes/img.html" }}x{{ end }}body"#)?.message
                == #"template: multiple definition of template "shortcodes/img.html""#)
        #expect(parseError(#"{{ define "a" }} {{ end }}{{ define "a" }}y{{ end }}"#) == nil)
    }

    @Test func escapeErrorsSurfaceOnExecution() {
        let error = failure(#"<a href="{{if .}}x{{end}}{{if .}}?{{end}}{{.}}">"#, true, mode: .html)
        #expect(error?.kind == .escape)
    }
}
