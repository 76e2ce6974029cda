import SVGText

/// Heat maps of a value over two categorical axes (confusion matrices, attention maps).
///
/// Cells are the first series colour at an opacity that grows with the value, so the map follows the
/// light or dark theme; the first row of `y` is drawn at the top.
struct HeatmapChart: ChartKind {
    let spec: ChartSpec
    /// Labels, cells (NaN where absent) and names.
    let grid: HeatmapGrid
    let lower: Double
    let upper: Double

    static let minimumOpacity = 0.06

    init(spec: ChartSpec, table: DataTable, log: inout WarningLog) throws {
        let grid = try HeatmapGrid.read(spec: spec, table: table, log: &log)
        let extent = SeriesBuilder.extent(grid.cells.lazy.flatMap { $0 }) ?? (0, 1)
        self.spec = spec
        self.grid = grid
        lower = spec.yRange.lower ?? min(0, extent.0)
        upper = spec.yRange.upper ?? (extent.1 > lower ? extent.1 : lower + 1)
        if spec.yScale == .log || spec.xScale == .log { log.add("heatmap axes are categories; `log` is ignored", line: nil) }
    }

    func xAxis(tickCount: Int) -> AxisModel { .band(grid.columns) }
    func yAxis(tickCount: Int) -> AxisModel { .band(grid.rows) }
    var legend: [LegendEntry] { [] }
    var colorBar: ColorBar? { ColorBar(label: grid.valueName, lower: lower, upper: upper) }
    var defaultXLabel: String { grid.xTitle }
    var defaultYLabel: String { grid.yTitle }
    var bandPadding: Double { 0 }
    var showsGrid: Bool { false }
    var typeName: String { "Heat map" }

    var summary: String {
        var best: (Int, Int)?
        for (r, row) in grid.cells.enumerated() {
            for (c, value) in row.enumerated() where value.isFinite {
                if best.map({ value > grid.cells[$0.0][$0.1] }) ?? true { best = (r, c) }
            }
        }
        var text = "\(grid.valueName) for \(grid.rows.count) \(grid.yName) by \(grid.columns.count) \(grid.xName)"
        if let (r, c) = best {
            text += "; the largest is \(NumberFormat.value(grid.cells[r][c])) at \(grid.yName) \(grid.rows[r]), \(grid.xName) \(grid.columns[c])"
        }
        return text + "."
    }

    /// The cell's strength from 0 to 1.
    func strength(_ value: Double) -> Double {
        guard upper > lower else { return 1 }
        return max(0, min(1, (value - lower) / (upper - lower)))
    }

    func draw(x xScale: Scale, y yScale: Scale, frame: Rect, into svg: inout SVGWriter) {
        let width = abs(xScale.step)
        let height = abs(yScale.step)
        let cellCount = grid.rows.count * grid.columns.count
        let labels = spec.cellLabels ?? (width >= 30 && height >= 18 && cellCount <= 900)
        let fontSize = min(FontSize.tick, height * 0.6, width / 3.2)
        svg.raw("<g class=\"chart-series\" style=\"fill:\(Palette.color(0));stroke:var(--chart-bg, #fff)\" stroke-width=\"1\">")
        for (r, row) in grid.cells.enumerated() {
            for (c, value) in row.enumerated() where value.isFinite {
                let opacity = Self.minimumOpacity + (1 - Self.minimumOpacity) * strength(value)
                let left = xScale.position(Double(c)) - width / 2
                let top = yScale.position(Double(r)) - height / 2
                let tip = "\(grid.yName) \(grid.rows[r]), \(grid.xName) \(grid.columns[c]): \(NumberFormat.value(value))"
                svg.element(
                    "rect",
                    [("class", "chart-mark")] + Marks.rect(x0: left, y0: top, x1: left + width, y1: top + height)
                        + [("fill-opacity", NumberFormat.fixed(opacity, decimals: 3))], content: SVGWriter.tooltip(tip))
            }
        }
        svg.raw("</g>")
        guard labels else { return }
        svg.raw(
            "<g class=\"chart-cell-labels\" font-size=\"\(SVGWriter.number(fontSize))\" text-anchor=\"middle\" dominant-baseline=\"central\" aria-hidden=\"true\">"
        )
        for (r, row) in grid.cells.enumerated() {
            for (c, value) in row.enumerated() where value.isFinite {
                let strong = strength(value) > 0.55
                svg.element(
                    "text",
                    [
                        ("x", SVGWriter.number(xScale.position(Double(c)))), ("y", SVGWriter.number(yScale.position(Double(r)))),
                        ("style", strong ? "fill:\(Palette.onStrong)" : "fill:currentColor"),
                    ],
                    content: SVGWriter.escape(NumberFormat.value(value)))
            }
        }
        svg.raw("</g>")
    }
}
