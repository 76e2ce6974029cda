import Foundation
import Testing
@testable import Search

/// Reads the files a ``SearchIndexBuilder`` wrote, the way search.js does.
struct IndexFiles {
    let files: [String: Data]

    init(_ builder: SearchIndexBuilder) { files = builder.files() }

    /// The value passed to `__tcs` in `search/<key>.js`.
    func value(_ key: String) throws -> Any {
        let data = try #require(files["search/" + key + ".js"], "missing search/\(key).js")
        let text = String(decoding: data, as: UTF8.self)
        let prefix = "__tcs(" + JSONText.string(key) + ","
        #expect(text.hasPrefix(prefix) && text.hasSuffix(")\n"))
        let json = text.dropFirst(prefix.count).dropLast(2)
        return try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }

    var top: [String: Any] { get throws { try #require(try value("index") as? [String: Any]) } }

    var boundaries: [String] { get throws { try #require(try top["k"] as? [String]) } }

    /// The shard that should hold `term`: the last whose first term is not after it (UTF-16 order).
    func shardNumber(for term: String) throws -> Int {
        let k = try boundaries
        return k.lastIndex { !term.utf16.lexicographicallyPrecedes($0.utf16) } ?? 0
    }

    func shard(_ n: Int) throws -> [String: [Any]] {
        try #require(try value("s/\(n)") as? [String: [Any]])
    }

    /// A term's idf×1000 and all its (page, level) postings, inline and tail.
    func postings(_ term: String) throws -> (idf: Int, inline: [(Int, Int)], tail: [(Int, Int)])? {
        guard let entry = try shard(shardNumber(for: term))[term] else { return nil }
        let idf = try #require(entry[0] as? Int)
        let inline = Self.decode(try #require(entry[1] as? String), levels: true)
        var tail: [(Int, Int)] = []
        if entry.count > 2, let n = entry[2] as? Int {
            tail = Self.decode(try #require(try value("t/\(n)") as? String), levels: true)
        }
        return (idf, inline, tail)
    }

    /// Decodes gap-coded ids (and levels): digits `(`…`h` without `\`, base 32, +32 = more.
    static func decode(_ s: String, levels: Bool) -> [(Int, Int)] {
        let digits = s.utf8.map { Int($0) - ($0 > 92 ? 41 : 40) }
        var out: [(Int, Int)] = []
        var i = 0
        var id = 0
        while i < digits.count {
            var v = 0
            while i < digits.count, digits[i] > 31 {
                v = v * 32 + digits[i] - 32
                i += 1
            }
            guard i < digits.count else { break }
            v = v * 32 + digits[i]
            i += 1
            id += v
            var level = 0
            if levels, i < digits.count {
                level = digits[i]
                i += 1
            }
            out.append((id, level))
        }
        return out
    }
}

extension SearchDocument {
    /// A page for tests: dated `day` days after 2020-01-01.
    static func page(
        _ slug: String, title: String, body: String, day: Int = 0, section: String = "posts",
        tags: [String] = [], headings: [String] = []
    ) -> SearchDocument {
        SearchDocument(
            url: "/\(section)/\(slug)/", title: title, date: Date(timeIntervalSince1970: 1_577_836_800 + Double(day) * 86_400),
            section: section, tags: tags, headings: headings, body: body, excerpt: String(body.prefix(80)))
    }
}
