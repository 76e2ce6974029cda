import Foundation

/// Turns a chart spec (the body of a ```` ```chart ```` block, YAML or JSON) into an accessible inline SVG figure.
///
/// Rendering never throws and never crashes: a spec that cannot be drawn gives a visible
/// `<figure class="chart-error">` placeholder and a warning located on a line of the spec.
public struct ChartRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders one chart. `spec` is the fenced block's body (YAML or JSON); `baseDirectory` is the page bundle
    /// folder that data file paths are relative to (the current directory when nil). With
    /// `allowedFolders`, a data file must lie inside one of them, symlinks resolved.
    public func render(spec: String, baseDirectory: URL?, allowedFolders: [URL]? = nil) -> ChartResult {
        var parser = SpecParser()
        var chartSpec: ChartSpec?
        do {
            let parsed = try parser.parse(spec)
            chartSpec = parsed
            var log = parser.log
            guard let source = parsed.data else { throw ChartError("the spec has no `data`", line: 1) }
            let table = try DataLoader.load(source, baseDirectory: baseDirectory, allowedFolders: allowedFolders, line: parsed.dataLine)
            guard table.rowCount > 0 else { throw ChartError("the data has no rows", line: parsed.dataLine) }
            let kind = try Self.kind(for: parsed, table: table, log: &log)
            let id = parsed.id ?? Self.generatedID(spec)
            let summary = Self.summary(spec: parsed, kind: kind, rows: table.rowCount)
            let svg = ChartLayout(spec: parsed, kind: kind, id: id, summary: summary).svg(log: &log)
            let title = parsed.title ?? parsed.caption ?? kind.typeName
            var html = "<figure class=\"chart\" id=\"\(HTML.escape(id))\">\n" + svg + "\n"
            html += AccessibleTable.html(spec: parsed, table: table, title: title)
            html += "\n<figcaption>\(HTML.escape(parsed.caption ?? ""))</figcaption>\n</figure>\n"
            return ChartResult(html: html, svg: svg, warnings: log.warnings, id: parsed.id)
        } catch {
            let problem = error as? ChartError ?? ChartError("the chart could not be drawn")
            var warnings = parser.log.warnings
            warnings.append(ChartWarning(message: problem.message, line: problem.line))
            return ChartResult(
                html: Self.placeholder(problem, id: chartSpec?.id), svg: "", warnings: warnings,
                id: chartSpec?.id)
        }
    }

    /// The chart type's drawing, checked against the data.
    private static func kind(for spec: ChartSpec, table: DataTable, log: inout WarningLog) throws -> ChartKind {
        switch spec.type {
        case .line, .area, .stackedArea: return try LineChart(spec: spec, table: table, log: &log)
        case .scatter: return try ScatterChart(spec: spec, table: table, log: &log)
        case .bar, .groupedBar, .stackedBar: return try BarChart(spec: spec, table: table, log: &log)
        case .histogram: return try HistogramChart(spec: spec, table: table, log: &log)
        case .heatmap: return try HeatmapChart(spec: spec, table: table, log: &log)
        case .box: return try BoxChart(spec: spec, table: table, log: &log)
        }
    }

    /// The `<desc>` text: the writer's description, or one built from the data.
    private static func summary(spec: ChartSpec, kind: ChartKind, rows: Int) -> String {
        if let description = spec.description { return description }
        var text = "\(kind.typeName) of \(rows) data row\(rows == 1 ? "" : "s")."
        let data = kind.summary
        if !data.isEmpty { text += " " + data }
        return text
    }

    /// A stable id for a chart without one, from a hash of its spec (FNV-1a).
    static func generatedID(_ spec: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in spec.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "chart-" + String(hash & 0xff_ffff_ffff, radix: 36)
    }

    /// The visible stand-in for a chart that could not be drawn.
    static func placeholder(_ error: ChartError, id: String?) -> String {
        let idAttribute = id.map { " id=\"\(HTML.escape($0))\"" } ?? ""
        let location = error.line.map { " (chart spec line \($0))" } ?? ""
        return "<figure class=\"chart-error\"\(idAttribute)>\n<p><strong>Chart not drawn\(location):</strong> "
            + HTML.escape(error.message) + "</p>\n<figcaption></figcaption>\n</figure>\n"
    }
}
