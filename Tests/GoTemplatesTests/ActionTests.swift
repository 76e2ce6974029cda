import GoTemplates
import Testing

@Suite struct ActionTests {
    @Test func textPassesThrough() throws {
        #expect(try text("hello, world") == "hello, world")
        #expect(try text("") == "")
        #expect(try text("a { b } c") == "a { b } c")
    }

    @Test func dotAndFields() throws {
        #expect(try text("{{.}}", "x") == "x")
        #expect(try text("{{.A}}", ["A": 1]) == "1")
        #expect(try text("{{.A.B}}", ["A": ["B": "deep"]]) == "deep")
        #expect(try text("{{.Missing}}", ["A": 1]) == "<no value>")
        #expect(try html("{{.Missing}}", ["A": 1]) == "")
        #expect(try text("{{.A.B}}", ["X": 1]) == "<no value>")
    }

    @Test func objectsFieldsAndMethods() throws {
        let bob = GoValue.object(Person(name: "Ann", age: 30))
        #expect(try text("{{.Name}} is {{.Age}}", bob) == "Ann is 30")
        #expect(try text(#"{{.Greet "Tom"}}"#, bob) == "Hello Tom, I am Ann")
        #expect(try text("{{.Add 2 3}}", bob) == "5")
        #expect(try text("{{.Friend.Name}}", bob) == "Bob")
        #expect(try text(#"{{"Joe" | .Greet}}"#, bob) == "Hello Joe, I am Ann")
        #expect(try text("{{range .Tags}}<{{.}}>{{end}}", bob) == "<a><b>")
        #expect(try text("{{$p := .}}{{$p.Friend.Age}}", bob) == "40")
    }

    @Test func constants() throws {
        #expect(try text(#"{{"quoted\tstring\n"}}"#) == "quoted\tstring\n")
        #expect(try text("{{`raw\\n string`}}") == "raw\\n string")
        #expect(try text("{{42}} {{-7}} {{+3}}") == "42 -7 3")
        #expect(try text("{{0x1F}} {{0o17}} {{017}} {{0b101}} {{1_000}}") == "31 15 15 5 1000")
        #expect(try text("{{1.5}} {{1e3}} {{.25}} {{1e-7}}") == "1.5 1000 0.25 1e-07")
        #expect(try text("{{'a'}} {{'\\n'}} {{'é'}}") == "97 10 233")
        #expect(try text("{{true}} {{false}}") == "true false")
        #expect(try text(#"{{"\u00e9\x41"}}"#) == "éA")
    }

    @Test func comments() throws {
        #expect(try text("a{{/* a comment */}}b") == "ab")
        #expect(try text("a{{/* multi\nline */}}b") == "ab")
        #expect(try text("a  {{- /* trimmed */ -}}  b") == "ab")
    }

    @Test func trimming() throws {
        #expect(try text("a  {{- 1 -}}  b") == "a1b")
        #expect(try text("a \n\t{{- 1}} b") == "a1 b")
        #expect(try text("a {{1 -}} \n b") == "a 1b")
        #expect(try text("{{- 3}}") == "3")
        #expect(try text("{{-3}}") == "-3")
        #expect(try text("<ul>\n  {{- range .}}\n  <li>{{.}}</li>\n  {{- end}}\n</ul>", [1, 2]) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>")
    }

    @Test func pipelines() throws {
        #expect(try text(#"{{"a" | printf "%s-%s" "b"}}"#) == "b-a")
        #expect(try text(#"{{. | len | printf "%d"}}"#, "abc") == "3")
        #expect(try text(#"{{(len .) | printf "%03d"}}"#, "abcd") == "004")
        #expect(try text(#"{{printf "%s" (index . 1)}}"#, ["x", "y"]) == "y")
        #expect(try text("{{(.).A}}", ["A": 7]) == "7")
        #expect(try text(#"{{(index . "m").k}}"#, ["m": ["k": "v"]]) == "v")
    }

    @Test func nilValue() throws {
        #expect(try text("{{print nil}}") == "<nil>")
        #expect(try text("{{if not nil}}y{{else}}n{{end}}") == "y")
        #expect(failure("{{nil}}")?.message == "nil is not a command")
    }

    @Test func variables() throws {
        #expect(try text("{{$x := 1}}{{$x}}") == "1")
        #expect(try text("{{$x := 1}}{{$x = 2}}{{$x}}") == "2")
        #expect(try text("{{$}}", "root") == "root")
        #expect(try text("{{with .A}}{{$.B}}{{end}}", ["A": 1, "B": "b"]) == "b")
        #expect(try text("{{$x := .A}}{{$x.B}}", ["A": ["B": "nested"]]) == "nested")
        // Assignment in a block reaches the outer variable; declaration does not.
        #expect(try text("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}") == "2")
        #expect(try text("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}") == "21")
        #expect(try text("{{$n := 0}}{{range .}}{{$n = add $n .}}{{end}}{{$n}}", [1, 2, 3]) == "6")
    }

