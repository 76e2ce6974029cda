import Foundation
import TextUtilities

/// Expands Hugo shortcodes (`{{< name args >}}`, `{{% name %}}…{{% /name %}}`) in a page's
/// Markdown before it is parsed. Built-in shortcodes become Markdown or HTML; `{{</* x */>}}`
/// stays as the literal text `{{< x >}}`.
struct ShortcodeExpander {
    /// What the expander needs from the page it works on.
    struct Context {
        /// Resolves an image or file path as the page's images are resolved (bundle, static/).
        var resolveResource: (String) -> String
        /// A page parameter, for `{{< param name >}}`.
        var param: (String) -> String?
        /// Renders a line of Markdown to inline HTML (for captions and summaries).
        var inlineMarkdown: (String) -> String
        /// Renders Markdown to block HTML: the content of a `{{% %}}` call nested in a `{{< >}}` one,
        /// which Hugo renders as Markdown although the call never joins the page's Markdown.
        var blockMarkdown: (String) -> String = { $0 }
        /// Hugo's `privacy.youtube`: `privacyEnhanced` embeds from youtube-nocookie.com; `disable` drops the embed.
        var youtubePrivacyEnhanced = false
        var youtubeDisabled = false
        /// Hugo's `privacy.vimeo.enableDNT`: the player is asked not to track (`dnt=1`).
        var vimeoDoNotTrack = false
        /// The site's own Go-template shortcodes for this page (they win over the built-in ones).
        var site: SiteShortcodeRun? = nil
        /// Where the HTML of built-ins called as `{{< >}}` waits while the Markdown is rendered,
        /// as in Hugo (a figure inside a list item stays in it); nil puts the HTML into the Markdown.
        var placeholders: ShortcodePlaceholders? = nil
    }

    /// Built-ins whose `{{< >}}` output is HTML that Hugo keeps out of the Markdown.
    private static let placeholderBuiltIns: Set<String> = [
        "figure", "youtube", "vimeo", "x", "twitter", "tweet", "instagram", "gist", "video", "audio",
        "inTextImg", "intextimg",
    ]

    /// Built-ins whose HTML ends with a newline that stays in the sentence around the call, as
    /// PaperMod's template ends (`<img …>` and a newline before the text that follows).
    private static let trailingNewlineBuiltIns: Set<String> = ["inTextImg", "intextimg"]

    let context: Context
    private(set) var warnings: [Warning] = []

    /// A problem with one call, at its file line.
    struct Warning {
        var line: Int
        var message: String
        /// The name of a shortcode that has no template anywhere (the call is dropped, its inner content kept).
        var unknownName: String? = nil
    }
    /// Open calls around the one being expanded, and the next ordinal at each depth (for site shortcodes).
    private var frames: [ShortcodeFrame] = []
    private var ordinals: [Int] = [0]
    /// Top-level `{{< >}}` calls of site shortcodes that run after the `{{% %}}` ones, as Hugo
    /// runs them: a `{{% %}}` call's output is Markdown the page needs before it is rendered, a
    /// `{{< >}}` call's output waits for it (a counter in `.Page.Scratch` numbers in that order).
    private var deferred: [(frame: ShortcodeFrame, name: String, start: Int, firstLine: Int)] = []
    private var defersAngleCalls = false

    init(context: Context) { self.context = context }

    /// Expands every shortcode in `text`. `firstLine` is the file line where `text` starts.
    mutating func expand(_ text: String, firstLine: Int) -> String {
        guard text.contains(bytes: "{{<") || text.contains(bytes: "{{%") else { return text }
        let tokens = Self.tokenize(text)
        var position = 0
        let savedDeferral = (deferred, defersAngleCalls)
        deferred = []
        defersAngleCalls =
            context.site != nil
            && tokens.contains { token in
                if case .open(_, _, _, _, true) = token { return true }
                return false
            }
        var output = render(tokens, from: &position, closing: nil, depth: 0, firstLine: firstLine)
        let calls = deferred
        (deferred, defersAngleCalls) = savedDeferral
        for (index, call) in calls.enumerated() {
            var start = call.start
            frames.append(call.frame)
            ordinals.append(0)
            var inner: String?
            if Self.hasClosing(call.name, in: tokens, after: start) {
                inner = render(tokens, from: &start, closing: call.name, depth: 1, firstLine: call.firstLine)
            }
            ordinals.removeLast()
            frames.removeLast()
            let text = context.site?.run(call.frame, inner: inner) ?? inner ?? ""
            output = output.replacingOccurrences(of: Self.deferredMarker(index), with: text)
        }
        return output
    }

