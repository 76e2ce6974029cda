import SVGText

/// Box plots: quartiles, whiskers to the furthest values within 1.5 IQR, and outliers as points.
struct BoxChart: ChartKind {
    /// The five-number summary of one group, and the values beyond the whiskers.
    struct Summary: Equatable {
        var lowerWhisker: Double
        var firstQuartile: Double
        var median: Double
        var thirdQuartile: Double
        var upperWhisker: Double
        var outliers: [Double]
        var count: Int

        /// Quartiles by linear interpolation between order statistics (the common "type 7" definition).
        init?(_ values: [Double]) {
            let sorted = values.filter(\.isFinite).sorted()
            guard !sorted.isEmpty else { return nil }
            func quantile(_ p: Double) -> Double {
                let position = p * Double(sorted.count - 1)
                let below = Int(saturating: position.rounded(.down))
                let above = min(sorted.count - 1, below + 1)
                return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
            }
            let q1 = quantile(0.25)
            let q3 = quantile(0.75)
            let low = q1 - 1.5 * (q3 - q1)
            let high = q3 + 1.5 * (q3 - q1)
            let inside = sorted.filter { $0 >= low && $0 <= high }
            firstQuartile = q1
            median = quantile(0.5)
            thirdQuartile = q3
            lowerWhisker = inside.first ?? q1
            upperWhisker = inside.last ?? q3
            outliers = sorted.filter { $0 < low || $0 > high }
            count = sorted.count
        }
    }

    let spec: ChartSpec
    let categories: [String]
    let summaries: [Summary?]
    let xName: String
    let yName: String

    /// Outliers drawn per box at most; the rest are counted in the tooltip.
    static let outlierLimit = 300

    init(spec: ChartSpec, table: DataTable, log: inout WarningLog) throws {
        guard let yField = spec.y.first else { throw ChartError("a box plot needs `y:` (the numeric column)", line: 1) }
        let yColumn = try table.require(yField, role: "y")
        guard yColumn.kind == .number else { throw ChartError("column `\(yColumn.name)` holds text, not numbers", line: yField.line) }
        let groupField = spec.x ?? spec.series
        var categories = [yColumn.name]
        var groups = [yColumn.numbers]
        if let groupField {
            let groupColumn = try table.require(groupField, role: "groups")
            let x = try SeriesBuilder.xEncoding(groupColumn, choice: .band, forceBand: true)
            guard x.categories.count <= 200 else {
                throw ChartError("a box plot can show at most 200 groups", line: groupField.line)
            }
            categories = x.categories
            groups = Array(repeating: [], count: categories.count)
            for (row, position) in x.values.enumerated() where position.isFinite && row < yColumn.numbers.count {
                groups[Int(saturating: position)].append(yColumn.numbers[row])
            }
        }
        if spec.y.count > 1 { log.add("a box plot uses the first `y` column only", line: spec.y[1].line) }
        self.spec = spec
        self.categories = categories
        summaries = groups.map(Summary.init)
        xName = groupField.flatMap { table.column(named: $0.name)?.name } ?? ""
        yName = yColumn.name
    }

    func xAxis(tickCount: Int) -> AxisModel { .band(categories) }

    func yAxis(tickCount: Int) -> AxisModel {
        var lower = Double.infinity
        var upper = -Double.infinity
        for summary in summaries.compactMap({ $0 }) {
            lower = min(lower, summary.outliers.first ?? summary.lowerWhisker, summary.lowerWhisker)
            upper = max(upper, summary.outliers.last ?? summary.upperWhisker, summary.upperWhisker)
        }
        if lower > upper {
            lower = 0
            upper = 1
        }
        let kind: AxisModel.Kind = spec.yScale == .log ? .log : .linear
        return .continuous(
            kind, dataLower: lower, dataUpper: upper, requested: spec.yRange, tickCount: tickCount,
            margin: 0.04)
    }

    var legend: [LegendEntry] { [] }
    var defaultXLabel: String { xName }
    var defaultYLabel: String { yName }
    var bandPadding: Double { 0.4 }
    var typeName: String { "Box plot" }

    var summary: String {
        zip(categories, summaries).prefix(8).map { name, summary in
            guard let summary else { return "\(name): no values" }
            return "\(name): median \(NumberFormat.value(summary.median)), quartiles \(NumberFormat.value(summary.firstQuartile))"
                + " to \(NumberFormat.value(summary.thirdQuartile)), \(summary.outliers.count) outliers"
        }.joined(separator: "; ") + "."
    }

    func draw(x xScale: Scale, y yScale: Scale, frame: Rect, into svg: inout SVGWriter) {
        let width = xScale.bandwidth
        for (index, summary) in summaries.enumerated() {
            guard let summary else { continue }
            let color = Palette.color(categories.count > 1 ? index : 0)
            let center = xScale.position(Double(index))
            let left = center - width / 2
            let y = yScale.position
            let tip =
                "\(categories[index]): median \(NumberFormat.value(summary.median)), "
                + "Q1 \(NumberFormat.value(summary.firstQuartile)), Q3 \(NumberFormat.value(summary.thirdQuartile)), "
                + "whiskers \(NumberFormat.value(summary.lowerWhisker))–\(NumberFormat.value(summary.upperWhisker)), "
                + "n = \(summary.count), \(summary.outliers.count) outliers"
            svg.raw("<g class=\"chart-series\" style=\"stroke:\(color);fill:\(color)\">")
            let whiskers =
                "M\(SVGWriter.number(center)) \(SVGWriter.number(y(summary.lowerWhisker)))V\(SVGWriter.number(y(summary.firstQuartile)))"
                + "M\(SVGWriter.number(center)) \(SVGWriter.number(y(summary.thirdQuartile)))V\(SVGWriter.number(y(summary.upperWhisker)))"
                + "M\(SVGWriter.number(center - width / 4)) \(SVGWriter.number(y(summary.lowerWhisker)))h\(SVGWriter.number(width / 2))"
                + "M\(SVGWriter.number(center - width / 4)) \(SVGWriter.number(y(summary.upperWhisker)))h\(SVGWriter.number(width / 2))"
            svg.element("path", [("d", whiskers), ("fill", "none"), ("stroke-width", "1.5")])
            svg.element(
                "rect",
                [("class", "chart-mark")]
                    + Marks.rect(
                        x0: left, y0: y(summary.firstQuartile), x1: left + width,
                        y1: y(summary.thirdQuartile))
                    + [("fill-opacity", "0.3"), ("stroke-width", "1.5")], content: SVGWriter.tooltip(tip))
            svg.element(
                "path",
                [
                    ("d", "M\(SVGWriter.number(left)) \(SVGWriter.number(y(summary.median)))h\(SVGWriter.number(width))"),
                    ("stroke-width", "3"),
                ])
            for value in summary.outliers.prefix(Self.outlierLimit) {
                let position = y(value)
                guard position.isFinite else { continue }
                svg.element(
                    "circle",
                    [
                        ("cx", SVGWriter.number(center)), ("cy", SVGWriter.number(position)), ("r", "3"),
                        ("fill-opacity", "0.35"),
                    ], content: SVGWriter.tooltip("\(categories[index]) outlier: \(NumberFormat.value(value))"))
            }
            svg.raw("</g>")
        }
    }
}
