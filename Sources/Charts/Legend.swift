import SVGText

/// Places legend entries in rows (above or below the plot) or a column (beside it), never over the data.
struct LegendLayout {
    struct Item {
        var entry: LegendEntry
        var label: String
        var x: Double
        var y: Double
    }

    private(set) var items: [Item] = []
    private(set) var width = 0.0
    private(set) var height = 0.0

    static let rowHeight = 20.0
    static let swatchWidth = 16.0
    static let maximumLabel = 220.0

    /// Entries flowing left to right, wrapping within `maxWidth`.
    static func rows(_ entries: [LegendEntry], maxWidth: Double) -> LegendLayout {
        var layout = LegendLayout()
        var x = 0.0
        var y = 0.0
        for entry in entries {
            let label = TextMetrics.truncate(entry.label, to: maximumLabel, size: FontSize.legend)
            let width = swatchWidth + 6 + TextMetrics.width(label, size: FontSize.legend)
            if x > 0, x + width > maxWidth {
                x = 0
                y += rowHeight
            }
            layout.items.append(Item(entry: entry, label: label, x: x, y: y))
            x += width + 18
            layout.width = max(layout.width, x - 18)
        }
        layout.height = entries.isEmpty ? 0 : y + rowHeight
        return layout
    }

    /// Entries stacked top to bottom.
    static func column(_ entries: [LegendEntry], maxWidth: Double) -> LegendLayout {
        var layout = LegendLayout()
        for (index, entry) in entries.enumerated() {
            let label = TextMetrics.truncate(entry.label, to: min(maximumLabel, maxWidth - swatchWidth - 6), size: FontSize.legend)
            layout.items.append(Item(entry: entry, label: label, x: 0, y: Double(index) * rowHeight))
            layout.width = max(layout.width, swatchWidth + 6 + TextMetrics.width(label, size: FontSize.legend))
        }
        layout.height = Double(entries.count) * rowHeight
        return layout
    }

    /// Draws the legend with its top-left corner at (`x`, `y`).
    func draw(x originX: Double, y originY: Double, into svg: inout SVGWriter) {
        guard !items.isEmpty else { return }
        svg.raw("<g class=\"chart-legend\" font-size=\"\(SVGWriter.number(FontSize.legend))\">")
        for item in items {
            let x = originX + item.x
            let middle = originY + item.y + Self.rowHeight / 2
            let color = Palette.color(item.entry.colorIndex)
            switch item.entry.swatch {
            case .line:
                var line = [
                    ("d", "M\(SVGWriter.number(x)) \(SVGWriter.number(middle))h\(SVGWriter.number(Self.swatchWidth))"),
                    ("style", "stroke:\(color)"), ("stroke-width", "2.5"),
                ]
                line.append(Palette.dash(item.entry.colorIndex).map { ("stroke-dasharray", $0) } ?? ("stroke-linecap", "round"))
                svg.element("path", line)
            case .box:
                svg.element(
                    "rect",
                    [
                        ("x", SVGWriter.number(x + 2)), ("y", SVGWriter.number(middle - 6)), ("width", "12"),
                        ("height", "12"), ("rx", "2"), ("style", "fill:\(color)"),
                    ])
            case .point:
                svg.element(
                    "circle",
                    [
                        ("cx", SVGWriter.number(x + Self.swatchWidth / 2)), ("cy", SVGWriter.number(middle)),
                        ("r", "5"), ("style", "fill:\(color)"),
                    ])
            }
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(x + Self.swatchWidth + 6)), ("y", SVGWriter.number(middle)),
                    ("dominant-baseline", "central"), ("fill", "currentColor"),
                ],
                content: SVGWriter.escape(item.label))
        }
        svg.raw("</g>")
    }
}

/// A vertical colour ramp with ticks, for heat maps.
struct ColorBarLayout {
    let bar: ColorBar
    let ticks: [Tick]
    let width: Double

    static let barWidth = 14.0

    init(_ bar: ColorBar, height: Double) {
        self.bar = bar
        ticks = NiceTicks.linear(lower: bar.lower, upper: bar.upper, count: AxisModel.tickCount(length: height, spacing: 50))
        let labels = ticks.map { TextMetrics.width($0.label, size: FontSize.tick) }.max() ?? 0
        let title = TextMetrics.width(bar.label, size: FontSize.tick)
        width = max(Self.barWidth + 6 + labels, min(title, 120))
    }

    /// Draws the ramp at `x` spanning `top...bottom`; `id` names its gradient.
    func draw(x: Double, top: Double, bottom: Double, id: String, into svg: inout SVGWriter) {
        let gradient = "\(id)-ramp"
        svg.raw("<defs><linearGradient id=\"\(gradient)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">")
        svg.raw("<stop offset=\"0\" style=\"stop-color:\(Palette.color(0))\" stop-opacity=\"\(HeatmapChart.minimumOpacity)\"/>")
        svg.raw("<stop offset=\"1\" style=\"stop-color:\(Palette.color(0))\" stop-opacity=\"1\"/></linearGradient></defs>")
        svg.raw("<g class=\"chart-colorbar\" font-size=\"\(SVGWriter.number(FontSize.tick))\">")
        svg.element(
            "rect",
            [
                ("x", SVGWriter.number(x)), ("y", SVGWriter.number(top)), ("width", SVGWriter.number(Self.barWidth)),
                ("height", SVGWriter.number(bottom - top)), ("fill", "url(#\(gradient))"),
                ("stroke", "currentColor"), ("stroke-opacity", "0.3"),
            ])
        let span = bar.upper - bar.lower
        for tick in ticks where span > 0 {
            let y = bottom - (tick.value - bar.lower) / span * (bottom - top)
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(x + Self.barWidth + 5)), ("y", SVGWriter.number(y)),
                    ("dominant-baseline", "central"), ("fill", "currentColor"), ("fill-opacity", "0.8"),
                ],
                content: SVGWriter.escape(tick.label))
        }
        if !bar.label.isEmpty {
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(x)), ("y", SVGWriter.number(top - 8)), ("fill", "currentColor"),
                    ("fill-opacity", "0.8"),
                ],
                content: SVGWriter.escape(TextMetrics.truncate(bar.label, to: 120, size: FontSize.tick)))
        }
        svg.raw("</g>")
    }
}
