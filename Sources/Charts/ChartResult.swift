/// What ``ChartRenderer/render(spec:baseDirectory:)`` produces for one chart block.
public struct ChartResult: Sendable {
    /// A `<figure class="chart">` holding the SVG, a visually hidden data table and a `<figcaption>`,
    /// or a `<figure class="chart-error">` with the reason when the spec cannot be drawn.
    public var html: String
    /// The bare SVG (with its XML namespace) for use outside a page; empty when the spec failed.
    public var svg: String
    /// Problems found in the spec or its data; an error placeholder always carries at least one.
    public var warnings: [ChartWarning]
    /// The figure's id from the spec's `id` key (e.g. `fig-loss`), if it has one.
    public var id: String?

    /// Creates a result.
    public init(html: String, svg: String, warnings: [ChartWarning], id: String?) {
        self.html = html
        self.svg = svg
        self.warnings = warnings
        self.id = id
    }
}

/// A problem with a chart spec or its data.
public struct ChartWarning: Sendable, Equatable {
    /// What is wrong, in words meant for the writer.
    public var message: String
    /// The 1-based line inside the spec the problem belongs to, when known.
    public var line: Int?

    /// Creates a warning.
    public init(message: String, line: Int?) {
        self.message = message
        self.line = line
    }
}
