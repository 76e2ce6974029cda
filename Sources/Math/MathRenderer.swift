/// Renders TeX math to MathML Core.
///
/// ```swift
/// let renderer = MathRenderer(macros: ["\\RR": "\\mathbb{R}"])
/// let result = renderer.render("x \\in \\RR", display: false)
/// ```
public struct MathRenderer: Sendable {
    private let macros: [String: Macro]

    /// The longest formula rendered, in bytes of TeX (100,000). A longer one is an error (shown as
    /// its source in the error style, with the error's message), never minutes of work.
    public static let maxFormulaLength = 100_000

    /// Creates a renderer with site-wide macros, keyed by name (`"\\RR"`) with TeX bodies that may
    /// use `#1`…`#9`; a macro takes as many arguments as the highest `#n` in its body.
    public init(macros: [String: String] = [:]) {
        self.macros = Macros.table(from: macros)
    }

    /// Renders TeX to MathML. Never throws and never crashes: on a TeX error it returns the TeX
    /// source in an error style (`<span class="math-error" title="message">…</span>`) with the error.
    public func render(_ tex: String, display: Bool) -> MathResult {
        render(tex, display: display, firstEquationNumber: 1)
    }

    /// Renders TeX to MathML, numbering `equation`, `align` and `gather` rows from
    /// `firstEquationNumber` on; the result says how many numbers were used, so a page can
    /// carry its count from one formula to the next.
    public func render(_ tex: String, display: Bool, firstEquationNumber: Int) -> MathResult {
        do throws(MathError) {
            guard tex.utf8.count <= Self.maxFormulaLength else {
                throw MathError("the formula is \(tex.utf8.count) bytes long, more than the \(Self.maxFormulaLength) "
                    + "allowed in one formula; split it")
            }
            var parser = Parser(tokens: try Lexer.tokenize(tex), macros: macros, display: display,
                                firstEquationNumber: firstEquationNumber)
            let node = try parser.parseFormula()
            let html = MathMLWriter.document(node, source: tex, display: display, numbered: parser.hasLabels)
            return MathResult(html: html, error: nil, equationsNumbered: parser.nextEquationNumber - firstEquationNumber)
        } catch {
            return MathResult(html: Self.errorHTML(tex, error: error, display: display), error: error)
        }
    }

    private static func errorHTML(_ tex: String, error: MathError, display: Bool) -> String {
        var html = display ? "<span class=\"math-error math-display\" title=\"" : "<span class=\"math-error\" title=\""
        XMLEscaping.append(error.description, to: &html)
        html += "\">"
        XMLEscaping.append(tex, to: &html)
        html += "</span>"
        return html
    }
}
