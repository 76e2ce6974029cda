import Diagrams

/// Mermaid diagrams in pages (```` ```mermaid ```` fences and the `mermaid` shortcode) drawn as inline SVG.
/// A diagram that cannot be drawn shows its source as a code block with the reason, and warns with
/// the file, line and column of the problem.
enum DiagramBlocks {
    /// The HTML for one diagram. `firstLine` is the file line of the diagram's first source line and
    /// `indent` the columns before the fence's content; `ordinal` keeps ids unique on the page.
    static func html(
        source: String, ordinal: Int, renderer: DiagramRenderer, sink: DiagnosticSink, firstLine: Int,
        indent: Int = 0
    ) -> String {
        let id = DiagramRenderer.stableID(for: source) + "-\(ordinal)"
        let result = renderer.render(source, id: id)
        for diagnostic in result.diagnostics {
            sink.warn("diagram: \(diagnostic.message)", fileLine: firstLine + diagnostic.line - 1, column: indent + diagnostic.column)
        }
        if let svg = result.svg {
            return "<figure class=\"diagram\">\n" + svg + "\n</figure>\n"
        }
        let reason = result.error.map { "line \($0.line), column \($0.column): \($0.message)" } ?? "the diagram could not be read"
        return "<figure class=\"diagram-error\">\n<pre><code class=\"language-mermaid\">" + HTMLText.escape(source)
            + "</code></pre>\n<figcaption>Diagram not drawn (" + HTMLText.escape(reason) + ")</figcaption>\n</figure>\n"
    }

    /// A shortcode body as a fenced block the Markdown renderer sends to the diagram hook; the fence
    /// is longer than any backtick run inside.
    static func fence(_ body: String) -> String {
        var longest = 0
        var run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\n\(fence)mermaid\n\(body.trimmingCharacters(in: .newlines))\n\(fence)\n"
    }
}
