import Foundation
import SeededRandom
import Testing
@testable import Site

/// A seeded sequence of edits, additions and deletions on a generated site: after each, the build
/// with the cache writes exactly the files whose bytes changed, and its output is byte for byte
/// the output of a build without the cache.
@Suite struct BuildCacheEditSequenceTests {
    /// One output file as the file system has it.
    private struct FileState: Equatable {
        var bytes: Data
        var inode: UInt64
        var modified: Date
    }

    private let words = [
        "tensor", "gradient", "kernel", "matrix", "sparse", "vector", "attention", "softmax", "layer", "norm",
        "batch", "epoch", "loss", "weight", "bias", "residual", "dropout", "adam", "momentum", "shard",
    ]

    private func sentence(_ random: inout SeededGenerator, words count: Int) -> String {
        (0..<count).map { _ in words.randomElement(using: &random)! }.joined(separator: " ").capitalized + "."
    }

    private func post(_ number: Int, title: String, tags: [String], summary: String, body: String) -> String {
        "---\ntitle: \(title)\ndate: 2024-03-\(String(format: "%02d", 1 + number % 28))T10:\(String(format: "%02d", number % 60)):00Z\n"
            + "tags: [\(tags.joined(separator: ", "))]\n---\n\(summary)\n\n<!--more-->\n\n## Details\n\n\(body)\n"
    }

    private func files(under folder: URL) throws -> [String: FileState] {
        var result: [String: FileState] = [:]
        let root = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
        for case let path as String in walker {
            let attributes = try FileManager.default.attributesOfItem(atPath: root + "/" + path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            result[path] = FileState(
                bytes: try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)),
                inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                modified: attributes[.modificationDate] as? Date ?? .distantPast)
        }
        return result
    }

    @Test func aSeededSequenceOfEditsWritesWhatChangedAndMatchesABuildWithoutTheCache() throws {
        var random = SeededGenerator(seed: 21)
        var site: [String: String] = ["config.yml": "title: Edit sequence\nbaseURL: https://example.org/\nlanguageCode: en\n"]
        var posts: [Int: (title: String, tags: [String], summary: String, body: String)] = [:]
        func write(_ number: Int) {
            let p = posts[number]!
            site["content/posts/p\(number).md"] = post(number, title: p.title, tags: p.tags, summary: p.summary, body: p.body)
        }
        for number in 0..<24 {
            posts[number] = (
                "Post \(number) " + words[number % words.count], [words[number % 5], words[5 + number % 3]],
                sentence(&random, words: 12), sentence(&random, words: 80)
            )
            write(number)
        }
        let root = try SiteFixtures.makeSite(site)
        let output = root.appendingPathComponent("public")
        func save() throws {
            for (path, text) in site {
                let url = root.appendingPathComponent(path)
                if (try? String(contentsOf: url, encoding: .utf8)) != text { try Data(text.utf8).write(to: url) }
            }
        }
        func cachedBuild() throws -> BuildReport {
            var builder = SiteBuilder(source: root)
            builder.useCache = true
            return try builder.build()
        }
        _ = try cachedBuild()
        var next = 24
        for round in 0..<14 {
            let operation = round < 6 ? round : Int.random(in: 0..<6, using: &random)
            let number = posts.keys.sorted().randomElement(using: &random)!
            var what = ""
            switch operation {
            case 0:
                posts[number]!.body += "\n\n" + sentence(&random, words: 9)
                what = "a paragraph appended to p\(number)"
            case 1:
                posts[number]!.summary = sentence(&random, words: 10)
                what = "the summary of p\(number)"
            case 2:
                posts[number]!.title += " revised"
                what = "the title of p\(number)"
            case 3:
                posts[next] = ("Post \(next) new", [words[next % 5]], sentence(&random, words: 11), sentence(&random, words: 40))
                write(next)
                what = "new post p\(next)"
                next += 1
            case 4:
                posts[number] = nil
                site["content/posts/p\(number).md"] = nil
                try FileManager.default.removeItem(at: root.appendingPathComponent("content/posts/p\(number).md"))
                what = "p\(number) deleted"
            default:
                let other = posts.keys.sorted().randomElement(using: &random)!
                posts[number]!.body += "\n\nSee [post \(other)](p\(other).md) and [its details](p\(other).md#details)."
                what = "a link from p\(number) to p\(other)"
            }
            if posts[number] != nil, operation != 3 { write(number) }
            try save()
            let before = try files(under: output)
            let report = try cachedBuild()
            let after = try files(under: output)
            #expect(report.errors.isEmpty, "\(what): \(report.lines)")

            // Written: new files and files replaced (a new inode or time); changed: new bytes.
            let written = Set(
                after.keys.filter { before[$0] == nil || before[$0]!.inode != after[$0]!.inode || before[$0]!.modified != after[$0]!.modified })
            let changed = Set(after.keys.filter { before[$0]?.bytes != after[$0]!.bytes })
            #expect(
                written == changed,
                "\(what): wrote \(written.subtracting(changed).sorted().prefix(5)) unchanged, left \(changed.subtracting(written).sorted().prefix(5))"
            )
            if operation == 0 || operation == 1 || operation == 5 {
                #expect(report.reusedPages > 0, "\(what) rendered every page again")
                let page = "posts/p\(number)/index.html"
                #expect(changed.contains(page), "\(what) left the page as it was")
                let otherPosts = changed.filter { $0.hasPrefix("posts/p") && $0 != page }
                #expect(otherPosts.isEmpty, "\(what) changed \(otherPosts.sorted())")
                #expect(changed.contains { $0.hasPrefix("search/") }, "\(what) left the search index as it was")
            }
            if operation == 1 {
                // The summary shows in the lists of the page's tags.
                for tag in posts[number]!.tags { #expect(changed.contains { $0.hasPrefix("tags/\(tag)/") }, "\(what) left tags/\(tag)/ as it was") }
            }
            if operation == 0 {
                let lists = changed.filter { $0.hasPrefix("tags/") || $0.hasPrefix("posts/page/") }
                #expect(
                    lists.isEmpty || lists.allSatisfy { after[$0]!.bytes.range(of: Data("p\(number)/".utf8)) != nil },
                    "\(what) changed lists that do not show it: \(lists.sorted())")
            }

            let fresh = SiteFixtures.temporaryFolder().appendingPathComponent("public")
            let uncached = try SiteBuilder(source: root, destination: fresh).build()
            #expect(uncached.diagnostics == report.diagnostics, "\(what): the diagnostics differ")
            let expected = try files(under: fresh)
            #expect(expected.keys.sorted() == after.keys.sorted(), "\(what): the files differ from a build without the cache")
            for (path, state) in expected where after[path]?.bytes != state.bytes {
                Issue.record("\(what): \(path) differs from a build without the cache")
            }
        }
    }
}
