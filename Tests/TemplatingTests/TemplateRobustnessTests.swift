import Testing
@testable import Templating

/// Templates made of random pieces parse or fail with an error, and render without crashing.
@Suite(.timeLimit(.minutes(2))) struct TemplateRobustnessTests {
    /// A small deterministic generator, so a failure can be replayed.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static let pieces = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{> p}}", "{{> q}}", "{{<p}}", "{{/p}}",
        "{{$x}}", "{{/x}}", "{{!c}}", "{{=<% %>=}}", "<%a%>", "<%={{ }}=%>", "{{a.b}}", "{{.}}", "{{&a}}", "{{%P}}",
        "\n", "  ", "\r\n", "text", "é", "{{#items}}", "{{/items}}", "{{ }}", "{{=", "{{/}}", "{{#}}", "\t",
    ]

    @Test func randomTemplatesNeverCrash() {
        var generator = Generator(state: 42)
        let context: TemplateValue = ["a": ["b": "<x>"], "b": false, "items": [1, ["a": "in"], "s"], "x": "y"]
        var parsed = 0
        for _ in 0..<3_000 {
            func randomSource() -> String {
                (0..<generator.next(24)).map { _ in Self.pieces[generator.next(Self.pieces.count)] }.joined()
            }
            let sources = ["main": randomSource(), "p": randomSource(), "q": randomSource()]
            var templates: [String: Template] = [:]
            for (name, source) in sources {
                if let template = try? Template(source) { templates[name] = template }
            }
            guard templates["main"] != nil else { continue }
            parsed += 1
            let output = TemplateLibrary(templates).render("main", context: context)
            #expect(output != nil)
        }
        #expect(parsed > 200, "many random templates should parse: \(parsed)")
    }

    @Test func aPartialIncludingItselfTwiceStopsAtTheInclusionLimit() throws {
        let library = TemplateLibrary(["main": try Template("{{> p}}"), "p": try Template("x{{> p}}{{> p}}")])
        let output = try #require(library.render("main", context: [:]))
        #expect(output.count > 1_000 && output.count <= TemplateRenderer.maximumInclusions)
    }
}
