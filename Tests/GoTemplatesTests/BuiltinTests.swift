import GoTemplates
import Testing

@Suite struct BuiltinTests {
    @Test func andOr() throws {
        #expect(try builtin("{{and 1 2}}") == "2")
        #expect(try builtin("{{and 1 0 2}}") == "0")
        #expect(try builtin("{{or 0 \"\" 3}}") == "3")
        #expect(try builtin("{{or 0 \"\"}}") == "")
        #expect(try builtin("{{and true}}") == "true")
        // Short-circuit: the failing call is never evaluated.
        #expect(try builtin("{{and false (index .A 5)}}", ["A": []]) == "false")
        #expect(try builtin("{{or true (index .A 5)}}", ["A": []]) == "true")
        #expect(try builtin("{{if and .A .B}}both{{end}}", ["A": 1, "B": 2]) == "both")
    }

    @Test func not() throws {
        #expect(try builtin("{{not 0}} {{not 1}} {{not \"\"}} {{not .}}", ["x"]) == "true false true false")
    }

    @Test func len() throws {
        #expect(try builtin("{{len .}}", "héllo") == "6")
        #expect(try builtin("{{len .}}", [1, 2, 3]) == "3")
        #expect(try builtin("{{len .}}", ["a": 1]) == "1")
        #expect(failure("{{len 3}}")?.message == "error calling len: len of type int")
    }

    @Test func index() throws {
        #expect(try builtin("{{index . 1}}", ["a", "b"]) == "b")
        #expect(try builtin(#"{{index . "k"}}"#, ["k": "v"]) == "v")
        #expect(try builtin(#"{{index . "missing"}}"#, ["k": "v"]) == "<no value>")
        #expect(try builtin(#"{{index . "a" 1}}"#, ["a": [10, 20]]) == "20")
        #expect(try builtin("{{index . 0}}", "A") == "65")
        #expect(try builtin("{{index .}}", "same") == "same")
        #expect(failure("{{index . 5}}", ["a"])?.message == "error calling index: index out of range: 5")
    }

    @Test func slice() throws {
        #expect(try builtin("{{slice . 1 3}}", "abcdef") == "bc")
        #expect(try builtin("{{slice . 2}}", "abcdef") == "cdef")
        #expect(try builtin("{{slice .}}", [1, 2]) == "[1 2]")
        #expect(try builtin("{{slice . 1 2}}", [1, 2, 3]) == "[2]")
        #expect(try builtin("{{slice . 0 1 2}}", [1, 2, 3]) == "[1]")
        #expect(failure("{{slice . 3 1}}", [1, 2, 3], functions: .builtins)?.message == "error calling slice: index out of range: 1")
    }

    @Test func printFamily() throws {
        #expect(try builtin(#"{{print "a" "b"}}"#) == "ab")
        #expect(try builtin("{{print 1 2}}") == "1 2")
        #expect(try builtin(#"{{print "a" 1 2 "b"}}"#) == "a1 2b")
        #expect(try builtin(#"{{println "a" 1}}"#) == "a 1\n")
        #expect(try builtin("{{print .}}", [1, "x", 2.5]) == "[1 x 2.5]")
        #expect(try builtin("{{print .}}", ["b": 2, "a": 1]) == "map[a:1 b:2]")
        #expect(try builtin("{{print true nil}}") == "true <nil>")
    }

    @Test func equality() throws {
        #expect(try builtin("{{eq 1 1}} {{eq 1 2}} {{eq 1 2 3 1}}") == "true false true")
        #expect(try builtin(#"{{eq "a" "a"}} {{ne "a" "b"}}"#) == "true true")
        #expect(try builtin("{{eq 1 1.0}} {{eq 2 2.5}} {{ne 1 1.0}}") == "true false false")
        #expect(try builtin("{{eq true true}} {{eq .A nil}}", [:]) == "true true")
        #expect(try builtin(#"{{eq 1 "1"}}"#) == "false")
        #expect(try builtin(#"{{eq .A .B}}"#, ["A": [1, 2], "B": [1, 2]]) == "true")
    }

    @Test func ordering() throws {
        #expect(try builtin("{{lt 1 2}} {{le 2 2}} {{gt 3 2}} {{ge 1 2}}") == "true true true false")
        #expect(try builtin("{{lt 1 1.5}} {{gt 2.5 2}} {{le 2 2.0}} {{ge 1.0 1}}") == "true true true true")
        #expect(try builtin(#"{{lt "a" "b"}} {{gt "abc" "abd"}}"#) == "true false")
        #expect(try builtin("{{lt -1 0}}") == "true")
        #expect(failure(#"{{lt 1 "a"}}"#)?.message == "error calling lt: incompatible types for comparison")
        #expect(failure("{{lt true false}}")?.message == "error calling lt: invalid type for comparison")
    }

    @Test func htmlJsUrlquery() throws {
        #expect(try builtin(#"{{html "<a href='x'>&\"</a>"}}"#) == "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;")
        #expect(try builtin(#"{{js "it's \"q\" <b> & a=b\\"}}"#) == #"it\'s \"q\" \u003Cb\u003E \u0026 a\u003Db\\"#)
        #expect(try builtin(#"{{urlquery "a b&c=d/é"}}"#) == "a+b%26c%3Dd%2F%C3%A9")
        #expect(try builtin(#"{{"<x>" | html}}"#) == "&lt;x&gt;")
        #expect(try builtin(#"{{html 1 2}}"#) == "1 2")
    }

    @Test func call() throws {
        var functions = FunctionRegistry.builtins
        functions.register("adder") { _ in
            .function(
                GoFunction("add2") { args in
                    .int(
                        args.reduce(0) { total, value in
                            if case .int(let number) = value { return total + number }
                            return total
                        })
                })
        }
        #expect(try text("{{call adder 1 2}}", functions: functions) == "3")
        #expect(try text("{{call .F 4 5}}", ["F": .function(GoFunction("f") { args in .int(args.count) })], functions: functions) == "2")
        #expect(failure("{{call .}}", 3)?.message == "error calling call: non-function 3 of type int")
    }

    @Test func hostFunctionsAndContext() throws {
        var functions = FunctionRegistry.standard
        functions.register("partial") { args, context in
            .safe(try context.execute("partials/" + (args.first?.stringValue ?? ""), data: args.count > 1 ? args[1] : .null), .html)
        }
        functions.register("who") { _, context in .string(context.userInfo as? String ?? "nobody") }
        let set = try TemplateSet(mode: .html, functions: functions).adding([
            ("page.html", #"<main>{{ partial "card.html" . }} {{ who }}</main>"#),
            ("partials/card.html", #"<b>{{ .Title }}</b>"#),
        ])
        #expect(try set.execute("page.html", data: ["Title": "A & B"], userInfo: "host") == "<main><b>A &amp; B</b> host</main>")
        #expect(GoFunction("x") { _ in .null }.name == "x")
    }

    @Test func namespacedFunctions() throws {
        var functions = FunctionRegistry.standard
        functions.register("site") { _ in .map(["Title": "My site", "Params": ["color": "red"]]) }
        #expect(try text("{{ site.Title }} {{ site.Params.color }}", functions: functions) == "My site red")
        #expect(try text(#"{{ strings.ToUpper "abc" }}"#) == "ABC")
        #expect(failure("{{ nosuch.Func 1 }}")?.message == #"function "nosuch.Func" not defined"#)
    }
}
