import Testing

@testable import Site

/// Placeholders for `{{< >}}` outputs taking their place in the rendered page (Hugo's way), and the
/// paragraph they stand in: alone, it goes; a block inside a paragraph closes it.
struct ShortcodePlaceholdersTests {
    /// Placeholders for `outputs`, in order, and the restore of `html` with `P0`, `P1`… replaced by them.
    func restore(_ html: String, outputs: [String]) -> String {
        let placeholders = ShortcodePlaceholders(prefix: "HAHATESTCODE")
        var page = html
        for (index, output) in outputs.enumerated() {
            page = page.replacingOccurrences(of: "P\(index)", with: placeholders.add(output))
        }
        return placeholders.restore(page)
    }

    @Test func aloneInAParagraphTheParagraphGoes() {
        #expect(restore("<p>P0</p>\n<p>text</p>", outputs: ["<div>x</div>"]) == "<div>x</div>\n<p>text</p>")
        #expect(restore("<p>a P0 b</p>", outputs: ["<em>x</em>"]) == "<p>a <em>x</em> b</p>")
    }

    @Test func aBlockInsideAParagraphClosesIt() {
        #expect(restore("<p>a P0 b</p>\n<p>c</p>", outputs: ["<div>x</div>"]) == "<p>a </p><div>x</div> b\n<p>c</p>")
        // An inline lead (a `<link>`) stays in the paragraph, which ends where the block starts.
        #expect(
            restore("<p>a P0 b</p>", outputs: ["<link rel=\"x\"><div>y</div>"]) == "<p>a <link rel=\"x\"></p><div>y</div> b")
        // At the start of a paragraph, the empty paragraph goes.
        #expect(restore("<p>P0 b</p>", outputs: ["\n<figure>f</figure>"]) == "\n<figure>f</figure> b")
    }

    @Test func twoBlocksInOneParagraph() {
        // The first block closes the paragraph and takes its closing tag; the second is outside it.
        #expect(
            restore("<p>a P0 b P1 c</p><p>d</p>", outputs: ["<div>x</div>", "<div>y</div>"])
                == "<p>a </p><div>x</div> b <div>y</div> c<p>d</p>")
    }

    @Test func placeholdersInsideOutputsAndUnknownOnes() {
        let placeholders = ShortcodePlaceholders(prefix: "HAHATESTCODE")
        let inner = placeholders.add("<b>in</b>")
        let outer = placeholders.add("<span>" + inner + "</span>")
        #expect(placeholders.restore("<p>x " + outer + "</p>") == "<p>x <span><b>in</b></span></p>")
        // A number no output has, or a placeholder without its end, is left as it is.
        #expect(placeholders.restore("<p>HAHATESTCODE7HBHB HAHATESTCODE0HB</p>") == "<p>HAHATESTCODE7HBHB HAHATESTCODE0HB</p>")
    }

    @Test func manyPlaceholdersInOnePage() {
        // 3,000 calls on one page (the shortcode benchmark's heavy page has 1,000): every one restored.
        let placeholders = ShortcodePlaceholders(prefix: "HAHATESTCODE")
        var page = ""
        var expected = ""
        for index in 0..<3000 {
            switch index % 3 {
            case 0:
                page += "<p>" + placeholders.add("<div>\(index)</div>") + "</p>\n"
                expected += "<div>\(index)</div>\n"
            case 1:
                page += "<p>t " + placeholders.add("<abbr>\(index)</abbr>") + " u</p>\n"
                expected += "<p>t <abbr>\(index)</abbr> u</p>\n"
            default:
                page += "<p>t " + placeholders.add("<div>\(index)</div>") + " u</p>\n"
                expected += "<p>t </p><div>\(index)</div> u\n"
            }
        }
        #expect(placeholders.restore(page) == expected)
    }
}
