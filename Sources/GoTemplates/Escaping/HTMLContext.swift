/// Where html/template is in the HTML a template writes: in text, inside a tag, inside an
/// attribute value of some kind, inside a script or style, inside a comment. The text of a
/// template moves the context; an action is escaped for the context it sits in.
struct HTMLContext: Hashable, Sendable, CustomStringConvertible {
    enum State: String, Sendable {
        case text, tag, attributeName, afterName, beforeValue
        /// Inside an attribute value whose kind is `attribute`.
        case attributeValue
        case rcdata, htmlComment
        case url, srcset
        case js, jsDoubleQuoted, jsSingleQuoted, jsTemplate, jsRegexp, jsLineComment, jsBlockComment
        case css, cssDoubleQuoted, cssSingleQuoted, cssDoubleQuotedURL, cssSingleQuotedURL, cssURL, cssBlockComment, cssLineComment

        var isAttribute: Bool { self == .attributeValue }
        var isComment: Bool {
            [.htmlComment, .jsLineComment, .jsBlockComment, .cssBlockComment, .cssLineComment].contains(self)
        }
    }

    enum Delimiter: String, Sendable { case none, doubleQuote, singleQuote, spaceOrTagEnd }
    enum URLPart: String, Sendable { case none, preQuery, queryOrFragment, unknown }
    enum JSContext: String, Sendable { case regexp, divideOperator, unknown }
    enum Element: String, Sendable { case none, script, style, textarea, title }
    enum AttributeKind: String, Sendable { case plain, script, scriptType, style, url, srcset }

    var state: State = .text
    var delimiter: Delimiter = .none
    var urlPart: URLPart = .none
    var jsContext: JSContext = .regexp
    var attribute: AttributeKind = .plain
    var element: Element = .none
    /// A `<script type=…>` that is not JavaScript: its body is plain text.
    var nonScriptType = false

    var description: String {
        "{\(state) \(delimiter) \(urlPart) \(jsContext) \(attribute) \(element)}"
    }

    /// A short key naming the context, for the names of escaped template variants.
    var key: String {
        "\(state.rawValue).\(delimiter.rawValue).\(urlPart.rawValue).\(jsContext.rawValue).\(attribute.rawValue).\(element.rawValue)"
    }

    // MARK: attributes

    /// What an attribute's value holds, from its name.
    static func attributeKind(_ rawName: String) -> AttributeKind {
        var name = Substring(rawName.lowercased())
        if name.hasPrefix("data-") { name = name.dropFirst(5) }
        if let colon = name.firstIndex(of: ":") {
            if name[..<colon] == "xmlns" { return .url }
            name = name[name.index(after: colon)...]
        }
        if name.hasPrefix("on") { return .script }
        switch name {
        case "style": return .style
        case "srcset": return .srcset
        case "action", "archive", "background", "cite", "classid", "codebase", "data", "formaction", "href", "icon",
            "longdesc", "manifest", "poster", "profile", "src", "usemap", "xmlns":
            return .url
        default:
            if name.contains("src") || name.contains("uri") || name.contains("url") { return .url }
            return .plain
        }
    }

    /// The state inside a value of this attribute kind.
    func enteringValue() -> HTMLContext {
        var context = self
        switch attribute {
        case .script:
            context.state = .js
            context.jsContext = .regexp
        case .style: context.state = .css
        case .url:
            context.state = .url
            context.urlPart = .none
        case .srcset: context.state = .srcset
        case .plain, .scriptType: context.state = .attributeValue
        }
        return context
    }

    /// The state after a start tag's `>`.
    func afterTag() -> HTMLContext {
        var context = HTMLContext()
        switch element {
        case .script where !nonScriptType:
            context.state = .js
            context.element = .script
        case .style:
            context.state = .css
            context.element = .style
        case .textarea, .title:
            context.state = .rcdata
            context.element = element
        default: break
        }
        return context
    }

    static let javaScriptTypes: Set<String> = [
        "application/ecmascript", "application/javascript", "application/json", "application/ld+json",
        "application/x-ecmascript", "application/x-javascript", "module", "text/ecmascript", "text/javascript",
        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
        "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript", "",
    ]
}
