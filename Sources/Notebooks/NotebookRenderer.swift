import TextUtilities

/// An image a notebook output holds, for the site to write as a file.
public struct NotebookImage: Sendable {
    /// `image/png`, `image/jpeg`, `image/gif` or `image/svg+xml`.
    public var mime: String
    /// The file extension for the MIME type (`png`).
    public var fileExtension: String
    /// Base64 text for bitmaps, the markup itself for SVG.
    public var payload: String
    /// 1-based numbers of the cell among the notebook's cells and of the output within it.
    public var cell: Int
    public var output: Int
    /// The output's `text/plain` form, a description for readers who cannot see the image.
    public var alt: String
}

/// Turns a notebook's code cells and their outputs into HTML fragments. The renderer knows
/// nothing of a site: Markdown, highlighting, TeX and where images go come in as hooks.
public struct NotebookRenderer {
    /// What the renderer asks of its host.
    public struct Hooks {
        /// Highlighted HTML of code in a language (nil: plain).
        public var highlight: (_ code: String, _ language: String?) -> String
        /// Markdown (a `text/markdown` output) as block HTML.
        public var markdown: (_ markdown: String) -> String
        /// TeX (a `text/latex` output, with its `$`/`$$` delimiters) as HTML.
        public var latex: (_ tex: String) -> String
        /// The URL of an image once the host has stored it; nil when it could not be stored.
        public var image: (_ image: NotebookImage) -> String?

        public init(
            highlight: @escaping (String, String?) -> String, markdown: @escaping (String) -> String,
            latex: @escaping (String) -> String, image: @escaping (NotebookImage) -> String?
        ) {
            self.highlight = highlight
            self.markdown = markdown
            self.latex = latex
            self.image = image
        }
    }

    public var hooks: Hooks
    /// The code cells' language.
    public var language: String?
    /// A caption under each figure of the cell (Quarto's `fig-cap`); nil for none.
    public var figureCaption: String?
    /// The `id` of the cell's element (Quarto's `label`).
    public var cellID: String?

    public init(hooks: Hooks, language: String?) {
        self.hooks = hooks
        self.language = language
    }

    /// A code cell with its outputs, as its tags ask; `number` is its 1-based position among
    /// the notebook's cells. Empty for a cell tagged `remove-cell`.
    public func html(codeCell cell: NotebookCell, number: Int) -> String {
        if cell.tags.contains(.removeCell) { return "" }
        let id = cellID.map { " id=\"\(HTMLEscaper.text.escape($0))\"" } ?? ""
        var cellHTML = "<div class=\"notebook-cell\"\(id)>\n"
        if !cell.tags.contains(.removeInput), !cell.source.isEmpty {
            let code = hooks.highlight(cell.source, language)
            if cell.tags.contains(.hideInput) {
                cellHTML += "<details class=\"notebook-input\"><summary>Show code</summary>\n\(code)</details>\n"
            } else {
                cellHTML += "<div class=\"notebook-input\">\n\(code)</div>\n"
            }
        }
        if !cell.tags.contains(.removeOutput) {
            let outputs = html(outputs: cell.outputs, cell: number)
            if !outputs.isEmpty { cellHTML += "<div class=\"notebook-outputs\">\n\(outputs)</div>\n" }
        }
        return cellHTML + "</div>\n"
    }

    /// Outputs in order; consecutive stream writes to one stream are joined, as Jupyter shows them.
    public func html(outputs: [CellOutput], cell: Int) -> String {
        var html = ""
        var pending: (name: String, text: String)?
        func flushStream() {
            guard let stream = pending else { return }
            pending = nil
            let text = Self.resolvingCarriageReturns(stream.text)
            guard !text.isEmpty else { return }
            let kind = stream.name == "stderr" ? "notebook-stderr" : "notebook-stdout"
            html += "<pre class=\"notebook-stream \(kind)\">\(ANSIText.html(text))</pre>\n"
        }
        for (position, output) in outputs.enumerated() {
            if case .stream(let name, let text) = output {
                if let stream = pending, stream.name == name {
                    pending?.text += text
                } else {
                    flushStream()
                    pending = (name, text)
                }
                continue
            }
            flushStream()
            switch output {
            case .stream: break
            case .error(let name, let value, let traceback):
                let text = traceback.isEmpty ? "\(name): \(value)" : traceback.joined(separator: "\n")
                html +=
                    "<pre class=\"notebook-error\" role=\"group\" aria-label=\"Error: \(HTMLEscaper.text.escape(name))\">\(ANSIText.html(text))</pre>\n"
            case .data(let bundle, _):
                html += self.html(bundle: bundle, cell: cell, output: position + 1)
            }
        }
        flushStream()
        return html
    }

