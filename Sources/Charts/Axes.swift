import Foundation
import SVGText

/// How x tick labels fit: every n-th label, upright or turned to read diagonally.
struct XLabelPlan {
    var every = 1
    var rotated = false
    /// Extra height the labels need below the axis beyond one line of text.
    var extraHeight = 0.0

    static let maximumLabel = 130.0
    static let angle = 40.0

    /// Chooses a plan for ticks spread over `length` user units.
    static func fitting(_ ticks: [Tick], length: Double, band: Bool) -> XLabelPlan {
        guard ticks.count > 1 else { return XLabelPlan() }
        let widths = ticks.map { min(maximumLabel, TextMetrics.width($0.label, size: FontSize.tick)) }
        let spacing = length / Double(band ? ticks.count : ticks.count - 1)
        let widest = widths.max() ?? 0
        if widest + 8 <= spacing { return XLabelPlan() }
        guard band else {
            return XLabelPlan(every: Int(saturating: (widest + 8) / max(1, spacing)) + 1)
        }
        var plan = XLabelPlan(rotated: true)
        plan.extraHeight = widest * sin(angle * .pi / 180)
        let slant = FontSize.tick * 1.3
        if spacing < slant { plan.every = Int(saturating: (slant / max(0.5, spacing)).rounded(.up)) }
        return plan
    }
}

/// Draws grid lines, axis lines, tick labels and axis titles.
struct AxisPainter {
    let frame: Rect
    let x: Scale
    let y: Scale
    let xPlan: XLabelPlan

    /// Light lines at the value ticks behind the marks.
    func grid(into svg: inout SVGWriter) {
        var path = ""
        if !y.isBand {
            for tick in y.model.ticks {
                let position = y.position(tick.value)
                guard position.isFinite else { continue }
                path += "M\(SVGWriter.number(frame.x)) \(SVGWriter.number(position))h\(SVGWriter.number(frame.width))"
            }
        }
        if !x.isBand {
            for tick in x.model.ticks {
                let position = x.position(tick.value)
                guard position.isFinite else { continue }
                path += "M\(SVGWriter.number(position)) \(SVGWriter.number(frame.y))v\(SVGWriter.number(frame.height))"
            }
        }
        guard !path.isEmpty else { return }
        svg.element(
            "path",
            [
                ("class", "chart-grid"), ("d", path), ("stroke", "currentColor"), ("stroke-opacity", "0.12"),
                ("fill", "none"),
            ])
    }

    /// The axis lines and tick labels; for band axes the labels sit at band centres.
    func axes(xTitle: String, yTitle: String, into svg: inout SVGWriter) {
        svg.raw("<g class=\"chart-axes\" font-size=\"\(SVGWriter.number(FontSize.tick))\" fill=\"currentColor\">")
        let bottom = frame.maxY
        svg.element(
            "path",
            [
                ("d", "M\(SVGWriter.number(frame.x)) \(SVGWriter.number(bottom))h\(SVGWriter.number(frame.width))"),
                ("stroke", "currentColor"), ("stroke-opacity", "0.55"),
            ])
        if !y.isBand, y.model.kind != .log, y.model.lower < 0, y.model.upper > 0 {
            let zero = y.position(0)
            svg.element(
                "path",
                [
                    ("d", "M\(SVGWriter.number(frame.x)) \(SVGWriter.number(zero))h\(SVGWriter.number(frame.width))"),
                    ("stroke", "currentColor"), ("stroke-opacity", "0.4"),
                ])
        }
        for (index, tick) in x.model.ticks.enumerated() where index % xPlan.every == 0 {
            let position = x.position(tick.value)
            guard position.isFinite else { continue }
            let label = SVGWriter.escape(TextMetrics.truncate(tick.label, to: XLabelPlan.maximumLabel, size: FontSize.tick))
            svg.element(
                "path",
                [
                    ("d", "M\(SVGWriter.number(position)) \(SVGWriter.number(bottom))v5"),
                    ("stroke", "currentColor"), ("stroke-opacity", "0.55"),
                ])
            if xPlan.rotated {
                let anchorY = bottom + 10
                svg.element(
                    "text",
                    [
                        ("x", SVGWriter.number(position)), ("y", SVGWriter.number(anchorY)),
                        ("text-anchor", "end"), ("dominant-baseline", "central"), ("fill-opacity", "0.8"),
                        ("transform", "rotate(-\(Int(XLabelPlan.angle)) \(SVGWriter.number(position)) \(SVGWriter.number(anchorY)))"),
                    ],
                    content: label)
            } else {
                svg.element(
                    "text",
                    [
                        ("x", SVGWriter.number(position)), ("y", SVGWriter.number(bottom + 19)),
                        ("text-anchor", "middle"), ("fill-opacity", "0.8"),
                    ], content: label)
            }
        }
        for tick in y.model.ticks {
            let position = y.position(tick.value)
            guard position.isFinite else { continue }
            let label = SVGWriter.escape(TextMetrics.truncate(tick.label, to: ChartLayout.maximumYLabel, size: FontSize.tick))
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(frame.x - 7)), ("y", SVGWriter.number(position)),
                    ("text-anchor", "end"), ("dominant-baseline", "central"), ("fill-opacity", "0.8"),
                ],
                content: label)
        }
        if !xTitle.isEmpty {
            let titleY = bottom + 24 + (xPlan.rotated ? xPlan.extraHeight : 0) + 16
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(frame.x + frame.width / 2)), ("y", SVGWriter.number(titleY)),
                    ("text-anchor", "middle"), ("font-size", SVGWriter.number(FontSize.label)),
                ],
                content: SVGWriter.escape(TextMetrics.truncate(xTitle, to: frame.width, size: FontSize.label)))
        }
        if !yTitle.isEmpty {
            let centerY = frame.y + frame.height / 2
            svg.element(
                "text",
                [
                    ("x", "0"), ("y", "0"), ("text-anchor", "middle"), ("font-size", SVGWriter.number(FontSize.label)),
                    ("transform", "translate(\(SVGWriter.number(ChartLayout.padding + 10)) \(SVGWriter.number(centerY))) rotate(-90)"),
                    ("dominant-baseline", "central"),
                ],
                content: SVGWriter.escape(TextMetrics.truncate(yTitle, to: frame.height, size: FontSize.label)))
        }
        svg.raw("</g>")
    }
}
