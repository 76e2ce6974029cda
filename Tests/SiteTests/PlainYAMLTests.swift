import Foundation
import Testing
@testable import Site

/// The front matter fast path must agree with the full YAML parser wherever it answers.
@Suite struct PlainYAMLTests {
    /// YAML front matter of every Markdown file under `folder`.
    private static func frontMatters(under folder: URL) -> [(String, String)] {
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return files.compactMap { item -> (String, String)? in
            guard let url = item as? URL, url.pathExtension == "md", let source = try? String(contentsOf: url, encoding: .utf8),
                let split = FrontMatter.split(source), split.format == .yaml
            else { return nil }
            return (url.path, split.text)
        }
    }

    private static func agree(_ text: String, _ name: String) throws -> Bool {
        guard let plain = PlainYAML.parse(text) else { return false }
        let full = try DataFormat.parseYAMLDocument(text)
        #expect(plain.table == full.0, "\(name)")
        #expect(plain.keyLines == full.1, "\(name)")
        return true
    }

    @Test func agreesOnTheExampleFixturesSeedAndCorpus() throws {
        var folders = [SiteFixtures.repositoryRoot.appendingPathComponent("Examples"), SiteFixtures.fixtures]
        for shared in ["seeds", "corpus"] { folders.append(SiteFixtures.shared.appendingPathComponent(shared)) }
        var answered = 0
        var seen = 0
        for folder in folders {
            for (name, text) in Self.frontMatters(under: folder) {
                seen += 1
                if try Self.agree(text, name) { answered += 1 }
            }
        }
        // The fast path must actually take most real pages, or it saves nothing.
        #expect(seen > 20 && answered * 2 > seen, "answered \(answered) of \(seen)")
    }

    @Test func agreesOnTrickyLinesOrLeavesThemToTheFullParser() throws {
        let values = [
            "plain words", "\"double \\\"quoted\\\" \\\\ \\n\"", "'single ''quoted'''", "42", "-7", "0", "3.25", "-0.5",
            "true", "false", "True", "yes", "No", "on", "OFF", "y", "~", "null", "007", "1e3", ".5", "+1", "0x1F", "1_000",
            "12:30", "2023-11-16", "2023-11-16T08:30:03+00:00", "2023-11-16:30:03+00:00", "[]", "[a, b]", "[\"a, b\", 'c']",
            "[1, 2.5, true, x]", "[a, [b]]", "[a,]", "a: b", "a #comment", "\"x\" # note", "C#", "~tilde", "&anchor x", "*alias",
            "!tag x", "|", ">", "-", "- a", "\"\\u00e9\"", "'é ü'", "Ünïcødé title", "x:y", "[ ]", "\"unterminated", "[a, b",
        ]
        var answered = 0
        for value in values {
            for text in ["key: \(value)\n", "a: 1\nkey: \(value)\nb: two\n"] {
                do {
                    if try Self.agree(text, text) { answered += 1 }
                } catch {
                    // The full parser rejects it: the fast path must not have accepted it.
                    #expect(PlainYAML.parse(text) == nil, "\(text)")
                }
            }
        }
        #expect(answered > 30)
        let lists = [
            "tags:\n- a\n- 'b c'\ntitle: t\n", "tags:\n  - a\n  - 2\n", "tags:\n  - a\n- b\n", "tags:\n- a\n  - b\n",
            "tags:\ntitle: t\n", "cover:\n  image: x\n", "# comment\n\ntitle: x\n", "title: x\ntitle: y\n", " title: x\n",
            "title:x\n", "cover:\n  image: a.png\n  alt: 'An ''alt'''\n  hidden: false\ntitle: t\n",
            "cover:\n  image: a.png\n  sub:\n    x: 1\n", "cover:\n  image: a.png\n   alt: b\n", "cover:\n  tags: [a, b]\n  n: 2\n",
            "cover:\n  image: a.png\n  image: b.png\n", "cover:\n  image:\n", "\"quoted key\": x\n", "title: x\r\ndate: 2020-01-01\r\n",
        ]
        for text in lists {
            do {
                _ = try Self.agree(text, text)
            } catch {
                #expect(PlainYAML.parse(text) == nil, "\(text)")
            }
        }
        #expect(
            PlainYAML.parse("tags:\n- a\n- 'b c'\ntitle: t\n")?.table == ["tags": .array([.string("a"), .string("b c")]), "title": .string("t")])
        #expect(
            PlainYAML.parse("cover:\n  image: a.png\n  hidden: true\n")?.table == [
                "cover": .table(["image": .string("a.png"), "hidden": .bool(true)])
            ])
    }
}