    static let widgetMIME = "application/vnd.jupyter.widget-view+json"
    static let imageTypes: [(mime: String, fileExtension: String)] = [
        ("image/svg+xml", "svg"), ("image/png", "png"), ("image/jpeg", "jpg"), ("image/gif", "gif"),
    ]

    /// The first image of `bundle` (PNG, JPEG, GIF or SVG, in that order of preference), or nil.
    public static func image(in bundle: MIMEBundle, cell: Int, output: Int, alt: String) -> NotebookImage? {
        for type in imageTypes {
            guard let payload = bundle.text(type.mime) else { continue }
            return NotebookImage(mime: type.mime, fileExtension: type.fileExtension, payload: payload, cell: cell, output: output, alt: alt)
        }
        return nil
    }

    /// One rich output: the richest representation a static page can show.
    func html(bundle: MIMEBundle, cell: Int, output: Int) -> String {
        if bundle[Self.widgetMIME] != nil {
            return Self.notice("An interactive widget was here; it needs a running Jupyter kernel and is not shown in this page.")
        }
        if let html = bundle.text("text/html") {
            let clean = HTMLSanitizer.sanitize(html)
            if !clean.allSatisfy(\.isWhitespace) { return "<div class=\"notebook-html\">\(clean)</div>\n" }
        }
        if let markdown = bundle.text("text/markdown") {
            return "<div class=\"notebook-markdown\">\n\(hooks.markdown(markdown))</div>\n"
        }
        if let tex = bundle.text("text/latex") {
            return "<div class=\"notebook-latex\">\(hooks.latex(tex))</div>\n"
        }
        let alt = bundle.text("text/plain").map(Self.describe) ?? "Figure"
        if let image = Self.image(in: bundle, cell: cell, output: output, alt: alt), let url = hooks.image(image) {
            let caption = figureCaption.map { "<figcaption>\(HTMLEscaper.text.escape($0))</figcaption>" } ?? ""
            return
                "<figure class=\"notebook-figure\"><img src=\"\(HTMLEscaper.text.escape(url))\" alt=\"\(HTMLEscaper.text.escape(figureCaption ?? alt))\" loading=\"lazy\" decoding=\"async\">\(caption)</figure>\n"
        }
        if let json = bundle["application/json"] {
            return "<div class=\"notebook-json\">\n\(hooks.highlight(Self.prettyJSON(json), "json"))</div>\n"
        }
        if let text = bundle.text("text/plain") {
            // A result that only says what kind of object it is (`<Figure size 640x480 with 1 Axes>`) says nothing.
            if bundle.entries.count == 1, text.hasPrefix("<"), text.hasSuffix(">"), !text.contains("\n") {
                if text.contains("Figure") || text.contains(" object at 0x") { return "" }
            }
            return "<pre class=\"notebook-result\">\(ANSIText.html(text))</pre>\n"
        }
        if bundle["application/javascript"] != nil || bundle.entries.contains(where: { $0.mime.contains("javascript") }) {
            return Self.notice("A JavaScript output was here; it runs only inside Jupyter and is not shown in this page.")
        }
        return ""
    }

    static func notice(_ text: String) -> String {
        "<p class=\"notebook-notice\">\(HTMLEscaper.text.escape(text))</p>\n"
    }

    /// The `text/plain` form of an image as alt text: matplotlib's `<Figure size … with 1 Axes>`
    /// becomes "Figure".
    static func describe(_ plain: String) -> String {
        let text = plain.trimmingPrefix("<").prefix { $0 != ">" && $0 != "\n" }
        if text.hasPrefix("Figure") || text.hasPrefix("matplotlib") || text.contains("Image") { return "Figure" }
        return String(text.prefix(200))
    }

    /// Text as a terminal shows it after carriage returns: each line keeps what was written after
    /// its last `\r` (progress bars that redraw themselves).
    static func resolvingCarriageReturns(_ text: String) -> String {
        guard text.contains("\r") else { return text }
        let normalized = text.replacingCRLF()
        return normalized.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let last = line.lastIndex(of: "\r") else { return String(line) }
            return String(line[line.index(after: last)...])
        }.joined(separator: "\n")
    }

    /// JSON with two-space indents and members in their order.
    static func prettyJSON(_ value: NotebookJSON, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if let whole = Int(exactly: number) { return String(whole) }
            return number.isFinite ? String(number) : "null"
        case .string(let text): return quoted(text)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + prettyJSON($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n" + members.map { inner + quoted($0.key) + ": " + prettyJSON($0.value, indent: inner) }.joined(separator: ",\n")
                + "\n\(indent)}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        var output = ""
        var previousCR = false
        for scalar in unicodeScalars {
            if previousCR {
                if scalar != "\n" { output.unicodeScalars.append("\r") }
                previousCR = false
            }
            if scalar == "\r" {
                previousCR = true
                continue
            }
            output.unicodeScalars.append(scalar)
        }
        if previousCR { output.unicodeScalars.append("\r") }
        return output
    }
}