    private static func deferredMarker(_ index: Int) -> String { "HAHACOLLECTIVEDEFERREDCALL\(index)HBHB" }

    // MARK: Tokens

    fileprivate enum Token {
        case text(Substring)
        case open(name: String, arguments: [String: String], positional: [String], line: Int, markdown: Bool)
        case close(name: String)
    }

    /// The range from a comment's `*/` to the shortcode closer after it (`*/>}}`, `*/ %}}`).
    private static func commentEnd(in text: Substring, closer: String) -> Range<Substring.Index>? {
        var search = text
        while let star = search.firstRange(ofBytes: "*/") {
            let after = text[star.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            if after.hasPrefix(closer) { return star.lowerBound..<after.index(after.startIndex, offsetBy: closer.count) }
            search = text[star.upperBound...]
        }
        return nil
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var rest = text[...]
        var line = 0
        while let start = rest.firstRange(ofBytes: "{{") {
            let afterBraces = rest[start.upperBound...]
            guard let marker = afterBraces.first, marker == "<" || marker == "%" else {
                tokens.append(.text(rest[..<start.upperBound]))
                line += rest[..<start.upperBound].lineBreakCount
                rest = afterBraces
                continue
            }
            let closer = marker == "<" ? ">}}" : "%}}"
            // `{{</* … */>}}` is literal text up to the first `*/>}}`, even across lines and other `>}}`.
            let opening = afterBraces.dropFirst().drop { $0 == " " || $0 == "\t" }
            if opening.hasPrefix("/*"), let end = Self.commentEnd(in: opening.dropFirst(2), closer: closer) {
                let before = rest[..<start.lowerBound]
                tokens.append(.text(before))
                let inner = opening[opening.index(opening.startIndex, offsetBy: 2)..<end.lowerBound]
                tokens.append(.text(Substring("{{\(marker)\(inner)\(closer)")))
                line += rest[start.lowerBound..<end.upperBound].lineBreakCount
                rest = afterBraces[end.upperBound...]
                continue
            }
            guard let end = afterBraces.firstRange(ofBytes: closer) else { break }
            let before = rest[..<start.lowerBound]
            tokens.append(.text(before))
            line += before.lineBreakCount
            var inner = afterBraces[afterBraces.index(after: afterBraces.startIndex)..<end.lowerBound]
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if inner.hasPrefix("/*"), inner.hasSuffix("*/") {
                inner = String(inner.dropFirst(2).dropLast(2))
                tokens.append(.text(Substring("{{\(marker)\(inner)\(marker == "<" ? ">" : "%")}}")))
            } else if inner.hasPrefix("/") {
                tokens.append(.close(name: inner.dropFirst().trimmingCharacters(in: .whitespaces)))
            } else {
                let words = splitArguments(inner)
                var named: [String: String] = [:]
                var positional: [String] = []
                for word in joinEquals(words.dropFirst()) {
                    if let eq = word.firstIndex(of: "="), !word.hasPrefix("\"") {
                        named[String(word[..<eq])] = unquote(String(word[word.index(after: eq)...]))
                    } else {
                        positional.append(unquote(word))
                    }
                }
                tokens.append(
                    .open(
                        name: words.first ?? "", arguments: named, positional: positional,
                        line: line, markdown: marker == "%"))
            }
            line += rest[start.lowerBound..<end.upperBound].lineBreakCount
            rest = afterBraces[end.upperBound...]
        }
        tokens.append(.text(rest))
        return tokens
    }

    /// Splits shortcode arguments on spaces outside quotes.
    private static func splitArguments(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let q = quote {
                current.append(character)
                if character == q { quote = nil }
            } else if character == "\"" || character == "`" {
                quote = character
                current.append(character)
            } else if character == " " || character == "\t" || character == "\n" {
                if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Joins `name = "value"`, `name= "value"` and `name ="value"` into one word, as Hugo's lexer
    /// skips spaces around a parameter's `=`.
    private static func joinEquals(_ words: ArraySlice<String>) -> [String] {
        var joined: [String] = []
        var i = words.startIndex
        while i < words.endIndex {
            var word = words[i]
            i += 1
            if !word.hasPrefix("\""), !word.hasPrefix("`") {
                if !word.hasSuffix("="), i < words.endIndex, words[i].hasPrefix("=") {
                    word += words[i]
                    i += 1
                }
                if word.hasSuffix("="), word.count > 1, i < words.endIndex {
                    word += words[i]
                    i += 1
                }
            }
            joined.append(word)
        }
        return joined
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "`", text.last == first else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
    }

    // MARK: Rendering

    private mutating func render(
        _ tokens: [Token], from position: inout Int, closing: String?, depth: Int,
        firstLine: Int
    ) -> String {
        var output = ""
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let text):
                output += text
            case .close(let name):
                if name == closing { return output }
                output += "{{< /\(name) >}}"
            case .open(let name, let arguments, let positional, let line, let markdown):
                let ordinal = ordinals[ordinals.count - 1]
                ordinals[ordinals.count - 1] += 1
                let frame = context.site.map {
                    $0.frame(
                        name: name, named: arguments, positional: positional, line: firstLine + line,
                        markdown: markdown, ordinal: ordinal, parent: frames.last)
                }
                if let frame, depth == 0, !markdown, defersAngleCalls, context.site?.has(name) == true {
                    deferred.append((frame, name, position, firstLine))
                    output += Self.deferredMarker(deferred.count - 1)
                    if Self.hasClosing(name, in: tokens, after: position) { position = Self.closingEnd(name, in: tokens, after: position) }
                    continue
                }
                if let frame { frames.append(frame) }
                ordinals.append(0)
                var inner: String?
                if depth < 20, Self.hasClosing(name, in: tokens, after: position) {
                    inner = render(tokens, from: &position, closing: name, depth: depth + 1, firstLine: firstLine)
                }
                ordinals.removeLast()
                if frame != nil { frames.removeLast() }
                // A `{{% %}}` call inside a `{{< >}}` one never joins the page's Markdown, so Hugo
                // hands it its content rendered.
                if let frame, frame.isMarkdown, frames.last.map({ !$0.isMarkdown }) == true, context.site?.has(name) == true {
                    inner = inner.map(context.blockMarkdown)
                }
                if let frame, let text = context.site?.run(frame, inner: inner) {
                    output += text
                    continue
                }
                let expansion = expand(
                    name: name, arguments: arguments, positional: positional, inner: inner,
                    line: firstLine + line)
                if !markdown, Self.placeholderBuiltIns.contains(name), let placeholders = context.placeholders {
                    var html = expansion.trimmingCharacters(in: .newlines)
                    if Self.trailingNewlineBuiltIns.contains(name) { html += "\n" }
                    output += placeholders.add(html)
                } else {
                    output += Self.continuing(expansion, after: output, atTopLevel: depth == 0)
                }
            }
        }
        return output
    }