    @Test func ifElse() throws {
        #expect(try text("{{if .}}yes{{end}}", true) == "yes")
        #expect(try text("{{if .}}yes{{else}}no{{end}}", false) == "no")
        #expect(try text("{{if .}}yes{{else}}no{{end}}", 0) == "no")
        #expect(try text("{{if .}}yes{{else}}no{{end}}", 0.0) == "no")
        #expect(try text("{{if .}}yes{{else}}no{{end}}", "") == "no")
        #expect(try text("{{if .}}yes{{else}}no{{end}}", []) == "no")
        #expect(try text("{{if .}}yes{{else}}no{{end}}", [:]) == "no")
        #expect(try text("{{if .}}yes{{else}}no{{end}}", ["a"]) == "yes")
        #expect(try text("{{if eq . 1}}one{{else if eq . 2}}two{{else}}many{{end}}", 2) == "two")
        #expect(try text("{{if eq . 1}}one{{else if eq . 2}}two{{else}}many{{end}}", 5) == "many")
        #expect(try text("{{if $x := .A}}{{$x}}{{end}}", ["A": "declared"]) == "declared")
    }

    @Test func with() throws {
        #expect(try text("{{with .A}}{{.}}{{end}}", ["A": "inner"]) == "inner")
        #expect(try text("{{with .A}}{{.}}{{else}}none{{end}}", ["A": ""]) == "none")
        #expect(try text("{{with .A}}a{{else with .B}}{{.}}{{else}}none{{end}}", ["B": "b"]) == "b")
        #expect(try text("{{with .A}}a{{else with .B}}{{.}}{{else}}none{{end}}", [:]) == "none")
        #expect(try text("{{with $x := .A}}{{$x}}{{.}}{{end}}", ["A": 3]) == "33")
        // In else, dot is the outer dot.
        #expect(try text("{{with .A}}a{{else}}{{.B}}{{end}}", ["B": "outer"]) == "outer")
    }

    @Test func range() throws {
        #expect(try text("{{range .}}[{{.}}]{{end}}", [1, 2, 3]) == "[1][2][3]")
        #expect(try text("{{range $i, $v := .}}{{$i}}={{$v}} {{end}}", ["a", "b"]) == "0=a 1=b ")
        #expect(try text("{{range $v := .}}{{$v}}{{end}}", ["a", "b"]) == "ab")
        #expect(try text("{{range $k, $v := .}}{{$k}}:{{$v}};{{end}}", ["b": 2, "a": 1, "c": 3]) == "a:1;b:2;c:3;")
        #expect(try text("{{range .}}{{.}}{{end}}", ["z": 26, "y": 25]) == "2526")
        #expect(try text("{{range .}}x{{else}}empty{{end}}", []) == "empty")
        #expect(try text("{{range .}}x{{else}}empty{{end}}", nil) == "empty")
        #expect(try text("{{range 3}}{{.}}{{end}}") == "012")
        #expect(try text("{{range $i := 3}}{{$i}}{{end}}") == "012")
        #expect(try text("{{range 0}}x{{else}}none{{end}}") == "none")
        #expect(try text("{{range .}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}", [1, 2, 3, 4]) == "12")
        #expect(try text("{{range .}}{{if eq . 2}}{{continue}}{{end}}{{.}}{{end}}", [1, 2, 3]) == "13")
        #expect(try text("{{range .}}{{range .}}{{if eq . 2}}{{break}}{{end}}{{.}}{{end}};{{end}}", [[1, 2, 3], [4]]) == "1;4;")
        #expect(try text("{{$x := 0}}{{range $i, $e := .}}{{$x = $i}}{{end}}{{$x}}", ["a", "b", "c"]) == "2")
        // Variables declared in the loop body do not leak.
        #expect(failure("{{range .}}{{$y := 1}}{{end}}{{$y}}", [1]) != nil)
    }

    @Test func defineTemplateBlock() throws {
        let source = #"{{define "T1"}}ONE{{end}}{{define "T2"}}TWO {{template "T1"}}{{end}}{{template "T2"}}"#
        #expect(try text(source) == "TWO ONE")
        #expect(try text(#"{{define "x"}}[{{.}}]{{end}}{{template "x" .A}}"#, ["A": "a"]) == "[a]")
        #expect(try text(#"{{define "x"}}[{{.}}]{{end}}{{template "x"}}"#, "ignored") == "[<no value>]")
        #expect(try text(#"{{block "b" .}}default {{.}}{{end}}"#, "v") == "default v")
        let set = try TemplateSet(name: "base", source: #"<{{block "main" .}}base{{end}}>"#, mode: .text)
            .adding(name: "page", source: #"{{define "main"}}page {{.}}{{end}}"#)
        #expect(try set.execute("base", data: "P") == "<page P>")
        #expect(set.has("main"))
        #expect(set.names == ["base", "main", "page"])
        // $ inside a called template is its own data.
        #expect(try text(#"{{define "x"}}{{$}}{{end}}{{template "x" 5}}"#, 1) == "5")
    }

    @Test func recursiveTemplates() throws {
        let source = #"{{define "count"}}{{if gt . 0}}{{.}} {{template "count" sub . 1}}{{end}}{{end}}{{template "count" 3}}"#
        #expect(try text(source) == "3 2 1 ")
    }
}
