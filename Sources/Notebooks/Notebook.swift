/// A Jupyter notebook (nbformat 4.x), read into typed cells.
public struct Notebook: Sendable, Equatable {
    /// The language of its code cells (`python`, `julia`, `r`), from the kernel or language info.
    public var language: String?
    /// The notebook's `metadata` object.
    public var metadata: NotebookJSON
    public var cells: [NotebookCell]
    /// nbformat's major and minor version.
    public var format: (major: Int, minor: Int)

    public init(language: String?, metadata: NotebookJSON, cells: [NotebookCell], format: (major: Int, minor: Int)) {
        self.language = language
        self.metadata = metadata
        self.cells = cells
        self.format = format
    }

    public static func == (a: Notebook, b: Notebook) -> Bool {
        a.language == b.language && a.metadata == b.metadata && a.cells == b.cells && a.format == b.format
    }
}

/// One cell of a notebook.
public struct NotebookCell: Sendable, Equatable {
    public enum Kind: String, Sendable { case markdown, code, raw }

    public var kind: Kind
    public var source: String
    /// Jupyter Book's display tags found in the cell's `metadata.tags`.
    public var tags: Set<CellTag>
    public var outputs: [CellOutput]
    /// A Markdown cell's attached files (`attachment:name.png`): name → MIME bundle.
    public var attachments: [String: MIMEBundle]

    public init(
        kind: Kind, source: String, tags: Set<CellTag> = [], outputs: [CellOutput] = [],
        attachments: [String: MIMEBundle] = [:]
    ) {
        self.kind = kind
        self.source = source
        self.tags = tags
        self.outputs = outputs
        self.attachments = attachments
    }
}

/// The cell tags that change what a reader sees, as Jupyter Book names them.
public enum CellTag: String, Sendable, CaseIterable {
    /// The cell is not shown at all.
    case removeCell = "remove-cell"
    /// The code is not shown; its outputs are.
    case removeInput = "remove-input"
    /// The code is shown; its outputs are not.
    case removeOutput = "remove-output"
    /// The code is folded away in a `<details>` element; its outputs are shown.
    case hideInput = "hide-input"
}

/// One output of a code cell.
public enum CellOutput: Sendable, Equatable {
    /// Text written to `stdout` or `stderr`.
    case stream(name: String, text: String)
    /// An exception: its name, its message and the traceback lines (with ANSI colour codes).
    case error(name: String, value: String, traceback: [String])
    /// A rich value: `display_data`, or `execute_result` with its execution count.
    case data(MIMEBundle, executionCount: Int?)
}

/// A rich output's representations, by MIME type, in the notebook's order.
public struct MIMEBundle: Sendable, Equatable {
    public var entries: [(mime: String, value: NotebookJSON)]

    public init(_ entries: [(mime: String, value: NotebookJSON)]) { self.entries = entries }

    /// The representation of `mime`.
    public subscript(mime: String) -> NotebookJSON? { entries.first { $0.mime == mime }?.value }

    /// The text of a representation (lists of lines joined, as nbformat allows).
    public func text(_ mime: String) -> String? { self[mime]?.joinedText }

    public static func == (a: MIMEBundle, b: MIMEBundle) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.mime == $1.mime && $0.value == $1.value }
    }
}

/// A JSON value of a notebook.
public indirect enum NotebookJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([NotebookJSON])
    /// Members in the file's order.
    case object([(key: String, value: NotebookJSON)])

    public subscript(key: String) -> NotebookJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var string: String? { if case .string(let text) = self { text } else { nil } }

    /// A string, or nbformat's multi-line string (a list of lines), joined.
    public var joinedText: String? {
        switch self {
        case .string(let text): text
        case .array(let items): items.compactMap(\.string).joined()
        default: nil
        }
    }

    public static func == (a: NotebookJSON, b: NotebookJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}
