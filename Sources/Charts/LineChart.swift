import SVGText

/// Line and area charts (plain or stacked), with optional error bands and point markers.
struct LineChart: ChartKind {
    let spec: ChartSpec
    let x: XEncoding
    let series: [Series]
    let filled: Bool
    /// For stacked areas, the lower edge of each series at each point.
    let baselines: [[Double]]?
    let xName: String

    /// Markers are drawn by default only on sparse lines.
    static let markerLimit = 30
    /// Hover targets with tooltips are drawn when there are at most this many points in all.
    static let tooltipLimit = 1500

    init(spec: ChartSpec, table: DataTable, log: inout WarningLog) throws {
        guard let xField = spec.x else { throw ChartError("a \(spec.type.rawValue) chart needs `x:`", line: 1) }
        let xColumn = try table.require(xField, role: "x")
        self.spec = spec
        self.xName = xColumn.name
        x = try SeriesBuilder.xEncoding(xColumn, choice: spec.xScale)
        // Rows missing a value are skipped, so a column logged less often still draws as one line.
        var series = try SeriesBuilder.build(spec: spec, table: table, x: x).map(Self.dropMissing)
        filled = spec.type == .area || spec.type == .stackedArea
        if spec.type == .stackedArea || (spec.type == .area && spec.stacked) {
            let stacked = Self.stack(series)
            series = stacked.series
            baselines = stacked.baselines
        } else {
            baselines = nil
        }
        if spec.yScale == .log {
            let dropped = series.reduce(0) { $0 + $1.ys.filter { $0 <= 0 }.count }
            if dropped > 0 { log.add("\(dropped) values ≤ 0 cannot be shown on a log axis and were left out", line: spec.y.first?.line) }
        }
        self.series = series
    }

    private static func dropMissing(_ series: Series) -> Series {
        var result = series
        let kept = series.xs.indices.filter { series.xs[$0].isFinite && series.ys[$0].isFinite }
        guard kept.count < series.xs.count else { return series }
        result.xs = kept.map { series.xs[$0] }
        result.ys = kept.map { series.ys[$0] }
        result.errors = series.errors.map { errors in kept.map { $0 < errors.count ? errors[$0] : .nan } }
        return result
    }

    /// Stacks series on shared x values (sorted), summing repeats and treating absent values as zero.
    private static func stack(_ series: [Series]) -> (series: [Series], baselines: [[Double]]) {
        var xs = Set<Double>()
        for item in series { for value in item.xs where value.isFinite { xs.insert(value) } }
        let sorted = xs.sorted()
        var slot: [Double: Int] = [:]
        for (index, value) in sorted.enumerated() { slot[value] = index }
        var running = Array(repeating: 0.0, count: sorted.count)
        var result: [Series] = []
        var baselines: [[Double]] = []
        for item in series {
            var sums = Array(repeating: 0.0, count: sorted.count)
            for (value, y) in zip(item.xs, item.ys) where y.isFinite {
                if let index = slot[value] { sums[index] += y }
            }
            baselines.append(running)
            for index in running.indices { running[index] += sums[index] }
            result.append(Series(name: item.name, xs: sorted, ys: running, errors: nil, colorIndex: item.colorIndex))
        }
        return (result, baselines)
    }

    func xAxis(tickCount: Int) -> AxisModel {
        if x.kind == .band { return .band(x.categories) }
        let extent = SeriesBuilder.extent(series.lazy.flatMap(\.xs)) ?? (0, 1)
        return .continuous(
            x.kind, dataLower: extent.0, dataUpper: extent.1, requested: spec.xRange,
            tickCount: tickCount, nice: false)
    }

    func yAxis(tickCount: Int) -> AxisModel {
        var lower = Double.infinity
        var upper = -Double.infinity
        for item in series {
            for (index, y) in item.ys.enumerated() where y.isFinite {
                let error = item.errors.map { index < $0.count && $0[index].isFinite ? abs($0[index]) : 0 } ?? 0
                if spec.yScale == .log, y - error <= 0 {
                    if y > 0 { lower = min(lower, y) }
                } else {
                    lower = min(lower, y - error)
                }
                upper = max(upper, y + error)
            }
        }
        if lower > upper {
            lower = 0
            upper = 1
        }
        let kind: AxisModel.Kind = spec.yScale == .log ? .log : .linear
        return .continuous(
            kind, dataLower: lower, dataUpper: upper, requested: spec.yRange, tickCount: tickCount,
            includeZero: filled)
    }

    var legend: [LegendEntry] {
        series.count > 1 ? series.map { LegendEntry(label: $0.name, colorIndex: $0.colorIndex, swatch: filled ? .box : .line) } : []
    }

    var defaultXLabel: String { xName }
    var defaultYLabel: String { spec.y.count == 1 ? spec.y[0].name : "" }
    var typeName: String { baselines != nil ? "Stacked area chart" : filled ? "Area chart" : "Line chart" }

    var summary: String {
        let described = series.prefix(6).map { item -> String in
            let finite = zip(item.xs, item.ys).filter { $0.0.isFinite && $0.1.isFinite }
            guard let first = finite.first, let last = finite.last else { return "\(item.name): no values" }
            let low = finite.min { $0.1 < $1.1 }!
            let high = finite.max { $0.1 < $1.1 }!
            return "\(item.name) goes from \(NumberFormat.value(first.1)) to \(NumberFormat.value(last.1))"
                + " (lowest \(NumberFormat.value(low.1)) at \(xText(low.0)), highest \(NumberFormat.value(high.1)) at \(xText(high.0)))"
        }
        let more = series.count > 6 ? "; and \(series.count - 6) more series" : ""
        return described.joined(separator: "; ") + more + "."
    }

