/// A fenced or indented code block handed to ``RenderHooks/codeBlock``.
public struct CodeBlockInfo: Sendable {
    /// The first word of the info string, if any.
    public var language: String?
    /// The whole info string.
    public var info: String
    /// Hugo-style attributes after the language (`{linenos=true, hl_lines=[2,"4-6"]}`), values as written
    /// without quotes.
    public var attributes: [String: String]
    /// The code, ending with a newline unless empty.
    public var code: String
    /// Where the block starts.
    public var position: SourcePosition
    /// A fenced block (``` or ~~~) rather than an indented one, which Hugo's render hooks never see.
    public var isFenced: Bool
}

/// A math span or block handed to ``RenderHooks/math``.
public struct MathInfo: Sendable {
    /// The TeX source, verbatim.
    public var tex: String
    /// Display (`$$…$$`, `\[…\]`) rather than inline math.
    public var isDisplay: Bool
    /// Where the math starts.
    public var position: SourcePosition
}

/// An image handed to ``RenderHooks/image``.
public struct ImageInfo: Sendable {
    /// The image URL as written (escapes and entities resolved).
    public var destination: String
    /// The title, if any.
    public var title: String?
    /// The alternative text (plain text of the description).
    public var alt: String
    /// The `{#id}` written after the image (site mode), if any.
    public var id: String?
    /// Where the image starts.
    public var position: SourcePosition
}

/// A link handed to ``RenderHooks/link``.
public struct LinkInfo: Sendable {
    /// The link URL as written (escapes and entities resolved).
    public var destination: String
    /// The title, if any.
    public var title: String?
    /// The rendered HTML of the link text.
    public var contentHTML: String
    /// Where the link starts.
    public var position: SourcePosition
}

/// A heading handed to ``RenderHooks/heading``.
public struct HeadingRenderInfo: Sendable {
    /// 1 to 6.
    public var level: Int
    /// The heading's `id` (site mode), if any.
    public var id: String?
    /// The rendered HTML of the heading's content.
    public var contentHTML: String
    /// The plain text of the heading.
    public var text: String
    /// Where the heading starts.
    public var position: SourcePosition
    /// Its other attributes, from an attribute list (`## Title {.wide}`), as escaped HTML
    /// (` class="wide"`); empty without.
    public var attributesHTML: String = ""
}

/// A block quote or GitHub alert handed to ``RenderHooks/blockQuote``.
public struct BlockQuoteInfo: Sendable {
    /// The alert's kind, or nil for a plain block quote.
    public var alert: AlertKind?
    /// The rendered HTML of the quote's content (an alert's without its `[!NOTE]` line).
    public var contentHTML: String
    /// An alert's own title, written after its marker (`> [!TIP] Read this first`); empty without.
    public var title: String = ""
    /// An alert's fold sign, `+` or `-` right after its marker (`> [!NOTE]-`); empty without.
    public var sign: String = ""
    /// Where the quote starts.
    public var position: SourcePosition
}

/// Caller-supplied renderers. Each hook returns the HTML to use, or nil to fall back to the
/// default rendering.
public struct RenderHooks {
    /// Creates hooks that all fall back to the default rendering.
    public init() {}

    /// Renders a code block.
    public var codeBlock: ((CodeBlockInfo) -> String?)?
    /// Renders inline or display math.
    public var math: ((MathInfo) -> String?)?
    /// Renders an image.
    public var image: ((ImageInfo) -> String?)?
    /// Renders a link.
    public var link: ((LinkInfo) -> String?)?
    /// Renders a heading.
    public var heading: ((HeadingRenderInfo) -> String?)?
    /// Renders a block quote or an alert.
    public var blockQuote: ((BlockQuoteInfo) -> String?)?
}