    /// The index after the token that closes the call of `name` opened before `position`.
    private static func closingEnd(_ name: String, in tokens: [Token], after position: Int) -> Int {
        var depth = 0
        for index in position..<tokens.count {
            switch tokens[index] {
            case .open(let other, _, _, _, _) where other == name: depth += 1
            case .close(let other) where other == name:
                if depth == 0 { return index + 1 }
                depth -= 1
            default: break
            }
        }
        return tokens.count
    }

    private static func hasClosing(_ name: String, in tokens: [Token], after position: Int) -> Bool {
        var depth = 0
        for token in tokens[position...] {
            switch token {
            case .open(let other, _, _, _, _) where other == name: depth += 1
            case .close(let other) where other == name:
                if depth == 0 { return true }
                depth -= 1
            default: break
            }
        }
        return false
    }

    private mutating func expand(
        name: String, arguments: [String: String], positional: [String], inner: String?,
        line: Int
    ) -> String {
        func argument(_ key: String, _ index: Int? = nil) -> String? {
            if let value = arguments[key] { return value }
            if let index, index < positional.count { return positional[index] }
            return nil
        }
        let escape = { (text: String) in HTMLText.escape(text) }
        switch name {
        case "highlight":
            let language = positional.first ?? ""
            let options = positional.count > 1 ? " {\(positional[1])}" : ""
            let code = (inner ?? "").trimmingCharacters(in: .newlines)
            return "\n```\(language)\(options)\n\(code)\n```\n"
        case "figure":
            guard let source = argument("src", 0) else {
                warnings.append(Warning(line: line, message: "figure shortcode without src"))
                return ""
            }
            if (argument("alt") ?? argument("caption") ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                warnings.append(
                    Warning(line: line, message: "figure \(source) has no alt text; give it alt=\"…\" (or a caption) for readers who cannot see it"))
            }
            return figure(source: source, argument: { argument($0) })
        case "ref", "relref":
            let path = argument("path", 0) ?? ""
            // A reference to a numbered figure, table or equation becomes its "Figure 2" link.
            if path.hasPrefix("#fig-") || path.hasPrefix("#tbl-") || path.hasPrefix("#eq-") {
                return "[@\(path.dropFirst())]"
            }
            return LinkDestination.reference(path: path, absolute: name == "ref").marker
        case "param":
            return context.param(argument("name", 0) ?? "") ?? ""
        case "youtube" where !(argument("id", 0) ?? "").isEmpty:
            return youtube(id: argument("id", 0) ?? "", argument: { argument($0) })
        case "youtube":
            let id = argument("id", 0) ?? ""
            return externalLink("https://www.youtube.com/watch?v=\(id)", label: argument("title") ?? "Watch the video on YouTube")
        case "vimeo" where !(argument("id", 0) ?? "").isEmpty:
            return vimeo(id: argument("id", 0) ?? "", argument: { argument($0) })
        case "x", "twitter", "tweet":
            let user = argument("user") ?? "i"
            let id = argument("id", 0) ?? ""
            return externalLink("https://x.com/\(user)/status/\(id)", label: "View the post on X")
        case "instagram":
            let id = argument("id", 0) ?? ""
            return externalLink("https://www.instagram.com/p/\(id)/", label: "View the post on Instagram")
        case "gist":
            let user = argument("user", 0) ?? ""
            let id = argument("id", 1) ?? ""
            return externalLink("https://gist.github.com/\(user)/\(id)", label: "View the gist on GitHub")
        case "video":
            let source = context.resolveResource(argument("src", 0) ?? "")
            return
                "\n<video class=\"video-shortcode\" controls preload=\"metadata\" src=\"\(escape(source))\"><a href=\"\(escape(source))\">Download the video</a></video>\n"
        case "audio":
            let source = context.resolveResource(argument("src", 0) ?? "")
            let caption = argument("caption").map { "<figcaption>\(escape($0))</figcaption>" } ?? ""
            return
                "\n<figure class=\"audio\"><audio controls preload=\"metadata\" src=\"\(escape(source))\"><a href=\"\(escape(source))\">Download the audio</a></audio>\(caption)</figure>\n"
        case "inTextImg", "intextimg":
            let source = argument("url", 0) ?? ""
            let height = argument("height").map { " height=\"\(escape($0))\"" } ?? ""
            let alt = argument("alt") ?? ""
            return "<img class=\"in-text\" src=\"\(escape(context.resolveResource(source)))\" alt=\"\(escape(alt))\"\(height)>"
        case "mermaid":
            return DiagramBlocks.fence(Self.dedent(inner ?? ""))
        case "collapse", "details":
            let summary = argument("summary", 0) ?? "Details"
            let open = (argument("open") ?? "false") == "true" ? " open" : ""
            let body = (inner ?? "").trimmingCharacters(in: .newlines)
            return "<details\(open)><summary>\(context.inlineMarkdown(summary))</summary>\n\n\(Self.dedent(body))\n\n</details>\n"
        default:
            if name.hasSuffix(".inline") {
                // Hugo renders a disabled inline shortcode as nothing.
                warnings.append(
                    Warning(
                        line: line,
                        message: "inline shortcode \"\(name)\" renders nothing: inline shortcodes are off, as in Hugo; "
                            + "set enableInlineShortcodes = true in the site's config to run it"))
                return ""
            }
            warnings.append(
                Warning(
                    line: line,
                    message:
                        "unknown shortcode \"\(name)\": no layouts/shortcodes/\(name).html in the site or its theme; its inner content is shown as it is",
                    unknownName: name))
            return inner ?? ""
        }
    }

