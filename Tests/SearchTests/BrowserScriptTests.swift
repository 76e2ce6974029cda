import Foundation
import Testing
@testable import Search

/// Runs Theme/assets/search.js under node against an index built here, as a browser would use it.
@Suite struct BrowserScriptTests {
    static let node: String? = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .map { $0 + "/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Theme/assets/search.js")

    /// Loads each file as a <script> would (a fresh context calling __tcs) and records the keys.
    static let harness = """
        const fs = require("fs"), vm = require("vm"), path = require("path");
        const S = require(process.argv[2]), dir = process.argv[3], input = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
        let fetched = [];
        function load(key) {
          let value;
          fetched.push(key);
          vm.runInNewContext(fs.readFileSync(path.join(dir, key + ".js"), "utf8"), { __tcs: (k, v) => { if (k === key) value = v; } });
          return Promise.resolve(value);
        }
        (async () => {
          const out = { tokens: input.tokens.map(t => S.words(t).map(w => w.s)), queries: [] };
          for (const q of input.queries) {
            const engine = S.Engine(load), meta = await engine.meta();
            fetched = [];
            const names = meta.sec.concat(meta.tag).map(n => n[0]);
            const r = await engine.search(q.q, (q.filters || []).map(f => names.indexOf(f)));
            const pages = await Promise.all(r.ids.slice(0, 10).map(engine.page));
            out.queries.push({
              urls: pages.map(p => p.u), count: r.ids.length, fetched,
              title: pages.length ? S.excerpt(pages[0].t, r, 0) : "",
              excerpt: pages.length ? S.excerpt(pages[0].b, r, 100) : ""
            });
          }
          console.log(JSON.stringify(out));
        })();
        """

    struct Query: Codable {
        var q: String
        var filters: [String]? = nil
    }

    struct Result: Codable {
        var urls: [String]
        var count: Int
        var fetched: [String]
        var title: String
        var excerpt: String
    }

    struct Output: Codable {
        var tokens: [[String]]
        var queries: [Result]
    }

    static func corpus() -> SearchIndexBuilder {
        var b = SearchIndexBuilder()
        b.add(.page("caching", title: "Caching HTTP responses", body: "How to cache responses at the edge, and when not to.", day: 10))
        b.add(.page("profiling", title: "Profiling allocations", body: "We look at memory. Caching is mentioned once.", day: 20))
        b.add(.page("eviction", title: "Eviction notes", body: "LRU eviction for caches.", day: 15, section: "notes"))
        b.add(.page("zh", title: "静态网站生成器", body: "这是一个中文页面，介绍静态网站生成器的设计。", day: 3, section: "notes"))
        b.add(.page("ja", title: "東京の天気", body: "東京都の天気予報について。", day: 4))
        b.add(.page("fr", title: "Crème brûlée", body: "Une recette française.", day: 5, tags: ["cuisine"]))
        b.add(.page("code", title: "Parsing headers", body: "Call parseHTTPHeader(line) to split a header.", day: 6, tags: ["swift"]))
        b.add(.page("concurrency", title: "Structured concurrency", body: "Tasks and actors in Swift.", day: 7, tags: ["swift"]))
        b.add(.page("twin-old", title: "Twin page", body: "identical twin text", day: 8))
        b.add(.page("twin-new", title: "Twin page", body: "identical twin text", day: 9))
        let filler = String(repeating: "lorem ipsum dolor ", count: 200)
        b.add(.page("needle", title: "Haystack", body: "common needle " + filler, day: 1))
        for i in 0..<(IndexLayout.inlinePostings + 100) {
            b.add(.page("filler-\(i)", title: "Filler \(i)", body: "common words", day: 100 + i, section: "filler"))
        }
        return b
    }

    static let queries: [Query] = [
        Query(q: "caching"), Query(q: "cache"), Query(q: "the caching"), Query(q: "evic"),
        Query(q: "concurency"), Query(q: "cocnurrency"), Query(q: "CRÈME brulee"), Query(q: "生成器"),
        Query(q: "東京"), Query(q: "header"), Query(q: "parsehttpheader"), Query(q: "caching", filters: ["notes"]),
        Query(q: "swift", filters: ["cuisine"]), Query(q: "twin"), Query(q: "common needle"), Query(q: "needle"),
        Query(q: "!!!"), Query(q: "swift", filters: ["swift"]), Query(q: "cachin"),
        // Typos in the first two letters: transposition, substitution, deletion, insertion.
        Query(q: "ocncurrency"), Query(q: "xoncurrency"), Query(q: "oncurrency structured"), Query(q: "sstructured"),
        // A typo in an inflected word, and one in the last letters.
        Query(q: "evictoin notes"), Query(q: "profiilng"), Query(q: "allocatoins"),
    ]

    static let tokenSamples = [
        "Crème Brûlée ΟΔΟΣ Straße ｶﾀｶﾅ 한국어 がぎ ½ naïve façade résumé ĄĘ ЁЖ İstanbul don’t ﬁle",
        "caching libraries running speed processes classes studied planned falling analysis status",
        "東京都に住む Swift语言 静态网站・生成器 字 e=mc^2 x_1 \\alpha Ｓｗｉｆｔ",
    ]

