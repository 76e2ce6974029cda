import Testing
@testable import Templating

/// Renders `source` as template "main" beside `partials`, in `context`.
func render(_ source: String, _ context: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
    var templates = try partials.mapValues { try Template($0) }
    templates["main"] = try Template(source)
    let library = TemplateLibrary(templates)
    return String(decoding: try #require(library.render("main", context: context)), as: UTF8.self)
}

@Suite struct InterpolationTests {
    @Test func escapesHTMLAndKeepsTripleMustacheAsItIs() throws {
        let context: TemplateValue = ["x": "<a href=\"q\">Tom & Jerry's</a>"]
        #expect(try render("{{x}}", context) == "&lt;a href=&quot;q&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{&x}}", context) == "<a href=\"q\">Tom & Jerry's</a>|<a href=\"q\">Tom & Jerry's</a>")
        #expect(try render("{{ x }}", ["x": "é–ü"]) == "é–ü")
    }

    @Test func writesNumbersFlagsAndLists() throws {
        #expect(
            try render("{{n}} {{d}} {{b}} {{l}}", ["n": 42, "d": .double(1.5), "b": true, "l": ["a", "<b>"]])
                == "42 1.5 true a, &lt;b&gt;")
    }

    @Test func missingNamesAreEmpty() throws {
        #expect(try render("[{{missing}}][{{a.b.c}}]", ["a": ["b": 1]]) == "[][]")
    }

    @Test func dottedNamesLookUpTheFirstPartOutwardsAndTheRestInside() throws {
        let context: TemplateValue = ["a": ["b": ["c": "deep"]], "x": "outer", "inner": ["y": "in"]]
        #expect(try render("{{a.b.c}}", context) == "deep")
        // `x` is found further out; `a.x` is not: dotted parts never fall back outwards.
        #expect(try render("{{#inner}}{{x}}{{y}}[{{inner.x}}]{{/inner}}", context) == "outerin[]")
        #expect(try render("{{#a}}{{#b}}{{c}}{{/b}}{{/a}}", context) == "deep")
    }

    @Test func implicitIteratorIsTheCurrentItem() throws {
        #expect(try render("{{#items}}({{.}}){{/items}}", ["items": ["a", 1, "<"]]) == "(a)(1)(&lt;)")
    }
}

@Suite struct SectionTests {
    @Test func showsForTruthyValuesAndRepeatsOverLists() throws {
        let context: TemplateValue = [
            "yes": true, "no": false, "text": "t", "empty": "", "none": [], "zero": 0,
            "list": [["n": 1], ["n": 2]], "map": ["n": 9],
        ]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#text}}T{{/text}}{{#empty}}E{{/empty}}", context) == "YT")
        #expect(try render("{{#none}}X{{/none}}{{#zero}}0{{/zero}}{{#missing}}M{{/missing}}", context) == "0")
        #expect(try render("{{#list}}<{{n}}>{{/list}}|{{#map}}{{n}}{{/map}}", context) == "<1><2>|9")
    }

    @Test func invertedSectionsShowForWhatIsFalseEmptyOrMissing() throws {
        let context: TemplateValue = ["no": false, "none": [], "empty": "", "yes": true, "list": [1]]
        #expect(try render("{{^no}}a{{/no}}{{^none}}b{{/none}}{{^empty}}c{{/empty}}{{^missing}}d{{/missing}}", context) == "abcd")
        #expect(try render("{{^yes}}x{{/yes}}{{^list}}y{{/list}}", context) == "")
    }

    @Test func innerContextsShadowOuterOnes() throws {
        let context: TemplateValue = ["name": "outer", "items": [["name": "inner"], ["other": 1]]]
        #expect(try render("{{#items}}{{name}};{{/items}}", context) == "inner;outer;")
    }
}

@Suite struct WhitespaceTests {
    @Test func standaloneTagsTakeTheirWholeLine() throws {
        let source = "begin\n  {{#a}}\nin\n  {{/a}}  \n{{! note }}\nend\n"
        #expect(try render(source, ["a": true]) == "begin\nin\nend\n")
        #expect(try render("|\r\n{{#a}}\r\nx\r\n{{/a}}\r\n|", ["a": true]) == "|\r\nx\r\n|")
        #expect(try render("  {{#a}}\n#{{/a}}", ["a": true]) == "#")
    }

