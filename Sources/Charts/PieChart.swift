import Foundation
import SVGText

/// A pie chart drawn as accessible SVG: slices in the charts' palette (switched for the dark scheme by
/// ``ChartRenderer/stylesheet``), each slice's share written on it when it is wide enough, and a legend
/// naming every slice (with its value when `showsValues`). Used by the Mermaid `pie` diagrams.
public struct PieChart: Sendable {
    /// One slice: its label and value (positive).
    public struct Slice: Sendable, Equatable {
        public var label: String
        public var value: Double

        /// A slice called `label` worth `value`.
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// The slices in the order they are drawn, clockwise from twelve o'clock.
    public var slices: [Slice]
    /// A heading drawn above the pie.
    public var heading: String?
    /// Whether the legend shows each slice's value (Mermaid's `showData`).
    public var showsValues: Bool

    static let radius = 130.0
    static let fontSize = 14.0

    /// A pie of `slices`, with an optional visible `heading`.
    public init(slices: [Slice], heading: String? = nil, showsValues: Bool = false) {
        self.slices = slices
        self.heading = heading
        self.showsValues = showsValues
    }

    /// Each slice's share of the whole, from 0 to 1.
    public var shares: [Double] {
        let total = slices.reduce(0) { $0 + max($1.value, 0) }
        return slices.map { total > 0 ? max($0.value, 0) / total : 0 }
    }

    /// A share as a whole percentage, as Mermaid writes it on a slice: `42%`.
    public static func percent(_ share: Double) -> String {
        plain((share * 100).rounded()) + "%"
    }

    /// The sentences that say the chart in words, for `<desc>`.
    public var summary: String {
        let shares = self.shares
        var text = "Pie chart of \(slices.count) slice\(slices.count == 1 ? "" : "s")"
        text +=
            slices.isEmpty
            ? "."
            : ": "
                + zip(slices, shares).map { slice, share in
                    "\(slice.label) \(Self.percent(share)) (\(Self.plain(slice.value)))"
                }.joined(separator: ", ") + "."
        return text
    }

    /// The `<svg>` element: `id` names it and its title (`title`) and description (`description`) for assistive technology.
    public func svg(id: String, title: String, description: String) -> String {
        let n = SVGWriter.number
        let shares = self.shares
        let legendLines = slices.map { $0.label + (showsValues ? " [\(Self.plain($0.value))]" : "") }
        let legendWidth = (legendLines.map { TextMetrics.width($0, size: Self.fontSize) }.max() ?? 0) + 30
        let rowHeight = 22.0
        let headingHeight = heading == nil ? 0 : 36.0
        let pieSize = 2 * Self.radius + 20
        let width = pieSize + 20 + legendWidth + 10
        let height = headingHeight + max(pieSize, Double(slices.count) * rowHeight + 20)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram-svg diagram-pie\" id=\"\(SVGWriter.escape(id))\""
        out += " viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\""
        out +=
            " aria-labelledby=\"\(SVGWriter.escape(id))-title \(SVGWriter.escape(id))-desc\" font-family=\"\(SVGWriter.fontFamily)\" font-size=\"\(n(Self.fontSize))\">"
        out += "<title id=\"\(SVGWriter.escape(id))-title\">\(SVGWriter.escape(title))</title>"
        out += "<desc id=\"\(SVGWriter.escape(id))-desc\">\(SVGWriter.escape(description))</desc>"
        if let heading {
            out +=
                "<text class=\"diagram-title\" x=\"\(n(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"600\" fill=\"currentColor\">\(SVGWriter.escape(heading))</text>"
        }
        let cx = 10 + Self.radius
        let cy = headingHeight + pieSize / 2
        func point(_ angle: Double, _ r: Double) -> (Double, Double) {
            (cx + r * sin(angle), cy - r * cos(angle))
        }
        out += "<g class=\"chart-marks\" stroke=\"var(--chart-bg, #fff)\" stroke-width=\"2\">"
        var angle = 0.0
        var labels = ""
        for (index, (slice, share)) in zip(slices, shares).enumerated() where share > 0 {
            let sweep = share * 2 * Double.pi
            let tooltip = "\(slice.label): \(Self.percent(share)) (\(Self.plain(slice.value)))"
            let fill = Palette.color(index)
            if share >= 0.9999 {
                out +=
                    "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(Self.radius))\" fill=\"\(fill)\"><title>\(SVGWriter.escape(tooltip))</title></circle>"
            } else {
                let (x0, y0) = point(angle, Self.radius)
                let (x1, y1) = point(angle + sweep, Self.radius)
                out +=
                    "<path d=\"M\(n(cx)) \(n(cy))L\(n(x0)) \(n(y0))A\(n(Self.radius)) \(n(Self.radius)) 0 \(sweep > Double.pi ? 1 : 0) 1 \(n(x1)) \(n(y1))Z\" fill=\"\(fill)\"><title>\(SVGWriter.escape(tooltip))</title></path>"
            }
            // The share on the slice, on a halo of the background so it reads on any slice colour.
            if share >= 0.04 {
                let (lx, ly) = point(angle + sweep / 2, Self.radius * (shares.count == 1 ? 0 : 0.68))
                labels += "<text x=\"\(n(lx))\" y=\"\(n(ly + Self.fontSize * 0.35))\" text-anchor=\"middle\">\(Self.percent(share))</text>"
            }
            angle += sweep
        }
        out += "</g>"
        out +=
            "<g class=\"chart-values\" fill=\"currentColor\" style=\"paint-order:stroke;stroke:var(--chart-bg, #fff);stroke-width:3px;stroke-linejoin:round\">\(labels)</g>"
        // Legend.
        let legendX = pieSize + 20
        let legendTop = headingHeight + max(10, (pieSize - Double(slices.count) * rowHeight) / 2)
        out += "<g class=\"chart-legend\">"
        for (index, line) in legendLines.enumerated() {
            let y = legendTop + Double(index) * rowHeight
            out += "<rect x=\"\(n(legendX))\" y=\"\(n(y + 3))\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(Palette.color(index))\"/>"
            out += "<text x=\"\(n(legendX + 22))\" y=\"\(n(y + 10 + Self.fontSize * 0.35))\" fill=\"currentColor\">\(SVGWriter.escape(line))</text>"
        }
        out += "</g></svg>"
        return out
    }

    /// A value as the writer gave it: `42`, `42.96`.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
