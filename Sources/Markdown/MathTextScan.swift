/// Math found in rendered HTML the way KaTeX auto-render finds it in the browser (``MarkdownOptions/mathTextScan``).
///
/// Each run of text between two tags (or comments) is decoded and split at the first opener of
/// `$$`, `\(`, the AMS environments, `\[`, `$` (display delimiters win a tie; `\$` opens nothing);
/// the closer is the next one outside braces, skipping escaped characters, and an opener without a
/// closer ends the search in that run. Nothing inside `code`, `pre`, `script`, `style`, `textarea`,
/// `option`, `math`, `svg`, or math this renderer already wrote (`class="math…"`), is looked at.
/// This mirrors `split_math_text` in `../shared/fidelity/hugo_fidelity.py`.
enum MathTextScan {
    static let skipped: Set<[UInt8]> = Set(
        [
            "script", "noscript", "style", "textarea", "pre", "code", "option",
            "math", "svg",
        ].map { Array($0.utf8) })

    static let delimiters: [(left: [UInt8], right: [UInt8], display: Bool)] = {
        let environments = [
            "equation", "equation*", "align", "align*", "alignat", "alignat*", "gather",
            "gather*", "CD",
        ]
        var list: [(String, String, Bool)] = [("$$", "$$", true), ("\\(", "\\)", false)]
        list += environments.map { ("\\begin{\($0)}", "\\end{\($0)}", true) }
        list += [("\\[", "\\]", true), ("$", "$", false)]
        return list.map { (Array($0.0.utf8), Array($0.1.utf8), $0.2) }
    }()

    /// `html` with the math in its text replaced by `render(tex, display)`; `unclosed` hears of each
    /// opener other than `$` that has no closer in its run of text.
    static func apply(
        _ html: [UInt8], render: (String, Bool) -> String,
        unclosed: ((_ opener: String, _ following: String) -> Void)? = nil
    ) -> [UInt8] {
        guard html.contains(UInt8(ascii: "$")) || html.contains(UInt8(ascii: "\\")) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 256)
        let n = html.count
        var i = 0
        var textStart = 0
        while i < n {
            guard html[i] == UInt8(ascii: "<"), let (tagEnd, name, isEnd, skipClass) = tag(html, at: i) else {
                i += 1
                continue
            }
            scanText(html[textStart..<i], into: &out, render: render, unclosed: unclosed)
            var stop = tagEnd
            if !isEnd, let name, skipped.contains(name) || skipClass, html[tagEnd - 2] != UInt8(ascii: "/") {
                stop = closing(html, name: name, from: tagEnd)
            }
            out.append(contentsOf: html[i..<stop])
            i = stop
            textStart = stop
        }
        scanText(html[textStart..<n], into: &out, render: render, unclosed: unclosed)
        return out
    }

    /// The tag or comment at `i` (a `<`): the index after it, its lowercased name (nil for a
    /// comment or declaration), whether it is an end tag, and whether its class starts with `math`.
    static func tag(_ s: [UInt8], at i: Int) -> (Int, [UInt8]?, Bool, Bool)? {
        let n = s.count
        var j = i + 1
        guard j < n else { return nil }
        if s[j] == UInt8(ascii: "!") {
            if j + 2 < n, s[j + 1] == UInt8(ascii: "-"), s[j + 2] == UInt8(ascii: "-") {
                var k = j + 3
                while k + 2 < n, !(s[k] == UInt8(ascii: "-") && s[k + 1] == UInt8(ascii: "-") && s[k + 2] == UInt8(ascii: ">")) { k += 1 }
                return (min(k + 3, n), nil, false, false)
            }
            guard let close = s[j...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            return (close + 1, nil, false, false)
        }
        let isEnd = s[j] == UInt8(ascii: "/")
        if isEnd { j += 1 }
        guard j < n, ASCII.isLetter(s[j]) else { return nil }
        var name: [UInt8] = []
        while j < n, ASCII.isLetter(s[j]) || ASCII.isDigit(s[j]) || s[j] == UInt8(ascii: "-") {
            name.append(s[j] | 0x20)
            j += 1
        }
        var quote: UInt8 = 0
        let attributesStart = j
        while j < n {
            let c = s[j]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                let attributes = s[attributesStart..<j]
                return (j + 1, name, isEnd, hasMathClass(attributes))
            }
            j += 1
        }
        return nil
    }

    /// Whether a tag's class list starts with the class of math already written: `math` (as in
    /// `math inline`, `math display`) or `math-error`. A site's own classes that merely begin with
    /// those letters (`math-env`, `mathbox`) hold text the browser's renderer still scans.
    static func hasMathClass(_ attributes: ArraySlice<UInt8>) -> Bool {
        for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
            let opener = Array("class=".utf8) + [quote] + Array("math".utf8)
            var k = attributes.startIndex
            while k + opener.count <= attributes.endIndex {
                if attributes[k..<k + opener.count].elementsEqual(opener) {
                    let rest = attributes[(k + opener.count)...]
                    if rest.first == quote || rest.first == UInt8(ascii: " ") || rest.starts(with: Array("-error".utf8)) { return true }
                }
                k += 1
            }
        }
        return false
    }

    /// The index after the end tag that closes element `name` opened before `from` (nesting counted).
    static func closing(_ s: [UInt8], name: [UInt8], from: Int) -> Int {
        var depth = 1
        var i = from
        while i < s.count {
            if s[i] == UInt8(ascii: "<"), let (end, other, isEnd, _) = tag(s, at: i) {
                if other == name {
                    if isEnd {
                        depth -= 1
                        if depth == 0 { return end }
                    } else if s[end - 2] != UInt8(ascii: "/") {
                        depth += 1
                    }
                }
                i = end
            } else {
                i += 1
            }
        }
        return s.count
    }

    /// One text run: copied as is without math, otherwise decoded, split and re-escaped.
    static func scanText(
        _ raw: ArraySlice<UInt8>, into out: inout [UInt8], render: (String, Bool) -> String,
        unclosed: ((String, String) -> Void)? = nil
    ) {
        guard raw.contains(UInt8(ascii: "$")) || raw.contains(UInt8(ascii: "\\")) else {
            out.append(contentsOf: raw)
            return
        }
        let text = decode(raw)
        var cursor = 0
        var spans: [(textEnd: Int, tex: String, display: Bool, next: Int)] = []
        // The next opener of each delimiter at or after `cursor` (`Int.max`: none), so a long run stays linear.
        var next = [Int?](repeating: nil, count: delimiters.count)
        while true {
            var best: (Int, Int)?  // (index, delimiter number)
            for (number, d) in delimiters.enumerated() {
                if let cached = next[number], cached >= cursor {
                    if cached != Int.max, best == nil || cached < best!.0 { best = (cached, number) }
                    continue
                }
                var from = cursor
                var found: Int?
                while let k = index(of: d.left, in: text, from: from) {
                    if d.left[0] == UInt8(ascii: "$"), k > cursor, text[k - 1] == UInt8(ascii: "\\") {
                        from = k + 1
                        continue
                    }
                    found = k
                    break
                }
                next[number] = found ?? Int.max
                if let k = found, best == nil || k < best!.0 { best = (k, number) }
            }
            guard let (start, number) = best else { break }
            let d = delimiters[number]
            guard let close = endOfMath(d.right, in: text, from: start + d.left.count) else {
                if let unclosed, d.left != [UInt8(ascii: "$")] {
                    let after = text[(start + d.left.count)...].prefix(40)
                    unclosed(String(decoding: d.left, as: UTF8.self), String(decoding: after, as: UTF8.self))
                }
                break
            }
            let tex =
                d.left[0] == UInt8(ascii: "\\") && d.left.count > 2
                ? text[start..<close + d.right.count] : text[start + d.left.count..<close]
            spans.append((start, String(decoding: tex, as: UTF8.self), d.display, close + d.right.count))
            cursor = close + d.right.count
        }
        guard !spans.isEmpty else {
            out.append(contentsOf: raw)
            return
        }
        var at = 0
        for span in spans {
            HTMLEscaping.appendEscaped(text[at..<span.textEnd], to: &out)
            out.append(contentsOf: render(span.tex, span.display).utf8)
            at = span.next
        }
        HTMLEscaping.appendEscaped(text[at...], to: &out)
    }

    static func index(of needle: [UInt8], in text: [UInt8], from: Int) -> Int? {
        var k = from
        let first = needle[0]
        while k + needle.count <= text.count {
            if text[k] == first, text[k..<k + needle.count].elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }

    /// KaTeX auto-render's `findEndOfMath`: skips escaped characters and braced groups.
    static func endOfMath(_ delimiter: [UInt8], in text: [UInt8], from: Int) -> Int? {
        var i = from
        var level = 0
        while i < text.count {
            let c = text[i]
            if level <= 0, i + delimiter.count <= text.count, text[i..<i + delimiter.count].elementsEqual(delimiter) {
                return i
            }
            if c == UInt8(ascii: "\\") {
                i += 1
            } else if c == UInt8(ascii: "{") {
                level += 1
            } else if c == UInt8(ascii: "}") {
                level -= 1
            }
            i += 1
        }
        return nil
    }

    /// The text with its entities and character references decoded.
    static func decode(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        let bytes = Array(raw)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                if s[i] == UInt8(ascii: "&"), let (decoded, next) = decodeEntity(s, i, s.count) {
                    out.append(contentsOf: decoded)
                    i = next
                } else {
                    out.append(s[i])
                    i += 1
                }
            }
        }
        return out
    }
}

