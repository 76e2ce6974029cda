import Foundation
import Testing
@testable import Site
import SeededRandom

/// Random sites, seeded: front matter values of every type, odd config values and odd file and
/// folder names. Every one must build without crashing; what is wrong is a diagnostic.
@Suite(.timeLimit(.minutes(2))) struct SiteBuilderFuzzTests {

    static let words = [
        "", " ", "a", "é", "日本", "..", ".", "/", "../x", "/abs/", "a/b", "-", "_", "#", "?q=1", "%2e%2e",
        "x.md", "index", "_index", "tags", "2023-02-30", "2023-13-45", "2024-02-29T25:61:00Z", "0",
        "-5", "9223372036854775807", "1e308", "nan", "true", "null", "{{< x >}}", "$$", "<script>", "\u{0}",
        "\u{FEFF}", String(repeating: "w", count: 300),
    ]

    static func scalarYAML(_ g: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<8, using: &g) {
        case 0: return String(Int.random(in: Int.min...Int.max, using: &g))
        case 1: return ["1e308", "-1e308", ".nan", ".inf", "5e-324", "0.0", "-0"].randomElement(using: &g)!
        case 2: return ["true", "false", "yes", "no", "~", "null"].randomElement(using: &g)!
        case 3: return "[" + (0..<Int.random(in: 0..<4, using: &g)).map { _ in quoted(words.randomElement(using: &g)!) }.joined(separator: ", ") + "]"
        case 4: return "{a: " + quoted(words.randomElement(using: &g)!) + ", b: [1, 2]}"
        default: return quoted(words.randomElement(using: &g)!)
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0 == "\"" ? "\\\"" : $0 == "\\" ? "\\\\" : $0.value == 0 ? "\\0" : String($0) }.joined() + "\""
    }

    static let fields = [
        "title", "date", "lastmod", "publishDate", "expiryDate", "draft", "weight", "slug", "url", "aliases",
        "tags", "categories", "series", "authors", "author", "layout", "description", "summary", "cover",
        "math", "toc", "ShowToc", "params", "type", "translationKey", "headless", "build", "cascade",
    ]

    static func page(_ g: inout SeededGenerator) -> String {
        var lines = ["---"]
        for field in fields where Bool.random(using: &g) {
            lines.append("\(field): \(scalarYAML(&g))")
        }
        lines.append("---")
        let bodies = [
            "Text with $x_1$ and $$\\frac{a}{b}$$.", "{{< figure src=\"a.png\" >}}", "{{% unknown %}}inner{{% /unknown %}}",
            "```chart\ntype: bar\ndata: ../../../etc/passwd\n```", "[link](../x.md) ![img](/nope.png)", "<!--more-->", "",
            "# Heading {#id .class}\n\n- a\n  - b", "{{< ref \"nowhere\" >}}", "```go {linenos=true, linenostart=9223372036854775807}\nx\n```",
        ]
        for _ in 0..<Int.random(in: 0...3, using: &g) { lines.append(bodies.randomElement(using: &g)!) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func config(_ g: inout SeededGenerator) -> String {
        var lines = ["baseURL = \(["\"https://example.org/\"", "\"\"", "\"/sub/path\"", "\"http://[::1]:1/\"", "\"x\""].randomElement(using: &g)!)"]
        let settings = ["summaryLength", "paginate", "title", "defaultContentLanguage", "enableEmoji", "theme", "buildDrafts"]
        for key in settings where Bool.random(using: &g) {
            lines.append(
                "\(key) = " + ["-5", "0", "9223372036854775807", "\"many\"", "true", "\"en\"", "\"zz\"", "[1, 2]"].randomElement(using: &g)!)
        }
        if Bool.random(using: &g) {
            lines.append("[permalinks]")
            lines.append(
                "posts = " + [
                    "\"/:year/:month/:slug/\"", "\"/:sections[1:]/:filename/\"", "\"\"", "\"/../:slug/\"", "\":title\"", "\"/:sections[9]/\"",
                ].randomElement(using: &g)!)
        }
        if Bool.random(using: &g) {
            lines.append("[taxonomies]")
            lines.append(["tag = \"tags\"", "x = \"\"", "\"\" = \"y\"", "series = \"series\""].randomElement(using: &g)!)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let names = ["a", "b", "é", "日本", "with space", "x.y", "-", "_", "UPPER", "a.fr", "index", "_index", "..a", "tags"]

    static func site(seed: UInt64) throws -> URL {
        var g = SeededGenerator(seed: seed)
        var files = ["hugo.toml": config(&g)]
        for _ in 0..<Int.random(in: 1...6, using: &g) {
            var path = "content"
            for _ in 0..<Int.random(in: 0...2, using: &g) { path += "/" + names.randomElement(using: &g)! }
            path += "/" + names.randomElement(using: &g)! + (Bool.random(using: &g) ? ".md" : "/index.md")
            files[path] = page(&g)
        }
        return try SiteFixtures.makeSite(files)
    }

    @Test func randomSitesBuildWithoutCrashing() throws {
        var built = 0
        for seed in UInt64(1)...300 {
            let site = try Self.site(seed: seed)
            defer { try? FileManager.default.removeItem(at: site) }
            do {
                let report = try SiteBuilder(source: site).build(write: false)
                #expect(report.pageCount >= 0)
            } catch {
                // A site that cannot be built at all (an unreadable config) says why.
                #expect(!error.message.isEmpty, "seed \(seed)")
            }
            built += 1
        }
        #expect(built == 300)
    }
}
