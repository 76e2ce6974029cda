import Foundation

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
    }

    /// Prefix of link destinations that `ref`/`relref` produce; the link hook resolves them.
    static let referencePrefix = "collective-ref:"

    let context: Context
    private(set) var warnings: [(line: Int, message: String)] = []

    init(context: Context) { self.context = context }

    /// Expands every shortcode in `text`. `firstLine` is the file line where `text` starts.
    mutating func expand(_ text: String, firstLine: Int) -> String {
        guard text.contains(bytes: "{{<") || text.contains(bytes: "{{%") else { return text }
        let tokens = Self.tokenize(text)
        var position = 0
        return render(tokens, from: &position, closing: nil, depth: 0, firstLine: firstLine)
    }

    // MARK: Tokens

    fileprivate enum Token {
        case text(Substring)
        case open(name: String, arguments: [String: String], positional: [String], line: Int, markdown: Bool)
        case close(name: String)
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var rest = text[...]
        var line = 0
        while let start = rest.firstRange(ofBytes: "{{") {
            let afterBraces = rest[start.upperBound...]
            guard let marker = afterBraces.first, marker == "<" || marker == "%" else {
                tokens.append(.text(rest[..<start.upperBound]))
                line += rest[..<start.upperBound].filter { $0 == "\n" }.count
                rest = afterBraces
                continue
            }
            let closer = marker == "<" ? ">}}" : "%}}"
            guard let end = afterBraces.firstRange(ofBytes: closer) else { break }
            let before = rest[..<start.lowerBound]
            tokens.append(.text(before))
            line += before.filter { $0 == "\n" }.count
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
                for word in words.dropFirst() {
                    if let eq = word.firstIndex(of: "="), !word.hasPrefix("\"") {
                        named[String(word[..<eq])] = unquote(String(word[word.index(after: eq)...]))
                    } else {
                        positional.append(unquote(word))
                    }
                }
                tokens.append(.open(name: words.first ?? "", arguments: named, positional: positional,
                                    line: line, markdown: marker == "%"))
            }
            line += rest[start.lowerBound..<end.upperBound].filter { $0 == "\n" }.count
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
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "`", text.last == first else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
    }

    // MARK: Rendering

    private mutating func render(_ tokens: [Token], from position: inout Int, closing: String?, depth: Int,
                                 firstLine: Int) -> String {
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
            case .open(let name, let arguments, let positional, let line, _):
                var inner: String?
                if depth < 20, Self.hasClosing(name, in: tokens, after: position) {
                    inner = render(tokens, from: &position, closing: name, depth: depth + 1, firstLine: firstLine)
                }
                output += expand(name: name, arguments: arguments, positional: positional, inner: inner,
                                 line: firstLine + line)
            }
        }
        return output
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

    private mutating func expand(name: String, arguments: [String: String], positional: [String], inner: String?,
                                 line: Int) -> String {
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
                warnings.append((line, "figure shortcode without src"))
                return ""
            }
            let alt = argument("alt") ?? argument("title") ?? argument("caption") ?? ""
            var image = "<img src=\"\(escape(context.resolveResource(source)))\" alt=\"\(escape(alt))\" loading=\"lazy\" decoding=\"async\""
            if let width = argument("width") { image += " width=\"\(escape(width))\"" }
            if let height = argument("height") { image += " height=\"\(escape(height))\"" }
            image += ">"
            if let link = argument("link") { image = "<a href=\"\(escape(link))\">\(image)</a>" }
            var caption = ""
            let title = argument("title").map { "<h4>\(escape($0))</h4>" } ?? ""
            if let text = argument("caption") ?? (title.isEmpty ? nil : "") {
                caption = "<figcaption>\(title)\(context.inlineMarkdown(text))</figcaption>"
            }
            let align = argument("align").map { " class=\"align-\(escape($0))\"" } ?? ""
            return "\n<figure\(align)>\(image)\(caption)</figure>\n"
        case "ref", "relref":
            let path = argument("path", 0) ?? ""
            // A reference to a numbered figure, table or equation becomes its "Figure 2" link.
            if path.hasPrefix("#fig-") || path.hasPrefix("#tbl-") || path.hasPrefix("#eq-") {
                return "[@\(path.dropFirst())]"
            }
            return Self.referencePrefix + path
        case "param":
            return context.param(argument("name", 0) ?? "") ?? ""
        case "youtube":
            let id = argument("id", 0) ?? ""
            return externalLink("https://www.youtube.com/watch?v=\(id)", label: argument("title") ?? "Watch the video on YouTube")
        case "vimeo":
            let id = argument("id", 0) ?? ""
            return externalLink("https://vimeo.com/\(id)", label: argument("title") ?? "Watch the video on Vimeo")
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
            return "\n<video class=\"video-shortcode\" controls preload=\"metadata\" src=\"\(escape(source))\"><a href=\"\(escape(source))\">Download the video</a></video>\n"
        case "audio":
            let source = context.resolveResource(argument("src", 0) ?? "")
            let caption = argument("caption").map { "<figcaption>\(escape($0))</figcaption>" } ?? ""
            return "\n<figure class=\"audio\"><audio controls preload=\"metadata\" src=\"\(escape(source))\"><a href=\"\(escape(source))\">Download the audio</a></audio>\(caption)</figure>\n"
        case "inTextImg", "intextimg":
            let source = argument("url", 0) ?? ""
            let height = argument("height").map { " height=\"\(escape($0))\"" } ?? ""
            let alt = argument("alt") ?? ""
            return "<img class=\"in-text\" src=\"\(escape(context.resolveResource(source)))\" alt=\"\(escape(alt))\"\(height)>"
        case "collapse", "details":
            let summary = argument("summary", 0) ?? "Details"
            let open = (argument("open") ?? "false") == "true" ? " open" : ""
            let body = (inner ?? "").trimmingCharacters(in: .newlines)
            return "<details\(open)><summary>\(context.inlineMarkdown(summary))</summary>\n\n\(Self.dedent(body))\n\n</details>\n"
        default:
            if name.hasSuffix(".inline") { return Self.inlineShortcode(inner ?? "") }
            warnings.append((line, "unknown shortcode \"\(name)\"; it was left out (add layouts/shortcodes/\(name).mustache or remove it)"))
            return ""
        }
    }

    private func externalLink(_ url: String, label: String) -> String {
        "\n<p class=\"embed\"><a href=\"\(HTMLText.escape(url))\" rel=\"noopener\">\(HTMLText.escape(label))</a></p>\n"
    }

    /// Inline shortcodes hold Go templates, which we do not run: template actions are removed, and
    /// so are scripts and style sheets from other hosts (math and highlighting need none here).
    private static func inlineShortcode(_ body: String) -> String {
        var lines: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}") { continue }
            if trimmed.hasPrefix("<script"), trimmed.contains("://") { continue }
            if trimmed.hasPrefix("<link"), trimmed.contains("://") { continue }
            lines.append(String(line))
        }
        return lines.joined(separator: "\n")
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
