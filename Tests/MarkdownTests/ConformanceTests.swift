import Foundation
import Markdown
import Testing

/// Runs the JSON conformance suites in ../shared/conformance byte for byte.
struct ConformanceTests {
    struct Example {
        var markdown: String
        var html: String
        var number: Int
        var extensions: [String]
    }

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/conformance")

    /// True when the suite's file is in ../shared (a user's clone may not have it; CI must: SharedDataTests).
    static func present(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
    }

    /// The suite's examples; a file that is present but does not read fails the test.
    static func load(_ name: String) throws -> [Example] {
        let url = folder.appendingPathComponent(name)
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]],
            "\(url.path) is not a JSON array of examples")
        return array.map {
            Example(
                markdown: $0["markdown"] as? String ?? "", html: $0["html"] as? String ?? "",
                number: $0["example"] as? Int ?? 0, extensions: $0["extensions"] as? [String] ?? [])
        }
    }

    /// Renders each example and returns the numbers of those that differ.
    static func run(_ suite: String, _ examples: [Example], options: MarkdownOptions) -> [Int] {
        var failed: [Int] = []
        var passed = 0
        for example in examples {
            let html = renderHTML(example.markdown, options: options)
            // cmark-gfm's suite marks crash-only checks with <IGNORE>: rendering must merely finish.
            if example.html == "<IGNORE>\n" || html == example.html {
                passed += 1
            } else {
                failed.append(example.number)
            }
        }
        print("\(suite): \(passed) passed, \(failed.count) failed")
        return failed
    }

    @Test(.enabled(if: present("commonmark-0.31.2.json"), "../shared/conformance/commonmark-0.31.2.json is absent"))
    func commonMark() throws {
        let examples = try Self.load("commonmark-0.31.2.json")
        #expect(examples.count == 655)
        let failed = Self.run("commonmark", examples, options: .commonMark)
        #expect(failed.isEmpty, "failing CommonMark examples: \(failed)")
    }

    /// The GFM spec's extension examples. None of them restates CommonMark 0.29 behaviour that
    /// 0.31.2 changed, so no example is exempt; the spec's other 649 examples restate CommonMark 0.29
    /// and are covered by the 0.31.2 suite instead (0.31.2 changed, for example, HTML comments and
    /// which autolinks are valid, examples 645, 646 and 610–620 of the 0.29 text).
    @Test(.enabled(if: present("gfm-0.29-spec.json"), "../shared/conformance/gfm-0.29-spec.json is absent"))
    func gfmSpecExtensions() throws {
        let examples = try Self.load("gfm-0.29-spec.json")
        let withExtensions = examples.filter { !$0.extensions.isEmpty }
        #expect(withExtensions.count == 22)
        let failed = Self.run("gfm-0.29-spec (extensions)", withExtensions, options: .gfm)
        #expect(failed.isEmpty, "failing GFM spec examples: \(failed)")
    }

    @Test(.enabled(if: present("gfm-extensions.json"), "../shared/conformance/gfm-extensions.json is absent"))
    func gfmExtensions() throws {
        let examples = try Self.load("gfm-extensions.json")
        let failed = Self.run("gfm-extensions", examples, options: .gfm)
        #expect(failed.isEmpty, "failing GFM extension examples: \(failed)")
    }

    /// cmark-gfm runs its regression file without the tag filter (example 17 expects `</script>`
    /// to pass through), so this suite does too.
    @Test(.enabled(if: present("gfm-regression.json"), "../shared/conformance/gfm-regression.json is absent"))
    func gfmRegressions() throws {
        let examples = try Self.load("gfm-regression.json")
        var options = MarkdownOptions.gfm
        options.tagFilter = false
        let failed = Self.run("gfm-regression", examples, options: options)
        #expect(failed.isEmpty, "failing GFM regression examples: \(failed)")
    }

    @Test(.enabled(if: present("smart-punct.json"), "../shared/conformance/smart-punct.json is absent"))
    func smartPunctuation() throws {
        let examples = try Self.load("smart-punct.json")
        var options = MarkdownOptions.commonMark
        options.smartPunctuation = true
        let failed = Self.run("smart-punct", examples, options: options)
        #expect(failed.isEmpty, "failing smart punctuation examples: \(failed)")
    }
}