    private func xText(_ value: Double) -> String {
        ValueText.describe(value, kind: x.kind, categories: x.categories)
    }

    func draw(x xScale: Scale, y yScale: Scale, frame: Rect, into svg: inout SVGWriter) {
        let total = series.reduce(0) { $0 + $1.xs.count }
        for (index, item) in series.enumerated() {
            let color = Palette.color(item.colorIndex)
            var px = item.xs.map(xScale.position)
            var py = item.ys.map(yScale.position)
            var ys = item.ys
            var xs = item.xs
            var lows = baselines?[index].map(yScale.position)
            var errors = item.errors
            if Double(px.count) > frame.width * Decimation.pointsPerUnit, lows == nil {
                let order = Self.sortedOrder(px)
                if let order {
                    px = order.map { px[$0] }
                    py = order.map { py[$0] }
                    ys = order.map { ys[$0] }
                    xs = order.map { xs[$0] }
                    errors = errors.map { values in order.map { values[$0] } }
                }
                let kept = Decimation.minMax(positionsX: px, positionsY: py)
                func pick(_ values: [Double]) -> [Double] { kept.map { $0 < 0 ? .nan : values[$0] } }
                px = pick(px)
                py = pick(py)
                ys = pick(ys)
                xs = pick(xs)
                errors = errors.map(pick)
                lows = nil
            }
            svg.raw("<g class=\"chart-series\">")
            if let errors, !filled {
                drawErrorBand(px: px, ys: ys, errors: errors, yScale: yScale, color: color, into: &svg)
            }
            if filled {
                let baseline = yScale.position(max(yScale.model.lower, min(0, yScale.model.upper)))
                let bottom = lows ?? Array(repeating: baseline, count: px.count)
                drawArea(px: px, top: py, bottom: bottom, color: color, into: &svg)
            }
            var line = [
                ("d", Marks.polyline(Array(zip(px, py)))), ("fill", "none"), ("style", "stroke:\(color)"),
                ("stroke-width", "2"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
            ]
            if let dash = Palette.dash(item.colorIndex) { line.append(("stroke-dasharray", dash)) }
            svg.element("path", line, content: SVGWriter.tooltip(item.name))
            let markers = spec.points ?? (item.xs.count <= Self.markerLimit)
            if markers || total <= Self.tooltipLimit {
                drawPoints(name: item.name, px: px, py: py, xs: xs, ys: ys, visible: markers, color: color, into: &svg)
            }
            svg.raw("</g>")
        }
    }

    /// The permutation sorting positions ascending, or nil when they already are (NaNs stay in place).
    private static func sortedOrder(_ positions: [Double]) -> [Int]? {
        var previous = -Double.infinity
        var monotonic = true
        for value in positions where value.isFinite {
            if value < previous {
                monotonic = false
                break
            }
            previous = value
        }
        if monotonic { return nil }
        return positions.indices.filter { positions[$0].isFinite }.sorted { positions[$0] < positions[$1] }
    }

    private func drawErrorBand(
        px: [Double], ys: [Double], errors: [Double], yScale: Scale, color: String,
        into svg: inout SVGWriter
    ) {
        var upper: [(Double, Double)] = []
        var lower: [(Double, Double)] = []
        for index in px.indices where index < errors.count {
            let error = abs(errors[index])
            guard px[index].isFinite, ys[index].isFinite, error.isFinite else { continue }
            upper.append((px[index], yScale.position(ys[index] + error)))
            lower.append((px[index], yScale.position(ys[index] - error)))
        }
        guard upper.count > 1 else { return }
        let points = (upper + lower.reversed()).filter { $0.1.isFinite }
        svg.element(
            "path",
            [
                ("d", Marks.polyline(points) + "Z"), ("style", "fill:\(color)"), ("fill-opacity", "0.18"),
                ("stroke", "none"),
            ])
    }

    private func drawArea(px: [Double], top: [Double], bottom: [Double], color: String, into svg: inout SVGWriter) {
        var runs: [[Int]] = [[]]
        for index in px.indices where index < bottom.count {
            if px[index].isFinite, top[index].isFinite, bottom[index].isFinite {
                runs[runs.count - 1].append(index)
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        var path = ""
        for run in runs where run.count > 1 {
            let upper = run.map { (px[$0], top[$0]) }
            let lower = run.reversed().map { (px[$0], bottom[$0]) }
            path += Marks.polyline(upper + lower) + "Z"
        }
        guard !path.isEmpty else { return }
        svg.element("path", [("d", path), ("style", "fill:\(color)"), ("fill-opacity", "0.28"), ("stroke", "none")])
    }

    private func drawPoints(
        name: String, px: [Double], py: [Double], xs: [Double], ys: [Double], visible: Bool,
        color: String, into svg: inout SVGWriter
    ) {
        for index in px.indices where px[index].isFinite && py[index].isFinite {
            let tip = "\(name): \(xText(xs[index])), \(NumberFormat.value(ys[index]))"
            var attributes = [("cx", SVGWriter.number(px[index])), ("cy", SVGWriter.number(py[index]))]
            if visible {
                attributes += [("r", "3.5"), ("style", "fill:\(color);stroke:var(--chart-bg, #fff)"), ("stroke-width", "1")]
            } else {
                attributes += [("r", "5"), ("fill", "transparent"), ("class", "chart-hover")]
            }
            svg.element("circle", attributes, content: SVGWriter.tooltip(tip))
        }
    }
}
