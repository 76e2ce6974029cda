import GoTemplates
import Testing
import SeededRandom

@Suite(.timeLimit(.minutes(2))) struct RobustnessTests {
    static let pieces = [
        "{{", "}}", "{{- ", " -}}", "{{/*", "*/}}", "if ", "else ", "end", "range ", "with ", "define ", "template ", "block ",
        "break", "continue", ".", ".A", ".B.C", "$", "$x", "$i, $v", " := ", " = ", " | ", "(", ")", "\"s\"", "`raw`", "'c'",
        "1", "-2", "0x1F", "1.5e3", "nil", "true", "printf \"%d %s\" ", "len ", "index ", "slice ", "eq ", "lt ", "and ", "or ",
        "not ", "html ", "js ", "urlquery ", "print ", "call ", "dict ", "where ", "sort ", "seq 3", "add 1 ", "div 1 0",
        "<a href=\"", "\">", "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<p title=", "'", "\"", " ", "\n",
        "<textarea>", "</textarea>", "onclick=\"", "style=\"", "url(", "/*", "//", "\\", "é", "\u{0}", "{", "}", "-", ",",
    ]

    static func randomTemplate(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 1...24, using: &generator)
        return (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
    }

    static let data: GoValue = [
        "A": "<a&b>", "B": ["C": [1, 2, 3]], "N": 3, "F": 1.5, "L": ["x", "y"], "M": ["k": "v"], "Nil": nil,
    ]

    @Test func randomTemplatesNeverCrash() {
        var generator = SeededGenerator(seed: 20_261_206)
        var parsed = 0
        var executed = 0
        let limits = TemplateLimits(maxDepth: 50, maxOutputBytes: 1 << 16, maxIterations: 10_000)
        for _ in 0..<4_000 {
            let source = Self.randomTemplate(&generator)
            for mode in [TemplateSet.Mode.text, .html] {
                guard let set = try? TemplateSet(name: "t", source: source, mode: mode, limits: limits) else { continue }
                parsed += 1
                for name in set.names where (try? set.execute(name, data: Self.data)) != nil { executed += 1 }
            }
        }
        // Some inputs must get through to execution for the test to mean anything.
        #expect(parsed > 200)
        #expect(executed > 100)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("{}-/*.$:=|()\"`'\\ \nabcifendrange0123456789<>!".unicodeScalars)
        for _ in 0..<3_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                view.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
            let source = "{{" + String(view)
            _ = try? TemplateSet(name: "t", source: source, mode: .html).execute("t", data: Self.data)
            _ = try? TemplateSet(name: "t", source: String(view), mode: .text).execute("t", data: Self.data)
        }
    }

    @Test func sharedAcrossThreads() async throws {
        let set = try TemplateSet(mode: .html).adding([
            ("list", #"<ul>{{range .}}<li><a href="/p/{{.}}">{{.}}</a></li>{{end}}</ul>"#)
        ])
        let results = await withTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                group.addTask { (try? set.execute("list", data: [.int(index), "<x>"])) ?? "failed" }
            }
            var all: [String] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0.hasSuffix(#"<li><a href="/p/%3cx%3e">&lt;x&gt;</a></li></ul>"#) })
    }
}

@Suite(.timeLimit(.minutes(2))) struct FunctionRobustnessTests {
    static let pool: [GoValue] = [
        0, 1, -1, 3, .int(Int.max), .int(Int.min), 2.5, -0.0, .float(1e300), .float(.nan), .float(.infinity), "", "abc", "-",
        "2", "é€", "(", "&#99999999999;", [], [1, "a"], ["k": 1], nil, true, .safe("<b>", .html), .object(Person(name: "P", age: 1)),
        .function(GoFunction("f") { _ in .null }),
    ]

    @Test func everyFunctionWithOddArgumentsFailsCleanly() {
        var generator = SeededGenerator(seed: 99)
        let registry = FunctionRegistry.standard
        var calls = 0
        for name in registry.names {
            guard let function = registry[name] else { continue }
            for count in 0...4 {
                for _ in 0..<30 {
                    let args = (0..<count).map { _ in Self.pool[Int.random(in: 0..<Self.pool.count, using: &generator)] }
                    _ = try? function(args, context: .detached)
                    calls += 1
                }
            }
        }
        #expect(calls > 10_000)
    }
}
