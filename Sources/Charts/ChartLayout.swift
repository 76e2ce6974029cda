import Foundation
import SVGText

/// Lays a chart out (title, legend, axes, plot frame) and writes its SVG.
struct ChartLayout {
    static let padding = 10.0
    static let maximumYLabel = 150.0
    static let titleHeight = 26.0

    let spec: ChartSpec
    let kind: ChartKind
    /// Unique within the page: prefixes the ids of the title, description, clip path and gradients.
    let id: String
    let summary: String

    /// The complete `<svg>` element.
    func svg(log: inout WarningLog) -> String {
        let width = spec.width
        var height = spec.resolvedHeight
        let pad = Self.padding
        var top = pad
        if spec.title != nil { top += Self.titleHeight }

        let entries = spec.legend == .none ? [] : kind.legend
        var position = spec.legend == .auto || spec.legend == .none ? LegendPosition.top : spec.legend
        if entries.count > 12, spec.legend == .auto { position = .right }
        var legend = LegendLayout()
        if !entries.isEmpty {
            legend =
                position == .right
                ? .column(entries, maxWidth: width * 0.3)
                : .rows(entries, maxWidth: width - 2 * pad)
        }
        if !entries.isEmpty, position == .top { top += legend.height + 8 }
        // A legend of more than two rows grows the chart rather than squeezing the plot (unless the height is fixed).
        if spec.height == nil, position != .right { height += max(0, legend.height - 2 * LegendLayout.rowHeight) }

        let xTitle = spec.xLabel ?? kind.defaultXLabel
        let yTitle = spec.yLabel ?? kind.defaultYLabel
        var bottom = pad + 24 + (xTitle.isEmpty ? 0 : 22)
        if !entries.isEmpty, position == .bottom { bottom += legend.height + 8 }

        var plotHeight = max(40, height - top - bottom)
        let yModel = kind.yAxis(tickCount: AxisModel.tickCount(length: plotHeight, spacing: 52))
        let yLabels = yModel.ticks.map { min(Self.maximumYLabel, TextMetrics.width($0.label, size: FontSize.tick)) }.max() ?? 0
        let left = pad + (yTitle.isEmpty ? 0 : 24) + yLabels + 9

        var right = pad + 8
        var colorBar: ColorBarLayout?
        if let bar = kind.colorBar {
            let layout = ColorBarLayout(bar, height: plotHeight)
            colorBar = layout
            right += layout.width + 16
        }
        if !entries.isEmpty, position == .right { right += legend.width + 16 }
        var plotWidth = max(40, width - left - right)

        var xModel = kind.xAxis(tickCount: AxisModel.tickCount(length: plotWidth, spacing: 95))
        var plan = XLabelPlan.fitting(xModel.ticks, length: plotWidth, band: xModel.kind == .band)
        if xModel.kind != .band, plan.every > 1 {
            let fewer = max(2, xModel.ticks.count / plan.every)
            xModel = kind.xAxis(tickCount: fewer)
            plan = XLabelPlan.fitting(xModel.ticks, length: plotWidth, band: false)
        }
        var plotLeft = left
        if plan.rotated {
            // Diagonal labels take height from the plot, down to a minimum; beyond it they are clipped.
            plotHeight = max(60, plotHeight - plan.extraHeight)
            // The first label slants left of its band; keep it inside the chart.
            let first = min(XLabelPlan.maximumLabel, TextMetrics.width(xModel.ticks.first?.label ?? "", size: FontSize.tick))
            let reach = first * cos(XLabelPlan.angle * .pi / 180) - plotWidth / Double(max(1, xModel.ticks.count)) / 2
            if pad + reach > plotLeft {
                let shift = min(pad + reach - plotLeft, plotWidth / 3)
                plotLeft += shift
                plotWidth -= shift
            }
        }
        let frame = Rect(x: plotLeft, y: top, width: plotWidth, height: plotHeight)
        let xScale = Scale(xModel, start: frame.x, end: frame.maxX, padding: kind.bandPadding)
        let yScale =
            yModel.kind == .band
            ? Scale(yModel, start: frame.y, end: frame.maxY, padding: 0)
            : Scale(yModel, start: frame.maxY, end: frame.y)

        var svg = SVGWriter()
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        svg.raw(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))\"")
        svg.raw(" width=\"\(SVGWriter.number(width))\" height=\"\(SVGWriter.number(height))\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\"")
        svg.raw(" font-family=\"\(SVGWriter.fontFamily)\" font-size=\"\(SVGWriter.number(FontSize.tick))\">")
        let accessibleTitle =
            spec.title ?? spec.caption ?? "\(kind.typeName) of \(yTitle.isEmpty ? "values" : yTitle)\(xTitle.isEmpty ? "" : " by \(xTitle)")"
        svg.raw("<title id=\"\(titleID)\">\(SVGWriter.escape(accessibleTitle))</title>")
        svg.raw("<desc id=\"\(descID)\">\(SVGWriter.escape(summary))</desc>")
        let clip = "\(id)-clip"
        svg.raw("<defs><clipPath id=\"\(clip)\">")
        svg.element("rect", Marks.rect(x0: frame.x - 4, y0: frame.y - 4, x1: frame.maxX + 4, y1: frame.maxY + 4))
        svg.raw("</clipPath></defs>")
        if let title = spec.title {
            svg.element(
                "text",
                [
                    ("class", "chart-title"), ("x", SVGWriter.number(pad)), ("y", SVGWriter.number(pad + 16)),
                    ("font-size", SVGWriter.number(FontSize.title)), ("font-weight", "600"), ("fill", "currentColor"),
                ],
                content: SVGWriter.escape(TextMetrics.truncate(title, to: width - 2 * pad, size: FontSize.title)))
        }
        let painter = AxisPainter(frame: frame, x: xScale, y: yScale, xPlan: plan)
        if kind.showsGrid { painter.grid(into: &svg) }
        svg.raw("<g class=\"chart-marks\" clip-path=\"url(#\(clip))\">")
        kind.draw(x: xScale, y: yScale, frame: frame, into: &svg)
        svg.raw("</g>")
        painter.axes(xTitle: xTitle, yTitle: yTitle, into: &svg)
        Overlays(spec: spec, frame: frame, x: xScale, y: yScale).draw(into: &svg, log: &log)
        switch position {
        case .right:
            legend.draw(x: width - pad - legend.width, y: frame.y, into: &svg)
        case .bottom:
            legend.draw(x: frame.x, y: height - pad - legend.height, into: &svg)
        default:
            let legendX = max(pad, min(frame.x, width - pad - legend.width))
            legend.draw(x: legendX, y: top - legend.height - 8, into: &svg)
        }
        if let colorBar {
            let barX = frame.maxX + 16
            colorBar.draw(x: barX, top: frame.y + 22, bottom: frame.maxY, id: id, into: &svg)
        }
        svg.raw("</svg>")
        return svg.output
    }
}
