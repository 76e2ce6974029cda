import Foundation
import SeededRandom
import Testing
@testable import Site

@Suite struct DateReaderTests {
    @Test(arguments: [
        ("2023-11-16T10:30:03+00:00", "2023-11-16T10:30:03Z"),
        ("2023-11-16T10:30:03Z", "2023-11-16T10:30:03Z"),
        ("2023-11-16T12:30:03+02:00", "2023-11-16T10:30:03Z"),
        ("2023-11-16 10:30:03 +0000", "2023-11-16T10:30:03Z"),
        ("2023-11-16 10:30", "2023-11-16T10:30:00Z"),
        ("2023-11-16", "2023-11-16T00:00:00Z"),
        ("2023-11-16T10:30:03.123-05:00", "2023-11-16T15:30:03Z"),
    ])
    func readsHugoForms(text: String, iso: String) throws {
        let reading = try #require(DateReader.read(text))
        #expect(!reading.isPartial)
        #expect(reading.date.formatted(.iso8601) == iso)
    }

    @Test func readsTheDateOfAMalformedValue() throws {
        let reading = try #require(DateReader.read("2023-11-16:30:03+00:00"))
        #expect(reading.isPartial)
        #expect(reading.date.formatted(.iso8601) == "2023-11-16T00:00:00Z")
    }

    @Test func rejectsWhatIsNoDate() {
        #expect(DateReader.read("yesterday") == nil)
        #expect(DateReader.read("2023-13-01") == nil)
        #expect(DateReader.read(" \t ") == nil)
    }

    @Test func spacesAndTabsAroundADateAreIgnored() throws {
        let plain = try #require(DateReader.read("2023-11-16T10:30:03Z"))
        #expect(DateReader.read(" \t2023-11-16T10:30:03Z\t ") == plain)
        #expect(DateReader.read("\u{00A0}2023-11-16T10:30:03Z\u{3000}") == plain, "Unicode spaces too")
    }

    @Test func keysMatchIgnoringCase() {
        let values: [String: Value] = ["ExpiryDate": .string("a"), "ÜBER": .string("b"), "slug": .string("c")]
        #expect(values.valueIgnoringCase("expirydate") == .string("a"))
        #expect(values.valueIgnoringCase("EXPIRYDATE") == .string("a"))
        #expect(values.valueIgnoringCase("über") == .string("b"))
        #expect(values.valueIgnoringCase("Slug") == .string("c"))
        #expect(values.valueIgnoringCase("expiry") == nil)
        #expect(values.valueIgnoringCase("expirydat_") == nil)
    }

