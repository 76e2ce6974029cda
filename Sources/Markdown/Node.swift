/// An index of a node in a ``Document``'s arena.
public struct NodeID: Hashable, Comparable, Sendable {
    let raw: Int32

    init(_ raw: Int32) { self.raw = raw }

    /// The node's position in the arena (nodes are numbered from 0).
    public var index: Int { Int(raw) }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.raw < rhs.raw }
}

/// A line and column in the Markdown source, both counted from 1 (columns in bytes).
public struct SourcePosition: Sendable, Hashable {
    /// The line, from 1.
    public var line: Int
    /// The byte column, from 1.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// What a node is.
public enum NodeKind: UInt8, Sendable {
    /// The root.
    case document
    /// `> quote`.
    case blockQuote
    /// A bullet or ordered list; its children are items.
    case list
    /// A list item (possibly a task: see ``Document/taskState(of:)``).
    case item
    /// A fenced or indented code block.
    case codeBlock
    /// Raw HTML as a block.
    case htmlBlock
    /// A paragraph.
    case paragraph
    /// An ATX or setext heading.
    case heading
    /// `---`.
    case thematicBreak
    /// A GFM table; its children are rows, the first of them the header.
    case table
    /// A table row; its children are cells.
    case tableRow
    /// A table cell (see ``Document/alignment(of:)``).
    case tableCell
    /// `[^label]: …`, rendered in the footnotes section when referenced.
    case footnoteDefinition
    /// A GitHub alert (`> [!NOTE]`), see ``Document/alertKind(of:)``.
    case alert
    /// Display math as a block (`$$` or `\[` on its own line).
    case mathBlock
    /// goldmark's definition list (`<dl>`); its children are terms and descriptions.
    case definitionList
    /// A definition list's term (`<dt>`), one line of inline text.
    case definitionTerm
    /// A definition list's description (`<dd>`, a container opened by `: `); `value` is its content
    /// indent, ``NodeFlags/tight`` when no blank line came before it.
    case definitionDescription
    /// Literal text.
    case text
    /// A line ending inside a paragraph.
    case softBreak
    /// A hard line break (two spaces or a backslash before the line ending).
    case lineBreak
    /// A code span.
    case code
    /// Raw inline HTML.
    case inlineHTML
    /// `*emphasis*`.
    case emphasis
    /// `**strong emphasis**`.
    case strong
    /// `~~strikethrough~~`.
    case strikethrough
    /// A link (inline, reference or autolink).
    case link
    /// An image; its children are the description.
    case image
    /// `[^label]` naming a defined footnote.
    case footnoteReference
    /// Inline math (`$…$`, `\(…\)`), or display math inside a paragraph (`$$…$$`, `\[…\]`).
    case math

    /// Whether the node is a block (as opposed to an inline).
    public var isBlock: Bool { rawValue <= NodeKind.definitionDescription.rawValue }
}

/// The kind of a GitHub alert (`> [!NOTE]`).
public enum AlertKind: Int32, Sendable, CaseIterable {
    /// `[!NOTE]`.
    case note
    /// `[!TIP]`.
    case tip
    /// `[!IMPORTANT]`.
    case important
    /// `[!WARNING]`.
    case warning
    /// `[!CAUTION]`.
    case caution

    /// The marker word as written, e.g. `NOTE`.
    public var marker: String {
        switch self {
        case .note: "NOTE"
        case .tip: "TIP"
        case .important: "IMPORTANT"
        case .warning: "WARNING"
        case .caution: "CAUTION"
        }
    }

    /// The title shown above the alert, e.g. `Note`.
    public var title: String {
        let m = marker
        return m.prefix(1) + m.dropFirst().lowercased()
    }
}

/// The alignment of a table column.
public enum TableAlignment: Int32, Sendable {
    /// No colon in the delimiter row.
    case none
    /// `:---`.
    case left
    /// `:---:`.
    case center
    /// `---:`.
    case right
}

/// A range of bytes in a document's text storage.
struct TextSpan {
    var start: Int32
    var count: Int32

    static let empty = TextSpan(start: 0, count: 0)

    var end: Int { Int(start) + Int(count) }
}

/// Bits of ``Node/flags``.
struct NodeFlags {
    static let open: UInt16 = 1
    static let lastLineBlank: UInt16 = 2
    static let tight: UInt16 = 4
    static let ordered: UInt16 = 8
    static let setext: UInt16 = 16
    static let task: UInt16 = 32
    static let checked: UInt16 = 64
    static let header: UInt16 = 128
    static let display: UInt16 = 256
    static let fenced: UInt16 = 512
    static let autolink: UInt16 = 1024
    /// An autolink written `<https://…>` (not found by linkify).
    static let angleAutolink: UInt16 = 2048
    /// Text with no byte that HTML escaping replaces (seen as the inline pass scanned it).
    static let plainText: UInt16 = 4096
}

/// One node of the arena. Its meaning of `value`, `extra`, `text` and `text2` depends on `kind`:
/// - heading: `value` level, `text2` id; list: `value` start, `extra` bullet or delimiter byte;
/// - item: `value` marker offset, `extra` padding; code block: `value` fence length,
///   `extra` fence byte | offset << 8, `text` code, `text2` info string;
/// - html block: `value` HTML block type, `text` HTML; link/image: `text` destination, `text2` title;
/// - image: `value` and `extra` the storage start and length of its `{#id}` (site mode; length 0 without);
/// - table: `value` column count; table cell: `value` alignment; alert: `value` ``AlertKind``;
/// - footnote definition/reference: `text` label, `value` number, `extra` reference index;
/// - text, code, inline HTML, math: `text` content.
struct Node {
    var kind: NodeKind
    var flags: UInt16 = 0
    var parent: Int32 = -1
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var next: Int32 = -1
    var previous: Int32 = -1
    var line: Int32
    var column: Int32
    var value: Int32 = 0
    var extra: Int32 = 0
    var text = TextSpan.empty
    var text2 = TextSpan.empty

    init(kind: NodeKind, line: Int32, column: Int32) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    func has(_ flag: UInt16) -> Bool { flags & flag != 0 }

    /// An image's `{#id}` in the text storage (empty when it has none).
    var imageID: TextSpan {
        get { kind == .image ? TextSpan(start: value, count: extra) : .empty }
        set {
            value = newValue.start
            extra = newValue.count
        }
    }
}
