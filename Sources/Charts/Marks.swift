import SVGText

/// Small drawing helpers shared by the chart types.
enum Marks {
    /// Path data through the points, starting a new run after every NaN position.
    static func polyline(_ points: [(Double, Double)]) -> String {
        var path = ""
        path.reserveCapacity(points.count * 12)
        var run = 0
        for (x, y) in points {
            guard x.isFinite, y.isFinite else {
                run = 0
                continue
            }
            path += run == 0 ? "M" : run == 1 ? "L" : " "
            path += SVGWriter.number(x) + " " + SVGWriter.number(y)
            run += 1
        }
        return path
    }

    /// A vertical error bar with short caps.
    static func errorBar(x: Double, low: Double, high: Double, cap: Double, color: String, into svg: inout SVGWriter) {
        guard x.isFinite, low.isFinite, high.isFinite else { return }
        let path =
            "M\(SVGWriter.number(x)) \(SVGWriter.number(low))V\(SVGWriter.number(high))"
            + "M\(SVGWriter.number(x - cap)) \(SVGWriter.number(low))h\(SVGWriter.number(2 * cap))"
            + "M\(SVGWriter.number(x - cap)) \(SVGWriter.number(high))h\(SVGWriter.number(2 * cap))"
        svg.element("path", [("d", path), ("fill", "none"), ("style", "stroke:\(color)"), ("stroke-width", "1.3")])
    }

    /// A rectangle from two corners in any order.
    static func rect(x0: Double, y0: Double, x1: Double, y1: Double) -> [(String, String)] {
        [
            ("x", SVGWriter.number(min(x0, x1))), ("y", SVGWriter.number(min(y0, y1))),
            ("width", SVGWriter.number(abs(x1 - x0))), ("height", SVGWriter.number(abs(y1 - y0))),
        ]
    }
}
