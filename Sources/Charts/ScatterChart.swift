import Foundation
import SVGText

/// Scatter plots; dense data is drawn as a density grid instead of one circle per point.
struct ScatterChart: ChartKind {
    let spec: ChartSpec
    let x: XEncoding
    let series: [Series]
    let xName: String

    /// Above this many points in all, points are binned into density cells.
    static let densityThreshold = 4000
    /// The side of a density cell, in user units.
    static let cellSize = 4.0

    init(spec: ChartSpec, table: DataTable, log: inout WarningLog) throws {
        guard let xField = spec.x else { throw ChartError("a scatter chart needs `x:`", line: 1) }
        let xColumn = try table.require(xField, role: "x")
        self.spec = spec
        xName = xColumn.name
        x = try SeriesBuilder.xEncoding(xColumn, choice: spec.xScale)
        series = try SeriesBuilder.build(spec: spec, table: table, x: x)
    }

    var pointCount: Int { series.reduce(0) { $0 + $1.xs.count } }

    func xAxis(tickCount: Int) -> AxisModel {
        if x.kind == .band { return .band(x.categories) }
        let extent = SeriesBuilder.extent(series.lazy.flatMap(\.xs).filter { x.kind != .log || $0 > 0 }) ?? (0, 1)
        return .continuous(
            x.kind, dataLower: extent.0, dataUpper: extent.1, requested: spec.xRange, tickCount: tickCount,
            nice: x.kind != .time, margin: 0.03)
    }

    func yAxis(tickCount: Int) -> AxisModel {
        let kind: AxisModel.Kind = spec.yScale == .log ? .log : .linear
        var values: [Double] = []
        for item in series {
            for (index, y) in item.ys.enumerated() where y.isFinite {
                let error = item.errors.map { index < $0.count && $0[index].isFinite ? abs($0[index]) : 0 } ?? 0
                values.append(y + error)
                values.append(kind == .log && y - error <= 0 ? y : y - error)
            }
        }
        let extent = SeriesBuilder.extent(values.filter { kind != .log || $0 > 0 }) ?? (0, 1)
        return .continuous(
            kind, dataLower: extent.0, dataUpper: extent.1, requested: spec.yRange, tickCount: tickCount,
            margin: 0.04)
    }

    var legend: [LegendEntry] {
        series.count > 1 ? series.map { LegendEntry(label: $0.name, colorIndex: $0.colorIndex, swatch: .point) } : []
    }

    var defaultXLabel: String { xName }
    var defaultYLabel: String { spec.y.count == 1 ? spec.y[0].name : "" }
    var typeName: String { "Scatter plot" }

    var summary: String {
        var text = series.prefix(6).map { "\($0.name): \($0.xs.count) points" }.joined(separator: "; ")
        if pointCount > Self.densityThreshold { text += "; drawn as point density" }
        return text + "."
    }

    func draw(x xScale: Scale, y yScale: Scale, frame: Rect, into svg: inout SVGWriter) {
        if pointCount > Self.densityThreshold {
            drawDensity(x: xScale, y: yScale, frame: frame, into: &svg)
            return
        }
        let jitter = xScale.isBand ? xScale.bandwidth * 0.3 : 0
        for item in series {
            let color = Palette.color(item.colorIndex)
            svg.raw("<g class=\"chart-series\" style=\"fill:\(color)\" fill-opacity=\"0.75\">")
            for index in item.xs.indices {
                var px = xScale.position(item.xs[index])
                let py = yScale.position(item.ys[index])
                guard px.isFinite, py.isFinite else { continue }
                if jitter > 0 { px += (Self.spread(index) - 0.5) * jitter }
                if let errors = item.errors, index < errors.count, errors[index].isFinite {
                    let error = abs(errors[index])
                    Marks.errorBar(
                        x: px, low: yScale.position(item.ys[index] - error), high: yScale.position(item.ys[index] + error),
                        cap: 3, color: color, into: &svg)
                }
                let tip =
                    "\(item.name): \(ValueText.describe(item.xs[index], kind: x.kind, categories: x.categories)), "
                    + NumberFormat.value(item.ys[index])
                svg.element(
                    "circle", [("cx", SVGWriter.number(px)), ("cy", SVGWriter.number(py)), ("r", "3.5")],
                    content: SVGWriter.tooltip(tip))
            }
            svg.raw("</g>")
        }
    }

    /// A fixed pseudo-random offset in 0..<1 per index, so categorical scatter points do not pile up.
    private static func spread(_ index: Int) -> Double {
        var value = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
        return Double(value % 1000) / 1000
    }

    private func drawDensity(x xScale: Scale, y yScale: Scale, frame: Rect, into svg: inout SVGWriter) {
        for item in series {
            var grid = Decimation.Grid(frame: frame, cell: Self.cellSize)
            for index in item.xs.indices where index < item.ys.count {
                grid.add(x: xScale.position(item.xs[index]), y: yScale.position(item.ys[index]))
            }
            let maximum = grid.maximum
            guard maximum > 0 else { continue }
            let scale = log(1 + Double(maximum))
            svg.raw("<g class=\"chart-series chart-density\" style=\"fill:\(Palette.color(item.colorIndex))\">")
            svg.raw("<title>\(SVGWriter.escape(item.name)): \(item.xs.count) points, darker cells hold more</title>")
            for row in 0..<grid.rows {
                for column in 0..<grid.columns {
                    let count = grid.counts[row * grid.columns + column]
                    guard count > 0 else { continue }
                    let opacity = 0.15 + 0.85 * log(1 + Double(count)) / scale
                    svg.raw(
                        "<rect x=\"\(SVGWriter.number(frame.x + Double(column) * Self.cellSize))\" y=\"\(SVGWriter.number(frame.y + Double(row) * Self.cellSize))\" width=\"\(SVGWriter.number(Self.cellSize))\" height=\"\(SVGWriter.number(Self.cellSize))\" fill-opacity=\"\(NumberFormat.fixed(opacity, decimals: 2))\"/>"
                    )
                }
            }
            svg.raw("</g>")
        }
    }
}
