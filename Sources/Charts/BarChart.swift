import SVGText

/// Vertical bar charts: one series, grouped series side by side, or stacked series.
struct BarChart: ChartKind {
    let spec: ChartSpec
    let categories: [String]
    let names: [String]
    /// values[series][category]; NaN where the category has no row for the series.
    let values: [[Double]]
    let errors: [[Double]]?
    let stacked: Bool
    let xName: String

    init(spec: ChartSpec, table: DataTable, log: inout WarningLog) throws {
        guard let xField = spec.x else { throw ChartError("a bar chart needs `x:` (the category column)", line: 1) }
        let xColumn = try table.require(xField, role: "x")
        let x = try SeriesBuilder.xEncoding(xColumn, choice: .band, forceBand: true)
        guard x.categories.count <= 500 else {
            throw ChartError(
                "`\(xColumn.name)` has \(x.categories.count) categories; a bar chart can show at most 500 "
                    + "(a histogram may suit the data)", line: xField.line)
        }
        let series = try SeriesBuilder.build(spec: spec, table: table, x: x)
        self.spec = spec
        xName = xColumn.name
        categories = x.categories
        names = series.map(\.name)
        stacked = spec.type == .stackedBar || spec.stacked
        var values = Array(repeating: Array(repeating: Double.nan, count: x.categories.count), count: series.count)
        var errors = spec.yError == nil ? nil : values
        var repeated = false
        for (seriesIndex, item) in series.enumerated() {
            for (row, position) in item.xs.enumerated() where position.isFinite && item.ys[row].isFinite {
                let category = Int(saturating: position)
                if values[seriesIndex][category].isNaN {
                    values[seriesIndex][category] = item.ys[row]
                } else {
                    values[seriesIndex][category] += item.ys[row]
                    repeated = true
                }
                if let itemErrors = item.errors, row < itemErrors.count { errors?[seriesIndex][category] = abs(itemErrors[row]) }
            }
        }
        if repeated { log.add("some categories have several rows for one series; their values were added up", line: xField.line) }
        if spec.yScale == .log { log.add("bars start at zero, so the y axis stays linear", line: spec.y.first?.line) }
        if stacked, errors != nil { log.add("error bars are not drawn on stacked bars", line: spec.yError?.line) }
        self.values = values
        self.errors = stacked ? nil : errors
    }

    func xAxis(tickCount: Int) -> AxisModel { .band(categories) }

    func yAxis(tickCount: Int) -> AxisModel {
        var lower = 0.0
        var upper = 0.0
        if stacked {
            for category in categories.indices {
                var positive = 0.0
                var negative = 0.0
                for series in values where series[category].isFinite {
                    if series[category] >= 0 { positive += series[category] } else { negative += series[category] }
                }
                upper = max(upper, positive)
                lower = min(lower, negative)
            }
        } else {
            for (seriesIndex, series) in values.enumerated() {
                for (category, value) in series.enumerated() where value.isFinite {
                    let error = errors?[seriesIndex][category] ?? 0
                    let spread = error.isFinite ? error : 0
                    upper = max(upper, value + spread)
                    lower = min(lower, value - spread)
                }
            }
        }
        if lower == upper { upper = 1 }
        return .continuous(
            .linear, dataLower: lower, dataUpper: upper, requested: spec.yRange, tickCount: tickCount,
            includeZero: true)
    }

    var legend: [LegendEntry] {
        names.count > 1 ? names.enumerated().map { LegendEntry(label: $0.element, colorIndex: $0.offset, swatch: .box) } : []
    }

    var defaultXLabel: String { xName }
    var defaultYLabel: String { spec.y.count == 1 ? spec.y[0].name : "" }
    var typeName: String { stacked ? "Stacked bar chart" : names.count > 1 ? "Grouped bar chart" : "Bar chart" }

    var summary: String {
        names.prefix(6).enumerated().map { index, name in
            let pairs = zip(categories, values[index]).filter { $0.1.isFinite }
            guard let high = pairs.max(by: { $0.1 < $1.1 }), let low = pairs.min(by: { $0.1 < $1.1 }) else { return "\(name): no values" }
            return "\(name): highest \(high.0) (\(NumberFormat.value(high.1))), lowest \(low.0) (\(NumberFormat.value(low.1)))"
        }.joined(separator: "; ") + "."
    }

    func draw(x xScale: Scale, y yScale: Scale, frame: Rect, into svg: inout SVGWriter) {
        let zero = yScale.position(max(yScale.model.lower, min(0, yScale.model.upper)))
        let band = xScale.bandwidth
        let groups = stacked ? 1 : max(1, names.count)
        let width = band / Double(groups)
        var positive = Array(repeating: 0.0, count: categories.count)
        var negative = Array(repeating: 0.0, count: categories.count)
        for (seriesIndex, series) in values.enumerated() {
            let color = Palette.color(seriesIndex)
            svg.raw("<g class=\"chart-series\" style=\"fill:\(color)\">")
            for (category, value) in series.enumerated() where value.isFinite {
                let left = xScale.position(Double(category)) - band / 2 + (stacked ? 0 : Double(seriesIndex) * width)
                var base = zero
                var top = yScale.position(value)
                if stacked {
                    let start = value >= 0 ? positive[category] : negative[category]
                    base = yScale.position(start)
                    top = yScale.position(start + value)
                    if value >= 0 { positive[category] += value } else { negative[category] += value }
                }
                let name = names.count > 1 ? "\(categories[category]) · \(names[seriesIndex])" : categories[category]
                let inset = groups > 1 ? min(1, width * 0.08) : 0
                svg.element(
                    "rect", [("class", "chart-mark")] + Marks.rect(x0: left + inset, y0: base, x1: left + width - inset, y1: top),
                    content: SVGWriter.tooltip("\(name): \(NumberFormat.value(value))"))
                if let error = errors?[seriesIndex][category], error.isFinite {
                    Marks.errorBar(
                        x: left + width / 2, low: yScale.position(value - error), high: yScale.position(value + error),
                        cap: min(5, width / 4), color: "currentColor", into: &svg)
                }
            }
            svg.raw("</g>")
        }
    }
}