    /// Hugo's built-in `figure` (0.168): class, link (target, rel), alt from `alt` or the caption's
    /// plain text, a figcaption with the title as `<h4>` and caption plus attribution in a `<p>`.
    /// Additions of ours: `align` as a class `align-…`, lazy loading unless `loading` says otherwise.
    /// Without `alt` or `caption` the image has no alt text, as in Hugo (the caller warns).
    private func figure(source: String, argument: (String) -> String?) -> String {
        let escape = { (text: String) in HTMLText.escape(text) }
        func given(_ key: String) -> String? { argument(key).flatMap { $0.isEmpty ? nil : $0 } }
        let caption = given("caption").map { context.inlineMarkdown($0) }
        let classes = [given("class"), given("align").map { "align-\($0)" }].compactMap { $0 }
        var html = "\n<figure" + (classes.isEmpty ? "" : " class=\"\(escape(classes.joined(separator: " ")))\"") + ">"
        if let link = given("link") {
            html += "<a href=\"\(escape(link))\""
            if let target = given("target") { html += " target=\"\(escape(target))\"" }
            if let rel = given("rel") { html += " rel=\"\(escape(rel))\"" }
            html += ">"
        }
        html += "<img src=\"\(escape(context.resolveResource(source)))\""
        if let alt = given("alt") ?? caption.map({ HTMLText.plainText($0) }) { html += " alt=\"\(escape(alt))\"" }
        if let width = given("width") { html += " width=\"\(escape(width))\"" }
        if let height = given("height") { html += " height=\"\(escape(height))\"" }
        html += " loading=\"\(escape(given("loading") ?? "lazy"))\" decoding=\"async\">"
        if given("link") != nil { html += "</a>" }
        let attribution = given("attr").map { context.inlineMarkdown($0) }
        if given("title") != nil || caption != nil || attribution != nil {
            html += "<figcaption>"
            if let title = given("title") { html += "<h4>\(escape(title))</h4>" }
            if caption != nil || attribution != nil {
                html += "<p>" + (caption ?? "")
                if let link = given("attrlink") {
                    html += "\n<a href=\"\(escape(link))\">\(attribution ?? "")</a>"
                } else {
                    html += attribution ?? ""
                }
                html += "</p>"
            }
            html += "</figcaption>"
        }
        return html + "</figure>\n"
    }