    @Test func tagsSharingALineWithTextOrValuesAreNotStandalone() throws {
        #expect(try render(" {{#a}} x\n{{/a}}", ["a": true]) == "  x\n")
        #expect(try render("{{v}} {{#a}}\n{{/a}}", ["a": true, "v": "v"]) == "v \n")
        #expect(try render("  {{v}}\n", ["v": "v"]) == "  v\n")
    }

    @Test func multiLineCommentsVanish() throws {
        #expect(try render("a{{! one\ntwo }}b\n{{!\nstandalone\n}}\nc", [:]) == "ab\nc")
    }

    @Test func standalonePartialsIndentEveryLineOfThePartial() throws {
        let partials = ["p": "one\n{{{v}}}\nthree\n", "q": "[\n  {{> p}}\n]\n"]
        #expect(try render("x\n  {{> p}}\ny", ["v": "2a\n2b"], partials: partials) == "x\n  one\n  2a\n2b\n  three\ny")
        // Nested standalone partials add their indentation up.
        #expect(try render("  {{> q}}", ["v": "v"], partials: partials) == "  [\n    one\n    v\n    three\n  ]\n")
        // Inline partials are not indented.
        #expect(try render("> {{> p}}|", ["v": "v"], partials: partials) == "> one\nv\nthree\n|")
    }
}

@Suite struct InclusionTests {
    @Test func partialsRenderInTheCurrentContext() throws {
        let partials = ["item": "<{{name}}>"]
        #expect(try render("{{#items}}{{> item}}{{/items}}", ["items": [["name": "a"], ["name": "b"]]], partials: partials) == "<a><b>")
        #expect(try render("[{{> nowhere}}]") == "[]")
    }

    @Test func recursivePartialsStopWithTheDataAndAtTheDepthLimit() throws {
        let tree: TemplateValue = ["name": "1", "kids": [["name": "2", "kids": [["name": "3", "kids": []]]]]]
        let partials = ["node": "{{name}}({{#kids}}{{> node}}{{/kids}})"]
        #expect(try render("{{> node}}", tree, partials: partials) == "1(2(3()))")
        // A partial that always includes itself ends at the depth limit instead of overflowing the stack.
        let endless = try render("{{> loop}}", [:], partials: ["loop": "x{{> loop}}"])
        #expect(endless.count == TemplateRenderer.maximumDepth - 1)
    }

    @Test func parentsTakeTheBlocksTheirChildDefines() throws {
        let partials = ["base": "<title>{{$title}}Default{{/title}}</title>\n<main>{{$main}}{{/main}}</main>"]
        #expect(
            try render("{{<base}}{{$title}}Mine {{v}}{{/title}}ignored{{/base}}", ["v": 1], partials: partials)
                == "<title>Mine 1</title>\n<main></main>")
        #expect(try render("{{<base}}{{/base}}", [:], partials: partials) == "<title>Default</title>\n<main></main>")
    }

    @Test func theOutermostChildWinsOverIntermediateParents() throws {
        let partials = [
            "base": "{{$a}}base-a{{/a}},{{$b}}base-b{{/b}}",
            "middle": "{{<base}}{{$a}}middle-a{{/a}}{{$b}}middle-b{{/b}}{{/base}}",
        ]
        #expect(try render("{{<middle}}{{$a}}child-a{{/a}}{{/middle}}", [:], partials: partials) == "child-a,middle-b")
    }

    @Test func aBlockOnTheParentTagsLineStandsAlone() throws {
        // The theme writes `{{<baseof}}{{$main}}` on one line; the line end after it is not content.
        let partials = ["base": "<main>\n{{$main}}{{/main}}</main>"]
        #expect(try render("{{<base}}{{$main}}\n<p>x</p>\n{{/main}}{{/base}}", [:], partials: partials) == "<main>\n<p>x</p>\n</main>")
    }

    @Test func theLibraryNamesInclusionsItLacks() throws {
        let library = TemplateLibrary(["a": try Template("{{> b}}{{#x}}{{> c}}{{/x}}"), "b": try Template("{{<d}}{{/d}}")])
        #expect(library.missingInclusions.map { "\($0.template)→\($0.missing)" } == ["a→c", "b→d"])
    }
}

@Suite struct DelimiterTests {
    @Test func delimitersCanBeChangedAndChangedBack() throws {
        #expect(try render("{{=<% %>=}}<% v %> {{v}} <%={{ }}=%>{{v}}", ["v": "x"]) == "x {{v}} x")
        #expect(try render("{{=| |=}}|#a||v||/a|", ["a": true, "v": 1]) == "1")
    }
}