    @Test func languageStemsByBytesAreThoseOfSplittingAtDots() {
        let isLanguage: (Substring) -> Bool = { $0 == "fr" || $0 == "zh-hans" }
        #expect(ContentScanner.languageStem("index.fr.md", isLanguage: isLanguage) == ("index", "fr"))
        #expect(ContentScanner.languageStem("index.de.md", isLanguage: isLanguage) == ("index.de", nil))
        #expect(ContentScanner.languageStem("文章.zh-hans.md", isLanguage: isLanguage) == ("文章", "zh-hans"))
        #expect(ContentScanner.languageStem("a..fr.md", isLanguage: isLanguage) == ("a", "fr"))
        #expect(ContentScanner.languageStem("README", isLanguage: isLanguage) == ("README", nil))
        var random = SeededGenerator(seed: 11)
        let pieces = [".", ".", "a", "fr", "md", "é", "zh-hans", "-"]
        for _ in 0..<3_000 {
            let name = (0..<Int.random(in: 0...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let bytes = ContentScanner.languageStem(name, isLanguage: isLanguage)
            let split = ContentScanner.splitLanguageStem(name, isLanguage: isLanguage)
            #expect(bytes.stem == split.stem && bytes.language == split.language, "\(name)")
        }
    }

    @Test func aCaseInsensitiveTableFindsWhatValueIgnoringCaseFinds() {
        // Seeded random tables whose keys differ only by case (and the Kelvin sign, which lowers to
        // ASCII `k`): every look-up gives the same value both ways.
        var random = SeededGenerator(seed: 7)
        let letters = ["k", "K", "\u{212A}", "e", "E", "ü", "Ü", "_"]
        func key() -> String { (0..<Int.random(in: 1...3, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined() }
        for round in 0..<300 {
            var table: [String: Value] = [:]
            for number in 0..<Int.random(in: 0...6, using: &random) { table[key()] = .int(number) }
            let folded = CaseInsensitiveTable(table)
            for _ in 0..<10 {
                let wanted = key()
                #expect(folded[wanted] == table.valueIgnoringCase(wanted), "round \(round): \(wanted) in \(table)")
            }
        }
    }
}

@Suite struct FrontMatterTests {
    @Test func splitsYAMLTOMLAndJSON() throws {
        let yaml = try #require(FrontMatter.split("---\ntitle: A\n---\nBody\n"))
        #expect(yaml.format == .yaml && yaml.text == "title: A" && yaml.body == "Body\n" && yaml.bodyLine == 4)
        let toml = try #require(FrontMatter.split("+++\ntitle = \"A\"\n+++\n\nBody"))
        #expect(toml.format == .toml && toml.bodyLine == 4)
        let json = try #require(FrontMatter.split("{\n  \"title\": \"A {x}\"\n}\nBody"))
        #expect(json.format == .json && json.body == "Body" && json.bodyLine == 4)
        let none = try #require(FrontMatter.split("# Title\n"))
        #expect(none.format == nil && none.body == "# Title\n")
    }

    @Test func splitsAtTheFirstCloserWhateverSurroundsIt() throws {
        let empty = try #require(FrontMatter.split("---\n---\nBody"))
        #expect(empty.text == "" && empty.body == "Body" && empty.bodyLine == 3)
        let atEnd = try #require(FrontMatter.split("\u{FEFF}---\ntitle: Ünïcode — ✓\n---  "))
        #expect(atEnd.text == "title: Ünïcode — ✓" && atEnd.body == "" && atEnd.bodyLine == 4)
        let dots = try #require(FrontMatter.split("---\na: 1\nb: 2\n...\n\n---\nrule above\n"))
        #expect(dots.text == "a: 1\nb: 2" && dots.body == "\n---\nrule above\n" && dots.bodyLine == 5)
    }

    @Test func unclosedFrontMatterIsNil() {
        #expect(FrontMatter.split("---\ntitle: A\n") == nil)
    }

    @Test func parameterLookUpIgnoresCaseAndFallsBackToSite() throws {
        let config = SiteConfig(raw: ["params": .table(["ShowToc": .bool(true), "math": .table(["macros": .table([:])])])])
        let reader = PageReader(config: config)
        let (page, _) = reader.read(
            source: "---\nshowtoc: false\nTocOpen: true\n---\n", contentPath: "a.md", kind: .page,
            section: "", bundleFolder: nil)
        let read = try #require(page)
        #expect(read.param("ShowToc")?.bool == false)
        #expect(read.param("tocopen")?.bool == true)
        #expect(config.param("showtoc")?.bool == true)
        #expect(config.param("Math.Macros") != nil)
    }

    @Test func authorMayBeAStringOrAList() throws {
        let reader = PageReader(config: SiteConfig())
        let one = reader.read(source: "---\nauthor: Ada\n---\n", contentPath: "a.md", kind: .page, section: "", bundleFolder: nil).page
        let two = reader.read(source: "---\nauthors: [Ada, Bo]\n---\n", contentPath: "b.md", kind: .page, section: "", bundleFolder: nil).page
        #expect(one?.authors == ["Ada"])
        #expect(two?.authors == ["Ada", "Bo"])
    }
}

@Suite struct TextMetricsTests {
    @Test func countsWordsAndCJKCharacters() {
        #expect(TextMetrics.wordCount("one two  three") == 3)
        #expect(TextMetrics.wordCount("机器学习 is fun") == 6)
    }

    @Test func everyUnicodeSpaceSeparatesWords() {
        // The word counter's own table of spaces agrees with Unicode's White_Space property.
        for value in UInt32(0)...0x10FFF {
            guard let scalar = Unicode.Scalar(value), !TextMetrics.isCJK(scalar) else { continue }
            let expected = scalar.properties.isWhitespace ? 2 : 1
            #expect(TextMetrics.wordCount("a\(Character(scalar))b") == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func readingTimeUsesHugosRates() {
        #expect(TextMetrics.readingMinutes(String(repeating: "word ", count: 213)) == 1)
        #expect(TextMetrics.readingMinutes(String(repeating: "word ", count: 214)) == 2)
        #expect(TextMetrics.readingMinutes(String(repeating: "字", count: 1000)) == 2)
    }

    @Test func summaryEndsAtASentenceNearTheLength() {
        let text = "First sentence has five words. " + String(repeating: "filler ", count: 10) + "end. More text follows here."
        let (summary, truncated) = TextMetrics.summary(text, length: 15)
        #expect(summary.hasSuffix("end."))
        #expect(truncated)
    }

    @Test func shortTextIsNotTruncated() {
        let (summary, truncated) = TextMetrics.summary("Just a few words.", length: 70)
        #expect(summary == "Just a few words.")
        #expect(!truncated)
    }
}

@Suite struct PermalinkTests {
    @Test func urlizeLikeHugo() {
        #expect(Permalinks.urlize("Deep Dives") == "deep-dives")
        #expect(Permalinks.urlize("C++ & Rust") == "c-rust")
        #expect(Permalinks.urlize("Über Café") == "über-café")
        // ASCII text takes a byte-by-byte path: the same names as the general one.
        #expect(Permalinks.urlize("-A/b--c_d.e  F!-") == "a-b-c_d.e-f")
        #expect(Permalinks.urlize("Ä/b--C") == "ä-b-c")
        #expect(Permalinks.pathName("My Post--2/x.Y!") == "my-post--2x.y")
        #expect(Permalinks.pathName("Mÿ Post--2/x.Y!") == "mÿ-post--2x.y")
    }

    @Test func theASCIILoopNamesAsTheScalarLoopDoes() {
        var random = SeededGenerator(seed: 5)
        let pieces = ["a", "Z", "0", "-", "/", " ", "\t", "_", ".", "!", "+", "--", "  "]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for urlize in [false, true] {
                #expect(Permalinks.asciiURLName(text, urlize: urlize) == Permalinks.scalarURLName(text, urlize: urlize), "\(text) \(urlize)")
            }
        }
        #expect(Permalinks.asciiURLName("Über", urlize: true) == nil)
    }

    @Test func namesAgreeWithLoweringTheWholeText() {
        // Lowering scalar by scalar must name as lowering the whole text first does, letters whose
        // lower case is ASCII (the Kelvin sign) or two scalars (`İ`) and final sigma included.
        func reference(_ text: String, urlize: Bool) -> String {
            var result = ""
            var lastWasHyphen = false
            for scalar in text.lowercased().unicodeScalars {
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
                    || (!urlize && scalar == "-")
                {
                    result.unicodeScalars.append(scalar)
                    lastWasHyphen = false
                } else if scalar == " " || scalar == "\t" || (urlize && (scalar == "-" || scalar == "/")) {
                    if !urlize || (!lastWasHyphen && !result.isEmpty) { result.append("-") }
                    lastWasHyphen = true
                }
            }
            while urlize, result.hasSuffix("-") { result.removeLast() }
            return result
        }
        var generator = SeededGenerator(seed: 23)
        let pieces = ["A", "z", "9", " ", "\t", "-", "/", "_", ".", "!", "K", "\u{212A}", "İ", "ΣΑΣ", "ß", "Ǆ", "É", "日本", "٣"]
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Permalinks.urlize(text) == reference(text, urlize: true), "\(text.debugDescription)")
            #expect(Permalinks.pathName(text) == reference(text, urlize: false), "\(text.debugDescription)")
        }
    }

    @Test func urlsNormaliseToOutputPaths() {
        #expect(Permalinks.normalize("") == "/")
        #expect(Permalinks.normalize("a") == "/a/")
        #expect(Permalinks.normalize("//a///b") == "/a/b/")
        #expect(Permalinks.normalize("/feed.xml") == "/feed.xml")
        #expect(Permalinks.normalize("/v1.2/notes") == "/v1.2/notes/")
        #expect(Permalinks.normalize("/été/日本") == "/été/日本/")
        #expect(Permalinks.outputPath("/a/./b/") == "/a/b/")
        #expect(Permalinks.outputPath("./") == "/")
        #expect(Permalinks.outputPath("/a/../b/") == nil)
        #expect(Permalinks.outputPath("/a\u{0}b/") == nil)
        #expect(Permalinks.outputPath("/x/.hidden/..a/") == "/x/.hidden/..a/")
        #expect(Permalinks.outputPath("/data.json") == "/data.json")
    }

    @Test func patternsExpandDateAndSlug() {
        let config = SiteConfig(raw: ["permalinks": .table(["posts": .string("/:year/:month/:slug/")])])
        var page = Page(
            kind: .page, sourceFile: "content/posts/my-post.md", bundleFolder: nil, section: "posts", params: [:],
            title: "My Post", description: nil, date: DateReader.read("2024-03-05")?.date, lastmod: nil,
            publishDate: nil, expiryDate: nil, isDraft: false, slug: nil, url: nil, aliases: [], weight: 0,
            layout: nil, terms: [:], cover: nil, body: "", bodyLine: 1)
        #expect(Permalinks(config: config).path(for: page) == "/2024/03/my-post/")
        page.url = "/custom/place"
        #expect(Permalinks(config: config).path(for: page) == "/custom/place/")
    }
}

@Suite struct ShortcodeTests {
    @Test func refToAFigureBecomesANumberedLink() throws {
        let chart = "```chart\nid: fig-loss\ntype: line\ndata: [{x: 1, y: 2}, {x: 2, y: 3}]\nx: x\ny: y\ncaption: Loss\n```\n"
        let site = try SiteFixtures.makeSite([
            "content/posts/r.md": "---\ntitle: R\n---\n\nSee {{< ref \"#fig-loss\" >}} below.\n\n" + chart
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(report.html(at: "/posts/r/")?.contains("See <a href=\"#fig-loss\" class=\"cross-ref\">Figure 1</a> below.") == true)
    }

    @Test func escapedShortcodesStayLiteral() throws {
        let site = try SiteFixtures.makeSite([
            "content/posts/e.md": "---\ntitle: E\n---\n\n`{{</* figure src=\"a.png\" */>}}`\n"
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(report.html(at: "/posts/e/")?.contains("<code>{{&lt; figure src=&quot;a.png&quot; &gt;}}</code>") == true)
    }
}

@Suite struct FigureTests {
    @Test func aTitledImageAloneInItsParagraphIsAFigure() {
        let html =
            "<p><img src=\"a.png\" alt=\"A\" title=\"The caption\" loading=\"lazy\" decoding=\"async\"></p>\n<p>Text <img src=\"b.png\" alt=\"B\" title=\"T\"> inline.</p>"
        let result = ImageFigures.apply(html)
        #expect(
            result
                == "<figure><img src=\"a.png\" alt=\"A\" title=\"The caption\" loading=\"lazy\" decoding=\"async\"><figcaption>The caption</figcaption></figure>\n<p>Text <img src=\"b.png\" alt=\"B\" title=\"T\"> inline.</p>"
        )
    }

    @Test func anImageWithAFigureIDIsAFigureCarryingTheID() {
        let titled = ImageFigures.apply(
            "<p><img src=\"a.png\" alt=\"A\" title=\"Loss &amp; accuracy\" id=\"fig-a\" loading=\"lazy\" decoding=\"async\"></p>")
        #expect(
            titled
                == "<figure id=\"fig-a\"><img src=\"a.png\" alt=\"A\" title=\"Loss &amp; accuracy\" loading=\"lazy\" decoding=\"async\"><figcaption>Loss &amp; accuracy</figcaption></figure>"
        )
        // Without a title the alt text is the caption, as in Quarto.
        let untitled = ImageFigures.apply("<p><img src=\"a.png\" alt=\"The loss\" id=\"fig-a\" decoding=\"async\"></p>")
        #expect(untitled == "<figure id=\"fig-a\"><img src=\"a.png\" alt=\"The loss\" decoding=\"async\"><figcaption>The loss</figcaption></figure>")
    }

    @Test func imagesThatStayImages() {
        // An image with text beside it; an image in a link.
        for html in [
            "<p>See <img src=\"a.png\" alt=\"A\" id=\"fig-a\"></p>",
            "<p><a href=\"b.png\"><img src=\"a.png\" alt=\"A\" id=\"fig-a\"></a></p>",
        ] {
            #expect(ImageFigures.apply(html) == html)
        }
        // Alone in its paragraph without a caption: still an image, marked so the theme shows it as a block.
        #expect(
            ImageFigures.apply("<p><img src=\"a.png\" alt=\"A\" id=\"logo\" decoding=\"async\"></p>")
                == "<p class=\"image-only\"><img src=\"a.png\" alt=\"A\" id=\"logo\" decoding=\"async\"></p>")
        // An image collective did not render (a site's render-image hook, raw HTML) is left alone.
        let foreign = "<p><img src=\"a.png\" alt=\"A\" title=\"T\" loading=\"lazy\"></p>"
        #expect(ImageFigures.apply(foreign) == foreign)
    }

    @Test func markdownImagesWithIDsAreNumberedWithCharts() throws {
        let chart = "```chart\nid: fig-chart\ntype: bar\ndata: [{k: a, v: 2}, {k: b, v: 3}]\nx: k\ny: v\ncaption: Bars\n```\n"
        let site = try SiteFixtures.makeSite([
            "content/posts/f/index.md": "---\ntitle: F\n---\n\nAs [@fig-loss] and [@fig-chart] show, [@fig-plain] too.\n\n"
                + "![Loss curve](loss.png \"Training loss\"){#fig-loss}\n\n" + chart + "\n![Plain curve](loss.png)\n{#fig-plain}\n",
            "content/posts/f/loss.png": "not really a PNG",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(report.html(at: "/posts/f/"))
        #expect(
            html.contains(
                "As <a href=\"#fig-loss\" class=\"cross-ref\">Figure 1</a> and <a href=\"#fig-chart\" class=\"cross-ref\">Figure 2</a> show, <a href=\"#fig-plain\" class=\"cross-ref\">Figure 3</a> too."
            ))
        #expect(
            html.contains(
                "<figure id=\"fig-loss\"><img src=\"/posts/f/loss.png\" alt=\"Loss curve\" title=\"Training loss\" loading=\"lazy\" decoding=\"async\"><figcaption><span class=\"figure-number\">Figure 1:</span> Training loss</figcaption></figure>"
            ))
        #expect(html.contains("<figcaption><span class=\"figure-number\">Figure 2:</span> Bars</figcaption>"))
        #expect(
            html.contains(
                "<figure id=\"fig-plain\"><img src=\"/posts/f/loss.png\" alt=\"Plain curve\" loading=\"lazy\" decoding=\"async\"><figcaption><span class=\"figure-number\">Figure 3:</span> Plain curve</figcaption></figure>"
            ))
        #expect(!html.contains("{#fig"))
        #expect(!report.lines.contains { $0.contains("cross-reference") })
    }
}

@Suite struct RelatedPagesTests {
    @Test func mostSharedTermsFirstThenNewestThenStable() throws {
        func post(_ title: String, _ date: String, tags: [String], series: String? = nil) -> String {
            "---\ntitle: \(title)\ndate: \(date)\ntags: [\(tags.joined(separator: ", "))]\n" + (series.map { "series: [\($0)]\n" } ?? "")
                + "---\nBody.\n"
        }
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n[taxonomies]\ntag = \"tags\"\nseries = \"series\"\n",
            "content/posts/a.md": post("A", "2024-01-10", tags: ["x", "y"], series: "s"),
            "content/posts/b.md": post("B", "2024-01-01", tags: ["x", "y"]),
            "content/posts/c.md": post("C", "2024-03-01", tags: ["x"]),
            "content/posts/d.md": post("D", "2024-02-01", tags: ["y"]),
            "content/posts/e.md": post("E", "2024-02-01", tags: ["z"], series: "s"),
            "content/posts/f.md": post("F", "2024-05-01", tags: ["z"]),
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(report.html(at: "/posts/a/"))
        let section = try #require(html.range(of: "<section class=\"related\"")).lowerBound
        let related = html[section...].components(separatedBy: "</section>")[0]
        // E shares the series (3), B both tags (4), C and D one tag (2; C is newer); F nothing.
        let titles = related.components(separatedBy: "\">").dropFirst().map { $0.components(separatedBy: "<")[0] }.filter { !$0.isEmpty }
        #expect(Array(titles.suffix(3)) == ["B", "E", "C"])
    }
}