    /// Writes the corpus's index and `harness` to a new folder and runs the harness under node with
    /// the script, the index folder and `input` (as JSON); returns what it printed.
    static func runNode(_ harness: String, input: some Encodable) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("search-node-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (path, data) in corpus().files() {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let harnessFile = dir.appendingPathComponent("harness.js")
        let inputFile = dir.appendingPathComponent("input.json")
        try Data(harness.utf8).write(to: harnessFile)
        try JSONEncoder().encode(input).write(to: inputFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(node))
        process.arguments = [harnessFile.path, script.path, dir.appendingPathComponent("search").path, inputFile.path]
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "node failed: \(stderr)")
        return data
    }

    @Test(.enabled(if: node != nil, "node is not installed: search.js was not run"))
    func scriptFindsTheExpectedPages() throws {
        struct Input: Codable {
            var tokens: [String]
            var queries: [Query]
        }
        let data = try Self.runNode(Self.harness, input: Input(tokens: Self.tokenSamples, queries: Self.queries))
        let output = try JSONDecoder().decode(Output.self, from: data)

        // The script tokenises queries exactly as the index builder tokenises pages.
        for (sample, tokens) in zip(Self.tokenSamples, output.tokens) {
            var expected: [String] = []
            Tokenizer.forEachWord(in: sample) { word, isCJK in
                if isCJK { expected += Tokenizer.terms(in: word) } else if let term = Tokenizer.term(for: word) { expected.append(term) }
            }
            #expect(tokens == expected, "\(sample)")
        }

        let r = output.queries
        let first = r.map { $0.urls.first ?? "" }
        #expect(first[0] == "/posts/caching/", "title match first")
        #expect(r[0].urls.contains("/posts/profiling/") && r[0].urls.contains("/notes/eviction/"))
        #expect(first[1] == "/posts/caching/", "stemmed form")
        #expect(r[2].urls == r[0].urls, "stop words are ignored")
        #expect(first[3] == "/notes/eviction/", "prefix of the last word")
        #expect(first[4] == "/posts/concurrency/", "one missing letter")
        #expect(first[5] == "/posts/concurrency/", "two letters swapped")
        #expect(first[6] == "/posts/fr/", "case and diacritics folded")
        #expect(first[7] == "/notes/zh/", "Chinese bigrams")
        #expect(first[8] == "/posts/ja/", "Japanese bigrams")
        #expect(first[9] == "/posts/code/")
        #expect(first[10] == "/posts/code/", "identifier")
        #expect(r[11].urls == ["/notes/eviction/"], "section filter")
        #expect(r[12].urls.isEmpty, "tag filter excludes every page about Swift")
        #expect(first[13] == "/posts/twin-new/" && r[13].urls.count == 2, "newer page wins a tie")
        #expect(first[14] == "/posts/needle/", "both words, found through the tail of a common word")
        #expect(r[14].fetched.contains { $0.hasPrefix("t/") })
        #expect(!r[15].fetched.contains { $0.hasPrefix("t/") }, "a rare word needs no tail")
        #expect(r[16].urls.isEmpty && r[16].count == 0)
        #expect(Set(r[17].urls) == ["/posts/code/", "/posts/concurrency/"])
        #expect(first[18] == "/posts/caching/", "a word cut short while typing")
        #expect(first[19] == "/posts/concurrency/", "first two letters swapped")
        #expect(first[20] == "/posts/concurrency/", "first letter replaced")
        #expect(r[21].urls == ["/posts/concurrency/"], "first letter missing, and both words required")
        #expect(first[22] == "/posts/concurrency/", "a letter added at the start")
        #expect(first[23] == "/notes/eviction/")
        #expect(first[24] == "/posts/profiling/", "a typo in a word the stemmer shortens")
        #expect(first[25] == "/posts/profiling/", "allocatoins → allocations")
        // Only words that match nothing read the typo buckets, then the shards of the terms they name.
        #expect(!r[0].fetched.contains { $0.hasPrefix("v/") })
        #expect(r[19].fetched.contains { $0.hasPrefix("v/") })
        #expect(r[19].fetched.filter { $0.hasPrefix("v/") }.count <= 3)

        #expect(r[0].title == "<mark>Caching</mark> HTTP responses")
        #expect(r[0].excerpt.contains("<mark>cache</mark>"))
        #expect(r[7].title.contains("<mark>生成</mark>"))
        // A one-word query reads the top-level file, its shards and ten pages at most.
        #expect(r[0].fetched.filter { $0.hasPrefix("s/") }.count <= 4)
        #expect(r[0].fetched.filter { $0.hasPrefix("p/") }.count <= 10)
    }

    /// A file that fails to load (a busy server, a dropped connection) fails that search only: the
    /// engine does not remember the failure, and the next search loads the file and finds the page.
    static let flakyHarness = """
        const fs = require("fs"), vm = require("vm"), path = require("path");
        const S = require(process.argv[2]), dir = process.argv[3];
        const failing = new Set();
        function load(key) {
          if (failing.has(key)) { failing.delete(key); return Promise.reject(new Error("dropped " + key)); }
          let value;
          vm.runInNewContext(fs.readFileSync(path.join(dir, key + ".js"), "utf8"), { __tcs: (k, v) => { if (k === key) value = v; } });
          return Promise.resolve(value);
        }
        (async () => {
          const engine = S.Engine(load), meta = await engine.meta();
          meta.k.forEach((_, i) => failing.add("s/" + i));
          const first = await engine.search("caching", []).then(r => "found " + r.ids.length, e => "failed: " + e.message);
          const r = await engine.search("caching", []);
          const pages = await Promise.all(r.ids.slice(0, 1).map(engine.page));
          console.log(JSON.stringify({ first, then: pages.map(p => p.u) }));
        })();
        """

    @Test(.enabled(if: node != nil, "node is not installed: search.js was not run"))
    func aFileThatFailedToLoadIsLoadedAgainByTheNextSearch() throws {
        struct Retry: Codable {
            var first: String
            var then: [String]
        }
        let data = try Self.runNode(Self.flakyHarness, input: [String]())
        let output = try JSONDecoder().decode(Retry.self, from: data)
        #expect(output.first.hasPrefix("failed: dropped s/"), "\(output.first)")
        #expect(output.then == ["/posts/caching/"])
    }
}
