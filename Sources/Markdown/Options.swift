/// Which Markdown dialect and extensions the parser and renderer use.
public struct MarkdownOptions: Sendable, Hashable {
    /// GFM pipe tables.
    public var tables: Bool
    /// GFM `~~strikethrough~~`.
    public var strikethrough: Bool
    /// GFM extended autolinks (`www.`, `https://`, e-mail addresses without `<…>`).
    public var autolinks: Bool
    /// GFM task list items (`- [x] done`).
    public var taskLists: Bool
    /// GFM tag filter: escapes `<script>`, `<iframe>` and similar tags in raw HTML.
    public var tagFilter: Bool
    /// GFM footnotes (`[^label]` and `[^label]: text`).
    public var footnotes: Bool
    /// Typographic quotes, dashes and ellipses.
    public var smartPunctuation: Bool
    /// goldmark's typographer as Hugo runs it (`---`, `--`, `...`, `<<`, `>>`, quotes and apostrophes
    /// decided one by one); takes precedence over `smartPunctuation`.
    public var typographer: Bool = false
    /// Whether math in a heading counts towards its id; Hugo's passthrough math does not (`## Full $r$-torsion` → `full--torsion`).
    public var mathInHeadingIDs: Bool = true
    /// `:name:` emoji shortcodes (Hugo's `enableEmoji`, GitHub's table).
    public var emoji: Bool = false
    /// Footnotes marked up as goldmark writes them (`fnref:1`, `fn:1`, `div.footnotes`, one back-link
    /// per reference) instead of the GFM-style `fnref1`/`section.footnotes`.
    public var goldmarkFootnotes: Bool = false
    /// The HTML of each footnote back-link in goldmark style (Hugo's `backlinkHTML`).
    public var footnoteBacklinkHTML: String = "&#x21a9;&#xfe0e;"
    /// goldmark's definition lists (on in Hugo): `Term` lines followed by `: definition`.
    public var definitionLists: Bool = false
    /// Bare links found as goldmark's linkify finds them (Hugo) instead of by the GFM rules: only at a
    /// line start or after a space, `*`, `_`, `~` or `(`; URLs of ASCII bytes only.
    public var goldmarkLinkify: Bool = false
    /// Tables continue as goldmark continues them (its tables are read from a paragraph's lines): a
    /// line that cannot interrupt a paragraph (inline HTML such as `<br>`, an indented line, a list
    /// item not starting at 1) is one more row, as in Hugo, rather than a new block as in cmark-gfm.
    public var goldmarkTables: Bool = false
    /// A backslash at a line's end breaks the line only when the byte before it is not a backslash, as
    /// goldmark decides (Hugo): `a \\\` then a new line is `a \\` and a soft break, where CommonMark
    /// reads an escaped backslash and a hard break.
    public var goldmarkBackslashBreaks: Bool = false
    /// goldmark's block attributes (Hugo's `markup.goldmark.parser.attribute.block`): a line holding
    /// only `{#id .class key=value}` right after a paragraph, table, list, quote or heading gives it
    /// those attributes; the line itself never shows.
    public var blockAttributes: Bool = false
    /// goldmark's heading attribute lists, with `headingIDs`: `## Title {id="t" .wide}` gives the heading
    /// those attributes (Hugo's `markup.goldmark.parser.attribute.title`, on by default).
    public var headingAttributes: Bool = true
    /// With `goldmarkLinkify`, `www.` links get `https://` (Hugo's `linkifyProtocol` default) rather than `http://`.
    public var linkifyHTTPS: Bool = false
    /// Table cells carry their column's alignment as `style="text-align:…"` (goldmark's HTML5 output,
    /// valid HTML) instead of the GFM specification's obsolete `align` attribute.
    public var tableAlignmentStyle: Bool = false
    /// `true` passes raw HTML through (the CommonMark default); `false` leaves it out, writing
    /// `<!-- raw HTML omitted -->` in its place (goldmark's safe mode, Hugo's default); a lone comment is kept.
    public var rawHTML: Bool
    /// GitHub-style `id` attributes on headings; an explicit `{#id}` after a heading wins.
    public var headingIDs: Bool
    /// `$…$`, `\(…\)`, `$$…$$` and `\[…\]` math with the TeX kept verbatim.
    public var math: Bool
    /// Which of the four delimiters `math` keeps verbatim (goldmark's passthrough); the others stay
    /// Markdown text, where `mathTextScan` may find them after Markdown ran.
    public var verbatimMath: MathDelimiters = .all
    /// Finds math in the rendered HTML's text as a browser renderer (KaTeX auto-render) would: after
    /// Markdown ran (`\_` is `_` by then), in text runs outside `code`, `pre`, `script`, `style`,
    /// including raw HTML. Math goes through ``RenderHooks/math`` like parsed math.
    public var mathTextScan: Bool = false
    /// GitHub alerts: `> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`.
    public var alerts: Bool
    /// Hugo-style attributes after a fence's language: ```` ```go {linenos=true} ````.
    public var fenceAttributes: Bool
    /// `{#id}` right after an image, or alone on the line after an image that ends its paragraph, gives the
    /// image an `id` (for numbered figures: `![Loss](loss.png "Training loss"){#fig-loss}`).
    public var imageIDs: Bool

    /// Creates options with every extension off (strict CommonMark) unless stated.
    public init(
        tables: Bool = false, strikethrough: Bool = false, autolinks: Bool = false,
        taskLists: Bool = false, tagFilter: Bool = false, footnotes: Bool = false,
        smartPunctuation: Bool = false, rawHTML: Bool = true, headingIDs: Bool = false,
        math: Bool = false, alerts: Bool = false, fenceAttributes: Bool = false, imageIDs: Bool = false
    ) {
        self.tables = tables
        self.strikethrough = strikethrough
        self.autolinks = autolinks
        self.taskLists = taskLists
        self.tagFilter = tagFilter
        self.footnotes = footnotes
        self.smartPunctuation = smartPunctuation
        self.rawHTML = rawHTML
        self.headingIDs = headingIDs
        self.math = math
        self.alerts = alerts
        self.fenceAttributes = fenceAttributes
        self.imageIDs = imageIDs
    }

    /// Strict CommonMark 0.31.2: no extensions.
    public static let commonMark = MarkdownOptions()

    /// GitHub Flavored Markdown as cmark-gfm renders it with every GFM extension.
    public static let gfm = MarkdownOptions(
        tables: true, strikethrough: true, autolinks: true, taskLists: true,
        tagFilter: true, footnotes: true)

    /// GFM plus footnotes and this project's extensions: heading and image ids, math, alerts, fence attributes.
    public static let site: MarkdownOptions = {
        var options = MarkdownOptions(
            tables: true, strikethrough: true, autolinks: true, taskLists: true,
            tagFilter: false, footnotes: true, headingIDs: true, math: true, alerts: true,
            fenceAttributes: true, imageIDs: true)
        options.tableAlignmentStyle = true
        return options
    }()
}

/// The math delimiter pairs: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`.
public struct MathDelimiters: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `$…$` inline.
    public static let dollar = MathDelimiters(rawValue: 1)
    /// `$$…$$` display.
    public static let doubleDollar = MathDelimiters(rawValue: 2)
    /// `\(…\)` inline.
    public static let parentheses = MathDelimiters(rawValue: 4)
    /// `\[…\]` display.
    public static let brackets = MathDelimiters(rawValue: 8)
    /// All four.
    public static let all: MathDelimiters = [.dollar, .doubleDollar, .parentheses, .brackets]
}