    /// Go's `url.QueryEscape` for the plain values a shortcode passes (letters, digits and `-_.~` stay).
    private static func queryEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-_.~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Hugo's built-in `youtube` (0.168): a responsive iframe with Hugo's player parameters.
    private func youtube(id: String, argument: (String) -> String?) -> String {
        guard !context.youtubeDisabled else { return "" }
        let escape = { (text: String) in HTMLText.escape(text) }
        func flag(_ key: String, _ fallback: Bool) -> Bool {
            switch argument(key)?.lowercased() {
            case "true", "1": true
            case "false", "0": false
            default: fallback
            }
        }
        func given(_ key: String) -> String? { argument(key).flatMap { $0.isEmpty ? nil : $0 } }
        let autoplay = flag("autoplay", false)
        let loop = flag("loop", false)
        var parameters: [(String, String)] = [
            ("autoplay", autoplay ? "1" : "0"), ("controls", flag("controls", true) ? "1" : "0"),
            ("end", given("end") ?? "0"), ("loop", loop ? "1" : "0"),
            ("mute", autoplay || flag("mute", false) ? "1" : "0"), ("start", given("start") ?? "0"),
        ]
        if loop { parameters.append(("playlist", id)) }
        parameters.sort { $0.0 < $1.0 }
        let host = context.youtubePrivacyEnhanced ? "www.youtube-nocookie.com" : "www.youtube.com"
        let query = parameters.map { "\($0.0)=\(Self.queryEscape($0.1))" }.joined(separator: "&")
        let src = "https://\(host)/embed/\(Self.queryEscape(id))?\(query)"
        var allow = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"
        if flag("allowFullScreen", true) { allow += "; fullscreen" }
        let cssClass = given("class")
        var html = "\n<div"
        html += cssClass.map { " class=\"\(escape($0))\"" } ?? " style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\""
        html +=
            "><iframe allow=\"\(allow)\" loading=\"\(escape(given("loading") ?? "eager"))\" referrerpolicy=\"strict-origin-when-cross-origin\" src=\"\(escape(src))\""
        if cssClass == nil { html += " style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\"" }
        html += " title=\"\(escape(given("title") ?? "YouTube video"))\"></iframe></div>\n"
        return html
    }

