import TextUtilities

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

    /// Renders TeX to MathML. Never throws and never crashes.
    ///
    /// - An unknown command is drawn in `<merror>` and listed in the result's `errors`; the rest
    ///   of the formula renders. Any other TeX error refuses the formula: the result holds the
    ///   source in an error style (`<span class="math-error" title="message">…</span>`).
    /// - `equation`, `align` and `gather` rows are numbered from `firstEquationNumber` on; the
    ///   result says how many numbers were used, so a page can carry its count from one formula
    ///   to the next, and which `\label`s the numbers got.
    /// - `\ref` and `\eqref` resolve to the formula's own labels and to `knownLabels` (from
    ///   earlier formulas of the page, or other pages).
    public func render(
        _ tex: String, display: Bool, firstEquationNumber: Int = 1,
        knownLabels: [EquationLabel] = []
    ) -> MathResult {
        do throws(MathError) {
            guard tex.utf8.count <= Self.maxFormulaLength else {
                throw MathError(
                    "the formula is \(tex.utf8.count) bytes long, more than the \(Self.maxFormulaLength) "
                        + "allowed in one formula; split it")
            }
            var parser = Parser(
                tokens: try Lexer.tokenize(tex), macros: macros, display: display,
                firstEquationNumber: firstEquationNumber)
            let node = try parser.parseFormula()
            var references: [String: EquationLabel] = [:]
            for label in knownLabels + parser.labels { references[label.key] = label }
            let (html, unresolved) = MathMLWriter.document(
                node, source: tex, display: display, numbered: parser.hasLabels,
                references: references)
            return MathResult(
                html: html, errors: parser.problems.map { $0.located(in: tex) },
                equationsNumbered: parser.nextEquationNumber - firstEquationNumber,
                labels: parser.labels, unresolvedReferences: unresolved)
        } catch {
            return MathResult(
                html: Self.errorHTML(tex, error: error, display: display), errors: [error.located(in: tex)],
                isRefused: true)
        }
    }

    private static func errorHTML(_ tex: String, error: MathError, display: Bool) -> String {
        var html = display ? "<span class=\"math-error math-display\" title=\"" : "<span class=\"math-error\" title=\""
        HTMLEscaper.text.append(error.description, to: &html)
        html += "\">"
        HTMLEscaper.text.append(tex, to: &html)
        html += "</span>"
        return html
    }
}