/// `html` with the math delimited in its text (`$…$`, `\(…\)`, `$$…$$`, `\[…\]`, AMS environments)
/// replaced by `render(tex, display)`, found as KaTeX auto-render finds it in a browser (see
/// ``MathTextScan``): for HTML made outside Markdown, such as a site's shortcode output.
public func typesetDelimitedMath(inHTML html: String, render: (_ tex: String, _ display: Bool) -> String) -> String {
    let bytes = Array(html.utf8)
    let result = MathTextScan.apply(bytes, render: render)
    return result == bytes ? html : String(decoding: result, as: UTF8.self)
}

/// A math opener left in a page's text with no closer after it: the reader sees the delimiter and
/// the TeX as text (see ``unclosedMathOpeners(inHTML:)``).
public struct UnclosedMathOpener: Sendable, Equatable {
    /// The opener as written: `$$`, `\[`, `\(` or `\begin{align}` and the like.
    public var opener: String
    /// Up to 40 characters of the text after it, to find the place in the source.
    public var following: String
}

/// The display and parenthesised math openers (`$$`, `\(`, `\[`, the AMS environments) in `html`'s
/// text that no closer follows, looked for as ``MathTextScan`` looks for math (outside code, `pre`
/// and math already drawn). A lone `$` is never reported: it is as often a price as math.
public func unclosedMathOpeners(inHTML html: String) -> [UnclosedMathOpener] {
    let bytes = Array(html.utf8)
    var found: [UnclosedMathOpener] = []
    _ = MathTextScan.apply(
        bytes, render: { _, _ in "" },
        unclosed: { opener, following in
            found.append(UnclosedMathOpener(opener: opener, following: following))
        })
    return found
}