    /// Hugo's built-in `vimeo` (0.168, not in its "simple" mode): the player in a responsive box,
    /// or in the `class` given; `loading`, `title` and `allowFullScreen` as Hugo passes them on.
    private func vimeo(id: String, argument: (String) -> String?) -> String {
        let escape = { (text: String) in HTMLText.escape(text) }
        func given(_ key: String) -> String? { argument(key).flatMap { $0.isEmpty ? nil : $0 } }
        let src = "https://player.vimeo.com/video/\(Self.queryEscape(id))?dnt=\(context.vimeoDoNotTrack ? 1 : 0)"
        var html = "\n<div"
        if let cssClass = given("class") {
            html += " class=\"\(escape(cssClass))\"><iframe src=\"\(escape(src))\""
        } else {
            html += " style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\"><iframe src=\"\(escape(src))\""
            html += " style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\""
        }
        if !["false", "0"].contains(argument("allowFullScreen")?.lowercased() ?? "true") { html += " allow=\"fullscreen\"" }
        if let loading = given("loading") { html += " loading=\"\(escape(loading))\"" }
        if let title = given("title") { html += " title=\"\(escape(title))\"" }
        return html + "></iframe></div>\n"
    }

    private func externalLink(_ url: String, label: String) -> String {
        "\n<p class=\"embed\"><a href=\"\(HTMLText.escape(url))\" rel=\"noopener\">\(HTMLText.escape(label))</a></p>\n"
    }

    /// A built-in's Markdown output of several lines, opened after container markers on its line
    /// (`   > {{< collapse >}}` in a list item, as PaperMod's own guide writes it): every further line
    /// gets the same markers, list markers as spaces, so the whole output stays inside the quote and
    /// the list item instead of ending them (which restarted the list and unbalanced the HTML).
    static func continuing(_ expansion: String, after output: String, atTopLevel: Bool) -> String {
        guard expansion.contains("\n") else { return expansion }
        let lineStart = output.lastIndex(of: "\n").map { output.index(after: $0) } ?? (atTopLevel ? output.startIndex : nil)
        guard let lineStart, lineStart < output.endIndex, let prefix = containerPrefix(output[lineStart...]) else { return expansion }
        let blank = String(prefix.dropping(trailing: " "))
        var lines = expansion.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices.dropFirst() where index < lines.count - 1 || !lines[index].isEmpty {
            lines[index] = Substring((lines[index].allSatisfy(\.isWhitespace) ? blank : prefix) + lines[index])
        }
        return lines.joined(separator: "\n")
    }

    /// The continuation of a line start made only of indentation, `>` and list markers (`-`, `*`,
    /// `+`, `1.`, `1)`): the same with each list marker as spaces; nil for any other text.
    private static func containerPrefix(_ text: Substring) -> String? {
        var result = ""
        var rest = text[...]
        while let first = rest.first {
            if first == " " || first == ">" {
                result.append(first)
                rest = rest.dropFirst()
            } else if "-*+".contains(first), rest.dropFirst().first == " " {
                result += "  "
                rest = rest.dropFirst(2)
            } else if first.isASCII, first.isNumber {
                let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
                let after = rest.dropFirst(digits.count)
                guard digits.count <= 9, let marker = after.first, marker == "." || marker == ")", after.dropFirst().first == " " else { return nil }
                result += String(repeating: " ", count: digits.count + 2)
                rest = after.dropFirst(2)
            } else {
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }

    /// Removes the indentation common to all non-blank lines (shortcode bodies inside list items).
    private static func dedent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indents = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix(while: { $0 == " " }).count }
        let common = indents.min() ?? 0
        guard common > 0 else { return text }
        return lines.map { $0.count >= common ? String($0.dropFirst(common)) : String($0) }.joined(separator: "\n")
    }
}
