import Foundation
import SVGText

/// Histograms of one numeric column, with bins of a nice width; several series overlap translucently.
struct HistogramChart: ChartKind {
    let spec: ChartSpec
    let column: String
    let names: [String]
    /// Bin edges, one more than the bins.
    let edges: [Double]
    /// counts[series][bin] (summed weights when a `value` column is given).
    let counts: [[Double]]
    let total: Int

    init(spec: ChartSpec, table: DataTable, log: inout WarningLog) throws {
        guard let field = spec.x ?? spec.y.first else {
            throw ChartError("a histogram needs `x:` (the column of values to count)", line: 1)
        }
        let values = try table.require(field, role: "the histogram")
        guard values.kind == .number else { throw ChartError("column `\(values.name)` holds text, not numbers", line: field.line) }
        let weights = try spec.value.map { try table.require($0, role: "weights") }
        let groups = try spec.series.map { try table.require($0, role: "color") }
        self.spec = spec
        column = values.name

        var lower = spec.xRange.lower ?? .infinity
        var upper = spec.xRange.upper ?? -.infinity
        if spec.xRange.lower == nil || spec.xRange.upper == nil {
            let extent = SeriesBuilder.extent(values.numbers) ?? (0, 1)
            if spec.xRange.lower == nil { lower = extent.0 }
            if spec.xRange.upper == nil { upper = extent.1 }
        }
        if upper <= lower { upper = lower + 1 }
        let finite = values.numbers.lazy.filter(\.isFinite).count
        let binCount = spec.bins ?? max(5, min(50, Int(log2(Double(max(1, finite))).rounded(.up)) + 1))
        let width = spec.bins == nil ? NiceTicks.step(span: upper - lower, count: binCount) : (upper - lower) / Double(binCount)
        let first = spec.bins == nil ? (lower / width).rounded(.down) * width : lower
        var edges = [first]
        while edges.count <= 1000, edges[edges.count - 1] < upper - width * 1e-9 || edges.count < 2 {
            edges.append(first + Double(edges.count) * width)
        }
        self.edges = edges

        var names: [String] = []
        var position: [String: Int] = [:]
        var counts: [[Double]] = []
        let bins = edges.count - 1
        var outside = 0
        var total = 0
        for row in values.numbers.indices {
            let value = values.numbers[row]
            guard value.isFinite else { continue }
            let group = groups.map { $0.text[row] } ?? values.name
            let index: Int
            if let known = position[group] {
                index = known
            } else {
                guard names.count < 60 else { continue }
                index = names.count
                position[group] = index
                names.append(group)
                counts.append(Array(repeating: 0, count: bins))
            }
            guard value >= edges[0], value <= edges[bins] else {
                outside += 1
                continue
            }
            let bin = min(bins - 1, max(0, Int(saturating: ((value - edges[0]) / width).rounded(.down))))
            let weight = weights.map { $0.numbers[row].isFinite ? $0.numbers[row] : 0 } ?? 1
            counts[index][bin] += weight
            total += 1
        }
        if outside > 0 { log.add("\(outside) values outside the x range were not counted", line: field.line) }
        self.names = names
        self.counts = counts
        self.total = total
    }

    func xAxis(tickCount: Int) -> AxisModel {
        .continuous(
            .linear, dataLower: edges.first ?? 0, dataUpper: edges.last ?? 1, requested: AxisRange(),
            tickCount: tickCount, nice: false)
    }

    func yAxis(tickCount: Int) -> AxisModel {
        let highest = counts.flatMap { $0 }.max() ?? 1
        let kind: AxisModel.Kind = spec.yScale == .log ? .log : .linear
        return .continuous(
            kind, dataLower: kind == .log ? 1 : 0, dataUpper: max(1, highest), requested: spec.yRange,
            tickCount: tickCount, includeZero: kind == .linear, integer: spec.value == nil)
    }

    var legend: [LegendEntry] {
        names.count > 1 ? names.enumerated().map { LegendEntry(label: $0.element, colorIndex: $0.offset, swatch: .box) } : []
    }

    var defaultXLabel: String { column }
    var defaultYLabel: String { spec.value == nil ? "count" : spec.value?.name ?? "" }
    var typeName: String { "Histogram" }

    var summary: String {
        let width = edges.count > 1 ? edges[1] - edges[0] : 0
        var text = "\(total) values of \(column) in \(edges.count - 1) bins of width \(NumberFormat.value(width))"
        text += " from \(NumberFormat.value(edges.first ?? 0)) to \(NumberFormat.value(edges.last ?? 0))"
        for (index, name) in names.prefix(6).enumerated() {
            if let peak = counts[index].indices.max(by: { counts[index][$0] < counts[index][$1] }) {
                text += "; \(name) peaks at \(NumberFormat.value(edges[peak]))–\(NumberFormat.value(edges[peak + 1]))"
            }
        }
        return text + "."
    }

    func draw(x xScale: Scale, y yScale: Scale, frame: Rect, into svg: inout SVGWriter) {
        let baseline = yScale.position(yScale.model.kind == .log ? yScale.model.lower : 0)
        let overlapping = names.count > 1
        for (index, name) in names.enumerated() {
            let color = Palette.color(index)
            svg.raw(
                "<g class=\"chart-series\" style=\"fill:\(color);stroke:\(color)\" fill-opacity=\"\(overlapping ? "0.45" : "0.85")\" stroke-opacity=\"0.9\">"
            )
            for bin in counts[index].indices where counts[index][bin] > 0 {
                let left = xScale.position(edges[bin])
                let right = xScale.position(edges[bin + 1])
                let top = yScale.position(counts[index][bin])
                guard top.isFinite else { continue }
                let gap = overlapping ? 0 : min(0.5, (right - left) * 0.1)
                let tip =
                    "\(overlapping ? name + ": " : "")\(NumberFormat.value(edges[bin]))–\(NumberFormat.value(edges[bin + 1])): "
                    + NumberFormat.value(counts[index][bin])
                svg.element(
                    "rect",
                    [("class", "chart-mark")] + Marks.rect(x0: left + gap, y0: baseline, x1: right - gap, y1: top)
                        + [("stroke-width", overlapping ? "1" : "0")], content: SVGWriter.tooltip(tip))
            }
            svg.raw("</g>")
        }
    }
}
