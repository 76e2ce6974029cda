/// Turns images that stand alone in their paragraph into `<figure>`s, as Hugo's and Quarto's figures do.
///
/// A paragraph holding only an image becomes a figure when the image has a title
/// (`![alt](a.png "Caption")`) or a `fig-` id (`![alt](a.png){#fig-a}`). The caption is the title, else
/// the alt text; the image's id moves to the `<figure>`, so ``FigureNumbering`` numbers it like a chart.
/// Any other paragraph holding only an image gets `class="image-only"`: the theme shows that image
/// as a block, and leaves images inside a sentence inline. Only images collective rendered (they
/// carry `decoding="async"`) are touched: a site's render-image hook decides its own markup.
enum ImageFigures {
    static func apply(_ html: String) -> String {
        guard html.contains(bytes: "<p><img ") else { return html }
        // Only the lines that start a paragraph with an image are looked at; the rest is copied.
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let found = rest.firstRange(ofBytes: "<p><img ") {
            let atLineStart =
                found.lowerBound == html.startIndex
                || html.utf8[html.utf8.index(before: found.lowerBound)] == UInt8(ascii: "\n")
            let lineEnd = rest.utf8[found.lowerBound...].firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            output += rest[..<found.lowerBound]
            let line = String(rest[found.lowerBound..<lineEnd])
            if atLineStart, let figure = figure(fromParagraph: line) {
                output += figure
            } else if atLineStart, isImageOnly(line), line.contains(bytes: " decoding=\"async\"") {
                output += "<p class=\"image-only\">" + line.dropFirst(3)
            } else {
                output += line
            }
            rest = rest[lineEnd...]
        }
        output += rest
        return output
    }

    /// True for a line that is exactly `<p>`, one `<img …>` and `</p>` (attribute values are escaped,
    /// so they hold no `<`).
    static func isImageOnly(_ line: String) -> Bool {
        line.hasPrefix("<p><img ") && line.hasSuffix("></p>") && line.utf8.count(where: { $0 == UInt8(ascii: "<") }) == 3
    }

    /// The figure for a line `<p><img …></p>`, or nil when the line holds more or the image needs no figure.
    static func figure(fromParagraph line: String) -> String? {
        guard isImageOnly(line), line.contains(bytes: " decoding=\"async\"") else { return nil }
        var image = String(line.dropFirst(3).dropLast(4))
        let title = attribute("title", in: image)
        let id = attribute("id", in: image)
        guard title != nil || id?.value.hasPrefix("fig-") == true else { return nil }
        guard let caption = title?.value ?? attribute("alt", in: image)?.value else { return nil }
        var idAttribute = ""
        if let id {
            image.removeSubrange(id.range)
            idAttribute = " id=\"\(id.value)\""
        }
        return "<figure\(idAttribute)>\(image)<figcaption>\(caption)</figcaption></figure>"
    }

    /// The value of ` name="…"` in a tag, as written (still escaped), and the range of the whole attribute.
    private static func attribute(_ name: String, in tag: String) -> (value: String, range: Range<String.Index>)? {
        guard let start = tag.firstRange(ofBytes: " \(name)=\""),
            let close = tag[start.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return (String(tag[start.upperBound..<close]), start.lowerBound..<tag.index(after: close))
    }
}
